"""Readable reprs: no public object prints as ``<... object at 0x...>``.

Entity reprs are the entity types' own (tested with them); the client, its
rate limiter, stream listeners and the catch-up helpers say what they are.
Stream handles are tested where they run (test_streaming_*).
"""
from __future__ import annotations

from typing import Any, List

import pytest

from mastodon import CallbackStreamListener, Mastodon, RetryPolicy, StreamListener
from mastodon import return_types as rt
from mastodon._core.ratelimit import RateLimiter
from mastodon._streaming.catchup import HOME, NOTIFICATIONS, CatchUp, EventGate
from mastodon.types_base import NonPaginatableList, PaginatableList, PaginationInfo, decode


class ClockAt:
    """A clock standing still at ``now`` (POSIX seconds)."""

    def __init__(self, now: float) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


def test_rate_limiter_says_its_mode_and_the_default_window() -> None:
    limiter = RateLimiter("pace", clock=ClockAt(1_000.0))
    assert repr(limiter) == "<RateLimiter pace: limit 300, 300 left, reset unknown>"
    limiter.update({"X-RateLimit-Limit": "300", "X-RateLimit-Remaining": "12",
                    "X-RateLimit-Reset": "2026-01-01T00:00:00Z"})
    assert repr(limiter).startswith("<RateLimiter pace: limit 300, 12 left, reset 2026-01-01")


def test_rate_limiter_counts_its_other_buckets() -> None:
    limiter = RateLimiter("throw")
    limiter.bucket("media")
    assert repr(limiter).endswith("reset unknown, 1 more bucket>")
    limiter.bucket("status deletions")
    assert repr(limiter).endswith("reset unknown, 2 more buckets>")


def test_the_clients_rate_limiter_is_the_one_shown() -> None:
    api = Mastodon(access_token="secret-token", api_base_url="https://mastodon.example",
                   ratelimit_method="throw")
    assert repr(api) == "<Mastodon client for https://mastodon.example>"
    assert repr(api._ratelimiter).startswith("<RateLimiter throw: ")
    assert "secret-token" not in repr(api) + repr(api._ratelimiter)
    api.close()


def test_listeners_name_their_class_and_callbacks() -> None:
    class Printer(StreamListener):
        pass

    assert repr(StreamListener()) == "<StreamListener>"
    assert repr(Printer()) == "<Printer>"
    assert repr(CallbackStreamListener()) == "<CallbackStreamListener for no events>"
    listener = CallbackStreamListener(update_handler=print, notification_handler=print)
    assert repr(listener) == "<CallbackStreamListener for update, notification>"


def test_catch_up_helpers_say_what_they_follow() -> None:
    gate = EventGate()
    assert repr(gate) == "<EventGate newest: none yet>"
    gate.admit("update", {"id": "109"})
    gate.admit("notification", {"id": "7"})
    assert repr(gate) == "<EventGate newest: status 109, notification 7>"
    catch_up = CatchUp(Mastodon(api_base_url="https://mastodon.example"), (HOME, NOTIFICATIONS), gate)
    assert repr(catch_up) == "<CatchUp of /api/v1/timelines/home, /api/v1/notifications>"


def _statuses(count: int) -> List[Any]:
    return [{"id": str(n), "content": f"<p>status {n}</p>", "account": {"id": "1", "acct": "a"}}
            for n in range(count)]


def test_a_context_counts_ancestors_and_descendants() -> None:
    context = decode({"ancestors": _statuses(1), "descendants": _statuses(3)}, rt.Context)
    assert repr(context) == "<Context 1 ancestor, 3 descendants>"
    assert repr(decode({"ancestors": [], "descendants": _statuses(1)}, rt.Context)) == \
        "<Context 0 ancestors, 1 descendant>"


@pytest.mark.parametrize("kind", [rt.SearchV2, rt.Search])
def test_search_results_count_accounts_statuses_and_hashtags(kind: type) -> None:
    found = decode({"accounts": [{"id": "1", "acct": "a"}], "statuses": _statuses(2),
                    "hashtags": [{"name": "cats"}, {"name": "dogs"}, {"name": "birds"}]}, kind)
    assert repr(found) == f"<{kind.__name__} 1 account, 2 statuses, 3 hashtags>"


def test_search_results_show_collections_only_when_the_server_sent_them() -> None:
    found = decode({"accounts": [], "statuses": [], "hashtags": [],
                    "collections": [{"id": "1"}]}, rt.SearchV2)
    assert repr(found) == "<SearchV2 0 accounts, 0 statuses, 0 hashtags, 1 collection>"


def test_grouped_notifications_count_groups_by_type_and_what_they_refer_to() -> None:
    groups = [{"group_key": f"g{n}", "type": kind, "notifications_count": 1}
              for n, kind in enumerate(["favourite", "follow", "favourite", "mention"])]
    results = decode({"accounts": [{"id": "1", "acct": "a"}, {"id": "2", "acct": "b"}],
                      "statuses": _statuses(1), "notification_groups": groups},
                     rt.GroupedNotificationsResults)
    assert repr(results) == ("<GroupedNotificationsResults 4 groups (favourite 2, follow 1, "
                             "mention 1), 2 accounts, 1 status>")
    empty = decode({"accounts": [], "statuses": [], "notification_groups": []},
                   rt.GroupedNotificationsResults)
    assert repr(empty) == "<GroupedNotificationsResults 0 groups, 0 accounts, 0 statuses>"


def test_a_container_without_its_lists_shows_just_its_name() -> None:
    assert repr(decode({}, rt.Context)) == "<Context>"


def _public_objects() -> List[Any]:
    context = decode({"ancestors": [], "descendants": []}, rt.Context)
    return [
        Mastodon(api_base_url="https://mastodon.example"),
        RateLimiter(), RetryPolicy(), StreamListener(), CallbackStreamListener(), EventGate(),
        context, PaginatableList([context]), NonPaginatableList([]),
        PaginationInfo(max_id="5"),
    ]


@pytest.mark.parametrize("obj", _public_objects(), ids=lambda obj: type(obj).__name__)
def test_no_public_object_prints_its_address(obj: Any) -> None:
    assert " object at 0x" not in repr(obj)

