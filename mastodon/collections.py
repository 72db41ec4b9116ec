"""Collections (Mastodon 4.6): curated, shareable lists of accounts."""
from __future__ import annotations

from typing import Any, Dict, List, Optional, Type, TypeVar, Union

from . import return_types as rt
from ._core import validate
from ._core.params import id_list, path_segment, unpack_id
from .internals import Internals
from .types_base import EmptyResponse, IdType
from .versions import api_version

_T = TypeVar("_T")
CollectionOrId = Union["rt.Collection", IdType]
AccountOrId = Union["rt.Account", IdType]
ItemOrId = Union["rt.CollectionItem", IdType]


def _collection_fields(name: Optional[str], description: Optional[str], language: Optional[str],
                       tag_name: Optional[str], sensitive: Optional[bool],
                       discoverable: Optional[bool]) -> Dict[str, Any]:
    """The checked descriptive fields shared by creating and updating a collection."""
    return {"name": validate.text("name", name),
            "description": validate.text("description", description),
            "language": validate.text("language", language),
            "tag_name": validate.text("tag_name", tag_name),
            "sensitive": validate.flag("sensitive", sensitive),
            "discoverable": validate.flag("discoverable", discoverable)}


def _collection_path(id: Any, name: str = "id") -> str:
    """``/api/v1/collections/:id``, the id one escaped segment."""
    return f"/api/v1/collections/{path_segment(id, name)}"


def _item_path(collection_id: Any, item_id: Any, action: str = "") -> str:
    """``/api/v1/collections/:collection_id/items/:item_id[/action]``; both ids are
    required (None is refused, never dropped from the path)."""
    path = _collection_path(collection_id, "collection_id")
    path += f"/items/{path_segment(item_id, 'item_id')}"
    return path + (f"/{action}" if action else "")


class CollectionsMixin(Internals):
    """Create, edit and read collections of accounts."""

    def _collections_call(self, method: str, path: str, entity: Type[_T],
                          params: Optional[Dict[str, Any]] = None) -> _T:
        return self._request(method, path, params, entity=entity)

    def _account_collections(self, account_id: Any, relation: str, limit: Optional[int],
                             offset: Optional[int]) -> rt.Collections:
        params = {"limit": validate.count("limit", limit), "offset": validate.count("offset", offset)}
        path = f"/api/v1/accounts/{path_segment(account_id, 'id')}/{relation}"
        return self._collections_call("GET", path, rt.Collections, params)

    @api_version("4.6.0", "4.6.0")
    def account_collections(self, id: AccountOrId, limit: Optional[int] = None,
                            offset: Optional[int] = None) -> rt.Collections:
        """The collections an account has made.

        ``id`` is the account, as an id or an Account (any dict with an ``id``).
        ``limit`` caps how many come back (the server's default is 40, at most 80)
        and ``offset`` skips that many from the start, to page through them.

        Calls ``GET /api/v1/accounts/:id/collections``.
        """
        return self._account_collections(id, "collections", limit, offset)

    @api_version("4.6.0", "4.6.0")
    def account_in_collections(self, id: Optional[AccountOrId], limit: Optional[int] = None,
                               offset: Optional[int] = None) -> rt.Collections:
        """The collections an account is featured in; ``id=None`` means your own account.

        ``id`` is the account, as an id or an Account (any dict with an ``id``).
        ``limit`` caps how many come back (the server's default is 40, at most 80)
        and ``offset`` skips that many from the start, to page through them.

        Calls ``GET /api/v1/accounts/:id/in_collections`` (after
        ``GET /api/v1/accounts/verify_credentials`` when ``id`` is None).
        """
        if id is None:
            id = self._collections_call("GET", "/api/v1/accounts/verify_credentials", rt.Account)
        return self._account_collections(id, "in_collections", limit, offset)

    @api_version("4.6.0", "4.6.0")
    def collection(self, id: CollectionOrId) -> rt.CollectionWithAccounts:
        """One collection, together with the accounts in it.

        ``id`` is the collection, as an id or a Collection. With a token, the
        server leaves out accounts you block and, in your own collections, also
        lists the items still waiting for the account's consent.

        Calls ``GET /api/v1/collections/:id``.
        """
        return self._collections_call("GET", _collection_path(id), rt.CollectionWithAccounts)

    @api_version("4.6.0", "4.6.0")
    def collection_create(self, name: str, description: Optional[str] = None,
                          language: Optional[str] = None, tag_name: Optional[str] = None,
                          sensitive: bool = False, discoverable: bool = False,
                          account_ids: Optional[List[AccountOrId]] = None) -> rt.WrappedCollection:
        """Create a collection, optionally with its first accounts; returns it.

        ``name`` is its title (the server allows 40 characters) and
        ``description`` a longer text (100 characters at most). ``language`` is
        the ISO 639 code of the language it is written in; ``tag_name`` ties it
        to one hashtag. ``sensitive`` marks it as sensitive; ``discoverable``
        lets it appear in search results and other discovery features.
        ``account_ids`` lists the accounts to feature (ids or Accounts).

        Calls ``POST /api/v1/collections``.
        """
        validate.text("name", name, required=True)  # an empty name is the server's to refuse
        params = _collection_fields(name, description, language, tag_name, sensitive, discoverable)
        params["account_ids"] = None if account_ids is None else id_list(account_ids, "account_ids")
        return self._collections_call("POST", "/api/v1/collections", rt.WrappedCollection, params)

    @api_version("4.6.0", "4.6.0")
    def collection_update(self, id: CollectionOrId, name: Optional[str] = None,
                          description: Optional[str] = None, language: Optional[str] = None,
                          tag_name: Optional[str] = None, sensitive: Optional[bool] = None,
                          discoverable: Optional[bool] = None) -> rt.WrappedCollection:
        """Change a collection's details; parameters left at None stay as they are.

        ``id`` is the collection, as an id or a Collection. ``name``,
        ``description``, ``language``, ``tag_name``, ``sensitive`` and
        ``discoverable`` mean what they mean for :meth:`collection_create`.
        Only the owner may change a collection.

        Calls ``PATCH /api/v1/collections/:id``.
        """
        params = _collection_fields(name, description, language, tag_name, sensitive, discoverable)
        return self._collections_call("PATCH", _collection_path(id), rt.WrappedCollection, params)

    @api_version("4.6.0", "4.6.0")
    def collection_delete(self, id: CollectionOrId) -> EmptyResponse:
        """Delete one of your collections.

        ``id`` is the collection, as an id or a Collection.

        Calls ``DELETE /api/v1/collections/:id``.
        """
        return self._collections_call("DELETE", _collection_path(id), EmptyResponse)

    @api_version("4.6.0", "4.6.0")
    def collection_item_add(self, id: CollectionOrId,
                            account_id: AccountOrId) -> rt.WrappedCollectionItem:
        """Add an account to a collection; returns the new item.

        ``id`` is your collection and ``account_id`` the account to feature,
        each as an id or the object itself.

        Calls ``POST /api/v1/collections/:id/items``.
        """
        return self._collections_call("POST", f"{_collection_path(id)}/items",
                                      rt.WrappedCollectionItem,
                                      {"account_id": unpack_id(account_id, "account_id")})

    @api_version("4.6.0", "4.6.0")
    def collection_item_delete(self, collection_id: CollectionOrId,
                               item_id: ItemOrId) -> EmptyResponse:
        """Remove an item (an account) from one of your collections.

        ``collection_id`` is the collection and ``item_id`` the item (a
        CollectionItem or its id, not the account's id).

        Calls ``DELETE /api/v1/collections/:collection_id/items/:item_id``.
        """
        return self._collections_call("DELETE", _item_path(collection_id, item_id),
                                      EmptyResponse)

    @api_version("4.6.0", "4.6.0")
    def collection_item_revoke(self, collection_id: CollectionOrId,
                               item_id: ItemOrId) -> EmptyResponse:
        """Take yourself out of someone else's collection (revoke the item featuring you).

        ``collection_id`` is their collection and ``item_id`` the item that
        features you (a CollectionItem or its id).

        Calls ``POST /api/v1/collections/:collection_id/items/:item_id/revoke``.
        """
        return self._collections_call("POST", _item_path(collection_id, item_id, "revoke"),
                                      EmptyResponse)


Mastodon = CollectionsMixin  # import path kept for compatibility: mastodon.collections.Mastodon
