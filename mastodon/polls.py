"""Polls: fetch, vote, and build the poll of a new status."""
from __future__ import annotations

from datetime import timedelta
from typing import Any, List, Union

from . import return_types as rt
from ._core import validate
from ._core.params import path_segment
from .internals import Internals
from .types_base import AttribAccessDict, IdType
from .versions import api_version


def _choices(choices: Any) -> List[int]:
    items = [choices] if isinstance(choices, int) else validate.list_of("choices", choices)
    for item in items:
        validate.count("choices", item)
    return items


class PollsMixin(Internals):
    """Fetch polls, vote in them, and build polls for ``status_post``."""

    @api_version("2.8.0", "2.8.0")
    def poll(self, id: Union[rt.Poll, IdType]) -> rt.Poll:
        """Fetch a poll with its current results.

        ``id``: the poll, as an id (str or int) or a Poll, such as ``status.poll`` (any dict
        with an ``id``).

        Calls ``GET /api/v1/polls/:id``.
        """
        return self._get(f"/api/v1/polls/{path_segment(id)}", entity=rt.Poll)

    @api_version("2.8.0", "2.8.0")
    def poll_vote(self, id: Union[rt.Poll, IdType], choices: Union[int, List[int]]) -> rt.Poll:
        """Vote in a poll; ``choices`` are option indexes (from 0). Returns the updated poll.

        Several choices are only allowed in ``multiple`` polls.

        ``id``: the poll, as an id (str or int) or a Poll, such as ``status.poll`` (any dict
        with an ``id``).

        Calls ``POST /api/v1/polls/:id/votes``.
        """
        return self._post(f"/api/v1/polls/{path_segment(id)}/votes",
                          {"choices": _choices(choices)}, entity=rt.Poll)

    @api_version("2.8.0", "2.8.0")
    def make_poll(self, options: List[str], expires_in: Union[int, timedelta],
                  multiple: bool = False, hide_totals: bool = False) -> rt.Poll:
        """Build the ``poll`` argument of ``status_post`` (no request).

        ``options`` are the answers' texts; ``expires_in`` is the poll's
        duration in seconds (or a timedelta). ``multiple`` allows several
        choices; ``hide_totals`` hides the counts until the poll ends.
        """
        texts = validate.list_of("options", options)
        for text in texts:
            validate.text("options", text, required=True)
        expires_in = validate.duration("expires_in", expires_in)  # type: ignore[assignment]
        return AttribAccessDict(options=texts, expires_in=expires_in,  # type: ignore[return-value]
                                multiple=bool(validate.flag("multiple", multiple)),
                                hide_totals=bool(validate.flag("hide_totals", hide_totals)))


Mastodon = PollsMixin  # import path kept for compatibility: mastodon.polls.Mastodon
