"""The import layers of src/eventwatch: no upward import, no cycle (function-local imports count too).

A small walk over the AST of every module, no dependency: the rule table below is the whole contract,
readable beside docs/architecture.md (which draws it). Layers, low to high (a module may import its own
package and any lower layer; packages on one line are peers and do not import each other unless
``PEERS`` says so):

    base      model, settings, errors, resources (the data-file loader)
    1         nlp, clean, ingest            (readers, fetch; ingest.watch is given its pipeline by the CLI)
    2..5      places < actors < events < quotes   (stages: a later stage may read an earlier one)
    6         pipeline
    7         scale, store
    8         analytics
    9         eval, api                     (scorers; the JSON API)
    10        web                           (the dashboard, served beside the API)
    11        cli                           (the command line reaches everything)

The package root ``eventwatch/__init__.py`` is the facade (``eventwatch.open``, ``__version__``): any
module may import it, it may import anything inside functions, and at module level only the base layer,
so importing it never pulls a higher layer in.
"""
from __future__ import annotations

import ast
import re
from pathlib import Path

DOTTED = re.compile(r"^eventwatch(?:\.\w+)+:\w+$")  # "module:attribute", never a resource package name
SRC = Path(__file__).resolve().parent.parent / "src" / "eventwatch"

RANK = {
    "model": 0, "settings": 0, "errors": 0, "resources": 0, "examples": 0,
    "nlp": 1, "clean": 1, "ingest": 1,
    "places": 2, "actors": 3, "events": 4, "quotes": 5,
    "pipeline": 6,
    "scale": 7, "store": 7,
    "analytics": 8,
    "eval": 9, "api": 9, "web": 10, "cli": 11,
}
ROOT = "eventwatch"  # the facade: see the module docstring
# Same-rank imports that are allowed (importer -> imported): the readers may parse dates with clean's parser.
PEERS = {("ingest", "clean")}
# Known violations, each with the branch that removes it (the store's import of analytics is gone with
# the core branch of #16). Keep it empty: an entry here is a debt, not a rule.
ALLOWED: set[tuple[str, str]] = set()


def module_name(path: Path) -> str:
    parts = path.relative_to(SRC.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path, modules: set[str]) -> set[str]:
    """Every eventwatch module PATH imports, at module level or inside functions. ``from pkg import sub``
    counts as an import of ``pkg.sub`` when that is a module, else of ``pkg``; a string naming a module
    ("eventwatch.places:make_places_stage", the stage registry's importlib names) counts too."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # relative: from . import x, from ..y import z
                up = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(up + ([base] if base else []))
            found |= {f"{base}.{a.name}" if f"{base}.{a.name}" in modules else base for a in node.names}
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and DOTTED.match(node.value):
            found.add(node.value.partition(":")[0])  # "eventwatch.places:make_places_stage", imported by name
    return {_module_of(m, modules) for m in found if m.split(".")[0] == "eventwatch"} - {name}


def _module_of(name: str, modules: set[str]) -> str:
    while name not in modules and "." in name:
        name = name.rpartition(".")[0]
    return name


# Module cycles inside one package that exist today, each with the branch that removes it; the lead
# empties this at merge. A new cycle fails test_no_module_cycle.
KNOWN_MODULE_CYCLES: list[list[str]] = []  # none: keep it so


def top_level_imports(path: Path) -> set[str]:
    """The eventwatch modules PATH imports at module level (outside functions and classes)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    return {n.module for n in tree.body if isinstance(n, ast.ImportFrom) and n.module
            and n.module.startswith("eventwatch.")} | {a.name for n in tree.body if isinstance(n, ast.Import)
                                                       for a in n.names if a.name.startswith("eventwatch.")}


def graph() -> dict[str, set[str]]:
    """Module -> the eventwatch modules it imports."""
    paths = {module_name(p): p for p in SRC.rglob("*.py")}
    return {name: imports(path, set(paths)) for name, path in paths.items()}


def layer(module: str) -> str:
    return module.split(".")[1] if module.count(".") else ""


def checked(g: dict[str, set[str]]):
    """(importer, imported, their layers) for every import between two packages, the facade left out."""
    for src, targets in sorted(g.items()):
        for dst in sorted(targets):
            a, b = layer(src), layer(dst)
            if a != b and ROOT not in (src, dst) and (a, b) not in PEERS and (a, b) not in ALLOWED:
                yield src, dst, a, b


def upward_imports(g: dict[str, set[str]]) -> list[str]:
    return [f"{src} -> {dst}  ({a} may not import {b})" for src, dst, a, b in checked(g) if RANK[b] >= RANK[a]]


def package_cycles(g: dict[str, set[str]]) -> list[list[str]]:
    """Cycles between packages (layers), allowed edges left out: strongly connected sets of size > 1."""
    edges: dict[str, set[str]] = {}
    for _src, _dst, a, b in checked(g):
        edges.setdefault(a, set()).add(b)
    return [c for c in _components(edges) if len(c) > 1]


def _components(edges: dict[str, set[str]]) -> list[list[str]]:
    """Tarjan's strongly connected components (iterative enough for this small graph)."""
    index, low, stack, on, out = {}, {}, [], set(), []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on.add(v)
        for w in edges.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            out.append(sorted(comp))

    for v in sorted(set(edges) | {w for ws in edges.values() for w in ws}):
        if v not in index:
            visit(v)
    return out


def test_every_package_has_a_layer():
    assert {layer(m) for m in graph()} - {""} <= set(RANK)


def test_the_facade_imports_only_the_base_layer_at_import_time():
    assert {layer(m) for m in top_level_imports(SRC / "__init__.py")} <= {k for k, r in RANK.items() if r == 0}


def test_no_upward_import():
    assert upward_imports(graph()) == []


def test_no_import_cycle_between_packages():
    assert package_cycles(graph()) == []


def test_no_module_cycle():
    """Modules, not only packages: function-local imports count, so a lazy import does not hide a cycle."""
    cycles = [c for c in _components(graph()) if len(c) > 1]
    assert [c for c in cycles if c not in KNOWN_MODULE_CYCLES] == []


def test_the_walk_sees_function_local_and_relative_imports(tmp_path):
    """The checker itself: an import inside a function counts, and a lower layer importing a higher one fails."""
    g = graph()
    assert "eventwatch.pipeline.stages" in g["eventwatch.pipeline.core"]  # imported inside Pipeline.__init__
    assert "eventwatch.quotes" in g["eventwatch.pipeline.stages"]  # the registry's "module:factory" strings
    g = {**g, "eventwatch.nlp.cache": g["eventwatch.nlp.cache"] | {"eventwatch.store"}}
    assert any(s.startswith("eventwatch.nlp.cache -> eventwatch.store") for s in upward_imports(g))
