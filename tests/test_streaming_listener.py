"""Listeners, event decoding and dispatch, and the request shapes of the stream methods (fake transport)."""
from __future__ import annotations

import inspect
import io
import json
from datetime import datetime
from typing import Any, Dict, List, Optional, Tuple

import pytest
import requests
from urllib3.response import HTTPResponse

from mastodon import (
    MastodonIllegalArgumentError, MastodonMalformedEventError, MastodonNetworkError,
)
from mastodon.return_types import (
    Announcement, Conversation, Notification, Status, StreamReaction,
)
from mastodon.streaming import CallbackStreamListener, SSEStreamHandle, StreamListener
from mastodon.types_base import AttribAccessDict, MaybeSnowflakeIdType
from support.fake_transport import FAKE_BASE_URL, Canned, query_of
from support.stream_helpers import Recorder

STATUS = {"id": "110", "created_at": "2024-05-01T10:00:00.000Z", "content": "<p>hi</p>",
          "account": {"id": "1", "acct": "alice", "username": "alice"},
          "media_attachments": [], "mentions": [], "tags": [], "emojis": []}
NOTIFICATION = {"id": "7", "type": "mention", "created_at": "2024-05-01T10:00:00Z",
                "account": STATUS["account"], "status": STATUS}
CONVERSATION = {"id": "3", "unread": True, "accounts": [STATUS["account"]], "last_status": STATUS}
ANNOUNCEMENT = {"id": "9", "content": "<p>news</p>", "published_at": "2024-05-01T10:00:00Z",
                "updated_at": "2024-05-01T10:00:00Z", "all_day": False, "mentions": [],
                "tags": [], "emojis": [], "reactions": []}


def sse(name: str, data: Any) -> bytes:
    text = data if isinstance(data, str) else json.dumps(data)
    return f"event: {name}\n" .encode() + b"".join(
        b"data: " + line.encode() + b"\n" for line in text.split("\n")) + b"\n"


class Full(StreamListener):
    """Records calls to each handler by name."""

    def __init__(self) -> None:
        self.calls: List[Tuple[str, tuple]] = []

    def __getattribute__(self, name: str) -> Any:
        attr = super().__getattribute__(name)
        if (name.startswith("on_") or name == "handle_heartbeat") and callable(attr):
            calls = super().__getattribute__("calls")

            def record(*args: Any) -> None:
                calls.append((name, args))
            return record
        return attr


def stream_body(fake: Any, body: bytes) -> None:
    """Queue ``body`` as the next stream; the streaming URL and instance info are known already."""
    fake.api._streaming_base = FAKE_BASE_URL
    fake.api._facts.documents["v2"] = AttribAccessDict()  # for the timeline availability check
    fake.queue(body=body, headers={"Content-Type": "text/event-stream"})


def run_blocking(fake: Any, listener: Any, body: bytes) -> Optional[BaseException]:
    """Stream ``body`` to ``listener`` on this thread; the error it raised, None if it returned."""
    stream_body(fake, body)
    try:
        assert fake.api.stream_user(listener) is None
    except (MastodonNetworkError, MastodonMalformedEventError) as exc:
        return exc
    return None


def test_every_event_is_decoded_like_rest(fake: Any) -> None:
    body = b":connected\n\n" + b"".join([
        sse("update", STATUS), sse("status.update", STATUS), sse("notification", NOTIFICATION),
        sse("conversation", CONVERSATION), sse("announcement", ANNOUNCEMENT),
        sse("announcement.reaction", {"name": "👍", "count": 2, "announcement_id": "9"}),
        sse("announcement.delete", "9"), sse("delete", "110"),
        b"event: filters_changed\ndata: undefined\n\n", b"event: notifications_merged\n\n",
        sse("encrypted_message", {"id": "1"}), sse("brand.new", {"created_at": "2024-05-01T10:00:00Z"}),
    ])
    listener = Full()
    assert run_blocking(fake, listener, body) is None  # the body ended cleanly
    calls = [call for call in listener.calls if call[0] != "on_any_event"]
    names = [name for name, _ in calls]
    assert names == ["handle_heartbeat", "on_update", "on_status_update", "on_notification",
                     "on_conversation", "on_announcement", "on_announcement_reaction",
                     "on_announcement_delete", "on_delete", "on_filters_changed",
                     "on_notifications_merged", "on_encrypted_message", "on_unknown_event"]
    args = dict(calls)
    assert type(args["on_update"][0]) is Status and type(args["on_status_update"][0]) is Status
    assert isinstance(args["on_update"][0].created_at, datetime)
    assert type(args["on_notification"][0]) is Notification
    assert type(args["on_notification"][0].status) is Status
    conversation = args["on_conversation"][0]
    assert type(conversation) is Conversation and type(conversation.last_status) is Status
    assert type(args["on_announcement"][0]) is Announcement
    assert type(args["on_announcement_reaction"][0]) is StreamReaction
    assert args["on_announcement_delete"] == ("9",) and args["on_delete"] == ("110",)
    assert type(args["on_delete"][0]) is MaybeSnowflakeIdType
    assert args["on_filters_changed"] == () and args["on_notifications_merged"] == ()
    name, data = args["on_unknown_event"]
    assert name == "brand.new" and isinstance(data, AttribAccessDict) \
        and isinstance(data.created_at, datetime)
    anys = [args for name, args in listener.calls if name == "on_any_event"]
    # these handlers take (*args), no parameter named for_stream: they are called without it
    assert len(anys) == 12 and anys[0] == ("update", args["on_update"][0])


def test_payloads_equal_rest_decoding(fake: Any) -> None:
    listener = Recorder()
    assert run_blocking(fake, listener, sse("update", STATUS)) is None
    assert listener.events[0][2] == ["user"]  # on_any_event takes for_stream: it gets it
    fake.queue(json=STATUS)
    assert listener.of("update")[0] == fake.api.status("110")


def test_reserved_and_odd_names_are_unknown(fake: Any) -> None:
    listener = Full()
    assert run_blocking(fake, listener, sse("abort", {"a": 1}) + sse("any_event", {"b": 1})
                        + sse("weird-name!", '"text"')) is None
    unknown = [args for name, args in listener.calls if name == "on_unknown_event"]
    assert [args[0] for args in unknown] == ["abort", "any_event", "weird-name!"]
    assert unknown[2][1] == "text"
    assert [name for name, _ in listener.calls].count("on_abort") == 0


@pytest.mark.parametrize("body", [
    sse("update", '{"id": "1", broken'),
    b"event: update\n\n",  # no data at all
    b"data: {}\n\n",  # no event name
    sse("delete", ""),
    sse("brand.new", "text that is not json"),  # unknown events too: their data is JSON
    sse("encrypted_message", "not json either"),
])
def test_malformed_event_raises_after_on_abort(fake: Any, body: bytes) -> None:
    listener = Recorder()
    error = run_blocking(fake, listener, b":connected\n\n" + body + sse("update", STATUS))
    assert isinstance(error, MastodonMalformedEventError)
    assert listener.aborts == [error] and listener.of("update") == []


def test_end_of_stream_returns_after_the_complete_events(fake: Any) -> None:
    """A clean end is no failure: the stream method returns; an unfinished last event is dropped."""
    listener = Recorder()
    assert run_blocking(fake, listener, sse("update", STATUS) + b"event: update\ndata: {\"id\"") \
        is None
    assert listener.aborts == [] and [s.id for s in listener.of("update")] == ["110"]
    assert run_blocking(fake, listener, sse("delete", "1") + b"event: delete\ndata: 2\n") is None
    assert listener.of("delete") == ["1"] and listener.aborts == []


def test_handle_stream_reads_big_pieces() -> None:
    body = b"".join(sse("update", {**STATUS, "id": str(i)}) for i in range(500))
    reads: List[int] = []

    class CountingIO(io.BytesIO):
        def read1(self, size: int = -1) -> bytes:
            data = super().read1(min(size, 8192))  # the network hands out at most 8 KiB
            reads.append(len(data))
            return data

    response = requests.Response()
    response.raw = HTTPResponse(body=CountingIO(body), preload_content=False)
    listener = Recorder()
    assert listener.handle_stream(response) is None
    assert len(listener.of("update")) == 500
    assert len(reads) <= len(body) // 8192 + 3  # never byte by byte
    assert listener.aborts == []


def test_listener_surface() -> None:
    names = ["on_update", "on_delete", "on_notification", "on_filters_changed", "on_conversation",
             "on_announcement", "on_announcement_reaction", "on_announcement_delete",
             "on_status_update", "on_encrypted_message", "on_notifications_merged",
             "on_websocket_error", "on_abort", "on_unknown_event", "handle_heartbeat",
             "on_any_event", "handle_stream", "handle_websocket_message"]
    listener = StreamListener()
    for name in names:
        assert callable(getattr(listener, name))
    assert list(inspect.signature(SSEStreamHandle.__init__).parameters)[:6] == [
        "self", "connection", "connect_func", "reconnect_async", "reconnect_async_wait_sec",
        "listener"]


def test_callback_listener_calls_every_callback() -> None:
    got: Dict[str, tuple] = {}

    def rec(name: str) -> Any:
        return lambda *args: got.__setitem__(name, args)

    keys = ["update", "local_update", "delete", "notification", "conversation", "unknown_event",
            "status_update", "filters_changed", "announcement", "announcement_reaction",
            "announcement_delete", "encryted_message", "notifications_merged", "stream_error"]
    listener = CallbackStreamListener(**{f"{key}_handler": rec(key) for key in keys})
    frames = [("update", STATUS), ("delete", "1"), ("notification", NOTIFICATION),
              ("conversation", CONVERSATION), ("future", {"a": 1}), ("status.update", STATUS),
              ("filters_changed", None), ("announcement", ANNOUNCEMENT),
              ("announcement.reaction", {"name": "x", "count": 1, "announcement_id": "9"}),
              ("announcement.delete", "9"), ("encrypted_message", {"a": 1}),
              ("notifications_merged", None)]
    for name, payload in frames:
        data = payload if payload is None or isinstance(payload, str) else json.dumps(payload)
        listener.handle_websocket_message(json.dumps({"stream": ["user"], "event": name,
                                                      "payload": data}))
    listener.handle_websocket_message({"error": "Missing scope", "status": 401, "stream": ["list", "4"]})
    assert set(got) == set(keys)
    assert got["local_update"][0].id == "110"  # alice has no domain: local
    assert got["unknown_event"][0] == "future" and got["delete"] == ("1",)
    assert got["stream_error"] == ("Missing scope", ["list", "4"])
    assert got["filters_changed"] == () and got["notifications_merged"] == ()
    remote = CallbackStreamListener(update_handler=rec("u2"), local_update_handler=rec("l2"))
    remote.on_update(Status(id="5", account={"acct": "bob@elsewhere.example"}))
    assert "u2" in got and "l2" not in got
    CallbackStreamListener().on_update(Status(id="5"))  # no callbacks: nothing happens


def test_websocket_message_malformed() -> None:
    with pytest.raises(MastodonMalformedEventError):
        StreamListener().handle_websocket_message("{not json")
    with pytest.raises(MastodonMalformedEventError):
        StreamListener().handle_websocket_message('["a list"]')
    with pytest.raises(MastodonMalformedEventError):
        StreamListener().handle_websocket_message('{"stream": ["user"]}')


# ------------------------------------------------------------------ request shapes

def test_streaming_base_from_the_instance_documents(fake: Any) -> None:
    # the v2, then the v1 instance info, as Mastodon.py asks; v1's streaming URL counts
    fake.queue(json={"domain": "mastodon.example", "configuration": {"urls": {"streaming": "wss://v2.example/"}}})
    fake.queue(json={"uri": "mastodon.example", "urls": {"streaming_api": "wss://stream.example/"}})
    fake.queue(body=b"", headers={"Content-Type": "text/event-stream"})
    assert fake.api.stream_user(Recorder()) is None  # an empty body: the stream ended at once
    assert fake.calls == [("GET", "/api/v2/instance/"), ("GET", "/api/v1/instance/"),
                          ("GET", "/api/v1/streaming/user")]
    assert fake.last.url == "https://stream.example/api/v1/streaming/user"
    assert fake.last.headers["Authorization"] == "Bearer fake_token"
    assert "access_token" not in fake.last.url
    assert fake.api._streaming_base == "https://stream.example"
    fake.queue(body=b"OK")
    assert fake.api.stream_healthy() is True  # cached: no second instance request
    assert fake.calls[-1] == ("GET", "/api/v1/streaming/health")
    assert fake.last.url.startswith("https://stream.example/")
    fake.api.clear_caches()
    assert fake.api._streaming_base is None


def test_streaming_base_from_v1_else_v2_else_api_base(fake: Any) -> None:
    fake.queue(status=404, json={"error": "Not found"})
    fake.queue(json={"uri": "mastodon.example", "urls": {"streaming_api": "ws://old.example:4000"}})
    assert fake.api._get_streaming_base() == "http://old.example:4000"
    assert fake.calls == [("GET", "/api/v2/instance/"), ("GET", "/api/v1/instance/")]
    fake.api.clear_caches()
    fake.queue(json={"configuration": {"urls": {"streaming": "wss://new.example"}}})
    fake.queue(status=404, json={"error": "Not found"})
    assert fake.api._get_streaming_base() == "https://new.example"
    fake.api.clear_caches()
    fake.queue(status=404, json={"error": "Not found"})
    fake.queue(status=404, json={"error": "Not found"})
    assert fake.api._get_streaming_base() == FAKE_BASE_URL
    fake.api.clear_caches()
    fake.queue(json={"configuration": {"urls": {}}})
    fake.queue(json={"urls": {}})
    assert fake.api._get_streaming_base() == FAKE_BASE_URL


@pytest.mark.parametrize("call, path, query", [
    (lambda api, l: api.stream_user(l), "/api/v1/streaming/user", []),
    (lambda api, l: api.stream_public(l), "/api/v1/streaming/public", []),
    (lambda api, l: api.stream_public(l, local=True, only_media=True),
     "/api/v1/streaming/public/local", [("only_media", "true")]),
    (lambda api, l: api.stream_public(l, remote=True), "/api/v1/streaming/public/remote", []),
    (lambda api, l: api.stream_local(l), "/api/v1/streaming/public/local", []),
    (lambda api, l: api.stream_hashtag("cats", l), "/api/v1/streaming/hashtag", [("tag", "cats")]),
    (lambda api, l: api.stream_hashtag("cats", l, local=True), "/api/v1/streaming/hashtag/local",
     [("tag", "cats")]),
    (lambda api, l: api.stream_list({"id": "12"}, l), "/api/v1/streaming/list", [("list", "12")]),
    (lambda api, l: api.stream_direct(l), "/api/v1/streaming/direct", []),
    (lambda api, l: api.stream_user_notifications(l), "/api/v1/streaming/user/notification", []),
    (lambda api, l: api.user_stream(l), "/api/v1/streaming/user", []),
    (lambda api, l: api.public_stream(l), "/api/v1/streaming/public", []),
    (lambda api, l: api.hashtag_stream("dogs", l), "/api/v1/streaming/hashtag", [("tag", "dogs")]),
])
def test_stream_request_shapes(fake: Any, call: Any, path: str, query: list) -> None:
    stream_body(fake, b"")
    assert call(fake.api, Recorder()) is None  # an empty body: the stream ended at once
    assert fake.calls[-1] == ("GET", path) and query_of(fake.last) == query
    assert fake.last.url.startswith(FAKE_BASE_URL)


def test_legacy_async_keyword_returns_a_handle(fake: Any) -> None:
    for call in (lambda l: fake.api.user_stream(l, **{"async": True}),
                 lambda l: fake.api.public_stream(l, True),
                 lambda l: fake.api.hashtag_stream("x", l, **{"async": True})):
        stream_body(fake, sse("update", STATUS))
        listener = Recorder()
        handle = call(listener)
        try:
            listener.wait_event("update")
            handle.join(10)  # the body ended: no reconnecting, the thread ends
            assert not handle.is_alive() and [s.id for s in listener.of("update")] == ["110"]
            assert listener.aborts == []
        finally:
            handle.close()
    with pytest.raises(MastodonIllegalArgumentError):
        fake.api.user_stream(Recorder(), True, False)
    with pytest.raises(MastodonIllegalArgumentError):
        fake.api.user_stream(Recorder(), **{"async": True, "run_async": True})


@pytest.mark.parametrize("call", [
    lambda api: api.stream_public(Recorder(), local=True, remote=True),
    lambda api: api.stream_hashtag("#cats", Recorder()),
    lambda api: api.stream_hashtag("", Recorder()) if False else api.stream_hashtag(None, Recorder()),
    lambda api: api.stream_user(None),
    lambda api: api.stream_user(object()),
    lambda api: api.stream_user(Recorder(), reconnect_async_wait_sec=-1),
    lambda api: api.stream_public(Recorder(), local=["yes"]),
])
def test_bad_arguments_send_nothing(fake: Any, call: Any) -> None:
    fake.api._streaming_base = FAKE_BASE_URL
    with pytest.raises(MastodonIllegalArgumentError):
        call(fake.api)
    assert fake.requests == []


class FakeWebSocketHandle:
    def __init__(self) -> None:
        self.calls: List[Tuple[str, Any, Dict[str, Any]]] = []

    def subscribe(self, stream: str, listener: Any = None, **params: Any) -> str:
        self.calls.append((stream, listener, params))
        return "subscription"


@pytest.mark.parametrize("call, stream, params", [
    (lambda api, l, h: api.stream_user(l, websocket_handle=h), "user", {}),
    (lambda api, l, h: api.stream_public(l, websocket_handle=h), "public", {}),
    (lambda api, l, h: api.stream_public(l, remote=True, only_media=True, websocket_handle=h),
     "public:remote:media", {}),
    (lambda api, l, h: api.stream_local(l, websocket_handle=h), "public:local", {}),
    (lambda api, l, h: api.stream_hashtag("cats", l, local=True, websocket_handle=h),
     "hashtag:local", {"tag": "cats"}),
    (lambda api, l, h: api.stream_list(4, l, websocket_handle=h), "list", {"list": "4"}),
    (lambda api, l, h: api.stream_direct(l, websocket_handle=h), "direct", {}),
    (lambda api, l, h: api.stream_user_notifications(l, websocket_handle=h), "user:notification", {}),
])
def test_websocket_handle_subscribes(fake: Any, call: Any, stream: str, params: dict) -> None:
    handle = FakeWebSocketHandle()
    listener = Recorder()
    assert call(fake.api, listener, handle) == "subscription"
    assert handle.calls == [(stream, listener, params)]
    assert [c for c in fake.calls if "streaming" in c[1]] == []


def test_stream_healthy_answers(fake: Any) -> None:
    fake.api._streaming_base = FAKE_BASE_URL
    fake.queue(body=b"success")
    assert fake.api.stream_healthy() is True
    fake.queue(body=b"<html>proxy</html>")
    assert fake.api.stream_healthy() is False
    fake.queue(status=500, json={"error": "down"})
    assert fake.api.stream_healthy() is False
    fake.queue(error=requests.exceptions.ConnectionError("refused"))
    assert fake.api.stream_healthy() is False


def test_canned_sanity() -> None:  # the helper used above builds what the parser expects
    assert sse("a", "1\n2") == b"event: a\ndata: 1\ndata: 2\n\n"
    assert Canned.make(body=b"x").body == b"x"


class ContentOnly:
    """A stand-in response with nothing but ``iter_content``, as callers' tests build them."""

    def __init__(self, body: bytes, piece: int) -> None:
        self.body = body
        self.piece = piece
        self.asked: List[int] = []

    def iter_content(self, chunk_size: int = 1) -> Any:
        self.asked.append(chunk_size)
        for start in range(0, len(self.body), self.piece):
            yield self.body[start:start + self.piece]


@pytest.mark.parametrize("piece", [1, 2, 3, 7, 64, 100_000])
def test_handle_stream_reads_iter_content_split_anywhere(piece: int) -> None:
    body = (b":connected\r\n\r\n" + sse("update", STATUS) + sse("delete", "110")
            + b"event: notification\r\ndata: " + json.dumps(NOTIFICATION).encode() + b"\r\n\r\n")
    response = ContentOnly(body, piece)
    listener = Recorder()
    assert listener.handle_stream(response) is None  # the body ended: the stream is over
    assert listener.names() == ["update", "delete", "notification"] and listener.heartbeats == 1
    assert isinstance(listener.of("update")[0], Status) and listener.of("delete") == ["110"]
    assert isinstance(listener.of("notification")[0], Notification)
    assert response.asked == [1]  # asked for whatever arrived, never for a full buffer
    assert listener.aborts == []


def test_handle_stream_iter_content_failures() -> None:
    class Broken:
        def iter_content(self, chunk_size: int = 1) -> Any:
            yield sse("update", STATUS)[:20]
            raise ConnectionResetError("peer went away")

    listener = Recorder()
    with pytest.raises(MastodonNetworkError, match="peer went away"):
        listener.handle_stream(Broken())
    assert listener.names() == [] and len(listener.aborts) == 1
    with pytest.raises(MastodonNetworkError, match="neither"):
        listener.handle_stream(object())


def test_handle_stream_lets_a_handler_error_through() -> None:
    """Reading on the caller's thread, the caller's own exception is the caller's to see."""
    class Failing(Recorder):
        def on_update(self, status: Any) -> None:
            raise KeyError("mine")

    listener = Failing()
    with pytest.raises(KeyError):
        listener.handle_stream(ContentOnly(sse("update", STATUS), 5))
    assert listener.aborts == []
