"""Stream handles: streams running on a daemon thread, with reconnection and a bounded close().

With ``run_async=True`` a stream method returns a :class:`SSEStreamHandle`
at once, before connecting: the connection is opened on the stream's thread,
and a first connection that fails is tried again after the backoff until it
succeeds or the handle is closed. ``handle.close()`` stops the stream in
every state (connecting, waiting to reconnect, reading, inside a handler)
and joins its thread for a bounded time. With ``reconnect_async=True`` the thread reconnects after any
failure, waiting ``reconnect_async_wait_sec`` seconds at first and twice as
long after each failure in a row (at most a minute); a connection that
received anything starts the count again, so one cut costs one wait.

An exception raised by a listener's handler is logged at ERROR with its
traceback, given to ``on_abort``, and the stream goes on with the next event.
"""
from __future__ import annotations

import logging
import threading
from typing import Any, Callable, Optional, Protocol, TypeVar

from .._core.pause import interruptible
from .sse import HEARTBEAT
from ..errors import MastodonNetworkError
from .events import dispatch_event
from .reader import read_events, shutdown_response, uses_own_reader

__all__ = ["StreamHandle", "SSEStreamHandle", "Gate", "CLOSE_TIMEOUT", "MAX_BACKOFF"]

log = logging.getLogger("mastodon")

CLOSE_TIMEOUT = 5.0  # seconds close() waits for the stream thread
MAX_BACKOFF = 60.0  # seconds: the longest wait between reconnection attempts


class _Backoff:
    """Waits between reconnection attempts: ``first``, then doubling up to a bound."""

    def __init__(self, first: float, bound: float = MAX_BACKOFF) -> None:
        self.first = max(float(first), 0.0)
        self.bound = max(bound, self.first)
        self.failures = 0

    def next(self) -> float:
        base = self.first if self.first > 0 else 0.05
        wait = self.first if self.failures == 0 else min(self.bound, base * 2 ** min(self.failures, 30))
        self.failures += 1
        return wait

    def reset(self) -> None:
        self.failures = 0


def stream_label(for_stream: Any) -> str:
    """A stream's name for logs, reprs and thread names: ``user``, ``hashtag:cats``."""
    if isinstance(for_stream, (list, tuple)):
        return ":".join(str(part) for part in for_stream)
    return str(for_stream or "sse")


_C = TypeVar("_C")


class StreamHandle:
    """A stream running on a daemon thread; returned by the stream methods with ``run_async=True``."""

    _thread: Optional[threading.Thread] = None
    _receiving = False
    _closed: Optional[threading.Event] = None
    _backoff: _Backoff
    reconnects = 0

    def _begin(self) -> None:
        self._closed = threading.Event()
        self._lock = threading.Lock()
        self._receiving = False

    def _start(self, target: Callable[[], None], name: str) -> None:
        self._thread = threading.Thread(target=target, name=name, daemon=True)
        self._thread.start()

    def _interrupt(self) -> None:
        """Wake the stream thread up (subclasses close their connection here)."""

    def _label(self) -> str:
        """What the stream is, for reprs and logs."""
        return "stream"

    def close(self) -> None:
        """Stop the stream and close its connection; waits (a bounded time) for the thread to end."""
        if self._closed is not None:
            self._closed.set()
        self._interrupt()
        thread = self._thread
        if thread is not None and thread is not threading.current_thread():
            thread.join(CLOSE_TIMEOUT)

    def is_alive(self) -> bool:
        """Whether the stream thread is still running."""
        return self._thread is not None and self._thread.is_alive()

    def is_receiving(self) -> bool:
        """Whether the stream is connected now (not failed, closed or waiting to reconnect)."""
        closed = self._closed is not None and self._closed.is_set()
        return self._receiving and not closed and self.is_alive()

    def join(self, timeout: Optional[float] = None) -> None:
        """Wait until the stream thread ends (or ``timeout`` seconds passed)."""
        thread = self._thread
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout)

    def state(self) -> str:
        """``running``, ``reconnecting``, ``closed`` (by ``close()``) or ``ended`` (on its own)."""
        if self._closed is not None and self._closed.is_set():
            return "closed"
        if not self.is_alive():
            return "ended"
        return "running" if self._receiving else "reconnecting"

    def __repr__(self) -> str:
        count = self.reconnects
        return (f"<{type(self).__name__} {self._label()} {self.state()}, "
                f"{count} reconnect{'' if count == 1 else 's'}>")

    def _connect_after_backoff(self, connect: Callable[[], _C], errors: Any,
                               failed: Callable[[BaseException], None],
                               wait: bool = True) -> Optional[_C]:
        """Wait out the reconnect backoff (unless ``wait`` is False), then ``connect()``.

        None when the handle was closed meanwhile or connecting raised one of
        ``errors`` (given to ``failed`` unless the handle is closed by then).
        """
        closed = self._closed
        assert closed is not None
        if wait:
            pause = self._backoff.next()
            log.info("stream %s reconnecting in %.3g s", self._label(), pause)
            if pause > 0 and closed.wait(pause):
                return None
        try:
            return connect()
        except errors as exc:
            if not closed.is_set():
                failed(exc)
            return None

    def _report(self, listener: Any, exc: BaseException) -> None:
        """Give ``exc`` to the listener's ``on_abort``; a failing handler is only logged."""
        on_abort = getattr(listener, "on_abort", None)
        if on_abort is None:
            return
        try:
            on_abort(exc)
        except Exception:
            log.exception("the listener's on_abort handler failed")

    def _handler_failed(self, listener: Any, event: str, exc: BaseException) -> None:
        """Log a handler's exception with its traceback and report it; the stream goes on."""
        log.error("stream %s: the listener's handler for %r raised %s; going on with the next event",
                  self._label(), event, type(exc).__name__, exc_info=exc)
        self._report(listener, exc)


class Gate(Protocol):
    """Decides whether an event is delivered (the catch-up's duplicate filter)."""

    def admit(self, name: str, payload: Any) -> bool: ...


Connector = Callable[[], Any]
OnConnect = Callable[[Callable[[str, Any], bool]], None]


class SSEStreamHandle(StreamHandle):
    """A server-sent-events stream read on a daemon thread.

    The thread opens the connection with ``connect_func()``, and opens a new
    one after a failure when ``reconnect_async`` is True. A first connection
    that fails is tried again after the backoff in any case, until it
    succeeds or the handle is closed; every failure is logged and given to
    the listener's ``on_abort``. ``connection``, when given, is a response
    already opened, read first. ``for_stream`` is passed on to the handlers
    that take it. ``on_connect(deliver)`` runs after every connection is
    opened and before its events are read (the catch-up); events it passes
    to ``deliver(name, payload)`` go through ``gate`` like live ones.

    A listener whose ``handle_stream`` is its own (an override, or another
    class with that method) has it called with each connection instead; its
    exceptions are logged, not given to ``on_abort`` (its ``handle_stream``
    decides that), and handlers failing inside it end that connection.
    """

    def __init__(self, connection: Any, connect_func: Connector,
                 reconnect_async: bool, reconnect_async_wait_sec: float, listener: Any,
                 for_stream: Any = None, on_connect: Optional[OnConnect] = None,
                 gate: Optional[Gate] = None) -> None:
        self._begin()
        self.connection: Optional[Any] = connection
        self.connect_func = connect_func
        self.reconnect_async = bool(reconnect_async)
        self.reconnect_async_wait_sec = reconnect_async_wait_sec
        self.listener = listener
        self.for_stream = for_stream
        self._on_connect = on_connect
        self._gate = gate
        self._own_reader = uses_own_reader(listener)
        self._backoff = _Backoff(reconnect_async_wait_sec)
        self.reconnects = 0  # how many times the stream reconnected
        self._connected = connection is not None  # a connection was opened at some point
        self._tried = self._connected  # a connection was attempted at some point
        self._receiving = self._connected
        self._start(self._run, f"mastodon-stream-{self._label()}")

    def close(self) -> None:
        """Stop the stream and close its connection; returns within a bounded time."""
        super().close()

    def _label(self) -> str:
        return stream_label(self.for_stream)

    def _interrupt(self) -> None:
        with self._lock:
            connection = self.connection
        if connection is not None:
            shutdown_response(connection)

    def _deliver(self, name: str, payload: Any) -> bool:
        """Dispatch one event unless the gate saw it before; False once the handle is closed."""
        assert self._closed is not None
        if self._closed.is_set():
            return False
        if self._gate is None or self._gate.admit(name, payload):
            try:
                dispatch_event(self.listener, name, payload, self.for_stream)
            except Exception as exc:
                self._handler_failed(self.listener, name, exc)
        return True

    def _heartbeat(self) -> None:
        heartbeat = getattr(self.listener, "handle_heartbeat", None)
        if heartbeat is None:
            return
        try:
            heartbeat()
        except Exception as exc:
            self._handler_failed(self.listener, "heartbeat", exc)

    def _progress(self) -> None:
        self._receiving = True
        self._backoff.reset()

    def _read(self, connection: Any) -> None:
        """Catch up (if configured), then deliver the connection's events until it ends or closes."""
        if not self._own_reader:
            self.listener.handle_stream(connection)
            return
        if self._on_connect is not None:
            assert self._closed is not None
            with interruptible(self._closed):  # close() ends its rate-limit and retry waits
                self._on_connect(self._deliver)
        for item in read_events(connection, self._closed, self._progress):
            if item is HEARTBEAT:
                self._heartbeat()
            elif not self._deliver(*item):
                return

    def _run(self) -> None:
        closed = self._closed
        assert closed is not None
        try:
            while not closed.is_set():
                if self.connection is None and not self._connect():
                    continue
                try:
                    self._read(self.connection)
                    if closed.is_set():
                        break
                    if not self.reconnect_async:
                        log.info("stream %s ended: the server closed it", self._label())
                        break
                    raise MastodonNetworkError("The streaming server closed the connection")
                except Exception as exc:
                    self._drop_connection()
                    if closed.is_set():
                        break
                    self._fail(exc, report=self._own_reader)
                    if not self.reconnect_async:
                        break
        finally:
            self._receiving = False
            self._drop_connection()

    def _connect(self) -> bool:
        """Open a connection (after the backoff, but for the first try); False when it failed."""
        closed = self._closed
        assert closed is not None
        connection = self._connect_after_backoff(self.connect_func, Exception, self._fail,
                                                 wait=self._tried)
        self._tried = True
        if connection is None:
            return False
        with self._lock:
            if closed.is_set():
                shutdown_response(connection)
                return False
            self.connection = connection
            if self._connected:
                self.reconnects += 1
            self._connected = True
        self._receiving = True
        log.info("stream %s connected", self._label())
        return True

    def _fail(self, exc: BaseException, report: bool = True) -> None:
        self._receiving = False
        again = self.reconnect_async or not self._connected
        log.warning("stream %s failed (%s: %s)%s", self._label(), type(exc).__name__, exc,
                    "; trying again" if again else "")
        if report:
            self._report(self.listener, exc)

    def _drop_connection(self) -> None:
        with self._lock:
            connection, self.connection = self.connection, None
        if connection is not None:
            shutdown_response(connection)
