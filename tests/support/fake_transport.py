"""A fake transport for ``requests``: records every request and answers from a queue.

Mounted on a ``requests.Session`` for ``http://`` and ``https://``, it takes
the place of the network entirely, so tests can assert the exact shape of
each request (verb, path, query, body, headers) without a server::

    fake = FakeMastodon()
    fake.queue(json={"id": "1"}, headers={"Link": "..."})
    fake.api.status(1)
    assert fake.last.method == "GET" and fake.last.path_url == "/api/v1/statuses/1"

When the queue is empty the answer is ``fake.default`` (or 200 ``{}``).
"""
from __future__ import annotations

import collections
import io
import json
import threading
from http import HTTPStatus
from dataclasses import dataclass, field
from typing import Any, Callable, Deque, Dict, List, Mapping, Optional, Tuple, Union
from urllib.parse import parse_qsl, urlsplit

import requests
from requests import PreparedRequest
from requests.adapters import BaseAdapter
from requests.structures import CaseInsensitiveDict
from requests.utils import get_encoding_from_headers
from urllib3.response import HTTPResponse

FAKE_BASE_URL = "https://mastodon.example"  # a made-up host: nothing is ever sent to it
FAKE_TOKEN = "fake_token"

Pairs = List[Tuple[str, str]]

_UNSET: Any = object()


@dataclass
class Canned:
    """One prepared answer. ``error`` is raised instead of answering, when set."""

    status: int = 200
    headers: Dict[str, str] = field(default_factory=dict)
    body: bytes = b""
    reason: Optional[str] = None
    error: Optional[BaseException] = None

    @classmethod
    def make(cls, status: int = 200, json: Any = _UNSET, headers: Optional[Mapping[str, str]] = None,
             body: Union[bytes, str, None] = None, reason: Optional[str] = None,
             error: Optional[BaseException] = None) -> "Canned":
        """Build an answer from a JSON value or raw body; JSON sets the Content-Type."""
        all_headers = dict(headers or {})
        if json is not _UNSET:
            raw = _json_bytes(json)
            all_headers.setdefault("Content-Type", "application/json; charset=utf-8")
        elif isinstance(body, str):
            raw = body.encode("utf-8")
        else:
            raw = body or b""
        return cls(status, all_headers, raw, reason, error)


Handler = Callable[[PreparedRequest], Canned]


def _phrase(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return ""


def _json_bytes(value: Any) -> bytes:
    return json.dumps(value).encode("utf-8")


class FakeAdapter(BaseAdapter):
    """A ``requests`` adapter that answers from a queue of canned responses or callables."""

    def __init__(self) -> None:
        super().__init__()
        self.requests: List[PreparedRequest] = []
        self.default: Union[Canned, Handler] = Canned.make(json={})
        self._pending: Deque[Union[Canned, Handler]] = collections.deque()
        self._lock = threading.Lock()

    def push(self, answer: Union[Canned, Handler]) -> None:
        """Queue an answer (a Canned or a callable taking the PreparedRequest)."""
        with self._lock:
            self._pending.append(answer)

    @property
    def pending(self) -> int:
        """How many queued answers have not been used yet."""
        with self._lock:
            return len(self._pending)

    def send(self, request: PreparedRequest, stream: bool = False, timeout: Any = None,
             verify: Any = True, cert: Any = None, proxies: Any = None) -> requests.Response:
        with self._lock:
            self.requests.append(request)
            answer = self._pending.popleft() if self._pending else self.default
        canned = answer if isinstance(answer, Canned) else answer(request)
        if canned.error is not None:
            raise canned.error
        return self._build_response(request, canned)

    def _build_response(self, request: PreparedRequest, canned: Canned) -> requests.Response:
        headers = dict(canned.headers)
        headers.setdefault("Content-Length", str(len(canned.body)))
        raw = HTTPResponse(body=io.BytesIO(canned.body), headers=headers, status=canned.status,
                           reason=canned.reason, preload_content=False, decode_content=False)
        response = requests.Response()
        response.status_code = canned.status
        response.headers = CaseInsensitiveDict(headers)
        response.raw = raw
        response.reason = canned.reason if canned.reason is not None else _phrase(canned.status)
        response.encoding = get_encoding_from_headers(response.headers)
        response.url = request.url or ""
        response.request = request
        response.connection = self  # type: ignore[assignment]
        return response

    def close(self) -> None:
        pass


def query_of(request: PreparedRequest) -> Pairs:
    """The query string of a request as (key, value) pairs, in order."""
    return parse_qsl(urlsplit(request.url or "").query, keep_blank_values=True)


def form_of(request: PreparedRequest) -> Pairs:
    """The urlencoded form body of a request as (key, value) pairs, in order."""
    body = request.body or b""
    if isinstance(body, bytes):
        body = body.decode("utf-8")
    return parse_qsl(body, keep_blank_values=True)


def json_of(request: PreparedRequest) -> Any:
    """The JSON body of a request, decoded."""
    body = request.body or b""
    return json.loads(body.decode("utf-8") if isinstance(body, bytes) else body)


class FakeMastodon:
    """A ``Mastodon`` client (``.api``) whose session talks only to a :class:`FakeAdapter`."""

    def __init__(self, access_token: str = FAKE_TOKEN, api_base_url: str = FAKE_BASE_URL,
                 **client_kwargs: Any) -> None:
        from mastodon import Mastodon  # the package under test

        self.adapter = FakeAdapter()
        self.session = requests.Session()
        self.session.trust_env = False  # no proxies or .netrc from the environment
        self.session.mount("http://", self.adapter)
        self.session.mount("https://", self.adapter)
        self.api = Mastodon(access_token=access_token, api_base_url=api_base_url,
                            session=self.session, **client_kwargs)

    def queue(self, status: Union[int, Handler] = 200, json: Any = _UNSET,
              headers: Optional[Mapping[str, str]] = None, body: Union[bytes, str, None] = None,
              reason: Optional[str] = None, error: Optional[BaseException] = None) -> None:
        """Queue one answer: a status with a JSON value or raw body, an error to raise,
        or (as the only argument) a callable ``f(prepared_request) -> Canned``."""
        if callable(status):
            self.adapter.push(status)
        else:
            self.adapter.push(Canned.make(status, json, headers, body, reason, error))

    @property
    def default(self) -> Union[Canned, Handler]:
        """The answer used when the queue is empty."""
        return self.adapter.default

    @default.setter
    def default(self, answer: Union[Canned, Handler]) -> None:
        self.adapter.default = answer

    @property
    def pending(self) -> int:
        return self.adapter.pending

    @property
    def requests(self) -> List[PreparedRequest]:
        return self.adapter.requests

    @property
    def last(self) -> PreparedRequest:
        if not self.adapter.requests:
            raise AssertionError("no request was sent")
        return self.adapter.requests[-1]

    @property
    def calls(self) -> List[Tuple[str, str]]:
        """(method, path without query) of every request so far."""
        return [(r.method or "", urlsplit(r.url or "").path) for r in self.adapter.requests]

    def last_query(self) -> Pairs:
        return query_of(self.last)

    def last_form(self) -> Pairs:
        return form_of(self.last)

    def last_json(self) -> Any:
        return json_of(self.last)

    def last_headers(self) -> Dict[str, str]:
        return dict(self.last.headers)

    def close(self) -> None:
        self.session.close()
