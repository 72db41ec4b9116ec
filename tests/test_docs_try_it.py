"""The "Try it without an account" page: its one command gives a server, its tokens and a REPL.

The command is read from ``docs/try_it.rst`` and run as written (with this
interpreter for ``.venv/bin/python``). While the REPL waits, this test uses
the URL and the tokens the command printed; then it types into the REPL and
leaves it, which must stop the server.
"""
from __future__ import annotations

import os
import queue
import re
import shlex
import socket
import subprocess
import sys
import threading
from pathlib import Path
from typing import Dict, List

from mastodon import Mastodon
from support.mock_server import TOKENS

ROOT = Path(__file__).resolve().parent.parent
PAGE = ROOT / "docs" / "try_it.rst"
DEADLINE = 180.0  # seconds for the server to start (it may be installed on first use)


def documented_command() -> List[str]:
    text = PAGE.read_text(encoding="utf-8")
    block = re.search(r"^\.\. code-block:: sh\n\n((?:   .*\n)+)", text, re.MULTILINE)
    assert block is not None, "no sh code block on the page"
    lines = [line.strip() for line in block[1].splitlines() if line.strip()]
    assert len(lines) == 1, "the page promises one command"
    return shlex.split(lines[0])


def _lines_of(proc: "subprocess.Popen[str]", into: "queue.Queue[str]") -> None:
    assert proc.stdout is not None
    for line in proc.stdout:
        into.put(line)
    into.put("")  # end of output


def _read_until(lines: "queue.Queue[str]", marker: str, seen: List[str]) -> None:
    while not any(marker in line for line in seen):
        line = lines.get(timeout=DEADLINE)
        assert line, "the command ended early:\n" + "".join(seen)
        seen.append(line)


def test_the_documented_command_starts_a_server_prints_tokens_and_opens_a_repl() -> None:
    command = documented_command()
    assert command[0] == ".venv/bin/python" and "-i" in command
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    proc = subprocess.Popen([sys.executable, *command[1:]], cwd=ROOT, env=env, text=True,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT)
    lines: "queue.Queue[str]" = queue.Queue()
    reader = threading.Thread(target=_lines_of, args=(proc, lines), daemon=True)
    reader.start()
    seen: List[str] = []
    try:
        _read_until(lines, "Ready:", seen)
        output = "".join(seen)
        url = re.search(r"^Server:\s+(http://127\.0\.0\.1:\d+)$", output, re.MULTILINE)
        assert url is not None, output
        tokens: Dict[str, str] = dict(re.findall(r"^Token of (\w+):\s+(\S+)$", output, re.MULTILINE))
        assert tokens == {user: TOKENS[user] for user in ("alice", "bob", "carol", "admin")}
        assert f'api = Mastodon(access_token="{tokens["alice"]}", api_base_url="{url[1]}")' \
            in output
        assert "logged in as @alice" in output

        with Mastodon(access_token=tokens["bob"], api_base_url=url[1]) as bob:
            assert bob.me().acct == "bob"
            assert bob.account_lookup("alice").acct == "alice"

        assert proc.stdin is not None
        proc.stdin.write('print("posted by", api.toot("Hello!").account.acct)\n')
        proc.stdin.close()  # end of input leaves the REPL
        assert proc.wait(timeout=DEADLINE) == 0
        reader.join(timeout=DEADLINE)
        while not lines.empty():
            seen.append(lines.get_nowait())
        assert "posted by alice" in "".join(seen)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(timeout=DEADLINE)
        for stream in (proc.stdin, proc.stdout):
            if stream is not None and not stream.closed:
                stream.close()

    port = int(url[1].rsplit(":", 1)[1])
    with socket.socket() as probe:  # leaving the REPL stopped the server
        assert probe.connect_ex(("127.0.0.1", port)) != 0
