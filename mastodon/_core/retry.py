"""Retry policy: which failed requests may be sent again, and after how long."""
from __future__ import annotations

import random
import re
import time
from dataclasses import dataclass, field
from typing import Callable, Dict, FrozenSet, Mapping, Optional
from urllib.parse import urlsplit

from ..errors import MastodonError, MastodonIllegalArgumentError, add_note
from .pause import pause

IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE"})
IDEMPOTENCY_HEADER = "Idempotency-Key"
# creating POSTs that Mastodon deduplicates by Idempotency-Key (posting a status)
_DEDUPLICATED_POSTS = (re.compile(r"/api/v1/statuses/?$"),)


@dataclass
class RetryPolicy:
    """Bounded exponential backoff with jitter for transient failures.

    Connection errors, the ``retry_statuses`` and success answers whose body
    is empty, cut short or not JSON are retried for idempotent methods, and
    for POST/PATCH requests that carry an ``Idempotency-Key`` header (the
    server then ignores duplicates); those keyed requests are also retried
    after the ``keyed_retry_statuses`` (a 500: the key makes repeating it
    safe). ``RetryPolicy(max_retries=0)`` switches retrying off. The numbers
    are checked when the policy is made: MastodonIllegalArgumentError names
    the one that is not a usable count or duration.
    """

    max_retries: int = 2
    backoff_factor: float = 0.5
    max_backoff: float = 8.0
    retry_statuses: FrozenSet[int] = frozenset({502, 503, 504})
    keyed_retry_statuses: FrozenSet[int] = frozenset({500})
    sleep: Callable[[float], None] = field(default=time.sleep, repr=False)
    jitter: Callable[[], float] = field(default=random.random, repr=False)

    def __post_init__(self) -> None:
        if isinstance(self.max_retries, bool) or not isinstance(self.max_retries, int) \
                or self.max_retries < 0:
            raise MastodonIllegalArgumentError(
                f"max_retries must be a whole number of retries, 0 or more; got {self.max_retries!r}")
        for name in ("backoff_factor", "max_backoff"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, (int, float)) or not value >= 0:
                raise MastodonIllegalArgumentError(
                    f"{name} must be a number of seconds, 0 or more; got {value!r}")
        for name in ("retry_statuses", "keyed_retry_statuses"):
            statuses = getattr(self, name)
            try:
                setattr(self, name, frozenset(statuses))
            except TypeError:
                raise MastodonIllegalArgumentError(
                    f"{name} must be a collection of HTTP statuses; got {statuses!r}") from None

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


NO_RETRIES = RetryPolicy(max_retries=0)


def with_idempotency_key(method: str, url: str, headers: Dict[str, str]) -> Dict[str, str]:
    """``headers``, plus a fresh Idempotency-Key for a deduplicated POST that has none.

    With the key, the retry policy may repeat the request: the server creates
    the object at most once.
    """
    if method.upper() != "POST" or IDEMPOTENCY_HEADER in headers:
        return headers
    path = urlsplit(url).path
    if not any(pattern.search(path) for pattern in _DEDUPLICATED_POSTS):
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

