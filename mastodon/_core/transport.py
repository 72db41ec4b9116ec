"""Send stage: one request through the pooled ``requests.Session``."""
from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional, Tuple

import requests

from ..errors import MastodonNetworkError, MastodonReadTimeout
from .params import Pairs, form_pairs, json_body
from .validate import header_value

log = logging.getLogger("mastodon")


class BearerAuth(requests.auth.AuthBase):
    """Adds ``Authorization: Bearer <token>``; the token never goes into a URL or a repr."""

    def __init__(self, token: str) -> None:
        self._token = header_value("access_token", token)

    def __call__(self, request: requests.PreparedRequest) -> requests.PreparedRequest:
        request.headers["Authorization"] = f"Bearer {self._token}"
        return request

    def __repr__(self) -> str:
        return "BearerAuth(<redacted>)"


@dataclass
class Call:
    """Everything needed to send one request (the output of the build stage)."""

    method: str
    url: str
    query: Optional[Pairs] = None
    form: Optional[Pairs] = None
    json: Optional[Dict[str, Any]] = None
    files: Optional[Dict[str, Any]] = None
    headers: Dict[str, str] = field(default_factory=dict)
    _file_starts: List[Tuple[Any, int]] = field(default_factory=list, repr=False)

    def rewind_files(self) -> None:
        """Put uploaded file objects back where they started, before a (re)send."""
        if not self._file_starts and self.files:
            for value in self.files.values():
                handle = value[1] if isinstance(value, tuple) else value
                seekable = getattr(handle, "seekable", None)
                if callable(seekable) and seekable():
                    self._file_starts.append((handle, handle.tell()))
        for handle, start in self._file_starts:
            handle.seek(start)


def build_call(method: str, url: str, params: Optional[Dict[str, Any]], *,
               as_json: bool = False, files: Optional[Dict[str, Any]] = None,
               headers: Optional[Dict[str, str]] = None) -> Call:
    """Build stage: GET and HEAD send a query string, others a form, JSON or multipart body."""
    method = method.upper()
    call = Call(method, url, headers=dict(headers or {}), files=files or None)
    if method in ("GET", "HEAD"):
        call.query = form_pairs(params)
    elif as_json and not files:
        call.json = json_body(params)
    else:
        call.form = form_pairs(params)
    return call


def transmit(session: requests.Session, call: Call, auth: Optional[requests.auth.AuthBase],
             timeout: Any, stream: bool = False) -> requests.Response:
    """Send ``call``; any failure below HTTP becomes MastodonNetworkError."""
    call.rewind_files()
    try:
        return session.request(
            call.method, call.url, params=call.query, data=call.form, json=call.json,
            files=call.files, headers=call.headers, auth=auth, timeout=timeout, stream=stream,
        )
    except requests.exceptions.ReadTimeout as exc:
        raise MastodonReadTimeout(f"Timed out reading from {call.method} {_where(call)}") from exc
    except (requests.exceptions.RequestException, OSError) as exc:
        raise MastodonNetworkError(
            f"Could not complete request {call.method} {_where(call)}: {type(exc).__name__}"
        ) from exc


def _where(call: Call) -> str:
    return call.url.split("?", 1)[0]
