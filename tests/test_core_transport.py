"""The send stage's shortcut around requests' per-request environment scan.

``transmit`` does what ``requests.Session.request`` does, but looks the
environment settings (proxies, CA bundle) up once per origin and reuses them
while the environment and the session's settings stay the same. These tests
send real requests to the local fault server.
"""
from __future__ import annotations

from typing import Any, List

import pytest
import requests

from mastodon import Mastodon
from mastodon._core import transport
from mastodon._core.transport import EnvironmentSettings
from support.fault_server import Reply, json_reply


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
    api = Mastodon(access_token="tok", api_base_url=fault_server.url, session=session)
    api.status("1")
    seen = fault_server.requests[-1]
    assert seen.headers["X-From-Session"] == "yes" and "jar=cookie" in seen.headers["Cookie"]


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
