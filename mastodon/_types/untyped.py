"""Decoding without type information: parsed JSON objects as AttribAccessDicts.

Values under keys no class declares, fields annotated ``Any`` or ``dict``, and
values that do not fit their declared type (logged at DEBUG level on the
``mastodon`` logger) are kept this way: objects become AttribAccessDicts,
lists NonPaginatableLists, and strings under date-like keys (``created_at``,
``day`` ...) datetimes where they parse as such.
"""
from __future__ import annotations

import logging
from typing import Any, Callable, Dict, List

from .attrdict import AttribAccessDict, ParsedObject
from .lists import NonPaginatableList
from .values import _maybe_datetime

_log = logging.getLogger("mastodon")

_dict_setitem = dict.__setitem__
_dict_update = dict.update
_odict_new: Callable[[type], Any] = AttribAccessDict.__new__
_set_class = object.__setattr__


def unfit(value: Any, what: Any) -> Any:
    """A value that does not fit its declared type: keep it, untyped."""
    _log.debug("kept a value that does not fit %s: %r", getattr(what, "__name__", what),
               value if not isinstance(value, (dict, list)) else type(value).__name__)
    return convert_generic(value)



def take_object(cls: type, data: Dict[str, Any]) -> Any:
    """``data`` as a ``cls``: retyped in place when fresh from parse_json, else copied."""
    if data.__class__ is ParsedObject:
        _set_class(data, "__class__", cls)
        return data
    obj = _odict_new(cls)
    _dict_update(obj, data)
    return obj


def as_untyped(value: Any) -> Any:
    """Undeclared data as Mastodon.py: AttribAccessDicts, NonPaginatableLists; any depth."""
    root = [value]  # converted from a work list, not recursively
    pending: List[Any] = [root]
    while pending:
        node = pending.pop()
        for slot, item in list(dict.items(node) if isinstance(node, dict) else enumerate(node)):
            if node is not root and item.__class__ not in _UNTYPED_CONTAINERS:
                continue
            if isinstance(item, dict) and (item.__class__ is ParsedObject
                                           or not isinstance(item, AttribAccessDict)):
                item = take_object(AttribAccessDict, item)
            elif item.__class__ is list:
                item = NonPaginatableList(item)
            else:
                continue
            (_dict_setitem if isinstance(node, dict) else list.__setitem__)(node, slot, item)
            pending.append(item)
    return root[0]


_UNTYPED_CONTAINERS = frozenset({dict, list, ParsedObject})


# -- without type information

def _decode_untyped(data: Dict[str, Any]) -> Any:
    """An object without a declared class: date-like keys to datetimes, nested values decoded."""
    obj = take_object(AttribAccessDict, data)
    for key, value in list(dict.items(obj)):
        if value is not None:
            new = _convert_untyped_value(key, value)
            if new is not value:
                _dict_setitem(obj, key, new)
    return obj


def convert_untyped_object(value: Any) -> Any:
    if isinstance(value, dict):
        return _decode_untyped(value)
    return unfit(value, AttribAccessDict)


_DATE_KEY_SUFFIXES = ("_at", "_on")
_DATE_KEYS = frozenset({"date", "day", "week", "period", "last_status_at"})


def _convert_untyped_value(key: Any, value: Any) -> Any:
    cls = value.__class__
    if cls is str:
        if key.__class__ is str and (key.endswith(_DATE_KEY_SUFFIXES) or key in _DATE_KEYS):
            return _maybe_datetime(value)
        return value
    if cls is dict or cls is list or isinstance(value, (dict, list)):
        return convert_generic(value)
    return value


def convert_generic(value: Any) -> Any:
    """Decode without type information: objects to AttribAccessDict, date keys to datetimes."""
    if isinstance(value, dict):
        return _decode_untyped(value)
    if isinstance(value, list):
        result = NonPaginatableList.__new__(NonPaginatableList)
        list.extend(result, [convert_generic(element) for element in value])
        return result
    return value
