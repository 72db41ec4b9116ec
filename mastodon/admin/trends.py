"""Admin: trends (all trending tags, statuses and links, and approving or rejecting them)."""
from __future__ import annotations

from typing import Optional

from .. import return_types as rt
from .._core.params import page_params
from ..types_base import IdType, NonPaginatableList
from ..versions import api_version
from .base import AdminBase


class AdminTrendsMixin(AdminBase):
    """Admin calls about trends."""

    @api_version("3.5.0", "3.5.0")
    def admin_trending_tags(self, limit: Optional[int] = None) -> NonPaginatableList[rt.Tag]:
        """Trending hashtags, including ones not yet approved for display.

        ``limit``: how many hashtags at most; None leaves the number to the
        server.

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

        ``id``: the link, as an id or its entry from :meth:`admin_trending_links`
        (any dict with an ``id``).

        Calls ``POST /api/v1/admin/trends/links/:id/approve``.
        """
        return self._admin("POST", "trends/links", id, "approve", entity=rt.PreviewCard)

    @api_version("4.2.0", "4.2.0")
    def admin_reject_trending_link(self, id: IdType) -> rt.PreviewCard:
        """Keep a link out of the trends; returns its preview card.

        ``id``: the link, as an id or its entry from :meth:`admin_trending_links`
        (any dict with an ``id``).

        Calls ``POST /api/v1/admin/trends/links/:id/reject``.
        """
        return self._admin("POST", "trends/links", id, "reject", entity=rt.PreviewCard)

    @api_version("4.2.0", "4.2.0")
    def admin_approve_trending_status(self, id: IdType) -> rt.Status:
        """Allow a status to be shown as trending; returns it.

        ``id``: the status, as an id (str or int) or a Status.

        Calls ``POST /api/v1/admin/trends/statuses/:id/approve``.
        """
        return self._admin("POST", "trends/statuses", id, "approve", entity=rt.Status)

    @api_version("4.2.0", "4.2.0")
    def admin_reject_trending_status(self, id: IdType) -> rt.Status:
        """Keep a status out of the trends; returns it.

        ``id``: the status, as an id (str or int) or a Status.

        Calls ``POST /api/v1/admin/trends/statuses/:id/reject``.
        """
        return self._admin("POST", "trends/statuses", id, "reject", entity=rt.Status)

    @api_version("4.2.0", "4.2.0")
    def admin_approve_trending_tag(self, id: IdType) -> rt.Tag:
        """Allow a hashtag to be shown as trending; returns it.

        ``id``: the hashtag, as its id or a Tag from :meth:`admin_trending_tags`.

        Calls ``POST /api/v1/admin/trends/tags/:id/approve``.
        """
        return self._admin("POST", "trends/tags", id, "approve", entity=rt.Tag)

    @api_version("4.2.0", "4.2.0")
    def admin_reject_trending_tag(self, id: IdType) -> rt.Tag:
        """Keep a hashtag out of the trends; returns it.

        ``id``: the hashtag, as its id or a Tag from :meth:`admin_trending_tags`.

        Calls ``POST /api/v1/admin/trends/tags/:id/reject``.
        """
        return self._admin("POST", "trends/tags", id, "reject", entity=rt.Tag)
