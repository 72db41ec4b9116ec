"""Client construction, app registration and OAuth logins."""
from __future__ import annotations

import ipaddress
import os
import warnings
from datetime import datetime
from typing import Any, Dict, List, Optional, Tuple
from urllib.parse import urlencode, urlsplit

import requests

from . import return_types as rt
from ._core import validate
from ._core.blocklist import refuse_blocked
from ._core.check import raise_for_status
from ._core.params import encodable
from ._core.credentials import adopt_token, credential_path, persistable_text, read_credentials, \
    read_lines, write_secret_file
from ._core.ratelimit import RateLimiter
from ._core.retry import RetryPolicy
from ._core.transport import new_session
from .defaults import _DEFAULT_SCOPES, _DEFAULT_TIMEOUT, _DEFAULT_USER_AGENT, _SCOPE_SETS
from .errors import (
    MastodonAPIError, MastodonIllegalArgumentError, MastodonNetworkError, MastodonWarning,
)
from .internals import Internals, close_pool_of
from .types_base import AttribAccessDict
from ._core.server import ServerFacts
from .versions import api_version

FEATURE_SETS = ("mainline", "fedibird", "pleroma")
VERSION_CHECK_MODES = ("created", "changed", "none")
_OOB = "urn:ietf:wg:oauth:2.0:oob"


def normalize_base_url(url: str) -> str:
    """Add ``https://`` when no scheme is given and drop trailing slashes."""
    if not isinstance(url, str) or not url.strip():
        raise MastodonIllegalArgumentError(f"api_base_url must be a non-empty URL, got {url!r}")
    url = url.strip()
    if not url.lower().startswith(("http://", "https://")):
        if "://" in url:
            raise MastodonIllegalArgumentError(f"api_base_url must use http(s), got {url!r}")
        url = "https://" + url
    url = url.rstrip("/")
    try:
        host = urlsplit(url).hostname
    except ValueError as exc:
        raise MastodonIllegalArgumentError(f"api_base_url is not a valid URL: {url!r}") from exc
    if not host:
        raise MastodonIllegalArgumentError(f"api_base_url has no host: {url!r}")
    return url


def _check_writable(name: str, path: Any) -> Optional[str]:
    """Accept None or a file path whose directory exists, before anything is sent."""
    if path is None:
        return None
    if not isinstance(path, (str, os.PathLike)):
        raise MastodonIllegalArgumentError(f"{name} must be a file path, got {type(path).__name__}")
    directory = os.path.dirname(os.path.abspath(os.fspath(path)))
    if not os.path.isdir(directory) or not os.access(directory, os.W_OK):
        raise MastodonIllegalArgumentError(f"{name}: cannot write into {directory!r}")
    return os.fspath(path)


def is_loopback_url(url: str) -> bool:
    """Whether a URL points at this machine."""
    host = urlsplit(url).hostname or ""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _warn_if_plain_http(url: str, stacklevel: int = 4) -> None:
    if url.lower().startswith("http://") and not is_loopback_url(url):
        warnings.warn(f"{url} uses plain http: tokens and passwords travel unencrypted",
                      MastodonWarning, stacklevel=stacklevel)


def _check_session(session: Any) -> Any:
    """Accept None or anything that sends like ``requests.Session.request`` (mocks too)."""
    if session is not None and not callable(getattr(session, "request", None)):
        raise MastodonIllegalArgumentError(
            f"session must have a request() method like requests.Session, "
            f"got {type(session).__name__}")
    return session


def _post_app(session: Any, url: str, form: Dict[str, str], headers: Dict[str, str],
              timeout: Any) -> Dict[str, Any]:
    """POST the app registration with ``session.post``, or ``requests.post`` without one.

    ``requests.post`` is looked up at call time, so callers' tests can patch it.
    Returns the decoded answer.
    """
    refuse_blocked(url)
    try:
        poster = session.post if session is not None else requests.post
        response = poster(url, data=form, headers=headers, timeout=timeout)
    except Exception as exc:  # a network failure, or a stand-in session's own (as Mastodon.py)
        raise MastodonNetworkError(f"Could not complete request POST {url}: "
                                   f"{type(exc).__name__}") from exc
    if session is None:  # requests.post's own session only forgot its pool
        close_pool_of(response)
    status = getattr(response, "status_code", None)
    if isinstance(status, int) and not isinstance(status, bool):
        raise_for_status(response)
    try:
        app = response.json()
    except ValueError as exc:
        raise MastodonAPIError(f"Could not parse the answer of POST {url}") from exc
    if not isinstance(app, dict) or not app.get("client_id") or not app.get("client_secret"):
        raise MastodonAPIError("the server registered no app: its answer has no client_id "
                               "and client_secret")
    return app


class AuthenticationMixin(Internals):
    """Constructor, app registration, login and token handling."""

    def __init__(self, client_id: Optional[str] = None, client_secret: Optional[str] = None,
                 access_token: Optional[str] = None, api_base_url: Optional[str] = None,
                 debug_requests: bool = False, ratelimit_method: str = "wait",
                 ratelimit_pacefactor: float = 1.1, request_timeout: float = _DEFAULT_TIMEOUT,
                 mastodon_version: Optional[str] = None, version_check_mode: str = "none",
                 session: Optional[requests.Session] = None, feature_set: str = "mainline",
                 user_agent: Optional[str] = _DEFAULT_USER_AGENT,
                 lang: Optional[str] = None, retry_policy: Optional[RetryPolicy] = None) -> None:
        """Create a client for one instance.

        Nothing is sent unless a version check needs the server's version (see
        ``version_check_mode``). A client is safe to share between threads.

        Who you are:
            ``client_id`` and ``access_token`` may be the secrets themselves or
            paths (strings or any ``os.PathLike``) to the files written by
            :meth:`create_app` and :meth:`log_in`. ``client_secret`` is the app's
            secret, needed with a ``client_id`` given as a string (a file holds
            both); logins, token revocation and sign-ups send it. Without an
            ``access_token`` the client makes anonymous requests.

        Where to:
            ``api_base_url`` gets ``https://`` when no scheme is given; it is
            required unless a credential file names the server, and must agree
            with the files. ``session`` is the ``requests.Session`` (or any
            object with such a ``request()`` method) every request goes
            through; by default the client makes its own, which :meth:`close`
            releases (a session passed in stays the caller's to close).
            ``request_timeout`` is how many seconds a request may take (a
            number, or a ``(connect, read)`` pair; default 300).
            ``user_agent`` is sent as the User-Agent header (default
            ``mastodonpy``; None with a client credential file uses the app
            name saved there, otherwise None sends the one of ``requests``).
            ``lang`` (an ISO 639 code) is sent as the ``lang`` parameter of
            every request, so the server answers in that language where it
            translates (error messages, for example).

        How to behave:
            ``ratelimit_method`` is ``"wait"`` (sleep until the limit resets),
            ``"pace"`` (spread requests evenly over the window) or ``"throw"``
            (raise MastodonRatelimitError). ``ratelimit_pacefactor`` tunes
            ``"pace"``: above 1 the requests come that much faster than an even
            spread (default 1.1), below 1 slower. ``retry_policy`` controls
            retries of transient failures; ``RetryPolicy(max_retries=0)`` turns
            them off. ``debug_requests`` True logs every request and answer at
            DEBUG on the ``mastodon`` logger, with tokens and passwords
            redacted.

        Which server:
            ``version_check_mode`` is ``"none"`` (default: every call goes to
            the server), ``"created"`` (calls the server's version does not have
            yet raise MastodonVersionError before anything is sent) or
            ``"changed"`` (also refuses calls that changed after the server's
            version). ``mastodon_version`` (such as ``"4.3.0"``) tells the
            client the server's version, so those checks need no request; left
            out, the other modes ask the server once, here. ``feature_set``
            picks the server flavour: ``"mainline"`` (Mastodon), ``"fedibird"``
            (adds its quoting, ``quote_id``) or ``"pleroma"`` (Pleroma and
            Akkoma: ``content_type``, ``local`` visibility).
        """
        if feature_set not in FEATURE_SETS:
            raise MastodonIllegalArgumentError(
                f"feature_set must be one of {', '.join(FEATURE_SETS)}; got {feature_set!r}")
        self._make_locks()
        self._facts = ServerFacts(self._cache_lock)
        self._oauth_info: Optional[AttribAccessDict] = None
        self._streaming_base: Optional[str] = None
        file_base_url = None

        client_file = credential_path("client_id", client_id)
        if client_file is not None:
            client_id, client_secret, file_base_url, client_name = read_credentials(
                "client_id", client_file, 4, url_line=2)
            if user_agent is None and client_name:
                user_agent = client_name
        elif client_id is not None and client_secret is None:
            raise MastodonIllegalArgumentError(
                "client_secret is required when client_id is given directly (not as a file)")

        token_file = credential_path("access_token", access_token)
        if token_file is not None:
            access_token, token_base_url, token_client_id, token_secret = read_credentials(
                "access_token", token_file, 4, url_line=1)
            file_base_url = self._merge_base_urls(file_base_url, token_base_url)
            if client_id is None:
                client_id, client_secret = token_client_id, token_secret

        if api_base_url is not None:
            api_base_url = normalize_base_url(api_base_url)
            if file_base_url is not None and normalize_base_url(file_base_url) != api_base_url:
                raise MastodonIllegalArgumentError(
                    f"api_base_url {api_base_url} differs from {file_base_url} in the credential file")
        elif file_base_url is not None:
            api_base_url = normalize_base_url(file_base_url)
        else:
            raise MastodonIllegalArgumentError(
                "api_base_url is required: no server URL was given, and no credential file "
                "names one")
        _warn_if_plain_http(api_base_url)

        if version_check_mode not in VERSION_CHECK_MODES:
            raise MastodonIllegalArgumentError(
                f"version_check_mode must be one of {', '.join(VERSION_CHECK_MODES)}; "
                f"got {version_check_mode!r}")

        _check_session(session)
        if retry_policy is not None and not isinstance(retry_policy, RetryPolicy):
            raise MastodonIllegalArgumentError(
                f"retry_policy must be a RetryPolicy, got {type(retry_policy).__name__}")
        validate.header_value("access_token", access_token)
        validate.header_value("user_agent", user_agent)
        validate.timeout("request_timeout", request_timeout)
        self.api_base_url = api_base_url
        self.client_id = client_id
        self.client_secret = client_secret
        self.access_token = access_token
        self.debug_requests = debug_requests
        self.request_timeout = request_timeout
        self.session = session if session is not None else new_session()
        self._owns_session = session is None
        self.feature_set = feature_set
        self.user_agent = user_agent
        self.lang = lang
        self.version_check_mode = version_check_mode
        self.retry_policy = retry_policy if retry_policy is not None else RetryPolicy()
        self._token_expired = datetime.now()
        self._refresh_token: Optional[str] = None
        self._ratelimit_backoff = 2
        self._ratelimiter = RateLimiter("wait")
        self.ratelimit_pacefactor = ratelimit_pacefactor

        if mastodon_version is not None:
            self._facts.given(mastodon_version, strict=version_check_mode != "none")
        elif version_check_mode != "none":
            self._server.retrieve()
        self.ratelimit_method = ratelimit_method

    @staticmethod
    def _merge_base_urls(first: Optional[str], second: Optional[str]) -> Optional[str]:
        if first and second and normalize_base_url(first) != normalize_base_url(second):
            raise MastodonIllegalArgumentError(
                f"the credential files name different instances: {first} and {second}")
        return first or second

    def __repr__(self) -> str:
        return f"<Mastodon client for {self.api_base_url}>"

    # ------------------------------------------------------------------ app registration

    @staticmethod
    def create_app(client_name: str, scopes: List[str] = _DEFAULT_SCOPES,
                   redirect_uris: Optional[str] = None, website: Optional[str] = None,
                   to_file: Optional[str] = None, api_base_url: Optional[str] = None,
                   request_timeout: float = _DEFAULT_TIMEOUT,
                   session: Optional[requests.Session] = None,
                   user_agent: str = _DEFAULT_USER_AGENT) -> Tuple[str, str]:
        """Register an application with an instance; returns ``(client_id, client_secret)``.

        Call it on the class, once per app and instance. ``client_name`` is
        the app's name, which users see when they authorize it and next to
        their posts; ``website`` its homepage, shown with the name.
        ``scopes`` are the scopes the app may ask for later (default read,
        write, follow and push); any names are sent, and the server refuses
        those it does not know. ``redirect_uris`` is one URI or a list of
        them that authorizations may send the user back to; the default,
        ``urn:ietf:wg:oauth:2.0:oob``, shows the code to the user instead.
        ``api_base_url`` is the instance (required; ``https://`` is added
        when no scheme is given). ``to_file`` saves the pair (mode 0600) in
        the format the constructor's ``client_id`` reads.
        ``request_timeout``, ``session`` and ``user_agent`` mean what they
        mean for the constructor.

        Calls ``POST /api/v1/apps`` with ``session.post``, or with
        ``requests.post`` when no session is given.
        """
        if api_base_url is None:
            raise MastodonIllegalArgumentError("create_app() needs api_base_url")
        api_base_url = normalize_base_url(api_base_url)
        _warn_if_plain_http(api_base_url, stacklevel=3)
        if not isinstance(client_name, str) or not client_name:
            raise MastodonIllegalArgumentError("client_name must be a non-empty string")
        if isinstance(redirect_uris, (list, tuple)):
            if not all(isinstance(uri, str) for uri in redirect_uris):
                raise MastodonIllegalArgumentError("redirect_uris must be strings")
            redirect_uris = "\n".join(redirect_uris)
        elif redirect_uris is not None and not isinstance(redirect_uris, str):
            raise MastodonIllegalArgumentError("redirect_uris must be a string or a list of them")
        form: Dict[str, str] = {"client_name": client_name,
                                "scopes": " ".join(validate.scope_names("scopes", scopes)),
                                "redirect_uris": redirect_uris or _OOB}
        if website is not None:
            form["website"] = validate.text("website", website, required=True)
        for name, value in form.items():  # what cannot be sent is refused before sending
            encodable(name, value)
        to_file = _check_writable("to_file", to_file)
        validate.timeout("request_timeout", request_timeout)
        validate.header_value("user_agent", user_agent)
        headers = {"User-Agent": user_agent} if user_agent else {}
        app = _post_app(_check_session(session), api_base_url + "/api/v1/apps", form, headers,
                        request_timeout)
        if to_file is not None:
            write_secret_file(to_file, [app["client_id"], app["client_secret"],
                                        api_base_url, client_name])
        return app["client_id"], app["client_secret"]

    # ------------------------------------------------------------------ OAuth

    def oauth_authorization_server_info(self) -> Any:
        """The server's OAuth metadata (RFC 8414); an empty dict when it publishes none.

        Calls ``GET /.well-known/oauth-authorization-server``; cached.
        """
        with self._cache_lock:
            if self._oauth_info is None:
                try:
                    self._oauth_info = self._get("/.well-known/oauth-authorization-server",
                                                 entity=rt.OAuthServerInfo, auth=False,
                                                 ratelimit=False)
                except MastodonAPIError:
                    self._oauth_info = AttribAccessDict()
            return self._oauth_info

    def _oauth_endpoint(self, key: str, fallback_path: str, allow_http: bool,
                        skip_server_info: bool = False) -> Tuple[str, str]:
        """(base, path) of an OAuth endpoint, taken from the server metadata when present."""
        info = {} if skip_server_info else self.oauth_authorization_server_info()
        url = info.get(key) or (self.api_base_url + fallback_path)
        if url.lower().startswith("http://") and not allow_http:
            raise MastodonIllegalArgumentError(
                f"{url} is not https; pass allow_http=True to use it anyway")
        parts = urlsplit(url)
        return f"{parts.scheme}://{parts.netloc}", parts.path + (f"?{parts.query}" if parts.query else "")

    def auth_request_url(self, client_id: Optional[str] = None,
                         redirect_uris: str = _OOB, scopes: List[str] = _DEFAULT_SCOPES,
                         force_login: bool = False, state: Optional[str] = None,
                         lang: Optional[str] = None, skip_server_info: bool = False,
                         allow_http: bool = False) -> str:
        """The URL to send a user to so they can grant this app access (code flow).

        Builds a ``GET /oauth/authorize`` URL (or one for the authorization
        endpoint the server announces); sends nothing unless the server's OAuth
        information has to be read first; ``skip_server_info`` True never reads
        it and uses ``/oauth/authorize``. ``client_id`` may be an id or a
        credential file from :meth:`create_app`; it defaults to the client's.
        ``redirect_uris`` is where the server sends the user back with the
        code (one of the app's redirect URIs; the default out-of-band URI
        shows the code to the user). ``scopes`` are the scopes asked for,
        within those of the app. ``force_login`` True makes the server ask
        for a login even when the browser is logged in (to pick another
        account). ``state`` is an opaque value the server hands back with
        the code, to match the answer to the request. ``lang`` is the
        language of the authorization page. An ``http://`` endpoint needs
        ``allow_http`` True.
        """
        if client_id is None:
            client_id = self.client_id
        else:
            client_file = credential_path("client_id", client_id)
            if client_file is not None:
                client_id = read_lines(client_file, 1)[0]
        if client_id is None:
            raise MastodonIllegalArgumentError("auth_request_url() needs a client_id")
        validate.text("client_id", client_id)
        base, path = self._oauth_endpoint("authorization_endpoint", "/oauth/authorize",
                                          allow_http, skip_server_info)
        # All seven parameters, in this order, with values as str() spells them
        # (force_login=False, state=None ...): the URL Mastodon.py builds.
        query = {"client_id": client_id, "response_type": "code", "redirect_uri": redirect_uris,
                 "scope": " ".join(validate.scope_names("scopes", scopes)),
                 "force_login": force_login, "state": state, "lang": lang}
        return f"{base}{path}?{urlencode(query)}"

    def log_in(self, username: Optional[str] = None, password: Optional[str] = None,
               code: Optional[str] = None, redirect_uri: str = _OOB,
               refresh_token: Optional[str] = None, scopes: List[str] = _DEFAULT_SCOPES,
               to_file: Optional[str] = None, allow_http: bool = False) -> str:
        """Get an access token with an authorization code, a refresh token or a password.

        Stores the token on the client and returns it; ``to_file`` saves it
        (mode 0600) for the constructor's ``access_token``. Raises
        MastodonIllegalArgumentError when the server refuses the grant and
        MastodonAPIError when it grants fewer scopes than requested. Give one of:

        * ``code``, the authorization code the user got through
          :meth:`auth_request_url`, with the same ``redirect_uri`` given there;
        * ``refresh_token``, from an earlier login, for a new access token;
        * ``username`` (the account's e-mail address) and ``password`` (the
          password grant, gone from Mastodon 4.4 on; use the code flow).

        ``scopes`` are the scopes asked for (default read, write, follow,
        push). An ``http://`` token endpoint needs ``allow_http`` True.

        Calls ``POST /oauth/token`` (or the token endpoint the server announces).
        """
        if not self.client_id or not self.client_secret:
            raise MastodonIllegalArgumentError("log_in() needs client_id and client_secret")
        scope_list = validate.scope_names("scopes", scopes)
        to_file = _check_writable("to_file", to_file)
        params: Dict[str, Any] = {"client_id": self.client_id,
                                  "client_secret": self.client_secret,
                                  "scope": " ".join(scope_list)}
        if code is not None:
            params.update(grant_type="authorization_code", code=code, redirect_uri=redirect_uri)
        elif refresh_token is not None:
            params.update(grant_type="refresh_token", refresh_token=refresh_token)
        elif username is not None and password is not None:
            params.update(grant_type="password", username=username, password=password)
        else:
            raise MastodonIllegalArgumentError(
                "log_in() needs a code, a refresh_token, or a username and password")
        base, path = self._oauth_endpoint("token_endpoint", "/oauth/token", allow_http)
        try:
            answer = self._post(path, params, base_url=base, auth=False, ratelimit=False)
        except MastodonAPIError as exc:
            if exc.status_code in (400, 401, 403):
                raise MastodonIllegalArgumentError(
                    f"the server refused the {params['grant_type']} grant: {exc.error}") from None
            raise
        adopt_token(self, answer, scope_list, to_file)
        if self.version_check_mode != "none" and not self._facts.checked:
            self._server.retrieve()
        return self.access_token  # type: ignore[return-value]

    def revoke_access_token(self, allow_http: bool = False) -> None:
        """Revoke the client's access token on the server and forget it.

        An ``http://`` revocation endpoint needs ``allow_http`` True.

        Calls ``POST /oauth/revoke`` (or the revocation endpoint the server announces).
        """
        if not self.access_token or not self.client_id or not self.client_secret:
            raise MastodonIllegalArgumentError(
                "revoke_access_token() needs an access token, client_id and client_secret")
        base, path = self._oauth_endpoint("revocation_endpoint", "/oauth/revoke", allow_http)
        self._post(path, {"client_id": self.client_id, "client_secret": self.client_secret,
                          "token": self.access_token}, base_url=base, ratelimit=False)
        self.access_token = None

    @api_version("4.3.0", "4.3.0")
    def oauth_userinfo(self) -> rt.OAuthUserInfo:
        """OpenID-style information about the logged-in user (``GET /oauth/userinfo``)."""
        base, path = self._oauth_endpoint("userinfo_endpoint", "/oauth/userinfo", True)
        return self._get(path, base_url=base, entity=rt.OAuthUserInfo)

    @api_version("2.0.0", "2.7.2")
    def app_verify_credentials(self) -> rt.Application:
        """The application the access token belongs to (``GET /api/v1/apps/verify_credentials``)."""
        return self._get("/api/v1/apps/verify_credentials", entity=rt.Application)

    def persistable_login_credentials(self) -> str:
        """Access token, base URL, client id and secret, one per line, for saving to a file."""
        return persistable_text(self)

    def clear_caches(self) -> None:
        """Forget cached server facts: version, instance info, OAuth and streaming URLs."""
        with self._cache_lock:
            self._facts.forget()
            self._oauth_info = None
            self._streaming_base = None


Mastodon = AuthenticationMixin  # import path kept for compatibility: mastodon.authentication.Mastodon
