"""Relationships: the accounts you block or mute, follow requests to you, and
blocked domains."""
from __future__ import annotations

from typing import Any, Optional, Union

from . import return_types as rt
from ._core import validate
from ._core.params import page_params, path_segment
from .internals import Internals
from .types_base import IdType, PaginatableList, PaginationIdType
from .versions import api_version


class RelationshipsMixin(Internals):
    """Blocks, mutes, follow requests and domain blocks."""

    def _account_page(self, path: str, max_id: Any, min_id: Any, since_id: Any,
                      limit: Any) -> PaginatableList[rt.Account]:
        return self._get(
            path, page_params(max_id, min_id, since_id, limit), entity=PaginatableList[rt.Account])

    def _follow_request(self, id: Union[rt.Account, IdType], verdict: str) -> rt.Relationship:
        """Authorize or reject the follow request of an account."""
        return self._post(
            f"/api/v1/follow_requests/{path_segment(id)}/{verdict}", entity=rt.Relationship)

    def _domain_block_call(self, method: str, domain: str) -> None:
        validate.text("domain", domain, required=True)
        self._request(method, "/api/v1/domain_blocks", {"domain": domain})

    # ------------------------------------------------------------------ blocks and mutes

    @api_version("1.0.0", "2.6.0")
    def blocks(self, max_id: Optional[PaginationIdType] = None,
               min_id: Optional[PaginationIdType] = None,
               since_id: Optional[PaginationIdType] = None, limit: Optional[int] = None
               ) -> PaginatableList[rt.Account]:
        """The accounts you block, one page at a time.

        ``max_id``, ``min_id``, ``since_id``: ids (or objects with an id, or datetimes)
        bounding the page; ``limit``: how many at most (the server caps it).

        Calls ``GET /api/v1/blocks``.
        """
        return self._account_page("/api/v1/blocks", max_id, min_id, since_id, limit)

    @api_version("1.1.0", "2.6.0")
    def mutes(self, max_id: Optional[PaginationIdType] = None,
              min_id: Optional[PaginationIdType] = None,
              since_id: Optional[PaginationIdType] = None, limit: Optional[int] = None
              ) -> PaginatableList[rt.Account]:
        """The accounts you mute, one page at a time.

        ``max_id``, ``min_id``, ``since_id``: ids (or objects with an id, or datetimes)
        bounding the page; ``limit``: how many at most (the server caps it).

        Calls ``GET /api/v1/mutes``.
        """
        return self._account_page("/api/v1/mutes", max_id, min_id, since_id, limit)

    # ------------------------------------------------------------------ follow requests

    @api_version("1.0.0", "2.6.0")
    def follow_requests(self, max_id: Optional[PaginationIdType] = None,
                        min_id: Optional[PaginationIdType] = None,
                        since_id: Optional[PaginationIdType] = None, limit: Optional[int] = None
                        ) -> PaginatableList[rt.Account]:
        """The accounts waiting for you to accept their follow request (locked accounts).

        ``max_id``, ``min_id``, ``since_id``: ids (or objects with an id, or datetimes)
        bounding the page; ``limit``: how many at most (the server caps it).

        Calls ``GET /api/v1/follow_requests``.
        """
        return self._account_page("/api/v1/follow_requests", max_id, min_id, since_id, limit)

    @api_version("1.0.0", "3.0.0")
    def follow_request_authorize(self, id: Union[rt.Account, IdType]) -> rt.Relationship:
        """Accept an account's follow request; returns your relationship to it.

        ``id``: the account that asked, as an id (str or int) or an Account (any dict with
        an ``id``).

        Calls ``POST /api/v1/follow_requests/:id/authorize``.
        """
        return self._follow_request(id, "authorize")

    @api_version("1.0.0", "3.0.0")
    def follow_request_reject(self, id: Union[rt.Account, IdType]) -> rt.Relationship:
        """Turn down an account's follow request; returns your relationship to it.

        ``id``: the account that asked, as an id (str or int) or an Account (any dict with
        an ``id``).

        Calls ``POST /api/v1/follow_requests/:id/reject``.
        """
        return self._follow_request(id, "reject")

    # ------------------------------------------------------------------ domain blocks

    @api_version("1.4.0", "2.6.0")
    def domain_blocks(self, max_id: Optional[PaginationIdType] = None,
                      min_id: Optional[PaginationIdType] = None,
                      since_id: Optional[PaginationIdType] = None, limit: Optional[int] = None
                      ) -> PaginatableList[str]:
        """The domains you block, as plain domain names, one page at a time.

        ``max_id``, ``min_id``, ``since_id``: bounds taken from the pagination info of a
        previous page (the domains themselves have no ids); ``limit``: how many at most (the
        server caps it).

        Calls ``GET /api/v1/domain_blocks``.
        """
        return self._get(
            "/api/v1/domain_blocks", page_params(max_id, min_id, since_id, limit),
            entity=PaginatableList[str])

    @api_version("1.4.0", "1.4.0")
    def domain_block(self, domain: str) -> None:
        """Block a whole domain: hide its posts and notifications, remove your followers there.

        ``domain``: the bare domain name, such as ``example.com``.

        Calls ``POST /api/v1/domain_blocks``.
        """
        self._domain_block_call("POST", domain)

    @api_version("1.4.0", "1.4.0")
    def domain_unblock(self, domain: str) -> None:
        """Lift a domain block.

        ``domain``: the bare domain name, such as ``example.com``.

        Calls ``DELETE /api/v1/domain_blocks``.
        """
        self._domain_block_call("DELETE", domain)


Mastodon = RelationshipsMixin  # import path kept for compatibility: mastodon.relationships.Mastodon
