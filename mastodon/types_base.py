"""Base classes for everything the API returns, and the fast decoder behind them.

Every JSON object the library has a class for becomes an :class:`AttribAccessDict`
(a dict whose keys are also attributes) or one of its typed subclasses from
:mod:`mastodon.return_types`; every JSON array of them becomes a
:class:`NonPaginatableList` or :class:`PaginatableList`.

Decoding is table driven and works in place. :func:`parse_json` lets the C
JSON parser build every object directly as an AttribAccessDict. The first time
a class decodes something, its type annotations are turned into a table from
JSON key to converter (a datetime parser, an id wrapper, a nested class, a
list ...), and that table is compiled into one small decoding function. After
that, decoding an object is one assignment to its ``__class__`` plus, for
each declared field that needs it, one dict lookup and at most one call.
There is no per-value type introspection and no exception is raised for
well-formed data. A value that does not fit its declared type is kept as
untyped data (and logged at DEBUG level on the ``mastodon`` logger); values
under keys the class does not declare are kept as parsed (objects in them are
AttribAccessDicts too).

Memory: :class:`AttribAccessDict` derives from :class:`collections.OrderedDict`,
as Mastodon.py's does, but keeps its entries in the plain dict storage (Python
dicts preserve insertion order) instead of OrderedDict's per-key linked list,
which would more than double the size of every decoded object. The
OrderedDict behaviours (order-sensitive equality between ordered dicts,
``move_to_end``, ``popitem(last=...)``, reversed iteration) are provided on top
of that storage.
"""
from __future__ import annotations

import html
import json
import logging
import re
import sys
import typing
from collections import OrderedDict
from datetime import datetime, timezone
from pathlib import PurePath
from typing import (
    IO, Any, Callable, Dict, FrozenSet, Generic, Iterable, List, Optional, Set, Tuple,
    TypeVar, Union,
)

from .errors import MastodonIllegalArgumentError

_log = logging.getLogger("mastodon")

T = TypeVar("T")

#: Serialisation format version written by :meth:`Entity.to_json`.
_MASTOPY_JSON_VERSION = "2.0.1"

BASE62_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
_BASE62_INDEX = {char: index for index, char in enumerate(BASE62_ALPHABET)}

_NoneType = type(None)
_MISSING: Any = object()


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


IdType = Union[str, int, MaybeSnowflakeIdType, datetime]
PrimitiveIdType = Union[str, int]
PathOrFile = Union[str, PurePath, IO[bytes]]
WebpushCryptoParamsPubkey = Dict[str, str]
WebpushCryptoParamsPrivkey = Dict[str, str]


# --------------------------------------------------------------------------- entities

class Entity:
    """Mixin for every returned object: JSON persistence with type information."""

    def __init__(self) -> None:
        pass

    def to_json(self, pretty: bool = True) -> str:
        """Serialise to JSON that :meth:`from_json` turns back into the same type.

        The JSON object has the keys ``_mastopy_version``, ``_mastopy_type`` (the
        class name, e.g. ``Status`` or ``PaginatableList[Status]``),
        ``_mastopy_data`` (the data) and ``_mastopy_extra_data`` (pagination
        information and other attributes set on the object).
        """
        envelope = {
            "_mastopy_version": _MASTOPY_JSON_VERSION,
            "_mastopy_type": _type_name(self),
            "_mastopy_data": _to_plain(self),
            "_mastopy_extra_data": _extra_data(self),
        }
        return json.dumps(envelope, indent=4 if pretty else None, default=_json_default)

    @staticmethod
    def from_json(json_str: str) -> "Entity":
        """Rebuild an object written by :meth:`to_json`.

        Raises ValueError when the text is not such an object.
        """
        envelope = json.loads(json_str)
        if not isinstance(envelope, dict) or "_mastopy_version" not in envelope \
                or "_mastopy_type" not in envelope:
            raise ValueError("not a serialised Mastodon entity (no _mastopy_version/_mastopy_type)")
        target = _str_to_type(envelope["_mastopy_type"])
        data = envelope.get("_mastopy_data")
        result = decode(data, target)
        if isinstance(result, (dict, list)) and result is data:
            result = _convert_generic(data)  # a scalar type name: decode containers untyped
        _restore_extra_data(result, envelope.get("_mastopy_extra_data") or {})
        return result  # type: ignore[no-any-return]


_PAGINATION_ATTRS = frozenset({"_pagination_next", "_pagination_prev"})

Converter = Callable[[Any], Any]
_converter_cache: Dict[Any, Optional[Converter]] = {}
_fields_cache: Dict[type, "_ClassInfo"] = {}
#: Entity class -> its compiled decoder (see _compile_decoder).
_DECODERS: Dict[type, Callable[[Dict[str, Any]], Any]] = {}

_dict_get = dict.get
_odict_new: Callable[[type], Any] = OrderedDict.__new__
_dict_setitem = dict.__setitem__
_dict_update = dict.update


class _FieldShadow:
    """Class attribute for a field whose name is also a dict method (``update``).

    Reading it on an object that has the key gives the value; otherwise it is the
    dict method, so ``obj.update(...)`` keeps working on objects without the key.
    """

    def __init__(self, name: str, inherited: Any) -> None:
        self.name = name
        self.inherited = inherited

    def __get__(self, obj: Any, owner: Any = None) -> Any:
        if obj is None:
            return self.inherited
        value = _dict_get(obj, self.name, _MISSING)
        if value is not _MISSING:
            return value
        return self.inherited.__get__(obj, owner)

    def __set__(self, obj: Any, value: Any) -> None:
        _dict_setitem(obj, self.name, value)


class AttribAccessDict(OrderedDict, Entity):  # type: ignore[type-arg]
    """A dict whose keys can also be read and written as attributes.

    Typed subclasses (see :mod:`mastodon.return_types`) declare their fields as
    annotations. A declared field missing from the server's answer reads as
    None, as attribute and as ``obj["field"]``; keys the server sent but the
    class does not declare are kept and readable the same way. Setting an
    attribute that is neither a key nor a declared field raises AttributeError
    (use ``obj["key"] = value`` to add keys).

    ``_rename_map`` maps attribute names to JSON keys that are not identifiers
    or that clash with dict methods (``InstanceThumbnailVersions.at1x`` reads
    the key ``@1x``); ``_access_map`` gives fallback paths read when a key is
    absent or null (``Instance.uri`` falls back to ``domain``).

    Pagination information of a page is kept in the attributes
    ``_pagination_next`` and ``_pagination_prev``, never as keys.
    """

    _version: typing.ClassVar[str] = "0.0.0"
    _rename_map: typing.ClassVar[Dict[str, str]] = {}
    _access_map: typing.ClassVar[Dict[str, str]] = {}
    _interned_fields: typing.ClassVar[FrozenSet[str]] = frozenset()
    _pagination_next: Optional["PaginationInfo"]
    _pagination_prev: Optional["PaginationInfo"]

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        for name in cls.__dict__.get("__annotations__", {}):
            if not name.startswith("_") and name not in cls.__dict__ \
                    and hasattr(AttribAccessDict, name):
                setattr(cls, name, _FieldShadow(name, getattr(AttribAccessDict, name)))
        _fields_cache.pop(cls, None)
        _DECODERS.pop(cls, None)

    def __init__(self, **kwargs: Any) -> None:
        _dict_update(self, kwargs)

    # -- attribute access

    def __getattr__(self, attr: str) -> Any:
        value = _dict_get(self, attr, _MISSING)
        cls = type(self)
        if value is not _MISSING and (value is not None or attr not in cls._access_map):
            return value
        if attr[:2] == "__":
            raise AttributeError(attr)
        wire = cls._rename_map.get(attr)
        if wire is not None:
            value = _dict_get(self, wire, _MISSING)
            if value is not _MISSING:
                return value
        alias = cls._access_map.get(attr)
        if alias is not None:
            return _follow_path(self, alias)
        if value is not _MISSING or attr in _PAGINATION_ATTRS or attr in _names_of(cls):
            return None
        raise AttributeError(f"{cls.__name__!r} object has no attribute or key {attr!r}")

    def __setattr__(self, attr: str, value: Any) -> None:
        if attr in self:
            _dict_setitem(self, attr, value)
            return
        cls = type(self)
        wire = cls._rename_map.get(attr)
        if wire is not None:
            _dict_setitem(self, wire, value)
        elif attr in _names_of(cls):
            _dict_setitem(self, attr, value)
        elif attr[:1] == "_":
            object.__setattr__(self, attr, value)
        else:
            raise AttributeError(
                f"cannot set unknown attribute {attr!r} on {cls.__name__}; "
                f"use item assignment (obj[{attr!r}] = ...) to add a key"
            )

    def __missing__(self, key: Any) -> Any:
        cls = type(self)
        if key.__class__ is str:
            wire = cls._rename_map.get(key)
            if wire is not None and wire in self:
                return self[wire]
            if key in _names_of(cls):
                return None
        raise KeyError(key)

    def __dir__(self) -> Iterable[str]:
        names = {key for key in dict.keys(self) if key.__class__ is str and key.isidentifier()}
        names.update(_names_of(type(self)))
        names.update(super().__dir__())
        return sorted(names)

    # -- dict storage in place of OrderedDict's linked list (see the module docstring)

    __setitem__ = dict.__setitem__
    __delitem__ = dict.__delitem__
    __iter__ = dict.__iter__
    __reversed__ = dict.__reversed__
    keys = dict.keys  # type: ignore[assignment]
    values = dict.values  # type: ignore[assignment]
    items = dict.items  # type: ignore[assignment]
    pop = dict.pop  # type: ignore[assignment]
    clear = dict.clear
    setdefault = dict.setdefault  # type: ignore[assignment]
    update = dict.update
    __hash__ = None  # type: ignore[assignment]

    def __eq__(self, other: Any) -> bool:
        result = dict.__eq__(self, other)
        if result is True and isinstance(other, OrderedDict):
            return list(dict.keys(self)) == list(other.keys())
        return result

    def __ne__(self, other: Any) -> bool:
        result = self.__eq__(other)
        return result if result is NotImplemented else not result

    def popitem(self, last: bool = True) -> Tuple[Any, Any]:
        """Remove and return the last (or, with ``last=False``, the first) item."""
        if not last and self:
            key = next(iter(dict.keys(self)))
            return key, dict.pop(self, key)
        return dict.popitem(self)

    def move_to_end(self, key: Any, last: bool = True) -> None:
        """Move an existing key to the end (or, with ``last=False``, the start)."""
        value = dict.pop(self, key)
        if last:
            _dict_setitem(self, key, value)
            return
        rest = list(dict.items(self))
        dict.clear(self)
        _dict_setitem(self, key, value)
        _dict_update(self, rest)

    def copy(self) -> Any:
        """A shallow copy of the same class (pagination attributes included)."""
        return _rebuild_dict(type(self), list(dict.items(self)), _instance_state(self))

    def __or__(self, other: Any) -> Any:
        if not isinstance(other, dict):
            return NotImplemented
        new = self.copy()
        _dict_update(new, other)
        return new

    def __ror__(self, other: Any) -> Any:
        if not isinstance(other, dict):
            return NotImplemented
        new = _new_object(type(self))
        _dict_update(new, other)
        _dict_update(new, self)
        return new

    def __ior__(self, other: Any) -> Any:
        _dict_update(self, other)
        return self

    def __reduce__(self) -> Tuple[Any, ...]:
        return (_rebuild_dict, (type(self), list(dict.items(self)), _instance_state(self)))

    # -- display

    def __repr__(self) -> str:
        cls = type(self)
        if not _names_of(cls):
            return f"{cls.__name__}({dict.__repr__(self)})"
        return _short_repr(self)

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        """Pretty printing for IPython.

        A typed entity shown on its own lists all its data; typed entities
        nested in it (or in a list) show their short summary.
        """
        name = type(self).__name__
        typed = bool(_names_of(type(self)))
        if cycle:
            printer.text(f"{name}(...)")
            return
        if typed and len(getattr(printer, "stack", ())) > 1:
            printer.text(_short_repr(self))
            return
        with printer.group(len(name) + 1, f"{name}(", ")"):
            printer.pretty(dict(dict.items(self)))


def _instance_state(obj: Any) -> Dict[str, Any]:
    try:
        state = object.__getattribute__(obj, "__dict__")
    except AttributeError:
        return {}
    return dict(state)


def _new_object(cls: type) -> Any:
    return _odict_new(cls)


def _rebuild_dict(cls: type, items: List[Tuple[Any, Any]], state: Dict[str, Any]) -> Any:
    obj = _odict_new(cls)
    _dict_update(obj, items)
    for name, value in state.items():
        object.__setattr__(obj, name, value)
    return obj


class EmptyResponse(AttribAccessDict):
    """The empty object some endpoints answer with."""


class PaginationInfo(OrderedDict):  # type: ignore[type-arg]
    """Where the next or previous page of a paginated answer is.

    Keys: ``_pagination_method``, ``_pagination_endpoint``, ``_mastopy_type``
    and the query parameters of the page (``max_id``, ``min_id``, ``since_id``,
    ``limit`` ...).
    """

    def __getattr__(self, attr: str) -> Any:
        value = _dict_get(self, attr, _MISSING)
        if value is _MISSING:
            raise AttributeError(attr)
        return value


class _EntityList(list, Entity):  # type: ignore[type-arg]
    """Shared base of the two list types; carries pagination info as attributes."""

    _pagination_next: Optional[PaginationInfo] = None
    _pagination_prev: Optional[PaginationInfo] = None

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        list.__init__(self, *args)
        next_page = kwargs.pop("next", None)
        prev_page = kwargs.pop("prev", None)
        if next_page is not None:
            self._pagination_next = next_page
        if prev_page is not None:
            self._pagination_prev = prev_page

    def __repr__(self) -> str:
        return f"{type(self).__name__}({list.__repr__(self)})"

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        """Pretty printing for IPython."""
        name = type(self).__name__
        if cycle:
            printer.text(f"{name}([...])")
            return
        with printer.group(len(name) + 1, f"{name}(", ")"):
            printer.pretty(list(self))

    def __reduce__(self) -> Tuple[Any, ...]:
        return (_rebuild_list, (type(self), list(self), _instance_state(self)))


def _rebuild_list(cls: type, items: List[Any], state: Dict[str, Any]) -> Any:
    obj: Any = list.__new__(cls)
    list.extend(obj, items)
    for name, value in state.items():
        object.__setattr__(obj, name, value)
    return obj


class PaginatableList(_EntityList, Generic[T]):
    """A page of results; ``fetch_next``/``fetch_previous`` continue from it."""


class NonPaginatableList(_EntityList, Generic[T]):
    """A complete list of results that has no further pages."""


AttribAccessList = PaginatableList
EntityList = Union[NonPaginatableList[T], PaginatableList[T]]


# --------------------------------------------------------------------------- decoding

_intern = sys.intern


class _ClassInfo:
    """What decoding and attribute access need to know about one entity class."""

    __slots__ = ("converters", "names", "known_keys", "converted")

    def __init__(self, converters: Dict[str, Optional[Converter]], names: FrozenSet[str]) -> None:
        #: JSON key (field name and wire name) -> converter, None when the value is kept as is.
        self.converters = converters
        #: The declared attribute names.
        self.names = names
        self.known_keys = frozenset(converters)
        #: (key, converter) for the keys whose values need converting.
        self.converted = tuple((key, conv) for key, conv in converters.items() if conv is not None)


def _class_info(cls: type) -> _ClassInfo:
    info = _fields_cache.get(cls)
    if info is None:
        info = _build_class_info(cls)
        _fields_cache[cls] = info
    return info


def _fields_of(cls: type) -> Dict[str, Optional[Converter]]:
    """The JSON-key-to-converter table of an entity class, built on first use.

    Keys are the declared field names plus their wire names from ``_rename_map``;
    a None converter means the value is kept as parsed.
    """
    return _class_info(cls).converters


def _names_of(cls: type) -> FrozenSet[str]:
    info = _fields_cache.get(cls)
    if info is None:
        info = _class_info(cls)
    return info.names


def _class_hints(cls: type) -> Dict[str, Any]:
    """The evaluated field annotations of ``cls`` and its typed bases.

    Each annotation is evaluated in the module of the class declaring it. One
    that cannot be resolved makes that field untyped (its values are decoded
    generically) instead of failing the whole class.
    """
    try:
        hints = typing.get_type_hints(cls)
    except Exception:  # some annotation does not resolve: go field by field
        hints = {}
        for klass in reversed(cls.__mro__):
            if not (isinstance(klass, type) and issubclass(klass, AttribAccessDict)) \
                    or klass is AttribAccessDict:
                continue
            module = sys.modules.get(klass.__module__)
            namespace = vars(module) if module is not None else {}
            for name, annotation in klass.__dict__.get("__annotations__", {}).items():
                if name.startswith("_"):
                    continue
                probe = type("_probe", (), {"__annotations__": {name: annotation},
                                            "__module__": klass.__module__})
                try:
                    hints[name] = typing.get_type_hints(probe, namespace, dict(vars(klass)))[name]
                except Exception:
                    _log.debug("cannot resolve %s.%s: %r", klass.__name__, name, annotation,
                               exc_info=True)
                    hints[name] = Any
    return {name: hint for name, hint in hints.items()
            if not name.startswith("_") and typing.get_origin(hint) is not typing.ClassVar}


def _build_class_info(cls: type) -> _ClassInfo:
    converters: Dict[str, Optional[Converter]] = {}
    if cls is AttribAccessDict or not issubclass(cls, AttribAccessDict):
        return _ClassInfo(converters, frozenset())
    interned: FrozenSet[str] = getattr(cls, "_interned_fields", frozenset())
    for name, hint in _class_hints(cls).items():
        conv = converter_for(hint)
        if conv is None and name in interned:
            conv = _intern_converter
        converters[name] = conv
    names = frozenset(converters)
    for name, wire in cls._rename_map.items():
        if name in converters:
            conv = converters[name]
            if conv is None and wire in interned:
                conv = _intern_converter
            converters[wire] = conv
    return _ClassInfo(converters, names)


def _intern_converter(value: Any) -> Any:
    if value.__class__ is str and len(value) <= 40:
        return _intern(value)
    return value


def converter_for(hint: Any) -> Optional[Converter]:
    """The function turning a parsed-JSON value into ``hint``; None when none is needed."""
    try:
        return _converter_cache[hint]
    except KeyError:
        pass
    except TypeError:  # unhashable hint
        return _convert_generic
    conv = _build_converter(hint)
    _converter_cache[hint] = conv
    return conv


_ID_UNION_MEMBERS = frozenset({str, int, MaybeSnowflakeIdType, datetime})
_SCALARS = (str, int, float, bool, _NoneType)


def _is_entity_class(hint: Any) -> bool:
    return isinstance(hint, type) and issubclass(hint, AttribAccessDict)


def _list_parts(hint: Any) -> Optional[Tuple[type, Any]]:
    """(list class, item hint) when ``hint`` is a list type, else None."""
    origin = typing.get_origin(hint) or hint
    if origin in (PaginatableList, NonPaginatableList):
        args = typing.get_args(hint)
        return origin, (args[0] if args else Any)
    if origin in (list, List):
        args = typing.get_args(hint)
        return NonPaginatableList, (args[0] if args else Any)
    return None


def _build_converter(hint: Any) -> Optional[Converter]:
    if isinstance(hint, str):
        try:
            hint = _str_to_type(hint)
        except ValueError:
            return _convert_generic
        return converter_for(hint)
    if hint is Any or hint is object or isinstance(hint, TypeVar):
        return _convert_generic
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin is Union:
        members = [arg for arg in args if arg is not _NoneType]
        if len(members) == 1:
            return converter_for(members[0])
        if frozenset(members) <= _ID_UNION_MEMBERS:
            return None  # IdType and friends: ids stay as the server sent them
        return _UnionConverter(members)
    parts = _list_parts(hint)
    if parts is not None:
        return _list_converter(parts[0], converter_for(parts[1]))
    if origin in (dict, Dict) or (origin is not None and _is_entity_class(origin)):
        container = origin if _is_entity_class(origin) else AttribAccessDict
        value_hint = args[1] if len(args) == 2 else Any
        return _mapping_converter(container, converter_for(value_hint))
    if hint is datetime:
        return _convert_datetime
    if hint is MaybeSnowflakeIdType:
        return _convert_id
    if hint is PaginationInfo:
        return _convert_pagination_info
    if _is_entity_class(hint):
        if hint is AttribAccessDict:
            return _convert_untyped_object
        return _entity_converter(hint)
    if hint in _SCALARS:
        return None
    if origin in (tuple, Tuple):
        return _convert_generic
    return _convert_generic


def _unfit(value: Any, what: Any) -> Any:
    """A value that does not fit its declared type: keep it, untyped."""
    _log.debug("kept a value that does not fit %s: %r", getattr(what, "__name__", what),
               value if not isinstance(value, (dict, list)) else type(value).__name__)
    return _convert_generic(value)


_str_new = str.__new__


def _convert_id(value: Any) -> Any:
    cls = value.__class__
    if cls is str or cls is int:
        cached = _ID_CACHE.get(value)
        if cached is None:
            if len(_ID_CACHE) >= _CACHE_LIMIT:
                _ID_CACHE.clear()
            cached = _ID_CACHE[value] = _str_new(MaybeSnowflakeIdType, value)
        return cached
    if isinstance(value, MaybeSnowflakeIdType):
        return value
    if isinstance(value, (str, int)) and not isinstance(value, bool):
        return MaybeSnowflakeIdType(value)
    return _unfit(value, MaybeSnowflakeIdType)


def _convert_pagination_info(value: Any) -> Any:
    if isinstance(value, dict):
        return value if isinstance(value, PaginationInfo) else PaginationInfo(value)
    return _unfit(value, PaginationInfo)


def _list_converter(list_type: type, item: Optional[Converter]) -> Converter:
    new: Callable[[type], Any] = list.__new__
    extend = list.extend

    def convert(value: Any) -> Any:
        if not isinstance(value, list):
            return _unfit(value, list_type)
        result = new(list_type)
        if not value:
            return result
        if item is None:
            extend(result, value)
        else:
            extend(result, [item(element) if element is not None else None
                            for element in value])
        return result
    convert.list_type = list_type  # type: ignore[attr-defined]  # read by _compile_decoder
    return convert


def _mapping_converter(container: type, item: Optional[Converter]) -> Converter:
    def convert(value: Any) -> Any:
        if not isinstance(value, dict):
            return _unfit(value, container)
        result = _take_object(container, value)
        if item is not None:
            for key, element in list(dict.items(result)):
                if element is not None:
                    _dict_setitem(result, key, item(element))
        return result
    return convert


def _entity_converter(cls: type) -> Converter:
    def convert(value: Any) -> Any:
        if isinstance(value, dict):
            decoder = _DECODERS.get(cls)
            if decoder is None:
                decoder = _decoder_for(cls)
            return decoder(value)
        return _unfit(value, cls)
    convert.entity_class = cls  # type: ignore[attr-defined]  # read by _compile_decoder
    return convert


# -- objects

class _ParsedObject(AttribAccessDict):
    """A JSON object as :func:`parse_json` builds it (in C, without a Python call).

    Decoding retypes it in place (``__class__`` assignment) to its entity class
    instead of copying it. Under keys no class declares it stays as it is, and
    shows, copies and pickles as a plain AttribAccessDict.
    """

    __init__ = dict.__init__

    def __repr__(self) -> str:
        return f"AttribAccessDict({dict.__repr__(self)})"

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        """Pretty printing for IPython."""
        if cycle:
            printer.text("AttribAccessDict(...)")
            return
        with printer.group(17, "AttribAccessDict(", ")"):
            printer.pretty(dict(dict.items(self)))

    def copy(self) -> Any:
        """A shallow copy, as an AttribAccessDict."""
        return _rebuild_dict(AttribAccessDict, list(dict.items(self)), _instance_state(self))

    def __reduce__(self) -> Tuple[Any, ...]:
        return (_rebuild_dict, (AttribAccessDict, list(dict.items(self)), _instance_state(self)))


_JSON_DECODER = json.JSONDecoder(object_hook=_ParsedObject)


def parse_json(text: Union[str, bytes]) -> Any:
    """Parse JSON text (bytes in UTF-8, -16 or -32) for :func:`decode`; ValueError when not JSON.

    Objects come out as AttribAccessDicts that :func:`decode` retypes in place
    instead of copying.
    """
    if not isinstance(text, str):
        text = text.decode(json.detect_encoding(text), "surrogatepass")
    return _JSON_DECODER.decode(text)


_set_class = object.__setattr__


def _take_object(cls: type, data: Dict[str, Any]) -> Any:
    """``data`` as a ``cls``: retyped in place when fresh from the parser, else copied."""
    if data.__class__ is _ParsedObject:
        _set_class(data, "__class__", cls)
        return data
    obj = _odict_new(cls)
    _dict_update(obj, data)
    return obj


def _copy_entity(cls: type, data: Dict[str, Any]) -> Any:
    """A copy of ``data`` (not from the parser) as ``cls``, before its fields are converted.

    Values under keys ``cls`` does not declare become what :func:`parse_json`
    would have made of them, so both ways of decoding give the same result.
    """
    obj = _odict_new(cls)
    _dict_update(obj, data)
    for key in data.keys() - _class_info(cls).known_keys:
        value = data[key]
        if isinstance(value, (dict, list)):
            _dict_setitem(obj, key, _as_parsed(value))
    return obj


def _as_parsed(value: Any) -> Any:
    """JSON data as :func:`parse_json` makes it (AttribAccessDicts already there are kept)."""
    if isinstance(value, AttribAccessDict):
        return value
    if isinstance(value, dict):
        obj = _odict_new(_ParsedObject)
        _dict_update(obj, {key: _as_parsed(item) for key, item in value.items()})
        return obj
    if isinstance(value, list) and not isinstance(value, _EntityList):
        return [_as_parsed(item) for item in value]
    return value


def _decoder_for(cls: type) -> Callable[[Dict[str, Any]], Any]:
    decoder = _DECODERS.get(cls)
    if decoder is None:
        decoder = _DECODERS[cls] = _compile_decoder(cls)
    return decoder


#: Code converting one field's ``{value}`` (read from JSON key ``{key}``), by
#: kind of converter; ``{convert}`` names the converter in the decoder's namespace.
_FIELD_CODE = {
    # ids and timestamps: a hit in the cache needs no call
    "id": """\
    if {value}.__class__ is str:
        setitem(obj, {key}, ids({value}) or convert_id({value}))
    elif {value} is not None:
        setitem(obj, {key}, convert_id({value}))
""",
    "datetime": """\
    if {value}.__class__ is str:
        setitem(obj, {key}, dates({value}) or convert_datetime({value}))
    elif {value} is not None:
        setitem(obj, {key}, convert_datetime({value}))
""",
    "intern": """\
    if {value}.__class__ is str and len({value}) <= 40:
        setitem(obj, {key}, intern({value}))
""",
    # lists: an empty one (the usual case) needs no call
    "list": """\
    if {value}.__class__ is list and not {value}:
        setitem(obj, {key}, new_list({convert}_list_type))
    elif {value} is not None:
        setitem(obj, {key}, {convert}({value}))
""",
    # nested entities fresh from the parser are retyped in place: nothing to store
    "entity": """\
    if {value}.__class__ is parsed:
        (decoders.get({convert}_class) or decoder_for({convert}_class))({value})
    elif {value} is not None:
        setitem(obj, {key}, {convert}({value}))
""",
    "call": """\
    if {value} is not None:
        setitem(obj, {key}, {convert}({value}))
""",
}


def _field_kind(conv: Converter) -> str:
    if conv is _convert_id:
        return "id"
    if conv is _convert_datetime:
        return "datetime"
    if conv is _intern_converter:
        return "intern"
    if hasattr(conv, "list_type"):
        return "list"
    if hasattr(conv, "entity_class"):
        return "entity"
    return "call"


def _compile_decoder(cls: type) -> Callable[[Dict[str, Any]], Any]:
    """Write and compile the decoding function of one entity class.

    The function takes the parsed object (in place when it came from
    :func:`parse_json`) and converts each declared field that needs it with the
    code for its kind from ``_FIELD_CODE``; undeclared keys are kept as parsed.
    It is the class's converter table unrolled: one Python call per object and
    none for cached ids and timestamps or empty lists.
    """
    info = _class_info(cls)
    namespace: Dict[str, Any] = {
        "cls": cls, "copy": _copy_entity, "set_class": _set_class, "get": _dict_get,
        "setitem": _dict_setitem, "ids": _ID_CACHE.get, "convert_id": _convert_id,
        "dates": _DATETIME_CACHE.get, "convert_datetime": _convert_datetime,
        "intern": _intern, "new_list": list.__new__,
        "parsed": _ParsedObject, "decoders": _DECODERS, "decoder_for": _decoder_for,
    }
    source = ["""\
def decode(data):
    if data.__class__ is parsed:
        set_class(data, "__class__", cls)
        obj = data
    else:
        obj = copy(cls, data)
"""]
    for index, (key, conv) in enumerate(info.converted):
        name = f"convert_{index}"
        namespace[name] = conv
        kind = _field_kind(conv)
        if kind == "list":
            namespace[f"{name}_list_type"] = conv.list_type  # type: ignore[attr-defined]
        elif kind == "entity":
            namespace[f"{name}_class"] = conv.entity_class  # type: ignore[attr-defined]
        source.append(f"    value = get(obj, {key!r})\n")
        source.append(_FIELD_CODE[kind].format(value="value", key=repr(key), convert=name))
    source.append("""\
    return obj
""")
    code = compile("".join(source), f"<decoder of {cls.__module__}.{cls.__qualname__}>", "exec")
    exec(code, namespace)
    return namespace["decode"]  # type: ignore[no-any-return]


def _decode_untyped(data: Dict[str, Any]) -> Any:
    """An object without a declared class: date-like keys to datetimes, nested values decoded."""
    obj = _take_object(AttribAccessDict, data)
    for key, value in list(dict.items(obj)):
        if value is not None:
            new = _convert_untyped_value(key, value)
            if new is not value:
                _dict_setitem(obj, key, new)
    return obj


def _convert_untyped_object(value: Any) -> Any:
    if isinstance(value, dict):
        return _decode_untyped(value)
    return _unfit(value, AttribAccessDict)


_DATE_KEY_SUFFIXES = ("_at", "_on")
_DATE_KEYS = frozenset({"date", "day", "week", "period", "last_status_at"})


def _convert_untyped_value(key: Any, value: Any) -> Any:
    cls = value.__class__
    if cls is str:
        if key.__class__ is str and (key.endswith(_DATE_KEY_SUFFIXES) or key in _DATE_KEYS):
            return _maybe_datetime(value)
        return value
    if cls is dict or cls is list or isinstance(value, (dict, list)):
        return _convert_generic(value)
    return value


def _convert_generic(value: Any) -> Any:
    """Decode without type information: objects to AttribAccessDict, date keys to datetimes."""
    if isinstance(value, dict):
        return _decode_untyped(value)
    if isinstance(value, list):
        result = NonPaginatableList.__new__(NonPaginatableList)
        list.extend(result, [_convert_generic(element) for element in value])
        return result
    return value


# -- unions

#: Hand-written choosers for unions whose members the key scoring cannot tell
#: apart: frozenset of member class names -> function(data) -> class name or None.
_UNION_SPECIALIZERS: Dict[FrozenSet[str], Callable[[Dict[str, Any]], Optional[str]]] = {}


def _search_kind(data: Dict[str, Any]) -> Optional[str]:
    hashtags = data.get("hashtags")
    if isinstance(hashtags, list) and hashtags:
        return "SearchV2" if isinstance(hashtags[0], dict) else "Search"
    return "SearchV2"


_UNION_SPECIALIZERS[frozenset({"Search", "SearchV2"})] = _search_kind


class _EntityChooser:
    """Picks the member of a union of entity classes that fits a JSON object best.

    A member scores first by how many of the object's keys only it declares,
    then by how well its declared fields and the object's keys overlap. The
    tables are built on first use (classes may refer to each other).
    """

    __slots__ = ("classes", "special", "_tables")

    def __init__(self, classes: List[type]) -> None:
        self.classes = classes
        self.special = _UNION_SPECIALIZERS.get(frozenset(c.__name__ for c in classes))
        self._tables: Optional[List[Tuple[type, FrozenSet[str], FrozenSet[str], int]]] = None

    def _build(self) -> List[Tuple[type, FrozenSet[str], FrozenSet[str], int]]:
        keysets = [_class_info(c).known_keys for c in self.classes]
        tables = []
        for index, cls in enumerate(self.classes):
            others: Set[str] = set()
            for other_index, other in enumerate(keysets):
                if other_index != index:
                    others |= other
            tables.append((cls, keysets[index], frozenset(keysets[index] - others),
                           len(_class_info(cls).names)))
        return tables

    def pick(self, data: Dict[str, Any]) -> type:
        if self.special is not None:
            name = self.special(data)
            for cls in self.classes:
                if cls.__name__ == name:
                    return cls
        tables = self._tables
        if tables is None:
            tables = self._tables = self._build()
        keys = data.keys()
        best, best_score = self.classes[0], None
        for cls, known, distinct, size in tables:
            hits = len(keys & known)
            score = (len(keys & distinct), 2 * hits - size)
            if best_score is None or score > best_score:
                best, best_score = cls, score
        return best


class _UnionConverter:
    """Converter for ``Union[...]``: chooses a member by the shape of the value."""

    __slots__ = ("members", "entities", "lists", "mappings", "chooser", "list_chooser",
                 "other", "untyped")

    def __init__(self, members: List[Any]) -> None:
        self.members = members
        self.entities = [m for m in members if _is_entity_class(m)]
        self.lists: List[Tuple[Any, Tuple[type, Any]]] = []
        for member in members:
            parts = _list_parts(member)
            if parts is not None:
                self.lists.append((member, parts))
        self.mappings = [m for m in members if typing.get_origin(m) in (dict, Dict)]
        self.chooser = _EntityChooser(self.entities) if len(self.entities) > 1 else None
        item_classes = [parts[1] for _, parts in self.lists if _is_entity_class(parts[1])]
        self.list_chooser = _EntityChooser(item_classes) if len(item_classes) > 1 else None
        self.other = [m for m in members if m not in self.entities and
                      _list_parts(m) is None and m not in self.mappings]
        #: a member that accepts anything (Any, a TypeVar): no complaint about odd shapes
        self.untyped = any(m is Any or isinstance(m, TypeVar) for m in members)

    def __call__(self, value: Any) -> Any:
        if isinstance(value, dict):
            if self.chooser is not None:
                return _decoder_for(self.chooser.pick(value))(value)
            if self.entities:
                return converter_for(self.entities[0])(value)  # type: ignore[misc]
            if self.mappings:
                return converter_for(self.mappings[0])(value)  # type: ignore[misc]
            return _convert_generic(value) if self.untyped else _unfit(value, self.members)
        if isinstance(value, list):
            if not self.lists:
                return _convert_generic(value) if self.untyped else _unfit(value, self.members)
            member = self.lists[0][0]
            if self.list_chooser is not None:
                first = next((element for element in value if isinstance(element, dict)), None)
                if first is not None:
                    item_cls = self.list_chooser.pick(first)
                    member = next(m for m, parts in self.lists if parts[1] is item_cls)
            return converter_for(member)(value)  # type: ignore[misc]
        if value.__class__ is str:
            if datetime in self.other and str not in self.other:
                return _convert_datetime(value)
            if MaybeSnowflakeIdType in self.other and str not in self.other:
                return _convert_id(value)
        return value

    def __repr__(self) -> str:
        return f"<union converter {self.members!r}>"


def decode(value: Any, entity: Any = None) -> Any:
    """Turn parsed JSON into ``entity`` (a class, list type, Union ...); untyped when None."""
    if entity is None:
        return _convert_generic(value)
    conv = converter_for(entity)
    if conv is None or value is None:
        return value
    return conv(value)


# --------------------------------------------------------------------------- type names

_SCALAR_NAMES = {"str": str, "int": int, "float": float, "bool": bool, "datetime": datetime,
                 "MaybeSnowflakeIdType": MaybeSnowflakeIdType}


def _type_name(obj: Any) -> str:
    """The type name :meth:`Entity.to_json` writes, e.g. ``PaginatableList[Status]``."""
    if isinstance(obj, _EntityList):
        inner = "AttribAccessDict"
        for item in obj:
            if item is None:
                continue
            if isinstance(item, AttribAccessDict):
                inner = type(item).__name__
            elif isinstance(item, MaybeSnowflakeIdType):
                inner = "MaybeSnowflakeIdType"
            else:
                for name, scalar in _SCALAR_NAMES.items():
                    if type(item) is scalar:
                        inner = name
            break
        return f"{type(obj).__name__}[{inner}]"
    return type(obj).__name__


def _str_to_type(mastopy_type: str) -> Any:
    """Map a type name written by :meth:`Entity.to_json` back to the type."""
    from . import return_types

    match = re.fullmatch(r"\s*(\w+)\s*(?:\[\s*(\w+)\s*\])?\s*", mastopy_type or "")
    if match is None:
        raise ValueError(f"unknown entity type {mastopy_type!r}")
    outer, inner = match.groups()
    known: Dict[str, Any] = {
        "AttribAccessDict": AttribAccessDict, "EmptyResponse": EmptyResponse,
        "PaginatableList": PaginatableList, "NonPaginatableList": NonPaginatableList,
        "PaginationInfo": PaginationInfo, **_SCALAR_NAMES,
    }
    known.update(getattr(return_types, "ENTITY_NAME_MAP", {}))
    if outer not in known or (inner is not None and inner not in known):
        raise ValueError(f"unknown entity type {mastopy_type!r}")
    if inner is not None:
        return known[outer][known[inner]]
    return known[outer]


def _to_plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _to_plain(v) for k, v in dict.items(value)}
    if isinstance(value, list):
        return [_to_plain(v) for v in value]
    return value


def _json_default(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    raise TypeError(f"cannot serialise {type(value).__name__}")


def _extra_data(obj: Any) -> Dict[str, Any]:
    """Attributes set on the object (pagination and refresh info), JSON-ready."""
    extra: Dict[str, Any] = {}
    for name, value in sorted(_instance_state(obj).items()):
        if not name.startswith("_") or name.startswith("__"):
            continue
        if isinstance(value, dict):
            extra[name] = _to_plain(value)
        elif value is None or isinstance(value, (str, int, float, bool, list, datetime)):
            extra[name] = _to_plain(value)
    return extra


def _restore_extra_data(obj: Any, extra: Dict[str, Any]) -> None:
    for name, value in extra.items():
        if not name.startswith("_") or name.startswith("__"):
            continue
        if name in _PAGINATION_ATTRS or (isinstance(value, dict) and
                                         "_pagination_endpoint" in value):
            value = PaginationInfo(value) if value is not None else None
        try:
            object.__setattr__(obj, name, value)
        except AttributeError:  # an object without attribute storage
            _log.debug("could not restore attribute %s on %s", name, type(obj).__name__)
            continue
        # a page also carries its pagination info on its last / first item
        if isinstance(obj, _EntityList) and obj and name in _PAGINATION_ATTRS:
            item = obj[-1] if name == "_pagination_next" else obj[0]
            if isinstance(item, AttribAccessDict):
                object.__setattr__(item, name, value)


def _follow_path(obj: Any, path: str) -> Any:
    for part in path.split("."):
        if obj is None:
            return None
        obj = _dict_get(obj, part) if isinstance(obj, dict) else getattr(obj, part, None)
    return obj


# --------------------------------------------------------------------------- repr

_TAG_RE = re.compile(r"<[^>]*>")
_SPACE_RE = re.compile(r"\s+")
_REPR_KEYS = ("acct", "username", "name", "title", "shortcode", "domain", "type", "state",
              "key", "code", "phrase", "keyword", "text", "content", "url", "uri")


def _excerpt(text: str, limit: int = 40) -> str:
    if "<" in text or "&" in text:
        text = html.unescape(_TAG_RE.sub(" ", text))
    text = _SPACE_RE.sub(" ", text).strip()
    return text if len(text) <= limit else text[:limit - 3].rstrip() + "..."


def _repr_value(value: Any) -> str:
    if isinstance(value, str):
        return repr(_excerpt(value))
    if isinstance(value, datetime):
        return value.isoformat()
    return repr(value)


def _acct(account: Any) -> str:
    if isinstance(account, dict):
        return "@" + str(_dict_get(account, "acct") or _dict_get(account, "username") or "?")
    return "@?"


def _status_parts(obj: Any) -> List[str]:
    parts = [f"id={_dict_get(obj, 'id')}", _acct(_dict_get(obj, "account"))]
    reblog = _dict_get(obj, "reblog")
    if isinstance(reblog, dict):
        parts.append(f"boosted {_acct(_dict_get(reblog, 'account'))}")
        obj = reblog
    spoiler = _dict_get(obj, "spoiler_text")
    if spoiler:
        parts.append(f"[CW {_repr_value(spoiler)}]")
    parts[-1] += ":"
    parts.append(repr(_excerpt(_dict_get(obj, "content") or "")))
    return parts


def _account_parts(obj: Any) -> List[str]:
    parts = [f"id={_dict_get(obj, 'id')}", _acct(obj)]
    display = _dict_get(obj, "display_name")
    if display:
        parts.append(repr(_excerpt(display)))
    return parts


def _notification_parts(obj: Any) -> List[str]:
    parts = [f"id={_dict_get(obj, 'id')}", str(_dict_get(obj, "type")),
             f"by {_acct(_dict_get(obj, 'account'))}"]
    status = _dict_get(obj, "status")
    if isinstance(status, dict):
        parts.append(f"status={_dict_get(status, 'id')}")
    return parts


_REPR_HOOKS: Dict[str, Callable[[Any], List[str]]] = {
    "Status": _status_parts,
    "Account": _account_parts,
    "Notification": _notification_parts,
}


def _default_parts(obj: Any) -> List[str]:
    parts = []
    ident = _dict_get(obj, "id")
    if ident is not None:
        parts.append(f"id={ident}")
    shown = 0
    for key in _REPR_KEYS:
        value = _dict_get(obj, key)
        if value is not None and isinstance(value, (str, int, float, datetime)) \
                and value != "":
            parts.append(f"{key}={_repr_value(value)}")
            shown += 1
            if shown == 2:
                break
    if not shown:
        for key, value in dict.items(obj):
            if key == "id" or value is None or isinstance(value, (dict, list)):
                continue
            parts.append(f"{key}={_repr_value(value)}")
            shown += 1
            if shown == 2:
                break
    if len(obj) > len(parts):
        parts.append("...")
    return parts


def _short_repr(obj: Any) -> str:
    """``<Status id=1 @alice: 'Hello world'>``: type, id and a few telling fields."""
    cls = type(obj)
    hook = None
    for klass in cls.__mro__:
        hook = _REPR_HOOKS.get(klass.__name__)
        if hook is not None or klass is AttribAccessDict:
            break
    parts = hook(obj) if hook is not None else _default_parts(obj)
    return "<" + " ".join([cls.__name__] + parts) + ">"


# --------------------------------------------------------------------------- compat helpers

def resolve_type(t: Any) -> Any:
    """Strip Optional[...] from a type hint."""
    if typing.get_origin(t) is Union:
        members = [arg for arg in typing.get_args(t) if arg is not _NoneType]
        if len(members) == 1:
            return members[0]
    return t


def stringify_type(tp: Any) -> str:
    """A readable name for a type hint."""
    if typing.get_origin(tp) is None:
        return getattr(tp, "__name__", None) or str(tp).replace("typing.", "")
    return str(tp).replace("typing.", "").replace("mastodon.types_base.", "") \
        .replace("mastodon.return_types.", "")


def get_type_class(typ: Any) -> Any:
    """The runtime class behind a (possibly generic) type hint."""
    return typing.get_origin(typ) or typ


def real_issubclass(type1: Any, type2orig: Any) -> bool:
    """issubclass() that accepts generic aliases on both sides."""
    try:
        return issubclass(get_type_class(type1), get_type_class(type2orig))
    except TypeError:
        return False


def try_cast(t: Any, value: Any, retry: bool = True, union_specializer: Any = None) -> Any:
    """Convert ``value`` to the type ``t``, keeping it unchanged where it does not fit.

    ``union_specializer``, when given for a Union type, is a function taking the
    value and returning the member type to use.
    """
    if union_specializer is not None and callable(union_specializer) \
            and typing.get_origin(t) is Union and value is not None:
        chosen = union_specializer(value)
        if chosen is not None:
            t = chosen
    return decode(value, t)


def try_cast_recurse(t: Any, value: Any, union_specializer: Any = None) -> Any:
    """Convert ``value`` (and everything nested in it) to the type ``t``."""
    return try_cast(t, value, union_specializer=union_specializer)
