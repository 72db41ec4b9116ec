"""Waits that a closing stream can cut short.

The rate limiter and the retry policy sleep before sending a request. When
that request comes from a stream thread (its catch-up after a reconnect),
``close()`` of the stream must not wait for such a sleep to end: the thread
runs its requests inside :func:`interruptible`, and :func:`pause` then waits
on the stream's "closed" event instead of sleeping blindly, raising
:class:`PauseInterrupted` as soon as the event is set.
"""
from __future__ import annotations

import threading
from contextlib import contextmanager
from typing import Callable, Iterator, Optional

from ..errors import MastodonNetworkError

_waits = threading.local()


class PauseInterrupted(MastodonNetworkError):
    """A wait before a request ended because the stream that asked for it was closed."""

    may_have_reached_server = False


@contextmanager
def interruptible(stop: threading.Event) -> Iterator[None]:
    """Run the block with every :func:`pause` of this thread ended early by ``stop``."""
    outer: Optional[threading.Event] = getattr(_waits, "stop", None)
    _waits.stop = stop
    try:
        yield
    finally:
        _waits.stop = outer


def pause(seconds: float, sleep: Callable[[float], None]) -> None:
    """Wait ``seconds``: with ``sleep``, or on this thread's stop event inside :func:`interruptible`."""
    stop: Optional[threading.Event] = getattr(_waits, "stop", None)
    if stop is None:
        sleep(seconds)
    elif stop.is_set() or stop.wait(seconds):
        raise PauseInterrupted("the stream was closed while waiting to send a request")
