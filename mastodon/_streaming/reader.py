"""Reading a server-sent-events response: bytes as they arrive, cut into decoded events.

Works with a ``requests.Response`` (read through ``.raw``, each read
returning as soon as any bytes arrived) and with any object that only has
``iter_content(chunk_size)``, as callers' test doubles often do; such
objects may hand out pieces of any size, split anywhere.
"""
from __future__ import annotations

import http.client
import io
import logging
import socket
import threading
from typing import Any, Callable, Iterator, Optional, Set, Tuple, Union

import requests
import urllib3

from .sse import HEARTBEAT, SSEParser
from ..errors import MastodonMalformedEventError, MastodonNetworkError, MastodonReadTimeout
from .events import decode_payload, dispatch_event

__all__ = ["READ_SIZE", "StreamItem", "read_events", "consume_stream",
           "stream_blocking", "uses_own_reader", "OWN_READERS", "shutdown_response"]

log = logging.getLogger("mastodon")

READ_SIZE = 64 * 1024  # bytes asked for per read; a read returns as soon as any arrived

#: What :func:`read_events` yields: ``(name, decoded payload)``, or HEARTBEAT (None).
StreamItem = Union[Tuple[str, Any], None]

_URLLIB3_RESPONSE: Any = getattr(urllib3.response, "BaseHTTPResponse", urllib3.response.HTTPResponse)
_TIMEOUTS = (urllib3.exceptions.ReadTimeoutError, requests.exceptions.ReadTimeout, socket.timeout)


def _raw_reader(raw: Any) -> Optional[Callable[[], bytes]]:
    """A function returning the next bytes of ``raw`` as soon as any arrived, or None if unreadable."""
    read1: Any = getattr(raw, "read1", None)
    if isinstance(raw, _URLLIB3_RESPONSE):
        if read1 is not None:  # urllib3 2
            return lambda: read1(READ_SIZE, decode_content=True)
        if raw.chunked:  # urllib3 1: its chunked reader yields one HTTP chunk at a time
            chunks = raw.read_chunked(decode_content=True)
            return lambda: next(chunks, b"")
        return lambda: raw._fp.read1(READ_SIZE)
    if isinstance(raw, io.IOBase) and callable(read1):
        return lambda: bytes(read1(READ_SIZE))
    return None


def _as_bytes(piece: Any) -> bytes:
    """A piece from ``iter_content`` as bytes (stand-ins may hand out text or single ints)."""
    if isinstance(piece, int):
        return bytes((piece,))
    if isinstance(piece, str):
        return piece.encode("utf-8")
    return bytes(piece)


def _content_reader(response: Any) -> Callable[[], bytes]:
    """Read ``response`` through ``.raw`` when it is a real stream, else through ``iter_content``."""
    raw = getattr(response, "raw", None)
    reader = _raw_reader(raw)
    if reader is not None:
        return reader
    iter_content = getattr(response, "iter_content", None)
    if callable(iter_content):
        pieces = iter(iter_content(chunk_size=1))  # whatever arrived, without waiting for more
        return lambda: _as_bytes(next(pieces, b""))
    read1 = getattr(raw, "read1", None)
    if callable(read1):  # a file-like raw stream of some other kind
        return lambda: _as_bytes(read1(READ_SIZE))
    raise MastodonNetworkError("The stream response has neither .raw nor iter_content()")


def _read_pieces(response: Any) -> Iterator[bytes]:
    """Yield the body as it arrives until it ends; failures become MastodonNetworkError."""
    read = _content_reader(response)
    while True:
        try:
            piece = read()
        except Exception as exc:  # only library code (or the caller's stand-in) runs in here
            raise _stream_error(exc) from exc
        if not piece:
            return
        yield piece


def _stream_error(exc: BaseException) -> MastodonNetworkError:
    if isinstance(exc, _TIMEOUTS):
        return MastodonReadTimeout("The stream received no data within its timeout")
    if isinstance(exc, (urllib3.exceptions.HTTPError, requests.exceptions.RequestException,
                        http.client.HTTPException, OSError)):
        return MastodonNetworkError(f"The stream connection broke: {type(exc).__name__}: {exc}")
    return MastodonNetworkError(f"Reading the stream failed: {type(exc).__name__}: {exc}")


def read_events(response: Any, stop: Optional[threading.Event] = None,
                progress: Optional[Callable[[], None]] = None) -> Iterator[StreamItem]:
    """Yield the decoded events of ``response`` (HEARTBEAT for comments) until the body ends.

    Stops early once ``stop`` is set; ``progress`` is called whenever bytes
    arrived. Raises MastodonMalformedEventError on an event that cannot be
    decoded, MastodonNetworkError (or MastodonReadTimeout) when reading fails.
    """
    parser = SSEParser()
    for piece in _read_pieces(response):
        if stop is not None and stop.is_set():
            return
        if progress is not None:
            progress()
        for item in parser.feed(piece):
            if stop is not None and stop.is_set():
                return
            if item is HEARTBEAT:
                yield HEARTBEAT
                continue
            name, data = item
            if not name:
                raise MastodonMalformedEventError(
                    f"A streaming event without an event name (data: {(data or b'')[:80]!r})")
            yield name, decode_payload(name, data)


def consume_stream(listener: Any, response: Any, for_stream: Any = None) -> None:
    """Dispatch the events of ``response`` to ``listener`` until the body ends; then return.

    A read or decoding failure goes to the listener's ``on_abort`` first and
    is raised. A handler's own exception propagates unreported.
    """
    heartbeat = getattr(listener, "handle_heartbeat", None)
    in_handler = False
    try:
        for item in read_events(response):
            in_handler = True
            if item is not HEARTBEAT:
                dispatch_event(listener, item[0], item[1], for_stream)
            elif heartbeat is not None:
                heartbeat()
            in_handler = False
    except (MastodonNetworkError, MastodonMalformedEventError) as exc:
        on_abort = None if in_handler else getattr(listener, "on_abort", None)
        if on_abort is not None:
            on_abort(exc)
        raise


def stream_blocking(listener: Any, connection: Any, for_stream: Any = None) -> None:
    """Read a stream on the calling thread until it ends, then close it.

    A listener with a ``handle_stream`` of its own (an override, or a
    listener of another class) has it called; a :class:`StreamListener`'s
    own is run here, passing ``for_stream`` on to the handlers.
    """
    try:
        if uses_own_reader(listener):
            consume_stream(listener, connection, for_stream)
        else:
            listener.handle_stream(connection)
    finally:
        shutdown_response(connection)


#: The ``handle_stream`` functions that read with :func:`consume_stream` (set by the listeners module).
OWN_READERS: Set[Any] = set()


def uses_own_reader(listener: Any) -> bool:
    """Whether ``listener.handle_stream`` is one of this library's (not overridden)."""
    return getattr(type(listener), "handle_stream", None) in OWN_READERS


def shutdown_response(response: Any) -> None:
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
    close = getattr(response, "close", None)
    if not callable(close):
        return
    try:
        close()
    except Exception:  # closing a broken connection may fail in many ways; it is closed either way
        log.debug("closing a stream response failed", exc_info=True)
