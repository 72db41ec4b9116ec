"""WebSocket streaming (being written)."""
from .streaming import StreamHandle


class WebSocketStreamHandle(StreamHandle):
    """A WebSocket connection."""


class WebSocketSubscription:
    """One stream on a WebSocket connection."""
