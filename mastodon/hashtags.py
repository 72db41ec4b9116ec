"""Hashtags: reading one, following hashtags, and featuring them on your profile."""
from __future__ import annotations

from typing import Any, Optional, Union, cast

from . import return_types as rt
from ._core import validate
from ._core.params import page_params, path_segment
from .errors import MastodonIllegalArgumentError
from .internals import Internals
from .types_base import IdType, NonPaginatableList, PaginatableList, PaginationIdType
from .versions import api_version


def _tag_name(name: Any, param: str) -> str:
    """A hashtag name, given without the leading ``#``."""
    validate.hashtag(param, name)
    if not name:
        raise MastodonIllegalArgumentError(f"{param} must not be empty")
    return cast(str, name)


class HashtagsMixin(Internals):
    """Hashtags you follow and feature, and single hashtags."""

    def _tag_action(self, name: Union[str, rt.Tag], param: str, action: str = "") -> rt.Tag:
        """GET a hashtag, or POST one of its actions; returns the hashtag."""
        if isinstance(name, dict):
            name = name.get("name")
        path = f"/api/v1/tags/{path_segment(_tag_name(name, param), param)}"
        if not action:
            return self._get(path, entity=rt.Tag)
        return self._post(f"{path}/{action}", entity=rt.Tag)

    # ------------------------------------------------------------------ hashtags

    @api_version("4.0.0", "4.0.0")
    def tag(self, hashtag: Union[str, rt.Tag]) -> rt.Tag:
        """Fetch a hashtag with its recent use and whether you follow it.

        ``hashtag`` is the hashtag's name without the leading ``#`` (case does not
        matter), or a Tag.

        Calls ``GET /api/v1/tags/:hashtag``.
        """
        return self._tag_action(hashtag, "hashtag")

    @api_version("4.0.0", "4.0.0")
    def tag_follow(self, hashtag: Union[str, rt.Tag]) -> rt.Tag:
        """Follow a hashtag: its public posts appear in your home timeline. Returns it.

        ``hashtag`` is the hashtag's name without the leading ``#`` (case does not
        matter), or a Tag.

        Calls ``POST /api/v1/tags/:hashtag/follow``.
        """
        return self._tag_action(hashtag, "hashtag", "follow")

    @api_version("4.0.0", "4.0.0")
    def tag_unfollow(self, hashtag: Union[str, rt.Tag]) -> rt.Tag:
        """Stop following a hashtag; returns it.

        ``hashtag`` is the hashtag's name without the leading ``#`` (case does not
        matter), or a Tag.

        Calls ``POST /api/v1/tags/:hashtag/unfollow``.
        """
        return self._tag_action(hashtag, "hashtag", "unfollow")

    @api_version("4.4.0", "4.4.0")
    def tag_feature(self, name: Union[str, rt.Tag]) -> rt.Tag:
        """Feature a hashtag on your profile; returns it.

        ``name`` is the hashtag's name without the leading ``#`` (case does not
        matter), or a Tag.

        Calls ``POST /api/v1/tags/:name/feature``.
        """
        return self._tag_action(name, "name", "feature")

    @api_version("4.4.0", "4.4.0")
    def tag_unfeature(self, name: Union[str, rt.Tag]) -> rt.Tag:
        """Stop featuring a hashtag on your profile; returns it.

        ``name`` is the hashtag's name without the leading ``#`` (case does not
        matter), or a Tag.

        Calls ``POST /api/v1/tags/:name/unfeature``.
        """
        return self._tag_action(name, "name", "unfeature")

    @api_version("4.0.0", "4.0.0")
    def followed_tags(self, max_id: Optional[PaginationIdType] = None,
                      min_id: Optional[PaginationIdType] = None,
                      since_id: Optional[PaginationIdType] = None, limit: Optional[int] = None
                      ) -> PaginatableList[rt.Tag]:
        """The hashtags you follow, one page at a time.

        ``max_id``, ``min_id`` and ``since_id`` are page bounds taken from the
        pagination info of a page (they are ids of the follows, not of the
        hashtags; see :doc:`/guide/pagination`). ``limit`` is how many at most
        (the server's default is 100, its maximum 200).

        Calls ``GET /api/v1/followed_tags``.
        """
        return self._get(
            "/api/v1/followed_tags", page_params(max_id, min_id, since_id, limit),
            entity=PaginatableList[rt.Tag])

    # ------------------------------------------------------------------ featured hashtags

    @api_version("3.0.0", "3.0.0")
    def featured_tags(self) -> NonPaginatableList[rt.FeaturedTag]:
        """The hashtags featured on your profile, with how often you used them.

        Calls ``GET /api/v1/featured_tags``.
        """
        return self._get(
            "/api/v1/featured_tags", entity=NonPaginatableList[rt.FeaturedTag])

    @api_version("3.0.0", "3.0.0")
    def featured_tag_suggestions(self) -> NonPaginatableList[rt.FeaturedTag]:
        """Hashtags you use often and have not featured yet.

        Calls ``GET /api/v1/featured_tags/suggestions``.
        """
        return self._get(
            "/api/v1/featured_tags/suggestions", entity=NonPaginatableList[rt.FeaturedTag])

    @api_version("3.0.0", "3.0.0")
    def featured_tag_create(self, name: str) -> rt.FeaturedTag:
        """Feature a hashtag (with or without ``#``) on your profile; returns the featured tag.

        ``name`` is the hashtag's name; the server strips a leading ``#``.

        Calls ``POST /api/v1/featured_tags``.
        """
        return self._post(  # a leading "#" is the server's to strip
            "/api/v1/featured_tags", {"name": validate.text("name", name, required=True)},
            entity=rt.FeaturedTag)

    @api_version("3.0.0", "3.0.0")
    def featured_tag_delete(self, id: Union[rt.FeaturedTag, IdType]) -> None:
        """Stop featuring a hashtag, by the id of its featured tag.

        ``id`` is the featured tag, as an id or a FeaturedTag (not the id of
        the hashtag itself).

        Calls ``DELETE /api/v1/featured_tags/:id``.
        """
        self._delete(f"/api/v1/featured_tags/{path_segment(id)}")


Mastodon = HashtagsMixin  # import path kept for compatibility: mastodon.hashtags.Mastodon
