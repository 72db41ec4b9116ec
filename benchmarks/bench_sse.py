#!/usr/bin/env python3
"""Events per second parsed from a long SSE body, against ``json.loads`` of the same payloads.

Run by hand from the repository root (not part of the test suite)::

    .venv/bin/python benchmarks/bench_sse.py [--events 20000] [--rounds 5] [--piece 65536] [--profile]

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
* ``hand split + json.loads``: the floor of the stream benchmark of
  ``bench_recorded.py``: the body split at empty lines by hand, ``json.loads``
  of each ``data:`` line;
* ``listener path``: what a stream does per event: framing, ``json.loads``,
  decoding into ``Status`` and dispatch to a listener's ``on_update``
  (target: at most 1.20x the hand split).

``--profile`` runs the listener path once under ``cProfile`` instead and
prints where its time goes.
"""
from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import pstats
import statistics
import sys
import time
from typing import Any, Callable, List, Tuple

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))

import requests  # noqa: E402
from urllib3.response import HTTPResponse  # noqa: E402

from mastodon import return_types as rt  # noqa: E402
from mastodon._streaming.sse import SSEParser  # noqa: E402
from mastodon.streaming import StreamListener, consume_stream, decode_payload  # noqa: E402
from mastodon.types_base import decode  # noqa: E402

TARGET_RATIO = 2.0
LISTENER_TARGET = 1.20  # listener path against the hand split


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


def timed(cases: List[Tuple[str, Callable[[], Any]]], rounds: int) -> List[Tuple[str, float]]:
    """Median time of each case; the cases take turns, round after round (the first moves on
    every round), so that a burst of background load is shared out between them."""
    times: List[List[float]] = [[] for _ in cases]
    for round_ in range(rounds):
        for offset in range(len(cases)):
            index = (round_ + offset) % len(cases)
            started = time.perf_counter()
            cases[index][1]()
            times[index].append(time.perf_counter() - started)
    return [(name, statistics.median(spent)) for (name, _), spent in zip(cases, times)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=20000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--piece", type=int, default=65536)
    parser.add_argument("--profile", action="store_true", help="profile the listener path")
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

    def hand_split() -> None:
        raw = HTTPResponse(body=io.BytesIO(body), preload_content=False)
        pending = b""
        while True:
            piece = raw.read(args.piece)
            if not piece:
                break
            *blocks, pending = (pending + piece).split(b"\n\n")
            for block in blocks:
                for line in block.split(b"\n"):
                    if line.startswith(b"data: {"):
                        loads(line[6:])

    class Quiet(StreamListener):
        def on_update(self, status: Any) -> None:
            pass

    listener = Quiet()

    def listener_path() -> None:
        response = requests.Response()
        response.raw = HTTPResponse(body=io.BytesIO(body), preload_content=False)
        consume_stream(listener, response)

    if args.profile:
        listener_path()  # warm up the converter tables
        profiler = cProfile.Profile()
        profiler.runcall(listener_path)
        pstats.Stats(profiler).sort_stats("tottime").print_stats(25)
        return

    decode_payload("update", payloads[0])  # build the converter tables before timing
    results = timed([
        ("json.loads (floor)", floor),
        ("SSEParser + json.loads", framing_and_json),
        ("SSEParser alone", framing_only),
        ("json.loads + decode (floor)", typed_floor),
        ("hand split + json.loads", hand_split),
        ("listener path", listener_path),
    ], args.rounds)
    floor_time = results[0][1]
    print(f"{count} events ({len(payloads)} statuses), {len(body) / 1e6:.1f} MB, "
          f"{len(pieces)} pieces of {args.piece} bytes, median of {args.rounds} rounds")
    for name, seconds in results:
        print(f"  {name:30s} {seconds * 1000:8.1f} ms  {count / seconds:10.0f} events/s  "
              f"{seconds / floor_time:5.2f}x floor")
    ratio = results[1][1] / floor_time
    typed_ratio = results[5][1] / results[3][1]
    listener_ratio = results[5][1] / results[4][1]
    print(f"SSE parse vs json.loads: {ratio:.2f}x (target <= {TARGET_RATIO}x): "
          f"{'OK' if ratio <= TARGET_RATIO else 'MISSED'}")
    print(f"listener path vs json.loads + decode: {typed_ratio:.2f}x")
    print(f"listener path vs hand split + json.loads: {listener_ratio:.2f}x "
          f"(target <= {LISTENER_TARGET}x): {'OK' if listener_ratio <= LISTENER_TARGET else 'MISSED'}")


if __name__ == "__main__":
    main()
