"""Shared fixtures. The helpers behind them live in ``tests/support/``.

* ``fake``: a client on a fake transport, for exact request shapes (no network).
* ``mock`` / ``client`` / ``admin_client``: a real mastodon_mock server, reset per test.
* ``mock_server_factory``: extra mastodon_mock servers with more config (e.g. rate limits).
* ``fault_server``: a local server that misbehaves on purpose (delays, cuts, 429s, SSE).
* ``frozen_heap``: for modules whose tests race real timeouts (see below).
* ``oracle``: Mastodon.py 2.3.3 in its own venv, to compare behaviour with (support/oracle.py).
"""
from __future__ import annotations

import gc
import itertools
from typing import Any, Callable, Iterator, Optional

import pytest

from support.extras import allowed_missing, is_allowed_skip
from support.fake_transport import FakeMastodon
from support.fault_server import FaultServer
from support.mock_server import TOKENS, MockMastodon
from support.oracle import Oracle, start_oracle


@pytest.fixture(scope="module")
def frozen_heap() -> Iterator[None]:
    """Keep the objects earlier tests left behind out of garbage collection for a module.

    Late in a full run the heap is large, and one full collection of CPython can
    pause every thread for longer than the sub-second timeouts these tests race against.
    """
    gc.collect()
    if not hasattr(gc, "freeze"):  # PyPy: its incremental collector makes no long pauses
        yield
        return
    gc.freeze()
    yield
    gc.unfreeze()


@pytest.fixture
def fake() -> Iterator[FakeMastodon]:
    """``fake.api`` is a Mastodon on https://mastodon.example whose session never leaves the process."""
    helper = FakeMastodon()
    yield helper
    helper.close()


@pytest.fixture
def fake_at(request: pytest.FixtureRequest) -> Callable[..., FakeMastodon]:
    """Factory: ``fake_at(version="4.7.3", **options)`` is a fake-transport client that
    believes the server runs ``version`` (None: not known yet); closed after the test."""
    def make(version: Optional[str] = "4.7.3", **kwargs: Any) -> FakeMastodon:
        helper = FakeMastodon(mastodon_version=version, **kwargs)
        request.addfinalizer(helper.close)
        return helper
    return make


@pytest.fixture(scope="session")
def mock_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[MockMastodon]:
    """One mastodon_mock process for the whole run (installed into .venv-mock if missing)."""
    server = MockMastodon(tmp_path_factory.mktemp("mastodon_mock"))
    yield server
    server.stop()


@pytest.fixture
def mock(mock_server: MockMastodon) -> MockMastodon:
    """The shared mock server, reset (data, fault rules) before the test."""
    mock_server.reset()
    return mock_server


@pytest.fixture
def client(mock: MockMastodon, request: pytest.FixtureRequest) -> Callable[..., Any]:
    """Factory: ``client("alice", **kwargs)`` is a Mastodon logged in on the mock server.

    Users: alice, bob, carol (locked), admin (the account ``root``). Any other
    string is used as the access token itself (e.g. one from ``mock.new_user``).
    """
    from mastodon import Mastodon

    def make(user: str = "alice", **kwargs: Any) -> Any:
        api = Mastodon(access_token=TOKENS.get(user, user), api_base_url=mock.base_url, **kwargs)
        request.addfinalizer(api.close)
        return api
    return make


@pytest.fixture
def admin_client(client: Callable[..., Any]) -> Any:
    """A Mastodon logged in as the seeded admin (``root``) on the mock server."""
    return client("admin")


@pytest.fixture
def mock_server_factory(tmp_path: Any, request: pytest.FixtureRequest) -> Callable[..., MockMastodon]:
    """Factory: ``mock_server_factory(extra_config="...")`` starts one more mock server
    for this test only (about 3 s), e.g. with ``[ratelimit] enabled = true``."""
    numbers = itertools.count()

    def start(extra_config: str = "") -> MockMastodon:
        server = MockMastodon(tmp_path / f"mock{next(numbers)}", extra_config=extra_config)
        request.addfinalizer(server.stop)
        return server
    return start


@pytest.fixture
def fault_server() -> Iterator[FaultServer]:
    """A started :class:`support.fault_server.FaultServer`; ``fault_server.url`` is its base URL."""
    server = FaultServer().start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def oracle() -> Iterator[Oracle]:
    """Mastodon.py 2.3.3 in .venv-oracle (installed on first use), for differential tests."""
    worker = start_oracle()
    yield worker
    worker.close()


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """In CI (support/extras.py), a skip other than for a missing extra CI named fails the run."""
    if allowed_missing() is None:
        return
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    skipped = reporter.stats.get("skipped", []) if reporter is not None else []
    stray = [report for report in skipped if not is_allowed_skip(str(report.longrepr))]
    if stray:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
        for report in stray:
            reporter.write_line(f"SKIP NOT ALLOWED IN CI: {report.nodeid}: {report.longrepr}",
                                red=True)
