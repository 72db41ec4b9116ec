"""Reading and writing the credential files of ``create_app`` and ``log_in``, and taking
over the access token a login or sign-up grants."""
from __future__ import annotations

import os
import tempfile
from datetime import datetime, timedelta
from typing import Any, List, Optional, Protocol, Sequence, Set

from ..defaults import _SCOPE_SETS
from ..errors import MastodonAPIError, MastodonFileNotFoundError, MastodonIllegalArgumentError, \
    MastodonIOError


def credential_path(name: str, value: Any) -> Optional[str]:
    """The credential file an argument names, or None when it holds the secret itself.

    Any ``os.PathLike`` (``pathlib.Path``, pytest's ``py.path.local`` ...) is
    a file and must exist; a string is a file when one of that name exists.
    """
    if isinstance(value, os.PathLike):
        path = os.fsdecode(os.fspath(value))
        if not os.path.isfile(path):
            raise MastodonIllegalArgumentError(f"{name}: no credential file at {path!r}")
        return path
    if isinstance(value, str) and "\n" not in value and os.path.isfile(value):
        return value
    return None


def read_lines(path: str, count: int) -> List[Optional[str]]:
    """The first ``count`` lines of a credential file, stripped; missing or empty ones None."""
    try:
        with open(path, encoding="utf-8") as handle:
            lines = [line.strip() for line in handle.read().splitlines()]
    except OSError as exc:
        raise MastodonFileNotFoundError(f"could not read credential file {path!r}: {exc}") from exc
    except UnicodeDecodeError as exc:
        raise MastodonIllegalArgumentError(f"{path!r} is not a credential file (not UTF-8 text)") from exc
    lines += [""] * (count - len(lines))
    return [line or None for line in lines[:count]]


def read_credentials(name: str, path: str, count: int, url_line: int) -> List[Optional[str]]:
    """The first ``count`` lines of the credential file ``path`` given as ``name``.

    Line ``url_line`` (0-based) holds the server URL when present; a file where
    it is text with spaces (a script, a note) is refused as no credential file,
    naming ``name``.
    """
    lines = read_lines(path, count)
    url = lines[url_line]
    if url is not None and any(character.isspace() for character in url):
        raise MastodonIllegalArgumentError(
            f"{name}: {path!r} is not a credential file (line {url_line + 1} should be the "
            f"server URL, not {url[:60]!r})")
    return lines


def write_secret_file(path: str, lines: Sequence[Optional[str]]) -> None:
    """Write one value per line, atomically, readable by the owner only (mode 0600)."""
    text = "".join(f"{line or ''}\n" for line in lines)
    directory = os.path.dirname(os.path.abspath(path))
    try:
        fd, temp_path = tempfile.mkstemp(prefix=".mastodon-", dir=directory)  # created 0600
    except OSError as exc:
        raise MastodonIOError(f"could not write {path!r}: {exc}") from exc
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp_path, 0o600)
        os.replace(temp_path, path)
    except BaseException as exc:
        if os.path.exists(temp_path):
            os.unlink(temp_path)
        if isinstance(exc, OSError):
            raise MastodonIOError(f"could not write {path!r}: {exc}") from exc
        raise


class TokenHolder(Protocol):
    """The credentials of a client: what a login or sign-up changes and saves."""

    access_token: Optional[str]
    api_base_url: str
    client_id: Optional[str]
    client_secret: Optional[str]
    _refresh_token: Optional[str]
    _token_expired: datetime


def persistable_text(holder: TokenHolder) -> str:
    """Access token, base URL, client id and secret, one per line (a token file's text)."""
    return "".join(f"{value or ''}\n" for value in (
        holder.access_token, holder.api_base_url, holder.client_id, holder.client_secret))


def adopt_token(holder: TokenHolder, answer: Any, requested: List[str],
                to_file: Optional[str]) -> None:
    """Take the access token of a token endpoint's ``answer``; save it to ``to_file`` if given.

    Raises MastodonAPIError when the answer holds no token, or when the
    scopes granted lack one of those ``requested``.
    """
    token = answer.get("access_token") if isinstance(answer, dict) else None
    if not token:
        raise MastodonAPIError("the token endpoint returned no access_token")
    granted = _expand_scopes(str(answer.get("scope") or " ".join(requested)).split())
    missing = [scope for scope in requested if scope not in granted]
    if missing:
        raise MastodonAPIError(f"Granted scopes lack requested scope(s): {', '.join(missing)}")
    holder.access_token = token
    holder._refresh_token = answer.get("refresh_token")
    if answer.get("expires_in"):
        holder._token_expired = datetime.now() + timedelta(seconds=int(answer["expires_in"]))
    if to_file is not None:
        write_secret_file(to_file, persistable_text(holder).splitlines())


def _expand_scopes(scopes: List[str]) -> Set[str]:
    granted = set(scopes)
    for scope in scopes:
        granted.update(_SCOPE_SETS.get(scope, ()))
    return granted
