"""Lists: named groups of accounts you follow, each with its own timeline."""
from __future__ import annotations

from typing import Any, Dict, List, Optional, Union

from . import return_types as rt
from ._core import validate
from ._core.params import id_list, page_params, path_segment
from .internals import Internals
from .types_base import IdType, NonPaginatableList, PaginatableList, PaginationIdType
from .versions import api_version

#: Which replies a list timeline shows: to any followed account, to list members, or none.
REPLIES_POLICIES = ("followed", "list", "none")

ListOrId = Union["rt.UserList", IdType]
AccountIds = Union["rt.Account", IdType, List[Union["rt.Account", IdType]]]


def _list_params(title: str, replies_policy: str, exclusive: bool) -> Dict[str, Any]:
    validate.text("title", title, required=True)
    validate.text("replies_policy", replies_policy)
    return {"title": title,
            "replies_policy": validate.one_of("replies_policy", replies_policy, REPLIES_POLICIES),
            "exclusive": validate.flag("exclusive", exclusive)}


class ListsMixin(Internals):
    """Create, change and read lists and their members."""

    def _list_path(self, id: ListOrId, *rest: str) -> str:
        return "/".join(["/api/v1/lists", path_segment(id), *rest])

    def _list_members(self, method: str, id: ListOrId, account_ids: AccountIds) -> None:
        self._request(method, self._list_path(id, "accounts"),
                      {"account_ids": id_list(account_ids, "account_ids")})

    @api_version("2.1.0", "2.1.0")
    def lists(self) -> NonPaginatableList[rt.UserList]:
        """All your lists.

        Calls ``GET /api/v1/lists``.
        """
        return self._get("/api/v1/lists", entity=NonPaginatableList[rt.UserList])

    @api_version("2.1.0", "2.1.0")
    def list(self, id: ListOrId) -> rt.UserList:
        """Fetch one of your lists.

        ``id`` is the list, as an id or a UserList (any dict with an ``id``).

        Calls ``GET /api/v1/lists/:id``.
        """
        return self._get(self._list_path(id), entity=rt.UserList)

    @api_version("2.1.0", "2.6.0")
    def list_accounts(self, id: ListOrId, max_id: Optional[PaginationIdType] = None,
                      min_id: Optional[PaginationIdType] = None,
                      since_id: Optional[PaginationIdType] = None,
                      limit: Optional[int] = None) -> PaginatableList[rt.Account]:
        """The members of a list, one page at a time (``limit=0`` asks for all at once).

        ``id`` is the list, as an id or a UserList. ``max_id``, ``min_id`` and
        ``since_id`` are page bounds (see :doc:`/guide/pagination`); ``limit`` is
        how many accounts at most (the server's default is 40, at most 80), and
        0 makes the server return every member in one unpaged answer.

        Calls ``GET /api/v1/lists/:id/accounts``.
        """
        return self._get(
            self._list_path(id, "accounts"), page_params(max_id, min_id, since_id, limit),
            entity=PaginatableList[rt.Account])

    @api_version("2.1.0", "4.2.0")
    def list_create(self, title: str, replies_policy: str = "list",
                    exclusive: bool = False) -> rt.UserList:
        """Create a list; returns it.

        ``title`` is the name of the list. ``replies_policy`` picks which
        replies its timeline shows: to any account you follow (``followed``),
        to list members (``list``, the default) or none (``none``). An
        ``exclusive`` list's members no longer show up in your home timeline.

        Calls ``POST /api/v1/lists``.
        """
        return self._post(
            "/api/v1/lists", _list_params(title, replies_policy, exclusive), entity=rt.UserList)

    @api_version("2.1.0", "4.2.0")
    def list_update(self, id: ListOrId, title: str, replies_policy: str = "list",
                    exclusive: bool = False) -> rt.UserList:
        """Rename a list and set its options (as for :meth:`list_create`); returns it.

        ``id`` is the list, as an id or a UserList; ``title`` is its new name.
        ``replies_policy`` and ``exclusive`` mean what they mean for
        :meth:`list_create`. They are always sent, so leaving them out sets
        them back to their defaults (``list`` and not exclusive).

        Calls ``PUT /api/v1/lists/:id``.
        """
        return self._put(
            self._list_path(id), _list_params(title, replies_policy, exclusive), entity=rt.UserList)

    @api_version("2.1.0", "2.1.0")
    def list_delete(self, id: ListOrId) -> None:
        """Delete a list (the accounts in it are not affected).

        ``id`` is the list, as an id or a UserList.

        Calls ``DELETE /api/v1/lists/:id``.
        """
        self._delete(self._list_path(id))

    @api_version("2.1.0", "2.1.0")
    def list_accounts_add(self, id: ListOrId, account_ids: AccountIds) -> None:
        """Add one account or several to a list; you must follow them.

        ``id`` is the list, as an id or a UserList. ``account_ids`` is one
        account or a list of them, each as an id or an Account. The server
        refuses the whole request if one of them is an account you do not
        follow or is already in the list.

        Calls ``POST /api/v1/lists/:id/accounts``.
        """
        self._list_members("POST", id, account_ids)

    @api_version("2.1.0", "2.1.0")
    def list_accounts_delete(self, id: ListOrId, account_ids: AccountIds) -> None:
        """Remove one account or several from a list.

        ``id`` is the list, as an id or a UserList. ``account_ids`` is one
        account or a list of them, each as an id or an Account; accounts not
        in the list are ignored.

        Calls ``DELETE /api/v1/lists/:id/accounts``.
        """
        self._list_members("DELETE", id, account_ids)


Mastodon = ListsMixin  # import path kept for compatibility: mastodon.lists.Mastodon
