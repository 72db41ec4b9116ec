"""Admin: instance metrics (measures, dimensions and retention cohorts over a period)."""
from __future__ import annotations

from datetime import date, datetime
from typing import Any, Dict, List, Optional, Type, TypeVar

from .. import return_types as rt
from .._core import validate
from .._core.params import unpack_id, wire_datetime
from ..errors import MastodonIllegalArgumentError
from ..types_base import IdType, NonPaginatableList
from ..versions import api_version
from .base import AdminBase

_Result = TypeVar("_Result")

#: Cohort sizes for ``admin_retention``.
RETENTION_FREQUENCIES = ("day", "month")


def _iso_moment(name: str, value: Any) -> str:
    """A required datetime (or date) as ISO-8601; aware datetimes are sent in UTC."""
    if isinstance(value, datetime):
        return wire_datetime(value, name)
    if isinstance(value, date):
        return value.isoformat()
    raise MastodonIllegalArgumentError(
        f"{name} must be a datetime, got {type(value).__name__}")


def _report_keys(flags: Dict[str, Any], scoped: Dict[str, Any]) -> Dict[str, Any]:
    """Build the ``keys[]`` list plus per-key scope params of a measures/dimensions call.

    ``flags`` maps plain keys to booleans. ``scoped`` maps the keys that are
    about one hashtag (``tag_*``: a tag id, sent as ``key[id]``) or one instance
    (``instance_*``: a domain, sent as ``key[domain]``) to that value; None
    leaves the key out.
    """
    keys: List[str] = []
    params: Dict[str, Any] = {}
    for key, wanted in flags.items():
        if validate.flag(key, wanted):
            keys.append(key)
    for key, value in scoped.items():
        if value is None:
            continue
        if key.startswith("tag_"):
            params[key] = {"id": unpack_id(value, key)}
        else:
            params[key] = {"domain": validate.text(key, value)}
        keys.append(key)
    return {"keys": keys, **params}



class AdminMetricsMixin(AdminBase):
    """Admin calls about instance metrics."""

    def _admin_metric(self, resource: str, start_at: Any, end_at: Any, flags: Dict[str, Any],
                      scoped: Dict[str, Any], extra: Dict[str, Any],
                      entity: Type[_Result]) -> _Result:
        """POST a measures/dimensions query as JSON: the period, ``keys`` and per-key scopes.

        A query asking for nothing is refused, as Mastodon.py refuses it.
        """
        params = {"start_at": _iso_moment("start_at", start_at),
                  "end_at": _iso_moment("end_at", end_at),
                  **extra,
                  **_report_keys(flags, scoped)}
        if not params["keys"]:
            kind = "metric" if resource == "measures" else "dimension"
            raise MastodonIllegalArgumentError(f"Must request at least one {kind}.")
        return self._post(f"/api/v1/admin/{resource}", params, json_body=True, entity=entity)

    @api_version("3.5.0", "3.5.0")
    def admin_measures(self, start_at: datetime, end_at: datetime, active_users: bool = False,
                       new_users: bool = False, interactions: bool = False,
                       opened_reports: bool = False, resolved_reports: bool = False,
                       tag_accounts: Optional[IdType] = None,
                       tag_uses: Optional[IdType] = None,
                       tag_servers: Optional[IdType] = None,
                       instance_accounts: Optional[str] = None,
                       instance_media_attachments: Optional[str] = None,
                       instance_reports: Optional[str] = None,
                       instance_statuses: Optional[str] = None,
                       instance_follows: Optional[str] = None,
                       instance_followers: Optional[str] = None
                       ) -> NonPaginatableList[rt.AdminMeasure]:
        """Instance statistics (totals and daily values) between two points in time.

        ``start_at`` and ``end_at`` bound the period (datetimes, sent in UTC,
        or dates; the server uses only the date). Each True flag asks for that
        measure: ``active_users`` (users active in the period), ``new_users``
        (sign-ups), ``interactions`` (favourites, boosts and replies on local
        statuses), ``opened_reports`` and ``resolved_reports`` (reports filed
        and resolved). Given a hashtag id, ``tag_accounts`` counts the
        accounts that used the tag, ``tag_uses`` the statuses with it and
        ``tag_servers`` the servers those came from. Given a remote domain,
        ``instance_accounts`` counts the accounts discovered there,
        ``instance_media_attachments`` the space its media use,
        ``instance_reports`` the reports against its accounts,
        ``instance_statuses`` its statuses, ``instance_follows`` the follows
        of its accounts by local ones and ``instance_followers`` the follows
        of local accounts by its accounts. The answer has one measure per
        requested key.

        Calls ``POST /api/v1/admin/measures``.
        """
        flags = {"active_users": active_users, "new_users": new_users,
                 "interactions": interactions, "opened_reports": opened_reports,
                 "resolved_reports": resolved_reports}
        scoped = {"tag_accounts": tag_accounts, "tag_uses": tag_uses,
                  "tag_servers": tag_servers, "instance_accounts": instance_accounts,
                  "instance_media_attachments": instance_media_attachments,
                  "instance_reports": instance_reports, "instance_statuses": instance_statuses,
                  "instance_follows": instance_follows, "instance_followers": instance_followers}
        return self._admin_metric("measures", start_at, end_at, flags, scoped, {},
                                  NonPaginatableList[rt.AdminMeasure])

    @api_version("3.5.0", "3.5.0")
    def admin_dimensions(self, start_at: datetime, end_at: datetime,
                         limit: Optional[int] = None, languages: bool = False,
                         sources: bool = False, servers: bool = False,
                         space_usage: bool = False, software_versions: bool = False,
                         tag_servers: Optional[IdType] = None,
                         tag_languages: Optional[IdType] = None,
                         instance_accounts: Optional[str] = None,
                         instance_languages: Optional[str] = None
                         ) -> NonPaginatableList[rt.AdminDimension]:
        """Breakdowns of instance activity (languages, software, servers ...) over a period.

        ``start_at`` and ``end_at`` bound the period (datetimes, sent in UTC,
        or dates; the server uses only the date). Each True flag asks for that
        dimension: ``languages`` (the most used languages),
        ``sources`` (the most used apps), ``servers`` (the remote servers with
        the most statuses), ``space_usage`` (storage used by the database,
        Redis and media) and ``software_versions`` (versions of Mastodon and
        the software under it). ``tag_servers`` and ``tag_languages`` take a
        trending hashtag's id: the servers and the languages posting it.
        ``instance_accounts`` and ``instance_languages`` take a remote domain:
        its most followed accounts and its most used languages. ``limit`` caps
        the entries of each list-like dimension (all but space usage and
        software versions).

        Calls ``POST /api/v1/admin/dimensions``.
        """
        flags = {"languages": languages, "sources": sources, "servers": servers,
                 "space_usage": space_usage, "software_versions": software_versions}
        scoped = {"tag_servers": tag_servers, "tag_languages": tag_languages,
                  "instance_accounts": instance_accounts,
                  "instance_languages": instance_languages}
        return self._admin_metric("dimensions", start_at, end_at, flags, scoped,
                                  {"limit": validate.count("limit", limit)},
                                  NonPaginatableList[rt.AdminDimension])

    @api_version("3.5.0", "3.5.0")
    def admin_retention(self, start_at: datetime, end_at: datetime,
                        frequency: str = "day") -> NonPaginatableList[rt.AdminRetention]:
        """User retention cohorts between two points in time.

        ``start_at`` and ``end_at`` bound the period (datetimes, sent in UTC,
        or dates; the server uses only the date). ``frequency`` is
        ``"day"`` (the default) or ``"month"``: users who signed up in the same
        day or month form a cohort, and the answer gives, for each later day
        or month, how many of them were still active. Other values are refused.

        Calls ``POST /api/v1/admin/retention``.
        """
        params = {"start_at": _iso_moment("start_at", start_at),
                  "end_at": _iso_moment("end_at", end_at),
                  "frequency": validate.known(frequency, RETENTION_FREQUENCIES,
                                              "Frequency must be day or month")}
        return self._admin("POST", "retention", params=params,
                           entity=NonPaginatableList[rt.AdminRetention])
