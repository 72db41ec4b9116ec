"""Streaming over one WebSocket with several subscriptions (needs the ``websocket`` extra).

``Mastodon.stream_open_websocket()`` connects to ``/api/v1/streaming`` and
returns a :class:`WebSocketStreamHandle`; each ``subscribe(stream, listener,
**params)`` (or a stream method called with ``websocket_handle=``) adds a
stream to the same connection and returns a :class:`WebSocketSubscription`.
Frames are routed to the subscription whose stream they name, and decoded
exactly like server-sent events.

The access token travels in the ``Authorization`` header, never in the URL,
unless the caller asks for ``token_in_url=True`` (for old servers).
websocket-client is imported only when a handle is created.
"""
from __future__ import annotations

import json
import logging
import socket
from typing import Any, Dict, List, Optional, Tuple
from urllib.parse import urlencode

from .compat import require
from .errors import (
    MastodonAPIError, MastodonError, MastodonIllegalArgumentError, MastodonNetworkError,
    MastodonReadTimeout, MastodonUnauthorizedError,
)
from ._streaming.events import handle_ws_frame, parse_ws_frame
from ._streaming.handles import StreamHandle, _Backoff

__all__ = ["WebSocketStreamHandle", "WebSocketSubscription"]

log = logging.getLogger("mastodon")

_Key = Tuple[str, Tuple[str, ...]]


def _key(stream: str, values: Any) -> _Key:
    return (str(stream).lower(), tuple(str(value).lower() for value in values))


class WebSocketSubscription:
    """One stream on a WebSocket connection; ``close()`` unsubscribes it."""

    def __init__(self, websocket: "WebSocketStreamHandle", stream: str, params: Dict[str, Any],
                 listener: Any) -> None:
        self.websocket = websocket
        self.stream = stream
        self.params = dict(params)
        self.listener = listener
        self.active = True

    @property
    def key(self) -> _Key:
        return _key(self.stream, self.params.values())

    @property
    def for_stream(self) -> List[str]:
        """The stream as frames name it, e.g. ``["hashtag", "cats"]``."""
        return [self.stream, *(str(value) for value in self.params.values())]

    def close(self) -> None:
        """Unsubscribe; the connection stays open for the other subscriptions."""
        if self.active:
            self.websocket.unsubscribe(self.stream, **self.params)

    def is_alive(self) -> bool:
        """Whether the subscription is active and its connection's thread runs."""
        return self.active and self.websocket.is_alive()

    def is_receiving(self) -> bool:
        """Whether the subscription is active and its connection is up."""
        return self.active and self.websocket.is_receiving()

    def __repr__(self) -> str:
        label = ":".join([self.stream, *(str(value) for value in self.params.values())])
        return f"<WebSocketSubscription {label} {'active' if self.active else 'closed'}>"


class WebSocketStreamHandle(StreamHandle):
    """A WebSocket connection to the streaming API, read on a daemon thread.

    Connects at once (failures raise here). ``listener`` receives the events
    of subscriptions that have no listener of their own. ``timeout`` is the
    longest wait for data in seconds. With ``reconnect`` the connection is
    reopened after failures (waiting ``reconnect_wait_sec``, then doubling up
    to a minute) and every subscription is renewed.
    """

    def __init__(self, url: str, access_token: Optional[str], user_agent: Optional[str],
                 listener: Any = None, timeout: Any = 300, reconnect: bool = False,
                 reconnect_wait_sec: float = 5, token_in_url: bool = False) -> None:
        require("websocket", "WebSocket streaming")
        import websocket

        self._websocket = websocket
        self._begin()
        self.url = url
        self._access_token = access_token
        self.user_agent = user_agent
        self.listener = listener
        self.timeout = timeout
        self.reconnect = bool(reconnect)
        self.reconnect_wait_sec = reconnect_wait_sec
        self.token_in_url = bool(token_in_url)
        self.reconnects = 0
        self._subscriptions: Dict[_Key, WebSocketSubscription] = {}
        self._backoff = _Backoff(reconnect_wait_sec)
        self._ws: Any = self._connect()
        self._receiving = True
        self._start(self._run, "mastodon-websocket")

    def __repr__(self) -> str:
        count = len(self._subscriptions)
        return (super().__repr__()[:-1]
                + f", {count} subscription{'' if count == 1 else 's'}>")

    def _label(self) -> str:
        return self.url

    # ------------------------------------------------------------------ subscriptions

    def subscriptions(self) -> List[WebSocketSubscription]:
        """The active subscriptions."""
        with self._lock:
            return list(self._subscriptions.values())

    def subscribe(self, stream: str, listener: Any = None, **params: Any) -> WebSocketSubscription:
        """Add ``stream`` (e.g. ``"user"``, ``"hashtag"`` with ``tag=``, ``"list"`` with ``list=``).

        Events go to ``listener``, or to the handle's listener when None.
        """
        if not isinstance(stream, str) or not stream:
            raise MastodonIllegalArgumentError("stream must be a non-empty string")
        listener = listener if listener is not None else self.listener
        if listener is None:
            raise MastodonIllegalArgumentError("subscribe() needs a listener (the handle has none)")
        params = {name: str(value) for name, value in params.items() if value is not None}
        subscription = WebSocketSubscription(self, stream, params, listener)
        with self._lock:
            old = self._subscriptions.get(subscription.key)
            if old is not None:
                old.active = False
            self._subscriptions[subscription.key] = subscription
        self._send_quietly({"type": "subscribe", "stream": stream, **params})
        return subscription

    def unsubscribe(self, stream: str, **params: Any) -> None:
        """Remove the subscription to ``stream`` with these ``params``."""
        params = {name: str(value) for name, value in params.items() if value is not None}
        with self._lock:
            subscription = self._subscriptions.pop(_key(stream, params.values()), None)
        if subscription is not None:
            subscription.active = False
        self._send_quietly({"type": "unsubscribe", "stream": stream, **params})

    def close(self) -> None:
        """Close the connection and end every subscription; returns within a bounded time."""
        super().close()
        with self._lock:
            for subscription in self._subscriptions.values():
                subscription.active = False

    def __enter__(self) -> "WebSocketStreamHandle":
        return self

    def __exit__(self, exc_type: Any, exc_value: Any, traceback: Any) -> None:
        self.close()

    # ------------------------------------------------------------------ connection

    def _connect(self) -> Any:
        websocket = self._websocket
        headers = [f"User-Agent: {self.user_agent}"] if self.user_agent else []
        url = self.url
        if self._access_token:
            if self.token_in_url:
                url += ("&" if "?" in url else "?") + urlencode({"access_token": self._access_token})
            else:
                headers.append(f"Authorization: Bearer {self._access_token}")
        ws = websocket.WebSocket(enable_multithread=True)
        try:
            ws.connect(url, header=headers, timeout=self.timeout)
        except websocket.WebSocketBadStatusException as exc:
            status = getattr(exc, "status_code", None)
            error_class = MastodonUnauthorizedError if status == 401 else MastodonAPIError
            raise error_class("The streaming server refused the WebSocket", status,
                              None, None, url=self.url) from exc
        except (websocket.WebSocketException, OSError) as exc:
            raise MastodonNetworkError(
                f"Could not open a WebSocket to {self.url}: {type(exc).__name__}: {exc}") from exc
        return ws

    def _send_quietly(self, message: Dict[str, Any]) -> None:
        """Send a control message; when the connection is down it is sent again on reconnect."""
        ws = self._ws
        if ws is None:
            return
        try:
            ws.send(json.dumps(message))
        except (self._websocket.WebSocketException, OSError) as exc:
            log.debug("could not send %s to the streaming server: %s", message.get("type"), exc)

    def _interrupt(self) -> None:
        ws = self._ws
        if ws is None:
            return
        try:
            ws.send_close()
        except Exception:  # the connection may already be gone; it is closed below either way
            pass
        sock = getattr(ws, "sock", None)
        if isinstance(sock, socket.socket):
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
        ws.shutdown()

    def _listeners(self) -> List[Any]:
        with self._lock:
            found = [sub.listener for sub in self._subscriptions.values()]
        if self.listener is not None:
            found.append(self.listener)
        unique: List[Any] = []
        for listener in found:
            if all(listener is not other for other in unique):
                unique.append(listener)
        return unique

    def _receive(self) -> Any:
        websocket = self._websocket
        try:
            message = self._ws.recv()
        except (websocket.WebSocketTimeoutException, socket.timeout) as exc:
            raise MastodonReadTimeout("The WebSocket received no data within its timeout") from exc
        except (websocket.WebSocketException, OSError, AttributeError) as exc:
            raise MastodonNetworkError(f"The WebSocket broke: {type(exc).__name__}: {exc}") from exc
        if message is None or message == "" or message == b"":
            raise MastodonNetworkError("The streaming server closed the WebSocket")
        return message

    def _run(self) -> None:
        closed = self._closed
        assert closed is not None
        try:
            while not closed.is_set():
                if self._ws is None and not self._reopen():
                    continue
                try:
                    message = self._receive()
                except MastodonNetworkError as exc:
                    self._drop()
                    if closed.is_set():
                        break
                    self._report_all(exc)
                    if not self.reconnect:
                        break
                    continue
                self._receiving = True
                self._backoff.reset()
                self._route(message)
        finally:
            self._receiving = False
            self._drop()

    def _route(self, message: Any) -> None:
        """Hand a frame to the listener of the subscription it names."""
        listener = self.listener
        frame: Dict[str, Any] = {}
        try:
            frame = parse_ws_frame(message)
            stream = frame.get("stream")
            if isinstance(stream, list) and stream:
                with self._lock:
                    subscription = self._subscriptions.get(_key(stream[0], stream[1:]))
                if subscription is not None:
                    listener = subscription.listener
            if listener is None:
                log.debug("dropped a WebSocket event for stream %r: no listener", stream)
                return
            handle_ws_frame(listener, frame)
        except Exception as exc:  # a bad frame or a failing handler must not end the other streams
            if isinstance(exc, MastodonError):
                self._report(listener, exc)
            else:
                self._handler_failed(listener, str(frame.get("event")), exc)

    def _report_all(self, exc: BaseException) -> None:
        for listener in self._listeners():
            self._report(listener, exc)

    def _reopen(self) -> bool:
        """Wait, then connect again and resubscribe; False when it failed (or the handle closed)."""
        closed = self._closed
        assert closed is not None
        ws = self._connect_after_backoff(self._connect, MastodonError, self._report_all)
        if ws is None:
            return False
        with self._lock:
            if closed.is_set():
                ws.shutdown()
                return False
            self._ws = ws
            self.reconnects += 1
            subscriptions = list(self._subscriptions.values())
        for subscription in subscriptions:
            self._send_quietly({"type": "subscribe", "stream": subscription.stream,
                                **subscription.params})
        self._receiving = True
        return True

    def _drop(self) -> None:
        with self._lock:
            ws, self._ws = self._ws, None
        self._receiving = False
        if ws is not None:
            try:
                ws.shutdown()
            except Exception:  # already broken; nothing more to release
                pass
