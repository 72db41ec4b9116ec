#!/usr/bin/env python3
"""A short tour of the library: register an app, log in, post, and page through a timeline.

Without configuration it runs against a local mastodon_mock server that it
starts itself (installing it into ``.venv-mock`` on first use, which needs
network access to PyPI once)::

    python3 -m venv .venv && .venv/bin/pip install -e '.[all]' && .venv/bin/python examples/tour.py

To run it against a real account instead, set ``MASTODON_BASE_URL`` and
``MASTODON_ACCESS_TOKEN``; it then skips app registration and login, posts
only direct messages to nobody (visible to you alone) and deletes them again.
"""
from __future__ import annotations

import os
import sys
from contextlib import ExitStack
from typing import Any, List, Tuple

from mock_helper import mock_server_module

from mastodon import Mastodon


def start_mock_server(stack: ExitStack) -> Any:
    """Start mastodon_mock via the test helper (see mock_helper.py)."""
    print("Starting a local mastodon_mock server (the first run installs it) ...")
    return stack.enter_context(mock_server_module().MockMastodon())


def log_in_on_mock(base_url: str) -> Mastodon:
    """Register an app and log in with the OAuth authorization-code flow."""
    client_id, client_secret = Mastodon.create_app(
        "tour", scopes=["read", "write"], api_base_url=base_url)
    api = Mastodon(client_id=client_id, client_secret=client_secret, api_base_url=base_url)
    url = api.auth_request_url(scopes=["read", "write"], allow_http=True)
    print(f"A user would open {url[:60]}... and paste back the code shown there.")
    # mastodon_mock accepts the code "mockcode_<username>" without a browser.
    api.log_in(code="mockcode_alice", scopes=["read", "write"], allow_http=True)
    return api


def post_statuses(api: Mastodon, visibility: str, count: int) -> List[Any]:
    """Post a thread, a poll and a batch of short statuses; return what was posted."""
    posted = [api.status_post("Hello from the mastodon-ng tour!", visibility=visibility)]
    posted.append(api.status_post("Replying to myself, as one does.",
                                  in_reply_to_id=posted[0], visibility=visibility))
    poll = api.make_poll(["Tea", "Coffee", "Water"], expires_in=3600)
    posted.append(api.status_post("What are you drinking?", poll=poll, visibility=visibility))
    for n in range(count):
        posted.append(api.status_post(f"Tour status number {n + 1}", visibility=visibility))
    return posted


def read_home_timeline(api: Mastodon, page_size: int, max_pages: int) -> Tuple[int, List[int]]:
    """Walk the home timeline page by page with fetch_next; returns (total, page sizes)."""
    sizes: List[int] = []
    page = api.timeline_home(limit=page_size)
    while page and len(sizes) < max_pages:
        sizes.append(len(page))
        page = api.fetch_next(page)
    return sum(sizes), sizes


def main() -> int:
    base_url = os.environ.get("MASTODON_BASE_URL")
    token = os.environ.get("MASTODON_ACCESS_TOKEN")
    with ExitStack() as stack:
        if base_url and token:
            api = Mastodon(access_token=token, api_base_url=base_url)
            visibility = "direct"
        else:
            server = start_mock_server(stack)
            api = log_in_on_mock(server.base_url)
            visibility = "public"
        me = api.me()
        print(f"Logged in as @{me.acct} on {api.api_base_url} "
              f"(Mastodon {api.retrieve_mastodon_version()})")

        posted = post_statuses(api, visibility, count=42)
        print(f"Posted {len(posted)} statuses; the poll has "
              f"{len(posted[2].poll.options)} options.")

        total, sizes = read_home_timeline(api, page_size=20, max_pages=10)
        print(f"Home timeline: {total} statuses in {len(sizes)} pages of {sizes}.")

        if base_url and token:
            for status in posted:
                api.status_delete(status)
            print(f"Deleted the {len(posted)} tour statuses again.")
    print("Done.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
