"""Server versions: the public version probes of the client and the
``api_version`` decorator every endpoint carries.

What the client knows about its server lives in the core service
:mod:`mastodon._core.server`; the methods here are its public face.
"""
from __future__ import annotations

from typing import Any, Callable, TypeVar

from ._core.signature import DeferredSignature
from ._core.version_text import max_version as max_version  # the public import paths
from ._core.version_text import parse_version_string as parse_version_string
from .internals import Internals

_F = TypeVar("_F", bound=Callable[..., Any])


def _version_part(index: int, doc: str) -> Any:
    """A client attribute reading and writing one number of the server's known version."""

    def get(self: "VersionsMixin") -> int:
        return self._facts.version[index]

    def set(self: "VersionsMixin", value: int) -> None:
        with self._facts.lock:
            parts = list(self._facts.version)
            parts[index] = value
            self._facts.version = (parts[0], parts[1], parts[2])
            self._facts.known = True

    return property(get, set, doc=doc)


class VersionsMixin(Internals):
    """The server's version as the client knows it, and the probes that learn it.

    The version comes from the constructor's ``mastodon_version`` or from the
    instance information (``GET /api/v1/instance/``, then ``/api/v2/instance/``
    for the API version), which the client fetches once and keeps until
    :meth:`clear_caches`.
    """

    mastodon_major = _version_part(0, "Major number of the server's version (1 until known).")
    mastodon_minor = _version_part(1, "Minor number of the server's version.")
    mastodon_patch = _version_part(2, "Patch number of the server's version.")

    @property
    def mastodon_api_version(self) -> int:
        """The API version newer servers announce besides their release (0 when none)."""
        return self._facts.api_version

    @mastodon_api_version.setter
    def mastodon_api_version(self, value: int) -> None:
        self._facts.api_version = value

    def retrieve_mastodon_version(self, fail_hard: bool = False) -> str:
        """Learn the server's version from its instance information and remember it.

        Returns the release the server names, without build metadata or a
        compatibility note (``"4.2.8"`` for ``"4.2.8+glitch"``, ``"2.7.2"`` for
        ``"2.7.2 (compatible; Akkoma 3.10.4)"``). The instance information is
        fetched once and kept until :meth:`clear_caches`, so calling this again
        sends nothing.

        A server that cannot be asked, or whose answer names no Mastodon
        version (none at all, ``"banana"``, GoToSocial's ``0.15.0``), is logged
        once as a warning and leaves the version unknown: version checks then
        let every call through. In those cases ``fail_hard`` raises
        MastodonVersionError instead; without it the answer is ``"1.0.0"``
        when the server names no readable version, as with Mastodon.py. A
        server that could not be asked is asked again at the next check.

        Calls ``GET /api/v1/instance/``, then ``GET /api/v2/instance/`` (each
        once until :meth:`clear_caches`).
        """
        return self._server.retrieve(fail_hard)

    def verify_minimum_version(self, version_str: str, cached: bool = False) -> bool:
        """Whether the server runs at least ``version_str`` (such as ``"4.2.0"``; ``"4.2"`` is the same).

        Learns the server's version first (see :meth:`retrieve_mastodon_version`)
        unless ``cached`` is set and the version is known already; since the
        instance information is kept until :meth:`clear_caches`, that sends a
        request only the first time. When the server's version is unknown the
        answer is True: nothing can be ruled out, and the server decides. A
        ``version_str`` that does not start with a number raises
        MastodonIllegalArgumentError (a ``ValueError``, as with Mastodon.py).
        """
        return self._server.verify(version_str, cached)


def _with_note(doc: str, created: str, changed: str) -> str:
    """``doc`` with the versions note as its last paragraph, at the docstring's indentation
    (so that :func:`inspect.cleandoc` and ``help()`` show it flush with the rest)."""
    last_line = doc[doc.rfind("\n") + 1:]
    indent = last_line[:len(last_line) - len(last_line.lstrip())]
    return (f"{doc.rstrip()}\n\n{indent}"
            f"*Added: Mastodon v{created}, last changed: Mastodon v{changed}*")


def api_version(created_ver: str, last_changed_ver: str) -> Callable[[_F], _F]:
    """Mark an endpoint with the Mastodon versions that added and last changed it.

    When the client's ``version_check_mode`` is ``"created"``, calling the
    endpoint against a server known to be older than ``created_ver`` raises
    MastodonVersionError before any request is sent; ``"changed"`` also
    refuses servers older than ``last_changed_ver``, saying what changed.

    The wrapper costs one attribute test per call when checks are off. It
    carries the endpoint's own signature (``__signature__``), so
    :func:`inspect.signature`, :func:`inspect.getfullargspec`, ``help()`` and
    ``mock.create_autospec`` see the real parameters; the arguments themselves
    are checked by the endpoint when it is called.
    """

    def wrap(function: _F) -> _F:
        name = function.__name__

        def checked(self: Any, *args: Any, **kwargs: Any) -> Any:
            if self.version_check_mode != "none":
                self._facts.gate(name, created_ver, last_changed_ver, self.version_check_mode)
            return function(self, *args, **kwargs)

        # what functools.wraps copies, set directly (it costs the client import ~1 ms)
        checked.__module__ = function.__module__
        checked.__name__ = name
        checked.__qualname__ = function.__qualname__
        checked.__doc__ = _with_note(function.__doc__ or "", created_ver, last_changed_ver)
        checked.__annotations__ = function.__annotations__
        checked.__dict__.update(function.__dict__, __wrapped__=function,
                                _min_version=(created_ver, last_changed_ver),
                                __signature__=DeferredSignature(function))
        return checked  # type: ignore[return-value]

    return wrap
