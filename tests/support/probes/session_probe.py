"""Sessions that are not ``requests.Session``: one raising, and ``unittest.mock`` stand-ins.

Each function builds a client on such a session, makes one or two calls and
describes what happened: the result's type and id, or the exception's class,
its arguments and the exception it chains (``__context__``).
"""
import contextlib
import io
import logging
from unittest.mock import MagicMock

from mastodon import Mastodon

_ERRORS = {"RuntimeError": RuntimeError, "KeyError": KeyError, "TypeError": TypeError}


def _outcome(call):
    try:
        with contextlib.redirect_stdout(io.StringIO()):  # Mastodon.py prints its debug output
            result = call()
    except Exception as exc:
        inner = exc.__context__
        return {"raised": type(exc).__name__, "args": [str(arg) for arg in exc.args],
                "is_oserror": isinstance(exc, OSError),
                "chained": None if inner is None else [type(inner).__name__, str(inner)]}
    return {"returned": type(result).__name__, "id": result.get("id")}


def _client(session, debug=False):
    return Mastodon(access_token="probe-token", api_base_url="http://127.0.0.1:9",
                    session=session, version_check_mode="none", debug_requests=debug)


def raising_session(error_name, message):
    """A session whose ``request`` raises ``error_name(message)``; then one that answers."""
    error = _ERRORS[error_name]

    class Raising:
        def request(self, *args, **kwargs):
            raise error(message)

    api = _client(Raising())
    first = _outcome(lambda: api.status("1"))
    api.session = _answering(200, True, {"id": "2"})
    return {"first": first, "then": _outcome(lambda: api.status("2"))}


def _answering(status, ok, body):
    session = MagicMock()
    response = session.request.return_value
    response.status_code = status
    response.reason = "Probe Reason"
    if ok is not None:
        response.ok = ok
    response.json.return_value = body
    return session


def mock_session(status, ok, body, debug):
    """A MagicMock session whose answer has ``status_code``, ``ok`` (None: left a mock),
    ``json()`` returning ``body``; with ``debug_requests`` when ``debug``."""
    logging.getLogger("mastodon").addHandler(logging.NullHandler())
    return _outcome(lambda: _client(_answering(status, ok, body), debug).status("1"))
