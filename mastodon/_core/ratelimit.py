"""Rate limiter: the client side of Mastodon's ``X-RateLimit-*`` headers.

One object per client, shared by all threads using it. The server's word
wins: each response's ``X-RateLimit-Remaining``/``Limit``/``Reset`` is adopted
(the lowest count reported for a window, since answers may arrive out of
order), and the only local bookkeeping is the number of requests still under
way, which the server may not have counted yet. That reservation keeps
threads from overrunning a limit; nothing local can drift below what the
server says.

Mastodon keeps separate limits for some endpoints (media uploads, status
deletions, sign-ups) on top of the general one, and each answer reports the
limit of its own endpoint. Requests are therefore sorted into buckets by
endpoint class (:func:`bucket_for`) and each bucket keeps its own count, so
an exhausted media bucket never throttles timeline reads.
"""
from __future__ import annotations

import logging
import re
import threading
import time
from datetime import datetime, timezone
from typing import Any, Callable, Dict, Mapping, Optional, Tuple
from urllib.parse import urlsplit

from ..errors import MastodonIllegalArgumentError, MastodonRatelimitError
from .locks import RecreatedLocks
from .pause import pause
from .lazy_pattern import lazy_pattern

log = logging.getLogger("mastodon")

RATELIMIT_METHODS = ("throw", "wait", "pace")
DEFAULT_BUCKET = "default"
_MAX_WAIT = 300.0  # never sleep longer than five minutes at once
_BACKOFF_START = 2.0  # first wait after a 429 that names no reset time
_POLL_WAIT = 0.5  # how long threads wait at a time for answers to requests under way
_MAX_POLLS = 1200  # bounds every waiting loop (10 minutes of such waits)
_SAME_WINDOW = 0.5  # resets closer than this (seconds) name the same window
_LOG_SLEEPS_OVER = 1.0  # sleeps longer than this are logged at INFO
_GO, _AT_LIMIT, _NEXT_WINDOW = "go", "rate limit reached", "pacing: waiting for the next window"

# Mastodon's endpoint-specific limits (config/initializers/rack_attack.rb), by method and path end
_BUCKETS: Tuple[Tuple[str, Callable[[], "re.Pattern[str]"], str], ...] = (
    ("POST", lazy_pattern(r"/api/v[12]/media/?$"), "media"),
    ("DELETE", lazy_pattern(r"/api/v1/statuses/[^/]+/?$"), "deletes"),
    ("POST", lazy_pattern(r"/api/v1/statuses/[^/]+/unreblog/?$"), "deletes"),
    ("POST", lazy_pattern(r"/api/v1/accounts/?$"), "sign_ups"),
)
_BUCKET_METHODS = frozenset(method for method, _, _ in _BUCKETS)


def bucket_for(method: str, url: str) -> str:
    """The rate-limit bucket a request counts against: an endpoint class name."""
    method = method.upper()
    if method not in _BUCKET_METHODS:
        return DEFAULT_BUCKET
    path = urlsplit(url).path
    for bucket_method, pattern, name in _BUCKETS:
        if method == bucket_method and pattern().search(path):
            return name
    return DEFAULT_BUCKET


def header_text(headers: Mapping[str, Any], name: str) -> str:
    """The value of header ``name``, or "" when absent or not text (a stand-in's, a mock's)."""
    try:
        value = headers.get(name) if name in headers else None  # "in" first: a mock has any key
    except TypeError:  # a stand-in's headers that are no mapping at all
        value = None
    return value.strip() if isinstance(value, str) else ""


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


def limit_error(headers: Mapping[str, str],
                message: str = "Hit rate limit.") -> MastodonRatelimitError:
    """The error for a refused request: ``message`` and what the server reported.

    The limit, the count left and the reset time (ISO 8601, UTC) follow the
    message and are attributes too (None where the server did not say).
    """
    def number(name: str) -> Optional[int]:
        value = header_text(headers, name)
        return int(value) if value.isdigit() else None

    limit, remaining = number("X-RateLimit-Limit"), number("X-RateLimit-Remaining")
    reset = parse_reset(header_text(headers, "X-RateLimit-Reset"))
    when = datetime.fromtimestamp(reset, timezone.utc).isoformat() if reset else "unknown"
    error = MastodonRatelimitError(
        f"{message} (limit {'unknown' if limit is None else limit}, "
        f"{'unknown' if remaining is None else remaining} left, reset {when})")
    error.limit, error.remaining, error.reset = limit, remaining, reset
    return error


class Bucket:
    """One server-side limit as last reported, plus the requests under way against it."""

    __slots__ = ("limit", "reported", "reset", "lastcall", "inflight", "known", "limited",
                 "probing", "ended", "next_slot")

    def __init__(self) -> None:
        self.limit = 300
        self.reported = 300  # the server's count for the current window (lowest answer seen)
        self.reset: Optional[float] = None
        self.lastcall: Optional[float] = None
        self.inflight = 0  # reserved requests whose answer has not arrived yet
        self.known = False  # whether any answer has arrived yet
        self.limited = False  # whether the server sends X-RateLimit-* headers for it
        self.probing = False  # whether the first request is still under way
        self.ended: Optional[float] = None  # reset of the last window that ended (older: stale)
        self.next_slot = 0.0  # pace mode: the earliest time the next request may go

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__slots__)
        return f"Bucket({fields})"

    @property
    def remaining(self) -> int:
        """Requests that may still go in this window: the server's count less those under way."""
        return max(self.reported - self.inflight, 0)

    def roll_over(self, now: float) -> None:
        """Start a new window once the reset has passed; its end comes with the next answer."""
        if self.reset is not None and now >= self.reset:
            self.ended, self.reset, self.reported = self.reset, None, self.limit

    def adopt(self, remaining: int, limit: int, reset: Optional[float]) -> None:
        """Take the server's report, unless it comes from a window that has already ended."""
        self.limited = True
        self.limit = limit
        if reset is not None and self.ended is not None and reset <= self.ended + _SAME_WINDOW:
            return
        if reset is None or self.reset is None or reset > self.reset + _SAME_WINDOW:
            self.reported, self.reset = remaining, reset if reset is not None else self.reset
        elif reset >= self.reset - _SAME_WINDOW:
            self.reported = min(self.reported, remaining)


class RateLimiter(RecreatedLocks):
    """Thread-safe bookkeeping of the rate limits, in ``throw``, ``wait`` or ``pace`` mode.

    ``before_request`` reserves one request of a bucket's window (waiting or
    pacing as the mode says); ``update`` adopts the server's report from an
    answer; ``request_done`` releases a reservation that got no answer;
    ``after_429`` says how long to wait before retrying a refused request.
    The ``limit``, ``remaining``, ``reset`` and ``lastcall`` attributes are
    those of the default bucket (the general limit).
    """

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
        self._buckets: Dict[str, Bucket] = {DEFAULT_BUCKET: Bucket()}
        self._make_locks()

    _locks = ("_lock", "_answered")

    def _make_locks(self) -> None:
        self._lock = threading.Lock()
        self._answered = threading.Condition(self._lock)  # notified when a request ends

    def __setstate__(self, state: Dict[str, Any]) -> None:
        super().__setstate__(state)
        for bucket in self._buckets.values():  # requests under way were the pickling process's
            bucket.inflight, bucket.probing = 0, False

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

    def bucket(self, name: str = DEFAULT_BUCKET) -> Bucket:
        """The bucket called ``name`` (created on first use)."""
        with self._lock:
            return self._bucket(name)

    def _bucket(self, name: str) -> Bucket:
        return self._buckets.setdefault(name, Bucket())

    def before_request(self, bucket: str = DEFAULT_BUCKET) -> None:
        """Reserve one request of ``bucket``, first sleeping as long as the mode requires.

        Until a first answer has told a bucket's limit, only one request of it
        is let through at a time, so that threads cannot overrun an unknown limit.
        When the requests under way use up what the server said is left, this
        waits for their answers; only a server-reported zero waits for the reset.
        """
        if self.method == "throw":
            return
        sleeps = 0
        for _ in range(_MAX_POLLS):
            with self._lock:
                slot = self._reserve(self._bucket(bucket))
                if slot is None:
                    self._answered.wait(timeout=_POLL_WAIT)
                    continue
            delay, outcome = slot
            if outcome == _GO:
                self._sleep(delay, bucket, "pacing")
                return
            if outcome == _AT_LIMIT:
                sleeps += 1
                if sleeps > self.max_retries:
                    break
            self._sleep(delay, bucket, outcome)
        raise MastodonRatelimitError(f"rate limit did not reset in time ({self.snapshot(bucket)})")

    def _reserve(self, bucket: Bucket) -> Optional[Tuple[float, str]]:
        """Take a slot: (seconds to sleep first, _GO); (seconds until reset, _AT_LIMIT) when
        the server said none is left, or (..., _NEXT_WINDOW) when pace mode has given the
        window's last request its slot; None when only answers to requests under way can tell.
        """
        if not bucket.known:
            if bucket.probing:
                return None
            bucket.probing = True
        elif not bucket.limited:
            return 0.0, _GO  # the server sends no limits: nothing to keep to
        now = self.clock()
        bucket.roll_over(now)
        if bucket.reported <= 0:
            return ((bucket.reset - now) if bucket.reset is not None else _BACKOFF_START), _AT_LIMIT
        delay = 0.0
        if self.method == "pace":
            paced = self._pace(bucket, now)
            if paced is None or paced[1] != _GO:
                return paced
            delay = paced[0]
        elif bucket.remaining <= 0:
            return None
        bucket.inflight += 1
        bucket.lastcall = max(now + delay, bucket.lastcall or 0.0)
        return delay, _GO

    def _pace(self, bucket: Bucket, now: float) -> Optional[Tuple[float, str]]:
        """Pace mode's slot for the next request of a known, limited bucket.

        The requests left in the window are spread evenly (``pacefactor`` times
        faster) over the time left until its reset, one slot after the other
        whatever thread asks, so the window's last request goes shortly before
        the reset and the limit is never reached. While a new window's reset
        is not known yet, one request at a time goes to learn it.
        """
        if bucket.reset is None:
            return None if bucket.inflight else (0.0, _GO)
        if bucket.remaining <= 0:  # every request the window allows has its slot
            return bucket.reset - now, _NEXT_WINDOW
        slot = max(now, bucket.next_slot)
        bucket.next_slot = slot + (bucket.reset - slot) / bucket.remaining / self.pacefactor
        return slot - now, _GO

    def _sleep(self, seconds: float, bucket: str, why: str) -> None:
        seconds = min(seconds, _MAX_WAIT)
        if seconds <= 0:
            return
        if seconds > _LOG_SLEEPS_OVER:
            log.info("%s: sleeping %.1f s (%s)", why, seconds, self.snapshot(bucket))
        pause(seconds, self.sleep)

    def request_done(self, bucket: str = DEFAULT_BUCKET) -> None:
        """Release a reservation whose request ended without an answer."""
        with self._lock:
            self._finish(self._bucket(bucket))

    def _finish(self, bucket: Bucket) -> None:
        bucket.inflight = max(bucket.inflight - 1, 0)
        bucket.probing = False
        self._answered.notify_all()

    def update(self, headers: Mapping[str, str], bucket: str = DEFAULT_BUCKET) -> None:
        """Release a reservation and adopt the limit, count and reset an answer reports."""
        remaining: Optional[int] = None
        limit: Optional[int] = None
        try:
            remaining = int(header_text(headers, "X-RateLimit-Remaining"))
            limit = int(header_text(headers, "X-RateLimit-Limit") or 0) or None
        except ValueError:
            remaining = limit = None
        reset = parse_reset(header_text(headers, "X-RateLimit-Reset"))
        now = self.clock()
        with self._lock:  # nothing below raises: the reservation is always released
            state = self._bucket(bucket)
            self._finish(state)
            state.known = True
            if remaining is not None:
                state.adopt(max(remaining, 0), limit or state.limit, reset)
            state.lastcall = max(now, state.lastcall or 0.0)

    def after_429(self, headers: Mapping[str, str], attempt: int,
                  bucket: str = DEFAULT_BUCKET) -> float:
        """Seconds to wait before retrying a request the server refused with 429.

        Raises MastodonRatelimitError in ``throw`` mode and after ``max_retries``
        attempts. Without a usable reset time, ``wait`` and ``pace`` back off
        exponentially.
        """
        reset = parse_reset(header_text(headers, "X-RateLimit-Reset"))
        retry_after = header_text(headers, "Retry-After")
        if reset is None and retry_after.isdigit():
            reset = self.clock() + int(retry_after)
        with self._lock:
            state = self._bucket(bucket)
            state.reported = 0
            if reset is not None:
                state.reset = reset
        if self.method == "throw" or attempt >= self.max_retries:
            raise limit_error(headers)
        if reset is None:
            return min(_BACKOFF_START * 2.0 ** attempt, _MAX_WAIT)
        wait = reset - self.clock()
        return min(wait if wait > 0 else 0.25 * 2 ** attempt, _MAX_WAIT)

    def wait_after_429(self, headers: Mapping[str, str], attempt: int,
                       bucket: str = DEFAULT_BUCKET) -> None:
        """Sleep as :meth:`after_429` says (logged at INFO when longer than a second)."""
        self._sleep(self.after_429(headers, attempt, bucket), bucket, "refused with 429")

    def snapshot(self, bucket: str = DEFAULT_BUCKET) -> str:
        """A one-line description of a bucket for logs and messages."""
        with self._lock:
            state = self._bucket(bucket)
            limit, remaining, reset = state.limit, state.remaining, state.reset
        when = datetime.fromtimestamp(reset).isoformat() if reset else "unknown"
        name = "" if bucket == DEFAULT_BUCKET else f"{bucket} "
        return f"{name}limit {limit}, {remaining} left, reset {when}"

    def __repr__(self) -> str:
        others = len(self._buckets) - 1
        extra = f", {others} more bucket{'' if others == 1 else 's'}" if others else ""
        return f"<RateLimiter {self.method}: {self.snapshot()}{extra}>"

    # the default bucket's figures, as the client's ratelimit_* attributes show them

    @property
    def limit(self) -> int:
        return self.bucket().limit

    @limit.setter
    def limit(self, value: int) -> None:
        self.bucket().limit = value

    @property
    def remaining(self) -> int:
        return self.bucket().remaining

    @remaining.setter
    def remaining(self, value: int) -> None:
        self.bucket().reported = value

    @property
    def reset(self) -> Optional[float]:
        return self.bucket().reset

    @reset.setter
    def reset(self, value: Optional[float]) -> None:
        self.bucket().reset = value

    @property
    def lastcall(self) -> Optional[float]:
        return self.bucket().lastcall

    @lastcall.setter
    def lastcall(self, value: Optional[float]) -> None:
        self.bucket().lastcall = value
