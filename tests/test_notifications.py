"""Notifications v1 and grouped v2, counts, policy and requests."""
import json
from pathlib import Path

import pytest

from mastodon.errors import MastodonIllegalArgumentError
from mastodon.return_types import (
    Account, GroupedNotificationsResults, Notification, NotificationPolicy, NotificationRequest,
    UnreadNotificationsCount,
)
from mastodon.types_base import PaginatableList

FIXTURES = Path(__file__).parent / "fixtures" / "entities"
NOTIFICATION = {"id": "31", "type": "mention", "account": {"id": "2", "acct": "bob"}}


@pytest.fixture
def fake(fake_at):
    """A client that believes the server runs the newest supported version."""
    return fake_at()


# ---------------------------------------------------------------- v1 (fake)

def test_notifications_list_shape(fake):
    fake.queue(json=[NOTIFICATION])
    page = fake.api.notifications(account_id={"id": "2"}, max_id=50, limit=10,
                                  types=["mention", "favourite"], exclude_types="follow",
                                  supported_types=["quote"])
    assert fake.calls == [("GET", "/api/v1/notifications")]
    assert fake.last_query() == [
        ("max_id", "50"), ("limit", "10"), ("types[]", "mention"), ("types[]", "favourite"),
        ("exclude_types[]", "follow"), ("account_id", "2"), ("supported_types[]", "quote")]
    assert isinstance(page, PaginatableList) and isinstance(page[0], Notification)


def test_notifications_unknown_types_pass_through(fake):
    fake.api.notifications(types=["some.future_type"])
    assert fake.last_query() == [("types[]", "some.future_type")]
    with pytest.raises(MastodonIllegalArgumentError, match="types"):
        fake.api.notifications(types=[1])


def test_single_notification_by_id(fake):
    fake.queue(json=NOTIFICATION)
    result = fake.api.notifications(id={"id": "31"})
    assert fake.calls == [("GET", "/api/v1/notifications/31")]
    assert isinstance(result, Notification) and result.type == "mention"


def test_mentions_only_by_server_version(fake_at):
    new = fake_at("4.0.0")
    new.api.notifications(mentions_only=True)
    assert new.last_query() == [("types[]", "mention")]
    old = fake_at("3.0.0")
    old.api.notifications(mentions_only=True)
    excluded = [value for key, value in old.last_query() if key == "exclude_types[]"]
    assert "favourite" in excluded and "mention" not in excluded
    with pytest.raises(MastodonIllegalArgumentError, match="mentions_only"):
        new.api.notifications(mentions_only=True, types=["follow"])


def test_notifications_dismiss_and_clear(fake_at):
    new = fake_at("4.0.0")
    assert new.api.notifications_dismiss({"id": "31"}) is None
    assert new.calls == [("POST", "/api/v1/notifications/31/dismiss")]
    old = fake_at("2.9.0")
    old.api.notifications_dismiss(31)
    assert old.calls == [("POST", "/api/v1/notifications/dismiss")]
    assert old.last_form() == [("id", "31")]
    assert new.api.notifications_clear() is None
    assert new.calls[-1] == ("POST", "/api/v1/notifications/clear")


def test_unread_counts(fake):
    fake.queue(json={"count": 4})
    result = fake.api.notifications_unread_count()
    assert fake.calls == [("GET", "/api/v1/notifications/unread_count")]
    assert isinstance(result, UnreadNotificationsCount) and result.count == 4
    fake.queue(json={"count": 7})
    assert fake.api.unread_grouped_notifications_count(
        limit=100, types=["favourite"], grouped_types=["favourite"]) == 7
    assert fake.calls[-1] == ("GET", "/api/v2/notifications/unread_count")
    assert fake.last_query() == [("limit", "100"), ("types[]", "favourite"),
                                 ("grouped_types[]", "favourite")]


# ---------------------------------------------------------------- v2 grouped (fake)

def test_grouped_notifications_shape_and_pagination(fake):
    body = json.loads((FIXTURES / "grouped_notifications.json").read_text())
    fake.queue(json=body, headers={"Link": (
        '<https://mastodon.example/api/v2/notifications?max_id=100>; rel="next", '
        '<https://mastodon.example/api/v2/notifications?min_id=300>; rel="prev"')})
    result = fake.api.grouped_notifications(limit=5, exclude_types=["follow"],
                                            expand_accounts="full", include_filtered=True)
    assert fake.calls == [("GET", "/api/v2/notifications")]
    assert fake.last_query() == [("limit", "5"), ("exclude_types[]", "follow"),
                                 ("expand_accounts", "full"), ("include_filtered", "1")]
    assert isinstance(result, GroupedNotificationsResults)
    assert result._pagination_next["max_id"] == 100
    fake.queue(json=body)
    following = fake.api.fetch_next(result)
    assert fake.calls[-1] == ("GET", "/api/v2/notifications")
    assert ("max_id", "100") in fake.last_query()
    assert isinstance(following, GroupedNotificationsResults)
    with pytest.raises(MastodonIllegalArgumentError, match="expand_accounts"):
        fake.api.grouped_notifications(expand_accounts=True)


def test_grouped_notification_and_its_accounts(fake):
    fake.queue(json={"notification_groups": [], "accounts": [], "statuses": []})
    result = fake.api.grouped_notification("favourite-11-2", supported_types=["quote"])
    assert fake.calls[-1] == ("GET", "/api/v2/notifications/favourite-11-2")
    assert fake.last_query() == [("supported_types[]", "quote")]
    assert isinstance(result, GroupedNotificationsResults)
    fake.queue(json=[{"id": "2", "acct": "bob"}])
    accounts = fake.api.grouped_notification_accounts("ungrouped/1")
    assert fake.calls[-1] == ("GET", "/api/v2/notifications/ungrouped%2F1/accounts")
    assert isinstance(accounts[0], Account)
    assert fake.api.dismiss_grouped_notification("g1") is None
    assert fake.calls[-1] == ("POST", "/api/v2/notifications/g1/dismiss")


# ---------------------------------------------------------------- policy and requests (fake)

def test_policy_shapes(fake):
    fake.queue(json={"for_not_following": "accept"})
    assert isinstance(fake.api.notifications_policy(), NotificationPolicy)
    assert fake.calls[-1] == ("GET", "/api/v2/notifications/policy")
    fake.queue(json={"for_new_accounts": "filter"})
    result = fake.api.update_notifications_policy(for_new_accounts="filter",
                                                  for_private_mentions="drop")
    assert fake.calls[-1] == ("PATCH", "/api/v2/notifications/policy")
    assert fake.last_form() == [("for_new_accounts", "filter"), ("for_private_mentions", "drop")]
    assert result.for_new_accounts == "filter"
    with pytest.raises(MastodonIllegalArgumentError, match="for_not_following"):
        fake.api.update_notifications_policy(for_not_following=True)


def test_request_shapes(fake):
    fake.queue(json=[{"id": "8", "notifications_count": "2"}])
    page = fake.api.notification_requests(limit=3, since_id=1)
    assert fake.calls[-1] == ("GET", "/api/v1/notifications/requests")
    assert fake.last_query() == [("since_id", "1"), ("limit", "3")]
    assert isinstance(page[0], NotificationRequest)
    fake.api.notification_request(page[0])
    assert fake.calls[-1] == ("GET", "/api/v1/notifications/requests/8")
    assert fake.api.accept_notification_request(8) is None
    assert fake.calls[-1] == ("POST", "/api/v1/notifications/requests/8/accept")
    fake.api.dismiss_notification_request({"id": "8"})
    assert fake.calls[-1] == ("POST", "/api/v1/notifications/requests/8/dismiss")
    fake.api.accept_multiple_notification_requests([8, {"id": "9"}])
    assert fake.calls[-1] == ("POST", "/api/v1/notifications/requests/accept")
    assert fake.last_form() == [("id[]", "8"), ("id[]", "9")]
    fake.api.dismiss_multiple_notification_requests(["10"])
    assert fake.calls[-1] == ("POST", "/api/v1/notifications/requests/dismiss")
    assert fake.last_form() == [("id[]", "10")]
    fake.queue(json={"merged": False})
    assert fake.api.notifications_merged() is False
    assert fake.calls[-1] == ("GET", "/api/v1/notifications/requests/merged")


# ---------------------------------------------------------------- behaviour (mock)

def test_notifications_on_mock(client):
    alice, bob = client("alice"), client("bob")
    status = alice.status_post("notice me")
    bob.status_favourite(status)
    bob.status_reblog(status)
    bob.status_reply(status, "hi")
    kinds = [n.type for n in alice.notifications()]
    assert kinds[:3] == ["mention", "reblog", "favourite"] and "follow" in kinds
    assert [n.type for n in alice.notifications(types=["favourite"])] == ["favourite"]
    assert "favourite" not in [n.type for n in alice.notifications(exclude_types=["favourite"])]
    assert [n.type for n in alice.notifications(mentions_only=True)] == ["mention"]
    single = alice.notifications(id=alice.notifications()[0].id)
    assert isinstance(single, Notification) and single.type == "mention"
    assert alice.notifications_unread_count().count == len(kinds)
    alice.notifications_dismiss(single)
    assert len(alice.notifications()) == len(kinds) - 1
    alice.notifications_clear()
    assert alice.notifications() == []


def test_notification_paging_on_mock(client):
    alice, bob = client("alice"), client("bob")
    for n in range(5):
        bob.status_favourite(alice.status_post(f"s{n}"))
    first = alice.notifications(limit=2)
    everything = alice.fetch_remaining(first)
    assert len(everything) == 6  # five favourites and bob's follow
    assert len({n.id for n in everything}) == 6


def test_grouped_notifications_on_mock(client):
    alice, bob, carol = client("alice"), client("bob"), client("carol")
    status = alice.status_post("group these")
    bob.status_favourite(status)
    carol.status_favourite(status)
    result = alice.grouped_notifications()
    kinds = [group.type for group in result.notification_groups]
    assert "favourite" in kinds
    favourite = result.notification_groups[kinds.index("favourite")]
    accounts = alice.grouped_notification_accounts(favourite.group_key)
    assert {a.acct for a in accounts} >= {"bob"}
    assert alice.grouped_notification(favourite.group_key).notification_groups
    assert alice.unread_grouped_notifications_count() >= 1
    alice.dismiss_grouped_notification(favourite.group_key)
    after = alice.grouped_notifications()
    assert favourite.group_key not in [g.group_key for g in after.notification_groups]


def test_policy_and_requests_on_mock(client):
    alice = client("alice")
    assert isinstance(alice.notifications_policy(), NotificationPolicy)
    assert alice.update_notifications_policy(for_not_following="filter").for_not_following == "filter"
    assert alice.notification_requests() == []
    assert alice.notifications_merged() is True
    alice.accept_multiple_notification_requests([])
    alice.dismiss_multiple_notification_requests([])


def test_filtered_notification_requests_on_mock(client):
    alice, carol = client("alice"), client("carol")
    alice.update_notifications_policy(for_not_following="filter")
    carol.status_post("@alice hello stranger")
    requests = alice.notification_requests()
    if not requests:
        pytest.skip("this mock version does not file filtered notifications as requests")
    assert isinstance(requests[0], NotificationRequest)
    assert alice.notification_request(requests[0]).id == requests[0].id
    alice.accept_notification_request(requests[0])
    assert alice.notification_requests() == []
    carol.status_post("@alice again")
    for pending in alice.notification_requests():
        alice.dismiss_notification_request(pending)
    assert alice.notification_requests() == []
