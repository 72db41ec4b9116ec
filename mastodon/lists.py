"""Lists endpoints (being written)."""
from __future__ import annotations

from .internals import Internals


class ListsMixin(Internals):
    """Lists endpoints."""


Mastodon = ListsMixin  # import path kept for compatibility: mastodon.lists.Mastodon
