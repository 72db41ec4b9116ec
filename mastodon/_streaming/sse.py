"""A pure parser for server-sent events: bytes in, events out, no I/O.

Feed it whatever pieces the network delivers, of any size; it returns the
events those pieces complete. The parser follows the text/event-stream
format: lines end with LF, CRLF or CR (a CRLF split between two pieces is
still one line end), an empty line ends an event, ``data`` lines of one event
are joined with LF, a comment line (``:thump``) is a heartbeat, and the
fields ``id`` and ``retry`` are accepted and ignored.

Each :meth:`SSEParser.feed` call does a few bulk bytes operations on the
piece (``find``, ``split``) instead of looking at it byte by byte, and keeps
the unfinished tail for the next call without copying it again, so the work
stays linear in the input size however small the pieces are.
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


class SSEParser:
    """Incremental text/event-stream parser for one connection.

    Use a new parser for every connection: an event cut off by a dropped
    connection is unfinished and must never be completed by bytes of the next.
    """

    __slots__ = ("_pending", "_pending_size", "_skip_lf", "max_event_bytes")

    def __init__(self, max_event_bytes: int = MAX_EVENT_BYTES) -> None:
        self._pending: List[bytes] = []  # the unfinished tail, in pieces
        self._pending_size = 0
        self._skip_lf = False
        self.max_event_bytes = max_event_bytes

    @property
    def pending_bytes(self) -> int:
        """How many bytes of an unfinished event the parser holds."""
        return self._pending_size

    def feed(self, chunk: bytes) -> List[ParsedItem]:
        """Add the next piece of the stream; return the events it completes, in order.

        Items are ``(name, data)`` tuples, or :data:`HEARTBEAT` (None) for a
        comment line. Raises MastodonMalformedEventError when one event grows
        beyond ``max_event_bytes``.
        """
        if self._skip_lf:  # the last piece ended in CR: a LF now is the rest of that CRLF
            self._skip_lf = False
            if chunk[:1] == _LF:
                chunk = chunk[1:]
        if b"\r" in chunk:
            self._skip_lf = chunk.endswith(b"\r")
            chunk = chunk.replace(b"\r\n", _LF).replace(b"\r", _LF)
        if not chunk:
            return []
        pending = self._pending
        if pending:
            if _BLANK not in chunk and not (chunk[0] == 10 and pending[-1].endswith(_LF)):
                self._keep(chunk)
                return []
            pending.append(chunk)
            chunk = b"".join(pending)
            pending.clear()
            self._pending_size = 0
        end = chunk.rfind(_BLANK)
        if end < 0:
            self._keep(chunk)
            return []
        if end + 2 < len(chunk):
            self._keep(chunk[end + 2:])
        return _parse_blocks(chunk[:end])

    def close(self) -> int:
        """End of the stream: drop an unfinished event; return how many bytes it had."""
        dropped = self.pending_bytes
        self._pending.clear()
        self._pending_size = 0
        self._skip_lf = False
        return dropped

    def _keep(self, piece: bytes) -> None:
        self._pending.append(piece)
        self._pending_size += len(piece)
        if self._pending_size > self.max_event_bytes:
            self.close()
            raise MastodonMalformedEventError(
                f"A streaming event is larger than {self.max_event_bytes} bytes")


def _parse_blocks(text: bytes) -> List[ParsedItem]:
    """Parse complete event blocks (LF line ends, blocks separated by blank lines)."""
    out: List[ParsedItem] = []
    append = out.append
    for block in text.split(_BLANK):
        if block.startswith(b"event: "):  # the usual Mastodon shape: "event: x\ndata: y"
            newline = block.find(_LF)
            if newline > 0 and block.startswith(b"data: ", newline + 1) \
                    and block.find(_LF, newline + 1) < 0:
                append((block[7:newline].decode("utf-8", "replace"), block[newline + 7:]))
                continue
        _parse_block(block, append)
    return out


def _parse_block(block: bytes, append: Callable[[ParsedItem], None]) -> None:
    """The general case of one block: any field order, multi-line data, comments."""
    name: Optional[str] = None
    data: Optional[bytes] = None
    for line in block.split(_LF):
        if not line:
            continue
        if line[0] == _COLON:
            append(HEARTBEAT)
            continue
        field, _, value = line.partition(b":")
        if value[:1] == b" ":
            value = value[1:]
        if field == b"data":
            data = value if data is None else data + _LF + value
        elif field == b"event":
            name = value.decode("utf-8", "replace")
        # "id", "retry" and unknown fields carry nothing a Mastodon client uses
    if name is not None or data is not None:
        append((name or "", data))



def parse_events(body: bytes) -> List[ParsedItem]:
    """Parse a whole stream body at once (an unfinished last event is dropped)."""
    parser = SSEParser()
    items = parser.feed(body)
    parser.close()
    return items
