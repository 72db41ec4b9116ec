"""Tests of mastodon.types_base: AttribAccessDict, the list types, ids, dates, decode()."""
from __future__ import annotations

import copy
import json
import logging
import pickle
from collections import OrderedDict
from datetime import datetime, timedelta, timezone
from typing import Dict, List, Optional, Union

import pytest

from mastodon.errors import MastodonIllegalArgumentError
from mastodon.types_base import (
    BASE62_ALPHABET, AttribAccessDict, EmptyResponse, Entity, IdType, MaybeSnowflakeIdType,
    NonPaginatableList, PaginatableList, PaginationInfo, _fields_of, _str_to_type, _type_name,
    base62_to_int, converter_for, decode, get_type_class, int_to_base62, parse_datetime, parse_json,
    real_issubclass, resolve_type, stringify_type, try_cast, try_cast_recurse,
)

UTC = timezone.utc


# --------------------------------------------------------------------------- test classes

class Point(AttribAccessDict):
    x: int
    y: Optional[int]
    label: str
    seen_at: Optional["datetime"]


class Shape(AttribAccessDict):
    _rename_map = {"at2x": "@2x", "members": "items"}
    _access_map = {"name": "title", "owner_mail": "owner.mail"}

    id: MaybeSnowflakeIdType
    title: str
    name: str
    owner_mail: Optional[str]
    at2x: Optional[str]
    members: NonPaginatableList[Point]
    centre: Optional[Point]
    corners: Optional[NonPaginatableList[Point]]
    created_at: datetime
    ref: IdType
    by_lang: AttribAccessDict[str, Point]
    flags: Dict[str, bool]


class Circle(AttribAccessDict):
    radius: float
    centre: Point


class Square(AttribAccessDict):
    side: float
    centre: Point


class Holder(AttribAccessDict):
    figure: Union[Circle, Square]
    maybe: Optional[Union[Circle, Square]]
    things: Union[PaginatableList[Circle], PaginatableList[Square]]
    one_or_many: Union[Circle, PaginatableList[Circle]]


class Updatable(AttribAccessDict):
    update: Optional[bool]


# --------------------------------------------------------------------------- AttribAccessDict

def test_attribute_and_key_access():
    obj = AttribAccessDict(a=1, b="x")
    assert obj.a == 1 and obj["b"] == "x"
    obj.a = 2
    assert obj["a"] == 2
    obj["c"] = 3
    assert obj.c == 3
    assert isinstance(obj, OrderedDict) and isinstance(obj, dict) and isinstance(obj, Entity)


def test_unknown_attribute_read_and_write():
    obj = AttribAccessDict(a=1)
    with pytest.raises(AttributeError):
        obj.nope  # noqa: B018
    with pytest.raises(AttributeError):
        obj.nope = 1
    assert "nope" not in obj
    with pytest.raises(KeyError):
        obj["nope"]  # noqa: B018
    typed = Point(x=1)
    with pytest.raises(AttributeError):
        typed.not_a_field = 2
    typed.y = 5  # a declared field may be set even when absent
    assert typed["y"] == 5


def test_private_attributes_and_pagination_slots():
    obj = AttribAccessDict(a=1)
    assert obj._pagination_next is None and obj._pagination_prev is None
    info = PaginationInfo(_pagination_method="GET", _pagination_endpoint="/api/v1/x", max_id="5")
    obj._pagination_next = info
    assert obj._pagination_next is info
    assert "_pagination_next" not in obj and list(obj) == ["a"]
    with pytest.raises(KeyError):
        obj["_pagination_next"]  # noqa: B018
    with pytest.raises(AttributeError):
        obj._something_else  # noqa: B018
    obj._something_else = 3  # private names go to the instance, not the dict
    assert obj._something_else == 3 and "_something_else" not in obj


def test_declared_fields_missing_read_as_none():
    point = decode({"x": 1}, Point)
    assert point.y is None and point["y"] is None and point.label is None
    # every declared field is a key (issue 18): None where the server sent nothing
    assert "y" in point and len(point) == 4 and list(point) == ["x", "y", "label", "seen_at"]
    assert point.get("y") is None and json.loads(json.dumps(point))["label"] is None
    with pytest.raises(KeyError):
        point["undeclared"]  # noqa: B018


def test_rename_and_access_maps():
    shape = decode({"@2x": "big.png", "items": [{"x": 1}], "title": "T",
                    "owner": {"mail": "a@b"}}, Shape)
    assert shape.at2x == "big.png" and shape["at2x"] == "big.png"
    assert isinstance(shape.members[0], Point) and shape["members"][0].x == 1
    assert callable(shape.items)  # the dict method is not shadowed
    assert shape.name == "T"  # access-map fallback
    assert shape.owner_mail == "a@b"  # dotted fallback path
    shape["name"] = None
    assert shape.name == "T"  # a null value also falls back
    shape["name"] = "own"
    assert shape.name == "own"
    shape.at2x = "other.png"
    assert shape["at2x"] == "other.png" and shape["@2x"] == "big.png"  # as in Mastodon.py
    empty = decode({}, Shape)
    assert empty.name is None and empty.owner_mail is None and empty.members is None


def test_field_named_like_a_dict_method():
    obj = decode({"update": True}, Updatable)
    assert obj.update is True
    other = decode({}, Updatable)
    other.update({"k": 1})  # still the dict method when the key holds None
    assert other == {"update": None, "k": 1}
    obj.update = False
    assert obj["update"] is False


def test_dir_lists_fields_and_keys():
    point = decode({"x": 1, "extra_key": 2, "not an identifier": 3}, Point)
    names = dir(point)
    for name in ("x", "y", "label", "seen_at", "extra_key", "keys", "to_json"):
        assert name in names
    assert "not an identifier" not in names


def test_ordered_dict_behaviour():
    obj = AttribAccessDict(a=1, b=2, c=3)
    assert list(obj) == ["a", "b", "c"] and list(reversed(obj)) == ["c", "b", "a"]
    assert list(obj.keys()) == ["a", "b", "c"] and list(obj.values()) == [1, 2, 3]
    assert list(obj.items()) == [("a", 1), ("b", 2), ("c", 3)]
    obj.move_to_end("a")
    assert list(obj) == ["b", "c", "a"]
    obj.move_to_end("a", last=False)
    assert list(obj) == ["a", "b", "c"]
    assert obj.popitem() == ("c", 3)
    assert obj.popitem(last=False) == ("a", 1)
    assert list(obj) == ["b"]
    obj["d"] = 4
    del obj["b"]
    assert obj.pop("d") == 4 and len(obj) == 0
    with pytest.raises(KeyError):
        obj.popitem()
    assert obj.setdefault("e", 5) == 5 and obj.e == 5
    obj.update({"f": 6}, g=7)
    assert list(obj) == ["e", "f", "g"]
    obj.clear()
    assert obj == {}


def test_typed_entity_reads_a_dict_as_its_own_type_before_comparing():
    point = decode({"x": "7", "seen_at": "2024-01-02T03:04:05Z"}, Point)
    source = {"x": "7", "seen_at": "2024-01-02T03:04:05Z"}
    assert point == source and source == point and not point != source
    assert point == {"seen_at": datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC), "x": 7,
                     "label": None}  # any order, absent fields are None, values typed
    assert point == decode(dict(source), Point) and point == AttribAccessDict(**source)
    assert point != {**source, "x": "8"} and point != {**source, "extra": 1}
    assert point != {**source, "seen_at": "2024-01-03"} and point != {}
    assert point == OrderedDict(reversed(list(source.items())))
    assert source == {"x": "7", "seen_at": "2024-01-02T03:04:05Z"}  # the other side is untouched
    shape = decode({"id": 5, "items": [{"x": "1"}], "centre": {"x": 2}}, Shape)
    assert shape == {"id": "5", "items": [{"x": 1}], "centre": {"x": 2, "label": None}}
    assert shape.members == [{"x": "1"}] and [shape] == [{"id": 5, "items": [{"x": 1}],
                                                           "centre": {"x": 2}}]
    assert shape != {"id": "5", "items": [{"x": 1, "label": "other"}], "centre": {"x": 2}}
    assert (point == 5) is False and (point == [source]) is False
    assert decode({"x": 1}, Point) != decode({"x": 1}, Circle)


def test_equality_is_order_sensitive_only_between_ordered_dicts():
    one = AttribAccessDict(a=1, b=2)
    two = AttribAccessDict(b=2, a=1)
    assert one != two and not one == two
    assert one == {"b": 2, "a": 1}  # against a plain dict, order does not matter
    assert one == OrderedDict(a=1, b=2) and one != OrderedDict(b=2, a=1)
    assert one == AttribAccessDict(a=1, b=2)
    assert (one == 5) is False
    with pytest.raises(TypeError):
        hash(one)


def test_copy_union_and_plain_conversions():
    obj = decode({"x": 1, "label": "p"}, Point)
    obj._pagination_next = PaginationInfo(max_id="1")
    dup = obj.copy()
    assert type(dup) is Point and dup == obj and dup is not obj
    assert dup._pagination_next == obj._pagination_next
    merged = obj | {"y": 2}
    assert type(merged) is Point and merged.y == 2 and obj.y is None
    rmerged = {"z": 0} | obj
    assert type(rmerged) is Point and list(rmerged) == ["z", "x", "label", "y", "seen_at"]
    obj |= {"y": 3}
    assert obj.y == 3
    assert dict(obj) == {"x": 1, "label": "p", "y": 3, "seen_at": None}
    assert {**obj} == dict(obj)
    assert json.loads(json.dumps(obj)) == dict(obj)
    assert Point.fromkeys(["x"], 0) == {"x": 0, "y": None, "label": None, "seen_at": None}


def test_pickle_and_copy_keep_type_and_attributes():
    shape = decode({"id": "123", "items": [{"x": 1}], "created_at": "2024-01-02T03:04:05Z"},
                   Shape)
    shape._pagination_prev = PaginationInfo(min_id="9")
    for clone in (pickle.loads(pickle.dumps(shape)), copy.copy(shape), copy.deepcopy(shape)):
        assert type(clone) is Shape and clone == shape
        assert type(clone.id) is MaybeSnowflakeIdType
        assert type(clone.members) is NonPaginatableList and type(clone.members[0]) is Point
        assert clone._pagination_prev == {"min_id": "9"}
    deep = copy.deepcopy(shape)
    assert deep.members is not shape.members
    assert copy.copy(shape).members is shape.members


def test_plain_repr_for_untyped_and_short_repr_for_typed():
    obj = AttribAccessDict(a=1)
    assert repr(obj) == "AttribAccessDict({'a': 1})"
    assert repr(EmptyResponse()) == "EmptyResponse({})"
    point = decode({"x": 3, "label": "<b>A</b> &amp; " + "b" * 60}, Point)
    text = repr(point)
    assert text.startswith("<Point ") and text.endswith(">") and len(text) < 100
    assert "A & bbb" in text


class FakePrinter:
    """Enough of IPython's RepresentationPrinter for _repr_pretty_."""

    def __init__(self) -> None:
        self.out: List[str] = []
        self.stack: List[int] = []

    def text(self, text: str) -> None:
        self.out.append(text)

    def pretty(self, obj: object) -> None:
        self.stack.append(id(obj))
        try:
            if hasattr(type(obj), "_repr_pretty_"):
                obj._repr_pretty_(self, False)  # type: ignore[attr-defined]
            elif isinstance(obj, dict):
                self.out.append("{")
                for key, value in obj.items():
                    self.out.append(f"{key!r}: ")
                    self.pretty(value)
                    self.out.append(", ")
                self.out.append("}")
            elif isinstance(obj, list):
                self.out.append("[")
                for value in obj:
                    self.pretty(value)
                    self.out.append(", ")
                self.out.append("]")
            else:
                self.out.append(repr(obj))
        finally:
            self.stack.pop()

    def group(self, indent: int, open_text: str, close_text: str):
        printer = self

        class _Group:
            def __enter__(self):
                printer.out.append(open_text)

            def __exit__(self, *exc):
                printer.out.append(close_text)
        return _Group()


def test_repr_pretty_for_ipython():
    circle = decode({"radius": 2.0, "centre": {"x": 1, "y": 2}}, Circle)
    printer = FakePrinter()
    printer.pretty(circle)
    text = "".join(printer.out)
    assert text.startswith("Circle(") and "'radius': 2.0" in text and "<Point x=1" in text
    cyclic = FakePrinter()
    circle._repr_pretty_(cyclic, True)
    assert "".join(cyclic.out) == "Circle(...)"
    page = PaginatableList([circle])
    listed = FakePrinter()
    listed.pretty(page)
    assert "".join(listed.out).startswith("PaginatableList([<Circle")


# --------------------------------------------------------------------------- lists and pagination

def test_list_types():
    page = PaginatableList([1, 2], next=PaginationInfo(max_id="2"))
    assert page == [1, 2] and page._pagination_next == {"max_id": "2"}
    assert page._pagination_prev is None
    assert isinstance(page, list) and isinstance(page, Entity)
    assert repr(NonPaginatableList([1])) == "NonPaginatableList([1])"
    clone = pickle.loads(pickle.dumps(page))
    assert type(clone) is PaginatableList and clone._pagination_next == {"max_id": "2"}
    assert copy.deepcopy(page)._pagination_next == {"max_id": "2"}


def test_pagination_info_attribute_access():
    info = PaginationInfo(_pagination_method="GET", max_id="5")
    assert info.max_id == "5" and info._pagination_method == "GET"
    with pytest.raises(AttributeError):
        info.min_id  # noqa: B018


# --------------------------------------------------------------------------- ids and base62

def test_snowflake_to_datetime():
    when = datetime(2024, 3, 1, 12, 0, 0, tzinfo=UTC)
    millis = int(when.timestamp() * 1000)
    snowflake = MaybeSnowflakeIdType(str(millis << 16 | 1234))
    # naive local time, as in Mastodon.py: datetime.now() - id.to_datetime() works
    assert snowflake.to_datetime() == when.astimezone().replace(tzinfo=None)
    assert snowflake.to_datetime().tzinfo is None
    assert isinstance(datetime.now() - snowflake.to_datetime(), timedelta)
    assert MaybeSnowflakeIdType("1").to_datetime() == datetime.fromtimestamp(0)
    assert MaybeSnowflakeIdType("abc").to_datetime() is None
    assert MaybeSnowflakeIdType(12345) == "12345"
    assert isinstance(snowflake, str) and snowflake == str(millis << 16 | 1234)


def test_pleroma_flake_ids():
    when = datetime(2023, 6, 1, 0, 0, 0, tzinfo=UTC)
    flake = int(when.timestamp() * 1000) << 16 | 77
    text = int_to_base62(flake)
    pleroma = MaybeSnowflakeIdType(text, assume_pleroma=True)
    assert pleroma.to_datetime() == when.astimezone().replace(tzinfo=None)
    assert MaybeSnowflakeIdType(text).to_datetime() is None
    assert MaybeSnowflakeIdType("not-base62!", assume_pleroma=True).to_datetime() is None
    clone = pickle.loads(pickle.dumps(pleroma))
    assert clone == pleroma and clone.to_datetime() == pleroma.to_datetime()


def test_ids_order_as_numbers():
    small, large = MaybeSnowflakeIdType("999"), MaybeSnowflakeIdType("1000")
    assert small < large and large > small and small <= large and large >= small
    assert not small > large and small < "1000" and "1000" > small  # a plain digit string too
    ids = [MaybeSnowflakeIdType(text) for text in ("10", "9", "100", "-5")]
    assert sorted(ids) == ["-5", "9", "10", "100"] and max(ids) == "100" and min(ids) == "-5"
    assert sorted(["10", MaybeSnowflakeIdType("9")]) == ["9", "10"]


def test_ids_compare_with_ints():
    last_id = 5  # bots keep the newest id seen as an int
    ident = MaybeSnowflakeIdType("110000000000000001")
    assert ident > last_id and not ident < last_id and 5 < ident and ident >= 110000000000000001
    assert MaybeSnowflakeIdType("5") <= 5 and MaybeSnowflakeIdType("5") >= 5
    assert MaybeSnowflakeIdType(7) > 6
    # equality and hashing stay those of the string
    assert MaybeSnowflakeIdType("5") != 5 and MaybeSnowflakeIdType("5") == "5"
    assert hash(MaybeSnowflakeIdType("5")) == hash("5") and {MaybeSnowflakeIdType("5"): 1}["5"]


def test_ids_that_are_not_numbers_order_as_text():
    flakes = [MaybeSnowflakeIdType(text) for text in ("AbC", "Ab", "9z", "B")]
    assert sorted(flakes) == sorted(["AbC", "Ab", "9z", "B"])
    assert MaybeSnowflakeIdType("b") > MaybeSnowflakeIdType("abc") and "b" > MaybeSnowflakeIdType("a")
    for odd in ("abc", " 5", "+5", "5.5", "1e3", "\u0663", ""):
        with pytest.raises(TypeError):
            MaybeSnowflakeIdType(odd) < 6  # noqa: B015
    for other in (5.5, True, None, [], {}):
        with pytest.raises(TypeError):
            MaybeSnowflakeIdType("5") < other  # noqa: B015


def test_id_repr_is_its_text():
    assert repr(MaybeSnowflakeIdType("109")) == "109" and str(MaybeSnowflakeIdType(5)) == "5"
    assert repr([MaybeSnowflakeIdType("7")]) == "[7]" and f"{MaybeSnowflakeIdType('7')}" == "7"
    assert type(str(MaybeSnowflakeIdType("7"))) is str


def test_id_pickle_and_memory_layout():
    ident = MaybeSnowflakeIdType("110000000000000001")
    assert pickle.loads(pickle.dumps(ident)) == ident
    assert type(copy.copy(ident)) is MaybeSnowflakeIdType
    assert not hasattr(ident, "__dict__")  # as small as a plain str subclass can be


def test_base62_helpers():
    assert BASE62_ALPHABET[:3] == "012" and len(BASE62_ALPHABET) == 62
    for number in (0, 1, 61, 62, 3843, 2 ** 64 + 12345):
        assert base62_to_int(int_to_base62(number)) == number
    assert int_to_base62(61) == "z" and int_to_base62(62) == "10"
    with pytest.raises(MastodonIllegalArgumentError):
        base62_to_int("no-dash")
    with pytest.raises(MastodonIllegalArgumentError):
        int_to_base62(-1)


# --------------------------------------------------------------------------- dates

@pytest.mark.parametrize("text, expected", [
    ("2024-01-02T03:04:05Z", datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC)),
    ("2024-01-02T03:04:05+00:00", datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC)),
    ("2024-01-02T03:04:05.123Z", datetime(2024, 1, 2, 3, 4, 5, 123000, tzinfo=UTC)),
    ("2024-01-02T03:04:05.123456+00:00", datetime(2024, 1, 2, 3, 4, 5, 123456, tzinfo=UTC)),
    ("2024-01-02", datetime(2024, 1, 2, tzinfo=UTC)),
    ("2024-01-02T03:04:05", datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC)),
    ("2024-01-02T05:04:05+02:00", datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC)),
    ("1574553600", datetime(2019, 11, 24, tzinfo=UTC)),
])
def test_parse_datetime(text, expected):
    parsed = parse_datetime(text)
    assert parsed == expected and parsed.tzinfo is not None


def test_parse_datetime_keeps_offset_and_rejects_junk():
    parsed = parse_datetime("2024-01-02T05:04:05+02:00")
    assert parsed.utcoffset() == timedelta(hours=2)
    with pytest.raises(ValueError):
        parse_datetime("yesterday")


def test_datetime_fields_decode_aware_when_the_server_names_a_zone():
    for raw in ("2024-01-02T03:04:05.000Z", "2024-01-02T05:04:05+02:00", 1704164645,
                "1704164645"):
        point = decode({"seen_at": raw}, Point)
        assert isinstance(point.seen_at, datetime) and point.seen_at.tzinfo is not None


class Counted(AttribAccessDict):
    count: int
    maybe_count: Optional[int]
    share: float
    flag: Optional[bool]
    name: str


def test_numbers_and_booleans_sent_as_text_take_their_declared_type():
    obj = decode({"count": "12", "maybe_count": 3.0, "share": "0.5", "flag": "true",
                  "name": "12"}, Counted)
    assert obj.count == 12 and type(obj.count) is int and type(obj["maybe_count"]) is int
    assert obj.share == 0.5 and obj.flag is True and obj.name == "12"
    assert decode({"share": 1, "flag": 0}, Counted).items() >= {("share", 1.0), ("flag", False)}
    assert type(decode({"share": 1}, Counted).share) is float
    assert decode({"flag": "FALSE"}, Counted).flag is False
    assert obj == {"count": 12, "maybe_count": 3, "share": 0.5, "flag": True, "name": "12"}
    assert dict(decode({"count": "7"}, Counted).items())["count"] == 7  # settled too


def test_values_that_are_no_number_or_boolean_are_kept():
    obj = decode({"count": "many", "maybe_count": 2.5, "share": "half", "flag": "yes",
                  "name": 5}, Counted)
    assert (obj.count, obj.maybe_count, obj.share, obj.flag, obj.name) == \
        ("many", 2.5, "half", "yes", 5)
    nested = decode({"count": {"a": 1}, "maybe_count": [1]}, Counted)
    assert nested.count == {"a": 1} and nested.maybe_count == [1]


class Fresh(AttribAccessDict):
    """Used by one test only: its first object decoded is an empty one."""
    a: Optional[int]
    b: Optional[str]


class Holding(AttribAccessDict):
    inner: Fresh


def test_first_object_of_a_class_without_any_field_still_gets_them_all():
    # (media meta sent as {} lacked original, small, colors and focus: issue 24.3)
    assert dict(decode({"inner": {}}, Holding).inner) == {"a": None, "b": None}
    assert list(decode({}, Fresh)) == ["a", "b"]


def test_datetime_fields_without_a_zone_decode_naive():
    # as in Mastodon.py: a bare date (last_status_at) is a calendar date, not an instant,
    # so datetime.now() - account.last_status_at works
    for raw, expected in (("2024-01-02", datetime(2024, 1, 2)),
                          ("2024-01-02T03:04:05", datetime(2024, 1, 2, 3, 4, 5))):
        point = decode({"seen_at": raw}, Point)
        assert point.seen_at == expected and point.seen_at.tzinfo is None
        assert isinstance(datetime.now() - point.seen_at, timedelta)
    given = datetime(2024, 1, 2, 3)
    assert decode({"seen_at": given}, Point).seen_at is given


# --------------------------------------------------------------------------- decode

def test_decode_untyped():
    data = {"a": {"b": [{"c": 1}], "created_at": "2024-01-02T03:04:05Z", "name_at": "x"},
            "n": None}
    obj = decode(data)
    assert type(obj) is AttribAccessDict and type(obj.a) is AttribAccessDict
    assert type(obj.a.b) is NonPaginatableList and obj.a.b[0].c == 1
    assert obj.a.created_at == datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC)
    assert obj.a.name_at == "x" and obj.n is None
    assert decode([1, {"a": 2}])[1].a == 2 and decode(5) == 5
    assert decode({}, AttribAccessDict) == {}


def test_decode_typed_fields():
    shape = decode({
        "id": 123, "title": "T", "items": [{"x": 1}, None], "centre": {"x": 0, "extra": [1]},
        "corners": [], "created_at": "2024-01-02T03:04:05Z", "ref": "77",
        "by_lang": {"de": {"x": 4}}, "flags": {"a": True}, "unknown": {"k": "v"},
    }, Shape)
    assert type(shape.id) is MaybeSnowflakeIdType and shape.id == "123"
    assert type(shape.members) is NonPaginatableList and shape.members[1] is None
    assert type(shape.centre) is Point and shape.centre.extra == [1]
    assert type(shape.corners) is NonPaginatableList and shape.corners == []
    assert shape.created_at.tzinfo is not None
    assert shape.ref == "77" and type(shape.ref) is str  # IdType stays as sent
    assert type(shape.by_lang) is AttribAccessDict and type(shape.by_lang.de) is Point
    assert type(shape.flags) is AttribAccessDict and shape.flags.a is True
    assert isinstance(shape.unknown, AttribAccessDict) and shape.unknown.k == "v"
    # the server's keys in its order, then the absent declared fields (None) in the class's;
    # a renamed field has its value under its own name too (``members`` from ``items``)
    assert list(shape) == ["id", "title", "items", "centre", "corners", "created_at", "ref",
                           "by_lang", "flags", "unknown", "name", "owner_mail", "at2x",
                           "members"]
    assert shape["members"] == shape["items"] and shape.at2x is None and "@2x" not in shape


UNDECLARED = {"x": 1, "seen_at": "2024-01-02T03:04:05Z", "extra": [{"k": [{"n": 1}]}, 2],
              "meta": {"when_at": "2024-01-02T03:04:05Z", "deep": {"v": None}}}


def test_undeclared_keys_are_kept_as_parsed():
    # as in Mastodon.py: objects become AttribAccessDicts, lists NonPaginatableLists
    point = decode(dict(UNDECLARED), Point)
    assert type(point.extra) is NonPaginatableList and type(point.extra[0]) is AttribAccessDict
    assert type(point.extra[0].k) is NonPaginatableList and type(point.extra[0].k[0]) is \
        AttribAccessDict
    assert point.extra[0].k[0].n == 1 and point.extra[1] == 2
    assert type(point.meta) is AttribAccessDict and point.meta.deep.v is None
    in_place = decode(parse_json(json.dumps(UNDECLARED)), Point)
    assert type(in_place.meta) is AttribAccessDict and type(in_place.meta.deep) is \
        AttribAccessDict and type(in_place.extra[0].k) is NonPaginatableList
    assert point.meta.when_at == "2024-01-02T03:04:05Z"  # only declared fields are typed
    assert isinstance(point.seen_at, datetime)


def test_parsed_json_decodes_in_place_like_a_copy():
    text = json.dumps(UNDECLARED)
    parsed = parse_json(text)
    assert isinstance(parsed, AttribAccessDict) and isinstance(parsed.meta, AttribAccessDict)
    in_place = decode(parsed, Point)
    assert in_place is parsed and type(parsed) is Point  # retyped, not copied
    copied = decode(json.loads(text), Point)
    assert copied == in_place

    def shape(value):
        if isinstance(value, dict):
            return type(value), [(key, shape(item)) for key, item in dict.items(value)]
        if isinstance(value, list):
            return type(value), [shape(item) for item in value]
        return type(value)
    assert shape(copied) == shape(in_place)


def test_undeclared_objects_copy_and_pickle_as_attribaccessdict():
    meta = decode(parse_json(json.dumps(UNDECLARED)), Point).meta
    for clone in (meta.copy(), copy.copy(meta), copy.deepcopy(meta),
                  pickle.loads(pickle.dumps(meta))):
        assert type(clone) is AttribAccessDict and clone == meta


def test_decoding_leaves_the_callers_plain_dicts_alone():
    data = {"x": 1, "seen_at": "2024-01-02T03:04:05Z", "meta": {"a": 1}}
    before = json.dumps(data)
    point = decode(data, Point)
    assert json.dumps(data) == before and type(data["meta"]) is dict
    assert isinstance(point.seen_at, datetime) and point.meta.a == 1


def test_parse_json_reads_any_utf_encoding():
    for encoding in ("utf-8", "utf-16", "utf-32"):
        assert parse_json('{"a": "\u00e9"}'.encode(encoding)).a == "\u00e9"
    with pytest.raises(ValueError):
        parse_json(b"{not json")


def test_values_that_do_not_fit_stay_raw(caplog):
    with caplog.at_level(logging.DEBUG, logger="mastodon"):
        shape = decode({"centre": "not an object", "items": {"x": 1}, "created_at": "soon",
                        "id": ["weird"], "corners": 5}, Shape)
        # fields are converted when first read: that is when a misfit is logged
        assert shape.centre == "not an object"
        assert type(shape.members) is AttribAccessDict and shape.members.x == 1
        assert shape.created_at == "soon" and shape.corners == 5 and shape.id == ["weird"]
    assert any("does not fit" in r.getMessage() or "not a date" in r.getMessage()
               for r in caplog.records)


def test_decode_lists_and_nested_lists():
    page = decode([{"x": 1}, {"x": 2}], PaginatableList[Point])
    assert type(page) is PaginatableList and all(type(p) is Point for p in page)
    plain = decode([{"x": 1}], List[Point])
    assert type(plain) is NonPaginatableList and type(plain[0]) is Point
    grid = decode([[{"x": 1}]], List[List[Point]])
    assert type(grid[0][0]) is Point
    strings = decode(["a"], NonPaginatableList[str])
    assert type(strings) is NonPaginatableList and strings == ["a"]
    assert decode(None, Point) is None


def test_union_members_are_chosen_by_keys():
    holder = decode({
        "figure": {"radius": 1.0, "centre": {"x": 1}},
        "maybe": {"side": 2.0, "centre": {"x": 1}},
        "things": [{"side": 1.0}],
        "one_or_many": [{"radius": 3.0}],
    }, Holder)
    assert type(holder.figure) is Circle and type(holder.figure.centre) is Point
    assert type(holder.maybe) is Square
    assert type(holder.things) is PaginatableList and type(holder.things[0]) is Square
    assert type(holder.one_or_many) is PaginatableList and type(holder.one_or_many[0]) is Circle
    single = decode({"one_or_many": {"radius": 3.0}}, Holder)
    assert type(single.one_or_many) is Circle
    assert type(decode({"side": 1}, Union[Circle, Square])) is Square
    assert type(decode([{"radius": 1}], Union[PaginatableList[Circle], Circle])[0]) is Circle


def test_try_cast_and_helpers():
    assert type(try_cast(Point, {"x": 1})) is Point
    assert try_cast(int, "x") == "x"
    chosen = try_cast(Union[Circle, Square], {"radius": 1}, union_specializer=lambda v: Square)
    assert type(chosen) is Square
    assert type(try_cast_recurse(PaginatableList[Point], [{"x": 1}])[0]) is Point
    assert resolve_type(Optional[Point]) is Point and resolve_type(int) is int
    assert get_type_class(PaginatableList[Point]) is PaginatableList
    assert real_issubclass(PaginatableList[Point], list)
    assert not real_issubclass(int, str)
    assert stringify_type(Point) == "Point"
    assert "PaginatableList" in stringify_type(PaginatableList[Point])


def test_converter_table_is_built_once():
    table = _fields_of(Point)
    assert _fields_of(Point) is table
    assert set(table) == {"x", "y", "label", "seen_at"}
    assert table["x"] is None and table["seen_at"] is converter_for(datetime)
    assert converter_for(PaginatableList[Point]) is converter_for(PaginatableList[Point])
    shape_table = _fields_of(Shape)
    assert shape_table["@2x"] is shape_table["at2x"] and "items" in shape_table


# --------------------------------------------------------------------------- JSON round trip

def test_to_json_format():
    point = decode({"x": 1, "seen_at": "2024-01-02T03:04:05Z"}, Point)
    pretty = point.to_json()
    assert pretty.splitlines()[1].startswith('    "_mastopy_version"')
    compact = point.to_json(pretty=False)
    assert "\n" not in compact
    envelope = json.loads(compact)
    assert list(envelope["_mastopy_data"]) == ["x", "seen_at", "y", "label"]
    assert envelope["_mastopy_version"] == "2.0.1"
    assert envelope["_mastopy_type"] == "Point"
    assert envelope["_mastopy_data"] == {"x": 1, "seen_at": "2024-01-02T03:04:05+00:00",
                                         "y": None, "label": None}
    assert envelope["_mastopy_extra_data"] == {}


def test_from_json_requires_envelope():
    with pytest.raises(ValueError):
        Entity.from_json('{"x": 1}')
    with pytest.raises(ValueError):
        Entity.from_json('{"_mastopy_version": "2.0.1"}')
    with pytest.raises(ValueError):
        Entity.from_json('[1, 2]')
    with pytest.raises(ValueError):
        Entity.from_json('{"_mastopy_version": "2.0.1", "_mastopy_type": "NoSuchThing"}')


def test_untyped_and_list_round_trip_with_pagination():
    obj = decode({"a": {"b": 1}, "when_at": "2024-01-02T03:04:05Z"})
    back = Entity.from_json(obj.to_json())
    assert type(back) is AttribAccessDict and back == obj and type(back.a) is AttribAccessDict
    assert back.when_at.tzinfo is not None

    from mastodon.return_types import Status
    page = decode([{"id": "1", "content": "<p>a</p>"}, {"id": "2", "content": "b"}],
                  PaginatableList[Status])
    nxt = PaginationInfo(_pagination_method="GET", _pagination_endpoint="/api/v1/timelines/home",
                         _mastopy_type="PaginatableList[Status]", max_id="2")
    page._pagination_next = nxt
    page._pagination_prev = PaginationInfo(min_id="1")
    text = page.to_json()
    assert json.loads(text)["_mastopy_type"] == "PaginatableList[Status]"
    back = Entity.from_json(text)
    assert type(back) is PaginatableList and back == page
    assert all(type(item) is Status for item in back)
    assert type(back._pagination_next) is PaginationInfo and back._pagination_next == nxt
    assert back._pagination_prev == {"min_id": "1"}
    assert back[-1]._pagination_next == nxt and back[0]._pagination_prev == {"min_id": "1"}

    strings = NonPaginatableList(["a", "b"])
    assert _type_name(strings) == "NonPaginatableList[str]"
    assert Entity.from_json(strings.to_json()) == strings
    assert Entity.from_json(NonPaginatableList().to_json()) == []


def test_str_to_type():
    from mastodon.return_types import Status
    assert _str_to_type("Status") is Status
    assert _str_to_type("PaginatableList[Status]") == PaginatableList[Status]
    assert _str_to_type("AttribAccessDict") is AttribAccessDict
    with pytest.raises(ValueError):
        _str_to_type("Nope")


class Broken(AttribAccessDict):
    fine: int
    when: datetime
    lost: "NoSuchTypeAnywhere"  # noqa: F821


def test_unresolvable_annotation_only_untypes_that_field(caplog):
    with caplog.at_level(logging.DEBUG, logger="mastodon"):
        obj = decode({"fine": 1, "when": "2024-01-02", "lost": {"a": 1}}, Broken)
    assert obj.when == datetime(2024, 1, 2)
    assert type(obj.lost) is AttribAccessDict and obj.lost.a == 1
    assert "lost" in dir(obj)


def test_union_with_type_variable_decodes_generically(caplog):
    from typing import TypeVar
    T_ = TypeVar("T_")
    hint = Optional[Union[PaginatableList[T_], T_]]  # type: ignore[valid-type]
    with caplog.at_level(logging.DEBUG, logger="mastodon"):
        single = decode({"a": {"b": 1}}, hint)
        many = decode([{"a": 1}], hint)
    assert type(single) is AttribAccessDict and single.a.b == 1
    assert type(many) is PaginatableList and type(many[0]) is AttribAccessDict
    assert not [r for r in caplog.records if "does not fit" in r.getMessage()]
