"""Open a server-sent-events stream for a route: blocking, or on a thread with catch-up.

Imported on the first stream, so that importing the client does not import
the streaming machinery.
"""
from __future__ import annotations

from typing import Any, Callable, Optional

from ..internals import Internals
from .catchup import CatchUp, EventGate
from .handles import SSEStreamHandle
from .reader import stream_blocking, uses_own_reader
from .routes import Route

__all__ = ["open_sse_stream"]


def open_sse_stream(api: Internals, route: Route, request: Callable[[], Any], listener: Any,
                    run_async: bool, reconnect_async: bool, reconnect_async_wait_sec: float,
                    catch_up: bool) -> Optional[SSEStreamHandle]:
    """Stream ``route`` to ``listener``; ``request`` sends the streaming request.

    Blocks until the stream ends (None), or with ``run_async`` returns the
    handle of a stream read on its own thread, caught up after reconnections
    when ``catch_up`` is set and the listener reads events the usual way.
    """
    catch: Optional[CatchUp] = None
    if catch_up and run_async and reconnect_async and route.sources \
            and uses_own_reader(listener):
        catch = CatchUp(api, route.sources, EventGate())

    def connect() -> Any:
        if catch is not None and not catch.ready:
            catch.baseline()  # on the first connection: where the catch-up starts
        return request()

    if not run_async:
        stream_blocking(listener, connect(), route.for_stream)
        return None
    return SSEStreamHandle(None, connect, reconnect_async, reconnect_async_wait_sec,
                           listener, for_stream=route.for_stream, on_connect=catch,
                           gate=catch.gate if catch is not None else None)
