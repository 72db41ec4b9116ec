"""Keyword filters: the v1 phrase filters, the v2 filters with keywords and
statuses, and applying filters to statuses on the client side."""
from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import datetime, timedelta, timezone
from typing import Any, Dict, Iterator, List, Optional, Pattern, Tuple, Type, TypeVar, Union, cast

from . import return_types as rt
from ._core import validate
from ._core.params import path_segment, unpack_id
from .errors import MastodonIllegalArgumentError
from .internals import Internals
from .types_base import IdType, NonPaginatableList, PaginatableList, parse_datetime
from .versions import api_version
from ._core.lazy_pattern import lazy_pattern

_T = TypeVar("_T")

#: Where a filter can apply.
FILTER_CONTEXTS = ("home", "notifications", "public", "thread", "account")
#: What a v2 filter does with a matching status.
FILTER_ACTIONS = ("warn", "hide", "blur")

FilterOrId = Union["rt.Filter", "rt.FilterV2", IdType]


def _contexts(value: Any, required: bool = False) -> Optional[List[str]]:
    """One context or a list of them, each checked."""
    if value is None and required:
        raise MastodonIllegalArgumentError("context is required")
    return validate.all_of("context", value, FILTER_CONTEXTS)


def _seconds(value: Any) -> Optional[int]:
    """``expires_in`` in whole seconds."""
    return validate.duration("expires_in", value)


def _keywords_attributes(values: Any) -> Optional[List[Dict[str, Any]]]:
    """v2 keywords: strings, ``(keyword, whole_word)`` pairs or dicts with
    ``keyword``, ``whole_word`` (and ``id``/``_destroy`` to change or drop one)."""
    if values is None:
        return None
    result = []
    for index, item in enumerate(validate.list_of("keywords_attributes", values)):
        name = f"keywords_attributes[{index}]"
        if isinstance(item, str):
            item = {"keyword": item}
        elif isinstance(item, tuple) and len(item) == 2:
            item = {"keyword": item[0], "whole_word": item[1]}
        elif not isinstance(item, Mapping):
            raise MastodonIllegalArgumentError(f"{name} must be a keyword or a dict, got {item!r}")
        entry = dict(item)
        validate.text(f"{name}.keyword", entry.get("keyword"), required="id" not in entry)
        validate.flag(f"{name}.whole_word", entry.get("whole_word"))
        validate.flag(f"{name}._destroy", entry.get("_destroy"))
        if "id" in entry:
            entry["id"] = unpack_id(entry["id"], f"{name}.id")
        result.append(entry)
    return result


# ------------------------------------------------------------------ client-side matching

_BREAK_RE = lazy_pattern(r"<(?:br|/?p|/?div|/?li|/?blockquote|/?h\d)\b[^>]*>", re.IGNORECASE)
_TAG_RE = lazy_pattern(r"<[^>]*>")


def _plain_text(content: str) -> str:
    """Status HTML as text: block ends become line breaks, inline tags vanish."""
    import html  # on first use: it costs the client import 1 ms

    return html.unescape(_TAG_RE().sub("", _BREAK_RE().sub("\n", content)))


def _phrase_pattern(phrase: str, whole_word: bool) -> str:
    """A phrase as a regular expression; whole words must end at word boundaries.

    As on the server, a boundary is only required at an end of the phrase that
    is a word character, so ``#tag`` still matches after a space.
    """
    pattern = re.escape(phrase)
    if whole_word:
        if re.match(r"\w", phrase):
            pattern = r"\b" + pattern
        if re.search(r"\w$", phrase):
            pattern += r"\b"
    return pattern


def _is_expired(expires_at: Any, now: datetime) -> bool:
    if isinstance(expires_at, str):
        try:
            expires_at = parse_datetime(expires_at)
        except ValueError:  # an unreadable date: keep the filter rather than drop it
            return False
    if not isinstance(expires_at, datetime):
        return False
    if expires_at.tzinfo is None:
        expires_at = expires_at.replace(tzinfo=timezone.utc)
    return bool(expires_at <= now)


def _phrases(filter: Mapping[str, Any]) -> Iterator[Tuple[str, bool]]:
    """The (phrase, whole_word) pairs of a v1 filter or of a v2 filter's keywords."""
    if filter.get("phrase"):
        yield str(filter["phrase"]), bool(filter.get("whole_word", True))
    for keyword in filter.get("keywords") or ():
        if isinstance(keyword, Mapping) and keyword.get("keyword"):
            yield str(keyword["keyword"]), bool(keyword.get("whole_word", True))


def _filter_regex(filters: Any, context: str) -> Optional[Pattern[str]]:
    """One case-insensitive pattern for every unexpired filter that applies in ``context``."""
    now = datetime.now(timezone.utc)
    patterns = []
    for index, filter in enumerate(validate.list_of("filters", filters)):
        if not isinstance(filter, Mapping):
            raise MastodonIllegalArgumentError(f"filters[{index}] must be a filter, got {filter!r}")
        if context not in (filter.get("context") or ()) or _is_expired(filter.get("expires_at"), now):
            continue
        patterns += [_phrase_pattern(phrase, whole) for phrase, whole in _phrases(filter)]
    return re.compile("|".join(patterns), re.IGNORECASE) if patterns else None


def _searchable_text(item: Any) -> Optional[str]:
    """The text filters look at: a status's (or a notification's status's) content,
    content warning, poll options and media descriptions; None when there is no status."""
    status = item if isinstance(item, Mapping) and "content" in item else None
    if status is None and isinstance(item, Mapping):
        status = item.get("status")
    if not isinstance(status, Mapping):
        return None
    if isinstance(status.get("reblog"), Mapping):
        status = status["reblog"]
    parts = [_plain_text(status.get("content") or ""), status.get("spoiler_text") or ""]
    poll = status.get("poll")
    if isinstance(poll, Mapping):
        parts += [option.get("title") or "" for option in poll.get("options") or ()]
    parts += [media.get("description") or "" for media in status.get("media_attachments") or ()]
    return "\n".join(part for part in parts if isinstance(part, str))


def _like(objects: Any, items: List[Any]) -> Any:
    """``items`` in a list of the same kind as ``objects``, keeping its page links."""
    if not isinstance(objects, (PaginatableList, NonPaginatableList)):
        return PaginatableList(items)
    result = type(objects)(items)
    for attr in ("_pagination_next", "_pagination_prev"):
        if attr in objects.__dict__:
            object.__setattr__(result, attr, objects.__dict__[attr])
    return result


class FiltersMixin(Internals):
    """Create, change and read keyword filters, and apply them locally."""

    def _filter_call(self, method: str, path: str, entity: Type[_T],
                     params: Optional[Dict[str, Any]] = None, json_body: bool = False) -> _T:
        return self._request(method, path, params, entity=entity, json_body=json_body)

    # ------------------------------------------------------------------ v1 filters

    @api_version("2.4.3", "2.4.3")
    def filters(self) -> NonPaginatableList[rt.Filter]:
        """All your v1 (phrase) filters.

        Calls ``GET /api/v1/filters``.
        """
        return self._filter_call("GET", "/api/v1/filters", NonPaginatableList[rt.Filter])

    @api_version("2.4.3", "2.4.3")
    def filter(self, id: FilterOrId) -> rt.Filter:
        """Fetch one v1 filter.

        ``id`` is the filter, as an id or a Filter. On Mastodon 4.0 and newer a
        v1 filter stands for one keyword of a v2 filter, and its id is that
        keyword's id.

        Calls ``GET /api/v1/filters/:id``.
        """
        return self._filter_call("GET", f"/api/v1/filters/{path_segment(id)}", rt.Filter)

    @api_version("2.4.3", "2.4.3")
    def filter_create(self, phrase: str, context: Union[str, List[str]],
                      irreversible: bool = False, whole_word: bool = True,
                      expires_in: Optional[Union[int, timedelta]] = None) -> rt.Filter:
        """Create a v1 filter for a phrase; returns it.

        ``phrase`` is the text to filter. ``context`` is one or more of home,
        notifications, public, thread and account (others are refused, as
        Mastodon.py refuses them). ``irreversible`` makes the
        server drop matching statuses from home and notifications instead of
        hiding them on the client; ``whole_word`` (on by default) matches only
        whole words. ``expires_in`` (seconds or a timedelta) removes the filter
        after that time.

        Calls ``POST /api/v1/filters``.
        """
        contexts = _contexts(context, required=True) or []
        for item in contexts:
            validate.known(item, FILTER_CONTEXTS, "Invalid filter context.")
        params = {"phrase": validate.text("phrase", phrase, required=True),
                  "context": contexts,
                  "irreversible": validate.flag("irreversible", irreversible),
                  "whole_word": validate.flag("whole_word", whole_word),
                  "expires_in": _seconds(expires_in)}
        return self._filter_call("POST", "/api/v1/filters", rt.Filter, params)

    @api_version("2.4.3", "2.4.3")
    def filter_update(self, id: FilterOrId, phrase: Optional[str] = None,
                      context: Optional[Union[str, List[str]]] = None,
                      irreversible: Optional[bool] = None, whole_word: Optional[bool] = None,
                      expires_in: Optional[Union[int, timedelta]] = None) -> rt.Filter:
        """Change a v1 filter; arguments left as None stay as they are. Returns the filter.

        ``id`` is the filter, as an id or a Filter. ``phrase``, ``context``,
        ``irreversible``, ``whole_word`` and ``expires_in`` mean what they mean
        for :meth:`filter_create`.

        Calls ``PUT /api/v1/filters/:id``.
        """
        params = {"phrase": validate.text("phrase", phrase), "context": _contexts(context),
                  "irreversible": validate.flag("irreversible", irreversible),
                  "whole_word": validate.flag("whole_word", whole_word),
                  "expires_in": _seconds(expires_in)}
        return self._filter_call("PUT", f"/api/v1/filters/{path_segment(id)}", rt.Filter, params)

    @api_version("2.4.3", "2.4.3")
    def filter_delete(self, id: FilterOrId) -> None:
        """Delete a v1 filter.

        ``id`` is the filter, as an id or a Filter.

        Calls ``DELETE /api/v1/filters/:id``.
        """
        self._delete(f"/api/v1/filters/{path_segment(id)}")

    @api_version("2.4.3", "2.4.3")
    def filters_apply(self, objects: Any, filters: Any, context: str
                      ) -> Union[PaginatableList[rt.Status], PaginatableList[rt.Notification]]:
        """The statuses (or notifications) of ``objects`` that no filter hides in ``context``.

        Only unexpired filters whose context list contains ``context`` count.
        A filter matches a status when its phrase (or, for v2 filters, one of
        its keywords) occurs in the text, the content warning, a poll option
        or a media description, ignoring case; a ``whole_word`` phrase must
        start and end at word boundaries. Boosts are checked by the boosted
        status; notifications by their status (those without one are kept).
        Sends no request.

        ``objects`` is a list of statuses or notifications, such as a timeline
        page (the result keeps its page links). ``filters`` is a list of v1 or
        v2 filters, as returned by :meth:`filters` or :meth:`filters_v2`.
        ``context`` is the place the objects are shown in: home,
        notifications, public, thread or account.
        """
        validate.text("context", context, required=True)
        validate.one_of("context", context, FILTER_CONTEXTS)
        items = validate.list_of("objects", objects)
        matcher = _filter_regex(filters, context)
        if matcher is not None:
            items = [item for item in items
                     if matcher.search(_searchable_text(item) or "") is None]
        return cast(PaginatableList[rt.Status], _like(objects, items))

    # ------------------------------------------------------------------ v2 filters

    @api_version("4.0.0", "4.0.0")
    def filters_v2(self) -> NonPaginatableList[rt.FilterV2]:
        """All your v2 filters, with their keywords and statuses.

        Calls ``GET /api/v2/filters``.
        """
        return self._filter_call("GET", "/api/v2/filters", NonPaginatableList[rt.FilterV2])

    @api_version("4.0.0", "4.0.0")
    def filter_v2(self, filter_id: FilterOrId) -> rt.FilterV2:
        """Fetch one v2 filter.

        ``filter_id`` is the filter, as an id or a FilterV2.

        Calls ``GET /api/v2/filters/:filter_id``.
        """
        return self._filter_call("GET", f"/api/v2/filters/{path_segment(filter_id, 'filter_id')}",
                                 rt.FilterV2)

    @api_version("4.0.0", "4.0.0")
    def create_filter_v2(self, title: str, context: Union[str, List[str]], filter_action: str,
                         expires_in: Optional[Union[int, timedelta]] = None,
                         keywords_attributes: Optional[List[Any]] = None) -> rt.FilterV2:
        """Create a v2 filter; returns it.

        ``title`` names the filter. ``context`` is one or more of home,
        notifications, public, thread and account: where the filter applies.
        ``filter_action`` is ``warn`` (show behind a warning), ``hide`` or
        ``blur`` (hide the media). ``keywords_attributes`` lists the keywords:
        strings, ``(keyword, whole_word)`` pairs or dicts with ``keyword``
        and ``whole_word``. ``expires_in`` (seconds or a timedelta) makes the
        filter stop applying after that time; None keeps it for good. The body
        is sent as JSON.

        Calls ``POST /api/v2/filters``.
        """
        params = {"title": validate.text("title", title, required=True),
                  "context": _contexts(context, required=True),
                  "filter_action": validate.one_of(
                      "filter_action", validate.text("filter_action", filter_action, required=True),
                      FILTER_ACTIONS),
                  "expires_in": _seconds(expires_in),
                  "keywords_attributes": _keywords_attributes(keywords_attributes)}
        return self._filter_call("POST", "/api/v2/filters", rt.FilterV2, params, json_body=True)

    @api_version("4.0.0", "4.0.0")
    def update_filter_v2(self, filter_id: FilterOrId, title: Optional[str] = None,
                         context: Optional[Union[str, List[str]]] = None,
                         filter_action: Optional[str] = None,
                         expires_in: Optional[Union[int, timedelta]] = None,
                         keywords_attributes: Optional[List[Any]] = None) -> rt.FilterV2:
        """Change a v2 filter; arguments left as None stay as they are. Returns the filter.

        ``filter_id`` is the filter, as an id or a FilterV2. ``title``,
        ``context``, ``filter_action`` and ``expires_in`` mean what they mean
        for :meth:`create_filter_v2`. In ``keywords_attributes``, a string or
        a dict without ``id`` adds a keyword, a dict with an ``id`` changes
        that keyword, and one with ``"_destroy": True`` as well removes it.

        Calls ``PUT /api/v2/filters/:filter_id``.
        """
        validate.text("filter_action", filter_action)
        params = {"filter_id": unpack_id(filter_id, "filter_id"),
                  "title": validate.text("title", title), "context": _contexts(context),
                  "filter_action": validate.one_of("filter_action", filter_action, FILTER_ACTIONS),
                  "expires_in": _seconds(expires_in),
                  "keywords_attributes": _keywords_attributes(keywords_attributes)}
        return self._filter_call("PUT", f"/api/v2/filters/{path_segment(filter_id, 'filter_id')}",
                                 rt.FilterV2, params, json_body=True)

    @api_version("4.0.0", "4.0.0")
    def delete_filter_v2(self, filter_id: FilterOrId) -> None:
        """Delete a v2 filter with its keywords and statuses.

        ``filter_id`` is the filter, as an id or a FilterV2.

        Calls ``DELETE /api/v2/filters/:filter_id``.
        """
        self._delete(f"/api/v2/filters/{path_segment(filter_id, 'filter_id')}")

    @api_version("4.0.0", "4.0.0")
    def filter_keywords_v2(self, filter_id: FilterOrId) -> NonPaginatableList[rt.FilterKeyword]:
        """The keywords of a v2 filter.

        ``filter_id`` is the filter, as an id or a FilterV2.

        Calls ``GET /api/v2/filters/:filter_id/keywords``.
        """
        return self._filter_call(
            "GET", f"/api/v2/filters/{path_segment(filter_id, 'filter_id')}/keywords",
            NonPaginatableList[rt.FilterKeyword])

    @api_version("4.0.0", "4.0.0")
    def add_filter_keyword_v2(self, filter_id: FilterOrId, keyword: str,
                              whole_word: bool = False) -> rt.FilterKeyword:
        """Add a keyword to a v2 filter; returns the new keyword.

        ``filter_id`` is the filter, as an id or a FilterV2; ``keyword`` is the
        text to match. With ``whole_word`` the keyword matches only as a whole
        word, not inside longer words.

        Calls ``POST /api/v2/filters/:filter_id/keywords``.
        """
        params = {"filter_id": unpack_id(filter_id, "filter_id"),
                  "keyword": validate.text("keyword", keyword, required=True),
                  "whole_word": validate.flag("whole_word", whole_word)}
        return self._filter_call(
            "POST", f"/api/v2/filters/{path_segment(filter_id, 'filter_id')}/keywords",
            rt.FilterKeyword, params)

    @api_version("4.0.0", "4.0.0")
    def delete_filter_keyword_v2(self, keyword_id: Union[rt.FilterKeyword, IdType]) -> None:
        """Remove a keyword from its v2 filter.

        ``keyword_id`` is the keyword, as an id or a FilterKeyword.

        Calls ``DELETE /api/v2/filters/keywords/:keyword_id``.
        """
        self._delete(f"/api/v2/filters/keywords/{path_segment(keyword_id, 'keyword_id')}")

    @api_version("4.0.0", "4.0.0")
    def filter_statuses_v2(self, filter_id: FilterOrId) -> NonPaginatableList[rt.FilterStatus]:
        """The single statuses a v2 filter hides.

        ``filter_id`` is the filter, as an id or a FilterV2.

        Calls ``GET /api/v2/filters/:filter_id/statuses``.
        """
        return self._filter_call(
            "GET", f"/api/v2/filters/{path_segment(filter_id, 'filter_id')}/statuses",
            NonPaginatableList[rt.FilterStatus])

    @api_version("4.0.0", "4.0.0")
    def add_filter_status_v2(self, filter_id: FilterOrId,
                             status_id: Union[rt.Status, IdType]) -> rt.FilterStatus:
        """Make a v2 filter hide one particular status; returns the new entry.

        ``filter_id`` is the filter, as an id or a FilterV2; ``status_id`` the
        status to filter, as an id or a Status.

        Calls ``POST /api/v2/filters/:filter_id/statuses``.
        """
        return self._filter_call(
            "POST", f"/api/v2/filters/{path_segment(filter_id, 'filter_id')}/statuses",
            rt.FilterStatus, {"status_id": unpack_id(status_id, "status_id")})

    @api_version("4.0.0", "4.0.0")
    def filter_status_v2(self, filter_status_id: Union[rt.FilterStatus, IdType]) -> rt.FilterStatus:
        """Fetch one status entry of a v2 filter.

        ``filter_status_id`` is the entry, as an id or a FilterStatus (its own
        id, not the status's).

        Calls ``GET /api/v2/filters/statuses/:filter_status_id``.
        """
        return self._filter_call(
            "GET", f"/api/v2/filters/statuses/{path_segment(filter_status_id, 'filter_status_id')}",
            rt.FilterStatus)

    @api_version("4.0.0", "4.0.0")
    def delete_filter_status_v2(self, filter_status_id: Union[rt.FilterStatus, IdType]) -> None:
        """Stop a v2 filter from hiding a status.

        ``filter_status_id`` is the entry, as an id or a FilterStatus (its own
        id, not the status's).

        Calls ``DELETE /api/v2/filters/statuses/:filter_status_id``.
        """
        self._delete(f"/api/v2/filters/statuses/{path_segment(filter_status_id, 'filter_status_id')}")


Mastodon = FiltersMixin  # import path kept for compatibility: mastodon.filters.Mastodon
