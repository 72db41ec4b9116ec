"""What a stream method declares: where it connects and which REST timelines catch it up.

This module stays free of the streaming machinery, so that the client class
is built without importing it; :mod:`.opening` connects a route on the first
stream.
"""
from __future__ import annotations

from typing import Any, Dict, List, Optional, Tuple

__all__ = ["Source", "Route", "HOME", "NOTIFICATIONS", "CONVERSATIONS"]


class Source:
    """A REST timeline a catch-up reads; ``kind`` names the id sequence it follows.

    ``entity`` names the class of its items in :mod:`mastodon.return_types`.
    """

    __slots__ = ("kind", "event", "path", "entity", "params")

    def __init__(self, kind: str, event: str, path: str, entity: str,
                 params: Optional[Dict[str, Any]] = None) -> None:
        self.kind = kind  # "status", "notification" or "conversation"
        self.event = event  # the streaming event its items are delivered as
        self.path = path
        self.entity = entity
        self.params: Dict[str, Any] = params or {}

    def __repr__(self) -> str:
        return f"Source({self.kind!r}, {self.event!r}, {self.path!r})"


HOME = Source("status", "update", "/api/v1/timelines/home", "Status")
NOTIFICATIONS = Source("notification", "notification", "/api/v1/notifications", "Notification")
CONVERSATIONS = Source("conversation", "conversation", "/api/v1/conversations", "Conversation")


class Route:
    """One stream: its SSE path and query, its WebSocket name and its catch-up timelines."""

    __slots__ = ("path", "ws_stream", "params", "ws_params", "sources")

    def __init__(self, path: str, ws_stream: str, params: Optional[Dict[str, Any]] = None,
                 ws_params: Optional[Dict[str, Any]] = None,
                 sources: Tuple[Source, ...] = ()) -> None:
        self.path = path
        self.ws_stream = ws_stream
        self.params: Dict[str, Any] = params or {}
        self.ws_params: Dict[str, Any] = ws_params or {}
        self.sources = sources

    @property
    def for_stream(self) -> List[str]:
        """The stream's name as WebSocket frames give it, e.g. ``["hashtag", "cats"]``."""
        return [self.ws_stream, *(str(value) for value in self.ws_params.values())]

    def __repr__(self) -> str:
        return f"Route({self.path!r}, {self.ws_stream!r})"
