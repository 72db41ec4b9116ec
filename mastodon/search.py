"""Search for accounts, statuses and hashtags."""
from __future__ import annotations

from typing import Any, Dict, Optional, Union

from . import return_types as rt
from ._core import validate
from ._core.params import pagination_id, unpack_id
from .internals import Internals
from .types_base import IdType, PaginationIdType, PaginationInfo
from .versions import api_version

#: Values of ``result_type``: the part of the results to search for.
RESULT_TYPES = ("accounts", "hashtags", "statuses")
V2_PATH = "/api/v2/search"


def _resolve_param(resolve: Any) -> Optional[bool]:
    """``resolve=True`` is sent; False is left out (the server's default), as 1.x and
    Mastodon.py 2.3.3 leave it out."""
    return True if validate.flag("resolve", resolve) else None


def _offset_next_page(result: Any, params: Dict[str, Any], result_type: Optional[str]) -> None:
    """Offset pagination: with one ``result_type``, the next page starts after this one."""
    items = result.get(result_type) if result_type else None
    if not items:
        return
    info = PaginationInfo(_pagination_method="GET", _pagination_endpoint=V2_PATH,
                          _mastopy_type="SearchV2")
    info.update((key, value) for key, value in params.items() if value is not None)
    info["offset"] = (params.get("offset") or 0) + len(items)
    object.__setattr__(result, "_pagination_next", info)


class SearchMixin(Internals):
    """Search accounts, statuses and hashtags (v2 search, and v1 for old servers)."""

    def _server_has(self, version: str) -> bool:
        return self._server.verify(version, cached=True)

    def _require(self, version: str, what: str) -> None:
        self._server.require(version, what)

    @api_version("1.1.0", "2.8.0")
    def search(self, q: str, resolve: bool = True, result_type: Optional[str] = None,
               account_id: Optional[IdType] = None, offset: Optional[int] = None,
               min_id: Optional[PaginationIdType] = None, max_id: Optional[PaginationIdType] = None,
               exclude_unreviewed: bool = True, limit: Optional[int] = None,
               following: bool = False) -> Union[rt.Search, rt.SearchV2]:
        """Search, with v2 search on servers that have it (2.4.1+), else v1.

        ``q``, ``resolve``, ``result_type``, ``account_id``, ``offset``,
        ``min_id``, ``max_id``, ``exclude_unreviewed``, ``limit`` and
        ``following`` mean what they mean for :meth:`search_v2`. v1 search
        takes only ``q`` and ``resolve``: when other parameters are given, v2
        search is used even on a server known to be older (the version checks
        of ``version_check_mode`` refuse that locally instead).

        Calls ``GET /api/v2/search`` (``GET /api/v1/search`` before 2.4.1).
        """
        v2_only = {"result_type": result_type, "account_id": account_id, "offset": offset,
                   "min_id": min_id, "max_id": max_id, "limit": limit, "following": following or None}
        given = sorted(name for name, value in v2_only.items() if value is not None)
        if given:
            self._require("2.4.1", f"search: {', '.join(given)} (v2 search)")
        if given or self._server_has("2.4.1"):
            return self.search_v2(q, resolve, result_type, account_id, offset, min_id, max_id,
                                  exclude_unreviewed, limit, following=following)
        return self.search_v1(q, resolve)

    @api_version("1.1.0", "2.1.0")
    def search_v1(self, q: str, resolve: bool = False) -> rt.Search:
        """Search with the old v1 API (hashtags come back as plain strings).

        ``q`` is the text to search for. With ``resolve`` the server also
        looks up remote accounts and URLs it does not know yet (WebFinger);
        without it, only what the server already has is searched.

        Calls ``GET /api/v1/search``.
        """
        return self._get("/api/v1/search", {"q": validate.text("q", q, required=True),
                                             "resolve": _resolve_param(resolve)},
                         entity=rt.Search)

    @api_version("2.4.1", "2.8.0")
    def search_v2(self, q: str, resolve: bool = True, result_type: Optional[str] = None,
                  account_id: Optional[IdType] = None, offset: Optional[int] = None,
                  min_id: Optional[PaginationIdType] = None,
                  max_id: Optional[PaginationIdType] = None,
                  exclude_unreviewed: bool = True, limit: Optional[int] = None,
                  following: bool = False) -> rt.SearchV2:
        """Search accounts, statuses and hashtags.

        ``q`` is the text to search for: words, an ``@user@domain`` handle, a
        ``#hashtag`` or the URL of a post or profile. ``resolve`` (on by
        default here, off on the server) lets the server look up remote
        accounts and URLs it does not know yet; it needs a user token.
        ``result_type`` (accounts, hashtags or statuses) searches only one
        kind. ``limit`` is how many results of each kind (the server's default
        is 20, at most 40) and ``offset`` skips that many, to page through one
        ``result_type`` (``fetch_next`` works on the result). ``min_id`` and
        ``max_id`` keep only results with ids above or below those (see
        :doc:`/guide/pagination`). ``account_id`` keeps only statuses by that
        account; ``following`` finds only accounts you follow.
        ``exclude_unreviewed`` leaves out hashtags the moderators have not
        reviewed (sent to Mastodon 3.0.0 and newer only). Parameters other
        than ``q`` and ``resolve`` need Mastodon 2.8.0; only the version
        checks (``version_check_mode``) refuse them locally on older servers.

        Calls ``GET /api/v2/search``.
        """
        params = {
            "q": validate.text("q", q, required=True),
            "resolve": _resolve_param(resolve),
            "type": validate.known(result_type, RESULT_TYPES, "Invalid result_type. Must be one "
                                   "of 'accounts', 'hashtags', or 'statuses'."),
            "account_id": None if account_id is None else unpack_id(account_id, "account_id"),
            "offset": validate.count("offset", offset),
            "min_id": None if min_id is None else pagination_id(min_id, "min_id"),
            "max_id": None if max_id is None else pagination_id(max_id, "max_id"),
            "limit": validate.count("limit", limit),
            "following": True if validate.flag("following", following) else None,
        }
        filters = sorted(key for key, value in params.items()
                         if key not in ("q", "resolve") and value is not None)
        if filters:
            self._require("2.8.0", f"search_v2: {', '.join(filters)}")
        if validate.flag("exclude_unreviewed", exclude_unreviewed) and self._server_has("3.0.0"):
            params["exclude_unreviewed"] = True
        result = self._get(V2_PATH, params, entity=rt.SearchV2)
        _offset_next_page(result, params, result_type)
        return result


Mastodon = SearchMixin  # import path kept for compatibility: mastodon.search.Mastodon
