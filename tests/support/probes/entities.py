"""Decode JSON bodies into entity classes by name and describe what a caller sees.

Both libraries offer ``mastodon.return_types.<Class>`` and
``mastodon.types_base.try_cast_recurse(cls, value)``, so the decoding is the
same call on both sides. The description of a result lists, for every value
in it, its class name and what reading it gives: entities their sorted keys
and fields, ids their ``str()`` and ``repr()``, datetimes their ISO text and
whether they are naive; plus ``==`` against the source dict and against a
second decoding of it, and how the ids found order (``sorted()``, ``max()``,
comparisons with an int).
"""
import copy
import datetime

from mastodon import return_types
from mastodon.types_base import MaybeSnowflakeIdType, try_cast_recurse

#: The int the ids of a result are compared with (bots keep ``last_id`` as an int).
SOME_INT = 5


def describe_many(cases):
    """``[[class name, body], ...]`` -> one description per case."""
    return [describe(name, body) for name, body in cases]


def describe(name, body):
    """Decode ``body`` as ``return_types.<name>`` and describe the result."""
    cls = getattr(return_types, name)
    try:
        value = try_cast_recurse(cls, copy.deepcopy(body))
    except Exception as exc:  # a difference worth seeing, not a probe failure
        return {"decode_error": type(exc).__name__}
    ids = []
    return {
        "value": _describe(value, ids),
        "eq_source": _outcome(lambda: value == body),
        "source_eq": _outcome(lambda: body == value),
        "eq_again": _outcome(lambda: value == try_cast_recurse(cls, copy.deepcopy(body))),
        "ids": _describe_ids(ids),
    }


def _outcome(compute):
    """The result of ``compute()``, or the name of the exception it raised."""
    try:
        return compute()
    except Exception as exc:
        return {"raised": type(exc).__name__}


def _describe(value, ids):
    kind = type(value).__name__
    if isinstance(value, MaybeSnowflakeIdType):
        ids.append(value)
        return {"t": kind, "str": str(value), "repr": repr(value)}
    if isinstance(value, datetime.datetime):
        return {"t": kind, "iso": value.isoformat(), "naive": value.tzinfo is None}
    if isinstance(value, dict):
        keys = list(value.keys())
        return {"t": kind, "keys": sorted(str(key) for key in keys),
                "fields": {str(key): _describe(value[key], ids) for key in keys}}
    if isinstance(value, list):
        return {"t": kind, "items": [_describe(item, ids) for item in value]}
    if value is None or isinstance(value, (bool, int, float, str)):
        return {"t": kind, "v": value}
    return {"t": kind, "repr": repr(value)}


def _describe_ids(ids):
    """How the ids of a result order: among themselves and against an int."""
    return {
        "sorted": _outcome(lambda: [str(ident) for ident in sorted(ids)]),
        "max": _outcome(lambda: str(max(ids)) if ids else None),
        "gt_int": [_outcome(lambda ident=ident: ident > SOME_INT) for ident in ids],
        "lt_int": [_outcome(lambda ident=ident: SOME_INT < ident) for ident in ids],
    }
