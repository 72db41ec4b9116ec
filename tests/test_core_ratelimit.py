"""The rate limiter on its own, with an injected clock and sleep."""
import threading

import pytest

from mastodon._core.ratelimit import RateLimiter, parse_reset
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


def test_update_reads_headers_and_counts_down_locally():
    clock = FakeClock()
    rl = limiter("wait", clock)
    rl.update(headers(10, "1010"))
    assert (rl.remaining, rl.limit, rl.reset) == (10, 300, 1011.0)
    rl.before_request()
    assert rl.remaining == 9
    # a stale (higher) count from a slower response in the same window does not win
    rl.update(headers(10, "1010"))
    assert rl.remaining == 9


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


def test_after_429_without_reset_backs_off_exponentially_in_wait_mode_only():
    clock = FakeClock()
    rl = limiter("wait", clock)
    assert [rl.after_429({}, attempt) for attempt in range(3)] == [2.0, 4.0, 8.0]
    with pytest.raises(MastodonRatelimitError):
        limiter("pace", clock).after_429({}, 0)


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
    clock = FakeClock()
    rl = limiter("wait", clock)
    rl.update(headers(50, "1500"))  # window ends at 1501
    times = []
    lock = threading.Lock()

    def worker():
        for _ in range(10):
            rl.before_request()
            with lock:
                times.append(clock.now)

    threads = [threading.Thread(target=worker) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(5)
    assert len(times) == 80
    assert sum(1 for t in times if t < 1501) <= 50


def test_server_without_ratelimit_headers_is_never_throttled():
    clock = FakeClock()
    rl = limiter("wait", clock)
    for _ in range(400):
        rl.before_request()
        rl.update({})
    assert clock.slept == []
