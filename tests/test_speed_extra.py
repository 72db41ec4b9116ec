"""The ``speed`` extra: orjson parses bodies and events when installed, with the same results.

``mastodon._core.jsonparse.loads`` is the one JSON parser of response bodies
(and, once wired, stream events). The tests that need orjson skip, naming it,
when it is not installed (as on PyPy, where it may not build); the others
check that the library works the same without it.

"The same" is checked strictly: equal types (an int is not the float of the
same value), equal floats bit for bit (``-0.0``, NaN), equal key order.
"""
from __future__ import annotations

import glob
import json
import math
import os
import subprocess
import sys
from typing import Any, Callable, Iterator, List, Tuple

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from mastodon import return_types as rt
from mastodon._core import jsonparse
from mastodon.types_base import decode
from support.extras import require_extra
from test_recorded_payloads import PAGES, RECORDED  # the recorded pages and their entity types

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
CASSETTES = os.path.join(HERE, "recorded", "cassettes")
STREAM_ENTITIES = {"update": rt.Status, "status.update": rt.Status,
                   "notification": rt.Notification}


def strict(value: Any) -> Any:
    """A form of parsed JSON whose == tells apart what == on the values would not."""
    if isinstance(value, dict):
        return ("dict", [(key, strict(item)) for key, item in value.items()])
    if isinstance(value, list):
        return ("list", [strict(item) for item in value])
    if isinstance(value, float):
        return ("float", value.hex() if not math.isnan(value) else "nan")
    return (type(value).__name__, value)


def outcome(parse: Callable[[Any], Any], text: Any) -> Any:
    """What parsing ``text`` gives: the strict form of the result, or the error raised."""
    try:
        return strict(parse(text))
    except (ValueError, RecursionError) as exc:
        return ("raised", type(exc).__name__, str(exc))


def recorded_bodies() -> Iterator[Tuple[str, bytes]]:
    """Every recorded response body: the payload files and each answer of each cassette."""
    for path in sorted(glob.glob(os.path.join(RECORDED, "*.json"))):
        with open(path, "rb") as handle:
            yield os.path.basename(path), handle.read()
    for path in sorted(glob.glob(os.path.join(CASSETTES, "*.yaml"))):
        with open(path, encoding="utf-8") as handle:
            cassette = yaml.safe_load(handle)
        for index, exchange in enumerate(cassette["interactions"]):
            body = exchange["response"]["body"].get("string")
            if body:
                text = body.encode("utf-8") if isinstance(body, str) else body
                yield f"{os.path.basename(path)}#{index}", text


def stream_events() -> List[Tuple[str, bytes]]:
    """(event name, data) of each event of the recorded stream, split by hand."""
    with open(os.path.join(RECORDED, "stream_user.sse"), "rb") as handle:
        blocks = handle.read().replace(b"\r\n", b"\n").split(b"\n\n")
    events = []
    for block in blocks:
        fields = dict(line.split(b": ", 1) for line in block.split(b"\n") if b": " in line)
        if b"event" in fields and b"data" in fields:
            events.append((fields[b"event"].decode("ascii"), fields[b"data"]))
    return events


#: Texts where orjson alone would answer differently, or refuse.
EDGE_CASES = [
    b'{"id": 123456789012345678901234567890}',        # beyond 64 bits: orjson would give a float
    b'[18446744073709551616, -9223372036854775809]',  # just beyond unsigned / signed 64 bits
    b'[18446744073709551615, -9223372036854775808]',  # the 64-bit limits themselves
    b'[9999999999999999999, -999999999999999999]',  # 19 digits, or a minus and 18: exact
    b'{"n": "1234567890123456789-"}',  # 19 digits and a minus: a run of 20, the slower parse
    b'[0.1234567890123456789, -1.234567890123456789e-5, 12345678901234567.5, 9007199254740993.0]',
    b'[1.2345678901234567890123e-300, 123456789012345678901.0, -0.00000000000000000001]',
    b'{"id": "123456789012345678", "n": -12345678901234567890}',  # minus and 20 digits
    b'{"note": "1234567890123456789012 in a string"}',
    b'{"a": 1, "b": 2, "a": 3}',                      # duplicate key: last value, first place
    b'[NaN, Infinity, -Infinity]',
    b'[1e400, -1e400, 1e-400, -0, -0.0, 0.1, 5e-324, 2.5e-324]',
    b'\xef\xbb\xbf{"bom": true}',
    '{"enc": "utf-16 \u00e9"}'.encode("utf-16"),
    '{"enc": "utf-32"}'.encode("utf-32-le"),
    b'"\\ud800 lone"', b'"\\udc00"', b'"\\ud83d\\ude00"', b'"\xed\xa0\x80"',
    b'"\xff not utf-8"', b'"\xc3\xa9 utf-8"',
    b'[' * 3000 + b']' * 3000,
    b'', b'   ', b'[1,]', b'{"a":1}x', b'"a\x01b"', b'nul', b'{"a" 1}',
    '{"text": "a str, not bytes \u2603"}', '"\ud800"', '[12345678901234567890]',
]


@pytest.fixture(scope="module")
def with_orjson() -> Callable[[Any], Any]:
    require_extra("speed", "orjson")
    return jsonparse.parser("orjson")


# ---------------------------------------------------------------- with orjson

def test_the_client_parses_with_orjson_when_it_is_installed(
        with_orjson: Callable[[Any], Any]) -> None:
    assert jsonparse.backend() == "orjson"


def test_every_recorded_body_parses_alike(with_orjson: Callable[[Any], Any]) -> None:
    bodies = list(recorded_bodies())
    assert len(bodies) > 290
    for name, body in bodies:
        assert outcome(with_orjson, body) == outcome(json.loads, body), name


def test_every_recorded_stream_event_parses_and_decodes_alike(
        with_orjson: Callable[[Any], Any]) -> None:
    events = stream_events()
    assert {name for name, _ in events} >= {"update", "notification", "delete"}
    for name, data in events:
        assert outcome(with_orjson, data) == outcome(json.loads, data), name
        if name in STREAM_ENTITIES:
            fast = decode(with_orjson(data), STREAM_ENTITIES[name])
            plain = decode(json.loads(data), STREAM_ENTITIES[name])
            assert fast == plain and strict(fast) == strict(plain), name


@pytest.mark.parametrize("name", sorted(PAGES))
def test_recorded_pages_decode_to_equal_entities(with_orjson: Callable[[Any], Any],
                                                 name: str) -> None:
    with open(os.path.join(RECORDED, name), "rb") as handle:
        body = handle.read()
    fast, plain = decode(with_orjson(body), PAGES[name]), decode(json.loads(body), PAGES[name])
    assert type(fast) is type(plain)
    assert fast == plain
    assert repr(fast) == repr(plain)  # every nested field converted alike, on both sides
    assert strict(fast) == strict(plain)


@pytest.mark.parametrize("text", EDGE_CASES, ids=lambda text: repr(text)[:40])
def test_texts_orjson_reads_differently_give_what_the_standard_library_gives(
        with_orjson: Callable[[Any], Any], text: Any) -> None:
    assert outcome(with_orjson, text) == outcome(json.loads, text)


def test_a_big_integer_keeps_every_digit(with_orjson: Callable[[Any], Any]) -> None:
    parsed = with_orjson(b'{"id": 123456789012345678901234567890, "n": 1}')
    assert parsed == {"id": 123456789012345678901234567890, "n": 1}
    assert type(parsed["id"]) is int


@pytest.mark.parametrize("text, slow", [
    (b'{"id": "1234567890123456789", "n": -123456789012345678}', False),  # 19 digits: exact
    (b'[9999999999999999999, "2025-11-25T10:00:00.000Z"]', False),
    (b'[18446744073709551616]', True), (b'[-9223372036854775809]', True),
    (b'{"note": "12345678901234567890"}', True),  # in a string: only the slower parse
])
def test_only_text_with_a_risky_integer_goes_to_the_standard_library(
        with_orjson: Callable[[Any], Any], monkeypatch: pytest.MonkeyPatch, text: bytes,
        slow: bool) -> None:
    parsed: List[Any] = []

    def spy(text: Any) -> Any:
        parsed.append(text)
        return json.loads(text)

    monkeypatch.setattr(jsonparse, "_json_loads", spy)
    assert outcome(with_orjson, text) == outcome(json.loads, text)
    assert parsed == ([text] if slow else [])


json_values = st.recursive(
    st.none() | st.booleans() | st.text()
    | st.integers(min_value=-(2 ** 80), max_value=2 ** 80)
    | st.floats(allow_nan=True, allow_infinity=True),
    lambda children: st.lists(children, max_size=5)
    | st.dictionaries(st.text(max_size=8), children, max_size=5),
    max_leaves=30)


@settings(max_examples=300, deadline=None)
@given(json_values, st.booleans())
def test_any_json_text_parses_alike(with_orjson: Callable[[Any], Any], value: Any,
                                    as_bytes: bool) -> None:
    text = json.dumps(value, ensure_ascii=False)
    data = text.encode("utf-8", "surrogatepass") if as_bytes else text
    assert outcome(with_orjson, data) == outcome(json.loads, data)


# ---------------------------------------------------------------- without orjson

def fresh(code: str) -> Any:
    """Run ``code`` in a new interpreter in which orjson cannot be imported."""
    blocked = "import sys\nsys.modules['orjson'] = None\n" + code
    done = subprocess.run([sys.executable, "-c", blocked], capture_output=True, text=True,
                          cwd=ROOT, timeout=60, check=True)
    return json.loads(done.stdout)


def test_without_orjson_the_standard_library_parses() -> None:
    found = fresh(
        "import json, requests\nfrom mastodon._core import jsonparse\n"
        "from mastodon._core.decode import decode_response\n"
        "from mastodon import return_types as rt\n"
        "response = requests.Response()\nresponse.status_code = 200\n"
        "response._content = b'{\"id\": \"1\", \"n\": 123456789012345678901234567890, \"x\": NaN}'\n"
        "status = decode_response(response, rt.Status)\n"
        "print(json.dumps([jsonparse.backend(), repr(jsonparse.loads(b'[NaN, -0.0]')),"
        " type(status).__name__, str(status.n)]))")
    assert found == ["json", "[nan, -0.0]", "Status", "123456789012345678901234567890"]


def test_orjson_is_looked_for_on_first_parse_not_on_import() -> None:
    code = ("import json, sys\nfrom mastodon import Mastodon\n"
            "import mastodon._core.decode\nprint(json.dumps('orjson' in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd=ROOT, timeout=60, check=True)
    assert json.loads(done.stdout) is False


def test_parsers_are_chosen_by_name() -> None:
    assert jsonparse.parser("json") is json.loads
    with pytest.raises(ValueError, match="simplejson"):
        jsonparse.parser("simplejson")
    chosen = jsonparse.backend()
    try:
        jsonparse.use("json")
        assert jsonparse.backend() == "json"
        assert jsonparse.loads(b"[12345678901234567890123, NaN]")[0] == 12345678901234567890123
    finally:
        jsonparse.use(chosen)
