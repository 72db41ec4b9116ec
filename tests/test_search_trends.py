"""Search (v1/v2 dispatch) and trends."""
import pytest

from mastodon.errors import MastodonIllegalArgumentError, MastodonVersionError
from mastodon.return_types import PreviewCard, Search, SearchV2, Status, Tag
from support.fake_transport import FakeMastodon

RESULTS = {"accounts": [{"id": "1", "acct": "alice"}], "statuses": [], "hashtags": []}


@pytest.fixture
def fake(fake_at):
    """A client that believes the server runs the newest supported version."""
    return fake_at()


# ---------------------------------------------------------------- search (fake)

def test_search_uses_v2_on_new_servers(fake):
    fake.queue(json=RESULTS)
    result = fake.api.search("alice", result_type="accounts", account_id={"id": "5"}, offset=0,
                             limit=5, min_id=1, max_id=9, resolve=False)
    assert fake.calls == [("GET", "/api/v2/search")]
    assert fake.last_query() == [  # resolve=False is left out, as Mastodon.py leaves it out
        ("q", "alice"), ("type", "accounts"), ("account_id", "5"),
        ("offset", "0"), ("min_id", "1"), ("max_id", "9"), ("limit", "5"),
        ("exclude_unreviewed", "1")]
    assert isinstance(result, SearchV2) and result.accounts[0].acct == "alice"


def test_search_asks_the_server_version_once(fake_at):
    helper = FakeMastodon()  # no version given: the client asks the server
    try:
        helper.queue(json={"version": "4.2.0"})  # v1, then v2 (as Mastodon.py asks)
        helper.queue(json={})
        helper.queue(json=RESULTS)
        helper.queue(json=RESULTS)
        helper.api.search("a")
        helper.api.search("b")
        assert helper.calls == [("GET", "/api/v1/instance/"), ("GET", "/api/v2/instance/"),
                                ("GET", "/api/v2/search"), ("GET", "/api/v2/search")]
    finally:
        helper.close()


def test_search_falls_back_to_v1_on_old_servers(fake_at):
    old = fake_at("2.3.0")
    old.queue(json={"accounts": [], "statuses": [], "hashtags": ["tag"]})
    result = old.api.search("tag")
    assert old.calls == [("GET", "/api/v1/search")]
    assert old.last_query() == [("q", "tag"), ("resolve", "1")]
    assert isinstance(result, Search) and result.hashtags == ["tag"]
    assert len(old.requests) == 1


def test_search_with_v2_parameters_asks_v2_search_without_version_checks(fake_at):
    old = fake_at("2.3.0")  # version_check_mode="none": the server decides
    old.queue(json=RESULTS)
    assert isinstance(old.api.search("tag", result_type="accounts"), SearchV2)
    assert old.calls == [("GET", "/api/v2/search")]
    assert ("type", "accounts") in old.last_query()


def test_search_with_v2_parameters_is_refused_by_version_checks(fake_at):
    old = fake_at("2.3.0", version_check_mode="created")
    with pytest.raises(MastodonVersionError, match="result_type.*2.4.1.*runs 2.3.0"):
        old.api.search("tag", result_type="hashtags")
    assert old.requests == []


def test_search_v2_filters_go_to_the_server_without_version_checks(fake_at):
    before_filters = fake_at("2.5.0")
    before_filters.api.search_v2("x")
    assert before_filters.last_query() == [("q", "x"), ("resolve", "1")]
    before_filters.api.search_v2("x", offset=5, following=True)
    assert before_filters.last_query() == [("q", "x"), ("resolve", "1"), ("offset", "5"),
                                           ("following", "1")]
    before_review = fake_at("2.9.0")
    before_review.api.search_v2("x", limit=3)
    assert before_review.last_query() == [("q", "x"), ("resolve", "1"), ("limit", "3")]


def test_search_v2_filters_are_refused_by_version_checks(fake_at):
    before_filters = fake_at("2.5.0", version_check_mode="created")
    before_filters.api.search_v2("x")
    with pytest.raises(MastodonVersionError, match="offset needs Mastodon 2.8.0.*runs 2.5.0"):
        before_filters.api.search_v2("x", offset=5)
    assert len(before_filters.requests) == 1


def test_search_v2_following(fake):
    fake.queue(json=RESULTS)
    fake.api.search_v2("al", result_type="accounts", following=True)
    assert ("following", "1") in fake.last_query()
    fake.api.search("al", following=False)
    assert all(key != "following" for key, _ in fake.last_query())
    with pytest.raises(MastodonIllegalArgumentError, match="following"):
        fake.api.search_v2("al", following=["yes"])


def test_search_v1_shape(fake):
    fake.queue(json={"accounts": [], "statuses": [], "hashtags": []})
    assert isinstance(fake.api.search_v1("q", resolve=True), Search)
    assert fake.calls == [("GET", "/api/v1/search")]
    assert fake.last_query() == [("q", "q"), ("resolve", "1")]


def test_search_validation(fake):
    with pytest.raises(MastodonIllegalArgumentError, match="result_type"):
        fake.api.search_v2("x", result_type=["people"])
    with pytest.raises(MastodonIllegalArgumentError, match="q"):
        fake.api.search_v2(None)
    with pytest.raises(MastodonIllegalArgumentError, match="offset"):
        fake.api.search_v2("x", offset="two")
    assert fake.requests == []


def test_search_offset_pagination(fake):
    fake.queue(json={"accounts": [{"id": str(n)} for n in range(3)], "statuses": [],
                     "hashtags": []})
    page = fake.api.search_v2("a", result_type="accounts", limit=3)
    assert page._pagination_next["offset"] == 3
    fake.queue(json=RESULTS)
    following = fake.api.fetch_next(page)
    assert fake.calls[-1] == ("GET", "/api/v2/search")
    assert ("offset", "3") in fake.last_query() and ("type", "accounts") in fake.last_query()
    assert isinstance(following, SearchV2)
    fake.queue(json=RESULTS)
    assert "_pagination_next" not in vars(fake.api.search_v2("a"))


# ---------------------------------------------------------------- trends (fake)

@pytest.mark.parametrize("method, path, entity", [
    ("trending_tags", "/api/v1/trends/tags", Tag),
    ("trending_statuses", "/api/v1/trends/statuses", Status),
    ("trending_links", "/api/v1/trends/links", PreviewCard),
])
def test_trending_shapes(fake, method, path, entity):
    fake.queue(json=[{"name": "x", "url": "https://x.example", "id": "1"}], headers={
        "Link": f'<https://mastodon.example{path}?offset=20>; rel="next"'})
    page = getattr(fake.api, method)(limit=10, offset=10, lang="de")
    assert fake.calls == [("GET", path)]
    assert fake.last_query() == [("limit", "10"), ("offset", "10"), ("lang", "de")]
    assert isinstance(page[0], entity)
    assert page._pagination_next["offset"] == "20"


def test_trends_old_name_and_old_servers(fake_at):
    new = fake_at()
    new.api.trends(limit=3)
    assert new.calls == [("GET", "/api/v1/trends/tags")]
    assert new.last_query() == [("limit", "3")]
    old = fake_at("3.0.0")
    old.api.trending_tags()
    old.api.trends()
    assert old.calls == [("GET", "/api/v1/trends"), ("GET", "/api/v1/trends")]
    with pytest.raises(MastodonIllegalArgumentError):
        new.api.trending_statuses(limit="ten")


# ---------------------------------------------------------------- behaviour (mock)

def test_search_on_mock(client):
    alice = client("alice")
    alice.status_post("searching for #needle")
    found = alice.search("needle")
    assert isinstance(found, SearchV2)
    assert [t.name for t in found.hashtags] == ["needle"]
    assert [a.acct for a in alice.search("bob", result_type="accounts").accounts] == ["bob"]
    assert alice.search("bob", result_type="statuses").accounts == []
    assert isinstance(alice.search_v1("needle"), Search)
    assert alice.search_v2("zzz-nothing").accounts == []


def test_trends_on_mock(client):
    alice, bob = client("alice"), client("bob")
    popular = alice.status_post("this is #trending")
    bob.status_favourite(popular)
    assert "trending" in [t.name for t in alice.trending_tags()]
    assert [t.name for t in alice.trends(limit=5)] == [t.name for t in alice.trending_tags(limit=5)]
    assert popular.id in [s.id for s in alice.trending_statuses()]
    assert alice.trending_links() == []
    assert alice.trending_tags(offset=50) == []
