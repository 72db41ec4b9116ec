"""Request/response logging for ``debug_requests=True``, with every secret redacted."""
from __future__ import annotations

import logging
import re
from typing import Any, Mapping

import requests

log = logging.getLogger("mastodon")

SECRET_KEYS = ("access_token", "refresh_token", "client_secret", "password", "code",
               "token", "auth", "p256dh", "privkey")
_SECRET_HEADERS = frozenset({"authorization", "cookie", "set-cookie", "proxy-authorization",
                             "sec-websocket-protocol"})
_JSON_SECRET = re.compile(
    r'("(?:%s)"\s*:\s*)"[^"]*"' % "|".join(SECRET_KEYS), re.IGNORECASE)
_FORM_SECRET = re.compile(
    r"((?:^|[?&;\s])(?:%s)(?:%%5B%%5D|\[\])?=)[^&\s]*" % "|".join(SECRET_KEYS), re.IGNORECASE)
REDACTED = "<redacted>"


def redact_text(text: str) -> str:
    """Mask secret values in a JSON, form or URL string."""
    return _FORM_SECRET.sub(r"\1" + REDACTED, _JSON_SECRET.sub(r'\1"' + REDACTED + '"', text))


def redact_headers(headers: Mapping[str, Any]) -> dict:
    """A copy of the headers with credentials masked."""
    return {key: (REDACTED if key.lower() in _SECRET_HEADERS else value)
            for key, value in headers.items()}


def log_request(prepared: requests.PreparedRequest) -> None:
    """Log an outgoing request at DEBUG, secrets masked."""
    body = prepared.body
    if isinstance(body, bytes):
        body = body[:2000].decode("utf-8", "replace") if b"Content-Disposition" not in body[:200] \
            else f"<multipart body, {len(body)} bytes>"
    log.debug("request %s %s headers=%s body=%s", prepared.method, redact_text(prepared.url or ""),
              redact_headers(prepared.headers), redact_text(str(body)) if body else None)


def log_response(response: requests.Response, stream: bool = False) -> None:
    """Log a response at DEBUG, secrets masked."""
    body = "<stream>" if stream else redact_text(response.text[:2000])
    log.debug("response %s %s headers=%s body=%s", response.status_code, response.reason,
              redact_headers(response.headers), body)
