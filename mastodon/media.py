"""Media attachments: upload, wait for processing, fetch and update."""
from __future__ import annotations

import time
from typing import Any, Dict, Optional, Sequence, Tuple

from . import return_types as rt
from ._core import validate
from ._core.files import file_part
from ._core.params import path_segment
from .errors import MastodonAPIError, MastodonIllegalArgumentError
from .internals import Internals
from .types_base import IdType, PathOrFile
from .versions import api_version

#: Seconds between two looks at a media attachment the server is still processing.
MEDIA_POLL_INTERVAL = 5.0
#: How many looks ``media_post(synchronous=True)`` takes before giving up (5 minutes).
MEDIA_POLL_ATTEMPTS = 60


def focus_param(focus: Any) -> str:
    """A focal point ``(x, y)`` as the ``"x,y"`` text the API wants (its range: -1..1,
    which the server checks)."""
    if isinstance(focus, (str, bytes)) or not isinstance(focus, Sequence) or len(focus) != 2:
        raise MastodonIllegalArgumentError(f"focus must be an (x, y) pair, got {focus!r}")
    for value in focus:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise MastodonIllegalArgumentError(
                f"focus coordinates must be numbers, got {focus!r}")
    return f"{focus[0]},{focus[1]}"


class MediaMixin(Internals):
    """Upload media, wait until they are processed, fetch and update them."""

    @api_version("3.1.4", "3.1.4")
    def media(self, id: IdType) -> rt.MediaAttachment:
        """Fetch one of your media attachments (its ``url`` is None while processing).

        ``id``: the media attachment, as an id (str or int) or a MediaAttachment (any dict
        with an ``id``).

        Calls ``GET /api/v1/media/:id``.
        """
        return self._get(f"/api/v1/media/{path_segment(id)}", entity=rt.MediaAttachment)

    @api_version("1.0.0", "3.2.0")
    def media_post(self, media_file: PathOrFile, mime_type: Optional[str] = None,
                   description: Optional[str] = None, focus: Optional[Tuple[float, float]] = None,
                   file_name: Optional[str] = None, thumbnail: Optional[PathOrFile] = None,
                   thumbnail_mime_type: Optional[str] = None,
                   synchronous: bool = False) -> rt.MediaAttachment:
        """Upload a picture, video or sound; returns the attachment to pass to ``status_post``.

        ``media_file`` is a path, a binary file object or bytes. The MIME type is
        ``mime_type`` if given, else sniffed with python-magic when installed,
        else guessed from the file name; if none works MastodonIllegalArgumentError
        is raised, and MastodonUploadFileNotFoundError (an argument error too)
        when the file does not exist. ``description`` is the
        alt text, ``focus`` an ``(x, y)`` focal point in -1..1, ``thumbnail`` a
        preview image for videos and audio (Mastodon 3.2.0+). Large files are
        processed after the upload; with ``synchronous`` True this waits (up to
        5 minutes) until the server has finished, so that ``url`` is set.

        ``file_name`` is the file name sent to the server (default: the file's own name, or
        ``upload`` plus an extension for bytes) and is used to guess the MIME type when it
        cannot be sniffed; ``thumbnail_mime_type`` is the thumbnail's MIME type, found like
        the file's when left out.

        Calls ``POST /api/v2/media`` (``POST /api/v1/media`` before Mastodon
        3.1.4), and ``GET /api/v1/media/:id`` while waiting.
        """
        files = {"file": file_part("media_file", media_file, mime_type, file_name)}
        if thumbnail is not None:
            files["thumbnail"] = file_part("thumbnail", thumbnail, thumbnail_mime_type)
        params = self._media_params(description, focus, thumbnail)
        validate.flag("synchronous", synchronous)
        path = "/api/v2/media" if self._server_has("3.1.4") else "/api/v1/media"
        attachment = self._post(path, params, files=files, entity=rt.MediaAttachment)
        if synchronous:
            attachment = self._await_media(attachment)
        return attachment

    @api_version("2.3.0", "3.2.0")
    def media_update(self, id: IdType, description: Optional[str] = None,
                     focus: Optional[Tuple[float, float]] = None, thumbnail: Optional[PathOrFile] = None,
                     thumbnail_mime_type: Optional[str] = None) -> rt.MediaAttachment:
        """Change the alt text, focal point or thumbnail of an attachment not yet posted.

        ``id``: the media attachment, as an id (str or int) or a MediaAttachment (any dict
        with an ``id``). ``description`` is the new alt text, ``focus`` a new ``(x, y)``
        focal point in -1..1, ``thumbnail`` a new preview image (a path, a binary file
        object or bytes; Mastodon 3.2.0+) and ``thumbnail_mime_type`` its MIME type (else
        sniffed or guessed from the file name). What is left as None stays as it is.

        Calls ``PUT /api/v1/media/:id``.
        """
        files = None
        if thumbnail is not None:
            files = {"thumbnail": file_part("thumbnail", thumbnail, thumbnail_mime_type)}
        return self._put(f"/api/v1/media/{path_segment(id)}",
                         self._media_params(description, focus, thumbnail),
                         files=files, entity=rt.MediaAttachment)

    def _media_params(self, description: Optional[str], focus: Any,
                      thumbnail: Any) -> Dict[str, Any]:
        """Form fields of an upload or update (version checks refuse thumbnails before 3.2.0)."""
        params = {"description": validate.text("description", description),
                  "focus": None if focus is None else focus_param(focus)}
        if thumbnail is not None:
            self._server.require("3.2.0", "media thumbnails")
        return params

    def _server_has(self, version: str) -> bool:
        return self._server.verify(version, cached=True)

    def _await_media(self, attachment: rt.MediaAttachment) -> rt.MediaAttachment:
        """Poll an attachment until the server has processed it (its ``url`` is set)."""
        for _ in range(MEDIA_POLL_ATTEMPTS):
            if attachment.get("url") is not None:
                return attachment
            time.sleep(MEDIA_POLL_INTERVAL)
            attachment = self.media(attachment["id"])
        if attachment.get("url") is not None:
            return attachment
        raise MastodonAPIError(
            f"media {attachment.get('id')} was still being processed after "
            f"{MEDIA_POLL_ATTEMPTS * MEDIA_POLL_INTERVAL:g} seconds")


Mastodon = MediaMixin  # import path kept for compatibility: mastodon.media.Mastodon
