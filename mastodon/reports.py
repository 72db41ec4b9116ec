"""Reports: telling the moderators about an account or its statuses."""
from __future__ import annotations

from typing import Any, List, Optional, Union

from . import return_types as rt
from ._core import validate
from ._core.params import id_list, unpack_id
from .errors import MastodonIllegalArgumentError, MastodonVersionError
from .internals import Internals
from .types_base import IdType, NonPaginatableList
from .versions import api_version

#: Values of ``category``: why an account is reported.
REPORT_CATEGORIES = ("spam", "violation", "other")  # what Mastodon.py 2.3.3 lets through

#: Report parameters newer than the endpoint itself, with the version that added them.
_PARAM_VERSIONS = (("category", "3.5.0"), ("rule_ids", "3.5.0"), ("collection_ids", "4.6.0"))


def _optional_ids(values: Any, name: str) -> Optional[List[str]]:
    return None if values is None else id_list(values, name)


def _domains(values: Any) -> Optional[List[str]]:
    """``forward_to_domains``: one domain name or a list of them."""
    if values is None:
        return None
    items = [values] if isinstance(values, str) else validate.list_of("forward_to_domains", values)
    for item in items:
        if not isinstance(item, str) or not item:
            raise MastodonIllegalArgumentError(
                f"forward_to_domains must hold domain names, got {item!r}")
    return items


class ReportsMixin(Internals):
    """File reports with the instance's moderators."""

    @api_version("1.1.0", "1.1.0")
    def reports(self) -> NonPaginatableList[rt.Report]:
        """The reports you filed (only on servers before Mastodon 2.5.0).

        Mastodon 2.5.0 removed this endpoint: on such servers this raises
        MastodonVersionError without sending the request. Moderators can
        use :meth:`admin_reports` instead.

        Calls ``GET /api/v1/reports``.
        """
        if self._server.known_at_least("2.5.0"):
            raise MastodonVersionError(
                "reports() is not available: Mastodon 2.5.0 removed GET /api/v1/reports "
                "(moderators can use admin_reports())")
        return self._get("/api/v1/reports",
                         entity=NonPaginatableList[rt.Report])

    @api_version("1.1.0", "4.6.0")
    def report(self, account_id: Union[rt.Account, IdType],
               status_ids: Optional[Union[rt.Status, IdType, List[Union[rt.Status, IdType]]]] = None,
               comment: Optional[str] = None, forward: bool = False,
               category: Optional[str] = None,
               rule_ids: Optional[Union[rt.Rule, IdType, List[Union[rt.Rule, IdType]]]] = None,
               forward_to_domains: Optional[Union[str, List[str]]] = None,
               collection_ids: Optional[Union[IdType, List[IdType]]] = None) -> rt.Report:
        """Report an account (and some of its statuses) to the moderators; returns the report.

        ``account_id`` is the account to report, as an id or an Account.
        ``status_ids`` attaches one status or several (ids or Statuses) as
        context, and ``collection_ids`` one collection id or several
        (Mastodon 4.6+). ``comment`` says what is wrong (the server allows
        1000 characters by default). ``forward`` also sends the report to the
        moderators of a remote account's instance; ``forward_to_domains``
        picks which remote instances (for example those of repliers) get it.
        ``category`` is one of spam, violation or other (others are refused,
        as Mastodon.py refuses them); with
        ``violation``, pass the broken rules as ``rule_ids`` (see
        :meth:`instance_rules`). Without a ``category`` the server files it as
        ``other``, or as ``violation`` when ``rule_ids`` are given.

        Calls ``POST /api/v1/reports/``.
        """
        validate.text("category", category)
        validate.known(category, REPORT_CATEGORIES,
                       "Invalid report category (must be spam, violation or other)")
        validate.flag("forward", forward)
        params = {
            "account_id": unpack_id(account_id, "account_id"),
            "status_ids": _optional_ids(status_ids, "status_ids"),
            "comment": validate.text("comment", comment),
            "forward": True if forward else None,
            "category": category,
            "rule_ids": _optional_ids(rule_ids, "rule_ids"),
            "forward_to_domains": _domains(forward_to_domains),
            "collection_ids": _optional_ids(collection_ids, "collection_ids"),
        }
        for name, version in _PARAM_VERSIONS:
            if params[name] is not None:
                self._server.require(version, f"report: {name}")
        return self._post("/api/v1/reports/", params, entity=rt.Report)


Mastodon = ReportsMixin  # import path kept for compatibility: mastodon.reports.Mastodon
