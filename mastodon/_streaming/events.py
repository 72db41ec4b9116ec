"""Streaming events: decode an event's payload like a REST response and hand it to a listener.

Shared by server-sent events and WebSocket frames. ``update`` becomes a
:class:`~mastodon.return_types.Status`, ``notification`` a
:class:`~mastodon.return_types.Notification` and so on; the event goes to the
listener method named ``on_`` plus the event name with dots replaced by
underscores (``status.update`` -> ``on_status_update``).
"""
from __future__ import annotations

import inspect
import json
from typing import Any, Callable, Dict, Optional, Set, Union

from .. import return_types as rt
from ..errors import MastodonMalformedEventError
from .._core.jsonparse import loads
from ..types_base import MaybeSnowflakeIdType, decode

__all__ = ["EVENT_ENTITIES", "NO_OPS", "decode_payload", "dispatch_event", "call_handler",
           "for_stream_passing", "handle_ws_frame", "parse_ws_frame"]

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
_NOT_JSON = _ID_EVENTS | _BARE_EVENTS


def decode_payload(name: str, data: Any) -> Any:
    """Decode the data of event ``name`` the way REST responses are decoded.

    ``delete`` and ``announcement.delete`` carry a bare id; ``filters_changed``
    and ``notifications_merged`` carry nothing. Raises MastodonMalformedEventError
    when the data of any other event is missing or not JSON. JSON text is
    parsed by :func:`mastodon._core.jsonparse.loads` (orjson with the ``speed``
    extra), as REST answers are.
    """
    if type(data) is bytes and name not in _NOT_JSON:  # the usual case, first
        try:
            value = loads(data)
        except ValueError as exc:
            raise _malformed(name, data, exc) from exc
        return decode(value, EVENT_ENTITIES.get(name))
    if name in _BARE_EVENTS:
        return None
    if data is None:
        raise MastodonMalformedEventError(f"The streaming event {name!r} carries no data")
    if not isinstance(data, (str, bytes)):  # a WebSocket frame's parsed payload
        return decode(data, EVENT_ENTITIES.get(name))
    if name in _ID_EVENTS:
        text = (data.decode("utf-8", "replace") if isinstance(data, bytes) else str(data)).strip()
        if text.startswith('"') and text.endswith('"') and len(text) >= 2:
            text = text[1:-1]
        if not text:
            raise MastodonMalformedEventError(f"The streaming event {name!r} carries no id")
        return MaybeSnowflakeIdType(text)
    try:
        value = loads(data)
    except ValueError as exc:
        raise _malformed(name, data, exc) from exc
    return decode(value, EVENT_ENTITIES.get(name))


def _malformed(name: str, data: Union[str, bytes], exc: ValueError) -> MastodonMalformedEventError:
    preview = bytes(data[:80]) if isinstance(data, bytes) else str(data)[:80]
    return MastodonMalformedEventError(
        f"Could not parse the data of streaming event {name!r}: {exc} (data: {preview!r})")


def dispatch_event(listener: Any, name: str, payload: Any, for_stream: Any = None) -> None:
    """Hand one decoded event to ``on_any_event`` and then to its handler (or ``on_unknown_event``).

    Each handler gets ``for_stream`` too when it has a parameter of that name.
    A handler that is one of :data:`NO_OPS` (the library's do-nothing
    defaults) is not called at all.
    """
    on_any = getattr(listener, "on_any_event", None)
    if on_any is not None and getattr(on_any, "__func__", on_any) not in NO_OPS:
        call_handler(on_any, for_stream, name, payload)
    try:
        method = _METHODS[name]
    except KeyError:
        method = _method_for(name)
    handler = None if method is None else getattr(listener, method, None)
    if handler is None:
        unknown = getattr(listener, "on_unknown_event", None)
        if unknown is not None and getattr(unknown, "__func__", unknown) not in NO_OPS:
            call_handler(unknown, for_stream, name, payload)
        return
    function = getattr(handler, "__func__", handler)
    if function in NO_OPS:
        return
    if name in _BARE_EVENTS:
        call_handler(handler, for_stream)
        return
    try:  # the usual case, without call_handler's packing of arguments
        how = _PASSING[function]
    except (KeyError, TypeError):
        how = for_stream_passing(handler)
    if how is _NOT_PASSED:
        handler(payload)
    elif how is _BY_KEYWORD:
        handler(payload, for_stream=for_stream)
    else:
        handler(payload, for_stream)


#: Handler functions that do nothing (StreamListener's defaults): dispatch skips calling them.
NO_OPS: Set[Any] = set()

_METHODS: Dict[str, Optional[str]] = {}  # event name -> handler method name (None: reserved)


def _method_for(name: str) -> Optional[str]:
    """The handler method of event ``name``: ``status.update`` -> ``on_status_update``."""
    method = None if name in _RESERVED else "on_" + name.replace(".", "_")
    if len(_METHODS) < 1024:  # names come from the server: remember a bounded number
        _METHODS[name] = method
    return method


def call_handler(handler: Callable[..., Any], for_stream: Any, *args: Any) -> Any:
    """Call a listener's handler with ``args``, and ``for_stream`` if it takes a parameter of that name."""
    how = for_stream_passing(handler)
    if how is _NOT_PASSED:
        return handler(*args)
    if how is _BY_KEYWORD:
        return handler(*args, for_stream=for_stream)
    return handler(*args, for_stream)


_NOT_PASSED, _BY_KEYWORD, _BY_POSITION = "no", "keyword", "position"
_PASSING: Dict[Any, str] = {}  # per function (a method's function is its class's): how for_stream goes
_PASSING_KEEP = 4096  # remembered functions; beyond that the memory starts again


def for_stream_passing(handler: Callable[..., Any]) -> str:
    """Whether (and how) ``handler`` takes ``for_stream``; remembered per function."""
    function = getattr(handler, "__func__", handler)
    try:
        return _PASSING[function]
    except KeyError:
        pass
    except TypeError:  # an unhashable callable: looked at every time
        return _inspect_passing(handler)
    how = _inspect_passing(handler)
    if len(_PASSING) >= _PASSING_KEEP:
        _PASSING.clear()
    _PASSING[function] = how
    return how


def _inspect_passing(handler: Callable[..., Any]) -> str:
    try:
        parameter = inspect.signature(handler).parameters.get("for_stream")
    except (TypeError, ValueError):  # no signature to read (some builtins): called without it
        return _NOT_PASSED
    if parameter is None or parameter.kind in (parameter.VAR_POSITIONAL, parameter.VAR_KEYWORD):
        return _NOT_PASSED
    return _BY_POSITION if parameter.kind is parameter.POSITIONAL_ONLY else _BY_KEYWORD


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
