"""Recorded Mastodon.py traffic, replayed: lists, media uploads, polls, search and
v2 filters (see support/vcr_replay.py)."""
import pytest

import mastodon.media
from mastodon.errors import MastodonAPIError, MastodonDeprecationWarning
from support.vcr_replay import Replay

ADMIN = "117020565693913441"


@pytest.fixture
def no_media_wait(monkeypatch):
    """``media_post(synchronous=True)`` polls without sleeping (the answers are recorded)."""
    monkeypatch.setattr(mastodon.media, "MEDIA_POLL_INTERVAL", 0)


def _uploads(rec, tmp_path, suffixes):
    """The recorded uploads written to files with the given suffixes, as paths."""
    paths = []
    for index, (content, suffix) in enumerate(zip(rec.uploads(), suffixes)):
        path = tmp_path / f"upload{index}{suffix}"
        path.write_bytes(content)
        paths.append(path)
    return paths


def test_list_create():
    with Replay("test_list_create") as rec:
        api = rec.api()
        ham = api.list_create("ham burglars")
        lists = api.lists()
        api.list_delete(ham)
    assert (ham.id, ham.title, ham.replies_policy, ham.exclusive) == (
        "1", "ham burglars", "list", False)
    assert ham.id in [entry.id for entry in lists]


def test_list_update():
    with Replay("test_list_update") as rec:
        api = rec.api()
        ham = api.list_create("ham burglars")
        fry = api.list_update(ham, "fry kids")
        first = api.lists()
        second = api.lists()
        fetched = api.list(ham)
        api.list_delete(ham)
    assert fry.id == ham.id == "2" and fry.title == "fry kids"
    assert [entry.title for entry in first] == [entry.title for entry in second]
    assert fetched.title == "fry kids"


def test_list_add_remove_account():
    with Replay("test_list_add_remove_account") as rec:
        api = rec.api()
        ham = api.list_create("ham burglars")
        admin = rec.api(2).account_verify_credentials()
        api.account_follow(admin)
        api.list_accounts_add(ham, [admin])
        members = api.list_accounts(ham)
        api.account_unfollow(admin)
        after_unfollow = api.list_accounts(ham)
        api.account_follow(admin)
        api.list_accounts_add(ham, [admin])
        again = api.list_accounts(ham)
        api.list_accounts_delete(ham, [admin])
        emptied = api.list_accounts(ham)
        api.account_unfollow(admin)
        api.list_delete(ham)
    assert [account.id for account in members] == [ADMIN] == [a.id for a in again]
    assert list(after_unfollow) == [] and list(emptied) == []


def test_list_by_account():
    with Replay("test_list_by_account") as rec:
        api = rec.api()
        ham = api.list_create("ham burglars")
        admin = rec.api(2).account_verify_credentials()
        api.account_follow(admin)
        api.list_accounts_add(ham, [admin])
        containing = api.account_lists(admin)
        api.account_unfollow(admin)
        api.list_delete(ham)
    assert [entry.id for entry in containing] == [ham.id] == ["4"]


@pytest.mark.parametrize("sensitive", [False, True])
def test_media_post(tmp_path, no_media_wait, sensitive):
    with Replay(f"test_media_post[{sensitive}]") as rec:
        api = rec.api()
        video, thumbnail = _uploads(rec, tmp_path, [".mp4", ".jpg"])
        media = api.media_post(str(video), description="me when a cat", focus=(-0.5, 0.3),
                               thumbnail=thumbnail, synchronous=True)
        status = api.status_post("LOL check this out", media_ids=media, sensitive=sensitive)
        api.status_delete(status)
    assert media.type == "video" and media.url is not None
    assert media.description == "me when a cat" and media.meta.focus.x == -0.5
    assert status.media_attachments[0].id == media.id and status.sensitive is sensitive


@pytest.mark.parametrize("how", ["file", "pathlib"])
def test_media_post_file_or_path(tmp_path, how):
    with Replay(f"test_media_post_{how}") as rec:
        (image,) = _uploads(rec, tmp_path, [".jpg"])
        api = rec.api()
        if how == "file":
            with open(image, "rb") as handle:
                media = api.media_post(handle, mime_type="image/jpeg")
        else:
            media = api.media_post(image)
    assert media.type == "image" and media.id == rec.answer(0)["id"]


def test_media_post_multiple(tmp_path):
    with Replay("test_media_post_multiple") as rec:
        api = rec.api()
        walk, detective = _uploads(rec, tmp_path, [".jpg", ".jpg"])
        first = api.media_post(walk, description="John Lennon doing a funny walk",
                               focus=(-0.5, 0.3))
        with pytest.warns(MastodonDeprecationWarning):
            assert api.instance_v1().version == api.instance_v2().version
        second = api.media_post(detective, description="hololives #1 detective, watson ameliachan",
                                focus=(0.5, 0.5))
        status = api.status_post("LOL check this out", media_ids=[first, second])
        api.status_delete(status)
    assert [media.id for media in status.media_attachments] == [first.id, second.id]


def test_media_update(tmp_path):
    with Replay("test_media_update") as rec:
        api = rec.api()
        video, thumbnail = _uploads(rec, tmp_path, [".mp4", ".jpg"])
        media = api.media_post(video, description="me when a cat", focus=(-0.5, 0.3))
        updated = api.media_update(media, description="John Lennon doing a cool walk",
                                   focus=(0.69, 0.69), thumbnail=thumbnail)
    assert updated.id == media.id
    assert updated.description == "John Lennon doing a cool walk"
    assert updated.meta.focus.x == 0.69 and updated.preview_url != media.preview_url


def test_polls():
    with Replay("test_polls") as rec:
        api, api2 = rec.api(), rec.api(2)
        poll = api2.make_poll(["four twenty", "sixty-nine"], expires_in=300, multiple=True)
        status = api2.status_post("nice", poll=poll)
        voted = api.poll_vote(status.poll, [1])
        seen = api.poll(status.poll)
        voted_again = api.poll_vote(status.poll, [0])
        final = api.poll(status.poll)
        api2.status_delete(status)
    assert status.poll.id == "1" and status.poll.multiple is True
    assert voted.own_votes == [1] and seen.votes_count == 1
    assert voted_again.own_votes == [1, 0] and final.votes_count == 2
    assert [option.votes_count for option in final.options] == [1, 1]


def test_poll_illegal_vote():
    with Replay("test_poll_illegal_vote") as rec:
        api, api2 = rec.api(), rec.api(2)
        status = api2.status_post("nice", poll=api2.make_poll(["four twenty", "sixty-nine"],
                                                               expires_in=300))
        assert api.poll_vote(status.poll.id, 1).voted is True
        with pytest.raises(MastodonAPIError) as caught:
            api.poll_vote(status.poll.id, 0)
    assert caught.value.status_code == 422


def test_search():
    with Replay("test_search") as rec:
        api = rec.api()
        found = api.search("mastodonpy_test")
        found_v2 = api.search_v2("mastodonpy_test")
        statuses = api.search_v2("mastodonpy_test", result_type="statuses")
    assert found.accounts[0].username == "mastodonpy_test"
    assert [a.id for a in found.accounts] == [a.id for a in found_v2.accounts]
    assert list(statuses.statuses) == [] and list(statuses.accounts) == []


def test_v2_filters_keywords():
    with Replay("test_v2_filters_keywords") as rec:
        api = rec.api(2)
        created = api.create_filter_v2(
            title="Test Filter", context=["home", "public"], filter_action="warn",
            keywords_attributes=[{"keyword": "spam", "whole_word": True},
                                 {"keyword": "eggs", "whole_word": False}])
        fetched = api.filter_v2(created)
        updated = api.update_filter_v2(created, title="Updated Title", filter_action="hide")
        keywords = api.filter_keywords_v2(created)
        added = api.add_filter_keyword_v2(created, "foo", whole_word=True)
        more = api.filter_keywords_v2(created)
        api.delete_filter_keyword_v2(keywords[0])
        fewer = api.filter_keywords_v2(created)
        api.delete_filter_v2(created)
    assert created.id == fetched.id == "1" and created.context == ["home", "public"]
    assert [k.keyword for k in created.keywords] == ["spam", "eggs"]
    assert updated.title == "Updated Title" and updated.filter_action == "hide"
    assert added.keyword == "foo" and added.whole_word is True
    assert [k.id for k in more] == ["1", "2", "3"] and [k.id for k in fewer] == ["2", "3"]
    assert len(keywords) == 2


def test_v2_filters_statuses():
    with Replay("test_v2_filters_statuses") as rec:
        api, api2 = rec.api(), rec.api(2)
        created = api2.create_filter_v2(title="Status Filter Test", context=["home"],
                                        filter_action="warn")
        status = api.status_post("This is a test status for filter!", visibility="public")
        added = api2.add_filter_status_v2(created, status)
        listed = api2.filter_statuses_v2(created)
        fetched = api2.filter_status_v2(added)
        listed_again = api2.filter_statuses_v2(created)
        api2.delete_filter_status_v2(added)
        api2.delete_filter_v2(created)
        api.status_delete(status)
    assert added.status_id == status.id == fetched.status_id
    assert [entry.id for entry in listed] == [added.id] == [e.id for e in listed_again]
