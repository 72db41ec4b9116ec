"""Optional extras in the test run: the tests of an extra skip when it is not installed.

Locally, a missing extra only skips the tests that need it, with a reason that
names it. CI (``.ci/run``) sets ``MASTODON_TEST_MISSING_EXTRAS`` to the extras
it could not install on the interpreter at hand, comma-separated (empty on
CPython). With the variable set, a missing extra that is not on that list is
an error, and so is any skip other than the ones for listed extras (see
``tests/conftest.py``): the CPython run skips nothing.
"""
from __future__ import annotations

import importlib
import os
from typing import FrozenSet, Optional

import pytest

ENV = "MASTODON_TEST_MISSING_EXTRAS"


def allowed_missing() -> Optional[FrozenSet[str]]:
    """The extras CI allows to be missing; None outside CI (then anything may be)."""
    value = os.environ.get(ENV)
    if value is None:
        return None
    return frozenset(name.strip() for name in value.split(",") if name.strip())


def skip_reason(extra: str) -> str:
    return f"the {extra!r} extra is not installed (pip install -e '.[{extra}]')"


def require_extra(extra: str, *modules: str) -> None:
    """Skip the calling test, or the whole test module at import, unless ``modules`` import.

    In CI, a missing extra that CI did not name is re-raised as the ImportError.
    """
    for module in modules:
        try:
            importlib.import_module(module)
        except ImportError:
            allowed = allowed_missing()
            if allowed is not None and extra not in allowed:
                raise
            pytest.skip(skip_reason(extra), allow_module_level=True)


def is_allowed_skip(reason: str) -> bool:
    """Whether a skip with ``reason`` is one CI allows (a listed extra is missing)."""
    allowed = allowed_missing()
    return allowed is None or any(skip_reason(extra) in reason for extra in allowed)
