"""Filters v1 and v2: request shapes on the fake transport, behaviour on the mock
server, and client-side ``filters_apply``."""
from datetime import datetime, timedelta, timezone

import pytest

from mastodon.errors import MastodonAPIError, MastodonIllegalArgumentError, MastodonNotFoundError
from mastodon.return_types import Filter, FilterKeyword, FilterStatus, FilterV2, Notification, Status
from mastodon.types_base import NonPaginatableList, PaginatableList, PaginationInfo, decode

FILTER = {"id": "4", "phrase": "spoiler", "context": ["home"], "expires_at": None,
          "irreversible": False, "whole_word": True}
FILTER_V2 = {"id": "5", "title": "Spoilers", "context": ["home", "public"], "expires_at": None,
             "filter_action": "warn", "keywords": [{"id": "6", "keyword": "spoiler",
                                                    "whole_word": True}], "statuses": []}


# ---------------------------------------------------------------- v1 (fake)

def test_filters_v1_read(fake):
    fake.queue(json=[FILTER])
    fake.queue(json=FILTER)
    everything = fake.api.filters()
    one = fake.api.filter(FILTER)
    assert fake.calls == [("GET", "/api/v1/filters"), ("GET", "/api/v1/filters/4")]
    assert isinstance(everything, NonPaginatableList) and isinstance(everything[0], Filter)
    assert isinstance(one, Filter) and one.whole_word is True


def test_filter_create(fake):
    fake.queue(json=FILTER)
    assert isinstance(fake.api.filter_create("spoiler", ["home", "public"]), Filter)
    assert fake.calls == [("POST", "/api/v1/filters")]
    assert fake.last_form() == [("phrase", "spoiler"), ("context[]", "home"),
                                ("context[]", "public"), ("irreversible", "0"),
                                ("whole_word", "1")]
    fake.api.filter_create("x", "thread", irreversible=True, whole_word=False,
                           expires_in=timedelta(hours=1))
    assert fake.last_form() == [("phrase", "x"), ("context[]", "thread"), ("irreversible", "1"),
                                ("whole_word", "0"), ("expires_in", "3600")]
    for bad in ({"context": [5]}, {"context": None},
                {"phrase": None}, {"whole_word": ["yes"]}, {"expires_in": "soon"}):
        with pytest.raises(MastodonIllegalArgumentError):
            fake.api.filter_create(**{"phrase": "x", "context": ["home"], **bad})
    assert len(fake.requests) == 2
    # an unknown context is refused as Mastodon.py refuses it; durations are the server's
    with pytest.raises(MastodonIllegalArgumentError, match="Invalid filter context"):
        fake.api.filter_create("x", ["home", "everywhere"])
    assert len(fake.requests) == 2
    fake.queue(status=422, json={"error": "Validation failed"})
    with pytest.raises(MastodonAPIError):
        fake.api.filter_create("x", ["home"], expires_in=-1)
    assert ("expires_in", "-1") in fake.last_form()


def test_filter_update_sends_only_given_values(fake):
    fake.queue(json=FILTER)
    assert isinstance(fake.api.filter_update(4, whole_word=False), Filter)
    assert fake.calls == [("PUT", "/api/v1/filters/4")]
    assert fake.last_form() == [("whole_word", "0")]
    fake.api.filter_update(4, phrase="p", context=["notifications"], irreversible=True,
                           expires_in=60)
    assert fake.last_form() == [("phrase", "p"), ("context[]", "notifications"),
                                ("irreversible", "1"), ("expires_in", "60")]


def test_filter_delete(fake):
    assert fake.api.filter_delete(4) is None
    assert fake.calls == [("DELETE", "/api/v1/filters/4")]


# ---------------------------------------------------------------- v2 (fake)

def test_filters_v2_read(fake):
    fake.queue(json=[FILTER_V2])
    fake.queue(json=FILTER_V2)
    everything = fake.api.filters_v2()
    one = fake.api.filter_v2(5)
    assert fake.calls == [("GET", "/api/v2/filters"), ("GET", "/api/v2/filters/5")]
    assert isinstance(everything[0], FilterV2) and isinstance(one.keywords[0], FilterKeyword)


def test_create_filter_v2_sends_json(fake):
    fake.queue(json=FILTER_V2)
    result = fake.api.create_filter_v2(
        "Spoilers", ["home", "public"], "warn", expires_in=86400,
        keywords_attributes=[{"keyword": "spoiler", "whole_word": True}, "leak", ("plot", False)])
    assert isinstance(result, FilterV2)
    assert fake.calls == [("POST", "/api/v2/filters")]
    assert fake.last.headers["Content-Type"] == "application/json"
    assert fake.last_json() == {
        "title": "Spoilers", "context": ["home", "public"], "filter_action": "warn",
        "expires_in": 86400, "keywords_attributes": [
            {"keyword": "spoiler", "whole_word": True}, {"keyword": "leak"},
            {"keyword": "plot", "whole_word": False}]}
    for bad in ({"filter_action": 3}, {"context": 5},
                {"keywords_attributes": [5]}, {"keywords_attributes": "spoiler"}):
        with pytest.raises(MastodonIllegalArgumentError):
            fake.api.create_filter_v2(**{"title": "t", "context": ["home"],
                                         "filter_action": "hide", **bad})
    assert len(fake.requests) == 1


def test_update_filter_v2(fake):
    fake.api.update_filter_v2(FILTER_V2, title="New", keywords_attributes=[
        {"id": "6", "_destroy": True}, {"id": {"id": "7"}, "keyword": "x", "whole_word": False}])
    assert fake.calls == [("PUT", "/api/v2/filters/5")]
    assert fake.last_json() == {"filter_id": "5", "title": "New", "keywords_attributes": [
        {"id": "6", "_destroy": True}, {"id": "7", "keyword": "x", "whole_word": False}]}
    fake.api.update_filter_v2(5, context="thread", filter_action="hide", expires_in=10)
    assert fake.last_json() == {"filter_id": "5", "context": ["thread"], "filter_action": "hide",
                                "expires_in": 10}


def test_filter_v2_keywords_and_statuses(fake):
    fake.queue(json=[{"id": "6", "keyword": "spoiler", "whole_word": True}])
    assert isinstance(fake.api.filter_keywords_v2(5)[0], FilterKeyword)
    fake.queue(json={"id": "8", "keyword": "leak", "whole_word": False})
    assert isinstance(fake.api.add_filter_keyword_v2(5, "leak"), FilterKeyword)
    assert fake.last_form() == [("filter_id", "5"), ("keyword", "leak"), ("whole_word", "0")]
    fake.api.add_filter_keyword_v2(5, "leak", whole_word=True)
    assert fake.last_form() == [("filter_id", "5"), ("keyword", "leak"), ("whole_word", "1")]
    assert fake.api.delete_filter_keyword_v2({"id": "8"}) is None
    fake.queue(json=[{"id": "9", "status_id": "100"}])
    statuses = fake.api.filter_statuses_v2(5)
    assert isinstance(statuses, NonPaginatableList) and isinstance(statuses[0], FilterStatus)
    fake.queue(json={"id": "9", "status_id": "100"})
    assert isinstance(fake.api.add_filter_status_v2(5, {"id": "100"}), FilterStatus)
    assert fake.last_form() == [("status_id", "100")]
    fake.queue(json={"id": "9", "status_id": "100"})
    assert fake.api.filter_status_v2(9).status_id == "100"
    assert fake.api.delete_filter_status_v2(9) is None
    assert fake.api.delete_filter_v2(5) is None
    assert fake.calls == [
        ("GET", "/api/v2/filters/5/keywords"), ("POST", "/api/v2/filters/5/keywords"),
        ("POST", "/api/v2/filters/5/keywords"), ("DELETE", "/api/v2/filters/keywords/8"),
        ("GET", "/api/v2/filters/5/statuses"), ("POST", "/api/v2/filters/5/statuses"),
        ("GET", "/api/v2/filters/statuses/9"), ("DELETE", "/api/v2/filters/statuses/9"),
        ("DELETE", "/api/v2/filters/5")]


# ---------------------------------------------------------------- filters_apply (local)

def _status(content, **extra):
    return decode({"id": str(abs(hash(content)) % 10**6), "content": content,
                   "spoiler_text": "", **extra}, Status)


def _filter(phrase, context=("home",), whole_word=True, **extra):
    return decode({"id": "1", "phrase": phrase, "context": list(context),
                   "whole_word": whole_word, "irreversible": False, "expires_at": None,
                   **extra}, Filter)


def test_filters_apply_whole_word_uses_word_boundaries(api):
    statuses = [_status("<p>I love cats</p>"), _status("<p>concatenate strings</p>"),
                _status("<p>CATS everywhere</p>"), _status("<p>cat-like</p>")]
    kept = api.filters_apply(statuses, [_filter("cat")], "home")
    assert [s.content for s in kept] == ["<p>I love cats</p>", "<p>concatenate strings</p>",
                                         "<p>CATS everywhere</p>"]
    kept = api.filters_apply(statuses, [_filter("cats")], "home")
    assert [s.content for s in kept] == ["<p>concatenate strings</p>", "<p>cat-like</p>"]
    partial = api.filters_apply(statuses, [_filter("cat", whole_word=False)], "home")
    assert partial == []


def test_filters_apply_checks_context(api):
    statuses = [_status("spoiler ahead"), _status("nothing here")]
    assert len(api.filters_apply(statuses, [_filter("spoiler", ["public"])], "home")) == 2
    kept = api.filters_apply(statuses, [_filter("spoiler", ["home", "thread"])], "thread")
    assert [s.content for s in kept] == ["nothing here"]
    assert api.filters_apply(statuses, [_filter("spoiler", ["home"])], "everywhere") == statuses
    with pytest.raises(MastodonIllegalArgumentError):
        api.filters_apply(statuses, [], 5)


def test_filters_apply_returns_all_without_applicable_filters(api):
    statuses = [_status("a"), _status("b")]
    assert api.filters_apply(statuses, [], "home") == statuses
    expired = _filter("a", expires_at=datetime.now(timezone.utc) - timedelta(minutes=1))
    assert api.filters_apply(statuses, [expired], "home") == statuses
    fresh = _filter("a", expires_at=datetime.now(timezone.utc) + timedelta(days=1))
    assert [s.content for s in api.filters_apply(statuses, [fresh], "home")] == ["b"]


def test_filters_apply_reads_text_not_markup(api):
    html = ('<p>Look at <a href="https://x.example/tags/cats" class="mention hashtag">'
            '#<span>cats</span></a> &amp; dogs</p>')
    statuses = [_status(html), _status("<p>span</p><p>class</p>")]
    assert api.filters_apply(statuses, [_filter("href")], "home") == statuses
    assert [s.content for s in api.filters_apply(statuses, [_filter("#cats")], "home")] == [
        "<p>span</p><p>class</p>"]
    assert len(api.filters_apply(statuses, [_filter("cats & dogs", whole_word=False)], "home")) == 1
    # paragraphs are separate words: "spanclass" is not in the text
    assert len(api.filters_apply(statuses, [_filter("spanclass", whole_word=False)], "home")) == 2


def test_filters_apply_content_warning_reblogs_and_notifications(api):
    warned = _status("<p>fine</p>", spoiler_text="Ending spoiler")
    boosted = decode({"id": "2", "content": "", "reblog": {"id": "3", "content": "<p>a spoiler</p>"}},
                     Status)
    clean = _status("<p>fine</p>")
    filters = [_filter("spoiler", ["home", "notifications"])]
    assert api.filters_apply([warned, boosted, clean], filters, "home") == [clean]
    mention = decode({"id": "10", "type": "mention", "status": {"id": "3", "content": "spoiler"}},
                     Notification)
    follow = decode({"id": "11", "type": "follow", "account": {"id": "1"}}, Notification)
    assert api.filters_apply([mention, follow], filters, "notifications") == [follow]


def test_filters_apply_takes_v2_filters_and_keeps_the_page(api):
    page = PaginatableList([_status("a spoiler"), _status("a leak"), _status("plain")])
    info = PaginationInfo(max_id="1", _pagination_endpoint="/api/v1/timelines/home")
    object.__setattr__(page, "_pagination_next", info)
    v2 = decode({**FILTER_V2, "keywords": [{"keyword": "spoiler", "whole_word": True},
                                           {"keyword": "lea", "whole_word": False}]}, FilterV2)
    kept = api.filters_apply(page, [v2], "public")
    assert isinstance(kept, PaginatableList) and [s.content for s in kept] == ["plain"]
    assert kept._pagination_next == info


def test_filters_apply_never_sends(fake):
    fake.api.filters_apply([_status("x")], [_filter("x")], "home")
    assert fake.requests == []


@pytest.fixture
def api(fake):
    return fake.api


# ---------------------------------------------------------------- behaviour (mock server)

def test_mock_filters_v1(client):
    alice = client("alice")
    created = alice.filter_create("spoiler", ["home", "public"], whole_word=False, expires_in=3600)
    assert created.phrase == "spoiler" and created.whole_word is False
    assert set(created.context) == {"home", "public"} and created.expires_at is not None
    assert [f.id for f in alice.filters()] == [created.id]
    changed = alice.filter_update(created, phrase="leak", context=["thread"])
    assert (changed.phrase, list(changed.context)) == ("leak", ["thread"])
    assert alice.filter(created).phrase == "leak"
    alice.filter_delete(created)
    assert alice.filters() == []


def test_mock_filters_v2_with_keywords_and_statuses(client):
    alice, bob = client("alice"), client("bob")
    created = alice.create_filter_v2("Spoilers", ["home"], "hide", keywords_attributes=[
        {"keyword": "spoiler", "whole_word": True}, ("leak", False)])
    assert isinstance(created, FilterV2) and created.filter_action == "hide"
    assert sorted((k.keyword, k.whole_word) for k in created.keywords) == [
        ("leak", False), ("spoiler", True)]
    extra = alice.add_filter_keyword_v2(created, "plot twist")
    assert "plot twist" in [k.keyword for k in alice.filter_keywords_v2(created)]
    alice.delete_filter_keyword_v2(extra)
    assert "plot twist" not in [k.keyword for k in alice.filter_keywords_v2(created)]
    post = bob.status_post("some post")
    entry = alice.add_filter_status_v2(created, post)
    assert entry.status_id == post.id
    assert [s.id for s in alice.filter_statuses_v2(created)] == [entry.id]
    assert alice.filter_status_v2(entry).status_id == post.id
    alice.delete_filter_status_v2(entry)
    assert alice.filter_statuses_v2(created) == []
    renamed = alice.update_filter_v2(created, title="Plot", context=["home", "thread"])
    assert renamed.title == "Plot" and set(renamed.context) == {"home", "thread"}
    assert alice.filter_v2(created).title == "Plot"
    assert [f.id for f in alice.filters_v2()] == [created.id]
    alice.delete_filter_v2(created)
    with pytest.raises(MastodonNotFoundError):
        alice.filter_v2(created)


def test_mock_filters_apply_to_a_real_timeline(client):
    alice, bob = client("alice"), client("bob")
    alice.status_post("the ending is a spoiler")
    alice.status_post("what a concatenation")
    alice.status_post("the cat sat")
    alice.filter_create("spoiler", ["home"])
    alice.filter_create("cat", ["home"], whole_word=True)
    timeline = bob.timeline_home()
    assert len(timeline) == 3
    kept = bob.filters_apply(timeline, alice.filters(), "home")
    assert [s.content for s in kept] == [timeline[1].content]
    assert "concatenation" in kept[0].content
