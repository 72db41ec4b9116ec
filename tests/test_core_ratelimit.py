"""The rate limiter on its own, with an injected clock and sleep."""
import threading

import pytest

from mastodon._core.ratelimit import RateLimiter, bucket_for, parse_reset
from mastodon.errors import MastodonIllegalArgumentError, MastodonRatelimitError


class FakeClock:
    def __init__(self, now=1000.0):
        self.now = now
        self.slept = []

    def __call__(self):
        return self.now

    def sleep(self, seconds):
        self.slept.append(seconds)
        self.now += seconds


def limiter(method, clock, **kw):
    return RateLimiter(method, clock=clock, sleep=clock.sleep, **kw)


def headers(remaining, reset, limit=300):
    return {"X-RateLimit-Remaining": str(remaining), "X-RateLimit-Limit": str(limit),
            "X-RateLimit-Reset": reset}


def test_parse_reset_accepts_iso_and_epoch():
    assert parse_reset("2026-11-22T20:00:00.000Z") == 1795377600.0
    assert parse_reset("2026-11-22T20:00:00+00:00") == 1795377600.0
    # whole epoch seconds may have been rounded down, so one second of margin is added
    assert parse_reset("1795377600") == 1795377601.0
    assert parse_reset("1795377600.5") == 1795377600.5
    assert parse_reset("soon") is None
    assert parse_reset(None) is None


def test_rejects_unknown_method():
    with pytest.raises(MastodonIllegalArgumentError, match="ratelimit_method"):
        RateLimiter("sometimes")


def test_update_adopts_what_the_server_reports():
    clock = FakeClock()
    rl = limiter("wait", clock)
    rl.update(headers(10, "1010"))
    assert (rl.remaining, rl.limit, rl.reset) == (10, 300, 1011.0)
    rl.before_request()
    assert rl.remaining == 9  # one request under way, not yet counted by the server
    # the server's answer wins over any local count: it still says 10 (a cache, say)
    rl.update(headers(10, "1010"))
    assert rl.remaining == 10


def test_answers_arriving_out_of_order_keep_the_lowest_count_of_a_window():
    clock = FakeClock()
    rl = limiter("wait", clock)
    rl.update(headers(10, "1010"))
    rl.before_request()
    rl.before_request()
    rl.update(headers(8, "1010"))  # the later request's answer arrives first
    rl.update(headers(9, "1010"))  # the earlier one's answer is older news
    assert rl.remaining == 8
    rl.update(headers(299, "1070"))  # a later window: adopted as it is
    assert rl.remaining == 299


def test_a_stale_local_count_never_makes_the_client_sleep():
    """The server keeps saying 273 left: 1,000 requests in one window need no sleep."""
    clock = FakeClock()
    rl = limiter("wait", clock)
    for _ in range(1000):
        rl.before_request()
        rl.update(headers(273, "1010"))
    assert clock.slept == [] and rl.remaining == 273


def test_moving_reset_with_constant_remaining_never_sleeps():
    """The test server's way: always 299 left, the reset moving on once a second."""
    clock = FakeClock()
    rl = limiter("wait", clock)
    for n in range(600):  # 600 requests within one second of fake time
        clock.now = 1000.0 + n / 1000
        rl.before_request()
        rl.update(headers(299, str(1300 + int(clock.now) - 1000)))
    assert clock.slept == []


def test_only_a_reported_zero_waits_for_the_reset():
    clock = FakeClock()
    rl = limiter("wait", clock)
    rl.update(headers(2, "1010"))
    rl.before_request()
    rl.update(headers(1, "1010"))
    rl.before_request()
    rl.update(headers(0, "1010"))
    rl.before_request()
    assert clock.slept == [pytest.approx(11.0)]


def test_buckets_are_kept_apart():
    clock = FakeClock()
    rl = limiter("wait", clock)
    rl.update(headers(250, "1200"))
    rl.before_request("media")
    rl.update(headers(0, "2800", limit=30), "media")  # uploads exhausted for half an hour
    rl.before_request()  # a timeline read goes at once
    assert clock.slept == [] and rl.remaining == 249
    assert rl.bucket("media").remaining == 0 and rl.bucket("media").limit == 30


@pytest.mark.parametrize("method,path,bucket", [
    ("GET", "/api/v1/timelines/home", "default"),
    ("POST", "/api/v2/media", "media"),
    ("POST", "/api/v1/media", "media"),
    ("PUT", "/api/v1/media/5", "default"),
    ("DELETE", "/api/v1/statuses/109", "deletes"),
    ("POST", "/api/v1/statuses/109/unreblog", "deletes"),
    ("POST", "/api/v1/statuses", "default"),
    ("POST", "/api/v1/accounts", "sign_ups"),
    ("GET", "/api/v1/accounts", "default"),
])
def test_bucket_for_sorts_mastodons_separately_limited_endpoints(method, path, bucket):
    assert bucket_for(method, "https://example.org/prefix" + path + "?x=1") == bucket


def test_wait_mode_sleeps_until_reset_when_exhausted():
    clock = FakeClock()
    rl = limiter("wait", clock)
    rl.update(headers(0, "2026-11-22T20:00:05Z", limit=5))
    clock.now = 1795377600.0
    rl.before_request()
    assert clock.slept == [pytest.approx(5.0)]
    assert rl.remaining == 4  # new window assumed full, one request reserved


def test_requests_under_way_at_a_window_change_count_against_the_new_window():
    clock = FakeClock()
    rl = limiter("wait", clock)
    rl.update(headers(2, "1010", limit=3))
    rl.before_request()
    rl.before_request()  # two requests sent late in the window, no answer yet
    assert rl.remaining == 0
    clock.now = 1012.0  # the window is over; the two may still reach the server in the next
    rl.before_request()
    assert rl.remaining == 0 and clock.slept == []  # 3 - 2 under way - 1 taken now
    rl.update(headers(1, "1020", limit=3))  # one of them answered, counted in the new window
    assert rl.remaining == 0


def test_throw_mode_never_sleeps_and_raises_on_429():
    clock = FakeClock()
    rl = limiter("throw", clock)
    rl.update(headers(0, "1010"))
    rl.before_request()
    assert clock.slept == []
    with pytest.raises(MastodonRatelimitError):
        rl.after_429(headers(0, "1010"), 0)


def test_after_429_waits_until_iso_reset():
    clock = FakeClock(1795377600.0)
    rl = limiter("wait", clock)
    assert rl.after_429(headers(0, "2026-11-22T20:00:03Z"), 0) == pytest.approx(3.0)


@pytest.mark.parametrize("mode", ["wait", "pace"])
def test_after_429_without_reset_backs_off_exponentially(mode):
    # pace mode behaves like wait mode here, as the rate-limit guide says (issue 25.5)
    rl = limiter(mode, FakeClock())
    assert [rl.after_429({}, attempt) for attempt in range(3)] == [2.0, 4.0, 8.0]


def test_after_429_gives_up_after_max_retries():
    rl = limiter("wait", FakeClock(), max_retries=2)
    with pytest.raises(MastodonRatelimitError):
        rl.after_429(headers(0, "1010"), 2)


def test_pace_mode_spreads_requests_over_the_window():
    clock = FakeClock()
    rl = limiter("pace", clock, )
    rl.pacefactor = 1.0
    rl.update(headers(10, "1099"))  # reset at 1100 (one second margin): 100 s for 10 requests
    rl.before_request()
    rl.before_request()
    assert clock.slept and clock.slept[0] == pytest.approx(10.0, rel=0.05)


def test_threads_sharing_a_limiter_never_exceed_the_window():
    """8 threads against a fake server counting 50 requests per 100 s window."""
    clock = FakeClock()
    clock_lock = threading.Lock()

    def sleep(seconds):
        with clock_lock:
            clock.now += seconds

    rl = RateLimiter("wait", clock=clock, sleep=sleep)
    counts = {}
    refused = []

    def serve():
        with clock_lock:
            clock.now += 0.01
            window = int(clock.now // 100)
            counts[window] = counts.get(window, 0) + 1
            if counts[window] > 50:
                refused.append(window)
            return headers(max(50 - counts[window], 0), str(window * 100 + 99), limit=50)

    def worker():
        for _ in range(10):
            rl.before_request()
            rl.update(serve())

    rl.before_request()
    rl.update(serve())
    threads = [threading.Thread(target=worker) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert not any(t.is_alive() for t in threads)
    assert refused == [] and sum(counts.values()) == 81 and max(counts.values()) <= 50


def test_server_without_ratelimit_headers_is_never_throttled():
    clock = FakeClock()
    rl = limiter("wait", clock)
    for _ in range(400):
        rl.before_request()
        rl.update({})
    assert clock.slept == []
