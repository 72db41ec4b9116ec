"""AnnualReports endpoints (being written)."""
from __future__ import annotations

from .internals import Internals


class AnnualReportsMixin(Internals):
    """AnnualReports endpoints."""


Mastodon = AnnualReportsMixin  # import path kept for compatibility: mastodon.annual_reports.Mastodon
