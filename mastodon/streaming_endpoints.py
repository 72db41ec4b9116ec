"""StreamingEndpoints endpoints (being written)."""
from __future__ import annotations

from .internals import Internals


class StreamingEndpointsMixin(Internals):
    """StreamingEndpoints endpoints."""


Mastodon = StreamingEndpointsMixin  # import path kept for compatibility: mastodon.streaming_endpoints.Mastodon
