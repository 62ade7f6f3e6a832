"""The CAMEO code table (QuadClass, Goldstein, PLOVER type/mode/context), loaded once from ``data/cameo_codes.tsv``."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).parent / "data"


@dataclass(frozen=True)
class CodeInfo:
    code: str
    name: str
    root: str
    quad_class: int
    goldstein: float
    plover: str
    plover_mode: str | None
    plover_context: tuple[str, ...]


def _rows(path: Path):
    from eventwatch.resources import read_table

    return read_table(path, columns=9)


@lru_cache(maxsize=1)
def code_table() -> dict[str, CodeInfo]:
    table: dict[str, CodeInfo] = {}
    for cols in _rows(DATA / "cameo_codes.tsv"):
        code, name, root, quad, gold, plover, mode, ctx = (cols + [""] * 9)[:8]
        table[code] = CodeInfo(code, name, root, int(quad), float(gold), plover or "",
                               mode or None, tuple(c.strip() for c in ctx.split(";") if c.strip()))
    return table


def lookup(code: str) -> CodeInfo | None:
    """The code's facts; an unknown sub-code falls back to its parent (``1214`` → ``121``)."""
    table = code_table()
    for k in (code, code[:3], code[:2]):
        if k in table:
            info = table[k]
            return info if k == code else CodeInfo(code, info.name, info.root, info.quad_class, info.goldstein,
                                                   info.plover, info.plover_mode, info.plover_context)
    return None


FIVE_CLASS = {**{r: 0 for r in ("01", "02")}, **{r: 1 for r in ("03", "04", "05")},
              **{r: 2 for r in ("06", "07", "08")}, **{r: 3 for r in ("09", "10", "11", "12", "13", "16")},
              **{r: 4 for r in ("14", "15", "17", "18", "19", "20")}}


def five_class(root: str) -> int | None:
    """ConfliBERT/Phoenix five-class label of a CAMEO root."""
    return FIVE_CLASS.get(root)


def plover_of(code: str) -> str:
    info = lookup(code)
    return info.plover if info else ""
