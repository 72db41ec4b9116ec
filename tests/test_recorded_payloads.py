"""What users see of decoded entities, on real recorded Mastodon payloads.

Fields are converted when first read (see mastodon._types.attrdict); these
tests check that no way of looking at a result can tell: types on read,
isinstance, == with plain dicts, repr, copy and pickle, to_json/from_json,
attribute and key access, json.dumps, and threads sharing one result.
Payloads: tests/fixtures/recorded/ (origin and licence in its README).
"""
from __future__ import annotations

import copy
import io
import json
import logging
import os
import pickle
import threading
from datetime import datetime
from typing import Any, Callable, Dict, List

import pytest
import requests
from urllib3.response import HTTPResponse

from mastodon import Mastodon, StreamListener
from mastodon import return_types as rt
from mastodon.streaming import consume_stream
from mastodon.types_base import (
    AttribAccessDict, Entity, MaybeSnowflakeIdType, NonPaginatableList, PaginatableList, decode,
    load_json, parse_json,
)
from support.fault_server import Reply

HERE = os.path.dirname(os.path.abspath(__file__))
RECORDED = os.path.join(HERE, "fixtures", "recorded")

PAGES = {
    "timeline_home_40.json": PaginatableList[rt.Status],
    "followers_80.json": PaginatableList[rt.Account],
    "notifications_40.json": PaginatableList[rt.Notification],
    "status.json": rt.Status,
}


def payload(name: str) -> bytes:
    with open(os.path.join(RECORDED, name), "rb") as handle:
        return handle.read()


def fresh(name: str) -> Any:
    """The payload decoded as the library decodes a response: nothing read yet."""
    return decode(load_json(payload(name)), PAGES[name])


def read_all(value: Any) -> Any:
    """Read every field (attribute access where possible), converting everything."""
    if isinstance(value, dict):
        for key in list(value.keys()):
            item = getattr(value, key) if isinstance(key, str) and key.isidentifier() \
                and not hasattr(dict, key) else value[key]
            read_all(item)
    elif isinstance(value, list):
        for item in value:
            read_all(item)
    return value


def structure(value: Any) -> Any:
    """Types and values of everything in ``value``, through the dict storage itself."""
    if isinstance(value, dict):
        return type(value), [(key, structure(item)) for key, item in dict.items(value)]
    if isinstance(value, list):
        return type(value), [structure(item) for item in value]
    return type(value), value


@pytest.mark.parametrize("name", sorted(PAGES))
def test_fields_read_as_their_declared_types(name: str) -> None:
    result = fresh(name)
    items = result if isinstance(result, list) else [result]
    for item in items:
        status = item.status if isinstance(item, rt.Notification) else item
        if isinstance(item, rt.Notification):
            assert isinstance(item.created_at, datetime) and item.created_at.tzinfo is not None
            assert isinstance(item.account, rt.Account)
        if isinstance(status, rt.Status):
            assert type(status.id) is MaybeSnowflakeIdType
            assert status.created_at.tzinfo is not None
            assert type(status.account) is rt.Account
            assert status.account.created_at.tzinfo is not None
            assert type(status.media_attachments) is NonPaginatableList
            assert all(type(m) is rt.MediaAttachment for m in status.media_attachments)
            assert status.reblog is None or type(status.reblog) is rt.Status
            assert status.poll is None or type(status.poll) is rt.Poll
            assert status.card is None or type(status.card) is rt.PreviewCard
        if isinstance(item, rt.Account):
            assert item.created_at.tzinfo is not None
            assert all(type(f) is rt.AccountField for f in item.fields)


def test_the_home_page_has_what_it_promises() -> None:
    page = fresh("timeline_home_40.json")
    assert type(page) is PaginatableList and len(page) == 40
    assert any(s.reblog is not None for s in page)
    assert any(s.poll is not None and type(s.poll.options[0]) is rt.PollOption for s in page)
    assert any(s.card is not None for s in page)
    assert any(s.media_attachments for s in page)
    assert any(s.quote is not None for s in page)


@pytest.mark.parametrize("name", sorted(PAGES))
def test_looking_at_a_result_in_any_way_sees_converted_values(name: str) -> None:
    settled = read_all(fresh(name))
    ways: Dict[str, Callable[[Any], Any]] = {
        "==": lambda r: r,
        "copy": copy.copy,
        "deepcopy": copy.deepcopy,
        "pickle": lambda r: pickle.loads(pickle.dumps(r)),
        "json round trip": lambda r: Entity.from_json(r.to_json()),
    }
    def stored_converted(result: Any) -> bool:
        """No object or list in the dict storage itself is still as parsed."""
        def raw(value: Any) -> bool:
            return type(value) is dict or (type(value) is list and any(map(raw, value)))
        return not [key for item in (result if isinstance(result, list) else [result])
                    for key, value in dict.items(item) if raw(value)]

    for way, make in ways.items():
        other = make(fresh(name))
        # nothing raw leaks into a copy (a shallow copy of a list shares its items)
        if way in ("deepcopy", "pickle") or (way == "copy" and not isinstance(other, list)):
            assert stored_converted(other), way
        assert other == settled and settled == other, way
        assert stored_converted(other), way
        assert structure(read_all(other)) == structure(settled), way
    assert repr(fresh(name)) == repr(settled)
    assert json.dumps(fresh(name), default=str) == json.dumps(settled, default=str)
    assert fresh(name).to_json() == settled.to_json()
    first = fresh(name)
    first = first[0] if isinstance(first, list) else first
    assert dict(first) == dict(settled[0] if isinstance(settled, list) else settled)
    assert {**first} == dict(first)
    assert list(first.values()) == [first[key] for key in first]
    assert all(type(v) is not dict for v in first.values())


@pytest.mark.parametrize("name", sorted(PAGES))
def test_equal_to_plain_dicts_of_the_same_values(name: str) -> None:
    result = fresh(name)
    item = result[0] if isinstance(result, list) else result
    plain = json.loads(json.dumps(item, default=str))  # strings where item has datetimes
    # an entity reads the plain dict as its own type first, as Mastodon.py does (issue 24.1)
    assert item == plain and plain == item and not item != plain
    plain["id"] = plain["id"] + "0"
    assert item != plain and not item == plain
    as_dicts = {key: item[key] for key in item}
    assert item == as_dicts and as_dicts == item


@pytest.mark.parametrize("name", sorted(PAGES))
def test_attribute_and_key_access_agree(name: str) -> None:
    result = fresh(name)
    for item in result if isinstance(result, list) else [result]:
        for key in list(item.keys()):
            if key.isidentifier() and not hasattr(dict, key):
                assert getattr(item, key) is item[key] is item.get(key), key
        assert isinstance(item, AttribAccessDict) and isinstance(item, dict)


@pytest.mark.parametrize("name", sorted(PAGES))
def test_parse_json_and_plain_json_decode_alike(name: str) -> None:
    typed = decode(parse_json(payload(name)), PAGES[name])
    assert structure(read_all(typed)) == structure(read_all(fresh(name)))


def test_threads_sharing_a_result_see_one_object_per_field() -> None:
    page = fresh("timeline_home_40.json")
    threads = 8
    barrier = threading.Barrier(threads, timeout=30)
    seen: List[List[Any]] = [[] for _ in range(threads)]
    errors: List[BaseException] = []

    def reader(slot: int) -> None:
        try:
            barrier.wait()
            for status in page:
                seen[slot].append((status.account, status.created_at, status.media_attachments,
                                   status.account.emojis, status.reblog))
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    workers = [threading.Thread(target=reader, args=(n,), daemon=True) for n in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=60)
    assert not errors and all(not w.is_alive() for w in workers)
    for slot in seen[1:]:
        assert len(slot) == 40
        for mine, theirs in zip(slot, seen[0]):
            assert all(a is b for a, b in zip(mine, theirs))


def test_a_bad_value_in_a_deferred_field_is_kept_and_logged_when_read(caplog: Any) -> None:
    data = json.loads(payload("status.json"))
    data["created_at"] = "not a date"
    data["account"] = "not an object"
    with caplog.at_level(logging.DEBUG, logger="mastodon"):
        status = decode(data, rt.Status)
        assert not caplog.records  # nothing is converted before it is read
        assert status.created_at == "not a date" and status.account == "not an object"
    assert any("not a date" in r.getMessage() or "does not fit" in r.getMessage()
               for r in caplog.records)
    assert status.id == data["id"] and type(status.id) is MaybeSnowflakeIdType


def test_pages_fetched_over_http_have_pagination_info(fault_server: Any) -> None:
    body = payload("timeline_home_40.json")
    items = json.loads(body)
    url = fault_server.url + "/api/v1/timelines/home"
    fault_server.default = Reply(200, body, {
        "Content-Type": "application/json; charset=utf-8",
        "Link": f'<{url}?max_id={items[-1]["id"]}>; rel="next", '
                f'<{url}?min_id={items[0]["id"]}>; rel="prev"'})
    api = Mastodon(access_token="x", api_base_url=fault_server.url)
    try:
        page = api.timeline_home(limit=40)
        assert type(page) is PaginatableList and len(page) == 40
        assert page._pagination_next["max_id"] == int(items[-1]["id"])  # ints, as Mastodon.py
        assert page._pagination_prev["min_id"] == int(items[0]["id"])
        assert all(type(s) is rt.Status for s in page)
        back = Entity.from_json(page.to_json())
        assert back == page and back._pagination_next == page._pagination_next
        following = api.fetch_next(page)
        assert len(following) == 40
        # the next page repeats the first request's parameters, with the link's cursor
        assert fault_server.requests[-1].query == [("limit", "40"), ("max_id", items[-1]["id"])]
    finally:
        api.session.close()


def test_stream_events_reach_the_listener_typed() -> None:
    body = payload("stream_user.sse")
    got: Dict[str, List[Any]] = {"update": [], "notification": [], "status_update": [],
                                 "delete": []}

    class Listener(StreamListener):
        def on_update(self, status: Any) -> None:
            got["update"].append(status)

        def on_notification(self, notification: Any) -> None:
            got["notification"].append(notification)

        def on_status_update(self, status: Any) -> None:
            got["status_update"].append(status)

        def on_delete(self, status_id: Any) -> None:
            got["delete"].append(status_id)

    response = requests.Response()
    response.raw = HTTPResponse(body=io.BytesIO(body), preload_content=False)
    consume_stream(Listener(), response)
    assert len(got["update"]) == 2 and len(got["notification"]) == 2
    assert len(got["status_update"]) == 1 and len(got["delete"]) == 1
    for status in got["update"] + got["status_update"]:
        assert type(status) is rt.Status and status.created_at.tzinfo is not None
        assert type(status.account) is rt.Account
    for notification in got["notification"]:
        assert type(notification) is rt.Notification
        assert isinstance(notification.account, rt.Account)
