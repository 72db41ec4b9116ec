"""Reliability: posts carry an Idempotency-Key of their own, so retrying them is safe."""
from __future__ import annotations

import socket
import sys
from typing import Any

import pytest

from mastodon import Mastodon, MastodonNetworkError, MastodonServiceUnavailableError
from mastodon._core.retry import RetryPolicy
from support.fault_server import Reply, cut_reply, json_reply

STATUS = {"id": "11", "content": "<p>hi</p>", "visibility": "public"}


def client(url: str, retries: int = 2) -> Mastodon:
    return Mastodon(access_token="tok", api_base_url=url, version_check_mode="none",
                    retry_policy=RetryPolicy(max_retries=retries, sleep=lambda s: None))


def test_status_post_without_a_key_sends_a_fresh_one(fault_server: Any) -> None:
    fault_server.default = json_reply(STATUS)
    api = client(fault_server.url)
    api.status_post("one")
    api.status_post("two")
    api.status_post("three", idempotency_key="mine")
    keys = [seen.headers.get("Idempotency-Key") for seen in fault_server.requests]
    assert len(keys[0]) == 32 and len(keys[1]) == 32 and keys[0] != keys[1]
    assert keys[2] == "mine"


def test_a_post_without_a_key_is_retried_with_the_same_key(fault_server: Any) -> None:
    fault_server.script(json_reply({"error": "busy"}, 503), cut_reply(STATUS, after=20),
                        json_reply(STATUS))
    assert client(fault_server.url).status_post("hello").id == "11"
    keys = {seen.headers["Idempotency-Key"] for seen in fault_server.requests}
    assert len(fault_server.requests) == 3 and len(keys) == 1


def test_a_finally_failed_post_carries_its_key(fault_server: Any) -> None:
    fault_server.default = json_reply({"error": "busy"}, 503)
    with pytest.raises(MastodonServiceUnavailableError) as caught:
        client(fault_server.url).status_post("hello")
    error = caught.value
    sent = fault_server.requests[-1].headers["Idempotency-Key"]
    assert error.idempotency_key == sent and error.may_have_reached_server is True
    assert len(fault_server.requests) == 3
    if sys.version_info >= (3, 11):
        assert any(sent in note and "may have reached" in note for note in error.__notes__)


def test_a_refused_connection_says_the_post_never_reached_the_server() -> None:
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(MastodonNetworkError) as caught:
        client(f"http://127.0.0.1:{port}", retries=0).status_post("hello")
    error = caught.value
    assert error.may_have_reached_server is False and len(error.idempotency_key) == 32
    assert "Connection refused" in str(error)
    if sys.version_info >= (3, 11):
        assert any("did not reach" in note for note in error.__notes__)


def test_a_cut_answer_says_the_post_may_have_reached_the_server(fault_server: Any) -> None:
    fault_server.default = cut_reply(STATUS, after=20)
    with pytest.raises(MastodonNetworkError) as caught:
        client(fault_server.url, retries=0).status_post("hello")
    assert caught.value.may_have_reached_server is True and caught.value.idempotency_key


def test_other_creating_posts_are_not_keyed_nor_retried(fault_server: Any) -> None:
    fault_server.default = Reply(503, b'{"error": "busy"}')
    with pytest.raises(MastodonServiceUnavailableError) as caught:
        client(fault_server.url).list_create("friends")
    assert len(fault_server.requests) == 1
    assert "Idempotency-Key" not in fault_server.requests[0].headers
    assert caught.value.idempotency_key is None
