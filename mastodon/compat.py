"""Which optional extras are importable, and a helper to demand one."""
from __future__ import annotations

import importlib.util
from typing import TYPE_CHECKING, List

from .errors import MastodonNotImplementedError


def _has(module: str) -> bool:
    try:
        return importlib.util.find_spec(module) is not None
    except (ImportError, ValueError):
        return False


#: The module each ``IMPL_HAS_*`` flag looks for. A flag is worked out when first
#: read (looking modules up searches the whole path), then kept.
_FLAGS = {
    "IMPL_HAS_CRYPTO": "cryptography", "IMPL_HAS_ECE": "http_ece",
    "IMPL_HAS_BLURHASH": "blurhash", "IMPL_HAS_GRAPHEME": "grapheme",
    "IMPL_HAS_WEBSOCKET": "websocket", "IMPL_HAS_MAGIC": "magic",
}

if TYPE_CHECKING:
    IMPL_HAS_CRYPTO: bool
    IMPL_HAS_ECE: bool
    IMPL_HAS_BLURHASH: bool
    IMPL_HAS_GRAPHEME: bool
    IMPL_HAS_WEBSOCKET: bool
    IMPL_HAS_MAGIC: bool


def __getattr__(name: str) -> bool:
    if name not in _FLAGS:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    found = globals()[name] = _has(_FLAGS[name])
    return found


def __dir__() -> List[str]:
    return sorted(set(globals()) | set(_FLAGS))


_EXTRA_OF_MODULE = {
    "cryptography": "webpush", "http_ece": "webpush", "blurhash": "blurhash",
    "grapheme": "grapheme", "websocket": "websocket", "magic": "magic",
}


def require(module: str, feature: str) -> None:
    """Raise MastodonNotImplementedError unless the optional ``module`` imports."""
    if not _has(module):
        extra = _EXTRA_OF_MODULE.get(module, module)
        raise MastodonNotImplementedError(
            f"{feature} needs the optional module {module!r}; "
            f"install it with: pip install 'mastodon-ng[{extra}]'"
        )
