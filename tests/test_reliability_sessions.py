"""Reliability: sessions that are not ``requests.Session`` (issue 25.7, issue 24.8).

A session raising something other than a ``requests`` or OS error, and
``unittest.mock`` stand-ins for the session and its answers, compared with
Mastodon.py 2.3.3 through the probe ``tests/support/probes/session_probe.py``;
and the rate limiter's slot, which must come back whatever the session raised.
"""
from __future__ import annotations

import logging
import threading
from typing import Any, Dict, List
from unittest.mock import MagicMock

import pytest

from mastodon import Mastodon, MastodonNetworkError
from mastodon._core.retry import RetryPolicy
from support.oracle import Oracle, run_here


@pytest.mark.parametrize("error", ["RuntimeError", "KeyError", "TypeError"])
def test_a_session_raising_anything_gives_a_network_error_like_mastodon_py(
        oracle: Oracle, error: str) -> None:
    mine = run_here("session_probe", "raising_session", error, "unrecorded request")
    assert mine == oracle.call("session_probe", "raising_session", error, "unrecorded request")
    assert mine["first"]["raised"] == "MastodonNetworkError" and mine["first"]["is_oserror"]
    raised = {"RuntimeError": RuntimeError, "KeyError": KeyError, "TypeError": TypeError}[error]
    assert mine["first"]["chained"] == [error, str(raised("unrecorded request"))]
    assert mine["then"] == {"returned": "Status", "id": "2"}


@pytest.mark.parametrize("status,ok", [(200, True), (404, False), (401, False), (500, False),
                                       (422, False), (200, None), (404, None)])
@pytest.mark.parametrize("debug", [False, True])
def test_mock_sessions_map_errors_like_mastodon_py(oracle: Oracle, status: int, ok: Any,
                                                   debug: bool) -> None:
    args = (status, ok, {"id": "7", "error": "nope"}, debug)
    mine = run_here("session_probe", "mock_session", *args)
    assert mine == oracle.call("session_probe", "mock_session", *args)
    assert ("raised" in mine) == (ok is False)


class Raising:
    """A stand-in session raising ``error`` from every request, counting them."""

    def __init__(self, error: BaseException) -> None:
        self.error = error
        self.calls = 0

    def request(self, *args: Any, **kwargs: Any) -> Any:
        self.calls += 1
        raise self.error


def answering_session() -> MagicMock:
    session = MagicMock()
    response = session.request.return_value
    response.status_code, response.ok, response.reason = 200, True, "OK"
    response.json.return_value = {"id": "2"}
    return session


def client(session: Any, mode: str = "wait") -> Mastodon:
    return Mastodon(access_token="tok", api_base_url="http://127.0.0.1:9", session=session,
                    version_check_mode="none", ratelimit_method=mode,
                    retry_policy=RetryPolicy(sleep=lambda s: pytest.fail("retried")))


def next_call_finishes(api: Mastodon) -> bool:
    """Whether a request after the failure completes (in a thread: a hang must not hang the test)."""
    api.session = answering_session()
    results: List[Any] = []
    worker = threading.Thread(target=lambda: results.append(api.status("2")), daemon=True)
    worker.start()
    worker.join(timeout=60)
    return not worker.is_alive() and results[0].id == "2"


@pytest.mark.parametrize("mode", ["wait", "pace"])
@pytest.mark.parametrize("error", [RuntimeError("refused by the replay library"),
                                   KeyError("cassette"), AttributeError("adapter bug")])
def test_the_rate_limit_slot_comes_back_after_a_foreign_exception(mode: str,
                                                                   error: Exception) -> None:
    session = Raising(error)
    api = client(session, mode)
    with pytest.raises(MastodonNetworkError) as caught:
        api.status("1")
    assert caught.value.__cause__ is error and caught.value.__context__ is error
    assert session.calls == 1  # raised again if repeated: not retried
    bucket = api._ratelimiter.bucket()
    assert bucket.inflight == 0 and not bucket.probing
    assert next_call_finishes(api)


@pytest.mark.parametrize("error", [KeyboardInterrupt(), SystemExit(3)])
def test_interrupts_pass_through_untouched_and_free_the_slot(error: BaseException) -> None:
    session = Raising(error)
    api = client(session)
    with pytest.raises(type(error)) as caught:
        api.status("1")
    assert caught.value is error and session.calls == 1
    assert next_call_finishes(api)


def test_debug_logging_of_a_mock_exchange(caplog: Any) -> None:
    caplog.set_level(logging.DEBUG, logger="mastodon")
    session = answering_session()
    api = Mastodon(access_token="tok", api_base_url="http://127.0.0.1:9", session=session,
                   version_check_mode="none", debug_requests=True)
    assert api.status("2").id == "2"
    lines: Dict[str, str] = {r.getMessage().split(" ", 1)[0]: r.getMessage()
                             for r in caplog.records if r.name == "mastodon"}
    assert "MagicMock" in lines["request"] and "MagicMock" in lines["response"]
    assert "tok" not in " ".join(lines.values())
