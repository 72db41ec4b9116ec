"""Reports endpoints (being written)."""
from __future__ import annotations

from .internals import Internals


class ReportsMixin(Internals):
    """Reports endpoints."""


Mastodon = ReportsMixin  # import path kept for compatibility: mastodon.reports.Mastodon
