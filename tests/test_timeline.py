"""Timelines, favourites, bookmarks and conversations: request shapes, pagination, mock behaviour."""
import warnings
from datetime import datetime, timezone

import pytest

from mastodon.errors import MastodonIllegalArgumentError, MastodonWarning
from mastodon.return_types import Conversation, Status
from mastodon.types_base import PaginatableList
from support.fake_transport import FakeMastodon

LINK = ('<https://mastodon.example/api/v1/timelines/home?max_id=100>; rel="next", '
        '<https://mastodon.example/api/v1/timelines/home?min_id=200>; rel="prev"')
INSTANCE_OPEN = {"version": "4.7.3", "configuration": {"timelines_access": {}}}


@pytest.fixture
def fake():
    helper = FakeMastodon(mastodon_version="4.7.3")
    helper.api._facts.documents["v2"] = INSTANCE_OPEN  # timeline access known: open
    yield helper
    helper.close()


def _status(n):
    return {"id": str(n), "content": f"<p>{n}</p>", "account": {"id": "1", "acct": "alice"}}


# ---------------------------------------------------------------- shapes (fake)

@pytest.mark.parametrize("call, path, query", [
    (lambda api: api.timeline(), "/api/v1/timelines/home", []),
    (lambda api: api.timeline_home(limit=5, only_media=True),
     "/api/v1/timelines/home", [("limit", "5"), ("only_media", "1")]),
    (lambda api: api.timeline("local"), "/api/v1/timelines/public", [("local", "1")]),
    (lambda api: api.timeline_local(since_id=3), "/api/v1/timelines/public",
     [("since_id", "3"), ("local", "1")]),
    (lambda api: api.timeline_public(remote=True), "/api/v1/timelines/public",
     [("remote", "1")]),
    (lambda api: api.timeline_public(local=True, only_media=True), "/api/v1/timelines/public",
     [("only_media", "1"), ("local", "1")]),
    (lambda api: api.timeline_hashtag("café", local=True), "/api/v1/timelines/tag/caf%C3%A9",
     [("local", "1")]),
    (lambda api: api.timeline("tag/a/b"), "/api/v1/timelines/tag/a%2Fb", []),
    (lambda api: api.timeline_list({"id": "4"}, max_id=9), "/api/v1/timelines/list/4",
     [("max_id", "9")]),
    (lambda api: api.timeline("list/4"), "/api/v1/timelines/list/4", []),
    (lambda api: api.timeline_link("https://news.example/a?b=1"), "/api/v1/timelines/link",
     [("url", "https://news.example/a?b=1")]),
    (lambda api: api.timeline("link?url=https://x.example"), "/api/v1/timelines/link",
     [("url", "https://x.example")]),
    (lambda api: api.favourites(min_id=2, limit=3), "/api/v1/favourites",
     [("min_id", "2"), ("limit", "3")]),
    (lambda api: api.bookmarks(max_id={"id": "8"}), "/api/v1/bookmarks", [("max_id", "8")]),
])
def test_timeline_request_shapes(fake, call, path, query):
    fake.queue(json=[_status(1)])
    page = call(fake.api)
    assert fake.calls == [("GET", path)]
    assert fake.last_query() == query
    assert isinstance(page, PaginatableList) and isinstance(page[0], Status)


def test_hashtag_with_hash_is_refused(fake):
    with pytest.raises(MastodonIllegalArgumentError, match="#"):
        fake.api.timeline_hashtag("#python")
    with pytest.raises(MastodonIllegalArgumentError, match="#"):
        fake.api.timeline("tag/#python")
    with pytest.raises(MastodonIllegalArgumentError):
        fake.api.timeline("home/extra")
    with pytest.raises(MastodonIllegalArgumentError):
        fake.api.timeline_home(limit="all")
    assert fake.requests == []


def test_datetimes_as_ids(fake):
    moment = datetime(2024, 1, 1, tzinfo=timezone.utc)
    fake.api.timeline_home(max_id=moment, since_id=moment)
    expected = str(int(moment.timestamp() * 1000) << 16)
    assert fake.last_query() == [("max_id", expected), ("since_id", expected)]


def test_empty_timeline_is_an_empty_paginatable_list(fake):
    fake.queue(json=[])
    page = fake.api.timeline_public()
    assert page == [] and isinstance(page, PaginatableList)
    assert fake.api.fetch_next(page) is None


def test_fetch_next_and_previous_follow_link_headers(fake):
    fake.queue(json=[_status(150), _status(120)], headers={"Link": LINK})
    page = fake.api.timeline_home(limit=2)
    assert page._pagination_next["max_id"] == 100
    fake.queue(json=[_status(90)])
    older = fake.api.fetch_next(page)
    assert fake.calls[-1] == ("GET", "/api/v1/timelines/home")
    assert ("max_id", "100") in fake.last_query()
    assert [s.id for s in older] == ["90"]
    fake.queue(json=[_status(250)])
    fake.api.fetch_previous(page)
    assert ("min_id", "200") in fake.last_query()


def test_fetch_remaining_collects_every_page(fake):
    fake.queue(json=[_status(3)], headers={
        "Link": '<https://mastodon.example/api/v1/favourites?max_id=2>; rel="next"'})
    fake.queue(json=[_status(2)], headers={
        "Link": '<https://mastodon.example/api/v1/favourites?max_id=1>; rel="next"'})
    fake.queue(json=[])
    everything = fake.api.fetch_remaining(fake.api.favourites())
    assert [s.id for s in everything] == ["3", "2"]
    assert len(fake.requests) == 3


def test_next_pages_repeat_the_filters_of_the_first_request(fake):
    """Even when the server's links name only the cursor (issue 24.4)."""
    fake.queue(json=[{"id": "9", "type": "mention"}], headers={
        "Link": '<https://mastodon.example/api/v1/notifications?max_id=9>; rel="next", '
                '<https://mastodon.example/api/v1/notifications?min_id=9>; rel="prev"'})
    page = fake.api.notifications(types=["mention", "follow"], exclude_types=["poll"], limit=5,
                                  max_id=20)
    assert page._pagination_next == {
        "_pagination_method": "GET", "_pagination_endpoint": "/api/v1/notifications",
        "_mastopy_type": "PaginatableList[Notification]", "types[]": ["mention", "follow"],
        "exclude_types[]": ["poll"], "limit": 5, "max_id": 9}
    fake.queue(json=[])
    fake.api.fetch_next(page)
    assert sorted(fake.last_query()) == [("exclude_types[]", "poll"), ("limit", "5"),
                                         ("max_id", "9"), ("types[]", "follow"),
                                         ("types[]", "mention")]
    fake.queue(json=[])
    fake.api.fetch_previous(page)  # the first request's max_id=20 would contradict min_id
    assert ("max_id", "20") not in fake.last_query() and ("min_id", "9") in fake.last_query()


def test_non_numeric_ids_stay_strings(fake):
    fake.queue(json=[_status(1)], headers={
        "Link": '<https://mastodon.example/api/v1/timelines/home?max_id=AbC12>; rel="next"'})
    page = fake.api.timeline_home(limit=20)
    assert page._pagination_next["max_id"] == "AbC12" and page._pagination_next["limit"] == 20


@pytest.mark.parametrize("not_a_page", [[], [{"id": "1"}], {"max_id": "5"}, "max_id=5", 5])
def test_fetch_next_and_previous_refuse_what_is_not_a_page(fake, not_a_page):
    for helper in (fake.api.fetch_next, fake.api.fetch_previous):
        with pytest.raises(MastodonIllegalArgumentError, match="_page"):
            helper(not_a_page)
    assert fake.requests == []


def test_a_slice_of_a_page_is_not_a_page(fake):
    fake.queue(json=[_status(150), _status(120)], headers={"Link": LINK})
    page = fake.api.timeline_home()
    with pytest.raises(MastodonIllegalArgumentError):
        fake.api.fetch_next(page[:1])
    assert len(fake.requests) == 1


def test_none_is_nothing_to_page_through(fake):
    assert fake.api.fetch_next(None) is None and fake.api.fetch_previous(None) is None
    assert fake.api.fetch_remaining(None) == [] and fake.api.fetch_remaining([]) == []
    assert list(fake.api.pagination_iterator(None)) == []
    assert list(fake.api.pagination_iterator([])) == []
    assert list(fake.api.pagination_page_iterator(None)) == []
    assert fake.requests == []


@pytest.mark.parametrize("iterate", ["pagination_iterator", "pagination_page_iterator"])
def test_iterators_start_by_fetching_the_page_of_a_pagination_info(fake, iterate):
    fake.queue(json=[_status(150), _status(120)], headers={"Link": LINK})
    info = fake.api.timeline_home(limit=2)._pagination_next
    fake.queue(json=[_status(90), _status(80)])
    walked = list(getattr(fake.api, iterate)(info))
    items = walked if iterate == "pagination_iterator" else [s for page in walked for s in page]
    assert [s.id for s in items] == ["90", "80"]
    assert sorted(fake.last_query()) == [("limit", "2"), ("max_id", "100")]


def test_restricted_public_timeline_warns(fake):
    fake.api._facts.documents["v2"] = {"version": "4.7.3", "configuration": {"timelines_access": {
        "live_feeds": {"local": "authenticated", "remote": "disabled"}}}}
    with pytest.warns(MastodonWarning, match="public"):
        fake.api.timeline_public()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        fake.api.timeline_home()


def test_conversations_shapes(fake):
    fake.queue(json=[{"id": "5", "unread": True, "accounts": [], "last_status": None}])
    page = fake.api.conversations(limit=1, since_id=2)
    assert fake.last.method == "GET" and fake.last.path_url.startswith("/api/v1/conversations/?")
    assert fake.last_query() == [("since_id", "2"), ("limit", "1")]
    assert isinstance(page[0], Conversation)
    fake.queue(json={"id": "5", "unread": False})
    assert fake.api.conversations_read(page[0]).unread is False
    assert fake.calls[-1] == ("POST", "/api/v1/conversations/5/read")


# ---------------------------------------------------------------- behaviour (mock)

def test_timelines_on_mock(client):
    alice, bob = client("alice"), client("bob")
    posted = alice.status_post("hello #mocktag")
    assert [s.id for s in bob.timeline_home()] == [posted.id]  # bob follows alice
    assert posted.id in [s.id for s in bob.timeline_local()]
    assert posted.id in [s.id for s in bob.timeline_public()]
    assert posted.id in [s.id for s in bob.timeline("local")]
    assert [s.id for s in bob.timeline_hashtag("mocktag")] == [posted.id]
    assert [s.id for s in bob.timeline("tag/mocktag")] == [posted.id]
    assert bob.timeline_hashtag("nothing-here") == []
    assert isinstance(bob.timeline_link("https://nothing.example/"), PaginatableList)


def test_list_timeline_on_mock(client):
    alice, bob = client("alice"), client("bob")
    # lists belong to another area: set one up through the request core directly
    friends = bob._post("/api/v1/lists", {"title": "friends"})
    alice_id = alice._get("/api/v1/accounts/verify_credentials").id
    bob._post(f"/api/v1/lists/{friends.id}/accounts", {"account_ids": [alice_id]})
    posted = alice.status_post("list me")
    assert [s.id for s in bob.timeline_list(friends)] == [posted.id]
    assert [s.id for s in bob.timeline(f"list/{friends.id}")] == [posted.id]


def test_paging_100_statuses_on_mock(client):
    alice = client("alice")
    ids = [alice.status_post(f"n{n}").id for n in range(100)]
    first = alice.timeline_home(limit=40)
    assert len(first) == 40
    everything = alice.fetch_remaining(first)
    assert [s.id for s in everything] == list(reversed(ids))
    newest = alice.timeline_home(since_id=ids[97])
    assert [s.id for s in newest] == [ids[99], ids[98]]
    window = alice.timeline_home(max_id=ids[50], min_id=ids[47])
    assert sorted(s.id for s in window) == sorted(ids[48:50])
    oldest = alice.timeline_home(min_id=ids[0], limit=2)
    assert sorted(s.id for s in oldest) == sorted(ids[1:3])


def test_favourites_and_bookmarks_on_mock(client):
    alice, bob = client("alice"), client("bob")
    first, second = alice.status_post("one"), alice.status_post("two")
    bob.status_favourite(first)
    bob.status_favourite(second)
    bob.status_bookmark(second)
    assert [s.id for s in bob.favourites()] == [second.id, first.id]
    page = bob.favourites(limit=1)
    assert [s.id for s in page] == [second.id]
    assert [s.id for s in bob.fetch_next(page)] == [first.id]
    assert [s.id for s in bob.bookmarks()] == [second.id]
    assert alice.favourites() == [] and alice.bookmarks() == []


def test_conversations_on_mock(client):
    alice, bob = client("alice"), client("bob")
    alice.status_post("@bob secret", visibility="direct")
    conversations = bob.conversations()
    assert len(conversations) == 1 and conversations[0].unread is True
    assert bob.conversations_read(conversations[0]).unread is False
    assert alice.conversations(limit=5)[0].last_status.visibility == "direct"
