"""Retry policy and the status-to-exception table, each on its own."""
import json

import pytest
import requests

from mastodon._core.check import error_class, raise_for_status, warn_if_deprecated
from mastodon._core.retry import RetryPolicy
from mastodon.errors import (
    MastodonAPIError, MastodonBadGatewayError, MastodonDeprecationWarning,
    MastodonGatewayTimeoutError, MastodonInternalServerError, MastodonNotFoundError,
    MastodonRatelimitError, MastodonServerError, MastodonServiceUnavailableError,
    MastodonUnauthorizedError,
)


def response(status, body=b"", headers=None, method="GET", url="https://m.example/api/v1/x"):
    r = requests.Response()
    r.status_code = status
    r.reason = "Reason"
    r._content = body if isinstance(body, bytes) else json.dumps(body).encode()
    r.headers.update(headers or {})
    r.request = requests.Request(method, url).prepare()
    return r


@pytest.mark.parametrize("status, cls", [
    (401, MastodonUnauthorizedError), (404, MastodonNotFoundError),
    (500, MastodonInternalServerError), (502, MastodonBadGatewayError),
    (503, MastodonServiceUnavailableError), (504, MastodonGatewayTimeoutError),
    (507, MastodonServerError), (422, MastodonAPIError), (403, MastodonAPIError),
])
def test_status_table(status, cls):
    assert error_class(status) is cls


def test_api_error_keeps_args_order_and_carries_details():
    with pytest.raises(MastodonAPIError) as info:
        raise_for_status(response(422, {"error": "Validation failed"},
                                  {"X-Request-Id": "req-1"}, "POST"))
    err = info.value
    assert err.args == ("Mastodon API returned error", 422, "Reason", "Validation failed")
    assert (err.status_code, err.reason, err.error, err.request_id) == (
        422, "Reason", "Validation failed", "req-1")
    assert err.method == "POST" and err.url.endswith("/api/v1/x")
    assert err.response.status_code == 422
    assert "Validation failed" in str(err)


def test_404_without_message_says_endpoint_not_found():
    with pytest.raises(MastodonNotFoundError) as info:
        raise_for_status(response(404, b"<html>"))
    assert info.value.args[3] == "<html>"
    with pytest.raises(MastodonNotFoundError) as info:
        raise_for_status(response(404, b""))
    assert info.value.args[3] == "Endpoint not found."


def test_429_maps_to_ratelimit_error_and_success_passes():
    with pytest.raises(MastodonRatelimitError):
        raise_for_status(response(429, {"error": "Too many requests"}))
    raise_for_status(response(200, {}))


def test_deprecation_header_warns():
    with pytest.warns(MastodonDeprecationWarning, match="deprecated"):
        warn_if_deprecated(response(200, {}, {"Deprecation": "@1700000000"}))


def test_retry_policy_rules():
    policy = RetryPolicy(max_retries=2)
    assert policy.can_retry("GET", {}, 0)
    assert policy.can_retry("GET", {}, 1, status=503)
    assert not policy.can_retry("GET", {}, 2, status=503)  # bounded
    assert not policy.can_retry("GET", {}, 0, status=500)
    assert not policy.can_retry("POST", {}, 0, status=503)
    assert policy.can_retry("POST", {"Idempotency-Key": "k"}, 0, status=503)
    assert not RetryPolicy(max_retries=0).can_retry("GET", {}, 0)


def test_backoff_is_exponential_capped_and_jittered():
    policy = RetryPolicy(backoff_factor=1.0, max_backoff=4.0, jitter=lambda: 1.0)
    assert [policy.backoff(a) for a in range(4)] == [1.0, 2.0, 4.0, 4.0]
    low = RetryPolicy(backoff_factor=1.0, jitter=lambda: 0.0)
    assert low.backoff(1) == 1.0
