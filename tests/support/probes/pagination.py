"""The pagination helpers against a scripted server: what is requested next, what comes back.

The server is a ``requests`` transport adapter, so both libraries send real
prepared requests through their own code. It serves ten statuses (ids 10 down
to 1) on the home timeline, as notifications (grouped too) and as followers,
``limit`` at a time (default 3), and answers with a ``Link`` header whose shape is chosen per
call: ``"bare"`` (only the cursor, as some servers do), ``"full"`` (the cursor
plus the request's other query parameters, as Mastodon does), ``"none"`` (no
header at all) or ``"next_only"`` (a ``next`` link, never a ``prev`` one); a
``"/prefixed"`` suffix makes the link's ids non-numeric (``x8`` for 8), and a
``"/standin"`` suffix gives the client a session stand-in that only has
``request()`` instead of a ``requests.Session``.
"""
import json
from urllib.parse import parse_qsl, urlencode, urlsplit

import requests
from requests.adapters import BaseAdapter

import mastodon
from mastodon import Mastodon
from mastodon.types_base import NonPaginatableList, PaginatableList

BASE = "https://pages.example"
ITEMS = 10
MAX_ITEMS = 40  # items an iterator probe takes at most
CURSORS = ("max_id", "min_id", "since_id")


class _Server(BaseAdapter):
    """Answers paginated GETs from a fixed list of ids and records every request."""

    def __init__(self, links):
        super().__init__()
        self.links, *flags = links.split("/")
        self.prefix = "x" if "prefixed" in flags else ""
        self.requests = []

    def send(self, request, **kwargs):
        parts = urlsplit(request.url)
        query = parse_qsl(parts.query, keep_blank_values=True)
        self.requests.append({"method": request.method, "path": parts.path,
                              "query": sorted([key, value] for key, value in query)})
        ids = self._page(dict(query))
        body = [self._entity(parts.path, number) for number in ids]
        if parts.path == "/api/v2/notifications":
            body = {"accounts": [], "statuses": [], "notification_groups": body}
        response = requests.Response()
        response.status_code = 200
        response.url = request.url
        response.request = request
        response.encoding = "utf-8"
        response.headers["Content-Type"] = "application/json; charset=utf-8"
        link = self._link(parts.path, query, ids)
        if link:
            response.headers["Link"] = link
        response._content = json.dumps(body).encode("utf-8")
        return response

    def close(self):
        pass

    @staticmethod
    def _page(query):
        limit = int(query.get("limit", 3))
        ids = list(range(ITEMS, 0, -1))
        if "max_id" in query:
            ids = [n for n in ids if n < int(query["max_id"].lstrip("x"))]
        for key in ("since_id", "min_id"):
            if key in query:
                ids = [n for n in ids if n > int(query[key].lstrip("x"))]
        if "min_id" in query:
            return ids[-limit:]
        return ids[:limit]

    @staticmethod
    def _entity(path, number):
        status = {"id": str(number), "content": "<p>post %d</p>" % number,
                  "created_at": "2024-01-01T00:00:%02dZ" % number}
        if path == "/api/v2/notifications":
            return {"group_key": "ungrouped-%d" % number, "notifications_count": 1,
                    "type": "mention", "most_recent_notification_id": str(number),
                    "sample_account_ids": []}
        if path.endswith("/notifications"):
            return {"id": str(number), "type": "mention", "status": status,
                    "created_at": status["created_at"]}
        if path.endswith("/followers"):
            return {"id": str(number), "username": "user%d" % number, "acct": "user%d" % number}
        return status

    def _link(self, path, query, ids):
        if self.links == "none" or not ids:
            return ""
        kept = [(key, value) for key, value in query if key not in CURSORS]
        if self.links == "bare":
            kept = []
        targets = [("next", "max_id", ids[-1])]
        if self.links != "next_only":
            targets.append(("prev", "min_id", ids[0]))
        return ", ".join('<%s%s?%s>; rel="%s"' % (BASE, path, urlencode(kept + [(key, self.prefix + str(value))]), rel)
                         for rel, key, value in targets)


class _StandInSession:
    """Not a ``requests.Session``: only the ``request()`` method clients call."""

    def __init__(self, server):
        self.server = server

    def request(self, method, url, params=None, data=None, headers=None, **kwargs):
        prepared = requests.Request(method, url, params=params, data=data,
                                    headers=headers).prepare()
        return self.server.send(prepared)

    def close(self):
        pass


def _api(links):
    server = _Server(links)
    if "standin" in links.split("/"):
        session = _StandInSession(server)
    else:
        session = requests.Session()
        session.mount("https://", server)
    api = Mastodon(api_base_url=BASE, access_token="token", session=session,
                   mastodon_version="4.3.0", version_check_mode="none")
    return api, server, session


def _info(value):
    """A PaginationInfo as sorted [key, type name, value] triples, or None."""
    if value is None:
        return None
    if not isinstance(value, dict):
        return {"not_a_dict": type(value).__name__}
    return sorted([str(key), type(item).__name__, item if isinstance(item, (str, int, list)) else
                   repr(item)] for key, item in value.items())


def _attribute(obj, name):
    """The pagination info attribute ``name`` of ``obj`` (None when it has none)."""
    return _info(getattr(obj, name, None))


def _item(value):
    if isinstance(value, dict):
        return {"id": value.get("id"), "next": _attribute(value, "_pagination_next"),
                "prev": _attribute(value, "_pagination_prev"),
                "keys_with_pagination": sorted(k for k in value if str(k).startswith("_pagination"))}
    return {"value": value if isinstance(value, (str, int, type(None))) else type(value).__name__}


def _page(value):
    """A result described as JSON: a page's ids and pagination info, or the value's kind."""
    if isinstance(value, list):
        ids = [item.get("id") if isinstance(item, dict) else repr(item) for item in value]
    elif isinstance(value, dict) and "notification_groups" in value:
        ids = [group["group_key"] for group in value["notification_groups"]]
    else:
        return {"kind": type(value).__name__,
                "value": value if isinstance(value, (str, int)) else None}
    return {"ids": ids, "next": _attribute(value, "_pagination_next"),
            "prev": _attribute(value, "_pagination_prev")}


def _raised(exc):
    return {"raised": type(exc).__name__,
            "illegal_argument": isinstance(exc, mastodon.MastodonIllegalArgumentError)}


def _first_page(api, method, kwargs):
    if method == "account_followers":
        return api.account_followers(1, **kwargs)
    return getattr(api, method)(**kwargs)


class _StandIn(list):
    """A list that is no library type but carries a page's pagination attributes."""

    def __init__(self, page):
        super().__init__(page)
        self._pagination_next = page._pagination_next
        self._pagination_prev = page._pagination_prev


def _target(api, page, what):
    """The argument given to a helper, picked from the first page."""
    choices = {
        "page": lambda: page,
        "none": lambda: None,
        "empty_list": lambda: [],
        "slice": lambda: page[:2],
        "plain_list": lambda: list(page),
        "dict": lambda: {"max_id": "5"},
        "string": lambda: "https://pages.example/api/v1/timelines/home?max_id=5",
        "last_item": lambda: page[-1],
        "first_item": lambda: page[0],
        "middle_item": lambda: page[1],
        "info_next": lambda: page._pagination_next,
        "info_prev": lambda: page._pagination_prev,
        "newest_previous": lambda: api.fetch_previous(page),
        "bare_page": lambda: PaginatableList(list(page)),
        "stand_in": lambda: _StandIn(page),
        "non_paginatable": lambda: NonPaginatableList(list(page)),
        "info_as_dict": lambda: dict(page._pagination_next),
    }
    return choices[what]()


def first_page(method, kwargs, links):
    """Pagination info on a first page and its items, and the request that fetched it."""
    api, server, session = _api(links)
    try:
        page = _first_page(api, method, kwargs)
        items = page if isinstance(page, list) else []
        return {"page": _page(page), "items": [_item(item) for item in items],
                "requests": server.requests}
    finally:
        session.close()


def follow(method, kwargs, links, helper, what, *helper_args):
    """Fetch a first page, then call ``helper`` on ``what``; report requests and results."""
    api, server, session = _api(links)
    try:
        page = _first_page(api, method, kwargs)
        server.requests.clear()
        target = _target(api, page, what)
        try:
            result = getattr(api, helper)(target, *helper_args)
            if helper in ("pagination_iterator", "pagination_page_iterator"):
                taken = []
                for index, element in enumerate(result):
                    if index >= MAX_ITEMS:
                        break
                    taken.append(element)
                described = ([_page(element) for element in taken]
                             if helper == "pagination_page_iterator" else
                             [_item(element) for element in taken])
            else:
                described = _page(result)
        except Exception as exc:  # the exception is the answer
            described = _raised(exc)
        return {"result": described, "requests": server.requests}
    finally:
        session.close()


def chain(method, kwargs, links, steps):
    """Fetch a first page, then follow ``steps`` ("next"/"previous") one after the other."""
    api, server, session = _api(links)
    try:
        page = _first_page(api, method, kwargs)
        pages = [_page(page)]
        for step in steps:
            page = api.fetch_next(page) if step == "next" else api.fetch_previous(page)
            pages.append(_page(page))
            if page is None:
                break
        return {"pages": pages, "requests": server.requests}
    finally:
        session.close()
