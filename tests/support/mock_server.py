"""Run mastodon_mock (a fake Mastodon server) in its own process for tests and examples.

The server is installed by the project itself: unless ``MASTODON_MOCK_BIN``
names an executable, :func:`ensure_mock_bin` creates ``<repo>/.venv-mock``
and installs ``mastodon_mock`` there. It is kept out of the test venv on
purpose: its optional test extra would pull in another ``mastodon`` package,
and it registers a pytest plugin.

This module needs only the standard library, so ``examples/tour.py`` can load
it by path.

    with MockMastodon() as server:
        server.reset()
        token = server.new_user("eve")
"""
from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any, Callable, Dict, Optional

REPO = Path(__file__).resolve().parents[2]
MOCK_PACKAGE = "mastodon_mock==0.6.1"
MOCK_VENV = REPO / ".venv-mock"
INSTALL_TIMEOUT = 600.0  # seconds for creating the venv and installing into it
START_TIMEOUT = 60.0  # seconds from spawn until /health answers (usually 2-4 s)

# The seeded users and their tokens; "root" is the admin account.
TOKENS: Dict[str, str] = {
    "alice": "alice_token",
    "bob": "bob_token",
    "carol": "carol_token",
    "admin": "admin_token",
    "root": "admin_token",
}

SEED_CONFIG = """\
media_storage_path = {media}

[streaming]
heartbeat_seconds = 0.5

[[seed.accounts]]
username = "alice"
access_token = "alice_token"

[[seed.accounts]]
username = "bob"
access_token = "bob_token"

[[seed.accounts]]
username = "carol"
locked = true
access_token = "carol_token"

[[seed.accounts]]
username = "root"
role = "admin"
email = "root@mock.local"
access_token = "admin_token"

[[seed.follows]]
follower = "bob"
following = "alice"
"""


class MockUnavailable(RuntimeError):
    """A test server or tool could not be installed or started."""


# ---------------------------------------------------------------- installation

def ensure_mock_bin(venv: Path = MOCK_VENV, timeout: float = INSTALL_TIMEOUT) -> Path:
    """Path of the ``mastodon_mock`` executable, installing it into ``venv`` if needed."""
    override = os.environ.get("MASTODON_MOCK_BIN")
    if override:
        return Path(override)
    return ensure_venv(venv, MOCK_PACKAGE, _python_for_mock, timeout) / "bin" / "mastodon_mock"


def ensure_venv(venv: Path, requirement: str,
                python: Callable[[], str] = lambda: sys.executable,
                timeout: float = INSTALL_TIMEOUT) -> Path:
    """``venv``, a virtualenv holding ``requirement``, made and installed if it is not yet.

    A stamp file inside the venv says the install finished; a lock file beside it
    keeps two processes from installing at once.
    """
    stamp = venv / "installed.txt"
    if _stamped(stamp, requirement):
        return venv
    deadline = time.monotonic() + timeout
    with _FileLock(venv.with_name(venv.name + ".lock"), deadline):
        if not _stamped(stamp, requirement):  # another process may have finished meanwhile
            _install(venv, requirement, python(), deadline)
            stamp.write_text(requirement, encoding="utf-8")
    return venv


def _stamped(stamp: Path, requirement: str) -> bool:
    try:
        return stamp.read_text(encoding="utf-8") == requirement
    except OSError:
        return False


def _install(venv: Path, requirement: str, python: str, deadline: float) -> None:
    steps = [
        [python, "-m", "venv", "--clear", str(venv)],
        [str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet",
         "--disable-pip-version-check", requirement],
    ]
    for step in steps:
        remaining = deadline - time.monotonic()
        try:
            done = subprocess.run(step, capture_output=True, text=True,
                                  timeout=max(remaining, 1.0), check=False)
        except subprocess.TimeoutExpired as exc:
            raise MockUnavailable(f"timed out: {' '.join(step)}") from exc
        if done.returncode != 0:
            raise MockUnavailable(f"failed: {' '.join(step)}\n{done.stderr[-2000:]}")


def _python_for_mock() -> str:
    """An interpreter new enough for mastodon_mock (it needs Python 3.10 or later)."""
    if sys.version_info >= (3, 10):
        return sys.executable
    for name in ("python3.13", "python3.12", "python3.11", "python3.10", "python3"):
        found = shutil.which(name)
        if found and _is_at_least_310(found):
            return found
    raise MockUnavailable("mastodon_mock needs Python >= 3.10 and none was found on PATH")


def _is_at_least_310(python: str) -> bool:
    probe = subprocess.run([python, "-c", "import sys; print(sys.version_info >= (3, 10))"],
                           capture_output=True, text=True, timeout=30, check=False)
    return probe.stdout.strip() == "True"


class _FileLock:
    """An exclusive lock on a file, so that two processes never install at once."""

    def __init__(self, path: Path, deadline: float) -> None:
        self.path = path
        self.deadline = deadline
        self.handle: Any = None

    def __enter__(self) -> "_FileLock":
        try:
            import fcntl
        except ImportError:  # not POSIX: go without the lock
            return self
        self.handle = open(self.path, "a+")
        while True:
            try:
                fcntl.flock(self.handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                return self
            except BlockingIOError:
                if time.monotonic() > self.deadline:
                    self.handle.close()
                    raise MockUnavailable(f"gave up waiting for the lock {self.path}")
                time.sleep(0.2)

    def __exit__(self, *exc_info: Any) -> None:
        if self.handle is not None:
            self.handle.close()  # closing the file releases the lock


# ---------------------------------------------------------------- the server process

def free_port() -> int:
    """A TCP port that was free on 127.0.0.1 a moment ago."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def stop_process(proc: "subprocess.Popen[bytes]") -> None:
    """Stop one server process by its PID.

    A single SIGINT (or SIGTERM) hangs while a stream is open; the second
    SIGINT forces uvicorn out. SIGKILL is the last resort.
    """
    for sig, grace in ((signal.SIGINT, 1.0), (signal.SIGINT, 5.0), (signal.SIGKILL, 5.0)):
        if proc.poll() is not None:
            return
        proc.send_signal(sig)
        try:
            proc.wait(timeout=grace)
        except subprocess.TimeoutExpired:
            pass


class MockMastodon:
    """One mastodon_mock server on 127.0.0.1, seeded with alice, bob, carol and root.

    ``extra_config`` is TOML appended to the seed config, for example
    ``"[ratelimit]\\nenabled = true\\nlimit = 5\\nwindow_seconds = 3\\n"``.
    """

    def __init__(self, workdir: Optional[Path] = None, extra_config: str = "",
                 attempts: int = 3) -> None:
        binary = ensure_mock_bin()
        self._own_workdir = workdir is None
        self.workdir = Path(tempfile.mkdtemp(prefix="mastodon_mock_")) if workdir is None \
            else Path(workdir)
        self.workdir.mkdir(parents=True, exist_ok=True)
        self.proc: Optional[subprocess.Popen[bytes]] = None
        self.port = 0
        self.base_url = ""
        config = self.workdir / "mock.toml"
        media = json.dumps(str(self.workdir / "media"))  # a valid TOML basic string
        config.write_text(SEED_CONFIG.format(media=media) + "\n" + extra_config,
                          encoding="utf-8")
        self.log_path = self.workdir / "server.log"
        try:
            self._start(binary, config, attempts)
        except BaseException:
            self.stop()
            raise

    def _start(self, binary: Path, config: Path, attempts: int) -> None:
        for _ in range(attempts):  # another process may grab the port before the server does
            self.port = free_port()
            self.base_url = f"http://127.0.0.1:{self.port}"
            with open(self.log_path, "ab") as log:
                self.proc = subprocess.Popen(
                    [str(binary), "serve", "--in-memory", "--config", str(config),
                     "--host", "127.0.0.1", "--port", str(self.port), "--log-level", "warning"],
                    cwd=self.workdir, stdin=subprocess.DEVNULL, stdout=log,
                    stderr=subprocess.STDOUT,
                )
            if self._wait_ready(START_TIMEOUT):
                return
            stop_process(self.proc)
        raise MockUnavailable(f"mastodon_mock did not start; last log lines:\n{self.log_tail()}")

    def _wait_ready(self, timeout: float) -> bool:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc is None or self.proc.poll() is not None:
                return False
            try:
                with urllib.request.urlopen(self.base_url + "/health", timeout=1) as reply:
                    if reply.status == 200:
                        return True
            except OSError:
                pass
            time.sleep(0.05)
        return False

    def log_tail(self, lines: int = 20) -> str:
        """The last lines the server wrote, for error messages."""
        try:
            text = self.log_path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return ""
        return "\n".join(text.splitlines()[-lines:])

    # -------------------------------------------------------- control plane

    def _call(self, path: str, body: Any = None, method: str = "POST") -> Any:
        data = None if body is None else json.dumps(body).encode("utf-8")
        request = urllib.request.Request(self.base_url + path, data=data, method=method,
                                         headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=30) as reply:
            return json.loads(reply.read() or b"null")

    def reset(self) -> None:
        """Drop all data and fault rules and re-apply the seed (ids change; tokens stay)."""
        self._call("/api/v1/_mock/reset")

    def new_user(self, name: str, admin: bool = False) -> str:
        """Create an account and return an access token for it."""
        created = self._call("/api/v1/_mock/dev_user", {"username": name, "admin": admin})
        return str(created["access_token"])

    def token(self, user: str) -> str:
        """The seeded token of ``user`` (alice, bob, carol, admin/root)."""
        return TOKENS[user]

    def fault(self, rule: Dict[str, Any]) -> str:
        """Add a fault rule (see the mastodon_mock notes) and return its id."""
        return str(self._call("/api/v1/_mock/faults", rule)["id"])

    def clear_faults(self) -> None:
        """Remove every fault rule."""
        self._call("/api/v1/_mock/faults", method="DELETE")

    # -------------------------------------------------------- lifetime

    def stop(self) -> None:
        """Stop the server process and remove the work directory if this object made it."""
        if self.proc is not None:
            stop_process(self.proc)
        if self._own_workdir:
            shutil.rmtree(self.workdir, ignore_errors=True)

    def __enter__(self) -> "MockMastodon":
        return self

    def __exit__(self, *exc_info: Any) -> None:
        self.stop()
