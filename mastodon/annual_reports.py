"""Annual reports ("Wrapstodon"): a user's year on Mastodon in numbers."""
from __future__ import annotations

from typing import Any, Optional, Type, TypeVar, Union

from . import return_types as rt
from .errors import MastodonIllegalArgumentError
from .internals import Internals
from .types_base import EmptyResponse
from .versions import api_version

_T = TypeVar("_T")
Year = Union[int, str]


def _year_segment(year: Any) -> str:
    """The year as a path segment; it must be a whole number (int or digits)."""
    digits = isinstance(year, str) and year.isdigit()
    if isinstance(year, bool) or not (isinstance(year, int) or digits):
        raise MastodonIllegalArgumentError(f"year must be a year number such as 2024, got {year!r}")
    return str(int(year))


class AnnualReportsMixin(Internals):
    """Read, generate and mark annual reports."""

    def _annual(self, method: str, entity: Optional[Type[_T]], *segments: str) -> _T:
        """One request to ``/api/v1/annual_reports[/:year[/action]]``."""
        path = "/".join(["/api/v1/annual_reports", *segments])
        return self._request(method, path, entity=entity)

    @api_version("4.3.0", "4.3.0")
    def annual_reports(self) -> rt.WrappedAnnualReports:
        """All your annual reports, with the accounts and statuses they mention.

        Calls ``GET /api/v1/annual_reports``.
        """
        return self._annual("GET", rt.WrappedAnnualReports)

    @api_version("4.4.0", "4.4.0")
    def annual_report(self, year: Year) -> rt.WrappedAnnualReports:
        """Your annual report for one ``year``.

        ``year`` is the year number, as an int or a string of digits (``2024``);
        the other annual report methods take it the same way.

        Calls ``GET /api/v1/annual_reports/:year``.
        """
        return self._annual("GET", rt.WrappedAnnualReports, _year_segment(year))

    @api_version("4.6.0", "4.6.0")
    def annual_report_state(self, year: Year) -> rt.AnnualReportState:
        """Whether the report for ``year`` can be generated, is being generated or is ready.

        Calls ``GET /api/v1/annual_reports/:year/state``.
        """
        return self._annual("GET", rt.AnnualReportState, _year_segment(year), "state")

    @api_version("4.6.0", "4.6.0")
    def annual_report_generate(self, year: Year) -> EmptyResponse:
        """Ask the server to build your report for ``year`` (check it with annual_report_state).

        Calls ``POST /api/v1/annual_reports/:year/generate``.
        """
        return self._annual("POST", EmptyResponse, _year_segment(year), "generate")

    @api_version("4.3.0", "4.3.0")
    def annual_report_read(self, year: Year) -> None:
        """Mark your report for ``year`` as seen.

        Calls ``POST /api/v1/annual_reports/:year/read``.
        """
        self._annual("POST", None, _year_segment(year), "read")


Mastodon = AnnualReportsMixin  # import path kept for compatibility: mastodon.annual_reports.Mastodon
