"""str(), args and details of every exception class, and what the client logs on its own."""
from __future__ import annotations

import logging
import socket
import sys
import time
from http import HTTPStatus
from typing import Any

import pytest

import mastodon.errors as errors
from mastodon import Mastodon
from mastodon._core.retry import RetryPolicy
from mastodon.errors import (
    MastodonAPIError, MastodonBadGatewayError, MastodonGatewayTimeoutError,
    MastodonInternalServerError, MastodonNetworkError, MastodonNotFoundError,
    MastodonRatelimitError, MastodonReadTimeout, MastodonServerError,
    MastodonServiceUnavailableError, MastodonUnauthorizedError, MastodonWarning,
)
from support.fault_server import Reply, json_reply

NOTES = sys.version_info >= (3, 11)


def client(url: str, **kwargs: Any) -> Mastodon:
    kwargs.setdefault("retry_policy", RetryPolicy(max_retries=0))
    return Mastodon(access_token="tok", api_base_url=url, version_check_mode="none", **kwargs)


def iso(when: float) -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%S.000Z", time.gmtime(when))


@pytest.mark.parametrize("status,reason,cls", [
    (400, "Bad Request", MastodonAPIError), (401, "Unauthorized", MastodonUnauthorizedError),
    (403, "Forbidden", MastodonAPIError), (404, "Not Found", MastodonNotFoundError),
    (410, "Gone", MastodonAPIError), (422, HTTPStatus(422).phrase, MastodonAPIError),
    (500, "Internal Server Error", MastodonInternalServerError),
    (502, "Bad Gateway", MastodonBadGatewayError),
    (503, "Service Unavailable", MastodonServiceUnavailableError),
    (504, "Gateway Timeout", MastodonGatewayTimeoutError),
    (507, "Insufficient Storage", MastodonServerError),
])
def test_api_errors_have_mastodon_py_args_and_str(fault_server: Any, status: int, reason: str,
                                                  cls: type) -> None:
    fault_server.default = json_reply({"error": "Record not found"}, status,
                                      {"X-Request-Id": "req-42"})
    with pytest.raises(MastodonAPIError) as caught:
        client(fault_server.url).status("1")
    error = caught.value
    assert type(error) is cls
    assert error.args == ("Mastodon API returned error", status, reason, "Record not found")
    assert str(error) == repr(error.args)
    assert (error.status_code, error.reason, error.error) == (status, reason, "Record not found")
    assert error.method == "GET" and error.url == fault_server.url + "/api/v1/statuses/1"
    assert error.request_id == "req-42" and error.response.status_code == status
    if NOTES:
        assert error.__notes__ == [f"GET {error.url} answered {status} {reason} (request id req-42)"]


def test_404_str_is_exactly_mastodon_pys(fault_server: Any) -> None:
    fault_server.default = json_reply({"error": "Record not found"}, 404)
    with pytest.raises(MastodonNotFoundError) as caught:
        client(fault_server.url).status("1")
    assert str(caught.value) == "('Mastodon API returned error', 404, 'Not Found', 'Record not found')"


@pytest.mark.parametrize("body,message", [
    (b"", "Endpoint not found."),
    (b"<html>nginx</html>", "<html>nginx</html>"),
    (b'"plain JSON string"', "plain JSON string"),
])
def test_404_without_a_json_error(fault_server: Any, body: bytes, message: str) -> None:
    fault_server.default = Reply(404, body)
    with pytest.raises(MastodonNotFoundError) as caught:
        client(fault_server.url).status("1")
    assert caught.value.args == ("Mastodon API returned error", 404, "Not Found", message)


def test_oauth_error_keeps_the_code_and_carries_the_description(fault_server: Any) -> None:
    fault_server.default = json_reply(
        {"error": "invalid_grant", "error_description": "The grant is invalid"}, 400)
    with pytest.raises(MastodonAPIError) as caught:
        client(fault_server.url)._post("/oauth/token", {"code": "SECRET-code", "x": "1"})
    error = caught.value
    assert error.args == ("Mastodon API returned error", 400, "Bad Request", "invalid_grant")
    assert error.error_description == "The grant is invalid"
    if NOTES:
        assert error.__notes__[0].endswith(": The grant is invalid")


def test_error_details_redact_secrets_in_the_url(fault_server: Any) -> None:
    fault_server.default = json_reply({"error": "nope"}, 403)
    with pytest.raises(MastodonAPIError) as caught:
        client(fault_server.url)._get("/oauth/authorize", {"code": "SECRET-code", "x": "1"})
    assert "SECRET" not in caught.value.url and "x=1" in caught.value.url
    if NOTES:
        assert "SECRET" not in caught.value.__notes__[0]


def test_ratelimit_error_in_throw_mode_says_limit_remaining_and_reset(fault_server: Any) -> None:
    reset = int(time.time()) + 120
    fault_server.default = json_reply({"error": "Too many requests"}, 429, {
        "X-RateLimit-Limit": "300", "X-RateLimit-Remaining": "0", "X-RateLimit-Reset": iso(reset)})
    for kwargs in ({"ratelimit_method": "throw"}, {}):
        api = client(fault_server.url, **kwargs)
        with pytest.raises(MastodonRatelimitError) as caught:
            if kwargs:
                api.status("1")
            else:  # a request outside the rate limiter raises the same error
                api._get("/api/v1/statuses/1", ratelimit=False)
        error = caught.value
        when = time.strftime("%Y-%m-%dT%H:%M:%S+00:00", time.gmtime(reset))
        assert error.args == (f"Hit rate limit. (limit 300, 0 left, reset {when})",)
        assert str(error) == error.args[0]
        assert (error.limit, error.remaining, error.reset) == (300, 0, float(reset))
        assert error.method == "GET" and error.response.status_code == 429


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_network_errors_are_single_arg_and_say_the_reason() -> None:
    url = f"http://127.0.0.1:{free_port()}"
    with pytest.raises(MastodonNetworkError) as caught:
        client(url).status("1")
    error = caught.value
    assert len(error.args) == 1 and str(error) == error.args[0]
    assert error.args[0].startswith("Could not complete request: ")
    assert "Connection refused" in str(error) and error.may_have_reached_server is False
    assert error.method == "GET" and error.url == url + "/api/v1/statuses/1"
    if NOTES:
        assert error.__notes__ == [f"GET {url}/api/v1/statuses/1"]


def test_a_tls_error_says_so(fault_server: Any) -> None:
    https = fault_server.url.replace("http://", "https://")
    with pytest.raises(MastodonNetworkError) as caught:
        client(https).status("1")
    assert "SSL" in str(caught.value) and caught.value.may_have_reached_server is False


def test_a_dns_failure_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_such_host(*args: Any, **kwargs: Any) -> Any:
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", no_such_host)
    with pytest.warns(MastodonWarning, match="plain http"):
        api = client("http://no-such-host.test")
    with pytest.raises(MastodonNetworkError) as caught:
        api.status("1")
    assert "Name or service not known" in str(caught.value)
    assert caught.value.may_have_reached_server is False


def test_network_error_messages_are_redacted() -> None:
    url = f"http://127.0.0.1:{free_port()}"
    with pytest.raises(MastodonNetworkError) as caught:
        client(url)._get("/api/v1/x", {"access_token": "SECRET-tok"})
    assert "SECRET" not in str(caught.value) and "SECRET" not in caught.value.url


def test_read_timeout_is_single_arg(fault_server: Any) -> None:
    fault_server.default = Reply(delay=3.0)
    with pytest.raises(MastodonReadTimeout) as caught:
        client(fault_server.url, request_timeout=0.3).status("1")
    assert len(caught.value.args) == 1 and "timed out" in str(caught.value).lower()


@pytest.mark.parametrize("name", [name for name in errors.__all__ if "Warning" not in name])
def test_every_error_class_has_plain_exception_str_and_args(name: str) -> None:
    cls = getattr(errors, name)
    one, several = cls("what happened"), cls("what happened", 404, "Not Found", "detail")
    assert one.args == ("what happened",) and str(one) == "what happened"
    base = OSError if issubclass(cls, OSError) else Exception  # as Mastodon.py's IOError ones
    expected = base("what happened", 404, "Not Found", "detail")
    assert several.args == expected.args and str(several) == str(expected)
    assert str(cls()) == "" and cls().args == ()


# ---------------------------------------------------------------- what the client logs itself

def test_every_retry_is_logged_once_at_info_with_its_reason(fault_server: Any,
                                                            caplog: Any) -> None:
    caplog.set_level(logging.INFO, logger="mastodon")
    fault_server.script(json_reply({"error": "busy"}, 503), json_reply({"error": "busy"}, 502),
                        json_reply({"id": "1"}))
    api = client(fault_server.url, retry_policy=RetryPolicy(sleep=lambda s: None))
    assert api.status("1").id == "1"
    lines = [r.getMessage() for r in caplog.records
             if r.name == "mastodon" and r.levelno == logging.INFO]
    url = fault_server.url + "/api/v1/statuses/1"
    assert len(lines) == 2  # one line per retry (issue 25.6; it used to be two)
    assert lines[0] == f"retrying GET {url} (retry 1 of 2) after: 503 Service Unavailable"
    assert lines[1] == f"retrying GET {url} (retry 2 of 2) after: 502 Bad Gateway"


def test_a_network_failure_retry_says_the_reason(caplog: Any) -> None:
    caplog.set_level(logging.INFO, logger="mastodon")
    url = f"http://127.0.0.1:{free_port()}"
    with pytest.raises(MastodonNetworkError):
        client(url, retry_policy=RetryPolicy(max_retries=1, sleep=lambda s: None)).status("1")
    lines = [r.getMessage() for r in caplog.records if r.levelno == logging.INFO]
    assert "Connection refused" in lines[0] and lines[0].startswith("retrying GET ")


def virtual_client(url: str) -> Any:
    """A client whose rate-limit sleeps only move the limiter's clock on; returns (api, sleeps)."""
    api = client(url)
    slept: list = []
    api._ratelimiter.clock = lambda: time.time() + sum(slept)
    api._ratelimiter.sleep = slept.append
    return api, slept


def test_rate_limit_sleeps_over_a_second_are_logged_at_info(fault_server: Any,
                                                            caplog: Any) -> None:
    caplog.set_level(logging.INFO, logger="mastodon")
    exhausted = {"X-RateLimit-Limit": "300", "X-RateLimit-Remaining": "0",
                 "X-RateLimit-Reset": iso(time.time() + 30)}
    fault_server.script(json_reply({"error": "slow down"}, 429, exhausted), json_reply({"id": "1"}),
                        json_reply({"id": "1"}, headers=exhausted), json_reply({"id": "2"}))
    api, slept = virtual_client(fault_server.url)
    api.status("1")  # refused, waits for the reset, then served
    other, other_slept = virtual_client(fault_server.url)
    other.status("1")  # served, but nothing left ...
    other.status("2")  # ... so this one waits for the reset first
    lines = [r.getMessage() for r in caplog.records if r.levelno == logging.INFO]
    assert len(slept) == 1 and len(other_slept) == 1 and slept[0] > 25 and other_slept[0] > 25
    assert lines[0].startswith("refused with 429: sleeping ")
    assert lines[1].startswith("rate limit reached: sleeping ") and "0 left" in lines[1]
    assert len(lines) == 2
