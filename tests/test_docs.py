"""The documentation: it builds without warnings, covers the whole API, and its examples run.

* The Sphinx site in ``docs/`` is built once (``-W``: any warning fails), and
  its object inventory (``objects.inv``) must list every public method of
  ``Mastodon`` from the spec's ``methods.tsv`` on the page of its area, and
  every entity class and field from ``entities.tsv``.
* Python blocks in the docs preceded by the comment
  ``.. tested against the mock server`` are run, in page order, against the
  mastodon_mock server: ``https://mastodon.example`` becomes the mock's URL
  and ``input(...)`` (the user pasting an authorization code) becomes the
  mock's code for alice. Each page runs in its own temporary directory; pages
  other than the getting-started guide find a ``user.secret`` there, as that
  guide leaves it.
"""
from __future__ import annotations

import csv
import html
import re
import subprocess
import sys
import textwrap
import zlib
from pathlib import Path
from typing import Dict, Iterator, List, Tuple

import pytest

from support.extras import require_extra
from support.mock_server import TOKENS

ROOT = Path(__file__).resolve().parent.parent

# building the whole site takes one to several minutes on a busy machine (more on PyPy)
pytestmark = pytest.mark.timeout(900)
DOCS = ROOT / "docs"
SPEC = ROOT / "tests" / "spec"

MARKER = ".. tested against the mock server"
DOCS_BASE_URL = "https://mastodon.example"
MOCK_CODE = '"mockcode_alice"'

#: The API reference page of each area of methods.tsv.
AREA_PAGES = {
    "authentication": "api/authentication",
    "statuses": "api/statuses",
    "timeline": "api/timelines",
    "conversations": "api/timelines",
    "internals": "api/timelines",
    "accounts": "api/accounts",
    "profile": "api/accounts",
    "endorsements": "api/accounts",
    "relationships": "api/relationships",
    "lists": "api/lists",
    "filters": "api/filters",
    "hashtags": "api/hashtags",
    "notifications": "api/notifications",
    "media": "api/media",
    "polls": "api/polls",
    "search": "api/search",
    "trends": "api/trends",
    "instance": "api/instance",
    "reports": "api/reports",
    "preferences": "api/preferences",
    "favourites": "api/favourites",
    "suggestions": "api/suggestions",
    "collections": "api/collections",
    "annual_reports": "api/annual_reports",
    "admin": "api/admin",
    "push": "api/push",
    "streaming_endpoints": "api/streaming",
    "utility": "api/utility",
    "Mastodon": "api/utility",
    "async_refresh": "api/utility",
}


# --------------------------------------------------------------------------- helpers

def spec_rows(name: str) -> List[Dict[str, str]]:
    """Rows of a spec table (tests/spec/)."""
    path = SPEC / name
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


def read_inventory(path: Path) -> Dict[Tuple[str, str], str]:
    """``(role, name) -> page`` for every object in a Sphinx ``objects.inv`` (format 2)."""
    with path.open("rb") as handle:
        header = [handle.readline() for _ in range(4)]
        assert header[0].startswith(b"# Sphinx inventory version 2"), header[0]
        body = zlib.decompress(handle.read()).decode("utf-8")
    entries = {}
    for line in body.splitlines():
        match = re.match(r"(.+?)\s+(\S+:\S+)\s+(-?\d+)\s+(\S*)\s+(.*)", line)
        if match:
            name, role, _prio, uri = match.group(1, 2, 3, 4)
            entries[(role, name)] = uri.split("#", 1)[0].rsplit(".html", 1)[0]
    return entries


def marked_snippets(path: Path) -> List[str]:
    """The code of every ``.. code-block:: python`` that follows the MARKER comment."""
    lines = path.read_text(encoding="utf-8").splitlines()
    snippets = []
    index = 0
    while index < len(lines):
        if lines[index].strip() != MARKER:
            index += 1
            continue
        index += 1
        while index < len(lines) and not lines[index].strip():
            index += 1
        assert lines[index].strip() == ".. code-block:: python", \
            f"{path.name}:{index + 1}: the marker must precede a python code block"
        index += 1
        while index < len(lines) and lines[index].strip().startswith(":"):
            index += 1  # directive options
        block = []
        while index < len(lines) and (not lines[index].strip() or lines[index].startswith(" ")):
            block.append(lines[index])
            index += 1
        snippets.append(textwrap.dedent("\n".join(block)).strip() + "\n")
    return snippets


def pages_with_snippets() -> Iterator[Path]:
    for path in sorted(DOCS.rglob("*.rst")):
        if "dev" not in path.relative_to(DOCS).parts and MARKER in path.read_text(encoding="utf-8"):
            yield path


# --------------------------------------------------------------------------- the build

@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build the HTML docs once, with warnings as errors; the output directory.

    Sphinx runs in a process of its own: autodoc rewrites the ``__annotations__``
    of the classes it documents, which on Python 3.9 breaks ``get_type_hints``
    for the tests that come after it.
    """
    require_extra("docs", "sphinx.cmd.build")
    out = tmp_path_factory.mktemp("docs_html")
    build = subprocess.run(
        [sys.executable, "-m", "sphinx", "-W", "-q", "-b", "html", "-d", str(out / ".doctrees"),
         str(DOCS), str(out)], capture_output=True, text=True, timeout=840, check=False)
    assert build.returncode == 0, f"sphinx-build -W failed:\n{build.stderr[-4000:]}"
    return out


@pytest.fixture(scope="module")
def inventory(site: Path) -> Dict[Tuple[str, str], str]:
    """The object inventory of the built docs."""
    return read_inventory(site / "objects.inv")


PAGINATION_BOUNDS = {"max_id", "min_id", "since_id"}


def documented_parameter_types(site: Path) -> Dict[str, set]:
    """Parameter name -> the types the API pages give it (``id (Status | str | int)``)."""
    found: Dict[str, set] = {}
    for page in sorted((site / "api").glob("*.html")):
        text = html.unescape(re.sub(r"<[^>]+>", "", page.read_text(encoding="utf-8")))
        for match in re.finditer(r"^\s*(\w+) \(([^\n()]*)\)", text, re.MULTILINE):
            found.setdefault(match[1], set()).add(match[2])
    return found


def test_only_pagination_bounds_take_a_datetime_among_ids(site: Path) -> None:
    types = documented_parameter_types(site)
    assert {"id", "max_id", "account_id"} <= set(types)  # the pages were read
    for bound in PAGINATION_BOUNDS:
        assert all("datetime" in kind for kind in types[bound]), (bound, types[bound])
    ids = {name: kinds for name, kinds in types.items()
           if (name == "id" or name.endswith(("_id", "_ids"))) and name not in PAGINATION_BOUNDS}
    assert ids and {name for name, kinds in ids.items()
                    if any("datetime" in kind for kind in kinds)} == set()


def test_every_method_is_documented_on_its_area_page(inventory) -> None:
    rows = spec_rows("methods.tsv")
    missing, misplaced = [], []
    for row in rows:
        page = inventory.get(("py:method", f"mastodon.Mastodon.{row['name']}"))
        if page is None:
            missing.append(row["name"])
        elif page != AREA_PAGES.get(row["area"]):
            misplaced.append(f"{row['name']} ({row['area']}) on {page}")
    assert not missing, f"methods without documentation: {missing}"
    assert not misplaced, f"methods on the wrong page: {misplaced}"


def test_every_entity_class_and_field_is_documented(inventory) -> None:
    rows = spec_rows("entities.tsv")
    classes = [row["entity"] for row in rows if row["kind"] == "class"]
    assert classes
    missing = [c for c in classes
               if ("py:class", f"mastodon.return_types.{c}") not in inventory]
    assert not missing, f"entity classes without documentation: {missing}"
    pages = {inventory[("py:class", f"mastodon.return_types.{c}")] for c in classes}
    assert pages == {"return_types"}
    fields = [f"mastodon.return_types.{row['entity']}.{row['field']}"
              for row in rows if row["kind"] == "field"]
    missing = [f for f in fields if ("py:attribute", f) not in inventory]
    assert not missing, f"entity fields without documentation: {missing}"
    bases = {row["entity"] for row in rows if row["kind"] == "base_class"}
    missing = sorted(b for b in bases if ("py:class", f"mastodon.types_base.{b}") not in inventory)
    assert not missing, f"base classes without documentation: {missing}"


def test_exceptions_and_stream_classes_are_documented(inventory) -> None:
    import mastodon.errors

    for name in mastodon.errors.__all__:
        if name == "MastodonRateLimitError":  # an alias of MastodonRatelimitError
            continue
        assert ("py:exception", f"mastodon.errors.{name}") in inventory, name
    for name in ("streaming.StreamListener", "streaming.CallbackStreamListener",
                 "streaming.StreamHandle", "streaming_websocket.WebSocketStreamHandle"):
        assert ("py:class", f"mastodon.{name}") in inventory, name


# --------------------------------------------------------------------------- the examples

def test_the_getting_started_guide_has_tested_snippets() -> None:
    assert len(marked_snippets(DOCS / "getting_started.rst")) >= 4


@pytest.mark.parametrize("page", list(pages_with_snippets()),
                         ids=lambda p: str(p.relative_to(DOCS)))
def test_snippets_run_against_the_mock_server(page: Path, mock, tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    if page.name != "getting_started.rst":
        (tmp_path / "user.secret").write_text(f"{TOKENS['alice']}\n{mock.base_url}\n\n\n")
    monkeypatch.setattr("builtins.input", lambda *args: pytest.fail("a snippet asked for input"))
    namespace: Dict[str, object] = {"__name__": "docs_snippet"}
    for number, code in enumerate(marked_snippets(page), 1):
        code = code.replace(DOCS_BASE_URL, mock.base_url)
        code = re.sub(r"\binput\([^)]*\)", MOCK_CODE, code)
        # the mock speaks plain http, which the OAuth calls take only with allow_http=True
        code = re.sub(r"\.(auth_request_url|log_in|revoke_access_token)\(",
                      r".\1(allow_http=True, ", code)
        exec(compile(code, f"{page.name} (snippet {number})", "exec"), namespace)
