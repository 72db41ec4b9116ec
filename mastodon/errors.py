"""The exception and warning classes raised by the library.

Hierarchy::

    MastodonError
    ├── MastodonIllegalArgumentError (also ValueError)
    ├── MastodonIOError (also OSError)
    │   ├── MastodonFileNotFoundError
    │   │   └── MastodonUploadFileNotFoundError (also MastodonIllegalArgumentError)
    │   └── MastodonNetworkError
    │       └── MastodonReadTimeout
    ├── MastodonVersionError
    ├── MastodonRatelimitError (alias: MastodonRateLimitError)
    ├── MastodonMalformedEventError
    └── MastodonAPIError
        ├── MastodonNotFoundError (404)
        ├── MastodonUnauthorizedError (401)
        └── MastodonServerError (5xx)
            ├── MastodonInternalServerError (500)
            ├── MastodonBadGatewayError (502)
            ├── MastodonServiceUnavailableError (503)
            └── MastodonGatewayTimeoutError (504)
"""
from __future__ import annotations

from typing import Any, Optional

__all__ = [
    "MastodonError", "MastodonIllegalArgumentError", "MastodonIOError",
    "MastodonFileNotFoundError", "MastodonUploadFileNotFoundError", "MastodonNetworkError", "MastodonReadTimeout",
    "MastodonAPIError", "MastodonServerError", "MastodonInternalServerError",
    "MastodonBadGatewayError", "MastodonServiceUnavailableError",
    "MastodonGatewayTimeoutError", "MastodonNotFoundError", "MastodonUnauthorizedError",
    "MastodonRatelimitError", "MastodonRateLimitError", "MastodonMalformedEventError",
    "MastodonVersionError", "MastodonNotImplementedError",
    "MastodonWarning", "MastodonDeprecationWarning",
]


class MastodonError(Exception):
    """Base class of every error the library raises.

    ``idempotency_key`` is the Idempotency-Key of the failed request, when it
    had one: sending the request again with that key cannot create a
    duplicate. ``may_have_reached_server`` says whether the server may have
    received (and acted on) the request: False only when it certainly did not,
    None where no request was involved.
    """

    idempotency_key: Optional[str] = None
    may_have_reached_server: Optional[bool] = None


class MastodonIllegalArgumentError(ValueError, MastodonError):
    """An argument is invalid; raised before anything is sent to the server."""


class MastodonIOError(OSError, MastodonError):
    """A file or network input/output operation failed."""


class MastodonFileNotFoundError(MastodonIOError):
    """A file to upload could not be found or opened."""


class MastodonUploadFileNotFoundError(MastodonFileNotFoundError, MastodonIllegalArgumentError):
    """A file to upload does not exist: both a file error and an argument error."""


class MastodonNetworkError(MastodonIOError):
    """The server could not be reached or the connection failed.

    ``method`` and ``url`` (secrets redacted) name the failed request, when there was one.
    """

    may_have_reached_server: Optional[bool] = True
    method: Optional[str] = None
    url: Optional[str] = None


class MastodonReadTimeout(MastodonNetworkError):
    """A stream or request received no data within its timeout."""


class MastodonVersionError(MastodonError):
    """The server's version does not support the call, or a version string is invalid."""


class MastodonNotImplementedError(NotImplementedError, MastodonError):
    """A feature needs an optional extra that is not installed."""


class MastodonRatelimitError(MastodonError):
    """The rate limit was hit and the client is not allowed to wait it out."""


MastodonRateLimitError = MastodonRatelimitError


class MastodonMalformedEventError(MastodonError):
    """A streaming event could not be parsed."""


class MastodonAPIError(MastodonError):
    """The server answered with an error status.

    ``args`` keeps the historical order ``(message, status_code, reason, error)``
    so that code indexing into it keeps working; the same facts are also
    available as attributes, together with the response and request details.
    """

    may_have_reached_server: Optional[bool] = True  # the server answered

    def __init__(self, *args: Any, response: Any = None, method: Optional[str] = None,
                 url: Optional[str] = None, request_id: Optional[str] = None) -> None:
        super().__init__(*args)
        status_code, reason, error = (list(args[1:4]) + [None] * 3)[:3]
        self.status_code: Optional[int] = status_code
        self.reason: Optional[str] = reason
        self.error: Optional[str] = error
        self.response = response
        self.method = method
        self.url = url
        self.request_id = request_id

    def __str__(self) -> str:
        parts = [str(self.args[0])]
        if self.status_code is not None:
            parts.append(f"{self.status_code} {self.reason or ''}".rstrip())
        if self.error:
            parts.append(str(self.error))
        if self.method and self.url:
            parts.append(f"({self.method} {self.url})")
        return ": ".join(parts[:3]) + (f" {parts[3]}" if len(parts) > 3 else "")


class MastodonNotFoundError(MastodonAPIError):
    """HTTP 404: the object or endpoint does not exist."""


class MastodonUnauthorizedError(MastodonAPIError):
    """HTTP 401: the token is missing, invalid or lacks the needed scope."""


class MastodonServerError(MastodonAPIError):
    """HTTP 5xx: the server failed."""


class MastodonInternalServerError(MastodonServerError):
    """HTTP 500."""


class MastodonBadGatewayError(MastodonServerError):
    """HTTP 502."""


class MastodonServiceUnavailableError(MastodonServerError):
    """HTTP 503."""


class MastodonGatewayTimeoutError(MastodonServerError):
    """HTTP 504."""


def add_note(error: BaseException, note: str) -> None:
    """Attach a note that tracebacks show (Python 3.11+); before 3.11 nothing happens."""
    adder = getattr(error, "add_note", None)
    if adder is not None:
        adder(note)


class MastodonWarning(Warning):
    """Base class of the library's warnings."""


class MastodonDeprecationWarning(MastodonWarning):
    """The server or the library marks a call as deprecated."""
