"""Version strings and the ``api_version`` decorator every endpoint carries."""
from __future__ import annotations

import inspect
import re
from typing import Any, Callable, Tuple, TypeVar

from decorator import decorate

from .errors import MastodonVersionError

_F = TypeVar("_F", bound=Callable[..., Any])
_VERSION_RE = re.compile(r"\s*v?(\d+)(?:\.(\d*))?(?:\.(\d*))?")


def parse_version_string(version_string: str) -> Tuple[int, int, int]:
    """Parse ``"4.2.1"``, ``"4.3.0-beta.1"`` or ``"2.7.2 (compatible; Pleroma 2.0)"``.

    Returns ``(major, minor, patch)``; missing parts count as 0. Raises
    MastodonVersionError when the string does not start with a number.
    """
    match = _VERSION_RE.match(str(version_string)) if version_string is not None else None
    if match is None:
        raise MastodonVersionError(f"Could not parse version string {version_string!r}")
    return tuple(int(part) if part else 0 for part in match.groups())  # type: ignore[return-value]


def max_version(*version_strings: str) -> str:
    """Return the highest of the given version strings (empty ones are skipped)."""
    candidates = [v for v in version_strings if v]
    if not candidates:
        raise MastodonVersionError("max_version() needs at least one version string")
    return max(candidates, key=parse_version_string)


def api_version(created_ver: str, last_changed_ver: str) -> Callable[[_F], _F]:
    """Mark an endpoint with the Mastodon versions that added and last changed it.

    When the client's ``version_check_mode`` is ``"created"`` (or ``"changed"``),
    calling the endpoint against an older server raises MastodonVersionError
    before any request is sent.
    """

    def wrap(function: _F) -> _F:
        def checked(func: Callable[..., Any], self: Any, *args: Any, **kwargs: Any) -> Any:
            mode = self.version_check_mode
            if mode != "none":
                needed = created_ver if mode == "created" else last_changed_ver
                if not self.verify_minimum_version(needed, cached=True):
                    raise MastodonVersionError(
                        f"{func.__name__}() needs Mastodon {needed} or newer, the server runs "
                        f"{self.mastodon_major}.{self.mastodon_minor}.{self.mastodon_patch}"
                    )
            return func(self, *args, **kwargs)

        wrapped = decorate(function, checked)
        note = f"*Added: Mastodon v{created_ver}, last changed: Mastodon v{last_changed_ver}*"
        wrapped.__doc__ = f"{inspect.cleandoc(function.__doc__ or '')}\n\n{note}"
        wrapped._min_version = (created_ver, last_changed_ver)  # type: ignore[attr-defined]
        return wrapped  # type: ignore[no-any-return]

    return wrap
