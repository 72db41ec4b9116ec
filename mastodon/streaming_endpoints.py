"""Streaming endpoints: open the user, public, hashtag, list and direct streams.

Every stream method is a thin declaration of a :class:`_Route` (the SSE
path and query, the WebSocket stream name, the REST timelines a catch-up
reads) handed to :meth:`StreamingEndpointsMixin._open_stream`. The stream
is read from the streaming base URL the instance announces.

Catch-up (``catch_up=True``, with ``run_async=True`` and
``reconnect_async=True``): before the stream starts, the newest status,
notification or conversation id of the stream's timelines is noted. After
every (re)connection, and before live events are read, the timelines are
read over REST from the newest id delivered so far (paging forward with
``min_id``, at most ``CATCH_UP_MAX_PAGES`` pages per timeline) and the
missed items are delivered oldest first as ``update``, ``notification`` or
``conversation`` events. Ids already delivered are dropped, so live events
that were also caught up are not delivered twice. Deletions and edits made
while disconnected cannot be caught up.
"""
from __future__ import annotations

import threading
import warnings
from collections import deque
from dataclasses import dataclass, field
from typing import Any, Callable, Deque, Dict, List, Optional, Set, Tuple

from . import return_types as rt
from ._core.params import path_segment, unpack_id
from ._core import validate
from .errors import MastodonAPIError, MastodonError, MastodonIllegalArgumentError, MastodonWarning
from .internals import Internals
from .streaming import SSEStreamHandle, stream_blocking
from .types_base import IdType, PaginatableList
from .versions import api_version

__all__ = ["StreamingEndpointsMixin", "Mastodon"]

STREAM_ROOT = "/api/v1/streaming"
CATCH_UP_PAGE = 40  # items per catch-up request (the server maximum for timelines)
CATCH_UP_MAX_PAGES = 25  # per timeline and reconnection: at most 1000 missed items


def id_order(value: Any) -> Tuple[int, int, str]:
    """Sort key of an id: numeric ids by value, others as text after them."""
    text = str(value)
    return (0, len(text), text) if text.isdigit() else (1, 0, text)


class EventGate:
    """Remembers which statuses, notifications and conversation messages were delivered.

    ``admit`` says whether an event is new (and records it); ``newest`` holds
    the highest id delivered per kind, where a catch-up continues from.
    """

    KEEP = 4096  # remembered ids per kind

    def __init__(self) -> None:
        self.newest: Dict[str, str] = {}
        self._order: Dict[str, Deque[str]] = {}
        self._seen: Dict[str, Set[str]] = {}
        self._lock = threading.Lock()

    @staticmethod
    def key_of(name: str, payload: Any) -> Optional[Tuple[str, str, str]]:
        """(kind, unique key, ordering id) of an event, or None for events never repeated."""
        if not isinstance(payload, dict) or payload.get("id") is None:
            return None
        ident = str(payload["id"])
        if name == "update":
            return ("status", ident, ident)
        if name == "notification":
            return ("notification", ident, ident)
        if name == "conversation":
            last = payload.get("last_status")
            last_id = str(last["id"]) if isinstance(last, dict) and last.get("id") else ""
            return ("conversation", f"{ident}/{last_id}", last_id or ident)
        return None

    def admit(self, name: str, payload: Any) -> bool:
        key = self.key_of(name, payload)
        if key is None:
            return True
        kind, unique, order = key
        with self._lock:
            seen = self._seen.setdefault(kind, set())
            if unique in seen:
                return False
            queue = self._order.setdefault(kind, deque())
            seen.add(unique)
            queue.append(unique)
            if len(queue) > self.KEEP:
                seen.discard(queue.popleft())
            self.note(kind, order)
            return True

    def note(self, kind: str, ident: Any) -> None:
        """Record ``ident`` as delivered-or-older for ``kind`` (keeps the highest)."""
        current = self.newest.get(kind)
        if current is None or id_order(ident) > id_order(current):
            self.newest[kind] = str(ident)


@dataclass(frozen=True)
class _Source:
    """A REST timeline a catch-up reads; ``kind`` names the id sequence it follows."""

    kind: str  # "status", "notification" or "conversation"
    event: str  # the streaming event its items are delivered as
    path: str
    entity: Any
    params: Dict[str, Any] = field(default_factory=dict)


_HOME = _Source("status", "update", "/api/v1/timelines/home", rt.Status)
_NOTIFICATIONS = _Source("notification", "notification", "/api/v1/notifications", rt.Notification)
_CONVERSATIONS = _Source("conversation", "conversation", "/api/v1/conversations", rt.Conversation)


@dataclass(frozen=True)
class _Route:
    """One stream: its SSE path and query, its WebSocket name and its catch-up timelines."""

    path: str
    ws_stream: str
    params: Dict[str, Any] = field(default_factory=dict)
    ws_params: Dict[str, Any] = field(default_factory=dict)
    sources: Tuple[_Source, ...] = ()

    @property
    def for_stream(self) -> List[str]:
        """The stream's name as WebSocket frames give it, e.g. ``["hashtag", "cats"]``."""
        return [self.ws_stream, *(str(value) for value in self.ws_params.values())]


def _conversation_order(item: Any) -> str:
    last = item.get("last_status") if isinstance(item, dict) else None
    return str(last["id"] if isinstance(last, dict) and last.get("id") else item["id"])


class _CatchUp:
    """Reads what a stream missed from its REST timelines (see the module docstring)."""

    def __init__(self, api: Internals, sources: Tuple[_Source, ...], gate: EventGate) -> None:
        self.api = api
        self.sources = sources
        self.gate = gate

    def _fetch(self, source: _Source, **params: Any) -> Any:
        entity: Any = PaginatableList[source.entity]  # type: ignore[name-defined]
        return self.api._get(source.path, {**source.params, **params}, entity=entity)

    def baseline(self) -> None:
        """Note the newest id of every timeline: the catch-up starts after it."""
        for source in self.sources:
            for item in self._fetch(source, limit=1):
                order = _conversation_order(item) if source.kind == "conversation" else item["id"]
                self.gate.note(source.kind, order)

    def __call__(self, deliver: Callable[[str, Any], bool]) -> None:
        for source in self.sources:
            if source.kind == "conversation":
                self._catch_up_conversations(source, deliver)
            else:
                self._catch_up_timeline(source, deliver)

    def _catch_up_timeline(self, source: _Source, deliver: Callable[[str, Any], bool]) -> None:
        cursor = self.gate.newest.get(source.kind, "0")
        for _ in range(CATCH_UP_MAX_PAGES):
            page = self._fetch(source, min_id=cursor, limit=CATCH_UP_PAGE)
            items = sorted(page or (), key=lambda item: id_order(item["id"]))
            fresh = [item for item in items if id_order(item["id"]) > id_order(cursor)]
            if not fresh:
                return
            for item in fresh:
                if not deliver(source.event, item):
                    return
            cursor = str(fresh[-1]["id"])

    def _catch_up_conversations(self, source: _Source, deliver: Callable[[str, Any], bool]) -> None:
        # conversations page by an id that is not their order; one page is read
        newest = self.gate.newest.get(source.kind)
        page = self._fetch(source, limit=CATCH_UP_PAGE)
        items = sorted(page or (), key=lambda item: id_order(_conversation_order(item)))
        for item in items:
            if newest is None or id_order(_conversation_order(item)) > id_order(newest):
                if not deliver(source.event, item):
                    return


class StreamingEndpointsMixin(Internals):
    """Streams of live events (server-sent events, or WebSocket subscriptions)."""

    _streaming_base: Optional[str]

    # ------------------------------------------------------------------ streams

    @api_version("1.1.0", "1.4.2")
    def stream_user(self, listener: Any, run_async: bool = False, timeout: Any = 300,
                    reconnect_async: bool = False, reconnect_async_wait_sec: float = 5,
                    websocket_handle: Any = None, catch_up: bool = False) -> Any:
        """Stream the user's home timeline and notifications to ``listener``.

        Blocks until the stream fails unless ``run_async`` is set, in which case
        a :class:`~mastodon.streaming.StreamHandle` is returned at once.
        ``timeout`` is the longest wait for data in seconds. With a
        ``websocket_handle`` the stream becomes a subscription on it.
        ``catch_up`` (with ``run_async`` and ``reconnect_async``) delivers what
        was missed while reconnecting, exactly once (see the module docs).

        Calls ``GET /api/v1/streaming/user``.
        """
        return self._open_stream(_Route("/user", "user", sources=(_HOME, _NOTIFICATIONS)),
                                 listener, run_async, timeout, reconnect_async,
                                 reconnect_async_wait_sec, websocket_handle, catch_up)

    @api_version("1.1.0", "1.4.2")
    def stream_public(self, listener: Any, run_async: bool = False, timeout: Any = 300,
                      reconnect_async: bool = False, reconnect_async_wait_sec: float = 5,
                      local: bool = False, remote: bool = False, only_media: bool = False,
                      websocket_handle: Any = None, catch_up: bool = False) -> Any:
        """Stream the public (federated) timeline; see :meth:`stream_user` for the options.

        ``local`` or ``remote`` keep only statuses from this or other
        instances (not both); ``only_media`` only statuses with media. Warns
        (MastodonWarning) when the server does not let this client read it.

        Calls ``GET /api/v1/streaming/public`` (``/local``, ``/remote``).
        """
        if validate.flag("local", local) and validate.flag("remote", remote):
            raise MastodonIllegalArgumentError("stream_public: local and remote exclude each other")
        scope = "local" if local else "remote" if remote else ""
        media = validate.flag("only_media", only_media)
        self._warn_unless_available("local" if local else "public", remote=bool(remote))
        source = _Source("status", "update", "/api/v1/timelines/public", rt.Status,
                         {"local": True if local else None, "remote": True if remote else None,
                          "only_media": True if media else None})
        route = _Route("/public" + (f"/{scope}" if scope else ""),
                       "public" + (f":{scope}" if scope else "") + (":media" if media else ""),
                       {"only_media": True} if media else {}, sources=(source,))
        return self._open_stream(route, listener, run_async, timeout, reconnect_async,
                                 reconnect_async_wait_sec, websocket_handle, catch_up)

    @api_version("1.1.0", "1.4.2")
    def stream_local(self, listener: Any, run_async: bool = False, timeout: Any = 300,
                     reconnect_async: bool = False, reconnect_async_wait_sec: float = 5,
                     only_media: bool = False, websocket_handle: Any = None,
                     catch_up: bool = False) -> Any:
        """Stream the public statuses of this instance's users.

        Same as ``stream_public(..., local=True)``, which new code should use.

        Calls ``GET /api/v1/streaming/public/local``.
        """
        return self.stream_public(listener, run_async, timeout, reconnect_async,
                                  reconnect_async_wait_sec, local=True, only_media=only_media,
                                  websocket_handle=websocket_handle, catch_up=catch_up)

    @api_version("1.1.0", "1.4.2")
    def stream_hashtag(self, tag: str, listener: Any, local: bool = False,
                       run_async: bool = False, timeout: Any = 300,
                       reconnect_async: bool = False, reconnect_async_wait_sec: float = 5,
                       websocket_handle: Any = None, catch_up: bool = False) -> Any:
        """Stream public statuses with a hashtag (given without ``#``); see :meth:`stream_user`.

        ``local`` keeps only statuses from this instance.

        Calls ``GET /api/v1/streaming/hashtag`` (or ``/hashtag/local``) with ``tag``.
        """
        validate.text("tag", tag, required=True)
        if tag.startswith("#"):
            raise MastodonIllegalArgumentError(
                f"tag must be given without the leading '#': use {tag.lstrip('#')!r}")
        local = bool(validate.flag("local", local))
        self._warn_unless_available("hashtag", local=local)
        source = _Source("status", "update", f"/api/v1/timelines/tag/{path_segment(tag, 'tag')}",
                         rt.Status, {"local": True if local else None})
        route = _Route("/hashtag/local" if local else "/hashtag",
                       "hashtag:local" if local else "hashtag", {"tag": tag}, {"tag": tag},
                       (source,))
        return self._open_stream(route, listener, run_async, timeout, reconnect_async,
                                 reconnect_async_wait_sec, websocket_handle, catch_up)

    @api_version("2.1.0", "2.1.0")
    def stream_list(self, id: IdType, listener: Any, run_async: bool = False, timeout: Any = 300,
                    reconnect_async: bool = False, reconnect_async_wait_sec: float = 5,
                    websocket_handle: Any = None, catch_up: bool = False) -> Any:
        """Stream the statuses of the members of one of your lists; see :meth:`stream_user`.

        Calls ``GET /api/v1/streaming/list`` with ``list``.
        """
        list_id = unpack_id(id, "id")
        source = _Source("status", "update", f"/api/v1/timelines/list/{path_segment(list_id)}",
                         rt.Status)
        route = _Route("/list", "list", {"list": list_id}, {"list": list_id}, (source,))
        return self._open_stream(route, listener, run_async, timeout, reconnect_async,
                                 reconnect_async_wait_sec, websocket_handle, catch_up)

    @api_version("2.6.0", "2.6.0")
    def stream_direct(self, listener: Any, run_async: bool = False, timeout: Any = 300,
                      reconnect_async: bool = False, reconnect_async_wait_sec: float = 5,
                      websocket_handle: Any = None, catch_up: bool = False) -> Any:
        """Stream the user's direct conversations (``conversation`` events); see :meth:`stream_user`.

        A catch-up here reads the most recent page of conversations only.

        Calls ``GET /api/v1/streaming/direct``.
        """
        return self._open_stream(_Route("/direct", "direct", sources=(_CONVERSATIONS,)),
                                 listener, run_async, timeout, reconnect_async,
                                 reconnect_async_wait_sec, websocket_handle, catch_up)

    @api_version("1.4.2", "1.4.2")
    def stream_user_notifications(self, listener: Any, run_async: bool = False,
                                  timeout: Any = 300, reconnect_async: bool = False,
                                  reconnect_async_wait_sec: float = 5,
                                  websocket_handle: Any = None, catch_up: bool = False) -> Any:
        """Stream only the user's notifications; see :meth:`stream_user`.

        Calls ``GET /api/v1/streaming/user/notification``.
        """
        route = _Route("/user/notification", "user:notification", sources=(_NOTIFICATIONS,))
        return self._open_stream(route, listener, run_async, timeout, reconnect_async,
                                 reconnect_async_wait_sec, websocket_handle, catch_up)

    @api_version("2.5.0", "2.5.0")
    def stream_healthy(self) -> bool:
        """Whether the streaming server answers its health check (False when unreachable).

        Calls ``GET /api/v1/streaming/health`` on the streaming base URL.
        """
        try:
            response = self._request("GET", STREAM_ROOT + "/health",
                                     base_url=self._get_streaming_base(), stream=True,
                                     ratelimit=False)
        except MastodonError:
            return False
        try:
            body = response.raw.read(256, decode_content=True) or b""
        except Exception:  # the answer broke off: not healthy
            return False
        finally:
            response.close()
        return body.strip() in (b"OK", b"success")

    def stream_open_websocket(self, listener: Any = None, timeout: Any = 300,
                              reconnect_async: bool = False, reconnect_async_wait_sec: float = 5,
                              token_in_url: bool = False) -> Any:
        """Open a WebSocket to the streaming server and return its handle.

        Streams are added with ``handle.subscribe(...)`` or by passing
        ``websocket_handle=handle`` to the stream methods; events without a
        listener of their own go to ``listener``. The access token is sent in
        the ``Authorization`` header; ``token_in_url=True`` puts it in the
        URL instead, for old servers that need that. Needs the ``websocket``
        extra (websocket-client).

        Opens ``/api/v1/streaming`` (ws:// or wss://).
        """
        from .streaming_websocket import WebSocketStreamHandle

        base = self._get_streaming_base()
        url = "ws" + base[4:] if base.startswith("http") else base
        return WebSocketStreamHandle(url + STREAM_ROOT, self.access_token, self.user_agent,
                                     listener, timeout, reconnect_async, reconnect_async_wait_sec,
                                     token_in_url=token_in_url)

    # ------------------------------------------------------------------ old names

    def user_stream(self, listener: Any, *args: Any, **kwargs: Any) -> Any:
        """Old name of :meth:`stream_user`; ``async=`` means ``run_async=``."""
        return self.stream_user(listener, **_legacy_options(args, kwargs))

    def public_stream(self, listener: Any, *args: Any, **kwargs: Any) -> Any:
        """Old name of :meth:`stream_public`; ``async=`` means ``run_async=``."""
        return self.stream_public(listener, **_legacy_options(args, kwargs))

    def hashtag_stream(self, tag: str, listener: Any, *args: Any, **kwargs: Any) -> Any:
        """Old name of :meth:`stream_hashtag`; ``async=`` means ``run_async=``."""
        return self.stream_hashtag(tag, listener, **_legacy_options(args, kwargs))

    # ------------------------------------------------------------------ shared

    def _open_stream(self, route: _Route, listener: Any, run_async: bool, timeout: Any,
                     reconnect_async: bool, reconnect_async_wait_sec: float,
                     websocket_handle: Any, catch_up: bool) -> Any:
        if websocket_handle is not None:
            return websocket_handle.subscribe(route.ws_stream, listener, **route.ws_params)
        if listener is None or not callable(getattr(listener, "on_abort", None)):
            raise MastodonIllegalArgumentError("listener must be a StreamListener")
        validate_wait = reconnect_async_wait_sec
        if isinstance(validate_wait, bool) or not isinstance(validate_wait, (int, float)) \
                or validate_wait < 0:
            raise MastodonIllegalArgumentError(
                "reconnect_async_wait_sec must be a number of seconds >= 0")
        base = self._get_streaming_base()

        def connect() -> Any:
            return self._request("GET", STREAM_ROOT + route.path, route.params, base_url=base,
                                 stream=True, timeout=timeout, ratelimit=False)

        gate = catch = None
        if catch_up and run_async and reconnect_async and route.sources:
            gate = EventGate()
            catch = _CatchUp(self, route.sources, gate)
            catch.baseline()
        connection = connect()
        if not run_async:
            stream_blocking(listener, connection, route.for_stream)
        return SSEStreamHandle(connection, connect, reconnect_async, reconnect_async_wait_sec,
                               listener, for_stream=route.for_stream, on_connect=catch, gate=gate)

    def _warn_unless_available(self, timeline: str, local: bool = False,
                               remote: bool = False) -> None:
        available = self.timeline_is_available(  # type: ignore[attr-defined]
            timeline, local=local, remote=remote, with_auth=self.access_token is not None)
        if not available:
            warnings.warn(f"the server may not let this client stream the {timeline} timeline",
                          MastodonWarning, stacklevel=4)

    def _get_streaming_base(self) -> str:
        """The streaming server's base URL (http/https), from the instance info; cached.

        Uses ``configuration.urls.streaming`` (v2 instance info), else
        ``urls.streaming_api`` (v1), else the API base URL.
        """
        with self._cache_lock:
            if self._streaming_base:
                return self._streaming_base
        url: Any = None
        for version, path in (("v2", ("configuration", "urls", "streaming")),
                              ("v1", ("urls", "streaming_api"))):
            try:
                value: Any = self._cached_instance(version)  # type: ignore[attr-defined]
            except MastodonAPIError:
                continue
            for key in path:
                value = value.get(key) if isinstance(value, dict) else None
            if isinstance(value, str) and value.strip():
                url = value.strip()
                break
        base = _http_base(url) if url else self.api_base_url.rstrip("/")
        with self._cache_lock:
            self._streaming_base = base
        return base


def _http_base(url: str) -> str:
    """``wss://host`` -> ``https://host``, ``ws://`` -> ``http://``; a bare host gets https."""
    url = url.rstrip("/")
    for ws, http in (("wss://", "https://"), ("ws://", "http://")):
        if url.startswith(ws):
            return http + url[len(ws):]
    return url if "://" in url else "https://" + url


def _legacy_options(args: Tuple[Any, ...], kwargs: Dict[str, Any]) -> Dict[str, Any]:
    """Map the pre-1.2 options (``async`` as keyword or single positional) to the new names."""
    options = dict(kwargs)
    if len(args) > 1:
        raise MastodonIllegalArgumentError("only the listener and async may be passed by position")
    if args:
        options["async"] = args[0]
    if "async" in options:
        if "run_async" in options:
            raise MastodonIllegalArgumentError("give async or run_async, not both")
        options["run_async"] = options.pop("async")
    return options


Mastodon = StreamingEndpointsMixin  # import path kept for compatibility: mastodon.streaming_endpoints.Mastodon
