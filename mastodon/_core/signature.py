"""Signatures of wrapped endpoints, read from the endpoint when first asked for.

Each endpoint method is wrapped by ``@api_version``, and the wrapper carries
the endpoint's signature as ``__signature__`` so that :func:`inspect.signature`,
:func:`inspect.getfullargspec`, ``help()`` and ``mock.create_autospec`` see
the real parameters. Reading ~260 signatures when the client class is built
was a fifth of the cost of ``from mastodon import Mastodon``; a
:class:`DeferredSignature` reads its endpoint's signature on first use instead.
"""
from __future__ import annotations

import inspect
from collections import OrderedDict
from typing import Any, Callable

__all__ = ["DeferredSignature"]


class DeferredSignature(inspect.Signature):
    """An :class:`inspect.Signature` that is the signature of a function, read when needed.

    Made with :meth:`of`; everything reads the parameters and the return
    annotation through the two properties below, and :meth:`replace` gives a
    plain :class:`inspect.Signature`.
    """

    __slots__ = ("_function", "_read")

    _function: Callable[..., Any]
    _read: inspect.Signature

    @classmethod
    def of(cls, function: Callable[..., Any]) -> "DeferredSignature":
        deferred = cls.__new__(cls)
        deferred._function = function
        return deferred

    def _real(self) -> inspect.Signature:
        try:
            return self._read
        except AttributeError:
            self._read = inspect.signature(self._function)
            return self._read

    @property
    def parameters(self) -> "OrderedDict[str, inspect.Parameter]":  # type: ignore[override]
        return self._real().parameters  # type: ignore[return-value]

    @property
    def return_annotation(self) -> Any:
        return self._real().return_annotation

    def replace(self, **changes: Any) -> inspect.Signature:  # type: ignore[override]
        return self._real().replace(**changes)

    def __repr__(self) -> str:
        return repr(self._real())
