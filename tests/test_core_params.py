"""Build stage: parameters, ids and path segments."""
from datetime import datetime, timezone

import pytest

from mastodon._core.params import (
    datetime_to_snowflake, form_pairs, id_list, json_body, page_params, path_segment, unpack_id,
)
from mastodon._core.transport import build_call
from mastodon.errors import MastodonIllegalArgumentError
from mastodon.types_base import AttribAccessDict, MaybeSnowflakeIdType


def test_form_pairs_drop_none_and_encode_bools_lists_and_dicts():
    pairs = form_pairs({"a": None, "b": True, "c": False, "ids": ["1", 2],
                        "poll": {"options": ["x", "y"], "expires_in": 60}, "n": 3})
    assert pairs == [("b", "true"), ("c", "false"), ("ids[]", "1"), ("ids[]", 2),
                     ("poll[options][]", "x"), ("poll[options][]", "y"),
                     ("poll[expires_in]", 60), ("n", 3)]


def test_list_key_already_ending_in_brackets_is_not_doubled():
    assert form_pairs({"types[]": ["a"]}) == [("types[]", "a")]


def test_list_of_dicts_becomes_indexed_attributes():
    pairs = form_pairs({"keywords_attributes": [{"keyword": "k", "whole_word": True}]})
    assert pairs == [("keywords_attributes[][keyword]", "k"),
                     ("keywords_attributes[][whole_word]", "true")]


def test_pagination_ids_accept_objects_and_datetimes():
    moment = datetime(2024, 1, 1, tzinfo=timezone.utc)
    pairs = dict(form_pairs(page_params(max_id={"id": "77"}, min_id=moment, since_id=5)))
    assert pairs["max_id"] == "77"
    assert pairs["since_id"] == "5"
    assert int(pairs["min_id"]) >> 16 == int(moment.timestamp() * 1000)
    assert MaybeSnowflakeIdType(pairs["min_id"]).to_datetime() == moment


def test_snowflake_round_trip_for_pytz_style_aware_datetimes():
    moment = datetime(2023, 5, 4, 3, 2, 1, tzinfo=timezone.utc)
    assert MaybeSnowflakeIdType(datetime_to_snowflake(moment)).to_datetime() == moment


def test_json_body_keeps_types_and_formats_datetimes():
    moment = datetime(2024, 1, 1, tzinfo=timezone.utc)
    assert json_body({"a": True, "b": None, "when": moment, "max_id": {"id": "9"},
                      "nested": {"x": None, "y": [1]}}) == {
        "a": True, "when": "2024-01-01T00:00:00+00:00", "max_id": "9", "nested": {"y": [1]}}


@pytest.mark.parametrize("bad", [None, 1.5, True, [], {"no": "id"}, "", " 1"])
def test_unpack_id_rejects_non_ids_naming_the_parameter(bad):
    with pytest.raises(MastodonIllegalArgumentError, match="status_id"):
        unpack_id(bad, "status_id")


def test_unpack_id_accepts_ids_and_entities():
    assert unpack_id(12) == "12"
    assert unpack_id(AttribAccessDict(id="34")) == "34"


@pytest.mark.parametrize("raw, encoded", [
    ("../x", "..%2Fx"), ("..", "%2E%2E"), (".", "%2E"), ("a/b?c#d", "a%2Fb%3Fc%23d"),
    ("tag with space", "tag%20with%20space"), (5, "5"), ({"id": "a&b"}, "a%26b"),
])
def test_path_segment_is_always_exactly_one_segment(raw, encoded):
    assert path_segment(raw) == encoded


def test_id_list_accepts_single_and_many():
    assert id_list("1", "ids") == ["1"]
    assert id_list([1, {"id": "2"}], "ids") == ["1", "2"]
    with pytest.raises(MastodonIllegalArgumentError, match="ids"):
        id_list(3.5, "ids")


def test_page_params_rejects_bad_limit():
    with pytest.raises(MastodonIllegalArgumentError, match="limit"):
        page_params(limit="ten")


def test_build_call_routes_parameters_by_verb():
    get = build_call("get", "https://x/api", {"a": 1})
    assert (get.method, get.query, get.form, get.json) == ("GET", [("a", 1)], None, None)
    post = build_call("POST", "https://x/api", {"a": 1})
    assert post.form == [("a", 1)] and post.query is None
    as_json = build_call("PUT", "https://x/api", {"a": True}, as_json=True)
    assert as_json.json == {"a": True} and as_json.form is None
