"""The core against the real mastodon-mock server: auth flows, versions, errors, pages."""
from datetime import datetime

import pytest

from mastodon import Mastodon
from mastodon._core.retry import RetryPolicy
from mastodon.errors import (
    MastodonAPIError, MastodonInternalServerError, MastodonNetworkError, MastodonNotFoundError,
    MastodonRatelimitError, MastodonUnauthorizedError, MastodonVersionError,
)


def test_app_registration_and_code_login(mock, tmp_path):
    client_file = tmp_path / "client.secret"
    client_id, client_secret = Mastodon.create_app(
        "core test", api_base_url=mock.base_url, to_file=str(client_file))
    assert client_id and client_secret
    api = Mastodon(client_id=str(client_file))
    assert api.api_base_url == mock.base_url
    url = api.auth_request_url(scopes=["read", "write"], allow_http=True)
    assert "client_id=" + client_id in url and "response_type=code" in url
    token_file = tmp_path / "user.secret"
    token = api.log_in(code="mockcode_bob", scopes=["read", "write"], to_file=str(token_file),
                       allow_http=True)
    assert token
    assert api.app_verify_credentials().name == "core test"
    again = Mastodon(access_token=str(token_file))
    assert again.access_token == token
    assert again._get("/api/v1/accounts/verify_credentials").username == "bob"
    api.revoke_access_token(allow_http=True)
    assert api.access_token is None
    with pytest.raises(MastodonUnauthorizedError):
        again._get("/api/v1/accounts/verify_credentials")


def test_password_grant_is_refused_like_mastodon_44(mock):
    client_id, client_secret = Mastodon.create_app("pw", api_base_url=mock.base_url)
    api = Mastodon(client_id=client_id, client_secret=client_secret, api_base_url=mock.base_url)
    with pytest.raises(Exception) as info:
        api.log_in("alice@mock.local", "password", allow_http=True)
    assert "grant" in str(info.value)


def test_oauth_server_info_is_cached_until_clear_caches(client):
    api = client("alice")
    info = api.oauth_authorization_server_info()
    assert info is api.oauth_authorization_server_info()
    api.clear_caches()
    assert api.oauth_authorization_server_info() is not info


def test_version_retrieval_and_checks(client):
    api = client("alice")
    assert api.retrieve_mastodon_version() == "4.6.0"
    assert (api.mastodon_major, api.mastodon_minor, api.mastodon_patch) == (4, 6, 0)
    assert api.mastodon_api_version >= 1
    assert api.verify_minimum_version("4.0.0") and not api.verify_minimum_version("4.7.0")


def test_version_check_mode_created_blocks_newer_endpoints(client, mock):
    api = client("alice", version_check_mode="created")
    assert api.mastodon_major == 4  # asked the server at construction
    assert api.status(api.status_post("versioned").id).content == "<p>versioned</p>"
    old = client("alice", version_check_mode="created", mastodon_version="4.2.0")
    with pytest.raises(MastodonVersionError, match="4.3.0"):
        old.oauth_userinfo()  # added in 4.3.0: refused before anything is sent


def test_server_time(client):
    assert isinstance(client("alice").get_approx_server_time(), datetime)


def test_timeline_is_available_on_a_server_without_access_rules(client):
    assert client("alice").timeline_is_available("public") is True


def test_error_mapping_from_injected_faults(client, mock):
    api = client("alice", retry_policy=RetryPolicy(max_retries=0))
    mock.fault({"match": {"path": "/api/v1/accounts/verify_credentials"},
                "effect": {"type": "status", "status": 500}, "count": 1})
    with pytest.raises(MastodonInternalServerError):
        api._get("/api/v1/accounts/verify_credentials")
    with pytest.raises(MastodonNotFoundError):
        api._get("/api/v1/statuses/0")
    mock.fault({"match": {"path": "/api/v1/accounts/verify_credentials"},
                "effect": {"type": "malformed", "truncate": True}, "count": 1})
    with pytest.raises(MastodonAPIError, match="Could not parse"):
        api._get("/api/v1/accounts/verify_credentials")


def test_timeout_becomes_network_error(client, mock):
    api = client("alice", request_timeout=1, retry_policy=RetryPolicy(max_retries=0))
    mock.fault({"match": {"path": "/api/v1/accounts/verify_credentials"},
                "effect": {"type": "timeout"}, "count": 1})
    with pytest.raises(MastodonNetworkError):
        api._get("/api/v1/accounts/verify_credentials")


def test_503_then_200_is_retried_against_the_server(client, mock):
    api = client("alice", retry_policy=RetryPolicy(sleep=lambda s: None))
    mock.fault({"match": {"path": "/api/v1/accounts/verify_credentials"},
                "effect": {"type": "status", "status": 503}, "count": 1})
    assert api._get("/api/v1/accounts/verify_credentials").username == "alice"


def test_throw_mode_raises_on_429(client, mock):
    api = client("alice", ratelimit_method="throw")
    mock.fault({"match": {"path": "/api/v1/accounts/verify_credentials"},
                "effect": {"type": "ratelimit"}, "count": 1})
    with pytest.raises(MastodonRatelimitError):
        api._get("/api/v1/accounts/verify_credentials")
    assert api.ratelimit_remaining == 0


def test_walk_100_statuses_page_by_page(client):
    api = client("alice")
    for n in range(100):
        api._post("/api/v1/statuses", {"status": f"post {n}"})
    first = api._get("/api/v1/accounts/verify_credentials")
    page = api._get(f"/api/v1/accounts/{first.id}/statuses", {"limit": 40})
    everything = api.fetch_remaining(page)
    contents = [s.content for s in everything]
    assert len(contents) == 100 and len(set(s.id for s in everything)) == 100
    assert contents[0] == "<p>post 99</p>" and contents[-1] == "<p>post 0</p>"
    pages = list(api.pagination_page_iterator(page))
    assert [len(p) for p in pages] == [40, 40, 20]
    back = api.fetch_previous(pages[-1])
    assert back[0].content == "<p>post 59</p>"
