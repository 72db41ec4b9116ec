"""Streaming listeners and handles (being written)."""


class StreamListener:
    """Receives streaming events."""


class CallbackStreamListener(StreamListener):
    """A listener calling functions."""


class StreamHandle:
    """A running stream."""


class SSEStreamHandle(StreamHandle):
    """A running server-sent-events stream."""
