"""The editable profile of the logged-in user (Mastodon 4.6+), and the form both
profile-editing endpoints send."""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Dict, List, Optional, Tuple, Union

from . import return_types as rt
from ._core import validate
from ._core.files import FilePart, file_part
from .errors import MastodonIllegalArgumentError
from .internals import Internals
from .types_base import PathOrFile
from .versions import api_version

#: Default post visibilities an account can choose (``default_privacy``).
DEFAULT_PRIVACIES = ("public", "unlisted", "private")
#: Who may quote new posts by default (``default_quote_policy``).
QUOTE_POLICIES = ("public", "followers", "nobody")

# How each profile argument goes on the wire and what it must be.
_TEXTS = {"display_name": "display_name", "note": "note",
          "avatar_description": "avatar_description", "header_description": "header_description",
          "default_language": "source[language]"}
_FLAGS = {"locked": "locked", "bot": "bot", "discoverable": "discoverable",
          "hide_collections": "hide_collections", "indexable": "indexable",
          "show_media": "show_media", "show_media_replies": "show_media_replies",
          "show_featured": "show_featured", "default_sensitive": "source[sensitive]"}
_CHOICES = {"default_privacy": ("source[privacy]", DEFAULT_PRIVACIES),
            "default_quote_policy": ("source[quote_policy]", QUOTE_POLICIES)}


def profile_form(*, fields: Any, avatar: Any, avatar_mime_type: Optional[str], header: Any,
                 header_mime_type: Optional[str], **values: Any
                 ) -> Tuple[Dict[str, Any], Optional[Dict[str, FilePart]]]:
    """Check the arguments of a profile update and return ``(form, files)``.

    ``values`` are the plain arguments by their Python names; None means
    "leave unchanged". The images become multipart parts (``files`` is None
    when there are none), so the request is multipart only when needed.
    """
    form: Dict[str, Any] = {}
    for name, value in values.items():
        if name in _TEXTS:
            form[_TEXTS[name]] = validate.text(name, value)
        elif name in _FLAGS:
            form[_FLAGS[name]] = validate.flag(name, value)
        elif name in _CHOICES:
            wire, allowed = _CHOICES[name]
            form[wire] = validate.one_of(name, validate.text(name, value), allowed)
        elif name == "attribution_domains":
            form[name] = _domains(value)
        else:  # a programming error in this package, not a user mistake
            raise TypeError(f"profile_form() got an unexpected argument {name!r}")
    form.update(_field_pairs(fields))
    files: Dict[str, FilePart] = {}
    for name, source, mime_type in (("avatar", avatar, avatar_mime_type),
                                    ("header", header, header_mime_type)):
        if isinstance(source, str) and source.startswith("data:"):
            form[name] = source  # a base64 data: URI, as older servers took it
        elif source is not None:
            files[name] = file_part(name, source, mime_type)
    return form, files or None


def _field_pairs(fields: Any) -> Dict[str, str]:
    """``fields`` as ``fields_attributes[i][name]``/``[value]`` form keys.

    Each field is a ``(name, value)`` pair or a mapping with ``name`` and
    ``value`` (as in ``Account.fields``). An empty list clears all fields.
    """
    if fields is None:
        return {}
    items = validate.list_of("fields", fields)  # how many: the server's limit
    pairs: Dict[str, str] = {}
    for index, item in enumerate(items or [("", "")]):
        name, value = _field(index, item)
        pairs[f"fields_attributes[{index}][name]"] = name
        pairs[f"fields_attributes[{index}][value]"] = value
    return pairs


def _field(index: int, item: Any) -> Tuple[str, str]:
    if isinstance(item, Mapping):
        pair: Any = (item.get("name"), item.get("value"))
    elif isinstance(item, (tuple, list)) and len(item) == 2:
        pair = tuple(item)
    else:
        raise MastodonIllegalArgumentError(
            f"fields[{index}] must be a (name, value) pair, got {item!r}")
    if not all(isinstance(part, str) for part in pair):
        raise MastodonIllegalArgumentError(f"fields[{index}]: name and value must be strings")
    return pair  # type: ignore[no-any-return]


def _domains(value: Any) -> Optional[List[str]]:
    if value is None:
        return None
    items = [value] if isinstance(value, str) else validate.list_of("attribution_domains", value)
    for item in items:
        validate.text("attribution_domains", item)
    return items


class ProfileMixin(Internals):
    """Read and edit your own profile through the profile API."""

    @api_version("4.6.0", "4.6.0")
    def profile(self) -> rt.Profile:
        """Your profile as you edit it: plain-text note and fields, images, visibility settings.

        Calls ``GET /api/v1/profile``.
        """
        return self._get("/api/v1/profile", entity=rt.Profile)

    @api_version("4.6.0", "4.6.0")
    def profile_update(self, display_name: Optional[str] = None, note: Optional[str] = None,
                       avatar: Optional[Union[PathOrFile, bytes]] = None,
                       avatar_mime_type: Optional[str] = None,
                       header: Optional[Union[PathOrFile, bytes]] = None,
                       header_mime_type: Optional[str] = None, locked: Optional[bool] = None,
                       bot: Optional[bool] = None, discoverable: Optional[bool] = None,
                       hide_collections: Optional[bool] = None, indexable: Optional[bool] = None,
                       show_media: Optional[bool] = None, show_media_replies: Optional[bool] = None,
                       show_featured: Optional[bool] = None,
                       attribution_domains: Optional[List[str]] = None,
                       fields: Optional[List[Tuple[str, str]]] = None,
                       avatar_description: Optional[str] = None,
                       header_description: Optional[str] = None) -> rt.Profile:
        """Change parts of your profile; arguments left as None stay as they are. Returns the profile.

        ``avatar`` and ``header`` are a file path, a binary file object or
        bytes; their MIME type comes from ``*_mime_type``, else from the
        content or file name. ``fields`` is a list of up to four
        ``(name, value)`` pairs that replaces the current ones.
        ``show_media``, ``show_media_replies`` and ``show_featured`` choose
        which tabs your profile shows to others.

        ``display_name``, ``note``, ``avatar_mime_type``, ``header_mime_type``,
        ``avatar_description``, ``header_description``, ``locked``, ``bot``,
        ``discoverable``, ``hide_collections``, ``indexable`` and
        ``attribution_domains`` mean what they do for
        :meth:`account_update_credentials`.

        Calls ``PATCH /api/v1/profile``.
        """
        form, files = profile_form(
            fields=fields, avatar=avatar, avatar_mime_type=avatar_mime_type, header=header,
            header_mime_type=header_mime_type, display_name=display_name, note=note,
            locked=locked, bot=bot, discoverable=discoverable, hide_collections=hide_collections,
            indexable=indexable, show_media=show_media, show_media_replies=show_media_replies,
            show_featured=show_featured, attribution_domains=attribution_domains,
            avatar_description=avatar_description, header_description=header_description)
        return self._patch("/api/v1/profile", form, files=files,
                           entity=rt.Profile)


Mastodon = ProfileMixin  # import path kept for compatibility: mastodon.profile.Mastodon
