"""Streams under failure (fault_server on 127.0.0.1): timeouts, broken connections, bad events,
failing handlers, reconnection with backoff, and close() in every state.

The fault server answers only the scripted stream replies, so reconnecting
streams here run with ``catch_up=False`` (catch-up would read REST
timelines; tests/test_streaming_catchup.py covers it).
"""
from __future__ import annotations

import logging
import threading
from typing import Any, List

import pytest

from mastodon import (
    Mastodon, MastodonInternalServerError, MastodonMalformedEventError, MastodonNetworkError,
)
from mastodon.errors import MastodonReadTimeout
from mastodon.streaming import MAX_BACKOFF, StreamHandle, _Backoff
from support.fault_server import Reply, json_reply, sse_event, sse_reply
from support.stream_helpers import (  # noqa: F401 (api, handles: fixtures)
    Recorder, api, assert_no_stream_threads, handles, ids, wait_until,
)

# real sub-second timeouts: no garbage-collection pauses from earlier tests
pytestmark = pytest.mark.usefixtures("frozen_heap")

STATUS = {"id": "1", "created_at": "2024-05-01T10:00:00Z", "content": "x",
          "account": {"id": "1", "acct": "alice"}}


def status(ident: int) -> bytes:
    return sse_event("update", {**STATUS, "id": str(ident)})


def test_read_timeout_blocking_raises_the_exception_itself(fault_server: Any, api: Mastodon) -> None:
    fault_server.script(sse_reply([b":connected\n\n", status(1)], hold=10))
    listener = Recorder()
    with pytest.raises(MastodonReadTimeout) as info:  # not the end of the body, 10 s later
        api.stream_user(listener, timeout=1.0)
    assert listener.aborts == [info.value]  # not a tuple, not a TypeError
    assert ids(listener) == ["1"] and listener.heartbeats == 1


def test_read_timeout_async_goes_to_on_abort(fault_server: Any, api: Mastodon,
                                             handles: List[StreamHandle]) -> None:
    fault_server.script(sse_reply([b":connected\n\n"], hold=10))
    listener = Recorder()
    handle = api.stream_user(listener, run_async=True, timeout=1.0)
    handles.append(handle)
    assert listener.wait(lambda r: r.aborts, 5)
    handle.join(3)
    assert isinstance(listener.aborts[0], MastodonReadTimeout) and not handle.is_alive()


def test_silence_with_reconnect_reconnects(fault_server: Any, api: Mastodon,
                                           handles: List[StreamHandle]) -> None:
    fault_server.script(sse_reply([status(1)], hold=10), sse_reply([status(2)], hold=10))
    listener = Recorder()
    handles.append(api.stream_user(listener, run_async=True, timeout=1.0, reconnect_async=True,
                                   reconnect_async_wait_sec=0.01, catch_up=False))
    assert listener.wait(lambda r: len(r.of("update")) == 2, 5)
    assert isinstance(listener.aborts[0], MastodonReadTimeout)


def test_every_kind_of_break_reconnects(fault_server: Any, api: Mastodon,
                                        handles: List[StreamHandle]) -> None:
    cut = status(2)
    fault_server.script(
        sse_reply([status(1), cut], cut_after=len(status(1)) + 10),  # chunked body cut mid-event
        sse_reply([status(3), cut], cut_after=len(status(3)) + 5, reset=True),  # TCP RST
        sse_reply([status(4)]),  # the server ends the stream properly
        json_reply({"error": "oops"}, status=500),  # the reconnection itself fails
        Reply(200, status(5) + cut, {"Content-Type": "text/event-stream"},
              cut_after=len(status(5)) + 3),  # Content-Length body cut short
        Reply(200, b"", delay=10),  # no answer at all within the timeout
        sse_reply([status(6)], hold=10),
    )
    listener = Recorder()
    handle = api.stream_user(listener, run_async=True, timeout=1.0, reconnect_async=True,
                             reconnect_async_wait_sec=0.01, catch_up=False)
    handles.append(handle)
    assert listener.wait(lambda r: len(r.of("update")) == 5, 10), ids(listener)
    assert ids(listener) == ["1", "3", "4", "5", "6"]
    kinds = [type(err) for err in listener.aborts]
    assert kinds[:3] == [MastodonNetworkError] * 3
    assert MastodonInternalServerError in kinds and MastodonReadTimeout in kinds
    assert handle.is_receiving() and handle.reconnects == 4  # 6 attempts, 2 of them failed


def test_backoff_grows_and_resets() -> None:
    backoff = _Backoff(0.5)
    assert [backoff.next() for _ in range(9)] == [0.5, 1, 2, 4, 8, 16, 32, MAX_BACKOFF, MAX_BACKOFF]
    backoff.reset()
    assert backoff.next() == 0.5
    zero = _Backoff(0)
    assert [zero.next() for _ in range(3)] == [0, 0.1, 0.2]  # never a busy loop
    assert _Backoff(120).next() == 120 and _Backoff(120).bound == 120


def test_refused_reconnections_back_off_and_close_is_fast(fault_server: Any, api: Mastodon) -> None:
    fault_server.script(sse_reply([status(1)]))
    listener = Recorder()
    handle = api.stream_user(listener, run_async=True, reconnect_async=True, catch_up=False,
                             reconnect_async_wait_sec=0.05)
    assert listener.wait(lambda r: r.of("update"), 5)
    fault_server.stop()  # from now on every reconnection is refused
    assert listener.wait(lambda r: len(r.aborts) >= 4, 5)
    assert all(isinstance(err, MastodonNetworkError) for err in listener.aborts)
    assert not handle.is_receiving() and handle.is_alive()
    count = len(listener.aborts)
    handle.close()
    assert not handle.is_alive()  # close() woke the waiting thread, not its join timeout
    assert len(listener.aborts) in (count, count + 1)  # at most the attempt under way
    assert_no_stream_threads()


def test_close_while_blocked_reading(fault_server: Any, api: Mastodon) -> None:
    fault_server.script(sse_reply([b":connected\n\n"], hold=30))
    listener = Recorder()
    handle = api.stream_user(listener, run_async=True, reconnect_async=True, catch_up=False)
    listener.wait_connected()
    assert handle.is_receiving()
    handle.close()
    assert not handle.is_alive() and listener.aborts == []  # woken, not left to the join timeout
    assert_no_stream_threads()


def test_malformed_event_async(fault_server: Any, api: Mastodon, handles: List[StreamHandle]) -> None:
    bad = sse_event("update", '{"id": broken')
    fault_server.script(sse_reply([status(1), bad, status(2)], hold=5),
                        sse_reply([status(3), bad], hold=5), sse_reply([status(4)], hold=5))
    once = Recorder()
    handle = api.stream_user(once, run_async=True)
    handles.append(handle)
    assert once.wait(lambda r: r.aborts, 5)
    handle.join(3)
    assert isinstance(once.aborts[0], MastodonMalformedEventError) and ids(once) == ["1"]
    assert not handle.is_alive()
    again = Recorder()
    handles.append(api.stream_user(again, run_async=True, reconnect_async=True, catch_up=False,
                                   reconnect_async_wait_sec=0.01))
    assert again.wait(lambda r: len(r.of("update")) == 2, 5)
    assert ids(again) == ["3", "4"] and isinstance(again.aborts[0], MastodonMalformedEventError)


@pytest.mark.parametrize("reconnect", [False, True])
def test_failing_handler_is_logged_reported_and_the_stream_goes_on(
        fault_server: Any, api: Mastodon, handles: List[StreamHandle], reconnect: bool,
        caplog: pytest.LogCaptureFixture) -> None:
    fault_server.script(sse_reply([status(1), status(2)], hold=5))

    class Grumpy(Recorder):
        def on_update(self, status: Any) -> None:
            if status.id == "1":
                raise RuntimeError("handler bug")

    listener = Grumpy()
    handle = api.stream_user(listener, run_async=True, reconnect_async=reconnect, catch_up=False)
    handles.append(handle)
    assert listener.wait(lambda r: "2" in ids(r), 5), listener.aborts
    assert handle.reconnects == 0 and handle.is_receiving()  # the same connection goes on
    assert len(listener.aborts) == 1 and isinstance(listener.aborts[0], RuntimeError)
    errors = [r for r in caplog.records if r.name == "mastodon" and r.levelno == logging.ERROR]
    assert len(errors) == 1 and errors[0].exc_info is not None
    assert errors[0].exc_info[1] is listener.aborts[0] and "'update'" in errors[0].getMessage()


def test_close_inside_a_handler(fault_server: Any, api: Mastodon) -> None:
    fault_server.script(sse_reply([status(1), status(2)], hold=10))
    inside, release = threading.Event(), threading.Event()

    class Slow(Recorder):
        def on_update(self, status: Any) -> None:
            inside.set()
            release.wait(10)

    listener = Slow()
    handle = api.stream_user(listener, run_async=True, reconnect_async=True, catch_up=False)
    assert inside.wait(5)
    closer = threading.Thread(target=handle.close, name="closer")
    closer.start()
    assert wait_until(lambda: handle.state() == "closed", 5)
    release.set()  # the handler returns: the stream ends without reading further
    closer.join(10)
    assert not closer.is_alive() and not handle.is_alive()
    assert ids(listener) == ["1"] and listener.aborts == []
    assert_no_stream_threads()


def test_close_while_connecting(fault_server: Any, api: Mastodon) -> None:
    """A reconnection the server never answers ends with close(), at the latest after ``timeout``."""
    fault_server.script(sse_reply([status(1)]), Reply(200, b"", delay=30))
    listener = Recorder()
    handle = api.stream_user(listener, run_async=True, timeout=1.0, reconnect_async=True,
                             reconnect_async_wait_sec=0.01, catch_up=False)
    assert wait_until(lambda: len(fault_server.requests) == 2, 5)  # connecting again now
    assert handle.state() == "reconnecting"
    handle.close()
    assert wait_until(lambda: not handle.is_alive(), 10)
    assert len(listener.aborts) == 1 and handle.reconnects == 0  # the end of the first answer only
    assert_no_stream_threads()


def test_reprs_say_what_a_handle_is(fault_server: Any, api: Mastodon) -> None:
    fault_server.script(sse_reply([b":connected\n\n"], hold=10))
    listener = Recorder()
    handle = api.stream_hashtag("cats", listener, run_async=True, catch_up=False)
    listener.wait_connected()
    assert repr(handle) == "<SSEStreamHandle hashtag:cats running, 0 reconnects>"
    handle.close()
    assert repr(handle) == "<SSEStreamHandle hashtag:cats closed, 0 reconnects>"


def test_stream_closed_from_its_own_handler(fault_server: Any, api: Mastodon) -> None:
    fault_server.script(sse_reply([status(1), status(2)], hold=5))
    holder: List[StreamHandle] = []
    ready = threading.Event()

    class Closer(Recorder):
        def on_update(self, status: Any) -> None:
            ready.wait(5)
            holder[0].close()  # must not deadlock by joining its own thread

    listener = Closer()
    holder.append(api.stream_user(listener, run_async=True, reconnect_async=True, catch_up=False))
    ready.set()
    holder[0].join(5)
    assert not holder[0].is_alive() and ids(listener) == ["1"]
    assert_no_stream_threads()


def test_one_listener_many_streams_no_crossing(fault_server: Any, api: Mastodon,
                                               handles: List[StreamHandle]) -> None:
    """Events split at odd places on 4 concurrent connections reach one listener intact."""
    bodies = [[status(stream * 100 + n) for n in range(30)] for stream in range(4)]
    for events in bodies:
        fault_server.script(sse_reply(events, chunk_size=7, hold=5))
    listener = Recorder()
    for index in range(4):
        handles.append(api.stream_hashtag(f"t{index}", listener, run_async=True))
    assert listener.wait(lambda r: len(r.of("update")) == 120, 10)
    by_stream: dict = {}
    for name, data, stream in listener.events:
        by_stream.setdefault(stream[1], []).append(data.id)
    assert sorted(len(v) for v in by_stream.values()) == [30] * 4
    for got in by_stream.values():  # each stream's events in its own order, none mixed in
        base = int(got[0]) // 100
        assert got == [str(base * 100 + n) for n in range(30)]
    assert len(listener.threads) == 4
