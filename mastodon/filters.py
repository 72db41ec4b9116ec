"""Filters endpoints (being written)."""
from __future__ import annotations

from .internals import Internals


class FiltersMixin(Internals):
    """Filters endpoints."""


Mastodon = FiltersMixin  # import path kept for compatibility: mastodon.filters.Mastodon
