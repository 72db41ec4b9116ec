"""Build stage: parameters, ids and path segments."""
from datetime import datetime, timedelta, timezone

import pytest

from mastodon._core.params import (
    datetime_to_snowflake, form_pairs, id_list, json_body, page_params, path_segment, unpack_id,
    wire_datetime,
)
from mastodon._core.transport import build_call
from mastodon.errors import MastodonIllegalArgumentError
from mastodon.types_base import AttribAccessDict, MaybeSnowflakeIdType


def test_form_pairs_drop_none_and_encode_bools_lists_and_dicts():
    pairs = form_pairs({"a": None, "b": True, "c": False, "ids": ["1", 2],
                        "poll": {"options": ["x", "y"], "expires_in": 60}, "n": 3})
    assert pairs == [("b", "1"), ("c", "0"), ("ids[]", "1"), ("ids[]", 2),
                     ("poll[options][]", "x"), ("poll[options][]", "y"),
                     ("poll[expires_in]", 60), ("n", 3)]


def test_list_key_already_ending_in_brackets_is_not_doubled():
    assert form_pairs({"types[]": ["a"]}) == [("types[]", "a")]


def test_list_of_dicts_becomes_indexed_attributes():
    pairs = form_pairs({"keywords_attributes": [{"keyword": "k", "whole_word": True},
                                                {"keyword": "l", "whole_word": False}]})
    assert pairs == [("keywords_attributes[0][keyword]", "k"),
                     ("keywords_attributes[0][whole_word]", "1"),
                     ("keywords_attributes[1][keyword]", "l"),
                     ("keywords_attributes[1][whole_word]", "0")]


def test_pagination_ids_accept_objects_and_datetimes():
    moment = datetime(2024, 1, 1, tzinfo=timezone.utc)
    pairs = dict(form_pairs(page_params(max_id={"id": "77"}, min_id=moment, since_id=5)))
    assert pairs["max_id"] == "77"
    assert pairs["since_id"] == "5"
    assert int(pairs["min_id"]) >> 16 == int(moment.timestamp() * 1000)
    # to_datetime() gives naive local time, as in Mastodon.py
    assert MaybeSnowflakeIdType(pairs["min_id"]).to_datetime().astimezone(timezone.utc) == moment


def test_snowflake_round_trip_for_pytz_style_aware_datetimes():
    moment = datetime(2023, 5, 4, 3, 2, 1, tzinfo=timezone.utc)
    assert MaybeSnowflakeIdType(datetime_to_snowflake(moment)).to_datetime().astimezone(
        timezone.utc) == moment


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


def test_datetimes_go_out_in_utc_to_the_second_and_naive_ones_are_local_time():
    aware = datetime(2024, 1, 1, 12, 0, 0, 999999, tzinfo=timezone(timedelta(hours=2)))
    naive = datetime(2024, 1, 1, 12, 0)
    pairs = dict(form_pairs({"aware": aware, "naive": naive}))
    assert pairs["aware"] == "2024-01-01T10:00:00+00:00"
    assert pairs["naive"] == naive.astimezone(timezone.utc).isoformat()
    assert wire_datetime(aware) == "2024-01-01T10:00:00+00:00"
    assert json_body({"when": aware}) == {"when": "2024-01-01T10:00:00+00:00"}


def test_datetime_bounds_are_snowflakes_of_the_whole_second():
    # from the recording test_min_max_id_datetimes: created_at 13:56:04.793 plus 20 s
    moment = datetime(2026, 8, 1, 13, 56, 24, 793000, tzinfo=timezone.utc)
    assert datetime_to_snowflake(moment) == "117020595585024000"
    assert dict(form_pairs(page_params(max_id=moment)))["max_id"] == "117020595585024000"


def test_build_call_sends_json_endpoints_as_json_also_for_get():
    call = build_call("GET", "https://x/api/v1/accounts/familiar_followers", {"id": ["1"]},
                      as_json=True)
    assert call.json == {"id": ["1"]} and call.query is None
    with_files = build_call("POST", "https://x/api", {"a": True}, as_json=True, files={"f": b""})
    assert with_files.form == [("a", "1")] and with_files.json is None


def test_delete_sends_a_form_body():
    call = build_call("DELETE", "https://x/api/v1/domain_blocks", {"domain": "example.com"})
    assert call.form == [("domain", "example.com")] and call.query is None


LONE = "bad\ud800text"


@pytest.mark.parametrize("params, name", [
    ({"status": LONE}, "status"),
    ({"poll": {"options": ["ok", LONE]}}, "options"),
    ({"media_ids": ["1", LONE]}, "media_ids"),
    ({"fields_attributes": [{"name": LONE}]}, "name"),
    ({LONE: "x"}, "parameter name"),
])
@pytest.mark.parametrize("method, as_json", [("GET", False), ("POST", False), ("POST", True)])
def test_unencodable_text_is_refused_naming_the_parameter(params, name, method, as_json):
    with pytest.raises(MastodonIllegalArgumentError, match=name):
        build_call(method, "https://x/api", params, as_json=as_json)


def test_unencodable_ids_and_headers_are_refused_naming_them():
    with pytest.raises(MastodonIllegalArgumentError, match="status_id"):
        path_segment(LONE, "status_id")
    with pytest.raises(MastodonIllegalArgumentError, match="in_reply_to_id"):
        unpack_id({"id": LONE}, "in_reply_to_id")
    with pytest.raises(MastodonIllegalArgumentError, match="Idempotency-Key"):
        build_call("POST", "https://x/api", {}, headers={"Idempotency-Key": LONE})


@pytest.mark.parametrize("call", [
    lambda api: api.status_post(LONE),
    lambda api: api.status(LONE),
    lambda api: api.account_search("q\udfff"),
    lambda api: api.status_post("ok", idempotency_key=LONE),
    lambda api: api.timeline_hashtag(LONE),
])
def test_unencodable_text_is_refused_before_anything_is_sent(fake, call):
    with pytest.raises(MastodonIllegalArgumentError):
        call(fake.api)
    assert fake.requests == []


def test_unencodable_text_never_reaches_a_real_server(fault_server):
    from mastodon import Mastodon

    api = Mastodon(access_token="t", api_base_url=fault_server.url, mastodon_version="4.5.0")
    calls = {
        "id": lambda: api.status("1\udc80"),
        "status": lambda: api.status_post("hi \ud800"),
        "options": lambda: api.status_post("vote", poll=api.make_poll(["a", "\ud800"], 300)),
        "q": lambda: api.search_v2("\udfff"),
        "Idempotency-Key": lambda: api.status_post("hi", idempotency_key="\ud800"),
        "description": lambda: api.media_post(b"GIF89a", mime_type="image/gif",
                                              description="\ud800"),
        "title": lambda: api.create_filter_v2("\ud800", ["home"], "warn"),
    }
    try:
        for name, call in calls.items():
            with pytest.raises(MastodonIllegalArgumentError) as caught:
                call()
            assert str(caught.value).startswith(name), caught.value
        api.status("1")
    finally:
        api.session.close()
    assert [seen.path for seen in fault_server.requests] == ["/api/v1/statuses/1"]


# ---------------------------------------------------------------- issue 24.5: accepted as Mastodon.py accepts

@pytest.mark.parametrize("given, sent", [
    (True, "1"), (False, "0"), (1, "1"), (0, "0"), ("true", "1"), ("False", "0"), ("off", "0"),
    ("f", "0"), ("yes", "1"), ("on", "1"),
])
def test_flags_as_ints_and_strings_are_read_as_the_server_reads_them(fake, given, sent):
    fake.api.account_follow(7, notify=given)
    assert ("notify", sent) in fake.last_form()


def test_counts_as_strings_of_numbers_are_accepted(fake):
    fake.api.timeline_home(limit="10")
    assert ("limit", "10") in fake.last_query()
    fake.api.directory(offset=" 4 ", limit=2)
    assert ("offset", "4") in fake.last_query()
    with pytest.raises(MastodonIllegalArgumentError, match="limit"):
        fake.api.timeline_home(limit="ten")
    with pytest.raises(MastodonIllegalArgumentError, match="notify"):
        fake.api.account_follow(7, notify=[True])
    assert len(fake.requests) == 2
