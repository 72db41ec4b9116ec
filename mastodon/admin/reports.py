"""Admin: reports (listing, assigning, resolving and reopening them)."""
from __future__ import annotations

from typing import Optional

from .. import return_types as rt
from .._core import validate
from .._core.params import unpack_id
from ..types_base import IdType, PaginatableList, PaginationIdType
from ..versions import api_version
from .base import AdminBase


class AdminReportsMixin(AdminBase):
    """Admin calls about reports."""

    @api_version("2.9.1", "4.6.0")
    def admin_reports(self, resolved: Optional[bool] = False, account_id: Optional[IdType] = None,
                      target_account_id: Optional[IdType] = None,
                      max_id: Optional[PaginationIdType] = None,
                      min_id: Optional[PaginationIdType] = None,
                      since_id: Optional[PaginationIdType] = None, limit: Optional[int] = None,
                      unresolved: Optional[bool] = None) -> PaginatableList[rt.AdminReport]:
        """List reports, unresolved ones unless ``resolved`` is True.

        ``resolved`` set to True lists the resolved reports instead; False (the
        default) is not sent, because Mastodon lists resolved reports whenever
        the key is present at all. ``unresolved`` (Mastodon 4.6+) is sent as
        given when not None; with it, such servers can list resolved and
        unresolved reports together. ``account_id`` keeps the reports filed by
        that account and ``target_account_id`` the reports against it (each an
        id or an account object). ``max_id``, ``min_id``, ``since_id`` and
        ``limit`` page through the list (see :doc:`/guide/pagination`); the
        server sends 100 reports by default and 200 at most.

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

        ``id``: the report, as an id (str or int) or an AdminReport.

        Calls ``GET /api/v1/admin/reports/:id``.
        """
        return self._admin("GET", "reports", id, entity=rt.AdminReport)

    @api_version("2.9.1", "2.9.1")
    def admin_report_assign(self, id: IdType) -> rt.AdminReport:
        """Assign a report to yourself; returns it.

        ``id``: the report, as an id (str or int) or an AdminReport.

        Calls ``POST /api/v1/admin/reports/:id/assign_to_self``.
        """
        return self._admin("POST", "reports", id, "assign_to_self", entity=rt.AdminReport)

    @api_version("2.9.1", "2.9.1")
    def admin_report_unassign(self, id: IdType) -> rt.AdminReport:
        """Remove the assignee of a report; returns it.

        ``id``: the report, as an id (str or int) or an AdminReport.

        Calls ``POST /api/v1/admin/reports/:id/unassign``.
        """
        return self._admin("POST", "reports", id, "unassign", entity=rt.AdminReport)

    @api_version("2.9.1", "2.9.1")
    def admin_report_reopen(self, id: IdType) -> rt.AdminReport:
        """Reopen a resolved report; returns it.

        ``id``: the report, as an id (str or int) or an AdminReport.

        Calls ``POST /api/v1/admin/reports/:id/reopen``.
        """
        return self._admin("POST", "reports", id, "reopen", entity=rt.AdminReport)

    @api_version("2.9.1", "2.9.1")
    def admin_report_resolve(self, id: IdType) -> rt.AdminReport:
        """Mark a report as resolved without further action; returns it.

        ``id``: the report, as an id (str or int) or an AdminReport.

        Calls ``POST /api/v1/admin/reports/:id/resolve``.
        """
        return self._admin("POST", "reports", id, "resolve", entity=rt.AdminReport)
