"""The Pythons the project claims are the ones CI runs the suite on.

``.ci/run`` names them (``CPYTHONS``, ``PYPYS``); the package metadata
(classifiers, ``Requires-Python``), ``tox.ini``, the README and the
getting-started page must name the same ones, and the extras CI leaves out on
PyPy must be the ones tox leaves out there.
"""
from __future__ import annotations

import re
from importlib.metadata import metadata
from pathlib import Path
from typing import List

ROOT = Path(__file__).resolve().parent.parent


def _ci_setting(name: str) -> List[str]:
    text = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    found = re.search(rf'^{name}="([^"]*)"$', text, re.MULTILINE)
    assert found is not None, f"{name}=... not found in .ci/run"
    return found[1].replace(",", " ").split()


CPYTHONS = _ci_setting("CPYTHONS")
PYPYS = _ci_setting("PYPYS")


def _key(version: str) -> tuple:
    return tuple(int(part) for part in version.split("."))


def _claimed_range() -> str:
    return f"CPython {CPYTHONS[0]} to {CPYTHONS[-1]} and PyPy {' and '.join(PYPYS)}"


def test_ci_runs_consecutive_cpython_versions() -> None:
    minors = [_key(version) for version in CPYTHONS]
    assert minors == sorted(minors) and len(minors) >= 1
    assert [minor for _, minor in minors] == list(range(minors[0][1], minors[-1][1] + 1))


def test_the_package_metadata_claims_what_ci_runs() -> None:
    meta = metadata("mastodon-ng")
    classifiers = meta.get_all("Classifier") or []
    versions = [line.rsplit(" :: ", 1)[1] for line in classifiers
                if re.fullmatch(r"Programming Language :: Python :: 3\.\d+", line)]
    assert versions == CPYTHONS
    implementations = {line.rsplit(" :: ", 1)[1] for line in classifiers
                       if line.startswith("Programming Language :: Python :: Implementation")}
    assert implementations == {"CPython", "PyPy"}
    assert meta["Requires-Python"] == f">={CPYTHONS[0]}"


def test_tox_lists_the_same_environments() -> None:
    text = (ROOT / "tox.ini").read_text(encoding="utf-8")
    envlist = re.search(r"^envlist\s*=\s*(.+)$", text, re.MULTILINE)
    assert envlist is not None
    expected = [f"py{v.replace('.', '')}" for v in CPYTHONS] + \
        [f"pypy{v.replace('.', '')}" for v in PYPYS] + ["docs"]
    assert [name.strip() for name in envlist[1].split(",")] == expected
    for version in PYPYS:
        section = text.split(f"[testenv:pypy{version.replace('.', '')}]", 1)[1].split("\n[", 1)[0]
        missing = re.search(r"MASTODON_TEST_MISSING_EXTRAS\s*=\s*(.*)$", section, re.MULTILINE)
        assert missing is not None
        assert missing[1].replace(",", " ").split() == _ci_setting("PYPY_MISSING_EXTRAS")


def test_the_readme_and_the_docs_claim_the_same_pythons() -> None:
    readme = " ".join((ROOT / "README.rst").read_text(encoding="utf-8").split())
    assert f"Supported: {_claimed_range()};" in readme
    guide = " ".join((ROOT / "docs" / "getting_started.rst").read_text(encoding="utf-8").split())
    assert f"runs on {_claimed_range()}." in guide
    for text in (readme, guide):  # no other claim, such as "Python 3.9 or later"
        assert not re.search(r"Python 3\.\d+ or (later|newer)", text)
