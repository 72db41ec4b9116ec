"""The Platypush ``mastodon`` plugin's actions (seed 002, items P01-P60 of the seed
checklist), played by a thin adapter the way the plugin drives the library, against
the mock server.

Each adapter method is one plugin action and does what the plugin does: build a
client from ``base_url`` and ``access_token`` (no app registration), call one
library method with the plugin's defaults (``limit=20``), return plain data.
"""
from typing import Optional

import pytest

from mastodon import Mastodon
from mastodon.errors import (
    MastodonDeprecationWarning, MastodonIllegalArgumentError, MastodonNotFoundError,
)
from support.extras import require_extra

PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00"
       b"\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\xcf\xc0\xf0\x1f\x00\x05\x00\x01\xff"
       b"\x89\x99=\x1d\x00\x00\x00\x00IEND\xaeB`\x82")


class Platypush:
    """The plugin's actions over one ``Mastodon(api_base_url=..., access_token=...)``."""

    def __init__(self, base_url: str, access_token: Optional[str] = None) -> None:
        self.api = Mastodon(api_base_url=base_url, access_token=access_token)

    # accounts and relationships
    def get_account(self, account_id): return self.api.account(account_id)
    def follow_account(self, account_id, notify=False, reblogs=True):
        return self.api.account_follow(account_id, reblogs=reblogs, notify=notify)
    def unfollow_account(self, account_id): return self.api.account_unfollow(account_id)
    def block_account(self, account_id): return self.api.account_block(account_id)
    def unblock_account(self, account_id): return self.api.account_unblock(account_id)
    def mute_account(self, account_id): return self.api.account_mute(account_id)
    def unmute_account(self, account_id): return self.api.account_unmute(account_id)
    def pin_account(self, account_id): return self.api.account_pin(account_id)
    def unpin_account(self, account_id): return self.api.account_unpin(account_id)
    def set_account_note(self, account_id, note): return self.api.account_note_set(account_id, note)
    def get_blocked_accounts(self, max_id=None, since_id=None, limit=20):
        return self.api.blocks(max_id=max_id, since_id=since_id, limit=limit)
    def get_muted_accounts(self, max_id=None, since_id=None, limit=20):
        return self.api.mutes(max_id=max_id, since_id=since_id, limit=limit)
    def get_followers(self, account_id, max_id=None, since_id=None, limit=20):
        return self.api.account_followers(account_id, max_id=max_id, since_id=since_id, limit=limit)
    def get_following(self, account_id, max_id=None, since_id=None, limit=20):
        return self.api.account_following(account_id, max_id=max_id, since_id=since_id, limit=limit)
    def get_featured_lists(self, account_id): return self.api.account_lists(account_id)
    def get_statuses(self, account_id, min_id=None, max_id=None, limit=20):
        return self.api.account_statuses(account_id, min_id=min_id, max_id=max_id, limit=limit)

    def update_account(self, discoverable=None, bot=None, display_name=None, note=None,
                       avatar=None, header=None, locked=None, privacy=None, sensitive=None,
                       language=None, metadata=None):
        return self.api.account_update_credentials(
            display_name=display_name, note=note, avatar=avatar, header=header, locked=locked,
            bot=bot, discoverable=discoverable,
            fields=list(metadata.items()) if metadata else None, default_privacy=privacy,
            default_sensitive=sensitive, default_language=language)

    def register_account(self, username, email, password, locale="en", reason=None,
                         client_id=None, client_secret=None):
        signup = Mastodon(client_id=client_id, client_secret=client_secret,
                          api_base_url=self.api.api_base_url)
        return signup.create_account(username, password, email, agreement=True, reason=reason,
                                     locale=locale, return_token_info=True)

    # statuses
    def get_status(self, status_id): return self.api.status(status_id)
    def publish_status(self, status, in_reply_to_id=None, media_ids=None, sensitive=None,
                       spoiler_text=None, visibility=None):
        return self.api.status_post(status, in_reply_to_id=in_reply_to_id, media_ids=media_ids,
                                    sensitive=sensitive, visibility=visibility,
                                    spoiler_text=spoiler_text)
    def remove_status(self, status_id): return self.api.status_delete(status_id)
    def add_favourite_status(self, status_id): return self.api.status_favourite(status_id)
    def remove_favourite_status(self, status_id): return self.api.status_unfavourite(status_id)
    def reblog_status(self, status_id): return self.api.status_reblog(status_id)
    def undo_reblog_status(self, status_id): return self.api.status_unreblog(status_id)
    def bookmark_status(self, status_id): return self.api.status_bookmark(status_id)
    def undo_bookmark_status(self, status_id): return self.api.status_unbookmark(status_id)
    def mute_status(self, status_id): return self.api.status_mute(status_id)
    def unmute_status(self, status_id): return self.api.status_unmute(status_id)
    def pin_status(self, status_id): return self.api.status_pin(status_id)
    def unpin_status(self, status_id): return self.api.status_unpin(status_id)
    def get_bookmarked_statuses(self, min_id=None, max_id=None, limit=20):
        return self.api.bookmarks(min_id=min_id, max_id=max_id, limit=limit)
    def get_favourited_statuses(self, min_id=None, max_id=None, limit=20):
        return self.api.favourites(min_id=min_id, max_id=max_id, limit=limit)

    # media
    def upload_media(self, file, description=None, thumbnail=None):
        return self.api.media_post(file, description=description, thumbnail=thumbnail)
    def update_media(self, media_id, description=None, thumbnail=None):
        return self.api.media_update(media_id, description=description, thumbnail=thumbnail)

    # timelines
    def get_home_timeline(self, local=False, only_media=False, min_id=None, max_id=None, limit=20):
        return self.api.timeline_home(local=local, only_media=only_media, min_id=min_id,
                                      max_id=max_id, limit=limit)
    def get_public_timeline(self, local=False, remote=False, only_media=False, min_id=None,
                            max_id=None, limit=20):
        return self.api.timeline_public(local=local, remote=remote, only_media=only_media,
                                        min_id=min_id, max_id=max_id, limit=limit)
    def get_hashtag_timeline(self, hashtag, local=False, only_media=False, min_id=None,
                             max_id=None, limit=20):
        return self.api.timeline_hashtag(hashtag, local=local, only_media=only_media,
                                         min_id=min_id, max_id=max_id, limit=limit)
    def get_list_timeline(self, list_id, min_id=None, max_id=None, limit=20):
        return self.api.timeline_list(list_id, min_id=min_id, max_id=max_id, limit=limit)

    # lists
    def get_lists(self, list_id=None):
        return self.api.list(list_id) if list_id else self.api.lists()
    def create_list(self, title, replies_policy="list"):
        return self.api.list_create(title, replies_policy=replies_policy)
    def update_list(self, list_id, title, replies_policy=None):
        if replies_policy is None:
            return self.api.list_update(list_id, title)
        return self.api.list_update(list_id, title, replies_policy=replies_policy)
    def delete_list(self, list_id): return self.api.list_delete(list_id)
    def get_list_accounts(self, list_id=None, min_id=None, max_id=None, limit=20):
        return self.api.list_accounts(list_id, min_id=min_id, max_id=max_id, limit=limit)
    def add_accounts_to_list(self, list_id, account_ids):
        return self.api.list_accounts_add(list_id, account_ids)
    def remove_accounts_from_list(self, list_id, account_ids):
        return self.api.list_accounts_delete(list_id, account_ids)

    # tags and filters
    def add_featured_tag(self, name): return self.api.featured_tag_create(name)
    def remove_featured_tag(self, tag_id): return self.api.featured_tag_delete(tag_id)
    def get_featured_tags(self, account_id=None):
        return self.api.account_featured_tags(account_id) if account_id else self.api.featured_tags()
    def get_filters(self): return self.api.filters()
    def create_filter(self, phrase, context, irreversible=None, whole_word=None, expires_in=None):
        return self.api.filter_create(phrase, context, irreversible=bool(irreversible),
                                      whole_word=whole_word is not False, expires_in=expires_in)
    def update_filter(self, filter_id, phrase=None, context=None, irreversible=None,
                      whole_word=None, expires_in=None):
        return self.api.filter_update(filter_id, phrase=phrase, context=context,
                                      irreversible=irreversible, whole_word=whole_word,
                                      expires_in=expires_in)
    def remove_filter(self, filter_id): return self.api.filter_delete(filter_id)

    # notifications, conversations, search
    def get_notifications(self, notification_id=None, min_id=None, max_id=None, limit=20):
        if notification_id:
            return self.api.notifications(id=notification_id)
        return self.api.notifications(min_id=min_id, max_id=max_id, limit=limit)
    def dismiss_notifications(self, notification_id=None):
        if notification_id:
            return self.api.notifications_dismiss(notification_id)
        return self.api.notifications_clear()
    def get_conversations(self, min_id=None, max_id=None, limit=20):
        return self.api.conversations(min_id=min_id, max_id=max_id, limit=limit)
    def mark_conversation_as_read(self, conversation_id):
        return self.api.conversations_read(conversation_id)
    def remove_conversation(self, conversation_id):
        return self.api.conversations_delete(conversation_id)
    def search(self, query, type=None, min_id=None, max_id=None, limit=20, offset=0,
               following=False):
        return self.api.search_v2(query, result_type=type, min_id=min_id, max_id=max_id,
                                  limit=limit, offset=offset, following=following)


@pytest.fixture
def plugin(mock, request):
    """The plugin as alice, and a second plugin instance as bob (the other party)."""
    def make(user_token: str) -> Platypush:
        instance = Platypush(mock.base_url, user_token)
        request.addfinalizer(instance.api.close)
        return instance
    return make


def test_status_actions(plugin, tmp_path):
    alice, bob = plugin("alice_token"), plugin("bob_token")
    picture = tmp_path / "cat.png"
    picture.write_bytes(PNG)
    media = alice.upload_media(str(picture), description="a cat")                       # P59
    media = alice.update_media(media, description="a grey cat")                         # P58
    assert media.description == "a grey cat"
    post = alice.publish_status("look #cats", media_ids=[media], sensitive=None,        # P36
                                spoiler_text="cat", visibility="public")
    assert alice.get_status(post.id).media_attachments[0].id == media.id               # P29
    for do, undo, flag in (("add_favourite_status", "remove_favourite_status", "favourited"),
                           ("bookmark_status", "undo_bookmark_status", "bookmarked"),
                           ("mute_status", "unmute_status", "muted"),
                           ("pin_status", "unpin_status", "pinned")):        # P02 P41 P05 P48 P33 P52 P35 P54
        assert getattr(alice, do)(post.id)[flag] is True
        assert getattr(alice, undo)(post.id)[flag] is False
    alice.bookmark_status(post.id)
    alice.add_favourite_status(post.id)
    assert [s.id for s in alice.get_bookmarked_statuses()] == [post.id]                # P13
    assert [s.id for s in alice.get_favourited_statuses()] == [post.id]                # P15
    boost = bob.reblog_status(post.id)                                                 # P37
    assert boost.reblog.id == post.id
    assert bob.undo_reblog_status(post.id).reblogged is False                          # P49
    assert [s.id for s in alice.get_statuses(alice.api.me().id)] == [post.id]          # P30
    assert post.id in [s.id for s in alice.get_hashtag_timeline("cats", only_media=True)]  # P21
    assert post.id in [s.id for s in bob.get_public_timeline(local=True)]             # P28
    assert post.id in [s.id for s in bob.get_home_timeline()]                          # P22 (bob follows alice)
    alice.remove_status(post.id)                                                       # P44
    with pytest.raises(MastodonNotFoundError):
        alice.get_status(post.id)


def test_account_and_list_actions(plugin, tmp_path):
    alice, bob = plugin("alice_token"), plugin("bob_token")
    bob_id = bob.api.me().id
    assert alice.get_account(bob_id).username == "bob"                                  # P11
    rel = alice.follow_account(bob_id, notify=True, reblogs=False)                     # P10
    assert rel.following and not rel.showing_reblogs  # (the mock does not keep ``notify``)
    assert bob_id in [a.id for a in alice.get_following(alice.api.me().id)]            # P20
    assert alice.api.me().id in [a.id for a in bob.get_followers(bob_id)]              # P19
    assert alice.set_account_note(bob_id, "from the bakery").note == "from the bakery"  # P46
    with pytest.warns(MastodonDeprecationWarning):
        assert alice.pin_account(bob_id).endorsed                                      # P34
    with pytest.warns(MastodonDeprecationWarning):
        assert alice.unpin_account(bob_id).endorsed is False                           # P53
    assert alice.mute_account(bob_id).muting                                           # P32
    assert [a.id for a in alice.get_muted_accounts()] == [bob_id]                      # P26
    assert alice.unmute_account(bob_id).muting is False                                # P51
    friends = alice.create_list("friends", replies_policy="followed")                  # P07
    assert friends.replies_policy == "followed"
    assert alice.update_list(friends.id, "bakers", replies_policy="none").title == "bakers"  # P57
    assert alice.get_lists(friends.id).replies_policy == "none"                        # P25
    assert [lst.id for lst in alice.get_lists()] == [friends.id]
    alice.add_accounts_to_list(friends.id, [bob_id])                                   # P01
    assert [a.id for a in alice.get_list_accounts(friends.id)] == [bob_id]             # P23
    assert [lst.id for lst in alice.get_featured_lists(bob_id)] == [friends.id]        # P16
    bread = bob.publish_status("fresh bread")
    assert [s.id for s in alice.get_list_timeline(friends.id)] == [bread.id]           # P24
    alice.remove_accounts_from_list(friends.id, [bob_id])                              # P39
    assert alice.get_list_accounts(friends.id) == []
    alice.delete_list(friends.id)                                                      # P08
    assert alice.get_lists() == []
    assert alice.unfollow_account(bob_id).following is False                           # P50
    assert alice.block_account(bob_id).blocking                                        # P04
    assert [a.id for a in alice.get_blocked_accounts()] == [bob_id]                    # P12
    assert alice.unblock_account(bob_id).blocking is False                             # P47

    avatar = tmp_path / "avatar.png"
    avatar.write_bytes(PNG)
    me = alice.update_account(discoverable=True, bot=True, display_name="Alice", note="hi",  # P55
                              avatar=str(avatar), header=str(avatar), locked=False,
                              privacy="unlisted", sensitive=True, language="de",
                              metadata={"site": "https://alice.example"})
    assert me.bot and me.discoverable and me.display_name == "Alice"
    assert [(f.name, f.value) for f in me.fields][0][0] == "site"
    source = alice.api.account_verify_credentials().source
    assert (source.privacy, source.sensitive, source.language) == ("unlisted", True, "de")


def test_tag_filter_notification_conversation_and_search_actions(plugin):
    alice, bob = plugin("alice_token"), plugin("bob_token")
    tag = alice.add_featured_tag("bread")                                              # P03
    assert [t.name for t in alice.get_featured_tags()] == ["bread"]                    # P17
    assert [t.name for t in bob.get_featured_tags(alice.api.me().id)] == ["bread"]
    alice.remove_featured_tag(tag.id)                                                  # P42
    assert alice.get_featured_tags() == []

    rye = alice.create_filter("rye", ["home"], whole_word=True)                        # P06
    assert alice.update_filter(rye.id, phrase="spelt").phrase == "spelt"               # P56
    assert [f.phrase for f in alice.get_filters()] == ["spelt"]                        # P18
    alice.remove_filter(rye.id)                                                        # P43
    assert alice.get_filters() == []

    bob.publish_status("@alice psst", visibility="direct")
    bob.publish_status("@alice hello")
    notes = alice.get_notifications()                                                  # P27
    mentions = [n for n in notes if n.type == "mention"]
    assert len(mentions) == 2
    assert alice.get_notifications(mentions[0].id).id == mentions[0].id
    alice.dismiss_notifications(mentions[0].id)                                        # P09
    assert mentions[0].id not in [n.id for n in alice.get_notifications()]
    assert len(alice.get_notifications()) == len(notes) - 1
    alice.dismiss_notifications()
    assert alice.get_notifications() == []

    [conversation] = alice.get_conversations()                                         # P14
    assert alice.mark_conversation_as_read(conversation.id).unread is False            # P31
    alice.remove_conversation(conversation.id)                                         # P40
    assert alice.get_conversations() == []

    everyone = alice.search("bob", type="accounts")                                    # P45
    assert [a.username for a in everyone.accounts] == ["bob"]
    alice.follow_account(bob.api.me().id)
    # (the mock ignores ``following``; test_search_trends checks that it is sent)
    followed = alice.search("bob", type="accounts", following=True)
    assert [a.username for a in followed.accounts] == ["bob"]


def test_register_account_returns_the_token_answer(mock):
    client_id, client_secret = Mastodon.create_app("platypush", api_base_url=mock.base_url)
    plugin = Platypush(mock.base_url)
    token = plugin.register_account("dora", "dora@example.org", "a long enough password",   # P38
                                    reason="hi", client_id=client_id, client_secret=client_secret)
    assert set(token) >= {"access_token", "created_at", "scope", "token_type"}
    assert token.token_type.lower() == "bearer"
    assert Platypush(mock.base_url, token.access_token).api.me().username == "dora"


def test_push_subscription_service(plugin):                                           # P60
    require_extra("webpush", "cryptography", "http_ece")
    alice = plugin("alice_token")
    keys = alice.api.push_subscription_generate_keys()
    subscription = alice.api.push_subscription_set("https://relay.example/push", keys[1],
                                                   mention_events=True)
    assert subscription.endpoint == "https://relay.example/push"
    assert alice.api.push_subscription().alerts.mention is True



# ---------------------------------------------------------------- exact request shapes (fake)

def test_conversations_delete_request(fake):
    assert fake.api.conversations_delete({"id": "31"}) is None
    assert fake.calls == [("DELETE", "/api/v1/conversations/31")]


def test_create_account_token_info_and_default_string():
    from support.fake_transport import FakeMastodon
    answer = {"access_token": "user_tok", "token_type": "Bearer", "scope": "read",
              "created_at": 1700000000}
    helper = FakeMastodon(access_token=None, client_id="cid", client_secret="csecret")
    try:
        for detailed in (False, True):
            helper.queue(json={"access_token": "app_tok", "scope": "read"})
            helper.queue(json=answer)
            result = helper.api.create_account("n", "p", "e@example.org", agreement=True,
                                               scopes=["read"], return_detailed_error=detailed,
                                               return_token_info=True)
            token = result[0] if detailed else result
            assert dict(token) == answer and token.access_token == "user_tok"
        helper.queue(json={"access_token": "app_tok", "scope": "read"})
        helper.queue(json=answer)
        assert helper.api.create_account("n", "p", "e@example.org", agreement=True,
                                         scopes=["read"]) == "user_tok"
        with pytest.raises(MastodonIllegalArgumentError, match="return_token_info"):
            helper.api.create_account("n", "p", "e@example.org", return_token_info=["yes"])
        assert len(helper.requests) == 6
    finally:
        helper.close()
