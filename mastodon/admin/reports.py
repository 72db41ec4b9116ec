"""Admin: reports (listing, assigning, resolving and reopening them)."""
from __future__ import annotations

from typing import Any, Optional

from .. import return_types as rt
from .._core import validate
from .._core.params import unpack_id
from ..types_base import IdType, PaginatableList
from ..versions import api_version
from .base import AdminBase


class AdminReportsMixin(AdminBase):
    """Admin calls about reports."""

    @api_version("2.9.1", "4.6.0")
    def admin_reports(self, resolved: Optional[bool] = False, account_id: Optional[IdType] = None,
                      target_account_id: Optional[IdType] = None, max_id: Any = None,
                      min_id: Any = None, since_id: Any = None, limit: Optional[int] = None,
                      unresolved: Optional[bool] = None) -> PaginatableList[rt.AdminReport]:
        """List reports, unresolved ones unless ``resolved`` is True.

        ``account_id`` keeps reports filed by that account,
        ``target_account_id`` reports against it. ``unresolved`` is sent as
        given when set (newer servers).

        Calls ``GET /api/v1/admin/reports``.
        """
        return self._admin_page(
            "reports", rt.AdminReport, max_id, min_id, since_id, limit,
            # Mastodon filters for resolved reports whenever the key is present,
            # so "resolved=false" must be left out rather than sent.
            resolved=True if validate.flag("resolved", resolved) else None,
            unresolved=validate.flag("unresolved", unresolved),
            account_id=None if account_id is None else unpack_id(account_id, "account_id"),
            target_account_id=(None if target_account_id is None
                               else unpack_id(target_account_id, "target_account_id")))

    @api_version("2.9.1", "2.9.1")
    def admin_report(self, id: IdType) -> rt.AdminReport:
        """Fetch one report with its moderation details.

        Calls ``GET /api/v1/admin/reports/:id``.
        """
        return self._admin("GET", "reports", id, entity=rt.AdminReport)

    @api_version("2.9.1", "2.9.1")
    def admin_report_assign(self, id: IdType) -> rt.AdminReport:
        """Assign a report to yourself; returns it.

        Calls ``POST /api/v1/admin/reports/:id/assign_to_self``.
        """
        return self._admin("POST", "reports", id, "assign_to_self", entity=rt.AdminReport)

    @api_version("2.9.1", "2.9.1")
    def admin_report_unassign(self, id: IdType) -> rt.AdminReport:
        """Remove the assignee of a report; returns it.

        Calls ``POST /api/v1/admin/reports/:id/unassign``.
        """
        return self._admin("POST", "reports", id, "unassign", entity=rt.AdminReport)

    @api_version("2.9.1", "2.9.1")
    def admin_report_reopen(self, id: IdType) -> rt.AdminReport:
        """Reopen a resolved report; returns it.

        Calls ``POST /api/v1/admin/reports/:id/reopen``.
        """
        return self._admin("POST", "reports", id, "reopen", entity=rt.AdminReport)

    @api_version("2.9.1", "2.9.1")
    def admin_report_resolve(self, id: IdType) -> rt.AdminReport:
        """Mark a report as resolved without further action; returns it.

        Calls ``POST /api/v1/admin/reports/:id/resolve``.
        """
        return self._admin("POST", "reports", id, "resolve", entity=rt.AdminReport)
