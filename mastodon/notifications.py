"""Notifications: plain (v1) and grouped (v2), unread counts, filtering policy and requests."""
from __future__ import annotations

from typing import Any, Dict, List, Optional, Tuple, Union

from . import return_types as rt
from ._core import validate
from ._core.params import id_list, page_params, path_segment, unpack_id
from .errors import MastodonIllegalArgumentError
from .internals import Internals
from .types_base import IdType, NonPaginatableList, PaginatableList, PaginationIdType
from .versions import api_version

#: Notification types known when mentions_only has to be emulated on old servers.
NOTIFICATION_TYPES = ("mention", "status", "reblog", "follow", "follow_request", "favourite",
                      "poll", "update", "admin.sign_up", "admin.report", "severed_relationships",
                      "moderation_warning", "quote", "quoted_update")
#: What a notification policy may do with notifications of one kind.
POLICY_VALUES = ("accept", "filter", "drop")
#: How much of the accounts ``grouped_notifications`` sends along.
EXPAND_ACCOUNTS = ("full", "partial_avatars")


def _types(name: str, values: Any) -> Optional[List[str]]:
    """A list of notification types; unknown ones are passed on, as servers add new types."""
    if values is None:
        return None
    items = [values] if isinstance(values, str) else validate.list_of(name, values)
    for item in items:
        validate.text(name, item, required=True)
    return items


def _filter_params(types: Any, exclude_types: Any, account_id: Any,
                   grouped_types: Any = None) -> Dict[str, Any]:
    """The filters shared by the notification lists and unread counts."""
    return {"types": _types("types", types),
            "exclude_types": _types("exclude_types", exclude_types),
            "account_id": None if account_id is None else unpack_id(account_id, "account_id"),
            "grouped_types": _types("grouped_types", grouped_types)}


class NotificationsMixin(Internals):
    """Read, dismiss and filter notifications, grouped or not."""

    # ------------------------------------------------------------------ v1 notifications

    @api_version("1.0.0", "4.6.0")
    def notifications(self, id: Optional[IdType] = None, account_id: Optional[IdType] = None,
                      max_id: Optional[PaginationIdType] = None,
                      min_id: Optional[PaginationIdType] = None,
                      since_id: Optional[PaginationIdType] = None, limit: Optional[int] = None,
                      exclude_types: Optional[List[str]] = None,
                      types: Optional[List[str]] = None, mentions_only: Optional[bool] = None,
                      supported_types: Optional[List[str]] = None,
                      ) -> Union[PaginatableList[rt.Notification], rt.Notification]:
        """A page of your notifications, newest first; or one notification when ``id`` is given.

        ``id`` (a notification or its id) fetches just that one; the other
        arguments are then not used. ``types`` / ``exclude_types`` keep or drop kinds
        (mention, reblog, favourite, follow, poll, follow_request, update, ...);
        ``account_id`` keeps those caused by one account; ``mentions_only`` True
        keeps mentions (as ``types`` on Mastodon 3.5+, by excluding every other kind
        before). ``supported_types`` tells the server which newer kinds this client
        understands. ``max_id``, ``min_id``, ``since_id`` and ``limit`` page through
        them (see :doc:`/guide/pagination`; Mastodon sends 40 by default, 80 at most).

        Calls ``GET /api/v1/notifications`` or ``GET /api/v1/notifications/:id``.
        """
        if id is not None:
            return self._get(f"/api/v1/notifications/{path_segment(id)}",
                             entity=rt.Notification)
        if validate.flag("mentions_only", mentions_only):
            types, exclude_types = self._mentions_only(types, exclude_types)
        params = page_params(max_id, min_id, since_id, limit,
                             **_filter_params(types, exclude_types, account_id),
                             supported_types=_types("supported_types", supported_types))
        return self._get("/api/v1/notifications", params,
                         entity=PaginatableList[rt.Notification])

    def _mentions_only(self, types: Any, exclude_types: Any,
                       ) -> Tuple[Optional[List[str]], Optional[List[str]]]:
        """``types`` on 3.5.0+, else every other known type excluded."""
        if types is not None or exclude_types is not None:
            raise MastodonIllegalArgumentError(
                "Cannot specify exclude_types/types when mentions_only is present")
        if self._server.verify("3.5.0", cached=True):
            return ["mention"], None
        return None, [kind for kind in NOTIFICATION_TYPES if kind != "mention"]

    @api_version("1.0.0", "1.0.0")
    def notifications_clear(self) -> None:
        """Delete all your notifications.

        Calls ``POST /api/v1/notifications/clear``.
        """
        self._post("/api/v1/notifications/clear")

    @api_version("1.3.0", "2.9.2")
    def notifications_dismiss(self, id: Union[rt.Notification, IdType]) -> None:
        """Delete the notification ``id`` (a Notification or its id).

        Calls ``POST /api/v1/notifications/:id/dismiss`` (``POST
        /api/v1/notifications/dismiss`` before Mastodon 2.9.2).
        """
        notification_id = unpack_id(id, "id")
        if self._server.verify("2.9.2", cached=True):
            self._post(f"/api/v1/notifications/{path_segment(notification_id)}/dismiss")
        else:
            self._post("/api/v1/notifications/dismiss", {"id": notification_id})

    @api_version("4.3.0", "4.3.0")
    def notifications_unread_count(self) -> rt.UnreadNotificationsCount:
        """How many notifications are newer than your read marker.

        The marker is the ``notifications`` one of ``markers_get``/``markers_set``.
        Calls ``GET /api/v1/notifications/unread_count``.
        """
        return self._get("/api/v1/notifications/unread_count", entity=rt.UnreadNotificationsCount)

    # ------------------------------------------------------------------ grouped (v2) notifications

    @api_version("4.3.0", "4.6.0")
    def grouped_notifications(self, max_id: Optional[PaginationIdType] = None,
                              since_id: Optional[PaginationIdType] = None,
                              min_id: Optional[PaginationIdType] = None,
                              limit: Optional[int] = None, types: Optional[List[str]] = None,
                              exclude_types: Optional[List[str]] = None,
                              account_id: Optional[IdType] = None,
                              expand_accounts: str = "partial_avatars",
                              grouped_types: Optional[List[str]] = None,
                              include_filtered: Optional[bool] = None,
                              supported_types: Optional[List[str]] = None,
                              ) -> rt.GroupedNotificationsResults:
        """A page of notifications grouped by kind and status (like the web UI).

        Returns the groups with the accounts and statuses they refer to; the
        page itself carries the pagination info, so ``fetch_next`` works on it.
        ``expand_accounts`` is ``partial_avatars`` (only avatars for most
        accounts) or ``full``; ``grouped_types`` says which kinds may be
        grouped; ``include_filtered`` also returns notifications that the
        policy filtered. ``types``, ``exclude_types`` and ``account_id`` filter as for
        :meth:`notifications`; ``supported_types`` names the newer kinds this client
        understands. ``max_id``, ``since_id``, ``min_id`` and ``limit`` page through the
        groups (see :doc:`/guide/pagination`).

        Calls ``GET /api/v2/notifications``.
        """
        params = page_params(
            max_id, min_id, since_id, limit,
            **_filter_params(types, exclude_types, account_id, grouped_types),
            expand_accounts=validate.one_of("expand_accounts", expand_accounts, EXPAND_ACCOUNTS),
            include_filtered=validate.flag("include_filtered", include_filtered),
            supported_types=_types("supported_types", supported_types))
        return self._get("/api/v2/notifications", params, entity=rt.GroupedNotificationsResults)

    @api_version("4.3.0", "4.6.0")
    def grouped_notification(self, group_key: str,
                             supported_types: Optional[List[str]] = None,
                             ) -> rt.GroupedNotificationsResults:
        """One notification group, with its accounts and status.

        ``group_key`` is the group's ``group_key`` as a grouped notification gives it;
        ``supported_types`` names the newer kinds this client understands.

        Calls ``GET /api/v2/notifications/:group_key``.
        """
        return self._get(f"/api/v2/notifications/{path_segment(group_key, 'group_key')}",
                         {"supported_types": _types("supported_types", supported_types)},
                         entity=rt.GroupedNotificationsResults)

    @api_version("4.3.0", "4.3.0")
    def grouped_notification_accounts(self, group_key: str) -> NonPaginatableList[rt.Account]:
        """All accounts of the group ``group_key`` (e.g. everyone who favourited).

        Calls ``GET /api/v2/notifications/:group_key/accounts``.
        """
        return self._get(f"/api/v2/notifications/{path_segment(group_key, 'group_key')}/accounts",
                         entity=NonPaginatableList[rt.Account])

    @api_version("4.3.0", "4.3.0")
    def dismiss_grouped_notification(self, group_key: str) -> None:
        """Delete the whole notification group ``group_key``.

        Calls ``POST /api/v2/notifications/:group_key/dismiss``.
        """
        self._post(f"/api/v2/notifications/{path_segment(group_key, 'group_key')}/dismiss")

    @api_version("4.3.0", "4.3.0")
    def unread_grouped_notifications_count(self, limit: Optional[int] = None,
                                           types: Optional[List[str]] = None,
                                           exclude_types: Optional[List[str]] = None,
                                           account_id: Optional[IdType] = None,
                                           grouped_types: Optional[List[str]] = None) -> int:
        """How many notification groups are newer than your read marker (at most ``limit``).

        ``limit`` caps the count (Mastodon: 100 by default, 1000 at most); ``types``,
        ``exclude_types`` and ``account_id`` count only some notifications, as for
        :meth:`notifications`; ``grouped_types`` says which kinds count as groups.

        Calls ``GET /api/v2/notifications/unread_count``.
        """
        params = {"limit": validate.count("limit", limit),
                  **_filter_params(types, exclude_types, account_id, grouped_types)}
        return int(self._get("/api/v2/notifications/unread_count", params).get("count") or 0)

    # ------------------------------------------------------------------ policy and requests

    @api_version("4.3.0", "4.3.0")
    def notifications_policy(self) -> rt.NotificationPolicy:
        """What happens to notifications from strangers, new accounts and others.

        Calls ``GET /api/v2/notifications/policy``.
        """
        return self._get("/api/v2/notifications/policy", entity=rt.NotificationPolicy)

    @api_version("4.3.0", "4.3.0")
    def update_notifications_policy(self, for_not_following: Optional[str] = None,
                                    for_not_followers: Optional[str] = None,
                                    for_new_accounts: Optional[str] = None,
                                    for_private_mentions: Optional[str] = None,
                                    for_limited_accounts: Optional[str] = None,
                                    for_bots: Optional[str] = None) -> rt.NotificationPolicy:
        """Change the notification policy; each value is accept, filter or drop.

        ``accept`` notifies as usual, ``filter`` moves the notifications to the
        notification requests, ``drop`` never creates them. Each setting is for
        notifications from one kind of account: ``for_not_following`` those you do not
        follow, ``for_not_followers`` those not following you, ``for_new_accounts``
        accounts younger than 30 days, ``for_limited_accounts`` accounts a moderator
        limited, ``for_bots`` bot accounts (newer servers); ``for_private_mentions``
        covers private mentions. What is None is left out and stays as it is. Returns the new policy.

        Calls ``PATCH /api/v2/notifications/policy``.
        """
        given = {"for_not_following": for_not_following, "for_not_followers": for_not_followers,
                 "for_new_accounts": for_new_accounts,
                 "for_private_mentions": for_private_mentions,
                 "for_limited_accounts": for_limited_accounts, "for_bots": for_bots}
        params = {name: validate.one_of(name, value, POLICY_VALUES) for name, value in given.items()}
        return self._patch("/api/v2/notifications/policy", params, entity=rt.NotificationPolicy)

    @api_version("4.3.0", "4.3.0")
    def notification_requests(self, max_id: Optional[PaginationIdType] = None,
                              since_id: Optional[PaginationIdType] = None,
                              min_id: Optional[PaginationIdType] = None,
                              limit: Optional[int] = None,
                              ) -> PaginatableList[rt.NotificationRequest]:
        """Accounts whose notifications the policy filtered, one request per account.

        ``max_id``, ``since_id``, ``min_id`` and ``limit`` page through them (see
        :doc:`/guide/pagination`).

        Calls ``GET /api/v1/notifications/requests``.
        """
        return self._get("/api/v1/notifications/requests",
                         page_params(max_id, min_id, since_id, limit),
                         entity=PaginatableList[rt.NotificationRequest])

    @api_version("4.3.0", "4.3.0")
    def notification_request(self, id: Union[rt.NotificationRequest, IdType],
                             ) -> rt.NotificationRequest:
        """Fetch the notification request ``id`` (a NotificationRequest or its id).

        Calls ``GET /api/v1/notifications/requests/:id``.
        """
        return self._get(f"/api/v1/notifications/requests/{path_segment(id)}",
                         entity=rt.NotificationRequest)

    def _answer_request(self, id: Any, answer: str) -> None:
        self._post(f"/api/v1/notifications/requests/{path_segment(id)}/{answer}")

    def _answer_requests(self, ids: Any, answer: str) -> None:
        self._post(f"/api/v1/notifications/requests/{answer}", {"id": id_list(ids, "ids")})

    @api_version("4.3.0", "4.3.0")
    def accept_notification_request(self, id: Union[rt.NotificationRequest, IdType]) -> None:
        """Accept the request ``id``: its notifications move to the normal list.

        Calls ``POST /api/v1/notifications/requests/:id/accept``.
        """
        self._answer_request(id, "accept")

    @api_version("4.3.0", "4.3.0")
    def dismiss_notification_request(self, id: Union[rt.NotificationRequest, IdType]) -> None:
        """Dismiss the request ``id`` and its filtered notifications.

        Calls ``POST /api/v1/notifications/requests/:id/dismiss``.
        """
        self._answer_request(id, "dismiss")

    @api_version("4.3.0", "4.3.0")
    def accept_multiple_notification_requests(self, ids: List[Any]) -> None:
        """Accept several notification requests at once; ``ids`` lists them (or their ids).

        Calls ``POST /api/v1/notifications/requests/accept``.
        """
        self._answer_requests(ids, "accept")

    @api_version("4.3.0", "4.3.0")
    def dismiss_multiple_notification_requests(self, ids: List[Any]) -> None:
        """Dismiss several notification requests at once; ``ids`` lists them (or their ids).

        Calls ``POST /api/v1/notifications/requests/dismiss``.
        """
        self._answer_requests(ids, "dismiss")

    @api_version("4.3.0", "4.3.0")
    def notifications_merged(self) -> bool:
        """Whether accepted requests have been merged into the notifications yet.

        Calls ``GET /api/v1/notifications/requests/merged``.
        """
        return bool(self._get("/api/v1/notifications/requests/merged").get("merged"))


Mastodon = NotificationsMixin  # import path kept for compatibility: mastodon.notifications.Mastodon
