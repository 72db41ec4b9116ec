"""The constructor and the request core, checked on a fake transport."""
import logging
import os
import stat
from datetime import datetime, timezone

import pytest

from mastodon import Mastodon
from mastodon._core.retry import RetryPolicy
from support.fake_transport import Canned
from mastodon.errors import (
    MastodonAPIError, MastodonDeprecationWarning, MastodonIllegalArgumentError,
    MastodonNetworkError, MastodonServiceUnavailableError, MastodonVersionError, MastodonWarning,
)

BASE = "https://mastodon.example"


# ---------------------------------------------------------------- constructor

@pytest.mark.parametrize("given, normalised", [
    ("mastodon.example", "https://mastodon.example"),
    ("https://mastodon.example/", "https://mastodon.example"),
    ("http://127.0.0.1:3000//", "http://127.0.0.1:3000"),
])
def test_base_url_normalisation(given, normalised):
    assert Mastodon(access_token="t", api_base_url=given).api_base_url == normalised


def test_no_base_url_anywhere_is_refused(tmp_path):
    """No fallback server: a token must never go to a server the user did not choose."""
    with pytest.raises(MastodonIllegalArgumentError, match="api_base_url"):
        Mastodon(access_token="t")
    token_file = tmp_path / "user.secret"
    token_file.write_text("usertoken\n\n\n\n")  # a file that names no server either
    with pytest.raises(MastodonIllegalArgumentError, match="api_base_url"):
        Mastodon(access_token=str(token_file))


def test_plain_http_to_remote_host_warns():
    with pytest.warns(MastodonWarning, match="plain http"):
        Mastodon(access_token="t", api_base_url="http://mastodon.example")


@pytest.mark.parametrize("kwargs, match", [
    ({"ratelimit_method": "sometimes"}, "ratelimit_method"),
    ({"version_check_mode": "always"}, "version_check_mode"),
    ({"feature_set": "misskey"}, "feature_set"),
    ({"client_id": "abc"}, "client_secret"),
    ({"ratelimit_pacefactor": 0}, "ratelimit_pacefactor"),
])
def test_bad_constructor_arguments_name_the_problem(kwargs, match):
    with pytest.raises(MastodonIllegalArgumentError, match=match):
        Mastodon(api_base_url=BASE, **kwargs)


def test_unparseable_mastodon_version_raises_version_error():
    with pytest.raises(MastodonVersionError, match="banana"):
        Mastodon(api_base_url=BASE, mastodon_version="banana", version_check_mode="created")


def test_given_version_is_used_without_asking(fake):
    api = Mastodon(api_base_url=BASE, mastodon_version="4.2.1", version_check_mode="created",
                   session=fake.api.session)
    assert (api.mastodon_major, api.mastodon_minor, api.mastodon_patch) == (4, 2, 1)
    assert api.verify_minimum_version("4.0.0", cached=True)
    assert not api.verify_minimum_version("4.3.0", cached=True)
    assert fake.requests == []


def test_initial_attributes():
    api = Mastodon(access_token="t", api_base_url=BASE)
    assert (api.ratelimit_limit, api.ratelimit_remaining, api.ratelimit_reset,
            api.ratelimit_lastcall, api.ratelimit_method, api.ratelimit_pacefactor) == (
        300, 300, None, None, "wait", 1.1)
    assert (api.mastodon_major, api.mastodon_minor, api.mastodon_patch) == (1, 0, 0)
    assert api.request_timeout == 300 and api.user_agent == "mastodonpy"


def test_credential_files_are_read(tmp_path):
    client_file = tmp_path / "client.secret"
    client_file.write_text("cid\ncsecret\nhttps://mastodon.example\nmy app\n")
    token_file = tmp_path / "user.secret"
    token_file.write_text("usertoken\nhttps://mastodon.example\n\n\n")
    api = Mastodon(client_id=str(client_file), access_token=str(token_file), user_agent=None)
    assert (api.client_id, api.client_secret, api.access_token, api.api_base_url) == (
        "cid", "csecret", "usertoken", BASE)
    assert api.user_agent == "my app"
    with pytest.raises(MastodonIllegalArgumentError, match="differs"):
        Mastodon(access_token=str(token_file), api_base_url="https://other.example")


# ---------------------------------------------------------------- request shape

def test_token_goes_in_header_never_in_url(fake):
    fake.queue(json={"id": "1"})
    fake.api._get("/api/v1/accounts/verify_credentials", {"q": "x"})
    request = fake.last
    assert request.headers["Authorization"] == "Bearer fake_token"
    assert "fake_token" not in request.url
    assert request.headers["User-Agent"] == "mastodonpy"


def test_lang_is_sent_and_does_not_leak_between_clients(fake):
    german = Mastodon(access_token="t", api_base_url=BASE, lang="de", session=fake.api.session)
    german._get("/api/v1/timelines/public")
    assert ("lang", "de") in fake.last_query()
    fake.api._get("/api/v1/timelines/public")
    assert all(key != "lang" for key, _ in fake.last_query())
    fake.api.set_language("fr")
    fake.api._post("/api/v1/statuses", {"status": "x"})
    assert ("lang", "fr") in fake.last_form()


def test_decoding_gives_attribute_access_and_aware_datetimes(fake):
    fake.queue(json={"id": "1", "created_at": "2024-01-02T03:04:05.678Z",
                     "nested": {"edited_at": "2024-01-02T03:04:05+00:00", "n": 1}})
    result = fake.api._get("/api/v1/x")
    assert result.id == "1" and result.nested.n == 1
    assert result.created_at == datetime(2024, 1, 2, 3, 4, 5, 678000, tzinfo=timezone.utc)
    assert result.nested.edited_at.tzinfo is not None


def test_malformed_json_raises_api_error_after_the_retries(fake):
    # a GET answered with a broken body is retried like a 502 (issue 25.1)
    fake.api.retry_policy = RetryPolicy(max_retries=2, sleep=lambda s: None)
    fake.default = Canned.make(body=b"{not json")
    with pytest.raises(MastodonAPIError, match="Could not parse"):
        fake.api._get("/api/v1/x")
    assert len(fake.requests) == 3


def test_deprecation_header_gives_warning(fake):
    fake.queue(json={}, headers={"Deprecation": "true"})
    with pytest.warns(MastodonDeprecationWarning):
        fake.api._get("/api/v1/old")


def test_link_header_becomes_pagination_info(fake):
    link = (f'<{BASE}/api/v1/timelines/home?max_id=5&limit=2>; rel="next", '
            f'<{BASE}/api/v1/timelines/home?min_id=9&limit=2>; rel="prev"')
    fake.queue(json=[{"id": "9"}, {"id": "5"}], headers={"Link": link})
    page = fake.api._get("/api/v1/timelines/home", {"limit": 2})
    assert page[-1]._pagination_next["max_id"] == 5
    assert page[0]._pagination_prev["min_id"] == 9
    assert "_pagination_next" not in page[-1]  # attribute only, never a key
    fake.queue(json=[{"id": "4"}])
    following = fake.api.fetch_next(page)
    assert [s.id for s in following] == ["4"]
    assert fake.last.path_url == "/api/v1/timelines/home?max_id=5&limit=2"
    assert fake.api.fetch_next(following) is None


def test_fetch_remaining_stops_on_empty_page_and_keeps_first_page(fake):
    def page(ids, next_max):
        link = f'<{BASE}/api/v1/x?max_id={next_max}>; rel="next"' if next_max else ""
        return dict(json=[{"id": i} for i in ids], headers={"Link": link} if link else {})
    fake.queue(**page(["3", "2"], "2"))
    first = fake.api._get("/api/v1/x")
    fake.queue(**page(["1"], "1"))
    fake.queue(json=[])
    everything = fake.api.fetch_remaining(first)
    assert [s.id for s in everything] == ["3", "2", "1"]


def test_blocked_instance_is_refused_before_sending(fake, monkeypatch):
    import mastodon._core.blocklist as bl

    monkeypatch.setattr(bl, "BLOCKED_DIGESTS", frozenset({bl.host_digest("mastodon.example")}))
    with pytest.raises(MastodonNetworkError):
        fake.api._get("/api/v1/instance")
    assert fake.requests == []


# ---------------------------------------------------------------- retries

def test_get_503_then_200_is_retried(fake):
    fake.api.retry_policy = RetryPolicy(sleep=lambda s: None)
    fake.queue(status=503, json={"error": "busy"})
    fake.queue(json={"ok": True})
    assert fake.api._get("/api/v1/x").ok is True
    assert len(fake.requests) == 2


def test_plain_post_is_not_retried(fake):
    fake.api.retry_policy = RetryPolicy(sleep=lambda s: None)
    fake.queue(status=503, json={"error": "busy"})
    fake.queue(json={"id": "1"})
    with pytest.raises(MastodonServiceUnavailableError):  # (a status post would be keyed)
        fake.api._post("/api/v1/lists", {"title": "x"})
    assert len(fake.requests) == 1


def test_post_with_idempotency_key_is_retried(fake):
    fake.api.retry_policy = RetryPolicy(sleep=lambda s: None)
    fake.queue(status=502)
    fake.queue(json={"id": "1"})
    result = fake.api._post("/api/v1/statuses", {"status": "x"},
                            headers={"Idempotency-Key": "abc"})
    assert result.id == "1"
    assert [r.headers["Idempotency-Key"] for r in fake.requests] == ["abc", "abc"]


def test_retries_can_be_switched_off(fake):
    fake.api.retry_policy = RetryPolicy(max_retries=0)
    fake.queue(status=503)
    with pytest.raises(MastodonServiceUnavailableError):
        fake.api._get("/api/v1/x")
    assert len(fake.requests) == 1


# ---------------------------------------------------------------- logging

def test_debug_log_redacts_token_and_secrets(fake, caplog):
    fake.api.debug_requests = True
    fake.queue(json={"access_token": "server_secret_token", "scope": "read"})
    with caplog.at_level(logging.DEBUG, logger="mastodon"):
        fake.api._post("/oauth/token", {"client_secret": "csecret", "password": "hunter2",
                                        "username": "me"})
    text = caplog.text
    assert "request POST" in text and "response 200" in text
    for secret in ("fake_token", "server_secret_token", "csecret", "hunter2"):
        assert secret not in text


# ---------------------------------------------------------------- authentication

def test_create_app_writes_0600_file_with_four_lines(fake, tmp_path):
    fake.queue(json={"client_id": "cid", "client_secret": "csec"})
    target = tmp_path / "app.secret"
    result = Mastodon.create_app("my app", api_base_url="mastodon.example",
                                 to_file=str(target), session=fake.api.session)
    assert result == ("cid", "csec")
    assert fake.last.method == "POST" and fake.last.path_url == "/api/v1/apps"
    form = dict(fake.last_form())
    assert form == {"client_name": "my app", "scopes": "read write follow push",
                    "redirect_uris": "urn:ietf:wg:oauth:2.0:oob"}
    assert "Authorization" not in fake.last.headers
    assert target.read_text().splitlines() == ["cid", "csec", BASE, "my app"]
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o600


def test_create_app_needs_base_url():
    with pytest.raises(MastodonIllegalArgumentError, match="api_base_url"):
        Mastodon.create_app("x")


def _app_client(fake):
    return Mastodon(client_id="cid", client_secret="csec", api_base_url=BASE,
                    session=fake.api.session)


def test_log_in_with_code_stores_token_and_file(fake, tmp_path):
    api = _app_client(fake)
    fake.queue(status=404)  # no OAuth server metadata: default endpoints
    fake.queue(json={"access_token": "newtoken", "scope": "read write follow push"})
    target = tmp_path / "user.secret"
    assert api.log_in(code="thecode", to_file=str(target)) == "newtoken"
    form = dict(fake.last_form())
    assert fake.last.path_url == "/oauth/token"
    assert form["grant_type"] == "authorization_code" and form["code"] == "thecode"
    assert form["client_secret"] == "csec"
    assert target.read_text().splitlines() == ["newtoken", BASE, "cid", "csec"]
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o600


def test_log_in_uses_token_endpoint_from_server_metadata(fake):
    api = _app_client(fake)
    fake.queue(json={"token_endpoint": f"{BASE}/oauth/v2/token",
                     "authorization_endpoint": f"{BASE}/oauth/v2/authorize"})
    fake.queue(json={"access_token": "tok", "scope": "read"})
    api.log_in(refresh_token="rt", scopes=["read"])
    assert fake.last.path_url == "/oauth/v2/token"
    assert dict(fake.last_form())["grant_type"] == "refresh_token"
    assert api.auth_request_url().startswith(f"{BASE}/oauth/v2/authorize?")


def test_log_in_rejects_fewer_granted_scopes(fake):
    api = _app_client(fake)
    fake.queue(status=404)
    fake.queue(json={"access_token": "tok", "scope": "read"})
    with pytest.raises(MastodonAPIError, match="write"):
        api.log_in(code="c", scopes=["read", "write"])


def test_log_in_umbrella_scope_covers_granular_ones(fake):
    api = _app_client(fake)
    fake.queue(status=404)
    fake.queue(json={"access_token": "tok", "scope": "read write"})
    assert api.log_in(code="c", scopes=["read:statuses", "write:media"]) == "tok"


def test_log_in_refused_grant_is_an_argument_error(fake):
    api = _app_client(fake)
    fake.queue(status=404)
    fake.queue(status=400, json={"error": "unsupported_grant_type"})
    with pytest.raises(MastodonIllegalArgumentError, match="unsupported_grant_type"):
        api.log_in("user@example.com", "pw")


@pytest.mark.parametrize("kwargs, match", [
    ({}, "code"), ({"code": "c", "scopes": ["read", 7]}, "scopes"),
])
def test_log_in_argument_errors_send_nothing(fake, kwargs, match):
    api = _app_client(fake)
    with pytest.raises(MastodonIllegalArgumentError, match=match):
        api.log_in(**kwargs)
    assert fake.requests == []


def test_log_in_needs_client_credentials(fake):
    with pytest.raises(MastodonIllegalArgumentError, match="client_id"):
        fake.api.log_in(code="c")




def test_revoke_access_token_forgets_it(fake):
    api = Mastodon(client_id="cid", client_secret="csec", access_token="tok",
                   api_base_url=BASE, session=fake.api.session)
    fake.queue(status=404)
    fake.queue(json={})
    api.revoke_access_token()
    assert fake.last.path_url == "/oauth/revoke"
    assert dict(fake.last_form())["token"] == "tok"
    assert api.access_token is None


def test_persistable_login_credentials():
    api = Mastodon(client_id="cid", client_secret="csec", access_token="tok", api_base_url=BASE)
    assert api.persistable_login_credentials() == f"tok\n{BASE}\ncid\ncsec\n"


def test_get_supported_version_is_static():
    assert Mastodon.get_supported_version() == "4.7.3"
