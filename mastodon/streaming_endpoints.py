"""Streaming endpoints: open the user, public, hashtag, list and direct streams.

Every stream method is a thin declaration of a
:class:`~mastodon._streaming.routes.Route` (the SSE path and query, the
WebSocket stream name, the REST timelines a catch-up reads) handed to
:meth:`StreamingEndpointsMixin._open_stream`. The stream is read from the
streaming base URL the instance announces; the streaming machinery is
imported on the first stream.

Catch-up is on by default for streams running with ``run_async=True`` and
``reconnect_async=True`` whose timeline has a REST counterpart (user: home
timeline and notifications; user notifications; public, local, hashtag,
list): after a reconnection, what was missed meanwhile is delivered once and
in order before live events (see :mod:`mastodon._streaming.catchup`).
``catch_up=False`` turns it off. The direct stream catches up only when asked
(``catch_up=True``), as conversations page by an id that is not their order,
so only their most recent page can be read.
"""
from __future__ import annotations

import warnings
from typing import TYPE_CHECKING, Any, Dict, Optional, Tuple, Union

from ._core.params import path_segment, unpack_id
from ._core import validate
from .errors import MastodonAPIError, MastodonError, MastodonIllegalArgumentError, MastodonWarning
from .internals import Internals
from ._streaming.routes import CONVERSATIONS, HOME, NOTIFICATIONS, Route, Source
from .types_base import IdType
from .versions import api_version

if TYPE_CHECKING:  # imported on the first stream, not with the client
    from ._streaming.handles import SSEStreamHandle
    from .streaming_websocket import WebSocketStreamHandle, WebSocketSubscription

__all__ = ["StreamingEndpointsMixin", "Mastodon"]

STREAM_ROOT = "/api/v1/streaming"
#: What a stream method returns: its own handle, or its subscription on a ``websocket_handle``
#: (None for a blocking stream, once it ended).
StreamResult = Union["SSEStreamHandle", "WebSocketSubscription", None]


class StreamingEndpointsMixin(Internals):
    """Streams of live events (server-sent events, or WebSocket subscriptions)."""

    _streaming_base: Optional[str]

    # ------------------------------------------------------------------ streams

    @api_version("1.1.0", "1.4.2")
    def stream_user(self, listener: Any, run_async: bool = False, timeout: Any = 300,
                    reconnect_async: bool = False, reconnect_async_wait_sec: float = 5,
                    websocket_handle: Optional[WebSocketStreamHandle] = None,
                    catch_up: bool = True) -> StreamResult:
        """Stream the user's home timeline and notifications to ``listener``.

        ``listener`` is a :class:`~mastodon.streaming.StreamListener`: its
        ``on_update``, ``on_notification``, ... methods get the events (any object
        with a ``handle_stream(response)`` method will do: it is called with the
        response). The call blocks until the server ends the stream (then it
        returns None) or the connection fails (then it raises), unless
        ``run_async`` is True: then a :class:`~mastodon.streaming.StreamHandle`
        is returned at once, and the stream connects on its own thread, trying
        again after a failed first connection until it succeeds or is closed.
        ``timeout`` is the longest wait for data in seconds; a longer
        silence counts as a failure. ``reconnect_async`` (with
        ``run_async``) reconnects after a failure, waiting
        ``reconnect_async_wait_sec`` seconds at first and twice as long after each
        failure in a row, a minute at most. With a ``websocket_handle`` (from
        :meth:`stream_open_websocket`) the stream becomes a subscription on that
        WebSocket instead of a connection of its own. With ``run_async`` and
        ``reconnect_async``, what was missed while reconnecting is delivered once
        and in order before live events; ``catch_up`` False turns that off.

        Calls ``GET /api/v1/streaming/user``.
        """
        return self._open_stream(Route("/user", "user", sources=(HOME, NOTIFICATIONS)),
                                 listener, run_async, timeout, reconnect_async,
                                 reconnect_async_wait_sec, websocket_handle, catch_up)

    @api_version("1.1.0", "1.4.2")
    def stream_public(self, listener: Any, run_async: bool = False, timeout: Any = 300,
                      reconnect_async: bool = False, reconnect_async_wait_sec: float = 5,
                      local: bool = False, remote: bool = False, only_media: bool = False,
                      websocket_handle: Optional[WebSocketStreamHandle] = None,
                      catch_up: bool = True) -> StreamResult:
        """Stream the public (federated) timeline; see :meth:`stream_user` for the options.

        ``local`` or ``remote`` keep only statuses from this or other
        instances (not both); ``only_media`` only statuses with media. Warns
        (MastodonWarning) when the server does not let this client read it.
        ``listener``, ``run_async``, ``timeout``, ``reconnect_async``,
        ``reconnect_async_wait_sec``, ``websocket_handle`` and ``catch_up`` work as for
        :meth:`stream_user`.

        Calls ``GET /api/v1/streaming/public`` (``/local``, ``/remote``).
        """
        if validate.flag("local", local) and validate.flag("remote", remote):
            raise MastodonIllegalArgumentError("stream_public: local and remote exclude each other")
        scope = "local" if local else "remote" if remote else ""
        media = validate.flag("only_media", only_media)
        self._warn_unless_available("local" if local else "public", remote=bool(remote))
        source = Source("status", "update", "/api/v1/timelines/public", "Status",
                         {"local": True if local else None, "remote": True if remote else None,
                          "only_media": True if media else None})
        route = Route("/public" + (f"/{scope}" if scope else ""),
                       "public" + (f":{scope}" if scope else "") + (":media" if media else ""),
                       # Mastodon.py appends the literal "?only_media=true" to the stream path
                       {"only_media": "true"} if media else {}, sources=(source,))
        return self._open_stream(route, listener, run_async, timeout, reconnect_async,
                                 reconnect_async_wait_sec, websocket_handle, catch_up)

    @api_version("1.1.0", "1.4.2")
    def stream_local(self, listener: Any, run_async: bool = False, timeout: Any = 300,
                     reconnect_async: bool = False, reconnect_async_wait_sec: float = 5,
                     only_media: bool = False,
                     websocket_handle: Optional[WebSocketStreamHandle] = None,
                     catch_up: bool = True) -> StreamResult:
        """Stream the public statuses of this instance's users.

        Same as ``stream_public(..., local=True)``, which new code should use.
        ``only_media`` keeps only statuses with media.
        ``listener``, ``run_async``, ``timeout``, ``reconnect_async``,
        ``reconnect_async_wait_sec``, ``websocket_handle`` and ``catch_up`` work as for
        :meth:`stream_user`.

        Calls ``GET /api/v1/streaming/public/local``.
        """
        return self.stream_public(listener, run_async, timeout, reconnect_async,
                                  reconnect_async_wait_sec, local=True, only_media=only_media,
                                  websocket_handle=websocket_handle, catch_up=catch_up)

    @api_version("1.1.0", "1.4.2")
    def stream_hashtag(self, tag: str, listener: Any, local: bool = False,
                       run_async: bool = False, timeout: Any = 300,
                       reconnect_async: bool = False, reconnect_async_wait_sec: float = 5,
                       websocket_handle: Optional[WebSocketStreamHandle] = None,
                       catch_up: bool = True) -> StreamResult:
        """Stream public statuses with a hashtag; see :meth:`stream_user`.

        ``tag`` is the hashtag without ``#``; ``local`` keeps only statuses from this
        instance.
        ``listener``, ``run_async``, ``timeout``, ``reconnect_async``,
        ``reconnect_async_wait_sec``, ``websocket_handle`` and ``catch_up`` work as for
        :meth:`stream_user`.

        Calls ``GET /api/v1/streaming/hashtag`` (or ``/hashtag/local``) with ``tag``.
        """
        validate.text("tag", tag, required=True)
        if tag.startswith("#"):
            raise MastodonIllegalArgumentError(
                f"tag must be given without the leading '#': use {tag.lstrip('#')!r}")
        local = bool(validate.flag("local", local))
        self._warn_unless_available("hashtag", local=local)
        source = Source("status", "update", f"/api/v1/timelines/tag/{path_segment(tag, 'tag')}",
                         "Status", {"local": True if local else None})
        route = Route("/hashtag/local" if local else "/hashtag",
                       "hashtag:local" if local else "hashtag", {"tag": tag}, {"tag": tag},
                       (source,))
        return self._open_stream(route, listener, run_async, timeout, reconnect_async,
                                 reconnect_async_wait_sec, websocket_handle, catch_up)

    @api_version("2.1.0", "2.1.0")
    def stream_list(self, id: IdType, listener: Any, run_async: bool = False, timeout: Any = 300,
                    reconnect_async: bool = False, reconnect_async_wait_sec: float = 5,
                    websocket_handle: Optional[WebSocketStreamHandle] = None,
                    catch_up: bool = True) -> StreamResult:
        """Stream the statuses of the members of one of your lists; see :meth:`stream_user`.

        ``id`` is the list (its id or the UserList).
        ``listener``, ``run_async``, ``timeout``, ``reconnect_async``,
        ``reconnect_async_wait_sec``, ``websocket_handle`` and ``catch_up`` work as for
        :meth:`stream_user`.

        Calls ``GET /api/v1/streaming/list`` with ``list``.
        """
        list_id = unpack_id(id, "id")
        source = Source("status", "update", f"/api/v1/timelines/list/{path_segment(list_id)}",
                         "Status")
        route = Route("/list", "list", {"list": list_id}, {"list": list_id}, (source,))
        return self._open_stream(route, listener, run_async, timeout, reconnect_async,
                                 reconnect_async_wait_sec, websocket_handle, catch_up)

    @api_version("2.6.0", "2.6.0")
    def stream_direct(self, listener: Any, run_async: bool = False, timeout: Any = 300,
                      reconnect_async: bool = False, reconnect_async_wait_sec: float = 5,
                      websocket_handle: Optional[WebSocketStreamHandle] = None,
                      catch_up: bool = False) -> StreamResult:
        """Stream the user's direct conversations (``conversation`` events); see :meth:`stream_user`.

        A catch-up here is off by default and, when ``catch_up`` is True, reads the most
        recent page of conversations only (conversations do not page in order).
        ``listener``, ``run_async``, ``timeout``, ``reconnect_async``,
        ``reconnect_async_wait_sec`` and ``websocket_handle`` work as for
        :meth:`stream_user`.

        Calls ``GET /api/v1/streaming/direct``.
        """
        return self._open_stream(Route("/direct", "direct", sources=(CONVERSATIONS,)),
                                 listener, run_async, timeout, reconnect_async,
                                 reconnect_async_wait_sec, websocket_handle, catch_up)

    @api_version("1.4.2", "1.4.2")
    def stream_user_notifications(self, listener: Any, run_async: bool = False,
                                  timeout: Any = 300, reconnect_async: bool = False,
                                  reconnect_async_wait_sec: float = 5,
                                  websocket_handle: Optional[WebSocketStreamHandle] = None,
                                  catch_up: bool = True) -> StreamResult:
        """Stream only the user's notifications; see :meth:`stream_user`.

        ``listener``, ``run_async``, ``timeout``, ``reconnect_async``,
        ``reconnect_async_wait_sec``, ``websocket_handle`` and ``catch_up`` work as for
        :meth:`stream_user`.

        Calls ``GET /api/v1/streaming/user/notification``.
        """
        route = Route("/user/notification", "user:notification", sources=(NOTIFICATIONS,))
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
                              token_in_url: bool = False) -> WebSocketStreamHandle:
        """Open a WebSocket to the streaming server and return its handle.

        Streams are added with ``handle.subscribe(...)`` or by passing
        ``websocket_handle=handle`` to the stream methods; events without a
        listener of their own go to ``listener``. ``timeout`` is the longest wait
        for data in seconds; ``reconnect_async`` reopens the connection after a
        failure (waiting ``reconnect_async_wait_sec`` seconds, then twice as long
        each time, a minute at most) and renews every subscription. The access
        token is sent in the ``Authorization`` header; ``token_in_url`` True puts
        it in the URL instead, for old servers that need that. Needs the
        ``websocket`` extra (websocket-client).

        Opens ``/api/v1/streaming`` (ws:// or wss://).
        """
        from .streaming_websocket import WebSocketStreamHandle

        base = self._get_streaming_base()
        url = "ws" + base[4:] if base.startswith("http") else base
        return WebSocketStreamHandle(url + STREAM_ROOT, self.access_token, self.user_agent,
                                     listener, timeout, reconnect_async, reconnect_async_wait_sec,
                                     token_in_url=token_in_url)

    # ------------------------------------------------------------------ old names

    def user_stream(self, listener: Any, *args: Any, **kwargs: Any) -> StreamResult:
        """Old name of :meth:`stream_user`; ``async=`` means ``run_async=``.

        ``listener`` and the other arguments are those of :meth:`stream_user`.
        """
        return self.stream_user(listener, **_legacy_options(args, kwargs))

    def public_stream(self, listener: Any, *args: Any, **kwargs: Any) -> StreamResult:
        """Old name of :meth:`stream_public`; ``async=`` means ``run_async=``.

        ``listener`` and the other arguments are those of :meth:`stream_public`.
        """
        return self.stream_public(listener, **_legacy_options(args, kwargs))

    def hashtag_stream(self, tag: str, listener: Any, *args: Any, **kwargs: Any) -> StreamResult:
        """Old name of :meth:`stream_hashtag`; ``async=`` means ``run_async=``.

        ``tag``, ``listener`` and the other arguments are those of :meth:`stream_hashtag`.
        """
        return self.stream_hashtag(tag, listener, **_legacy_options(args, kwargs))

    # ------------------------------------------------------------------ shared

    def _open_stream(self, route: Route, listener: Any, run_async: bool, timeout: Any,
                     reconnect_async: bool, reconnect_async_wait_sec: float,
                     websocket_handle: Optional[WebSocketStreamHandle],
                     catch_up: bool) -> StreamResult:
        if websocket_handle is not None:
            return websocket_handle.subscribe(route.ws_stream, listener, **route.ws_params)
        if not callable(getattr(listener, "handle_stream", None)):
            raise MastodonIllegalArgumentError(
                "listener must have a handle_stream(response) method, as a StreamListener has")
        validate.timeout("timeout", timeout)
        validate_wait = reconnect_async_wait_sec
        if isinstance(validate_wait, bool) or not isinstance(validate_wait, (int, float)) \
                or validate_wait < 0:
            raise MastodonIllegalArgumentError(
                "reconnect_async_wait_sec must be a number of seconds >= 0")

        def request() -> Any:
            return self._request("GET", STREAM_ROOT + route.path, route.params,
                                 base_url=self._get_streaming_base(), stream=True,
                                 timeout=timeout, ratelimit=False)

        from ._streaming.opening import open_sse_stream
        return open_sse_stream(self, route, request, listener, run_async, reconnect_async,
                               reconnect_async_wait_sec, catch_up)

    def _warn_unless_available(self, timeline: str, local: bool = False,
                               remote: bool = False) -> None:
        available = self._server.timeline_is_available(
            timeline, local=local, remote=remote, with_auth=self.access_token is not None,
            fail_hard=False)
        if not available:
            warnings.warn(f"the server may not let this client stream the {timeline} timeline",
                          MastodonWarning, stacklevel=4)

    def _get_streaming_base(self) -> str:
        """The streaming server's base URL (http/https), from the instance info; cached.

        Looks up the v2, then the v1 instance info, as Mastodon.py does, and
        uses ``urls.streaming_api`` (v1), else ``configuration.urls.streaming``
        (v2), else the API base URL.
        """
        with self._cache_lock:
            if self._streaming_base:
                return self._streaming_base
        documents: Dict[str, Any] = {}
        for version in ("v2", "v1"):
            try:
                documents[version] = self._server.document(version)
            except MastodonAPIError:
                continue
        url: Any = None
        for version, path in (("v1", ("urls", "streaming_api")),
                              ("v2", ("configuration", "urls", "streaming"))):
            value: Any = documents.get(version)
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
