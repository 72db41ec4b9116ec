"""Closing a client: ``close()`` and ``with Mastodon(...)`` release its connections.

The server here is the fault server with a handler that counts the TCP
connections it accepts and the ones that end. Its idle timeout is far longer
than any wait in these tests, so a connection the server sees end was ended by
the client. A session the caller passed in must stay open and keep its pooled
connection.
"""
from __future__ import annotations

import threading
from typing import Callable, Iterator, List

import pytest
import requests

from mastodon import Mastodon
from mastodon.errors import MastodonNotFoundError
from mastodon.internals import _close_pools
from support.fault_server import FaultServer, _Handler, json_reply

DEADLINE = 20.0  # seconds to wait for the server to notice; its idle timeout is 120


class _CountingHandler(_Handler):
    timeout = 120  # no idle connection is dropped by the server while a test waits

    def setup(self) -> None:
        super().setup()
        self.server.owner.connection_changed(opened=1)  # type: ignore[attr-defined]

    def finish(self) -> None:
        try:
            super().finish()
        finally:
            self.server.owner.connection_changed(closed=1)  # type: ignore[attr-defined]


class ConnectionCountingServer(FaultServer):
    """A fault server that counts connections opened and closed (by either side)."""

    handler_class = _CountingHandler

    def __init__(self) -> None:
        super().__init__()
        self.default = json_reply([])
        self.opened = self.closed = 0
        self._changed = threading.Condition()

    def connection_changed(self, opened: int = 0, closed: int = 0) -> None:
        with self._changed:
            self.opened += opened
            self.closed += closed
            self._changed.notify_all()

    def wait_until(self, condition: Callable[[], bool]) -> bool:
        """Wait (up to DEADLINE) until ``condition()`` holds; whether it does."""
        with self._changed:
            return self._changed.wait_for(condition, DEADLINE)

    @property
    def open_connections(self) -> int:
        with self._changed:
            return self.opened - self.closed


@pytest.fixture
def server() -> Iterator[ConnectionCountingServer]:
    started = ConnectionCountingServer().start()
    yield started
    started.stop()


def close_now(session: requests.Session) -> None:
    """End a caller's session and its connections at once, on any interpreter.

    ``Session.close()`` alone only forgets the pools: CPython's reference
    counting then closes their connections at once, PyPy's collector only later.
    """
    _close_pools(session)
    session.close()


def _client(server: ConnectionCountingServer, **kwargs: object) -> Mastodon:
    return Mastodon(access_token="token", api_base_url=server.url, **kwargs)


def test_close_releases_the_pooled_connection(server: ConnectionCountingServer) -> None:
    api = _client(server)
    api.timeline_home()
    api.timeline_home()
    assert len(server.requests) == 2
    assert server.wait_until(lambda: server.opened == 1)
    assert server.open_connections == 1  # pooled: both requests used one connection

    api.close()

    assert server.wait_until(lambda: server.closed == 1), "the client kept its connection"
    assert server.opened == 1


def test_the_with_block_closes_the_client_even_when_it_raises(
        server: ConnectionCountingServer) -> None:
    server.script(json_reply({"error": "Record not found"}, status=404))
    with pytest.raises(MastodonNotFoundError) as caught:
        with _client(server) as api:
            assert isinstance(api, Mastodon)
            api.status(1)
    # the error the caller keeps holds the response, and through it the connection pool
    assert caught.value.response.status_code == 404
    assert server.wait_until(lambda: server.opened == 1 and server.closed == 1)


def test_a_closed_client_can_send_again_and_be_closed_again(
        server: ConnectionCountingServer) -> None:
    api = _client(server)
    api.timeline_home()
    api.close()
    api.close()  # harmless
    assert server.wait_until(lambda: server.closed == 1)

    api.timeline_home()  # a new connection
    assert server.wait_until(lambda: server.opened == 2)
    api.close()
    assert server.wait_until(lambda: server.closed == 2)


def test_a_callers_session_is_left_open(server: ConnectionCountingServer) -> None:
    session = requests.Session()
    try:
        with _client(server, session=session) as api:
            api.timeline_home()
        api.close()
        assert server.wait_until(lambda: server.opened == 1)

        # the caller's session still holds its pooled connection and reuses it
        assert session.get(server.url + "/api/v1/timelines/home", timeout=DEADLINE).ok
        assert len(server.requests) == 2
        assert (server.opened, server.closed) == (1, 0)
    finally:
        close_now(session)
    assert server.wait_until(lambda: server.closed == 1)


def test_create_app_closes_the_connection_it_made(server: ConnectionCountingServer,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    made: List[requests.Session] = []  # kept alive here, so only close() can end the connection

    class KeptSession(requests.Session):
        def __init__(self) -> None:
            super().__init__()
            made.append(self)

    monkeypatch.setattr(requests, "Session", KeptSession)
    monkeypatch.setattr(requests.sessions, "Session", KeptSession)  # what requests.post uses
    server.script(json_reply({"client_id": "id", "client_secret": "secret"}))
    assert Mastodon.create_app("app", api_base_url=server.url) == ("id", "secret")
    assert server.requests[0].path == "/api/v1/apps"
    assert len(made) == 1
    assert server.wait_until(lambda: server.opened == 1 and server.closed == 1)


def test_create_app_leaves_a_callers_session_open(server: ConnectionCountingServer) -> None:
    server.script(json_reply({"client_id": "id", "client_secret": "secret"}))
    session = requests.Session()
    try:
        Mastodon.create_app("app", api_base_url=server.url, session=session)
        assert session.get(server.url + "/api/v1/timelines/home", timeout=DEADLINE).ok
        assert (server.opened, server.closed) == (1, 0)
    finally:
        close_now(session)
    assert server.wait_until(lambda: server.closed == 1)
