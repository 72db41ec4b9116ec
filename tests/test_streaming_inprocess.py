"""What the library does with the listener objects it is handed (issue 23), on real connections.

Streams from fault_server on 127.0.0.1: run_async returns before connecting
and retries a failing first connection; a clean end is no failure; Mastodon's
bare heartbeats count at once; handlers get ``for_stream`` exactly when they
have a parameter of that name; any object with ``handle_stream`` is a
listener, and overrides of ``handle_stream`` run.
"""
from __future__ import annotations

import logging
import socket
import threading
from typing import Any, List

import pytest
import requests

from mastodon import (
    Mastodon, MastodonAPIError, MastodonIllegalArgumentError, MastodonMalformedEventError,
    MastodonNetworkError,
)
from mastodon._streaming.events import dispatch_event, for_stream_passing
from mastodon.streaming import CallbackStreamListener, StreamHandle, StreamListener
from support.fault_server import Reply, json_reply, sse_event, sse_reply
from support.stream_helpers import (  # noqa: F401 (api, handles: fixtures)
    Recorder, api, assert_no_stream_threads, handles, ids, wait_until,
)

STATUS = {"id": "1", "content": "x", "account": {"id": "1", "acct": "alice"}}


def status(ident: int) -> bytes:
    return sse_event("update", {**STATUS, "id": str(ident)})


# ------------------------------------------------------------------ run_async returns at once

def test_run_async_returns_before_the_server_answers(fault_server: Any, api: Mastodon,
                                                     handles: List[StreamHandle]) -> None:
    asked, answer = threading.Event(), threading.Event()

    def held(seen: Any) -> Reply:
        asked.set()
        answer.wait(10)
        return sse_reply([status(1)])

    fault_server.script(held)
    listener = Recorder()
    handle = api.stream_user(listener, run_async=True)  # the server has not answered yet
    handles.append(handle)
    assert not answer.is_set() and listener.events == []
    assert asked.wait(10)  # the stream's own thread is connecting
    assert handle.state() == "reconnecting" and not handle.is_receiving()
    answer.set()
    listener.wait_event("update")
    handle.join(10)  # the body ended and there is no reconnecting: the thread ends quietly
    assert not handle.is_alive() and listener.aborts == [] and handle.reconnects == 0


@pytest.mark.parametrize("reconnect", [False, True])
def test_failing_first_connections_are_retried_in_the_background(
        fault_server: Any, api: Mastodon, handles: List[StreamHandle], reconnect: bool,
        caplog: pytest.LogCaptureFixture) -> None:
    fault_server.script(json_reply({"error": "down"}, 500), json_reply({"error": "busy"}, 503),
                        sse_reply([status(1)], hold=10))
    listener = Recorder()
    handle = api.stream_user(listener, run_async=True, reconnect_async=reconnect, catch_up=False,
                             reconnect_async_wait_sec=0.01)
    handles.append(handle)
    listener.wait_event("update")
    assert [type(err).__name__ for err in listener.aborts] == \
        ["MastodonInternalServerError", "MastodonServiceUnavailableError"]
    warnings = [r for r in caplog.records if r.name == "mastodon" and r.levelno == logging.WARNING]
    assert len(warnings) == 2 and all("trying again" in r.getMessage() for r in warnings)
    assert handle.is_receiving() and handle.reconnects == 0  # the first connection, at last


def test_a_refused_first_connection_is_never_raised_to_the_caller(
        api: Mastodon, handles: List[StreamHandle]) -> None:
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    api._streaming_base = f"http://127.0.0.1:{port}"
    listener = Recorder()
    handle = api.stream_user(listener, run_async=True, reconnect_async_wait_sec=0.01)
    handles.append(handle)
    assert listener.wait(lambda r: len(r.aborts) >= 3)
    assert all(isinstance(err, MastodonNetworkError) for err in listener.aborts)
    assert handle.is_alive() and not handle.is_receiving()
    handle.close()
    assert not handle.is_alive()


# ------------------------------------------------------------------ end of the feed, heartbeats

def test_a_clean_end_returns_from_a_blocking_stream(fault_server: Any, api: Mastodon) -> None:
    fault_server.script(sse_reply([b":)\n\n", status(1), b":thump\n", status(2), b"event: upd"]))
    listener = Recorder()
    assert api.stream_user(listener) is None
    assert ids(listener) == ["1", "2"] and listener.heartbeats == 2 and listener.aborts == []


def test_a_broken_connection_still_raises_after_on_abort(fault_server: Any, api: Mastodon) -> None:
    body = status(1) + status(2)
    fault_server.script(sse_reply([body], cut_after=len(status(1)) + 5, reset=True))
    listener = Recorder()
    with pytest.raises(MastodonNetworkError) as info:
        api.stream_user(listener)
    assert ids(listener) == ["1"] and listener.aborts == [info.value]


def test_reconnecting_streams_reconnect_after_a_clean_end(fault_server: Any, api: Mastodon,
                                                          handles: List[StreamHandle]) -> None:
    fault_server.script(sse_reply([status(1)]), sse_reply([status(2)], hold=10))
    listener = Recorder()
    handle = api.stream_user(listener, run_async=True, reconnect_async=True, catch_up=False,
                             reconnect_async_wait_sec=0.01)
    handles.append(handle)
    listener.wait_event("update", 2)
    assert ids(listener) == ["1", "2"] and handle.reconnects == 1
    assert [type(err) for err in listener.aborts] == [MastodonNetworkError]


def test_bare_heartbeats_reach_the_listener_on_an_idle_stream(
        fault_server: Any, api: Mastodon, handles: List[StreamHandle]) -> None:
    """Mastodon sends ``:thump`` with no empty line after it; the stream stays open and idle."""
    fault_server.script(sse_reply([b":thump\n", b":thump\n"], hold=10))
    listener = Recorder()
    handles.append(api.stream_user(listener, run_async=True))
    assert listener.wait(lambda r: r.heartbeats == 2)
    assert listener.events == [] and listener.aborts == []


def test_unknown_event_with_bad_json_is_malformed_in_the_background(
        fault_server: Any, api: Mastodon, handles: List[StreamHandle]) -> None:
    fault_server.script(sse_reply([status(1), sse_event("brand.new", "not json"), status(2)],
                                  hold=10))
    listener = Recorder()
    handle = api.stream_user(listener, run_async=True)
    handles.append(handle)
    assert listener.wait(lambda r: r.aborts)
    handle.join(10)
    assert ids(listener) == ["1"] and isinstance(listener.aborts[0], MastodonMalformedEventError)


# ------------------------------------------------------------------ handler signatures

class Everything(StreamListener):
    """Every kind of handler signature a Mastodon.py listener may have."""

    def __init__(self) -> None:
        self.calls: List[tuple] = []

    def on_any_event(self, name: str, data: Any) -> None:  # two arguments: no for_stream
        self.calls.append(("any", name))

    def on_update(self, status: Any, for_stream: Any) -> None:
        self.calls.append(("update", status["id"], for_stream))

    def on_delete(self, status_id: Any, for_stream: Any = None, /) -> None:  # positional only
        self.calls.append(("delete", status_id, for_stream))

    def on_notification(self, notification: Any, **extra: Any) -> None:  # not named: not passed
        self.calls.append(("notification", extra))

    def on_filters_changed(self, *, for_stream: Any) -> None:
        self.calls.append(("filters_changed", for_stream))

    def on_unknown_event(self, name: str, data: Any, for_stream: Any) -> None:
        self.calls.append(("unknown", name, for_stream))


def test_each_handler_gets_for_stream_when_it_names_it() -> None:
    listener = Everything()
    for name, payload in [("update", {"id": "1"}), ("delete", "2"), ("notification", {"id": "3"}),
                          ("filters_changed", None), ("brand.new", 5)]:
        dispatch_event(listener, name, payload, ["hashtag", "cats"])
    stream = ["hashtag", "cats"]
    assert listener.calls == [
        ("any", "update"), ("update", "1", stream), ("any", "delete"), ("delete", "2", stream),
        ("any", "notification"), ("notification", {}), ("any", "filters_changed"),
        ("filters_changed", stream), ("any", "brand.new"), ("unknown", "brand.new", stream)]


def test_how_for_stream_is_passed_is_worked_out_once_per_function(monkeypatch: Any) -> None:
    from mastodon._streaming import events
    looked: List[Any] = []
    real = events._inspect_passing
    monkeypatch.setattr(events, "_inspect_passing", lambda h: looked.append(h) or real(h))

    class Fresh(Everything):  # functions no stream has seen yet
        def on_update(self, status: Any, for_stream: Any) -> None:
            pass

        def on_any_event(self, name: str, data: Any) -> None:
            pass

    first, second = Fresh(), Fresh()
    for listener in (first, second, first):
        assert for_stream_passing(listener.on_update) == "keyword"
        assert for_stream_passing(listener.on_any_event) == "no"
    assert len(looked) == 2  # one look per class function, not per listener or call


def test_callbacks_get_for_stream_when_they_name_it() -> None:
    calls: List[tuple] = []
    listener = CallbackStreamListener(
        update_handler=lambda status, for_stream: calls.append(("update", for_stream)),
        local_update_handler=lambda status: calls.append(("local",)),
        delete_handler=lambda status_id, for_stream=None: calls.append(("delete", for_stream)),
        unknown_event_handler=lambda name, data: calls.append(("unknown", name)),
        filters_changed_handler=lambda for_stream: calls.append(("filters", for_stream)))
    for name, payload in [("update", STATUS), ("delete", "1"), ("brand.new", 1),
                          ("filters_changed", None)]:
        dispatch_event(listener, name, payload, ["user"])
    assert calls == [("update", ["user"]), ("local",), ("delete", ["user"]),
                     ("unknown", "brand.new"), ("filters", ["user"])]


def test_two_argument_on_any_event_in_a_background_stream(
        fault_server: Any, api: Mastodon, handles: List[StreamHandle],
        caplog: pytest.LogCaptureFixture) -> None:
    fault_server.script(sse_reply([status(1), sse_event("delete", "1"), status(2)], hold=10))
    listener = Everything()
    handles.append(api.stream_user(listener, run_async=True))
    assert wait_until(lambda: len(listener.calls) == 6)
    assert listener.calls == [("any", "update"), ("update", "1", ["user"]), ("any", "delete"),
                              ("delete", "1", ["user"]), ("any", "update"), ("update", "2", ["user"])]
    assert [r for r in caplog.records if r.levelno >= logging.ERROR] == []


# ------------------------------------------------------------------ duck-typed listeners

class Duck:
    """A listener of no library class: it reads each response itself."""

    def __init__(self) -> None:
        self.bodies: List[bytes] = []
        self.threads: List[str] = []
        self.got = threading.Condition()

    def handle_stream(self, response: Any) -> None:
        body = b"".join(response.iter_content(chunk_size=None))
        with self.got:
            self.bodies.append(body)
            self.threads.append(threading.current_thread().name)
            self.got.notify_all()


def test_a_duck_typed_listener_is_handed_the_response(fault_server: Any, api: Mastodon,
                                                      handles: List[StreamHandle]) -> None:
    fault_server.script(sse_reply([status(1)]), sse_reply([status(2)]), sse_reply([status(3)]))
    duck = Duck()
    assert api.stream_user(duck) is None
    assert duck.bodies == [status(1)] and duck.threads == [threading.current_thread().name]
    handle = api.stream_user(duck, run_async=True, reconnect_async=True,
                             reconnect_async_wait_sec=0.01)
    handles.append(handle)
    with duck.got:
        assert duck.got.wait_for(lambda: len(duck.bodies) == 3, 10)
    assert duck.bodies[1:] == [status(2), status(3)]
    assert duck.threads[1].startswith("mastodon-stream-user")


def test_an_overriding_handle_stream_runs(fault_server: Any, api: Mastodon,
                                          handles: List[StreamHandle]) -> None:
    fault_server.script(sse_reply([status(1)]), sse_reply([status(2)], hold=10))

    class Overriding(Recorder):
        def __init__(self) -> None:
            super().__init__()
            self.responses: List[Any] = []

        def handle_stream(self, response: Any) -> None:
            self.responses.append(response)
            super().handle_stream(response)

    listener = Overriding()
    assert api.stream_user(listener) is None
    assert len(listener.responses) == 1 and isinstance(listener.responses[0], requests.Response)
    handles.append(api.stream_user(listener, run_async=True))
    listener.wait_event("update", 2)
    assert ids(listener) == ["1", "2"] and len(listener.responses) == 2


def test_an_object_without_handle_stream_is_refused(fault_server: Any, api: Mastodon) -> None:
    for listener in (None, object(), type("OnlyAbort", (), {"on_abort": lambda self, e: None})()):
        with pytest.raises(MastodonIllegalArgumentError, match="listener"):
            api.stream_user(listener, run_async=True)
    assert fault_server.requests == []


def test_only_read_and_decoding_failures_go_to_on_abort() -> None:
    """A handler raising one of the library's own errors is the handler's failure, not the stream's."""
    class Raising(Recorder):
        def on_update(self, status: Any) -> None:
            raise MastodonNetworkError("raised by the handler")

    class Body:
        def iter_content(self, chunk_size: int = 1) -> Any:
            yield status(1)

    listener = Raising()
    with pytest.raises(MastodonNetworkError, match="by the handler"):
        listener.handle_stream(Body())
    assert listener.aborts == []


def test_local_updates_need_an_account() -> None:
    got: List[str] = []
    listener = CallbackStreamListener(update_handler=lambda s: got.append("update"),
                                      local_update_handler=lambda s: got.append("local"))
    dispatch_event(listener, "update", STATUS)
    dispatch_event(listener, "update", {**STATUS, "account": {"acct": "bob@elsewhere"}})
    with pytest.raises(MastodonMalformedEventError):
        dispatch_event(listener, "update", {"id": "2"})  # as Mastodon.py: a bad update
    assert got == ["update", "local", "update", "update"]
    plain = CallbackStreamListener(update_handler=lambda s: got.append("plain"))
    dispatch_event(plain, "update", {"id": "3"})  # nobody asked whether it is local
    assert got[-1] == "plain"
