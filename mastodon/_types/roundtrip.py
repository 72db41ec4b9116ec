"""JSON round trips of entities: :meth:`Entity.to_json` and :meth:`Entity.from_json`.

The format is Mastodon.py's: an envelope with the format version, the type
name (``Status``, ``PaginatableList[Status]``), the data and the attributes
set on the object (pagination information).
"""
from __future__ import annotations

import json
import logging
import sys
from datetime import datetime
from typing import Any, Dict

from .attrdict import (
    _PAGINATION_ATTRS, AttribAccessDict, PaginationInfo, _instance_state, install_codec,
)
from .decoding import _SCALAR_NAMES, _str_to_type, decode
from .lists import _EntityList
from .untyped import convert_generic
from .values import MaybeSnowflakeIdType

_log = logging.getLogger("mastodon")

#: Serialisation format version written by :meth:`Entity.to_json`.
_MASTOPY_JSON_VERSION = "2.0.1"


def to_json(obj: Any, pretty: bool = True) -> str:
    """The envelope of ``obj`` as JSON text (indented when ``pretty``)."""
    envelope = {
        "_mastopy_version": _MASTOPY_JSON_VERSION,
        "_mastopy_type": _type_name(obj),
        "_mastopy_data": _to_plain(obj),
        "_mastopy_extra_data": _extra_data(obj),
    }
    return json.dumps(envelope, indent=4 if pretty else None, default=_json_default)


def from_json(json_str: str) -> Any:
    """The object an envelope written by :func:`to_json` describes; ValueError when it is none."""
    envelope = json.loads(json_str)
    if not isinstance(envelope, dict) or "_mastopy_version" not in envelope \
            or "_mastopy_type" not in envelope:
        raise ValueError("not a serialised Mastodon entity (no _mastopy_version/_mastopy_type)")
    _run_deferred_entities()
    target = _str_to_type(envelope["_mastopy_type"])
    data = envelope.get("_mastopy_data")
    result = decode(data, target)
    if isinstance(result, (dict, list)) and result is data:
        result = convert_generic(data)  # a scalar type name: decode containers untyped
    _restore_extra_data(result, envelope.get("_mastopy_extra_data") or {})
    return result


install_codec(to_json, from_json)


def _run_deferred_entities() -> None:
    """Run the entity module if its import was deferred (the package defers it, see
    :mod:`mastodon._core.lazy_module`): its classes make themselves known by name when it
    runs. Nothing is imported here: the decoder does not depend on the entities."""
    module = sys.modules.get(__name__.split(".")[0] + ".return_types")
    if module is not None:
        getattr(module, "__name__")


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


def _to_plain(value: Any) -> Any:
    """Plain dicts and lists of ``value``, every field converted."""
    if isinstance(value, dict):
        return {k: _to_plain(v) for k, v in value.items()}
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


