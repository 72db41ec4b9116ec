"""Retry policy: which failed requests may be sent again, and after how long."""
from __future__ import annotations

import random
import time
from typing import Any, Callable, Dict, FrozenSet, Iterable, Mapping, Optional, Tuple
from urllib.parse import urlsplit

from ..errors import MastodonError, MastodonIllegalArgumentError, add_note
from .pause import pause
from .lazy_pattern import lazy_pattern

IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE"})
IDEMPOTENCY_HEADER = "Idempotency-Key"
# creating POSTs that Mastodon deduplicates by Idempotency-Key (posting a status)
_DEDUPLICATED_POST = lazy_pattern(r"/api/v1/statuses/?$")


class RetryPolicy:
    """Bounded exponential backoff with jitter for transient failures.

    Connection errors, the ``retry_statuses`` and success answers whose body
    is empty, cut short or not JSON are retried for idempotent methods, and
    for POST/PATCH requests that carry an ``Idempotency-Key`` header (the
    server then ignores duplicates); those keyed requests are also retried
    after the ``keyed_retry_statuses`` (a 500: the key makes repeating it
    safe). ``RetryPolicy(max_retries=0)`` switches retrying off. The numbers
    are checked when the policy is made: MastodonIllegalArgumentError names
    the one that is not a usable count or duration. Policies with equal
    settings compare equal.
    """

    __hash__ = None  # type: ignore[assignment]  # mutable, compared by value

    def __init__(self, max_retries: int = 2, backoff_factor: float = 0.5,
                 max_backoff: float = 8.0,
                 retry_statuses: FrozenSet[int] = frozenset({502, 503, 504}),
                 keyed_retry_statuses: FrozenSet[int] = frozenset({500}),
                 sleep: Callable[[float], None] = time.sleep,
                 jitter: Callable[[], float] = random.random) -> None:
        if isinstance(max_retries, bool) or not isinstance(max_retries, int) or max_retries < 0:
            raise MastodonIllegalArgumentError(
                f"max_retries must be a whole number of retries, 0 or more; got {max_retries!r}")
        for name, value in (("backoff_factor", backoff_factor), ("max_backoff", max_backoff)):
            if isinstance(value, bool) or not isinstance(value, (int, float)) or not value >= 0:
                raise MastodonIllegalArgumentError(
                    f"{name} must be a number of seconds, 0 or more; got {value!r}")
        self.max_retries = max_retries
        self.backoff_factor = backoff_factor
        self.max_backoff = max_backoff
        self.retry_statuses = _statuses("retry_statuses", retry_statuses)
        self.keyed_retry_statuses = _statuses("keyed_retry_statuses", keyed_retry_statuses)
        self.sleep = sleep
        self.jitter = jitter

    def _settings(self) -> Tuple[Any, ...]:
        return (self.max_retries, self.backoff_factor, self.max_backoff, self.retry_statuses,
                self.keyed_retry_statuses, self.sleep, self.jitter)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        assert isinstance(other, RetryPolicy)
        return self._settings() == other._settings()

    def __repr__(self) -> str:
        return (f"{type(self).__qualname__}(max_retries={self.max_retries!r}, "
                f"backoff_factor={self.backoff_factor!r}, max_backoff={self.max_backoff!r}, "
                f"retry_statuses={self.retry_statuses!r}, "
                f"keyed_retry_statuses={self.keyed_retry_statuses!r})")

    def can_retry(self, method: str, headers: Mapping[str, str], attempt: int,
                  status: Optional[int] = None) -> bool:
        """Whether the ``attempt``-th failure (0-based) of this request may be retried."""
        if attempt >= self.max_retries:
            return False
        keyed = IDEMPOTENCY_HEADER in headers
        if status is not None and status not in self.retry_statuses and \
                not (keyed and status in self.keyed_retry_statuses):
            return False
        return keyed or method.upper() in IDEMPOTENT_METHODS

    def backoff(self, attempt: int) -> float:
        """Seconds to wait before retry number ``attempt`` + 1: exponential, capped, jittered."""
        base = min(self.backoff_factor * 2.0 ** attempt, self.max_backoff)
        return base * (0.5 + self.jitter() / 2)

    def wait(self, attempt: int) -> None:
        """Sleep before retry number ``attempt`` + 1 (the client logs the retry itself)."""
        pause(self.backoff(attempt), self.sleep)


def _statuses(name: str, statuses: Iterable[int]) -> FrozenSet[int]:
    try:
        return frozenset(statuses)
    except TypeError:
        raise MastodonIllegalArgumentError(
            f"{name} must be a collection of HTTP statuses; got {statuses!r}") from None


NO_RETRIES = RetryPolicy(max_retries=0)


def with_idempotency_key(method: str, url: str, headers: Dict[str, str]) -> Dict[str, str]:
    """``headers``, plus a fresh Idempotency-Key for a deduplicated POST that has none.

    With the key, the retry policy may repeat the request: the server creates
    the object at most once.
    """
    if method.upper() != "POST" or IDEMPOTENCY_HEADER in headers:
        return headers
    path = urlsplit(url).path
    if not _DEDUPLICATED_POST().search(path):
        return headers
    import uuid  # on the first keyed request: it costs the client import 2 ms

    return {**headers, IDEMPOTENCY_HEADER: uuid.uuid4().hex}


def note_idempotency_key(error: MastodonError, headers: Mapping[str, str]) -> None:
    """Tell a keyed request's final error its key, so the caller can repeat the request safely."""
    key = headers.get(IDEMPOTENCY_HEADER)
    if key is None:
        return
    error.idempotency_key = key
    reached = "may have reached" if error.may_have_reached_server else "did not reach"
    add_note(error, f"The request {reached} the server; sending it again with "
                    f"{IDEMPOTENCY_HEADER} {key!r} (idempotency_key=...) cannot make a duplicate.")

