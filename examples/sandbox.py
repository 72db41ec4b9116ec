#!/usr/bin/env python3
"""A Mastodon server of your own on 127.0.0.1, to try the library without an account.

    .venv/bin/python -i examples/sandbox.py

starts the local mastodon_mock server, prints its URL and the access tokens
of its users, and leaves you in the Python REPL with ``api`` logged in as
alice. The server stops when the REPL ends. Run without ``-i``, it prints the
same and keeps the server up until Ctrl-C, for use from another program.
"""
from __future__ import annotations

import atexit
import signal
import sys
import threading
from typing import Any, Tuple

from mock_helper import mock_server_module

from mastodon import Mastodon

USERS = ("alice", "bob", "carol", "admin")


def start() -> Tuple[Any, str]:
    """Start the server (stopped when Python exits), print how to reach it; (server, alice's token)."""
    module = mock_server_module()
    print("Starting the local mastodon_mock server (the first run installs it) ...")
    server = module.MockMastodon()
    atexit.register(server.stop)
    print(f"Server:  {server.base_url}")
    for user in USERS:
        print(f"Token of {user + ':':7} {module.TOKENS[user]}")
    print("Log in with:")
    print(f'    api = Mastodon(access_token="{module.TOKENS["alice"]}", '
          f'api_base_url="{server.base_url}")')
    return server, module.TOKENS["alice"]


server, token = start()
api = Mastodon(access_token=token, api_base_url=server.base_url)
atexit.register(api.close)

if sys.flags.interactive:
    print(f"Ready: api is logged in as @{api.me().acct}. Try api.toot('Hello!'). "
          "Leave with Ctrl-D.")
else:
    print("The server runs until Ctrl-C.")
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    try:
        stop.wait()
    except KeyboardInterrupt:
        pass
