"""Reliability: careless input is refused at the call, naming what is wrong (issue 25.3, 25.4).

Every refusal is a MastodonIllegalArgumentError (or, for a path that is no
file, the MastodonIOError family Mastodon.py uses) raised before anything is
sent, never a bare UnicodeEncodeError, ValueError or TypeError.
"""
from __future__ import annotations

import io
import os
from typing import Any

import pytest

from mastodon import Mastodon, MastodonIllegalArgumentError, MastodonIOError, StreamListener
from mastodon._core.retry import RetryPolicy
from support.fake_transport import Canned

SURROGATE = "cat\ud800.png"


def refused(call: Any, *words: str) -> str:
    with pytest.raises(MastodonIllegalArgumentError) as caught:
        call()
    message = str(caught.value)
    assert all(word in message for word in words), message
    return message


def test_media_post_refuses_a_file_name_with_a_lone_surrogate(fake: Any) -> None:
    refused(lambda: fake.api.media_post(io.BytesIO(b"\x89PNG"), mime_type="image/png",
                                        file_name=SURROGATE), "file_name")
    refused(lambda: fake.api.media_post(io.BytesIO(b"\x89PNG"), mime_type="image/\ud800"),
            "mime_type")
    assert fake.requests == []


def test_media_post_sends_a_file_whose_name_the_file_system_could_not_decode(
        fake: Any, tmp_path: Any) -> None:
    raw = os.path.join(os.fsencode(str(tmp_path)), b"cat\xff.png")
    with open(raw, "wb") as handle:
        handle.write(b"\x89PNG\r\n\x1a\n")
    fake.default = Canned.make(json={"id": "m1", "type": "image"})
    assert fake.api.media_post(os.fsdecode(raw), mime_type="image/png").id == "m1"
    assert b'filename="cat' in fake.last.body and b'.png"' in fake.last.body


def test_create_app_refuses_text_that_cannot_be_sent(fake: Any) -> None:
    refused(lambda: Mastodon.create_app("bot\ud800", api_base_url=fake.api.api_base_url,
                                        session=fake.session), "client_name")
    refused(lambda: Mastodon.create_app("bot", website="https://x.example/\udcff",
                                        api_base_url=fake.api.api_base_url,
                                        session=fake.session), "website")
    assert fake.requests == []


@pytest.mark.parametrize("timeout", ["x", -1, 0, (1, "x"), (1, 2, 3), True, float("nan")])
def test_stream_timeout_is_checked_at_the_call(fake: Any, timeout: Any) -> None:
    refused(lambda: fake.api.stream_user(StreamListener(), run_async=True, timeout=timeout),
            "timeout")
    assert fake.requests == []


@pytest.mark.parametrize("options,name", [
    ({"max_retries": "2"}, "max_retries"), ({"max_retries": -1}, "max_retries"),
    ({"max_retries": 2.5}, "max_retries"), ({"max_retries": True}, "max_retries"),
    ({"backoff_factor": "1"}, "backoff_factor"), ({"backoff_factor": float("nan")}, "backoff_factor"),
    ({"max_backoff": -3}, "max_backoff"), ({"retry_statuses": 502}, "retry_statuses"),
])
def test_retry_policy_checks_its_numbers_when_made(options: Any, name: str) -> None:
    refused(lambda: RetryPolicy(**options), name)


def test_retry_policy_accepts_what_it_can_use() -> None:
    policy = RetryPolicy(max_retries=0, backoff_factor=0, max_backoff=1.5,
                         retry_statuses={502}, keyed_retry_statuses=[])
    assert policy.retry_statuses == frozenset({502}) and policy.keyed_retry_statuses == frozenset()


def test_get_status_length_refuses_none(fake: Any) -> None:
    refused(lambda: fake.api.get_status_length(None), "text")
    refused(lambda: fake.api.get_status_length("hi", spoiler_text=3), "spoiler_text")
    assert fake.api.get_status_length("hi", spoiler_text=None) == 2


def test_media_post_of_a_directory_says_it_is_a_directory(fake: Any, tmp_path: Any) -> None:
    with pytest.raises(MastodonIOError) as caught:  # the class Mastodon.py raises for it
        fake.api.media_post(str(tmp_path))
    assert "is a directory" in str(caught.value) and "no such file" not in str(caught.value)
    assert fake.requests == []


def test_a_file_that_is_not_a_credential_file_says_so(tmp_path: Any) -> None:
    script = tmp_path / "bot.py"
    script.write_text("import sys\nfrom mastodon import Mastodon\n"
                      "from mastodon import Mastodon, MastodonError\n")
    message = refused(lambda: Mastodon(client_id=str(script),
                                       api_base_url="https://mastodon.example"),
                      "client_id", "not a credential file")
    assert "differs" not in message
    refused(lambda: Mastodon(access_token=str(script), api_base_url="https://mastodon.example"),
            "access_token", "not a credential file")
