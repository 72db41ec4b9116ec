"""The entity layers import only downwards, and each module has one job of a readable size.

values -> attrdict (+ display) / lists -> decoding -> roundtrip -> types_base -> return_types.
The layers above register what the lower ones need (entity names, the JSON codec);
no lower module imports a higher one, not even inside a function.
"""
from __future__ import annotations

import ast
import os
from typing import List, Set

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PACKAGE = os.path.join(ROOT, "mastodon")

#: module -> the modules of the entity layers it may import (relative to mastodon)
ALLOWED = {
    "_types.values": {"errors"},
    "_types.display": set(),
    "_types.attrdict": {"_types.display"},
    "_types.lists": {"_types.attrdict", "_types.values"},
    "_types.decoding": {"_types.attrdict", "_types.lists", "_types.values"},
    "_types.roundtrip": {"_types.attrdict", "_types.decoding", "_types.lists", "_types.values"},
    "types_base": {"_types", "_types.roundtrip", "_types.attrdict", "_types.decoding",
                   "_types.lists", "_types.values"},
}


def module_path(name: str) -> str:
    return os.path.join(PACKAGE, *name.split(".")) + ".py"


def imported(name: str) -> Set[str]:
    """Every mastodon module ``name`` imports, at any place in its code."""
    tree = ast.parse(open(module_path(name), encoding="utf-8").read())
    package = name.split(".")[:-1]
    found: Set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[:len(package) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            elif (node.module or "").startswith("mastodon."):
                target = node.module[len("mastodon."):]  # type: ignore[index]
            else:
                continue
            if target:
                found.add(target)
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("mastodon."):
                    found.add(alias.name[len("mastodon."):])
    return found


@pytest.mark.parametrize("name", sorted(ALLOWED))
def test_imports_only_point_down(name: str) -> None:
    assert imported(name) <= ALLOWED[name], imported(name) - ALLOWED[name]


def test_types_base_does_not_know_return_types() -> None:
    for name in ALLOWED:
        source = open(module_path(name), encoding="utf-8").read()
        assert "return_types" not in imported(name) and "import_module" not in source, name


def test_each_module_stays_readable() -> None:
    sizes: List[int] = []
    for name in ALLOWED:
        with open(module_path(name), encoding="utf-8") as handle:
            sizes.append(sum(1 for _ in handle))
    assert max(sizes) <= 600


def test_return_types_register_their_names_from_above() -> None:
    from mastodon import return_types as rt
    from mastodon._types.decoding import _ENTITY_NAMES, _str_to_type

    assert all(_ENTITY_NAMES[name] is cls for name, cls in rt.ENTITY_NAME_MAP.items())
    assert _str_to_type("PaginatableList[Status]").__args__ == (rt.Status,)
