"""Calls Mastodon.py accepts are accepted here too (issues 13.2, 13.3 and 18.1).

Only what no server could take is refused locally (wrong Python types, text that
cannot be encoded, values that break a URL or header, missing files); enum
values, counts and scopes are sent, and the server's refusal comes back as a
MastodonAPIError. Exact requests are read from the fake transport; duck-typed
sessions are plain stand-in objects and ``unittest.mock`` objects.
"""
from __future__ import annotations

from datetime import datetime, timedelta, timezone
from email.utils import format_datetime
from pathlib import Path
from typing import Any, Dict, List, Tuple
from unittest import mock

import pytest
import requests

from mastodon import Mastodon
from mastodon.errors import (
    MastodonAPIError, MastodonIllegalArgumentError, MastodonNetworkError,
    MastodonNotFoundError,
)
from support.fake_transport import FAKE_BASE_URL, Canned, FakeMastodon, form_of

BASE = FAKE_BASE_URL
OOB = "urn%3Aietf%3Awg%3Aoauth%3A2.0%3Aoob"


def _client_file(directory: Path, base_url: str = BASE, name: str = "app.secret") -> Path:
    path = directory / name
    path.write_text(f"file_cid\nfile_csecret\n{base_url}\nmy app\n")
    return path


def _token_file(directory: Path, base_url: str = BASE, name: str = "user.secret") -> Path:
    path = directory / name
    path.write_text(f"file_token\n{base_url}\ntoken_cid\ntoken_csecret\n")
    return path


# ---------------------------------------------------------------- credential files

def test_credential_files_as_pathlib_paths(tmp_path):
    api = Mastodon(client_id=_client_file(tmp_path), access_token=_token_file(tmp_path))
    assert (api.client_id, api.client_secret, api.access_token, api.api_base_url) == (
        "file_cid", "file_csecret", "file_token", BASE)


def test_credential_files_as_py_path_local(tmpdir):
    """pytest's ``tmpdir`` gives ``py.path.local`` objects: an os.PathLike, so a file."""
    client = tmpdir.join("app.secret")
    client.write(f"file_cid\nfile_csecret\n{BASE}\nmy app\n")
    token = tmpdir.join("user.secret")
    token.write(f"file_token\n{BASE}\n\n\n")
    api = Mastodon(client_id=client, access_token=token)
    assert (api.client_id, api.client_secret, api.access_token) == (
        "file_cid", "file_csecret", "file_token")


def test_a_missing_path_like_credential_file_names_the_parameter(tmp_path):
    with pytest.raises(MastodonIllegalArgumentError, match="client_id"):
        Mastodon(client_id=tmp_path / "nope.secret", api_base_url=BASE)
    with pytest.raises(MastodonIllegalArgumentError, match="access_token"):
        Mastodon(access_token=tmp_path / "nope.secret", api_base_url=BASE)


def test_a_binary_file_is_no_credential_file(tmp_path):
    blob = tmp_path / "image.png"
    blob.write_bytes(b"\x89PNG\r\n\x1a\n\xff\xfe")
    with pytest.raises(MastodonIllegalArgumentError, match="credential file"):
        Mastodon(access_token=blob, api_base_url=BASE)


def test_token_file_supplies_app_credentials_when_no_client_id(tmp_path):
    api = Mastodon(access_token=_token_file(tmp_path))
    assert (api.client_id, api.client_secret) == ("token_cid", "token_csecret")


@pytest.mark.parametrize("kwargs", [
    {"client": "https://other.example", "api_base_url": BASE},
    {"token": "https://other.example", "api_base_url": BASE},
    {"client": BASE, "token": "https://other.example"},
])
def test_credential_file_for_another_server_is_refused(tmp_path, kwargs):
    args: Dict[str, Any] = {}
    if "client" in kwargs:
        args["client_id"] = str(_client_file(tmp_path, kwargs["client"]))
    if "token" in kwargs:
        args["access_token"] = str(_token_file(tmp_path, kwargs["token"]))
    if "api_base_url" in kwargs:
        args["api_base_url"] = kwargs["api_base_url"]
    with pytest.raises(MastodonIllegalArgumentError):
        Mastodon(**args)


def test_equal_base_urls_in_other_spellings_are_the_same_server(tmp_path):
    api = Mastodon(client_id=_client_file(tmp_path, "mastodon.example/"),
                   access_token=_token_file(tmp_path, BASE), api_base_url="https://mastodon.example")
    assert api.api_base_url == BASE


def test_no_base_url_anywhere_names_api_base_url(tmp_path):
    with pytest.raises(MastodonIllegalArgumentError, match="api_base_url"):
        Mastodon()
    with pytest.raises(MastodonIllegalArgumentError, match="api_base_url"):
        Mastodon(client_id="cid", client_secret="csecret", access_token="tok")


# ---------------------------------------------------------------- duck-typed sessions

class StandInResponse:
    """The least a session's answer needs: a status, headers and a JSON body."""

    def __init__(self, body: Any, status: int = 200) -> None:
        self.status_code = status
        self.headers: Dict[str, str] = {}
        self.reason = "OK"
        self.request = None
        self._body = body

    def json(self) -> Any:
        return self._body

    def close(self) -> None:
        pass


class StandInSession:
    """Not a requests.Session: only a request() method, as callers' test doubles have."""

    def __init__(self, body: Any) -> None:
        self.body = body
        self.calls: List[Tuple[str, str, Dict[str, Any]]] = []

    def request(self, method: str, url: str, **kwargs: Any) -> StandInResponse:
        self.calls.append((method, url, kwargs))
        return StandInResponse(self.body)


def test_a_plain_object_with_request_is_a_session():
    session = StandInSession({"id": "7", "username": "ada", "acct": "ada"})
    api = Mastodon(access_token="tok", api_base_url=BASE, session=session)
    account = api.account(7)
    assert account.username == "ada"
    method, url, kwargs = session.calls[0]
    assert (method, url) == ("GET", f"{BASE}/api/v1/accounts/7")
    assert kwargs["headers"]["User-Agent"] == "mastodonpy"


def test_a_session_assigned_later_is_used_even_if_it_is_a_mock():
    api = Mastodon(access_token="tok", api_base_url=BASE)
    api.session = mock.Mock()
    api.session.request.return_value = StandInResponse({"id": "11", "content": "<p>hi</p>"})
    status = api.status(11)
    assert str(status.id) == "11" and status.content == "<p>hi</p>"
    args, kwargs = api.session.request.call_args
    assert args == ("GET", f"{BASE}/api/v1/statuses/11")


def test_a_mock_session_in_the_constructor():
    session = mock.MagicMock()
    response = session.request.return_value
    response.status_code, response.headers = 200, {}
    response.json.return_value = {"id": "3", "acct": "bob"}
    api = Mastodon(access_token="tok", api_base_url=BASE, session=session)
    assert api.account_verify_credentials().acct == "bob"
    assert session.request.call_args[0] == ("GET", f"{BASE}/api/v1/accounts/verify_credentials")


def test_a_bare_magic_mock_session_works_like_with_mastodon_py():
    """Only status and JSON configured: its headers answer any lookup with a mock."""
    session = mock.MagicMock()
    session.request.return_value.status_code = 200
    session.request.return_value.json.return_value = [{"id": "9", "content": "x"}]
    api = Mastodon(access_token="tok", api_base_url=BASE, session=session)
    for _ in range(3):
        page = api.timeline_home()
        assert [str(status.id) for status in page] == ["9"]
    assert api.ratelimit_remaining > 290  # the mock headers reported no limit
    assert not hasattr(page, "_pagination_next") or page._pagination_next is None


def test_a_mock_answer_that_is_not_json_is_an_api_error():
    session = mock.MagicMock()
    session.request.return_value.status_code = 200
    session.request.return_value.json.side_effect = ValueError("Expecting value")
    api = Mastodon(access_token="tok", api_base_url=BASE, session=session)
    with pytest.raises(MastodonAPIError) as caught:
        api.status(1)
    assert caught.value.args == ("Could not parse response as JSON", "Expecting value")


def test_a_session_without_request_is_refused():
    with pytest.raises(MastodonIllegalArgumentError, match="session"):
        Mastodon(access_token="tok", api_base_url=BASE, session=object())


# ---------------------------------------------------------------- create_app

def test_create_app_without_session_calls_requests_post_at_call_time(monkeypatch, tmp_path):
    posted: List[Tuple[str, Dict[str, Any]]] = []

    def fake_post(url: str, **kwargs: Any) -> StandInResponse:
        posted.append((url, kwargs))
        return StandInResponse({"client_id": "cid", "client_secret": "csec"})

    monkeypatch.setattr(requests, "post", fake_post)
    target = tmp_path / "app.secret"
    assert Mastodon.create_app("patched", api_base_url="mastodon.example",
                               to_file=target) == ("cid", "csec")
    url, kwargs = posted[0]
    assert url == f"{BASE}/api/v1/apps"
    assert kwargs["data"] == {"client_name": "patched", "scopes": "read write follow push",
                              "redirect_uris": "urn:ietf:wg:oauth:2.0:oob"}
    assert kwargs["timeout"] == 300 and kwargs["headers"]["User-Agent"] == "mastodonpy"
    assert target.read_text().splitlines() == ["cid", "csec", BASE, "patched"]


def test_create_app_with_a_mock_requests_post():
    with mock.patch("requests.post") as post:
        post.return_value.json.return_value = {"client_id": "mcid", "client_secret": "msec"}
        assert Mastodon.create_app("m", api_base_url=BASE) == ("mcid", "msec")
    assert post.call_args[0] == (f"{BASE}/api/v1/apps",)


def test_create_app_with_a_session_uses_its_post():
    session = mock.Mock()
    session.post.return_value.json.return_value = {"client_id": "scid", "client_secret": "ssec"}
    assert Mastodon.create_app("s", api_base_url=BASE, session=session,
                               website="https://app.example") == ("scid", "ssec")
    assert session.post.call_args[1]["data"]["website"] == "https://app.example"


def test_create_app_errors(fake, monkeypatch):
    fake.queue(status=422, json={"error": "Validation failed: Redirect URI must be absolute"})
    with pytest.raises(MastodonAPIError, match="Redirect URI"):
        Mastodon.create_app("x", api_base_url=BASE, redirect_uris="relative",
                            session=fake.session)

    def refuse(url: str, **kwargs: Any) -> None:
        raise requests.exceptions.ConnectionError("refused")

    monkeypatch.setattr(requests, "post", refuse)
    with pytest.raises(MastodonNetworkError):
        Mastodon.create_app("x", api_base_url=BASE)


# ---------------------------------------------------------------- scopes are the server's

SERVER_SCOPES = ["read", "write:conversations", "crypto", "read:chats"]


def test_create_app_sends_any_scope(fake):
    fake.queue(json={"client_id": "cid", "client_secret": "csec"})
    Mastodon.create_app("x", scopes=SERVER_SCOPES, api_base_url=BASE, session=fake.session)
    assert dict(fake.last_form())["scopes"] == "read write:conversations crypto read:chats"


def test_log_in_sends_any_scope(fake):
    api = Mastodon(client_id="cid", client_secret="csec", api_base_url=BASE,
                   session=fake.session)
    fake.queue(status=404)
    fake.queue(json={"access_token": "tok", "scope": " ".join(SERVER_SCOPES)})
    assert api.log_in(code="c", scopes=SERVER_SCOPES) == "tok"
    assert dict(fake.last_form())["scope"] == "read write:conversations crypto read:chats"


def test_an_unknown_scope_refused_by_the_server_is_an_api_error(fake):
    fake.queue(status=422, json={"error": "Validation failed: Scopes are invalid"})
    with pytest.raises(MastodonAPIError, match="Scopes"):
        Mastodon.create_app("x", scopes=["nonsense"], api_base_url=BASE, session=fake.session)


@pytest.mark.parametrize("scopes", [[1], ["read", None], 5])
def test_scopes_that_are_not_strings_are_refused(scopes):
    with pytest.raises(MastodonIllegalArgumentError, match="scopes"):
        Mastodon.create_app("x", scopes=scopes, api_base_url=BASE)


# ---------------------------------------------------------------- auth_request_url

def _app(fake: FakeMastodon, base: str = BASE) -> Mastodon:
    return Mastodon(client_id="cid", client_secret="csec", api_base_url=base,
                    session=fake.session)


# The URLs below are what Mastodon.py 2.3.3 builds. Its spec note (methods.tsv)
# lists all seven parameters without a condition, in this order: client_id,
# response_type=code, redirect_uri, scope, force_login, state, lang. They go
# through urlencode() as Python values, so the booleans read "False"/"True" and
# an unset state or lang reads "None"; Mastodon reads force_login "False" as
# false, and a real login works with these URLs. No recording covers this call.

def test_auth_request_url_equals_mastodon_py_defaults(fake):
    url = _app(fake).auth_request_url()
    assert url == (f"{BASE}/oauth/authorize?client_id=cid&response_type=code&redirect_uri={OOB}"
                   "&scope=read+write+follow+push&force_login=False&state=None&lang=None")
    assert fake.calls == [("GET", "/.well-known/oauth-authorization-server")]


def test_auth_request_url_equals_mastodon_py_with_every_argument(fake):
    url = _app(fake).auth_request_url(
        client_id="other id", redirect_uris="https://app.example/cb?x=1", scopes=["read", "push"],
        force_login=True, state="st&ate", lang="de", skip_server_info=True)
    assert url == (f"{BASE}/oauth/authorize?client_id=other+id&response_type=code"
                   "&redirect_uri=https%3A%2F%2Fapp.example%2Fcb%3Fx%3D1&scope=read+push"
                   "&force_login=True&state=st%26ate&lang=de")
    assert fake.requests == []


@pytest.mark.parametrize("as_path", [str, Path])
def test_auth_request_url_reads_client_id_from_a_credential_file(fake, tmp_path, as_path):
    secret = _client_file(tmp_path)
    url = _app(fake).auth_request_url(client_id=as_path(secret), skip_server_info=True)
    assert url == (f"{BASE}/oauth/authorize?client_id=file_cid&response_type=code"
                   f"&redirect_uri={OOB}&scope=read+write+follow+push&force_login=False"
                   "&state=None&lang=None")
    assert "secret" not in url


def test_auth_request_url_uses_the_announced_authorization_endpoint(fake):
    fake.queue(json={"issuer": BASE, "authorization_endpoint": f"{BASE}/oauth/v2/authorize"})
    url = _app(fake).auth_request_url(scopes=["read"], state="s")
    assert url == (f"{BASE}/oauth/v2/authorize?client_id=cid&response_type=code"
                   f"&redirect_uri={OOB}&scope=read&force_login=False&state=s&lang=None")


@pytest.mark.parametrize("base", ["http://mastodon.example", "http://127.0.0.1:3000",
                                  "http://localhost:3000"])
@pytest.mark.filterwarnings("ignore:.*plain http")
def test_auth_request_url_on_plain_http_needs_allow_http(fake, base):
    api = _app(fake, base)
    with pytest.raises(MastodonIllegalArgumentError, match="allow_http"):
        api.auth_request_url(skip_server_info=True)
    assert api.auth_request_url(skip_server_info=True, allow_http=True).startswith(
        f"{base}/oauth/authorize?client_id=cid&")


def test_auth_request_url_without_any_client_id_is_refused(fake):
    with pytest.raises(MastodonIllegalArgumentError, match="client_id"):
        fake.api.auth_request_url(skip_server_info=True)


# ---------------------------------------------------------------- create_account

def test_create_account_with_a_token_but_no_app_credentials_sends_the_request(fake):
    fake.queue(json={"access_token": "app_tok", "scope": "read write follow push"})
    fake.queue(json={"access_token": "user_tok", "scope": "read write follow push"})
    assert fake.api.create_account("newbie", "pw-pw-pw-pw", "n@example.org",
                                   agreement=True) == "user_tok"
    assert fake.calls == [("POST", "/oauth/token"), ("POST", "/api/v1/accounts")]
    assert dict(form_of(fake.requests[0]))["grant_type"] == "client_credentials"


# ---------------------------------------------------------------- server time

def test_get_approx_server_time_is_naive_local_time(fake):
    moment = datetime.now(timezone.utc).replace(microsecond=0) - timedelta(minutes=3)
    fake.queue(headers={"Date": format_datetime(moment, usegmt=True)})
    server_time = fake.api.get_approx_server_time()
    assert server_time.tzinfo is None
    assert server_time == moment.astimezone().replace(tzinfo=None)
    skew = datetime.now() - server_time  # what Mastodon.py callers compute
    assert timedelta(minutes=2) < skew < timedelta(minutes=10)
    assert fake.calls == [("HEAD", "/")]


def test_get_approx_server_time_from_an_error_answer(fake):
    fake.queue(status=404, headers={"Date": "Thu, 01 Jan 2026 12:00:00 GMT"})
    local = datetime(2026, 1, 1, 12, tzinfo=timezone.utc).astimezone().replace(tzinfo=None)
    assert fake.api.get_approx_server_time() == local


def test_get_approx_server_time_without_date_header(fake):
    fake.queue(status=200)
    with pytest.raises(MastodonAPIError, match="Date"):
        fake.api.get_approx_server_time()


# ---------------------------------------------------------------- enums and counts go to the server

UNKNOWN_VALUES = [
    ("directory", lambda m: m.directory(order="oldest"), ("order", "oldest")),
    ("list", lambda m: m.list_create("l", replies_policy="everyone"),
     ("replies_policy", "everyone")),
    ("filter_v1", lambda m: m.filter_update(1, context=["everywhere"]),
     ("context[]", "everywhere")),
    ("domain_block", lambda m: m.admin_create_domain_block("x.example", severity="block"),
     ("severity", "block")),
    ("moderate", lambda m: m.admin_account_moderate(1, "ban"), ("type", "ban")),
    ("profile", lambda m: m.account_update_credentials(default_privacy="direct"),
     ("source[privacy]", "direct")),
    ("mute", lambda m: m.account_mute(1, duration=-1), ("duration", "-1")),
    ("limit", lambda m: m.timeline_home(limit=-1), ("limit", "-1")),
    ("offset", lambda m: m.directory(offset=-2), ("offset", "-2")),
]


@pytest.mark.parametrize("call, pair", [(c, p) for _, c, p in UNKNOWN_VALUES],
                         ids=[name for name, _, _ in UNKNOWN_VALUES])
def test_values_the_client_does_not_know_are_sent(call, pair):
    fake = FakeMastodon(mastodon_version="4.5.0", version_check_mode="created")
    fake.default = Canned.make(422, json={"error": "Validation failed"})
    with pytest.raises(MastodonAPIError) as info:
        call(fake.api)
    assert not isinstance(info.value, MastodonNotFoundError)
    sent = fake.last
    pairs = form_of(sent) if sent.method != "GET" else fake.last_query()
    assert pair in pairs, pairs
    fake.close()


MASTODON_PY_REFUSES = [  # issue 24.5: refused as Mastodon.py 2.3.3 refuses them, nothing sent
    (lambda m: m.status_post("x", visibility="local"), ValueError, "visibility"),
    (lambda m: m.status_post("x", quote_approval_policy="friends"), ValueError,
     "quote_approval_policy"),
    (lambda m: m.search_v2("x", result_type="groups"), ValueError, "result_type"),
    (lambda m: m.report(5, category="legal"), ValueError, "report category"),
    (lambda m: m.admin_accounts_v2(origin="elsewhere"), ValueError, "Origin"),
    (lambda m: m.filter_create("x", ["everywhere"]), ValueError, "filter context"),
]


@pytest.mark.parametrize("call, error, match", MASTODON_PY_REFUSES)
def test_values_mastodon_py_refuses_are_refused_before_sending(fake, call, error, match):
    with pytest.raises(error, match=match) as info:
        call(fake.api)
    assert isinstance(info.value, MastodonIllegalArgumentError)
    assert fake.requests == []


def test_unknown_filter_v2_values_are_sent(fake):
    fake.queue(status=422, json={"error": "Validation failed"})
    with pytest.raises(MastodonAPIError):
        fake.api.create_filter_v2("t", ["home"], "blur", expires_in=-1,
                                  keywords_attributes=[{"keyword": "x", "colour": "red"}])
    body = fake.last_json()
    assert body["filter_action"] == "blur" and body["expires_in"] == -1
    assert body["keywords_attributes"][0]["colour"] == "red"


@pytest.mark.parametrize("session_error", [None, RuntimeError("replay refused")])
def test_create_app_wraps_what_a_stand_in_session_raises(session_error):
    # a session without post(), or one whose post() raises its own exception, is a
    # network error with the original chained, as with Mastodon.py
    class StandIn:
        def request(self, *args, **kwargs):
            raise AssertionError("create_app posts with post()")

        if session_error is not None:
            def post(self, *args, **kwargs):
                raise session_error

    with pytest.raises(MastodonNetworkError) as caught:
        Mastodon.create_app("app", api_base_url="https://mastodon.example", session=StandIn())
    assert isinstance(caught.value.__cause__, (AttributeError, RuntimeError))
