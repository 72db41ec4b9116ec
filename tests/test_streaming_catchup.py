"""Catch-up after reconnection: a connection cut mid-event, 100 times, loses nothing and repeats nothing.

The server is our own (tests/support/sse_server.py, 127.0.0.1 only): every
connection starts with a few statuses and a notification posted while the
client was away, streams some live ones, and then breaks in the middle of
an event: by TCP RST or FIN, inside an HTTP chunk or in a body delimited by
closing, at a different byte each time.
"""
from __future__ import annotations

import logging
import threading
from datetime import datetime, timedelta, timezone
from typing import Any, Iterator

import pytest

from mastodon import Mastodon
from support.sse_server import MiniMastodon, StreamWriter, sse_bytes
from support.stream_helpers import Recorder, assert_no_stream_threads, wait_until

# real sub-second timeouts: no garbage-collection pauses from earlier tests
pytestmark = pytest.mark.usefixtures("frozen_heap")

CUTS = 100


@pytest.fixture
def mini() -> Iterator[MiniMastodon]:
    server = MiniMastodon()
    yield server
    server.stop()


def make_api(server: MiniMastodon) -> Mastodon:
    return Mastodon(access_token="mini_token", api_base_url=server.url)


def cutting_plan(server: MiniMastodon, cuts: int) -> Any:
    def plan(index: int, w: StreamWriter) -> None:
        server.post_status("missed")  # posted while the client was disconnected
        server.post_status("missed")
        server.post_notification()
        w.start()
        w.event("update", server.post_status("live"))
        w.event("notification", server.post_notification())
        w.event("update", server.post_status("live"))
        if index < cuts:
            event = sse_bytes("update", server.post_status("cut"))
            w.cut(event, at=1 + (index * 37) % (len(event) - 1), reset=index % 2 == 0)
        else:
            w.event("end_of_test", {})  # after this, nothing more arrives
            w.hold()
    return plan


def test_hundred_cuts_deliver_every_status_exactly_once(mini: MiniMastodon) -> None:
    mini.plan = cutting_plan(mini, CUTS)
    mini.chunked = lambda index: index % 3 != 2  # every third body is delimited by closing
    mini.start()
    for _ in range(3):  # existed before the stream started: must not be delivered
        mini.post_status("old")
    old_ids = {status["id"] for status in mini.statuses}
    api = make_api(mini)
    listener = Recorder()
    handle = api.stream_user(listener, run_async=True, reconnect_async=True,
                             reconnect_async_wait_sec=0.001)  # catch-up is on by default
    try:
        assert listener.wait(lambda r: "end_of_test" in r.names(), timeout=120), \
            f"got {len(listener.of('update'))} updates after {mini.connections} connections"
    finally:
        handle.close()
    assert_no_stream_threads()
    statuses = [status["id"] for status in mini.statuses if status["id"] not in old_ids]
    delivered = [status.id for status in listener.of("update")]
    assert delivered == statuses  # every one, once, in order
    assert [n.id for n in listener.of("notification")] == [n["id"] for n in mini.notifications]
    assert handle.reconnects == CUTS
    assert len(listener.aborts) == CUTS  # on_abort saw every break, as the exception itself
    assert all(isinstance(err, Exception) for err in listener.aborts)


def test_without_catch_up_a_cut_loses_events(mini: MiniMastodon) -> None:
    """The control experiment, with catch-up switched off: reconnection misses what happened in between."""
    mini.plan = cutting_plan(mini, 3)
    mini.start()
    listener = Recorder()
    handle = make_api(mini).stream_user(listener, run_async=True, reconnect_async=True,
                                        reconnect_async_wait_sec=0.001, catch_up=False)
    try:
        assert listener.wait(lambda r: "end_of_test" in r.names(), 30)
    finally:
        handle.close()
    delivered = [status.id for status in listener.of("update")]
    assert len(delivered) == len(set(delivered)) < len(mini.statuses)
    assert not [path for path, _, _ in mini.requests if path == "/api/v1/timelines/home"]


def test_catch_up_requests_page_forward_with_min_id(mini: MiniMastodon) -> None:
    def plan(index: int, w: StreamWriter) -> None:
        if index == 1:
            for _ in range(95):  # more than two pages missed
                mini.post_status("missed")
        w.start()
        if index == 0:
            w.event("update", mini.post_status("first"))
            w.drop()
        else:
            w.hold()
    mini.plan = plan
    mini.start()
    listener = Recorder()
    handle = make_api(mini).stream_user(listener, run_async=True, reconnect_async=True,
                                        reconnect_async_wait_sec=0.001)
    try:
        assert listener.wait(lambda r: len(r.of("update")) >= 96, 30)
    finally:
        handle.close()
    assert [s.id for s in listener.of("update")] == [s["id"] for s in mini.statuses]
    home = [query for path, query, _ in mini.requests if path == "/api/v1/timelines/home"]
    assert home[0] == {"limit": "1"}  # the baseline before connecting
    cursors = [query.get("min_id") for query in home[1:]]
    assert all(query.get("limit") == "40" for query in home[1:])
    assert cursors == sorted(cursors, key=int) and len(cursors) >= 5  # 0+1 connects, 3 pages, end


def test_event_gate_drops_repeats_and_forgets_old_ids() -> None:
    from mastodon._streaming.catchup import EventGate
    gate = EventGate()
    gate.KEEP = 3
    assert gate.admit("update", {"id": "9"}) and not gate.admit("update", {"id": "9"})
    assert gate.admit("notification", {"id": "9"})  # another id sequence
    assert gate.admit("status.update", {"id": "9"}) and gate.admit("status.update", {"id": "9"})
    assert gate.admit("delete", "9") and gate.admit("delete", "9")  # never filtered
    for ident in ("10", "11", "12"):
        assert gate.admit("update", {"id": ident})
    assert gate.admit("update", {"id": "9"})  # forgotten: only the last KEEP ids are kept
    assert gate.newest == {"status": "12", "notification": "9"}
    conv = {"id": "c1", "last_status": {"id": "20"}}
    assert gate.admit("conversation", conv) and not gate.admit("conversation", conv)
    assert gate.admit("conversation", {"id": "c1", "last_status": {"id": "21"}})  # a new message
    assert gate.newest["conversation"] == "21"


def test_conversation_catch_up_reads_one_page() -> None:
    from mastodon._streaming.catchup import CONVERSATIONS, CatchUp, EventGate

    class StubApi:
        def __init__(self) -> None:
            self.calls: list = []

        def _get(self, path: str, params: dict, entity: Any = None) -> list:
            self.calls.append((path, params))
            return [{"id": "c2", "last_status": {"id": "105"}},
                    {"id": "c1", "last_status": {"id": "101"}},
                    {"id": "c3", "last_status": {"id": "99"}}]

    api = StubApi()
    gate = EventGate()
    catch = CatchUp(api, (CONVERSATIONS,), gate)  # type: ignore[arg-type]
    gate.note("conversation", "100")
    delivered: list = []
    catch(lambda name, item: delivered.append((name, item["id"])) or gate.admit(name, item))
    assert delivered == [("conversation", "c1"), ("conversation", "c2")]
    assert api.calls == [("/api/v1/conversations", {"limit": 40})]


PUBLISHED = 300
CUTS_WHILE_PUBLISHING = 20


def test_cuts_while_publishing_lose_nothing_with_default_settings(
        mini: MiniMastodon, caplog: pytest.LogCaptureFixture) -> None:
    """Issue 14: 20 cuts mid-event while an update is published every 40 ms; all 300 arrive."""
    mini.plan = lambda index, w: (w.start(), w.follow())
    mini.start()
    listener = Recorder()
    caplog.set_level(logging.INFO, logger="mastodon")
    handle = make_api(mini).stream_user(listener, run_async=True, reconnect_async=True,
                                        reconnect_async_wait_sec=0.2)
    stop = threading.Event()
    cut_before = {10 + 12 * n for n in range(CUTS_WHILE_PUBLISHING)}  # 10 ... 238: well before the end

    def publish() -> None:
        for number in range(1, PUBLISHED + 1):
            if stop.wait(0.04):
                return
            if number in cut_before:
                # on a slow machine the stream may still be reconnecting from the last cut
                wait_until(lambda: mini.cuts_pending == 0 or stop.is_set(), 30)
                mini.request_cut()
            mini.post_status(f"number {number}")

    publisher = threading.Thread(target=publish, name="publisher", daemon=True)
    publisher.start()
    try:
        assert listener.wait(lambda r: len(r.of("update")) >= PUBLISHED, timeout=120), \
            f"got {len(listener.of('update'))} of {PUBLISHED} after {mini.cuts} cuts"
    finally:
        stop.set()
        publisher.join(5)
        handle.close()
    assert_no_stream_threads()
    assert mini.cuts == CUTS_WHILE_PUBLISHING and handle.reconnects == CUTS_WHILE_PUBLISHING
    assert [s.id for s in listener.of("update")] == [s["id"] for s in mini.statuses]
    waits = [r.getMessage() for r in caplog.records if "reconnecting in" in r.getMessage()]
    assert len(waits) == CUTS_WHILE_PUBLISHING
    assert all(message.endswith("reconnecting in 0.2 s") for message in waits), waits  # one step each


@pytest.mark.parametrize("method, args, path", [
    ("stream_public", (), "/api/v1/timelines/public"),
    ("stream_local", (), "/api/v1/timelines/public"),
    ("stream_hashtag", ("cats",), "/api/v1/timelines/tag/cats"),
    ("stream_list", ("12",), "/api/v1/timelines/list/12"),
])
def test_timeline_streams_catch_up_by_default(mini: MiniMastodon, method: str, args: tuple,
                                              path: str) -> None:
    mini.plan = cutting_plan(mini, 2)
    mini.start()
    mini.post_status("old")
    listener = Recorder()
    handle = getattr(make_api(mini), method)(*args, listener, run_async=True,
                                             reconnect_async=True, reconnect_async_wait_sec=0.001)
    try:
        assert listener.wait(lambda r: "end_of_test" in r.names(), 30), listener.names()
    finally:
        handle.close()
    assert [s.id for s in listener.of("update")] == [s["id"] for s in mini.statuses[1:]]
    assert [p for p, _, _ in mini.requests if p == path]
    assert not [p for p, _, _ in mini.requests if p == "/api/v1/notifications"]


def test_direct_stream_catches_up_only_when_asked(mini: MiniMastodon,
                                                  caplog: pytest.LogCaptureFixture) -> None:
    mini.plan = lambda index, w: (w.start(), w.event("end_of_test", {}), w.hold())
    mini.start()
    api = make_api(mini)
    plain = Recorder()
    handle = api.stream_direct(plain, run_async=True, reconnect_async=True)
    try:
        assert plain.wait(lambda r: "end_of_test" in r.names(), 10)
    finally:
        handle.close()
    assert not [p for p, _, _ in mini.requests if p == "/api/v1/conversations"]
    # asked for, but the server refuses the timeline: a warning, and the stream runs without it
    asked = Recorder()
    handle = api.stream_direct(asked, run_async=True, reconnect_async=True, catch_up=True)
    try:
        assert asked.wait(lambda r: "end_of_test" in r.names(), 10)
    finally:
        handle.close()
    assert [p for p, _, _ in mini.requests if p == "/api/v1/conversations"]
    assert any("will not catch up on /api/v1/conversations" in r.getMessage()
               for r in caplog.records if r.levelno == logging.WARNING)
    assert_no_stream_threads()


def test_close_ends_a_catch_up_waiting_for_the_rate_limit(mini: MiniMastodon,
                                                          caplog: pytest.LogCaptureFixture) -> None:
    """Once connected, the server says no requests are left for five minutes: the
    catch-up waits in the stream thread, and close() ends that wait at once."""
    reset = datetime.now(timezone.utc) + timedelta(minutes=5)

    def plan(index: int, w: StreamWriter) -> None:
        mini._ratelimit_headers = lambda: {  # type: ignore[method-assign]
            "X-RateLimit-Limit": "300", "X-RateLimit-Remaining": "0",
            "X-RateLimit-Reset": reset.isoformat()}
        w.start()
        w.hold()
    mini.plan = plan
    mini.start()
    caplog.set_level(logging.INFO, logger="mastodon")
    handle = make_api(mini).stream_user(Recorder(), run_async=True, reconnect_async=True)
    assert wait_until(lambda: any("rate limit reached: sleeping" in r.getMessage()
                                  for r in caplog.records), 10)
    handle.close()
    assert not handle.is_alive() and handle.state() == "closed"
    assert_no_stream_threads()
