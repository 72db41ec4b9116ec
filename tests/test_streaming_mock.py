"""Streaming against the real mastodon_mock server: every stream kind, every event kind.

Quirks of the mock that these tests work with (see ../shared/notes/mastodon_mock.md):
events published before a stream subscribed are dropped, so each test waits
for the first heartbeat (the mock's ``:connected`` comment) before acting;
it names the edit event ``status_update`` (real Mastodon: ``status.update``),
which dispatches to the same ``on_status_update``; and its
``/streaming/user/notification`` stream also carries updates.
Handles are always closed: an open stream keeps the mock from shutting down.
"""
from __future__ import annotations

import threading
from typing import Any, Callable, List

import pytest

from mastodon import Mastodon
from mastodon.return_types import Conversation, Notification, Status
from mastodon.streaming import CallbackStreamListener, StreamHandle
from mastodon.types_base import MaybeSnowflakeIdType
from support.stream_helpers import (  # noqa: F401 (handles: a fixture)
    Recorder, assert_no_stream_threads, handles, wait_until,
)


def start(handles: List[StreamHandle], method: Callable[..., Any], *args: Any,
          **kwargs: Any) -> Recorder:
    listener = Recorder()
    handle = method(*args, listener, run_async=True, **kwargs)
    handles.append(handle)
    listener.wait_connected()
    assert handle.is_alive() and handle.is_receiving()
    return listener


def check_status_events(listener: Recorder, poster: Mastodon, text: str,
                        for_stream: List[str]) -> None:
    """Post, edit and delete a status; the stream must deliver all three, typed."""
    status = poster.status_post(text)
    update = listener.wait_event("update")[0]
    assert isinstance(update, Status) and update.id == status.id
    assert update.created_at.tzinfo is not None  # decoded like REST: datetimes
    assert update.account.acct == poster.me().acct
    poster.status_update(status.id, text + " (edited)")
    edit = listener.wait_event("status_update")[0]  # the mock's name for status.update
    assert isinstance(edit, Status) and "edited" in edit.content
    poster.status_delete(status.id)
    deleted = listener.wait_event("delete")[0]
    assert isinstance(deleted, MaybeSnowflakeIdType) and deleted == status.id
    assert all(stream == for_stream for _, _, stream in listener.events)


def test_user_stream_statuses_and_notifications(client: Any, handles: List[StreamHandle]) -> None:
    alice, bob = client("alice"), client("bob")
    listener = start(handles, alice.stream_user)
    check_status_events(listener, alice, "hello stream", ["user"])
    mention = bob.status_post("@alice hi there")
    notification = listener.wait_event("notification")[0]
    assert isinstance(notification, Notification)
    assert notification.type == "mention" and notification.status.id == mention.id


def test_public_stream(client: Any, handles: List[StreamHandle]) -> None:
    listener = start(handles, client("alice").stream_public)
    check_status_events(listener, client("bob"), "public words", ["public"])


def test_public_stream_unauthenticated(mock: Any, client: Any, handles: List[StreamHandle]) -> None:
    anonymous = Mastodon(api_base_url=mock.base_url)
    try:
        listener = start(handles, anonymous.stream_public)
        status = client("bob").status_post("for everyone")
        assert listener.wait_event("update")[0].id == status.id
    finally:
        anonymous.session.close()


def test_local_stream(client: Any, handles: List[StreamHandle]) -> None:
    listener = start(handles, client("alice").stream_local)
    check_status_events(listener, client("bob"), "local words", ["public:local"])


def test_public_local_flag(client: Any, handles: List[StreamHandle]) -> None:
    listener = start(handles, client("alice").stream_public, local=True)
    check_status_events(listener, client("bob"), "local words", ["public:local"])


@pytest.mark.parametrize("local", [False, True])
def test_hashtag_stream(client: Any, handles: List[StreamHandle], local: bool) -> None:
    listener = start(handles, client("alice").stream_hashtag, "cats", local=local)
    client("bob").status_post("no tag here")
    stream = ["hashtag:local" if local else "hashtag", "cats"]
    check_status_events(listener, client("bob"), "look #cats", stream)
    assert len(listener.of("update")) == 1  # the untagged status never came


def test_list_stream(client: Any, handles: List[StreamHandle]) -> None:
    alice, bob = client("alice"), client("bob")
    bob_account = alice.account_lookup("bob")
    alice.account_follow(bob_account.id)
    friends = alice.list_create("friends")
    alice.list_accounts_add(friends.id, [bob_account.id])
    listener = start(handles, alice.stream_list, friends.id)
    check_status_events(listener, bob, "to my listeners", ["list", str(friends.id)])


def test_direct_stream_conversation(client: Any, handles: List[StreamHandle]) -> None:
    alice, bob = client("alice"), client("bob")
    listener = start(handles, alice.stream_direct)
    bob.status_post("@alice psst", visibility="direct")
    conversation = listener.wait_event("conversation")[0]
    assert isinstance(conversation, Conversation)
    assert isinstance(conversation.last_status, Status) and "psst" in conversation.last_status.content
    assert conversation.accounts[0].acct == "bob"


def test_user_notifications_stream(client: Any, handles: List[StreamHandle]) -> None:
    alice, bob = client("alice"), client("bob")
    listener = start(handles, alice.stream_user_notifications)
    bob.status_favourite(alice.status_post("like me").id)
    notification = listener.wait_event("notification")[0]
    assert isinstance(notification, Notification) and notification.type == "favourite"
    assert listener.events[-1][2] == ["user:notification"]


def test_callback_listener_and_legacy_name(client: Any, handles: List[StreamHandle]) -> None:
    alice = client("alice")
    updates: List[Any] = []
    local: List[Any] = []
    deleted: List[Any] = []
    connected = threading.Event()

    class Callbacks(CallbackStreamListener):
        def handle_heartbeat(self) -> None:
            connected.set()

    listener = Callbacks(update_handler=updates.append, local_update_handler=local.append,
                         delete_handler=deleted.append)
    recorder = Recorder()  # a second stream, to know when the events have gone out
    handles.append(alice.stream_public(recorder, run_async=True))
    handles.append(alice.public_stream(listener, **{"async": True}))
    recorder.wait_connected()
    assert connected.wait(10)
    status = alice.status_post("callbacks")
    recorder.wait_event("update")
    alice.status_delete(status.id)
    recorder.wait_event("delete")
    assert wait_until(lambda: len(deleted) == 1)
    assert [s.id for s in updates] == [status.id] and [s.id for s in local] == [status.id]
    assert deleted == [status.id]


def test_one_listener_two_streams(client: Any, handles: List[StreamHandle]) -> None:
    alice, bob = client("alice"), client("bob")
    listener = Recorder()
    handles.append(alice.stream_hashtag("cats", listener, run_async=True))
    handles.append(alice.stream_hashtag("dogs", listener, run_async=True))
    listener.wait(lambda r: r.heartbeats >= 2)
    cats = bob.status_post("#cats one")
    dogs = bob.status_post("#dogs two")
    listener.wait_event("update", 2)
    by_stream = {tuple(stream): data.id for name, data, stream in listener.events if name == "update"}
    assert by_stream == {("hashtag", "cats"): cats.id, ("hashtag", "dogs"): dogs.id}


def test_close_is_fast_and_leaves_no_thread(client: Any) -> None:
    listener = Recorder()
    handle = client("alice").stream_user(listener, run_async=True, reconnect_async=True)
    listener.wait_connected()
    handle.close()
    assert not handle.is_alive() and not handle.is_receiving()  # ended by close() itself
    assert listener.aborts == []  # closing is not a failure
    assert_no_stream_threads()


def test_stream_healthy_and_streaming_base(mock: Any, client: Any) -> None:
    api = client("alice")
    assert api.stream_healthy() is True
    assert api._streaming_base == mock.base_url  # the mock announces ws://<its host>
    api.clear_caches()
    assert api._streaming_base is None


def test_stream_user_needs_a_token(mock: Any) -> None:
    from mastodon import MastodonUnauthorizedError
    anonymous = Mastodon(api_base_url=mock.base_url)
    try:
        with pytest.raises(MastodonUnauthorizedError):
            anonymous.stream_user(Recorder())
        # in the background the refusal goes to on_abort, and the stream tries again until closed
        listener = Recorder()
        handle = anonymous.stream_user(listener, run_async=True, reconnect_async_wait_sec=0.01)
        try:
            assert listener.wait(lambda r: len(r.aborts) >= 2)
            assert all(isinstance(e, MastodonUnauthorizedError) for e in listener.aborts[:2])
            assert handle.is_alive() and not handle.is_receiving()
        finally:
            handle.close()
        assert not handle.is_alive()
    finally:
        anonymous.session.close()
