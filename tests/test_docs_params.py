"""Every parameter of every public method (and of the constructor) is explained in its docstring.

A parameter counts as explained when its docstring names it as ``name`` (in
double backticks, as the API pages render it) — the surrounding sentence says
what it does. The API pages are built from these docstrings.
"""
from __future__ import annotations

import inspect
import re
from typing import Any, List, Tuple

import pytest

from mastodon import Mastodon


def _public_methods() -> List[str]:
    names = ["__init__"]
    for name, member in inspect.getmembers(Mastodon):
        if name.startswith("_") or not callable(member) or isinstance(member, type):
            continue
        names.append(name)
    return names


def _function(name: str) -> Any:
    member = inspect.getattr_static(Mastodon, name)
    return member.__func__ if isinstance(member, (staticmethod, classmethod)) else member


def _undocumented(name: str) -> List[str]:
    function = _function(name)
    doc = inspect.getdoc(function) or ""
    params = [p for p in inspect.signature(function).parameters.values()
              if p.name not in ("self", "cls") and p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD)]
    return [p.name for p in params if f"``{p.name}``" not in doc]


@pytest.mark.parametrize("name", _public_methods())
def test_every_parameter_is_explained(name: str) -> None:
    assert _undocumented(name) == [], f"{name}: parameters not explained in its docstring"


_ADDED = re.compile(r"Added: Mastodon v(\d+(?:\.\d+)*)")
_NEEDS = re.compile(r"\b(?:needs|requires) Mastodon v?(\d+(?:\.\d+)*),? or (?:later|newer)")


def _version(text: str) -> Tuple[int, ...]:
    numbers = tuple(int(part) for part in text.split("."))
    return numbers + (0,) * (3 - len(numbers))


@pytest.mark.parametrize("name", _public_methods())
def test_a_stated_minimum_version_is_the_version_check(name: str) -> None:
    """A docstring that says "needs Mastodon X or later" names its *Added* version."""
    doc = " ".join((inspect.getdoc(_function(name)) or "").split())
    added = _ADDED.search(doc)
    stated = {_version(found) for found in _NEEDS.findall(doc)}
    if added is not None:
        assert stated <= {_version(added[1])}, f"{name}: {doc}"


def test_the_version_claim_check_can_fail() -> None:
    doc = "Lists things (this listing needs Mastodon 3.5 or later). *Added: Mastodon v2.9.1*"
    assert _NEEDS.findall(doc) == ["3.5"] and _ADDED.search(doc)[1] == "2.9.1"  # type: ignore[index]
