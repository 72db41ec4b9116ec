"""Local argument checks, so input no server could accept fails before sending.

Each helper raises MastodonIllegalArgumentError naming the parameter. What
is refused here: what Mastodon.py 2.3.3 refuses locally (:func:`known`, with
its wording, so callers' error handling keeps working), and beyond that only
what no server could take: wrong Python types, text that cannot be encoded,
values that would break a URL or a header. Other enum values, counts,
lengths and limits belong to the server, which answers with a
MastodonAPIError; servers differ in them and add new values over time.
"""
from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any, Collection, Iterable, List, Literal, Optional, Tuple, Type, TypeVar, Union, cast, overload

from ..errors import MastodonIllegalArgumentError

_V = TypeVar("_V")


def one_of(name: str, value: Any, known: Collection[_V]) -> Optional[_V]:
    """Accept None or a value of the same type as the ``known`` values.

    Values the client does not know are sent: the server decides whether it
    supports them (and answers MastodonAPIError if it does not).
    """
    if value is not None and value not in known:
        types = tuple({type(item) for item in known})
        if types:
            of_type(name, value, types)
    return cast(Optional[_V], value)  # checked: of the known values' type (any, when none are)


def known(value: Any, allowed: Collection[_V], message: str) -> Optional[_V]:
    """Accept None or one of ``allowed``; refuse anything else with ``message``.

    For the values Mastodon.py 2.3.3 itself refuses before sending (an unknown
    visibility, search ``result_type``, admin account filter ...).
    """
    if value is not None and value not in allowed:
        raise MastodonIllegalArgumentError(message)
    return cast(Optional[_V], value)


def all_of(name: str, values: Optional[Iterable[Any]], known: Collection[Any]) -> Optional[List[Any]]:
    """Accept a list of values as :func:`one_of` does (a single string counts as a list)."""
    if values is None:
        return None
    items = [values] if isinstance(values, str) else list_of(name, values)
    for item in items:
        one_of(name, item, known)
    return items


def list_of(name: str, values: Any) -> List[Any]:
    """Accept any iterable except a string or a mapping, as a list."""
    if isinstance(values, (str, bytes, dict)) or not hasattr(values, "__iter__"):
        raise MastodonIllegalArgumentError(f"{name} must be a list, got {type(values).__name__}")
    return list(values)


@overload
def of_type(name: str, value: Any, types: Type[_V]) -> Optional[_V]: ...
@overload
def of_type(name: str, value: Any, types: Tuple[Type[Any], ...]) -> Any: ...
def of_type(name: str, value: Any, types: Union[Type[Any], Tuple[Type[Any], ...]]) -> Any:
    """Accept ``value`` only if it is None or an instance of ``types`` (bools are not ints)."""
    if value is None:
        return value
    wanted = types if isinstance(types, tuple) else (types,)
    if isinstance(value, bool) and bool not in wanted:
        raise MastodonIllegalArgumentError(f"{name} must be {_names(wanted)}, got a bool")
    if not isinstance(value, wanted):
        raise MastodonIllegalArgumentError(
            f"{name} must be {_names(wanted)}, got {type(value).__name__}")
    return value


@overload
def text(name: str, value: str, required: bool = False) -> str: ...
@overload
def text(name: str, value: Any, required: Literal[True]) -> str: ...
@overload
def text(name: str, value: Any, required: bool = False) -> Optional[str]: ...
def text(name: str, value: Any, required: bool = False) -> Optional[str]:
    """Accept a string (or None unless ``required``)."""
    if value is None:
        if required:
            raise MastodonIllegalArgumentError(f"{name} is required")
        return None
    return of_type(name, value, str)


_FALSE_WORDS = frozenset({"0", "f", "false", "off"})


def hashtag(name: str, value: Any) -> str:
    """A hashtag's name, required; one with a leading ``#`` is refused with
    Mastodon.py's message."""
    text(name, value, required=True)
    if value.startswith("#"):
        raise MastodonIllegalArgumentError("Hashtag parameter should omit leading #")
    return cast(str, value)


def flag(name: str, value: Any) -> Optional[bool]:
    """A bool, or None. Mastodon.py passes ints and strings on, so they are accepted
    and read the way the server reads them: 0 and "0", "f", "false", "off" (in any
    case) are False, other ints and strings True, and "" is None (left out)."""
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, int):
        return value != 0
    if isinstance(value, str):
        word = value.strip().lower()
        return None if not word else word not in _FALSE_WORDS
    raise MastodonIllegalArgumentError(f"{name} must be a bool, got {type(value).__name__}")


def count(name: str, value: Any) -> Optional[int]:
    """An int or None (its range is the server's to check); a string holding a whole
    number, which Mastodon.py passes on, is accepted as that number."""
    if isinstance(value, str):
        try:
            return int(value.strip())
        except ValueError:
            raise MastodonIllegalArgumentError(
                f"{name} must be a whole number, got {value!r}") from None
    return of_type(name, value, int)


def duration(name: str, value: Any) -> Optional[int]:
    """A duration as whole seconds: an int, a float or a timedelta (None stays None)."""
    if isinstance(value, timedelta):
        value = value.total_seconds()
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise MastodonIllegalArgumentError(f"{name} must be a finite duration, got {value}")
        value = int(value)
    return count(name, value)


_MAX_TIMEOUT = 1e6  # seconds; sockets refuse timeouts far beyond this


def timeout(name: str, value: Any) -> Any:
    """Accept a socket timeout: a positive number of seconds, a (connect, read) pair of
    them (either may be None), or None for no timeout."""
    parts = value if isinstance(value, tuple) else (value,)
    if value is not None and (len(parts) not in (1, 2) or not all(
            part is None or (isinstance(part, (int, float)) and not isinstance(part, bool)
                             and 0 < part <= _MAX_TIMEOUT) for part in parts)):
        raise MastodonIllegalArgumentError(
            f"{name} must be a positive number of seconds, got {value!r}")
    return value


def moment(name: str, value: Any) -> Optional[datetime]:
    """Accept a datetime (naive ones are taken as local time), or None."""
    return of_type(name, value, datetime)


def _names(types: Tuple[Type[Any], ...]) -> str:
    return " or ".join(t.__name__ for t in types)


@overload
def header_value(name: str, value: str) -> str: ...
@overload
def header_value(name: str, value: Any) -> Optional[str]: ...
def header_value(name: str, value: Any) -> Optional[str]:
    """Accept None or a string that can travel in an HTTP header (no line breaks, latin-1)."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise MastodonIllegalArgumentError(f"{name} must be a string, got {type(value).__name__}")
    try:
        value.encode("latin-1")
    except UnicodeEncodeError:
        raise MastodonIllegalArgumentError(
            f"{name} contains characters that cannot be sent in an HTTP header") from None
    if any(char in value for char in "\r\n\0"):
        raise MastodonIllegalArgumentError(f"{name} must not contain line breaks")
    return value


def scope_names(name: str, scopes: Any) -> List[str]:
    """OAuth scopes as a list of names: a list of strings or one space-separated string.

    Any name is accepted: servers define their own scopes (``write:conversations``,
    Pleroma's ``read:chats`` ...) and refuse the ones they do not know.
    """
    items = scopes.split() if isinstance(scopes, str) else list_of(name, scopes)
    for item in items:
        if not isinstance(item, str):
            raise MastodonIllegalArgumentError(
                f"{name} must be scope names (strings), got {type(item).__name__}")
    return items
