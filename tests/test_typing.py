"""What a type checker knows about results: ``mypy --strict`` on tests/typing/example_typed.py.

The example must check without a single error, and each ``reveal_type`` line
must reveal the type its ``# revealed:`` comment names (module paths left out),
so that a loop over a page is typed by the page's item type. A second program
uses a field no entity has; mypy must refuse it, which shows the checks above
can fail at all.
"""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Dict, Iterator, List, Tuple

import pytest
from mypy import api as mypy_api

ROOT = Path(__file__).resolve().parent.parent

# mypy checks the whole package on its first run here; on PyPy, where mypy is not
# compiled, that takes minutes rather than seconds
pytestmark = pytest.mark.timeout(900)
EXAMPLE = ROOT / "tests" / "typing" / "example_typed.py"

_REVEALED = re.compile(r'^(?P<file>.+?):(?P<line>\d+): note: Revealed type is "(?P<type>.*)"$')
_EXPECTED = re.compile(r"#\s*revealed:\s*(?P<type>.+?)\s*$")
_MODULE_PATH = re.compile(r"\b(?:[A-Za-z_]\w*\.)+(?=[A-Za-z_])")  # "mastodon.return_types."

# Fields a class does not declare still read as Any (servers send extra keys, as
# with Mastodon.py); a declared field's type is enforced.
WRONG_TYPE = '''
from mastodon import Mastodon

api = Mastodon(access_token="token", api_base_url="https://mastodon.example")
for status in api.timeline_home():
    followers: int = status.account.acct
    print(followers, status.account.pleroma)
'''


def _run_mypy(cache_dir: Path, *args: str) -> Tuple[str, int]:
    """mypy --strict with the project's configuration, from the repository root."""
    here = os.getcwd()
    os.chdir(ROOT)  # mypy finds the package being tested in its working directory
    try:
        stdout, stderr, status = mypy_api.run(
            ["--strict", "--config-file", str(ROOT / "pyproject.toml"),
             "--cache-dir", str(cache_dir), "--no-error-summary", *args])
    finally:
        os.chdir(here)
    return stdout + stderr, status


def _expected_reveals() -> Dict[int, str]:
    lines = EXAMPLE.read_text(encoding="utf-8").splitlines()
    return {number: match["type"] for number, text in enumerate(lines, start=1)
            if "reveal_type(" in text and (match := _EXPECTED.search(text))}


def _pep604(text: str) -> str:
    """``A | B`` and ``A | None`` for the ``Union[A, B]`` and ``Optional[A]`` mypy writes
    when it checks for Python 3.9."""
    for _ in range(text.count("[")):
        match = re.search(r"\b(Union|Optional)\[", text)
        if match is None:
            break
        parts, depth, start = [], 1, match.end()
        end = start
        while depth:
            char = text[end]
            depth += {"[": 1, "]": -1}.get(char, 0)
            if depth == 0 or (char == "," and depth == 1):
                parts.append(text[start:end].strip())
                start = end + 1
            end += 1
        if match[1] == "Optional":
            parts.append("None")
        text = text[:match.start()] + " | ".join(parts) + text[end:]
    return text


def _revealed(output: str) -> Dict[int, str]:
    found = {}
    for line in output.splitlines():
        match = _REVEALED.match(line)
        if match and Path(match["file"]).name == EXAMPLE.name:
            found[int(match["line"])] = _pep604(_MODULE_PATH.sub("", match["type"]))
    return found


def test_types_revealed_for_python_3_9_read_as_for_later_versions() -> None:
    assert _pep604("Union[PaginatableList[Status], None]") == "PaginatableList[Status] | None"
    assert _pep604("Optional[List[Union[Account, Tag]]]") == "List[Account | Tag] | None"
    assert _pep604("Dict[str, Union[int, str]]") == "Dict[str, int | str]"
    assert _pep604("Status | None") == "Status | None"


@pytest.fixture(scope="module")
def cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    yield tmp_path_factory.mktemp("mypy-cache")


@pytest.fixture(scope="module")
def example_output(cache_dir: Path) -> Tuple[str, int]:
    return _run_mypy(cache_dir, str(EXAMPLE))


def test_the_example_checks_strictly_without_errors(example_output: Tuple[str, int]) -> None:
    output, status = example_output
    errors: List[str] = [line for line in output.splitlines() if ": error:" in line]
    assert errors == []
    assert status == 0, output


def test_every_reveal_type_line_reveals_the_expected_type(
        example_output: Tuple[str, int]) -> None:
    expected = _expected_reveals()
    assert len(expected) >= 15  # the comments were read
    assert _revealed(example_output[0]) == expected


def test_a_loop_over_a_page_is_typed_by_its_items(example_output: Tuple[str, int]) -> None:
    revealed = set(_revealed(example_output[0]).values())
    assert {"Status", "str", "Iterator[Status]", "PaginatableList[Status] | None"} <= revealed


def test_a_declared_field_of_the_wrong_type_is_refused(cache_dir: Path, tmp_path: Path) -> None:
    program = tmp_path / "wrong_type.py"
    program.write_text(WRONG_TYPE, encoding="utf-8")
    output, status = _run_mypy(cache_dir, str(program))
    assert status == 1, output
    errors = [line for line in output.splitlines() if ": error:" in line]
    assert len(errors) == 1, output  # the undeclared "pleroma" reads as Any, as in Mastodon.py
    assert 'Incompatible types in assignment (expression has type "str", variable has type "int")' \
        in errors[0], output


# An id parameter takes an id; only the pagination bounds also take a datetime.
DATETIME_IDS = '''
from datetime import datetime, timezone
from mastodon import Mastodon

api = Mastodon(access_token="token", api_base_url="https://mastodon.example")
now = datetime.now(timezone.utc)
api.timeline_home(max_id=now, min_id=now, since_id=now)
api.account_statuses("1", max_id=now)
api.admin_accounts_v2(since_id=now)
api.status(now)
api.account_follow(now)
'''


def test_a_datetime_is_an_id_only_for_pagination_bounds(cache_dir: Path, tmp_path: Path) -> None:
    program = tmp_path / "datetime_ids.py"
    program.write_text(DATETIME_IDS, encoding="utf-8")
    output, status = _run_mypy(cache_dir, str(program))
    errors = [line for line in output.splitlines() if ": error:" in line]
    assert status == 1, output
    assert [int(line.split(":")[1]) for line in errors] == [10, 11], output
    assert all('incompatible type "datetime"' in line for line in errors), output


OUTSIDE = '''
from mastodon import Mastodon

api = Mastodon(access_token="token", api_base_url="https://mastodon.example")
reveal_type(api.status("1"))
'''


def test_a_script_outside_the_repository_is_checked_against_the_installed_package(
        cache_dir: Path, tmp_path: Path) -> None:
    """The README's install (editable, compat mode) is visible to mypy from any directory."""
    (tmp_path / "script.py").write_text(OUTSIDE, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--cache-dir", str(cache_dir), "script.py"],
        cwd=tmp_path, capture_output=True, text=True, timeout=600, check=False)
    assert 'Revealed type is "mastodon.return_types.Status"' in done.stdout, \
        done.stdout + done.stderr + "\n(install the package as the README says)"
    assert done.returncode == 0, done.stdout
