"""The request core against a local misbehaving server (tests/support/fault_server.py)."""
import threading
import time

import pytest

from mastodon import Mastodon
from mastodon._core.retry import RetryPolicy
from mastodon.errors import MastodonNetworkError, MastodonRatelimitError, MastodonReadTimeout
from support.fault_server import Reply, cut_reply, json_reply, slow_reply

# real sub-second timeouts: no garbage-collection pauses from earlier tests
pytestmark = pytest.mark.usefixtures("frozen_heap")


def iso(when):
    return time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(when)) + \
        f".{int((when % 1) * 1000):03d}Z"


def api_for(server, **kwargs):
    return Mastodon(access_token="tok", api_base_url=server.url, **kwargs)


def test_wait_mode_waits_for_an_iso_reset_then_succeeds(fault_server):
    reset = time.time() + 1.5
    fault_server.script(
        json_reply({"error": "Too many requests"}, 429,
                   {"X-RateLimit-Limit": "300", "X-RateLimit-Remaining": "0",
                    "X-RateLimit-Reset": iso(reset)}),
        json_reply({"id": "1"}))
    api = api_for(fault_server, ratelimit_method="wait")
    started = time.monotonic()
    assert api._get("/api/v1/statuses/1").id == "1"
    assert time.monotonic() - started >= 1.0
    assert len(fault_server.requests) == 2
    assert fault_server.requests[1].at >= reset - 0.05


def test_throw_mode_raises_without_waiting(fault_server):
    fault_server.script(json_reply({"error": "slow down"}, 429, {
        "X-RateLimit-Remaining": "0", "X-RateLimit-Reset": iso(time.time() + 60)}))
    with pytest.raises(MastodonRatelimitError):
        api_for(fault_server, ratelimit_method="throw")._get("/api/v1/x")


@pytest.mark.parametrize("reset_format", ["iso", "epoch"])
def test_eight_threads_in_pace_mode_never_exceed_the_server_limit(fault_server, reset_format):
    limiter = fault_server.rate_limit(limit=20, window=1.0, reset_format=reset_format)
    fault_server.default = json_reply({"ok": True})
    api = api_for(fault_server, ratelimit_method="pace")
    errors = []

    def worker():
        for _ in range(8):
            try:
                api._get("/api/v1/ping")
            except Exception as exc:  # collected and asserted below
                errors.append(exc)

    threads = [threading.Thread(target=worker) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert not any(thread.is_alive() for thread in threads)
    assert errors == []
    assert limiter.seen == 64 and limiter.exceeded == 0
    assert 0 <= api.ratelimit_remaining <= api.ratelimit_limit == 20


def test_connection_reset_mid_body_is_retried_for_get(fault_server):
    fault_server.script(cut_reply({"id": "1", "pad": "x" * 2000}, after=100),
                        json_reply({"id": "1"}))
    api = api_for(fault_server, retry_policy=RetryPolicy(sleep=lambda s: None))
    assert api._get("/api/v1/statuses/1").id == "1"
    assert len(fault_server.requests) == 2


def test_connection_reset_on_plain_post_raises_network_error(fault_server):
    fault_server.script(cut_reply({"id": "1", "pad": "x" * 2000}, after=100))
    api = api_for(fault_server, retry_policy=RetryPolicy(sleep=lambda s: None))
    with pytest.raises(MastodonNetworkError):  # (posting a status would be keyed and retried)
        api._post("/api/v1/lists", {"title": "x"})
    assert len(fault_server.requests) == 1


def test_slow_body_beyond_timeout_is_a_read_timeout(fault_server):
    fault_server.script(slow_reply({"id": "1", "pad": "x" * 200}, chunk_size=10, chunk_delay=2.0))
    api = api_for(fault_server, request_timeout=0.3, retry_policy=RetryPolicy(max_retries=0))
    started = time.monotonic()
    with pytest.raises(MastodonReadTimeout, match="body stopped"):  # a MastodonNetworkError too
        api._get("/api/v1/statuses/1")
    assert time.monotonic() - started < 20  # the whole body would take over 40 s


def test_delayed_headers_beyond_timeout(fault_server):
    fault_server.script(Reply(delay=2.0))
    api = api_for(fault_server, request_timeout=0.3, retry_policy=RetryPolicy(max_retries=0))
    with pytest.raises(MastodonNetworkError):
        api._get("/api/v1/statuses/1")
