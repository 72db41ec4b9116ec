"""A Python client for the Mastodon API, a drop-in replacement for Mastodon.py.

``from mastodon import Mastodon`` gives the client; see its constructor.
"""
import logging

from .Mastodon import Mastodon
from ._core.retry import RetryPolicy
from .errors import (
    MastodonAPIError, MastodonBadGatewayError, MastodonDeprecationWarning, MastodonError,
    MastodonFileNotFoundError, MastodonGatewayTimeoutError, MastodonIllegalArgumentError,
    MastodonInternalServerError, MastodonIOError, MastodonMalformedEventError,
    MastodonNetworkError, MastodonNotFoundError, MastodonNotImplementedError,
    MastodonRatelimitError, MastodonRateLimitError, MastodonReadTimeout, MastodonServerError,
    MastodonServiceUnavailableError, MastodonUnauthorizedError,
    MastodonUploadFileNotFoundError, MastodonVersionError, MastodonWarning,
)
from .streaming import CallbackStreamListener, SSEStreamHandle, StreamHandle, StreamListener
from .streaming_websocket import WebSocketStreamHandle, WebSocketSubscription
from .types_base import AttribAccessDict

__version__ = "2.3.3"

logging.getLogger("mastodon").addHandler(logging.NullHandler())

# ``__all__`` lists the names of Mastodon.py's own package. Every other exception and
# warning class, and the older spelling ``MastodonRateLimitError`` (the same class as
# ``MastodonRatelimitError``), imports from here too.
__all__ = [
    "Mastodon", "AttribAccessDict", "StreamListener", "CallbackStreamListener",
    "StreamHandle", "SSEStreamHandle", "WebSocketStreamHandle", "WebSocketSubscription",
    "MastodonError", "MastodonVersionError", "MastodonIllegalArgumentError", "MastodonIOError",
    "MastodonFileNotFoundError", "MastodonNetworkError", "MastodonAPIError",
    "MastodonNotFoundError", "MastodonUnauthorizedError", "MastodonRatelimitError",
    "MastodonMalformedEventError", "MastodonServerError", "MastodonInternalServerError",
    "MastodonBadGatewayError", "MastodonServiceUnavailableError", "MastodonGatewayTimeoutError",
]
