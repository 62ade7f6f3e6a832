"""The one loader of the headed data files that ship in the package (``<stage>/data/*.tsv``, ``*.jsonl``).

A data file begins with a header of ``#`` lines that says where its data come from (provenance and
licence) and what its columns are; then one row a line, cells separated by tabs. Blank lines and
further ``#`` lines are skipped. Every reader in the package goes through here, so a broken file fails
the same way everywhere: a ``DataFileError`` naming the file and the line.

    read_table(path, columns=2)                 -> [["Britain", "GB"], ...]
    read_table(path, columns=(2, 3), types=(str, float))
    read_rows(path, columns=2)                  -> [(line number, ["Britain", "GB"]), ...]
    read_words(path)                            -> ["province", "provinces", ...]   (first cell, stripped)
    data_lines(path)                            -> (line number, raw line) for other formats (JSON lines)

``columns`` is the exact number of cells (an int) or the least and most (a tuple); ``types`` converts the
first cells (``int``, ``float``, any callable), a failure is a ``DataFileError`` with the line. Layer:
base (it imports nothing of eventwatch), so every stage may use it.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Callable, Iterator, Protocol, Sequence


class Readable(Protocol):  # a Path or an importlib.resources Traversable
    name: str

    def read_text(self, encoding: str = ...) -> str: ...


class DataFileError(ValueError):
    """A packaged data file breaks its own format (a programming error: the message says where)."""


def data_lines(path: Readable | str) -> Iterator[tuple[int, str]]:
    """(line number, line) of every data line: the provenance header checked, comments and blanks skipped."""
    path = Path(path) if isinstance(path, str) else path
    lines = path.read_text("utf-8").splitlines()
    if not lines or not lines[0].startswith("#"):
        raise DataFileError(f"{path.name}: no provenance header (a data file begins with '# ' lines that say "
                            "where its data come from, their licence and the columns)")
    for n, line in enumerate(lines, 1):
        if line.strip() and not line.startswith("#"):
            yield n, line


def _check(name: str, n: int, cells: list[str], columns: int | tuple[int, int] | None) -> None:
    if columns is None:
        return
    lo, hi = (columns, columns) if isinstance(columns, int) else columns
    if not lo <= len(cells) <= hi:
        want = str(lo) if lo == hi else f"{lo} to {hi}"
        raise DataFileError(f"{name} line {n}: expected {want} tab-separated columns, found {len(cells)}")


def _convert(name: str, n: int, cells: list[str], types: Sequence[Callable[[str], Any]]) -> list:
    out: list = list(cells)
    for i, (cell, kind) in enumerate(zip(cells, types)):
        try:
            out[i] = kind(cell)
        except (TypeError, ValueError) as exc:
            raise DataFileError(f"{name} line {n}, column {i + 1}: {cell!r} is not {getattr(kind, '__name__', kind)}: {exc}") from None
    return out


def read_rows(path: Readable | str, columns: int | tuple[int, int] | None = None,
              types: Sequence[Callable[[str], Any]] = ()) -> list[tuple[int, list]]:
    """(line number, cells) of every row, validated (see the module docstring)."""
    name = Path(path).name if isinstance(path, str) else path.name
    rows = []
    for n, line in data_lines(path):
        cells = line.split("\t")
        _check(name, n, cells, columns)
        rows.append((n, _convert(name, n, cells, types) if types else cells))
    return rows


def read_table(path: Readable | str, columns: int | tuple[int, int] | None = None,
               types: Sequence[Callable[[str], Any]] = ()) -> list[list]:
    """The cells of every row, validated (see the module docstring)."""
    return [cells for _n, cells in read_rows(path, columns, types)]


def read_words(path: Readable | str) -> list[str]:
    """A one-column list: the first cell of every row, stripped, empty ones left out."""
    return [w for w in (cells[0].strip() for cells in read_table(path)) if w]
