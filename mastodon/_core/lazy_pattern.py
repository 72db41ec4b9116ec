"""Regular expressions compiled on first use instead of when their module is imported.

Compiling a pattern runs the :mod:`re` compiler in Python, a tenth of a
millisecond or more each; the client's patterns are compiled when first
needed, so that ``from mastodon import Mastodon`` does not pay for them.
"""
from __future__ import annotations

import functools
import re
from typing import AnyStr, Callable

__all__ = ["lazy_pattern"]


def lazy_pattern(source: AnyStr, flags: int = 0) -> Callable[[], "re.Pattern[AnyStr]"]:
    """A function returning ``re.compile(source, flags)``, compiled on its first call."""

    @functools.lru_cache(maxsize=None)
    def compiled() -> "re.Pattern[AnyStr]":
        return re.compile(source, flags)

    return compiled
