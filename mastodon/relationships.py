"""Relationships endpoints (being written)."""
from __future__ import annotations

from .internals import Internals


class RelationshipsMixin(Internals):
    """Relationships endpoints."""


Mastodon = RelationshipsMixin  # import path kept for compatibility: mastodon.relationships.Mastodon
