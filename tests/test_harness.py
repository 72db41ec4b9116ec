"""The test helpers themselves: fake transport, fault server, mastodon_mock runner, packaging."""
from __future__ import annotations

import json
import os
import re
import socket
import time
import urllib.request
from importlib import metadata
from pathlib import Path

import pytest
import requests

import mastodon
from support import mock_server as mock_module
from support.fake_transport import Canned, form_of, query_of
from support.fault_server import (
    FaultServer, Reply, WindowLimiter, cut_reply, json_reply, malformed_json, slow_reply,
    sse_event, sse_reply, truncated_json,
)

REPO = Path(__file__).resolve().parents[1]


# ---------------------------------------------------------------- fake transport

def test_fake_records_requests_and_answers_in_order(fake):
    fake.queue(json={"n": 1}, headers={"X-Test": "yes"})
    fake.queue(status=404, json={"error": "gone"})
    first = fake.session.get("https://mastodon.example/api/v1/a?x=1&y[]=2&y[]=3")
    second = fake.session.post("http://elsewhere.example/api/v1/b", data={"k": "v", "e": ""})
    third = fake.session.get("https://mastodon.example/api/v1/c")
    assert (first.status_code, first.json(), first.headers["x-test"]) == (200, {"n": 1}, "yes")
    assert (second.status_code, second.json(), second.reason) == (404, {"error": "gone"},
                                                                   "Not Found")
    assert (third.status_code, third.json()) == (200, {})  # nothing queued: 200 {}
    assert fake.calls == [("GET", "/api/v1/a"), ("POST", "/api/v1/b"), ("GET", "/api/v1/c")]
    assert fake.requests[0].url.endswith("?x=1&y[]=2&y[]=3") or fake.requests[0].url.endswith(
        "?x=1&y%5B%5D=2&y%5B%5D=3")
    assert query_of(fake.requests[0]) == [("x", "1"), ("y[]", "2"), ("y[]", "3")]
    assert form_of(fake.requests[1]) == [("k", "v"), ("e", "")]
    assert fake.pending == 0


def test_fake_client_sends_through_the_adapter(fake):
    fake.queue(json={"id": "7", "content": "<p>hi</p>"})
    status = fake.api.status(7)
    assert status.id == "7"  # decoded by the library, answered by the fake
    assert fake.last.method == "GET" and fake.last.path_url == "/api/v1/statuses/7"
    assert fake.last_headers()["Authorization"] == "Bearer fake_token"
    assert fake.last_query() == []


def test_fake_json_body_raw_body_errors_and_handlers(fake):
    fake.session.post("https://mastodon.example/j", json={"a": [1, 2]})
    assert fake.last_json() == {"a": [1, 2]}
    fake.queue(body=b"{not json", headers={"Content-Type": "application/json"})
    assert fake.session.get("https://mastodon.example/raw").content == b"{not json"
    fake.queue(error=requests.ConnectionError("boom"))
    with pytest.raises(requests.ConnectionError):
        fake.session.get("https://mastodon.example/down")
    fake.queue(lambda request: Canned.make(201, json={"echo": request.method}))
    assert fake.session.put("https://mastodon.example/h").json() == {"echo": "PUT"}
    fake.default = Canned.make(503)
    assert fake.session.get("https://mastodon.example/x").status_code == 503


def test_fake_streams_bodies(fake):
    fake.queue(body=b"event: update\ndata: {}\n\n", headers={"Content-Type": "text/event-stream"})
    response = fake.session.get("https://mastodon.example/api/v1/streaming/user", stream=True)
    assert list(response.iter_lines()) == [b"event: update", b"data: {}", b""]


# ---------------------------------------------------------------- fault server

def test_fault_server_plays_its_script_then_the_default(fault_server):
    fault_server.script(json_reply({"step": 1}, headers={"Link": "<x>; rel=\"next\""}),
                        Reply(status=503, body=b""), malformed_json(),
                        truncated_json({"long": "x" * 50}, keep=11))
    with requests.Session() as session:
        first = session.get(fault_server.url + "/one?a=1", headers={"Authorization": "Bearer t"})
        assert first.json() == {"step": 1} and first.links["next"]["url"] == "x"
        assert session.post(fault_server.url + "/two", data={"k": "v"}).status_code == 503
        with pytest.raises(ValueError):
            session.get(fault_server.url + "/three").json()
        assert session.get(fault_server.url + "/four").content == b'{"long": "x'
        assert session.get(fault_server.url + "/five").json() == {}
    seen = fault_server.requests
    assert [r.path for r in seen] == ["/one", "/two", "/three", "/four", "/five"]
    assert seen[0].query == [("a", "1")] and seen[0].headers["authorization"] == "Bearer t"
    assert seen[1].method == "POST" and seen[1].form() == [("k", "v")]


def test_fault_server_delay_causes_read_timeout(fault_server):
    fault_server.script(Reply(delay=30.0))
    start = time.monotonic()
    with pytest.raises(requests.exceptions.ReadTimeout):
        requests.get(fault_server.url + "/slow", timeout=0.3)
    assert time.monotonic() - start < 15  # the timeout ended it, not the 30 s answer


def test_fault_server_slow_body_arrives_whole(fault_server):
    fault_server.script(slow_reply({"data": "y" * 100}, chunk_size=20, chunk_delay=0.02))
    start = time.monotonic()
    assert requests.get(fault_server.url + "/trickle", timeout=5).json() == {"data": "y" * 100}
    assert time.monotonic() - start >= 0.1


@pytest.mark.parametrize("reset", [True, False])
def test_fault_server_drops_connection_mid_body(fault_server, reset):
    fault_server.script(cut_reply({"data": "z" * 1000}, after=100, reset=reset))
    with pytest.raises(requests.exceptions.RequestException):
        requests.get(fault_server.url + "/cut", timeout=5).json()


def test_fault_server_sse_stream_is_cut_after_k_bytes(fault_server):
    body = sse_event("update", {"id": "1"}) + b":thump\n" + sse_event("delete", "1")
    fault_server.script(sse_reply([body], cut_after=30, chunk_size=10))
    received = b""
    with pytest.raises(requests.exceptions.ChunkedEncodingError):
        with requests.get(fault_server.url + "/api/v1/streaming/user", stream=True,
                          timeout=5) as response:
            assert response.headers["Content-Type"] == "text/event-stream"
            for piece in response.iter_content(chunk_size=None):
                received += piece
    assert received == body[:30]


def test_fault_server_full_sse_stream_ends_cleanly(fault_server):
    body = sse_event("update", {"id": "1"})
    fault_server.script(sse_reply([body], hold=0.1))
    with requests.get(fault_server.url + "/s", stream=True, timeout=5) as response:
        assert list(response.iter_lines()) == [b"event: update", b'data: {"id": "1"}', b""]


@pytest.mark.parametrize("reset_format, pattern", [
    ("iso", r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$"),
    ("epoch", r"^\d{10}$"),
])
def test_fault_server_rate_limiter_counts_per_token(fault_server, reset_format, pattern):
    limiter = fault_server.rate_limit(limit=3, window=60.0, reset_format=reset_format)
    with requests.Session() as session:
        codes = [session.get(fault_server.url + "/r", headers={"Authorization": "Bearer a"})
                 for _ in range(5)]
        other = session.get(fault_server.url + "/r", headers={"Authorization": "Bearer b"})
    assert [r.status_code for r in codes] == [200, 200, 200, 429, 429]
    assert [r.headers["X-RateLimit-Remaining"] for r in codes] == ["2", "1", "0", "0", "0"]
    assert codes[0].headers["X-RateLimit-Limit"] == "3"
    assert re.match(pattern, codes[0].headers["X-RateLimit-Reset"])
    assert other.status_code == 200 and other.headers["X-RateLimit-Remaining"] == "2"
    assert (limiter.seen, limiter.exceeded) == (6, 2)
    assert limiter.per_key() == {"Bearer a": 5, "Bearer b": 1}


def test_window_limiter_resets_on_window_boundary():
    now = [1000.0]
    limiter = WindowLimiter(limit=1, window=10.0, reset_format="iso", clock=lambda: now[0])
    allowed, headers = limiter.admit("k")
    assert allowed and headers["X-RateLimit-Reset"] == "1970-01-01T00:16:50.000Z"
    assert not limiter.admit("k")[0]
    now[0] = 1010.0
    assert limiter.admit("k")[0] and limiter.exceeded == 1


def test_fault_server_stop_ends_pending_waits():
    server = FaultServer().start()
    server.script(Reply(delay=30.0))
    with socket.create_connection(("127.0.0.1", int(server.url.rsplit(":", 1)[1])), timeout=5) as s:
        s.sendall(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
        time.sleep(0.1)
        start = time.monotonic()
        server.stop()
        assert time.monotonic() - start < 5


# ---------------------------------------------------------------- mastodon_mock

def _whoami(mock, token):
    reply = requests.get(mock.base_url + "/api/v1/accounts/verify_credentials",
                         headers={"Authorization": f"Bearer {token}"}, timeout=10)
    return reply.status_code, reply.json()


def test_mock_server_health_and_reset(mock, client):
    with urllib.request.urlopen(mock.base_url + "/health", timeout=5) as reply:
        assert reply.status == 200
    alice = client("alice")
    assert (alice.api_base_url, alice.access_token) == (mock.base_url, "alice_token")
    alice.status_post("before reset")
    assert _whoami(mock, "alice_token")[1]["statuses_count"] == 1
    mock.reset()
    assert _whoami(mock, "alice_token")[1]["statuses_count"] == 0  # seed tokens survive


def test_mock_server_users_and_faults(mock, client, admin_client):
    token = mock.new_user("eve")
    assert _whoami(mock, token)[1]["username"] == "eve"
    assert client(token).access_token == token
    assert admin_client.access_token == mock.token("admin") == "admin_token"
    assert _whoami(mock, "admin_token")[1]["username"] == "root"
    mock.fault({"match": {"path": "/api/v1/accounts/verify_credentials"},
                "effect": {"type": "status", "status": 404}, "count": None})
    assert _whoami(mock, "bob_token")[0] == 404
    mock.clear_faults()
    assert _whoami(mock, "bob_token")[1]["username"] == "bob"


def test_mock_server_factory_starts_a_rate_limited_instance(mock_server_factory):
    limited = mock_server_factory("[ratelimit]\nenabled = true\nlimit = 2\nwindow_seconds = 60\n")
    codes = [_whoami(limited, "carol_token")[0] for _ in range(3)]
    assert codes == [200, 200, 429]


def test_mock_bin_override_and_install_lock(monkeypatch, tmp_path):
    monkeypatch.setenv("MASTODON_MOCK_BIN", "/somewhere/mastodon_mock")
    assert mock_module.ensure_mock_bin(tmp_path / "venv") == Path("/somewhere/mastodon_mock")
    pytest.importorskip("fcntl")
    lock_path = tmp_path / "venv.lock"
    with mock_module._FileLock(lock_path, time.monotonic() + 5):
        with pytest.raises(mock_module.MockUnavailable, match="lock"):
            with mock_module._FileLock(lock_path, time.monotonic() + 0.3):
                pass


# ---------------------------------------------------------------- packaging

def test_version_is_parsed_from_the_package_source():
    source = (REPO / "mastodon" / "__init__.py").read_text(encoding="utf-8")
    assert re.search(r'^__version__\s*=\s*"2\.3\.3"$', source, re.MULTILINE)
    assert mastodon.__version__ == "2.3.3"
    try:
        installed = metadata.version("mastodon-ng")
    except metadata.PackageNotFoundError:
        pytest.skip("mastodon-ng is not installed in this environment")
    assert installed == mastodon.__version__


def test_ci_script_is_strict_and_executable():
    script = REPO / ".ci" / "run"
    assert os.access(script, os.X_OK)
    assert "set -euo pipefail" in script.read_text(encoding="utf-8")


def test_fixture_page_is_json():
    page = json.loads((REPO / "tests" / "fixtures" / "recorded" / "timeline_home_40.json")
                      .read_bytes())
    assert isinstance(page, list) and len(page) == 40
