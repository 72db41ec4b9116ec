"""Timelines: home, local, public (federated), hashtag, list and link."""
from __future__ import annotations

import warnings
from typing import Any, Dict, Optional, Tuple
from urllib.parse import parse_qsl

from . import return_types as rt
from ._core import validate
from ._core.params import page_params, path_segment, unpack_id
from .errors import MastodonIllegalArgumentError, MastodonWarning
from .internals import Internals
from .types_base import IdType, PaginatableList, PaginationIdType
from .versions import api_version

TIMELINE_ROOT = "/api/v1/timelines/"


def _hashtag(name: Any) -> str:
    return path_segment(validate.hashtag("hashtag", name), "hashtag")


def _route(timeline: Any) -> Tuple[str, str, Dict[str, Any]]:
    """Split a timeline name into (kind, path below /api/v1/timelines/, fixed query).

    ``home``, ``public``, ``local`` (the public timeline with ``local=true``),
    ``tag/<hashtag>``, ``list/<id>``, ``link?url=<url>`` and other plain names.
    """
    validate.text("timeline", timeline, required=True)
    name, _, query = timeline.partition("?")
    kind, _, rest = name.partition("/")
    fixed: Dict[str, Any] = dict(parse_qsl(query))
    if kind == "local" and not rest:
        return "local", "public", {**fixed, "local": True}
    if kind == "tag":
        return "tag", f"tag/{_hashtag(rest)}", fixed
    if kind == "list":
        return "list", f"list/{path_segment(unpack_id(rest, 'timeline'), 'timeline')}", fixed
    if rest:
        raise MastodonIllegalArgumentError(f"timeline: unknown timeline {timeline!r}")
    return kind, path_segment(kind, "timeline"), fixed


class TimelineMixin(Internals):
    """Read the home, local, public, hashtag, list and link timelines."""

    @api_version("1.0.0", "3.1.4")
    def timeline(self, timeline: str = "home", max_id: Optional[PaginationIdType] = None,
                 min_id: Optional[PaginationIdType] = None,
                 since_id: Optional[PaginationIdType] = None,
                 limit: Optional[int] = None, only_media: bool = False, local: bool = False,
                 remote: bool = False) -> PaginatableList[rt.Status]:
        """A page of statuses from a timeline, newest first.

        ``timeline`` is ``home``, ``local``, ``public``, ``tag/<hashtag>``,
        ``list/<list id>`` or ``link?url=<url>``. ``only_media`` keeps only
        statuses with attachments; ``local`` and ``remote`` keep only statuses
        from this server or only from other servers. The three are sent only
        when True, and Mastodon applies them to the public and hashtag
        timelines. ``max_id``, ``min_id``, ``since_id`` and ``limit`` page through
        the results (see :doc:`/guide/pagination`; Mastodon returns 20 by default,
        40 at most).

        Warns (MastodonWarning) when the server does not let this client read the
        timeline (Mastodon 4.5+ may restrict public feeds).

        Calls ``GET /api/v1/timelines/:timeline``.
        """
        kind, path, fixed = _route(timeline)
        return self._read_timeline(kind, path, fixed, max_id, min_id, since_id, limit,
                                   only_media, local, remote)

    def _read_timeline(self, kind: str, path: str, fixed: Dict[str, Any], max_id: Any,
                       min_id: Any, since_id: Any, limit: Any, only_media: Any = False,
                       local: Any = False, remote: Any = False) -> PaginatableList[rt.Status]:
        flags = {name: True if validate.flag(name, value) else None
                 for name, value in (("only_media", only_media), ("local", local),
                                     ("remote", remote))}
        params = page_params(max_id, min_id, since_id, limit, **{**flags, **fixed})
        available = self._server.timeline_is_available(
            kind, local=bool(params.get("local")), remote=bool(remote),
            with_auth=self.access_token is not None, fail_hard=False)
        if not available:
            warnings.warn(f"the server may not let this client read the {kind} timeline",
                          MastodonWarning, stacklevel=3)
        return self._get(TIMELINE_ROOT + path, params,
                         entity=PaginatableList[rt.Status])

    @api_version("1.0.0", "3.1.4")
    def timeline_home(self, max_id: Optional[PaginationIdType] = None,
                      min_id: Optional[PaginationIdType] = None,
                      since_id: Optional[PaginationIdType] = None, limit: Optional[int] = None,
                      only_media: bool = False, local: bool = False,
                      remote: bool = False) -> PaginatableList[rt.Status]:
        """Statuses of the accounts you follow and your own, newest first.

        ``max_id``, ``min_id``, ``since_id`` and ``limit`` page through the results (see
        :doc:`/guide/pagination`; Mastodon returns 20 by default, 40 at most).
        ``only_media``, ``local`` and ``remote`` filter as for :meth:`timeline_public`;
        they are sent only when True, and Mastodon documents them only for the public
        and hashtag timelines.

        Calls ``GET /api/v1/timelines/home``.
        """
        return self.timeline("home", max_id, min_id, since_id, limit, only_media, local, remote)

    @api_version("1.0.0", "3.1.4")
    def timeline_local(self, max_id: Optional[PaginationIdType] = None,
                       min_id: Optional[PaginationIdType] = None,
                       since_id: Optional[PaginationIdType] = None, limit: Optional[int] = None,
                       only_media: bool = False) -> PaginatableList[rt.Status]:
        """Public statuses of this instance's users, newest first.

        ``max_id``, ``min_id``, ``since_id`` and ``limit`` page through the results (see
        :doc:`/guide/pagination`; Mastodon returns 20 by default, 40 at most).
        ``only_media`` keeps only statuses with attachments.

        Calls ``GET /api/v1/timelines/public`` with ``local=true``.
        """
        return self.timeline("local", max_id, min_id, since_id, limit, only_media)

    @api_version("1.0.0", "3.1.4")
    def timeline_public(self, max_id: Optional[PaginationIdType] = None,
                        min_id: Optional[PaginationIdType] = None,
                        since_id: Optional[PaginationIdType] = None, limit: Optional[int] = None,
                        only_media: bool = False, local: bool = False,
                        remote: bool = False) -> PaginatableList[rt.Status]:
        """Public statuses known to the instance (the federated timeline), newest first.

        ``max_id``, ``min_id``, ``since_id`` and ``limit`` page through the results (see
        :doc:`/guide/pagination`; Mastodon returns 20 by default, 40 at most).
        ``only_media`` keeps only statuses with attachments; ``local`` or ``remote``
        keep only statuses from this or from other instances.

        Calls ``GET /api/v1/timelines/public``.
        """
        return self.timeline("public", max_id, min_id, since_id, limit, only_media, local, remote)

    @api_version("1.0.0", "3.1.4")
    def timeline_hashtag(self, hashtag: str, local: bool = False,
                         max_id: Optional[PaginationIdType] = None,
                         min_id: Optional[PaginationIdType] = None,
                         since_id: Optional[PaginationIdType] = None,
                         limit: Optional[int] = None, only_media: bool = False,
                         remote: bool = False) -> PaginatableList[rt.Status]:
        """Public statuses with a hashtag, newest first.

        ``hashtag`` is the tag's name without ``#`` (a leading ``#`` raises
        MastodonIllegalArgumentError). ``only_media`` keeps only statuses with
        attachments; ``local`` and ``remote`` keep only statuses from this server or
        only from other servers.
        ``max_id``, ``min_id``, ``since_id`` and ``limit`` page through the results (see
        :doc:`/guide/pagination`; Mastodon returns 20 by default, 40 at most).

        Calls ``GET /api/v1/timelines/tag/:hashtag``.
        """
        return self._read_timeline("tag", f"tag/{_hashtag(hashtag)}", {}, max_id, min_id,
                                   since_id, limit, only_media, local, remote)

    @api_version("2.1.0", "3.1.4")
    def timeline_list(self, id: IdType, max_id: Optional[PaginationIdType] = None,
                      min_id: Optional[PaginationIdType] = None,
                      since_id: Optional[PaginationIdType] = None,
                      limit: Optional[int] = None, only_media: bool = False, local: bool = False,
                      remote: bool = False) -> PaginatableList[rt.Status]:
        """Statuses of the members of one of your lists, newest first.

        ``id`` is the list (its id or the UserList).
        ``max_id``, ``min_id``, ``since_id`` and ``limit`` page through the results (see
        :doc:`/guide/pagination`; Mastodon returns 20 by default, 40 at most).
        ``only_media``, ``local`` and ``remote`` filter as for :meth:`timeline_public`;
        they are sent only when True, and Mastodon documents them only for the public
        and hashtag timelines.

        Calls ``GET /api/v1/timelines/list/:id``.
        """
        return self._read_timeline("list", f"list/{path_segment(id)}", {}, max_id, min_id,
                                   since_id, limit, only_media, local, remote)

    def timeline_link(self, url: str, local: bool = False,
                      max_id: Optional[PaginationIdType] = None,
                      min_id: Optional[PaginationIdType] = None,
                      since_id: Optional[PaginationIdType] = None,
                      limit: Optional[int] = None, only_media: bool = False,
                      remote: bool = False) -> PaginatableList[rt.Status]:
        """Statuses sharing a trending link (Mastodon 4.3+), newest first.

        ``url`` is the link, as :meth:`trending_links` gives it.
        ``max_id``, ``min_id``, ``since_id`` and ``limit`` page through the results (see
        :doc:`/guide/pagination`; Mastodon returns 20 by default, 40 at most).
        ``only_media``, ``local`` and ``remote`` filter as for :meth:`timeline_public`;
        they are sent only when True, and Mastodon documents them only for the public
        and hashtag timelines.

        Calls ``GET /api/v1/timelines/link?url=:url``.
        """
        validate.text("url", url, required=True)
        return self._read_timeline("link", "link", {"url": url}, max_id, min_id, since_id,
                                   limit, only_media, local, remote)


Mastodon = TimelineMixin  # import path kept for compatibility: mastodon.timeline.Mastodon
