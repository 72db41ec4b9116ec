"""Conversations: the direct-message threads you take part in."""
from __future__ import annotations

from typing import Optional, Union

from . import return_types as rt
from ._core.params import page_params, path_segment
from .internals import Internals
from .types_base import IdType, PaginatableList, PaginationIdType
from .versions import api_version


class ConversationsMixin(Internals):
    """List conversations (direct-message threads), mark them read, remove them."""

    @api_version("2.6.0", "2.6.0")
    def conversations(self, max_id: Optional[PaginationIdType] = None,
                      min_id: Optional[PaginationIdType] = None,
                      since_id: Optional[PaginationIdType] = None,
                      limit: Optional[int] = None) -> PaginatableList[rt.Conversation]:
        """Your conversations, most recently active first.

        ``max_id``, ``min_id``, ``since_id``: ids (or objects with an id, or datetimes)
        bounding the page; ``limit``: how many at most (the server caps it).

        Calls ``GET /api/v1/conversations/``.
        """
        return self._get("/api/v1/conversations/", page_params(max_id, min_id, since_id, limit),
                         entity=PaginatableList[rt.Conversation])

    @api_version("2.6.0", "2.6.0")
    def conversations_read(self, id: Union[rt.Conversation, IdType]) -> rt.Conversation:
        """Mark a conversation as read; returns it.

        ``id``: the conversation, as an id (str or int) or a Conversation (any dict with an
        ``id``).

        Calls ``POST /api/v1/conversations/:id/read``.
        """
        return self._post(f"/api/v1/conversations/{path_segment(id)}/read",
                          entity=rt.Conversation)

    @api_version("2.6.0", "2.6.0")
    def conversations_delete(self, id: Union[rt.Conversation, IdType]) -> None:
        """Remove a conversation from your list (its statuses stay; a new message brings it back).

        ``id``: the conversation, as an id (str or int) or a Conversation (any dict with an
        ``id``).

        Calls ``DELETE /api/v1/conversations/:id``.
        """
        self._delete(f"/api/v1/conversations/{path_segment(id)}")


Mastodon = ConversationsMixin  # import path kept for compatibility: mastodon.conversations.Mastodon
