"""Paginate stage: ``Link`` headers to PaginationInfo, and back into requests.

A PaginationInfo holds the request that fetches the next (or previous) page:
the parameters the original request sent, with the cursor (``max_id``,
``min_id``, ``since_id``) and anything else the server's link names taken from
the link, and without the bounds that would contradict its direction. Cursor
ids and ``limit`` are ints when they are decimal numbers, as in Mastodon.py.
"""
from __future__ import annotations

from typing import Any, Dict, Optional, Sequence, Tuple
from urllib.parse import parse_qsl, urlsplit

import requests

from ..errors import MastodonIllegalArgumentError
from ..types_base import Entity, PaginationInfo, _EntityList, _type_name
from .params import PAGINATION_ID_KEYS

_DIRECTIONS = {"next": "_pagination_next", "previous": "_pagination_prev",
               "prev": "_pagination_prev"}
_NUMERIC_KEYS = PAGINATION_ID_KEYS | {"limit"}
_CONTRADICTING = {"next": {"min_id", "since_id"}, "prev": {"max_id"}}
Pairs = Sequence[Tuple[str, Any]]


def _stored(key: str, value: Any) -> Any:
    """A query value as the info keeps it: cursor ids and ``limit`` as ints when numeric."""
    text = str(value)
    if key in _NUMERIC_KEYS and text.isascii() and text.isdigit():
        return int(text)
    return value


def link_info(link_url: str, method: str, entity_name: str, sent: Pairs = (),
              rel: str = "next") -> PaginationInfo:
    """PaginationInfo for the ``Link`` target ``rel``, repeating the parameters ``sent`` before.

    The link's endpoint path and query parameters win; of the parameters sent
    with the original request, every one the link does not name is kept, except
    the bounds that contradict the direction (``min_id`` and ``since_id`` going
    to older items, ``max_id`` going to newer ones), as in Mastodon.py.
    """
    parts = urlsplit(link_url)
    linked = parse_qsl(parts.query, keep_blank_values=True)
    dropped = {key for key, _ in linked} | _CONTRADICTING[rel]
    kept = [(key, value) for key, value in sent if key not in dropped]
    info = PaginationInfo()
    info["_pagination_method"] = method
    info["_pagination_endpoint"] = parts.path
    info["_mastopy_type"] = entity_name
    for key, value in kept + linked:
        if key.endswith("[]"):
            info.setdefault(key, []).append(value)
        else:
            info[key] = _stored(key, value)
    return info


def attach_pagination(result: Any, response: requests.Response, method: str,
                      sent: Optional[Pairs] = None) -> None:
    """Store next/previous page info on a result, and on a list's last/first item.

    ``sent`` are the query parameters of the request that got ``response``.
    """
    if not isinstance(result, (_EntityList, dict)):
        return
    headers = response.headers  # read like requests' Response.links, also on stand-ins
    header = headers["Link"] if "Link" in headers else None
    if not isinstance(header, str) or not header:
        return
    links = {link.get("rel") or link.get("url"): link
             for link in requests.utils.parse_header_links(header)}
    entity_name = _type_name(result)
    for rel, attr in (("next", "_pagination_next"), ("prev", "_pagination_prev")):
        link = links.get(rel)
        if link is None or "url" not in link:
            continue
        info = link_info(link["url"], method, entity_name, sent or (), rel)
        object.__setattr__(result, attr, info)
        if isinstance(result, list) and result:
            item = result[-1] if rel == "next" else result[0]
            if hasattr(item, "__dict__"):
                object.__setattr__(item, attr, info)


def as_info(value: Any) -> Optional[PaginationInfo]:
    """``value`` as a PaginationInfo if it is one (or a dict made from one), else None."""
    if isinstance(value, PaginationInfo):
        return value
    if isinstance(value, dict) and not isinstance(value, Entity) and \
            "_pagination_endpoint" in value:
        return PaginationInfo(value)
    return None


def is_page(value: Any) -> bool:
    """Whether ``value`` is something paginated methods return (or a stand-in for one).

    The results of this library are (pages, lists, entities), and so is any
    object carrying a ``_pagination_next`` or ``_pagination_prev`` attribute.
    Plain lists (a slice of a page is one), plain dicts and strings are not.
    """
    if isinstance(value, Entity):
        return True
    state = getattr(value, "__dict__", None)
    return isinstance(state, dict) and any(attr in state for attr in _DIRECTIONS.values())


def check_page(value: Any, name: str) -> None:
    """Refuse anything that is neither a page nor a PaginationInfo, naming the parameter."""
    if as_info(value) is None and not is_page(value):
        raise MastodonIllegalArgumentError(
            f"{name} must be a page returned by a paginated method or its pagination info, "
            f"got {type(value).__name__}")


def page_info(page: Any, direction: str) -> Optional[PaginationInfo]:
    """The PaginationInfo leading from ``page`` in ``direction`` ('next' or 'previous').

    ``page`` may be a page, a single paginated item or a PaginationInfo
    (returned as it is); for anything else (None, a plain list, a string)
    there is no info.
    """
    attr = _DIRECTIONS.get(direction) if isinstance(direction, str) else None
    if attr is None:
        raise MastodonIllegalArgumentError(
            f"pagination_direction must be 'next' or 'previous', got {direction!r}")
    info = as_info(page)
    if info is None and is_page(page):
        info = as_info(getattr(page, "__dict__", {}).get(attr))
    return info


def request_of(info: PaginationInfo) -> Tuple[str, str, Dict[str, Any], str]:
    """Split PaginationInfo into (method, endpoint path, query parameters, type name)."""
    try:
        method = info["_pagination_method"]
        endpoint = info["_pagination_endpoint"]
    except KeyError as exc:
        raise MastodonIllegalArgumentError(f"pagination info lacks {exc.args[0]}") from None
    params = {key: value for key, value in info.items() if not key.startswith("_")}
    return method, endpoint, params, info.get("_mastopy_type", "")

