"""Existing statuses: reading one, its thread and who boosted or favourited it; boosting,
favouriting, muting, pinning, bookmarking, translating and the quotes of a status."""
from __future__ import annotations

from typing import Any, Dict, List, Optional

from . import return_types as rt
from ._core import validate
from ._core.params import id_list, page_params, path_segment
from .internals import Internals
from .statuses import QUOTE_APPROVAL_POLICIES, StatusOrId, visibility_param
from .types_base import IdType, NonPaginatableList, PaginatableList, PaginationIdType
from .versions import api_version


class StatusActionsMixin(Internals):
    """Reading existing statuses and acting on them (boost, favourite, pin, bookmark, ...)."""

    # ------------------------------------------------------------------ reading

    @api_version("1.0.0", "2.0.0")
    def status(self, id: StatusOrId) -> rt.Status:
        """Fetch one status.

        ``id`` is the status's id, as a str or an int, or a dict whose ``id`` key holds
        one (such as the Status itself).

        Calls ``GET /api/v1/statuses/:id``.
        """
        return self._get(f"/api/v1/statuses/{path_segment(id)}", entity=rt.Status)

    @api_version("4.3.0", "4.3.0")
    def statuses(self, ids: List[StatusOrId]) -> NonPaginatableList[rt.Status]:
        """Fetch several statuses at once; ids the server does not know are left out.

        ``ids`` is a list of statuses, each an id or a status.

        Calls ``GET /api/v1/statuses``.
        """
        return self._get("/api/v1/statuses", {"id": id_list(ids, "ids")},
                         entity=NonPaginatableList[rt.Status])

    @api_version("1.0.0", "1.0.0")
    def status_context(self, id: StatusOrId) -> rt.Context:
        """The ancestors and descendants of the status ``id`` (the thread around it).

        On Mastodon 4.4+ the server may still be fetching remote replies; the
        result then carries refresh information (see ``await_async_refresh``).

        Calls ``GET /api/v1/statuses/:id/context``.
        """
        return self._get(f"/api/v1/statuses/{path_segment(id)}/context", entity=rt.Context)

    @api_version("1.0.0", "2.1.0")
    def status_reblogged_by(self, id: StatusOrId) -> NonPaginatableList[rt.Account]:
        """The accounts that boosted the status ``id``.

        Calls ``GET /api/v1/statuses/:id/reblogged_by``.
        """
        return self._status_accounts(id, "reblogged_by")

    @api_version("1.0.0", "2.1.0")
    def status_favourited_by(self, id: StatusOrId) -> NonPaginatableList[rt.Account]:
        """The accounts that favourited the status ``id``.

        Calls ``GET /api/v1/statuses/:id/favourited_by``.
        """
        return self._status_accounts(id, "favourited_by")

    def _status_accounts(self, id: StatusOrId, relation: str) -> NonPaginatableList[rt.Account]:
        return self._get(f"/api/v1/statuses/{path_segment(id)}/{relation}",
                         entity=NonPaginatableList[rt.Account])

    @api_version("1.0.0", "3.0.0")
    def status_card(self, id: StatusOrId) -> Optional[rt.PreviewCard]:
        """The preview card of the status ``id``, or None. Deprecated: read ``status(id).card``.

        Calls ``GET /api/v1/statuses/:id`` (``GET /api/v1/statuses/:id/card``
        on servers older than 3.0.0).
        """
        if self._server.verify("3.0.0", cached=True):
            return self.status(id).card
        return self._get(f"/api/v1/statuses/{path_segment(id)}/card", entity=rt.PreviewCard)

    @api_version("3.5.0", "3.5.0")
    def status_history(self, id: StatusOrId) -> NonPaginatableList[rt.StatusEdit]:
        """Every version of the edited status ``id``, oldest first (the current one included).

        Calls ``GET /api/v1/statuses/:id/history``.
        """
        return self._get(f"/api/v1/statuses/{path_segment(id)}/history",
                         entity=NonPaginatableList[rt.StatusEdit])

    def status_source(self, id: StatusOrId) -> rt.StatusSource:
        """The plain text and spoiler text of your status ``id``, for editing it.

        Calls ``GET /api/v1/statuses/:id/source``.
        """
        return self._get(f"/api/v1/statuses/{path_segment(id)}/source", entity=rt.StatusSource)

    @api_version("4.0.0", "4.0.0")
    def status_translate(self, id: StatusOrId, lang: Optional[str] = None) -> rt.Translation:
        """Have the server translate the status ``id``.

        ``lang`` is the target language as an ISO 639 code (e.g. ``de``); left out, the
        server uses the user's interface language.

        Calls ``POST /api/v1/statuses/:id/translate``.
        """
        params = {"lang": validate.text("lang", lang)} if lang is not None else None
        return self._post(f"/api/v1/statuses/{path_segment(id)}/translate", params,
                          entity=rt.Translation)

    @api_version("4.5.0", "4.5.0")
    def status_quotes(self, id: StatusOrId, max_id: Optional[PaginationIdType] = None,
                      since_id: Optional[PaginationIdType] = None,
                      limit: Optional[int] = None) -> PaginatableList[rt.Status]:
        """The statuses that quote your status ``id``.

        ``max_id``, ``since_id`` and ``limit`` page through them (see
        :doc:`/guide/pagination`).

        Calls ``GET /api/v1/statuses/:id/quotes``.
        """
        return self._get(f"/api/v1/statuses/{path_segment(id)}/quotes",
                         page_params(max_id, None, since_id, limit),
                         entity=PaginatableList[rt.Status])

    # ------------------------------------------------------------------ actions on a status

    def _status_action(self, id: StatusOrId, action: str,
                       params: Optional[Dict[str, Any]] = None) -> rt.Status:
        """``POST /api/v1/statuses/:id/<action>``; returns the status the server sends back."""
        return self._post(f"/api/v1/statuses/{path_segment(id)}/{action}", params,
                          entity=rt.Status)

    @api_version("1.0.0", "2.0.0")
    def status_reblog(self, id: StatusOrId, visibility: Optional[str] = None) -> rt.Status:
        """Boost the status ``id``; returns the new reblog status wrapping it.

        ``visibility`` (public, unlisted, private or direct) is who sees the boost; left out, the
        server's default applies (public, per Mastodon's API documentation).

        Calls ``POST /api/v1/statuses/:id/reblog``.
        """
        return self._status_action(id, "reblog", {
            "visibility": visibility_param(visibility)})

    @api_version("1.0.0", "2.0.0")
    def status_unreblog(self, id: StatusOrId) -> rt.Status:
        """Undo your boost of the status ``id``; returns the original status.

        Calls ``POST /api/v1/statuses/:id/unreblog``.
        """
        return self._status_action(id, "unreblog")

    @api_version("1.0.0", "2.0.0")
    def status_favourite(self, id: StatusOrId) -> rt.Status:
        """Favourite the status ``id``; returns it.

        The author is notified (unless they muted you or the conversation).

        Calls ``POST /api/v1/statuses/:id/favourite``.
        """
        return self._status_action(id, "favourite")

    @api_version("1.0.0", "2.0.0")
    def status_unfavourite(self, id: StatusOrId) -> rt.Status:
        """Undo your favourite of the status ``id``; returns the status.

        Calls ``POST /api/v1/statuses/:id/unfavourite``.
        """
        return self._status_action(id, "unfavourite")

    @api_version("1.4.0", "2.0.0")
    def status_mute(self, id: StatusOrId) -> rt.Status:
        """Stop notifications about the conversation of the status ``id``; returns the status.

        Calls ``POST /api/v1/statuses/:id/mute``.
        """
        return self._status_action(id, "mute")

    @api_version("1.4.0", "2.0.0")
    def status_unmute(self, id: StatusOrId) -> rt.Status:
        """Get notifications about the conversation of the status ``id`` again; returns it.

        Calls ``POST /api/v1/statuses/:id/unmute``.
        """
        return self._status_action(id, "unmute")

    @api_version("2.1.0", "2.1.0")
    def status_pin(self, id: StatusOrId) -> rt.Status:
        """Pin your status ``id`` to your profile; returns it.

        Only public and unlisted statuses can be pinned, and only a few (5 on
        Mastodon's default settings).

        Calls ``POST /api/v1/statuses/:id/pin``.
        """
        return self._status_action(id, "pin")

    @api_version("2.1.0", "2.1.0")
    def status_unpin(self, id: StatusOrId) -> rt.Status:
        """Unpin the status ``id`` from your profile; returns it.

        Calls ``POST /api/v1/statuses/:id/unpin``.
        """
        return self._status_action(id, "unpin")

    @api_version("3.1.0", "3.1.0")
    def status_bookmark(self, id: StatusOrId) -> rt.Status:
        """Bookmark the status ``id``; returns it.

        Bookmarks are private: nobody is notified. See :meth:`bookmarks`.

        Calls ``POST /api/v1/statuses/:id/bookmark``.
        """
        return self._status_action(id, "bookmark")

    @api_version("3.1.0", "3.1.0")
    def status_unbookmark(self, id: StatusOrId) -> rt.Status:
        """Remove your bookmark of the status ``id``; returns the status.

        Calls ``POST /api/v1/statuses/:id/unbookmark``.
        """
        return self._status_action(id, "unbookmark")

    @api_version("4.5.0", "4.5.0")
    def status_quote_revoke(self, id: StatusOrId, quoting_status_id: StatusOrId) -> rt.Status:
        """Withdraw the approval for ``quoting_status_id`` to quote your status ``id``.

        Returns the quoting status.

        Calls ``POST /api/v1/statuses/:id/quotes/:quoting_status_id/revoke``.
        """
        quoting = path_segment(quoting_status_id, "quoting_status_id")
        return self._status_action(id, f"quotes/{quoting}/revoke")

    @api_version("4.5.0", "4.5.0")
    def status_update_quote_approval_policy(self, id: StatusOrId,
                                            quote_approval_policy: str) -> rt.Status:
        """Change who may quote your status ``id``.

        ``quote_approval_policy`` is ``public`` (anyone), ``followers`` (your followers)
        or ``nobody`` (only you).

        Calls ``PUT /api/v1/statuses/:id/interaction_policy``.
        """
        validate.text("quote_approval_policy", quote_approval_policy, required=True)
        policy = validate.one_of("quote_approval_policy", quote_approval_policy,
                                 QUOTE_APPROVAL_POLICIES)
        return self._put(f"/api/v1/statuses/{path_segment(id)}/interaction_policy",
                         {"quote_approval_policy": policy}, entity=rt.Status)

