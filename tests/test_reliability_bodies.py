"""Reliability: success answers whose body cannot be what the endpoint returns, on the fault server."""
from __future__ import annotations

from typing import Any

import pytest

from mastodon import Mastodon, MastodonAPIError
from support.fault_server import Reply


def client(server: Any) -> Mastodon:
    return Mastodon(access_token="tok", api_base_url=server.url, version_check_mode="none")


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
