"""Version checks and instance lookups on the wire, in whichever ``mastodon`` is imported.

:func:`scenario` builds a client over a recording stand-in session (any object
with ``request(method, url, **kwargs)``) that answers from canned documents,
runs a list of calls, and returns, per call, the requests it sent (method, full
URL with query, whether an ``Authorization`` header went along) and its result
or the name of the exception it raised.
"""
import json

import requests
from mastodon import Mastodon, StreamListener

BASE_URL = "https://mastodon.example"


class RecordingSession:
    """A stand-in for ``requests.Session``: records each request, answers from ``documents``.

    ``documents`` maps a URL (or, for the API host, a path) to ``[status, body]``;
    anything else answers 404.
    """

    def __init__(self, documents):
        self.documents = documents
        self.sent = []

    def request(self, method, url, **kwargs):
        prepared = requests.Request(method, url, headers=kwargs.get("headers"),
                                    params=kwargs.get("params"), auth=kwargs.get("auth")).prepare()
        self.sent.append([method, prepared.url, "Authorization" in prepared.headers])
        path = url[len(BASE_URL):] if url.startswith(BASE_URL + "/") else url
        status, body = self.documents.get(path, [404, {"error": "Record not found"}])
        response = requests.Response()
        response.status_code = status
        response.reason = "OK" if status == 200 else "Not Found"
        response.url = prepared.url
        response.request = prepared
        response.headers["Content-Type"] = "application/json; charset=utf-8"
        response._content = json.dumps(body).encode("utf-8")
        return response

    def get(self, url, **kwargs):
        """Mastodon.py opens streams with ``session.get``."""
        return self.request("GET", url, **kwargs)

    def taken(self):
        """The requests recorded since the last call, and forget them."""
        sent, self.sent = self.sent, []
        return sent


def _described(result):
    """A JSON summary of a call's result that both libraries can produce."""
    if result is None or isinstance(result, (bool, str, int, list)):
        return result
    summary = {"type": type(result).__name__}
    for key in ("title", "version"):
        if isinstance(result, dict) and key in result:
            summary[key] = result[key]
    return summary


def _numbers(api):
    return [api.mastodon_major, api.mastodon_minor, api.mastodon_patch, api.mastodon_api_version]


def scenario(documents, options, calls):
    """Build a client with ``options`` over canned ``documents``; run ``calls`` in order.

    Each call is ``[method name, args, kwargs]``; the name ``"numbers"`` reads
    the version the client holds instead. Returns ``{"constructor": step,
    "calls": [step, ...]}`` where a step is ``{"sent": [...], "result": ...}``
    or ``{"sent": [...], "error": exception class name}``.
    """
    session = RecordingSession(documents)
    try:
        api = Mastodon(access_token="probe-token", api_base_url=BASE_URL, session=session,
                       **options)
    except Exception as exc:  # noqa: BLE001 - the class is the answer
        return {"constructor": {"sent": session.taken(), "error": type(exc).__name__}}
    constructed = {"sent": session.taken()}
    steps = []
    for name, args, kwargs in calls:
        try:
            result = _numbers(api) if name == "numbers" else getattr(api, name)(*args, **kwargs)
        except Exception as exc:  # noqa: BLE001 - the class is the answer
            steps.append({"sent": session.taken(), "error": type(exc).__name__})
        else:
            steps.append({"sent": session.taken(), "result": _described(result)})
    return {"constructor": constructed, "calls": steps}


def stream_lookups(documents, method):
    """Open ``method`` (``"stream_user"``, ``"stream_public"`` ...) twice, with
    clear_caches() between; the requests each attempt sent and the exception class."""
    session = RecordingSession(documents)
    api = Mastodon(access_token="probe-token", api_base_url=BASE_URL, session=session)
    attempts = []
    for _ in range(2):
        try:
            getattr(api, method)(StreamListener())
        except Exception as exc:  # noqa: BLE001 - the class is the answer
            attempts.append({"sent": session.taken(), "error": type(exc).__name__})
        api.clear_caches()
    return attempts
