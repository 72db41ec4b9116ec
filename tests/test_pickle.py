"""A client pickles and loads back (as Mastodon.py's does); the loaded one makes its own locks.

The locks cannot cross a pickle: the state leaves them out and loading makes
new ones. Requests the pickling process had under way are not carried over
into the loaded rate limiter.
"""
from __future__ import annotations

import pickle
import threading
from typing import Any, Callable

import pytest
import requests

from mastodon import Mastodon
from support.oracle import Oracle, run_here

OPTIONS = [
    {"api_base_url": "https://mastodon.example"},
    {"api_base_url": "https://mastodon.example", "access_token": "tok", "client_id": "id",
     "client_secret": "secret", "ratelimit_method": "pace", "ratelimit_pacefactor": 1.5,
     "request_timeout": 12, "user_agent": "pickler/1.0", "lang": "de"},
]


@pytest.mark.parametrize("options", OPTIONS, ids=["defaults", "settings"])
def test_the_loaded_client_keeps_the_settings_mastodon_py_keeps(oracle: Oracle,
                                                                 options: dict) -> None:
    mine = run_here("pickling", "round_trip", options)
    assert mine == oracle.call("pickling", "round_trip", options)
    assert mine["type"] == "Mastodon" and mine["access_token"] == options.get("access_token")


def test_a_loaded_client_talks_to_the_server(client: Callable[..., Any]) -> None:
    api = client("alice")
    assert api.me().username == "alice"
    restored = pickle.loads(pickle.dumps(api))
    try:
        assert restored.me().username == "alice"
        assert restored.status_post("from a pickle").account.username == "alice"
    finally:
        restored.close()
    assert api.me().username == "alice"  # the original is untouched by the copy's close()


def test_the_loaded_client_has_new_locks_of_its_own() -> None:
    api = Mastodon(api_base_url="https://mastodon.example", ratelimit_method="pace")
    restored = pickle.loads(pickle.dumps(api))
    try:
        for locks in ((api._cache_lock, restored._cache_lock),
                      (api._ratelimiter._lock, restored._ratelimiter._lock)):
            original, copy = locks
            assert copy is not original
            with original:  # held here, yet the copy's lock is free
                assert copy.acquire(blocking=False)
                copy.release()
        assert isinstance(restored._ratelimiter._answered, threading.Condition)
        assert restored._facts.lock is restored._cache_lock  # still one lock for both
        assert restored.ratelimit_method == "pace"
    finally:
        api.close()
        restored.close()


def test_rate_limit_state_travels_but_requests_under_way_do_not() -> None:
    api = Mastodon(api_base_url="https://mastodon.example", ratelimit_method="wait")
    api._ratelimiter.update({"X-RateLimit-Limit": "300", "X-RateLimit-Remaining": "40",
                             "X-RateLimit-Reset": "2030-01-01T00:00:00Z"})
    api._ratelimiter.before_request()  # one request under way, never answered
    assert api.ratelimit_remaining == 39
    restored = pickle.loads(pickle.dumps(api))
    try:
        assert (restored.ratelimit_limit, restored.ratelimit_remaining) == (300, 40)
        assert restored.ratelimit_reset == api.ratelimit_reset
    finally:
        api.close()
        restored.close()


def test_a_loaded_client_owns_its_copy_of_a_callers_session() -> None:
    session = requests.Session()
    api = Mastodon(api_base_url="https://mastodon.example", session=session)
    restored = pickle.loads(pickle.dumps(api))
    try:
        assert restored.session is not session and isinstance(restored.session, requests.Session)
        assert restored._owns_session and not api._owns_session
    finally:
        restored.close()
        session.close()
