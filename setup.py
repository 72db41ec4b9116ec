"""Build shim: the metadata lives in pyproject.toml; only the version is computed here.

The version is parsed out of ``mastodon/__init__.py`` so that building never
imports the package (which would need its dependencies installed first).
"""
import re
from pathlib import Path

from setuptools import setup


def read_version() -> str:
    source = (Path(__file__).parent / "mastodon" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r'^__version__\s*=\s*["\']([^"\']+)["\']', source, re.MULTILINE)
    if match is None:
        raise RuntimeError("no __version__ = '...' line in mastodon/__init__.py")
    return match.group(1)


setup(version=read_version())
