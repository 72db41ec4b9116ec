"""Reading and writing the credential files of ``create_app`` and ``log_in``."""
from __future__ import annotations

import os
import tempfile
from typing import Any, List, Optional, Sequence

from ..errors import MastodonFileNotFoundError, MastodonIllegalArgumentError, MastodonIOError


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
