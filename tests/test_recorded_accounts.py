"""Recorded Mastodon.py traffic, replayed: accounts, relationships, profile edits.

Each test performs what its cassette's name says (tests/recorded/cassettes) and
asserts on the answers the real server gave; see support/vcr_replay.py.
"""
from datetime import datetime

import pytest

from mastodon.errors import MastodonAPIError, MastodonDeprecationWarning, MastodonNotFoundError
from support.vcr_replay import Replay

ADMIN_OLD = "117020457624302809"  # "admin" in the first batch of recordings
ADMIN = "117020565693913441"  # "admin" in the later recordings
TEST_OLD = "117020457910412882"  # "mastodonpy_test", first batch
TEST = "117020565966271181"  # "mastodonpy_test", later recordings
TEST_2 = "117020566092212359"  # "mastodonpy_test_2"


def test_account():
    with Replay("test_account") as rec:
        api = rec.api()
        me = api.account_verify_credentials()
        account = api.account(me)
    assert me.id == account.id == TEST_OLD
    assert account.username == "mastodonpy_test" and account.locked is True
    assert isinstance(account.created_at, datetime)


def test_verify_credentials():
    with Replay("test_verify_credentials") as rec:
        api = rec.api()
        first = api.account_verify_credentials()
        second = api.me()
    assert first.id == second.id == TEST_OLD
    assert first.acct == "mastodonpy_test"


def test_accounts():
    with Replay("test_accounts") as rec:
        api = rec.api()
        one = api.account_lookup("mastodonpy_test")
        two = api.account_lookup("mastodonpy_test_2")
        both = api.accounts([one.id, two])
    assert [account.username for account in both] == ["mastodonpy_test", "mastodonpy_test_2"]
    assert both[1].id == "117020458041994908"


def test_account_lookup():
    with Replay("test_account_lookup") as rec:
        api = rec.api()
        me = api.account_verify_credentials()
        with pytest.raises(MastodonNotFoundError):
            api.account_lookup("kljadklajsdkljlkjlkjlkjasdasd")
        assert api.account_lookup("mastodonpy_test").id == me.id
        assert api.account_lookup("mastodonpy_test@localhost:3000").id == me.id
    assert me.display_name == "John Lennon"


def test_account_relationships():
    with Replay("test_account_relationships") as rec:
        api = rec.api()
        me = api.account_verify_credentials()
        relationships = api.account_relationships(me)
    assert len(relationships) == 1
    assert relationships[0].id == me.id and relationships[0].following is False


@pytest.mark.parametrize("name", ["followers", "following"])
def test_account_followers_and_following(name):
    with Replay(f"test_account_{name}") as rec:
        api = rec.api()
        me = api.account_verify_credentials()
        page = getattr(api, f"account_{name}")(me.id)
    assert me.id == TEST_OLD and list(page) == []


def test_account_follow_unfollow():
    with Replay("test_account_follow_unfollow") as rec:
        admin = rec.api(2).account_verify_credentials()
        api = rec.api()
        followed = api.account_follow(admin)
        unfollowed = api.account_unfollow(admin)
    assert admin.id == ADMIN_OLD
    assert followed.following is True and followed.showing_reblogs is True
    assert unfollowed.following is False


def test_follow_with_notify_reblog():
    with Replay("test_follow_with_notify_reblog") as rec:
        api, api2, api3 = rec.api(), rec.api(2), rec.api(3)
        admin = api2.account_verify_credentials()
        relationship = api.account_follow(admin, notify=True, reblogs=False)
        status_3 = api3.status_post("rootin tooting and shootin")
        status_2 = api2.status_post("horses are not real")
        boost = api2.status_reblog(status_3)
        notifications = api.notifications()
        home = api.timeline_home(local=True)
        api.account_unfollow(admin)
        api3.status_delete(status_3)
        api2.status_delete(status_2)
    assert relationship.notifying is True and relationship.showing_reblogs is False
    assert boost.reblog.id == status_3.id
    assert notifications[0].type == "status" and notifications[0].status.id == status_2.id
    assert status_2.id in [status.id for status in home]
    assert boost.id not in [status.id for status in home]


def test_account_block_unblock():
    with Replay("test_account_block_unblock") as rec:
        admin = rec.api(2).account_verify_credentials()
        api = rec.api()
        blocked = api.account_block(admin)
        unblocked = api.account_unblock(admin)
    assert blocked.blocking is True and unblocked.blocking is False


def test_account_mute_unmute():
    with Replay("test_account_mute_unmute") as rec:
        admin = rec.api(2).account_verify_credentials()
        api = rec.api()
        muted = api.account_mute(admin)
        unmuted = api.account_unmute(admin)
        timed = api.account_mute(admin, duration=3)
        later = api.account_relationships(admin)
    assert muted.muting is True and muted.muting_expires_at is None
    assert unmuted.muting is False
    assert timed.muting is True and isinstance(timed.muting_expires_at, datetime)
    assert later[0].muting is False  # the three-second mute had run out


def test_account_endorse_unendorse():
    with Replay("test_account_endorse_unendorse") as rec:
        admin = rec.api(2).account_verify_credentials()
        api = rec.api()
        api.account_follow(admin)
        api.account_unendorse(admin)
        endorsed = api.account_endorse(admin)
        featured = api.endorsements()
        api.account_unendorse(admin)
        after = api.endorsements()
        api.account_unfollow(admin)
    assert endorsed.endorsed is True
    assert [account.id for account in featured] == [ADMIN]
    assert list(after) == []


def test_account_pin_unpin():
    with Replay("test_account_pin_unpin") as rec:
        admin = rec.api(2).account_verify_credentials()
        api = rec.api()
        api.account_follow(admin)
        with pytest.warns(MastodonDeprecationWarning):
            api.account_unpin(admin)
        with pytest.warns(MastodonDeprecationWarning):
            pinned = api.account_pin(admin)
        featured = api.endorsements()
        with pytest.warns(MastodonDeprecationWarning):
            api.account_unpin(admin)
        after = api.endorsements()
        api.account_unfollow(admin)
    assert pinned.endorsed is True
    assert [account.id for account in featured] == [ADMIN] and list(after) == []


def test_account_notes():
    with Replay("test_account_notes") as rec:
        admin = rec.api(2).account_verify_credentials()
        relationship = rec.api().account_note_set(admin, "top ebayer gerne wieder")
    assert relationship.note == "top ebayer gerne wieder"


def test_account_remove_from_followers():
    with Replay("test_account_remove_from_followers") as rec:
        api, api2 = rec.api(), rec.api(2)
        api.account_follow(api2.account_verify_credentials())
        assert api.account_relationships(api2.account_verify_credentials())[0].following
        api2.account_remove_from_followers(api.account_verify_credentials())
        after = api.account_relationships(api2.account_verify_credentials())
    assert after[0].id == ADMIN and after[0].following is False


def test_account_familiar_followers():
    with Replay("test_account_familiar_followers") as rec:
        api, api2, api3 = rec.api(), rec.api(2), rec.api(3)
        single = api.account_familiar_followers(api2.account_verify_credentials())
        assert single[0].id == api2.account_verify_credentials().id
        several = api.account_familiar_followers(
            [api2.account_verify_credentials(), api3.account_verify_credentials()])
        expected = [api2.account_verify_credentials().id, api3.account_verify_credentials().id]
    assert [entry.id for entry in single] == [ADMIN] and single[0].accounts == []
    assert [entry.id for entry in several] == expected == [ADMIN, TEST_2]


def test_account_search():
    with Replay("test_account_search") as rec:
        api = rec.api()
        found = api.account_search("admin")
        api.account_follow(found[0])
        following = api.account_search("admin", following=True)
        api.account_unfollow(found[0])
        after = api.account_search("admin", following=True)
        again = api.account_search("admin")
    assert found[0].id == ADMIN_OLD and found[0].username == "admin"
    assert [account.id for account in following] == [found[0].id]
    assert list(after) == [] and again[0].id == found[0].id


def test_account_pinned():
    with Replay("test_account_pinned") as rec:
        api = rec.api()
        first = api.status_post("Toot!")
        second = api.status_post("Toot, too!")
        pinned = api.status_pin(first)
        me = api.account_verify_credentials()
        listed = api.account_statuses(me, pinned=True)
        api.status_unpin(first)
        api.status_delete(second)
        api.status_delete(first)
    assert pinned.pinned is True
    assert [status.id for status in listed] == [first.id] == ["117020569296803689"]


def test_blocks_mutes_and_follow_requests_are_empty():
    for name, method in (("test_blocks", "blocks"), ("test_mutes", "mutes"),
                         ("test_follow_requests", "follow_requests"),
                         ("test_domain_blocks", "domain_blocks")):
        with Replay(name) as rec:
            assert list(getattr(rec.api(), method)()) == []


def test_domain_block_unblock():
    with Replay("test_domain_block_unblock") as rec:
        api = rec.api()
        api.domain_block("example.com")
        api.domain_unblock("example.com")


@pytest.mark.parametrize("decision", ["authorize", "reject"])
def test_follow_request_decisions(decision):
    with Replay(f"test_follow_request_{decision}") as rec:
        api, api2 = rec.api(), rec.api(2)
        me = api.account_verify_credentials()
        requested = api2.account_follow(me)
        pending = api.follow_requests()
        answer = getattr(api, f"follow_request_{decision}")(pending[0])
        if decision == "authorize":
            api2.account_unfollow(me)
    assert me.locked is True and requested.requested is True
    assert [account.id for account in pending] == [ADMIN]
    assert answer.followed_by is (decision == "authorize")


def test_account_update_credentials(tmp_path):
    with Replay("test_account_update_credentials") as rec:
        avatar, header = tmp_path / "avatar.jpg", tmp_path / "header.jpg"
        uploads = rec.uploads()
        avatar.write_bytes(uploads[0])
        header.write_bytes(uploads[1])
        api = rec.api()
        account = api.account_update_credentials(
            display_name="John Lennon", note="I walk funny", avatar=str(avatar),
            header=str(header), fields=[("bread", "toasty."), ("lasagna", "no!!!")],
            attribution_domains=["example.com", "another-example.com"])
        without_avatar = api.account_delete_avatar()
        without_header = api.account_delete_header()
    assert account.display_name == "John Lennon"
    assert [(field.name, field.value) for field in account.fields] == [
        ("bread", "toasty."), ("lasagna", "no!!!")]
    assert account.source.attribution_domains == ["example.com", "another-example.com"]
    assert without_avatar.avatar != account.avatar
    assert without_header.header != account.header


@pytest.mark.parametrize("kept", ["avatar", "header"])
def test_account_update_credentials_one_image(tmp_path, kept):
    name = "no_avatar" if kept == "header" else "no_header"
    with Replay(f"test_account_update_credentials_{name}") as rec:
        image = tmp_path / "image.jpg"
        image.write_bytes(rec.uploads()[0])
        account = rec.api().account_update_credentials(
            display_name="John Lennon", note="I walk funny", **{kept: str(image)})
    assert account.id == TEST and account.note == "<p>I walk funny</p>"


def test_account_update_credentials_quote_policy():
    with Replay("test_account_update_credentials_quote_policy") as rec:
        api = rec.api()
        changed = api.account_update_credentials(default_quote_policy="followers")
        seen = rec.api(2).account(changed)
        restored = api.account_update_credentials(default_quote_policy="public")
    assert changed.source.quote_policy == "followers"
    assert seen.id == changed.id
    assert restored.source.quote_policy == "public"


def test_account_update_credentials_source_and_privacy():
    with Replay("test_account_update_credentials_source_and_privacy") as rec:
        account = rec.api().account_update_credentials(
            hide_collections=True, indexable=True, default_privacy="unlisted",
            default_sensitive=True, default_language="en")
    assert account.indexable is True and account.hide_collections is True
    assert account.source.privacy == "unlisted" and account.source.sensitive is True
    assert account.source.language == "en"


def test_account_update_credentials_too_many_fields():
    fields = [("a", "b"), ("c", "d"), ("e", "f"), ("g", "h"), ("i", "j")]
    with Replay("test_account_update_credentials_too_many_fields") as rec:
        with pytest.raises(MastodonAPIError) as caught:
            rec.api().account_update_credentials(fields=fields)
    assert caught.value.status_code == 422 == rec.status(0)
