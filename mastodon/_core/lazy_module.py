"""A module that is imported at once but runs its code when it is first used.

``from . import return_types as rt`` in every endpoint module would otherwise
build the 147 entity classes with the client class, a quarter of the cost of
``from mastodon import Mastodon``; they are needed by the first answer
decoded. :func:`deferred_import` puts the module in :data:`sys.modules` (so
every import of it gets the same object) and runs it when an attribute is
first read, once, under a lock: a thread reading an attribute while another
runs the module waits for the whole module, never sees half of it.
"""
from __future__ import annotations

import importlib.util
import sys
import threading
import types
from typing import Any, Set

__all__ = ["deferred_import", "is_deferred"]

_LOCK = threading.RLock()  # re-entered by the thread running a module (it reads itself)
_RUNNING: Set[int] = set()  # ids of the modules being run


class _DeferredModule(types.ModuleType):
    """A module whose code has not run yet; see the module docstring."""

    def __getattribute__(self, name: str) -> Any:
        _run(self)
        return types.ModuleType.__getattribute__(self, name)

    def __setattr__(self, name: str, value: Any) -> None:
        _run(self)
        types.ModuleType.__setattr__(self, name, value)

    def __delattr__(self, name: str) -> None:
        _run(self)
        types.ModuleType.__delattr__(self, name)


def _run(module: types.ModuleType) -> None:
    """Run a deferred module's code, unless this thread is running it already."""
    with _LOCK:
        if object.__getattribute__(module, "__class__") is not _DeferredModule \
                or id(module) in _RUNNING:
            return
        _RUNNING.add(id(module))
        try:
            spec = object.__getattribute__(module, "__spec__")
            spec.loader.exec_module(module)
            object.__setattr__(module, "__class__", types.ModuleType)
        finally:
            _RUNNING.discard(id(module))


def deferred_import(name: str) -> types.ModuleType:
    """The module ``name`` (absolute), imported already or deferred until first used."""
    with _LOCK:
        module = sys.modules.get(name)
        if module is not None:
            return module
        spec = importlib.util.find_spec(name)
        if spec is None or spec.loader is None:
            raise ModuleNotFoundError(f"No module named {name!r}", name=name)
        module = importlib.util.module_from_spec(spec)
        module.__class__ = _DeferredModule
        sys.modules[name] = module
        return module


def is_deferred(module: types.ModuleType) -> bool:
    """Whether ``module``'s code has not run yet."""
    return object.__getattribute__(module, "__class__") is _DeferredModule
