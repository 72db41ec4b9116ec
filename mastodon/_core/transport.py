"""Send stage: one request through the pooled ``requests.Session``."""
from __future__ import annotations

import logging
import os
import urllib.parse
import urllib.request
from typing import Any, Dict, List, Mapping, Optional, Tuple, Type

import requests
import urllib3
from requests.adapters import HTTPAdapter

from ..errors import MastodonNetworkError, MastodonReadTimeout, add_note
from .debuglog import redact_text
from .params import Pairs, encodable, form_pairs, json_body
from .validate import header_value

log = logging.getLogger("mastodon")

#: Connections kept open per host by a session the client makes itself: enough for as
#: many threads as share a client in practice, so that none is dropped as "pool full".
POOL_SIZE = 64


class BearerAuth(requests.auth.AuthBase):
    """Adds ``Authorization: Bearer <token>``; the token never goes into a URL or a repr."""

    def __init__(self, token: str) -> None:
        self._token = header_value("access_token", token)

    def __call__(self, request: requests.PreparedRequest) -> requests.PreparedRequest:
        request.headers["Authorization"] = f"Bearer {self._token}"
        return request

    def __repr__(self) -> str:
        return "BearerAuth(<redacted>)"


class Call:
    """Everything needed to send one request (the output of the build stage)."""

    __slots__ = ("method", "url", "query", "form", "json", "files", "headers", "_file_starts")

    def __init__(self, method: str, url: str, headers: Dict[str, str],
                 files: Optional[Dict[str, Any]] = None) -> None:
        self.method = method
        self.url = url
        self.query: Optional[Pairs] = None
        self.form: Optional[Pairs] = None
        self.json: Optional[Dict[str, Any]] = None
        self.files = files
        self.headers = headers
        self._file_starts: List[Tuple[Any, int]] = []

    def __repr__(self) -> str:
        return f"Call({self.method!r}, {self.url!r})"

    def rewind_files(self) -> None:
        """Put uploaded file objects back where they started, before a (re)send."""
        if not self._file_starts and self.files:
            for value in self.files.values():
                handle = value[1] if isinstance(value, tuple) else value
                seekable = getattr(handle, "seekable", None)
                if callable(seekable) and seekable():
                    self._file_starts.append((handle, handle.tell()))
        for handle, start in self._file_starts:
            handle.seek(start)


def build_call(method: str, url: str, params: Optional[Dict[str, Any]], *,
               as_json: bool = False, files: Optional[Dict[str, Any]] = None,
               headers: Optional[Dict[str, str]] = None) -> Call:
    """Build stage: the request as Mastodon.py would send it (rules in :mod:`.params`).

    GET and HEAD send a query string, other methods a form body, multipart
    when there are files; ``as_json`` sends a JSON body instead, whatever the
    method. Text that cannot be encoded raises MastodonIllegalArgumentError
    naming the parameter or header, before anything is sent.
    """
    method = method.upper()
    for name, value in (headers or {}).items():
        header_value(name, value)
    call = Call(method, encodable("url", url), headers=dict(headers or {}), files=files or None)
    if as_json and not files:
        call.json = json_body(params)
    elif method in ("GET", "HEAD"):
        call.query = form_pairs(params)
    else:
        call.form = form_pairs(params)
    return call


def new_session(pool_size: int = POOL_SIZE) -> requests.Session:
    """A ``requests.Session`` keeping up to ``pool_size`` connections per host open."""
    session = requests.Session()
    for prefix in ("https://", "http://"):
        session.mount(prefix, HTTPAdapter(pool_maxsize=pool_size))
    return session


def transmit(session: requests.Session, call: Call, auth: Optional[requests.auth.AuthBase],
             timeout: Any, stream: bool = False) -> requests.Response:
    """Send ``call``; any failure below HTTP becomes MastodonNetworkError.

    So does any other exception the session raises (a stand-in session, a
    replay library refusing a request, a broken transport adapter), chained;
    only ``KeyboardInterrupt``, ``SystemExit`` and the like pass through.
    """
    call.rewind_files()
    try:
        if not _stock_session(session):
            response = session.request(
                call.method, call.url, params=call.query, data=call.form, json=call.json,
                files=call.files, headers=call.headers, auth=auth, timeout=timeout,
                stream=stream,
            )
        else:
            response = _send_stock(session, call, auth, timeout, stream)
        if not stream:
            _require_whole_body(response, call.method)
        return response
    except requests.exceptions.ReadTimeout as exc:
        raise network_error(MastodonReadTimeout, exc, call) from exc
    except (requests.exceptions.RequestException, OSError) as exc:
        if _stalled_body(exc):
            raise network_error(MastodonReadTimeout, exc, call, "the body stopped arriving: ") \
                from exc
        raise network_error(MastodonNetworkError, exc, call) from exc
    except Exception as exc:
        raise network_error(MastodonNetworkError, exc, call) from exc


def _send_stock(session: requests.Session, call: Call, auth: Optional[requests.auth.AuthBase],
                timeout: Any, stream: bool) -> requests.Response:
    """What ``Session.request`` does, with the environment settings looked up once per
    origin, and the body of a plain HTTPAdapter's answer read in one piece."""
    prepared = session.prepare_request(requests.Request(
        call.method, call.url, params=_query_string(call.query, session), data=call.form or {},
        json=call.json, files=call.files, headers=call.headers, auth=auth,
    ))
    url = prepared.url or call.url
    # the adapter and the hooks see ``stream`` as asked unless they are requests' own
    whole = not stream and (type(session.get_adapter(url)) is HTTPAdapter and
                            not prepared.hooks.get("response"))
    response = session.send(prepared, timeout=timeout, allow_redirects=True,
                            **_ENVIRONMENT.settings(session, url, stream or whole))
    if whole:
        _read_body(response)
    return response


def _query_string(pairs: Optional[Pairs], session: requests.Session) -> Any:
    """Query parameters for ``requests.Request``, encoded as requests would encode them.

    Done here when every value is a string or a number (requests' own encoding
    checks each value against runtime protocols, slowly); other values are
    left to requests. No parameters are ``{}``, for the session's own to be
    added, or the empty query when the session has none.
    """
    if not pairs:
        return {} if session.params else ""
    if isinstance(session.params, Mapping) and session.params:
        # requests would drop the session's own for a list of pairs: merge them as it merges
        # two dicts (Mastodon.py sends one), the request's winning
        ours = {key for key, _ in pairs}
        pairs = [(key, value) for key, value in session.params.items()
                 if key not in ours and value is not None] + list(pairs)
    if all(isinstance(value, (str, int, float)) for _, value in pairs):
        return urllib.parse.urlencode(pairs)
    return pairs


#: What ``Response.iter_content`` raises for urllib3's errors while reading a body.
_BODY_ERRORS: Tuple[Tuple[Type[Exception], Type[requests.exceptions.RequestException]], ...] = (
    (urllib3.exceptions.ProtocolError, requests.exceptions.ChunkedEncodingError),
    (urllib3.exceptions.DecodeError, requests.exceptions.ContentDecodingError),
    (urllib3.exceptions.ReadTimeoutError, requests.exceptions.ConnectionError),
    (urllib3.exceptions.SSLError, requests.exceptions.SSLError),
)


def _read_body(response: requests.Response) -> None:
    """Read the body of a response sent with ``stream=True``, as ``response.content`` would.

    A urllib3 body is read in one call instead of requests' 10 KB chunks, its
    errors raised as requests raises them; the connection goes back to the
    pool once the body has been read.
    """
    raw = response.raw
    if response._content is not False or not isinstance(raw, urllib3.response.HTTPResponse):
        response.content  # requests reads it
        return
    try:
        body = raw.read(decode_content=True)
    except urllib3.exceptions.HTTPError as exc:
        for theirs, ours in _BODY_ERRORS:
            if isinstance(exc, theirs):
                raise ours(exc) from exc
        raise
    response._content, response._content_consumed = body, True


def transient(error: MastodonNetworkError) -> bool:
    """Whether a network error came from the network (worth retrying), not from a
    session's own exception, which would only be raised again."""
    return isinstance(error.__cause__, (requests.exceptions.RequestException, OSError))


def network_error(cls: Type[MastodonNetworkError], exc: BaseException, call: Call,
                  what: str = "") -> MastodonNetworkError:
    """``cls`` for a failure below HTTP, saying its (redacted) reason and whether it was sent.

    The method and the redacted URL are attributes and an exception note.
    """
    reason = redact_text(str(exc) or type(exc).__name__)
    error = cls(f"Could not complete request: {what}{reason}")
    error.may_have_reached_server = not _never_sent(exc)
    error.method, error.url = call.method, redact_text(call.url)
    add_note(error, f"{call.method} {error.url}")
    return error


def _never_sent(exc: BaseException) -> bool:
    """Whether the failure happened before the request left: no connection, DNS, TLS handshake."""
    if isinstance(exc, (requests.exceptions.ConnectTimeout, requests.exceptions.SSLError)):
        return True
    for _ in range(8):  # requests wraps urllib3's errors: MaxRetryError(reason=...) in args
        if isinstance(exc, (urllib3.exceptions.NewConnectionError,
                            urllib3.exceptions.ConnectTimeoutError)):
            return True
        inner = getattr(exc, "reason", None) or (exc.args[0] if exc.args else None)
        if not isinstance(inner, BaseException):
            return False
        exc = inner
    return False


def _require_whole_body(response: Any, method: str) -> None:
    """Raise what urllib3 2 raises for a body that ended short of its Content-Length.

    urllib3 1.x (still installed on Python 3.9 and PyPy, e.g. by vcrpy) hands
    the shorter body over without a word, and its JSON would then be blamed.
    """
    raw = getattr(response, "raw", None)
    headers = getattr(response, "headers", None) or {}
    declared = str(headers.get("Content-Length", ""))
    if (method == "HEAD" or not isinstance(raw, urllib3.response.HTTPResponse)
            or not declared.isdigit() or "Transfer-Encoding" in headers
            or getattr(response, "status_code", None) in (204, 304)):
        return
    received = raw.tell()  # bytes taken off the connection, before any decompression
    if received < int(declared):
        partial = urllib3.exceptions.IncompleteRead(received, int(declared) - received)
        raise requests.exceptions.ChunkedEncodingError(
            urllib3.exceptions.ProtocolError(f"Connection broken: {partial!r}", partial))


def _stalled_body(exc: BaseException) -> bool:
    """Whether requests reports a body that stopped flowing (as a ConnectionError)."""
    return (isinstance(exc, requests.exceptions.ConnectionError) and bool(exc.args) and
            isinstance(exc.args[0], urllib3.exceptions.ReadTimeoutError))


def _stock_session(session: Any) -> bool:
    """Whether ``session`` sends the way requests.Session does (not a subclass changing
    that, nor a stand-in object: those get ``session.request(...)``)."""
    cls = type(session)
    return (isinstance(session, requests.Session) and
            getattr(cls, "request", None) is requests.Session.request and
            getattr(cls, "merge_environment_settings", None) is
            requests.Session.merge_environment_settings)


class EnvironmentSettings:
    """The proxy, CA-bundle and stream settings requests derives for a URL, remembered.

    ``requests.Session.request`` rebuilds them for every request, scanning the
    whole process environment twice for proxy variables. They only change with
    the environment or the session's ``trust_env``, ``proxies``, ``stream``,
    ``verify`` and ``cert``, so they are kept per origin and reused while a
    snapshot of all of those is unchanged. Where proxies also come from system
    settings (macOS, Windows) nothing is remembered.
    """

    _LIMIT = 64

    def __init__(self) -> None:
        self._entries: Dict[Tuple[str, bool], Tuple[Tuple[Any, ...], Dict[str, Any]]] = {}
        self._enabled = (urllib.request.getproxies is
                         getattr(urllib.request, "getproxies_environment", None))

    def settings(self, session: requests.Session, url: str, stream: bool) -> Dict[str, Any]:
        """Keyword arguments for ``session.send`` of a request to ``url``."""
        environ = getattr(os.environ, "_data", None)  # the raw mapping: a cheap snapshot
        if not self._enabled or not isinstance(environ, dict):
            return dict(session.merge_environment_settings(url, {}, stream, None, None))
        key = ("/".join(url.split("/", 3)[:3]), stream)
        snapshot = (session.trust_env, tuple(session.proxies.items()), session.stream,
                    session.verify, session.cert, tuple(environ.items()))
        entry = self._entries.get(key)
        if entry is None or entry[0] != snapshot:
            if len(self._entries) >= self._LIMIT:
                self._entries.clear()
            computed = dict(session.merge_environment_settings(url, {}, stream, None, None))
            entry = self._entries[key] = (snapshot, computed)
        settings = dict(entry[1])
        settings["proxies"] = dict(settings["proxies"])  # a fresh dict, as requests gives
        return settings


_ENVIRONMENT = EnvironmentSettings()

