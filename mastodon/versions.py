"""Server versions: parsing version strings, what the client knows about the
server's version (and how it keeps that up to date), and the ``api_version``
decorator every endpoint carries."""
from __future__ import annotations

import functools
import logging
import re
import time
from typing import Any, Callable, Dict, Optional, Tuple, TypeVar

from . import return_types as rt
from ._core.signature import DeferredSignature
from .errors import MastodonAPIError, MastodonError, MastodonServerError, MastodonVersionError
from .internals import Internals

log = logging.getLogger("mastodon")

_F = TypeVar("_F", bound=Callable[..., Any])
_VERSION_RE = re.compile(r"\s*v?(\d+)(?:\.(\d*))?(?:\.(\d*))?")
Version = Tuple[int, int, int]
#: What retrieve_mastodon_version() returns for a server naming no readable version.
UNKNOWN_VERSION = "1.0.0"

#: Where each version of the instance information lives, and what it decodes to.
INSTANCE_DOCUMENTS: Dict[str, Tuple[str, Any]] = {
    "v2": ("/api/v2/instance/", rt.InstanceV2),
    "v1": ("/api/v1/instance/", rt.Instance),
}
#: After a version check misses, ask the server again at most this often (seconds).
VERSION_RECHECK_SECONDS = 300.0


def parse_version_string(version_string: str) -> Tuple[int, int, int]:
    """Parse ``"4.2.1"``, ``"4.3.0-beta.1"`` or ``"2.7.2 (compatible; Pleroma 2.0)"``.

    Returns ``(major, minor, patch)``; missing parts count as 0. Raises
    MastodonVersionError when the string does not start with a number.
    """
    match = _VERSION_RE.match(str(version_string)) if version_string is not None else None
    if match is None:
        raise MastodonVersionError(f"Could not parse version string {version_string!r}")
    return tuple(int(part) if part else 0 for part in match.groups())  # type: ignore[return-value]


def mastodon_level(version_string: Any) -> Optional[Version]:
    """The Mastodon version a server's version string claims, or None when it claims none.

    Forks and compatible servers put Mastodon's number first (``4.2.8+glitch``,
    ``2.7.2 (compatible; Akkoma 3.10.0)``). A string that does not start with a
    number, or starts with 0 (GoToSocial numbers its own releases ``0.x``; no
    Mastodon release carries such a number), names no Mastodon version.
    """
    if not isinstance(version_string, str):
        return None
    try:
        level = parse_version_string(version_string)
    except MastodonVersionError:
        return None
    return level if level[0] > 0 else None


def max_version(*version_strings: str) -> str:
    """Return the highest of the given version strings (empty ones are skipped)."""
    candidates = [v for v in version_strings if v]
    if not candidates:
        raise MastodonVersionError("max_version() needs at least one version string")
    return max(candidates, key=parse_version_string)


def _dotted(version: Version) -> str:
    return ".".join(map(str, version))


class VersionsMixin(Internals):
    """What the client knows about the server's version, and when it asks again.

    The version comes from the instance information (v2, else v1) or from the
    constructor's ``mastodon_version``. A version check that fails against a
    version the server reported asks the server again, at most every
    ``version_recheck_interval`` seconds, so that an upgrade is noticed.
    """

    mastodon_major: int
    mastodon_minor: int
    mastodon_patch: int
    mastodon_api_version: int
    version_check_mode: str
    _version_checked: bool
    _instance_cache: Dict[str, Any]

    #: Seconds between two server questions caused by failed version checks.
    version_recheck_interval: float = VERSION_RECHECK_SECONDS
    #: False when the server reported no Mastodon version (see :func:`mastodon_level`).
    _version_known = True
    #: time.monotonic() of the server's last version answer; None for a version we were given.
    _version_asked_at: Optional[float] = None
    #: The last warning about the version, so that each is logged once.
    _version_warning: Optional[str] = None

    # ------------------------------------------------------------------ asking the server

    def _cached_instance(self, version: str) -> Any:
        """The instance information (``"v1"`` or ``"v2"``), fetched once and cached."""
        with self._cache_lock:
            if version not in self._instance_cache:
                path, entity = INSTANCE_DOCUMENTS[version]
                self._instance_cache[version] = self._get(path, entity=entity)
            return self._instance_cache[version]

    def _ask_instance(self) -> Any:
        """Fetch the instance information afresh: v2, or v1 where v2 is refused."""
        with self._cache_lock:
            for version in INSTANCE_DOCUMENTS:
                self._instance_cache.pop(version, None)
            try:
                return self._cached_instance("v2")
            except MastodonAPIError:
                return self._cached_instance("v1")

    def _warn_once(self, message: str) -> None:
        with self._cache_lock:
            if message == self._version_warning:
                return
            self._version_warning = message
        log.warning(message)

    def retrieve_mastodon_version(self, fail_hard: bool = False) -> str:
        """Ask the server for its version and remember it for version checks.

        Always asks, and returns the version string as the server sent it. A
        server that cannot be asked, or whose answer names no Mastodon version
        (none at all, ``"banana"``, GoToSocial's ``0.15.0``), is logged once as a
        warning and leaves the version unknown: version checks then let every
        call through. With ``fail_hard`` those cases raise instead
        (MastodonVersionError for a missing or unreadable version). Without it,
        returns ``"1.0.0"`` when the server names no readable version, as
        Mastodon.py does (checks still treat the version as unknown).

        Calls ``GET /api/v2/instance/`` (``GET /api/v1/instance/`` on servers
        without it).
        """
        try:
            instance = self._ask_instance()
        except MastodonServerError as exc:  # a passing fault: ask again at the next check
            return self._not_asked(exc, fail_hard)
        except MastodonAPIError:  # the server answers, but serves no instance information
            if fail_hard:
                raise
            instance = None
        except MastodonError as exc:
            return self._not_asked(exc, fail_hard)
        text = instance.get("version") if isinstance(instance, dict) else None
        level = mastodon_level(text)
        with self._cache_lock:
            self._version_checked = True
            self._version_asked_at = time.monotonic()
            self._version_known = level is not None
            if level is not None:
                self.mastodon_major, self.mastodon_minor, self.mastodon_patch = level
                api_versions = instance.get("api_versions")
                mastodon_api = api_versions.get("mastodon") if isinstance(api_versions, dict) else 0
                self.mastodon_api_version = mastodon_api if isinstance(mastodon_api, int) else 0
        if level is None:
            problem = ("serves no instance information" if instance is None else
                       f"reports the version {text!r}" if text else "reports no version")
            if fail_hard:
                raise MastodonVersionError(f"{self.api_base_url} {problem}")
            self._warn_once(f"{self.api_base_url} {problem}, which names no Mastodon version; "
                            "version checks are off for it")
        return text if isinstance(text, str) and _VERSION_RE.match(text) else UNKNOWN_VERSION

    def _not_asked(self, error: MastodonError, fail_hard: bool) -> str:
        if fail_hard:
            raise error
        with self._cache_lock:
            if self._version_asked_at is None:  # nothing learnt yet: do not judge by 1.0.0
                self._version_known = False
        self._warn_once(f"Could not ask {self.api_base_url} for its version ({error}); "
                        "version checks let calls through until it answers")
        return UNKNOWN_VERSION

    # ------------------------------------------------------------------ answering checks

    def _meets(self, wanted: Version) -> bool:
        """Whether the version as now known is at least ``wanted`` (unknown: yes)."""
        with self._cache_lock:
            have = (self.mastodon_major, self.mastodon_minor, self.mastodon_patch)
            return not self._version_known or have >= wanted

    def _recheck_due(self) -> bool:
        asked_at = self._version_asked_at
        return asked_at is not None and (
            time.monotonic() - asked_at >= self.version_recheck_interval)

    def verify_minimum_version(self, version_str: str, cached: bool = False) -> bool:
        """Whether the server runs at least ``version_str``.

        ``version_str`` is a version such as ``"4.2.0"`` (``"4.2"`` means the same).
        Asks the server first (see :meth:`retrieve_mastodon_version`) unless
        ``cached`` is set and the version is already known. A cached answer of
        "no" is checked with the server again when the server's last answer is
        older than ``version_recheck_interval`` seconds (300 by default), so
        that a long-running program notices an upgrade. A version passed to the
        constructor is never re-checked. When the server's version is unknown
        the answer is True: nothing can be ruled out, and the server decides.
        """
        wanted = parse_version_string(version_str)
        if not cached or not self._version_checked:
            self.retrieve_mastodon_version()
        elif not self._meets(wanted) and self._recheck_due():
            self.retrieve_mastodon_version()
        return self._meets(wanted)

    def _version_known_at_least(self, version_str: str) -> bool:
        """True only when the server's version is known and at least ``version_str``."""
        return self.verify_minimum_version(version_str, cached=True) and self._version_known

    def _running(self) -> str:
        return _dotted((self.mastodon_major, self.mastodon_minor, self.mastodon_patch))

    def _require_version(self, version_str: str, what: str) -> None:
        """Refuse ``what`` locally when the server is known to be older than ``version_str``.

        Only in the ``"created"`` and ``"changed"`` check modes; with ``"none"``
        every call goes to the server.
        """
        if self.version_check_mode != "none" and not self.verify_minimum_version(
                version_str, cached=True):
            raise MastodonVersionError(
                f"{what} needs Mastodon {version_str} or newer; this server runs {self._running()}")

    def _version_gate(self, name: str, created: str, changed: str) -> None:
        """The check behind ``@api_version`` in the ``"created"`` and ``"changed"`` modes."""
        needed = changed if self.version_check_mode == "changed" else created
        if self.verify_minimum_version(needed, cached=True):
            return
        if needed != created and self._meets(parse_version_string(created)):
            raise MastodonVersionError(
                f"{name} changed in {changed}; this server runs {self._running()} "
                "(version_check_mode='changed' refuses calls that may behave differently "
                "there; 'created' allows them)")
        raise MastodonVersionError(
            f"{name}() needs Mastodon {created} or newer; this server runs {self._running()}")


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

        @functools.wraps(function)
        def checked(self: Any, *args: Any, **kwargs: Any) -> Any:
            if self.version_check_mode != "none":
                self._version_gate(name, created_ver, last_changed_ver)
            return function(self, *args, **kwargs)

        checked.__doc__ = _with_note(function.__doc__ or "", created_ver, last_changed_ver)
        checked._min_version = (created_ver, last_changed_ver)  # type: ignore[attr-defined]
        checked.__signature__ = DeferredSignature.of(function)  # type: ignore[attr-defined]
        return checked  # type: ignore[return-value]

    return wrap
