"""A Python client for the Mastodon API, a drop-in replacement for Mastodon.py.

``from mastodon import Mastodon`` gives the client; see its constructor.

Importing the package itself is cheap: each name below is imported from its
module when it is first used (:pep:`562`), so ``import mastodon`` costs
nothing until the client, an exception class or a listener is needed.
"""
import importlib
import logging
import sys
import types
from typing import TYPE_CHECKING, Any, Dict, List

from ._core.lazy_module import deferred_import

__version__ = "2.3.3"

if TYPE_CHECKING:  # what type checkers and editors see; at run time, __getattr__ below
    from ._core.retry import RetryPolicy
    from .client import Mastodon
    from .errors import (
        MastodonAPIError, MastodonBadGatewayError, MastodonDeprecationWarning, MastodonError,
        MastodonFileNotFoundError, MastodonGatewayTimeoutError, MastodonIllegalArgumentError,
        MastodonInternalServerError, MastodonIOError, MastodonMalformedEventError,
        MastodonNetworkError, MastodonNotFoundError, MastodonNotImplementedError,
        MastodonRatelimitError, MastodonRateLimitError, MastodonReadTimeout,
        MastodonServerError, MastodonServiceUnavailableError, MastodonUnauthorizedError,
        MastodonUploadFileNotFoundError, MastodonVersionError, MastodonWarning,
    )
    from .streaming import CallbackStreamListener, SSEStreamHandle, StreamHandle, StreamListener
    from .streaming_websocket import WebSocketStreamHandle, WebSocketSubscription
    from .types_base import AttribAccessDict

logging.getLogger("mastodon").addHandler(logging.NullHandler())

# The entity classes run when first used, not when imported: the endpoint modules name
# them, but only the first answer needs them (see mastodon._core.lazy_module).
if TYPE_CHECKING:
    from . import return_types
else:
    return_types = deferred_import(f"{__name__}.return_types")

_ERRORS = (
    "MastodonAPIError", "MastodonBadGatewayError", "MastodonDeprecationWarning", "MastodonError",
    "MastodonFileNotFoundError", "MastodonGatewayTimeoutError", "MastodonIllegalArgumentError",
    "MastodonInternalServerError", "MastodonIOError", "MastodonMalformedEventError",
    "MastodonNetworkError", "MastodonNotFoundError", "MastodonNotImplementedError",
    "MastodonRatelimitError", "MastodonRateLimitError", "MastodonReadTimeout", "MastodonServerError",
    "MastodonServiceUnavailableError", "MastodonUnauthorizedError",
    "MastodonUploadFileNotFoundError", "MastodonVersionError", "MastodonWarning",
)

#: The module each name of the package comes from (relative to the package).
_HOMES: Dict[str, str] = {
    "Mastodon": ".client",
    "RetryPolicy": "._core.retry",
    "AttribAccessDict": ".types_base",
    "StreamListener": ".streaming",
    "CallbackStreamListener": ".streaming",
    "StreamHandle": ".streaming",
    "SSEStreamHandle": ".streaming",
    "WebSocketStreamHandle": ".streaming_websocket",
    "WebSocketSubscription": ".streaming_websocket",
    **{name: ".errors" for name in _ERRORS},
}

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

#: What the client's name was set to, when a caller replaced it (``mock.patch``).
_replaced_client: Dict[str, Any] = {}


def _load(name: str) -> Any:
    """Import ``name`` from its module, and keep it so that the next look-up is direct."""
    value = getattr(importlib.import_module(_HOMES[name], __name__), name)
    if name != "Mastodon":
        globals()[name] = value
    return value




def __getattr__(name: str) -> Any:
    """A package name on first use, or a submodule (``mastodon.errors``) not yet imported."""
    if name in _HOMES:
        return _load(name)
    if name.startswith("__"):
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    try:
        return importlib.import_module(f".{name}", __name__)
    except ModuleNotFoundError as exc:
        if exc.name != f"{__name__}.{name}":
            raise
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None


def __dir__() -> List[str]:
    return sorted(set(globals()) | set(_HOMES))


class _Package(types.ModuleType):
    """The package's module type: ``mastodon.Mastodon`` always names the client class.

    The compatibility module ``mastodon/Mastodon.py`` has the same name; importing
    it would otherwise make the import system store the module under the name of
    the class. A name a caller sets (``mock.patch("mastodon.Mastodon")``) is kept.
    """

    @property
    def Mastodon(self) -> Any:  # noqa: N802 - the class's name
        if "value" in _replaced_client:
            return _replaced_client["value"]
        return _load("Mastodon")

    @Mastodon.setter
    def Mastodon(self, value: Any) -> None:  # noqa: N802
        if isinstance(value, types.ModuleType) and value.__name__ == f"{__name__}.Mastodon":
            return
        _replaced_client["value"] = value

    @Mastodon.deleter
    def Mastodon(self) -> None:  # noqa: N802
        _replaced_client.pop("value", None)


sys.modules[__name__].__class__ = _Package
