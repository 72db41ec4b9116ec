"""What a client knows about its server, and how it learns it.

:class:`ServerFacts` is a client's memory of its server: the instance
documents it has fetched (kept until :meth:`ServerFacts.forget`, which
``clear_caches()`` calls) and the version they name. :class:`ServerLookup`
binds those facts to the client's way of fetching, for one call: every mixin
that needs the server's version or instance information goes through it
(``self._server``), and the request core names none of them.

The server is asked what Mastodon.py asks, in its order: the version comes
from ``GET /api/v1/instance/``, then ``GET /api/v2/instance/`` adds the API
version. Each document is fetched once and kept; a failed fetch is not kept,
so the next lookup asks again.
"""
from __future__ import annotations

import functools
import logging
import threading
from typing import Any, Callable, Dict, Optional, Tuple

from .. import return_types as rt
from ..errors import MastodonAPIError, MastodonError, MastodonIllegalArgumentError, \
    MastodonVersionError
from .locks import RecreatedLocks
from .version_text import UNKNOWN_VERSION, Version, dotted, mastodon_level, \
    parse_version_string, release_text

log = logging.getLogger("mastodon")

#: Where each instance document lives, and the name of the entity it decodes to.
_INSTANCE_DOCUMENTS = {"v1": ("/api/v1/instance/", "Instance"),
                       "v2": ("/api/v2/instance/", "InstanceV2")}


def instance_document(name: str) -> Tuple[str, Any]:
    """The path of the instance document ``"v1"`` or ``"v2"``, and the entity it decodes to."""
    path, entity = _INSTANCE_DOCUMENTS[name]
    return path, getattr(rt, entity)


#: ``GET path`` decoded as ``entity``: how a lookup reaches the server (the request core).
Fetch = Callable[[str, Any], Any]

#: The versions endpoints declare, parsed once each (a small, fixed set).
_endpoint_version = functools.lru_cache(maxsize=None)(parse_version_string)

#: Which ``configuration.timelines_access`` entry governs each kind of timeline.
_TIMELINE_FEEDS = {"public": "live_feeds", "local": "live_feeds", "hashtag": "hashtag_feeds",
                   "tag": "hashtag_feeds", "link": "trending_link_feeds"}


class ServerFacts(RecreatedLocks):
    """One client's knowledge of its server; every field is guarded by ``lock``.

    Pickled without the lock; the client that holds it hands it its own again.
    """

    _locks = ("lock",)

    def __init__(self, lock: threading.RLock) -> None:
        self.lock = lock
        #: Instance documents fetched so far ("v1", "v2"), kept until forget().
        self.documents: Dict[str, Any] = {}
        self.version: Version = (1, 0, 0)
        self.api_version = 0
        #: Whether ``version`` is the server's Mastodon version (False: unknown, checks pass).
        self.known = False
        #: Whether a version was given or read from the server since the last forget().
        self.checked = False
        #: The last warning about the version, so that each is logged once.
        self.warning: Optional[str] = None

    def _make_locks(self) -> None:
        self.lock = threading.RLock()

    def given(self, version_str: Any, strict: bool) -> None:
        """Take the constructor's ``mastodon_version`` as the server's version.

        An unreadable one raises MastodonVersionError when ``strict`` (version
        checks on); otherwise it leaves the version unknown, and nothing is asked
        either, as with Mastodon.py.
        """
        try:
            version = parse_version_string(version_str)
        except MastodonVersionError:
            if strict:
                raise
            with self.lock:
                self.known, self.checked = False, True
            return
        with self.lock:
            self.version, self.known, self.checked = version, True, True

    def forget(self) -> None:
        """Drop the fetched documents; the next version check asks the server again."""
        with self.lock:
            self.documents.clear()
            self.checked = False

    def meets(self, wanted: Version) -> bool:
        """Whether the version as now known is at least ``wanted`` (unknown: yes)."""
        with self.lock:
            return not self.known or self.version >= wanted

    def gate(self, name: str, created: str, changed: str, mode: str) -> None:
        """The check behind ``@api_version`` in the ``"created"`` and ``"changed"`` modes:
        compares with the version known and asks nothing (it runs before every call)."""
        needed = changed if mode == "changed" else created
        if self.meets(_endpoint_version(needed)):
            return
        if needed != created and self.meets(_endpoint_version(created)):
            raise MastodonVersionError(
                f"{name} changed in {changed}; this server runs {self.running()} "
                "(version_check_mode='changed' refuses calls that may behave differently "
                "there; 'created' allows them)")
        raise MastodonVersionError(
            f"{name}() needs Mastodon {created} or newer; this server runs {self.running()}")

    def running(self) -> str:
        with self.lock:
            return dotted(self.version)

    def warn_once(self, message: str) -> None:
        with self.lock:
            if message == self.warning:
                return
            self.warning = message
        log.warning(message)


class ServerLookup:
    """A client's :class:`ServerFacts` with the means to complete them, for one call."""

    __slots__ = ("facts", "fetch", "base_url", "mode")

    def __init__(self, facts: ServerFacts, fetch: Fetch, base_url: str, mode: str) -> None:
        self.facts = facts
        self.fetch = fetch
        self.base_url = base_url
        self.mode = mode  # the client's version_check_mode

    def document(self, name: str) -> Any:
        """The instance document ``"v1"`` or ``"v2"``, fetched on first use and kept."""
        facts = self.facts
        with facts.lock:
            if name not in facts.documents:
                path, entity = instance_document(name)
                facts.documents[name] = self.fetch(path, entity)
            return facts.documents[name]

    # ------------------------------------------------------------------ learning the version

    def retrieve(self, fail_hard: bool = False) -> str:
        """Learn the server's version (see ``Mastodon.retrieve_mastodon_version``)."""
        try:
            instance = self.document("v1")
        except MastodonError as exc:
            if fail_hard:
                raise MastodonVersionError(
                    f"Could not ask {self.base_url} for its version: {exc}") from exc
            self._read_api_version()
            return self._not_asked(exc)
        text = instance.get("version") if isinstance(instance, dict) else None
        level = mastodon_level(text)
        self._read_api_version()
        facts = self.facts
        with facts.lock:
            facts.checked, facts.known = True, level is not None
            if level is not None:
                facts.version = level
        if level is None:
            problem = f"reports the version {text!r}" if text else "reports no version"
            if fail_hard:
                raise MastodonVersionError(f"{self.base_url} {problem}")
            facts.warn_once(f"{self.base_url} {problem}, which names no Mastodon version; "
                            "version checks are off for it")
        return release_text(text)

    def _read_api_version(self) -> None:
        """Note the API version the v2 document announces (a server without one: 0)."""
        try:
            instance = self.document("v2")
        except MastodonError:
            return
        versions = instance.get("api_versions") if isinstance(instance, dict) else None
        level = versions.get("mastodon") if isinstance(versions, dict) else None
        with self.facts.lock:
            self.facts.api_version = level if isinstance(level, int) else 0

    def _not_asked(self, error: MastodonError) -> str:
        with self.facts.lock:
            self.facts.known = False
        self.facts.warn_once(f"Could not ask {self.base_url} for its version ({error}); "
                             "version checks let calls through until it answers")
        return UNKNOWN_VERSION

    # ------------------------------------------------------------------ answering checks

    def verify(self, version_str: str, cached: bool = False) -> bool:
        """Whether the server runs at least ``version_str`` (unknown: True).

        Learns the version first unless ``cached`` is set and it is known
        already; learning it sends nothing once the documents are kept.
        """
        try:
            wanted = parse_version_string(version_str)
        except MastodonVersionError as exc:  # a ValueError, as with Mastodon.py
            raise MastodonIllegalArgumentError(f"version_str: {exc}") from exc
        if not cached or not self.facts.checked:
            self.retrieve()
        return self.facts.meets(wanted)

    def known_at_least(self, version_str: str) -> bool:
        """True only when the server's version is known and at least ``version_str``."""
        return self.verify(version_str, cached=True) and self.facts.known

    def require(self, version_str: str, what: str) -> None:
        """Refuse ``what`` locally when the server is known to be older than ``version_str``.

        Only in the ``"created"`` and ``"changed"`` check modes; with ``"none"``
        every call goes to the server.
        """
        if self.mode != "none" and not self.verify(version_str, cached=True):
            raise MastodonVersionError(f"{what} needs Mastodon {version_str} or newer; "
                                       f"this server runs {self.facts.running()}")

    # ------------------------------------------------------------------ timeline access

    def timeline_is_available(self, timeline: str, local: bool, remote: bool,
                              with_auth: bool, fail_hard: bool) -> bool:
        """Whether the v2 document's ``timelines_access`` lets this client read ``timeline``.

        See ``Mastodon.timeline_is_available``.
        """
        key = _TIMELINE_FEEDS.get(timeline.split("/", 1)[0])
        if key is None:
            if fail_hard:
                raise MastodonIllegalArgumentError(f"timeline: unknown timeline {timeline!r}")
            return True
        try:
            instance = self.document("v2")
        except MastodonError as exc:
            if fail_hard:
                raise MastodonAPIError(
                    f"Failed to determine timeline availability for {timeline!r}") from exc
            return True
        configuration = instance.get("configuration") if isinstance(instance, dict) else None
        access = configuration.get("timelines_access") if isinstance(configuration, dict) else None
        rules = access.get(key) if isinstance(access, dict) else None
        rules = rules if isinstance(rules, dict) else {}
        if key == "trending_link_feeds":
            wanted = ["local", "remote"]
        else:
            wanted = ["local"] if local or timeline == "local" else (
                ["remote"] if remote else ["local", "remote"])
        allowed = {"public"} | ({"authenticated"} if with_auth else set())
        return all(rules.get(scope, "public") in allowed for scope in wanted)
