"""Reliability: the rate limiter trusts the server, against the local fault server.

Each test's client records the limiter's sleeps instead of sleeping, so a
wrong decision shows as a recorded sleep rather than as a slow test.
"""
from __future__ import annotations

import io
import time
from typing import Any, List, Tuple

import pytest

from mastodon import Mastodon, MastodonRatelimitError
from support.fault_server import Reply, Seen, json_reply

STATUS = {"id": "1", "content": "<p>hi</p>", "visibility": "public"}


def iso(when: float) -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(when)) + \
        f".{int((when % 1) * 1000):03d}Z"


def limit_headers(remaining: int, reset: float, limit: int = 300) -> dict:
    return {"X-RateLimit-Limit": str(limit), "X-RateLimit-Remaining": str(remaining),
            "X-RateLimit-Reset": iso(reset)}


def recording_client(server: Any, **kwargs: Any) -> Tuple[Mastodon, List[float]]:
    """A client whose rate-limit sleeps are recorded, not slept."""
    api = Mastodon(access_token="tok", api_base_url=server.url, **kwargs)
    slept: List[float] = []
    api._ratelimiter.sleep = slept.append
    return api, slept


def test_275_reads_against_a_server_always_saying_273_left_never_sleep(fault_server: Any) -> None:
    reset = time.time() + 30
    fault_server.default = json_reply(STATUS, headers=limit_headers(273, reset))
    api, slept = recording_client(fault_server, ratelimit_method="wait")
    for n in range(275):
        assert api.status(str(n)).id == "1"
    assert slept == []
    assert api.ratelimit_remaining == 273 and len(fault_server.requests) == 275


def test_more_than_299_requests_a_second_with_a_moving_reset_never_sleep(fault_server: Any) -> None:
    """The test server's headers: always 299 left, the reset moving on once a second."""
    def reply(seen: Seen) -> Reply:
        return json_reply(STATUS, headers=limit_headers(299, int(time.time()) + 300))

    fault_server.default = reply
    api, slept = recording_client(fault_server, ratelimit_method="wait")
    for n in range(320):
        api.status(str(n))
    assert slept == []


@pytest.mark.parametrize("mode", ["wait", "pace"])
def test_an_exhausted_media_bucket_does_not_throttle_timeline_reads(fault_server: Any,
                                                                   mode: str) -> None:
    now = time.time()

    def reply(seen: Seen) -> Reply:
        if seen.method == "POST" and seen.path in ("/api/v1/media", "/api/v2/media"):
            return json_reply({"id": "m1", "type": "image"},
                              headers=limit_headers(0, now + 1800, limit=30))
        return json_reply([STATUS], headers=limit_headers(250, now + 120))

    fault_server.default = reply
    api, slept = recording_client(fault_server, ratelimit_method=mode)
    api.timeline_home()
    assert api.media_post(io.BytesIO(b"\x89PNG\r\n\x1a\n"), mime_type="image/png").id == "m1"
    for _ in range(5):
        assert api.timeline_home()[0].id == "1"
    # no waiting for the media reset; pace mode spaces the reads by about 120/250 s each
    # (seven of them after the first: the version lookup's v1 and v2, five timelines)
    assert max(slept, default=0.0) < 10.0
    assert slept == [] if mode == "wait" else len(slept) <= 7
    assert api.ratelimit_limit == 300 and api.ratelimit_remaining == 250
    api._ratelimiter.max_retries = 1  # the next upload waits for the media reset, once
    with pytest.raises(MastodonRatelimitError):
        api.media_post(io.BytesIO(b"\x89PNG\r\n\x1a\n"), mime_type="image/png")
    assert max(slept) >= 300  # (sleeps are capped at five minutes at a time)
