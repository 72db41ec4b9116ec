"""Rate limiter: the client side of Mastodon's ``X-RateLimit-*`` headers.

One object per client, shared by all threads using it. ``before_request``
reserves one request of the current window (waiting or pacing as the mode
says); ``update`` reads the server's view from a response; ``after_429``
decides how long to wait before retrying a refused request.
"""
from __future__ import annotations

import threading
import time
from datetime import datetime
from typing import Callable, Mapping, Optional, Tuple

from ..errors import MastodonIllegalArgumentError, MastodonRatelimitError

RATELIMIT_METHODS = ("throw", "wait", "pace")
_MAX_WAIT = 300.0  # never sleep longer than five minutes at once
_BACKOFF_START = 2.0  # first wait after a 429 that names no reset time
_PROBE_WAIT = 0.5  # how long threads wait at a time for the first response
_MAX_PROBE_WAITS = 1200  # bounds every waiting loop (10 minutes of probe waits)


def parse_reset(value: Optional[str]) -> Optional[float]:
    """A reset header as POSIX seconds; ISO-8601 (Mastodon) or epoch seconds (others)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value) + 1.0  # whole seconds may be rounded down: stay on the safe side
    try:
        return float(value)
    except ValueError:
        pass
    try:
        from ..types_base import parse_datetime

        return parse_datetime(value).timestamp()
    except (ValueError, OverflowError):
        return None


class RateLimiter:
    """Thread-safe bookkeeping of the rate limit, in ``throw``, ``wait`` or ``pace`` mode."""

    def __init__(
        self,
        method: str = "wait",
        pacefactor: float = 1.1,
        *,
        clock: Callable[[], float] = time.time,
        sleep: Callable[[float], None] = time.sleep,
        max_retries: int = 8,
    ) -> None:
        self.method = method
        self.pacefactor = pacefactor
        self.clock = clock
        self.sleep = sleep
        self.max_retries = max_retries
        self.limit = 300
        self.remaining = 300
        self.reset: Optional[float] = None
        self.lastcall: Optional[float] = None
        self._lock = threading.Lock()
        self._inflight = 0  # reserved requests whose response has not arrived yet
        self._known = False  # whether any response has arrived yet
        self._reported = False  # whether the server has sent X-RateLimit-* headers
        self._probing = False  # whether the first request is still under way
        self._probe_done = threading.Condition()

    @property
    def method(self) -> str:
        return self._method

    @method.setter
    def method(self, value: str) -> None:
        if value not in RATELIMIT_METHODS:
            raise MastodonIllegalArgumentError(
                f"ratelimit_method must be one of {', '.join(RATELIMIT_METHODS)}; got {value!r}"
            )
        self._method = value

    def before_request(self) -> None:
        """Reserve one request, first sleeping as long as the mode requires.

        Until a first response has told the limit, only one request is let
        through at a time, so that threads cannot overrun an unknown limit.
        """
        if self.method == "throw":
            return
        waits = 0
        for _ in range(_MAX_PROBE_WAITS):
            delay, reserved = self._reserve()
            if reserved:
                if delay > 0:
                    self.sleep(min(delay, _MAX_WAIT))
                return
            if delay is None:
                with self._probe_done:
                    self._probe_done.wait(timeout=_PROBE_WAIT)
                continue
            waits += 1
            if waits > self.max_retries:
                break
            self.sleep(min(delay, _MAX_WAIT))
        raise MastodonRatelimitError("rate limit did not reset in time")

    def _reserve(self) -> Tuple[Optional[float], bool]:
        """Take a request slot: (seconds to sleep first, True), or (wait, False) when none is free.

        A wait of None means: a first request is finding out the limit.
        """
        with self._lock:
            if not self._known:
                if self._probing:
                    return None, False
                self._probing = True
            elif not self._reported:
                return 0.0, True  # the server sends no limits: nothing to keep to
            now = self.clock()
            if self.remaining <= 0 and self.reset is not None and now >= self.reset:
                # a new window; its end is learnt from the next response. Requests still
                # under way may reach the server in it and count against it.
                self.remaining = max(self.limit - self._inflight, 0)
                self.reset = None
            if self.remaining <= 0:
                return ((self.reset - now) if self.reset is not None else _BACKOFF_START), False
            delay = self._pace_delay(now) if self.method == "pace" else 0.0
            self.remaining -= 1
            self._inflight += 1
            self.lastcall = max(now + max(delay, 0.0), self.lastcall or 0.0)
            return delay, True

    def request_done(self) -> None:
        """Release the first request's exclusivity when it ended without a response."""
        with self._lock:
            self._probing = False
            self._inflight = max(self._inflight - 1, 0)
        with self._probe_done:
            self._probe_done.notify_all()

    def _pace_delay(self, now: float) -> float:
        if self.reset is None or self.lastcall is None or self.remaining <= 0:
            return 0.0
        per_request = max(self.reset - now, 0.0) / self.remaining
        return self.lastcall + per_request / self.pacefactor - now

    def update(self, headers: Mapping[str, str]) -> None:
        """Adopt the limit, remaining count and reset time a response reports."""
        with self._lock:
            self._inflight = max(self._inflight - 1, 0)
        try:  # "in" first: a stand-in's headers (a MagicMock) may answer any lookup
            if "X-RateLimit-Remaining" not in headers:
                raise KeyError("X-RateLimit-Remaining")
            remaining = int(headers["X-RateLimit-Remaining"])
            limit = int(headers.get("X-RateLimit-Limit", self.limit))
        except (KeyError, ValueError):
            self._mark_known()
            return
        reset = parse_reset(headers.get("X-RateLimit-Reset"))
        with self._lock:
            first = not self._reported
            self._reported = True
            later = reset is not None and self.reset is not None and reset > self.reset + 0.5
            if first or later:
                # the server has not counted the requests still under way yet
                self.remaining = max(remaining - self._inflight, 0)
            else:
                self.remaining = min(self.remaining, remaining)
            self.limit = limit
            if reset is not None:
                self.reset = reset
            self.lastcall = max(self.clock(), self.lastcall or 0.0)
        self._mark_known()

    def _mark_known(self) -> None:
        with self._lock:
            self._known = True
            self._probing = False
        with self._probe_done:
            self._probe_done.notify_all()

    def after_429(self, headers: Mapping[str, str], attempt: int) -> float:
        """Seconds to wait before retrying a request the server refused with 429.

        Raises MastodonRatelimitError in ``throw`` mode, after ``max_retries``
        attempts, and in ``pace`` mode when the server names no usable reset.
        """
        if self.method == "throw" or attempt >= self.max_retries:
            raise MastodonRatelimitError("Hit rate limit.")
        reset = parse_reset(headers.get("X-RateLimit-Reset"))
        if reset is None and headers.get("Retry-After", "").strip().isdigit():
            reset = self.clock() + int(headers["Retry-After"])
        with self._lock:
            self.remaining = 0
            if reset is not None:
                self.reset = reset
        if reset is None:
            if self.method == "pace":
                raise MastodonRatelimitError("Hit rate limit and the server named no reset time.")
            return min(_BACKOFF_START * 2 ** attempt, _MAX_WAIT)
        wait = reset - self.clock()
        return min(wait if wait > 0 else 0.25 * 2 ** attempt, _MAX_WAIT)

    def snapshot(self) -> str:
        """A one-line description for logs."""
        reset = datetime.fromtimestamp(self.reset).isoformat() if self.reset else "unknown"
        return f"{self.remaining}/{self.limit} left, reset {reset}"
