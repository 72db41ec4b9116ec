"""The package's structure, as ``docs/dev/architecture.rst`` describes it.

* The import graph is read statically from every module's syntax tree,
  including imports inside functions and ``if TYPE_CHECKING:`` blocks: no
  module may import, at any depth, a module that imports it back.
* Every module belongs to one layer of :data:`LAYERS`, and imports only point
  down (or stay in their own layer).
* The request core and its stages name nothing above them: no method declared
  for type checkers (``if TYPE_CHECKING:``) and no ``self.<method>`` of a mixin.
  What several mixins need from below (version knowledge, the kept instance
  documents) is a core service (``mastodon._core.server``).
* No hand-written module is longer than :data:`MAX_LINES`.
* The names in each public module's ``__all__`` are pinned: to the spec's
  ``module_surface.tsv`` / ``entities.tsv`` where they list them, otherwise to
  the lists below. Changing one is a decision, made here on purpose. Every
  name any module lists in ``__all__`` exists.
"""
from __future__ import annotations

import ast
import csv
import fnmatch
import importlib
from pathlib import Path
from typing import Dict, FrozenSet, List, Set, Tuple

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "mastodon"
SPEC = ROOT / "tests" / "spec"

#: The layers, lowest first, each a list of module-name patterns. A module may
#: import modules of its own layer or of a lower one, never of a higher one.
LAYERS: List[Tuple[str, List[str]]] = [
    ("foundation", ["mastodon.errors", "mastodon.defaults", "mastodon.compat",
                    "mastodon._core.lazy_pattern",
                    "mastodon._core.status_length", "mastodon._core.tld_list"]),
    ("decoder", ["mastodon._types", "mastodon._types.*", "mastodon.types_base"]),
    ("entities", ["mastodon.return_types"]),
    ("request stages", ["mastodon._core", "mastodon._core.*"]),
    ("request core", ["mastodon.internals"]),
    ("version checks", ["mastodon.versions"]),
    ("streams", ["mastodon._streaming", "mastodon._streaming.*", "mastodon.streaming",
                 "mastodon.streaming_websocket"]),
    ("endpoint mixins", ["mastodon.authentication", "mastodon.admin", "mastodon.admin.*",
                         "mastodon.accounts", "mastodon.annual_reports", "mastodon.async_refresh",
                         "mastodon.collections", "mastodon.conversations",
                         "mastodon.endorsements", "mastodon.favourites", "mastodon.filters",
                         "mastodon.hashtags", "mastodon.instance", "mastodon.lists",
                         "mastodon.media", "mastodon.media_utils", "mastodon.notifications",
                         "mastodon.polls", "mastodon.preferences", "mastodon.profile",
                         "mastodon.push", "mastodon.relationships", "mastodon.reports",
                         "mastodon.search", "mastodon.status_actions", "mastodon.statuses",
                         "mastodon.streaming_endpoints",
                         "mastodon.suggestions", "mastodon.timeline", "mastodon.trends",
                         "mastodon.utility"]),
    ("client", ["mastodon.client"]),
    ("entry points", ["mastodon", "mastodon.Mastodon"]),
]

#: The decoder must never import the entities built on it (the cycle issue 16.1 removed).
DECODER_ENTITY_PAIR = ("mastodon.types_base", "mastodon.return_types")

#: Inside the decoder layer, lowest first: values / fields -> attrdict (+ display) / lists
#: -> untyped -> decoding -> roundtrip -> types_base. Each module may import only the ones
#: named here; the layers above register what the lower ones need (entity names, the JSON codec).
DECODER_IMPORTS: Dict[str, Set[str]] = {
    "mastodon._types.values": {"mastodon.errors"},
    "mastodon._types.display": {"mastodon._core.lazy_pattern"},
    "mastodon._types.fields": set(),
    "mastodon._types.attrdict": {"mastodon._types.display", "mastodon._types.fields"},
    "mastodon._types.lists": {"mastodon._types.attrdict", "mastodon._types.values"},
    "mastodon._types.untyped": {"mastodon._types.attrdict", "mastodon._types.lists",
                                "mastodon._types.values"},
    "mastodon._types.decoding": {"mastodon._types.attrdict", "mastodon._types.fields",
                                 "mastodon._types.lists", "mastodon._types.untyped",
                                 "mastodon._types.values"},
    "mastodon._types.roundtrip": {"mastodon._types.attrdict", "mastodon._types.decoding",
                                  "mastodon._types.lists", "mastodon._types.untyped",
                                  "mastodon._types.values"},
}

#: Longest a hand-written module may be (``return_types`` is generated).
MAX_LINES = 600
GENERATED = {"mastodon.return_types"}

#: ``__all__`` of the public and compatibility modules the spec gives no list for.
PINNED_ALL: Dict[str, FrozenSet[str]] = {
    "mastodon.types_base": frozenset(['AttribAccessDict', 'AttribAccessList', 'BASE62_ALPHABET', 'EmptyResponse', 'Entity', 'EntityList', 'IdType', 'MaybeSnowflakeIdType', 'NonPaginatableList', 'PaginatableList', 'PaginationIdType', 'PaginationInfo', 'PathOrFile', 'PrimitiveIdType', 'T', 'WebpushCryptoParamsPrivkey', 'WebpushCryptoParamsPubkey', 'base62_to_int', 'converter_for', 'decode', 'get_type_class', 'int_to_base62', 'load_json', 'parse_datetime', 'parse_json', 'real_issubclass', 'register_entity_names', 'resolve_type', 'stringify_type', 'try_cast', 'try_cast_recurse']),
    "mastodon.errors": frozenset({
        "MastodonError", "MastodonIllegalArgumentError", "MastodonIOError",
        "MastodonFileNotFoundError", "MastodonUploadFileNotFoundError", "MastodonNetworkError",
        "MastodonReadTimeout", "MastodonVersionError", "MastodonNotImplementedError",
        "MastodonRatelimitError", "MastodonRateLimitError", "MastodonMalformedEventError",
        "MastodonAPIError", "MastodonNotFoundError", "MastodonUnauthorizedError",
        "MastodonServerError", "MastodonInternalServerError", "MastodonBadGatewayError",
        "MastodonServiceUnavailableError", "MastodonGatewayTimeoutError", "MastodonWarning",
        "MastodonDeprecationWarning"}),
    "mastodon.streaming": frozenset({
        "StreamListener", "CallbackStreamListener", "StreamHandle", "SSEStreamHandle"}),
    "mastodon.streaming_websocket": frozenset({"WebSocketStreamHandle", "WebSocketSubscription"}),
    "mastodon.utility": frozenset({
        "Mastodon", "UtilityMixin", "parse_version_string", "max_version", "api_version"}),
}
#: The modules whose ``__all__`` the spec gives (tested against it below).
SPEC_ALL = {"mastodon", "mastodon.return_types"}

Edge = Tuple[str, str]


# ---------------------------------------------------------------- the import graph

def _modules() -> Dict[str, Tuple[Path, bool]]:
    """Every module of the package: dotted name -> (file, whether it is a package)."""
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(ROOT).with_suffix("").parts)
        is_package = parts[-1] == "__init__"
        found[".".join(parts[:-1] if is_package else parts)] = (path, is_package)
    return found


MODULES = _modules()


def _imported(module: str, is_package: bool, node: ast.AST) -> Set[str]:
    """The package modules one import statement names (``from x import sub`` names x.sub)."""
    if isinstance(node, ast.Import):
        return {alias.name for alias in node.names if alias.name.split(".")[0] == "mastodon"}
    assert isinstance(node, ast.ImportFrom)
    if node.level:
        base = module.split(".") if is_package else module.split(".")[:-1]
        base = base[:len(base) - (node.level - 1)]
        target = ".".join(base + ([node.module] if node.module else []))
    else:
        target = node.module or ""
    if target.split(".")[0] != "mastodon":
        return set()
    return {f"{target}.{alias.name}" if f"{target}.{alias.name}" in MODULES else target
            for alias in node.names}


def _imports_in(module: str, is_package: bool, source: str) -> Set[str]:
    """The package modules a module's source imports, wherever the import statement sits."""
    targets: Set[str] = set()
    for node in ast.walk(ast.parse(source)):  # every statement, at any nesting depth
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            targets |= _imported(module, is_package, node)
    return targets - {module}


def _graph() -> Dict[str, Set[str]]:
    return {module: _imports_in(module, is_package, path.read_text(encoding="utf-8"))
            for module, (path, is_package) in MODULES.items()}


GRAPH = _graph()


def _reachable(start: str, skip: Set[Edge]) -> Set[str]:
    seen: Set[str] = set()
    todo = [start]
    while todo:
        for target in GRAPH.get(todo.pop(), ()):
            if target not in seen and (start, target) not in skip:
                seen.add(target)
                todo.append(target)
    return seen


def _cyclic_edges(skip: Set[Edge]) -> List[Edge]:
    """Imports ``a -> b`` where ``b`` imports ``a`` back, directly or through others."""
    return sorted((module, target) for module, targets in GRAPH.items() for target in targets
                  if (module, target) not in skip and module in _reachable(target, skip))


def _layer_of(module: str) -> int:
    for index, (_, patterns) in enumerate(LAYERS):
        if any(fnmatch.fnmatchcase(module, pattern) for pattern in patterns):
            return index
    raise AssertionError(f"{module} is in no layer: add it to LAYERS (and the architecture page)")


# ---------------------------------------------------------------- tests

def test_the_graph_sees_every_kind_of_import() -> None:
    source = """
import mastodon.errors
from typing import TYPE_CHECKING
from . import versions, defaults as d
from ._core import validate
from .internals import Internals
if TYPE_CHECKING:
    from .client import Mastodon
def later():
    from .return_types import Status
    import requests
"""
    assert _imports_in("mastodon.accounts", False, source) == {
        "mastodon.errors", "mastodon.versions", "mastodon.defaults", "mastodon._core.validate",
        "mastodon.internals", "mastodon.client", "mastodon.return_types"}
    assert _imports_in("mastodon.admin", True, "from .base import AdminBase\n"
                       "from ..errors import MastodonError") == {"mastodon.admin.base",
                                                                  "mastodon.errors"}
    assert _imports_in("mastodon.admin.accounts", False, "from ..errors import MastodonError\n"
                       "from .base import AdminBase") == {"mastodon.errors", "mastodon.admin.base"}
    assert "mastodon._core.params" in GRAPH["mastodon._core.transport"]


def test_no_module_imports_a_module_that_imports_it_back() -> None:
    assert _cyclic_edges(set()) == []


def test_types_base_does_not_import_return_types() -> None:
    module, target = DECODER_ENTITY_PAIR
    assert target not in GRAPH.get(module, ())
    # the static graph cannot see a dynamic import, so the decoder has none
    dynamic = [name for name in [module, *DECODER_IMPORTS]
               if "import_module" in MODULES[name][0].read_text(encoding="utf-8")]
    assert dynamic == []


@pytest.mark.parametrize("module", sorted(DECODER_IMPORTS))
def test_decoder_modules_import_only_the_ones_below(module: str) -> None:
    assert GRAPH[module] <= DECODER_IMPORTS[module], GRAPH[module] - DECODER_IMPORTS[module]


def test_entity_classes_register_their_names_from_above() -> None:
    from mastodon import return_types as rt
    from mastodon._types.decoding import _ENTITY_NAMES, _str_to_type

    assert all(_ENTITY_NAMES[name] is cls for name, cls in rt.ENTITY_NAME_MAP.items())
    assert _str_to_type("PaginatableList[Status]").__args__ == (rt.Status,)


def test_every_module_has_a_layer() -> None:
    for module in MODULES:
        _layer_of(module)


def test_imports_only_point_down() -> None:
    upward = [f"{module} ({LAYERS[_layer_of(module)][0]}) imports {target} "
              f"({LAYERS[_layer_of(target)][0]})"
              for module, targets in sorted(GRAPH.items()) for target in sorted(targets)
              if _layer_of(target) > _layer_of(module)]
    assert upward == []


#: The rooms of private machinery: the only private names at the top of the package.
PRIVATE_ROOMS = {"mastodon._core", "mastodon._types", "mastodon._streaming"}
#: Top-level modules the spec does not list that are still surface: the client class
#: and the endpoint mixins it is made of besides the spec's area modules.
MIXINS_BEYOND_SPEC = {"mastodon.client", "mastodon.status_actions", "mastodon.media_utils"}


def test_the_top_floor_is_the_public_surface() -> None:
    top = {module for module in MODULES if module.count(".") == 1}
    spec_modules = {row["module"] for row in _spec_rows("module_surface.tsv")}
    private = {module for module in top if module.split(".")[1].startswith("_")}
    assert private == PRIVATE_ROOMS
    assert all(MODULES[room][1] for room in PRIVATE_ROOMS), "each room is a package"
    assert top - private - spec_modules == MIXINS_BEYOND_SPEC


def test_the_layer_check_catches_an_upward_import() -> None:
    assert _layer_of("mastodon.client") > _layer_of("mastodon.authentication")
    assert _layer_of("mastodon.internals") > _layer_of("mastodon._core.transport")
    assert _layer_of("mastodon.return_types") > _layer_of("mastodon.types_base")


#: The layers of the request core: they name no method of the floors above them.
CORE_LAYERS = {"request stages", "request core"}


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def _method_names(modules: List[str]) -> Set[str]:
    """Every method name the classes of ``modules`` define."""
    return {method.name for module in modules
            for node in ast.walk(ast.parse(MODULES[module][0].read_text(encoding="utf-8")))
            if isinstance(node, ast.ClassDef) for method in node.body
            if isinstance(method, (ast.FunctionDef, ast.AsyncFunctionDef))}


def _core_modules() -> List[str]:
    return sorted(module for module in MODULES if LAYERS[_layer_of(module)][0] in CORE_LAYERS)


def _upper_only_methods() -> Set[str]:
    """Methods defined above the core and nowhere in it."""
    top = max(_layer_of(module) for module in _core_modules())
    upper = [module for module in MODULES if _layer_of(module) > top]
    return _method_names(upper) - _method_names(_core_modules())


def _upward_names(source: str, upper_only: Set[str]) -> List[str]:
    """What a core module's source declares or calls of the floors above it."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.If) and _is_type_checking(node.test):
            found += [f"declares {inner.name}() for type checkers" for inner in ast.walk(node)
                      if isinstance(inner, (ast.FunctionDef, ast.AsyncFunctionDef))]
        if (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name)
                and node.value.id == "self" and node.attr in upper_only):
            found.append(f"uses self.{node.attr}")
    return found


def test_the_upward_name_check_catches_a_declaration_and_a_call() -> None:
    source = """
from typing import TYPE_CHECKING
class Internals:
    if TYPE_CHECKING:
        def retrieve_mastodon_version(self) -> str: ...
    def _send(self):
        self.verify_minimum_version("4.0.0")
        self._get("/x")
"""
    upper_only = _upper_only_methods()
    assert {"retrieve_mastodon_version", "verify_minimum_version", "clear_caches",
            "persistable_login_credentials", "instance"} <= upper_only
    assert "_get" not in upper_only
    assert _upward_names(source, upper_only) == [
        "declares retrieve_mastodon_version() for type checkers",
        "uses self.verify_minimum_version"]


@pytest.mark.parametrize("module", _core_modules())
def test_the_core_names_no_upper_floor(module: str) -> None:
    source = MODULES[module][0].read_text(encoding="utf-8")
    assert _upward_names(source, _upper_only_methods()) == []


def _line_count_cases() -> List[object]:
    cases: List[object] = []
    for module in sorted(set(MODULES) - GENERATED):
        cases.append(pytest.param(module, id=module))
    return cases


@pytest.mark.parametrize("module", _line_count_cases())
def test_no_hand_written_module_is_longer_than_the_limit(module: str) -> None:
    path = MODULES[module][0]
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_LINES, f"{path.name} has {lines} lines: split it by job"


def _spec_rows(name: str) -> List[Dict[str, str]]:
    with open(SPEC / name, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def test_the_package_all_is_the_spec_list() -> None:
    import mastodon

    expected = [row["name"] for row in _spec_rows("module_surface.tsv")
                if row["module"] == "mastodon" and row["kind"] == "class"]
    assert len(expected) == 24
    assert sorted(mastodon.__all__) == sorted(expected)


def test_return_types_all_is_the_spec_entity_list() -> None:
    from mastodon import return_types

    expected = [row["entity"] for row in _spec_rows("entities.tsv") if row["kind"] == "class"]
    assert len(expected) == 147
    assert list(return_types.__all__) == expected


@pytest.mark.parametrize("module", sorted(PINNED_ALL))
def test_public_module_all_is_pinned(module: str) -> None:
    names = importlib.import_module(module).__all__
    assert len(names) == len(set(names)), "a name is listed twice"
    assert frozenset(names) == PINNED_ALL[module]


def _modules_with_all() -> List[str]:
    return sorted(module for module, (path, _) in MODULES.items()
                  if any(isinstance(node, ast.Assign) and any(
                      isinstance(target, ast.Name) and target.id == "__all__"
                      for target in node.targets)
                      for node in ast.parse(path.read_text(encoding="utf-8")).body))


@pytest.mark.parametrize("module", _modules_with_all())
def test_every_name_in_all_exists(module: str) -> None:
    loaded = importlib.import_module(module)
    assert [name for name in loaded.__all__ if not hasattr(loaded, name)] == []


def test_every_public_module_with_all_is_pinned() -> None:
    public = {row["module"] for row in _spec_rows("module_surface.tsv")
              if row["tier"] in ("public", "compat")}
    assert set(PINNED_ALL) | SPEC_ALL == public & set(_modules_with_all())
