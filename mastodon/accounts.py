"""Accounts: looking accounts up, their statuses and followers, acting on them
(follow, block, mute, endorse, notes), editing your own account and signing up."""
from __future__ import annotations

import warnings
from datetime import datetime, timedelta
from typing import Any, Dict, List, Optional, Tuple, Type, TypeVar, Union, cast

from . import return_types as rt
from ._core import validate
from ._core.credentials import adopt_token
from ._core.params import id_list, page_params, path_segment, unpack_id
from .defaults import _DEFAULT_SCOPES
from .errors import (
    MastodonAPIError, MastodonDeprecationWarning, MastodonIllegalArgumentError,
    MastodonNotFoundError,
)
from .internals import Internals
from .profile import profile_form
from .types_base import (
    IdType, NonPaginatableList, PaginatableList, PaginationIdType, PathOrFile, decode,
)
from .versions import api_version

_T = TypeVar("_T")

AccountOrId = Union["rt.Account", IdType]

# Status codes with which the sign-up endpoint refuses an account (bad input,
# registrations closed): they become AccountCreationError results.
_SIGNUP_REFUSALS = (400, 403, 422)


def _deprecated(message: str, extra_frames: int = 0) -> None:
    """Warn about a deprecated call, pointing at the caller's line.

    The frames are: this helper, the endpoint (plus ``extra_frames`` helpers
    in between) and the version check's wrapper; the caller comes next.
    """
    warnings.warn(message, MastodonDeprecationWarning, stacklevel=4 + extra_frames)


def _true_or_none(name: str, value: Any) -> Optional[bool]:
    """A filter flag: sent when set, left out otherwise."""
    return True if validate.flag(name, value) else None


def _day(name: str, value: Any) -> Optional[str]:
    """The calendar day of a datetime as ``YYYY-MM-DD``; anything else but None is
    refused, as Mastodon.py refuses it."""
    if value is None:
        return None
    if not isinstance(value, datetime):
        raise MastodonIllegalArgumentError(f"{name} must be a datetime object")
    return value.strftime("%Y-%m-%d")


def _creation_error(exc: MastodonAPIError) -> rt.AccountCreationError:
    """The server's explanation of a refused sign-up, as an AccountCreationError."""
    body: Any = None
    if exc.response is not None:
        try:
            body = exc.response.json()
        except ValueError:
            body = None
    if not isinstance(body, dict) or "error" not in body:
        body = {"error": exc.error or str(exc.args[0]), "details": {}}
    return cast(rt.AccountCreationError, decode(body, rt.AccountCreationError))


class AccountsMixin(Internals):
    """Look up accounts, act on them, and edit or create your own."""

    def _call(self, method: str, path: str, entity: Type[_T],
              params: Optional[Dict[str, Any]] = None, **kw: Any) -> _T:
        return self._request(method, path, params, entity=entity, **kw)

    def _account_get(self, id: AccountOrId, what: str, entity: Type[_T],
                     params: Optional[Dict[str, Any]] = None) -> _T:
        """GET ``/api/v1/accounts/:id/<what>`` decoded as ``entity``."""
        return self._call("GET", f"/api/v1/accounts/{path_segment(id)}/{what}", entity, params)

    def _account_action(self, id: AccountOrId, action: str,
                        params: Optional[Dict[str, Any]] = None) -> rt.Relationship:
        """POST ``/api/v1/accounts/:id/<action>``; returns your new relationship to the account."""
        return self._call("POST", f"/api/v1/accounts/{path_segment(id)}/{action}",
                          rt.Relationship, params)

    def _legacy_endorsement(self, id: AccountOrId, action: str, replacement: str) -> rt.Relationship:
        """The deprecated pin/unpin routes: warn, then call them all the same."""
        _deprecated(f"account_{action}() is deprecated; use {replacement}()", extra_frames=1)
        return self._account_action(id, action)

    # ------------------------------------------------------------------ reading accounts

    @api_version("1.0.0", "1.0.0")
    def account(self, id: AccountOrId) -> rt.Account:
        """Fetch one account.

        ``id``: the account, as an id (str or int) or an Account (any dict with an ``id``).

        Calls ``GET /api/v1/accounts/:id``.
        """
        return self._call("GET", f"/api/v1/accounts/{path_segment(id)}", rt.Account)

    @api_version("4.3.0", "4.3.0")
    def accounts(self, ids: List[AccountOrId]) -> NonPaginatableList[rt.Account]:
        """Fetch several accounts at once; unknown ids are left out.

        ``ids``: a list of accounts, each an id (str or int) or an Account.

        Calls ``GET /api/v1/accounts``.
        """
        return self._call("GET", "/api/v1/accounts", NonPaginatableList[rt.Account],
                          {"id": id_list(ids, "ids")})

    @api_version("1.0.0", "2.1.0")
    def account_verify_credentials(self) -> rt.Account:
        """Your own account, with the ``source`` block of editable settings.

        Calls ``GET /api/v1/accounts/verify_credentials``.
        """
        return self._call("GET", "/api/v1/accounts/verify_credentials", rt.Account)

    @api_version("1.0.0", "2.1.0")
    def me(self) -> rt.Account:
        """Your own account; the same as :meth:`account_verify_credentials`.

        Calls ``GET /api/v1/accounts/verify_credentials``.
        """
        return self.account_verify_credentials()

    @api_version("3.4.0", "3.4.0")
    def account_lookup(self, acct: str) -> rt.Account:
        """Find an account by its ``username`` or ``username@domain`` handle (no remote lookup).

        ``acct`` is ``username`` for a local account, ``username@domain`` for a remote one
        the server already knows; raises MastodonNotFoundError when it does not know it.

        Calls ``GET /api/v1/accounts/lookup``.
        """
        validate.text("acct", acct, required=True)
        return self._call("GET", "/api/v1/accounts/lookup", rt.Account, {"acct": acct})

    @api_version("1.0.0", "2.8.0")
    def account_search(self, q: str, limit: Optional[int] = None, following: bool = False,
                       resolve: bool = False, offset: Optional[int] = None
                       ) -> PaginatableList[rt.Account]:
        """Search accounts by name or handle.

        ``following`` keeps only accounts you follow; ``resolve`` lets the
        server look up unknown ``user@domain`` handles remotely. Page with
        ``offset`` (this search has no id-based pages). ``q`` is the text looked for in
        display names and handles; ``limit`` how many results at most (the server caps it).

        Calls ``GET /api/v1/accounts/search``.
        """
        validate.text("q", q, required=True)
        params = {"q": q, "limit": validate.count("limit", limit),
                  "following": validate.flag("following", following),
                  "resolve": validate.flag("resolve", resolve),
                  "offset": validate.count("offset", offset)}
        return self._call("GET", "/api/v1/accounts/search", PaginatableList[rt.Account], params)

    @api_version("1.0.0", "4.6.0")
    def account_statuses(self, id: AccountOrId, only_media: bool = False, pinned: bool = False,
                         exclude_replies: bool = False, exclude_reblogs: bool = False,
                         tagged: Optional[str] = None, max_id: Optional[PaginationIdType] = None,
                         min_id: Optional[PaginationIdType] = None,
                         since_id: Optional[PaginationIdType] = None,
                         limit: Optional[int] = None, exclude_direct: bool = False
                         ) -> PaginatableList[rt.Status]:
        """The statuses of the account ``id``, newest first.

        The flags narrow the list: ``only_media`` (with attachments),
        ``pinned`` (only pinned ones), ``exclude_replies``,
        ``exclude_reblogs``, ``exclude_direct``; ``tagged`` keeps statuses
        with that hashtag (without ``#``). Flags are sent only when True.

        ``max_id``, ``min_id``, ``since_id`` and ``limit`` page through them (see
        :doc:`/guide/pagination`).

        Calls ``GET /api/v1/accounts/:id/statuses``.
        """
        params = page_params(
            max_id, min_id, since_id, limit, tagged=validate.text("tagged", tagged),
            only_media=_true_or_none("only_media", only_media),
            pinned=_true_or_none("pinned", pinned),
            exclude_replies=_true_or_none("exclude_replies", exclude_replies),
            exclude_reblogs=_true_or_none("exclude_reblogs", exclude_reblogs),
            exclude_direct=_true_or_none("exclude_direct", exclude_direct))
        return self._account_get(id, "statuses", PaginatableList[rt.Status], params)

    @api_version("1.0.0", "2.6.0")
    def account_followers(self, id: AccountOrId, max_id: Optional[PaginationIdType] = None,
                          min_id: Optional[PaginationIdType] = None,
                          since_id: Optional[PaginationIdType] = None,
                          limit: Optional[int] = None) -> PaginatableList[rt.Account]:
        """The accounts following the account ``id``, one page at a time.

        ``max_id``, ``min_id``, ``since_id`` and ``limit`` page through them (see
        :doc:`/guide/pagination`).

        Calls ``GET /api/v1/accounts/:id/followers``.
        """
        return self._account_get(id, "followers", PaginatableList[rt.Account],
                                 page_params(max_id, min_id, since_id, limit))

    @api_version("1.0.0", "2.6.0")
    def account_following(self, id: AccountOrId, max_id: Optional[PaginationIdType] = None,
                          min_id: Optional[PaginationIdType] = None,
                          since_id: Optional[PaginationIdType] = None,
                          limit: Optional[int] = None) -> PaginatableList[rt.Account]:
        """The accounts the account ``id`` follows, one page at a time.

        ``max_id``, ``min_id``, ``since_id`` and ``limit`` page through them (see
        :doc:`/guide/pagination`).

        Calls ``GET /api/v1/accounts/:id/following``.
        """
        return self._account_get(id, "following", PaginatableList[rt.Account],
                                 page_params(max_id, min_id, since_id, limit))

    @api_version("1.0.0", "1.4.0")
    def account_relationships(self, id: Union[AccountOrId, List[AccountOrId]],
                              with_suspended: Optional[bool] = None
                              ) -> NonPaginatableList[rt.Relationship]:
        """Your relationships to one account or a list of accounts, in one request.

        ``id`` is one account or a list of them; ``with_suspended`` also answers for
        suspended accounts.

        Calls ``GET /api/v1/accounts/relationships``.
        """
        # one id goes out as ``id=``, a list as ``id[]=``: what Mastodon.py sends
        one = isinstance(id, (str, int, dict))
        params = {"id": unpack_id(id, "id") if one else id_list(id, "id"),
                  "with_suspended": validate.flag("with_suspended", with_suspended)}
        return self._call("GET", "/api/v1/accounts/relationships",
                          NonPaginatableList[rt.Relationship], params)

    @api_version("3.5.0", "3.5.0")
    def account_familiar_followers(self, id: Union[AccountOrId, List[AccountOrId]]
                                   ) -> NonPaginatableList[rt.FamiliarFollowers]:
        """For each account in ``id`` (one or a list): which accounts you follow also follow it.

        Calls ``GET /api/v1/accounts/familiar_followers``.
        """
        return self._call("GET", "/api/v1/accounts/familiar_followers",
                          NonPaginatableList[rt.FamiliarFollowers], {"id": id_list(id, "id")},
                          json_body=True)

    @api_version("2.1.0", "2.1.0")
    def account_lists(self, id: AccountOrId) -> NonPaginatableList[rt.UserList]:
        """Those of your lists that contain the account ``id``.

        Calls ``GET /api/v1/accounts/:id/lists``.
        """
        return self._account_get(id, "lists", NonPaginatableList[rt.UserList])

    @api_version("3.3.0", "3.3.0")
    def account_featured_tags(self, id: AccountOrId) -> NonPaginatableList[rt.Tag]:
        """The hashtags the account ``id`` features on its profile.

        Calls ``GET /api/v1/accounts/:id/featured_tags``.
        """
        return self._account_get(id, "featured_tags", NonPaginatableList[rt.Tag])

    # ------------------------------------------------------------------ acting on accounts

    @api_version("1.0.0", "3.3.0")
    def account_follow(self, id: AccountOrId, reblogs: bool = True, notify: bool = False,
                       languages: Optional[List[str]] = None) -> rt.Relationship:
        """Follow the account ``id`` (or ask to, if it is locked); returns the relationship.

        Following again only updates the options: ``reblogs`` shows its
        boosts in your home timeline, ``notify`` notifies you of its posts,
        and ``languages`` (ISO 639-1 codes) limits which of its posts you
        see; leave it out to see all.

        Calls ``POST /api/v1/accounts/:id/follow``.
        """
        if languages is not None:
            languages = validate.list_of("languages", languages)
            for language in languages:
                validate.text("languages", language)
        params = {"reblogs": validate.flag("reblogs", reblogs),
                  "notify": validate.flag("notify", notify), "languages": languages}
        return self._account_action(id, "follow", params)

    @api_version("1.0.0", "1.4.0")
    def account_unfollow(self, id: AccountOrId) -> rt.Relationship:
        """Stop following the account ``id`` (or withdraw a follow request).

        Calls ``POST /api/v1/accounts/:id/unfollow``.
        """
        return self._account_action(id, "unfollow")

    @api_version("3.5.0", "3.5.0")
    def account_remove_from_followers(self, id: AccountOrId) -> rt.Relationship:
        """Make the account ``id`` stop following you, without blocking it.

        Calls ``POST /api/v1/accounts/:id/remove_from_followers``.
        """
        return self._account_action(id, "remove_from_followers")

    @api_version("1.0.0", "1.4.0")
    def account_block(self, id: AccountOrId) -> rt.Relationship:
        """Block the account ``id``: it can no longer follow you or see your posts.

        Calls ``POST /api/v1/accounts/:id/block``.
        """
        return self._account_action(id, "block")

    @api_version("1.0.0", "1.4.0")
    def account_unblock(self, id: AccountOrId) -> rt.Relationship:
        """Lift your block of the account ``id``.

        Calls ``POST /api/v1/accounts/:id/unblock``.
        """
        return self._account_action(id, "unblock")

    @api_version("1.1.0", "2.4.3")
    def account_mute(self, id: AccountOrId, notifications: bool = True,
                     duration: Optional[Union[int, float, timedelta]] = None) -> rt.Relationship:
        """Mute the account ``id``: hide its posts from your timelines.

        ``notifications``: False still lets its notifications through.
        ``duration`` (seconds or a timedelta) ends the mute automatically;
        without it the mute lasts until :meth:`account_unmute`.

        Calls ``POST /api/v1/accounts/:id/mute``.
        """
        params = {"notifications": validate.flag("notifications", notifications),
                  "duration": validate.duration("duration", duration)}
        return self._account_action(id, "mute", params)

    @api_version("1.1.0", "1.4.0")
    def account_unmute(self, id: AccountOrId) -> rt.Relationship:
        """Lift your mute of the account ``id``.

        Calls ``POST /api/v1/accounts/:id/unmute``.
        """
        return self._account_action(id, "unmute")

    @api_version("3.2.0", "3.2.0")
    def account_note_set(self, id: AccountOrId, comment: str) -> rt.Relationship:
        """Set your private note about the account ``id``.

        ``comment`` is the note's text, only visible to you; an empty string removes it.

        Calls ``POST /api/v1/accounts/:id/note``.
        """
        return self._account_action(id, "note",
                                    {"comment": validate.text("comment", comment, required=True)})

    @api_version("4.4.0", "4.4.0")
    def account_endorse(self, id: AccountOrId) -> rt.Relationship:
        """Feature the account ``id`` (one you follow) on your profile.

        Calls ``POST /api/v1/accounts/:id/endorse``.
        """
        return self._account_action(id, "endorse")

    @api_version("4.4.0", "4.4.0")
    def account_unendorse(self, id: AccountOrId) -> rt.Relationship:
        """Stop featuring the account ``id`` on your profile.

        Calls ``POST /api/v1/accounts/:id/unendorse``.
        """
        return self._account_action(id, "unendorse")

    @api_version("2.5.0", "2.5.0")
    def account_pin(self, id: AccountOrId) -> rt.Relationship:
        """Deprecated name of :meth:`account_endorse` (the older server route).

        Acts on the account ``id``; warns with MastodonDeprecationWarning.

        Calls ``POST /api/v1/accounts/:id/pin``.
        """
        return self._legacy_endorsement(id, "pin", "account_endorse")

    @api_version("2.5.0", "2.5.0")
    def account_unpin(self, id: AccountOrId) -> rt.Relationship:
        """Deprecated name of :meth:`account_unendorse` (the older server route).

        Acts on the account ``id``; warns with MastodonDeprecationWarning.

        Calls ``POST /api/v1/accounts/:id/unpin``.
        """
        return self._legacy_endorsement(id, "unpin", "account_unendorse")

    @api_version("1.0.0", "2.1.0")
    def follows(self, uri: str) -> rt.Relationship:
        """Deprecated: follow an account given as ``user@domain``.

        Servers dropped the remote-follow route, so this searches for the
        handle among the accounts the server knows (without resolving it
        remotely, as Mastodon.py does) and follows the first match. Warns
        with MastodonDeprecationWarning; raises MastodonNotFoundError when
        nothing matches. Use :meth:`account_lookup` or :meth:`account_search`
        and :meth:`account_follow` instead.

        ``uri``: the account's ``user@domain`` handle.

        Calls ``GET /api/v1/accounts/search``, then ``POST /api/v1/accounts/:id/follow``.
        """
        _deprecated("follows() is deprecated; use account_search() and account_follow()")
        found = self.account_search(uri)
        if not found:
            raise MastodonNotFoundError(f"follows(): no account found for {uri!r}")
        return self.account_follow(found[0])

    # ------------------------------------------------------------------ your own account

    @api_version("1.1.1", "4.6.1")
    def account_update_credentials(
            self, display_name: Optional[str] = None, note: Optional[str] = None,
            avatar: Optional[Union[PathOrFile, bytes]] = None,
            avatar_mime_type: Optional[str] = None,
            header: Optional[Union[PathOrFile, bytes]] = None,
            header_mime_type: Optional[str] = None, locked: Optional[bool] = None,
            bot: Optional[bool] = None, discoverable: Optional[bool] = None,
            fields: Optional[List[Tuple[str, str]]] = None,
            hide_collections: Optional[bool] = None, indexable: Optional[bool] = None,
            attribution_domains: Optional[List[str]] = None,
            default_privacy: Optional[str] = None, default_sensitive: Optional[bool] = None,
            default_language: Optional[str] = None, default_quote_policy: Optional[str] = None,
            avatar_description: Optional[str] = None, header_description: Optional[str] = None
    ) -> rt.Account:
        """Change your account; arguments left as None stay as they are. Returns the account.

        ``avatar`` and ``header`` are a file path, a binary file object or
        bytes (a ``data:`` URI string is passed through); the MIME type comes
        from ``*_mime_type``, else from the content or the file name.
        ``fields`` is a list of up to four ``(name, value)`` pairs that
        replaces the current profile fields (``[]`` removes them all).
        ``default_privacy`` (public, unlisted, private), ``default_sensitive``,
        ``default_language`` and ``default_quote_policy`` (public, followers,
        nobody) are the defaults for new posts.

        ``display_name`` is the name shown above your handle; ``note`` the bio (plain text;
        the server links mentions, hashtags and URLs). ``avatar_mime_type`` and
        ``header_mime_type`` give the images' MIME types, ``avatar_description`` and
        ``header_description`` their alt texts. ``locked`` makes follows need your approval;
        ``bot`` marks the account as automated; ``discoverable`` lets the server feature it
        in the profile directory and on Explore; ``hide_collections`` hides whom you follow
        and who follows you; ``indexable`` lets others find your public posts by full-text
        search; ``attribution_domains`` are the websites allowed to credit you as the author
        of their articles in link previews.

        Calls ``PATCH /api/v1/accounts/update_credentials``.
        """
        form, files = profile_form(
            fields=fields, avatar=avatar, avatar_mime_type=avatar_mime_type, header=header,
            header_mime_type=header_mime_type, display_name=display_name, note=note,
            locked=locked, bot=bot, discoverable=discoverable, hide_collections=hide_collections,
            indexable=indexable, attribution_domains=attribution_domains,
            default_privacy=default_privacy, default_sensitive=default_sensitive,
            default_language=default_language, default_quote_policy=default_quote_policy,
            avatar_description=avatar_description, header_description=header_description)
        return self._call("PATCH", "/api/v1/accounts/update_credentials", rt.Account, form,
                          files=files)

    @api_version("4.2.0", "4.2.0")
    def account_delete_avatar(self) -> rt.Account:
        """Remove your avatar (the server shows its default one); returns your account.

        Calls ``DELETE /api/v1/profile/avatar``.
        """
        return self._call("DELETE", "/api/v1/profile/avatar", rt.Account)

    @api_version("4.2.0", "4.2.0")
    def account_delete_header(self) -> rt.Account:
        """Remove your header image; returns your account.

        Calls ``DELETE /api/v1/profile/header``.
        """
        return self._call("DELETE", "/api/v1/profile/header", rt.Account)

    # ------------------------------------------------------------------ signing up

    @api_version("2.7.0", "2.7.0")
    def create_account(self, username: str, password: str, email: str, agreement: bool = False,
                       reason: Optional[str] = None, locale: str = "en",
                       scopes: List[str] = _DEFAULT_SCOPES, to_file: Optional[str] = None,
                       return_detailed_error: bool = False,
                       date_of_birth: Optional[datetime] = None, *,
                       return_token_info: bool = False
                       ) -> Union[Optional[str], Dict[str, Any], Tuple[Any, Optional[rt.AccountCreationError]]]:
        """Sign up a new account with this client's app; returns the new user's access token.

        Uses ``client_id`` and ``client_secret``. ``agreement`` must be
        True (the user accepted the server rules); ``reason`` is needed
        where sign-ups are approved by hand, and ``date_of_birth`` (a
        datetime; its day is sent) where the server asks for it. The client
        switches to the new token; ``to_file`` saves it for the constructor.
        The account may still need its e-mail address confirmed.

        When the server refuses, this raises MastodonIllegalArgumentError;
        if ``return_detailed_error`` is True it returns ``(None, error)``
        instead, where ``error.details`` says which field was wrong, and
        ``(token, error)`` with an empty error (``error.error`` is None) on
        success. If ``return_token_info`` is True the token is the server's
        whole answer instead of the string: a dict with ``access_token``,
        ``token_type``, ``scope`` and ``created_at``.

        ``username``, ``password`` and ``email`` are the new account's login data;
        ``locale`` is the language of the confirmation e-mail and of the account's interface
        (default ``en``); ``scopes`` are the scopes of the new access token (within those of
        the app).

        Calls ``POST /oauth/token`` (an app token), then ``POST /api/v1/accounts``.
        """
        scope_list = validate.scope_names("scopes", scopes)
        validate.flag("return_token_info", return_token_info)
        params = {
            "username": validate.text("username", username, required=True),
            "password": validate.text("password", password, required=True),
            "email": validate.text("email", email, required=True),
            "agreement": True if validate.flag("agreement", agreement) else None,
            "reason": validate.text("reason", reason),
            "locale": validate.text("locale", locale),
            "date_of_birth": _day("date_of_birth", date_of_birth),
        }
        app_token = self._app_token(scope_list)
        try:
            answer = self._post("/api/v1/accounts", params, auth=False,
                                headers={"Authorization": f"Bearer {app_token}"})
        except MastodonAPIError as exc:
            if exc.status_code not in _SIGNUP_REFUSALS:
                raise
            error = _creation_error(exc)
            if return_detailed_error:
                return None, error
            raise MastodonIllegalArgumentError(
                f"the server refused to create the account: {error.error}") from exc
        adopt_token(self, answer, scope_list, to_file)
        token = answer if return_token_info else self.access_token
        if return_detailed_error:
            return token, cast(rt.AccountCreationError,
                               decode({"error": None, "details": None}, rt.AccountCreationError))
        return token

    def _app_token(self, scopes: List[str]) -> str:
        """An app-only access token (client credentials grant), for signing up."""
        params = {"grant_type": "client_credentials", "client_id": self.client_id,
                  "client_secret": self.client_secret, "scope": " ".join(scopes)}
        try:
            answer = self._post("/oauth/token", params, auth=False, ratelimit=False)
        except MastodonAPIError as exc:
            if exc.status_code in (400, 401, 403):
                raise MastodonIllegalArgumentError(
                    f"the server refused an app token for signing up: {exc.error}") from exc
            raise
        token = answer.get("access_token") if isinstance(answer, dict) else None
        if not token:  # the class Mastodon.py raises for a broken OAuth answer
            raise MastodonIllegalArgumentError(
                "Invalid request during oauth phase: the answer has no access_token")
        return str(token)

    @api_version("3.4.0", "3.4.0")
    def email_resend_confirmation(self) -> None:
        """Send the confirmation e-mail again (for an account that has not confirmed yet).

        Calls ``POST /api/v1/emails/confirmations``.
        """
        self._post("/api/v1/emails/confirmations")


Mastodon = AccountsMixin  # import path kept for compatibility: mastodon.accounts.Mastodon
