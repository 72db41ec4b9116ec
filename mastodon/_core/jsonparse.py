"""The one JSON parser of response bodies and stream events: orjson when installed.

:func:`loads` gives exactly what :func:`json.loads` gives, and raises what
it raises. With the ``speed`` extra (``pip install 'mastodon-ng[speed]'``,
which installs orjson) it parses with orjson, and hands the text to
:func:`json.loads` instead wherever orjson would answer differently:

* orjson refuses what the standard library accepts: ``NaN`` and
  ``Infinity``, numbers too large for a float, lone surrogates (``"\\ud800"``),
  text in UTF-16 or UTF-32 or with a byte order mark, and nesting deeper than
  1024 levels (where :func:`json.loads` may raise RecursionError);
* orjson reads integers beyond 64 bits (above ``2**64 - 1`` or below
  ``-2**63``) as floats (older releases refuse them), where the standard
  library keeps every digit. Such an integer has at least 20 digits, or a
  minus sign and at least 19, so text with a run of 20 digits and minus signs
  anywhere (also inside a string, which costs only the slower parse) goes to
  :func:`json.loads`; orjson keeps every shorter integer exactly.

Everything else (duplicate keys, where the last value wins in the place of
the first; floats, rounded the same way; escapes) parses alike, which
``tests/test_speed_extra.py`` checks on every recorded body and stream.
Text that is not JSON at all is parsed twice, and :func:`json.loads` raises.

orjson is looked for when the first text is parsed, not on import.
"""
from __future__ import annotations

import importlib
import json
from typing import Any, Callable, Dict, Optional, Union

__all__ = ["loads", "backend", "parser", "use"]

Text = Union[str, bytes, bytearray]

#: The shortest integer orjson may not keep exactly: 2**64 has 20 digits, -(2**63 + 1) a minus
#: sign and 19 (digits and minus signs are all "0" in the translated text)
_RISKY_RUN = b"0" * 20

_json_loads = json.loads


def _with_orjson() -> Callable[[Text], Any]:
    """A parser that tries orjson first; ImportError when orjson is not installed."""
    orjson = importlib.import_module("orjson")
    orjson_loads, refused = orjson.loads, orjson.JSONDecodeError
    # ASCII digits and "-" become "0", every other byte a space: a risky
    # integer is then a run of 20 zeros, found by one bytes search
    digits_as_zeros = bytes(0x30 if 0x30 <= byte <= 0x39 or byte == 0x2D else 0x20
                            for byte in range(256))

    def loads(text: Text) -> Any:
        data = text.encode("utf-8", "surrogatepass") if isinstance(text, str) else text
        if _RISKY_RUN not in data.translate(digits_as_zeros):
            try:
                return orjson_loads(data)
            except refused:  # not JSON to orjson: the standard library decides
                pass
        return _json_loads(text)
    return loads


def parser(name: str) -> Callable[[Text], Any]:
    """The parser ``name`` names: ``"json"`` (the standard library) or ``"orjson"``.

    Raises ImportError for ``"orjson"`` when it is not installed.
    """
    if name == "json":
        return _json_loads
    if name != "orjson":
        raise ValueError(f"no JSON parser named {name!r}")
    made = _made.get(name)
    if made is None:
        made = _made[name] = _with_orjson()
    return made


_made: Dict[str, Callable[[Text], Any]] = {}


_parse: Optional[Callable[[Text], Any]] = None
_parse_name = ""


def use(name: str) -> None:
    """Make :func:`loads` parse with the parser ``name`` (see :func:`parser`) from now on.

    The library chooses by itself (orjson when installed); benchmarks and
    tests use this to compare the two.
    """
    global _parse, _parse_name
    _parse, _parse_name = parser(name), name


def loads(text: Text) -> Any:
    """Parse JSON text (bytes in UTF-8, -16 or -32, or str) as :func:`json.loads` does.

    Uses orjson when it is installed; see the module's description. Raises
    ValueError (``json.JSONDecodeError``, ``UnicodeDecodeError``) when the
    text is not JSON.
    """
    parse = _parse
    if parse is None:
        parse = _first_use()
    return parse(text)


def _first_use() -> Callable[[Text], Any]:
    try:
        use("orjson")
    except ImportError:
        use("json")
    assert _parse is not None
    return _parse


def backend() -> str:
    """``"orjson"`` or ``"json"``: the parser :func:`loads` uses."""
    if _parse is None:
        _first_use()
    return _parse_name
