"""Favourites and bookmarks: the statuses you favourited or bookmarked."""
from __future__ import annotations

from typing import Any, Optional

from . import return_types as rt
from ._core.params import page_params
from .internals import Internals
from .types_base import IdType, PaginatableList, PaginationIdType
from .versions import api_version


class FavouritesMixin(Internals):
    """The statuses you favourited or bookmarked."""

    def _own_statuses(self, path: str, max_id: Any, min_id: Any, since_id: Any,
                      limit: Any) -> PaginatableList[rt.Status]:
        return self._get(path, page_params(max_id, min_id, since_id, limit),
                         entity=PaginatableList[rt.Status])

    @api_version("1.0.0", "2.6.0")
    def favourites(self, max_id: Optional[PaginationIdType] = None,
                   min_id: Optional[PaginationIdType] = None,
                   since_id: Optional[PaginationIdType] = None,
                   limit: Optional[int] = None) -> PaginatableList[rt.Status]:
        """The statuses you favourited, most recently favourited first.

        Page with ``fetch_next``/``fetch_previous``: the page bounds in the
        pagination info are favourite ids, not status ids.

        ``max_id``, ``min_id``, ``since_id``: bounds taken from the pagination info of a
        page; ``limit``: how many at most (the server caps it).

        Calls ``GET /api/v1/favourites``.
        """
        return self._own_statuses("/api/v1/favourites", max_id, min_id, since_id, limit)

    @api_version("3.1.0", "3.1.0")
    def bookmarks(self, max_id: Optional[PaginationIdType] = None,
                  min_id: Optional[PaginationIdType] = None,
                  since_id: Optional[PaginationIdType] = None,
                  limit: Optional[int] = None) -> PaginatableList[rt.Status]:
        """The statuses you bookmarked, most recently bookmarked first (paged like favourites).

        ``max_id``, ``min_id``, ``since_id``: bounds taken from the pagination info of a
        page; ``limit``: how many at most (the server caps it).

        Calls ``GET /api/v1/bookmarks``.
        """
        return self._own_statuses("/api/v1/bookmarks", max_id, min_id, since_id, limit)


Mastodon = FavouritesMixin  # import path kept for compatibility: mastodon.favourites.Mastodon
