"""Scalar values of entities: object ids (snowflakes), timestamps and base 62.

Timestamps are parsed to timezone-aware datetimes; parsed ones are shared
(datetimes are immutable), as are id objects.
"""
from __future__ import annotations

import logging
import sys
from datetime import datetime, timezone
from pathlib import PurePath
from typing import IO, Any, Dict, Optional, Tuple, TypeVar, Union

from ..errors import MastodonIllegalArgumentError

_log = logging.getLogger("mastodon")

T = TypeVar("T")

BASE62_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
_BASE62_INDEX = {char: index for index, char in enumerate(BASE62_ALPHABET)}

def base62_to_int(base62: str) -> int:
    """Decode a base-62 string (the alphabet of :data:`BASE62_ALPHABET`)."""
    value = 0
    for char in base62:
        index = _BASE62_INDEX.get(char)
        if index is None:
            raise MastodonIllegalArgumentError(f"{base62!r} is not a base-62 string")
        value = value * 62 + index
    return value


def int_to_base62(val: int) -> str:
    """Encode a non-negative integer in base 62."""
    if val < 0:
        raise MastodonIllegalArgumentError("int_to_base62() needs a non-negative integer")
    digits = []
    while True:
        val, rest = divmod(val, 62)
        digits.append(BASE62_ALPHABET[rest])
        if val == 0:
            return "".join(reversed(digits))

# --------------------------------------------------------------------------- dates

_fromisoformat = datetime.fromisoformat
_UTC = timezone.utc
_NATIVE_ISO = sys.version_info >= (3, 11)  # fromisoformat accepts "Z" and any fraction length


def _parse_iso(text: str) -> Optional[datetime]:
    """Parse an ISO-8601 string; None when it is not one."""
    if _NATIVE_ISO:
        try:
            return _fromisoformat(text)
        except ValueError:
            pass
    else:  # pragma: no cover - exercised on Python < 3.11 only
        candidate = text[:-1] + "+00:00" if text.endswith(("Z", "z")) else text
        try:
            return _fromisoformat(candidate)
        except ValueError:
            pass
    try:  # unusual shapes: week dates, basic format, other fraction lengths on old Pythons
        from dateutil.parser import isoparse
    except ImportError:  # pragma: no cover
        return None
    try:
        return isoparse(text)
    except (ValueError, OverflowError):
        return None


def parse_datetime(value: str) -> datetime:
    """Parse an ISO-8601 timestamp (or a string of UNIX seconds) to an aware datetime.

    Timestamps without a zone are taken as UTC; a bare date means midnight UTC.
    Raises ValueError when the string is not a date.
    """
    if value.isdigit():
        return datetime.fromtimestamp(int(value), _UTC)
    parsed = _parse_iso(value)
    if parsed is None:
        raise ValueError(f"not an ISO-8601 date: {value!r}")
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=_UTC)
    return parsed


#: Recently parsed timestamps (datetimes are immutable, so sharing them is safe).
_DATETIME_CACHE: Dict[str, datetime] = {}
_ID_CACHE: Dict[Any, "MaybeSnowflakeIdType"] = {}
_CACHE_LIMIT = 4096


def _convert_datetime(value: Any) -> Any:
    """Converter for datetime fields: ISO strings, UNIX-second strings and numbers."""
    if value.__class__ is str:
        cached = _DATETIME_CACHE.get(value)
        if cached is not None:
            return cached
        if len(_DATETIME_CACHE) >= _CACHE_LIMIT:
            _DATETIME_CACHE.clear()
        if value.isdigit():
            if len(value) <= 12:
                return datetime.fromtimestamp(int(value), _UTC)
        else:
            parsed = _parse_iso(value)
            if parsed is not None:
                if parsed.tzinfo is None:
                    parsed = parsed.replace(tzinfo=_UTC)
                _DATETIME_CACHE[value] = parsed
                return parsed
    elif isinstance(value, datetime):
        return value if value.tzinfo is not None else value.replace(tzinfo=_UTC)
    elif isinstance(value, (int, float)) and not isinstance(value, bool) and abs(value) < 1e11:
        return datetime.fromtimestamp(value, _UTC)
    _log.debug("kept a value that is not a date in a date field: %r", value)
    return value


def _maybe_datetime(value: Any) -> Any:
    """Convert a string that looks like a date; leave anything else unchanged."""
    if value.__class__ is str and value[:1].isdigit():
        if value.isdigit():
            if len(value) <= 12:
                return datetime.fromtimestamp(int(value), _UTC)
            return value
        parsed = _parse_iso(value)
        if parsed is not None:
            return parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=_UTC)
    return value


# --------------------------------------------------------------------------- ids

class MaybeSnowflakeIdType(str):
    """An object id: a string that may encode its creation time (a snowflake).

    Mastodon ids of statuses and most other objects are decimal numbers whose
    upper bits are a millisecond timestamp; :meth:`to_datetime` recovers it.
    Pleroma uses base-62 "flake" ids instead; pass ``assume_pleroma=True`` for
    those.
    """

    __slots__ = ()
    _assume_pleroma = False

    def __new__(cls, value: Any, *args: Any, **kwargs: Any) -> "MaybeSnowflakeIdType":
        pleroma = kwargs.get("assume_pleroma", args[0] if args else False)
        if pleroma and cls is MaybeSnowflakeIdType:
            cls = _PleromaSnowflakeIdType
        return super().__new__(cls, value)

    def __init__(self, val: Any, assume_pleroma: bool = False) -> None:
        super().__init__()

    def to_datetime(self) -> Optional[datetime]:
        """The creation time encoded in the id, or None when it encodes none."""
        if self.isdigit():
            millis = int(self) >> 16
            if millis <= 0:
                return None
            return datetime.fromtimestamp(millis / 1000, tz=_UTC)
        if self._assume_pleroma and self and all(char in _BASE62_INDEX for char in self):
            millis = base62_to_int(self) >> 64 - 48
            return datetime.fromtimestamp(millis / 1000, tz=_UTC)
        return None

    def __reduce__(self) -> Tuple[Any, ...]:
        return (MaybeSnowflakeIdType, (str(self), self._assume_pleroma))

    def __repr__(self) -> str:
        return str.__repr__(self)


class _PleromaSnowflakeIdType(MaybeSnowflakeIdType):
    """A MaybeSnowflakeIdType created with ``assume_pleroma=True``."""

    __slots__ = ()
    _assume_pleroma = True


IdType = Union[str, int, MaybeSnowflakeIdType]
"""An id parameter: the id as text or a number, or an entity's ``id`` (MaybeSnowflakeIdType)."""
PaginationIdType = Union[str, int, MaybeSnowflakeIdType, datetime]
"""A pagination bound (``max_id``, ``min_id``, ``since_id``): an id, or a datetime
for the ids of that moment (converted to a snowflake id)."""
PrimitiveIdType = Union[str, int]
PathOrFile = Union[str, PurePath, IO[bytes]]
WebpushCryptoParamsPubkey = Dict[str, str]
WebpushCryptoParamsPrivkey = Dict[str, str]

