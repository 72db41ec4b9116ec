#!/usr/bin/env python3
"""Events per second parsed from a long SSE body, against ``json.loads`` of the same payloads.

Run by hand from the repository root (not part of the test suite)::

    .venv/bin/python benchmarks/bench_sse.py [--events 4000] [--rounds 5] [--piece 65536]

The body is built from the 40 real statuses of the recorded home timeline page
``tests/fixtures/recorded/timeline_home_40.json`` (media, polls, cards, boosts,
a quote; about 3.5 KB each) as Mastodon sends them: an
``update`` event per status, a ``delete`` every 10th event and a ``:thump``
heartbeat every 25th. It is cut into ``--piece``-byte pieces, as reads from
the network deliver it. Timed, median of ``--rounds`` runs:

* ``json.loads``: the floor, ``json.loads`` of each payload (no framing at all);
* ``SSEParser + json.loads``: framing the body into events, then ``json.loads``
  of each payload (target: at most 2x the floor);
* ``SSEParser`` alone: the framing cost by itself;
* ``json.loads + decode``: the floor of typed decoding (REST does the same);
* ``listener path``: what a stream does per event: framing, ``json.loads``,
  decoding into ``Status`` and dispatch to a listener.
"""
from __future__ import annotations

import argparse
import io
import json
import os
import statistics
import sys
import time
from typing import Any, Callable, List

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))

import requests  # noqa: E402
from urllib3.response import HTTPResponse  # noqa: E402

from mastodon import return_types as rt  # noqa: E402
from mastodon._streaming.sse import SSEParser  # noqa: E402
from mastodon.streaming import StreamListener, consume_stream, decode_payload  # noqa: E402
from mastodon.types_base import decode  # noqa: E402

TARGET_RATIO = 2.0


def build_body(events: int) -> tuple:
    page = os.path.join(os.path.dirname(HERE), "tests", "fixtures", "recorded",
                        "timeline_home_40.json")
    with open(page, "rb") as handle:
        statuses = json.loads(handle.read())
    pieces: List[bytes] = []
    payloads: List[bytes] = []
    for index in range(events):
        if index % 25 == 24:
            pieces.append(b":thump\n\n")
        if index % 10 == 9:
            pieces.append(b"event: delete\ndata: %d\n\n" % (110_000_000 + index))
            continue
        status = dict(statuses[index % len(statuses)], id=str(110_000_000 + index))
        payload = json.dumps(status, separators=(",", ":")).encode("utf-8")
        payloads.append(payload)
        pieces.append(b"event: update\ndata: " + payload + b"\n\n")
    return b"".join(pieces), payloads


def split(body: bytes, size: int) -> List[bytes]:
    return [body[offset:offset + size] for offset in range(0, len(body), size)]


def timed(func: Callable[[], Any], rounds: int) -> float:
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        func()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=4000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--piece", type=int, default=65536)
    args = parser.parse_args()

    body, payloads = build_body(args.events)
    pieces = split(body, args.piece)
    loads = json.loads
    count = args.events  # events in the body (updates and deletes)

    def floor() -> None:
        for payload in payloads:
            loads(payload)

    def framing_and_json() -> None:
        sse = SSEParser()
        for piece in pieces:
            for item in sse.feed(piece):
                if item is not None and item[0] == "update":
                    loads(item[1])  # type: ignore[arg-type]

    def framing_only() -> None:
        sse = SSEParser()
        for piece in pieces:
            sse.feed(piece)

    def typed_floor() -> None:
        for payload in payloads:
            decode(loads(payload), rt.Status)

    class Quiet(StreamListener):
        pass

    listener = Quiet()

    def listener_path() -> None:
        response = requests.Response()
        response.raw = HTTPResponse(body=io.BytesIO(body), preload_content=False)
        consume_stream(listener, response)

    decode_payload("update", payloads[0])  # build the converter tables before timing
    results = [
        ("json.loads (floor)", timed(floor, args.rounds)),
        ("SSEParser + json.loads", timed(framing_and_json, args.rounds)),
        ("SSEParser alone", timed(framing_only, args.rounds)),
        ("json.loads + decode (floor)", timed(typed_floor, args.rounds)),
        ("listener path", timed(listener_path, args.rounds)),
    ]
    floor_time = results[0][1]
    print(f"{count} events ({len(payloads)} statuses), {len(body) / 1e6:.1f} MB, "
          f"{len(pieces)} pieces of {args.piece} bytes, median of {args.rounds} rounds")
    for name, seconds in results:
        print(f"  {name:30s} {seconds * 1000:8.1f} ms  {count / seconds:10.0f} events/s  "
              f"{seconds / floor_time:5.2f}x floor")
    ratio = results[1][1] / floor_time
    typed_ratio = results[4][1] / results[3][1]
    print(f"SSE parse vs json.loads: {ratio:.2f}x (target <= {TARGET_RATIO}x): "
          f"{'OK' if ratio <= TARGET_RATIO else 'MISSED'}")
    print(f"listener path vs json.loads + decode: {typed_ratio:.2f}x")


if __name__ == "__main__":
    main()
