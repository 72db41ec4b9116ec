"""Async-refresh stage: keep a ``Mastodon-Async-Refresh`` header on the result.

Some answers (Mastodon 4.4+), such as the context of a status whose remote
replies are still being fetched, say the server is completing them in the
background. The header's id, the retry interval and how the result was
requested are stored on the result as ``_async_refresh_info`` for
``await_async_refresh``.
"""
from __future__ import annotations

from typing import Any, Dict, Mapping, Optional

import requests

from ..types_base import _type_name

ASYNC_REFRESH_HEADER = "Mastodon-Async-Refresh"
INFO_ATTR = "_async_refresh_info"
#: Wait used when the server names none, in seconds.
DEFAULT_RETRY_SECONDS = 5


def parse_async_refresh_header(value: str) -> Optional[Dict[str, Any]]:
    """``id="x", retry=5, result_count=2`` as a dict; None when there is no id."""
    fields: Dict[str, Any] = {}
    for part in value.split(","):
        key, sep, raw = part.partition("=")
        if sep:
            fields[key.strip().lower()] = raw.strip().strip('"')
    if not fields.get("id"):
        return None
    info: Dict[str, Any] = {"id": fields["id"], "retry": DEFAULT_RETRY_SECONDS,
                            "result_count": None}
    for key in ("retry", "result_count"):
        if str(fields.get(key, "")).isdigit():
            info[key] = int(fields[key])
    return info


def attach_async_refresh(result: Any, response: requests.Response, method: str, path: str,
                         params: Optional[Mapping[str, Any]]) -> None:
    """Record a refresh header, and how to ask again, on ``result`` (if it has one)."""
    header = response.headers.get(ASYNC_REFRESH_HEADER)
    info = parse_async_refresh_header(header) if isinstance(header, str) and header else None
    if info is None or not hasattr(result, "__dict__"):
        return
    info.update(_method=method, _endpoint=path, _params=dict(params or {}),
                _mastopy_type=_type_name(result))
    object.__setattr__(result, INFO_ATTR, info)
