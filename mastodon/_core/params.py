"""Build stage: turn endpoint arguments into query, form, JSON or multipart data."""
from __future__ import annotations

from datetime import datetime
from typing import Any, Dict, Iterable, List, Mapping, Optional, Tuple, Union
from urllib.parse import quote

from ..errors import MastodonIllegalArgumentError

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
    text = str(value)
    if not text or text.strip() != text:
        raise MastodonIllegalArgumentError(f"{name}: {text!r} is not a valid id")
    return text


def path_segment(value: Any, name: str = "id") -> str:
    """Percent-encode an id (or a name such as a hashtag) as exactly one URL path segment.

    No caller string can add a segment, climb with ``..`` or start a query.
    """
    text = value if isinstance(value, str) else unpack_id(value, name)
    if not text:
        raise MastodonIllegalArgumentError(f"{name}: must not be empty")
    encoded = quote(text, safe="")
    if encoded in (".", ".."):
        encoded = encoded.replace(".", "%2E")
    return encoded


def datetime_to_snowflake(value: datetime) -> str:
    """An (approximate) Mastodon snowflake id for a point in time, for pagination."""
    return str(int(value.timestamp() * 1000) << 16)


def pagination_id(value: Any, name: str) -> str:
    """A pagination bound: an id, an object with an id, or a datetime."""
    if isinstance(value, datetime):
        return datetime_to_snowflake(value)
    return unpack_id(value, name)


def _scalar(value: Any, for_json: bool) -> Any:
    if isinstance(value, bool):
        return value if for_json else ("true" if value else "false")
    if isinstance(value, datetime):
        return value.isoformat()
    return value


def form_pairs(params: Optional[Mapping[str, Any]]) -> Pairs:
    """Flatten parameters into ``(key, value)`` pairs for a query string or form body.

    None values are dropped, booleans become ``true``/``false``, lists become
    repeated ``key[]`` entries and nested dicts become ``key[sub]`` entries.
    """
    pairs: Pairs = []
    for key, value in (params or {}).items():
        _flatten(pairs, key, value)
    return pairs


def _flatten(pairs: Pairs, key: str, value: Any) -> None:
    if value is None:
        return
    if key in PAGINATION_ID_KEYS:
        pairs.append((key, pagination_id(value, key)))
    elif isinstance(value, dict):
        for sub_key, sub_value in value.items():
            _flatten(pairs, f"{key}[{sub_key}]", sub_value)
    elif isinstance(value, (list, tuple, set, frozenset)):
        list_key = key if key.endswith("[]") else f"{key}[]"
        for item in value:
            if isinstance(item, dict):
                for sub_key, sub_value in item.items():
                    _flatten(pairs, f"{key}[][{sub_key}]", sub_value)
            elif item is not None:
                pairs.append((list_key, _scalar(item, False)))
    else:
        pairs.append((key, _scalar(value, False)))


def json_body(params: Optional[Mapping[str, Any]]) -> Dict[str, Any]:
    """Parameters as a JSON object: None dropped, datetimes as ISO-8601, ids unpacked."""
    return {key: _json_value(key, value) for key, value in (params or {}).items()
            if value is not None}


def _json_value(key: str, value: Any) -> Any:
    if key in PAGINATION_ID_KEYS:
        return pagination_id(value, key)
    if isinstance(value, dict):
        return {k: _json_value(k, v) for k, v in value.items() if v is not None}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [_json_value(key, v) for v in value]
    return _scalar(value, True)


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
    if limit is not None and (isinstance(limit, bool) or not isinstance(limit, int)):
        raise MastodonIllegalArgumentError(f"limit must be an int, got {limit!r}")
    bounds = {name: None if value is None else pagination_id(value, name)
              for name, value in (("max_id", max_id), ("min_id", min_id), ("since_id", since_id))}
    return {**bounds, "limit": limit, **extra}
