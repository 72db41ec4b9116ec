"""Local helpers that make no request: blurhash decoding and status length.

``decode_blurhash`` needs the ``blurhash`` extra and ``get_status_length`` the
``grapheme`` extra; without them they raise MastodonNotImplementedError naming
the extra to install.
"""
from __future__ import annotations

from typing import Any, List, Mapping, Tuple, Union

from ._core import validate
from .compat import require
from .errors import MastodonIllegalArgumentError
from .internals import Internals


def _blurhash_of(media_dict: Any) -> str:
    """The blurhash string of a media attachment, preview card, account ... or a plain string."""
    value = media_dict.get("blurhash") if isinstance(media_dict, Mapping) else media_dict
    if not isinstance(value, str) or not value:
        raise MastodonIllegalArgumentError(
            "media_dict must be a blurhash string or an object with a 'blurhash' value")
    return value


def _size(out_size: Any) -> Tuple[int, int]:
    """Check ``out_size``: two positive ints (width, height)."""
    if isinstance(out_size, (list, tuple)) and len(out_size) == 2 and all(
            isinstance(n, int) and not isinstance(n, bool) and n > 0 for n in out_size):
        return out_size[0], out_size[1]
    raise MastodonIllegalArgumentError(
        f"out_size must be a (width, height) pair of positive ints, got {out_size!r}")


class MediaUtilsMixin(Internals):
    """Blurhash decoding and Mastodon's status length count (both local)."""

    def decode_blurhash(self, media_dict: Union[Mapping[str, Any], str],
                        out_size: Tuple[int, int] = (16, 16), size_per_component: bool = True,
                        return_linear: bool = True) -> List[List[List[float]]]:
        """Decode a blurhash into a small image: rows of ``[r, g, b]`` pixels.

        ``media_dict`` is anything with a ``blurhash`` (a media attachment,
        preview card ...) or the blurhash string itself. ``out_size`` is
        ``(width, height)``; with ``size_per_component`` it is multiplied by
        the hash's number of components in each direction. With
        ``return_linear`` the values are linear-light floats in 0..1,
        otherwise sRGB ints in 0..255. Needs the ``blurhash`` extra.
        """
        require("blurhash", "decode_blurhash")
        import blurhash

        blur = _blurhash_of(media_dict)
        width, height = _size(out_size)
        try:
            if size_per_component:
                x_components, y_components = blurhash.components(blur)
                width, height = width * x_components, height * y_components
            image: List[List[List[float]]] = blurhash.decode(blur, width, height,
                                                             linear=bool(return_linear))
        except (ValueError, IndexError, KeyError) as exc:
            raise MastodonIllegalArgumentError(f"not a valid blurhash {blur!r}: {exc}") from exc
        return image

    @staticmethod
    def get_status_length(text: str, spoiler_text: str = "") -> int:
        """How many characters a status with this text and content warning counts as.

        Counts as a Mastodon 4.5 server does for its character limit: every
        URL the server would turn into a link as 23 characters (not, for
        example, URLs of IP addresses or with ``user:pass@``, which count in
        full; a query in a non-Latin script is not part of the link, as in
        Mastodon's composer), ``@user@domain`` mentions as ``@user``, and user-perceived
        characters (grapheme clusters), so an emoji or a letter with
        combining marks counts once. Text that is only white space counts
        as nothing; the content warning counts as written. Needs the
        ``grapheme`` extra; makes no request.

        ``text`` is the status text and ``spoiler_text`` its content warning
        (empty for none); the two are counted together, as the server does.
        """
        require("grapheme", "get_status_length")
        import grapheme

        from ._core.status_length import countable_text  # its patterns cost import time

        validate.text("text", text, required=True)  # None is no status: refused, not 0
        validate.text("spoiler_text", spoiler_text)
        return int(grapheme.length((spoiler_text or "") + countable_text(text)))


Mastodon = MediaUtilsMixin  # same pattern as the other area modules
