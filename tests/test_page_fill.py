"""A page (a list of entities) decodes in one loop, object for object as a single entity does."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any, List

from mastodon.return_types import Account, InstanceThumbnailVersions, Status
from mastodon.types_base import NonPaginatableList, PaginatableList, decode, parse_json

RECORDED = Path(__file__).resolve().parent / "fixtures" / "recorded"


def keys_of(obj: Any) -> List[Any]:
    return list(dict.keys(obj))


def test_accounts_of_alternating_shapes_each_get_their_own_absent_fields() -> None:
    raw = json.loads((RECORDED / "followers_80.json").read_text(encoding="utf-8"))
    assert len({tuple(account) for account in raw}) > 2  # the page mixes shapes
    page = decode(json.loads(json.dumps(raw)), PaginatableList[Account])
    assert type(page) is PaginatableList and len(page) == len(raw)
    for account, sent in zip(page, raw):
        single = decode(dict(sent), Account)
        assert type(account) is Account
        assert keys_of(account) == keys_of(single)
        assert keys_of(account)[:len(sent)] == list(sent)
        assert account == single == sent


def test_items_that_are_not_plain_dicts_decode_one_by_one() -> None:
    typed = decode({"id": "1", "content": "typed"}, Status)
    parsed = parse_json(b'{"id": "2", "content": "parsed"}')
    page = decode([{"id": "3"}, None, typed, parsed, "odd"], PaginatableList[Status])
    assert [type(item) for item in page] == [Status, type(None), Status, Status, str]
    assert page[2] is typed and page[3] is parsed
    assert page[0].id == "3" and page[0].content is None and page[3].content == "parsed"


def test_renamed_fields_of_a_page_read_under_both_names() -> None:
    page = decode([{"@1x": "a.png"}, {"@1x": "b.png", "@2x": "c.png"}],
                  NonPaginatableList[InstanceThumbnailVersions])
    assert [item.at1x for item in page] == ["a.png", "b.png"]
    assert page[1]["at2x"] == page[1]["@2x"] == "c.png" and page[0].at2x is None
    assert page[0] == decode({"@1x": "a.png"}, InstanceThumbnailVersions)


def test_a_page_that_is_not_a_list_is_kept_untyped() -> None:
    assert decode({"id": "1"}, PaginatableList[Status]) == {"id": "1"}
