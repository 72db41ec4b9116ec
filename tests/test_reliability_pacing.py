"""Reliability: pace mode spreads one client's requests evenly, from 1 to 16 threads (issue 25.5).

The threads share one ``Mastodon`` client whose rate limiter runs on a virtual
clock (:class:`VirtualTime`): a sleep only moves the clock, and the clock only
moves once every thread is blocked, asleep or waiting on the limiter for
answers. The session is a stand-in for a server that allows ``LIMIT`` requests
per ``WINDOW`` seconds in fixed windows (the fault server's
:class:`~support.fault_server.WindowLimiter` on the same virtual clock) and
answers at once. So the run takes milliseconds of real time, and what is
measured is the limiter's own schedule, not the machine's speed.
"""
from __future__ import annotations

import logging
import threading
from typing import Any, List, Optional, Set

import pytest
import requests
from requests.structures import CaseInsensitiveDict

from mastodon import Mastodon
from support.fault_server import Reply, WindowLimiter, json_reply

LIMIT, WINDOW, CALLS = 20, 4.0, 100
EVEN = CALLS / LIMIT * WINDOW  # the even-spread time: 20 s
START = 1_800_000_000.0 + 0.3  # just after a window starts


class VirtualTime:
    """A clock for ``workers`` threads that moves only when all of them are blocked."""

    def __init__(self, workers: int) -> None:
        self.now = START
        self._cv = threading.Condition()
        self._active = workers
        self._blocked = 0
        self._wakes: List[float] = []

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        if seconds <= 0:
            return
        with self._cv:
            wake = self.now + seconds
            self._wakes.append(wake)
            self._blocked += 1
            self._advance()
            if not self._cv.wait_for(lambda: self.now >= wake, timeout=60):
                raise AssertionError("the virtual clock stopped")

    def block(self) -> None:
        with self._cv:
            self._blocked += 1
            self._advance()

    def unblock(self, count: int = 1) -> None:
        with self._cv:
            self._blocked -= count

    def finished(self) -> None:
        with self._cv:
            self._active -= 1
            self._advance()

    def _advance(self) -> None:
        """Move to the earliest wake time once every active thread is blocked."""
        if self._blocked < self._active or not self._wakes:
            return
        self.now = min(self._wakes)
        woken = [wake for wake in self._wakes if wake <= self.now]
        self._wakes = [wake for wake in self._wakes if wake > self.now]
        self._blocked -= len(woken)
        self._cv.notify_all()


class CountedCondition(threading.Condition):
    """The limiter's "an answer came" condition, telling the clock who waits on it."""

    def __init__(self, lock: Any, time: VirtualTime) -> None:
        super().__init__(lock)
        self.time = time
        self.waiting: Set[int] = set()  # guarded by the limiter's lock

    def wait(self, timeout: Optional[float] = None) -> bool:
        me = threading.get_ident()
        self.waiting.add(me)
        self.time.block()
        try:
            return super().wait(timeout)
        finally:
            if me in self.waiting:  # not notified: no longer waiting all the same
                self.waiting.discard(me)
                self.time.unblock()

    def notify_all(self) -> None:
        if self.waiting:
            self.time.unblock(len(self.waiting))
            self.waiting.clear()
        super().notify_all()


class InstantServer:
    """A stand-in session: the fixed-window limit on the virtual clock, answered at once."""

    def __init__(self, time: VirtualTime) -> None:
        self.time = time
        self.windows = WindowLimiter(LIMIT, WINDOW, "iso", clock=time.clock)
        self.served: List[float] = []

    def request(self, method: str, url: str, **kwargs: Any) -> requests.Response:
        allowed, headers = self.windows.admit("token")
        response = requests.Response()
        response.status_code, response.reason = (200, "OK") if allowed else (429, "Too Many")
        response.headers = CaseInsensitiveDict({"Content-Type": "application/json", **headers})
        response._content = b'{"id": "1"}' if allowed else b'{"error": "Too many requests"}'
        if allowed:
            self.served.append(self.time.now)
        return response


def run(mode: str, threads: int) -> InstantServer:
    """CALLS requests shared out among ``threads`` threads on one client."""
    time = VirtualTime(threads)
    server = InstantServer(time)
    api = Mastodon(access_token="token", api_base_url="https://mastodon.example",
                   session=server, ratelimit_method=mode, version_check_mode="none")
    limiter = api._ratelimiter
    limiter.clock, limiter.sleep = time.clock, time.sleep
    limiter._answered = CountedCondition(limiter._lock, time)
    counter = iter(range(CALLS))
    lock = threading.Lock()
    failures: List[BaseException] = []

    def worker() -> None:
        try:
            for _ in range(CALLS):
                with lock:
                    if next(counter, None) is None:
                        return
                api.status("1")
        except BaseException as exc:  # reported below
            failures.append(exc)
        finally:
            time.finished()

    workers = [threading.Thread(target=worker, daemon=True) for _ in range(threads)]
    for thread in workers:
        thread.start()
    for thread in workers:
        thread.join(timeout=120)
    assert not any(thread.is_alive() for thread in workers), "a worker hung"
    assert failures == [] and len(server.served) == CALLS
    return server


@pytest.mark.parametrize("threads", [1, 2, 6, 16])
def test_pace_spreads_requests_evenly_and_never_reaches_the_limit(threads: int,
                                                                  caplog: Any) -> None:
    caplog.set_level(logging.INFO, logger="mastodon")
    server = run("pace", threads)
    took = server.served[-1] - START
    assert took <= 1.2 * EVEN, f"{threads} threads took {took:.1f} s (even spread {EVEN} s)"
    assert server.windows.exceeded == 0
    assert max(server.windows.per_key().values()) <= LIMIT
    messages = [r.getMessage() for r in caplog.records if r.name == "mastodon"]
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert not [m for m in messages if "rate limit reached" in m], messages
    gaps = [later - earlier for earlier, later in zip(server.served, server.served[1:])]
    assert max(gaps) < WINDOW  # no sleep as long as a window


@pytest.mark.parametrize("threads", [1, 6])
def test_wait_mode_bursts_but_stays_within_the_limit(threads: int) -> None:
    server = run("wait", threads)
    assert server.windows.exceeded == 0
    assert server.served[-1] - START <= EVEN  # bursts, then sleeps to each reset


@pytest.mark.parametrize("mode", ["wait", "pace"])
def test_a_429_without_reset_time_is_backed_off_in_wait_and_pace_mode(fault_server: Any,
                                                                      mode: str) -> None:
    fault_server.script(Reply(429, b'{"error": "Too many requests"}'),
                        Reply(429, b'{"error": "Too many requests"}'), json_reply({"id": "1"}))
    api = Mastodon(access_token="tok", api_base_url=fault_server.url, ratelimit_method=mode,
                   version_check_mode="none")
    slept: List[float] = []
    api._ratelimiter.sleep = slept.append
    assert api.status("1").id == "1"
    assert slept == [2.0, 4.0] and len(fault_server.requests) == 3
