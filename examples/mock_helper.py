"""Start the local mastodon_mock server for the examples.

The server runner lives with the tests (``tests/support/mock_server.py``, not
part of the package) and needs only the standard library, so it is loaded by
path. The first run installs mastodon_mock into ``.venv-mock`` (network access
to PyPI once); ``MASTODON_MOCK_BIN`` names an installed one instead.
"""
from __future__ import annotations

import importlib.util
import os
from types import ModuleType

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def mock_server_module() -> ModuleType:
    """``tests/support/mock_server.py``, loaded by path."""
    path = os.path.join(ROOT, "tests", "support", "mock_server.py")
    spec = importlib.util.spec_from_file_location("mock_server", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
