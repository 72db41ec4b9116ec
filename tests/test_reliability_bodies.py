"""Reliability: success answers whose body cannot be what the endpoint returns, on the fault server."""
from __future__ import annotations

import json
import logging
from typing import Any
from unittest.mock import MagicMock

import pytest

from mastodon import Mastodon, MastodonAPIError, MastodonInternalServerError
from mastodon._core.retry import RetryPolicy
from support.fault_server import Reply, json_reply, truncated_json


def client(server: Any) -> Mastodon:
    return Mastodon(access_token="tok", api_base_url=server.url, version_check_mode="none",
                    retry_policy=RetryPolicy(sleep=lambda s: None))


@pytest.mark.parametrize("status,body,shown", [
    (200, b"", "b''"),
    (200, b"  \r\n", "b'  \\r\\n'"),
    (204, b"", "b''"),
    (200, b"<html>Gateway says hi</html>", "<html>Gateway says hi</html>"),
])
def test_an_entity_endpoint_refuses_an_empty_or_non_json_body(fault_server: Any, status: int,
                                                              body: bytes, shown: str) -> None:
    fault_server.default = Reply(status, body, {"Content-Type": "text/html",
                                                "X-Request-Id": "req-9"})
    api = client(fault_server)
    for call in (api.account_verify_credentials, lambda: api.status("1"),
                 lambda: api.account_follow("2")):
        with pytest.raises(MastodonAPIError) as caught:
            call()
        message = str(caught.value)
        assert f"response code was {status}" in message and shown in message
        assert caught.value.response.status_code == status
        assert caught.value.request_id == "req-9"


def test_a_long_unusable_body_is_quoted_shortened(fault_server: Any) -> None:
    fault_server.default = Reply(200, b"x" * 5000, {"Content-Type": "text/plain"})
    with pytest.raises(MastodonAPIError) as caught:
        client(fault_server).status("1")
    assert len(str(caught.value)) < 400 and "..." in str(caught.value)


@pytest.mark.parametrize("status", [200, 204])
def test_endpoints_that_return_nothing_still_accept_an_empty_body(fault_server: Any,
                                                                 status: int) -> None:
    fault_server.default = Reply(status, b"")
    api = client(fault_server)
    assert not api.notifications_clear()
    assert not api.notifications_dismiss("5")
    paths = [seen.path for seen in fault_server.requests]
    assert "/api/v1/notifications/clear" in paths and "dismiss" in paths[-1]


# ---------------------------------------------------------------- broken answers are retried (issue 25.1)

STATUS = {"id": "11", "content": "<p>hi</p>", "visibility": "public"}
BROKEN = {
    "empty": Reply(200, b""),
    "not json": Reply(200, b"<html>proxy says hi</html>", {"Content-Type": "text/html"}),
    "cut short": truncated_json(STATUS, keep=12),
    "cut short, no length": Reply(200, json.dumps(STATUS).encode()[:12], close=True),
}


def retrying(server: Any, retries: int = 2) -> Mastodon:
    return Mastodon(access_token="tok", api_base_url=server.url, version_check_mode="none",
                    retry_policy=RetryPolicy(max_retries=retries, sleep=lambda s: None))


@pytest.mark.parametrize("kind", BROKEN)
def test_a_broken_answer_to_a_get_is_retried(fault_server: Any, kind: str, caplog: Any) -> None:
    caplog.set_level(logging.INFO, logger="mastodon")
    fault_server.script(BROKEN[kind], json_reply(STATUS))
    assert retrying(fault_server).status("11").id == "11"
    assert [seen.path for seen in fault_server.requests] == ["/api/v1/statuses/11"] * 2
    retries = [r.getMessage() for r in caplog.records if r.getMessage().startswith("retrying")]
    assert len(retries) == 1 and "Could not parse response as JSON" in retries[0]


@pytest.mark.parametrize("kind", BROKEN)
def test_a_broken_answer_to_a_keyed_post_is_retried_with_the_same_key(fault_server: Any,
                                                                     kind: str) -> None:
    fault_server.script(BROKEN[kind], json_reply(STATUS))
    assert retrying(fault_server).status_post("hello").id == "11"
    keys = {seen.headers["Idempotency-Key"] for seen in fault_server.requests}
    assert len(fault_server.requests) == 2 and len(keys) == 1


def test_a_broken_answer_is_raised_after_the_last_try(fault_server: Any) -> None:
    fault_server.default = BROKEN["not json"]
    with pytest.raises(MastodonAPIError, match="Could not parse") as caught:
        retrying(fault_server).status_post("hello", idempotency_key="k1")
    assert type(caught.value) is MastodonAPIError and caught.value.idempotency_key == "k1"
    assert len(fault_server.requests) == 3


def test_a_broken_answer_to_an_unkeyed_post_is_not_retried(fault_server: Any) -> None:
    fault_server.default = BROKEN["empty"]
    with pytest.raises(MastodonAPIError, match="Could not parse"):
        retrying(fault_server).list_create("friends")
    assert len(fault_server.requests) == 1


def test_a_500_is_retried_for_a_keyed_post_only(fault_server: Any) -> None:
    fault_server.script(json_reply({"error": "oops"}, 500), json_reply(STATUS))
    assert retrying(fault_server).status_post("hello").id == "11"
    assert len(fault_server.requests) == 2
    fault_server.script(json_reply({"error": "oops"}, 500))
    with pytest.raises(MastodonInternalServerError):
        retrying(fault_server).status("11")
    assert len(fault_server.requests) == 3


def test_retry_policy_can_leave_500_alone(fault_server: Any) -> None:
    fault_server.default = json_reply({"error": "oops"}, 500)
    api = retrying(fault_server)
    api.retry_policy = RetryPolicy(keyed_retry_statuses=frozenset(), sleep=lambda s: None)
    with pytest.raises(MastodonInternalServerError):
        api.status_post("hello")
    assert len(fault_server.requests) == 1


# ---------------------------------------------------------------- deep JSON (issue 25.2)

@pytest.mark.parametrize("depth", [5000, 200_000])
@pytest.mark.parametrize("opener,closer", [(b"[", b"]"), (b'{"a":', b"}")])
def test_json_nested_too_deeply_is_a_parse_error(fault_server: Any, depth: int, opener: bytes,
                                                 closer: bytes) -> None:
    body = opener * depth + b"1" + closer * depth
    fault_server.default = Reply(200, body)
    api = retrying(fault_server, retries=0)
    for fetch in (lambda: api.status("1"), lambda: api._get("/api/v1/anything")):  # typed, untyped
        _parsed_whole_or_refused(fetch, depth)


def _parsed_whole_or_refused(fetch: Any, depth: int) -> None:
    """``fetch()`` raises the parse error or, where the interpreter's parser follows that
    deep (CPython 3.13 does for 5,000 levels of objects), returns the whole value, which
    reads to the bottom: never a bare RecursionError, at the call or when read."""
    try:
        node = fetch()
    except MastodonAPIError as exc:
        assert "Could not parse response as JSON" in str(exc)
        return
    for _ in range(depth):
        node = node[0] if isinstance(node, list) else node["a"]
    assert node == 1


def test_a_stand_in_answer_nested_too_deeply_is_a_parse_error() -> None:
    session = MagicMock()
    response = session.request.return_value
    response.ok, response.status_code = True, 200
    response.json.side_effect = RecursionError("maximum recursion depth exceeded")
    api = Mastodon(access_token="tok", api_base_url="http://127.0.0.1:9", session=session,
                   version_check_mode="none", retry_policy=RetryPolicy(max_retries=0))
    with pytest.raises(MastodonAPIError, match="Could not parse"):
        api.status("1")
