"""What the local test servers share: a threaded HTTP server on a free 127.0.0.1 port."""
from __future__ import annotations

import socketserver
import threading
from typing import Any, Optional, Type


class LocalServer:
    """Serves ``handler_class`` from a daemon thread; ``url`` is the base URL once started.

    Subclasses name their ``server_class`` (which gets an ``owner`` attribute
    pointing back here), ``handler_class`` and ``thread_name``. ``_stopping`` is
    set when the server stops, so that handlers can end their waits at once.
    """

    server_class: Type[socketserver.ThreadingTCPServer]
    handler_class: Type[socketserver.BaseRequestHandler]
    thread_name = "local-server"
    poll_interval = 0.1

    def __init__(self) -> None:
        self._stopping = threading.Event()
        self._server: Optional[socketserver.ThreadingTCPServer] = None
        self._thread: Optional[threading.Thread] = None
        self.url = ""

    def start(self) -> Any:
        """Start serving; returns the server itself."""
        server = self.server_class(("127.0.0.1", 0), self.handler_class)
        server.owner = self  # type: ignore[attr-defined]
        self._server = server
        self.url = f"http://127.0.0.1:{server.server_address[1]}"
        self._thread = threading.Thread(target=server.serve_forever,
                                        kwargs={"poll_interval": self.poll_interval},
                                        name=self.thread_name, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving; pending waits in handler threads end at once."""
        self._stopping.set()
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def __enter__(self) -> Any:
        return self.start() if self._server is None else self

    def __exit__(self, *exc_info: Any) -> None:
        self.stop()
