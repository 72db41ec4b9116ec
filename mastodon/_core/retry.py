"""Retry policy: which failed requests may be sent again, and after how long."""
from __future__ import annotations

import random
import time
from dataclasses import dataclass, field
from typing import Callable, FrozenSet, Mapping, Optional

IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE"})


@dataclass
class RetryPolicy:
    """Bounded exponential backoff with jitter for transient failures.

    Connection errors and the ``retry_statuses`` are retried for idempotent
    methods, and for POST/PATCH requests that carry an ``Idempotency-Key``
    header (the server then ignores duplicates). ``RetryPolicy(max_retries=0)``
    switches retrying off.
    """

    max_retries: int = 2
    backoff_factor: float = 0.5
    max_backoff: float = 8.0
    retry_statuses: FrozenSet[int] = frozenset({502, 503, 504})
    sleep: Callable[[float], None] = field(default=time.sleep, repr=False)
    jitter: Callable[[], float] = field(default=random.random, repr=False)

    def can_retry(self, method: str, headers: Mapping[str, str], attempt: int,
                  status: Optional[int] = None) -> bool:
        """Whether the ``attempt``-th failure (0-based) of this request may be retried."""
        if attempt >= self.max_retries:
            return False
        if status is not None and status not in self.retry_statuses:
            return False
        return method.upper() in IDEMPOTENT_METHODS or "Idempotency-Key" in headers

    def backoff(self, attempt: int) -> float:
        """Seconds to wait before retry number ``attempt`` + 1: exponential, capped, jittered."""
        base = min(self.backoff_factor * (2 ** attempt), self.max_backoff)
        return base * (0.5 + self.jitter() / 2)

    def wait(self, attempt: int) -> None:
        """Sleep before the next attempt."""
        self.sleep(self.backoff(attempt))


NO_RETRIES = RetryPolicy(max_retries=0)
