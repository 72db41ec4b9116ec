"""Uploads: turn a path, file object or bytes into a multipart file part.

The MIME type comes from the caller, else python-magic (when installed),
else the file name; an undeterminable type is an argument error.
"""
from __future__ import annotations

import io
import mimetypes
import os
from pathlib import PurePath
from typing import IO, Any, Optional, Tuple

from .. import compat
from ..errors import MastodonIllegalArgumentError, MastodonUploadFileNotFoundError
from .params import encodable

FilePart = Tuple[str, IO[bytes], str]


def file_part(name: str, source: Any, mime_type: Optional[str] = None,
              file_name: Optional[str] = None) -> FilePart:
    """A ``(file name, file object, MIME type)`` triple for ``requests`` multipart uploads.

    ``source`` may be a path (str or PurePath), a binary file object or bytes.
    Raises MastodonUploadFileNotFoundError (a file and an argument error) for a missing file and
    MastodonIllegalArgumentError for anything else unusable, naming ``name``.
    """
    for label, value in (("mime_type", mime_type), ("file_name", file_name)):
        if value is not None and not isinstance(value, str):
            raise MastodonIllegalArgumentError(
                f"{name}: {label} must be a string, got {type(value).__name__}")
        if value is not None:
            encodable(label, value)
    handle, path_name = _open(name, source)
    if mime_type is None:
        mime_type = _sniff(handle) or _guess_from_name(file_name or path_name)
    if not mime_type:
        raise MastodonIllegalArgumentError(
            f"{name}: could not determine the MIME type; pass it explicitly")
    if not isinstance(mime_type, str) or "/" not in mime_type:
        raise MastodonIllegalArgumentError(f"{name}: {mime_type!r} is not a MIME type")
    if file_name is None:
        extension = mimetypes.guess_extension(mime_type) or ""
        # a name the file system could not decode (lone surrogates) is sent with "?" for them
        file_name = (os.path.basename(path_name).encode("utf-8", "replace").decode("utf-8")
                     if path_name else f"upload{extension}")
    return file_name, handle, mime_type


def _open(name: str, source: Any) -> Tuple[IO[bytes], Optional[str]]:
    if isinstance(source, (bytes, bytearray, memoryview)):
        return io.BytesIO(bytes(source)), None
    if isinstance(source, (str, PurePath)):
        path = os.fspath(source)
        if os.path.isdir(path):
            raise MastodonUploadFileNotFoundError(f"{name}: {path!r} is a directory, not a file")
        if not os.path.isfile(path):
            raise MastodonUploadFileNotFoundError(f"{name}: no such file {path!r}")
        try:
            with open(path, "rb") as handle:  # read now: no file handle outlives the call
                return io.BytesIO(handle.read()), path
        except OSError as exc:
            raise MastodonUploadFileNotFoundError(f"{name}: cannot read {path!r}: {exc}") from exc
    if hasattr(source, "read"):
        if getattr(source, "closed", False):
            raise MastodonIllegalArgumentError(f"{name}: the file is closed")
        if isinstance(getattr(source, "mode", "b"), str) and "b" not in getattr(source, "mode", "b"):
            raise MastodonIllegalArgumentError(f"{name}: the file must be opened in binary mode")
        return source, getattr(source, "name", None) if isinstance(
            getattr(source, "name", None), str) else None
    raise MastodonIllegalArgumentError(
        f"{name} must be a file path, a binary file object or bytes, got {type(source).__name__}")


def _sniff(handle: IO[bytes]) -> Optional[str]:
    seekable = getattr(handle, "seekable", None)
    if not compat.IMPL_HAS_MAGIC or not callable(seekable) or not seekable():
        return None
    try:
        import magic
    except ImportError:  # python-magic present but libmagic missing
        return None

    start = handle.tell()
    head = handle.read(2048)
    handle.seek(start)
    if isinstance(head, str) or not head:
        return None
    detected = magic.from_buffer(head, mime=True)
    return detected if detected and detected != "application/octet-stream" else None


def _guess_from_name(path_name: Optional[str]) -> Optional[str]:
    return mimetypes.guess_type(path_name)[0] if path_name else None
