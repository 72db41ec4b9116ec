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

    ``str()`` and ``args`` are exactly those of Mastodon.py. Errors about a
    request carry its details as attributes: ``method``, ``url`` (secrets
    redacted), ``request_id`` and ``response`` (when the server answered), also
    summed up in an exception note that tracebacks show on Python 3.11+.
    ``idempotency_key`` is the Idempotency-Key of the failed request, when it
    had one: sending the request again with that key cannot create a
    duplicate. ``may_have_reached_server`` says whether the server may have
    received (and acted on) the request: False only when it certainly did not,
    None where no request was involved.
    """

    method: Optional[str] = None
    url: Optional[str] = None
    request_id: Optional[str] = None
    response: Any = None
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
    """The server could not be reached or the connection failed; the message says why."""

    may_have_reached_server: Optional[bool] = True


class MastodonReadTimeout(MastodonNetworkError):
    """A stream or request received no data within its timeout."""


class MastodonVersionError(MastodonError):
    """The server's version does not support the call, or a version string is invalid."""


class MastodonNotImplementedError(NotImplementedError, MastodonError):
    """A feature needs an optional extra that is not installed."""


class MastodonRatelimitError(MastodonError):
    """The rate limit was hit and the client is not allowed to wait it out.

    ``limit``, ``remaining`` and ``reset`` (POSIX seconds) are what the server
    reported, None where it did not say.
    """

    limit: Optional[int] = None
    remaining: Optional[int] = None
    reset: Optional[float] = None


MastodonRateLimitError = MastodonRatelimitError


class MastodonMalformedEventError(MastodonError):
    """A streaming event could not be parsed."""


class MastodonAPIError(MastodonError):
    """The server answered with an error status, or with a body that is not usable.

    For an error status, ``args`` is ``(message, status_code, reason, error)``
    as in Mastodon.py (and ``str()`` their tuple); the same facts are also
    attributes, with ``error_description`` for OAuth errors that give one.
    """

    may_have_reached_server: Optional[bool] = True  # the server answered
    error_description: Optional[str] = None

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
