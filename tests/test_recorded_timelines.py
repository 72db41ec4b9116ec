"""Recorded Mastodon.py traffic, replayed: timelines, pagination bounds, bookmarks,
conversations, hashtags and featured tags (see support/vcr_replay.py)."""
from datetime import timedelta

import pytest

from mastodon.errors import MastodonDeprecationWarning, MastodonNotFoundError, MastodonUnauthorizedError
from support.vcr_replay import Replay, make_client


def test_home_tl():
    with Replay("test_home_tl") as rec:
        api = rec.api()
        status = api.status_post("Toot!")
        home = api.timeline_home()
        api.status_delete(status)
    assert status.id == "117020593473214477"
    assert status.id in [entry.id for entry in home]


@pytest.mark.parametrize("name", ["test_home_tl_anonymous_throws", "test_unauthed_home_tl_throws"])
def test_home_tl_without_token_raises(name):
    with Replay(name) as rec:
        api = rec.api()
        status = api.status_post("Toot!") if "unauthed" in name else None
        with pytest.raises(MastodonUnauthorizedError):
            rec.api(None).timeline_home()
        if status is not None:
            api.status_delete(status)
    assert rec.status(1 if status is not None else 0) == 401


def test_public_tl():
    with Replay("test_public_tl") as rec:
        api = rec.api(3)
        status = api.status_post("Toot, finally!")
        public = api.timeline_public()
        local = api.timeline_local()
        api.status_delete(status)
    assert status.id in [entry.id for entry in public]
    assert status.id in [entry.id for entry in local]


def test_public_tl_anonymous():
    with Replay("test_public_tl_anonymous") as rec:
        status = rec.api(3).status_post("Toot, finally!")
        public = rec.api(None).timeline_public()
        rec.api(3).status_delete(status)
    assert status.id == "117020593134559451" == public[0].id


def test_hashtag_tl():
    with Replay("test_hashtag_tl") as rec:
        api = rec.api(3)
        status = api.status_post("#hoot (hashtag toot)")
        tagged = api.timeline_hashtag("hoot")
        api.status_delete(status)
    assert [entry.id for entry in tagged] == [status.id]
    assert tagged[0].tags[0].name == "hoot"


def test_list_timeline():
    with Replay("test_list_timeline") as rec:
        api, api2 = rec.api(), rec.api(2)
        ham = api.list_create("ham burglars")
        admin = api2.account_verify_credentials()
        api.account_follow(admin)
        api.list_accounts_add(ham, [admin])
        status = api2.status_post("I have never stolen a ham in my life.", visibility="public")
        listed = api.timeline_list(ham)
        api2.status_delete(status)
        api.account_unfollow(admin)
        api.list_delete(ham)
    assert status.id in [entry.id for entry in listed]


def test_timeline_link_fails():
    with Replay("test_timeline_link_fails") as rec:
        with pytest.raises(MastodonNotFoundError):
            rec.api().timeline_link("http://example.com/")


def test_timeline_disabled():
    with Replay("test_timeline_disabled") as rec:
        api = rec.api()
        remote = make_client(None, base_url="https://mastodon.social", user_agent="mastodonpy")
        try:
            assert api.timeline_is_available("public") is True
            assert remote.timeline_is_available("public") is False
            both = api.timeline_public(local=True, remote=True)
            with pytest.warns(MastodonDeprecationWarning):
                assert api.instance_v1().version == "4.6.4"
                assert remote.instance_v1().uri == "mastodon.social"
        finally:
            remote.session.close()
    assert len(both) == 20


def test_min_max_id():
    with Replay("test_min_max_id") as rec:
        api = rec.api()
        status = api.status_post("Toot!")
        number = int(status.id)
        around = api.timeline_home(max_id=number + 1000, min_id=number - 1000)
        before = api.timeline_home(max_id=number - 1000, min_id=number - 2000)
        after = api.timeline_home(max_id=number + 2000, min_id=number + 1000)
        since = api.timeline_home(since_id=number - 1000)
        api.status_delete(status)
    assert [entry.id for entry in around] == [status.id] == [entry.id for entry in since]
    assert list(before) == [] and list(after) == []


def test_min_max_id_datetimes():
    with Replay("test_min_max_id_datetimes") as rec:
        api = rec.api()
        status = api.status_post("Toot!")
        step = timedelta(seconds=20)
        around = api.timeline_home(max_id=status.created_at + step,
                                   min_id=status.created_at - step)
        later = api.timeline_home(max_id=status.created_at + 2 * step,
                                  min_id=status.created_at + step)
        api.status_delete(status)
    assert [entry.id for entry in around] == [status.id] and list(later) == []


def test_bookmarks():
    with Replay("test_bookmarks") as rec:
        api = rec.api()
        status = api.status_post("Toot!")
        marked = api.status_bookmark(status)
        listed = api.bookmarks()
        one = api.bookmarks(limit=1)
        api.status_unbookmark(status)
        after = api.bookmarks()
        api.status_delete(status)
    assert marked.bookmarked is True
    assert [entry.id for entry in listed] == [status.id] == [entry.id for entry in one]
    assert list(after) == []


def test_conversations():
    with Replay("test_conversations") as rec:
        admin = rec.api(2).account_verify_credentials()
        api3 = rec.api(3)
        status = api3.status_post(f"@{admin.username} ilu bby ;3", visibility="direct")
        conversations = api3.conversations()
        read = api3.conversations_read(conversations[0])
        again = api3.conversations()
        api3.status_delete(status)
    assert status.visibility == "direct"
    assert conversations[0].id == "15" and conversations[0].last_status.id == status.id
    assert read.unread is False and again[0].id == read.id


def test_featured_tags():
    with Replay("test_featured_tags") as rec:
        api = rec.api()
        ringtones = api.featured_tag_create("ringtones")
        coolfree = api.featured_tag_create("#coolfree")
        api.featured_tag_delete(ringtones)
        featured = api.account_featured_tags(api.account_verify_credentials())
        api.featured_tag_delete(coolfree)
    assert (ringtones.id, ringtones.name) == ("1", "ringtones")
    assert coolfree.name == "coolfree"
    assert [tag.name for tag in featured] == ["coolfree"]


def test_featured_tags_2():
    with Replay("test_featured_tags_2") as rec:
        api = rec.api()
        ringtones = api.tag_feature("ringtones")
        api.tag_feature("coolfree")
        api.tag_unfeature("ringtones")
        featured = api.account_featured_tags(api.account_verify_credentials())
        api.tag_unfeature("coolfree")
    assert ringtones.name == "ringtones"
    assert [tag.name for tag in featured] == ["coolfree"]


def test_suggested_tags():
    with Replay("test_suggested_tags") as rec:
        api = rec.api()
        status = api.status_post("cool free #ringtones")
        suggested = api.featured_tag_suggestions()
        api.status_delete(status)
    assert [tag.name for tag in suggested] == ["ringtones"]


def test_followed_hashtags():
    with Replay("test_followed_hashtags") as rec:
        api = rec.api()
        api.tag_unfollow("heeho")
        before = api.followed_tags()
        followed = api.tag_follow("heeho")
        during = api.followed_tags()
        unfollowed = api.tag_unfollow("heeho")
        tag = api.tag("heeho")
    assert list(before) == [] and followed.following is True
    assert [entry.name for entry in during] == ["heeho"]
    assert unfollowed.following is False and tag.following is False and tag.id == "3"
