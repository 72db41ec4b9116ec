"""Mastodon.py 2.3.3 as a black box, to compare this library with.

The oracle lives in its own virtualenv, ``<repo>/.venv-oracle`` (installed on
first use, like ``.venv-mock``; both packages are called ``mastodon``, so they
never share an environment). A worker process there imports the *probe*
modules of ``tests/support/probes/`` and answers calls over a pipe. The same
probe functions run in this process against this library, so a differential
test is::

    mine = run_here("streams", "feed_calls", listener_kind, pieces)
    theirs = oracle.call("streams", "feed_calls", listener_kind, pieces)
    assert mine == theirs

Probe functions take and return JSON values only (both sides pass their result
through JSON, so the comparison sees the same kinds of values), and import
nothing but the standard library, ``requests`` and ``mastodon``.
"""
from __future__ import annotations

import importlib
import json
import os
import select
import subprocess
import sys
import time
from pathlib import Path
from typing import Any, Dict, List, Optional

from support.mock_server import REPO, MockUnavailable, ensure_venv

ORACLE_PACKAGE = "Mastodon.py[grapheme]==2.3.3"
ORACLE_VENV = REPO / ".venv-oracle"
PROBES = Path(__file__).resolve().parent / "probes"
WORKER = Path(__file__).resolve().parent / "oracle_worker.py"
CALL_TIMEOUT = 120.0  # seconds one probe call may take in the oracle


class OracleError(RuntimeError):
    """The oracle worker failed (not the probe: a probe's exceptions come back as values)."""


def ensure_oracle_python(venv: Path = ORACLE_VENV) -> Path:
    """The interpreter of the oracle's virtualenv, installing Mastodon.py 2.3.3 if needed."""
    override = os.environ.get("MASTODON_ORACLE_PYTHON")
    if override:
        return Path(override)
    return ensure_venv(venv, ORACLE_PACKAGE) / "bin" / "python"


def _through_json(value: Any) -> Any:
    return json.loads(json.dumps(value))


def run_here(module: str, function: str, *args: Any) -> Any:
    """Run a probe function in this process, against this library."""
    if str(PROBES) not in sys.path:
        sys.path.insert(0, str(PROBES))
    probe = importlib.import_module(module)
    return _through_json(getattr(probe, function)(*_through_json(list(args))))


class Oracle:
    """A worker process running probe functions against Mastodon.py 2.3.3."""

    def __init__(self, python: Optional[Path] = None) -> None:
        python = python or ensure_oracle_python()
        # The worker starts in an empty directory with only the probes on its path:
        # this repository's ``mastodon`` must never shadow the oracle's.
        self._proc = subprocess.Popen(
            [str(python), "-I", str(WORKER), str(PROBES)],
            cwd=str(PROBES), stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=subprocess.PIPE, env={"PATH": os.environ.get("PATH", ""), "LC_ALL": "C.UTF-8"},
        )
        hello = self._read(CALL_TIMEOUT)
        if not str(hello.get("mastodon_file", "")).startswith(str(python.parent.parent)):
            self.close()
            raise OracleError(f"the oracle imported the wrong mastodon: {hello}")
        self.version: str = hello["version"]

    def call(self, module: str, function: str, *args: Any) -> Any:
        """Run ``module.function(*args)`` in the oracle and return its JSON result."""
        line = json.dumps({"module": module, "function": function, "args": list(args)})
        assert self._proc.stdin is not None
        self._proc.stdin.write(line.encode("utf-8") + b"\n")
        self._proc.stdin.flush()
        answer = self._read(CALL_TIMEOUT)
        if "failure" in answer:
            raise OracleError(f"{module}.{function} failed in the oracle:\n{answer['failure']}")
        return answer["result"]

    def _read(self, timeout: float) -> Dict[str, Any]:
        assert self._proc.stdout is not None
        deadline = time.monotonic() + timeout
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                self.close()
                raise OracleError("the oracle worker did not answer in time")
            ready, _, _ = select.select([self._proc.stdout], [], [], remaining)
            if ready:
                break
        line = self._proc.stdout.readline()
        if not line:
            err = self._proc.stderr.read().decode("utf-8", "replace") if self._proc.stderr else ""
            raise OracleError(f"the oracle worker exited:\n{err[-3000:]}")
        answer: Dict[str, Any] = json.loads(line)
        return answer

    def close(self) -> None:
        """End the worker process."""
        for stream in (self._proc.stdin, self._proc.stdout, self._proc.stderr):
            if stream is not None:
                stream.close()
        try:
            self._proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._proc.kill()
            self._proc.wait(timeout=10)


def start_oracle() -> Oracle:
    """An :class:`Oracle`, or a clear failure saying why it could not start."""
    try:
        return Oracle()
    except MockUnavailable as exc:
        raise OracleError(f"could not install {ORACLE_PACKAGE}: {exc}") from exc


__all__: List[str] = ["Oracle", "OracleError", "ORACLE_PACKAGE", "ensure_oracle_python",
                      "run_here", "start_oracle"]
