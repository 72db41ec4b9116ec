"""A small WebSocket server speaking Mastodon's multiplexed streaming protocol (127.0.0.1 only).

Standard library only. It accepts the handshake on any path, records the
request line and headers, answers ``{"type": "subscribe"/"unsubscribe", ...}``
messages by keeping each connection's subscriptions, and lets the test push
events to every connection subscribed to a stream::

    server = WSServer().start()
    server.wait_subscribed(("hashtag", "cats"))
    server.push(["hashtag", "cats"], "update", {"id": "1", ...})
    server.drop_all()          # break every connection (the client may reconnect)
    server.stop()

``reject`` (a status code) makes the handshake fail; ``require_token``
refuses connections without ``Authorization: Bearer <token>``.
"""
from __future__ import annotations

import base64
import hashlib
import json
import socket
import struct
import threading
import time
from typing import Any, Dict, List, Optional, Set, Tuple

_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"
Key = Tuple[str, ...]


class _Conn:
    def __init__(self, sock: socket.socket, request: str, headers: Dict[str, str]) -> None:
        self.sock = sock
        self.request = request
        self.headers = headers
        self.subscriptions: Set[Key] = set()
        self.lock = threading.Lock()
        self.open = True

    def send(self, opcode: int, payload: bytes) -> None:
        size = len(payload)
        if size < 126:
            head = struct.pack("!BB", 0x80 | opcode, size)
        elif size < 65536:
            head = struct.pack("!BBH", 0x80 | opcode, 126, size)
        else:
            head = struct.pack("!BBQ", 0x80 | opcode, 127, size)
        with self.lock:
            self.sock.sendall(head + payload)


class WSServer:
    """See the module docstring."""

    def __init__(self, require_token: Optional[str] = None, reject: Optional[int] = None) -> None:
        self.require_token = require_token
        self.reject = reject
        self.connections: List[_Conn] = []
        self.messages: List[Dict[str, Any]] = []
        self._lock = threading.Lock()
        self._changed = threading.Condition(self._lock)
        self._stopping = threading.Event()
        self._listener: Optional[socket.socket] = None
        self._threads: List[threading.Thread] = []
        self.port = 0

    @property
    def url(self) -> str:
        return f"ws://127.0.0.1:{self.port}/api/v1/streaming"

    def start(self) -> "WSServer":
        listener = socket.socket()
        listener.bind(("127.0.0.1", 0))
        listener.listen(16)
        listener.settimeout(0.1)
        self._listener = listener
        self.port = listener.getsockname()[1]
        self._spawn(self._accept_loop)
        return self

    def stop(self) -> None:
        self._stopping.set()
        self.drop_all()
        for thread in self._threads:
            thread.join(timeout=5)
        if self._listener is not None:
            self._listener.close()

    def _spawn(self, target: Any, *args: Any) -> None:
        thread = threading.Thread(target=target, args=args, daemon=True, name="ws-test-server")
        self._threads.append(thread)
        thread.start()

    # ------------------------------------------------------------------ test side

    def push(self, stream: List[str], event: str, payload: Any) -> int:
        """Send an event frame to every connection subscribed to ``stream``; returns how many."""
        data = payload if isinstance(payload, str) else json.dumps(payload)
        frame = json.dumps({"stream": stream, "event": event, "payload": data}).encode()
        sent = 0
        for conn in self._live():
            if tuple(stream) in conn.subscriptions:
                conn.send(0x1, frame)
                sent += 1
        return sent

    def send_raw(self, text: str) -> None:
        for conn in self._live():
            conn.send(0x1, text.encode())

    def drop_all(self) -> None:
        for conn in self._live():
            conn.open = False
            try:
                conn.sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            conn.sock.close()

    def wait_subscribed(self, key: Key, connections: int = 1, timeout: float = 5.0) -> bool:
        deadline = time.monotonic() + timeout
        with self._changed:
            while sum(1 for c in self.connections if c.open and key in c.subscriptions) < connections:
                left = deadline - time.monotonic()
                if left <= 0:
                    return False
                self._changed.wait(left)
            return True

    def wait_unsubscribed(self, key: Key, timeout: float = 5.0) -> bool:
        deadline = time.monotonic() + timeout
        with self._changed:
            while any(c.open and key in c.subscriptions for c in self.connections):
                left = deadline - time.monotonic()
                if left <= 0:
                    return False
                self._changed.wait(left)
            return True

    def _live(self) -> List[_Conn]:
        with self._lock:
            return [conn for conn in self.connections if conn.open]

    # ------------------------------------------------------------------ server side

    def _accept_loop(self) -> None:
        assert self._listener is not None
        while not self._stopping.is_set():
            try:
                sock, _ = self._listener.accept()
            except socket.timeout:
                continue
            except OSError:
                return
            sock.settimeout(None)
            self._spawn(self._serve, sock)

    def _serve(self, sock: socket.socket) -> None:
        try:
            conn = self._handshake(sock)
            if conn is None:
                return
            while conn.open and not self._stopping.is_set():
                frame = self._read_frame(sock)
                if frame is None:
                    break
                opcode, payload = frame
                if opcode == 0x8:  # close: answer it and end
                    conn.send(0x8, payload[:2])
                    break
                if opcode == 0x9:
                    conn.send(0xA, payload)
                elif opcode == 0x1:
                    self._control(conn, json.loads(payload.decode()))
        except (OSError, ValueError):
            pass
        finally:
            with self._changed:
                for conn in self.connections:
                    if conn.sock is sock:
                        conn.open = False
                self._changed.notify_all()
            sock.close()

    def _handshake(self, sock: socket.socket) -> Optional[_Conn]:
        data = b""
        while b"\r\n\r\n" not in data:
            piece = sock.recv(4096)
            if not piece:
                return None
            data += piece
        lines = data.split(b"\r\n\r\n", 1)[0].decode("latin-1").split("\r\n")
        headers = {}
        for line in lines[1:]:
            name, _, value = line.partition(":")
            headers[name.strip().lower()] = value.strip()
        auth = headers.get("authorization")
        status = self.reject
        if status is None and self.require_token and auth != f"Bearer {self.require_token}":
            status = 401
        if status is not None:
            sock.sendall(f"HTTP/1.1 {status} Refused\r\nContent-Length: 0\r\n\r\n".encode())
            return None
        accept = base64.b64encode(hashlib.sha1(
            (headers.get("sec-websocket-key", "") + _GUID).encode()).digest()).decode()
        sock.sendall(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"
                      f"Connection: Upgrade\r\nSec-WebSocket-Accept: {accept}\r\n\r\n").encode())
        conn = _Conn(sock, lines[0], headers)
        with self._changed:
            self.connections.append(conn)
            self._changed.notify_all()
        return conn

    def _control(self, conn: _Conn, message: Dict[str, Any]) -> None:
        key: Key = (message.get("stream", ""),) + tuple(
            str(message[name]) for name in ("tag", "list") if name in message)
        with self._changed:
            self.messages.append(message)
            if message.get("type") == "subscribe":
                conn.subscriptions.add(key)
            elif message.get("type") == "unsubscribe":
                conn.subscriptions.discard(key)
            self._changed.notify_all()

    @staticmethod
    def _read_exact(sock: socket.socket, size: int) -> Optional[bytes]:
        data = b""
        while len(data) < size:
            piece = sock.recv(size - len(data))
            if not piece:
                return None
            data += piece
        return data

    def _read_frame(self, sock: socket.socket) -> Optional[Tuple[int, bytes]]:
        head = self._read_exact(sock, 2)
        if head is None:
            return None
        opcode, size = head[0] & 0x0F, head[1] & 0x7F
        if size == 126:
            more = self._read_exact(sock, 2)
            size = struct.unpack("!H", more)[0] if more else 0
        elif size == 127:
            more = self._read_exact(sock, 8)
            size = struct.unpack("!Q", more)[0] if more else 0
        mask = self._read_exact(sock, 4) if head[1] & 0x80 else b"\0\0\0\0"
        payload = self._read_exact(sock, size) if size else b""
        if mask is None or payload is None:
            return None
        return opcode, bytes(b ^ mask[i % 4] for i, b in enumerate(payload))
