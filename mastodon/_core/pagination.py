"""Paginate stage: ``Link`` headers to PaginationInfo, and back into requests."""
from __future__ import annotations

from typing import Any, Dict, List, Optional, Tuple
from urllib.parse import parse_qsl, urlsplit

import requests

from ..errors import MastodonIllegalArgumentError
from ..types_base import PaginationInfo, _EntityList, _type_name

_DIRECTIONS = {"next": "_pagination_next", "previous": "_pagination_prev",
               "prev": "_pagination_prev"}


def link_info(link_url: str, method: str, entity_name: str) -> PaginationInfo:
    """PaginationInfo for one ``Link`` target: its endpoint path and query parameters."""
    parts = urlsplit(link_url)
    info = PaginationInfo()
    info["_pagination_method"] = method
    info["_pagination_endpoint"] = parts.path
    info["_mastopy_type"] = entity_name
    for key, value in parse_qsl(parts.query, keep_blank_values=True):
        if key.endswith("[]"):
            info.setdefault(key, []).append(value)
        else:
            info[key] = value
    return info


def attach_pagination(result: Any, response: requests.Response, method: str) -> None:
    """Store next/previous page info on a result, and on a list's last/first item."""
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
        info = link_info(link["url"], method, entity_name)
        object.__setattr__(result, attr, info)
        if isinstance(result, list) and result:
            item = result[-1] if rel == "next" else result[0]
            if hasattr(item, "__dict__"):
                object.__setattr__(item, attr, info)


def page_info(page: Any, direction: str) -> Optional[PaginationInfo]:
    """The PaginationInfo leading from ``page`` in ``direction`` ('next' or 'previous').

    ``page`` may be a page (list), a single paginated item, or a PaginationInfo.
    """
    attr = _DIRECTIONS.get(direction) if isinstance(direction, str) else None
    if attr is None:
        raise MastodonIllegalArgumentError(
            f"pagination_direction must be 'next' or 'previous', got {direction!r}")
    if isinstance(page, PaginationInfo) or (isinstance(page, dict) and
                                            "_pagination_endpoint" in page):
        return page if isinstance(page, PaginationInfo) else PaginationInfo(page)
    info = getattr(page, "__dict__", {}).get(attr) if page is not None else None
    if info is None and isinstance(page, list) and page:
        item = page[-1] if attr == "_pagination_next" else page[0]
        info = getattr(item, "__dict__", {}).get(attr)
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


def page_items(pages: List[Any]) -> List[Any]:
    """Concatenate pages into one list."""
    return [item for page in pages for item in page]
