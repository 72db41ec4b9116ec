"""Trends: hashtags, statuses and links that are popular on the instance."""
from __future__ import annotations

from typing import Any, Optional

from . import return_types as rt
from ._core import validate
from .internals import Internals
from .types_base import NonPaginatableList, PaginatableList
from .versions import api_version


class TrendsMixin(Internals):
    """Trending hashtags, statuses and links."""

    def _trending(self, path: Any, entity: Any, limit: Optional[int], offset: Optional[int],
                  lang: Optional[str]) -> PaginatableList[Any]:
        """Read a trends list; ``path`` may be a function choosing it once arguments are checked."""
        params = {"limit": validate.count("limit", limit), "offset": validate.count("offset", offset),
                  "lang": validate.text("lang", lang)}
        return self._get(path() if callable(path) else path, params,
                         entity=PaginatableList[entity])

    @api_version("3.5.0", "3.5.0")
    def trending_tags(self, limit: Optional[int] = None, offset: Optional[int] = None,
                      lang: Optional[str] = None) -> PaginatableList[rt.Tag]:
        """Hashtags in use more than usual right now, with their use history.

        ``limit`` is how many at most (the server's default is 10 unless its
        admins changed it, and it allows twice the default) and ``offset``
        skips that many, to page through them (``fetch_next`` follows the
        server's links). ``lang`` (an ISO 639 code) is sent as the request's
        language; Mastodon picks trending statuses and links by language, but
        not hashtags.

        Calls ``GET /api/v1/trends/tags`` (``GET /api/v1/trends`` before 3.5.0).
        """
        def path() -> str:
            newer = self._server.verify("3.5.0", cached=True)
            return "/api/v1/trends/tags" if newer else "/api/v1/trends"
        return self._trending(path, rt.Tag, limit, offset, lang)

    @api_version("3.5.0", "3.5.0")
    def trending_statuses(self, limit: Optional[int] = None, offset: Optional[int] = None,
                          lang: Optional[str] = None) -> PaginatableList[rt.Status]:
        """Statuses getting more interaction than usual right now.

        ``limit`` is how many at most (the server's default is 20, at most 40)
        and ``offset`` skips that many, to page through them (``fetch_next``
        follows the server's links). ``lang`` (an ISO 639 code) asks for the
        trends in that language instead of the one the server picks for this
        client.

        Calls ``GET /api/v1/trends/statuses``.
        """
        return self._trending("/api/v1/trends/statuses", rt.Status,
                              limit, offset, lang)

    @api_version("3.5.0", "3.5.0")
    def trending_links(self, limit: Optional[int] = None, offset: Optional[int] = None,
                       lang: Optional[str] = None) -> PaginatableList[rt.PreviewCard]:
        """Links shared more than usual right now, as preview cards.

        ``limit`` is how many at most (the server's default is 10, at most 20)
        and ``offset`` skips that many, to page through them (``fetch_next``
        follows the server's links). ``lang`` (an ISO 639 code) asks for the
        links shared in that language instead of the one the server picks for
        this client.

        Calls ``GET /api/v1/trends/links``.
        """
        return self._trending("/api/v1/trends/links", rt.PreviewCard,
                              limit, offset, lang)

    @api_version("2.4.3", "3.5.0")
    def trends(self, limit: Optional[int] = None) -> NonPaginatableList[rt.Tag]:
        """Trending hashtags; the old name of :meth:`trending_tags`.

        ``limit`` is how many at most, as for :meth:`trending_tags`.

        Calls ``GET /api/v1/trends/tags`` (``GET /api/v1/trends`` before 3.5.0).
        """
        return self.trending_tags(limit=limit)  # type: ignore[return-value]


Mastodon = TrendsMixin  # import path kept for compatibility: mastodon.trends.Mastodon
