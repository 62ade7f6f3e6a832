"""Renderers of query results: one payload (a DataFrame), several formats (datasette's lesson)."""
from __future__ import annotations

import json
from typing import TextIO

TABLE_COLUMNS = ["date", "source_name", "cameo", "plover", "target_name", "place_name", "negated", "hypothetical", "sentence"]


def _clip(value, width: int) -> str:
    s = "" if value is None or value != value else str(value)
    s = " ".join(s.split())
    return s if len(s) <= width else s[: width - 1] + "…"


def _dates_as_text(df):
    """DATE columns arrive as midnight timestamps; show them as YYYY-MM-DD."""
    df = df.copy()
    for col in df.columns:
        if str(df[col].dtype).startswith("datetime64") and col != "ingested_at":
            df[col] = df[col].dt.strftime("%Y-%m-%d").where(df[col].notna(), None)
    return df


def render_events(df, fmt: str, out: TextIO) -> None:
    df = _dates_as_text(df)
    if fmt == "csv":
        from eventwatch.store.exports import text_csv

        text_csv(df, out)
    elif fmt == "jsonl":
        for row in df.to_dict(orient="records"):
            out.write(json.dumps(row, default=str, ensure_ascii=False) + "\n")
    else:
        if df.empty:
            out.write("no events match\n")
            return
        widths = {"date": 10, "source_name": 22, "cameo": 5, "plover": 12, "target_name": 22, "place_name": 14,
                  "negated": 3, "hypothetical": 4, "sentence": 60}
        heads = {"source_name": "source", "target_name": "target", "place_name": "place", "negated": "neg", "hypothetical": "hyp"}
        out.write("  ".join(heads.get(c, c).ljust(widths[c]) for c in TABLE_COLUMNS).rstrip() + "\n")
        for row in df.to_dict(orient="records"):
            cells = []
            for c in TABLE_COLUMNS:
                v = row.get(c)
                if c in ("negated", "hypothetical"):
                    v = "yes" if v else ""
                cells.append(_clip(v, widths[c]).ljust(widths[c]))
            out.write("  ".join(cells).rstrip() + "\n")
        out.write(f"{len(df)} events\n")
