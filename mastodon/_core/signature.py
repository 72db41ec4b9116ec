"""Signatures of wrapped endpoints, read from the endpoint when first asked for.

Each endpoint method is wrapped by ``@api_version``, and the wrapper carries
the endpoint's signature as ``__signature__`` so that :func:`inspect.signature`,
:func:`inspect.getfullargspec`, ``help()`` and ``mock.create_autospec`` see
the real parameters. Reading ~260 signatures when the client class is built
was a fifth of the cost of ``from mastodon import Mastodon``, and defining a
subclass of :class:`inspect.Signature` would import :mod:`inspect` (with
``ast`` and ``dis``) with the client. A :class:`DeferredSignature` does
neither: it imports nothing and reads its endpoint's signature on first use.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable

if TYPE_CHECKING:
    import inspect

__all__ = ["DeferredSignature"]


class DeferredSignature:
    """Stands in for the :class:`inspect.Signature` of a function, read when first needed.

    It reports :class:`inspect.Signature` as its ``__class__``, so that
    ``isinstance(deferred, inspect.Signature)`` holds and :mod:`inspect`
    accepts it as a ``__signature__``; everything else (``parameters``,
    ``bind``, ``replace``, ``==``, ``hash``, ``str``, pickling) is the real
    signature's.
    """

    __slots__ = ("_function", "_resolved")

    _resolved: inspect.Signature

    def __init__(self, function: Callable[..., Any]) -> None:
        self._function = function

    @property  # type: ignore[misc]
    def __class__(self) -> type:  # noqa: D105 - what isinstance() asks
        import inspect

        return inspect.Signature

    def _real(self) -> inspect.Signature:
        try:
            return self._resolved
        except AttributeError:
            import inspect

            self._resolved = inspect.signature(self._function)
            return self._resolved

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__") or name in self.__slots__:
            raise AttributeError(name)
        return getattr(self._real(), name)

    def __eq__(self, other: object) -> bool:
        return self._real() == other

    def __hash__(self) -> int:
        return hash(self._real())

    def __str__(self) -> str:
        return str(self._real())

    def __repr__(self) -> str:
        return repr(self._real())

    def __reduce__(self) -> Any:
        return self._real().__reduce__()
