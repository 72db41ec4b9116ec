"""The pure SSE parser (mastodon._streaming.sse): bytes in, events out, however the bytes are cut."""
from __future__ import annotations

import itertools
from typing import List

import pytest
from hypothesis import given, settings, strategies as st

from mastodon import MastodonMalformedEventError
from mastodon._streaming.sse import HEARTBEAT, SSEParser, parse_events


def feed_in_pieces(body: bytes, cuts: List[int]) -> list:
    parser = SSEParser()
    out: list = []
    last = 0
    for cut in sorted(set(cuts)) + [len(body)]:
        out += parser.feed(body[last:cut])
        last = cut
    return out


def test_mastodon_shaped_events() -> None:
    body = b':connected\n\nevent: update\ndata: {"id": "1"}\n\nevent: delete\ndata: 1\n\n:thump\n\n'
    assert parse_events(body) == [HEARTBEAT, ("update", b'{"id": "1"}'), ("delete", b"1"), HEARTBEAT]


def test_multi_line_data_is_joined_with_newlines() -> None:
    body = b"event: update\ndata: {\"a\":\ndata: 1}\ndata:\n\n"
    assert parse_events(body) == [("update", b'{"a":\n1}\n')]


def test_field_order_extra_fields_and_no_space() -> None:
    body = b"id: 7\ndata:{\"x\": 1}\nretry: 100\nevent:status.update\nfoo: bar\n\n"
    assert parse_events(body) == [("status.update", b'{"x": 1}')]


def test_only_one_leading_space_is_dropped() -> None:
    assert parse_events(b"event: x\ndata:  two\n\n") == [("x", b" two")]


def test_comment_inside_an_event_is_a_heartbeat_too() -> None:
    assert parse_events(b"event: a\n:ping\ndata: 1\n\n") == [HEARTBEAT, ("a", b"1")]


def test_a_comment_counts_when_its_line_ends_without_an_empty_line() -> None:
    """Mastodon's heartbeats have no empty line after them: each counts at its line end."""
    parser = SSEParser()
    assert parser.feed(b":thump") == []
    assert parser.feed(b"\n") == [HEARTBEAT]
    assert parser.feed(b":thump\n:thump\nevent: a\n") == [HEARTBEAT, HEARTBEAT]
    assert parser.feed(b":thump\ndata: 1\n") == [HEARTBEAT]
    assert parser.feed(b"\n:thump\n") == [("a", b"1"), HEARTBEAT]


def test_event_without_name_or_data() -> None:
    assert parse_events(b"data: 1\n\nevent: filters_changed\n\n") == [("", b"1"), ("filters_changed", None)]


def test_blank_lines_between_events_are_ignored() -> None:
    assert parse_events(b"\n\n\nevent: a\ndata: 1\n\n\n\n\nevent: b\ndata: 2\n\n") == \
        [("a", b"1"), ("b", b"2")]


@pytest.mark.parametrize("newline", [b"\r\n", b"\r", b"\n"])
def test_every_line_ending(newline: bytes) -> None:
    body = b"event: a\ndata: 1\n\n:c\n\nevent: b\ndata: 2\ndata: 3\n\n".replace(b"\n", newline)
    expected = [("a", b"1"), HEARTBEAT, ("b", b"2\n3")]
    assert parse_events(body) == expected
    assert feed_in_pieces(body, list(range(len(body)))) == expected  # one byte at a time


def test_crlf_split_between_pieces_is_one_line_end() -> None:
    parser = SSEParser()
    assert parser.feed(b"event: a\r") == []
    assert parser.feed(b"\ndata: 1\r") == []
    assert parser.feed(b"\n\r") == [("a", b"1")]  # a CR ends a line at once
    assert parser.feed(b"\n") == []  # ... and a LF right after it belongs to it
    assert parser.feed(b"event: b\r\revent: c\n\n") == [("b", None), ("c", None)]
    assert parser.pending_bytes == 0


def test_boundary_split_between_pieces() -> None:
    parser = SSEParser()
    assert parser.feed(b"event: a\ndata: 1\n") == []
    assert parser.feed(b"\nevent: b\ndata: 2") == [("a", b"1")]
    assert parser.feed(b"\n\n") == [("b", b"2")]


def test_unfinished_event_is_dropped_at_the_end() -> None:
    parser = SSEParser()
    assert parser.feed(b"event: a\ndata: 1\n\nevent: b\ndata: {\"cut") == [("a", b"1")]
    assert parser.pending_bytes == len(b"event: b\ndata: {\"cut")
    assert parser.close() > 0 and parser.pending_bytes == 0
    assert parse_events(b"event: x\ndata: 1\n") == []  # no blank line: never dispatched


def test_oversized_event_is_malformed() -> None:
    parser = SSEParser(max_event_bytes=1000)
    with pytest.raises(MastodonMalformedEventError):
        for _ in range(20):
            parser.feed(b"data: " + b"x" * 100)
    assert parser.pending_bytes == 0


def test_utf8_split_inside_a_character() -> None:
    body = 'event: update\ndata: {"content": "héllo ✓"}\n\n'.encode("utf-8")
    for cut in range(len(body)):
        assert feed_in_pieces(body, [cut]) == [("update", 'data: {"content": "héllo ✓"}'[6:].encode())]


def test_tiny_pieces_are_kept_not_copied_until_the_event_ends() -> None:
    """One big event fed in 2-byte pieces: the unfinished line is held as the very
    pieces fed (no re-joining or re-scanning per piece), so the work stays linear."""
    head = b"event: update\n"  # even length: the pieces of the data line start after it
    body = head + b"data: " + b"x" * 400_000 + b"\n\n"
    pieces = [body[offset:offset + 2] for offset in range(0, len(body), 2)]
    parser = SSEParser()
    for piece in pieces[:-1]:
        assert parser.feed(piece) == []
    assert parser.pending_bytes == len(body) - len(pieces[-1])
    line_pieces = pieces[len(head) // 2:-1]
    assert len(parser._pending) == len(line_pieces)
    assert all(kept is fed for kept, fed in zip(parser._pending, line_pieces))
    assert parser.feed(pieces[-1]) == [("update", b"x" * 400_000)]
    assert parser.pending_bytes == 0


_name = st.text(alphabet="abcdefghijklmnopqrstuvwxyz._", min_size=1, max_size=12)
_line = st.text(alphabet=st.characters(blacklist_characters="\r\n", blacklist_categories=("Cs",)),
                max_size=30)
_event = st.one_of(
    st.tuples(_name, st.lists(_line, min_size=1, max_size=4)),
    st.sampled_from([None, False]),  # a heartbeat, with or without an empty line after it
)


@settings(max_examples=300, deadline=None)
@given(events=st.lists(_event, max_size=12), cuts=st.lists(st.integers(0, 2000), max_size=30),
       newline=st.sampled_from(["\n", "\r\n", "\r"]))
def test_any_split_gives_the_same_events(events: list, cuts: List[int], newline: str) -> None:
    text = ""
    expected: list = []
    for event in events:
        if event is None or event is False:
            text += ":thump" + newline * (2 if event is None else 1)
            expected.append(HEARTBEAT)
        else:
            name, lines = event
            text += f"event: {name}{newline}" + "".join(f"data: {line}{newline}" for line in lines)
            text += newline
            expected.append((name, "\n".join(lines).encode("utf-8")))
    body = text.encode("utf-8")
    assert parse_events(body) == expected
    assert feed_in_pieces(body, [cut for cut in cuts if cut <= len(body)]) == expected


_PARTS = {
    "update": b'event: update\ndata: {"id": "1"}\n\n',
    "delete": b"event: delete\ndata: 2\n\n",
    "multi": b"event: status.update\ndata: {\"id\":\ndata: 3}\n\n",
    "hb1": b":thump\n",
    "hb2": b":thump\n",
}
_ITEMS = {"update": ("update", b'{"id": "1"}'), "delete": ("delete", b"2"),
          "multi": ("status.update", b'{"id":\n3}'), "hb1": HEARTBEAT, "hb2": HEARTBEAT}


@pytest.mark.parametrize("order", sorted(set(itertools.permutations(_PARTS))))
def test_every_order_of_three_events_and_two_heartbeats(order: tuple) -> None:
    """Every order, with or without empty lines between, in one piece or byte by byte."""
    expected = [_ITEMS[part] for part in order]
    for gap in (b"", b"\n"):
        body = gap.join(_PARTS[part] for part in order)
        assert parse_events(body) == expected
        assert feed_in_pieces(body, list(range(len(body)))) == expected
