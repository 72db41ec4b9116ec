"""Server version checks, language, server time and pagination helpers."""
from __future__ import annotations

from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from typing import Any, Iterable, Iterator, Literal, Optional, Tuple, TypeVar, Union, overload

from ._core.pagination import as_info, check_page, page_info, request_of
from .defaults import _SUPPORTED_MASTODON_VERSION
from .errors import MastodonAPIError, MastodonIllegalArgumentError
from .types_base import PaginatableList, PaginationInfo, _str_to_type
from .versions import VersionsMixin, api_version, max_version, parse_version_string

__all__ = ["UtilityMixin", "Mastodon", "parse_version_string", "max_version", "api_version"]

_T = TypeVar("_T")  # an item of a page
_P = TypeVar("_P")  # a page (or a paginated result that is not a list)
MAX_PAGES = 10_000  # upper bound for every page-walking loop


class UtilityMixin(VersionsMixin):
    """Version checks (see :class:`~mastodon.versions.VersionsMixin`), server time,
    language and walking through pages."""

    # ------------------------------------------------------------------ versions

    @staticmethod
    def get_supported_version() -> str:
        """The newest Mastodon version this library knows every endpoint of."""
        return _SUPPORTED_MASTODON_VERSION

    def set_language(self, lang: Optional[str]) -> None:
        """Set the language sent with every following request.

        ``lang`` is an ISO 639 code such as ``"de"``; the server uses it for
        the texts it writes itself (error messages, for example). None stops
        sending one.
        """
        self.lang = lang

    def get_approx_server_time(self) -> datetime:
        """The server's clock, from the ``Date`` header of ``HEAD /``, as a naive
        datetime in local time (so ``datetime.now() - api.get_approx_server_time()``
        is the clock difference).

        Any answer carries the header, so an error status is fine here.
        """
        try:
            response = self._send_raw("HEAD", "/")
        except MastodonAPIError as exc:
            if exc.response is None:
                raise
            response = exc.response
        date = response.headers.get("Date")
        if not date:
            raise MastodonAPIError("The server sent no Date header")
        try:
            server_time = parsedate_to_datetime(date)
        except (TypeError, ValueError) as exc:
            raise MastodonAPIError(f"The server sent an unreadable Date header: {date!r}") from exc
        if server_time.tzinfo is None:  # "-0000": UTC, source unknown
            server_time = server_time.replace(tzinfo=timezone.utc)
        return server_time.astimezone().replace(tzinfo=None)

    def _send_raw(self, method: str, path: str) -> Any:
        response = self._request(method, path, stream=True, ratelimit=False)
        response.close()
        return response

    def timeline_is_available(self, timeline: str = "public", local: bool = False,
                              remote: bool = False, with_auth: bool = False,
                              fail_hard: bool = False) -> bool:
        """Whether the server lets this client read a timeline (public, hashtag, link ...).

        Reads ``configuration.timelines_access`` of the v2 instance info
        (Mastodon 4.5+); servers that do not publish it are assumed to allow it.

        ``timeline`` is ``public``, ``local``, ``hashtag`` (or ``tag``) or
        ``link``; anything after a ``/`` is ignored, so ``"hashtag/python"``
        works too. ``local`` or ``remote`` asks only about posts from this
        server or only about those from others (by default both must be
        readable; link timelines always check both). ``with_auth`` counts
        timelines open to logged-in users as available, for a client with a
        user token. ``fail_hard`` raises instead of answering True: an unknown
        ``timeline`` raises MastodonIllegalArgumentError, and a failed lookup of
        the instance information MastodonAPIError.

        Calls ``GET /api/v2/instance/`` (kept until :meth:`clear_caches`).
        """
        return self._server.timeline_is_available(timeline, local, remote, with_auth, fail_hard)

    # ------------------------------------------------------------------ pagination

    def get_pagination_info(self, page: Any, pagination_direction: str) -> Optional[PaginationInfo]:
        """Where the page after or before ``page`` is, or None when there is none.

        ``page`` is a page returned by a paginated method (or an item or
        PaginationInfo from one; anything else has no info);
        ``pagination_direction`` is ``"next"`` (older items) or ``"previous"``
        (newer items).
        """
        return page_info(page, pagination_direction)

    def _fetch_page(self, page: Any, direction: str, name: str) -> Any:
        if page is not None:
            check_page(page, name)
        info = page_info(page, direction)
        if info is None:
            return None
        method, endpoint, params, type_name = request_of(info)
        base_path = self.api_base_url.split("://", 1)[-1].partition("/")[2]
        if base_path and endpoint.startswith("/" + base_path):
            endpoint = endpoint[len(base_path) + 1:]
        entity = _str_to_type(type_name) if type_name else None
        return self._request(method, endpoint, params, entity=entity)

    @overload
    def fetch_next(self, previous_page: PaginatableList[_T]) -> Optional[PaginatableList[_T]]: ...
    @overload
    def fetch_next(self, previous_page: PaginationInfo) -> Any: ...  # its type is known at run time
    @overload
    def fetch_next(self, previous_page: _T) -> Optional[Union[PaginatableList[_T], _T]]: ...

    def fetch_next(self, previous_page: Any) -> Any:
        """The page after ``previous_page`` (a page or its pagination info).

        None when the server named no next page (or ``previous_page`` is None).
        Anything that is not a page, such as a plain list (a slice of a page
        is one), a dict or a string, raises MastodonIllegalArgumentError.
        """
        return self._fetch_page(previous_page, "next", "previous_page")

    @overload
    def fetch_previous(self, next_page: PaginatableList[_T]) -> Optional[PaginatableList[_T]]: ...
    @overload
    def fetch_previous(self, next_page: PaginationInfo) -> Any: ...  # its type is known at run time
    @overload
    def fetch_previous(self, next_page: _T) -> Optional[Union[PaginatableList[_T], _T]]: ...

    def fetch_previous(self, next_page: Any) -> Any:
        """The page before ``next_page`` (a page or its pagination info).

        On the newest page this is an empty page, as Mastodon links a previous
        page there too. None when the server named no previous page (or
        ``next_page`` is None); anything that is not a page raises
        MastodonIllegalArgumentError, as in :meth:`fetch_next`.
        """
        return self._fetch_page(next_page, "previous", "next_page")

    def fetch_remaining(self, first_page: Iterable[_T]) -> PaginatableList[_T]:
        """``first_page`` and every page after it, joined into one list.

        ``first_page`` may also be a PaginationInfo, whose page is fetched
        first; None or an empty list gives an empty list. This can take many
        requests on a long timeline; it stops after 10 000 pages at most.
        """
        result: PaginatableList[_T] = PaginatableList()
        if _nothing(first_page):
            return result
        for page in self._walk_pages(first_page, "next", "first_page"):
            result.extend(page)
        return result

    def _walk_pages(self, start_page: Any, direction: str,
                    name: str = "start_page") -> Iterator[Any]:
        """Yield pages from ``start_page`` on, up to and with an empty one (at most MAX_PAGES).

        A PaginationInfo as ``start_page`` is fetched first; None yields nothing;
        anything else that is not a page raises, naming the parameter ``name``.
        """
        if direction not in ("next", "previous"):
            raise MastodonIllegalArgumentError(
                f"direction must be 'next' or 'previous', got {direction!r}")
        page = start_page
        if page is not None:
            check_page(page, name)
        if as_info(page) is not None:
            page = self._fetch_page(page, direction, name)
        seen = set()
        for _ in range(MAX_PAGES):
            if page is None:
                return
            yield page
            info = page_info(page, direction) if page else None
            if info is None:
                return
            marker = tuple(sorted((k, str(v)) for k, v in info.items()))
            if marker in seen:
                return
            seen.add(marker)
            page = self._fetch_page(info, direction, name)

    @overload
    def pagination_page_iterator(self, start_page: _P, direction: str = "next",
                                 return_pagination_info: Literal[False] = False) -> Iterator[_P]: ...
    @overload
    def pagination_page_iterator(self, start_page: _P, direction: str = "next", *,
                                 return_pagination_info: Literal[True],
                                 ) -> Iterator[Tuple[_P, Optional[PaginationInfo]]]: ...
    @overload
    def pagination_page_iterator(self, start_page: _P, direction: str = "next",
                                 return_pagination_info: bool = False,
                                 ) -> Iterator[Union[_P, Tuple[_P, Optional[PaginationInfo]]]]: ...

    def pagination_page_iterator(self, start_page: _P, direction: str = "next",
                                 return_pagination_info: bool = False,
                                 ) -> Iterator[Union[_P, Tuple[_P, Optional[PaginationInfo]]]]:
        """Iterate over pages, starting with ``start_page``, in ``direction``.

        ``start_page`` is a page, or a PaginationInfo whose page comes first;
        None yields nothing. ``direction`` is ``"next"`` (older items) or
        ``"previous"`` (newer items). With ``return_pagination_info`` each item
        is ``(page, info)`` where ``info`` leads on from that page. Stops at an
        empty page or one without a link onward (after 10 000 pages at most).
        """
        for page in self._walk_pages(start_page, direction):
            yield (page, page_info(page, direction)) if return_pagination_info else page

    @overload
    def pagination_iterator(self, start_page: Iterable[_T], direction: str = "next",
                            return_pagination_info: Literal[False] = False) -> Iterator[_T]: ...
    @overload
    def pagination_iterator(self, start_page: Iterable[_T], direction: str = "next", *,
                            return_pagination_info: Literal[True],
                            ) -> Iterator[Tuple[_T, Optional[PaginationInfo]]]: ...
    @overload
    def pagination_iterator(self, start_page: Iterable[_T], direction: str = "next",
                            return_pagination_info: bool = False,
                            ) -> Iterator[Union[_T, Tuple[_T, Optional[PaginationInfo]]]]: ...

    def pagination_iterator(self, start_page: Iterable[_T], direction: str = "next",
                            return_pagination_info: bool = False,
                            ) -> Iterator[Union[_T, Tuple[_T, Optional[PaginationInfo]]]]:
        """Iterate over the items of every page, starting with ``start_page``'s.

        ``start_page`` is a page, or a PaginationInfo whose page comes first;
        None or an empty list yields nothing. ``direction`` is ``"next"``
        (older items) or ``"previous"`` (newer items). With
        ``return_pagination_info`` each item is ``(item, info)``, where
        ``info`` leads on from the item's page.
        """
        if _nothing(start_page):
            return
        for page in self._walk_pages(start_page, direction):
            info = page_info(page, direction) if return_pagination_info else None
            for item in page:
                yield (item, info) if return_pagination_info else item


def _nothing(start_page: Any) -> bool:
    """Whether a start page is None or an empty list: nothing to walk, nothing to fetch."""
    return start_page is None or (isinstance(start_page, list) and not start_page)


Mastodon = UtilityMixin  # import path kept for compatibility: mastodon.utility.Mastodon
