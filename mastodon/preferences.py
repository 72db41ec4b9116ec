"""Preferences of the logged-in user, and the read-position markers of timelines."""
from __future__ import annotations

from typing import Any, Dict, List, Union

from . import return_types as rt
from ._core import validate
from ._core.params import unpack_id
from .errors import MastodonIllegalArgumentError
from .internals import Internals
from .types_base import IdType
from .versions import api_version

#: Timelines that can carry a read marker.
MARKER_TIMELINES = ("home", "notifications")


def _timelines(value: Any, name: str) -> List[str]:
    """One timeline name or a list of them, checked."""
    return validate.all_of(name, value, MARKER_TIMELINES) or []


class PreferencesMixin(Internals):
    """The user's preferences and timeline read markers."""

    @api_version("2.8.0", "2.8.0")
    def preferences(self) -> rt.Preferences:
        """Your account preferences, such as the default visibility and language of posts.

        Keys keep their colons (``posting:default:visibility``); read them as
        ``prefs["posting:default:visibility"]``.

        Calls ``GET /api/v1/preferences``.
        """
        return self._get("/api/v1/preferences", entity=rt.Preferences)

    @api_version("3.0.0", "3.0.0")
    def markers_get(self, timeline: Union[str, List[str]] = ["home"]) -> Dict[str, rt.Marker]:
        """Where you stopped reading: a dict from timeline name to its Marker.

        ``timeline`` is ``"home"``, ``"notifications"`` or a list of both;
        timelines without a marker are missing from the result.

        Calls ``GET /api/v1/markers``.
        """
        # The default list is never modified; the signature must match upstream.
        params = {"timeline": _timelines(timeline, "timeline")}
        return self._get("/api/v1/markers", params,
                         entity=Dict[str, rt.Marker])

    @api_version("3.0.0", "3.0.0")
    def markers_set(self, timelines: Union[str, List[str]],
                    last_read_ids: Union[IdType, Any, List[Any]]) -> Dict[str, rt.Marker]:
        """Save where you stopped reading; returns the new markers by timeline name.

        ``timelines`` and ``last_read_ids`` are one value each or lists of the
        same length: the last read status (home) or notification id for each
        timeline.

        Calls ``POST /api/v1/markers``.
        """
        names = _timelines(timelines, "timelines")
        ids = last_read_ids if isinstance(last_read_ids, (list, tuple)) else [last_read_ids]
        if len(ids) != len(names):
            raise MastodonIllegalArgumentError(
                f"markers_set: {len(names)} timelines but {len(ids)} last_read_ids; "
                "give one id for each timeline")
        body = {name: {"last_read_id": unpack_id(value, "last_read_ids")}
                for name, value in zip(names, ids)}
        return self._post("/api/v1/markers", body, json_body=True,
                          entity=Dict[str, rt.Marker])


Mastodon = PreferencesMixin  # import path kept for compatibility: mastodon.preferences.Mastodon
