"""A small program as a user would write it, checked by ``mypy --strict`` (never run).

tests/test_typing.py type-checks this file and compares what mypy reveals on
each ``reveal_type`` line with the ``# revealed:`` comment there (module paths
left out). It shows what an editor knows about results: the item type of a
page, through every pagination helper and the stream methods.
"""
from __future__ import annotations

from typing import List, Optional

from mastodon import Mastodon, StreamListener
from mastodon.return_types import Status
from mastodon.types_base import PaginatableList


def home_accounts(api: Mastodon) -> List[str]:
    """The accounts behind the first page of the home timeline."""
    page = api.timeline_home(limit=20)
    reveal_type(page)  # revealed: PaginatableList[Status]
    accts = []
    for status in page:
        reveal_type(status)  # revealed: Status
        reveal_type(status.account.acct)  # revealed: str
        accts.append(status.account.acct)
    return accts


def older_pages(api: Mastodon) -> Optional[PaginatableList[Status]]:
    """Walk back through a timeline with every pagination helper."""
    page = api.timeline_public()
    reveal_type(api.fetch_next(page))  # revealed: PaginatableList[Status] | None
    reveal_type(api.fetch_previous(page))  # revealed: PaginatableList[Status] | None
    reveal_type(api.fetch_remaining(page))  # revealed: PaginatableList[Status]
    reveal_type(api.pagination_iterator(page))  # revealed: Iterator[Status]
    for status, info in api.pagination_iterator(page, return_pagination_info=True):
        reveal_type(status)  # revealed: Status
        reveal_type(info)  # revealed: PaginationInfo | None
    for older in api.pagination_page_iterator(page, "previous"):
        reveal_type(older)  # revealed: PaginatableList[Status]
    return api.fetch_next(page)


def followers_and_thread(api: Mastodon) -> int:
    """Other list results and single entities carry their types too."""
    me = api.account_verify_credentials()
    followers = api.account_followers(me)
    reveal_type(followers)  # revealed: PaginatableList[Account]
    context = api.status_context(1)
    reveal_type(context)  # revealed: Context
    reveal_type(context.descendants[0].created_at)  # revealed: datetime
    return len(followers) + len(context.ancestors)


def stream(api: Mastodon) -> None:
    """A stream handle, from a client closed by its ``with`` block."""
    with Mastodon(access_token="token", api_base_url="https://mastodon.example") as client:
        reveal_type(client)  # revealed: Mastodon
        handle = client.stream_user(StreamListener(), run_async=True)
        reveal_type(handle)  # revealed: SSEStreamHandle | WebSocketSubscription | None
        assert handle is not None  # None: a blocking stream that ended
        handle.close()
