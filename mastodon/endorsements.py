"""Endorsements: the accounts you feature on your profile."""
from __future__ import annotations

from . import return_types as rt
from .internals import Internals
from .types_base import NonPaginatableList
from .versions import api_version


class EndorsementsMixin(Internals):
    """Read the accounts you endorse (see :meth:`account_endorse`)."""

    @api_version("2.5.0", "2.5.0")
    def endorsements(self) -> NonPaginatableList[rt.Account]:
        """The accounts you feature on your profile.

        Calls ``GET /api/v1/endorsements``.
        """
        return self._get(
            "/api/v1/endorsements", entity=NonPaginatableList[rt.Account])


Mastodon = EndorsementsMixin  # import path kept for compatibility: mastodon.endorsements.Mastodon
