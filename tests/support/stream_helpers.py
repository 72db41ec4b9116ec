"""Helpers for the streaming tests: a listener that records events and waits for them."""
from __future__ import annotations

import threading
import time
from typing import Any, Callable, Iterator, List, Optional, Set, Tuple

import pytest

from mastodon import Mastodon
from mastodon._core.retry import NO_RETRIES
from mastodon.streaming import StreamHandle, StreamListener
from mastodon.types_base import AttribAccessDict


class Recorder(StreamListener):
    """Records every event as ``(name, payload, for_stream)``, plus heartbeats and aborts."""

    def __init__(self) -> None:
        self.events: List[Tuple[str, Any, Any]] = []
        self.heartbeats = 0
        self.aborts: List[BaseException] = []
        self.threads: set = set()
        self._cond = threading.Condition()

    def on_any_event(self, name: str, data: Any = None, for_stream: Any = None) -> None:
        with self._cond:
            self.events.append((name, data, for_stream))
            self.threads.add(threading.get_ident())
            self._cond.notify_all()

    def handle_heartbeat(self) -> None:
        with self._cond:
            self.heartbeats += 1
            self._cond.notify_all()

    def on_abort(self, err: BaseException) -> None:
        with self._cond:
            self.aborts.append(err)
            self._cond.notify_all()

    def wait(self, predicate: Callable[["Recorder"], bool], timeout: float = 10.0) -> bool:
        """Wait until ``predicate(self)`` holds (checked under the lock); False on timeout."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while not predicate(self):
                left = deadline - time.monotonic()
                if left <= 0:
                    return False
                self._cond.wait(left)
            return True

    def names(self) -> List[str]:
        with self._cond:
            return [name for name, _, _ in self.events]

    def of(self, name: str) -> List[Any]:
        with self._cond:
            return [data for event, data, _ in self.events if event == name]

    def wait_event(self, name: str, count: int = 1, timeout: float = 10.0) -> List[Any]:
        ok = self.wait(lambda r: sum(1 for e, _, _ in r.events if e == name) >= count, timeout)
        assert ok, f"no {count}x {name!r} within {timeout}s; got {self.names()}"
        return self.of(name)

    def wait_connected(self, timeout: float = 10.0) -> None:
        assert self.wait(lambda r: r.heartbeats > 0, timeout), "the stream never sent a heartbeat"


def wait_until(predicate: Callable[[], bool], timeout: float = 10.0, step: float = 0.01) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(step)
    return predicate()


_BLAMED: Set[threading.Thread] = set()  # reported once already: later tests do not fail for them


def stream_threads() -> List[threading.Thread]:
    """Live threads started by the streaming code (except those a failed test was blamed for)."""
    return [t for t in threading.enumerate()
            if t.name.startswith(("mastodon-stream", "mastodon-websocket")) and t.is_alive()
            and t not in _BLAMED]


def assert_no_stream_threads(timeout: float = 10.0,
                             before: Optional[List[threading.Thread]] = None) -> None:
    """Fail if a stream thread is still running after ``timeout`` seconds.

    A thread left behind fails the test that left it, and only that test.
    """
    ignore = set(before or [])
    if wait_until(lambda: not [t for t in stream_threads() if t not in ignore], timeout):
        return
    left = [t for t in stream_threads() if t not in ignore]
    _BLAMED.update(left)
    raise AssertionError(f"stream threads left behind: {left}")


# ---------------------------------------------------------------- fixtures over the fault server
# (imported by the test modules that drive streams against ``fault_server``)

@pytest.fixture
def api(fault_server: Any) -> Iterator[Mastodon]:
    """A client whose streams go to the fault server, with no instance lookups and no retries."""
    client = Mastodon(access_token="t", api_base_url=fault_server.url, retry_policy=NO_RETRIES)
    client._streaming_base = fault_server.url  # the script serves streams only
    client._facts.documents["v2"] = AttribAccessDict()
    yield client
    client.session.close()


@pytest.fixture
def handles() -> Iterator[List[StreamHandle]]:
    """Stream handles a test opens; all closed afterwards, and no stream thread left."""
    opened: List[StreamHandle] = []
    yield opened
    for handle in opened:
        handle.close()
    assert_no_stream_threads()


def ids(listener: Recorder) -> List[str]:
    """The ids of the statuses ``listener`` received, in order."""
    return [s.id for s in listener.of("update")]
