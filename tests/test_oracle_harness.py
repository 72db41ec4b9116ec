"""The differential harness: Mastodon.py 2.3.3 in .venv-oracle, this library here."""
from __future__ import annotations

from pathlib import Path

import pytest

from support.oracle import REPO, Oracle, OracleError, run_here


def test_the_oracle_runs_mastodon_py_from_its_own_venv(oracle: Oracle) -> None:
    theirs = oracle.call("identity", "library")
    assert ".venv-oracle" in Path(theirs["file"]).parts
    assert oracle.version == "2.3.3"


def test_probes_here_run_this_library() -> None:
    mine = run_here("identity", "library")
    assert Path(mine["file"]).resolve().parent == REPO / "mastodon"


def test_both_sides_see_the_same_json_values(oracle: Oracle) -> None:
    values = [1, "two", [3.5, None], {"four": True}]
    assert oracle.call("identity", "echo", *values) == run_here("identity", "echo", *values)


def test_a_broken_probe_is_reported_with_its_traceback(oracle: Oracle) -> None:
    with pytest.raises(OracleError, match="AttributeError"):
        oracle.call("identity", "no_such_function")
    assert oracle.call("identity", "echo", 1) == [1]  # the worker survives it
