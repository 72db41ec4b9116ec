"""Every parameter of every public method (and of the constructor) is explained in its docstring.

A parameter counts as explained when its docstring names it as ``name`` (in
double backticks, as the API pages render it) — the surrounding sentence says
what it does. The API pages are built from these docstrings.
"""
from __future__ import annotations

import inspect
from typing import List

import pytest

from mastodon import Mastodon


def _public_methods() -> List[str]:
    names = ["__init__"]
    for name, member in inspect.getmembers(Mastodon):
        if name.startswith("_") or not callable(member) or isinstance(member, type):
            continue
        names.append(name)
    return names


def _undocumented(name: str) -> List[str]:
    member = inspect.getattr_static(Mastodon, name)
    function = member.__func__ if isinstance(member, (staticmethod, classmethod)) else member
    doc = inspect.getdoc(function) or ""
    params = [p for p in inspect.signature(function).parameters.values()
              if p.name not in ("self", "cls") and p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD)]
    return [p.name for p in params if f"``{p.name}``" not in doc]


@pytest.mark.parametrize("name", _public_methods())
def test_every_parameter_is_explained(name: str) -> None:
    assert _undocumented(name) == [], f"{name}: parameters not explained in its docstring"
