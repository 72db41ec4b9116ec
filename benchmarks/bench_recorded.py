#!/usr/bin/env python3
"""What the library costs on recorded Mastodon traffic, as ratios against plain requests + json.

Run by hand from the repository root (not part of the test suite)::

    .venv/bin/python benchmarks/bench_recorded.py [--calls 200] [--warmup 20]
        [--events 500] [--rounds 61] [--imports 9] [--only rest|stream|memory|import]

The payloads are real answers of Mastodon servers, kept in
``tests/fixtures/recorded/`` (see its README for their origin and licence).
A keep-alive HTTP/1.1 server in its own process on 127.0.0.1 answers with
them, with the headers of a real mastodon.social answer and a ``Link`` header
as Mastodon sends it. The library and the floor take turns, call for call, so
that background load hits both alike, and the REST cases take turns in ten
blocks of calls; each line gives the median per call of both, their ratio,
and the median of the per-pair ratios.

* REST: ``timeline_home(limit=40)``, ``account_followers(id, limit=80)``,
  ``status(id)`` and ``notifications(limit=40)``, each against
  ``requests.Session().get(...).json()`` of the same URL.
* Streaming: the recorded ``update`` events repeated ``--events`` times,
  through a ``StreamListener`` (framing, parsing, decoding, dispatch), against
  reading the same body, splitting the SSE text by hand and ``json.loads`` of
  each event's data.
* Memory: bytes kept per status (tracemalloc) by ``decode()``-d statuses, as
  returned and after every field was read, against the plain dicts of
  ``json.loads``.
* Import: ``import mastodon`` and ``from mastodon import Mastodon`` against
  ``import requests``, each in a fresh interpreter (time of the import
  statement alone, with cached bytecode as an installed package has it), in
  turn.
"""
from __future__ import annotations

import argparse
import gc
import io
import itertools
import json
import os
import socket
import socketserver
import statistics
import subprocess
import sys
import threading
import time
import tracemalloc
from typing import Any, Callable, Dict, List, Optional, Tuple

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
PAYLOADS = os.path.join(ROOT, "tests", "fixtures", "recorded")

#: Each case's goal as a ratio (None: measured for information).
TARGETS: Dict[str, Optional[float]] = {
    "timeline_home(limit=40)": 1.15, "account_followers(limit=80)": 1.10, "status(id)": 1.05,
    "notifications(limit=40)": 1.15, "stream update events": 1.30, "memory per status": 1.05,
    "import mastodon": 1.15, "from mastodon import Mastodon": None}

#: The REST cases take turns in this many blocks of their calls.
REST_BLOCKS = 10

#: path on the server -> (payload file, whether the answer is a page with a Link header)
ROUTES = {
    "/api/v1/timelines/home": ("timeline_home_40.json", True),
    "/api/v1/accounts/1/followers": ("followers_80.json", True),
    "/api/v1/statuses/117020583223442465": ("status.json", False),
    "/api/v1/notifications": ("notifications_40.json", True),
}


def read_payload(name: str) -> bytes:
    with open(os.path.join(PAYLOADS, name), "rb") as handle:
        return handle.read()


# --------------------------------------------------------------------------- the server process

def link_header(base: str, path: str, items: List[Dict[str, Any]], limit: int) -> str:
    """A Link header as Mastodon sends it: next below the last id, prev above the first."""
    url = base + path
    return (f'<{url}?limit={limit}&max_id={items[-1]["id"]}>; rel="next", '
            f'<{url}?limit={limit}&min_id={items[0]["id"]}>; rel="prev"')


class _PayloadHandler(socketserver.BaseRequestHandler):
    """Answers each GET on a keep-alive connection with one prepared write."""

    server: "_PayloadServer"

    def handle(self) -> None:
        sock = self.request
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        pending = b""
        while True:
            while b"\r\n\r\n" not in pending:
                chunk = sock.recv(65536)
                if not chunk:
                    return
                pending += chunk
            head, pending = pending.split(b"\r\n\r\n", 1)
            target = head.split(b" ", 2)[1].decode("ascii")
            sock.sendall(self.server.answer(target.split("?", 1)[0]))


class _PayloadServer(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _PayloadHandler)
        self.url = f"http://127.0.0.1:{self.server_address[1]}"
        recorded = json.loads(read_payload("response_headers.json"))
        self.headers = [(name, value) for name, value in recorded if name.lower() not in
                        ("content-length", "transfer-encoding", "connection",
                         "x-ratelimit-limit", "x-ratelimit-remaining")]
        self.routes: Dict[str, Tuple[bytes, List[Tuple[str, str]]]] = {}
        for path, (name, paged) in ROUTES.items():
            body = read_payload(name)
            extra = []
            if paged:
                items = json.loads(body)
                extra.append(("Link", link_header(self.url, path, items, len(items))))
            self.routes[path] = (body, extra)
        # Mastodon counts requests down in windows of five minutes; the window here is
        # large enough for any run, so that the client never has to wait
        self.remaining = itertools.count(10 ** 7, -1)
        self.reset = time.strftime("%Y-%m-%dT%H:%M:%S.000Z", time.gmtime(time.time() + 3600))

    def answer(self, path: str) -> bytes:
        body, extra = self.routes.get(path, (b'{"error":"Record not found"}', []))
        status = "200 OK" if path in self.routes else "404 Not Found"
        lines = [f"HTTP/1.1 {status}", *(f"{k}: {v}" for k, v in self.headers + extra),
                 f"x-ratelimit-limit: {10 ** 7}", f"x-ratelimit-remaining: {next(self.remaining)}",
                 f"x-ratelimit-reset: {self.reset}", f"Content-Length: {len(body)}", "", ""]
        return "\r\n".join(lines).encode("latin-1") + body


def serve() -> None:
    """Child process: print the server's URL, then serve the payloads until stdin closes."""
    server = _PayloadServer()
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(server.url, flush=True)
    sys.stdin.read()
    server.shutdown()


def start_server() -> Tuple["subprocess.Popen[str]", str]:
    child = subprocess.Popen([sys.executable, os.path.abspath(__file__), "--serve"],
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert child.stdout is not None
    url = child.stdout.readline().strip()
    if not url.startswith("http://127.0.0.1:"):
        child.kill()
        raise RuntimeError(f"the payload server did not start (it said {url!r})")
    return child, url


# --------------------------------------------------------------------------- measuring

def timed(func: Callable[[], Any]) -> float:
    start = time.perf_counter()
    func()
    return time.perf_counter() - start


Times = Tuple[List[float], List[float]]


def alternate(library: Callable[[], Any], floor: Callable[[], Any], calls: int,
              times: Times) -> None:
    """Time ``calls`` pairs, which of the two goes first alternating; appended to ``times``."""
    lib_times, floor_times = times
    for index in range(calls):
        if index % 2:
            floor_times.append(timed(floor))
            lib_times.append(timed(library))
        else:
            lib_times.append(timed(library))
            floor_times.append(timed(floor))


def summary(times: Times) -> Tuple[float, float, float]:
    """(library median, floor median, median of the per-pair ratios)."""
    lib_times, floor_times = times
    pair_ratios = [lib / plain for lib, plain in zip(lib_times, floor_times)]
    return statistics.median(lib_times), statistics.median(floor_times), \
        statistics.median(pair_ratios)


def paired(library: Callable[[], Any], floor: Callable[[], Any], calls: int,
           warmup: int) -> Tuple[float, float, float]:
    """:func:`summary` of ``calls`` pairs in alternation, after ``warmup`` untimed ones."""
    for _ in range(warmup):
        library()
        floor()
    times: Times = ([], [])
    alternate(library, floor, calls, times)
    return summary(times)


def report(name: str, lib: float, floor: float, pair_ratio: float, unit: str = "ms") -> None:
    ratio = lib / floor
    target = TARGETS[name]
    verdict = ("(no target)" if target is None else
               f"{'within' if ratio <= target else 'OVER'} the {target:.2f}x target")
    scale = 1000 if unit == "ms" else 1
    print(f"{name:28s} {lib * scale:9.3f} vs {floor * scale:9.3f} {unit}  ratio {ratio:5.3f}x "
          f"(pairs {pair_ratio:5.3f}x)  {verdict}")


def bench_rest(calls: int, warmup: int) -> None:
    import requests

    from mastodon import Mastodon

    child, url = start_server()
    try:
        api = Mastodon(access_token="x", api_base_url=url)
        session = requests.Session()
        auth = {"Authorization": "Bearer x"}
        cases = [
            ("timeline_home(limit=40)", lambda: api.timeline_home(limit=40),
             "/api/v1/timelines/home", {"limit": 40}),
            ("account_followers(limit=80)", lambda: api.account_followers("1", limit=80),
             "/api/v1/accounts/1/followers", {"limit": 80}),
            ("status(id)", lambda: api.status("117020583223442465"),
             "/api/v1/statuses/117020583223442465", None),
            ("notifications(limit=40)", lambda: api.notifications(limit=40),
             "/api/v1/notifications", {"limit": 40}),
        ]
        pairs = []
        for name, library, path, params in cases:
            def plain(path: str = path, params: Any = params) -> Any:
                return session.get(url + path, params=params, headers=auth).json()
            assert library(), f"{name} returned nothing"
            for _ in range(warmup):
                library()
                plain()
            pairs.append((name, library, plain))
        # the cases take turns in blocks, so that a burst of background load is shared out
        times: Dict[str, Times] = {name: ([], []) for name, _, _ in pairs}
        for block in range(REST_BLOCKS):
            share = calls // REST_BLOCKS + (block < calls % REST_BLOCKS)
            for name, library, plain in pairs:
                alternate(library, plain, share, times[name])
        for name, _, _ in pairs:
            report(name, *summary(times[name]))
    finally:
        assert child.stdin is not None
        child.stdin.close()
        child.wait(timeout=10)


def stream_body(events: int) -> bytes:
    """``events`` update events, taken in turn from the recorded user stream."""
    text = read_payload("stream_user.sse")
    updates = [block + b"\n\n" for block in text.split(b"\n\n")
               if block.startswith(b"event: update\n")]
    return b"".join(updates[index % len(updates)] for index in range(events))


def bench_stream(events: int, rounds: int) -> None:
    import requests
    from urllib3.response import HTTPResponse

    from mastodon import StreamListener
    from mastodon.streaming import consume_stream

    body = stream_body(events)
    loads = json.loads
    seen: List[Any] = []

    class Keeper(StreamListener):
        def on_update(self, status: Any) -> None:
            seen.append(status)

    listener = Keeper()

    def library() -> None:
        response = requests.Response()
        response.raw = HTTPResponse(body=io.BytesIO(body), preload_content=False)
        consume_stream(listener, response)
        assert len(seen) == events
        seen.clear()

    def floor() -> None:
        raw = HTTPResponse(body=io.BytesIO(body), preload_content=False)
        pending = b""
        count = 0
        while True:
            piece = raw.read(65536)
            if not piece:
                break
            *blocks, pending = (pending + piece).split(b"\n\n")
            for block in blocks:
                for line in block.split(b"\n"):
                    if line.startswith(b"data: "):
                        seen.append(loads(line[6:]))
                        count += 1
        assert count == events
        seen.clear()

    lib, plain, pair = paired(library, floor, rounds, 2)
    report("stream update events", lib, plain, pair)


def kept_bytes(build: Callable[[], Any], copies: int = 10) -> float:
    """Bytes still allocated per result of ``build`` after it returns (mean of ``copies``)."""
    gc.collect()
    tracemalloc.start()
    base = tracemalloc.get_traced_memory()[0]
    kept = [build() for _ in range(copies)]
    gc.collect()
    used = tracemalloc.get_traced_memory()[0] - base
    tracemalloc.stop()
    del kept
    return used / copies


def read_everything(value: Any) -> Any:
    """Read every field of a decoded result (converting all of them); returns it."""
    if isinstance(value, dict):
        for item in value.values():
            read_everything(item)
    elif isinstance(value, list):
        for item in value:
            read_everything(item)
    return value


def bench_memory() -> None:
    from mastodon.return_types import Status
    from mastodon.types_base import PaginatableList, decode

    text = read_payload("timeline_home_40.json")
    count = len(json.loads(text))
    page_type = PaginatableList[Status]
    read_everything(decode(json.loads(text), page_type))  # build the tables first
    plain = kept_bytes(lambda: json.loads(text)) / count
    typed = kept_bytes(lambda: decode(json.loads(text), page_type)) / count
    read = kept_bytes(lambda: read_everything(decode(json.loads(text), page_type))) / count
    print(f"{'memory per status':28s} {typed:9.0f} vs {plain:9.0f} bytes  ratio "
          f"{typed / plain:5.3f}x as returned, {read / plain:5.3f}x with every field read "
          f"(target {TARGETS['memory per status']:.2f}x)")


def import_time(statement: str) -> float:
    """Seconds ``statement`` takes in a fresh interpreter that may use cached bytecode."""
    code = (f"import time; start = time.perf_counter(); {statement}; "
            "print(time.perf_counter() - start)")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True,
                         text=True, cwd=ROOT, env=env).stdout
    return float(out.strip())


def bench_import(runs: int) -> None:
    """``import mastodon`` and ``from mastodon import Mastodon`` against ``import requests``.

    Bytecode is written and used, as for an installed package (pip compiles
    it on install): one unmeasured run of each statement comes first.
    """
    statements = ["import requests", "import mastodon", "from mastodon import Mastodon"]
    for statement in statements:
        import_time(statement)
    times: Dict[str, List[float]] = {statement: [] for statement in statements}
    for _ in range(runs):  # in turn, so that background load hits all alike
        for statement in statements:
            times[statement].append(import_time(statement))
    floor = times.pop("import requests")
    for statement, measured in times.items():
        pairs = statistics.median(m / r for m, r in zip(measured, floor))
        report(statement, statistics.median(measured), statistics.median(floor), pairs)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--calls", type=int, default=200)
    parser.add_argument("--warmup", type=int, default=20)
    parser.add_argument("--events", type=int, default=500, help="update events per round")
    parser.add_argument("--rounds", type=int, default=61, help="rounds of the stream benchmark")
    parser.add_argument("--imports", type=int, default=9)
    parser.add_argument("--only", choices=("rest", "stream", "memory", "import"))
    parser.add_argument("--serve", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        serve()
        return 0
    sys.path.insert(0, ROOT)
    print(f"python {sys.version.split()[0]}, payloads from {os.path.relpath(PAYLOADS, ROOT)}, "
          f"{args.calls} calls per REST case after {args.warmup} warm-up calls")
    if args.only in (None, "rest"):
        bench_rest(args.calls, args.warmup)
    if args.only in (None, "stream"):
        bench_stream(args.events, args.rounds)
    if args.only in (None, "memory"):
        bench_memory()
    if args.only in (None, "import"):
        bench_import(args.imports)
    return 0


if __name__ == "__main__":
    sys.exit(main())
