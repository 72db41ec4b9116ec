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
    """Base class of every error the library raises."""


class MastodonIllegalArgumentError(ValueError, MastodonError):
    """An argument is invalid; raised before anything is sent to the server."""


class MastodonIOError(OSError, MastodonError):
    """A file or network input/output operation failed."""


class MastodonFileNotFoundError(MastodonIOError):
    """A file to upload could not be found or opened."""


class MastodonUploadFileNotFoundError(MastodonFileNotFoundError, MastodonIllegalArgumentError):
    """A file to upload does not exist: both a file error and an argument error."""


class MastodonNetworkError(MastodonIOError):
    """The server could not be reached or the connection failed."""


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

    def __init__(
        self,
        message: str = "Mastodon API returned error",
        status_code: Optional[int] = None,
        reason: Optional[str] = None,
        error: Optional[str] = None,
        *,
        response: Any = None,
        method: Optional[str] = None,
        url: Optional[str] = None,
        request_id: Optional[str] = None,
    ) -> None:
        super().__init__(message, status_code, reason, error)
        self.status_code = status_code
        self.reason = reason
        self.error = error
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


class MastodonWarning(Warning):
    """Base class of the library's warnings."""


class MastodonDeprecationWarning(MastodonWarning):
    """The server or the library marks a call as deprecated."""
