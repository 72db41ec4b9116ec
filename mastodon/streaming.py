"""Streaming: listeners that receive events, and handles of streams running in the background.

A stream method (``Mastodon.stream_user`` and friends) opens a long-lived
HTTP response in the server-sent-events format. The bytes are cut into
events by :class:`mastodon._sse.SSEParser`, each payload is decoded exactly
like a REST response (``update`` becomes a :class:`~mastodon.return_types.Status`,
``notification`` a :class:`~mastodon.return_types.Notification` ...), and the
event goes to the listener method named after it: ``on_`` plus the event name
with dots replaced by underscores (``status.update`` -> ``on_status_update``).

With ``run_async=True`` the stream runs on a daemon thread and the method
returns a :class:`StreamHandle` at once; ``handle.close()`` stops it within
a bounded time and joins the thread. With ``reconnect_async=True`` the thread
reconnects after any failure, waiting ``reconnect_async_wait_sec`` seconds at
first and twice as long after each failure in a row (at most a minute).

A listener keeps no per-stream state, so one listener may serve several
streams at once; events of different streams may then reach it from
different threads. ``on_any_event`` receives the stream the event came from.
"""
from __future__ import annotations

import http.client
import json
import logging
import socket
import threading
from typing import Any, Callable, Dict, Iterator, Optional, Protocol, TypeVar

import requests
import urllib3

from . import return_types as rt
from ._sse import HEARTBEAT, SSEParser
from .errors import MastodonMalformedEventError, MastodonNetworkError, MastodonReadTimeout
from .types_base import MaybeSnowflakeIdType, decode, load_json

__all__ = ["StreamListener", "CallbackStreamListener", "StreamHandle", "SSEStreamHandle"]

log = logging.getLogger("mastodon")

READ_SIZE = 64 * 1024  # bytes asked for per read; a read returns as soon as any arrived
CLOSE_TIMEOUT = 5.0  # seconds close() waits for the stream thread
MAX_BACKOFF = 60.0  # seconds: the longest wait between reconnection attempts

#: The type each event's payload decodes into (others decode untyped).
EVENT_ENTITIES: Dict[str, Any] = {
    "update": rt.Status,
    "status.update": rt.Status,
    "status_update": rt.Status,  # spelling used by some servers (e.g. mastodon_mock)
    "notification": rt.Notification,
    "conversation": rt.Conversation,
    "announcement": rt.Announcement,
    "announcement.reaction": rt.StreamReaction,
}
_ID_EVENTS = frozenset({"delete", "announcement.delete"})  # the payload is a bare id
_BARE_EVENTS = frozenset({"filters_changed", "notifications_merged"})  # handlers take no argument
_RESERVED = frozenset({"abort", "any_event", "unknown_event", "websocket_error"})


# --------------------------------------------------------------------------- listeners

class StreamListener:
    """Receives the events of one or more streams; override the handlers you need.

    Every handler does nothing by default. Handlers run on the thread that
    reads the stream (the caller's thread for blocking streams).
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

    def handle_stream(self, response: requests.Response) -> None:
        """Read a streaming response to its end and dispatch its events to this listener.

        Raises MastodonNetworkError when the connection breaks or ends,
        MastodonReadTimeout when no data arrives within the read timeout and
        MastodonMalformedEventError on an event that cannot be parsed;
        ``on_abort`` receives the exception first.
        """
        try:
            consume_stream(self, response)
            raise MastodonNetworkError("The streaming server closed the connection")
        except (MastodonNetworkError, MastodonMalformedEventError) as exc:
            self.on_abort(exc)
            raise

    def handle_websocket_message(self, message: Any) -> None:
        """Dispatch one WebSocket text frame (JSON text or its parsed dict) to this listener."""
        handle_ws_frame(self, message)


class CallbackStreamListener(StreamListener):
    """A listener built from plain functions, one optional callback per event.

    ``local_update_handler`` receives the updates by accounts of the
    instance itself (those whose ``acct`` has no domain), in addition to
    ``update_handler``. ``unknown_event_handler(name, data)`` gets the events
    without a callback here. ``stream_error_handler(error, for_stream)`` gets
    errors the server reports on WebSocket subscriptions.
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

    def on_update(self, status: rt.Status) -> None:
        if self.update_handler is not None:
            self.update_handler(status)
        if self.local_update_handler is not None and _is_local(status):
            self.local_update_handler(status)

    def on_delete(self, deleted_id: MaybeSnowflakeIdType) -> None:
        if self.delete_handler is not None:
            self.delete_handler(deleted_id)

    def on_notification(self, notification: rt.Notification) -> None:
        if self.notification_handler is not None:
            self.notification_handler(notification)

    def on_filters_changed(self) -> None:
        if self.filters_changed_handler is not None:
            self.filters_changed_handler()

    def on_conversation(self, conversation: rt.Conversation) -> None:
        if self.conversation_handler is not None:
            self.conversation_handler(conversation)

    def on_announcement(self, annoucement: rt.Announcement) -> None:
        if self.announcement_handler is not None:
            self.announcement_handler(annoucement)

    def on_announcement_reaction(self, reaction: rt.StreamReaction) -> None:
        if self.announcement_reaction_handler is not None:
            self.announcement_reaction_handler(reaction)

    def on_announcement_delete(self, annoucement_id: MaybeSnowflakeIdType) -> None:
        if self.announcement_delete_handler is not None:
            self.announcement_delete_handler(annoucement_id)

    def on_status_update(self, status: rt.Status) -> None:
        if self.status_update_handler is not None:
            self.status_update_handler(status)

    def on_encrypted_message(self, unclear: Any) -> None:
        if self.encryted_message_handler is not None:
            self.encryted_message_handler(unclear)

    def on_notifications_merged(self) -> None:
        if self.notifications_merged_handler is not None:
            self.notifications_merged_handler()

    def on_websocket_error(self, error: Any, for_stream: Any = None) -> None:
        if self.stream_error_handler is not None:
            self.stream_error_handler(error, for_stream)

    def on_unknown_event(self, name: str, unknown_event: Any = None) -> None:
        if self.unknown_event_handler is not None:
            self.unknown_event_handler(name, unknown_event)


def _is_local(status: Any) -> bool:
    account = status.get("account") if isinstance(status, dict) else None
    acct = account.get("acct") if isinstance(account, dict) else None
    return isinstance(acct, str) and "@" not in acct


# --------------------------------------------------------------------------- decoding and dispatch

def decode_payload(name: str, data: Any) -> Any:
    """Decode the data of event ``name`` the way REST responses are decoded.

    ``delete`` and ``announcement.delete`` carry a bare id; ``filters_changed``
    and ``notifications_merged`` carry nothing. Raises MastodonMalformedEventError
    when a known event's data is missing or not JSON.
    """
    if name in _BARE_EVENTS:
        return None
    if data is None:
        raise MastodonMalformedEventError(f"The streaming event {name!r} carries no data")
    if isinstance(data, (dict, list)):
        return decode(data, EVENT_ENTITIES.get(name))
    if name in _ID_EVENTS:
        text = (data.decode("utf-8", "replace") if isinstance(data, bytes) else str(data)).strip()
        if text.startswith('"') and text.endswith('"') and len(text) >= 2:
            text = text[1:-1]
        if not text:
            raise MastodonMalformedEventError(f"The streaming event {name!r} carries no id")
        return MaybeSnowflakeIdType(text)
    try:
        value = load_json(data)
    except ValueError as exc:
        if name not in EVENT_ENTITIES and name != "encrypted_message":
            return data.decode("utf-8", "replace") if isinstance(data, bytes) else data
        preview = bytes(data[:80]) if isinstance(data, bytes) else str(data)[:80]
        raise MastodonMalformedEventError(
            f"Could not parse the data of streaming event {name!r}: {exc} (data: {preview!r})"
        ) from exc
    return decode(value, EVENT_ENTITIES.get(name))


def dispatch_event(listener: Any, name: str, payload: Any, for_stream: Any = None) -> None:
    """Hand one decoded event to ``on_any_event`` and then to its handler (or ``on_unknown_event``)."""
    on_any = getattr(listener, "on_any_event", None)
    if on_any is not None:
        on_any(name, payload, for_stream)
    handler = None
    if name not in _RESERVED:
        handler = getattr(listener, "on_" + name.replace(".", "_"), None)
    if handler is None:
        unknown = getattr(listener, "on_unknown_event", None)
        if unknown is not None:
            unknown(name, payload)
    elif name in _BARE_EVENTS:
        handler()
    else:
        handler(payload)


def handle_ws_frame(listener: Any, message: Any, for_stream: Any = None) -> None:
    """Decode one WebSocket frame of the streaming API and dispatch it to ``listener``."""
    frame = parse_ws_frame(message)
    stream = frame.get("stream", for_stream)
    if "error" in frame and "event" not in frame:
        on_error = getattr(listener, "on_websocket_error", None)
        if on_error is not None:
            on_error(frame["error"], stream)
        return
    name = frame.get("event")
    if not isinstance(name, str) or not name:
        raise MastodonMalformedEventError(f"A WebSocket frame without an event name: {frame!r:.100}")
    dispatch_event(listener, name, decode_payload(name, frame.get("payload")), stream)


def parse_ws_frame(message: Any) -> Dict[str, Any]:
    """The JSON object of one WebSocket text frame; MastodonMalformedEventError if it is none."""
    if isinstance(message, dict):
        return message
    try:
        frame = json.loads(message)
    except (TypeError, ValueError) as exc:
        raise MastodonMalformedEventError(f"Could not parse a WebSocket frame: {exc}") from exc
    if not isinstance(frame, dict):
        raise MastodonMalformedEventError(f"A WebSocket frame is not a JSON object: {frame!r:.100}")
    return frame


# --------------------------------------------------------------------------- reading a response

_URLLIB3_RESPONSE: Any = getattr(urllib3.response, "BaseHTTPResponse", urllib3.response.HTTPResponse)


def _piece_reader(raw: Any) -> Callable[[], bytes]:
    """A function returning the next bytes of ``raw`` as soon as any arrived (b"" at the end)."""
    if isinstance(raw, _URLLIB3_RESPONSE):
        read1 = getattr(raw, "read1", None)
        if read1 is not None:  # urllib3 2
            return lambda: read1(READ_SIZE, decode_content=True)
        if raw.chunked:  # urllib3 1: its chunked reader yields one HTTP chunk at a time
            chunks = raw.read_chunked(decode_content=True)
            return lambda: next(chunks, b"")
        return lambda: raw._fp.read1(READ_SIZE)
    return lambda: raw.read1(READ_SIZE)


def _read_pieces(response: requests.Response) -> Iterator[bytes]:
    """Yield the body as it arrives, in pieces of up to READ_SIZE bytes, until it ends.

    Each read returns as soon as some bytes are there, so a slow stream is
    never held back until a full piece arrived. Failures become
    MastodonReadTimeout or MastodonNetworkError.
    """
    read = _piece_reader(response.raw)
    while True:
        try:
            piece = read()
        except Exception as exc:  # only library code runs in here
            raise _stream_error(exc) from exc
        if not piece:
            return
        yield piece


_TIMEOUTS = (urllib3.exceptions.ReadTimeoutError, requests.exceptions.ReadTimeout, socket.timeout)


def _stream_error(exc: BaseException) -> MastodonNetworkError:
    if isinstance(exc, _TIMEOUTS):
        return MastodonReadTimeout("The stream received no data within its timeout")
    if isinstance(exc, (urllib3.exceptions.HTTPError, requests.exceptions.RequestException,
                        http.client.HTTPException, OSError)):
        return MastodonNetworkError(f"The stream connection broke: {type(exc).__name__}: {exc}")
    return MastodonNetworkError(f"Reading the stream failed: {type(exc).__name__}: {exc}")


class Gate(Protocol):
    """Decides whether an event is delivered (the catch-up's duplicate filter)."""

    def admit(self, name: str, payload: Any) -> bool: ...


def consume_stream(listener: Any, response: requests.Response, for_stream: Any = None,
                   gate: Optional[Gate] = None, stop: Optional[threading.Event] = None,
                   progress: Optional[Callable[[], None]] = None) -> None:
    """Dispatch the events of ``response`` to ``listener`` until the body ends (or ``stop`` is set).

    ``gate`` drops events delivered before (catch-up); ``progress`` is called
    whenever bytes arrived.
    """
    parser = SSEParser()
    heartbeat = getattr(listener, "handle_heartbeat", None)
    for piece in _read_pieces(response):
        if stop is not None and stop.is_set():
            return
        if progress is not None:
            progress()
        for item in parser.feed(piece):
            if stop is not None and stop.is_set():
                return
            if item is HEARTBEAT:
                if heartbeat is not None:
                    heartbeat()
                continue
            name, data = item
            if not name:
                raise MastodonMalformedEventError(
                    f"A streaming event without an event name (data: {(data or b'')[:80]!r})")
            payload = decode_payload(name, data)
            if gate is None or gate.admit(name, payload):
                dispatch_event(listener, name, payload, for_stream)


def _shutdown(response: Any) -> None:
    """Close a streaming response, waking up a thread blocked reading it."""
    for path in (("raw", "_connection", "sock"), ("raw", "_fp", "fp", "raw", "_sock")):
        sock: Any = response
        for attr in path:
            sock = getattr(sock, attr, None)
        if isinstance(sock, socket.socket):
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            break
    try:
        response.close()
    except Exception:  # closing a broken connection may fail in many ways; it is closed either way
        log.debug("closing a stream response failed", exc_info=True)


# --------------------------------------------------------------------------- handles

class _Backoff:
    """Waits between reconnection attempts: ``first``, then doubling up to a bound."""

    def __init__(self, first: float, bound: float = MAX_BACKOFF) -> None:
        self.first = max(float(first), 0.0)
        self.bound = max(bound, self.first)
        self.failures = 0

    def next(self) -> float:
        base = self.first if self.first > 0 else 0.05
        wait = self.first if self.failures == 0 else min(self.bound, base * 2 ** min(self.failures, 30))
        self.failures += 1
        return wait

    def reset(self) -> None:
        self.failures = 0


_C = TypeVar("_C")


class StreamHandle:
    """A stream running on a daemon thread; returned by the stream methods with ``run_async=True``."""

    _thread: Optional[threading.Thread] = None
    _receiving = False
    _closed: Optional[threading.Event] = None
    _backoff: _Backoff

    def _begin(self) -> None:
        self._closed = threading.Event()
        self._lock = threading.Lock()
        self._receiving = False

    def _start(self, target: Callable[[], None], name: str) -> None:
        self._thread = threading.Thread(target=target, name=name, daemon=True)
        self._thread.start()

    def _interrupt(self) -> None:
        """Wake the stream thread up (subclasses close their connection here)."""

    def close(self) -> None:
        """Stop the stream and close its connection; waits (a bounded time) for the thread to end."""
        if self._closed is not None:
            self._closed.set()
        self._interrupt()
        thread = self._thread
        if thread is not None and thread is not threading.current_thread():
            thread.join(CLOSE_TIMEOUT)

    def is_alive(self) -> bool:
        """Whether the stream thread is still running."""
        return self._thread is not None and self._thread.is_alive()

    def is_receiving(self) -> bool:
        """Whether the stream is connected now (not failed, closed or waiting to reconnect)."""
        closed = self._closed is not None and self._closed.is_set()
        return self._receiving and not closed and self.is_alive()

    def join(self, timeout: Optional[float] = None) -> None:
        """Wait until the stream thread ends (or ``timeout`` seconds passed)."""
        thread = self._thread
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout)

    def _connect_after_backoff(self, connect: Callable[[], _C], errors: Any,
                               failed: Callable[[BaseException], None]) -> Optional[_C]:
        """Wait out the reconnect backoff, then ``connect()``.

        None when the handle was closed meanwhile or connecting raised one of
        ``errors`` (given to ``failed`` unless the handle is closed by then).
        """
        closed = self._closed
        assert closed is not None
        wait = self._backoff.next()
        if wait > 0 and closed.wait(wait):
            return None
        try:
            return connect()
        except errors as exc:
            if not closed.is_set():
                failed(exc)
            return None

    def _report(self, listener: Any, exc: BaseException) -> None:
        """Give ``exc`` to the listener's ``on_abort``; a failing handler is only logged."""
        on_abort = getattr(listener, "on_abort", None)
        if on_abort is None:
            return
        try:
            on_abort(exc)
        except Exception:
            log.exception("the listener's on_abort handler failed")


Connector = Callable[[], requests.Response]
OnConnect = Callable[[Callable[[str, Any], bool]], None]


class SSEStreamHandle(StreamHandle):
    """A server-sent-events stream read on a daemon thread.

    ``connection`` is the response already opened; ``connect_func()`` opens
    a new one when reconnecting. ``for_stream`` is passed on to
    ``on_any_event``. ``on_connect(deliver)`` runs after every connection
    is opened and before its events are read (the catch-up); events it
    passes to ``deliver(name, payload)`` go through ``gate`` like live ones.
    """

    def __init__(self, connection: requests.Response, connect_func: Connector,
                 reconnect_async: bool, reconnect_async_wait_sec: float, listener: Any,
                 for_stream: Any = None, on_connect: Optional[OnConnect] = None,
                 gate: Optional[Gate] = None) -> None:
        self._begin()
        self.connection: Optional[requests.Response] = connection
        self.connect_func = connect_func
        self.reconnect_async = bool(reconnect_async)
        self.reconnect_async_wait_sec = reconnect_async_wait_sec
        self.listener = listener
        self.for_stream = for_stream
        self._on_connect = on_connect
        self._gate = gate
        self._backoff = _Backoff(reconnect_async_wait_sec)
        self.reconnects = 0  # how many times the stream reconnected
        self._receiving = True
        label = ":".join(for_stream) if isinstance(for_stream, list) else str(for_stream or "sse")
        self._start(self._run, f"mastodon-stream-{label}")

    def close(self) -> None:
        """Stop the stream and close its connection; returns within a bounded time."""
        super().close()

    def _interrupt(self) -> None:
        with self._lock:
            connection = self.connection
        if connection is not None:
            _shutdown(connection)

    def _deliver(self, name: str, payload: Any) -> bool:
        """Dispatch a caught-up event; False once the handle is closed."""
        assert self._closed is not None
        if self._closed.is_set():
            return False
        if self._gate is None or self._gate.admit(name, payload):
            dispatch_event(self.listener, name, payload, self.for_stream)
        return True

    def _progress(self) -> None:
        self._receiving = True
        self._backoff.reset()

    def _run(self) -> None:
        closed = self._closed
        assert closed is not None
        try:
            while not closed.is_set():
                if self.connection is None and not self._reconnect():
                    continue
                connection = self.connection
                assert connection is not None
                try:
                    if self._on_connect is not None:
                        self._on_connect(self._deliver)
                    consume_stream(self.listener, connection, self.for_stream, self._gate,
                                   closed, self._progress)
                    if closed.is_set():
                        break
                    raise MastodonNetworkError("The streaming server closed the connection")
                except Exception as exc:
                    self._drop_connection()
                    if closed.is_set():
                        break
                    self._fail(exc)
                    if not self.reconnect_async:
                        break
        finally:
            self._receiving = False
            self._drop_connection()

    def _reconnect(self) -> bool:
        """Wait, then open a new connection; False when it failed (or the handle closed)."""
        closed = self._closed
        assert closed is not None
        connection = self._connect_after_backoff(self.connect_func, Exception, self._fail)
        if connection is None:
            return False
        with self._lock:
            if closed.is_set():
                _shutdown(connection)
                return False
            self.connection = connection
            self.reconnects += 1
        self._receiving = True
        log.info("stream %s reconnected", self.for_stream)
        return True

    def _fail(self, exc: BaseException) -> None:
        self._receiving = False
        if self.reconnect_async:
            log.warning("stream %s failed (%s: %s); reconnecting", self.for_stream,
                        type(exc).__name__, exc)
        self._report(self.listener, exc)

    def _drop_connection(self) -> None:
        with self._lock:
            connection, self.connection = self.connection, None
        if connection is not None:
            _shutdown(connection)


def stream_blocking(listener: Any, connection: requests.Response, for_stream: Any = None) -> None:
    """Read a stream on the calling thread until it fails; the failure goes to ``on_abort`` and is raised."""
    try:
        consume_stream(listener, connection, for_stream)
        raise MastodonNetworkError("The streaming server closed the connection")
    except (MastodonNetworkError, MastodonMalformedEventError) as exc:
        on_abort = getattr(listener, "on_abort", None)
        if on_abort is not None:
            on_abort(exc)
        raise
    finally:
        _shutdown(connection)
