"""Hashtags, followed and featured tags: request shapes on the fake transport,
behaviour on the mock server."""
import pytest

from mastodon.errors import MastodonIllegalArgumentError
from mastodon.return_types import FeaturedTag, Tag
from mastodon.types_base import NonPaginatableList, PaginatableList

TAG = {"name": "cats", "url": "https://mastodon.example/tags/cats", "history": [],
       "following": True}


@pytest.mark.parametrize("method, verb, suffix", [
    ("tag", "GET", ""), ("tag_follow", "POST", "/follow"), ("tag_unfollow", "POST", "/unfollow"),
    ("tag_feature", "POST", "/feature"), ("tag_unfeature", "POST", "/unfeature"),
])
def test_tag_calls(fake, method, verb, suffix):
    fake.queue(json=TAG)
    result = getattr(fake.api, method)("cats")
    assert fake.calls == [(verb, f"/api/v1/tags/cats{suffix}")]
    assert fake.last_form() == [] and isinstance(result, Tag)
    getattr(fake.api, method)(result)  # a Tag works as well as its name
    assert fake.calls[-1] == (verb, f"/api/v1/tags/cats{suffix}")
    getattr(fake.api, method)("a/b?c")
    assert fake.last.path_url == f"/api/v1/tags/a%2Fb%3Fc{suffix}"
    for bad in ("#cats", "", None, 5):
        with pytest.raises(MastodonIllegalArgumentError):
            getattr(fake.api, method)(bad)
    assert len(fake.requests) == 3


def test_followed_tags_paginate(fake):
    link = '<https://mastodon.example/api/v1/followed_tags?max_id=3>; rel="next"'
    fake.queue(json=[TAG], headers={"Link": link})
    page = fake.api.followed_tags(limit=1)
    assert fake.calls == [("GET", "/api/v1/followed_tags")] and fake.last_query() == [("limit", "1")]
    assert isinstance(page, PaginatableList) and isinstance(page[0], Tag)
    assert page._pagination_next["max_id"] == 3


def test_featured_tags(fake):
    featured = {"id": "2", "name": "cats", "statuses_count": 3, "last_status_at": "2024-01-02"}
    fake.queue(json=[featured])
    fake.queue(json=[featured])
    fake.queue(json=featured)
    assert isinstance(fake.api.featured_tags()[0], FeaturedTag)
    suggestions = fake.api.featured_tag_suggestions()
    assert isinstance(suggestions, NonPaginatableList) and isinstance(suggestions[0], FeaturedTag)
    created = fake.api.featured_tag_create("cats")
    assert isinstance(created, FeaturedTag) and fake.last_form() == [("name", "cats")]
    assert fake.api.featured_tag_delete(created) is None
    assert fake.calls == [("GET", "/api/v1/featured_tags"),
                          ("GET", "/api/v1/featured_tags/suggestions"),
                          ("POST", "/api/v1/featured_tags"), ("DELETE", "/api/v1/featured_tags/2")]
    fake.api.featured_tag_create("#cats")  # the leading "#" is sent; the server strips it
    assert fake.last_form() == [("name", "#cats")]
    with pytest.raises(MastodonIllegalArgumentError):
        fake.api.featured_tag_create(None)


# ---------------------------------------------------------------- behaviour (mock server)

def test_mock_follow_tags(client):
    alice = client("alice")
    assert alice.tag_follow("cats").following is True
    alice.tag_follow("dogs")
    assert sorted(t.name for t in alice.followed_tags()) == ["cats", "dogs"]
    assert alice.tag("cats").following is True
    assert alice.tag_unfollow("cats").following is False
    assert [t.name for t in alice.followed_tags()] == ["dogs"]


def test_mock_featured_tags(client):
    alice = client("alice")
    alice.status_post("I like #python")
    created = alice.featured_tag_create("python")
    assert created.name == "python"
    assert [t.id for t in alice.featured_tags()] == [created.id]
    alice.featured_tag_suggestions()  # answers (the mock suggests nothing in particular)
    alice.featured_tag_delete(created)
    assert alice.featured_tags() == []
    featured = alice.tag_feature("rust")
    assert featured.name == "rust"
    assert [t.name for t in alice.featured_tags()] == ["rust"]
    alice.tag_unfeature("rust")
    assert alice.featured_tags() == []
