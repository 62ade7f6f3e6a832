"""Who did it to whom, on plain news: the share of events without a target (and without a source).

Runs the whole pipeline over the first N BBC politics articles (``../shared/corpora``; text is read
there, nothing is copied) and prints, for all events and for events other than plain statements
(CAMEO root 01), how many have no target, no source, and neither. Issue #18 asks for at most 25 %
without a target across 300 articles.

    PYTHONPATH=src python benchmarks/dyads.py                 # 300 articles
    PYTHONPATH=src python benchmarks/dyads.py --n 50 --show 20   # and print 20 targetless events
"""
from __future__ import annotations

import argparse
import json
import sys
from itertools import islice
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = next((p / "shared" for p in ROOT.parents if (p / "shared" / "corpora").is_dir()), ROOT.parent / "shared")
CORPUS = SHARED / "corpora" / "bbc_news_2004_2005.jsonl"


def articles(category: str, n: int):
    from eventwatch.model import Document

    with CORPUS.open(encoding="utf-8") as fh:
        rows = (json.loads(line) for line in fh)
        for rec in islice((r for r in rows if r.get("category") == category), n):
            yield Document(text=rec["text"], id=rec["id"], kind="text", title=rec.get("title"))


def shares(events: list) -> dict:
    n = len(events)
    if not n:
        return {"events": 0}
    return {"events": n,
            "no_target": round(sum(e.target is None for e in events) / n, 3),
            "no_source": round(sum(e.source is None for e in events) / n, 3),
            "neither": round(sum(e.source is None and e.target is None for e in events) / n, 3)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=300)
    ap.add_argument("--category", default="politics")
    ap.add_argument("--show", type=int, default=0, help="print this many targetless events (sentence, trigger)")
    args = ap.parse_args(argv)

    from eventwatch.pipeline import Pipeline
    from eventwatch.settings import Settings

    pipe = Pipeline(Settings())
    every, shown = [], 0
    for i, record in enumerate(pipe.process(articles(args.category, args.n)), 1):
        every.extend(record.events)
        for e in record.events:
            if args.show and shown < args.show and e.target is None and e.root != "01":
                s = record.text[e.sentence[0]:e.sentence[1]].replace("\n", " ")
                print(f"[{e.cameo} {record.text[e.trigger[0]:e.trigger[1]]}] {s}", file=sys.stderr)
                shown += 1
        if i % 50 == 0:
            print(f"{i} articles", file=sys.stderr)
    out = {"articles": args.n, "category": args.category, "all": shares(every),
           "not_statements": shares([e for e in every if e.root != "01"])}
    print(json.dumps(out, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
