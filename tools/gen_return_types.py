#!/usr/bin/env python3
"""Generate ``mastodon/return_types.py`` from the entity table of the spec.

Usage::

    python tools/gen_return_types.py [ENTITIES_TSV] [--output FILE | --check]

``ENTITIES_TSV`` defaults to ``tests/spec/entities.tsv`` (a copy of the shared
interface spec) in the repository. Without ``--output`` the module is written to
``mastodon/return_types.py``; ``--check`` only reports whether that file is up
to date (exit status 1 when it is not).

The spec gives names, types, versions and enum values. The prose (what each
entity is, what each field holds) lives in ``tools/entity_docs.py``, written
for this project.
"""
from __future__ import annotations

import argparse
import ast
import csv
import os
import re
import sys
from typing import Dict, List, NamedTuple, Optional

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_SPEC = os.path.join(REPO_ROOT, "tests", "spec", "entities.tsv")
DEFAULT_OUTPUT = os.path.join(REPO_ROOT, "mastodon", "return_types.py")

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from entity_docs import CLASS_DOCS, describe_field  # noqa: E402


class Field(NamedTuple):
    name: str
    type: str
    min_version: str
    history: str
    nullable: bool
    optional: bool
    deprecated: bool
    wire_name: str
    content: str
    enum_values: List[str]


class EntityClass(NamedTuple):
    name: str
    bases: str
    attrs: Dict[str, object]      # _version, _rename_map, _access_map
    fields: List[Field]


# --------------------------------------------------------------------------- reading

def _parse_notes(notes: str) -> Dict[str, object]:
    """``_version='4.0.0'; _rename_map={...}`` -> {'_version': '4.0.0', '_rename_map': {...}}."""
    attrs: Dict[str, object] = {}
    for match in re.finditer(r"(_\w+)=(.*?)(?=;\s*_\w+=|$)", notes.strip()):
        attrs[match.group(1)] = ast.literal_eval(match.group(2).strip())
    return attrs


#: JSON keys the server uses for fields the spec gives no wire name for:
#: (class, field) -> key. Mastodon nests the moderator alerts under ``admin.``.
WIRE_NAME_FIXES = {
    ("WebPushSubscriptionAlerts", "admin_sign_up"): "admin.sign_up",
    ("WebPushSubscriptionAlerts", "admin_report"): "admin.report",
}


def read_entities(path: str) -> List[EntityClass]:
    """The entity classes of entities.tsv, in file order, with their fields."""
    with open(path, newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    classes: Dict[str, EntityClass] = {}
    for row in rows:
        kind = row["kind"]
        if kind == "class":
            classes[row["entity"]] = EntityClass(row["entity"], row["type"],
                                                 _parse_notes(row["notes"] or ""), [])
        elif kind == "field":
            enum = [v for v in (row["enum_values"] or "").split(",") if v]
            classes[row["entity"]].fields.append(Field(
                row["field"], row["type"], row["min_version"] or "", row["history"] or "",
                row["nullable"] == "yes", row["optional"] == "yes", row["deprecated"] == "yes",
                row["wire_name"] or WIRE_NAME_FIXES.get((row["entity"], row["field"]), ""),
                row["content"] or "", enum))
    for entity in classes.values():
        fixes = {field.name: field.wire_name for field in entity.fields
                 if (entity.name, field.name) in WIRE_NAME_FIXES}
        if fixes:
            entity.attrs["_rename_map"] = {**entity.attrs.get("_rename_map", {}), **fixes}
    return list(classes.values())


# --------------------------------------------------------------------------- writing

HEADER = '''\
# GENERATED FILE - do not edit by hand.
# Produced by tools/gen_return_types.py from the spec's entities.tsv; change the
# generator or tools/entity_docs.py and regenerate instead.
# The spec writes some list annotations without an item type (and one
# AttribAccessDict[str, ...]); those are kept exactly as given:
# mypy: disable-error-code="type-arg"
"""Typed classes for every object the Mastodon API returns.

Each class is an :class:`~mastodon.types_base.AttribAccessDict`: the decoded
JSON object, readable both as ``obj["field"]`` and ``obj.field``. The class
annotations say what each field holds, so editors and type checkers know that
``status.account.acct`` is a ``str`` and ``status.created_at`` a
:class:`~datetime.datetime`. Every object has a key for each declared field
(None where the server sent nothing); keys the server sent that are not
declared here are kept as they are. A value is converted to its declared type
when it is first read (see :mod:`mastodon._types.attrdict`).

``_version`` on each class is the newest Mastodon version whose changes to the
entity are reflected here.
"""
from __future__ import annotations

from datetime import datetime
from typing import Dict, List, Optional, Union

from .types_base import (
    AttribAccessDict, EmptyResponse, EntityList, IdType, MaybeSnowflakeIdType,
    NonPaginatableList, PaginatableList, PaginationInfo, PathOrFile, PrimitiveIdType,
    WebpushCryptoParamsPrivkey, WebpushCryptoParamsPubkey, real_issubclass,
    register_entity_names, try_cast, try_cast_recurse,
)
'''


def _docstring(text: str, indent: str, width: int = 88) -> List[str]:
    """``text`` as a docstring: summary on the first line, paragraphs wrapped at ``width``."""
    import textwrap

    text = text.replace("\\", "\\\\").replace('"""', '\\"\\"\\"')
    paragraphs = [" ".join(p.split()) for p in text.strip().split("\n\n")]
    lines: List[str] = []
    for number, paragraph in enumerate(paragraphs):
        if number:
            lines.append("")
        first = indent + '"""' if number == 0 else indent
        lines.extend(textwrap.wrap(paragraph, width=width, initial_indent=first,
                                   subsequent_indent=indent, break_long_words=False,
                                   break_on_hyphens=False))
    if len(lines) == 1 and len(lines[0]) + 3 <= width:
        return [lines[0] + '"""']
    return lines + [indent + '"""']


def _history_note(field: Field) -> str:
    notes = []
    for entry in field.history.split(";"):
        parts = entry.split()
        if len(parts) == 2 and parts[1] in ("changed", "deprecated", "removed"):
            notes.append(f"{parts[1]} in {parts[0]}")
    return ", ".join(notes)


def field_doc(entity: EntityClass, field: Field) -> str:
    """The attribute docstring of one field: what it is, then the spec facts."""
    text = describe_field(entity.name, field)
    facts = []
    if field.min_version:
        facts.append(f"Added in Mastodon {field.min_version}")
    else:
        facts.append("Version of introduction not recorded")
    history = _history_note(field)
    if history:
        facts.append(history)
    if field.deprecated and "deprecated" not in history:
        facts.append("deprecated")
    if field.optional:
        facts.append("may be absent")
    if field.nullable:
        facts.append("may be null")
    if field.wire_name:
        facts.append(f"JSON key ``{field.wire_name}``")
    sentence = "; ".join(facts) + "."
    if field.enum_values:
        sentence += " Values: " + ", ".join(f"``{v}``" for v in field.enum_values) + "."
    return f"{text} {sentence[0].upper()}{sentence[1:]}"


def class_doc(entity: EntityClass) -> str:
    text = CLASS_DOCS.get(entity.name)
    if not text:
        raise SystemExit(f"gen_return_types: no description for {entity.name} in entity_docs.py")
    return text.strip() + f"\n\nFields as of Mastodon {entity.attrs.get('_version', '0.0.0')}."


#: Attribute names older code reads, per class: name -> dotted path of the field it
#: reads now, or None where the current API has no equivalent (it then reads None).
#: They are read-only views: no keys, so what current code sees is unchanged.
LEGACY_NAMES: Dict[str, Dict[str, Optional[str]]] = {
    "Account": {"moved_to_account": "moved"},
    "Instance": {"domain": "uri"},
    "MediaAttachmentMetadataContainer": {"fps": None, "length": None},
    "InstanceV2": {
        "uri": "domain",
        "short_description": "description",
        "email": "contact.email",
        "contact_account": "contact.account",
        "urls": "configuration.urls",
        "stats": None,
    },
    "InstanceURLsV2": {"streaming_api": "streaming"},
}


def _assignment(name: str, value: object) -> List[str]:
    """``    name = value`` for a dict or a string, one entry per line when it is long."""
    line = f"    {name} = {value!r}"
    if len(line) <= 88 or not isinstance(value, dict):
        return [line]
    entries = [f"        {k!r}: {v!r}," for k, v in value.items()]
    return [f"    {name} = {{"] + entries + ["    }"]


def render(entities: List[EntityClass]) -> str:
    out = [HEADER, "__all__ = ["]
    out.extend(f'    "{entity.name}",' for entity in entities)
    out.append("]")
    for entity in entities:
        out += ["", "", f"class {entity.name}({entity.bases}):"]
        out += _docstring(class_doc(entity), "    ")
        out.append("")
        for attr in ("_version", "_rename_map", "_access_map"):
            if attr in entity.attrs:
                out += _assignment(attr, entity.attrs[attr])
        if entity.name in LEGACY_NAMES:
            out += _assignment("_legacy_map", LEGACY_NAMES[entity.name])
        for field in entity.fields:
            out.append("")
            # a field named like a dict method (``update``) overrides that method's type
            clash = "  # type: ignore[assignment]" if hasattr(dict, field.name) else ""
            out.append(f"    {field.name}: {field.type}{clash}")
            out += _docstring(field_doc(entity, field), "    ")
    out += ["", "", "#: Every entity class by name, plus the two generic base classes.",
            "ENTITY_NAME_MAP: Dict[str, type] = {",
            '    "AttribAccessDict": AttribAccessDict,',
            '    "EmptyResponse": EmptyResponse,']
    out.extend(f'    "{entity.name}": {entity.name},' for entity in entities)
    out += ["}", "", "register_entity_names(ENTITY_NAME_MAP)"]
    return "\n".join(out) + "\n"


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("spec", nargs="?", default=DEFAULT_SPEC, help="path of entities.tsv")
    parser.add_argument("--output", default=DEFAULT_OUTPUT, help="file to write ('-' for stdout)")
    parser.add_argument("--check", action="store_true",
                        help="exit 1 if the output file differs from what would be generated")
    args = parser.parse_args(argv)
    text = render(read_entities(args.spec))
    if args.check:
        try:
            with open(args.output, encoding="utf-8") as handle:
                current = handle.read()
        except OSError:
            current = None
        if current != text:
            print(f"{args.output} is out of date; run tools/gen_return_types.py", file=sys.stderr)
            return 1
        return 0
    if args.output == "-":
        sys.stdout.write(text)
    else:
        with open(args.output, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
