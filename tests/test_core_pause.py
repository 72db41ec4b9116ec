"""Waits before a request: plain sleeps, or cut short by a closing stream (mastodon/_core/pause.py)."""
from __future__ import annotations

import threading
from typing import List

import pytest

from mastodon._core.pause import PauseInterrupted, interruptible, pause
from mastodon._core.retry import RetryPolicy
from mastodon.errors import MastodonNetworkError


def test_outside_a_stream_the_given_sleep_is_used() -> None:
    slept: List[float] = []
    pause(2.5, slept.append)
    assert slept == [2.5]


def test_a_set_stop_event_ends_the_wait_from_another_thread() -> None:
    stop = threading.Event()
    timer = threading.Timer(0.05, stop.set)
    timer.start()
    with interruptible(stop), pytest.raises(PauseInterrupted) as caught:
        pause(300, lambda seconds: pytest.fail("slept blindly"))
    timer.join()
    assert isinstance(caught.value, MastodonNetworkError)
    assert caught.value.may_have_reached_server is False


def test_retry_waits_are_interruptible_and_nesting_restores_the_outer_event() -> None:
    outer, inner = threading.Event(), threading.Event()
    outer.set()
    policy = RetryPolicy(sleep=lambda seconds: pytest.fail("slept blindly"), jitter=lambda: 0.0)
    with interruptible(outer):
        with interruptible(inner):
            inner.set()
            with pytest.raises(PauseInterrupted):
                policy.wait(0)
        with pytest.raises(PauseInterrupted):  # the outer event applies again
            policy.wait(0)
    slept: List[float] = []
    pause(1.0, slept.append)  # and outside, plain sleeping is back
    assert slept == [1.0]
