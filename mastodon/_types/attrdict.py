"""The dict every returned object is: keys readable as attributes, fields converted on first read.

An :class:`AttribAccessDict` holds the server's JSON object. Typed subclasses
(:mod:`mastodon.return_types`) declare their fields as annotations; the
decoding layer (:mod:`mastodon._types.decoding`) turns those into a
:class:`~mastodon._types.fields.FieldReaders` table per class and installs the
function that builds it (:func:`~mastodon._types.fields.install_readers`), so
this module knows nothing of the classes above it.

Values are converted when they are first read, not when the object is made:
a timestamp stays the server's string, a nested object a plain dict, until
something reads it. Then it is converted once (to a datetime, a typed
entity ...), stored back, and every later read finds the converted value.
Reads that see the whole object at once (``values()``, ``items()``, ``==``,
``repr``, ``copy``, pickling, ``to_json``, ``json.dumps``, ``dict(obj)``)
convert all of its fields first, so no one ever sees an unconverted value.
Conversion takes a lock, so threads sharing a result see one converted
object per field.

Memory: the class derives from :class:`collections.OrderedDict`, as
Mastodon.py's does, but keeps its entries in the plain dict storage (Python
dicts preserve insertion order) instead of OrderedDict's per-key linked list,
which would more than double the size of every object. The OrderedDict
behaviours (order-sensitive equality between ordered dicts, ``move_to_end``,
``popitem(last=...)``) are provided on top of that storage.
"""
from __future__ import annotations

import threading
import typing
from collections import OrderedDict
from typing import Any, Callable, Dict, Iterable, List, Optional, Tuple

from .display import short_repr
from .fields import Converter, fill, forget_readers, readers_of

_MISSING: Any = object()
_PAGINATION_ATTRS = frozenset({"_pagination_next", "_pagination_prev"})

_dict_get = dict.get
_dict_getitem = dict.__getitem__
_dict_setitem = dict.__setitem__
_dict_update = dict.update
_odict_new: Callable[[type], Any] = OrderedDict.__new__


# --------------------------------------------------------------------------- the JSON codec hook

class Entity:
    """Mixin for every returned object: JSON persistence with type information."""

    #: (dump, load) installed by mastodon._types.roundtrip
    _codec: typing.ClassVar[Optional[Tuple[Callable[[Any, bool], str], Callable[[str], Any]]]] = None

    def __init__(self) -> None:
        pass

    def to_json(self, pretty: bool = True) -> str:
        """Serialise to JSON that :meth:`from_json` turns back into the same type.

        The JSON object has the keys ``_mastopy_version``, ``_mastopy_type`` (the
        class name, e.g. ``Status`` or ``PaginatableList[Status]``),
        ``_mastopy_data`` (the data) and ``_mastopy_extra_data`` (pagination
        information and other attributes set on the object).
        """
        return _installed_codec()[0](self, pretty)

    @staticmethod
    def from_json(json_str: str) -> "Entity":
        """Rebuild an object written by :meth:`to_json`.

        Raises ValueError when the text is not such an object.
        """
        return _installed_codec()[1](json_str)  # type: ignore[no-any-return]


def _installed_codec() -> Tuple[Callable[[Any, bool], str], Callable[[str], Any]]:
    codec = Entity._codec
    if codec is None:
        raise RuntimeError("mastodon._types.roundtrip is not loaded (import mastodon.types_base)")
    return codec


def install_codec(dump: Callable[[Any, bool], str], load: Callable[[str], Any]) -> None:
    """Called by the round-trip layer: the functions behind to_json and from_json."""
    Entity._codec = (dump, load)


# --------------------------------------------------------------------------- reading fields

#: Classes of values as they come from the JSON parser, before conversion.
#: Converted values are never of these exact classes (ids are a str subclass,
#: entities and lists are subclasses of dict and list).
_RAW = {str, int, float, dict, list}
_CONTAINERS = {dict, list}
_SCALAR_RAW = frozenset({str, int, float})
_CONVERT_LOCK = threading.RLock()


def _read_raw(obj: Any, key: Any, value: Any) -> Any:
    """The converted value of ``obj[key]`` (found as ``value``), stored back on first read."""
    readers = readers_of(obj.__class__)
    conv = readers.convert.get(key)
    if conv is None:  # a key the class does not declare, or one kept as the server sent it
        coerce = readers.coerce.get(key)
        if coerce is not None and value.__class__ is not coerce[0] and value.__class__ in _SCALAR_RAW:
            return _coerce(obj, key, value, coerce[1])
        if readers.undeclared is None or value.__class__ not in _CONTAINERS:
            return value
        conv = readers.undeclared
    with _CONVERT_LOCK:
        current = _dict_get(obj, key, _MISSING)
        if current is not value and current is not _MISSING:
            return current  # another thread converted it meanwhile
        new = conv(value)
        if new is not value:
            _dict_setitem(obj, key, new)
    return new


def _coerce(obj: Any, key: Any, value: Any, coerce: Converter) -> Any:
    """``obj[key]`` as its field's number or bool (no lock: racing threads store equal ones)."""
    new = coerce(value)
    if new is not value:
        _dict_setitem(obj, key, new)
    return new


def settle(obj: Any) -> Any:
    """Convert every field of ``obj`` that has not been read yet; returns ``obj``."""
    readers = readers_of(obj.__class__)
    for key, _ in readers.convert_items:
        value = _dict_get(obj, key, _MISSING)
        if value.__class__ in _RAW:
            _read_raw(obj, key, value)
    for key, (kind, coerce) in readers.coerce_items:
        value = _dict_get(obj, key)
        if value.__class__ is not kind and value.__class__ in _SCALAR_RAW:
            _coerce(obj, key, value, coerce)
    if readers.undeclared is not None:
        for key in dict.keys(obj) - readers.convert.keys():
            value = _dict_get(obj, key)
            if value.__class__ in _CONTAINERS:
                _read_raw(obj, key, value)
    return obj


def _follow_path(obj: Any, path: str) -> Any:
    """The value at a dotted path (``contact.email``), None where a step is missing."""
    for part in path.split("."):
        if obj is None:
            return None
        obj = obj.get(part) if isinstance(obj, dict) else getattr(obj, part, None)
    return obj


# --------------------------------------------------------------------------- the base class

class _FieldShadow:
    """Class attribute for a field whose name is also a dict method (``update``).

    Reading it on an object whose key holds a value gives the value; otherwise
    (no key, or None) it is the dict method, so ``obj.update(...)`` keeps working.
    """

    def __init__(self, name: str, inherited: Any) -> None:
        self.name = name
        self.inherited = inherited

    def __get__(self, obj: Any, owner: Any = None) -> Any:
        if obj is None:
            return self.inherited
        value = _dict_get(obj, self.name)
        if value is not None:
            return _read_raw(obj, self.name, value) if value.__class__ in _RAW else value
        return self.inherited.__get__(obj, owner)

    def __set__(self, obj: Any, value: Any) -> None:
        _dict_setitem(obj, self.name, value)


class AttribAccessDict(OrderedDict, Entity):  # type: ignore[type-arg]
    """A dict whose keys can also be read and written as attributes.

    Typed subclasses (see :mod:`mastodon.return_types`) declare their fields as
    annotations, and every object of such a class has a key for each of them:
    None where the server sent nothing. Keys the server sent that the class
    does not declare are kept and readable the same way. Setting an attribute
    that is neither a key nor a declared field raises AttributeError (use
    ``obj["key"] = value`` to add keys).

    ``_rename_map`` maps attribute names to JSON keys that are not identifiers
    or that clash with dict methods (``InstanceThumbnailVersions.at1x`` reads
    the key ``@1x``); ``_access_map`` gives fallback paths read when a key is
    absent or null (``Instance.uri`` falls back to ``domain``);
    ``_legacy_map`` gives read-only attributes under older names
    (``Account.moved_to_account`` reads ``moved``; a None path reads None).

    Pagination information of a page is kept in the attributes
    ``_pagination_next`` and ``_pagination_prev``, never as keys.
    """

    _version: typing.ClassVar[str] = "0.0.0"
    _rename_map: typing.ClassVar[Dict[str, str]] = {}
    _access_map: typing.ClassVar[Dict[str, str]] = {}
    _legacy_map: typing.ClassVar[Dict[str, Optional[str]]] = {}
    _pagination_next: Optional["PaginationInfo"]
    _pagination_prev: Optional["PaginationInfo"]

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        for name in cls.__dict__.get("__annotations__", {}):
            if not name.startswith("_") and name not in cls.__dict__ \
                    and hasattr(AttribAccessDict, name):
                setattr(cls, name, _FieldShadow(name, getattr(AttribAccessDict, name)))
        forget_readers(cls)

    def __init__(self, **kwargs: Any) -> None:
        readers = readers_of(self.__class__)
        if readers.template:  # a typed entity: fields completed and typed as decoding does
            settle(fill(self, kwargs, readers))
        else:
            _dict_update(self, kwargs)

    # -- reading

    def __getitem__(self, key: Any) -> Any:
        value = _dict_getitem(self, key)
        if value.__class__ in _RAW:
            return _read_raw(self, key, value)
        return value

    def get(self, key: Any, default: Any = None) -> Any:
        """The value under ``key`` (converted like ``obj[key]``), or ``default``."""
        value = _dict_get(self, key, _MISSING)
        if value is _MISSING:
            return default
        if value.__class__ in _RAW:
            return _read_raw(self, key, value)
        return value

    def __getattr__(self, attr: str) -> Any:
        value = _dict_get(self, attr, _MISSING)
        cls = self.__class__
        if value is not _MISSING:
            if value.__class__ in _RAW:
                return _read_raw(self, attr, value)
            if value is not None or attr not in cls._access_map:
                return value
        if attr[:2] == "__":
            raise AttributeError(attr)
        wire = cls._rename_map.get(attr)
        if wire is not None and wire in self:
            return self[wire]
        alias = cls._access_map.get(attr)
        if alias is not None:
            return _follow_path(self, alias)
        legacy = cls._legacy_map.get(attr, _MISSING)
        if legacy is not _MISSING:
            return _follow_path(self, legacy) if legacy is not None else None
        if value is not _MISSING or attr in _PAGINATION_ATTRS or attr in readers_of(cls).names:
            return None
        raise AttributeError(f"{cls.__name__!r} object has no attribute or key {attr!r}")

    def __missing__(self, key: Any) -> Any:
        cls = self.__class__
        if key.__class__ is str:
            wire = cls._rename_map.get(key)
            if wire is not None and wire in self:
                return self[wire]
            if key in readers_of(cls).names:
                return None
        raise KeyError(key)

    def __iter__(self) -> Any:
        # defined in Python so that dict(obj) and {**obj} read values through __getitem__
        return dict.__iter__(self)

    def values(self) -> Any:
        """The values (all converted), as a view."""
        return dict.values(settle(self))

    def items(self) -> Any:
        """The (key, value) pairs (all converted), as a view."""
        return dict.items(settle(self))

    def pop(self, key: Any, *default: Any) -> Any:
        """Remove ``key`` and return its (converted) value, or ``default``."""
        if key in self:
            self[key]
        return dict.pop(self, key, *default)

    def setdefault(self, key: Any, default: Any = None) -> Any:
        """``obj[key]`` when present, else set it to ``default`` and return that."""
        if key in self:
            return self[key]
        _dict_setitem(self, key, default)
        return default

    # -- writing

    def __setattr__(self, attr: str, value: Any) -> None:
        if attr in self:
            _dict_setitem(self, attr, value)
            return
        cls = self.__class__
        wire = cls._rename_map.get(attr)
        if wire is not None:
            _dict_setitem(self, wire, value)
        elif attr in readers_of(cls).names:
            _dict_setitem(self, attr, value)
        elif attr[:1] == "_":
            object.__setattr__(self, attr, value)
        elif attr in cls._legacy_map:
            raise AttributeError(f"{attr!r} is a read-only view on {cls.__name__}; "
                                 f"set {cls._legacy_map[attr] or 'the current field'} instead")
        else:
            raise AttributeError(
                f"cannot set unknown attribute {attr!r} on {cls.__name__}; "
                f"use item assignment (obj[{attr!r}] = ...) to add a key"
            )

    def __dir__(self) -> Iterable[str]:
        names = {key for key in dict.keys(self) if key.__class__ is str and key.isidentifier()}
        names.update(readers_of(self.__class__).names)
        names.update(self.__class__._legacy_map)
        names.update(super().__dir__())
        return sorted(names)

    # -- dict storage in place of OrderedDict's linked list (see the module docstring)

    __setitem__ = dict.__setitem__
    __delitem__ = dict.__delitem__
    __reversed__ = dict.__reversed__
    keys = dict.keys  # type: ignore[assignment]
    clear = dict.clear
    update = dict.update
    __hash__ = None  # type: ignore[assignment]

    def __eq__(self, other: Any) -> bool:
        """Equal content: a typed entity reads a dict of another class as its own first (so
        a status equals its JSON, in any key order); untyped ones compare as ordered dicts."""
        settle(self)
        cls = self.__class__
        readers = readers_of(cls)
        if readers.template:
            if isinstance(other, dict) and other.__class__ is not cls:
                other = fill(_odict_new(cls), other, readers)
            if isinstance(other, AttribAccessDict):
                settle(other)
            return dict.__eq__(self, other)
        if isinstance(other, AttribAccessDict):
            settle(other)
        result = dict.__eq__(self, other)
        if result is True and isinstance(other, OrderedDict):
            return list(dict.keys(self)) == list(other.keys())
        return result

    def __ne__(self, other: Any) -> bool:
        result = self.__eq__(other)
        return result if result is NotImplemented else not result

    def popitem(self, last: bool = True) -> Tuple[Any, Any]:
        """Remove and return the last (or, with ``last=False``, the first) item."""
        settle(self)
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
        return _rebuild_dict(type(self), list(self.items()), _instance_state(self))

    def __or__(self, other: Any) -> Any:
        if not isinstance(other, dict):
            return NotImplemented
        new = self.copy()
        _dict_update(new, other)
        return new

    def __ror__(self, other: Any) -> Any:
        if not isinstance(other, dict):
            return NotImplemented
        new = _odict_new(type(self))
        _dict_update(new, other)
        _dict_update(new, self.items())
        return new

    def __ior__(self, other: Any) -> Any:
        _dict_update(self, other)
        return self

    def __reduce__(self) -> Tuple[Any, ...]:
        return (_rebuild_dict, (type(self), list(self.items()), _instance_state(self)))

    # -- display

    def __repr__(self) -> str:
        cls = type(self)
        if not readers_of(cls).names:
            return f"{cls.__name__}({dict.__repr__(settle(self))})"
        return short_repr(settle(self), AttribAccessDict)

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        """Pretty printing for IPython.

        A typed entity shown on its own lists all its data; typed entities
        nested in it (or in a list) show their short summary.
        """
        name = type(self).__name__
        typed = bool(readers_of(type(self)).names)
        if cycle:
            printer.text(f"{name}(...)")
            return
        if typed and len(getattr(printer, "stack", ())) > 1:
            printer.text(short_repr(settle(self), AttribAccessDict))
            return
        with printer.group(len(name) + 1, f"{name}(", ")"):
            printer.pretty(dict(self.items()))


def _instance_state(obj: Any) -> Dict[str, Any]:
    try:
        state = object.__getattribute__(obj, "__dict__")
    except AttributeError:
        return {}
    return dict(state)


def _rebuild_dict(cls: type, items: List[Tuple[Any, Any]], state: Dict[str, Any]) -> Any:
    obj = _odict_new(cls)
    _dict_update(obj, items)
    for name, value in state.items():
        object.__setattr__(obj, name, value)
    return obj


class ParsedObject(AttribAccessDict):
    """A JSON object as :func:`mastodon.types_base.parse_json` builds it.

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


#: An object fresh from parse_json still needs its entity type.
_RAW.add(ParsedObject)
_CONTAINERS.add(ParsedObject)


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
