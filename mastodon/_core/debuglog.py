"""Request/response logging for ``debug_requests=True``, with every secret redacted.

Secrets are recognised by field name, at any nesting depth: the last segment
of a form or query key (``subscription[keys][auth]``, percent-encoded or
not), any key of a JSON object, and the name of a multipart part.
"""
from __future__ import annotations

import logging
import re
from typing import Any, Dict, Mapping, Optional
from urllib.parse import unquote_plus

import requests

from .lazy_pattern import lazy_pattern

log = logging.getLogger("mastodon")

REDACTED = "<redacted>"
SECRET_FIELDS = frozenset({"access_token", "refresh_token", "client_secret", "password",
                           "current_password", "password_confirmation", "code", "token",
                           "auth", "p256dh", "privkey", "otp_attempt", "secret"})
_SECRET_ENDINGS = ("_token", "_secret", "_password")
_SECRET_HEADERS = frozenset({"authorization", "cookie", "set-cookie", "proxy-authorization",
                             "sec-websocket-protocol"})
_SHOWN = 2000  # characters of a body that are logged
# "key": "string with \" escapes" (possibly cut off by the length limit) or a bare scalar
_JSON_MEMBER = lazy_pattern(
    r'"(?P<key>(?:[^"\\]|\\.)*)"(?P<colon>\s*:\s*)(?P<value>"(?:[^"\\]|\\.)*"?|[^\s,\]}{\["]+)')
_FORM_PAIR = lazy_pattern(r"(?P<lead>^|[?&;\s])(?P<key>[^=&;?\s]+)=(?P<value>[^&;\s]*)")
_KEY_SEGMENT = lazy_pattern(r"[^\[\]]+")
_PART_NAME = lazy_pattern(rb'name="([^"]*)"')


def is_secret(name: str) -> bool:
    """Whether a field called ``name`` holds a secret (judged by its last key segment)."""
    segments = _KEY_SEGMENT().findall(unquote_plus(name))
    leaf = segments[-1].strip().lower() if segments else ""
    return leaf in SECRET_FIELDS or leaf.endswith(_SECRET_ENDINGS)


def text_or_none(value: Any) -> Optional[str]:
    """``value`` if it is text, else None (a stand-in's attribute, such as a mock's)."""
    return value if isinstance(value, str) else None


def _shown(value: Any) -> str:
    """Text to log for a value that should be text: a stand-in's shows as its repr."""
    return value if isinstance(value, str) else "" if value is None else repr(value)


def redact_text(text: str) -> str:
    """Mask secret values in a JSON, form or URL string."""
    text = _JSON_MEMBER().sub(_json_member, text)
    return _FORM_PAIR().sub(_form_pair, text)


def _json_member(match: "re.Match[str]") -> str:
    if not is_secret(match["key"]):
        return match.group(0)
    return f'"{match["key"]}"{match["colon"]}"{REDACTED}"'


def _form_pair(match: "re.Match[str]") -> str:
    if not is_secret(match["key"]):
        return match.group(0)
    return f"{match['lead']}{match['key']}={REDACTED}"


def redact_multipart(body: bytes, content_type: str) -> str:
    """A multipart body as ``name=value`` lines: secrets masked, files by their size."""
    found = re.search(r'boundary="?([^";]+)"?', content_type)
    if not found:
        return f"<multipart body, {len(body)} bytes>"
    fields = []
    for part in body.split(b"--" + found.group(1).encode("latin-1"))[1:]:
        head, _, value = part.partition(b"\r\n\r\n")
        name = _PART_NAME().search(head)
        if name is None:
            continue
        field = name.group(1).decode("utf-8", "replace")
        value = value[:-2] if value.endswith(b"\r\n") else value
        if b"filename=" in head:
            shown = f"<file, {len(value)} bytes>"
        elif is_secret(field):
            shown = REDACTED
        else:
            shown = value[:200].decode("utf-8", "replace")
        fields.append(f"{field}={shown}")
    return "multipart: " + "; ".join(fields)


def redact_headers(headers: Mapping[str, Any]) -> Dict[str, Any]:
    """A copy of the headers with credentials masked."""
    return {key: (REDACTED if key.lower() in _SECRET_HEADERS else value)
            for key, value in headers.items()}


def request_body_text(prepared: requests.PreparedRequest) -> Optional[str]:
    """The request body as loggable text, secrets masked (None when there is none)."""
    body = prepared.body
    if not body:
        return None
    content_type = prepared.headers.get("Content-Type") or ""
    if isinstance(content_type, bytes):
        content_type = content_type.decode("latin-1")
    if isinstance(body, bytes):
        if content_type.startswith("multipart/"):
            return redact_multipart(body, content_type)
        body = body[:_SHOWN].decode("utf-8", "replace")
    elif not isinstance(body, str):
        return f"<{type(body).__name__} body>"
    return redact_text(body[:_SHOWN])


def log_request(prepared: requests.PreparedRequest) -> None:
    """Log an outgoing request at DEBUG, secrets masked."""
    log.debug("request %s %s headers=%s body=%s", prepared.method, redact_text(_shown(prepared.url)),
              redact_headers(prepared.headers), request_body_text(prepared))


def log_response(response: requests.Response, stream: bool = False) -> None:
    """Log a response at DEBUG, secrets masked."""
    body = "<stream>" if stream else redact_text(_shown(response.text)[:_SHOWN])
    log.debug("response %s %s headers=%s body=%s", response.status_code, response.reason,
              redact_headers(response.headers), body)
