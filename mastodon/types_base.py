"""Base classes for everything the API returns, and the decoder behind them.

Every JSON object the library has a class for becomes an :class:`AttribAccessDict`
(a dict whose keys are also attributes) or one of its typed subclasses from
:mod:`mastodon.return_types`; every JSON array of them becomes a
:class:`NonPaginatableList` or :class:`PaginatableList`.

This module is the public face of :mod:`mastodon._types`, where each job has
its own module: ids and dates (``values``), the dict base (``attrdict``), the
list types (``lists``), decoding (``decoding``) and JSON round trips
(``roundtrip``). It also keeps Mastodon.py's typing helpers
(:func:`try_cast`, :func:`real_issubclass` ...).
"""
from __future__ import annotations

import typing
from typing import Any, Union

from ._types import roundtrip as _roundtrip  # noqa: F401  (installs to_json / from_json)
from ._types.attrdict import AttribAccessDict, EmptyResponse, Entity, PaginationInfo
from ._types.decoding import _fields_of as _fields_of
from ._types.decoding import _str_to_type as _str_to_type
from ._types.decoding import converter_for, decode, load_json, parse_json, register_entity_names
from ._types.lists import AttribAccessList, EntityList, NonPaginatableList, PaginatableList
from ._types.lists import _EntityList as _EntityList
from ._types.roundtrip import _type_name as _type_name
from ._types.values import (
    BASE62_ALPHABET, IdType, MaybeSnowflakeIdType, PaginationIdType, PathOrFile,
    PrimitiveIdType, T,
    WebpushCryptoParamsPrivkey, WebpushCryptoParamsPubkey, base62_to_int, int_to_base62,
    parse_datetime,
)

__all__ = [
    "Entity", "AttribAccessDict", "EmptyResponse", "PaginatableList", "NonPaginatableList",
    "PaginationInfo", "MaybeSnowflakeIdType", "AttribAccessList", "IdType", "PrimitiveIdType",
    "PaginationIdType",
    "EntityList", "PathOrFile", "WebpushCryptoParamsPubkey", "WebpushCryptoParamsPrivkey", "T",
    "BASE62_ALPHABET", "base62_to_int", "int_to_base62", "resolve_type", "stringify_type",
    "get_type_class", "real_issubclass", "try_cast", "try_cast_recurse", "decode", "parse_json",
    "load_json", "parse_datetime", "converter_for", "register_entity_names",
]

_NoneType = type(None)


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
