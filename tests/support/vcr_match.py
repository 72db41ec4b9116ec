"""Matching replayed requests against recorded ones "as data" (tests/recorded/README.md).

Two requests match when the method and path are equal and their query and body
carry the same data:

* form, JSON and multipart bodies are compared field by field, never as bytes;
* ``a[]=1&a[]=2``, ``a=1&a=2`` and ``{"a": [1, 2]}`` are the same list (and a
  single ``a[]=1`` is the same as ``a=1``); ``a[b]=1`` is ``{"a": {"b": 1}}``
  and ``a[0][b]=1`` is ``{"a": [{"b": 1}]}``;
* key order does not matter, list order does;
* ``true``/``1`` and ``false``/``0`` are alike, numbers compare as text;
* datetimes compare in UTC;
* a parameter one side has and the other lacks is a mismatch.

Uploaded files compare by their content and MIME type (the file name that
Mastodon.py made up at random is ignored).

``support/probes/wire_data.py`` turns a query string or a body into that
canonical form (the differential suite's probe uses it too), :func:`match_as_data`
is the vcrpy matcher built on it, and :func:`match_auth`
is an extra matcher requiring the same bearer token (or none on both sides).
"""
from __future__ import annotations

from typing import Any, List, Optional
from urllib.parse import parse_qsl, unquote, urlsplit

from .probes.wire_data import body_data, differences, header, multipart_parts, query_data

__all__ = ["body_data", "differences", "header", "match_as_data", "match_auth",
           "match_field_names", "multipart_parts", "query_data", "request_differences"]


def _path(uri: str) -> str:
    return unquote(urlsplit(uri).path)


def request_differences(sent: Any, recorded: Any) -> List[str]:
    """Why a replayed vcrpy request does not match a recorded one (empty when it does)."""
    if sent.method.upper() != recorded.method.upper():
        return [f"method: sent {sent.method}, recorded {recorded.method}"]
    if _path(sent.uri) != _path(recorded.uri):
        return [f"path: sent {_path(sent.uri)}, recorded {_path(recorded.uri)}"]
    found = [f"query {item}" for item in differences(query_data(sent.uri), query_data(recorded.uri))]
    found += [f"body {item}" for item in differences(body_data(sent.body, sent.headers),
                                                     body_data(recorded.body, recorded.headers))]
    return found


def match_as_data(sent: Any, recorded: Any) -> None:
    """vcrpy matcher: raise AssertionError unless the requests match as data."""
    found = request_differences(sent, recorded)
    if found:
        raise AssertionError("; ".join(found))


def _field_names(request: Any) -> List[str]:
    """The literal names of the query fields and form-body fields, ``[]`` included."""
    names = {key for key, _ in parse_qsl(urlsplit(request.uri).query, keep_blank_values=True)}
    content_type = (header(request.headers, "Content-Type") or "").lower()
    if request.body and content_type.startswith("application/x-www-form-urlencoded"):
        raw = request.body.decode("utf-8") if isinstance(request.body, bytes) else request.body
        names |= {key for key, _ in parse_qsl(raw, keep_blank_values=True)}
    return sorted(names)


def match_field_names(sent: Any, recorded: Any) -> None:
    """vcrpy matcher, stricter than the README's rules: the same field names, spelled alike.

    ``id=1`` and ``id[]=1`` are the same data, but a caller's own cassettes,
    matched by vcrpy's literal ``query`` matcher, tell them apart; so the
    replayed scenarios require the spelling Mastodon.py used.
    """
    sent_names, recorded_names = _field_names(sent), _field_names(recorded)
    if sent_names != recorded_names:
        raise AssertionError(f"field names: sent {sent_names}, recorded {recorded_names}")


def _token(request: Any) -> Optional[str]:
    value = header(request.headers, "Authorization")
    return value.split(" ", 1)[-1] if value else None


def match_auth(sent: Any, recorded: Any) -> None:
    """vcrpy matcher: the same bearer token was used (or none on both sides)."""
    if _token(sent) != _token(recorded):
        raise AssertionError(f"token: sent {_token(sent)!r}, recorded {_token(recorded)!r}")
