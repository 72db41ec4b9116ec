"""Reliability: injected faults on real sockets; every call succeeds or raises the documented error.

Two sources of faults:

* the local fault server (``tests/support/fault_server.py``): 5xx, 429 with
  ISO-8601 and epoch resets, read timeouts, connections reset (RST) or closed
  (FIN) in the middle of the body, bodies stalling mid-way, truncated and
  malformed JSON, and slow (trickled) bodies. A seeded random plan strings
  up to five faults before each call's final answer; a model of the documented
  behaviour (retry policy, rate limiter, error mapping) says whether the call
  must succeed or which exact exception it must raise, and how long it may take.
* the mock server's fault rules (mastodon_mock, section 6 of its notes) on real
  endpoints: forced 5xx, ``ratelimit`` 429s with ISO-8601 and epoch resets,
  ``malformed`` bodies, ``latency`` beyond the timeout and ``timeout``.

Every fault is counted where it is delivered (the server side) into
``INJECTED``; the last test checks the total is at least 1,000 and prints the
breakdown that docs/reliability.rst quotes. Rate-limit waits run on a virtual
clock (the waits asked for are checked against the reset header), retry
backoff is skipped, so the suite takes seconds.

Idempotency: ``status_post(idempotency_key=...)`` is retried after faults that
lose the answer of a request the server already processed; the local server
and the mock both honour Idempotency-Key, and each logical post ends up on
the server exactly once, with the caller holding its id (nothing lost, no
duplicate).
"""
from __future__ import annotations

import collections
import random
import threading
import time
from typing import Any, Callable, Deque, Dict, List, Optional, Tuple, Type

import pytest
import requests

import support.fault_server as fault_server_module
from mastodon import Mastodon
from mastodon._core.retry import RetryPolicy
from mastodon.errors import (
    MastodonAPIError, MastodonBadGatewayError, MastodonError, MastodonGatewayTimeoutError,
    MastodonInternalServerError, MastodonNetworkError, MastodonRatelimitError,
    MastodonReadTimeout, MastodonServiceUnavailableError,
)
from support.fault_server import Reply, Seen, json_reply, malformed_json, truncated_json

# real sub-second timeouts: no garbage-collection pauses from earlier tests
pytestmark = pytest.mark.usefixtures("frozen_heap")

#: Faults delivered so far in this module, by kind (filled in by the tests, checked last).
INJECTED: "collections.Counter[str]" = collections.Counter()
#: Tests that contributed to INJECTED (the total is only checked when all ran).
CONTRIBUTORS: set = set()

TIMEOUT = 0.5  # request_timeout of the clients facing timeouts
HANG = 1.2  # how long the server keeps silent for a timeout or a stalled body
RETRIES = 2  # RetryPolicy.max_retries used throughout


def record(test: str, counts: Dict[str, int]) -> None:
    INJECTED.update(counts)
    CONTRIBUTORS.add(test)


def iso(when: float) -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(when)) + f".{int(when % 1 * 1000):03d}Z"


OFFSET_HEADER = "X-Test-Clock-Offset"


class VirtualTime:
    """Clock and sleep for a client's rate limiter: sleeping only moves the clock.

    The offset travels in a request header, so that the local server can name
    resets relative to the client's (virtual) now.
    """

    def __init__(self, session: requests.Session) -> None:
        self.session = session
        self.offset = 0.0
        self.sleeps: List[float] = []

    def clock(self) -> float:
        return time.time() + self.offset

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.offset += seconds
        self.session.headers[OFFSET_HEADER] = repr(self.offset)

    def restart(self, rewind: bool = False) -> None:
        """Forget the sleeps (for the next call); ``rewind`` also sets the clock back to now.

        Rewind only when the server does not name times relative to the client's
        clock (the mock): a clock going back would upset pacing.
        """
        self.sleeps = []
        if rewind:
            self.offset = 0.0
            self.session.headers.pop(OFFSET_HEADER, None)


def make_client(url: str, token: str = "fault_token", **kwargs: Any) -> Tuple[Mastodon, VirtualTime]:
    """A client whose retries do not sleep and whose rate-limit waits are virtual."""
    kwargs.setdefault("retry_policy", RetryPolicy(max_retries=RETRIES, sleep=lambda s: None))
    api = Mastodon(access_token=token, api_base_url=url, **kwargs)
    virtual = VirtualTime(api.session)
    api._ratelimiter.clock = virtual.clock
    api._ratelimiter.sleep = virtual.sleep
    return api, virtual


@pytest.fixture
def server(fault_server: Any, monkeypatch: pytest.MonkeyPatch) -> Any:
    # Without TCP_NODELAY the server's separate header and body writes meet the
    # client's delayed ACK: 40 ms per request. Reported to the harness owner.
    monkeypatch.setattr(fault_server_module._Handler, "disable_nagle_algorithm", True,
                        raising=False)
    return fault_server


# ---------------------------------------------------------------- the fault vocabulary

#: Faults the retry policy may retry (idempotent or keyed requests), with the
#: exact exception raised when the retries are used up. A success answer with a
#: broken body is retried like a 502 (issue 25.1).
RETRYABLE: Dict[str, Type[MastodonError]] = {
    "502": MastodonBadGatewayError,
    "503": MastodonServiceUnavailableError,
    "504": MastodonGatewayTimeoutError,
    "reset": MastodonNetworkError,  # RST after part of the body
    "fin": MastodonNetworkError,  # plain close after part of the body
    "timeout": MastodonReadTimeout,  # no status line within the timeout
    "stall": MastodonReadTimeout,  # body stops flowing for longer than the timeout
    "malformed": MastodonAPIError,  # 200 with a body that is not JSON
    "truncated": MastodonAPIError,  # 200 with JSON cut short (honest Content-Length)
}
#: Faults retried only for keyed POSTs (the key makes repeating them safe).
KEYED_RETRYABLE: Dict[str, Type[MastodonError]] = {"500": MastodonInternalServerError}
#: Faults that end an unkeyed call at once with this exact exception.
TERMINAL: Dict[str, Type[MastodonError]] = {"500": MastodonInternalServerError}
#: 429s: waited out (virtually) in wait mode, then the call goes on.
LIMITED = ("429iso", "429epoch")
#: Faults after which the server has already processed a request it could not answer.
PROCESSED = {"502", "504", "reset", "fin", "timeout", "stall", "malformed", "truncated"}
SLOW_KINDS = {"timeout", "stall"}

WEIGHTS = {"502": 12, "503": 12, "504": 12, "reset": 14, "fin": 14, "timeout": 3, "stall": 3,
           "500": 4, "malformed": 4, "truncated": 4, "429iso": 7, "429epoch": 7}


def status_json(ident: str, text: str = "hello") -> Dict[str, Any]:
    return {"id": ident, "content": f"<p>{text}</p>" + "<!-- pad -->" * 40,
            "visibility": "public", "created_at": "2026-11-22T10:00:00.000Z",
            "account": {"id": "7", "username": "alice", "acct": "alice"}}


def ok_headers(offset: float) -> Dict[str, str]:
    """Rate-limit headers as real Mastodon sends them on every answer."""
    return {"X-RateLimit-Limit": "300", "X-RateLimit-Remaining": "299",
            "X-RateLimit-Reset": iso(time.time() + offset + 300)}


def reply_for(kind: str, entity: Dict[str, Any], offset: float = 0.0) -> Reply:
    """The server's answer for one step of a plan (``offset``: the client's virtual time)."""
    if kind == "ok":
        return json_reply(entity, headers=ok_headers(offset))
    if kind == "slow":  # about 12 pieces, 10 ms apart
        return json_reply(entity, headers=ok_headers(offset), chunk_size=64, chunk_delay=0.01)
    if kind in ("500", "502", "503", "504"):
        return json_reply({"error": f"injected {kind}"}, int(kind))
    if kind in ("reset", "fin"):
        return json_reply(entity, cut_after=100, reset=kind == "reset")
    if kind == "timeout":
        return json_reply(entity, delay=HANG)
    if kind == "stall":
        return json_reply(entity, chunk_size=64, chunk_delay=HANG)
    if kind == "malformed":
        return malformed_json()
    if kind == "truncated":
        return truncated_json(entity, keep=120)
    if kind in LIMITED:
        reset = time.time() + offset + 2.5
        return json_reply({"error": "Too many requests"}, 429, {
            "X-RateLimit-Limit": "300", "X-RateLimit-Remaining": "0",
            "X-RateLimit-Reset": iso(reset) if kind == "429iso" else str(int(reset))})
    raise AssertionError(kind)


def retried(keyed: bool) -> Dict[str, Type[MastodonError]]:
    """The faults retried for a GET or a keyed POST, with the exception after the last try."""
    return {**RETRYABLE, **KEYED_RETRYABLE} if keyed else RETRYABLE


def expected_outcome(chain: List[str], keyed: bool) -> Tuple[List[str], Optional[Type[MastodonError]]]:
    """The documented behaviour: (the steps the call consumes, the exception or None)."""
    failures = 0
    retryable = retried(keyed)
    for index, kind in enumerate(chain):
        if kind in LIMITED:
            continue
        if kind in retryable:
            if failures < RETRIES:
                failures += 1
                continue
            return chain[:index + 1], retryable[kind]
        if kind in TERMINAL:
            return chain[:index + 1], TERMINAL[kind]
        return chain[:index + 1], None  # ok or slow
    raise AssertionError("a plan always ends with an answer")


def time_bound(steps: List[str]) -> float:
    """How long a call with these steps may take: its timeouts plus slack for a loaded machine."""
    return sum(TIMEOUT + 0.5 if k in SLOW_KINDS else 0.6 if k == "slow" else 0.1
               for k in steps) + 6.0


class PlannedServer:
    """Routes each request to the next step of its call's plan; holds the posted statuses.

    GET /api/v1/statuses/<id> is planned per id; POST /api/v1/statuses per
    status text. POSTs honour Idempotency-Key like Mastodon: the first request
    that is processed creates the status, later ones with the key get it back.
    """

    def __init__(self) -> None:
        self.plans: Dict[str, Deque[str]] = {}
        self.injected: "collections.Counter[str]" = collections.Counter()
        self.posted: Dict[str, Dict[str, Any]] = {}  # status text -> created status
        self.creations: "collections.Counter[str]" = collections.Counter()
        self.by_key: Dict[str, Dict[str, Any]] = {}
        self.lock = threading.Lock()

    def plan(self, name: str, steps: List[str]) -> None:
        self.plans[name] = collections.deque(steps)

    def __call__(self, seen: Seen) -> Reply:
        with self.lock:
            if seen.method == "POST":
                text = dict(seen.form())["status"]
                kind = self._next(text)
                entity = self._post(text, seen.headers.get("Idempotency-Key"), kind)
            else:
                ident = seen.path.rsplit("/", 1)[-1]
                kind = self._next(ident)
                entity = status_json(ident)
        return reply_for(kind, entity, float(seen.headers.get(OFFSET_HEADER, 0)))

    def _next(self, name: str) -> str:
        steps = self.plans.get(name)
        kind = steps.popleft() if steps else "ok"
        if kind != "ok":
            self.injected[kind] += 1
        return kind

    def _post(self, text: str, key: Optional[str], kind: str) -> Dict[str, Any]:
        processed = kind in PROCESSED or kind in ("ok", "slow")
        if key is not None and key in self.by_key:
            return self.by_key[key]
        entity = status_json(f"s{len(self.creations) + 1}", text)
        if processed:
            self.creations[text] += 1
            self.posted[text] = entity
            if key is not None:
                self.by_key[key] = entity
        return entity

    def leftover(self) -> Dict[str, List[str]]:
        return {name: list(steps) for name, steps in self.plans.items() if steps}


def random_chain(rng: random.Random) -> List[str]:
    kinds, weights = zip(*WEIGHTS.items())
    count = rng.choice((1, 1, 2, 2, 3, 3, 4, 5))
    return list(rng.choices(kinds, weights, k=count)) + [rng.choice(("ok", "ok", "ok", "slow"))]


# ---------------------------------------------------------------- local fault server

CALLS_PER_THREAD = 60
THREADS = 8


@pytest.mark.timeout(120)
def test_random_fault_plans_on_the_local_server(server: Any) -> None:
    """8 threads x 60 calls (GET, keyed POST, plain POST), each after a random string of faults."""
    planned = PlannedServer()
    server.default = planned
    rng = random.Random(8)
    jobs: List[List[Dict[str, Any]]] = [[] for _ in range(THREADS)]
    for number in range(THREADS * CALLS_PER_THREAD):
        verb = ("get", "keyed", "get", "plain")[number % 4]
        chain = random_chain(rng)
        steps, error = expected_outcome(chain, keyed=verb != "get")  # posts are always keyed
        name = f"c{number}" if verb == "get" else f"post {number}"
        planned.plan(name, steps)
        jobs[number % THREADS].append(
            {"verb": verb, "name": name, "steps": steps, "error": error, "number": number})
    failures: List[str] = []

    def worker(mine: List[Dict[str, Any]]) -> None:
        api, virtual = make_client(server.url, request_timeout=TIMEOUT)
        for job in mine:
            virtual.restart()
            started = time.monotonic()
            try:
                if job["verb"] == "get":
                    result: Any = api.status(job["name"])
                elif job["verb"] == "keyed":
                    result = api.status_post(job["name"], idempotency_key=f"key-{job['number']}")
                else:
                    result = api.status_post(job["name"])
                outcome: Any = None
            except Exception as exc:  # compared with the model below
                outcome, result = exc, None
            elapsed = time.monotonic() - started
            job["result"], job["outcome"] = result, outcome
            problem = check_call(job, outcome, result, elapsed, virtual.sleeps)
            if problem:
                failures.append(f"{job['verb']} {job['steps']}: {problem}")

    threads = [threading.Thread(target=worker, args=(mine,), daemon=True) for mine in jobs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=100)
    assert not any(thread.is_alive() for thread in threads), "a call hung"
    assert failures == [], failures[:10]
    assert planned.leftover() == {}  # every planned fault was delivered
    check_posts(server.url, planned, [job for mine in jobs for job in mine])
    assert sum(planned.injected.values()) >= 700
    record("random plans", planned.injected)


def check_call(job: Dict[str, Any], outcome: Any, result: Any, elapsed: float,
               sleeps: List[float]) -> Optional[str]:
    """What is wrong with one call's outcome, judged by the model (None: nothing)."""
    if job["error"] is None and outcome is not None:
        return f"raised {outcome!r}, expected success"
    if job["error"] is not None and type(outcome) is not job["error"]:
        return f"got {outcome!r}, expected {job['error'].__name__}"
    if job["error"] is None and job["verb"] == "get" and result.id != job["name"]:
        return f"wrong entity {result.id}"
    if elapsed > time_bound(job["steps"]):
        return f"took {elapsed:.2f} s, bound {time_bound(job['steps']):.2f} s"
    limited = [k for k in job["steps"] if k in LIMITED]
    if len(sleeps) != len(limited):
        return f"rate-limit waits {sleeps} for {limited}"
    for kind, waited in zip(limited, sleeps):  # the reset was 2.5 s ahead when sent
        low, high = (1.5, 2.55) if kind == "429iso" else (1.5, 3.55)
        if not low <= waited <= high:
            return f"{kind}: waited {waited:.2f} s"
    return None


def check_posts(url: str, planned: PlannedServer, jobs: List[Dict[str, Any]]) -> None:
    """No duplicate, nothing lost: each post is on the server at most once, keyed ones exactly once."""
    api, _ = make_client(url, request_timeout=5)
    for job in jobs:
        if job["verb"] == "get":
            continue
        text = job["name"]
        assert planned.creations[text] <= 1, f"duplicate post for {job['steps']}"
        if job["outcome"] is None:
            assert planned.creations[text] == 1 and job["result"].id == planned.posted[text]["id"]
        else:
            # the caller repeats the failed post with the key the error carries (the
            # client made one up for a post without a key): it gets THE status
            key = job["outcome"].idempotency_key
            assert key == (f"key-{job['number']}" if job["verb"] == "keyed" else key) and key
            assert job["outcome"].may_have_reached_server is True
            again = api.status_post(text, idempotency_key=key)
            assert planned.creations[text] == 1 and again.id == planned.posted[text]["id"]


@pytest.mark.timeout(60)
@pytest.mark.parametrize("kind", LIMITED)
def test_throw_mode_raises_on_every_429(server: Any, kind: str) -> None:
    planned = PlannedServer()
    server.default = planned
    api, virtual = make_client(server.url, ratelimit_method="throw")
    for number in range(60):
        planned.plan(f"t{number}", [kind])
        with pytest.raises(MastodonRatelimitError):
            api.status(f"t{number}")
    assert virtual.sleeps == [] and planned.leftover() == {}
    record(f"throw {kind}", planned.injected)


@pytest.mark.timeout(60)
@pytest.mark.parametrize("kind", LIMITED)
def test_wait_and_pace_modes_wait_for_the_reset_the_429_names(server: Any, kind: str) -> None:
    planned = PlannedServer()
    server.default = planned
    for mode in ("wait", "pace"):
        api, virtual = make_client(server.url, ratelimit_method=mode)
        for number in range(30):
            virtual.restart()
            planned.plan(f"{mode}{number}", [kind, kind])
            assert api.status(f"{mode}{number}").id == f"{mode}{number}"
            limit_waits = [s for s in virtual.sleeps if s > 1.5]  # pacing waits ~0.9 s
            assert len(limit_waits) == 2, virtual.sleeps
    assert planned.leftover() == {}
    record(f"wait/pace {kind}", planned.injected)


@pytest.mark.timeout(60)
def test_post_without_key_gets_one_so_it_is_retried_and_never_duplicated(server: Any) -> None:
    """After any one-off fault a post succeeds, created once (issue 25.1: no status is
    created by a call that raised); a fault lasting past the retries raises, and the
    key the error carries gets the one status, if any was created."""
    planned = PlannedServer()
    server.default = planned
    api, _ = make_client(server.url, request_timeout=TIMEOUT)
    kinds = ["502", "503", "504", "reset", "fin", "malformed", "truncated", "500"] * 6
    for number, kind in enumerate(kinds):
        text = f"plain {number}"
        lasting = number >= len(kinds) - 16  # the last two rounds: the fault outlasts the retries
        planned.plan(text, [kind] * (RETRIES + 1 if lasting else 1))
        if not lasting:  # retried with the key the client made up: posted once
            assert api.status_post(text).id == planned.posted[text]["id"]
            assert planned.creations[text] == 1
            continue
        with pytest.raises(retried(keyed=True)[kind]) as caught:
            api.status_post(text)
        assert type(caught.value) is retried(keyed=True)[kind]
        assert planned.creations[text] == (1 if kind in PROCESSED else 0)
        key = caught.value.idempotency_key
        assert key and caught.value.may_have_reached_server is True
        assert api.status_post(text, idempotency_key=key).id == planned.posted[text]["id"]
        assert planned.creations[text] == 1
    assert planned.leftover() == {}
    record("plain post", planned.injected)


@pytest.mark.timeout(30)
def test_more_than_300_calls_to_a_server_without_ratelimit_headers(server: Any) -> None:
    """A server that sends no X-RateLimit-* headers (mastodon_mock by default, many proxies)
    imposes no client-side limit: 400 calls, no waiting (this used to stop at call 301)."""
    server.default = json_reply({"id": "1"})
    api, virtual = make_client(server.url)
    for _ in range(400):
        api.status("1")
    assert virtual.sleeps == []


# ---------------------------------------------------------------- mock server fault rules

def fault_rules_left(mock: Any) -> List[Any]:
    return mock._call("/api/v1/_mock/faults", method="GET") or []


def rule(path: str, effect: Dict[str, Any], count: int, methods: Tuple[str, ...] = ("GET",)) -> Dict[str, Any]:
    return {"match": {"methods": list(methods), "path": path}, "effect": effect, "count": count}


MOCK_STATUS_ERRORS = {500: MastodonInternalServerError, 502: MastodonBadGatewayError,
                      503: MastodonServiceUnavailableError, 504: MastodonGatewayTimeoutError}


@pytest.mark.timeout(120)
def test_mock_forced_5xx_on_real_endpoints(mock: Any, client: Callable[..., Any]) -> None:
    no_retry = client("alice", retry_policy=RetryPolicy(max_retries=0))
    retrying = client("alice", retry_policy=RetryPolicy(max_retries=RETRIES, sleep=lambda s: None))
    delivered: "collections.Counter[str]" = collections.Counter()
    calls = [("/api/v1/timelines/home", lambda api: api.timeline_home()),
             ("/api/v1/notifications", lambda api: api.notifications()),
             ("/api/v1/bookmarks", lambda api: api.bookmarks())]
    for status, error in MOCK_STATUS_ERRORS.items():
        for path, call in calls:
            mock.fault(rule(path, {"type": "status", "status": status}, 6))
            for _ in range(6):
                with pytest.raises(error) as caught:
                    call(no_retry)
                assert caught.value.status_code == status
            call(no_retry)  # the rule is used up: the endpoint answers again
            delivered[str(status)] += 6
    for status in (502, 503, 504):  # retried: two faults then the answer, or three and the error
        for path, call in calls:
            mock.fault(rule(path, {"type": "status", "status": status}, RETRIES))
            call(retrying)
            mock.fault(rule(path, {"type": "status", "status": status}, RETRIES + 1))
            with pytest.raises(MOCK_STATUS_ERRORS[status]):
                call(retrying)
            delivered[str(status)] += 2 * RETRIES + 1
    assert fault_rules_left(mock) == []
    record("mock 5xx", delivered)


@pytest.mark.timeout(60)
def test_mock_ratelimit_rules_with_iso_and_epoch_resets(mock: Any, client: Callable[..., Any]) -> None:
    delivered: "collections.Counter[str]" = collections.Counter()
    path = "/api/v1/timelines/home"
    for fmt in ("iso", "epoch"):
        thrower = client("alice", ratelimit_method="throw")
        waiter, virtual = make_client(mock.base_url, "alice_token", ratelimit_method="wait")
        for _ in range(15):
            reset = time.time() + 4
            headers = {"X-RateLimit-Reset": iso(reset) if fmt == "iso" else str(int(reset)),
                       "Retry-After": "4"}
            mock.fault(rule(path, {"type": "ratelimit", "headers": headers}, 1))
            with pytest.raises(MastodonRatelimitError):
                thrower.timeline_home()
            mock.fault(rule(path, {"type": "ratelimit", "headers": headers}, 1))
            virtual.restart(rewind=True)
            assert isinstance(waiter.timeline_home(), list)
            assert len(virtual.sleeps) == 1 and 2.5 <= virtual.sleeps[0] <= 5.05, virtual.sleeps
            delivered[f"429{fmt}"] += 2
        waiter.session.close()
    # the mock's own default: epoch reset 300 s ahead and Retry-After 300
    waiter, virtual = make_client(mock.base_url, "alice_token")
    for _ in range(5):
        mock.fault(rule(path, {"type": "ratelimit"}, 1))
        virtual.restart(rewind=True)
        waiter.timeline_home()  # waits 300 s (the cap of one sleep), then the rest: virtually
        assert 299 <= sum(virtual.sleeps) <= 301.05, virtual.sleeps
    delivered["429epoch"] += 5
    assert fault_rules_left(mock) == []
    record("mock 429", delivered)


@pytest.mark.timeout(60)
def test_mock_malformed_bodies(mock: Any, client: Callable[..., Any]) -> None:
    delivered: "collections.Counter[str]" = collections.Counter()
    retrying = client("alice", retry_policy=RetryPolicy(max_retries=RETRIES, sleep=lambda s: None))
    for truncate in (True, False):
        effect = {"type": "malformed", "truncate": truncate}
        mock.fault(rule("/api/v1/timelines/home", effect, 15 * (RETRIES + 1)))
        for _ in range(15):  # a broken body each time: raised after the last try
            with pytest.raises(MastodonAPIError) as caught:
                retrying.timeline_home()
            assert type(caught.value) is MastodonAPIError
            assert "Could not parse response as JSON" in str(caught.value)
        for _ in range(10):  # a one-off broken body: retried, the answer after it is used
            mock.fault(rule("/api/v1/timelines/home", effect, 1))
            assert isinstance(retrying.timeline_home(), list)
        delivered["truncated" if truncate else "malformed"] += 15 * (RETRIES + 1) + 10
    assert fault_rules_left(mock) == []
    record("mock malformed", delivered)


@pytest.mark.timeout(60)
def test_mock_latency_and_timeout_rules_raise_within_the_timeout(
        mock: Any, client: Callable[..., Any]) -> None:
    api = client("alice", request_timeout=0.3, retry_policy=RetryPolicy(max_retries=0))
    retrying = client("alice", request_timeout=0.3,
                      retry_policy=RetryPolicy(max_retries=RETRIES, sleep=lambda s: None))
    delivered: "collections.Counter[str]" = collections.Counter()
    path = "/api/v1/timelines/home"
    # the latency is far beyond the bounds, so that a loaded machine's slowness cannot be
    # mistaken for waiting out the latency
    for effect, count in (({"type": "latency", "delay_ms": 8000}, 6), ({"type": "timeout"}, 3)):
        mock.fault(rule(path, effect, count))
        for _ in range(count):
            started = time.monotonic()
            with pytest.raises(MastodonReadTimeout):
                api.timeline_home()
            assert time.monotonic() - started < 0.3 + 5.0
        delivered["timeout"] += count
    mock.fault(rule(path, {"type": "latency", "delay_ms": 8000}, RETRIES))
    started = time.monotonic()
    assert isinstance(retrying.timeline_home(), list)  # two timeouts, then the answer
    assert time.monotonic() - started < RETRIES * 0.3 + 6.0
    delivered["timeout"] += RETRIES
    mock.fault(rule(path, {"type": "latency", "delay_ms": 200}, 5))
    for _ in range(5):  # slow but within the timeout: just an answer
        assert isinstance(client("alice", request_timeout=2).timeline_home(), list)
    delivered["slow"] += 5
    assert fault_rules_left(mock) == []
    record("mock latency", delivered)


@pytest.mark.timeout(60)
def test_mock_keyed_status_post_through_faults_is_posted_once(
        mock: Any, client: Callable[..., Any]) -> None:
    """Keyed posts are retried through 502/503/504 rules and through a timeout, and the
    mock honours Idempotency-Key, so each ends up on the server exactly once.

    (The mock cannot lose the answer of a request it processed: when the client
    gives up, it cancels the held request. That case is covered by the local
    server in test_random_fault_plans_on_the_local_server.)
    """
    api = client("alice", request_timeout=0.3,
                 retry_policy=RetryPolicy(max_retries=RETRIES, sleep=lambda s: None))
    delivered: "collections.Counter[str]" = collections.Counter()
    posted = []
    effects = [{"type": "status", "status": 502}, {"type": "status", "status": 503},
               {"type": "status", "status": 504}, {"type": "latency", "delay_ms": 700}]
    for number in range(12):
        effect = effects[number % len(effects)]
        mock.fault(rule("/api/v1/statuses", effect, RETRIES, ("POST",)))
        posted.append(api.status_post(f"keyed {number}", idempotency_key=f"mock-key-{number}"))
        delivered[str(effect.get("status", "timeout"))] += RETRIES
    assert fault_rules_left(mock) == []
    for number, status in enumerate(posted):  # the caller repeats a post: the same status
        again = api.status_post(f"keyed {number}", idempotency_key=f"mock-key-{number}")
        assert again.id == status.id
    texts = [s.content for s in api.timeline_home(limit=40)]
    for number in range(len(posted)):
        assert sum(f"keyed {number}<" in text for text in texts) == 1
    record("mock keyed post", delivered)


# ---------------------------------------------------------------- the total

def test_zz_at_least_1000_faults_were_injected() -> None:
    expected = {"random plans", "throw 429iso", "throw 429epoch", "wait/pace 429iso",
                "wait/pace 429epoch", "plain post", "mock 5xx", "mock 429", "mock malformed",
                "mock latency", "mock keyed post"}
    if CONTRIBUTORS != expected:
        pytest.skip(f"run the whole module to count faults (ran: {sorted(CONTRIBUTORS)})")
    total = sum(INJECTED.values())
    print(f"\n{total} injected faults: " + ", ".join(
        f"{kind} {count}" for kind, count in sorted(INJECTED.items())))
    assert total >= 1000
    for kind in ("500", "502", "503", "504", "429iso", "429epoch", "timeout", "reset", "fin",
                 "stall", "malformed", "truncated", "slow"):
        assert INJECTED[kind] >= 10, kind


# ---------------------------------------------------------------- answers of the wrong shape

def test_create_app_with_an_answer_lacking_client_id(fake: Any) -> None:
    fake.queue(json={"name": "app"})  # e.g. a proxy or a non-Mastodon server
    with pytest.raises(MastodonError):
        Mastodon.create_app("app", api_base_url="https://mastodon.example", session=fake.session)


def test_hashtag_timeline_when_the_instance_answer_is_a_list(fake: Any) -> None:
    fake.queue(json=[])  # GET /api/v2/instance answers a list
    fake.queue(json=[])
    try:
        fake.api.timeline_hashtag("cats")
    except MastodonError:
        pass
