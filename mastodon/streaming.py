"""Streaming: listeners that receive events, and handles of streams running in the background.

A stream method (``Mastodon.stream_user`` and friends) opens a long-lived
HTTP response in the server-sent-events format. The work is split in
modules of one job each; this module gathers their public names, where
code written for Mastodon.py imports them from:

* :mod:`mastodon._streaming.sse`: the pure text/event-stream parser (bytes in, events out);
* :mod:`mastodon._streaming.events`: decoding payloads like REST responses, and
  dispatching them to the listener's ``on_<event>`` handlers;
* :mod:`mastodon._streaming.reader`: reading a response as its bytes arrive;
* :mod:`mastodon._streaming.listeners`: :class:`StreamListener` and
  :class:`CallbackStreamListener`;
* :mod:`mastodon._streaming.handles`: :class:`StreamHandle` and
  :class:`SSEStreamHandle`, streams on a daemon thread with reconnection;
* :mod:`mastodon._streaming.catchup`: delivering what a stream missed while reconnecting;
* :mod:`mastodon.streaming_websocket`: several streams over one WebSocket.
"""
from __future__ import annotations

# The private names below are re-exported for the other streaming modules, benchmarks and tests.
from ._streaming.events import (  # noqa: F401
    EVENT_ENTITIES, decode_payload, dispatch_event, handle_ws_frame, parse_ws_frame,
)
from ._streaming.handles import (  # noqa: F401
    CLOSE_TIMEOUT, MAX_BACKOFF, SSEStreamHandle, StreamHandle, _Backoff,
)
from ._streaming.listeners import CallbackStreamListener, StreamListener
from ._streaming.reader import READ_SIZE, consume_stream, read_events, stream_blocking  # noqa: F401

__all__ = ["StreamListener", "CallbackStreamListener", "StreamHandle", "SSEStreamHandle"]
