"""What each API method sends: the request-shape probe of the differential suite.

``run_cases(cases)`` calls methods on a client whose session is a recording
stand-in, under whichever ``mastodon`` this process imports (this library in
the test process, Mastodon.py 2.3.3 in the oracle worker), and describes every
request sent (method, path, query and body as canonical data, see
``wire_data.py``) and how the call ended (returned, or which exception with
which message).

A case is ``{"method": name, "args": [...], "kwargs": {...}}`` and optionally
``"answers"`` (``{"GET /path": json}``: the body answered for that request),
``"default"`` (the body for every other request, else one fitting the path), ``"version"`` (the server version the client
believes, default 4.6.0), ``"client"`` (more constructor arguments, e.g.
``client_id``; ``access_token`` and ``version_check_mode``, by default
"created", may be replaced) and ``"result": true``
(describe the returned value).
Arguments are JSON, with tagged objects for what JSON cannot carry::

    {"$datetime": "2025-03-01T12:00:00+02:00"}   a datetime (naive without offset)
    {"$date": "2025-03-01"}                       a date
    {"$file": "text", "name": "a.png"}           a binary file object (name optional)
    {"$bytes": "text"}                            bytes
    {"$tuple": [0.5, -0.5]}                       a tuple
    {"$entity": "Status", "value": {...}}         that entity of mastodon.return_types
"""
import datetime
import io
import json
from typing import Any, Callable, Dict, List, Tuple
from urllib.parse import urlsplit

import requests
from requests.structures import CaseInsensitiveDict

import mastodon
from mastodon import return_types
from mastodon.types_base import try_cast_recurse
from wire_data import body_data, query_data

BASE_URL = "https://mastodon.example"
TOKEN = "probe-token"
ME = {"id": "1", "username": "me", "acct": "me", "display_name": "Me",
      "url": BASE_URL + "/@me", "note": "", "fields": []}
STATUS = {"id": "100", "content": "<p>hi</p>", "visibility": "public", "spoiler_text": "",
          "account": ME, "mentions": [], "media_attachments": [], "tags": [], "emojis": [],
          "created_at": "2025-01-01T00:00:00.000Z"}


def _decode(value: Any) -> Any:
    """A JSON argument with its tagged objects made real."""
    if isinstance(value, list):
        return [_decode(item) for item in value]
    if not isinstance(value, dict):
        return value
    if "$datetime" in value:
        return datetime.datetime.fromisoformat(value["$datetime"])
    if "$date" in value:
        return datetime.date.fromisoformat(value["$date"])
    if "$file" in value:
        data = io.BytesIO(value["$file"].encode("utf-8"))
        if "name" in value:
            data.name = value["name"]
        return data
    if "$bytes" in value:
        return value["$bytes"].encode("utf-8")
    if "$tuple" in value:
        return tuple(_decode(item) for item in value["$tuple"])
    if "$entity" in value:
        return try_cast_recurse(getattr(return_types, value["$entity"]), _decode(value["value"]))
    return {key: _decode(item) for key, item in value.items()}


def _default_answer(path: str) -> Any:
    """A body that fits the request: the own account, a status, or an empty object."""
    if path.endswith("/accounts/verify_credentials"):
        return ME
    if path.startswith("/api/v1/statuses/") and path.count("/") == 4:
        return STATUS
    return {}


def _response(prepared: requests.PreparedRequest, body: Any) -> requests.Response:
    response = requests.Response()
    response.status_code = 200
    response.reason = "OK"
    response._content = json.dumps(body).encode("utf-8")
    response.headers = CaseInsensitiveDict({"Content-Type": "application/json; charset=utf-8"})
    response.encoding = "utf-8"
    response.url = prepared.url or ""
    response.request = prepared
    return response


class RecordingSession:
    """A duck-typed ``requests.Session``: records each request and answers it."""

    def __init__(self, answers: Dict[str, Any], default: Any = None) -> None:
        self.answers, self.default = answers, default
        self.sent: List[Dict[str, Any]] = []
        self.headers: Dict[str, str] = {}
        self.proxies: Dict[str, str] = {}

    def request(self, method: str, url: str, **kwargs: Any) -> requests.Response:
        prepared = requests.Request(
            method.upper(), url, params=kwargs.get("params") or {}, data=kwargs.get("data") or {},
            json=kwargs.get("json"), files=kwargs.get("files"), headers=kwargs.get("headers"),
        ).prepare()
        parts = urlsplit(prepared.url or url)
        content_type = (prepared.headers.get("Content-Type") or "").split(";")[0]
        self.sent.append({
            "method": prepared.method, "path": parts.path,
            "query": query_data(prepared.url or url),
            "body": body_data(prepared.body, prepared.headers),
            "kind": content_type or None,
        })
        key = f"{prepared.method} {parts.path}"
        if key in self.answers:
            body = self.answers[key]
        elif self.default is not None and not parts.path.endswith("/verify_credentials"):
            body = self.default
        else:
            body = _default_answer(parts.path)
        return _response(prepared, body)

    def post(self, url: str, **kwargs: Any) -> requests.Response:
        """``requests.Session.post``: create_app sends this way."""
        return self.request("POST", url, **kwargs)

    def close(self) -> None:
        """Nothing to release."""


def _client(version: str, session: RecordingSession, options: Dict[str, Any]) -> Any:
    settings = {"access_token": TOKEN, "version_check_mode": "created", **options}
    api = mastodon.Mastodon(api_base_url=BASE_URL, mastodon_version=version, **settings)
    api.session = session
    return api


def _describe(value: Any) -> Any:
    """A returned value as JSON: its class name and, for plain data, the value."""
    try:
        return {"type": type(value).__name__, "value": json.loads(json.dumps(value, default=str))}
    except (TypeError, ValueError):
        return {"type": type(value).__name__, "value": repr(value)}


def _outcome(call: Callable[[], Any], describe_result: bool) -> Dict[str, Any]:
    try:
        result = call()
    except Exception as exc:  # the exception is the observation
        return {"raised": type(exc).__name__, "message": str(exc),
                "classes": [cls.__name__ for cls in type(exc).__mro__]}
    return {"result": _describe(result)} if describe_result else {}


def run_case(case: Dict[str, Any]) -> Dict[str, Any]:
    """Run one case; what it sent and how it ended."""
    session = RecordingSession(case.get("answers", {}), case.get("default"))
    api = _client(case.get("version", "4.6.0"), session, case.get("client", {}))
    method = getattr(api, case["method"])
    args = _decode(case.get("args", []))
    kwargs = _decode(case.get("kwargs", {}))
    if case.get("pass_session"):  # create_app: a static method taking the session
        kwargs.update(session=session, api_base_url=BASE_URL)
    outcome = _outcome(lambda: method(*args, **kwargs), bool(case.get("result")))
    outcome["requests"] = session.sent
    return outcome


def run_cases(cases: List[Dict[str, Any]]) -> List[Dict[str, Any]]:
    """Run many cases (one worker round trip for a batch)."""
    return [run_case(case) for case in cases]


def public_methods() -> List[str]:
    """The public callables of the ``Mastodon`` class."""
    return sorted(name for name in dir(mastodon.Mastodon)
                  if not name.startswith("_") and callable(getattr(mastodon.Mastodon, name)))


__all__: Tuple[str, ...] = ("run_case", "run_cases", "public_methods", "RecordingSession")
