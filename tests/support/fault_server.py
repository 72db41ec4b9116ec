"""A small local HTTP server that misbehaves on purpose, one scripted reply at a time.

It listens on 127.0.0.1 only (on a free port) and answers each request with
the next :class:`Reply` of its script, or with ``default`` when the script is
used up. Replies can be late, slow, cut short (with FIN or TCP RST), malformed,
or server-sent-event streams that break after K bytes. An optional fixed-window
rate limiter answers 429 past N requests per window and per Authorization
header, and counts how often that happened::

    server = FaultServer().start()
    server.script(Reply(status=503), json_reply({"id": "1"}))
    server.rate_limit(limit=5, window=2.0, reset_format="iso")
    ...
    assert server.limiter.exceeded == 0
    server.stop()

Every wait is bounded and ends early when the server stops; all threads are daemons.
"""
from __future__ import annotations

import collections
import dataclasses
import json
import math
import socket
import socketserver
import struct
import threading
import time
from dataclasses import dataclass, field
from email.utils import formatdate
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler
from typing import Any, Callable, Deque, Dict, Iterable, List, Optional, Tuple, Union
from urllib.parse import parse_qsl, urlsplit

from requests.structures import CaseInsensitiveDict

from .local_server import LocalServer

JSON_TYPE = "application/json; charset=utf-8"


@dataclass
class Reply:
    """One scripted answer.

    ``delay``: seconds before the status line. ``chunk_size``/``chunk_delay``:
    send the body in pieces with a pause after each. ``cut_after``: send only
    that many body bytes, then drop the connection (with ``reset=True`` as a
    TCP RST, otherwise a plain close); Content-Length still announces the full
    body. ``chunked``: use Transfer-Encoding: chunked instead of Content-Length
    (as streams do). ``hold``: keep the connection open that many seconds after
    the last byte sent and before ending the body or dropping the connection.
    ``close``: close the connection after a complete reply.
    """

    status: int = 200
    body: bytes = b"{}"
    headers: Dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    chunk_size: int = 0
    chunk_delay: float = 0.0
    cut_after: Optional[int] = None
    reset: bool = False
    chunked: bool = False
    hold: float = 0.0
    close: bool = False


@dataclass
class Seen:
    """A request as the server received it."""

    method: str
    target: str
    headers: "CaseInsensitiveDict[str]"
    body: bytes
    at: float

    @property
    def path(self) -> str:
        return urlsplit(self.target).path

    @property
    def query(self) -> List[Tuple[str, str]]:
        return parse_qsl(urlsplit(self.target).query, keep_blank_values=True)

    def form(self) -> List[Tuple[str, str]]:
        return parse_qsl(self.body.decode("utf-8"), keep_blank_values=True)

    def json(self) -> Any:
        return json.loads(self.body.decode("utf-8"))


Step = Union[Reply, Callable[[Seen], Reply]]


# ---------------------------------------------------------------- reply builders

def json_reply(value: Any, status: int = 200, headers: Optional[Dict[str, str]] = None,
               **options: Any) -> Reply:
    """A reply whose body is ``value`` as JSON."""
    return Reply(status, json.dumps(value).encode("utf-8"),
                 {"Content-Type": JSON_TYPE, **(headers or {})}, **options)


def malformed_json(status: int = 200) -> Reply:
    """A complete reply whose body is not JSON at all."""
    return Reply(status, b"{not json", {"Content-Type": JSON_TYPE})


def truncated_json(value: Any, keep: int = 10, status: int = 200) -> Reply:
    """A complete reply (honest Content-Length) whose JSON text stops after ``keep`` bytes."""
    return Reply(status, json.dumps(value).encode("utf-8")[:keep], {"Content-Type": JSON_TYPE})


def cut_reply(value: Any, after: int, reset: bool = True, status: int = 200) -> Reply:
    """A JSON reply whose connection drops after ``after`` body bytes (RST by default)."""
    return json_reply(value, status, cut_after=after, reset=reset)


def slow_reply(value: Any, chunk_size: int, chunk_delay: float, status: int = 200) -> Reply:
    """A JSON reply trickled out ``chunk_size`` bytes at a time."""
    return json_reply(value, status, chunk_size=chunk_size, chunk_delay=chunk_delay)


def sse_event(event: Optional[str], data: Any) -> bytes:
    """One server-sent event; ``data`` that is not a string is sent as JSON."""
    text = data if isinstance(data, str) else json.dumps(data)
    lines = [f"event: {event}"] if event else []
    lines += [f"data: {line}" for line in text.split("\n")]
    return ("\n".join(lines) + "\n\n").encode("utf-8")


def sse_reply(events: Iterable[bytes], cut_after: Optional[int] = None, reset: bool = False,
              chunk_size: int = 0, chunk_delay: float = 0.0, hold: float = 0.0) -> Reply:
    """A ``text/event-stream`` reply, sent chunked, optionally broken after ``cut_after`` bytes.

    Build the events with :func:`sse_event`, or pass raw bytes such as ``b":thump\\n"``.
    """
    return Reply(200, b"".join(events), {"Content-Type": "text/event-stream"},
                 cut_after=cut_after, reset=reset, chunked=True, chunk_size=chunk_size,
                 chunk_delay=chunk_delay, hold=hold)


# ---------------------------------------------------------------- rate limiter

class WindowLimiter:
    """Fixed windows of ``window`` seconds (aligned to the epoch) per Authorization header.

    ``reset_format`` is ``"iso"`` (Mastodon: ``2026-11-22T20:00:00.000Z``) or
    ``"epoch"`` (whole seconds, rounded down as ``int(time)`` would).
    """

    def __init__(self, limit: int, window: float, reset_format: str = "iso",
                 clock: Callable[[], float] = time.time) -> None:
        if reset_format not in ("iso", "epoch"):
            raise ValueError("reset_format must be 'iso' or 'epoch'")
        self.limit = limit
        self.window = window
        self.reset_format = reset_format
        self.clock = clock
        self.seen = 0  # every request that went through the limiter
        self.exceeded = 0  # requests beyond the limit (answered 429)
        self._counts: Dict[Tuple[str, float], int] = collections.Counter()
        self._lock = threading.Lock()

    def admit(self, key: str) -> Tuple[bool, Dict[str, str]]:
        """Count one request for ``key``: whether it is allowed, and the headers to send."""
        with self._lock:
            start = math.floor(self.clock() / self.window) * self.window
            self._counts[(key, start)] += 1
            count = self._counts[(key, start)]
            self.seen += 1
            allowed = count <= self.limit
            if not allowed:
                self.exceeded += 1
        return allowed, {
            "X-RateLimit-Limit": str(self.limit),
            "X-RateLimit-Remaining": str(max(self.limit - count, 0)),
            "X-RateLimit-Reset": self.format_reset(start + self.window),
        }

    def format_reset(self, when: float) -> str:
        if self.reset_format == "epoch":
            return str(int(when))
        millis = int(round((when % 1) * 1000))
        if millis == 1000:
            when, millis = math.floor(when) + 1, 0
        return time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(when)) + f".{millis:03d}Z"

    def per_key(self) -> Dict[str, int]:
        """The highest request count any window saw, per key (for diagnostics)."""
        with self._lock:
            highest: Dict[str, int] = {}
            for (key, _), count in self._counts.items():
                highest[key] = max(highest.get(key, 0), count)
            return highest


# ---------------------------------------------------------------- the server

class _TCPServer(socketserver.ThreadingTCPServer):
    daemon_threads = True
    block_on_close = False
    request_queue_size = 64
    owner: "FaultServer"


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as a real server does
    timeout = 30  # an idle keep-alive connection is dropped after this many seconds
    disable_nagle_algorithm = True  # small writes (headers, chunks) leave at once
    server: _TCPServer

    def log_message(self, format: str, *args: Any) -> None:
        pass  # quiet: tests read FaultServer.requests instead

    def handle_one_request(self) -> None:
        try:
            super().handle_one_request()
        except ValueError:  # the final flush after a reply that dropped the connection
            if not self.wfile.closed:
                raise
            self.close_connection = True

    def _serve(self) -> None:
        owner = self.server.owner
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        seen = Seen(self.command, self.path, CaseInsensitiveDict(self.headers.items()), body,
                    time.time())
        reply = owner._reply_for(seen)
        try:
            self._send(reply, owner._stopping)
        except OSError:  # the client went away
            self.close_connection = True

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = do_HEAD = do_OPTIONS = _serve

    def _send(self, reply: Reply, stopping: threading.Event) -> None:
        if reply.delay and stopping.wait(reply.delay):
            self._drop(reset=False)
            return
        headers = {"Date": formatdate(usegmt=True), "Content-Type": JSON_TYPE, **reply.headers}
        if reply.chunked:
            headers["Transfer-Encoding"] = "chunked"
        else:
            headers["Content-Length"] = str(len(reply.body))
        if reply.close:
            headers["Connection"] = "close"
        phrase = _phrase(reply.status)
        head = f"HTTP/1.1 {reply.status} {phrase}\r\n" + "".join(
            f"{name}: {value}\r\n" for name, value in headers.items()) + "\r\n"
        self.wfile.write(head.encode("latin-1"))
        if self.command == "HEAD":
            return
        data = reply.body if reply.cut_after is None else reply.body[:reply.cut_after]
        size = reply.chunk_size or max(len(data), 1)
        for offset in range(0, len(data), size):
            piece = data[offset:offset + size]
            self.wfile.write(b"%x\r\n%s\r\n" % (len(piece), piece) if reply.chunked else piece)
            if reply.chunk_delay and stopping.wait(reply.chunk_delay):
                self._drop(reset=False)
                return
        if reply.hold:
            stopping.wait(reply.hold)
        if reply.cut_after is not None:
            self._drop(reset=reply.reset)
            return
        if reply.chunked:
            self.wfile.write(b"0\r\n\r\n")
        if reply.close:
            self.close_connection = True

    def _drop(self, reset: bool) -> None:
        """End the connection now: a TCP RST when ``reset``, else a plain close."""
        self.close_connection = True
        if reset:  # linger on with a zero timeout: close() then sends RST, not FIN
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        # the socket only really closes once the file objects made from it are closed too
        self.wfile.close()
        self.rfile.close()
        self.connection.close()


def _phrase(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Unknown"


class FaultServer(LocalServer):
    """A scripted HTTP/1.1 server on 127.0.0.1 (see the module docstring)."""

    server_class = _TCPServer
    handler_class = _Handler
    thread_name = "fault-server"

    def __init__(self) -> None:
        super().__init__()
        self.default: Step = Reply()
        self.requests: List[Seen] = []
        self.limiter: Optional[WindowLimiter] = None
        self._script: Deque[Step] = collections.deque()
        self._lock = threading.Lock()

    @property
    def base_url(self) -> str:
        return self.url

    # -------------------------------------------------------- configuring

    def script(self, *steps: Step) -> None:
        """Queue replies (or callables ``f(seen) -> Reply``) to use in order."""
        with self._lock:
            self._script.extend(steps)

    def rate_limit(self, limit: int, window: float, reset_format: str = "iso") -> WindowLimiter:
        """Enforce ``limit`` requests per ``window`` seconds per Authorization header."""
        self.limiter = WindowLimiter(limit, window, reset_format)
        return self.limiter

    @property
    def pending(self) -> int:
        with self._lock:
            return len(self._script)

    # -------------------------------------------------------- serving

    def _reply_for(self, seen: Seen) -> Reply:
        with self._lock:
            self.requests.append(seen)
        limiter = self.limiter
        if limiter is not None:
            key = seen.headers.get("Authorization", "<anonymous>")
            allowed, headers = limiter.admit(key)
            if not allowed:
                return json_reply({"error": "Too many requests"}, 429, headers)
        with self._lock:
            step = self._script.popleft() if self._script else self.default
        reply = step if isinstance(step, Reply) else step(seen)
        if limiter is not None:
            reply = dataclasses.replace(reply, headers={**headers, **reply.headers})
        return reply
