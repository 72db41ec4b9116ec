"""Stream listeners: the classes whose handlers receive a stream's events.

A listener keeps no per-stream state, so one listener may serve several
streams at once; events of different streams may then reach it from
different threads. ``on_any_event`` receives the stream the event came from.
"""
from __future__ import annotations

from typing import Any, Callable, Optional

from .. import return_types as rt
from ..errors import MastodonMalformedEventError
from .events import NO_OPS, call_handler, handle_ws_frame
from .reader import OWN_READERS, consume_stream
from ..types_base import MaybeSnowflakeIdType

__all__ = ["StreamListener", "CallbackStreamListener"]


class StreamListener:
    """Receives the events of one or more streams; override the handlers you need.

    Every handler does nothing by default. Handlers run on the thread that
    reads the stream (the caller's thread for blocking streams). A handler
    that has a parameter named ``for_stream`` (``on_update(self, status,
    for_stream)``, say) also receives the stream the event came from; one
    without it is called without it.
    """

    def on_update(self, status: rt.Status) -> None:
        """A new status appeared in the stream's timeline."""

    def on_delete(self, status_id: MaybeSnowflakeIdType) -> None:
        """A status was deleted; receives its id."""

    def on_notification(self, notification: rt.Notification) -> None:
        """A new notification for the user."""

    def on_filters_changed(self) -> None:
        """The user's filters changed; cached filter results may be stale."""

    def on_conversation(self, conversation: rt.Conversation) -> None:
        """A direct conversation got a new message."""

    def on_announcement(self, annoucement: rt.Announcement) -> None:
        """An instance announcement was published or changed."""

    def on_announcement_reaction(self, reaction: rt.StreamReaction) -> None:
        """Someone reacted to an announcement."""

    def on_announcement_delete(self, annoucement_id: MaybeSnowflakeIdType) -> None:
        """An announcement was withdrawn; receives its id."""

    def on_status_update(self, status: rt.Status) -> None:
        """A status in the stream's timeline was edited; receives the new version."""

    def on_encrypted_message(self, unclear: Any) -> None:
        """An encrypted message arrived (its format is not documented by the server)."""

    def on_notifications_merged(self) -> None:
        """Grouped notifications were merged; reload them if you show groups."""

    def on_websocket_error(self, error: Any, for_stream: Any = None) -> None:
        """The server reported an error on a WebSocket subscription."""

    def __repr__(self) -> str:
        return f"<{type(self).__name__}>"

    def on_abort(self, err: BaseException) -> None:
        """The stream failed; receives the exception.

        With reconnection on, the stream reconnects afterwards; otherwise it
        has ended.
        """

    def on_unknown_event(self, name: str, unknown_event: Any = None) -> None:
        """An event this listener has no handler for; receives its name and decoded data."""

    def handle_heartbeat(self) -> None:
        """The server sent a heartbeat (a comment line): the connection is alive."""

    def on_any_event(self, name: str, data: Any = None, for_stream: Any = None) -> None:
        """Called for every event before its own handler.

        ``for_stream`` names the stream it came from, as a list like
        ``["user"]`` or ``["hashtag", "cats"]``.
        """

    def handle_stream(self, response: Any) -> None:
        """Read a streaming response to its end and dispatch its events to this listener.

        ``response`` is a ``requests.Response`` opened with ``stream=True``, or
        any object with ``iter_content(chunk_size)`` yielding the body in
        pieces of any size. Returns when the body ends (an event left
        unfinished by the end is dropped).

        Raises MastodonNetworkError when the connection breaks,
        MastodonReadTimeout when no data arrives within the read timeout and
        MastodonMalformedEventError on an event that cannot be parsed;
        ``on_abort`` receives the exception first. An exception raised by a
        handler goes through unreported.
        """
        consume_stream(self, response)

    def handle_websocket_message(self, message: Any) -> None:
        """Dispatch one WebSocket text frame (JSON text or its parsed dict) to this listener."""
        handle_ws_frame(self, message)


OWN_READERS.add(StreamListener.handle_stream)
NO_OPS.update(function for name, function in vars(StreamListener).items()
              if name.startswith("on_") and name not in ("on_abort", "on_websocket_error"))


class CallbackStreamListener(StreamListener):
    """A listener built from plain functions, one optional callback per event.

    ``local_update_handler`` receives the updates by accounts of the
    instance itself (those whose ``acct`` has no domain), in addition to
    ``update_handler``; with it, an update that names no account raises
    MastodonMalformedEventError (after ``update_handler`` got it). ``unknown_event_handler(name, data)`` gets the events
    without a callback here. ``stream_error_handler(error, for_stream)`` gets
    errors the server reports on WebSocket subscriptions. A callback with a
    parameter named ``for_stream`` receives the stream the event came from, as
    ``on_any_event`` does.
    """

    def __init__(self, update_handler: Optional[Callable[..., Any]] = None,
                 local_update_handler: Optional[Callable[..., Any]] = None,
                 delete_handler: Optional[Callable[..., Any]] = None,
                 notification_handler: Optional[Callable[..., Any]] = None,
                 conversation_handler: Optional[Callable[..., Any]] = None,
                 unknown_event_handler: Optional[Callable[..., Any]] = None,
                 status_update_handler: Optional[Callable[..., Any]] = None,
                 filters_changed_handler: Optional[Callable[..., Any]] = None,
                 announcement_handler: Optional[Callable[..., Any]] = None,
                 announcement_reaction_handler: Optional[Callable[..., Any]] = None,
                 announcement_delete_handler: Optional[Callable[..., Any]] = None,
                 encryted_message_handler: Optional[Callable[..., Any]] = None,
                 notifications_merged_handler: Optional[Callable[..., Any]] = None,
                 stream_error_handler: Optional[Callable[..., Any]] = None) -> None:
        super().__init__()
        self.update_handler = update_handler
        self.local_update_handler = local_update_handler
        self.delete_handler = delete_handler
        self.notification_handler = notification_handler
        self.conversation_handler = conversation_handler
        self.unknown_event_handler = unknown_event_handler
        self.status_update_handler = status_update_handler
        self.filters_changed_handler = filters_changed_handler
        self.announcement_handler = announcement_handler
        self.announcement_reaction_handler = announcement_reaction_handler
        self.announcement_delete_handler = announcement_delete_handler
        self.encryted_message_handler = encryted_message_handler
        self.notifications_merged_handler = notifications_merged_handler
        self.stream_error_handler = stream_error_handler

    def __repr__(self) -> str:
        events = [name[:-len("_handler")] for name, value in vars(self).items()
                  if name.endswith("_handler") and value is not None]
        return f"<{type(self).__name__} for {', '.join(events) or 'no events'}>"

    def on_update(self, status: rt.Status, for_stream: Any = None) -> None:
        _relay(self.update_handler, for_stream, status)
        if self.local_update_handler is not None and _is_local(status):
            call_handler(self.local_update_handler, for_stream, status)

    def on_delete(self, deleted_id: MaybeSnowflakeIdType, for_stream: Any = None) -> None:
        _relay(self.delete_handler, for_stream, deleted_id)

    def on_notification(self, notification: rt.Notification, for_stream: Any = None) -> None:
        _relay(self.notification_handler, for_stream, notification)

    def on_filters_changed(self, for_stream: Any = None) -> None:
        _relay(self.filters_changed_handler, for_stream)

    def on_conversation(self, conversation: rt.Conversation, for_stream: Any = None) -> None:
        _relay(self.conversation_handler, for_stream, conversation)

    def on_announcement(self, annoucement: rt.Announcement, for_stream: Any = None) -> None:
        _relay(self.announcement_handler, for_stream, annoucement)

    def on_announcement_reaction(self, reaction: rt.StreamReaction, for_stream: Any = None) -> None:
        _relay(self.announcement_reaction_handler, for_stream, reaction)

    def on_announcement_delete(self, annoucement_id: MaybeSnowflakeIdType, for_stream: Any = None) -> None:
        _relay(self.announcement_delete_handler, for_stream, annoucement_id)

    def on_status_update(self, status: rt.Status, for_stream: Any = None) -> None:
        _relay(self.status_update_handler, for_stream, status)

    def on_encrypted_message(self, unclear: Any, for_stream: Any = None) -> None:
        _relay(self.encryted_message_handler, for_stream, unclear)

    def on_notifications_merged(self, for_stream: Any = None) -> None:
        _relay(self.notifications_merged_handler, for_stream)

    def on_websocket_error(self, error: Any, for_stream: Any = None) -> None:
        if self.stream_error_handler is not None:
            self.stream_error_handler(error, for_stream)

    def on_unknown_event(self, name: str, unknown_event: Any = None, for_stream: Any = None) -> None:
        _relay(self.unknown_event_handler, for_stream, name, unknown_event)


def _relay(callback: Optional[Callable[..., Any]], for_stream: Any, *args: Any) -> None:
    """Call a callback if there is one, with ``for_stream`` when it takes it."""
    if callback is not None:
        call_handler(callback, for_stream, *args)


def _is_local(status: Any) -> bool:
    """Whether a status is by an account of this instance (an ``acct`` without domain).

    MastodonMalformedEventError when the status names no account, as with Mastodon.py.
    """
    account = status.get("account") if isinstance(status, dict) else None
    acct = account.get("acct") if isinstance(account, dict) else None
    if acct is None:
        raise MastodonMalformedEventError("received bad update", status)
    return "@" not in str(acct)
