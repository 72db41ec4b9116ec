"""Endorsements endpoints (being written)."""
from __future__ import annotations

from .internals import Internals


class EndorsementsMixin(Internals):
    """Endorsements endpoints."""


Mastodon = EndorsementsMixin  # import path kept for compatibility: mastodon.endorsements.Mastodon
