"""A pure parser for server-sent events: bytes in, events out, no I/O.

Feed it whatever pieces the network delivers, of any size; it returns what
those pieces complete, in order. The parser follows the text/event-stream
format: lines end with LF, CRLF or CR (a CRLF split between two pieces is
still one line end), an empty line ends an event, ``data`` lines of one event
are joined with LF, and the fields ``id`` and ``retry`` are accepted and
ignored. A comment line (``:thump``, Mastodon's heartbeat) counts as soon as
its line ends, whether or not an empty line follows it: Mastodon's
streaming server sends heartbeats without one.

Each :meth:`SSEParser.feed` call does a few bulk bytes operations on the
piece (``rfind``, ``split``) instead of looking at it byte by byte: complete
events are cut out of the piece in one ``split``, and only the lines of an
event still unfinished at the end of a piece are looked at one by one. The
unfinished last line is kept as the very pieces fed, without copying, so the
work stays linear in the input size however small the pieces are.
"""
from __future__ import annotations

from typing import Callable, List, Optional, Tuple, Union

from ..errors import MastodonMalformedEventError

__all__ = ["SSEParser", "SSEEvent", "HEARTBEAT", "parse_events", "MAX_EVENT_BYTES"]

#: Size limit of one event (and of the unfinished tail the parser keeps).
MAX_EVENT_BYTES = 16 * 1024 * 1024

#: ``(event name or "", data or None)``; data lines are joined with LF.
SSEEvent = Tuple[str, Optional[bytes]]

#: Stands for a comment line (Mastodon's heartbeat) in the output of :meth:`SSEParser.feed`.
HEARTBEAT = None

ParsedItem = Union[SSEEvent, None]

_LF = b"\n"
_BLANK = b"\n\n"
_COLON = 0x3A  # ord(":")
_EVENT = b"event: "
_DATA = b"data: "


class SSEParser:
    """Incremental text/event-stream parser for one connection.

    Use a new parser for every connection: an event cut off by a dropped
    connection is unfinished and must never be completed by bytes of the next.
    """

    __slots__ = ("_pending", "_pending_size", "_skip_lf", "_name", "_data", "_fields",
                 "max_event_bytes")

    def __init__(self, max_event_bytes: int = MAX_EVENT_BYTES) -> None:
        self._pending: List[bytes] = []  # the unfinished last line, in the pieces fed
        self._pending_size = 0
        self._skip_lf = False
        self._name: Optional[str] = None  # fields of the event whose lines came so far
        self._data: Optional[bytes] = None
        self._fields = 0  # bytes of those fields
        self.max_event_bytes = max_event_bytes

    @property
    def pending_bytes(self) -> int:
        """How many bytes of an unfinished event the parser holds."""
        return self._pending_size + self._fields

    def feed(self, chunk: bytes) -> List[ParsedItem]:
        """Add the next piece of the stream; return what it completes, in order.

        Items are ``(name, data)`` tuples for events, or :data:`HEARTBEAT`
        (None) for a comment line. Raises MastodonMalformedEventError when
        one event grows beyond ``max_event_bytes``.
        """
        if self._skip_lf:  # the last piece ended in CR: a LF now is the rest of that CRLF
            self._skip_lf = False
            if chunk[:1] == _LF:
                chunk = chunk[1:]
        if b"\r" in chunk:
            self._skip_lf = chunk.endswith(b"\r")
            chunk = chunk.replace(b"\r\n", _LF).replace(b"\r", _LF)
        last = chunk.rfind(_LF)
        if last < 0:
            if chunk:
                self._keep(chunk)
            return []
        pending = self._pending
        if pending:
            pending.append(chunk)
            last += self._pending_size
            chunk = b"".join(pending)
            pending.clear()
            self._pending_size = 0
        if last + 1 < len(chunk):
            self._keep(chunk[last + 1:])
        return self._lines(chunk, last + 1)

    def _lines(self, text: bytes, end: int) -> List[ParsedItem]:
        """Parse ``text[:end]``: complete lines, each ending with LF."""
        out: List[ParsedItem] = []
        start = 0
        if self._name is not None or self._data is not None or self._fields:
            blank = text.find(_BLANK, 0, end)
            if text[:1] == _LF:  # an empty line first: the event so far is complete
                start = 1
            elif blank < 0:
                self._fold(text[:end - 1], out)
                return out
            else:
                self._fold(text[:blank], out)
                start = blank + 2
            self._finish(out)
        split = text.rfind(_BLANK, start, end)
        if split >= 0:
            _parse_blocks(text[start:split], out)
            start = split + 2
        if start < end:
            self._fold(text[start:end - 1], out)
        return out

    def _fold(self, lines: bytes, out: List[ParsedItem]) -> None:
        """Take the lines of an event not finished yet into its fields; comments count at once."""
        for line in lines.split(_LF):
            if not line:
                self._finish(out)  # only the first line can be empty here
            elif line[0] == _COLON:
                out.append(HEARTBEAT)
            else:
                self._name, self._data = _field(line, self._name, self._data)
                self._fields += len(line) + 1
        if self._fields > self.max_event_bytes:
            self.close()
            raise MastodonMalformedEventError(
                f"A streaming event is larger than {self.max_event_bytes} bytes")

    def _finish(self, out: List[ParsedItem]) -> None:
        """An empty line: the event whose fields were taken so far is complete."""
        if self._name is not None or self._data is not None:
            out.append((self._name or "", self._data))
        self._name = self._data = None
        self._fields = 0

    def close(self) -> int:
        """End of the stream: drop an unfinished event; return how many bytes it had."""
        dropped = self.pending_bytes
        self._pending.clear()
        self._pending_size = 0
        self._skip_lf = False
        self._name = self._data = None
        self._fields = 0
        return dropped

    def _keep(self, piece: bytes) -> None:
        self._pending.append(piece)
        self._pending_size += len(piece)
        if self.pending_bytes > self.max_event_bytes:
            self.close()
            raise MastodonMalformedEventError(
                f"A streaming event is larger than {self.max_event_bytes} bytes")


def _field(line: bytes, name: Optional[str], data: Optional[bytes]) -> Tuple[Optional[str], Optional[bytes]]:
    """``(name, data)`` after one field line of an event."""
    field, _, value = line.partition(b":")
    if value[:1] == b" ":
        value = value[1:]
    if field == b"data":
        return name, value if data is None else data + _LF + value
    if field == b"event":
        return value.decode("utf-8", "replace"), data
    return name, data  # "id", "retry" and unknown fields carry nothing a Mastodon client uses


def _parse_blocks(text: bytes, out: List[ParsedItem]) -> None:
    """Parse complete events (LF line ends, events separated by empty lines) into ``out``."""
    append = out.append
    for block in text.split(_BLANK):
        if block.startswith(_EVENT):  # the usual Mastodon shape: "event: x\ndata: y"
            newline = block.find(_LF)
            if newline > 0 and block.startswith(_DATA, newline + 1) \
                    and block.find(_LF, newline + 1) < 0:
                append((block[7:newline].decode("utf-8", "replace"), block[newline + 7:]))
                continue
        _parse_block(block, append)


def _parse_block(block: bytes, append: Callable[[ParsedItem], None]) -> None:
    """The general case of one event: any field order, multi-line data, comments."""
    name: Optional[str] = None
    data: Optional[bytes] = None
    for line in block.split(_LF):
        if not line:
            continue
        if line[0] == _COLON:
            append(HEARTBEAT)
        else:
            name, data = _field(line, name, data)
    if name is not None or data is not None:
        append((name or "", data))


def parse_events(body: bytes) -> List[ParsedItem]:
    """Parse a whole stream body at once (an unfinished last event is dropped)."""
    parser = SSEParser()
    items = parser.feed(body)
    parser.close()
    return items
