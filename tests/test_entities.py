"""Tests of mastodon.return_types: the generated module and decoding every entity.

Sample payloads for all entity classes are built from their annotations;
hand-written, realistic payloads live in tests/fixtures/entities/.
"""
from __future__ import annotations

import copy
import csv
import json
import os
import pickle
import sys
import typing
from datetime import datetime
from typing import Any, Dict, List, Union

import pytest

from mastodon import return_types as rt
from mastodon.types_base import (
    AttribAccessDict, Entity, MaybeSnowflakeIdType, NonPaginatableList, PaginatableList,
    PaginationInfo, decode,
)

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SPEC = os.path.join(REPO_ROOT, "tests", "spec", "entities.tsv")
FIXTURES = os.path.join(REPO_ROOT, "tests", "fixtures", "entities")
GENERATED = os.path.join(REPO_ROOT, "mastodon", "return_types.py")


ENTITY_CLASSES = [getattr(rt, name) for name in rt.__all__]
NoneType = type(None)


def fixture(name: str) -> Any:
    with open(os.path.join(FIXTURES, name), encoding="utf-8") as handle:
        return json.load(handle)


def spec_rows() -> List[Dict[str, str]]:
    with open(SPEC, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


# --------------------------------------------------------------------------- generated module

def test_generated_module_is_up_to_date():
    sys.path.insert(0, os.path.join(REPO_ROOT, "tools"))
    try:
        import gen_return_types
    finally:
        sys.path.pop(0)
    expected = gen_return_types.render(gen_return_types.read_entities(SPEC))
    with open(GENERATED, encoding="utf-8") as handle:
        assert handle.read() == expected, "run tools/gen_return_types.py to regenerate"


def test_classes_fields_and_class_attributes_match_spec():
    rows = spec_rows()
    class_rows = [row for row in rows if row["kind"] == "class"]
    assert rt.__all__ == [row["entity"] for row in class_rows]
    for row in class_rows:
        cls = getattr(rt, row["entity"])
        assert [base.__name__ for base in cls.__bases__] == \
            [name.strip() for name in row["type"].split(",")]
        for part in row["notes"].split("; "):
            name, _, value = part.partition("=")
            assert getattr(cls, name) == eval(value), (row["entity"], name)  # noqa: S307
    for row in rows:
        if row["kind"] == "field":
            annotations = getattr(rt, row["entity"]).__annotations__
            assert annotations[row["field"]] == row["type"], (row["entity"], row["field"])
        elif row["kind"] == "access_alias":
            assert getattr(rt, row["entity"])._access_map[row["field"]] == row["type"]


def test_module_surface():
    assert len(rt.__all__) == 147
    assert set(rt.ENTITY_NAME_MAP) == set(rt.__all__) | {"AttribAccessDict", "EmptyResponse"}
    for name in ("AttribAccessDict", "MaybeSnowflakeIdType", "PaginationInfo", "PaginatableList",
                 "NonPaginatableList", "IdType", "PrimitiveIdType", "EntityList", "PathOrFile",
                 "WebpushCryptoParamsPubkey", "WebpushCryptoParamsPrivkey", "try_cast",
                 "try_cast_recurse", "real_issubclass"):
        assert hasattr(rt, name)
    for cls in ENTITY_CLASSES:
        assert issubclass(cls, AttribAccessDict) and cls.__doc__ and cls._version


def test_status_annotations_for_type_checkers():
    hints = typing.get_type_hints(rt.Status)
    assert hints["account"] is rt.Account and hints["created_at"] is datetime
    assert typing.get_type_hints(rt.Account)["acct"] is str
    assert hints["media_attachments"] == NonPaginatableList[rt.MediaAttachment]


# --------------------------------------------------------------------------- sample payloads

def _wire(cls: type, name: str) -> str:
    return cls._rename_map.get(name, name)


def sample_value(hint: Any, depth: int, field: str = "") -> Any:
    """A JSON value fitting ``hint``; None where the hint allows it and we are deep."""
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin is Union:
        members = [arg for arg in args if arg is not NoneType]
        if NoneType in args and depth > 2:
            return None
        if len(members) > 1 and set(members) <= {str, int, MaybeSnowflakeIdType, datetime}:
            return "12345"
        return sample_value(members[0], depth, field)
    if origin in (PaginatableList, NonPaginatableList, list) or hint in (PaginatableList,
                                                                         NonPaginatableList):
        item = args[0] if args else None
        if item is None:
            return [{"anything": "goes"}]
        if depth > 3 and isinstance(item, type) and issubclass(item, AttribAccessDict):
            return []
        return [sample_value(item, depth + 1, field)]
    if origin is not None and isinstance(origin, type) and issubclass(origin, dict):
        return {"de": sample_value(args[1], depth + 1, field)}
    if hint is datetime:
        return "2024-05-06T07:08:09.123Z"
    if hint is MaybeSnowflakeIdType:
        return "110000000000000001"
    if hint is str:
        return f"text of {field}"
    if hint is bool:
        return True
    if hint is int:
        return 7
    if hint is float:
        return 1.5
    if hint is AttribAccessDict:
        return {"some_key": "some value", "nested": {"n": 1}}
    if isinstance(hint, type) and issubclass(hint, AttribAccessDict):
        return sample_payload(hint, depth + 1)
    raise AssertionError(f"no sample for {hint!r}")


def sample_payload(cls: type, depth: int = 0) -> Dict[str, Any]:
    hints = typing.get_type_hints(cls)
    return {_wire(cls, name): sample_value(hint, depth, name)
            for name, hint in hints.items() if not name.startswith("_")}


def check_value(hint: Any, value: Any, where: str) -> None:
    """Assert that a decoded value has the Python type its annotation promises."""
    if value is None:
        return
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin is Union:
        members = [arg for arg in args if arg is not NoneType]
        if len(members) > 1 and set(members) <= {str, int, MaybeSnowflakeIdType, datetime}:
            assert isinstance(value, (str, int)), where
            return
        if len(members) == 1:
            check_value(members[0], value, where)
            return
        fitting = [m for m in members if isinstance(value, typing.get_origin(m) or m)]
        assert fitting, f"{where}: {type(value).__name__} fits none of {members}"
        check_value(fitting[0], value, where)
        return
    if origin in (PaginatableList, NonPaginatableList) or hint in (PaginatableList,
                                                                   NonPaginatableList):
        assert type(value) is (origin or hint), where
        for index, item in enumerate(value):
            if args:
                check_value(args[0], item, f"{where}[{index}]")
            elif isinstance(item, dict):
                assert type(item) is AttribAccessDict, where
        return
    if origin is not None and isinstance(origin, type) and issubclass(origin, dict):
        assert type(value) is origin, where
        for key, item in value.items():
            check_value(args[1], item, f"{where}[{key!r}]")
        return
    if hint is datetime:
        # naive only where the server sent a bare date (``last_status_at``), as in Mastodon.py
        assert isinstance(value, datetime), where
        assert value.tzinfo is not None or where.endswith("last_status_at"), where
        return
    if hint is MaybeSnowflakeIdType:
        assert type(value) is MaybeSnowflakeIdType, where
        return
    if hint is float:
        assert isinstance(value, (int, float)), where
        return
    if hint in (str, int, bool):
        assert type(value) is hint, where
        return
    assert type(value) is hint, f"{where}: {type(value).__name__} is not {hint.__name__}"
    check_entity(value, where)


def check_entity(obj: Any, where: str) -> None:
    cls = type(obj)
    for name, hint in typing.get_type_hints(cls).items():
        if name.startswith("_"):
            continue
        check_value(hint, getattr(obj, name), f"{where}.{name}")


def type_tree(value: Any) -> Any:
    """The Python types of a decoded value, all the way down (for round-trip checks)."""
    if isinstance(value, dict):
        return (type(value), {key: type_tree(item) for key, item in dict.items(value)})
    if isinstance(value, list):
        return (type(value), [type_tree(item) for item in value])
    if isinstance(value, datetime):
        return (datetime, value.utcoffset() is not None)
    return type(value)


@pytest.mark.parametrize("cls", ENTITY_CLASSES, ids=lambda c: c.__name__)
def test_decode_sample_of_every_entity(cls):
    payload = sample_payload(cls)
    obj = decode(json.loads(json.dumps(payload)), cls)
    assert type(obj) is cls
    # the server's keys, then the renamed fields under their own names (as in Mastodon.py)
    renamed = [name for name in cls._rename_map if name in typing.get_type_hints(cls)]
    assert list(obj) == list(payload) + renamed
    check_entity(obj, cls.__name__)

    back = Entity.from_json(obj.to_json())
    assert type(back) is cls and back == obj and type_tree(back) == type_tree(obj)
    back_compact = Entity.from_json(obj.to_json(pretty=False))
    assert back_compact == obj

    for clone in (pickle.loads(pickle.dumps(obj)), copy.deepcopy(obj), copy.copy(obj)):
        assert type(clone) is cls and clone == obj and type_tree(clone) == type_tree(obj)

    names = set(dir(obj))
    for name in typing.get_type_hints(cls):
        if not name.startswith("_"):
            assert name in names
            getattr(obj, name)  # readable as attribute, renamed ones included

    text = repr(obj)
    assert text.startswith(f"<{cls.__name__}") and text.endswith(">")
    assert len(text) < 200


@pytest.mark.parametrize("cls", ENTITY_CLASSES, ids=lambda c: c.__name__)
def test_empty_payload_reads_none_and_keeps_unknown_keys(cls):
    obj = decode({"not_in_the_spec": {"a": [1]}, "also_new": "x"}, cls)
    declared = [name for name in typing.get_type_hints(cls) if not name.startswith("_")]
    assert type(obj) is cls and list(obj) == ["not_in_the_spec", "also_new"] + declared
    assert type(obj.not_in_the_spec) is AttribAccessDict and obj.also_new == "x"
    assert obj.not_in_the_spec.a == [1] and repr(obj.not_in_the_spec) == \
        "AttribAccessDict({'a': NonPaginatableList([1])})"
    for name in typing.get_type_hints(cls):
        if name.startswith("_") or name in cls._access_map:
            continue
        if name == "update":  # shadows the dict method when absent
            assert obj["update"] is None
            continue
        assert getattr(obj, name) is None and obj[name] is None, name
    assert Entity.from_json(obj.to_json()) == obj


@pytest.mark.parametrize("cls", ENTITY_CLASSES, ids=lambda c: c.__name__)
def test_list_of_every_entity_round_trips(cls):
    page = decode([sample_payload(cls, depth=2)], PaginatableList[cls])
    assert type(page) is PaginatableList and type(page[0]) is cls
    page._pagination_next = PaginationInfo(_pagination_method="GET", _pagination_endpoint="/x",
                                           _mastopy_type=f"PaginatableList[{cls.__name__}]",
                                           max_id="1")
    back = Entity.from_json(page.to_json())
    assert type(back) is PaginatableList and type(back[0]) is cls and back == page
    assert type(back._pagination_next) is PaginationInfo
    assert back._pagination_next == page._pagination_next


def test_union_fields_pick_the_right_member():
    for union_member in (rt.Quote, rt.ShallowQuote):
        status = decode({"quote": sample_payload(union_member, depth=3)}, rt.Status)
        assert type(status.quote) is union_member
    for member in (rt.Filter, rt.FilterV2):
        result = decode({"filter": sample_payload(member, depth=3)}, rt.FilterResult)
        assert type(result.filter) is member
    for member in (rt.MediaAttachmentImageMetadata, rt.MediaAttachmentVideoMetadata,
                   rt.MediaAttachmentAudioMetadata):
        meta = decode({"original": sample_payload(member)}, rt.MediaAttachmentMetadataContainer)
        assert type(meta.original) is member
    for member in (rt.AnnualReportDataV2, rt.AnnualReportDataV1):
        report = decode({"data": sample_payload(member, depth=2)}, rt.AnnualReport)
        assert type(report.data) is member
    other = decode({"data": {"something": "else"}}, rt.AnnualReport)
    assert type(other.data) is AttribAccessDict


def test_union_return_types_of_methods():
    scheduled = {"id": "3", "scheduled_at": "2030-01-01T00:00:00.000Z",
                 "params": {"text": "later", "visibility": "public"}, "media_attachments": []}
    status = fixture("status.json")
    assert type(decode(scheduled, Union[rt.Status, rt.ScheduledStatus])) is rt.ScheduledStatus
    assert type(decode(status, Union[rt.Status, rt.ScheduledStatus])) is rt.Status
    v1 = decode({"accounts": [], "statuses": [], "hashtags": ["birds"]},
                Union[rt.Search, rt.SearchV2])
    v2 = decode({"accounts": [], "statuses": [], "hashtags": [{"name": "birds", "url": "u"}]},
                Union[rt.Search, rt.SearchV2])
    assert type(v1) is rt.Search and type(v2) is rt.SearchV2 and type(v2.hashtags[0]) is rt.Tag
    assert type(decode(fixture("instance_v2.json"), Union[rt.InstanceV2, rt.Instance])) \
        is rt.InstanceV2
    assert type(decode(fixture("instance_v1.json"), Union[rt.InstanceV2, rt.Instance])) \
        is rt.Instance
    notification = fixture("notification_mention.json")
    single = decode(notification, Union[PaginatableList[rt.Notification], rt.Notification])
    assert type(single) is rt.Notification
    many = decode([notification], Union[PaginatableList[rt.Notification], rt.Notification])
    assert type(many) is PaginatableList and type(many[0]) is rt.Notification
    mixed = Union[PaginatableList[rt.Status], PaginatableList[rt.Notification]]
    assert type(decode([notification], mixed)[0]) is rt.Notification
    assert type(decode([status], mixed)[0]) is rt.Status
    suggestion = {"source": "staff", "sources": ["featured"], "account": status["account"]}
    suggestions = Union[NonPaginatableList[rt.Suggestion], NonPaginatableList[rt.Account]]
    assert type(decode([suggestion], suggestions)[0]) is rt.Suggestion
    assert type(decode([status["account"]], suggestions)[0]) is rt.Account
    oauth = Union[rt.OAuthServerInfo, AttribAccessDict]
    assert type(decode({"issuer": "https://x", "token_endpoint": "https://x/t"}, oauth)) \
        is rt.OAuthServerInfo
    assert type(decode({"error": "nope"}, oauth)) is AttribAccessDict
    markers = decode({"home": {"last_read_id": "5", "version": 1,
                               "updated_at": "2025-01-01T00:00:00Z"}}, Dict[str, rt.Marker])
    assert type(markers.home) is rt.Marker and markers.home.updated_at.tzinfo is not None


# --------------------------------------------------------------------------- realistic payloads

def test_realistic_status():
    status = decode(fixture("status.json"), rt.Status)
    check_entity(status, "status")
    assert status.account.acct == "alice" and type(status.account) is rt.Account
    assert status.created_at == datetime.fromisoformat("2025-02-14T09:31:12.487+00:00")
    assert type(status.id) is MaybeSnowflakeIdType
    assert status.id.to_datetime().year == 2025
    assert status.in_reply_to_id is None and status.reblog is None
    assert type(status.media_attachments[0].meta.original) is rt.MediaAttachmentImageMetadata
    assert type(status.media_attachments[0].meta.focus) is rt.MediaAttachmentFocusPoint
    assert type(status.mentions[0]) is rt.StatusMention
    assert status.mentions[0].acct == "bob@other.example"
    assert type(status.card.authors[0]) is rt.PreviewCardAuthor
    assert status.card.published_at.year == 2024
    assert type(status.poll.options[1]) is rt.PollOption and status.poll.own_votes == [1]
    assert type(status.filtered[0].filter) is rt.FilterV2
    assert status.account.last_status_at == datetime(2025, 2, 14)  # a bare date: naive
    assert status.account.last_status_at.tzinfo is None
    assert type(status.quote_approval) is rt.QuoteApproval
    assert status.application.name == "Web"
    text = repr(status)
    assert text.startswith("<Status id=113994485271539384 @alice: 'Spotted a grey heron")
    assert len(text) < 110
    back = Entity.from_json(status.to_json())
    assert back == status and type_tree(back) == type_tree(status)


def test_realistic_boost_with_quote_and_video():
    status = decode(fixture("status_reblog.json"), rt.Status)
    check_entity(status, "boost")
    inner = status.reblog
    assert type(inner) is rt.Status and inner.account.bot is True
    assert type(inner.media_attachments[0].meta.original) is rt.MediaAttachmentVideoMetadata
    assert inner.media_attachments[0].meta.fps == 30  # undeclared keys are kept
    assert type(inner.quote) is rt.Quote and type(inner.quote.quoted_status) is rt.Status
    assert type(inner.quote.quoted_status.quote) is rt.ShallowQuote
    assert inner.quote.quoted_status.quote.quoted_status_id == "113990000000000000"
    assert "boosted @carol@third.example" in repr(status)
    assert "[CW 'bird facts']" in repr(status)


def test_realistic_account_and_notifications():
    account = decode(fixture("account.json"), rt.Account)
    check_entity(account, "account")
    assert type(account.source) is rt.CredentialAccountSource
    assert type(account.source.fields[0]) is rt.AccountField
    assert account.fields[0].verified_at == "2023-01-05T12:00:00.000+00:00"  # declared a str
    assert type(account.role) is rt.Role and type(account.feature_approval) is rt.FeatureApproval
    assert repr(account) == "<Account id=109302365427368790 @alice 'Alice Example :blobcat:'>"

    notification = decode(fixture("notification_mention.json"), rt.Notification)
    check_entity(notification, "notification")
    assert type(notification.status) is rt.Status and notification.type == "mention"
    assert repr(notification) == ("<Notification id=34975861 mention by @bob@other.example "
                                  "status=113994488000000000>")

    grouped = decode(fixture("grouped_notifications.json"), rt.GroupedNotificationsResults)
    check_entity(grouped, "grouped")
    groups = grouped.notification_groups
    assert type(groups[0]) is rt.NotificationGroup and groups[0].notifications_count == 3
    assert type(grouped.partial_accounts[0]) is rt.PartialAccountWithAvatar
    assert type(groups[1].event) is rt.RelationshipSeveranceEvent
    assert groups[1].report is None and groups[1].page_min_id is None


def test_realistic_instances():
    v1 = decode(fixture("instance_v1.json"), rt.Instance)
    check_entity(v1, "instance")
    assert v1.urls.streaming_api == "wss://social.example"
    assert type(v1.configuration.polls) is rt.InstancePollConfiguration
    assert type(v1.contact_account) is rt.Account and type(v1.rules[0]) is rt.Rule

    v2 = decode(fixture("instance_v2.json"), rt.InstanceV2)
    check_entity(v2, "instance_v2")
    assert v2.thumbnail.versions.at2x.endswith("@2x/thumb.png")
    assert v2.thumbnail.versions["@1x"].endswith("@1x/thumb.png")
    assert type(v2.rules[0].translations.de) is rt.RuleTranslation
    assert v2.configuration.timelines_access.live_feeds.remote == "authenticated"
    assert type(v2.api_versions) is AttribAccessDict and v2.api_versions.mastodon == 6

    # v2 data read through the v1 class: the access map falls back to v2 names
    as_v1 = decode(fixture("instance_v2.json"), rt.Instance)
    assert as_v1.uri == "social.example"
    assert as_v1.email == "admin@social.example"
    assert as_v1.contact_account.acct == "admin"
    assert as_v1.short_description == "A small server for bird people."
    assert as_v1.urls.streaming == "wss://social.example"
    urls = decode({"streaming": "wss://s.example"}, rt.InstanceURLs)
    assert urls.streaming_api == "wss://s.example"


def test_preferences_with_colon_keys():
    prefs = decode(fixture("preferences.json"), rt.Preferences)
    assert prefs.posting_default_visibility == "unlisted"
    assert prefs["posting_default_visibility"] == "unlisted"
    assert prefs["posting:default:visibility"] == "unlisted"
    assert prefs.posting_default_language is None
    # the server's keys are kept, and the fields are keys under their own names too
    assert list(prefs)[:7] == list(fixture("preferences.json"))
    assert prefs.get("reading_expand_media") == "default" and "reading_expand_media" in prefs
    assert len(prefs) == 14
    assert Entity.from_json(prefs.to_json()) == prefs


def test_collection_items_renamed_from_items():
    collection = decode({"id": "1", "items": [{"id": "2", "state": "accepted",
                                               "created_at": "2025-01-01T00:00:00Z"}]},
                        rt.Collection)
    assert type(collection.collection_items[0]) is rt.CollectionItem
    assert collection["collection_items"] == collection["items"]
    assert collection.get("collection_items") == collection["items"]
    assert callable(collection.items)


def test_bad_values_stay_raw():
    status = decode({"id": "1", "account": "oops", "created_at": "not a date",
                     "media_attachments": {"x": 1}, "poll": [1, 2]}, rt.Status)
    assert status.account == "oops" and status.created_at == "not a date"
    assert type(status.media_attachments) is AttribAccessDict and status.poll == [1, 2]
    assert Entity.from_json(status.to_json()) == status


def test_tag_history_days_from_unix_seconds():
    tag = decode({"name": "birds", "history": [{"day": "1739491200", "uses": "4",
                                                "accounts": "3"}]}, rt.Tag)
    assert tag.history[0].day == datetime.fromisoformat("2025-02-14T00:00:00+00:00")
    assert tag.history[0].uses == "4"


def test_entity_equals_the_dict_it_was_decoded_from():
    raw = fixture("status.json")
    status = decode(copy.deepcopy(raw), rt.Status)
    assert status == raw and raw == status and not status != raw
    assert status.account == raw["account"] and status.media_attachments == \
        raw["media_attachments"]
    assert [status] == [raw] and decode([copy.deepcopy(raw)], rt.PaginatableList[rt.Status]) \
        == [raw]
    assert status == dict(reversed(list(raw.items())))
    assert status == decode(copy.deepcopy(raw), rt.Status)
    changed = copy.deepcopy(raw)
    changed["account"]["display_name"] += "!"
    assert status != changed and not status == changed
    assert status != decode(copy.deepcopy(raw["account"]), rt.Account)
    assert raw == fixture("status.json")  # comparing left the dict as it was


def test_media_meta_without_sizes_has_every_field():
    media = decode({"id": "1", "type": "unknown", "meta": {}}, rt.MediaAttachment)
    assert dict(media.meta) == {"original": None, "small": None, "colors": None, "focus": None}
    assert media.meta.original is None and media.meta.focus is None


def test_counts_sent_as_text_are_ints():
    account = decode({"id": "1", "followers_count": "12", "statuses_count": 3.0}, rt.Account)
    assert account.followers_count == 12 and type(account.followers_count) is int
    assert type(account.statuses_count) is int
    dimension = decode({"key": "languages", "data": [{"key": "en", "value": "3"}]},
                       rt.AdminDimension)
    assert dimension.data[0].value == 3
    measure = decode({"key": "active_users", "data": [{"date": "2024-01-01T00:00:00Z",
                                                      "value": "4"}]}, rt.AdminMeasure)
    assert measure.data[0].value == 4


def test_bare_date_is_naive_so_it_subtracts_from_now():
    account = decode({"id": "1", "last_status_at": "2024-01-02",
                      "created_at": "2024-01-01T00:00:00.000Z"}, rt.Account)
    assert account.last_status_at == datetime(2024, 1, 2)
    assert (datetime.now() - account.last_status_at).days > 0
    assert account.created_at.tzinfo is not None
