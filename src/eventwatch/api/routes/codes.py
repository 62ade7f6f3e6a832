"""The code tables behind the filters and the dashboard: CAMEO codes and PLOVER types with their names,
CAMEO actor sectors and countries with theirs (the dashboard's labels of unnamed groups: actors/labels.py,
served through api/labels.code_tables)."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from fastapi import APIRouter
from fastapi.responses import Response

from eventwatch.api import labels
from eventwatch.api.common import json_response

router = APIRouter()

DATA = Path(__file__).resolve().parents[1] / "data"
QUAD_CLASS = {1: "Verbal cooperation", 2: "Material cooperation", 3: "Verbal conflict", 4: "Material conflict"}


def plover_types() -> dict[str, str]:
    """PLOVER type -> one-line description (api/data/plover_types.tsv)."""
    rows = (line.split("\t") for line in (DATA / "plover_types.tsv").read_text("utf-8").splitlines()
            if line and not line.startswith("#"))
    return {r[0]: r[1] for r in rows if len(r) >= 2}


@lru_cache(maxsize=1)
def code_tables() -> bytes:
    from eventwatch.events.codes import code_table

    cameo = {c.code: {"name": c.name, "root": c.root, "quad_class": c.quad_class, "goldstein": c.goldstein,
                      "plover": c.plover or None} for c in code_table().values()}
    return json_response({"cameo": cameo, "plover": plover_types(), "quad_class": QUAD_CLASS,
                          **labels.code_tables()}).body


@router.get("/api/codes", summary="Code tables: CAMEO code → name, root, QuadClass, Goldstein, PLOVER; "
            "PLOVER type → description; actor sector → label; ISO3 country → name")
def codes():
    return Response(code_tables(), media_type="application/json", headers={"Cache-Control": "public, max-age=3600"})
