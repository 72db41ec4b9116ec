"""Admin and moderation endpoints: accounts, reports, blocks, trends and metrics.

.. warning::

    These calls need an access token with ``admin:read`` / ``admin:write``
    scopes (or their granular variants), granted to both the app and the
    token, and a user whose role allows the action. Such tokens are extremely
    sensitive: anyone holding one can moderate the whole instance. Revoke them
    as soon as you are done testing, never leave them lying around in files or
    repositories, and keep track of which ones are still active.

A call the token or user is not allowed to make fails with the server's
message as MastodonUnauthorizedError (401) or MastodonAPIError (403 and others).
"""
from __future__ import annotations

from datetime import date, datetime
from typing import Any, Dict, List, Optional, Union

from . import return_types as rt
from ._core import validate
from ._core.params import id_list, page_params, path_segment, unpack_id, wire_datetime
from .errors import MastodonIllegalArgumentError
from .internals import Internals
from .types_base import IdType, NonPaginatableList, PaginatableList
from .versions import api_version

#: Moderation states an account listing can be filtered by.
ACCOUNT_STATUSES = ("active", "pending", "disabled", "silenced", "suspended")
#: Actions ``admin_account_moderate`` can take.
MODERATION_ACTIONS = ("none", "sensitive", "disable", "silence", "suspend")
#: How hard a domain block hits.
DOMAIN_BLOCK_SEVERITIES = ("silence", "suspend", "noop")
#: What an IP block does.
IP_BLOCK_SEVERITIES = ("sign_up_requires_approval", "sign_up_block", "no_access")
#: Cohort sizes for ``admin_retention``.
RETENTION_FREQUENCIES = ("day", "month")


def _texts(**values: Any) -> Dict[str, Optional[str]]:
    """Check that each of the given optional parameters is a string (or None)."""
    return {name: validate.text(name, value) for name, value in values.items()}


def _iso_moment(name: str, value: Any) -> str:
    """A required datetime (or date) as ISO-8601; aware datetimes are sent in UTC."""
    if isinstance(value, datetime):
        return wire_datetime(value)
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


class AdminMixin(Internals):
    """Moderation and administration of the instance (needs an admin token)."""

    def _admin(self, verb: str, resource: str, id: Optional[IdType] = None,
               action: Optional[str] = None, params: Optional[Dict[str, Any]] = None,
               entity: Any = None) -> Any:
        """One admin request: ``VERB /api/v1/admin/<resource>[/<id>][/<action>]``.

        A trailing slash on ``resource`` is kept for collection calls and
        dropped when an id follows (upstream's domain-block routes).
        """
        path = f"/api/v1/admin/{resource}"
        if id is not None:
            path = f"{path.rstrip('/')}/{path_segment(id)}"
        if action is not None:
            path = f"{path}/{action}"
        return self._request(verb, path, params, entity=entity)

    def _admin_page(self, resource: str, entity: Any, max_id: Any, min_id: Any,
                    since_id: Any, limit: Any, **filters: Any) -> Any:
        """A paginated admin listing."""
        return self._admin("GET", resource, params=page_params(max_id, min_id, since_id, limit,
                                                               **filters),
                           entity=PaginatableList[entity])

    def _admin_metric(self, resource: str, start_at: Any, end_at: Any, flags: Dict[str, Any],
                      scoped: Dict[str, Any], extra: Dict[str, Any], entity: Any) -> Any:
        """POST a measures/dimensions query: the period, ``keys[]`` and per-key scopes."""
        params = {"start_at": _iso_moment("start_at", start_at),
                  "end_at": _iso_moment("end_at", end_at),
                  **extra,
                  **_report_keys(flags, scoped)}
        return self._admin("POST", resource, params=params, entity=entity)

    # ------------------------------------------------------------------ accounts

    @api_version("2.9.1", "4.0.0")
    def admin_accounts_v2(self, origin: Optional[str] = None, by_domain: Optional[str] = None,
                          status: Optional[str] = None, username: Optional[str] = None,
                          display_name: Optional[str] = None, email: Optional[str] = None,
                          ip: Optional[str] = None, permissions: Optional[str] = None,
                          invited_by: Optional[IdType] = None,
                          role_ids: Optional[List[IdType]] = None, max_id: Any = None,
                          min_id: Any = None, since_id: Any = None,
                          limit: Optional[int] = None) -> PaginatableList[rt.AdminAccount]:
        """List accounts with their admin details, filtered (v2 filters).

        ``origin`` is ``"local"`` or ``"remote"``; ``status`` one of active,
        pending, disabled, silenced, suspended; ``permissions="staff"`` keeps
        only staff; ``role_ids`` keeps holders of those roles.

        Calls ``GET /api/v2/admin/accounts``.
        """
        params = page_params(
            max_id, min_id, since_id, limit,
            origin=validate.one_of("origin", origin, ("local", "remote")),
            status=validate.one_of("status", status, ACCOUNT_STATUSES),
            **_texts(by_domain=by_domain, username=username, display_name=display_name,
                     email=email, ip=ip),
            permissions=validate.one_of("permissions", permissions, ("staff",)),
            invited_by=None if invited_by is None else unpack_id(invited_by, "invited_by"),
            role_ids=None if role_ids is None else id_list(role_ids, "role_ids"))
        return self._get("/api/v2/admin/accounts", params,
                         entity=PaginatableList[rt.AdminAccount])

    @api_version("2.9.1", "2.9.1")
    def admin_accounts_v1(self, remote: bool = False, by_domain: Optional[str] = None,
                          status: str = "active", username: Optional[str] = None,
                          display_name: Optional[str] = None, email: Optional[str] = None,
                          ip: Optional[str] = None, staff_only: bool = False,
                          max_id: Any = None, min_id: Any = None, since_id: Any = None,
                          limit: Optional[int] = None) -> PaginatableList[rt.AdminAccount]:
        """List accounts with their admin details, filtered (the older v1 filters).

        ``remote=True`` lists remote accounts only; ``status`` is one of
        active, pending, disabled, silenced, suspended; ``staff_only`` keeps
        only staff. Deprecated by Mastodon 3.5; prefer :meth:`admin_accounts_v2`.

        Calls ``GET /api/v1/admin/accounts``.
        """
        if status is None:
            raise MastodonIllegalArgumentError("status is required")
        validate.one_of("status", status, ACCOUNT_STATUSES)
        return self._admin_page(
            "accounts", rt.AdminAccount, max_id, min_id, since_id, limit,
            remote=True if validate.flag("remote", remote) else None,
            **_texts(by_domain=by_domain, username=username, display_name=display_name,
                     email=email, ip=ip),
            staff=True if validate.flag("staff_only", staff_only) else None,
            **{status: True})

    @api_version("2.9.1", "2.9.1")
    def admin_accounts(self, remote: bool = False, by_domain: Optional[str] = None,
                       status: str = "active", username: Optional[str] = None,
                       display_name: Optional[str] = None, email: Optional[str] = None,
                       ip: Optional[str] = None, staff_only: bool = False, max_id: Any = None,
                       min_id: Any = None, since_id: Any = None,
                       limit: Optional[int] = None) -> PaginatableList[rt.AdminAccount]:
        """Same as :meth:`admin_accounts_v1` (kept for old code; deprecated).

        Calls ``GET /api/v1/admin/accounts``.
        """
        return self.admin_accounts_v1(remote, by_domain, status, username, display_name, email,
                                      ip, staff_only, max_id, min_id, since_id, limit)

    @api_version("2.9.1", "2.9.1")
    def admin_account(self, id: IdType) -> rt.AdminAccount:
        """Fetch one account with its admin details.

        Calls ``GET /api/v1/admin/accounts/:id``.
        """
        return self._admin("GET", "accounts", id, entity=rt.AdminAccount)

    @api_version("2.9.1", "2.9.1")
    def admin_account_enable(self, id: IdType) -> rt.AdminAccount:
        """Re-enable a disabled local account; returns it.

        Calls ``POST /api/v1/admin/accounts/:id/enable``.
        """
        return self._admin("POST", "accounts", id, "enable", entity=rt.AdminAccount)

    @api_version("2.9.1", "2.9.1")
    def admin_account_approve(self, id: IdType) -> rt.AdminAccount:
        """Approve a pending sign-up; returns the account.

        Calls ``POST /api/v1/admin/accounts/:id/approve``.
        """
        return self._admin("POST", "accounts", id, "approve", entity=rt.AdminAccount)

    @api_version("2.9.1", "2.9.1")
    def admin_account_reject(self, id: IdType) -> rt.AdminAccount:
        """Reject (and delete) a pending sign-up; returns the account.

        Calls ``POST /api/v1/admin/accounts/:id/reject``.
        """
        return self._admin("POST", "accounts", id, "reject", entity=rt.AdminAccount)

    @api_version("2.9.1", "2.9.1")
    def admin_account_unsilence(self, id: IdType) -> rt.AdminAccount:
        """Lift a silence (limit) from an account; returns it.

        Calls ``POST /api/v1/admin/accounts/:id/unsilence``.
        """
        return self._admin("POST", "accounts", id, "unsilence", entity=rt.AdminAccount)

    @api_version("2.9.1", "2.9.1")
    def admin_account_unsuspend(self, id: IdType) -> rt.AdminAccount:
        """Lift a suspension from an account; returns it.

        Calls ``POST /api/v1/admin/accounts/:id/unsuspend``.
        """
        return self._admin("POST", "accounts", id, "unsuspend", entity=rt.AdminAccount)

    @api_version("3.3.0", "3.3.0")
    def admin_account_unsensitive(self, id: IdType) -> rt.AdminAccount:
        """Stop forcing an account's media to be marked sensitive; returns it.

        Calls ``POST /api/v1/admin/accounts/:id/unsensitive``.
        """
        return self._admin("POST", "accounts", id, "unsensitive", entity=rt.AdminAccount)

    @api_version("3.3.0", "3.3.0")
    def admin_account_delete(self, id: IdType) -> rt.AdminAccount:
        """Delete the data of a suspended account for good; returns it.

        Calls ``DELETE /api/v1/admin/accounts/:id``.
        """
        return self._admin("DELETE", "accounts", id, entity=rt.AdminAccount)

    @api_version("2.9.1", "2.9.1")
    def admin_account_moderate(self, id: IdType, action: Optional[str] = None,
                               report_id: Optional[IdType] = None,
                               warning_preset_id: Optional[IdType] = None,
                               text: Optional[str] = None,
                               send_email_notification: bool = True) -> None:
        """Take a moderation action against an account, optionally with a warning.

        ``action`` is one of none (just warn; the default), sensitive,
        disable, silence, suspend. ``report_id`` resolves that report with
        the action; ``text`` and ``warning_preset_id`` give the warning that
        is sent to the user, by e-mail unless ``send_email_notification`` is
        False.

        Calls ``POST /api/v1/admin/accounts/:id/action``.
        """
        action = "none" if action is None else action
        validate.one_of("action", action, MODERATION_ACTIONS)
        params = {
            "type": action,
            "report_id": None if report_id is None else unpack_id(report_id, "report_id"),
            "warning_preset_id": (None if warning_preset_id is None
                                  else unpack_id(warning_preset_id, "warning_preset_id")),
            "text": validate.text("text", text),
            "send_email_notification": validate.flag("send_email_notification",
                                                     send_email_notification),
        }
        self._admin("POST", "accounts", id, "action", params)

    # ------------------------------------------------------------------ reports

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

    # ------------------------------------------------------------------ trends

    @api_version("3.5.0", "3.5.0")
    def admin_trending_tags(self, limit: Optional[int] = None) -> NonPaginatableList[rt.Tag]:
        """Trending hashtags, including ones not yet approved for display.

        Calls ``GET /api/v1/admin/trends/tags``.
        """
        return self._admin("GET", "trends/tags", params=page_params(limit=limit),
                           entity=NonPaginatableList[rt.Tag])

    @api_version("3.5.0", "3.5.0")
    def admin_trending_statuses(self) -> NonPaginatableList[rt.Status]:
        """Trending statuses, including ones not yet approved for display.

        Calls ``GET /api/v1/admin/trends/statuses``.
        """
        return self._admin("GET", "trends/statuses", entity=NonPaginatableList[rt.Status])

    @api_version("3.5.0", "3.5.0")
    def admin_trending_links(self) -> NonPaginatableList[rt.PreviewCard]:
        """Trending links, including ones not yet approved for display.

        Calls ``GET /api/v1/admin/trends/links``.
        """
        return self._admin("GET", "trends/links", entity=NonPaginatableList[rt.PreviewCard])

    @api_version("4.2.0", "4.2.0")
    def admin_approve_trending_link(self, id: IdType) -> rt.PreviewCard:
        """Allow a link to be shown as trending; returns its preview card.

        Calls ``POST /api/v1/admin/trends/links/:id/approve``.
        """
        return self._admin("POST", "trends/links", id, "approve", entity=rt.PreviewCard)

    @api_version("4.2.0", "4.2.0")
    def admin_reject_trending_link(self, id: IdType) -> rt.PreviewCard:
        """Keep a link out of the trends; returns its preview card.

        Calls ``POST /api/v1/admin/trends/links/:id/reject``.
        """
        return self._admin("POST", "trends/links", id, "reject", entity=rt.PreviewCard)

    @api_version("4.2.0", "4.2.0")
    def admin_approve_trending_status(self, id: IdType) -> rt.Status:
        """Allow a status to be shown as trending; returns it.

        Calls ``POST /api/v1/admin/trends/statuses/:id/approve``.
        """
        return self._admin("POST", "trends/statuses", id, "approve", entity=rt.Status)

    @api_version("4.2.0", "4.2.0")
    def admin_reject_trending_status(self, id: IdType) -> rt.Status:
        """Keep a status out of the trends; returns it.

        Calls ``POST /api/v1/admin/trends/statuses/:id/reject``.
        """
        return self._admin("POST", "trends/statuses", id, "reject", entity=rt.Status)

    @api_version("4.2.0", "4.2.0")
    def admin_approve_trending_tag(self, id: IdType) -> rt.Tag:
        """Allow a hashtag to be shown as trending; returns it.

        Calls ``POST /api/v1/admin/trends/tags/:id/approve``.
        """
        return self._admin("POST", "trends/tags", id, "approve", entity=rt.Tag)

    @api_version("4.2.0", "4.2.0")
    def admin_reject_trending_tag(self, id: IdType) -> rt.Tag:
        """Keep a hashtag out of the trends; returns it.

        Calls ``POST /api/v1/admin/trends/tags/:id/reject``.
        """
        return self._admin("POST", "trends/tags", id, "reject", entity=rt.Tag)

    # ------------------------------------------------------------------ metrics

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

        Each True flag requests that measure. The ``tag_*`` parameters take a
        hashtag id and the ``instance_*`` ones a domain; each requests that
        measure for the given tag or instance.

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

        Each True flag requests that dimension; ``tag_*`` take a hashtag id
        and ``instance_*`` a domain. ``limit`` caps the entries per dimension.

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

        ``frequency`` is ``"day"`` or ``"month"``: the size of each cohort.

        Calls ``POST /api/v1/admin/retention``.
        """
        if frequency is None:
            raise MastodonIllegalArgumentError("frequency is required")
        params = {"start_at": _iso_moment("start_at", start_at),
                  "end_at": _iso_moment("end_at", end_at),
                  "frequency": validate.one_of("frequency", frequency, RETENTION_FREQUENCIES)}
        return self._admin("POST", "retention", params=params,
                           entity=NonPaginatableList[rt.AdminRetention])

    # ------------------------------------------------------------------ domain blocks

    @api_version("4.0.0", "4.0.0")
    def admin_domain_blocks(self, id: Optional[IdType] = None, max_id: Any = None,
                            min_id: Any = None, since_id: Any = None,
                            limit: Optional[int] = None
                            ) -> Union[rt.AdminDomainBlock, PaginatableList[rt.AdminDomainBlock]]:
        """One domain block when ``id`` is given, otherwise a page of all of them.

        Calls ``GET /api/v1/admin/domain_blocks/:id`` or
        ``GET /api/v1/admin/domain_blocks/``.
        """
        if id is not None:
            return self._admin("GET", "domain_blocks", id, entity=rt.AdminDomainBlock)
        return self._admin_page("domain_blocks/", rt.AdminDomainBlock, max_id, min_id,
                                since_id, limit)

    @api_version("4.0.0", "4.0.0")
    def admin_create_domain_block(self, domain: str, severity: Optional[str] = None,
                                  reject_media: Optional[bool] = None,
                                  reject_reports: Optional[bool] = None,
                                  private_comment: Optional[str] = None,
                                  public_comment: Optional[str] = None,
                                  obfuscate: Optional[bool] = None) -> rt.AdminDomainBlock:
        """Block (or limit) a remote domain; returns the new block.

        ``severity`` is silence, suspend (the server's default) or noop;
        ``obfuscate`` hides the domain name in the public block list.

        Calls ``POST /api/v1/admin/domain_blocks/``.
        """
        params = _domain_block_params(severity, reject_media, reject_reports, private_comment,
                                      public_comment, obfuscate)
        params["domain"] = validate.text("domain", domain, required=True)
        return self._admin("POST", "domain_blocks/", params=params, entity=rt.AdminDomainBlock)

    @api_version("4.0.0", "4.0.0")
    def admin_update_domain_block(self, id: IdType, severity: Optional[str] = None,
                                  reject_media: Optional[bool] = None,
                                  reject_reports: Optional[bool] = None,
                                  private_comment: Optional[str] = None,
                                  public_comment: Optional[str] = None,
                                  obfuscate: Optional[bool] = None) -> rt.AdminDomainBlock:
        """Change a domain block; parameters left as None stay unchanged. Returns it.

        Calls ``PUT /api/v1/admin/domain_blocks/:id``.
        """
        params = _domain_block_params(severity, reject_media, reject_reports, private_comment,
                                      public_comment, obfuscate)
        return self._admin("PUT", "domain_blocks", id, params=params,
                           entity=rt.AdminDomainBlock)

    @api_version("4.0.0", "4.0.0")
    def admin_delete_domain_block(self, id: IdType) -> None:
        """Lift a domain block.

        Calls ``DELETE /api/v1/admin/domain_blocks/:id``.
        """
        self._admin("DELETE", "domain_blocks", id)

    # ------------------------------------------------------------------ domain allows

    @api_version("4.0.0", "4.0.0")
    def admin_domain_allows(self, max_id: Any = None, min_id: Any = None, since_id: Any = None,
                            limit: Optional[int] = None) -> PaginatableList[rt.AdminDomainAllow]:
        """List the domains allowed to federate (in allow-list mode).

        Calls ``GET /api/v1/admin/domain_allows``.
        """
        return self._admin_page("domain_allows", rt.AdminDomainAllow, max_id, min_id,
                                since_id, limit)

    @api_version("4.0.0", "4.0.0")
    def admin_domain_allow(self, id: IdType) -> rt.AdminDomainAllow:
        """Fetch one allowed domain.

        Calls ``GET /api/v1/admin/domain_allows/:id``.
        """
        return self._admin("GET", "domain_allows", id, entity=rt.AdminDomainAllow)

    @api_version("4.0.0", "4.0.0")
    def admin_create_domain_allow(self, domain: str) -> rt.AdminDomainAllow:
        """Allow a domain to federate; returns the new entry.

        Calls ``POST /api/v1/admin/domain_allows``.
        """
        return self._admin("POST", "domain_allows",
                           params={"domain": validate.text("domain", domain, required=True)},
                           entity=rt.AdminDomainAllow)

    @api_version("4.0.0", "4.0.0")
    def admin_delete_domain_allow(self, id: IdType) -> None:
        """Remove a domain from the allow list.

        Calls ``DELETE /api/v1/admin/domain_allows/:id``.
        """
        self._admin("DELETE", "domain_allows", id)

    # ------------------------------------------------------------------ e-mail domain blocks

    @api_version("4.0.0", "4.0.0")
    def admin_email_domain_blocks(self, max_id: Any = None, min_id: Any = None,
                                  since_id: Any = None, limit: Optional[int] = None
                                  ) -> PaginatableList[rt.AdminEmailDomainBlock]:
        """List the e-mail domains that may not sign up.

        Calls ``GET /api/v1/admin/email_domain_blocks``.
        """
        return self._admin_page("email_domain_blocks", rt.AdminEmailDomainBlock, max_id, min_id,
                                since_id, limit)

    @api_version("4.1.0", "4.1.0")
    def admin_email_domain_block(self, id: IdType) -> rt.AdminEmailDomainBlock:
        """Fetch one blocked e-mail domain.

        Calls ``GET /api/v1/admin/email_domain_blocks/:id``.
        """
        return self._admin("GET", "email_domain_blocks", id, entity=rt.AdminEmailDomainBlock)

    @api_version("4.0.0", "4.0.0")
    def admin_create_email_domain_block(self, domain: str) -> rt.AdminEmailDomainBlock:
        """Refuse sign-ups with e-mail addresses at ``domain``; returns the new block.

        Calls ``POST /api/v1/admin/email_domain_blocks``.
        """
        return self._admin("POST", "email_domain_blocks",
                           params={"domain": validate.text("domain", domain, required=True)},
                           entity=rt.AdminEmailDomainBlock)

    @api_version("4.0.0", "4.0.0")
    def admin_delete_email_domain_block(self, id: IdType) -> None:
        """Lift an e-mail domain block.

        Calls ``DELETE /api/v1/admin/email_domain_blocks/:id``.
        """
        self._admin("DELETE", "email_domain_blocks", id)

    # ------------------------------------------------------------------ canonical e-mail blocks

    @api_version("4.0.0", "4.0.0")
    def admin_canonical_email_blocks(self, max_id: Any = None, min_id: Any = None,
                                     since_id: Any = None, limit: Optional[int] = None
                                     ) -> PaginatableList[rt.AdminCanonicalEmailBlock]:
        """List the blocked canonical e-mail addresses (as hashes).

        Calls ``GET /api/v1/admin/canonical_email_blocks``.
        """
        return self._admin_page("canonical_email_blocks", rt.AdminCanonicalEmailBlock, max_id,
                                min_id, since_id, limit)

    @api_version("4.0.0", "4.0.0")
    def admin_canonical_email_block(self, id: IdType) -> rt.AdminCanonicalEmailBlock:
        """Fetch one canonical e-mail block.

        Calls ``GET /api/v1/admin/canonical_email_blocks/:id``.
        """
        return self._admin("GET", "canonical_email_blocks", id,
                           entity=rt.AdminCanonicalEmailBlock)

    @api_version("4.0.0", "4.0.0")
    def admin_create_canonical_email_block(self, email: Optional[str] = None,
                                           canonical_email_hash: Optional[str] = None
                                           ) -> rt.AdminCanonicalEmailBlock:
        """Block an e-mail address, in all its spellings, from signing up.

        Give either the ``email`` (the server canonicalises and hashes it) or
        its ``canonical_email_hash`` (SHA-256 hex). Returns the new block.

        Calls ``POST /api/v1/admin/canonical_email_blocks``.
        """
        validate.text("email", email)
        validate.text("canonical_email_hash", canonical_email_hash)
        if email is None and canonical_email_hash is None:
            raise MastodonIllegalArgumentError("give email or canonical_email_hash")
        return self._admin("POST", "canonical_email_blocks",
                           params={"email": email, "canonical_email_hash": canonical_email_hash},
                           entity=rt.AdminCanonicalEmailBlock)

    @api_version("4.0.0", "4.0.0")
    def admin_delete_canonical_email_block(self, id: IdType) -> rt.AdminCanonicalEmailBlock:
        """Lift a canonical e-mail block; returns what the server sends back.

        Calls ``DELETE /api/v1/admin/canonical_email_blocks/:id``.
        """
        return self._admin("DELETE", "canonical_email_blocks", id,
                           entity=rt.AdminCanonicalEmailBlock)

    @api_version("4.0.0", "4.0.0")
    def admin_test_canonical_email_block(
            self, email: str) -> NonPaginatableList[rt.AdminCanonicalEmailBlock]:
        """The canonical e-mail blocks that match ``email`` (empty when none does).

        Calls ``POST /api/v1/admin/canonical_email_blocks/test``.
        """
        return self._admin("POST", "canonical_email_blocks/test",
                           params={"email": validate.text("email", email, required=True)},
                           entity=NonPaginatableList[rt.AdminCanonicalEmailBlock])

    # ------------------------------------------------------------------ IP blocks

    @api_version("4.0.0", "4.0.0")
    def admin_ip_blocks(self, max_id: Any = None, min_id: Any = None, since_id: Any = None,
                        limit: Optional[int] = None) -> PaginatableList[rt.AdminIpBlock]:
        """List the IP address ranges with sign-up or access rules.

        Calls ``GET /api/v1/admin/ip_blocks``.
        """
        return self._admin_page("ip_blocks", rt.AdminIpBlock, max_id, min_id, since_id, limit)

    @api_version("4.0.0", "4.0.0")
    def admin_ip_block(self, id: IdType) -> rt.AdminIpBlock:
        """Fetch one IP block.

        Calls ``GET /api/v1/admin/ip_blocks/:id``.
        """
        return self._admin("GET", "ip_blocks", id, entity=rt.AdminIpBlock)

    @api_version("4.0.0", "4.0.0")
    def admin_create_ip_block(self, ip: str, severity: str, comment: Optional[str] = None,
                              expires_in: Optional[int] = None) -> rt.AdminIpBlock:
        """Put a rule on an IP address or CIDR range; returns the new block.

        ``severity`` is sign_up_requires_approval, sign_up_block or no_access;
        ``expires_in`` is a lifetime in seconds (None: forever).

        Calls ``POST /api/v1/admin/ip_blocks``.
        """
        validate.text("ip", ip, required=True)
        if severity is None:
            raise MastodonIllegalArgumentError("severity is required")
        return self._admin("POST", "ip_blocks",
                           params=_ip_block_params(ip, severity, comment, expires_in),
                           entity=rt.AdminIpBlock)

    @api_version("4.0.0", "4.0.0")
    def admin_update_ip_block(self, id: IdType, ip: Optional[str] = None,
                              severity: Optional[str] = None, comment: Optional[str] = None,
                              expires_in: Optional[int] = None) -> rt.AdminIpBlock:
        """Change an IP block; parameters left as None stay unchanged. Returns it.

        Calls ``PUT /api/v1/admin/ip_blocks/:id``.
        """
        return self._admin("PUT", "ip_blocks", id,
                           params=_ip_block_params(ip, severity, comment, expires_in),
                           entity=rt.AdminIpBlock)

    @api_version("4.0.0", "4.0.0")
    def admin_delete_ip_block(self, id: IdType) -> None:
        """Remove an IP block.

        Calls ``DELETE /api/v1/admin/ip_blocks/:id``.
        """
        self._admin("DELETE", "ip_blocks", id)


def _domain_block_params(severity: Optional[str], reject_media: Optional[bool],
                         reject_reports: Optional[bool], private_comment: Optional[str],
                         public_comment: Optional[str], obfuscate: Optional[bool]
                         ) -> Dict[str, Any]:
    """The checked optional fields of a domain block create/update."""
    return {
        "severity": validate.one_of("severity", severity, DOMAIN_BLOCK_SEVERITIES),
        "reject_media": validate.flag("reject_media", reject_media),
        "reject_reports": validate.flag("reject_reports", reject_reports),
        "private_comment": validate.text("private_comment", private_comment),
        "public_comment": validate.text("public_comment", public_comment),
        "obfuscate": validate.flag("obfuscate", obfuscate),
    }


def _ip_block_params(ip: Optional[str], severity: Optional[str], comment: Optional[str],
                     expires_in: Optional[int]) -> Dict[str, Any]:
    """The checked fields of an IP block create/update."""
    return {
        "ip": validate.text("ip", ip),
        "severity": validate.one_of("severity", severity, IP_BLOCK_SEVERITIES),
        "comment": validate.text("comment", comment),
        "expires_in": validate.count("expires_in", expires_in),
    }


Mastodon = AdminMixin  # import path kept for compatibility: mastodon.admin.Mastodon
