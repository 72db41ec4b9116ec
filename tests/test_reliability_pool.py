"""Reliability: 32 threads sharing one client keep their connections (issue 25.6).

urllib3 keeps 10 connections per host by default; an eleventh thread's
connection was dropped after its request with a "Connection pool is full"
warning, and a new one opened for the next. The client's own session keeps
up to 64 per host.
"""
from __future__ import annotations

import logging
import threading
from typing import Any, List

import pytest

from mastodon import Mastodon
from mastodon._core.transport import POOL_SIZE
from support.fault_server import json_reply

THREADS, CALLS = 32, 4


@pytest.mark.timeout(120)
def test_32_threads_on_one_client_keep_their_connections(fault_server: Any, caplog: Any) -> None:
    caplog.set_level(logging.WARNING, logger="urllib3")
    fault_server.default = json_reply({"id": "1"}, delay=0.05)  # so that the threads overlap
    api = Mastodon(access_token="tok", api_base_url=fault_server.url, version_check_mode="none")
    start = threading.Barrier(THREADS)
    failures: List[BaseException] = []

    def worker() -> None:
        try:
            start.wait(timeout=60)
            for _ in range(CALLS):
                assert api.status("1").id == "1"
        except BaseException as exc:  # reported below
            failures.append(exc)

    threads = [threading.Thread(target=worker, daemon=True) for _ in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=100)
    assert not any(thread.is_alive() for thread in threads) and failures == []
    pools = api.session.get_adapter(fault_server.url).poolmanager.pools
    opened = sum(pools[key].num_connections for key in pools.keys())
    api.close()
    assert len(fault_server.requests) == THREADS * CALLS
    assert not [r for r in caplog.records if "pool is full" in r.getMessage()]
    assert opened <= THREADS  # each thread's connection was kept and used again
    assert POOL_SIZE >= THREADS
