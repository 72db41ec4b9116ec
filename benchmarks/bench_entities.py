#!/usr/bin/env python3
"""Decode speed and memory of typed entities versus plain ``json.loads`` output.

Run by hand from the repository root::

    .venv/bin/python benchmarks/bench_entities.py [--repeat N]

Input: ``benchmarks/fixtures/timeline_home_40.json`` (a home timeline page of
40 statuses) when present; otherwise 40 statuses built from the hand-written
fixtures in ``tests/fixtures/entities/`` (a rich status, a boost with a quote
and a reply), each with its own ids and text.

Reports, per page of 40 statuses:

* time of ``json.loads`` alone, and of the library's parse (``parse_json``)
  + decoding to ``PaginatableList[Status]`` (best of N runs);
* memory kept per status (tracemalloc) by the plain dicts from ``json.loads``
  and by the typed objects after the parsed dicts are dropped, and their ratio.
"""
from __future__ import annotations

import argparse
import gc
import json
import os
import sys
import time
import tracemalloc
from typing import Any, Callable, List, Tuple

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, ROOT)

from mastodon.return_types import Status  # noqa: E402
from mastodon.types_base import PaginatableList, decode, parse_json  # noqa: E402

PAGE_TYPE = PaginatableList[Status]


def load_page_text() -> Tuple[str, str]:
    """The JSON text of a 40-status page, and where it came from."""
    timeline = os.path.join(HERE, "fixtures", "timeline_home_40.json")
    if os.path.exists(timeline):
        with open(timeline, encoding="utf-8") as handle:
            return handle.read(), timeline
    fixtures = os.path.join(ROOT, "tests", "fixtures", "entities")
    samples = []
    for name in ("status.json", "status_reblog.json", "notification_mention.json"):
        with open(os.path.join(fixtures, name), encoding="utf-8") as handle:
            data = json.load(handle)
        samples.append(data.get("status", data))
    page = []
    for index in range(40):
        text = json.dumps(samples[index % len(samples)])
        # own ids and text for each status, as in a real page
        text = text.replace("1139944", f"11399{index:02d}").replace("Spotted", f"Spotted #{index}")
        page.append(json.loads(text))
    return json.dumps(page), "tests/fixtures/entities (40 statuses built from 3 samples)"


def best_time(func: Callable[[], Any], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        best = min(best, time.perf_counter() - start)
    return best


def kept_bytes(build: Callable[[], Any], copies: int = 20) -> float:
    """Bytes still allocated per built object after ``build`` returns (mean of ``copies``)."""
    gc.collect()
    tracemalloc.start()
    base = tracemalloc.get_traced_memory()[0]
    kept: List[Any] = [build() for _ in range(copies)]
    gc.collect()
    used = tracemalloc.get_traced_memory()[0] - base
    tracemalloc.stop()
    del kept
    return used / copies


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=200, help="timing runs (best is kept)")
    args = parser.parse_args()

    text, source = load_page_text()
    count = len(json.loads(text))
    decode(parse_json(text), PAGE_TYPE)  # build the decoders once

    t_loads = best_time(lambda: json.loads(text), args.repeat)
    t_typed = best_time(lambda: decode(parse_json(text), PAGE_TYPE), args.repeat)
    parsed = [parse_json(text) for _ in range(args.repeat)]
    t_decode = best_time(lambda: decode(parsed.pop(), PAGE_TYPE), args.repeat)

    m_plain = kept_bytes(lambda: json.loads(text)) / count
    m_typed = kept_bytes(lambda: decode(parse_json(text), PAGE_TYPE)) / count

    print(f"input: {source} ({count} statuses, {len(text)} bytes of JSON)")
    print(f"python {sys.version.split()[0]}")
    print(f"json.loads alone          {t_loads * 1e3:8.3f} ms")
    print(f"parse_json + typed decode {t_typed * 1e3:8.3f} ms  ({t_typed / t_loads:.2f}x)")
    print(f"typed decode alone        {t_decode * 1e3:8.3f} ms  "
          f"({t_decode / t_loads:.2f}x json.loads)")
    print(f"memory per status, plain dicts  {m_plain:9.0f} bytes")
    print(f"memory per status, typed        {m_typed:9.0f} bytes  ({m_typed / m_plain:.3f}x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
