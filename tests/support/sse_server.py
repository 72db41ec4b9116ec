"""A tiny Mastodon on 127.0.0.1 for stream tests that need a server misbehaving mid-stream.

It keeps statuses and notifications in memory (one id counter for both),
answers the REST timelines a catch-up reads (home, public, tag and list
timelines all show every status; ``/api/v1/notifications``), paged with
``min_id``/``since_id``/``max_id``/``limit`` as Mastodon pages them, and the
instance info, and serves every
``/api/v1/streaming/...`` path by calling ``plan(index, writer)`` for each
connection, so a test scripts what every connection does::

    def plan(index, w):
        w.start()                                   # status line, headers, ":connected"
        w.event("update", server.post_status())     # a complete event
        w.cut(server.status_event(server.post_status()), at=17, reset=True)  # broken mid-event

Every wait ends when the server stops; all threads are daemons.
"""
from __future__ import annotations

import json
import socket
import socketserver
import struct
import threading
from datetime import datetime, timedelta, timezone
from http.server import BaseHTTPRequestHandler
from typing import Any, Callable, Dict, List, Optional
from urllib.parse import parse_qsl, urlsplit

from .local_server import LocalServer

JSON_TYPE = "application/json; charset=utf-8"


def sse_bytes(name: str, payload: Any) -> bytes:
    data = payload if isinstance(payload, str) else json.dumps(payload)
    return f"event: {name}\ndata: {data}\n\n".encode("utf-8")


class StreamWriter:
    """Writes one streaming response; chunked (Transfer-Encoding) or delimited by closing."""

    def __init__(self, handler: "_Handler", chunked: bool) -> None:
        self.handler = handler
        self.chunked = chunked
        self.stopping = handler.server.owner._stopping

    def start(self) -> None:
        head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n"
        head += "Transfer-Encoding: chunked\r\n" if self.chunked else "Connection: close\r\n"
        self.handler.wfile.write((head + "\r\n").encode("latin-1"))
        self.write(b":connected\n\n")

    def write(self, data: bytes) -> None:
        self.handler.wfile.write(b"%x\r\n%s\r\n" % (len(data), data) if self.chunked else data)
        self.handler.wfile.flush()

    def event(self, name: str, payload: Any) -> None:
        self.write(sse_bytes(name, payload))

    def cut(self, data: bytes, at: int, reset: bool = False) -> None:
        """Send the first ``at`` bytes of ``data`` (announcing all of it), then drop the connection."""
        if self.chunked:
            self.handler.wfile.write(b"%x\r\n%s" % (len(data), data[:at]))
        else:
            self.handler.wfile.write(data[:at])
        self.handler.wfile.flush()
        self.drop(reset)

    def drop(self, reset: bool = False) -> None:
        handler = self.handler
        handler.close_connection = True
        if reset:
            handler.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        handler.wfile.close()
        handler.rfile.close()
        handler.connection.close()

    def follow(self, seconds: float = 60.0, heartbeat: float = 0.2) -> None:
        """Stream every status posted from now on, as it is posted (heartbeats in between).

        When the server has cuts pending (:meth:`MiniMastodon.request_cut`), the
        next status is sent only in part and the connection is reset. Ends after
        ``seconds``, or when the server stops.
        """
        owner = self.handler.server.owner
        with owner._lock:
            index = len(owner.statuses)
        waited = 0.0
        while waited < seconds and not self.stopping.is_set():
            status = owner.wait_status(index, heartbeat)
            if status is None:
                waited += heartbeat
                self.write(b":thump\n\n")
                continue
            index += 1
            data = sse_bytes("update", status)
            if owner.take_cut():
                self.cut(data, at=len(data) // 2, reset=True)
                return
            self.write(data)

    def hold(self, seconds: float = 30.0, heartbeat: float = 0.2) -> None:
        """Keep the stream open with heartbeats until the client leaves or the server stops."""
        waited = 0.0
        while waited < seconds and not self.stopping.wait(heartbeat):
            waited += heartbeat
            self.write(b":thump\n\n")


class _Server(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True
    block_on_close = False
    owner: "MiniMastodon"


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    timeout = 30
    server: _Server

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def setup(self) -> None:
        super().setup()
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def handle(self) -> None:
        try:
            super().handle()
        except (OSError, ValueError):  # a connection the stream writer dropped on purpose
            pass

    def do_GET(self) -> None:
        owner = self.server.owner
        parts = urlsplit(self.path)
        query = dict(parse_qsl(parts.query))
        with owner._lock:
            owner.requests.append((parts.path, query, self.headers.get("Authorization")))
        try:
            if parts.path.startswith("/api/v1/streaming/"):
                owner._stream(self, parts.path, query)
            else:
                status, value = owner._rest(parts.path, query)
                body = json.dumps(value).encode("utf-8")
                self.send_response(status)
                for name, value in owner._ratelimit_headers().items():  # as Mastodon always sends
                    self.send_header(name, value)
                self.send_header("Content-Type", JSON_TYPE)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
        except (OSError, ValueError):  # the client went away, or the writer dropped the connection
            self.close_connection = True


class MiniMastodon(LocalServer):
    """See the module docstring. ``url`` is the base URL once started."""

    server_class = _Server
    handler_class = _Handler
    thread_name = "mini-mastodon"
    poll_interval = 0.05

    def __init__(self, plan: Optional[Callable[[int, StreamWriter], None]] = None,
                 chunked: Callable[[int], bool] = lambda index: True) -> None:
        super().__init__()
        self.plan = plan or (lambda index, w: (w.start(), w.hold()))
        self.chunked = chunked
        self.statuses: List[Dict[str, Any]] = []
        self.notifications: List[Dict[str, Any]] = []
        self.requests: List[Any] = []
        self.connections = 0
        self._next_id = 109_000_000_000_000_000
        self._lock = threading.Lock()
        self._posted = threading.Condition(self._lock)
        self.cuts_pending = 0
        self.cuts = 0

    # ------------------------------------------------------------------ content

    def _new_id(self) -> str:
        with self._lock:
            self._next_id += 1 + (self._next_id % 7)  # gaps, like real snowflakes
            return str(self._next_id)

    def post_status(self, text: str = "hello") -> Dict[str, Any]:
        ident = self._new_id()
        status = {
            "id": ident, "uri": f"{self.url}/statuses/{ident}", "url": None,
            "created_at": datetime.now(timezone.utc).isoformat(),
            "content": f"<p>{text} {ident}</p>", "visibility": "public",
            "account": {"id": "1", "username": "alice", "acct": "alice",
                        "created_at": "2024-01-01T00:00:00.000Z"},
            "media_attachments": [], "mentions": [], "tags": [], "emojis": [],
        }
        with self._lock:
            self.statuses.append(status)
            self._posted.notify_all()
        return status

    def wait_status(self, index: int, timeout: float) -> Optional[Dict[str, Any]]:
        """The status at ``index`` once it is posted; None if it is not within ``timeout``."""
        with self._posted:
            self._posted.wait_for(lambda: len(self.statuses) > index, timeout)
            return self.statuses[index] if len(self.statuses) > index else None

    def request_cut(self) -> None:
        """Have the next status a :meth:`StreamWriter.follow` stream sends be cut mid-event."""
        with self._lock:
            self.cuts_pending += 1

    def take_cut(self) -> bool:
        """Whether a cut is pending (and count it as done)."""
        with self._lock:
            if not self.cuts_pending:
                return False
            self.cuts_pending -= 1
            self.cuts += 1
            return True

    def post_notification(self) -> Dict[str, Any]:
        ident = self._new_id()
        notification = {"id": ident, "type": "follow",
                        "created_at": datetime.now(timezone.utc).isoformat(),
                        "account": {"id": "2", "username": "bob", "acct": "bob"}}
        with self._lock:
            self.notifications.append(notification)
        return notification

    # ------------------------------------------------------------------ serving

    @staticmethod
    def _ratelimit_headers() -> Dict[str, str]:
        reset = datetime.now(timezone.utc).replace(microsecond=0) + timedelta(minutes=5)
        return {"X-RateLimit-Limit": "300", "X-RateLimit-Remaining": "299",
                "X-RateLimit-Reset": reset.isoformat().replace("+00:00", ".000Z")}

    def _rest(self, path: str, query: Dict[str, str]) -> Any:
        if path in ("/api/v2/instance", "/api/v2/instance/"):
            ws = "ws" + self.url[4:]
            return 200, {"domain": "mini.example", "version": "4.3.0",
                         "configuration": {"urls": {"streaming": ws}}}
        if path in ("/api/v1/instance", "/api/v1/instance/"):
            return 200, {"uri": "mini.example", "version": "4.3.0",
                         "urls": {"streaming_api": "ws" + self.url[4:]}}
        if path in ("/api/v1/timelines/home", "/api/v1/timelines/public") \
                or path.startswith(("/api/v1/timelines/tag/", "/api/v1/timelines/list/")):
            return 200, self._page(self.statuses, query)
        if path == "/api/v1/notifications":
            return 200, self._page(self.notifications, query)
        return 404, {"error": "Record not found"}

    def _page(self, items: List[Dict[str, Any]], query: Dict[str, str]) -> List[Dict[str, Any]]:
        """Mastodon paging: min_id gives the oldest page above it, otherwise the newest."""
        limit = min(int(query.get("limit", 20)), 40)
        with self._lock:
            chosen = list(items)
        for key, keep in (("min_id", lambda i, v: i > v), ("since_id", lambda i, v: i > v),
                          ("max_id", lambda i, v: i < v)):
            if key in query:
                bound = int(query[key])
                chosen = [item for item in chosen if keep(int(item["id"]), bound)]
        chosen = chosen[:limit] if "min_id" in query else chosen[-limit:]
        return list(reversed(chosen))

    def _stream(self, handler: _Handler, path: str, query: Dict[str, str]) -> None:
        with self._lock:
            index = self.connections
            self.connections += 1
        self.plan(index, StreamWriter(handler, self.chunked(index)))
        handler.close_connection = True
