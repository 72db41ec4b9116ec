#!/usr/bin/env python3
"""Capture a realistic 40-status home timeline page from mastodon_mock, once.

Run by hand from the repository root (the result is committed)::

    .venv/bin/python benchmarks/capture_timeline.py

It starts the mock server (installing it into .venv-mock if needed), fills
bob's home timeline through plain ``requests`` calls with statuses that carry
images, polls, link cards, hashtags, mentions, content warnings, replies and
boosts, then saves the raw body of ``GET /api/v1/timelines/home?limit=40`` as
``fixtures/timeline_home_40.json`` and its ``Link`` header as
``fixtures/timeline_home_40.link``. The mock server's address is replaced by
``https://mastodon.example`` in both, so the files do not depend on the port.
"""
from __future__ import annotations

import importlib.util
import os
import re
import struct
import sys
import zlib
from typing import Any

import requests

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
FIXTURES = os.path.join(HERE, "fixtures")
PUBLIC_BASE = "https://mastodon.example"


def load_mock_module() -> Any:
    path = os.path.join(ROOT, "tests", "support", "mock_server.py")
    spec = importlib.util.spec_from_file_location("mock_server", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def tiny_png(width: int, height: int, rgb: bytes) -> bytes:
    """A solid-colour PNG, built by hand so no imaging library is needed."""
    def chunk(tag: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + tag + data
                + struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF))
    rows = b"".join(b"\x00" + rgb * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows))
            + chunk(b"IEND", b""))


class Actor:
    """One logged-in user talking to the mock with plain requests."""

    def __init__(self, base_url: str, token: str) -> None:
        self.base_url = base_url
        self.session = requests.Session()
        self.session.headers["Authorization"] = f"Bearer {token}"

    def call(self, method: str, path: str, **kwargs: Any) -> Any:
        reply = self.session.request(method, self.base_url + path, timeout=30, **kwargs)
        reply.raise_for_status()
        return reply.json()

    def post(self, text: str, **fields: Any) -> Any:
        return self.call("POST", "/api/v1/statuses", data={"status": text, **fields})

    def post_poll(self, text: str, options: Any, expires_in: int, multiple: bool) -> Any:
        # polls go as JSON, as Mastodon.py sends them (the mock ignores form-encoded polls)
        poll = {"options": options, "expires_in": expires_in, "multiple": multiple}
        return self.call("POST", "/api/v1/statuses", json={"status": text, "poll": poll})

    def upload(self, rgb: bytes, description: str) -> str:
        files = {"file": ("picture.png", tiny_png(64, 48, rgb), "image/png")}
        return str(self.call("POST", "/api/v2/media", files=files,
                             data={"description": description})["id"])

    def account_id(self, acct: str) -> str:
        return str(self.call("GET", "/api/v1/accounts/lookup", params={"acct": acct})["id"])


def fill(server: Any) -> Actor:
    """Create the content of bob's home timeline; returns bob."""
    alice = Actor(server.base_url, server.token("alice"))
    bob = Actor(server.base_url, server.token("bob"))
    eve = Actor(server.base_url, server.new_user("eve"))
    dave = Actor(server.base_url, server.new_user("dave"))
    for acct in ("eve", "dave"):
        bob.call("POST", f"/api/v1/accounts/{bob.account_id(acct)}/follow")
    colours = [b"\xd0\x40\x40", b"\x40\xa0\x60", b"\x30\x60\xc0", b"\xe0\xc0\x30"]
    for n in range(56):
        kind = n % 8
        if kind == 0:
            media = [alice.upload(colours[(n + k) % 4], f"Picture {n}.{k}") for k in range(2)]
            alice.post(f"Two pictures from the walk, day {n} #photography",
                       **{"media_ids[]": media})
        elif kind == 1:
            poll = eve.post_poll(f"Poll {n}: which editor do you use?",
                                 ["vim", "emacs", "something else"], 86400, n % 16 == 1)
            bob.call("POST", f"/api/v1/polls/{poll['poll']['id']}/votes",
                     json={"choices": [0] if n % 3 else [1]})
        elif kind == 2:
            dave.post(f"Worth reading, part {n}: https://example.org/articles/{n} #longread")
        elif kind == 3:
            target = eve.post(f"Small thing I made today ({n}) with @alice #making")
            bob.call("POST", f"/api/v1/statuses/{target['id']}/reblog")
        elif kind == 4:
            alice.post(f"Spoilers for episode {n}: everyone was a robot",
                       spoiler_text="TV spoilers", sensitive="true")
        elif kind == 5:
            root = alice.post(f"Question {n}: tea or coffee? @bob @dave")
            dave.post(f"Coffee, obviously ({n}) @alice", in_reply_to_id=root["id"])
        elif kind == 6:
            media = [dave.upload(colours[n % 4], "")]
            target = dave.post(f"Sunset {n}", **{"media_ids[]": media, "sensitive": "true"})
            bob.call("POST", f"/api/v1/statuses/{target['id']}/favourite")
            bob.call("POST", f"/api/v1/statuses/{target['id']}/reblog")
        else:
            bob.post(f"Quiet day number {n}. Reading https://example.net/blog/{n}",
                     language="en", visibility="unlisted")
    return bob


def main() -> int:
    mock_server = load_mock_module()
    with mock_server.MockMastodon() as server:
        bob = fill(server)
        reply = bob.session.get(server.base_url + "/api/v1/timelines/home",
                                params={"limit": 40}, timeout=30)
        reply.raise_for_status()
        port = server.port
        page = reply.json()
    local = re.compile(rf"http://(?:localhost|127\.0\.0\.1):{port}")
    body = local.sub(PUBLIC_BASE, reply.content.decode("utf-8"))
    link = local.sub(PUBLIC_BASE, reply.headers.get("Link", ""))
    os.makedirs(FIXTURES, exist_ok=True)
    with open(os.path.join(FIXTURES, "timeline_home_40.json"), "w", encoding="utf-8") as out:
        out.write(body)
    with open(os.path.join(FIXTURES, "timeline_home_40.link"), "w", encoding="utf-8") as out:
        out.write(link + "\n")
    kinds = {
        "media": sum(1 for s in page if (s.get("reblog") or s)["media_attachments"]),
        "polls": sum(1 for s in page if (s.get("reblog") or s)["poll"]),
        "cards": sum(1 for s in page if (s.get("reblog") or s)["card"]),
        "boosts": sum(1 for s in page if s.get("reblog")),
        "replies": sum(1 for s in page if s.get("in_reply_to_id")),
    }
    print(f"saved {len(page)} statuses, {len(body)} bytes; {kinds}; Link: {link[:60]}...")
    return 0


if __name__ == "__main__":
    sys.exit(main())
