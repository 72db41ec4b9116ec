"""Which optional extras are importable, and a helper to demand one."""
from __future__ import annotations

import importlib.util

from .errors import MastodonNotImplementedError


def _has(module: str) -> bool:
    try:
        return importlib.util.find_spec(module) is not None
    except (ImportError, ValueError):
        return False


IMPL_HAS_CRYPTO = _has("cryptography")
IMPL_HAS_ECE = _has("http_ece")
IMPL_HAS_BLURHASH = _has("blurhash")
IMPL_HAS_GRAPHEME = _has("grapheme")
IMPL_HAS_WEBSOCKET = _has("websocket")
IMPL_HAS_MAGIC = _has("magic")

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
