"""Check stage: map an HTTP error status to the matching exception class."""
from __future__ import annotations

import warnings
from typing import Dict, Optional, Type

import requests

from ..errors import (
    MastodonAPIError, MastodonBadGatewayError, MastodonDeprecationWarning,
    MastodonGatewayTimeoutError, MastodonInternalServerError, MastodonNotFoundError,
    MastodonRatelimitError, MastodonServerError, MastodonServiceUnavailableError,
    MastodonUnauthorizedError,
)

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
    if status in STATUS_ERRORS:
        return STATUS_ERRORS[status]
    return MastodonServerError if 500 <= status <= 511 else MastodonAPIError


def server_error_text(response: requests.Response) -> Optional[str]:
    """The server's own error message, from the JSON ``error`` key when there is one."""
    try:
        body = response.json()
    except ValueError:
        text = response.text.strip()
        return text[:300] if text else None
    if isinstance(body, dict) and body.get("error"):
        description = body.get("error_description")
        return f"{body['error']}: {description}" if description else str(body["error"])
    return None


def raise_for_status(response: requests.Response) -> None:
    """Raise the mapped MastodonAPIError subclass unless the response is a success."""
    status = response.status_code
    if status < 400:
        return
    error = server_error_text(response)
    if status == 404 and error is None:
        error = "Endpoint not found."
    if status == 429:
        raise MastodonRatelimitError("Hit rate limit.")
    raise with_details(error_class(status)(
        "Mastodon API returned error", status, response.reason, error), response)


def unusable_body_error(response: requests.Response) -> MastodonAPIError:
    """The error for a success answer whose body is empty or not JSON, quoting what came back."""
    content = response.content or b""
    shown = content[:_BODY_SHOWN] + (b"..." if len(content) > _BODY_SHOWN else b"")
    return with_details(MastodonAPIError(
        f"Could not parse response as JSON, response code was {response.status_code}, "
        f"bad json content was {shown!r}"), response)


def with_details(error: MastodonAPIError, response: requests.Response) -> MastodonAPIError:
    """``error`` with the answer, its request's method and URL and the request id attached."""
    request = response.request
    error.response = response
    error.method = request.method if request is not None else None
    error.url = request.url if request is not None else None
    error.request_id = response.headers.get("X-Request-Id")
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
