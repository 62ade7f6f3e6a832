"""Lists what the house rules forbid in src/: functions over 80 lines (nested ones counted on their own).

    python benchmarks/check_layout.py [--max 80] [PATH ...]

Prints one line per long function (lines, file:line, name), longest first; exit 1 when there is one.
The CLI's argument table (cli/main.py:build_parser) is exempt: it is a table, not logic. Repeated blocks
are found by the ``duplicates`` tool (``duplicates src/``); tests/test_layout.py keeps both at zero in the
folders that are already clean.
"""
from __future__ import annotations

import argparse
import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "src" / "eventwatch"
EXEMPT = {("cli/main.py", "build_parser")}  # the argument table


def long_functions(paths: list[Path], limit: int = 80) -> list[tuple[int, str, str]]:
    """(lines, "file:line", qualified name) of every function longer than LIMIT lines."""
    out = []
    for path in paths:
        for file in sorted(path.rglob("*.py")) if path.is_dir() else [path]:
            rel = file.relative_to(SRC).as_posix() if file.is_relative_to(SRC) else str(file)
            out += [(n, f"{rel}:{line}", name) for n, line, name in _functions(file)
                    if n > limit and (rel, name.split(".")[-1]) not in EXEMPT]
    return sorted(out, key=lambda r: (-r[0], r[1]))


def _functions(file: Path):
    tree = ast.parse(file.read_text("utf-8"), str(file))

    def walk(node, prefix: str):
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)):
                start = min([child.lineno] + [d.lineno for d in child.decorator_list])
                yield child.end_lineno - start + 1, child.lineno, prefix + child.name
                yield from walk(child, prefix + child.name + ".")
            elif isinstance(child, ast.ClassDef):
                yield from walk(child, prefix + child.name + ".")

    return list(walk(tree, ""))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("paths", nargs="*", type=Path, default=[SRC])
    ap.add_argument("--max", type=int, default=80, help="longest function allowed (default 80 lines)")
    args = ap.parse_args(argv)
    found = long_functions([p.resolve() for p in args.paths], args.max)
    for n, where, name in found:
        print(f"{n:4d}  {where}  {name}")
    print(f"{len(found)} functions over {args.max} lines", file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
