"""WebSocket streaming: multiplexed subscriptions over one connection.

mastodon_mock only speaks the legacy one-stream-per-socket form (stream and
token in the URL) and ignores subscribe messages, so these tests use our own
small server (tests/support/ws_server.py) that speaks Mastodon's
multiplexed protocol.
"""
from __future__ import annotations

import json
import logging
from typing import Any, Iterator

import pytest

from mastodon import Mastodon, MastodonIllegalArgumentError, MastodonNetworkError
from mastodon.errors import MastodonAPIError, MastodonNotImplementedError, MastodonUnauthorizedError
from mastodon.return_types import Notification, Status
from mastodon.types_base import AttribAccessDict
from mastodon.streaming_websocket import WebSocketStreamHandle, WebSocketSubscription
from support.extras import require_extra
from support.stream_helpers import Recorder, assert_no_stream_threads
from support.ws_server import WSServer

require_extra("websocket", "websocket")

STATUS = {"id": "5", "created_at": "2024-05-01T10:00:00Z", "content": "<p>x</p>",
          "account": {"id": "1", "acct": "alice"}}


@pytest.fixture
def server() -> Iterator[WSServer]:
    srv = WSServer(require_token="ws_token").start()
    yield srv
    srv.stop()


@pytest.fixture
def api(server: WSServer) -> Iterator[Mastodon]:
    client = Mastodon(access_token="ws_token", api_base_url="http://127.0.0.1:1",
                      user_agent="stream-test")
    client._streaming_base = f"http://127.0.0.1:{server.port}"
    client._facts.documents["v2"] = AttribAccessDict()  # nothing answers REST here
    yield client
    client.session.close()


def test_subscriptions_are_multiplexed(server: WSServer, api: Mastodon) -> None:
    default, tags = Recorder(), Recorder()
    with api.stream_open_websocket(default) as handle:
        assert isinstance(handle, WebSocketStreamHandle) and handle.is_alive()
        user = api.stream_user(default, websocket_handle=handle)
        cats = api.stream_hashtag("cats", tags, websocket_handle=handle)
        lst = handle.subscribe("list", list=7)
        assert isinstance(user, WebSocketSubscription) and user.is_receiving()
        assert server.wait_subscribed(("user",)) and server.wait_subscribed(("hashtag", "cats"))
        assert server.wait_subscribed(("list", "7"))
        assert len(server.connections) == 1  # one socket for all three
        request = server.connections[0]
        assert request.request.startswith("GET /api/v1/streaming ")
        assert "ws_token" not in request.request  # the token is not in the URL ...
        assert request.headers["authorization"] == "Bearer ws_token"  # ... but in a header
        assert request.headers["user-agent"] == "stream-test"
        server.push(["user"], "notification", {"id": "3", "type": "follow",
                                               "account": STATUS["account"]})
        server.push(["hashtag", "cats"], "update", STATUS)
        server.push(["list", "7"], "delete", "5")
        server.push(["hashtag", "cats"], "status.update", STATUS)
        assert tags.wait(lambda r: len(r.events) == 2) and default.wait(lambda r: len(r.events) == 2)
        assert isinstance(default.of("notification")[0], Notification)
        assert default.of("delete") == ["5"] and default.events[1][2] == ["list", "7"]
        assert isinstance(tags.of("update")[0], Status)
        assert tags.events[0][2] == ["hashtag", "cats"] and tags.of("status.update")[0].id == "5"
        assert {s.stream for s in handle.subscriptions()} == {"user", "hashtag", "list"}
        cats.close()
        assert not cats.is_alive() and server.wait_unsubscribed(("hashtag", "cats"))
        assert server.messages[-1] == {"type": "unsubscribe", "stream": "hashtag", "tag": "cats"}
        assert len(handle.subscriptions()) == 2
        lst.close()
    assert not handle.is_alive() and not user.is_alive()
    assert_no_stream_threads()


def test_token_in_url_only_when_asked(server: WSServer, api: Mastodon) -> None:
    server.require_token = None
    with api.stream_open_websocket(Recorder(), token_in_url=True):
        assert server.wait_subscribed(("nothing",), timeout=0.2) is False
    request = server.connections[0]
    assert "access_token=ws_token" in request.request and "authorization" not in request.headers


def test_refused_handshakes_raise(server: WSServer, api: Mastodon) -> None:
    bad = Mastodon(access_token="wrong", api_base_url="http://127.0.0.1:1")
    bad._streaming_base = api._streaming_base
    with pytest.raises(MastodonUnauthorizedError):
        bad.stream_open_websocket(Recorder())
    server.reject = 503
    with pytest.raises(MastodonAPIError):
        api.stream_open_websocket(Recorder())
    server.stop()
    with pytest.raises(MastodonNetworkError):
        api.stream_open_websocket(Recorder())
    bad.session.close()


def test_reconnect_renews_subscriptions(server: WSServer, api: Mastodon) -> None:
    listener = Recorder()
    handle = api.stream_open_websocket(listener, reconnect_async=True, reconnect_async_wait_sec=0.01)
    try:
        handle.subscribe("public:local")
        assert server.wait_subscribed(("public:local",))
        server.drop_all()
        assert listener.wait(lambda r: r.aborts, 5)
        assert isinstance(listener.aborts[0], MastodonNetworkError)
        assert server.wait_subscribed(("public:local",), connections=1)
        server.push(["public:local"], "update", STATUS)
        assert listener.wait_event("update")[0].id == "5"
        assert handle.reconnects == 1 and handle.is_receiving()
    finally:
        handle.close()
    assert_no_stream_threads()


def test_bad_frames_and_errors_do_not_end_the_stream(server: WSServer, api: Mastodon) -> None:
    listener = Recorder()
    errors: list = []
    listener.on_websocket_error = lambda error, for_stream=None: errors.append((error, for_stream))  # type: ignore[method-assign]
    with api.stream_open_websocket(listener) as handle:
        handle.subscribe("user")
        assert server.wait_subscribed(("user",))
        server.send_raw("{not json")
        server.send_raw(json.dumps({"error": "Missing scope", "status": 401}))
        server.push(["user"], "update", "{broken")
        server.push(["user"], "update", STATUS)
        assert listener.wait(lambda r: r.of("update"), 5)
        assert len(listener.aborts) == 2  # the two bad frames, each reported; the stream went on
        assert errors == [("Missing scope", None)] and handle.is_receiving()


def test_read_timeout_without_reconnect_ends(server: WSServer, api: Mastodon) -> None:
    listener = Recorder()
    handle = api.stream_open_websocket(listener, timeout=1.0)
    handle.join(5)
    assert not handle.is_alive()
    assert type(listener.aborts[0]).__name__ == "MastodonReadTimeout"


def test_close_is_bounded(server: WSServer, api: Mastodon) -> None:
    handle = api.stream_open_websocket(Recorder())
    handle.subscribe("user")
    assert server.wait_subscribed(("user",))
    handle.close()
    assert not handle.is_alive()  # ended by close() itself, not left to the join timeout
    assert_no_stream_threads()


def test_subscribe_needs_a_listener(server: WSServer, api: Mastodon) -> None:
    with api.stream_open_websocket() as handle:
        with pytest.raises(MastodonIllegalArgumentError):
            handle.subscribe("user")
        with pytest.raises(MastodonIllegalArgumentError):
            handle.subscribe("", Recorder())


def test_missing_extra_raises(monkeypatch: Any, api: Mastodon) -> None:
    import mastodon.compat as compat
    monkeypatch.setattr(compat, "_has", lambda module: module != "websocket")
    with pytest.raises(MastodonNotImplementedError, match="websocket"):
        api.stream_open_websocket(Recorder())


def test_failing_handler_is_logged_and_reprs_are_readable(
        server: WSServer, api: Mastodon, caplog: pytest.LogCaptureFixture) -> None:
    class Grumpy(Recorder):
        def on_update(self, status: Any) -> None:
            if status.id == "5":
                raise RuntimeError("handler bug")

    listener = Grumpy()
    with api.stream_open_websocket(listener) as handle:
        subscription = handle.subscribe("hashtag", tag="cats")
        assert server.wait_subscribed(("hashtag", "cats"))
        server.push(["hashtag", "cats"], "update", STATUS)
        server.push(["hashtag", "cats"], "update", {**STATUS, "id": "6"})
        assert listener.wait(lambda r: len(r.of("update")) == 2, 5)
        url = f"ws://127.0.0.1:{server.port}/api/v1/streaming"
        assert repr(handle) == f"<WebSocketStreamHandle {url} running, 0 reconnects, 1 subscription>"
        assert repr(subscription) == "<WebSocketSubscription hashtag:cats active>"
    assert repr(subscription) == "<WebSocketSubscription hashtag:cats closed>"
    assert [type(err) for err in listener.aborts] == [RuntimeError]
    errors = [r for r in caplog.records if r.name == "mastodon" and r.levelno == logging.ERROR]
    assert len(errors) == 1 and errors[0].exc_info is not None
