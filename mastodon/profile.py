"""Profile endpoints (being written)."""
from __future__ import annotations

from .internals import Internals


class ProfileMixin(Internals):
    """Profile endpoints."""


Mastodon = ProfileMixin  # import path kept for compatibility: mastodon.profile.Mastodon
