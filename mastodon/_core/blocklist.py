"""The short list of instances the library refuses to talk to.

An instance is matched by the SHA-256 digest of its last two host labels
joined by a comma, so the list names no domain in clear text. Requests to a
listed instance fail with MastodonNetworkError before anything is sent.
"""
from __future__ import annotations

import functools
import hashlib
from urllib.parse import urlsplit

from ..errors import MastodonNetworkError

BLOCKED_DIGESTS = frozenset({
    "f3b50af8594eaa91dc440357a92691ff65dbfc9555226e9545b8e083dc10d2e1",
    "b96d2de9784efb5af0af56965b8616afe5469c06e7188ad0ccaee5c7cb8a56b6",
    "2dc0cbc89fad4873f665b78cc2f8b6b80fae4af9ac43c0d693edfda27275f517",
})


@functools.lru_cache(maxsize=64)
def host_digest(host: str) -> str:
    """The digest the block list is keyed by, for a host name."""
    labels = host.lower().rstrip(".").split(".")
    return hashlib.sha256(",".join(labels[-2:]).encode("utf-8")).hexdigest()


def refuse_blocked(url: str) -> None:
    """Raise MastodonNetworkError when ``url`` points at a blocked instance."""
    host = urlsplit(url).hostname or ""
    if host and host_digest(host) in BLOCKED_DIGESTS:
        raise MastodonNetworkError(
            "This instance is on the library's block list; no request was sent."
        )
