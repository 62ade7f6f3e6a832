"""Print one chunk of the event sample for coding: article title, then `sid<TAB>sentence` lines.

    PYTHONPATH=src /work/main/.venv/bin/python scripts/labels/show.py ev01            # read
    PYTHONPATH=src /work/main/.venv/bin/python scripts/labels/show.py ev01 --template # empty coding file
    PYTHONPATH=src /work/main/.venv/bin/python scripts/labels/show.py --list          # chunks and coders
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from eventwatch.eval.event_labels import DEFAULT_LABELS, default_shared, load_docs, read_jsonl


def chunk_rows(chunk: str, labels: Path = DEFAULT_LABELS) -> list[dict]:
    rows = [r for r in read_jsonl(labels / "sample.jsonl") if r["chunk"] == chunk]
    if not rows:
        raise SystemExit(f"no chunk {chunk!r} in {labels / 'sample.jsonl'}")
    return rows


def list_chunks(labels: Path = DEFAULT_LABELS) -> int:
    chunks: dict[str, list[dict]] = {}
    for r in read_jsonl(labels / "sample.jsonl"):
        chunks.setdefault(r["chunk"], []).append(r)
    print("chunk\tsents\ttest\tcorpora\tdouble\tcoded_by")
    for chunk, rows in chunks.items():
        coders = sorted(p.name.split(".")[1] for p in (labels / "coded").glob(f"{chunk}.*.jsonl"))
        corpora = ",".join(sorted({r["corpus"] for r in rows}))
        n_test = sum(r["split"] == "test" for r in rows)
        double = "double" if rows[0].get("double") else ""
        print(f"{chunk}\t{len(rows)}\t{n_test}\t{corpora}\t{double}\t{','.join(coders)}")
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("chunk", nargs="?")
    ap.add_argument("--list", action="store_true", help="list the chunks: size, split, double, coded by")
    ap.add_argument("--shared", default=None)
    ap.add_argument("--template", action="store_true", help="print `sid ?` lines to start a coding file")
    args = ap.parse_args(argv)
    if args.list or not args.chunk:
        return list_chunks()
    rows = chunk_rows(args.chunk)
    if args.template:
        for r in rows:
            print(f"{r['sid']} ?")
        return 0
    docs = load_docs(args.shared or default_shared(), {r["corpus"] for r in rows})
    doc = None
    for r in rows:
        rec = docs[(r["corpus"], r["doc"])]
        if r["doc"] != doc:
            doc = r["doc"]
            print(f"\n=== {r['corpus']} {doc} [{r['split']}] {' '.join(str(rec.get('title') or '').split())}")
        print(f"{r['sid']}\t{' '.join(rec['text'][r['start']:r['end']].split())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
