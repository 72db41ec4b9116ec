"""Admin: accounts (listing, inspecting, approving and moderating them)."""
from __future__ import annotations

from typing import Any, Dict, List, Optional

from .. import return_types as rt
from .._core import validate
from .._core.params import id_list, page_params, unpack_id
from ..errors import MastodonIllegalArgumentError
from ..types_base import IdType, PaginatableList, PaginationIdType
from ..versions import api_version
from .base import AdminBase

#: Moderation states an account listing can be filtered by.
ACCOUNT_STATUSES = ("active", "pending", "disabled", "silenced", "suspended")
#: Actions ``admin_account_moderate`` can take.
MODERATION_ACTIONS = ("none", "sensitive", "disable", "silence", "suspend")


def _texts(**values: Any) -> Dict[str, Optional[str]]:
    """Check that each of the given optional parameters is a string (or None)."""
    return {name: validate.text(name, value) for name, value in values.items()}


class AdminAccountsMixin(AdminBase):
    """Admin calls about accounts."""

    @api_version("2.9.1", "4.0.0")
    def admin_accounts_v2(self, origin: Optional[str] = None, by_domain: Optional[str] = None,
                          status: Optional[str] = None, username: Optional[str] = None,
                          display_name: Optional[str] = None, email: Optional[str] = None,
                          ip: Optional[str] = None, permissions: Optional[str] = None,
                          invited_by: Optional[IdType] = None,
                          role_ids: Optional[List[IdType]] = None,
                          max_id: Optional[PaginationIdType] = None,
                          min_id: Optional[PaginationIdType] = None,
                          since_id: Optional[PaginationIdType] = None,
                          limit: Optional[int] = None) -> PaginatableList[rt.AdminAccount]:
        """List accounts with their admin details, filtered (v2 filters).

        Every filter left as None is not sent, so by default all accounts are
        listed. ``origin`` keeps ``"local"`` or ``"remote"`` accounts;
        ``status`` keeps those that are ``"active"``, ``"pending"`` (waiting
        for approval), ``"disabled"`` (cannot log in), ``"silenced"`` or
        ``"suspended"``; ``permissions`` set to ``"staff"`` keeps users whose
        role may handle reports; ``role_ids`` (role ids, Mastodon 4.0+) keeps holders of
        those roles; ``invited_by`` (an account id or Account) keeps the users
        that account invited. ``username`` and ``display_name`` search those
        fields, ``by_domain`` keeps accounts from that domain, and ``email``
        and ``ip`` look up the users with that e-mail address or IP address.
        ``max_id``, ``min_id``, ``since_id`` and ``limit`` page through the
        list (see :doc:`/guide/pagination`); the server sends 100 accounts by
        default and 200 at most.

        Mastodon servers have this v2 listing since version 3.5. The version
        check (the *Added* note below) lets it through from 2.9.1, as
        Mastodon.py's does, so a server from 2.9.1 to 3.4 answers it with
        :class:`~mastodon.errors.MastodonNotFoundError`.

        Coming from :meth:`admin_accounts_v1`: ``remote=True`` becomes ``origin="remote"``,
        ``staff_only=True`` becomes ``permissions="staff"``, and ``status``
        keeps its name and values (but is no longer required: None lists
        every state).

        Calls ``GET /api/v2/admin/accounts``.
        """
        params = page_params(
            max_id, min_id, since_id, limit,
            origin=validate.known(origin, ("local", "remote"), "Origin must be local or remote"),
            status=validate.known(status, ACCOUNT_STATUSES, "Status must be local or active, "
                                  "pending, disabled, silenced or suspended"),
            **_texts(by_domain=by_domain, username=username, display_name=display_name,
                     email=email, ip=ip),
            permissions=validate.known(permissions, ("staff",),
                                       "Permissions must be staff if passed"),
            invited_by=None if invited_by is None else unpack_id(invited_by, "invited_by"),
            role_ids=None if role_ids is None else id_list(role_ids, "role_ids"))
        return self._get("/api/v2/admin/accounts", params,
                         entity=PaginatableList[rt.AdminAccount])

    @api_version("2.9.1", "2.9.1")
    def admin_accounts_v1(self, remote: bool = False, by_domain: Optional[str] = None,
                          status: str = "active", username: Optional[str] = None,
                          display_name: Optional[str] = None, email: Optional[str] = None,
                          ip: Optional[str] = None, staff_only: bool = False,
                          max_id: Optional[PaginationIdType] = None,
                          min_id: Optional[PaginationIdType] = None,
                          since_id: Optional[PaginationIdType] = None,
                          limit: Optional[int] = None) -> PaginatableList[rt.AdminAccount]:
        """List accounts with their admin details, filtered (the older v1 filters).

        ``remote`` set to True keeps remote accounts only (the default False
        sends no origin filter: local and remote accounts are listed). ``status``
        (required, default ``"active"``) keeps the accounts in that state:
        active, pending, disabled, silenced or suspended; it is sent as that
        flag (``active=true`` ...). ``staff_only`` set to True keeps staff only.
        ``username`` and ``display_name`` search those fields, ``by_domain``
        keeps accounts from that domain, and ``email`` and ``ip`` look up the
        users with that e-mail address or IP address. ``max_id``, ``min_id``,
        ``since_id`` and ``limit`` page through the list (see
        :doc:`/guide/pagination`); the server sends 100 accounts by default
        and 200 at most.

        Deprecated by Mastodon 3.5; prefer :meth:`admin_accounts_v2`, where
        ``remote=True`` is ``origin="remote"`` and ``staff_only=True`` is
        ``permissions="staff"``.

        Calls ``GET /api/v1/admin/accounts``.
        """
        if status not in ACCOUNT_STATUSES:
            raise MastodonIllegalArgumentError("Invalid moderation status requested.")
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
                       ip: Optional[str] = None, staff_only: bool = False,
                       max_id: Optional[PaginationIdType] = None,
                       min_id: Optional[PaginationIdType] = None,
                       since_id: Optional[PaginationIdType] = None,
                       limit: Optional[int] = None) -> PaginatableList[rt.AdminAccount]:
        """Same as :meth:`admin_accounts_v1` (kept for old code; deprecated).

        ``remote``, ``by_domain``, ``status``, ``username``, ``display_name``,
        ``email``, ``ip`` and ``staff_only`` filter the list, and ``max_id``,
        ``min_id``, ``since_id`` and ``limit`` page through it, exactly as
        there; all of them, ``limit`` included, are passed on.

        Calls ``GET /api/v1/admin/accounts``.
        """
        return self.admin_accounts_v1(remote, by_domain, status, username, display_name, email,
                                      ip, staff_only, max_id, min_id, since_id, limit)

    @api_version("2.9.1", "2.9.1")
    def admin_account(self, id: IdType) -> rt.AdminAccount:
        """Fetch one account with its admin details.

        ``id``: the account, as an id (str or int), an Account or an AdminAccount.

        Calls ``GET /api/v1/admin/accounts/:id``.
        """
        return self._admin("GET", "accounts", id, entity=rt.AdminAccount)

    @api_version("2.9.1", "2.9.1")
    def admin_account_enable(self, id: IdType) -> rt.AdminAccount:
        """Re-enable a disabled local account; returns it.

        ``id``: the account, as an id (str or int), an Account or an AdminAccount.

        Calls ``POST /api/v1/admin/accounts/:id/enable``.
        """
        return self._admin("POST", "accounts", id, "enable", entity=rt.AdminAccount)

    @api_version("2.9.1", "2.9.1")
    def admin_account_approve(self, id: IdType) -> rt.AdminAccount:
        """Approve a pending sign-up; returns the account.

        ``id``: the account, as an id (str or int), an Account or an AdminAccount.

        Calls ``POST /api/v1/admin/accounts/:id/approve``.
        """
        return self._admin("POST", "accounts", id, "approve", entity=rt.AdminAccount)

    @api_version("2.9.1", "2.9.1")
    def admin_account_reject(self, id: IdType) -> rt.AdminAccount:
        """Reject (and delete) a pending sign-up; returns the account.

        ``id``: the account, as an id (str or int), an Account or an AdminAccount.

        Calls ``POST /api/v1/admin/accounts/:id/reject``.
        """
        return self._admin("POST", "accounts", id, "reject", entity=rt.AdminAccount)

    @api_version("2.9.1", "2.9.1")
    def admin_account_unsilence(self, id: IdType) -> rt.AdminAccount:
        """Lift a silence (limit) from an account; returns it.

        ``id``: the account, as an id (str or int), an Account or an AdminAccount.

        Calls ``POST /api/v1/admin/accounts/:id/unsilence``.
        """
        return self._admin("POST", "accounts", id, "unsilence", entity=rt.AdminAccount)

    @api_version("2.9.1", "2.9.1")
    def admin_account_unsuspend(self, id: IdType) -> rt.AdminAccount:
        """Lift a suspension from an account; returns it.

        ``id``: the account, as an id (str or int), an Account or an AdminAccount.

        Calls ``POST /api/v1/admin/accounts/:id/unsuspend``.
        """
        return self._admin("POST", "accounts", id, "unsuspend", entity=rt.AdminAccount)

    @api_version("3.3.0", "3.3.0")
    def admin_account_unsensitive(self, id: IdType) -> rt.AdminAccount:
        """Stop forcing an account's media to be marked sensitive; returns it.

        ``id``: the account, as an id (str or int), an Account or an AdminAccount.

        Calls ``POST /api/v1/admin/accounts/:id/unsensitive``.
        """
        return self._admin("POST", "accounts", id, "unsensitive", entity=rt.AdminAccount)

    @api_version("3.3.0", "3.3.0")
    def admin_account_delete(self, id: IdType) -> rt.AdminAccount:
        """Delete the data of a suspended account for good; returns it.

        ``id``: the account, as an id (str or int), an Account or an AdminAccount.

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

        ``id``: the account, as an id (str or int), an Account or an AdminAccount.
        ``action`` (sent as the server's ``type``) is ``"none"`` (only warn;
        the default), ``"sensitive"`` (force its media to be marked
        sensitive), ``"disable"`` (lock the local user out of logging in),
        ``"silence"`` (limit who sees its posts) or ``"suspend"`` (hide the
        account and its content; :meth:`admin_account_delete` can then erase
        its data). ``report_id`` names the report that led to the action.
        ``warning_preset_id`` picks one of the server's preset warnings and
        ``text`` adds your own explanation; the user gets both by e-mail
        unless ``send_email_notification`` is False (it is True by default).
        The server logs the action in the moderation history and resolves
        the open reports against the account.

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
