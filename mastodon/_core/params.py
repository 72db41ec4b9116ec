"""Build stage: turn endpoint arguments into query, form, JSON or multipart data.

Requests go on the wire the way Mastodon.py 2.x sends them (checked against its
recorded traffic in tests/recorded/), by these rules:

* **What is sent.** Every declared parameter whose value is not None is sent,
  defaults included (``account_follow`` sends ``reblogs=1&notify=0``,
  ``list_create`` sends ``replies_policy=list&exclusive=0``). None is never sent.
  The exception is declared per endpoint: flags that only narrow a list or
  switch something on are sent only when True (timeline ``local``/``remote``/
  ``only_media``, the ``account_statuses`` filters, ``sensitive`` of
  ``status_post`` and ``status_update``, ``report(forward=...)``,
  ``admin_accounts`` ``remote``/``staff_only``). Path ids are not repeated in
  the body, except where Mastodon.py does (``filter_id`` of
  ``update_filter_v2`` and ``add_filter_keyword_v2``).
* **Where it goes.** GET and HEAD put parameters in the query string; other
  methods send a form body (``application/x-www-form-urlencoded``), DELETE
  included. An endpoint declared JSON (``json_body=True``: statuses with a poll,
  v2 filters, markers, familiar followers) sends a JSON body whatever the
  method, GET too. A request with files is ``multipart/form-data``, its other
  parameters becoming text parts.
* **Booleans** are ``1``/``0`` in queries, forms and multipart parts, and
  ``true``/``false`` in JSON.
* **Lists** are repeated ``key[]`` entries (``media_ids[]=1&media_ids[]=2``), a
  JSON array in JSON. A list of dicts is indexed: ``key[0][sub]``. A parameter
  taking one id or a list keeps the caller's shape where Mastodon.py does
  (``account_relationships(7)`` sends ``id=7``, a list ``id[]=``); elsewhere
  one id becomes a one-item list.
* **Nested dicts** become ``key[sub]`` entries (``source[privacy]``), a JSON
  object in JSON.
* **Ids** are sent as strings; an entity or dict with an ``id`` stands for its
  id. Pagination bounds (``max_id``, ``min_id``, ``since_id``) also take a
  datetime, sent as the snowflake id of that second (``int(timestamp) * 1000 << 16``).
* **Datetimes** elsewhere are ISO-8601 in UTC to the second
  (``2024-01-01T10:00:00+00:00``); a naive datetime is local time.
* **Text** must be encodable as UTF-8: a lone surrogate in a parameter, a key or
  an id raises MastodonIllegalArgumentError naming it, before anything is sent.
"""
from __future__ import annotations

from datetime import datetime, timezone
from typing import Any, Dict, Iterable, List, Mapping, Optional, Tuple, Union
from urllib.parse import quote

from ..errors import MastodonIllegalArgumentError
from . import validate

#: Parameters whose values are object ids, so datetimes become snowflake ids there.
PAGINATION_ID_KEYS = frozenset({"max_id", "min_id", "since_id"})

Pairs = List[Tuple[str, Any]]


def unpack_id(value: Any, name: str = "id") -> str:
    """Return the id string of ``value``: an id itself, or a dict/entity with an ``id``.

    Raises MastodonIllegalArgumentError naming ``name`` for anything else.
    """
    if isinstance(value, dict):
        if "id" not in value:
            raise MastodonIllegalArgumentError(f"{name}: the given dict has no 'id' key")
        value = value["id"]
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise MastodonIllegalArgumentError(
            f"{name}: expected an id (str or int) or an object with an id, "
            f"got {type(value).__name__}"
        )
    text = encodable(name, str(value))
    if not text or text.strip() != text:
        raise MastodonIllegalArgumentError(f"{name}: {text!r} is not a valid id")
    return text


def path_segment(value: Any, name: str = "id") -> str:
    """Percent-encode an id (or a name such as a hashtag) as exactly one URL path segment.

    No caller string can add a segment, climb with ``..`` or start a query.
    """
    text = encodable(name, value) if isinstance(value, str) else unpack_id(value, name)
    if not text:
        raise MastodonIllegalArgumentError(f"{name}: must not be empty")
    encoded = quote(text, safe="")
    if encoded in (".", ".."):
        encoded = encoded.replace(".", "%2E")
    return encoded


def datetime_to_snowflake(value: datetime) -> str:
    """An (approximate) Mastodon snowflake id for a point in time, for pagination."""
    return str(int(value.timestamp()) * 1000 << 16)


def pagination_id(value: Any, name: str) -> str:
    """A pagination bound: an id, an object with an id, or a datetime."""
    if isinstance(value, datetime):
        return datetime_to_snowflake(value)
    return unpack_id(value, name)


def encodable(name: str, text: str) -> str:
    """Return ``text`` if it can be sent as UTF-8; else raise naming ``name``."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise MastodonIllegalArgumentError(
            f"{name}: text contains characters that cannot be encoded (such as a lone "
            f"surrogate): {text!r}") from None
    return text


def wire_datetime(value: datetime, name: str = "datetime") -> str:
    """A datetime as sent: ISO-8601 in UTC to the second; a naive one is local time.

    One that has no UTC form (the last hours of year 9999 ahead of UTC) is
    refused naming ``name``; Python 3.13 also finds none for naive ones there.
    """
    try:
        return value.astimezone(timezone.utc).replace(microsecond=0).isoformat()
    except (ValueError, OverflowError) as exc:
        raise MastodonIllegalArgumentError(f"{name}: {value!r} has no UTC time: {exc}") from None


def _scalar(name: str, value: Any, for_json: bool) -> Any:
    """One value as it goes on the wire (see the module docstring)."""
    if isinstance(value, bool):
        return value if for_json else ("1" if value else "0")
    if isinstance(value, datetime):
        return wire_datetime(value, name)
    if isinstance(value, str):
        return encodable(name, value)
    return value


def form_pairs(params: Optional[Mapping[str, Any]]) -> Pairs:
    """Flatten parameters into ``(key, value)`` pairs for a query string or form body.

    None values are dropped, booleans become ``1``/``0``, lists become
    repeated ``key[]`` entries, lists of dicts ``key[i][sub]`` entries and
    nested dicts ``key[sub]`` entries.
    """
    pairs: Pairs = []
    for key, value in (params or {}).items():
        _flatten(pairs, encodable("parameter name", key), value)
    return pairs


def _flatten(pairs: Pairs, key: str, value: Any) -> None:
    if value is None:
        return
    if key in PAGINATION_ID_KEYS:
        pairs.append((key, pagination_id(value, key)))
    elif isinstance(value, dict):
        for sub_key, sub_value in value.items():
            _flatten(pairs, f"{key}[{encodable(key, str(sub_key))}]", sub_value)
    elif isinstance(value, (list, tuple, set, frozenset)):
        base = key[:-2] if key.endswith("[]") else key
        for index, item in enumerate(value):
            if isinstance(item, dict):
                _flatten(pairs, f"{base}[{index}]", item)
            elif item is not None:
                pairs.append((f"{base}[]", _scalar(base, item, False)))
    else:
        pairs.append((key, _scalar(key, value, False)))


def json_body(params: Optional[Mapping[str, Any]]) -> Dict[str, Any]:
    """Parameters as a JSON object: None dropped, datetimes as ISO-8601, ids unpacked."""
    return {encodable("parameter name", key): _json_value(key, value)
            for key, value in (params or {}).items() if value is not None}


def _json_value(key: str, value: Any) -> Any:
    if key in PAGINATION_ID_KEYS:
        return pagination_id(value, key)
    if isinstance(value, dict):
        return {encodable(key, k): _json_value(k, v) for k, v in value.items() if v is not None}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [_json_value(key, v) for v in value]
    return _scalar(key, value, True)


def id_list(values: Union[Any, Iterable[Any]], name: str) -> List[str]:
    """Unpack one id or an iterable of ids into a list of id strings."""
    if isinstance(values, (str, int, dict)):
        return [unpack_id(values, name)]
    try:
        return [unpack_id(value, name) for value in values]
    except TypeError:
        raise MastodonIllegalArgumentError(f"{name}: expected an id or a list of ids") from None


def page_params(max_id: Any = None, min_id: Any = None, since_id: Any = None,
                limit: Any = None, **extra: Any) -> Dict[str, Any]:
    """The usual pagination parameters plus endpoint-specific ones, as one dict."""
    limit = validate.count("limit", limit)
    bounds = {name: None if value is None else pagination_id(value, name)
              for name, value in (("max_id", max_id), ("min_id", min_id), ("since_id", since_id))}
    return {**bounds, "limit": limit, **extra}
