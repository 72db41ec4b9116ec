"""A small local server that answers like Mastodon, glitch-soc, Pleroma, Akkoma or
GoToSocial, for the parts of the API where they differ in what the client must do.

It serves the flavour's instance documents (see :mod:`support.fediverse_instances`),
v1 and v2 search, v1 and v2 media uploads and updates, and status posting, and records every
request. The reported version can be changed while it runs, as an upgrade would::

    with FediverseServer("gotosocial") as server:
        api = Mastodon(api_base_url=server.url)
        ...
        server.version = "0.16.0"
        assert server.paths() == ["/api/v2/instance/", ...]
"""
from __future__ import annotations

import json
import socketserver
import threading
from http.server import BaseHTTPRequestHandler
from typing import Any, Dict, List, Optional, Tuple
from urllib.parse import parse_qsl, urlsplit

from .fediverse_instances import instance_document
from .local_server import LocalServer

ACCOUNT = {"id": "9", "username": "dana", "acct": "dana", "display_name": "Dana",
           "url": "https://example.invalid/@dana", "created_at": "2024-01-01T00:00:00.000Z"}
#: Which routes each flavour lacks (besides its missing instance documents).
MISSING_ROUTES = {
    "mastodon": {("GET", "/api/v1/search")},
    "glitch-soc": {("GET", "/api/v1/search")},
    "gotosocial": {("GET", "/api/v1/search")},
    "pleroma": set(),
    "akkoma": set(),
}


class _TCPServer(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True
    owner: "FediverseServer"


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    timeout = 10  # seconds an idle keep-alive connection may stay open
    server: _TCPServer

    def log_message(self, format: str, *args: Any) -> None:
        pass  # tests read FediverseServer.requests instead

    def do_GET(self) -> None:
        self._answer("GET")

    def do_POST(self) -> None:
        self._answer("POST")

    def do_PUT(self) -> None:
        self._answer("PUT")

    def _answer(self, method: str) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        status, value = self.server.owner.respond(method, self.path, body)
        data = json.dumps(value).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


class FediverseServer(LocalServer):
    """Answers as ``flavour`` does; ``version`` (settable) is what it reports."""

    server_class = _TCPServer
    handler_class = _Handler
    thread_name = "fediverse-server"

    def __init__(self, flavour: str, version: Optional[str] = None) -> None:
        super().__init__()
        self.flavour = flavour
        self.version = version
        self._lock = threading.Lock()
        self.requests: List[Tuple[str, str, bytes]] = []

    def paths(self) -> List[str]:
        """The paths (with trailing slashes, without query) requested so far, in order."""
        with self._lock:
            return [urlsplit(target).path for _, target, _ in self.requests]

    def query(self, index: int = -1) -> List[Tuple[str, str]]:
        with self._lock:
            return parse_qsl(urlsplit(self.requests[index][1]).query, keep_blank_values=True)

    def respond(self, method: str, target: str, body: bytes) -> Tuple[int, Any]:
        with self._lock:
            self.requests.append((method, target, body))
        path = urlsplit(target).path.rstrip("/")
        if (method, path) in MISSING_ROUTES[self.flavour]:
            return 404, {"error": "Not found"}
        if method == "GET" and path in ("/api/v1/instance", "/api/v2/instance"):
            host = self.url.split("://", 1)[1]
            document = instance_document(self.flavour, path[5:7], host, self.version)
            return (200, document) if document is not None else (404, {"error": "Not found"})
        if method == "GET" and path in ("/api/v1/search", "/api/v2/search"):
            return 200, {"accounts": [ACCOUNT], "statuses": [], "hashtags": []}
        if (method == "POST" and path in ("/api/v1/media", "/api/v2/media")
                or method == "PUT" and path.startswith("/api/v1/media/")):
            return 200, {"id": "77", "type": "video", "url": "https://example.invalid/77.mp4",
                         "preview_url": "https://example.invalid/77.png", "description": None}
        if method == "POST" and path == "/api/v1/statuses":
            form = dict(parse_qsl(body.decode("utf-8")))
            return 200, {"id": "5", "content": form.get("status", ""), "account": ACCOUNT,
                         "visibility": form.get("visibility", "public"),
                         "created_at": "2024-01-01T00:00:00.000Z"}
        return 404, {"error": "Not found"}

    def sent(self, index: int = -1) -> Dict[str, str]:
        """The urlencoded form of a recorded request, as a dict."""
        with self._lock:
            return dict(parse_qsl(self.requests[index][2].decode("utf-8", "replace")))
