"""decode_blurhash and get_status_length: local helpers that make no request."""
import sys

import pytest

from mastodon import Mastodon
from mastodon import return_types as rt
from mastodon.errors import MastodonIllegalArgumentError, MastodonNotImplementedError
from mastodon.media_utils import MediaUtilsMixin
from mastodon.types_base import decode as decode_entity

length = MediaUtilsMixin.get_status_length
HASH = "LEHV6nWB2yk8pyo0adR*.7kCMdnj"  # 4 x 3 components


@pytest.fixture
def decode(fake):
    def run(*args, **kwargs):
        return MediaUtilsMixin.decode_blurhash(fake.api, *args, **kwargs)
    yield run
    assert fake.requests == []


def test_helpers_are_on_the_client():
    assert issubclass(Mastodon, MediaUtilsMixin), \
        "mastodon/client.py must list MediaUtilsMixin among Mastodon's bases"
    assert Mastodon.get_status_length("abc") == 3  # a staticmethod: callable on the class


# ---------------------------------------------------------------- blurhash

def test_default_size_is_per_component_and_linear(decode):
    image = decode({"blurhash": HASH})
    assert len(image) == 16 * 3 and all(len(row) == 16 * 4 for row in image)
    pixels = [value for row in image for pixel in row for value in pixel]
    assert all(len(pixel) == 3 for row in image for pixel in row)
    assert all(isinstance(v, float) and 0.0 <= v <= 1.0 for v in pixels)


def test_exact_size_and_srgb(decode):
    srgb = decode(HASH, out_size=(5, 7), size_per_component=False, return_linear=False)
    assert len(srgb) == 7 and len(srgb[0]) == 5
    assert all(isinstance(v, int) and 0 <= v <= 255 for row in srgb for px in row for v in px)
    linear = decode(HASH, out_size=(5, 7), size_per_component=False)
    # The same picture: sRGB is the gamma-encoded linear value.
    import blurhash
    assert srgb[3][2] == [blurhash.linear_to_srgb(v) for v in linear[3][2]]


def test_media_entities_are_accepted(decode):
    media = decode_entity({"id": "1", "type": "image", "blurhash": HASH}, rt.MediaAttachment)
    assert isinstance(media, rt.MediaAttachment)
    assert decode(media, out_size=(1, 1)) == decode(HASH, out_size=(1, 1))


@pytest.mark.parametrize("media, kwargs, match", [
    ({"blurhash": None}, {}, "blurhash"),
    ({"id": "1"}, {}, "blurhash"),
    (42, {}, "blurhash"),
    ("abc", {}, "not a valid blurhash"),
    (HASH[:-1], {}, "not a valid blurhash"),
    (HASH, {"out_size": (0, 4)}, "out_size"),
    (HASH, {"out_size": 16}, "out_size"),
    (HASH, {"out_size": (2.5, 4)}, "out_size"),
])
def test_bad_blurhash_input(decode, media, kwargs, match):
    with pytest.raises(MastodonIllegalArgumentError, match=match):
        decode(media, **kwargs)


def test_missing_blurhash_extra_names_it(decode, monkeypatch):
    monkeypatch.setitem(sys.modules, "blurhash", None)
    with pytest.raises(MastodonNotImplementedError, match=r"mastodon-ng\[blurhash\]"):
        decode(HASH)


# ---------------------------------------------------------------- status length

@pytest.mark.parametrize("text, expected", [
    ("", 0),
    ("hello world", 11),
    # URLs count as 23 characters, whatever their length
    ("https://example.com", 23),
    ("http://a.io", 23),
    ("http://a.b", 10),  # "b" is no top-level domain: Mastodon does not link it
    ("Read https://example.com/a/very/long/path/that/goes/on?and=on#forever now", 5 + 23 + 4),
    ("two https://a.org/x and https://b.net/" + "y" * 60, 4 + 23 + 5 + 23),
    # ... without the sentence punctuation or an enclosing bracket after them
    ("see https://example.com/page.", 4 + 23 + 1),
    ("really? https://example.com/?q=1!", 8 + 23 + 1),
    ("(https://example.com/x)", 1 + 23 + 1),
    ("https://en.wikipedia.org/wiki/Pi_(disambiguation)", 23),
    # a URL needs its scheme; a bare domain counts as written
    ("example.com/some/path", 21),
    ("https://", 8),
    # remote mentions count by their local part, local ones as written
    ("@alice@example.social hi", len("@alice hi")),
    ("hi @bob", 7),
    ("@alice@mastodon.example @bob@other.example", len("@alice @bob")),
    ("@a.b-c@sub.example.org!", len("@a.b-c!")),
    # not mentions: e-mail addresses; URLs keep their @ parts inside the 23
    ("mail bob@example.com", 20),
    ("https://mastodon.social/@alice@other.example", 23),
    # user-perceived characters: emoji sequences and combining marks count once
    ("\U0001F44D\U0001F3FD", 1),                              # thumbs up, skin tone
    ("\U0001F468\u200D\U0001F469\u200D\U0001F467", 1),        # family (ZWJ sequence)
    ("\U0001F1E9\U0001F1EA\U0001F1EB\U0001F1F7", 2),          # two flags
    ("e\u0301", 1),                                          # e + combining acute
    ("Z\u0351\u036b\u0343\u036a\u0302\u036b\u033d\u034f\u0334\u0319\u0324", 1),
    ("ne\u0301e\u0301 \U0001F600", 5),
])
def test_status_length(text, expected):
    assert length(text) == expected


def test_spoiler_text_counts_as_written():
    assert length("hello", "CW: food") == 5 + 8
    assert length("https://example.com", spoiler_text="https://example.com") == 23 + 19
    assert length("", "\U0001F44D\U0001F3FD") == 1
    assert length("x", None) == 1


@pytest.mark.parametrize("args", [(5,), (b"bytes",), ("ok", 3)])
def test_status_length_rejects_non_text(args):
    with pytest.raises(MastodonIllegalArgumentError):
        length(*args)


def test_missing_grapheme_extra_names_it(monkeypatch):
    monkeypatch.setitem(sys.modules, "grapheme", None)
    with pytest.raises(MastodonNotImplementedError, match=r"mastodon-ng\[grapheme\]") as info:
        length("hello")
    assert isinstance(info.value, NotImplementedError)
