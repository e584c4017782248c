"""The package's shape: no import cycle, small modules, short functions.

The import graph is built with :mod:`ast` (no import is executed): every ``import`` and
``from ... import`` of a ``claimline`` module counts, function-level ones included,
except those under ``if TYPE_CHECKING:``.
"""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"
PACKAGE = SRC / "claimline"
MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 60

# Offenders when the limits were introduced (issue 12). This list may only shrink: fix a
# module, then remove it here. Never add to it.
MODULE_OFFENDERS = {
    "claimline/distributed.py",
    "claimline/timexes/resolve.py",
}
FUNCTION_OFFENDERS = {
    "claimline/claims/attribution.py:build_claims",
    "claimline/cli.py:cmd_extract",
    "claimline/layout/sections.py:_split",
}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _import_nodes(node: ast.AST):
    """Every Import/ImportFrom under ``node``, skipping ``if TYPE_CHECKING:`` bodies."""
    for child in ast.iter_child_nodes(node):
        if isinstance(child, ast.If) and _is_type_checking(child):
            for orelse in child.orelse:
                yield from _import_nodes_of(orelse)
            continue
        yield from _import_nodes_of(child)


def _import_nodes_of(node: ast.AST):
    if isinstance(node, (ast.Import, ast.ImportFrom)):
        yield node
    yield from _import_nodes(node)


def _absolute(module: str, node: ast.ImportFrom) -> str:
    if not node.level:
        return node.module or ""
    is_package = MODULES[module].name == "__init__.py"
    base = module.split(".")
    base = base if is_package else base[:-1]
    base = base[: len(base) - (node.level - 1)]
    return ".".join(base + ([node.module] if node.module else []))


def imports_of(module: str) -> set[str]:
    """The claimline modules ``module`` imports."""
    tree = ast.parse(MODULES[module].read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in _import_nodes(tree):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        else:
            base = _absolute(module, node)
            targets = [f"{base}.{alias.name}" if f"{base}.{alias.name}" in MODULES else base for alias in node.names]
        for target in targets:
            while target and target not in MODULES:  # ``import a.b.name`` -> the module a.b
                target = target.rpartition(".")[0]
            if target and target != module:
                found.add(target)
    return found


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in graph[node]:
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                component.append(top)
                if top == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_the_import_graph_is_read():
    graph = {m: imports_of(m) for m in MODULES}
    assert "claimline.models" in graph["claimline.api"]
    assert "claimline.io.progress" in graph["claimline.cli"]  # an import inside a function counts


def test_cycle_detection_finds_a_cycle():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_no_import_cycle():
    graph = {m: imports_of(m) for m in MODULES}
    assert cycles(graph) == []


def _relative(path: Path) -> str:
    return path.relative_to(SRC).as_posix()


def test_modules_are_small():
    too_long = {
        _relative(p): n for p in MODULES.values()
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES
    }
    assert set(too_long) - MODULE_OFFENDERS == set(), f"modules over {MAX_MODULE_LINES} lines: {too_long}"
    fixed = MODULE_OFFENDERS - set(too_long)
    assert not fixed, f"now within {MAX_MODULE_LINES} lines, remove from MODULE_OFFENDERS: {fixed}"


def long_functions(path: Path) -> dict[str, int]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {
        f"{_relative(path)}:{node.name}": node.end_lineno - node.lineno + 1
        for node in ast.walk(tree)
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
        and node.end_lineno - node.lineno + 1 > MAX_FUNCTION_LINES
    }


def test_functions_are_short():
    too_long = {name: n for p in MODULES.values() for name, n in long_functions(p).items()}
    assert set(too_long) - FUNCTION_OFFENDERS == set(), f"functions over {MAX_FUNCTION_LINES} lines: {too_long}"
    fixed = FUNCTION_OFFENDERS - set(too_long)
    assert not fixed, f"now within {MAX_FUNCTION_LINES} lines, remove from FUNCTION_OFFENDERS: {fixed}"


def test_components_never_import_each_other():
    graph = {m: imports_of(m) for m in MODULES}
    sideways = {
        (m, t) for m, targets in graph.items() if m.startswith("claimline.components.")
        for t in targets if t.startswith("claimline.components")
    }
    assert sideways == set()


def _doc_extension_uses(path: Path) -> list[int]:
    """Lines of ``path`` that read or write a ``Doc._.claimline_*`` slot directly."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [
        node.lineno for node in ast.walk(tree)
        if isinstance(node, ast.Attribute) and node.attr.startswith("claimline_")
        and isinstance(node.value, ast.Attribute) and node.value.attr == "_"
    ]


def test_only_doc_py_touches_the_doc_extensions():
    """Everything else goes through the typed accessors of claimline.doc."""
    assert _doc_extension_uses(PACKAGE / "doc.py")  # the check sees them where they are
    direct = {_relative(p): lines for p in MODULES.values() if p.name != "doc.py" and (lines := _doc_extension_uses(p))}
    assert direct == {}
