"""Reliability: secrets stay secret.

Real flows against the mock server (app registration, OAuth code login,
sign-up, password grant, revocation, ordinary calls, error paths) run with
``debug_requests=True`` while every logger (ours, requests, urllib3) is
captured at DEBUG. Then the access tokens, the client secret, the OAuth code
and the passwords are searched for in:

* every log record (message, arguments, exception text) at every level;
* the message, ``repr``, ``args`` and full formatted traceback (with chained
  causes) of every exception raised on the way;
* the ``repr`` of the client and its helper objects;
* every URL the client requested.

Credential files written by ``create_app``/``log_in``/``create_account`` are
mode 0600 even under umask 000 and when the file already existed with wider
permissions. A client (or ``create_app``) on plain http to a host that is not
this machine warns.
"""
from __future__ import annotations

import logging
import os
import stat
import traceback
from typing import Any, Callable, Iterator, List

import pytest
import requests

from mastodon import Mastodon
from mastodon._core.retry import RetryPolicy
from mastodon.errors import MastodonError, MastodonWarning
from support.extras import require_extra

PASSWORD = "pw-Hunter2-Sekrit-9731"
BAD_TOKEN = "not-a-real-token-Zq81Xv"
SCOPES = ["read", "write", "follow", "push"]


@pytest.fixture
def permissive_umask() -> Iterator[None]:
    old = os.umask(0)
    try:
        yield
    finally:
        os.umask(old)


@pytest.fixture
def all_logs(caplog: pytest.LogCaptureFixture) -> pytest.LogCaptureFixture:
    caplog.set_level(logging.DEBUG)  # the root logger: ours, requests and urllib3 alike
    for name in ("mastodon", "urllib3", "requests"):
        caplog.set_level(logging.DEBUG, logger=name)
    return caplog


class Recorder:
    """A requests.Session hook that keeps every URL requested."""

    def __init__(self) -> None:
        self.urls: List[str] = []

    def session(self) -> requests.Session:
        session = requests.Session()
        session.trust_env = False
        session.hooks["response"].append(self._hook)
        return session

    def _hook(self, response: requests.Response, *args: Any, **kwargs: Any) -> None:
        self.urls.append(response.request.url or "")
        for earlier in response.history:
            self.urls.append(earlier.request.url or "")


def mode_of(path: Any) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def exception_texts(exc: BaseException) -> List[str]:
    return [str(exc), repr(exc), repr(exc.args),
            "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))]


def log_texts(caplog: pytest.LogCaptureFixture) -> List[str]:
    texts = []
    for entry in caplog.records:
        texts += [entry.getMessage(), repr(entry.args), entry.exc_text or ""]
        if entry.exc_info and entry.exc_info[1] is not None:
            texts += exception_texts(entry.exc_info[1])
    return texts


def assert_no_secret(secrets: List[str], where: str, texts: List[str]) -> None:
    for secret in secrets:
        assert secret, "a secret must not be empty"
        leaks = [text for text in texts if secret in text]
        assert not leaks, f"secret {secret[:4]}... leaked in {where}: {leaks[0][:300]}"


@pytest.mark.timeout(90)
def test_secrets_never_leak_in_real_flows(mock: Any, tmp_path: Any, all_logs: Any,
                                          permissive_umask: None) -> None:
    recorder = Recorder()
    errors: List[BaseException] = []
    objects: List[Any] = []

    def expect_error(call: Callable[[], Any]) -> None:
        with pytest.raises(MastodonError) as caught:
            call()
        errors.append(caught.value)

    app_file, user_file, signup_file = (tmp_path / name for name in ("app.secret", "user.secret",
                                                                     "signup.secret"))
    user_file.write_text("old\n")
    os.chmod(user_file, 0o644)  # an existing, world-readable file gets replaced by a 0600 one

    client_id, client_secret = Mastodon.create_app(
        "reliability", scopes=SCOPES, to_file=str(app_file), api_base_url=mock.base_url,
        session=recorder.session())
    api = Mastodon(client_id=str(app_file), api_base_url=mock.base_url, debug_requests=True,
                   session=recorder.session())
    objects.append(api)
    recorder.urls.append(api.auth_request_url(scopes=SCOPES, state="s", allow_http=True))
    token = api.log_in(code="mockcode_alice", scopes=SCOPES, to_file=str(user_file),
                       allow_http=True)
    second = Mastodon(client_id=str(app_file), api_base_url=mock.base_url, debug_requests=True,
                      session=recorder.session())
    revoked = second.log_in(code="mockcode_bob", scopes=SCOPES, allow_http=True)
    second.revoke_access_token(allow_http=True)
    objects.append(second)

    user = Mastodon(access_token=str(user_file), debug_requests=True, session=recorder.session(),
                    retry_policy=RetryPolicy(sleep=lambda s: None))
    objects += [user, user._ratelimiter, user.retry_policy, user.session.auth]
    posted = user.status_post("secrets stay secret", visibility="private")
    user.timeline_home()
    user.notifications()
    user.app_verify_credentials()
    user.status_favourite(posted)
    expect_error(lambda: user.status("does-not-exist"))
    expect_error(lambda: user.status_post("x", visibility=5))
    expect_error(lambda: api.log_in(username="alice", password=PASSWORD, scopes=SCOPES,
                                    allow_http=True))
    expect_error(lambda: api.log_in(code="mockcode_nobody-at-all", scopes=SCOPES,
                                    allow_http=True))
    bad = Mastodon(access_token=BAD_TOKEN, api_base_url=mock.base_url, debug_requests=True,
                   session=recorder.session())
    objects.append(bad)
    expect_error(bad.timeline_home)
    expect_error(lambda: Mastodon(access_token=token, api_base_url="http://127.0.0.1:9",
                                  debug_requests=True, request_timeout=2,
                                  retry_policy=RetryPolicy(max_retries=0)).timeline_home())
    mock.fault({"match": {"path": "/api/v1/timelines/home"},
                "effect": {"type": "status", "status": 503}, "count": 3})
    expect_error(user.timeline_home)
    mock.fault({"match": {"path": "/api/v1/timelines/home"},
                "effect": {"type": "malformed"}, "count": 3})  # a GET tries 3 times
    expect_error(user.timeline_home)

    secrets = [client_secret, token, revoked, PASSWORD, BAD_TOKEN, "mockcode_alice"]
    if hasattr(Mastodon, "create_account"):
        signup = Mastodon(client_id=str(app_file), api_base_url=mock.base_url,
                          debug_requests=True, session=recorder.session())
        new_token = signup.create_account("reliable", PASSWORD + "-2", "reliable@mock.local",
                                          agreement=True, scopes=SCOPES, to_file=str(signup_file))
        assert new_token
        secrets += [new_token, PASSWORD + "-2"]
        objects.append(signup)
        assert mode_of(signup_file) == 0o600

    assert mode_of(app_file) == 0o600 and mode_of(user_file) == 0o600
    assert token in user_file.read_text() and client_secret in app_file.read_text()
    assert len(all_logs.records) > 20  # the debug log really ran
    assert any("Authorization" in r.getMessage() for r in all_logs.records)
    assert_no_secret(secrets, "the logs", log_texts(all_logs))
    assert_no_secret(secrets, "exceptions", [t for exc in errors for t in exception_texts(exc)])
    assert_no_secret(secrets, "reprs", [repr(o) for o in objects] + [str(o) for o in objects])
    assert_no_secret(secrets, "URLs", recorder.urls)
    assert any("/oauth/token" in url for url in recorder.urls)
    assert len(errors) == 8


def test_debug_log_of_a_password_grant_is_redacted(fake: Any, all_logs: Any) -> None:
    """The password grant (refused by the mock) on the fake transport: the body is logged, redacted."""
    fake.api.client_id, fake.api.client_secret = "cid", "client-Secret-5521"
    fake.api.debug_requests = True
    fake.queue(status=404, json={"error": "Not found"})  # no OAuth server metadata
    fake.queue(json={"access_token": "granted-Token-7710", "scope": "read write follow push",
                     "refresh_token": "refresh-Token-4410", "token_type": "Bearer"})
    assert fake.api.log_in(username="alice", password=PASSWORD) == "granted-Token-7710"
    assert ("password", PASSWORD) in fake.last_form()  # it was sent, in the body only
    assert PASSWORD not in fake.last.url
    logged = [r for r in all_logs.records if r.name == "mastodon"]
    assert len(logged) >= 2 and "<redacted>" in "".join(r.getMessage() for r in logged)
    assert_no_secret([PASSWORD, "client-Secret-5521", "granted-Token-7710", "refresh-Token-4410",
                      "fake_token"], "the logs", log_texts(all_logs))


@pytest.mark.parametrize("kind", ["create_app", "log_in"])
def test_credential_files_are_0600_under_umask_000(fake: Any, tmp_path: Any, kind: str,
                                                    permissive_umask: None) -> None:
    target = tmp_path / "creds.secret"
    if kind == "create_app":
        fake.queue(json={"client_id": "cid", "client_secret": "csecret"})
        Mastodon.create_app("app", api_base_url="https://mastodon.example", to_file=str(target),
                            session=fake.session)
    else:
        fake.api.client_id, fake.api.client_secret = "cid", "csecret"
        fake.queue(status=404, json={"error": "Not found"})  # no OAuth server metadata
        fake.queue(json={"access_token": "tok", "scope": "read write follow push"})
        fake.api.log_in(code="abc", to_file=str(target))
    assert mode_of(target) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["creds.secret"]  # no temp file left behind


@pytest.mark.parametrize("url", ["http://mastodon.example", "http://10.1.2.3:3000",
                                 "http://example.social/", "HTTP://Mastodon.Example"])
def test_plain_http_to_a_remote_host_warns(url: str, fake: Any) -> None:
    with pytest.warns(MastodonWarning, match="plain http"):
        Mastodon(access_token="tok", api_base_url=url)
    fake.queue(json={"client_id": "cid", "client_secret": "csecret"})
    with pytest.warns(MastodonWarning, match="plain http"):
        Mastodon.create_app("app", api_base_url=url, session=fake.session)


@pytest.mark.parametrize("url", ["https://mastodon.example", "mastodon.example",
                                 "http://localhost:3000", "http://127.0.0.1:8080",
                                 "http://[::1]:3000", "http://127.5.6.7"])
def test_https_and_loopback_do_not_warn(url: str) -> None:
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        Mastodon(access_token="tok", api_base_url=url)


# ---------------------------------------------------------------- redaction by field name

def mastodon_logs(caplog: pytest.LogCaptureFixture) -> str:
    return "\n".join(r.getMessage() for r in caplog.records if r.name == "mastodon")


def test_push_subscription_keys_are_redacted_in_the_debug_log(fake: Any, all_logs: Any) -> None:
    import base64

    require_extra("webpush", "cryptography")
    private, public = fake.api.push_subscription_generate_keys()
    fake.api.debug_requests = True
    fake.queue(json={"id": "1", "endpoint": "https://push.example/x", "alerts": {},
                     "server_key": "srv"})
    fake.api.push_subscription_set("https://push.example/x", public, follow_events=True)
    sent = dict(fake.last_form())
    auth, p256dh = sent["subscription[keys][auth]"], sent["subscription[keys][p256dh]"]
    logged = mastodon_logs(all_logs)
    assert "subscription%5Bkeys%5D%5Bauth%5D=<redacted>" in logged
    secrets = [auth, p256dh, base64.urlsafe_b64encode(public["auth"]).decode()[:12]]
    assert_no_secret(secrets, "the logs", log_texts(all_logs))
    assert_no_secret([str(private["privkey"])], "the logs", log_texts(all_logs))


@pytest.mark.parametrize("grant", ["password", "code", "refresh_token"])
def test_every_oauth_grant_is_redacted_in_the_debug_log(fake: Any, all_logs: Any,
                                                        grant: str) -> None:
    fake.api.client_id, fake.api.client_secret = "cid", "client-Secret-8812"
    fake.api.debug_requests = True
    fake.queue(status=404, json={"error": "Not found"})  # no OAuth server metadata
    fake.queue(json={"access_token": "granted-Token-1234", "scope": "read",
                     "refresh_token": "refresh-Token-5678", "token_type": "Bearer"})
    secret = {"password": PASSWORD, "code": "oauth-Code-4411",
              "refresh_token": "old-Refresh-9921"}[grant]
    kwargs = {"username": "alice", "password": secret} if grant == "password" else {grant: secret}
    fake.api.log_in(scopes=["read"], **kwargs)
    assert_no_secret([secret, "client-Secret-8812", "granted-Token-1234", "refresh-Token-5678"],
                     "the logs", log_texts(all_logs))
    assert f"{grant}=<redacted>" in mastodon_logs(all_logs)


def test_token_revocation_and_app_registration_are_redacted(fake: Any, all_logs: Any) -> None:
    fake.api.client_id, fake.api.client_secret = "cid", "client-Secret-3310"
    fake.api.access_token = "user-Token-7781"
    fake.api.debug_requests = True
    fake.queue(status=404, json={"error": "Not found"})
    fake.queue(json={})
    fake.api.revoke_access_token()
    assert ("token", "user-Token-7781") in fake.last_form()
    assert_no_secret(["client-Secret-3310", "user-Token-7781"], "the logs", log_texts(all_logs))


def test_account_creation_is_redacted_in_the_debug_log(fake: Any, all_logs: Any) -> None:
    fake.api.client_id, fake.api.client_secret = "cid", "client-Secret-6620"
    fake.api.debug_requests = True
    fake.queue(json={"access_token": "app-Token-1100", "scope": "read", "token_type": "Bearer"})
    fake.queue(json={"access_token": "new-Token-2200", "scope": "read write follow push",
                     "token_type": "Bearer"})
    fake.api.create_account("newbie", "signup-Pass-3300", "n@example.org", agreement=True)
    assert ("password", "signup-Pass-3300") in fake.last_form()
    assert_no_secret(["signup-Pass-3300", "client-Secret-6620", "app-Token-1100",
                      "new-Token-2200"], "the logs", log_texts(all_logs))


@pytest.mark.parametrize("shape", ["form", "json", "multipart"])
def test_password_changes_are_redacted_in_every_body_shape(fake: Any, all_logs: Any,
                                                          shape: str) -> None:
    """No endpoint of the interface changes passwords, but a raw call with one is redacted."""
    fake.api.debug_requests = True
    fake.queue(json={})
    fields = {"user": {"current_password": "old-Pass-1", "password": "new-Pass-2",
                       "password_confirmation": "new-Pass-2"}, "note": "visible"}
    if shape == "multipart":
        import io
        fake.api._request("PATCH", "/api/v1/accounts/update_credentials",
                          {"current_password": "old-Pass-1", "password": "new-Pass-2",
                           "note": "visible"},
                          files={"avatar": ("a.png", io.BytesIO(b"\x89PNG..."), "image/png")})
    else:
        fake.api._request("PATCH", "/api/v1/accounts/update_credentials", fields,
                          json_body=shape == "json")
    logged = mastodon_logs(all_logs)
    assert "visible" in logged and "<redacted>" in logged
    assert_no_secret(["old-Pass-1", "new-Pass-2"], "the logs", log_texts(all_logs))


@pytest.mark.parametrize("text,hidden,kept", [
    ('{"password": "ab\\"cdSECRET"}', "cdSECRET", '"password": "<redacted>"'),
    ('{"user": {"keys": {"auth": "AUTHSECRET", "p256dh": "PKSECRET"}}, "id": "1"}',
     "SECRET", '"id": "1"'),
    ('[{"access_token":"TOKSECRET","token_type":"Bearer"}]', "TOKSECRET", '"token_type":"Bearer"'),
    ('{"password": "cut off by the length limit SECRET', "SECRET", '"password"'),
    ("https://h.example/api?subscription%5Bkeys%5D%5Bauth%5D=AUTHSECRET&x=1", "SECRET", "x=1"),
    ("subscription[keys][p256dh]=PKSECRET&ok=yes", "SECRET", "ok=yes"),
    ("grant_type=password&password=PW%26SECRET&username=alice", "SECRET", "username=alice"),
    ("/oauth/authorize?client_id=c&code=CODESECRET", "SECRET", "client_id=c"),
])
def test_redact_text_by_field_name_at_any_depth(text: str, hidden: str, kept: str) -> None:
    from mastodon._core.debuglog import redact_text

    redacted = redact_text(text)
    assert hidden not in redacted and "<redacted>" in redacted and kept in redacted
