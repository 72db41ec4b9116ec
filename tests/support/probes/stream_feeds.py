"""Shared pieces of the stream probes: stand-in responses, call-recording listeners, neutral descriptions.

Imported by probe modules in both libraries' processes (see README.md), so
it uses nothing but the standard library and ``mastodon``'s public names.
A listener here records every call it receives as a JSON list
``[handler name, described arguments...]``; a payload is described by what
any Mastodon client could rely on (its class name, its ``id``, a few keys),
not by the details of the entity classes.
"""
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from mastodon.streaming import CallbackStreamListener, StreamListener

KEYS = ("content", "type", "acct", "name")  # keys whose values a description shows


def describe(value):
    """A JSON description of a handler's argument, the same for equal values in both libraries."""
    if value is None or isinstance(value, (bool, int, float)):
        return value
    if isinstance(value, BaseException):
        return ["exception", type(value).__name__]
    if isinstance(value, str):
        return ["str", str(value)]
    if isinstance(value, dict):
        shown = {key: describe(value[key]) for key in KEYS if key in value}
        ident = value.get("id")
        return [type(value).__name__, None if ident is None else str(ident), shown]
    if isinstance(value, (list, tuple)):
        return ["list", [describe(item) for item in value]]
    return [type(value).__name__]


def pieces_of(body, split):
    """``body`` (text, sent as UTF-8) cut as a caller's stand-in might hand it out.

    ``split`` is "bytes" (one byte at a time), "whole" (one piece) or a piece size.
    Lone surrogates ``\\udc80``-``\\udcff`` stand for bytes that are not UTF-8.
    """
    data = body.encode("utf-8", "surrogateescape")
    size = {"bytes": 1, "whole": max(len(data), 1)}.get(split, split)
    return [data[start:start + size] for start in range(0, len(data), size)]


class StandIn:
    """A response with only ``iter_content``, as the tests of bot authors build them."""

    def __init__(self, pieces):
        self.pieces = pieces

    def iter_content(self, chunk_size=1, decode_unicode=False):
        for piece in self.pieces:
            yield piece

    def close(self):
        pass


class Recording:
    """Mixin: a ``calls`` list and the helper that appends to it."""

    def _record(self, name, *args):
        self.calls.append([name] + [describe(arg) for arg in args])


class PlainListener(Recording, StreamListener):
    """Handlers as most bots write them: no ``for_stream`` anywhere."""

    def __init__(self):
        super().__init__()
        self.calls = []

    def on_update(self, status):
        self._record("on_update", status)

    def on_status_update(self, status):
        self._record("on_status_update", status)

    def on_delete(self, status_id):
        self._record("on_delete", status_id)

    def on_notification(self, notification):
        self._record("on_notification", notification)

    def on_conversation(self, conversation):
        self._record("on_conversation", conversation)

    def on_filters_changed(self):
        self._record("on_filters_changed")

    def on_unknown_event(self, name, unknown_event=None):
        self._record("on_unknown_event", name, unknown_event)

    def on_blahblah(self, data):  # a handler for an event the library does not know
        self._record("on_blahblah", data)

    def handle_heartbeat(self):
        self._record("handle_heartbeat")

    def on_abort(self, err):
        self._record("on_abort", err)


class ForStreamListener(PlainListener):
    """Every handler takes ``for_stream``; ``on_any_event`` too."""

    def on_any_event(self, name, data, for_stream):
        self._record("on_any_event", name, data, for_stream)

    def on_update(self, status, for_stream):
        self._record("on_update", status, for_stream)

    def on_delete(self, status_id, for_stream=None):
        self._record("on_delete", status_id, for_stream)

    def on_filters_changed(self, for_stream):
        self._record("on_filters_changed", for_stream)

    def on_unknown_event(self, name, unknown_event, for_stream):
        self._record("on_unknown_event", name, unknown_event, for_stream)


class AnyEventListener(PlainListener):
    """A two-argument ``on_any_event`` next to the plain handlers."""

    def on_any_event(self, name, data):
        self._record("on_any_event", name, data)


class OverridingListener(PlainListener):
    """Overrides ``handle_stream``: notes the call, then reads as usual."""

    def handle_stream(self, response):
        self._record("handle_stream")
        super().handle_stream(response)


class DuckListener:
    """Not a StreamListener at all: only ``handle_stream``, reading the body itself."""

    def __init__(self):
        self.calls = []

    def handle_stream(self, response):
        body = b"".join(response.iter_content(chunk_size=1))
        self.calls.append(["handle_stream", body.count(b"\n\n")])


def callback_listener(calls):
    """A CallbackStreamListener whose callbacks record into ``calls``."""
    def recorder(name):
        return lambda *args: calls.append([name] + [describe(arg) for arg in args])
    return CallbackStreamListener(
        update_handler=recorder("update"), local_update_handler=recorder("local_update"),
        delete_handler=recorder("delete"), notification_handler=recorder("notification"),
        unknown_event_handler=recorder("unknown"), filters_changed_handler=recorder("filters"),
        status_update_handler=recorder("status_update"))


class CallbackRecorder:
    """Stands for a listener class in :data:`LISTENERS`: a CallbackStreamListener with ``calls``."""

    def __new__(cls):
        calls = []
        listener = callback_listener(calls)
        listener.calls = calls
        return listener


LISTENERS = {
    "plain": PlainListener, "for_stream": ForStreamListener, "any_event": AnyEventListener,
    "override": OverridingListener, "duck": DuckListener, "callback": CallbackRecorder,
}


def outcome(call):
    """Run ``call()``; ``["returned", described value]`` or ``["raised", exception class name]``."""
    try:
        return ["returned", describe(call())]
    except Exception as exc:  # the point is to see which
        return ["raised", type(exc).__name__]


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def do_GET(self):
        server = self.server
        server.paths.append(self.path)
        if self.path.startswith("/api/v1/streaming"):
            self.send_response(200)
            self.send_header("Content-Type", "text/event-stream")
            self.send_header("Connection", "close")
            self.end_headers()
            self.wfile.write(server.body)
            self.close_connection = True
            return
        base = "http://127.0.0.1:%d" % server.server_address[1]
        answer = json.dumps({"uri": "127.0.0.1", "version": "4.0.0", "urls": {"streaming_api": base},
                             "configuration": {"urls": {"streaming": base}}}).encode("utf-8")
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(answer)))
        self.end_headers()
        self.wfile.write(answer)


class StreamServer:
    """A server on 127.0.0.1 answering every streaming path with ``body`` and then closing."""

    def __init__(self, body):
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        self.httpd.daemon_threads = True
        self.httpd.body = body.encode("utf-8")
        self.httpd.paths = []
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def base_url(self):
        return "http://127.0.0.1:%d" % self.httpd.server_address[1]

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc_info):
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(10)
