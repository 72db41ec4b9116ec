"""``import mastodon`` imports what a name needs when the name is first used.

Each check that depends on what is already imported runs in a fresh
interpreter, so that the rest of the test session cannot hide a module that
is imported too early.
"""
from __future__ import annotations

import csv
import inspect
import json
import subprocess
import sys
from pathlib import Path
from typing import Any, List
from unittest import mock

import pytest

import mastodon
from mastodon.versions import api_version

ROOT = Path(__file__).resolve().parent.parent
SURFACE = ROOT / "tests" / "spec" / "module_surface.tsv"


def fresh(code: str) -> Any:
    """Run ``code`` in a new interpreter; it prints one JSON value, which is returned."""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd=ROOT, timeout=60, check=True)
    return json.loads(done.stdout)


def package_names() -> List[str]:
    with open(SURFACE, newline="", encoding="utf-8") as handle:
        rows = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        return [row["name"] for row in rows if row["module"] == "mastodon" and row["name"]
                and row["kind"] != "constant"]


def test_import_mastodon_loads_no_client_entities_requests_or_dateutil() -> None:
    loaded = fresh("import json, sys, mastodon\nfrom mastodon._core.lazy_module import is_deferred\n"
                   "print(json.dumps([sorted(sys.modules), "
                   "is_deferred(sys.modules['mastodon.return_types'])]))")
    loaded, entities_deferred = loaded
    assert [name for name in loaded if name.startswith("mastodon")] == [
        "mastodon", "mastodon._core", "mastodon._core.lazy_module", "mastodon.return_types"]
    assert entities_deferred
    for heavy in ("requests", "urllib3", "dateutil", "decorator"):
        assert heavy not in loaded


def test_the_client_class_loads_neither_dateutil_nor_the_url_pattern() -> None:
    found = fresh("import json, sys\nfrom mastodon import Mastodon\n"
                  "from mastodon._core.status_length import _url_re\n"
                  "print(json.dumps([sorted(sys.modules), _url_re.cache_info().currsize]))")
    loaded, patterns = found
    assert "mastodon.client" in loaded and "mastodon.return_types" in loaded
    assert "dateutil" not in loaded and "decorator" not in loaded
    assert patterns == 0  # compiled when a status length is first counted


def test_every_spec_name_imports_from_the_package_and_is_listed() -> None:
    names = package_names()
    assert len(names) == 24
    found = fresh(
        f"import json, mastodon\nnames = {names!r}\n"
        "exec('from mastodon import ' + ', '.join(names))\n"
        "print(json.dumps([[n for n in names if n not in dir(mastodon)],"
        " [n for n in names if not isinstance(getattr(mastodon, n), type)]]))")
    assert found == [[], []]  # every name listed by dir(), every one a class


def test_star_import_gives_every_name_of_all() -> None:
    found = fresh("import json\nfrom mastodon import *\nimport mastodon\n"
                  "print(json.dumps([n for n in mastodon.__all__ if n not in globals()]))")
    assert found == []


def test_the_name_mastodon_stays_the_class_when_the_compat_module_is_imported() -> None:
    for code in ("import mastodon.Mastodon\nimport mastodon",
                 "import mastodon\nmastodon.Mastodon\nimport mastodon.Mastodon",
                 "from mastodon.Mastodon import Mastodon as Old\nimport mastodon"):
        found = fresh(f"import json\n{code}\nfrom mastodon.client import Mastodon\n"
                      "print(json.dumps(mastodon.Mastodon is Mastodon))")
        assert found is True, code


def test_names_resolve_once_from_many_threads() -> None:
    found = fresh(
        "import json, threading, mastodon\nseen = []\nstart = threading.Barrier(8)\n"
        "def look():\n    start.wait(10)\n"
        "    seen.append((id(mastodon.Mastodon), id(mastodon.MastodonError)))\n"
        "threads = [threading.Thread(target=look) for _ in range(8)]\n"
        "[t.start() for t in threads]\n[t.join(30) for t in threads]\n"
        "print(json.dumps(len(set(seen)) == 1 and len(seen) == 8))")
    assert found is True


def test_a_patched_client_name_is_used_and_restored() -> None:
    from mastodon.client import Mastodon
    with mock.patch("mastodon.Mastodon") as fake:
        assert mastodon.Mastodon is fake
    assert mastodon.Mastodon is Mastodon


def test_submodules_are_attributes_and_unknown_names_raise_attribute_error() -> None:
    found = fresh("import json, mastodon\n"
                  "try:\n    mastodon.no_such_name\n    raised = False\n"
                  "except AttributeError:\n    raised = True\n"
                  "print(json.dumps([mastodon.return_types.Status.__name__, raised]))")
    assert found == ["Status", True]


def test_version_check_wrapper_keeps_signature_name_and_doc() -> None:
    def sample(self: Any, a: int, b: str = "x", *, c: bool = False) -> str:
        """Do a thing."""
        return f"{a}{b}{c}"

    wrapped = api_version("3.1.0", "4.0.0")(sample)
    assert inspect.signature(wrapped) == inspect.signature(sample)
    assert wrapped.__name__ == "sample" and wrapped.__wrapped__ is sample  # type: ignore[attr-defined]
    assert wrapped.__doc__ == ("Do a thing.\n\n"
                               "*Added: Mastodon v3.1.0, last changed: Mastodon v4.0.0*")
    assert wrapped._min_version == ("3.1.0", "4.0.0")  # type: ignore[attr-defined]

    class Unchecked:
        version_check_mode = "none"

    assert wrapped(Unchecked(), 1, c=True) == "1xTrue"


def test_every_method_shows_its_real_parameters_to_getfullargspec() -> None:
    """Tools that build commands from argspecs (and Mastodon.py's decorator-made
    wrappers) see the endpoint's own parameters, not ``*args, **kwargs``."""
    from mastodon import Mastodon
    checked = [name for name in dir(Mastodon)
               if hasattr(getattr(Mastodon, name), "_min_version")]
    assert len(checked) > 250
    for name in checked:
        spec = inspect.getfullargspec(getattr(Mastodon, name))
        params = inspect.signature(getattr(Mastodon, name)).parameters
        assert spec.varargs is None or "args" in params, name
        assert spec.args + spec.kwonlyargs == [
            p for p in params if params[p].kind not in (inspect.Parameter.VAR_POSITIONAL,
                                                        inspect.Parameter.VAR_KEYWORD)], name
    assert inspect.getfullargspec(Mastodon.timeline_home).args[:3] == ["self", "max_id", "min_id"]


def test_the_client_import_leaves_out_what_only_some_calls_need() -> None:
    found = fresh("import inspect, json, sys\nread = []\nreal = inspect.signature\n"
                  "inspect.signature = lambda *a, **k: read.append(a) or real(*a, **k)\n"
                  "from mastodon import Mastodon\n"
                  "print(json.dumps([sorted(m for m in ('uuid', 'orjson', "
                  "'mastodon._core.status_length', 'mastodon._core.tld_list') if m in sys.modules),"
                  " len(read)]))")
    # idempotency keys, the JSON parser, the status-length patterns: on first use;
    # no endpoint's signature is read until someone asks for it
    assert found == [[], 0]


def test_the_client_import_defers_entities_streams_and_inspect() -> None:
    found = fresh("import json, sys, requests\nbefore = set(sys.modules)\n"
                  "from mastodon import Mastodon\n"
                  "from mastodon._core.lazy_module import is_deferred\n"
                  "print(json.dumps([is_deferred(sys.modules['mastodon.return_types']), sorted(m for m in "
                  "('inspect', 'dataclasses', 'mastodon._streaming.handles', "
                  "'mastodon._streaming.catchup', 'mastodon.streaming_websocket') "
                  "if m in set(sys.modules) - before)]))")
    # the entity classes run on their first use, the stream machinery on the first stream;
    # inspect and dataclasses only if requests imports them (it imports inspect on 3.12)
    assert found == [True, []]


def test_deferred_entities_run_once_for_threads_that_need_them_together() -> None:
    found = fresh(
        "import json, sys, threading\nfrom mastodon import Mastodon\n"
        "from mastodon import return_types as rt\nfrom mastodon.types_base import decode\n"
        "from mastodon.types_base import AttribAccessDict as A\n"
        "barrier, seen = threading.Barrier(8), []\n"
        "def use(i):\n    barrier.wait()\n"
        "    if i % 2:\n        seen.append(type(decode({'id': '1'}, rt.Status)).__name__)\n"
        "    else:\n        seen.append(type(A.from_json(json.dumps({'_mastopy_version': '2.0.1', "
        "'_mastopy_type': 'Account', '_mastopy_data': {'id': '2'}}))).__name__)\n"
        "threads = [threading.Thread(target=use, args=(i,)) for i in range(8)]\n"
        "[t.start() for t in threads]; [t.join(30) for t in threads]\n"
        "print(json.dumps(sorted(seen)))")
    assert found == ["Account"] * 4 + ["Status"] * 4


def test_a_serialised_entity_reads_back_before_any_entity_was_used() -> None:
    found = fresh("import json\nfrom mastodon.types_base import AttribAccessDict\n"
                  "status = AttribAccessDict.from_json(json.dumps({'_mastopy_version': '2.0.1', "
                  "'_mastopy_type': 'Status', '_mastopy_data': {'id': '1', 'content': 'x'}}))\n"
                  "print(json.dumps([type(status).__name__, status.content, status.account]))")
    assert found == ["Status", "x", None]


def test_a_deferred_signature_is_the_endpoint_signature_everywhere() -> None:
    from mastodon import Mastodon
    endpoint = Mastodon.status_post.__wrapped__  # type: ignore[attr-defined]
    real = inspect.signature(endpoint)
    deferred = inspect.signature(Mastodon.status_post)
    assert deferred == real and real == deferred and hash(deferred) == hash(real)
    assert str(deferred) == str(real) and repr(deferred) == repr(real)
    assert deferred.parameters == real.parameters
    assert deferred.return_annotation == real.return_annotation
    assert list(deferred.bind(None, "hi", visibility="unlisted").arguments) == [
        "self", "status", "visibility"]
    api = Mastodon(api_base_url="http://127.0.0.1:9", access_token="x")
    try:
        bound = inspect.signature(api.status_post)  # drops self through replace()
        assert list(bound.parameters) == list(real.parameters)[1:]
        spec = mock.create_autospec(api, instance=True)
        spec.status_post("hi", visibility="direct")
        with pytest.raises(TypeError):
            spec.status_post("hi", no_such_parameter=1)
    finally:
        api.session.close()
