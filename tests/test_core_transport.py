"""The send stage's shortcuts through a stock ``requests.Session``.

``transmit`` does what ``requests.Session.request`` does, but looks the
environment settings (proxies, CA bundle) up once per origin and reuses them
while the environment and the session's settings stay the same, and reads the
body of an answer from requests' own HTTPAdapter in one piece. These tests
send real requests to the local fault server.
"""
from __future__ import annotations

import gzip
from decimal import Decimal
from typing import Any, List

import pytest
import requests
from requests.adapters import HTTPAdapter

from mastodon import Mastodon, MastodonNetworkError
from mastodon._core import transport
from mastodon._core.transport import EnvironmentSettings
from support.fault_server import JSON_TYPE, Reply, json_reply


@pytest.fixture
def merges(monkeypatch: pytest.MonkeyPatch) -> List[str]:
    """URLs requests computed environment settings for (the stock method, spied on)."""
    seen: List[str] = []
    original = requests.Session.merge_environment_settings

    def spy(self: requests.Session, url: Any, *args: Any, **kwargs: Any) -> Any:
        seen.append(url)
        return original(self, url, *args, **kwargs)

    monkeypatch.setattr(requests.Session, "merge_environment_settings", spy)
    monkeypatch.setattr(transport, "_ENVIRONMENT", EnvironmentSettings())
    return seen


def test_settings_are_computed_once_while_nothing_changes(fault_server, merges):
    fault_server.default = json_reply({"id": "1"})
    api = Mastodon(access_token="tok", api_base_url=fault_server.url)
    for _ in range(3):
        assert api.status("1").id == "1"
    assert len(merges) == 1
    assert [seen.headers["Authorization"] for seen in fault_server.requests] == ["Bearer tok"] * 3


def test_an_environment_change_is_seen_by_the_next_request(fault_server, merges, monkeypatch):
    fault_server.default = json_reply({"id": "1"})
    api = Mastodon(access_token="tok", api_base_url=fault_server.url)
    api.status("1")
    # every request now goes through a "proxy": the fault server itself
    monkeypatch.setenv("http_proxy", fault_server.url)
    monkeypatch.setenv("no_proxy", "")
    monkeypatch.delenv("NO_PROXY", raising=False)
    api.status("1")
    assert len(merges) == 2
    # a proxied request names the full URL in its request line
    assert fault_server.requests[-1].target.startswith("http://127.0.0.1:")
    assert fault_server.requests[0].target.startswith("/api/v1/statuses/1")


def test_a_change_to_the_session_settings_is_seen(fault_server, merges):
    fault_server.default = json_reply({"id": "1"})
    session = requests.Session()
    api = Mastodon(access_token="tok", api_base_url=fault_server.url, session=session)
    api.status("1")
    session.proxies["http"] = fault_server.url
    api.status("1")
    assert len(merges) == 2 and fault_server.requests[-1].target.startswith("http://")


def test_session_state_still_applies(fault_server, merges):
    fault_server.default = json_reply({"id": "1"})
    session = requests.Session()
    session.headers["X-From-Session"] = "yes"
    session.cookies.set("jar", "cookie")
    session.params = {"from_session": "1"}
    api = Mastodon(access_token="tok", api_base_url=fault_server.url, session=session)
    api.status("1")
    seen = fault_server.requests[-1]
    assert seen.headers["X-From-Session"] == "yes" and "jar=cookie" in seen.headers["Cookie"]
    assert seen.query == [("from_session", "1")]
    api.timeline_home(limit=5)  # the request's own parameters join the session's
    assert fault_server.requests[-1].query == [("from_session", "1"), ("limit", "5")]
    session.params = {"limit": "9", "from_session": "1"}
    api.timeline_home(limit=5)  # and win over them, as requests merges two dicts
    assert fault_server.requests[-1].query == [("from_session", "1"), ("limit", "5")]


def test_a_session_with_its_own_request_method_is_used_as_it_is(fault_server, merges):
    calls: List[str] = []

    class Recording(requests.Session):
        def request(self, method: Any, url: Any, *args: Any, **kwargs: Any) -> Any:
            calls.append(f"{method} {url}")
            return super().request(method, url, *args, **kwargs)

    fault_server.default = json_reply({"id": "1"})
    api = Mastodon(access_token="tok", api_base_url=fault_server.url, session=Recording())
    api.status("1")
    api.status("1")
    assert calls == [f"GET {fault_server.url}/api/v1/statuses/1"] * 2
    assert len(merges) == 2  # requests' own path: computed for each request


def test_settings_are_kept_per_origin_and_stream_mode(fault_server):
    cache = EnvironmentSettings()
    session = requests.Session()
    first = cache.settings(session, fault_server.url + "/api/v1/a", False)
    again = cache.settings(session, fault_server.url + "/api/v2/b?x=1", False)
    streamed = cache.settings(session, fault_server.url + "/api/v1/a", True)
    assert first == again and first is not again and first["proxies"] is not again["proxies"]
    assert streamed["stream"] is True and first["stream"] is False


def test_redirects_still_follow_through_the_shortcut(fault_server):
    fault_server.script(Reply(302, b"", {"Location": "/api/v1/statuses/2"}))
    fault_server.default = json_reply({"id": "2"})
    api = Mastodon(access_token="tok", api_base_url=fault_server.url)
    assert api.status("1").id == "2"
    assert [seen.path for seen in fault_server.requests] == ["/api/v1/statuses/1",
                                                             "/api/v1/statuses/2"]


# ---------------------------------------------------------------- the body, read in one piece

def _only_pool(api: Mastodon, url: str) -> Any:
    pools = api.session.get_adapter(url).poolmanager.pools
    (key,) = pools.keys()
    return pools[key]


@pytest.mark.parametrize("chunked", [False, True])
def test_bodies_are_read_whole_and_the_connection_is_used_again(fault_server, chunked):
    body = {"id": "1", "note": "\N{MAMMOTH} " * 5000}  # over requests' 10 KB chunks
    fault_server.default = json_reply(body, chunked=chunked)
    api = Mastodon(access_token="tok", api_base_url=fault_server.url)
    for _ in range(3):
        assert api.status("1").note == body["note"]
    pool = _only_pool(api, fault_server.url)
    assert pool.num_connections == 1 and pool.pool.qsize() == pool.pool.maxsize


def test_a_gzipped_body_is_decompressed(fault_server):
    fault_server.default = Reply(body=gzip.compress(b'{"id": "7"}'),
                                 headers={"Content-Type": JSON_TYPE, "Content-Encoding": "gzip"})
    api = Mastodon(access_token="tok", api_base_url=fault_server.url)
    assert api.status("7").id == "7"


def test_a_body_that_does_not_decompress_fails_as_requests_reports_it(fault_server):
    fault_server.default = Reply(body=b"not gzip at all",
                                 headers={"Content-Type": JSON_TYPE, "Content-Encoding": "gzip"})
    with pytest.raises(requests.exceptions.ContentDecodingError):
        requests.get(fault_server.url + "/api/v1/statuses/7", timeout=5)
    api = Mastodon(access_token="tok", api_base_url=fault_server.url)
    api.retry_policy.max_retries = 0
    with pytest.raises(MastodonNetworkError) as caught:
        api.status("7")
    assert isinstance(caught.value.__cause__, requests.exceptions.ContentDecodingError)


def test_a_mounted_adapter_and_a_response_hook_see_the_stream_setting_as_asked(fault_server):
    seen: List[Any] = []

    class Recording(HTTPAdapter):
        def send(self, request: Any, stream: bool = False, **kwargs: Any) -> Any:
            seen.append(("adapter", stream))
            return super().send(request, stream=stream, **kwargs)

    def hook(response: requests.Response, **kwargs: Any) -> None:
        seen.append(("hook", kwargs["stream"]))

    fault_server.default = json_reply({"id": "1"})
    mounted = requests.Session()
    mounted.mount("http://", Recording())
    hooked = requests.Session()
    hooked.hooks["response"].append(hook)
    for session in (mounted, hooked):
        api = Mastodon(access_token="tok", api_base_url=fault_server.url, session=session)
        assert api.status("1").id == "1"
    assert seen == [("adapter", False), ("hook", False)]


@pytest.mark.parametrize("params", [
    {"q": "é ☃ & = + ? # % / \N{MAMMOTH}", "limit": 80, "n": 1.5, "flag": True,
     "types[]": ["follow", "mention"], "filter": {"a": 1}},
    {"exact": Decimal("1.50"), "limit": 5},  # not a str or number: requests encodes it
    {},
])
def test_query_strings_are_sent_as_requests_encodes_them(fault_server, params):
    call = transport.build_call("GET", fault_server.url + "/api/v1/search", params)
    expected = requests.Request("GET", call.url, params=call.query).prepare().path_url
    with requests.Session() as session:
        transport.transmit(session, call, None, 5).close()
    assert fault_server.requests[-1].target == expected
