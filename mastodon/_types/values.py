"""Scalar values of entities: object ids (snowflakes), timestamps and base 62.

Timestamps with a zone (or ``Z``) are parsed to aware datetimes, those without
one (``last_status_at`` is a bare date) to naive ones, as Mastodon.py does;
parsed ones are shared (datetimes are immutable), as are id objects.
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
    """Converter for datetime fields: ISO strings, UNIX-second strings and numbers.

    A timestamp without a zone (a bare date) gives a naive datetime.
    """
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
                _DATETIME_CACHE[value] = parsed
                return parsed
    elif isinstance(value, datetime):
        return value
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
            return parsed
    return value


# --------------------------------------------------------------------------- numbers and booleans

def _keep_unfit(value: Any, what: str) -> Any:
    _log.debug("kept a value that is not %s in %s field: %r", what, what, value)
    return value


def _coerce_int(value: Any) -> Any:
    """Converter for int fields: digits sent as text (``"12"``) and whole floats to ints."""
    cls = value.__class__
    if cls is int:
        return value
    if cls is str:
        try:
            return int(value)
        except ValueError:
            return _keep_unfit(value, "an int")
    if cls is float and value.is_integer():
        return int(value)
    return _keep_unfit(value, "an int")


def _coerce_float(value: Any) -> Any:
    """Converter for float fields: ints and numbers sent as text to floats."""
    cls = value.__class__
    if cls is float:
        return value
    if cls is int:
        return float(value)
    if cls is str:
        try:
            return float(value)
        except ValueError:
            pass
    return _keep_unfit(value, "a float")


_BOOL_TEXT = {"true": True, "false": False}


def _coerce_bool(value: Any) -> Any:
    """Converter for boolean fields: ``"true"``/``"false"`` (any case) and numbers to bools."""
    cls = value.__class__
    if cls is str:
        found = _BOOL_TEXT.get(value.lower())
        return _keep_unfit(value, "a bool") if found is None else found
    if cls is int or cls is float:
        return bool(value)
    return value


#: The converters of the scalar field types whose values servers sometimes send as text.
SCALAR_COERCERS = {int: _coerce_int, float: _coerce_float, bool: _coerce_bool}


# --------------------------------------------------------------------------- ids

#: Longest id compared as a number (int() refuses longer digit strings by default).
_MAX_NUMBER_DIGITS = 4000


def _id_number(text: str) -> Optional[int]:
    """The number an id written in ASCII decimal digits stands for (a leading ``-``
    allowed); None for any other text."""
    digits = text[1:] if text[:1] == "-" else text
    if digits.isdigit() and digits.isascii() and len(digits) <= _MAX_NUMBER_DIGITS:
        return int(text)
    return None


def _order_operands(mine: str, other: Any) -> Optional[Tuple[Any, Any]]:
    """What an id comparison compares: both numbers when both sides are numbers
    (an int, or an id or string of digits), else both texts; None when ``other``
    cannot be ordered against an id."""
    if other.__class__ is int or (isinstance(other, int) and not isinstance(other, bool)):
        number = _id_number(mine)
        return None if number is None else (number, other)
    if isinstance(other, str):
        number = _id_number(mine)
        if number is not None:
            other_number = _id_number(other)
            if other_number is not None:
                return number, other_number
        return str(mine), str(other)
    return None


class MaybeSnowflakeIdType(str):
    """An object id: a string that may encode its creation time (a snowflake).

    Mastodon ids of statuses and most other objects are decimal numbers whose
    upper bits are a millisecond timestamp; :meth:`to_datetime` recovers it.
    Pleroma uses base-62 "flake" ids instead; pass ``assume_pleroma=True`` for
    those.

    Ids order as numbers: ``MaybeSnowflakeIdType("999") < "1000"`` and
    ``status.id > 5`` hold, and ``sorted()``/``max()`` of ids pick by number.
    Ids that are not numbers (Pleroma's) order as text among themselves and
    against strings; comparing one with an int raises TypeError. Equality and
    hashing are those of the string, so an id equals ``"5"``, not ``5``.
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
        """The creation time encoded in the id, or None when it encodes none.

        A naive datetime in local time, as in Mastodon.py, so that
        ``datetime.now() - status.id.to_datetime()`` works.
        """
        if self.isdigit():
            return datetime.fromtimestamp((int(self) >> 16) / 1000)
        if self._assume_pleroma and self and all(char in _BASE62_INDEX for char in self):
            return datetime.fromtimestamp((base62_to_int(self) >> 64 - 48) / 1000)
        return None

    def __reduce__(self) -> Tuple[Any, ...]:
        return (MaybeSnowflakeIdType, (str(self), self._assume_pleroma))

    def __repr__(self) -> str:
        return str.__str__(self)

    def __lt__(self, other: Any) -> bool:
        pair = _order_operands(self, other)
        return NotImplemented if pair is None else bool(pair[0] < pair[1])

    def __le__(self, other: Any) -> bool:
        pair = _order_operands(self, other)
        return NotImplemented if pair is None else bool(pair[0] <= pair[1])

    def __gt__(self, other: Any) -> bool:
        pair = _order_operands(self, other)
        return NotImplemented if pair is None else bool(pair[0] > pair[1])

    def __ge__(self, other: Any) -> bool:
        pair = _order_operands(self, other)
        return NotImplemented if pair is None else bool(pair[0] >= pair[1])


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

