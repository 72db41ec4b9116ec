"""Writing statuses: posting, replying, editing and deleting them; scheduled statuses.

Reading existing statuses and acting on them (boost, favourite, pin, ...) is
:mod:`mastodon.status_actions`.
"""
from __future__ import annotations

import base64
from datetime import datetime
from typing import Any, Dict, List, Mapping, Optional, Tuple, Type, Union

from . import return_types as rt
from ._core import validate
from ._core.params import id_list, page_params, path_segment, unpack_id, wire_datetime
from .errors import MastodonIllegalArgumentError
from .internals import Internals
from ._core.files import file_part
from .media import focus_param
from .types_base import IdType, PaginatableList, PaginationIdType, PathOrFile
from .versions import api_version

#: Visibilities a status can be posted with.
VISIBILITIES = ("public", "unlisted", "private", "direct")
#: Pleroma and Akkoma (``feature_set="pleroma"``) also post ``local`` statuses (not
#: federated) and ``list:<list id>`` ones.
PLEROMA_VISIBILITIES = VISIBILITIES + ("local",)
#: Who may quote a status.
QUOTE_APPROVAL_POLICIES = ("public", "followers", "nobody")
_BAD_VISIBILITY = ("Invalid visibility value! Acceptable values are "
                   "['private', 'public', 'unlisted', 'direct']")
_BAD_QUOTE_POLICY = ("Invalid quote_approval_policy. Valid values are "
                     "['public', 'followers', 'nobody']")

StatusOrId = Union["rt.Status", IdType]


def visibility_param(value: Optional[str], allowed: Tuple[str, ...] = VISIBILITIES) -> Optional[str]:
    """A visibility in lower case (None: the account's default); others are refused
    as Mastodon.py refuses them."""
    if value is None:
        return None
    validate.text("visibility", value)
    return validate.known(value.lower(), allowed, _BAD_VISIBILITY)


def quote_policy_param(value: Optional[str]) -> Optional[str]:
    """A quote approval policy (None: the server's default); others are refused."""
    return validate.known(value, QUOTE_APPROVAL_POLICIES, _BAD_QUOTE_POLICY)


def _optional_id(value: Any, name: str) -> Optional[str]:
    return None if value is None else unpack_id(value, name)


def _optional_ids(values: Any, name: str) -> Optional[List[str]]:
    return None if values is None else id_list(values, name)


def _utc_iso(name: str, value: Optional[datetime]) -> Optional[str]:
    """A datetime as ISO-8601 in UTC (naive datetimes are taken as local time)."""
    validate.moment(name, value)
    return None if value is None else wire_datetime(value, name)


def _poll_param(poll: Any) -> Optional[Dict[str, Any]]:
    """Check a poll built by ``make_poll`` (or an equivalent dict)."""
    if poll is None:
        return None
    if not isinstance(poll, Mapping) or "options" not in poll or "expires_in" not in poll:
        raise MastodonIllegalArgumentError(
            "poll must be a dict with 'options' and 'expires_in'; build it with make_poll()")
    options = validate.list_of("poll['options']", poll["options"])
    if not all(isinstance(option, str) for option in options):
        raise MastodonIllegalArgumentError("poll['options'] must be a list of strings")
    expires_in = validate.duration("poll['expires_in']", poll["expires_in"])
    for flag_name in ("multiple", "hide_totals"):
        validate.flag(f"poll[{flag_name!r}]", poll.get(flag_name))
    return {**{key: value for key, value in poll.items() if value is not None},
            "expires_in": expires_in}


def _media_attributes(values: Any) -> Optional[List[Dict[str, Any]]]:
    """Check ``media_attributes``: dicts with an ``id``, as made by generate_media_edit_attributes."""
    if values is None:
        return None
    items = validate.list_of("media_attributes", values)
    result = []
    for item in items:
        if not isinstance(item, Mapping):
            raise MastodonIllegalArgumentError(
                "media_attributes must be a list of dicts (see generate_media_edit_attributes)")
        result.append({**item, "id": unpack_id(item.get("id"), "media_attributes[].id")})
    return result


def _edited_media_ids(media_ids: Any, attributes: Optional[List[Dict[str, Any]]]) -> Optional[List[str]]:
    """The media of an edited status: ``media_ids`` plus any only named in the attributes.

    Mastodon only applies attributes to media that are in ``media_ids``, so the
    two are merged (in order, without repeats).
    """
    ids = _optional_ids(media_ids, "media_ids")
    if attributes is None:
        return ids
    merged = list(ids or [])
    merged += [item["id"] for item in attributes if item["id"] not in merged]
    return merged


class StatusesMixin(Internals):
    """Statuses: post, reply, edit, delete; scheduled statuses."""

    feature_set: str
    _own_account: Optional[Tuple[Optional[str], str]] = None  # (access token, account id) of the logged-in user

    # ------------------------------------------------------------------ posting

    @api_version("1.0.0", "4.6.0")
    def status_post(self, status: str, in_reply_to_id: Optional[StatusOrId] = None,
                    media_ids: Optional[List[Any]] = None, sensitive: bool = False,
                    visibility: Optional[str] = None, spoiler_text: Optional[str] = None,
                    language: Optional[str] = None, idempotency_key: Optional[str] = None,
                    content_type: Optional[str] = None, scheduled_at: Optional[datetime] = None,
                    poll: Optional[Dict[str, Any]] = None, quote_id: Optional[StatusOrId] = None,
                    strict_content_type: bool = False,
                    quoted_status_id: Optional[StatusOrId] = None,
                    quote_approval_policy: Optional[str] = None,
                    ) -> Union[rt.Status, rt.ScheduledStatus]:
        """Post a status; returns it, or a ScheduledStatus when ``scheduled_at`` is given.

        ``media_ids`` and ``in_reply_to_id`` take ids or the objects themselves.
        ``visibility`` is public, unlisted, private or direct (default: the
        account's setting); with ``feature_set="pleroma"`` also ``local`` or
        ``list:<list id>`` (Pleroma, Akkoma). ``spoiler_text`` is the content warning. ``poll``
        comes from :meth:`make_poll`. ``idempotency_key`` is sent as the
        Idempotency-Key header, so the server (and our retries) post it at most
        once. ``quoted_status_id`` quotes a status (Mastodon 4.5+),
        ``quote_approval_policy`` (public, followers, nobody) says who may quote
        this one; ``quote_id`` is Fedibird's quoting and needs
        ``feature_set="fedibird"``. ``content_type`` (e.g. ``text/markdown``) is
        sent as given (Pleroma and glitch-soc read it, Mastodon ignores it); with
        ``strict_content_type`` True it is refused unless ``feature_set="pleroma"``.

        ``status`` is the text (it may be empty when there are media).
        ``sensitive`` marks the media as sensitive (hidden behind a warning). ``language``
        is the ISO 639 code of the text; left out, the server guesses it. ``scheduled_at``
        is an aware datetime (a naive one is local time) at least 5 minutes ahead, when the
        server posts it.

        Calls ``POST /api/v1/statuses``.
        """
        params, headers = self._status_params(
            status, in_reply_to_id, media_ids, sensitive, visibility, spoiler_text, language,
            idempotency_key, content_type, scheduled_at, poll, quote_id, strict_content_type,
            quoted_status_id, quote_approval_policy)
        entity: Type[Union[rt.Status, rt.ScheduledStatus]] = (
            rt.ScheduledStatus if scheduled_at is not None else rt.Status)
        return self._post("/api/v1/statuses", params, json_body=poll is not None,
                          headers=headers, entity=entity)

    def _status_params(self, status: Any, in_reply_to_id: Any, media_ids: Any, sensitive: Any,
                       visibility: Any, spoiler_text: Any, language: Any, idempotency_key: Any,
                       content_type: Any, scheduled_at: Any, poll: Any, quote_id: Any,
                       strict_content_type: Any, quoted_status_id: Any,
                       quote_approval_policy: Any,
                       ) -> Tuple[Dict[str, Any], Optional[Dict[str, str]]]:
        """Check the arguments of a new status: (form parameters, extra headers)."""
        params = {
            "status": validate.text("status", status),
            "in_reply_to_id": _optional_id(in_reply_to_id, "in_reply_to_id"),
            "media_ids": _optional_ids(media_ids, "media_ids"),
            "sensitive": True if validate.flag("sensitive", sensitive) else None,
            "visibility": self._status_visibility(visibility),
            "spoiler_text": validate.text("spoiler_text", spoiler_text),
            "language": validate.text("language", language),
            "scheduled_at": _utc_iso("scheduled_at", scheduled_at),
            "poll": _poll_param(poll),
            "quote_id": self._fedibird_quote_id(quote_id),
            "quoted_status_id": _optional_id(quoted_status_id, "quoted_status_id"),
            "quote_approval_policy": quote_policy_param(quote_approval_policy),
            "content_type": self._content_type(content_type, strict_content_type),
        }
        headers = None
        if idempotency_key is not None:
            headers = {"Idempotency-Key": validate.text("idempotency_key", idempotency_key)}
        return params, headers

    def _status_visibility(self, visibility: Any) -> Optional[str]:
        if self.feature_set != "pleroma":
            return visibility_param(visibility)
        if isinstance(visibility, str) and visibility.startswith("list:"):
            return validate.text("visibility", visibility)
        return visibility_param(visibility, PLEROMA_VISIBILITIES)

    def _fedibird_quote_id(self, quote_id: Any) -> Optional[str]:
        if quote_id is None:
            return None
        if self.feature_set != "fedibird":
            raise MastodonIllegalArgumentError(
                "quote_id is Fedibird's quoting and needs feature_set='fedibird'; "
                "use quoted_status_id on Mastodon")
        return unpack_id(quote_id, "quote_id")

    def _content_type(self, content_type: Optional[str], strict: bool) -> Optional[str]:
        validate.text("content_type", content_type)
        if content_type is not None and strict and self.feature_set != "pleroma":
            raise MastodonIllegalArgumentError(
                "content_type is only available with feature set pleroma")
        return content_type

    @api_version("1.0.0", "2.8.0")
    def toot(self, status: str) -> rt.Status:
        """Post a status with just this text (quick; prefer :meth:`status_post`).

        ``status``: the text. The status gets the account's default visibility (its
        ``source.privacy`` setting, see
        ``account_update_credentials(default_privacy=...)``), no content warning, media or
        poll.

        Calls ``POST /api/v1/statuses``.
        """
        return self.status_post(status)  # type: ignore[return-value]

    @api_version("1.0.0", "4.5.0")
    def status_reply(self, to_status: StatusOrId, status: str,
                     media_ids: Optional[List[Any]] = None, sensitive: bool = False,
                     visibility: Optional[str] = None, spoiler_text: Optional[str] = None,
                     language: Optional[str] = None, idempotency_key: Optional[str] = None,
                     content_type: Optional[str] = None, scheduled_at: Optional[datetime] = None,
                     poll: Optional[Dict[str, Any]] = None, quote_id: Optional[StatusOrId] = None,
                     untag: bool = False, strict_content_type: bool = False,
                     quoted_status_id: Optional[StatusOrId] = None,
                     quote_approval_policy: Optional[str] = None,
                     ) -> Union[rt.Status, rt.ScheduledStatus]:
        """Reply to ``to_status``, mentioning the people in it; returns the new status.

        The text is prefixed with @-mentions of the author (also when that is
        you) and then of everyone the status mentions except you, each account
        once; with ``untag`` True only the author is mentioned. Visibility and
        content warning default to those of ``to_status`` (an empty content
        warning is sent as such). ``to_status`` may also be an id (it is
        fetched first).

        ``status`` is your text after the mentions. ``media_ids``, ``sensitive``,
        ``visibility``, ``spoiler_text``, ``language``, ``idempotency_key``,
        ``content_type``, ``strict_content_type``, ``scheduled_at``, ``poll``, ``quote_id``,
        ``quoted_status_id`` and ``quote_approval_policy`` mean what they mean for
        :meth:`status_post`.

        Calls ``POST /api/v1/statuses`` (and ``GET /api/v1/accounts/verify_credentials``
        once, to learn who you are).
        """
        self._status_params(  # check every argument before asking the server anything
            status, None, media_ids, sensitive, visibility, spoiler_text, language,
            idempotency_key, content_type, scheduled_at, poll, quote_id, strict_content_type,
            quoted_status_id, quote_approval_policy)
        validate.flag("untag", untag)
        target = (to_status if isinstance(to_status, Mapping)
                  else self.status(to_status))  # type: ignore[attr-defined]
        if not isinstance(target.get("account"), Mapping):
            raise MastodonIllegalArgumentError("to_status must be a status (with an account)")
        validate.text("status", status)
        mentions = self._reply_mentions(target, validate.flag("untag", untag))
        prefix = " ".join(f"@{acct}" for acct in mentions)
        text = f"{prefix} {status or ''}" if prefix else status
        if visibility is None and target.get("visibility") in VISIBILITIES:
            visibility = target["visibility"]
        if spoiler_text is None:
            spoiler_text = target.get("spoiler_text")
        return self.status_post(
            text, in_reply_to_id=target, media_ids=media_ids, sensitive=sensitive,
            visibility=visibility, spoiler_text=spoiler_text, language=language,
            idempotency_key=idempotency_key, content_type=content_type,
            scheduled_at=scheduled_at, poll=poll, quote_id=quote_id,
            strict_content_type=strict_content_type, quoted_status_id=quoted_status_id,
            quote_approval_policy=quote_approval_policy)

    def _reply_mentions(self, target: Mapping[str, Any], untag: Optional[bool]) -> List[str]:
        """The accts a reply to ``target`` mentions: the author first (even oneself), then
        the status's mentions except oneself, each account (by id) once."""
        author = target["account"]
        own_id = self._own_account_id()
        seen = {str(author.get("id"))}
        mentions = [author.get("acct")] if author.get("acct") else []
        for account in [] if untag else list(target.get("mentions") or []):
            account_id = str(account.get("id"))
            if account.get("acct") and account_id != own_id and account_id not in seen:
                seen.add(account_id)
                mentions.append(account["acct"])
        return mentions

    def _own_account_id(self) -> str:
        """The logged-in account's id, asked once per access token."""
        cached = self._own_account
        if cached is None or cached[0] != self.access_token:
            me = self._get("/api/v1/accounts/verify_credentials", entity=rt.Account)
            cached = (self.access_token, str(me["id"]))
            self._own_account = cached
        return cached[1]

    @api_version("3.5.0", "4.1.0")
    def status_update(self, id: StatusOrId, status: str, spoiler_text: Optional[str] = None,
                      sensitive: Optional[bool] = None, media_ids: Optional[List[Any]] = None,
                      poll: Optional[Dict[str, Any]] = None,
                      media_attributes: Optional[List[Dict[str, Any]]] = None,
                      quote_approval_policy: Optional[str] = None) -> rt.Status:
        """Edit your status ``id``; returns it as it is now.

        What is not given is removed or reset (this is a full replacement, like
        on the web). ``media_attributes`` (from
        :meth:`generate_media_edit_attributes`) change the description, focus
        or thumbnail of attached media; media named there are kept attached
        even when ``media_ids`` does not list them.

        ``status`` is the new text and ``spoiler_text`` the new content warning
        (None removes it); ``sensitive`` marks the media as sensitive; ``poll`` (from
        :meth:`make_poll`) replaces the poll; ``quote_approval_policy`` (public, followers
        or nobody) says who may quote it (Mastodon 4.5+).

        Calls ``PUT /api/v1/statuses/:id``.
        """
        attributes = _media_attributes(media_attributes)
        params = {
            "status": validate.text("status", status),
            "spoiler_text": validate.text("spoiler_text", spoiler_text),
            "sensitive": True if validate.flag("sensitive", sensitive) else None,
            "media_ids": _edited_media_ids(media_ids, attributes),
            "poll": _poll_param(poll),
            "media_attributes": attributes,
            "quote_approval_policy": quote_policy_param(quote_approval_policy),
        }
        return self._put(f"/api/v1/statuses/{path_segment(id)}", params,
                         json_body=poll is not None or attributes is not None, entity=rt.Status)

    def generate_media_edit_attributes(self, id: IdType, description: Optional[str] = None,
                                       focus: Optional[Tuple[float, float]] = None,
                                       thumbnail: Optional[PathOrFile] = None,
                                       thumb_mimetype: Optional[str] = None) -> Dict[str, Any]:
        """Build one entry of ``status_update(media_attributes=[...])`` (no request).

        ``focus`` is an ``(x, y)`` pair in -1..1; ``thumbnail`` a path, file
        object or bytes (Mastodon 3.2.0+; refused locally only by version checks).

        ``id``: the attached media, as an id or a MediaAttachment. ``description`` is the
        new alt text. ``thumb_mimetype`` is the thumbnail's MIME type; left out, it is
        sniffed from the content or guessed from the file name.
        """
        attributes: Dict[str, Any] = {"id": unpack_id(id, "id")}
        if description is not None:
            attributes["description"] = validate.text("description", description)
        if focus is not None:
            attributes["focus"] = focus_param(focus)
        if thumbnail is not None:
            _, handle, mime = file_part("thumbnail", thumbnail, thumb_mimetype)
            self._server.require("3.2.0", "a media thumbnail")
            attributes["thumbnail"] = f"data:{mime};base64," + base64.b64encode(
                handle.read()).decode("ascii")
        return attributes

    @api_version("1.0.0", "1.0.0")
    def status_delete(self, id: StatusOrId, delete_media: Optional[bool] = None) -> rt.Status:
        """Delete your status ``id``; returns it, with its source text for redrafting.

        ``delete_media``: True also deletes its media right away.

        Calls ``DELETE /api/v1/statuses/:id``.
        """
        return self._delete(f"/api/v1/statuses/{path_segment(id)}",
                            {"delete_media": validate.flag("delete_media", delete_media)},
                            entity=rt.Status)

    # ------------------------------------------------------------------ scheduled statuses

    @api_version("2.7.0", "2.7.0")
    def scheduled_statuses(self, max_id: Optional[PaginationIdType] = None,
                           min_id: Optional[PaginationIdType] = None,
                           since_id: Optional[PaginationIdType] = None,
                           limit: Optional[int] = None) -> PaginatableList[rt.ScheduledStatus]:
        """Your statuses that are scheduled and not yet posted.

        ``max_id``, ``min_id``, ``since_id`` and ``limit`` page through them (see
        :doc:`/guide/pagination`).

        Calls ``GET /api/v1/scheduled_statuses``.
        """
        return self._get("/api/v1/scheduled_statuses", page_params(max_id, min_id, since_id, limit),
                         entity=PaginatableList[rt.ScheduledStatus])

    @api_version("2.7.0", "2.7.0")
    def scheduled_status(self, id: IdType) -> rt.ScheduledStatus:
        """Fetch the scheduled status ``id`` (an id or a ScheduledStatus).

        Calls ``GET /api/v1/scheduled_statuses/:id``.
        """
        return self._get(f"/api/v1/scheduled_statuses/{path_segment(id)}",
                         entity=rt.ScheduledStatus)

    @api_version("2.7.0", "2.7.0")
    def scheduled_status_update(self, id: IdType, scheduled_at: datetime) -> rt.ScheduledStatus:
        """Move the scheduled status ``id`` to another time (at least 5 minutes ahead).

        ``scheduled_at`` is the new time, a datetime (aware; a naive one is local time),
        sent in UTC.

        Calls ``PUT /api/v1/scheduled_statuses/:id``.
        """
        if scheduled_at is None:
            raise MastodonIllegalArgumentError("scheduled_at is required")
        return self._put(f"/api/v1/scheduled_statuses/{path_segment(id)}",
                         {"scheduled_at": _utc_iso("scheduled_at", scheduled_at)},
                         entity=rt.ScheduledStatus)

    @api_version("2.7.0", "2.7.0")
    def scheduled_status_delete(self, id: IdType) -> None:
        """Cancel the scheduled status ``id``.

        Calls ``DELETE /api/v1/scheduled_statuses/:id``.
        """
        self._delete(f"/api/v1/scheduled_statuses/{path_segment(id)}")


Mastodon = StatusesMixin  # import path kept for compatibility: mastodon.statuses.Mastodon
