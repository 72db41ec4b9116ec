"""Accounts endpoints (being written)."""
from __future__ import annotations

from .internals import Internals


class AccountsMixin(Internals):
    """Accounts endpoints."""


Mastodon = AccountsMixin  # import path kept for compatibility: mastodon.accounts.Mastodon
