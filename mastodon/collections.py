"""Collections endpoints (being written)."""
from __future__ import annotations

from .internals import Internals


class CollectionsMixin(Internals):
    """Collections endpoints."""


Mastodon = CollectionsMixin  # import path kept for compatibility: mastodon.collections.Mastodon
