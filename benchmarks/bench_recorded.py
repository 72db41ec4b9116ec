#!/usr/bin/env python3
"""What the library costs on recorded Mastodon traffic, as ratios against plain requests + json.

Run by hand from the repository root (not part of the test suite)::

    .venv/bin/python benchmarks/bench_recorded.py [--calls 200] [--warmup 20]
        [--events 500] [--rounds 61] [--imports 9] [--only rest|stream|memory|import]
        [--repeat N]

Every case is measured for each JSON parser the library can use: ``json``
(the standard library) and, when the ``speed`` extra is installed,
``orjson``. The parser is switched in the same process
(:func:`mastodon._core.jsonparse.use`), so that the two library paths and
the floor take turns call for call and background load hits all three alike.

The payloads are real answers of Mastodon servers, kept in
``tests/fixtures/recorded/`` (see its README for their origin and licence).
A keep-alive HTTP/1.1 server in its own process on 127.0.0.1 answers with
them, with the headers of a real mastodon.social answer and a ``Link`` header
as Mastodon sends it. The REST cases take turns in ten blocks of calls; each
line gives the median per call of the library and of the floor and their
ratio.

* REST: ``timeline_home(limit=40)``, ``account_followers(id, limit=80)``,
  ``status(id)`` and ``notifications(limit=40)`` (for information), each
  against ``requests.Session().get(...).json()`` of the same URL.
* Streaming: the recorded ``update`` events repeated ``--events`` times,
  through a ``StreamListener`` (framing, parsing, decoding, dispatch), against
  reading the same body, splitting the SSE text by hand and ``json.loads`` of
  each event's data.
* Memory: bytes kept per status (tracemalloc) by ``decode()``-d statuses, as
  returned and after every field was read, against the plain dicts of
  ``json.loads``.
* Import: ``from mastodon import Mastodon`` against ``import requests``, each
  in a fresh interpreter (time of the import statement alone, with cached
  bytecode as an installed package has it), in turn. orjson is not imported
  then, so the figure holds for both parsers.

``--clock cpu`` times the CPU time of the measuring process instead of the
wall-clock time: on a busy machine it leaves out the waits for a free core,
which fall on the library and the floor unevenly (it also leaves out the
server's time, so the REST ratios lie further from 1 than wall-clock ones).

``--repeat N`` runs the whole benchmark N times, each in a fresh process, and
prints the lowest, median and highest of each ratio.
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

#: The goals of issue 26, per JSON parser: (standard library, with the speed extra).
#: None: measured for information.
TARGETS: Dict[str, Tuple[Optional[float], Optional[float]]] = {
    "timeline_home(limit=40)": (1.10, 0.90),
    "account_followers(limit=80)": (0.90, 0.80),
    "status(id)": (1.00, 1.00),
    "notifications(limit=40)": (None, None),
    "stream update events": (1.20, 1.00),
    "memory per status": (1.02, 1.02),
    "memory, every field read": (None, None),
    "from mastodon import Mastodon": (1.15, 1.15),
}
PARSERS = ("json", "orjson")

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

def available_parsers() -> List[str]:
    """The JSON parsers the library can use here (orjson only with the speed extra)."""
    from mastodon._core import jsonparse
    found = []
    for name in PARSERS:
        try:
            jsonparse.parser(name)
        except ImportError:
            continue
        found.append(name)
    return found


def with_parser(name: str, func: Callable[[], Any]) -> Callable[[], Any]:
    """``func``, run with the library parsing JSON with the parser ``name``."""
    from mastodon._core import jsonparse

    def run() -> Any:
        jsonparse.use(name)
        return func()
    return run


#: What is timed: "wall" (time.perf_counter) or "cpu" (time.process_time, the CPU time of
#: the measuring process alone: on a busy machine it leaves out waiting for a core).
CLOCKS = {"wall": "perf_counter", "cpu": "process_time"}
clock: Callable[[], float] = time.perf_counter


def timed(func: Callable[[], Any]) -> float:
    start = clock()
    func()
    return clock() - start


def take_turns(funcs: Dict[str, Callable[[], Any]], calls: int,
               times: Dict[str, List[float]], collect: bool = False) -> None:
    """Time ``calls`` rounds of every function, in each order by turns.

    Every function goes first, and follows each of the others, equally
    often. With ``collect``, the garbage collector runs (untimed) before each
    call, so that no call pays for collecting what the one before it left.
    """
    orders = list(itertools.permutations(funcs))
    for index in range(calls):
        for name in orders[index % len(orders)]:
            if collect:
                gc.collect()
            times[name].append(timed(funcs[name]))


#: case -> parser -> [ratio of the medians, ratio of the fastest]
Results = Dict[str, Dict[str, List[float]]]


def record(results: Results, name: str, parser: str, lib: List[float], floor: List[float],
           unit: str = "ms") -> None:
    """Print one line and keep its ratios in ``results``.

    The goal is on the ratio of the medians; the ratio of the fastest
    measurements of each side is printed too, as it is the less disturbed by
    background load.
    """
    ratio = statistics.median(lib) / statistics.median(floor)
    fastest = min(lib) / min(floor)
    results.setdefault(name, {})[parser] = [ratio, fastest]
    target = TARGETS[name][PARSERS.index(parser)]
    verdict = ("" if target is None else
               f"{'meets' if ratio <= target else 'MISSES'} the {target:.2f}x goal")
    scale = 1000 if unit == "ms" else 1
    print(f"{name:30s} {parser:6s} {statistics.median(lib) * scale:9.3f} vs "
          f"{statistics.median(floor) * scale:9.3f} {unit}  ratio {ratio:6.3f}x "
          f"(fastest {fastest:6.3f}x)  {verdict}", flush=True)


def bench_rest(calls: int, warmup: int, parsers: List[str], results: Results) -> None:
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
        turns = []
        for name, library, path, params in cases:
            def plain(path: str = path, params: Any = params) -> Any:
                return session.get(url + path, params=params, headers=auth).json()
            funcs = {parser: with_parser(parser, library) for parser in parsers}
            funcs["floor"] = plain
            for func in funcs.values():
                assert func(), f"{name} returned nothing"
            for _ in range(warmup):
                for func in funcs.values():
                    func()
            turns.append((name, funcs))
        # the cases take turns in blocks, so that a burst of background load is shared out
        times = {name: {key: [] for key in funcs} for name, funcs in turns}
        for block in range(REST_BLOCKS):
            share = calls // REST_BLOCKS + (block < calls % REST_BLOCKS)
            for name, funcs in turns:
                take_turns(funcs, share, times[name])
        for name, _ in turns:
            for parser in parsers:
                record(results, name, parser, times[name][parser], times[name]["floor"])
        session.close()
        api.session.close()
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


def bench_stream(events: int, rounds: int, parsers: List[str], results: Results) -> None:
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

    funcs = {parser: with_parser(parser, library) for parser in parsers}
    funcs["floor"] = floor
    for _ in range(2):
        for func in funcs.values():
            func()
    times: Dict[str, List[float]] = {key: [] for key in funcs}
    take_turns(funcs, rounds, times, collect=True)
    for parser in parsers:
        record(results, "stream update events", parser, times[parser], times["floor"])


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


def bench_memory(parsers: List[str], results: Results) -> None:
    from mastodon._core import jsonparse
    from mastodon.return_types import Status
    from mastodon.types_base import PaginatableList, decode

    text = read_payload("timeline_home_40.json")
    count = len(json.loads(text))
    page_type = PaginatableList[Status]
    read_everything(decode(json.loads(text), page_type))  # build the tables first
    plain = kept_bytes(lambda: json.loads(text)) / count
    for parser in parsers:
        parse = jsonparse.parser(parser)
        typed = kept_bytes(lambda: decode(parse(text), page_type)) / count
        read = kept_bytes(lambda: read_everything(decode(parse(text), page_type))) / count
        record(results, "memory per status", parser, [typed], [plain], "bytes")
        record(results, "memory, every field read", parser, [read], [plain], "bytes")


def import_time(statement: str) -> float:
    """Seconds ``statement`` takes in a fresh interpreter that may use cached bytecode."""
    now = f"time.{clock.__name__}()"
    code = f"import time; start = {now}; {statement}; print({now} - start)"
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True,
                         text=True, cwd=ROOT, env=env).stdout
    return float(out.strip())


def bench_import(runs: int, parsers: List[str], results: Results) -> None:
    """``from mastodon import Mastodon`` against ``import requests``, in turn.

    Bytecode is written and used, as for an installed package (pip compiles
    it on install): one unmeasured run of each statement comes first. The
    import does not look for orjson, so one figure serves both parsers.
    """
    statements = ["import requests", "from mastodon import Mastodon"]
    for statement in statements:
        import_time(statement)
    times: Dict[str, List[float]] = {statement: [] for statement in statements}
    for _ in range(runs):  # in turn, so that background load hits both alike
        for statement in statements:
            times[statement].append(import_time(statement))
    for parser in parsers:
        record(results, "from mastodon import Mastodon", parser,
               times["from mastodon import Mastodon"], times["import requests"])


def repeat(runs: int, argv: List[str]) -> None:
    """Run the benchmark ``runs`` times in fresh processes; lowest/median/highest ratios."""
    collected: Dict[Tuple[str, str], List[List[float]]] = {}
    for run in range(runs):
        print(f"--- run {run + 1} of {runs}", flush=True)
        done = subprocess.run([sys.executable, os.path.abspath(__file__), *argv, "--ratios"],
                              check=True, capture_output=True, text=True, cwd=ROOT)
        lines = done.stdout.splitlines()
        print("\n".join(lines[:-1]), flush=True)
        for name, ratios in json.loads(lines[-1]).items():
            for parser, pair in ratios.items():
                collected.setdefault((name, parser), []).append(pair)
    print(f"\nratios over {runs} fresh runs, lowest / median / highest: of the medians "
          "(goal), of the fastest")
    for (name, parser), pairs in collected.items():
        goal = TARGETS[name][PARSERS.index(parser)]
        medians, fastest = [pair[0] for pair in pairs], [pair[1] for pair in pairs]
        goal_text = "" if goal is None else (
            f"(<= {goal:.2f}x: {'met' if statistics.median(medians) <= goal else 'MISSED'})")
        print(f"{name:30s} {parser:6s} {spread(medians)} {goal_text:19s} {spread(fastest)}")


def spread(ratios: List[float]) -> str:
    return (f"{min(ratios):6.3f} / {statistics.median(ratios):6.3f} / "
            f"{max(ratios):6.3f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--calls", type=int, default=200)
    parser.add_argument("--warmup", type=int, default=20)
    parser.add_argument("--events", type=int, default=500, help="update events per round")
    parser.add_argument("--rounds", type=int, default=61, help="rounds of the stream benchmark")
    parser.add_argument("--imports", type=int, default=9)
    parser.add_argument("--only", choices=("rest", "stream", "memory", "import"))
    parser.add_argument("--clock", choices=sorted(CLOCKS), default="wall",
                        help="time wall-clock time (the default) or the CPU time of the process")
    parser.add_argument("--repeat", type=int, default=0,
                        help="run the whole benchmark this many times in fresh processes")
    parser.add_argument("--ratios", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--serve", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        serve()
        return 0
    global clock
    clock = getattr(time, CLOCKS[args.clock])
    if args.repeat:
        repeat(args.repeat, [
            "--calls", str(args.calls), "--warmup", str(args.warmup), "--events", str(args.events),
            "--rounds", str(args.rounds), "--imports", str(args.imports), "--clock", args.clock,
            *(["--only", args.only] if args.only else [])])
        return 0
    sys.path.insert(0, ROOT)
    parsers = available_parsers()
    print(f"python {sys.version.split()[0]}, payloads from {os.path.relpath(PAYLOADS, ROOT)}, "
          f"JSON parsers: {', '.join(parsers)}"
          f"{'' if 'orjson' in parsers else ' (orjson, the speed extra, is not installed)'}; "
          f"{args.calls} calls per REST case after {args.warmup} warm-up calls, "
          f"{args.clock} time", flush=True)
    results: Results = {}
    if args.only in (None, "rest"):
        bench_rest(args.calls, args.warmup, parsers, results)
    if args.only in (None, "stream"):
        bench_stream(args.events, args.rounds, parsers, results)
    if args.only in (None, "memory"):
        bench_memory(parsers, results)
    if args.only in (None, "import"):
        bench_import(args.imports, parsers, results)
    if args.ratios:
        print(json.dumps(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
