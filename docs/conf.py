"""Sphinx configuration for the mastodon-ng documentation.

Build with ``sphinx-build -W -b html docs docs/_build/html``. The build needs
no network: intersphinx is not used.
"""
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)  # document the source tree, installed or not


def _version() -> str:
    with open(os.path.join(ROOT, "mastodon", "__init__.py"), encoding="utf-8") as handle:
        match = re.search(r'^__version__\s*=\s*"([^"]+)"', handle.read(), re.MULTILINE)
    return match.group(1) if match else "unknown"


project = "mastodon-ng"
author = "The mastodon-ng authors"
copyright = "2026, The mastodon-ng authors"
release = version = _version()

extensions = ["sphinx.ext.autodoc"]
exclude_patterns = ["_build", "dev"]
autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_default_options = {"show-inheritance": False}
html_theme = "alabaster"
