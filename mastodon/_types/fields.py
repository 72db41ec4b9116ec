"""Field tables of entity classes, and filling objects of a class from parsed JSON.

The decoding layer builds one :class:`FieldReaders` per entity class (through
the function it gives :func:`install_readers`); :func:`fill` and
:func:`fill_page` use its declared fields to complete the server's objects:
every declared field the server left out gets a None value.
"""
from __future__ import annotations

from collections import OrderedDict
from typing import Any, Callable, Dict, FrozenSet, Iterable, List, Optional, Tuple

Converter = Callable[[Any], Any]
Coercer = Tuple[type, Converter]  # a number or bool field's type and the converter to it
#: What objects of one shape get: every key of it (the server's, then the absent
#: declared ones) and just the absent ones, all with None.
Shape = Tuple[Dict[Any, None], Dict[str, None]]

_NO_SHAPE: Any = object()
_SHAPE_LIMIT = 256

_dict_getitem = dict.__getitem__
_dict_setitem = dict.__setitem__
_dict_update = dict.update

_odict_new: Callable[[type], Any] = OrderedDict.__new__


class FieldReaders:
    """What reading one entity class's fields needs, built once per class by the decoding layer."""

    __slots__ = ("convert", "convert_items", "coerce", "coerce_items", "names", "template",
                 "renamed", "shapes", "last_shape", "undeclared")

    def __init__(self, convert: Dict[str, Converter], names: FrozenSet[str],
                 template: Tuple[str, ...], undeclared: Optional[Converter],
                 coerce: Optional[Dict[str, Coercer]] = None,
                 renamed: Tuple[Tuple[str, str], ...] = ()) -> None:
        #: JSON key -> converter for the keys whose values are converted when first read
        self.convert = convert
        self.convert_items = tuple(convert.items())
        #: JSON key -> (type, converter) of the number and bool fields (``"12"`` becomes 12)
        self.coerce = coerce or {}
        self.coerce_items = tuple(self.coerce.items())
        #: the declared attribute names
        self.names = names
        #: the names of the declared fields, in declaration order: every object has them
        self.template = template
        #: (field name, JSON key) of the renamed fields: objects have both keys, one value
        self.renamed = renamed
        #: the server's keys in order -> what objects of that shape get (servers send
        #: objects of one kind in a few shapes, so this stays small)
        self.shapes: Dict[Tuple[Any, ...], Shape] = {}
        #: the last shape filled and its entry (objects of one answer share their key strings,
        #: so comparing is quicker than a lookup); it starts as a shape no object (not even {}) has
        self.last_shape: Tuple[Tuple[Any, ...], Shape] = ((_NO_SHAPE,), ({}, {}))
        #: converter for objects and lists under keys without a converter (None: keep them)
        self.undeclared = undeclared


_NO_FIELDS = FieldReaders({}, frozenset(), (), None)
_READERS: Dict[type, FieldReaders] = {}
_build_readers: Callable[[type], FieldReaders] = lambda cls: _NO_FIELDS  # noqa: E731


def install_readers(build: Callable[[type], FieldReaders]) -> None:
    """Called by the decoding layer: the function that builds a class's FieldReaders."""
    global _build_readers
    _build_readers = build
    _READERS.clear()


def readers_of(cls: type) -> FieldReaders:
    """The field table of ``cls``, built on first use."""
    readers = _READERS.get(cls)
    if readers is None:
        readers = _READERS[cls] = _build_readers(cls)
    return readers


def forget_readers(cls: type) -> None:
    """Drop the field table of ``cls`` (a class being defined gets a fresh one)."""
    _READERS.pop(cls, None)


def _new_shape(readers: FieldReaders, shape: Tuple[Any, ...], data: Any) -> Shape:
    """Record what objects with the server's keys ``shape`` (those of ``data``) get."""
    if len(readers.shapes) >= _SHAPE_LIMIT:
        readers.shapes.clear()
    absent = dict.fromkeys(key for key in readers.template if key not in data)
    known = readers.shapes[shape] = (dict.fromkeys((*shape, *absent)), absent)
    return known


def fill(obj: Any, data: Any, readers: FieldReaders, share_keys: bool = True) -> Any:
    """Add ``data``'s entries to ``obj``, then None for each declared field it lacks.

    The server's keys keep their order; the absent declared ones follow in the
    order the class declares them. A renamed field (``_rename_map``) gets its JSON key's
    value under its own name too, as in Mastodon.py. Returns ``obj``.

    With ``share_keys`` a new object first takes every key of its shape from a
    table kept per shape, then the values from ``data``: a dict keeps the key
    objects it already has, so objects of one shape share their key strings
    instead of holding those of the page they were parsed from. That costs
    about 0.5 µs per object, so decoding leaves it out for the outermost
    objects of an answer (see :func:`fill_page`) and does it for the nested
    ones, converted when first read.
    """
    shape = tuple(dict.keys(data))
    last, known = readers.last_shape
    if shape != last:
        known = readers.shapes.get(shape) or _new_shape(readers, shape, data)
        readers.last_shape = (shape, known)
    if data is obj:  # retyped in place: only the missing keys to add
        _dict_update(obj, known[1])
    elif share_keys:
        _dict_update(obj, known[0])
        _dict_update(obj, data)
    else:
        _dict_update(obj, data)
        _dict_update(obj, known[1])
    for name, wire in readers.renamed:
        if wire in obj:
            _dict_setitem(obj, name, _dict_getitem(obj, wire))
    return obj


def fill_page(cls: type, values: Iterable[Any], readers: FieldReaders, other: Converter,
              into: List[Any]) -> None:
    """Append the objects of a page to ``into`` as new ``cls`` objects, filled as ``fill``
    does without ``share_keys``; items that are not plain dicts go to ``other`` (None stays None).

    One loop for the page instead of a ``fill`` call per object (the followers
    page has 80).
    """
    new = _odict_new
    shapes, renamed = readers.shapes, readers.renamed
    last, known = readers.last_shape
    append = into.append
    for data in values:
        if data.__class__ is not dict:
            append(other(data) if data is not None else None)
            continue
        shape = tuple(data)
        if shape != last:
            known = shapes.get(shape) or _new_shape(readers, shape, data)
            last = shape
        obj = new(cls)
        _dict_update(obj, data)
        _dict_update(obj, known[1])
        for name, wire in renamed:
            if wire in obj:
                _dict_setitem(obj, name, _dict_getitem(obj, wire))
        append(obj)
    readers.last_shape = (last, known)
