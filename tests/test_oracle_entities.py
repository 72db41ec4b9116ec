"""Entities as callers see them, here and in Mastodon.py 2.3.3 (the oracle).

Every response body we have is decoded on both sides by the probe
``support/probes/entities.py`` into the entity class its endpoint returns:
the hand-written fixtures (``tests/fixtures/entities``), the recorded
mastodon.social answers (``tests/fixtures/recorded``) and every JSON answer of
the recorded Mastodon.py traffic (``tests/recorded/cassettes``, the class
taken from the spec's table of methods). Every entity class of the spec that
none of them contains is decoded from a body built from its field table, once
with values of the declared types and once with the numbers and booleans sent
as text, as some servers do. The descriptions (keys, class names, ids'
``str()``/``repr()``, datetimes, ``==`` against the source, id ordering) must
be equal.
"""
from __future__ import annotations

import csv
import json
import re
import zlib
from pathlib import Path
from typing import Any, Dict, Iterator, List, Optional, Set, Tuple
from urllib.parse import urlsplit

import pytest
import yaml

from support.oracle import Oracle, run_here

TESTS = Path(__file__).resolve().parent
SPEC = TESTS / "spec"
FIXTURES = TESTS / "fixtures"
CASSETTES = TESTS / "recorded" / "cassettes"

#: Hand-written fixture file -> entity class.
FIXTURE_CLASSES = {
    "account.json": "Account", "grouped_notifications.json": "GroupedNotificationsResults",
    "instance_v1.json": "Instance", "instance_v2.json": "InstanceV2",
    "notification_mention.json": "Notification", "preferences.json": "Preferences",
    "status.json": "Status", "status_reblog.json": "Status",
}
#: Recorded mastodon.social answer -> entity class (of the items of a list).
RECORDED_CLASSES = {"followers_80.json": "Account", "notifications_40.json": "Notification",
                    "status.json": "Status", "timeline_home_40.json": "Status"}
#: Items of one list answer taken (the others have the same shape).
ITEMS_PER_LIST = 3
#: Cases per probe call.
BATCH = 40
#: Depth to which spec-built bodies nest entities (deeper ones are null).
SPEC_DEPTH = 2

Case = Tuple[str, str, Any]  # (where from, class name, body)

#: The differences kept on purpose (each listed in docs/migration.rst): (classes, pattern
#: of a difference line, why). Every other difference fails the test.
KEPT_DIFFERENCES = [
    (None, r"\.roles\.items\[\d+\]\.t: here 'AttribAccessDict', there 'dict'$",
     "objects in lists the spec types without an item class (Account.roles) are "
     "AttribAccessDicts, readable as attributes; Mastodon.py left them plain dicts"),
    (None, r"^\.value\.fields\.filtered\.items\[\d+\]\.fields\.filter[.:]",
     "FilterResult.filter is a FilterV2 when the server sends a v2 filter (keywords, "
     "statuses, filter_action); Mastodon.py picked the v1 Filter"),
    ({"AnnualReport", "WrappedAnnualReports"}, r"^\.(value\.fields\.(annual_reports\.items"
     r"\[\d+\]\.fields\.)?data[.:]|ids\.)",
     "an annual report's data is decoded as the AnnualReportDataV1/V2 it fits; "
     "Mastodon.py left it an untyped AttribAccessDict"),
]


# --------------------------------------------------------------------------- the spec

def _spec_rows(name: str) -> List[Dict[str, str]]:
    with open(SPEC / name, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def entity_fields() -> Dict[str, List[Dict[str, str]]]:
    """Entity class -> its field rows, in the spec's order."""
    table: Dict[str, List[Dict[str, str]]] = {}
    for row in _spec_rows("entities.tsv"):
        if row["kind"] == "class":
            table.setdefault(row["entity"], [])
        elif row["kind"] == "field":
            table.setdefault(row["entity"], []).append(row)
    return table


def _route_pattern(path: str) -> "re.Pattern[str]":
    return re.compile("^" + re.sub(r"\\\{[^}]*\\\}", "[^/]+", re.escape(path)) + "$")


def method_routes() -> List[Tuple[str, "re.Pattern[str]", str]]:
    """(verb, path pattern, return type) of every method, literal paths first."""
    routes = []
    for row in _spec_rows("methods.tsv"):
        verb, _, path = row["http"].partition(" ")
        if path.startswith("/"):
            routes.append((verb, path, row["returns"]))
    routes.sort(key=lambda route: route[1].count("{"))
    return [(verb, _route_pattern(path), returns) for verb, path, returns in routes]


def split_args(text: str) -> List[str]:
    """The top-level comma-separated parts of a type's arguments."""
    parts, depth, start = [], 0, 0
    for index, char in enumerate(text):
        depth += {"[": 1, "]": -1}.get(char, 0)
        if char == "," and depth == 0:
            parts.append(text[start:index].strip())
            start = index + 1
    parts.append(text[start:].strip())
    return [part for part in parts if part]


def parse_type(text: str) -> Tuple[str, List[str]]:
    """``NonPaginatableList[Status]`` -> (``NonPaginatableList``, [``Status``])."""
    match = re.fullmatch(r"\s*([\w.]+)\s*(?:\[(.*)\])?\s*", text)
    if match is None:
        return text.strip(), []
    return match.group(1), split_args(match.group(2) or "")


# --------------------------------------------------------------------------- recorded bodies

def _list_items(body: Any) -> List[Any]:
    return body[:ITEMS_PER_LIST] if isinstance(body, list) else []


def bodies_for(returns: str, body: Any, fields: Dict[str, Any]) -> Iterator[Tuple[str, Any]]:
    """(class name, body) pairs for an answer whose method returns ``returns``."""
    outer, args = parse_type(returns)
    if outer == "Optional" and args:
        yield from bodies_for(args[0], body, fields)
    elif outer in ("PaginatableList", "NonPaginatableList", "List", "EntityList") and args:
        item, _ = parse_type(args[0])
        if item in fields:
            for element in _list_items(body):
                if isinstance(element, dict):
                    yield item, element
    elif outer in fields and isinstance(body, dict):
        yield outer, body


def fixture_cases() -> List[Case]:
    cases: List[Case] = []
    for name, cls in FIXTURE_CLASSES.items():
        body = json.loads((FIXTURES / "entities" / name).read_text(encoding="utf-8"))
        cases.append((f"fixtures/entities/{name}", cls, body))
    for name, cls in RECORDED_CLASSES.items():
        body = json.loads((FIXTURES / "recorded" / name).read_text(encoding="utf-8"))
        for index, item in enumerate(body[:ITEMS_PER_LIST] if isinstance(body, list) else [body]):
            cases.append((f"fixtures/recorded/{name}[{index}]", cls, item))
    return cases


def _response_json(response: Dict[str, Any]) -> Any:
    text = response.get("body", {}).get("string")
    if isinstance(text, bytes):
        text = text.decode("utf-8", "replace")
    if not text or not 200 <= response.get("status", {}).get("code", 0) < 300:
        return None
    try:
        return json.loads(text)
    except ValueError:
        return None


def cassette_cases(fields: Dict[str, Any]) -> List[Case]:
    routes = method_routes()
    cases: List[Case] = []
    for path in sorted(CASSETTES.glob("*.yaml")):
        with open(path, "rb") as handle:
            interactions = yaml.safe_load(handle)["interactions"]
        for number, interaction in enumerate(interactions):
            body = _response_json(interaction["response"])
            if body is None:
                continue
            request = interaction["request"]
            url_path = urlsplit(request["uri"]).path
            for verb, pattern, returns in routes:
                if verb == request["method"] and pattern.match(url_path):
                    for cls, item in bodies_for(returns, body, fields):
                        cases.append((f"{path.stem}#{number}", cls, item))
                    break
    return cases


# --------------------------------------------------------------------------- spec-built bodies

def _id_for(name: str) -> str:
    return str(113994485271539384 + zlib.crc32(name.encode()) % 100000)


def spec_value(type_text: str, field: Dict[str, str], fields: Dict[str, Any], depth: int,
               as_text: bool) -> Any:
    """A value of the spec type ``type_text`` for ``field``."""
    outer, args = parse_type(type_text)
    if outer in ("Optional", "Union") and args:
        return spec_value(args[0], field, fields, depth, as_text)
    if outer in ("PaginatableList", "NonPaginatableList", "List", "EntityList"):
        item = args[0] if args else "str"
        return [spec_value(item, field, fields, depth, as_text)]
    if outer in ("MaybeSnowflakeIdType", "IdType", "PrimitiveIdType"):
        return _id_for(f"{field['entity']}.{field['field']}")
    if outer == "datetime":
        return "2025-02-14" if field["field"] == "last_status_at" \
            else "2025-02-14T09:31:12.487Z"
    if outer == "int":
        return "7" if as_text else 7
    if outer == "float":
        return "0.25" if as_text else 0.25
    if outer == "bool":
        return "true" if as_text else True
    if outer == "str":
        enum = [value for value in field.get("enum_values", "").split(",") if value.strip()]
        return enum[0].strip() if enum else f"{field['field']} text"
    if outer in fields:
        return spec_body(outer, fields, depth + 1, as_text) if depth < SPEC_DEPTH else None
    return {"some_key": "some value"}  # AttribAccessDict, Dict[...], Any


def spec_body(cls: str, fields: Dict[str, List[Dict[str, str]]], depth: int,
              as_text: bool) -> Dict[str, Any]:
    """A body with every field of ``cls`` (under its wire name)."""
    return {row["wire_name"] or row["field"]: spec_value(row["type"], row, fields, depth,
                                                         as_text)
            for row in fields[cls]}


# --------------------------------------------------------------------------- comparing

def classes_in(description: Any, found: Set[str]) -> Set[str]:
    """Names of the entity classes (with at least one key) a description contains."""
    if isinstance(description, dict):
        if description.get("keys") and "fields" in description:
            found.add(description["t"])
        for value in description.values():
            classes_in(value, found)
    elif isinstance(description, list):
        for value in description:
            classes_in(value, found)
    return found


def differences(mine: Any, theirs: Any, where: str = "") -> List[str]:
    """Where two descriptions differ, as readable lines."""
    if isinstance(mine, dict) and isinstance(theirs, dict):
        lines = []
        for key in sorted(set(mine) | set(theirs)):
            if key not in mine or key not in theirs:
                lines.append(f"{where}.{key}: here {mine.get(key)!r}, there {theirs.get(key)!r}")
            else:
                lines.extend(differences(mine[key], theirs[key], f"{where}.{key}"))
        return lines
    if isinstance(mine, list) and isinstance(theirs, list) and len(mine) == len(theirs):
        lines = []
        for index, (left, right) in enumerate(zip(mine, theirs)):
            lines.extend(differences(left, right, f"{where}[{index}]"))
        return lines
    return [] if mine == theirs else [f"{where}: here {mine!r}, there {theirs!r}"]


def describe_both(oracle: Oracle, cases: List[Case]) -> List[Tuple[Case, Any, Any]]:
    results = []
    for start in range(0, len(cases), BATCH):
        chunk = cases[start:start + BATCH]
        pairs = [[cls, body] for _, cls, body in chunk]
        mine = run_here("entities", "describe_many", pairs)
        theirs = oracle.call("entities", "describe_many", pairs)
        results.extend(zip(chunk, mine, theirs))
    return results


def all_cases() -> List[Case]:
    fields = entity_fields()
    cases = fixture_cases() + cassette_cases(fields)
    return cases


@pytest.fixture(scope="module")
def compared(oracle: Oracle) -> List[Tuple[Case, Any, Any]]:
    fields = entity_fields()
    results = describe_both(oracle, all_cases())
    covered: Set[str] = set()
    for _, mine, _ in results:
        classes_in(mine, covered)
    missing = [cls for cls in fields if cls not in covered]
    spec_cases = [(f"spec:{cls}{' (as text)' if as_text else ''}", cls,
                   spec_body(cls, fields, 0, as_text))
                  for cls in missing for as_text in (False, True)]
    return results + describe_both(oracle, spec_cases)


def test_every_entity_class_of_the_spec_is_compared(compared: List[Tuple[Case, Any, Any]]
                                                    ) -> None:
    covered: Set[str] = set()
    for _, mine, theirs in compared:
        classes_in(mine, covered)
        classes_in(theirs, covered)
    fields = entity_fields()
    assert len(fields) == 147
    assert sorted(set(fields) - covered) == []


def test_recorded_bodies_are_compared(compared: List[Tuple[Case, Any, Any]]) -> None:
    sources = {where.split("#")[0] for (where, _, _), _, _ in compared}
    assert len([source for source in sources if not source.startswith(("spec:", "fixtures/"))]) > 40


def kept(cls: str, line: str) -> bool:
    """Whether a difference line is one of KEPT_DIFFERENCES."""
    return any((classes is None or cls in classes) and re.search(pattern, line)
               for classes, pattern, _ in KEPT_DIFFERENCES)


def test_kept_differences_are_the_listed_ones() -> None:
    assert kept("Account", ".value.fields.roles.items[0].t: here 'AttribAccessDict', "
                           "there 'dict'")
    assert not kept("Account", ".value.fields.roles.items[0].t: here 'list', there 'dict'")
    assert kept("AnnualReport", ".value.fields.data.t: here 'AnnualReportDataV2', there 'x'")
    assert not kept("Status", ".value.fields.data.t: here 'AnnualReportDataV2', there 'x'")
    assert not kept("Status", ".eq_source: here True, there False")


def test_callers_see_the_same_entities(compared: List[Tuple[Case, Any, Any]]) -> None:
    report = []
    for (where, cls, _), mine, theirs in compared:
        lines = [line for line in differences(mine, theirs) if not kept(cls, line)]
        if lines:
            report.append(f"{where} as {cls}:\n  " + "\n  ".join(lines[:8]))
    assert not report, f"{len(report)} of {len(compared)} cases differ:\n" + "\n".join(report[:30])
