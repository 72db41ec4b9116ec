"""Catch-up: deliver what a stream missed while it was reconnecting, once and in order.

Before the stream starts, the newest status, notification or conversation id
of the stream's REST timelines is noted. After every (re)connection, and
before live events are read, the timelines are read from the newest id
delivered so far (paging forward with ``min_id``, at most ``CATCH_UP_MAX_PAGES``
pages per timeline) and the missed items are delivered oldest first as
``update``, ``notification`` or ``conversation`` events. :class:`EventGate`
drops ids already delivered, so live events that were also caught up are
not delivered twice. Deletions and edits made while disconnected cannot be
caught up.
"""
from __future__ import annotations

import logging
import threading
from collections import deque
from typing import Any, Callable, Deque, Dict, Optional, Set, Tuple

from .. import return_types as rt
from ..errors import MastodonAPIError
from ..internals import Internals
from ..types_base import PaginatableList
from .routes import CONVERSATIONS, HOME, NOTIFICATIONS, Source

__all__ = ["EventGate", "CatchUp", "Source", "HOME", "NOTIFICATIONS", "CONVERSATIONS", "id_order"]

log = logging.getLogger("mastodon")

CATCH_UP_PAGE = 40  # items per catch-up request (the server maximum for timelines)
CATCH_UP_MAX_PAGES = 25  # per timeline and reconnection: at most 1000 missed items


def id_order(value: Any) -> Tuple[int, int, str]:
    """Sort key of an id: numeric ids by value, others as text after them."""
    text = str(value)
    return (0, len(text), text) if text.isdigit() else (1, 0, text)


class EventGate:
    """Remembers which statuses, notifications and conversation messages were delivered.

    ``admit`` says whether an event is new (and records it); ``newest`` holds
    the highest id delivered per kind, where a catch-up continues from.
    """

    KEEP = 4096  # remembered ids per kind

    def __init__(self) -> None:
        self.newest: Dict[str, str] = {}
        self._order: Dict[str, Deque[str]] = {}
        self._seen: Dict[str, Set[str]] = {}
        self._lock = threading.Lock()

    @staticmethod
    def key_of(name: str, payload: Any) -> Optional[Tuple[str, str, str]]:
        """(kind, unique key, ordering id) of an event, or None for events never repeated."""
        if not isinstance(payload, dict) or payload.get("id") is None:
            return None
        ident = str(payload["id"])
        if name == "update":
            return ("status", ident, ident)
        if name == "notification":
            return ("notification", ident, ident)
        if name == "conversation":
            last = payload.get("last_status")
            last_id = str(last["id"]) if isinstance(last, dict) and last.get("id") else ""
            return ("conversation", f"{ident}/{last_id}", last_id or ident)
        return None

    def admit(self, name: str, payload: Any) -> bool:
        key = self.key_of(name, payload)
        if key is None:
            return True
        kind, unique, order = key
        with self._lock:
            seen = self._seen.setdefault(kind, set())
            if unique in seen:
                return False
            queue = self._order.setdefault(kind, deque())
            seen.add(unique)
            queue.append(unique)
            if len(queue) > self.KEEP:
                seen.discard(queue.popleft())
            self.note(kind, order)
            return True

    def note(self, kind: str, ident: Any) -> None:
        """Record ``ident`` as delivered-or-older for ``kind`` (keeps the highest)."""
        current = self.newest.get(kind)
        if current is None or id_order(ident) > id_order(current):
            self.newest[kind] = str(ident)

    def __repr__(self) -> str:
        newest = ", ".join(f"{kind} {ident}" for kind, ident in dict(self.newest).items())
        return f"<EventGate newest: {newest or 'none yet'}>"


def _conversation_order(item: Any) -> str:
    last = item.get("last_status") if isinstance(item, dict) else None
    return str(last["id"] if isinstance(last, dict) and last.get("id") else item["id"])


class CatchUp:
    """Reads what a stream missed from its REST timelines (see the module docstring)."""

    def __init__(self, api: Internals, sources: Tuple[Source, ...], gate: EventGate) -> None:
        self.api = api
        self.sources = sources
        self.gate = gate
        self.ready = False  # whether the baseline was taken

    def __repr__(self) -> str:
        return f"<CatchUp of {', '.join(source.path for source in self.sources) or 'nothing'}>"

    def _fetch(self, source: Source, **params: Any) -> Any:
        entity: Any = PaginatableList[getattr(rt, source.entity)]  # type: ignore[misc]
        return self.api._get(source.path, {**source.params, **params}, entity=entity)

    def baseline(self) -> None:
        """Note the newest id of every timeline: the catch-up starts after it.

        A timeline the server refuses to show (a token without the scope, say)
        is left out of the catch-up, with a warning; the stream runs without it.
        """
        readable = []
        for source in self.sources:
            try:
                items = self._fetch(source, limit=1)
            except MastodonAPIError as exc:
                log.warning("streams will not catch up on %s: %s", source.path, exc)
                continue
            readable.append(source)
            for item in items:
                order = _conversation_order(item) if source.kind == "conversation" else item["id"]
                self.gate.note(source.kind, order)
        self.sources = tuple(readable)
        self.ready = True

    def __call__(self, deliver: Callable[[str, Any], bool]) -> None:
        for source in self.sources:
            if source.kind == "conversation":
                self._catch_up_conversations(source, deliver)
            else:
                self._catch_up_timeline(source, deliver)

    def _catch_up_timeline(self, source: Source, deliver: Callable[[str, Any], bool]) -> None:
        cursor = self.gate.newest.get(source.kind, "0")
        for _ in range(CATCH_UP_MAX_PAGES):
            page = self._fetch(source, min_id=cursor, limit=CATCH_UP_PAGE)
            items = sorted(page or (), key=lambda item: id_order(item["id"]))
            fresh = [item for item in items if id_order(item["id"]) > id_order(cursor)]
            if not fresh:
                return
            for item in fresh:
                if not deliver(source.event, item):
                    return
            cursor = str(fresh[-1]["id"])

    def _catch_up_conversations(self, source: Source, deliver: Callable[[str, Any], bool]) -> None:
        # conversations page by an id that is not their order; one page is read
        newest = self.gate.newest.get(source.kind)
        page = self._fetch(source, limit=CATCH_UP_PAGE)
        items = sorted(page or (), key=lambda item: id_order(_conversation_order(item)))
        for item in items:
            if newest is None or id_order(_conversation_order(item)) > id_order(newest):
                if not deliver(source.event, item):
                    return
