"""Hashtags endpoints (being written)."""
from __future__ import annotations

from .internals import Internals


class HashtagsMixin(Internals):
    """Hashtags endpoints."""


Mastodon = HashtagsMixin  # import path kept for compatibility: mastodon.hashtags.Mastodon
