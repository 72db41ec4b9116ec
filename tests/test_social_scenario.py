"""A day in the life of two users on the mock server: follow, organise in a list,
filter, mute, endorse and finally block."""
import pytest

from mastodon.errors import MastodonDeprecationWarning


def test_two_users_social_scenario(client, mock):
    alice = client("alice")
    dana = client(mock.new_user("dana"))
    alice_me, dana_me = alice.me(), dana.me()

    # Dana finds Alice by handle and follows her, without boosts; Alice follows back.
    found = dana.account_lookup("alice")
    assert found.id == alice_me.id
    rel = dana.account_follow(found, reblogs=False)
    assert rel.following and not rel.showing_reblogs
    alice.account_follow(dana_me)
    mutual = alice.account_relationships([dana_me])[0]
    assert mutual.following and mutual.followed_by
    assert dana_me.id in [a.id for a in alice.account_followers(alice_me)]

    # Alice keeps Dana in an exclusive list and reads that list's timeline.
    close = alice.list_create("close friends", replies_policy="list", exclusive=True)
    alice.list_accounts_add(close, dana_me)
    assert [lst.id for lst in alice.account_lists(dana_me)] == [close.id]
    dana.status_post("morning! the season finale spoiler is wild")
    dana.status_post("coffee first")
    listed = alice.timeline_list(close)
    assert len(listed) == 2

    # A phrase filter hides the spoiler on the client side, but only in its context
    # (list timelines are filtered with the "home" context).
    spoilers = alice.filter_create("spoiler", ["home", "thread"], whole_word=True)
    kept = alice.filters_apply(listed, alice.filters(), "home")
    assert [s.content for s in kept] == [s.content for s in listed if "spoiler" not in s.content]
    assert len(kept) == 1 and "coffee" in kept[0].content
    assert alice.filters_apply(listed, [spoilers], "public") == listed

    # Alice notes why she knows Dana and features her on her profile.
    assert alice.account_note_set(dana_me, "met at the book club").note == "met at the book club"
    assert alice.account_endorse(dana_me).endorsed
    assert [a.id for a in alice.endorsements()] == [dana_me.id]
    with pytest.warns(MastodonDeprecationWarning):
        assert alice.account_unpin(dana_me).endorsed is False

    # Dana gets noisy: a temporary mute, then lifted.
    muted = alice.account_mute(dana_me, notifications=False, duration=3600)
    assert muted.muting and not muted.muting_notifications
    assert [a.id for a in alice.mutes()] == [dana_me.id]
    assert not alice.account_unmute(dana_me).muting

    # Finally Alice blocks Dana: follows end both ways.
    blocked = alice.account_block(dana_me)
    assert blocked.blocking and not blocked.following and not blocked.followed_by
    assert [a.id for a in alice.blocks()] == [dana_me.id]
    assert dana.account_relationships(alice_me)[0].following is False
    assert dana_me.id not in [a.id for a in alice.account_followers(alice_me)]
    alice.account_unblock(dana_me)
    assert alice.blocks() == []
