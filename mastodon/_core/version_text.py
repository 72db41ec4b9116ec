"""Reading version strings: ``"4.2.1"``, ``"4.3.0-beta.1"``, ``"4.2.8+glitch"``,
``"2.7.2 (compatible; Akkoma 3.10.4)"``. Pure functions, no client."""
from __future__ import annotations

from typing import Any, Optional, Tuple

from ..errors import MastodonVersionError
from .lazy_pattern import lazy_pattern

_VERSION_RE = lazy_pattern(r"\s*v?(\d+)(?:\.(\d*))?(?:\.(\d*))?")
Version = Tuple[int, int, int]
#: What retrieve_mastodon_version() returns for a server naming no readable version.
UNKNOWN_VERSION = "1.0.0"


def parse_version_string(version_string: str) -> Version:
    """Parse ``"4.2.1"``, ``"4.3.0-beta.1"`` or ``"2.7.2 (compatible; Pleroma 2.0)"``.

    Returns ``(major, minor, patch)``; missing parts count as 0. Raises
    MastodonVersionError when the string does not start with a number.
    """
    match = _VERSION_RE().match(str(version_string)) if version_string is not None else None
    if match is None:
        raise MastodonVersionError(f"Could not parse version string {version_string!r}")
    return tuple(int(part) if part else 0 for part in match.groups())  # type: ignore[return-value]


def mastodon_level(version_string: Any) -> Optional[Version]:
    """The Mastodon version a server's version string claims, or None when it claims none.

    Forks and compatible servers put Mastodon's number first (``4.2.8+glitch``,
    ``2.7.2 (compatible; Akkoma 3.10.0)``). A string that does not start with a
    number, or starts with 0 (GoToSocial numbers its own releases ``0.x``; no
    Mastodon release carries such a number), names no Mastodon version.
    """
    if not isinstance(version_string, str):
        return None
    try:
        level = parse_version_string(version_string)
    except MastodonVersionError:
        return None
    return level if level[0] > 0 else None


def release_text(version_string: Any) -> str:
    """The release a version string names, without build metadata or a compatibility note.

    ``"4.2.8+glitch"`` gives ``"4.2.8"``, ``"2.7.2 (compatible; Akkoma 3.10.4)"``
    gives ``"2.7.2"``; a pre-release tag stays (``"4.3.0-beta.1"``). A string
    that does not start with a version number gives ``"1.0.0"``.
    """
    if not isinstance(version_string, str) or not _VERSION_RE().match(version_string):
        return UNKNOWN_VERSION
    return version_string.strip().split(" ", 1)[0].split("+", 1)[0]


def max_version(*version_strings: str) -> str:
    """Return the highest of the given version strings (empty ones are skipped)."""
    candidates = [v for v in version_strings if v]
    if not candidates:
        raise MastodonVersionError("max_version() needs at least one version string")
    return max(candidates, key=parse_version_string)


def dotted(version: Version) -> str:
    """``(4, 2, 1)`` as ``"4.2.1"``."""
    return ".".join(map(str, version))
