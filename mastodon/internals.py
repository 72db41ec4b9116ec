"""The request core: the one place every API request passes through.

``Internals._request`` runs the stages of :mod:`mastodon._core` in order:
build the call, refuse blocked instances, wait for the rate limiter, send,
retry transient failures, map error statuses to exceptions, decode the JSON
into entities and attach pagination and async-refresh info. Endpoint methods in the area
mixins are thin declarations over it.
"""
from __future__ import annotations

import logging
import threading
from datetime import datetime
from typing import (
    TYPE_CHECKING, Any, Dict, Literal, Optional, Tuple, Type, TypedDict, TypeVar, overload,
)

import requests
import urllib3

from ._core import debuglog
from ._core.asyncrefresh import attach_async_refresh
from ._core.blocklist import refuse_blocked
from ._core.check import raise_for_status, warn_if_deprecated, with_details
from ._core.decode import UnusableBody, decode_response
from ._core.locks import RecreatedLocks
from ._core.pagination import attach_pagination
from ._core.ratelimit import RateLimiter, bucket_for
from ._core.retry import RetryPolicy, note_idempotency_key, with_idempotency_key
from ._core.server import ServerFacts, ServerLookup
from ._core.transport import BearerAuth, Call, build_call, transient, transmit
from ._core.validate import header_value
from .errors import (
    MastodonError, MastodonIllegalArgumentError, MastodonNetworkError, MastodonRatelimitError,
)

if TYPE_CHECKING:
    from typing_extensions import Unpack  # typing.Unpack is Python 3.11+

log = logging.getLogger("mastodon")

_Client = TypeVar("_Client", bound="Internals")
_E = TypeVar("_E")  # the entity a request's answer is decoded into
Params = Optional[Dict[str, Any]]


if TYPE_CHECKING:  # for type checkers only: a TypedDict costs the import a compile per field
    class RequestOptions(TypedDict, total=False):
        """The keyword options of :meth:`Internals._request` besides ``entity`` and ``stream``."""

        json_body: bool
        files: Optional[Dict[str, Any]]
        headers: Optional[Dict[str, str]]
        base_url: Optional[str]
        auth: bool
        ratelimit: bool
        timeout: Any


def _limiter_field(name: str, doc: str) -> Any:
    """A client attribute that reads and writes one field of the client's RateLimiter."""

    def get(self: "Internals") -> Any:
        return getattr(self._ratelimiter, name)

    def set(self: "Internals", value: Any) -> None:
        setattr(self._ratelimiter, name, value)

    return property(get, set, doc=doc)


def _close_pools(session: requests.Session) -> None:
    """Close the pooled connections of every adapter of ``session`` now.

    ``Session.close()`` only forgets the pools; their connections end when the
    garbage collector gets to them, which a response still held elsewhere (for
    example by an exception the caller kept) delays indefinitely, and which
    PyPy, without reference counting, does only now and then.
    """
    for adapter in session.adapters.values():
        managers = [getattr(adapter, "poolmanager", None),
                    *getattr(adapter, "proxy_manager", {}).values()]
        for manager in managers:
            pools = getattr(manager, "pools", None)
            if pools is None:
                continue
            for key in pools.keys():
                try:
                    pools[key].close()
                except KeyError:  # dropped by another thread meanwhile
                    pass


def close_pool_of(response: Any) -> None:
    """Close the connection pool a finished ``requests`` response came from, now.

    For a response of a session that is closed already (``requests.post``
    closes its own at once), whose pool that session only forgot.
    """
    pool = getattr(getattr(response, "raw", None), "_pool", None)
    if isinstance(pool, urllib3.connectionpool.HTTPConnectionPool):
        pool.close()


class Internals(RecreatedLocks):
    """Shared state and the request core of a :class:`mastodon.Mastodon` client.

    A client pickles (its locks are made anew on load); the restored client
    owns, and :meth:`close` closes, the copy of the session it was pickled with.
    """

    api_base_url: str
    access_token: Optional[str]
    client_id: Optional[str]
    client_secret: Optional[str]
    _refresh_token: Optional[str]
    _token_expired: datetime
    session: requests.Session
    request_timeout: Any
    user_agent: Optional[str]
    lang: Optional[str]
    debug_requests: bool
    version_check_mode: str
    retry_policy: RetryPolicy
    _ratelimiter: RateLimiter
    _cache_lock: threading.RLock
    _owns_session = False  # whether close() may close ``session`` (the client created it)

    _facts: ServerFacts  # what the client knows about its server (version, instance documents)

    @property
    def _server(self) -> ServerLookup:
        """The server's version and instance information, with the means to ask for them.

        Every mixin that needs them uses this core service (:mod:`mastodon._core.server`).
        """
        return ServerLookup(self._facts, lambda path, entity: self._get(path, entity=entity),
                            self.api_base_url, self.version_check_mode)

    @overload
    def _request(self, method: str, path: str, params: Params = None, *, entity: Type[_E],
                 stream: Literal[False] = False, **options: Unpack[RequestOptions]) -> _E: ...

    @overload
    def _request(self, method: str, path: str, params: Params = None, *, entity: None = None,
                 stream: Literal[True], **options: Unpack[RequestOptions]) -> requests.Response: ...

    @overload
    def _request(self, method: str, path: str, params: Params = None, *, entity: None = None,
                 stream: bool = False, **options: Unpack[RequestOptions]) -> Any: ...

    def _request(
        self,
        method: str,
        path: str,
        params: Params = None,
        *,
        entity: Any = None,
        json_body: bool = False,
        files: Optional[Dict[str, Any]] = None,
        headers: Optional[Dict[str, str]] = None,
        base_url: Optional[str] = None,
        auth: bool = True,
        ratelimit: bool = True,
        stream: bool = False,
        timeout: Any = None,
    ) -> Any:
        """Send one API request and return its result decoded into ``entity``.

        ``path`` is relative to ``base_url`` (default: the instance's API base
        URL). With ``stream=True`` the open response is returned undecoded.
        """
        url = (base_url or self.api_base_url) + path
        refuse_blocked(url)
        if self.lang is not None:
            params = {"lang": self.lang, **(params or {})}
        headers = with_idempotency_key(method, url, {**self._default_headers(), **(headers or {})})
        call = build_call(method, url, params, as_json=json_body, files=files, headers=headers)
        try:
            response, result = self._send(
                call, entity, ratelimit=ratelimit, auth=auth, stream=stream,
                timeout=timeout if timeout is not None else self.request_timeout)
        except MastodonError as exc:
            note_idempotency_key(exc, call.headers)
            raise
        if stream:
            return response
        attach_pagination(result, response, call.method, call.query)
        attach_async_refresh(result, response, call.method, path, params)
        return result

    def _send(self, call: Call, entity: Any, *, ratelimit: bool, auth: bool, stream: bool,
              timeout: Any) -> Tuple[requests.Response, Any]:
        """Send with rate limiting and retries: the successful response and its body decoded
        into ``entity`` (None when streaming), or raise.

        Transient failures of a request the retry policy may repeat are retried:
        network errors, the retry statuses, and success answers whose body is
        unusable (empty where an entity is expected, cut short, not JSON).
        """
        limiter = self._ratelimiter if ratelimit else None
        policy = self.retry_policy
        authorizer = BearerAuth(self.access_token) if auth and self.access_token else None
        bucket = bucket_for(call.method, call.url)
        failures = limited = 0
        while True:  # every pass returns, raises, or raises a capped counter
            try:
                response = self._exchange(call, limiter, bucket, authorizer, timeout, stream)
            except MastodonNetworkError as exc:
                self._log_failure(call, exc)
                if not transient(exc) or not policy.can_retry(call.method, call.headers, failures):
                    raise
                self._retry(failures, call, str(exc))
                failures += 1
                continue
            if limiter is not None and response.status_code == 429:
                try:
                    limiter.wait_after_429(response.headers, limited, bucket)
                except MastodonRatelimitError as exc:
                    raise with_details(exc, response)
                limited += 1
                continue
            if policy.can_retry(call.method, call.headers, failures, response.status_code):
                response.close()
                self._retry(failures, call, f"{response.status_code} {response.reason}")
                failures += 1
                continue
            raise_for_status(response)
            warn_if_deprecated(response)
            if stream:
                return response, None
            try:
                return response, decode_response(response, entity)
            except UnusableBody as broken:
                if not policy.can_retry(call.method, call.headers, failures):
                    raise broken.error from broken.__cause__
                self._retry(failures, call, str(broken.error))
                failures += 1

    def _exchange(self, call: Call, limiter: Optional[RateLimiter], bucket: str,
                  authorizer: Optional[BearerAuth], timeout: Any,
                  stream: bool) -> requests.Response:
        """One request and its answer, holding a rate-limit slot (when ``limiter`` is given)
        that is given back on every way out, exceptions of any kind included."""
        if limiter is None:
            response = transmit(self.session, call, authorizer, timeout, stream)
        else:
            limiter.before_request(bucket)
            answered = False
            try:
                response = transmit(self.session, call, authorizer, timeout, stream)
                limiter.update(response.headers, bucket)  # releases the slot
                answered = True
            finally:
                if not answered:
                    limiter.request_done(bucket)
        self._log_exchange(response, stream)
        return response

    def _retry(self, failures: int, call: Call, reason: str) -> None:
        """Log why a request is sent again (once, at INFO), then wait as the retry policy says."""
        log.info("retrying %s (retry %d of %d) after: %s", _described(call), failures + 1,
                 self.retry_policy.max_retries, reason)
        self.retry_policy.wait(failures)

    def _default_headers(self) -> Dict[str, str]:
        return {"User-Agent": header_value("user_agent", self.user_agent)} if self.user_agent else {}

    def _log_exchange(self, response: requests.Response, stream: bool) -> None:
        if self.debug_requests:
            debuglog.log_request(response.request)
            debuglog.log_response(response, stream)

    def _log_failure(self, call: Call, exc: Exception) -> None:
        if self.debug_requests:
            log.debug("request %s failed: %s", _described(call), exc)

    # ------------------------------------------------------------------ shorthands
    # Each is typed like _request: decoded into ``entity`` when one is given, untyped otherwise.

    @overload
    def _get(self, path: str, params: Params = None, *, entity: Type[_E],
             **options: Unpack[RequestOptions]) -> _E: ...

    @overload
    def _get(self, path: str, params: Params = None, *, entity: None = None,
             **options: Unpack[RequestOptions]) -> Any: ...

    def _get(self, path: str, params: Params = None, **kw: Any) -> Any:
        return self._request("GET", path, params, **kw)

    @overload
    def _post(self, path: str, params: Params = None, *, entity: Type[_E],
              **options: Unpack[RequestOptions]) -> _E: ...

    @overload
    def _post(self, path: str, params: Params = None, *, entity: None = None,
              **options: Unpack[RequestOptions]) -> Any: ...

    def _post(self, path: str, params: Params = None, **kw: Any) -> Any:
        return self._request("POST", path, params, **kw)

    @overload
    def _put(self, path: str, params: Params = None, *, entity: Type[_E],
             **options: Unpack[RequestOptions]) -> _E: ...

    @overload
    def _put(self, path: str, params: Params = None, *, entity: None = None,
             **options: Unpack[RequestOptions]) -> Any: ...

    def _put(self, path: str, params: Params = None, **kw: Any) -> Any:
        return self._request("PUT", path, params, **kw)

    @overload
    def _patch(self, path: str, params: Params = None, *, entity: Type[_E],
               **options: Unpack[RequestOptions]) -> _E: ...

    @overload
    def _patch(self, path: str, params: Params = None, *, entity: None = None,
               **options: Unpack[RequestOptions]) -> Any: ...

    def _patch(self, path: str, params: Params = None, **kw: Any) -> Any:
        return self._request("PATCH", path, params, **kw)

    @overload
    def _delete(self, path: str, params: Params = None, *, entity: Type[_E],
                **options: Unpack[RequestOptions]) -> _E: ...

    @overload
    def _delete(self, path: str, params: Params = None, *, entity: None = None,
                **options: Unpack[RequestOptions]) -> Any: ...

    def _delete(self, path: str, params: Params = None, **kw: Any) -> Any:
        return self._request("DELETE", path, params, **kw)

    # ------------------------------------------------------------------ lifecycle

    _locks = ("_cache_lock",)

    def _make_locks(self) -> None:
        self._cache_lock = threading.RLock()
        facts = self.__dict__.get("_facts")  # unpickling: the server facts share the lock
        if facts is not None:
            facts.lock = self._cache_lock

    def __setstate__(self, state: Dict[str, Any]) -> None:
        super().__setstate__(state)
        self._owns_session = True  # unpickling made a session of its own

    def close(self) -> None:
        """Release the pooled connections of the session this client created.

        A session passed to the constructor belongs to the caller and is left
        open. Calling it twice is harmless; a request sent after it opens new
        connections, which another ``close()`` releases.
        """
        if self._owns_session:
            _close_pools(self.session)
            self.session.close()

    def __enter__(self: _Client) -> _Client:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # ------------------------------------------------------------------ rate limit attributes

    @property
    def ratelimit_method(self) -> str:
        """``"throw"``, ``"wait"`` or ``"pace"``: what to do about the rate limit."""
        return self._ratelimiter.method

    @ratelimit_method.setter
    def ratelimit_method(self, value: str) -> None:
        self._ratelimiter.method = value

    @property
    def ratelimit_pacefactor(self) -> float:
        """In pace mode, how much faster than the even rate requests may go."""
        return self._ratelimiter.pacefactor

    @ratelimit_pacefactor.setter
    def ratelimit_pacefactor(self, value: float) -> None:
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value <= 0:
            raise MastodonIllegalArgumentError(
                f"ratelimit_pacefactor must be a positive number, got {value!r}")
        self._ratelimiter.pacefactor = float(value)

    ratelimit_limit = _limiter_field("limit", "Requests allowed per window, as the server last reported.")
    ratelimit_remaining = _limiter_field(
        "remaining", "Requests left in the current window: the server's count less those under way.")
    ratelimit_reset = _limiter_field(
        "reset", "When the window resets, as a POSIX timestamp (None until the server said).")
    ratelimit_lastcall = _limiter_field(
        "lastcall", "When the rate-limit values were last updated, as a POSIX timestamp.")


def _described(call: Call) -> str:
    """Method and URL of a call, secrets redacted, for log lines."""
    return f"{call.method} {debuglog.redact_text(call.url)}"


Mastodon = Internals  # import path kept for compatibility: mastodon.internals.Mastodon
