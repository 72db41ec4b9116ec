"""Instance information: metadata (v1/v2), rules, peers, health, nodeinfo,
announcements, custom emojis and the profile directory."""
from __future__ import annotations

from datetime import date as Date, datetime
from typing import Any, Dict, List, Mapping, Optional, Tuple, Type, TypeVar, Union
from urllib.parse import urljoin, urlsplit

from . import return_types as rt
from ._core import validate
from ._core.params import path_segment
from ._core.server import instance_document
from .errors import MastodonAPIError, MastodonIllegalArgumentError, MastodonNotFoundError, \
    MastodonServerError
from .internals import Internals
from .types_base import IdType, NonPaginatableList, PaginatableList, PaginationInfo
from .versions import api_version

_T = TypeVar("_T")

#: Sort orders of the profile directory.
DIRECTORY_ORDERS = ("active", "new")
#: Bodies of ``GET /health`` that mean "healthy".
_HEALTHY_BODIES = ("OK", "success")
_NODEINFO_20 = "http://nodeinfo.diaspora.software/ns/schema/2.0"
_DEFAULT_PORTS = {"http": 80, "https": 443}


def _origin(url: str) -> Tuple[str, str, Optional[int]]:
    """(scheme, lower-case host, port) of an absolute URL; the port defaults by scheme."""
    parts = urlsplit(url)
    try:
        port = parts.port
    except ValueError:
        port = None
    scheme = parts.scheme.lower()
    return scheme, (parts.hostname or "").lower(), port or _DEFAULT_PORTS.get(scheme)


def _day(value: Union[Date, datetime, None]) -> Optional[str]:
    """A day as ``YYYY-MM-DD`` (datetimes lose their time).

    Anything but a date or datetime is refused, as Mastodon.py refuses it.
    """
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, Date):
        return value.isoformat()
    raise MastodonIllegalArgumentError("Date parameter should be a datetime.date object")


def _attach_offset_pages(page: Any, params: Mapping[str, Any]) -> None:
    """Offset pagination for endpoints without ``Link`` headers (the directory).

    The next page starts after this one; the previous one ends where this
    starts. Pages that already carry server links are left alone.
    """
    if not isinstance(page, list) or not page or "_pagination_next" in getattr(page, "__dict__", {}):
        return
    offset = params.get("offset") or 0
    step = params.get("limit") or len(page)
    moves = [("_pagination_next", page[-1], offset + len(page))]
    if offset > 0:
        moves.append(("_pagination_prev", page[0], max(0, offset - step)))
    for attr, item, new_offset in moves:
        info = PaginationInfo(_pagination_method="GET", _pagination_endpoint="/api/v1/directory",
                              _mastopy_type="PaginatableList[Account]")
        info.update((key, value) for key, value in params.items() if value is not None)
        info["offset"] = new_offset
        object.__setattr__(page, attr, info)
        if hasattr(item, "__dict__"):
            object.__setattr__(item, attr, info)


class InstanceMixin(Internals):
    """Facts about the instance, its announcements, emojis and profile directory."""

    def _fetch(self, path: str, entity: Type[_T], params: Optional[Dict[str, Any]] = None) -> _T:
        """GET ``path`` and decode the answer as ``entity``."""
        return self._get(path, params, entity=entity)

    # ------------------------------------------------------------------ instance information

    @api_version("1.1.0", "4.0.0")
    def instance(self) -> Union[rt.InstanceV2, rt.Instance]:
        """Information about the instance: v2 on Mastodon 4.0.0 and newer, else v1.

        Picks by the server's version, which the first call on a client may
        have to learn (see :meth:`retrieve_mastodon_version`); a server whose
        version is unknown gets the v2 request. The answer itself is fetched
        afresh on every call.

        Calls ``GET /api/v2/instance/`` or ``GET /api/v1/instance/``.
        """
        document = "v2" if self._server.verify("4.0.0", cached=True) else "v1"
        return self._fetch(*instance_document(document))  # type: ignore[no-any-return]

    @api_version("1.1.0", "2.3.0")
    def instance_v1(self) -> rt.Instance:
        """The v1 instance information (title, version, stats, contact account ...).

        Calls ``GET /api/v1/instance/``.
        """
        return self._fetch(*instance_document("v1"))  # type: ignore[no-any-return]

    @api_version("4.0.0", "4.0.0")
    def instance_v2(self) -> rt.InstanceV2:
        """The v2 instance information, with configuration limits and registration state.

        Calls ``GET /api/v2/instance/``.
        """
        return self._fetch(*instance_document("v2"))  # type: ignore[no-any-return]

    @api_version("2.1.2", "2.1.2")
    def instance_activity(self) -> NonPaginatableList[rt.Activity]:
        """Weekly counts of statuses, logins and registrations for the last 12 weeks.

        Calls ``GET /api/v1/instance/activity``.
        """
        return self._fetch("/api/v1/instance/activity", NonPaginatableList[rt.Activity])

    @api_version("2.1.2", "2.1.2")
    def instance_peers(self) -> NonPaginatableList[str]:
        """Domain names of the other instances this one knows about.

        Calls ``GET /api/v1/instance/peers``.
        """
        return self._fetch("/api/v1/instance/peers", NonPaginatableList[str])

    @api_version("3.4.0", "3.4.0")
    def instance_rules(self) -> NonPaginatableList[rt.Rule]:
        """The rules users of this instance agree to; their ids are what ``report(rule_ids=)`` takes.

        Calls ``GET /api/v1/instance/rules``.
        """
        return self._fetch("/api/v1/instance/rules", NonPaginatableList[rt.Rule])

    @api_version("4.0.0", "4.0.0")
    def instance_domain_blocks(self) -> NonPaginatableList[rt.DomainBlock]:
        """Domains this instance moderates, if the admins publish the list.

        Calls ``GET /api/v1/instance/domain_blocks``.
        """
        return self._fetch("/api/v1/instance/domain_blocks", NonPaginatableList[rt.DomainBlock])

    @api_version("4.0.0", "4.0.0")
    def instance_extended_description(self) -> rt.ExtendedDescription:
        """The long "about" text of the instance (HTML) and when it last changed.

        Calls ``GET /api/v1/instance/extended_description``.
        """
        return self._fetch("/api/v1/instance/extended_description", rt.ExtendedDescription)

    @api_version("4.4.0", "4.4.0")
    def instance_terms_of_service(self, date: Union[Date, datetime, None] = None
                                  ) -> rt.TermsOfService:
        """The instance's terms of service: the current ones, or those in force on ``date``.

        ``date`` is a date or a datetime (only its day counts); anything else
        is refused, as Mastodon.py refuses it.

        Calls ``GET /api/v1/instance/terms_of_service``.
        """
        return self._fetch("/api/v1/instance/terms_of_service", rt.TermsOfService,
                           {"date": _day(date)})

    def instance_translation_languages(self) -> Dict[str, List[str]]:
        """Which languages the server can translate into which: source code -> target codes.

        Calls ``GET /api/v1/instance/translation_languages``.
        """
        return self._fetch("/api/v1/instance/translation_languages", Dict[str, List[str]])

    @api_version("4.2.0", "4.2.0")
    def instance_languages(self) -> NonPaginatableList[rt.SupportedLocale]:
        """The languages (ISO 639 code and name) the server supports for posts.

        Calls ``GET /api/v1/instance/languages``.
        """
        return self._fetch("/api/v1/instance/languages", NonPaginatableList[rt.SupportedLocale])

    @api_version("3.0.0", "3.0.0")
    def instance_health(self) -> bool:
        """Whether the server says it is healthy.

        A server error status counts as unhealthy (False); a server that
        cannot be reached raises MastodonNetworkError.

        Calls ``GET /health``.
        """
        try:
            response = self._request("GET", "/health", stream=True)
        except MastodonServerError:
            return False
        try:
            return response.text.strip() in _HEALTHY_BODIES
        finally:
            response.close()

    @api_version("3.0.0", "3.0.0")
    def instance_nodeinfo(self, schema: str = _NODEINFO_20) -> rt.Nodeinfo:
        """The instance's nodeinfo document (software, protocols, usage) in ``schema``.

        The server lists its nodeinfo documents at a well-known address; the
        one for ``schema`` is then fetched from the URL given there, wherever
        it is. The access token is sent only when that URL has the scheme,
        host and port of ``api_base_url``. When the URL answers 404 the same
        path is asked under ``api_base_url``. A schema the server does not
        offer raises MastodonIllegalArgumentError.

        Calls ``GET /.well-known/nodeinfo``, then ``GET`` the document's URL.
        """
        validate.text("schema", schema, required=True)
        index = self._get("/.well-known/nodeinfo")
        links = index.get("links") if isinstance(index, dict) else None
        hrefs = [link.get("href") for link in links or []
                 if isinstance(link, dict) and link.get("rel") == schema]
        if not hrefs or not isinstance(hrefs[-1], str):
            offered = [link.get("rel") for link in links or [] if isinstance(link, dict)]
            raise MastodonIllegalArgumentError(
                f"schema: the server offers no nodeinfo document in {schema!r} "
                f"(it offers {', '.join(map(str, offered)) or 'none'})")
        href = urljoin(self.api_base_url + "/", hrefs[-1])
        parts = urlsplit(href)
        if parts.scheme.lower() not in _DEFAULT_PORTS or not parts.hostname:
            raise MastodonAPIError(f"The nodeinfo document is at {hrefs[-1]!r}, which is not "
                                   "an http(s) URL; refusing to follow it")
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        own = _origin(href) == _origin(self.api_base_url)  # the token goes to the API's origin only
        try:
            result = self._get(path, base_url=f"{parts.scheme}://{parts.netloc}", auth=own,
                               ratelimit=own, entity=rt.Nodeinfo)
        except MastodonNotFoundError:
            # Servers behind a proxy sometimes advertise an address that is not
            # served; the same path under the API base URL usually is.
            result = self._get(path, entity=rt.Nodeinfo)
        return result

    # ------------------------------------------------------------------ emojis and directory

    @api_version("2.1.0", "2.1.0")
    def custom_emojis(self) -> NonPaginatableList[rt.CustomEmoji]:
        """The custom emojis of the instance, with their image URLs.

        Calls ``GET /api/v1/custom_emojis``.
        """
        return self._fetch("/api/v1/custom_emojis", NonPaginatableList[rt.CustomEmoji])

    @api_version("3.0.0", "3.0.0")
    def directory(self, offset: Optional[int] = None, limit: Optional[int] = None,
                  order: Optional[str] = None,
                  local: Optional[bool] = None) -> PaginatableList[rt.Account]:
        """Accounts listed in the profile directory.

        ``order`` is ``"active"`` (recently active first, the server's default)
        or ``"new"`` (newest accounts first); ``local`` limits the list to this
        instance. ``limit`` is how many accounts at most (the server's default
        is 40, at most 80) and ``offset`` skips that many from the start;
        ``fetch_next`` continues after the page.

        Calls ``GET /api/v1/directory``.
        """
        params = {"offset": validate.count("offset", offset), "limit": validate.count("limit", limit),
                  "order": validate.one_of("order", order, DIRECTORY_ORDERS),
                  "local": validate.flag("local", local)}
        page = self._get("/api/v1/directory", params, entity=PaginatableList[rt.Account])
        _attach_offset_pages(page, params)
        return page

    # ------------------------------------------------------------------ announcements

    def _announcement_call(self, method: str, id: Any, *action: str) -> None:
        """Send one request about an announcement; the server's empty answer is dropped."""
        path = "/".join(["/api/v1/announcements", path_segment(id, "id"), *action])
        self._request(method, path)

    @api_version("3.1.0", "3.1.0")
    def announcements(self) -> NonPaginatableList[rt.Announcement]:
        """The instance's current announcements, with your read state and the reactions.

        Calls ``GET /api/v1/announcements``.
        """
        return self._fetch("/api/v1/announcements", NonPaginatableList[rt.Announcement])

    @api_version("3.1.0", "3.1.0")
    def announcement_dismiss(self, id: Union[rt.Announcement, IdType]) -> None:
        """Mark an announcement as read.

        ``id`` is the announcement, as an id or an Announcement.

        Calls ``POST /api/v1/announcements/:id/dismiss``.
        """
        self._announcement_call("POST", id, "dismiss")

    @api_version("3.1.0", "3.1.0")
    def announcement_reaction_create(self, id: Union[rt.Announcement, IdType], reaction: str) -> None:
        """React to an announcement with an emoji.

        ``id`` is the announcement, as an id or an Announcement. ``reaction``
        is a unicode emoji or the shortcode of a custom emoji (without colons).

        Calls ``PUT /api/v1/announcements/:id/reactions/:reaction``.
        """
        self._announcement_call("PUT", id, "reactions", self._reaction(reaction))

    @api_version("3.1.0", "3.1.0")
    def announcement_reaction_delete(self, id: Union[rt.Announcement, IdType], reaction: str) -> None:
        """Take back your ``reaction`` to an announcement.

        ``id`` is the announcement, as an id or an Announcement; ``reaction``
        is the emoji or custom emoji shortcode you reacted with.

        Calls ``DELETE /api/v1/announcements/:id/reactions/:reaction``.
        """
        self._announcement_call("DELETE", id, "reactions", self._reaction(reaction))

    @staticmethod
    def _reaction(reaction: Any) -> str:
        validate.text("reaction", reaction, required=True)
        return path_segment(reaction, "reaction")


Mastodon = InstanceMixin  # import path kept for compatibility: mastodon.instance.Mastodon
