"""Async refreshes (Mastodon 4.4+): results the server is still completing in the background.

Some answers, such as the context of a status whose remote replies are being
fetched, carry a ``Mastodon-Async-Refresh: id="...", retry=5, result_count=2``
header. We keep it (and how the result was requested) in the result's
``_async_refresh_info`` attribute, so that :meth:`await_async_refresh` can
wait for the job and fetch the result again.
"""
from __future__ import annotations

import time
from typing import Any, Mapping, Optional, Tuple, TypeVar, cast

from . import return_types as rt
from ._core.asyncrefresh import DEFAULT_RETRY_SECONDS, INFO_ATTR
from ._core.params import path_segment, unpack_id
from .errors import MastodonIllegalArgumentError
from .internals import Internals
from .types_base import _str_to_type, decode
from .versions import api_version

#: Upper bound on status checks of one ``await_async_refresh`` call, whatever its limits.
MAX_REFRESH_POLLS = 1000

_R = TypeVar("_R")  # the type of a result being refreshed


def _refresh_id(result_or_id: Any) -> str:
    info = getattr(result_or_id, "__dict__", {}).get(INFO_ATTR)
    if info is not None:
        return str(info["id"])
    if isinstance(result_or_id, Mapping):
        if "id" in result_or_id and "status" in result_or_id:  # an AsyncRefresh
            return str(result_or_id["id"])
        raise MastodonIllegalArgumentError("result_or_id: this result has no async refresh")
    return unpack_id(result_or_id, "result_or_id")


class AsyncRefreshMixin(Internals):
    """Inspect and wait for server-side refreshes of a result."""

    def get_async_refresh_info(self, result: Any) -> Optional[Tuple[rt.AsyncRefresh, int]]:
        """The refresh still running for ``result`` and the seconds to wait between checks.

        Returns None when the server completed ``result`` right away. Makes no request.
        """
        info = getattr(result, "__dict__", {}).get(INFO_ATTR)
        if info is None:
            return None
        refresh = decode({"id": info["id"], "status": "running",
                          "result_count": info.get("result_count")}, rt.AsyncRefresh)
        return refresh, int(info.get("retry") or DEFAULT_RETRY_SECONDS)

    @api_version("4.4.0", "4.4.0")
    def get_async_refresh_status(self, result_or_id: Any) -> rt.AsyncRefresh:
        """Ask whether a refresh has finished (``status`` is running or finished).

        ``result_or_id`` is a result carrying refresh information, an
        AsyncRefresh or a refresh id.

        Calls ``GET /api/v1_alpha/async_refreshes/:id``.
        """
        answer = self._get(f"/api/v1_alpha/async_refreshes/{path_segment(_refresh_id(result_or_id))}")
        body = answer.get("async_refresh", answer) if isinstance(answer, Mapping) else answer
        return cast(rt.AsyncRefresh, decode(dict(body), rt.AsyncRefresh))

    @api_version("4.4.0", "4.4.0")
    def await_async_refresh(self, result: _R, timeout: float = 0.0,
                            max_attempts: int = -1) -> Optional[_R]:
        """Wait until the refresh of ``result`` has finished, then fetch the result again.

        Checks the refresh every few seconds (as long as the server asks), at
        most ``max_attempts`` times and for at most ``timeout`` seconds (0 and
        -1: no limit of that kind; never more than 1000 checks). Returns the new
        result, or None when ``result`` has no refresh running or the limits
        ran out first.

        Calls ``GET /api/v1_alpha/async_refreshes/:id``, then repeats the
        request that produced ``result``.
        """
        found = self.get_async_refresh_info(result)
        if found is None:
            return None
        refresh, retry = found
        deadline = time.monotonic() + timeout if timeout > 0 else None
        attempts = min(max_attempts, MAX_REFRESH_POLLS) if max_attempts >= 0 else MAX_REFRESH_POLLS
        for attempt in range(attempts):
            if self.get_async_refresh_status(refresh["id"]).get("status") == "finished":
                return self._repeat_request(result)
            if attempt + 1 >= attempts or (deadline is not None
                                           and time.monotonic() + retry > deadline):
                break
            time.sleep(retry)
        return None

    def _repeat_request(self, result: _R) -> _R:
        info = object.__getattribute__(result, "__dict__")[INFO_ATTR]
        entity = _str_to_type(info["_mastopy_type"]) if info.get("_mastopy_type") else None
        return cast(_R, self._request(info["_method"], info["_endpoint"],  # decoded as before
                                      info.get("_params") or None, entity=entity))


Mastodon = AsyncRefreshMixin  # import path kept for compatibility: mastodon.async_refresh.Mastodon
