"""Nested objects of one shape share their key strings (``fill``), and nothing else changes."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any, List

from mastodon._types.attrdict import readers_of
from mastodon.return_types import Account, Status
from mastodon.types_base import PaginatableList, decode

PAGE = (Path(__file__).resolve().parent / "fixtures" / "recorded" / "timeline_home_40.json")


def page() -> Any:
    return decode(json.loads(PAGE.read_text(encoding="utf-8")), PaginatableList[Status])


def keys_of(obj: Any) -> List[str]:
    return list(dict.keys(obj))


def test_accounts_read_from_two_pages_share_their_key_objects() -> None:
    first, second = page()[0].account, page()[0].account
    assert first == second and first is not second
    assert all(a is b for a, b in zip(keys_of(first), keys_of(second)))


def test_shared_keys_keep_the_server_order_then_the_absent_declared_fields() -> None:
    raw = json.loads(PAGE.read_text(encoding="utf-8"))[0]["account"]
    account = page()[0].account
    assert isinstance(account, Account)
    assert keys_of(account)[:len(raw)] == list(raw)
    absent = keys_of(account)[len(raw):]
    assert absent and all(dict.__getitem__(account, key) is None for key in absent)
    assert all(account[key] == value for key, value in raw.items()
               if key not in ("created_at", "last_status_at", "id", "emojis", "fields"))


def test_outermost_and_nested_objects_of_a_page_read_alike() -> None:
    statuses = page()
    boosted = next(status for status in statuses if status.reblog is not None)
    assert type(boosted.reblog) is Status and type(boosted) is Status
    declared = set(readers_of(Status).template)
    assert declared <= set(dict.keys(boosted)) and declared <= set(dict.keys(boosted.reblog))
    assert boosted.reblog.account.acct and boosted.account.acct
