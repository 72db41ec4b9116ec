"""Listeners written for Mastodon.py get the same calls here: the stream probe run in both libraries.

The probe (``support/probes/streams.py``) feeds the same bytes through the
same listener classes, under Mastodon.py 2.3.3 (the oracle) and under this
library, and both answer the calls each listener received (handler names,
described arguments, order) and how the read ended (returned, or the class
of the exception raised).
"""
from __future__ import annotations

import itertools
import json
from typing import Any, List

import pytest

from support.oracle import Oracle, run_here

STATUS = json.dumps({"id": "11", "content": "<p>hi</p>", "account": {"id": "1", "acct": "alice"}})
NOTIFICATION = json.dumps({"id": "7", "type": "mention"})
PARTS = {
    "update": f"event: update\ndata: {STATUS}\n\n",
    "delete": "event: delete\ndata: 11\n\n",
    "notification": f"event: notification\ndata: {NOTIFICATION}\n\n",
    "thump": ":thump\n",  # Mastodon's heartbeat: no empty line after it
    "thump2": ":thump\n",
}
#: Every order of three events and two heartbeats (orders differing only in which heartbeat is
#: which give the same bytes and are run once).
PERMUTATIONS = sorted({"".join(PARTS[part] for part in order) for order in itertools.permutations(PARTS)})

MIXED = [
    "",  # nothing at all
    ":)\n\n" + PARTS["update"] + ":thump\n",  # heartbeats with and without an empty line
    "\n\n" + PARTS["delete"] + "\n\n\n" + PARTS["update"],  # stray empty lines
    f"event: update\n:thump\ndata: {STATUS}\n\n",  # a comment inside an event
    PARTS["update"] + f"event: update\ndata: {STATUS}",  # ends inside the last line
    PARTS["update"] + f"event: update\ndata: {STATUS}\n",  # ends before the empty line
    PARTS["delete"] + ":thu",  # ends inside a heartbeat
    f"event: update\ndata: {STATUS[:20]}\ndata: {STATUS[20:]}\n\n",  # data over two lines
    'event: brand.new\ndata: {"id": "5", "name": "x"}\n\n',  # an unknown event
    "event: brand.new\ndata: [1, 2]\n\nevent: brand.new\ndata: 3\n\n",
    'event: brand.new\ndata: "text"\n\n',
    "event: filters_changed\n\n" + PARTS["delete"],
    'event: delete\ndata: "12"\n\n',
    PARTS["delete"] + "event: update\ndata: {broken\n\n" + PARTS["delete"],  # malformed known
    PARTS["delete"] + "event: brand.new\ndata: not json\n\n" + PARTS["delete"],  # malformed unknown
    "event: update\n\n",  # an event without data
    'data: {"id": "1"}\n\n',  # data without an event name
    "retry: 100\nid: 4\n" + PARTS["update"],  # fields a Mastodon client ignores
    f"data: {STATUS}\nevent: update\n\n",  # the fields in the other order
    'event: blahblah\ndata: {"id": "3"}\n\n',  # an event with a handler the library does not know
    'event: update\ndata: {"id": "1", "content": "h\u00e9llo \u2713"}\n\n',  # UTF-8
    PARTS["delete"] + 'event: update\ndata: {"id": "1", "content": "\udcff"}\n\n',  # not UTF-8
    ":a\n:b\n\n:c\n",  # heartbeats only
]
FEED_KINDS = ["plain", "for_stream", "any_event", "override", "callback"]


def same_in_both(oracle: Oracle, function: str, *args: Any) -> Any:
    mine = run_here("streams", function, *args)
    theirs = oracle.call("streams", function, *args)
    assert mine == theirs
    return mine


@pytest.mark.parametrize("split", ["bytes", "whole", 7])
@pytest.mark.parametrize("kind", FEED_KINDS)
def test_every_order_of_events_and_heartbeats(oracle: Oracle, kind: str, split: Any) -> None:
    results = same_in_both(oracle, "feed_calls", kind, PERMUTATIONS, split)
    assert len(PERMUTATIONS) == 60  # 5!/2!: the two heartbeats are alike
    for body, (calls, ended) in zip(PERMUTATIONS, results):
        assert ended == ["returned", None]
        if kind != "callback":  # callback listeners have no heartbeat callback
            assert sum(call == ["handle_heartbeat"] for call in calls) == 2, body


@pytest.mark.parametrize("split", ["bytes", "whole"])
@pytest.mark.parametrize("kind", FEED_KINDS)
def test_mixed_feeds(oracle: Oracle, kind: str, split: Any) -> None:
    results = same_in_both(oracle, "feed_calls", kind, MIXED, split)
    endings: List[Any] = [ended for _, ended in results]
    assert ["raised", "MastodonMalformedEventError"] in endings
    assert ["returned", None] in endings


@pytest.mark.parametrize("kind", ["plain", "any_event", "override", "duck", "callback"])
def test_blocking_stream_user_returns_at_a_clean_end(oracle: Oracle, kind: str) -> None:
    body = ":)\n\n" + PERMUTATIONS[0] + PARTS["update"][:-1]  # the last event is unfinished
    calls, ended, paths = same_in_both(oracle, "stream_user_calls", kind, body)
    assert ended == ["returned", None] and paths == ["/api/v1/streaming/user"]
    assert calls  # the listener (or its handle_stream) was called
