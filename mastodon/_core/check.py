"""Check stage: map an HTTP error status to the matching exception class."""
from __future__ import annotations

import warnings
from typing import Dict, Optional, Tuple, Type, TypeVar

import requests

from ..errors import (
    MastodonAPIError, MastodonBadGatewayError, MastodonDeprecationWarning, MastodonError,
    MastodonGatewayTimeoutError, MastodonInternalServerError, MastodonNotFoundError,
    MastodonServerError, MastodonServiceUnavailableError, MastodonUnauthorizedError, add_note,
)
from .debuglog import redact_text, text_or_none
from .ratelimit import limit_error

E = TypeVar("E", bound=MastodonError)

_BODY_SHOWN = 200  # bytes of an unusable body quoted in the error

STATUS_ERRORS: Dict[int, Type[MastodonAPIError]] = {
    401: MastodonUnauthorizedError,
    404: MastodonNotFoundError,
    500: MastodonInternalServerError,
    502: MastodonBadGatewayError,
    503: MastodonServiceUnavailableError,
    504: MastodonGatewayTimeoutError,
}


def error_class(status: int) -> Type[MastodonAPIError]:
    """The exception class for an HTTP error status."""
    if not isinstance(status, int):  # a stand-in's status
        return MastodonAPIError
    if status in STATUS_ERRORS:
        return STATUS_ERRORS[status]
    return MastodonServerError if 500 <= status <= 511 else MastodonAPIError


def server_error_text(response: requests.Response) -> Tuple[Optional[str], Optional[str]]:
    """The server's own error message and its description, if any.

    The message is the JSON ``error`` member (or a JSON string body), else the
    start of a non-JSON body; OAuth errors add an ``error_description``.
    """
    try:
        body = response.json()
    except ValueError:
        text = response.text.strip()
        return (text[:300] if text else None), None
    if isinstance(body, str):
        return body, None
    if isinstance(body, dict) and body.get("error"):
        description = body.get("error_description")
        return str(body["error"]), (str(description) if description else None)
    return None, None


def succeeded(response: requests.Response) -> bool:
    """Whether an answer is a success: a status below 400 or, for a stand-in that is no
    ``requests.Response`` (a test's mock), what its ``ok`` says, as Mastodon.py reads it."""
    if isinstance(response, requests.Response):
        return response.status_code < 400
    ok = getattr(response, "ok", None)
    if ok is None:
        status = getattr(response, "status_code", None)
        return not isinstance(status, int) or status < 400
    return bool(ok)


def raise_for_status(response: requests.Response) -> None:
    """Raise the mapped MastodonAPIError subclass unless the response is a success."""
    if succeeded(response):
        return
    status = response.status_code
    error, description = server_error_text(response)
    if status == 404 and error is None:
        error = "Endpoint not found."
    if status == 429:
        raise with_details(limit_error(response.headers), response)
    exception = error_class(status)("Mastodon API returned error", status, response.reason, error)
    exception.error_description = description
    raise with_details(exception, response)


def unusable_body_error(response: requests.Response) -> MastodonAPIError:
    """The error for a success answer whose body is empty or not JSON, quoting what came back."""
    content = response.content or b""
    shown = content[:_BODY_SHOWN] + (b"..." if len(content) > _BODY_SHOWN else b"")
    return with_details(MastodonAPIError(
        f"Could not parse response as JSON, response code was {response.status_code}, "
        f"bad json content was {shown!r}"), response)


def with_details(error: E, response: requests.Response) -> E:
    """``error`` with the answer, its request's method and redacted URL and the request id
    attached as attributes, and summed up in an exception note (Python 3.11+)."""
    request = response.request
    error.response = response
    error.method = text_or_none(getattr(request, "method", None))
    url = text_or_none(getattr(request, "url", None))
    error.url = redact_text(url) if url is not None else None
    error.request_id = text_or_none(response.headers.get("X-Request-Id"))
    note = f"{error.method} {error.url} answered {response.status_code} {response.reason or ''}"
    if error.request_id:
        note += f" (request id {error.request_id})"
    description = getattr(error, "error_description", None)
    add_note(error, note.rstrip() + (f": {description}" if description else ""))
    return error


def warn_if_deprecated(response: requests.Response) -> None:
    """Turn a ``Deprecation`` response header into a MastodonDeprecationWarning."""
    if "Deprecation" in response.headers:
        request = response.request
        where = f"{request.method} {request.path_url}" if request is not None else "endpoint"
        warnings.warn(
            f"The server marks {where} as deprecated ({response.headers['Deprecation']})",
            MastodonDeprecationWarning, stacklevel=6,
        )
