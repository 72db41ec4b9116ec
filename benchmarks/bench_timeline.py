#!/usr/bin/env python3
"""Time ``timeline_home()`` against a plain ``requests`` GET of the same page.

Run by hand from the repository root (not part of the test suite)::

    .venv/bin/python benchmarks/bench_timeline.py [--calls 200] [--warmup 20]

A local HTTP/1.1 keep-alive server on 127.0.0.1 answers every request with the
captured page ``fixtures/timeline_home_40.json`` (40 statuses with media,
polls, cards and boosts) and its ``Link`` header. The server runs in its own
process, as a real one would: a server thread inside the measuring process
would compete with the client for the interpreter lock and bill its own work
to whichever client happens to be decoding. The two clients take turns, call
for call, so that background load hits both alike:

* ``Mastodon(access_token="x", api_base_url=url).timeline_home()``: request,
  typed decoding and pagination info;
* ``requests.Session().get(url).json()``: the floor (HTTP plus ``json.loads``).

It prints the median time per call of each and their ratio (target: 1.3x or less).
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from typing import Any, Callable, List, Tuple

import requests

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, ROOT)

from mastodon import Mastodon  # noqa: E402

TARGET_RATIO = 1.3


def read_fixture(name: str) -> bytes:
    with open(os.path.join(HERE, "fixtures", name), "rb") as handle:
        return handle.read()


def serve_page() -> None:
    """Child process: print the server's URL, then serve the page until stdin closes."""
    sys.path.insert(0, os.path.join(ROOT, "tests"))
    from support import fault_server
    body = read_fixture("timeline_home_40.json")
    link = read_fixture("timeline_home_40.link").decode("utf-8").strip()
    with fault_server.FaultServer() as server:
        # the captured Link header names mastodon.example; point it at this server
        server.default = fault_server.Reply(200, body, {
            "Content-Type": "application/json; charset=utf-8",
            "Link": link.replace("https://mastodon.example", server.url)})
        print(server.url, flush=True)
        sys.stdin.read()


def start_server() -> Tuple["subprocess.Popen[str]", str]:
    child = subprocess.Popen([sys.executable, os.path.abspath(__file__), "--serve"],
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert child.stdout is not None
    url = child.stdout.readline().strip()
    if not url.startswith("http://127.0.0.1:"):
        child.kill()
        raise RuntimeError(f"the page server did not start (it said {url!r})")
    return child, url


def timed(func: Callable[[], Any]) -> float:
    start = time.perf_counter()
    func()
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--calls", type=int, default=200)
    parser.add_argument("--warmup", type=int, default=20)
    parser.add_argument("--serve", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        serve_page()
        return 0

    child, url = start_server()
    try:
        api = Mastodon(access_token="x", api_base_url=url)
        session = requests.Session()
        page_url = url + "/api/v1/timelines/home"

        page = api.timeline_home()
        assert len(page) == 40, f"expected 40 statuses, got {len(page)}"
        assert page._pagination_next is not None, "the Link header did not come through"

        def library() -> Any:
            return api.timeline_home()

        def plain() -> Any:
            return session.get(page_url, headers={"Authorization": "Bearer x"}).json()

        for _ in range(args.warmup):
            library()
            plain()
        lib_times: List[float] = []
        plain_times: List[float] = []
        for _ in range(args.calls):
            lib_times.append(timed(library))
            plain_times.append(timed(plain))
    finally:
        assert child.stdin is not None
        child.stdin.close()
        child.wait(timeout=10)

    lib = statistics.median(lib_times)
    floor = statistics.median(plain_times)
    ratio = lib / floor
    size = len(read_fixture("timeline_home_40.json"))
    print(f"page: {size} bytes, 40 statuses; {args.calls} calls each after "
          f"{args.warmup} warm-up calls")
    print(f"timeline_home()                 median {lib * 1000:7.2f} ms")
    print(f"requests.Session().get().json() median {floor * 1000:7.2f} ms")
    verdict = "within" if ratio <= TARGET_RATIO else "OVER"
    print(f"ratio {ratio:.2f}x ({verdict} the {TARGET_RATIO}x target)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
