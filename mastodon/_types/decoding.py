"""Decoding parsed JSON into entities, following each class's annotations.

The first time a class is used, its annotations are turned into a table from
JSON key to converter (a datetime parser, an id wrapper, a nested class, a
list ...); :func:`mastodon._types.fields.install_readers` hands that table
to the base class, which applies a field's converter when the field is first
read. Decoding an object itself is therefore cheap: the parsed dict's entries
are copied into an object of the class (or, for objects from
:func:`parse_json`, the object is retyped in place), and each declared field
the server left out gets a None value.

A value that does not fit its declared type is kept as untyped data (and
logged at DEBUG level on the ``mastodon`` logger); values under keys the class
does not declare are kept as parsed (objects in them are AttribAccessDicts).
"""
from __future__ import annotations

import json
import logging
import re
import sys
import typing
from datetime import datetime
from typing import Any, Callable, Dict, FrozenSet, List, Optional, Set, Tuple, TypeVar, Union

from .attrdict import AttribAccessDict, EmptyResponse, PaginationInfo, ParsedObject
from .fields import Coercer, Converter, FieldReaders, fill, fill_page, install_readers, readers_of
from .lists import NonPaginatableList, PaginatableList
from .untyped import as_untyped, convert_generic, convert_untyped_object, take_object, unfit
from .values import (
    _ID_CACHE, SCALAR_COERCERS, MaybeSnowflakeIdType, _CACHE_LIMIT, _convert_datetime,
)

_log = logging.getLogger("mastodon")

_NoneType = type(None)
_dict_setitem = dict.__setitem__
_odict_new: Callable[[type], Any] = AttribAccessDict.__new__
_set_class = object.__setattr__
_str_new = str.__new__


# --------------------------------------------------------------------------- entity names

#: Entity classes by name, registered by the module that defines them.
_ENTITY_NAMES: Dict[str, type] = {"AttribAccessDict": AttribAccessDict,
                                  "EmptyResponse": EmptyResponse}
_SCALAR_NAMES = {"str": str, "int": int, "float": float, "bool": bool, "datetime": datetime,
                 "MaybeSnowflakeIdType": MaybeSnowflakeIdType}


def register_entity_names(classes: Dict[str, type]) -> None:
    """Make entity classes known by name (to ``from_json`` and to string annotations)."""
    _ENTITY_NAMES.update(classes)


def _str_to_type(mastopy_type: str) -> Any:
    """Map a type name such as ``PaginatableList[Status]`` to the type."""
    match = re.fullmatch(r"\s*(\w+)\s*(?:\[\s*(\w+)\s*\])?\s*", mastopy_type or "")
    if match is None:
        raise ValueError(f"unknown entity type {mastopy_type!r}")
    outer, inner = match.groups()
    known: Dict[str, Any] = {"PaginatableList": PaginatableList,
                             "NonPaginatableList": NonPaginatableList,
                             "PaginationInfo": PaginationInfo, **_SCALAR_NAMES, **_ENTITY_NAMES}
    if outer not in known or (inner is not None and inner not in known):
        raise ValueError(f"unknown entity type {mastopy_type!r}")
    if inner is not None:
        return known[outer][known[inner]]
    return known[outer]


# --------------------------------------------------------------------------- class tables

class _ClassInfo:
    """The converters of one entity class's fields."""

    __slots__ = ("converters", "coercers", "names", "known_keys", "template", "renamed")

    def __init__(self, converters: Dict[str, Optional[Converter]], names: FrozenSet[str],
                 template: Tuple[str, ...], coercers: Optional[Dict[str, Coercer]] = None,
                 renamed: Tuple[Tuple[str, str], ...] = ()) -> None:
        #: JSON key (field name and wire name) -> converter, None when the value is kept as is.
        self.converters = converters
        #: JSON key -> converter of the number and boolean fields (see FieldReaders.coerce)
        self.coercers = coercers or {}
        #: The declared attribute names.
        self.names = names
        self.known_keys = frozenset(converters)
        #: The names of the declared fields, in declaration order.
        self.template = template
        #: (field name, JSON key) of the fields read from another key (``_rename_map``).
        self.renamed = renamed


_fields_cache: Dict[type, _ClassInfo] = {}


def _class_info(cls: type) -> _ClassInfo:
    info = _fields_cache.get(cls)
    if info is None:
        info = _fields_cache[cls] = _build_class_info(cls)
    return info


def _fields_of(cls: type) -> Dict[str, Optional[Converter]]:
    """The JSON-key-to-converter table of an entity class, built on first use.

    Keys are the declared field names plus their wire names from ``_rename_map``;
    a None converter means the value is kept as parsed.
    """
    return _class_info(cls).converters


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
    if cls is AttribAccessDict or not issubclass(cls, AttribAccessDict) \
            or issubclass(cls, ParsedObject):
        return _ClassInfo({}, frozenset(), ())
    hints = _class_hints(cls)
    converters = {name: converter_for(hint) for name, hint in hints.items()}
    coercers = {name: coercer for name, coercer in
                ((name, _coercer_for(hint)) for name, hint in hints.items()) if coercer}
    names = frozenset(converters)
    template = tuple(converters)
    renamed = tuple((name, wire) for name, wire in cls._rename_map.items() if name in names)
    for name, wire in renamed:
        converters[wire] = converters[name]
        if name in coercers:
            coercers[wire] = coercers[name]
    return _ClassInfo(converters, names, template, coercers, renamed)


def _coercer_for(hint: Any) -> Optional[Coercer]:
    """(type, converter) of an int, float or bool field (Optional or not), else None."""
    if typing.get_origin(hint) is Union:
        members = [arg for arg in typing.get_args(hint) if arg is not _NoneType]
        hint = members[0] if len(members) == 1 else None
    coerce = SCALAR_COERCERS.get(hint) if isinstance(hint, type) else None
    return None if coerce is None else (hint, coerce)


def _build_readers(cls: type) -> FieldReaders:
    info = _class_info(cls)
    if not info.names:
        return FieldReaders({}, frozenset(), (), None)
    convert = {key: conv for key, conv in info.converters.items() if conv is not None}
    return FieldReaders(convert, info.names, info.template, as_untyped, info.coercers,
                        info.renamed)


install_readers(_build_readers)


# --------------------------------------------------------------------------- converters

def converter_for(hint: Any) -> Optional[Converter]:
    """The function turning a parsed-JSON value into ``hint``; None when none is needed."""
    try:
        return _converter_cache[hint]
    except KeyError:
        pass
    except TypeError:  # unhashable hint
        return convert_generic
    conv = _build_converter(hint)
    _converter_cache[hint] = conv
    return conv


_converter_cache: Dict[Any, Optional[Converter]] = {}
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
            return convert_generic
        return converter_for(hint)
    if hint is Any or hint is object or isinstance(hint, TypeVar):
        return convert_generic
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
    if parts is not None:  # items of a list of numbers are numbers (``own_votes``)
        return _list_converter(parts[0], converter_for(parts[1]) or SCALAR_COERCERS.get(parts[1]))
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
            return convert_untyped_object
        return _entity_converter(hint)
    if hint in _SCALARS:
        return None
    return convert_generic


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
    return unfit(value, MaybeSnowflakeIdType)


def _convert_pagination_info(value: Any) -> Any:
    if isinstance(value, dict):
        return value if isinstance(value, PaginationInfo) else PaginationInfo(value)
    return unfit(value, PaginationInfo)


def _list_converter(list_type: type, item: Optional[Converter]) -> Converter:
    new: Callable[[type], Any] = list.__new__
    extend = list.extend

    def convert(value: Any) -> Any:
        if not isinstance(value, list):
            return unfit(value, list_type)
        result = new(list_type)
        if not value:
            return result
        if item is None:
            extend(result, value)
        else:
            extend(result, [item(element) if element is not None else None
                            for element in value])
        return result
    return convert


def _mapping_converter(container: type, item: Optional[Converter]) -> Converter:
    def convert(value: Any) -> Any:
        if not isinstance(value, dict):
            return unfit(value, container)
        result = take_object(container, value)
        if item is not None:
            for key, element in list(dict.items(result)):
                if element is not None:
                    _dict_setitem(result, key, item(element))
        return result
    return convert


def _entity_converter(cls: type, share_keys: bool = True) -> Converter:
    readers: Optional[FieldReaders] = None  # looked up on first use: classes refer to each other

    def convert(value: Any) -> Any:
        nonlocal readers
        if readers is None:
            readers = readers_of(cls)
        if value.__class__ is dict:
            return fill(_odict_new(cls), value, readers, share_keys)
        if value.__class__ is ParsedObject:  # retyped in place
            _set_class(value, "__class__", cls)
            return fill(value, value, readers)
        if isinstance(value, cls):
            return value
        if isinstance(value, dict):
            return fill(_odict_new(cls), value, readers, share_keys)
        return unfit(value, cls)
    return convert


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
        keys = dict.keys(data)
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
                return converter_for(self.chooser.pick(value))(value)  # type: ignore[misc]
            if self.entities:
                return converter_for(self.entities[0])(value)  # type: ignore[misc]
            if self.mappings:
                return converter_for(self.mappings[0])(value)  # type: ignore[misc]
            return convert_generic(value) if self.untyped else unfit(value, self.members)
        if isinstance(value, list):
            if not self.lists:
                return convert_generic(value) if self.untyped else unfit(value, self.members)
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


# --------------------------------------------------------------------------- entry points

def decode(value: Any, entity: Any = None) -> Any:
    """Turn parsed JSON into ``entity`` (a class, list type, Union ...); untyped when None.

    Objects are typed at once; their fields are converted when first read.
    """
    if entity is None:
        return convert_generic(value)
    conv = _outermost_converter(entity)
    if conv is None or value is None:
        return value
    return conv(value)


def _outermost_converter(entity: Any) -> Optional[Converter]:
    """The converter for a whole answer: an entity or a list of entities fills its
    outermost objects without sharing their keys (the cheaper way, see ``fill``)."""
    try:
        return _outermost_cache[entity]
    except KeyError:
        pass
    except TypeError:  # unhashable hint
        return converter_for(entity)
    parts = _list_parts(entity)
    if _is_entity_class(entity) and entity is not AttribAccessDict:
        conv: Optional[Converter] = _entity_converter(entity, share_keys=False)
    elif parts is not None and _is_entity_class(parts[1]) and parts[1] is not AttribAccessDict:
        conv = _page_converter(parts[0], parts[1])
    else:
        conv = converter_for(entity)
    _outermost_cache[entity] = conv
    return conv


_outermost_cache: Dict[Any, Optional[Converter]] = {}


def _page_converter(list_type: type, cls: type) -> Converter:
    """The converter for a page (a list) of ``cls`` objects: the plain dicts among them
    are filled in one loop (:func:`mastodon._types.fields.fill_page`)."""
    other = _entity_converter(cls, share_keys=False)
    new: Callable[[type], Any] = list.__new__

    def convert(value: Any) -> Any:
        if not isinstance(value, list):
            return unfit(value, list_type)
        result = new(list_type)
        fill_page(cls, value, readers_of(cls), other, result)
        return result
    return convert


_JSON_DECODER = json.JSONDecoder(object_hook=ParsedObject)


def parse_json(text: Union[str, bytes]) -> Any:
    """Parse JSON text (bytes in UTF-8, -16 or -32) for :func:`decode`; ValueError when not JSON.

    Objects come out as AttribAccessDicts that :func:`decode` retypes in place
    instead of copying.
    """
    if not isinstance(text, str):
        text = text.decode(json.detect_encoding(text), "surrogatepass")
    return _JSON_DECODER.decode(text)


def load_json(text: Union[str, bytes]) -> Any:
    """Parse JSON text (bytes in UTF-8, -16 or -32) into plain data for :func:`decode`.

    The fastest way in: :func:`decode` copies only the objects it types
    (the outermost ones) and the others when they are first read. Raises
    ValueError when the text is not JSON.
    """
    return json.loads(text)
