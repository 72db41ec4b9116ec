"""Follow suggestions: accounts the server thinks you might want to follow."""
from __future__ import annotations

from typing import Union

from . import return_types as rt
from ._core.params import path_segment
from .internals import Internals
from .types_base import IdType, NonPaginatableList
from .versions import api_version


class SuggestionsMixin(Internals):
    """Read and dismiss follow suggestions."""

    def suggestions(self) -> Union[NonPaginatableList[rt.Suggestion], NonPaginatableList[rt.Account]]:
        """Follow suggestions: Suggestion entities (account plus why) on Mastodon
        3.4.0 and newer, bare accounts on older servers.

        Calls ``GET /api/v2/suggestions`` (``GET /api/v1/suggestions`` before 3.4.0).
        """
        if self._server.verify("3.4.0", cached=True):
            return self.suggestions_v2()
        return self.suggestions_v1()

    @api_version("2.4.3", "2.4.3")
    def suggestions_v1(self) -> NonPaginatableList[rt.Account]:
        """Accounts suggested to follow, from the old suggestions endpoint.

        Calls ``GET /api/v1/suggestions``.
        """
        return self._get("/api/v1/suggestions",
                         entity=NonPaginatableList[rt.Account])

    @api_version("3.4.0", "3.4.0")
    def suggestions_v2(self) -> NonPaginatableList[rt.Suggestion]:
        """Suggested accounts, each with the reasons (``sources``) it is suggested.

        Calls ``GET /api/v2/suggestions``.
        """
        return self._get("/api/v2/suggestions",
                         entity=NonPaginatableList[rt.Suggestion])

    @api_version("2.4.3", "2.4.3")
    def suggestion_delete(self, account_id: Union[rt.Account, IdType]) -> None:
        """Stop suggesting an account to you.

        ``account_id`` is the suggested account, as an id or an Account (for a
        Suggestion, pass its ``account``).

        Calls ``DELETE /api/v1/suggestions/:account_id``.
        """
        self._delete(f"/api/v1/suggestions/{path_segment(account_id, 'account_id')}")


Mastodon = SuggestionsMixin  # import path kept for compatibility: mastodon.suggestions.Mastodon
