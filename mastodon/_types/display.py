"""How a typed entity shows itself: ``<Status id=1 @alice: 'Hello world'>``."""
from __future__ import annotations

from datetime import datetime
from collections import Counter
from typing import Any, Callable, Dict, List, Tuple
from .._core.lazy_pattern import lazy_pattern

_dict_get = dict.get

_TAG_RE = lazy_pattern(r"<[^>]*>")
_SPACE_RE = lazy_pattern(r"\s+")
_REPR_KEYS = ("acct", "username", "name", "title", "shortcode", "domain", "type", "state",
              "key", "code", "phrase", "keyword", "text", "content", "url", "uri")


def _excerpt(text: str, limit: int = 40) -> str:
    if "<" in text or "&" in text:
        import html  # on first use: it costs the client import 1 ms

        text = html.unescape(_TAG_RE().sub(" ", text))
    text = _SPACE_RE().sub(" ", text).strip()
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


_PLURALS = {"status": "statuses"}


def _counted(noun: str, number: int) -> str:
    """``1 status``, ``2 statuses``, ``0 accounts``."""
    return f"{number} {noun if number == 1 else _PLURALS.get(noun, noun + 's')}"


def _count_list(obj: Any, field: str, noun: str) -> List[str]:
    """``["3 accounts"]`` for a list field; nothing when it is absent or not a list."""
    value = _dict_get(obj, field)
    return [_counted(noun, len(value))] if isinstance(value, list) else []


def _joined(counts: List[str]) -> List[str]:
    return [", ".join(counts)] if counts else []


def _counts(*fields: Tuple[str, str]) -> Callable[[Any], List[str]]:
    """A hook showing how many items each list field holds, given ``(field, noun)`` pairs."""
    def parts(obj: Any) -> List[str]:
        return _joined([text for field, noun in fields for text in _count_list(obj, field, noun)])
    return parts


def _grouped_notifications_parts(obj: Any) -> List[str]:
    """``4 groups (favourite 2, follow 1, mention 1), 3 accounts, 2 statuses``."""
    groups = _count_list(obj, "notification_groups", "group")
    listed = _dict_get(obj, "notification_groups")
    if groups and listed:
        kinds = Counter(str(_dict_get(group, "type")) if isinstance(group, dict) else "?"
                        for group in listed)
        groups[0] += " (" + ", ".join(f"{kind} {n}" for kind, n in kinds.most_common()) + ")"
    return _joined(groups + _count_list(obj, "accounts", "account")
                   + _count_list(obj, "statuses", "status"))


_SEARCH_FIELDS = (("accounts", "account"), ("statuses", "status"), ("hashtags", "hashtag"),
                  ("collections", "collection"))

_REPR_HOOKS: Dict[str, Callable[[Any], List[str]]] = {
    "Status": _status_parts,
    "Account": _account_parts,
    "Notification": _notification_parts,
    "Context": _counts(("ancestors", "ancestor"), ("descendants", "descendant")),
    "Search": _counts(*_SEARCH_FIELDS),
    "SearchV2": _counts(*_SEARCH_FIELDS),
    "GroupedNotificationsResults": _grouped_notifications_parts,
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


def short_repr(obj: Any, base: type) -> str:
    """``<Status id=1 @alice: 'Hello world'>``: type, id and a few telling fields.

    The class's own hook (by name, along its bases up to ``base``) picks the
    fields; other classes show their id and up to two short values.
    """
    cls = type(obj)
    hook = None
    for klass in cls.__mro__:
        hook = _REPR_HOOKS.get(klass.__name__)
        if hook is not None or klass is base:
            break
    parts = hook(obj) if hook is not None else _default_parts(obj)
    return "<" + " ".join([cls.__name__] + parts) + ">"

