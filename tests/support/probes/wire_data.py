"""Request data in a canonical form, so that two requests compare "as data".

Used by the recorded-traffic matcher (``support/vcr_match.py``) and by the
request-shape probe of the differential suite (``requests_probe.py``), which
runs under this library and under Mastodon.py 2.3.3: so this module imports
only the standard library. The rules (``tests/recorded/README.md``):

* form, JSON and multipart bodies are compared field by field, never as bytes;
* ``a[]=1&a[]=2``, ``a=1&a=2`` and ``{"a": [1, 2]}`` are the same list (and a
  single ``a[]=1`` is the same as ``a=1``); ``a[b]=1`` is ``{"a": {"b": 1}}``
  and ``a[0][b]=1`` is ``{"a": [{"b": 1}]}``;
* key order does not matter, list order does;
* ``true``/``1`` and ``false``/``0`` are alike, numbers compare as text;
* datetimes compare in UTC;
* uploaded files compare by content and MIME type, not by file name.
"""
from __future__ import annotations

import hashlib
import json
import re
from datetime import datetime, timezone
from typing import Any, Dict, List, Optional, Tuple
from urllib.parse import parse_qsl, urlsplit

_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}")
_KEY_PART = re.compile(r"\[([^\]]*)\]")
_MISSING = object()


def canonical_scalar(value: Any) -> Any:
    """One value as text: booleans as ``1``/``0``, numbers as text, datetimes in UTC."""
    if value is True or value in ("true", "True"):
        return "1"
    if value is False or value in ("false", "False"):
        return "0"
    if value is None:
        return None
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, str) and _DATETIME.match(value):
        try:
            moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            return value
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=timezone.utc)
        return moment.astimezone(timezone.utc).isoformat()
    return value


def _canonical(value: Any) -> Any:
    """A parsed structure with every scalar canonical and index-keyed dicts as lists."""
    if isinstance(value, dict):
        if value and all(key.isdigit() for key in value):
            ordered = sorted(value.items(), key=lambda item: int(item[0]))
            if [int(key) for key, _ in ordered] == list(range(len(ordered))):
                return [_canonical(item) for _, item in ordered]
        return {key: _canonical(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_canonical(item) for item in value]
    return canonical_scalar(value)


def _split_key(key: str) -> Tuple[List[str], bool]:
    """``a[b][0][]`` -> (["a", "b", "0"], True): the path, and whether it ends in ``[]``."""
    head, _, rest = key.partition("[")
    parts = [head] + _KEY_PART.findall("[" + rest) if rest else [head]
    is_list = len(parts) > 1 and parts[-1] == ""
    return [part for part in parts if part != ""] if is_list else parts, is_list


def _insert(tree: Dict[str, Any], path: List[str], value: Any, is_list: bool) -> None:
    """Put one form field into the nested tree; repeated or ``[]`` keys collect a list."""
    node = tree
    for part in path[:-1]:
        child = node.get(part)
        if not isinstance(child, dict):
            child = node[part] = {}
        node = child
    leaf = path[-1]
    present = node.get(leaf, _MISSING)
    if present is _MISSING:
        node[leaf] = [value] if is_list else value
    elif isinstance(present, list):
        present.append(value)
    else:
        node[leaf] = [present, value]


def pairs_data(pairs: List[Tuple[str, Any]]) -> Dict[str, Any]:
    """Form or query pairs as canonical nested data."""
    tree: Dict[str, Any] = {}
    for key, value in pairs:
        path, is_list = _split_key(key)
        _insert(tree, path, value, is_list)
    return _canonical(tree)


def header(headers: Any, name: str) -> Optional[str]:
    """One header of a vcrpy request (or a recorded header dict), by case-insensitive name."""
    for key, value in (headers or {}).items():
        if key.lower() == name.lower():
            return value[0] if isinstance(value, list) else value
    return None


def multipart_parts(body: bytes, content_type: str) -> List[Tuple[str, bytes]]:
    """The parts of a multipart body as ``(headers text, content)``."""
    match = re.search(r'boundary="?([^";]+)"?', content_type)
    if not match:
        raise AssertionError(f"multipart body without a boundary: {content_type!r}")
    delimiter = b"--" + match.group(1).encode("ascii")
    parts: List[Tuple[str, bytes]] = []
    for chunk in body.split(delimiter)[1:]:
        if chunk.startswith(b"--"):
            break
        chunk = chunk[2:] if chunk.startswith(b"\r\n") else chunk
        chunk = chunk[:-2] if chunk.endswith(b"\r\n") else chunk
        head, _, content = chunk.partition(b"\r\n\r\n")
        parts.append((head.decode("utf-8", "replace"), content))
    return parts


def multipart_pairs(body: bytes, content_type: str) -> List[Tuple[str, Any]]:
    """The fields of a multipart body: text as str, files as ``file:<mime>:<sha256>``."""
    pairs: List[Tuple[str, Any]] = []
    for head_text, content in multipart_parts(body, content_type):
        name = re.search(r'name="([^"]*)"', head_text)
        if name is None:
            raise AssertionError(f"multipart part without a name: {head_text!r}")
        if 'filename="' in head_text:
            mime = re.search(r"content-type:\s*([^\r\n;]+)", head_text, re.IGNORECASE)
            kind = mime.group(1).strip() if mime else "?"
            pairs.append((name.group(1), f"file:{kind}:{hashlib.sha256(content).hexdigest()}"))
        else:
            pairs.append((name.group(1), content.decode("utf-8")))
    return pairs


def body_data(body: Any, headers: Any) -> Any:
    """A request body as canonical data (an empty body is ``{}``)."""
    if body is None or body in (b"", ""):
        return {}
    raw = body.encode("utf-8") if isinstance(body, str) else bytes(body)
    content_type = (header(headers, "Content-Type") or "").lower()
    if content_type.startswith("multipart/form-data"):
        return pairs_data(multipart_pairs(raw, header(headers, "Content-Type") or ""))
    if "json" in content_type:
        return _canonical(json.loads(raw.decode("utf-8")))
    return pairs_data(parse_qsl(raw.decode("utf-8"), keep_blank_values=True))


def query_data(uri: str) -> Any:
    """The query string of ``uri`` as canonical data."""
    return pairs_data(parse_qsl(urlsplit(uri).query, keep_blank_values=True))


def _same(left: Any, right: Any) -> bool:
    """Equal as data, where a one-item list equals its item."""
    if isinstance(left, dict) and isinstance(right, dict):
        return left.keys() == right.keys() and all(_same(left[k], right[k]) for k in left)
    if isinstance(left, list) and not isinstance(right, list):
        return len(left) == 1 and _same(left[0], right)
    if isinstance(right, list) and not isinstance(left, list):
        return len(right) == 1 and _same(left, right[0])
    if isinstance(left, list):
        return len(left) == len(right) and all(_same(a, b) for a, b in zip(left, right))
    return bool(left == right)


def differences(left: Any, right: Any, where: str = "") -> List[str]:
    """Human-readable differences between two canonical structures (empty when alike)."""
    if isinstance(left, dict) and isinstance(right, dict):
        found: List[str] = []
        for key in sorted(set(left) | set(right)):
            name = f"{where}.{key}" if where else key
            if key not in right:
                found.append(f"{name}: sent {left[key]!r}, not recorded")
            elif key not in left:
                found.append(f"{name}: recorded {right[key]!r}, not sent")
            else:
                found.extend(differences(left[key], right[key], name))
        return found
    return [] if _same(left, right) else [f"{where or '(value)'}: sent {left!r}, recorded {right!r}"]
