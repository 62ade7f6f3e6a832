"""Which sentences the stages use: the share of tokens in sentences with an actor or place mention, an
event, or a quote. It bounds what parsing only "needed" sentences could save (docs/scale.md).

    python benchmarks/sentence_needs.py --n 300
"""
from __future__ import annotations

import argparse
import json
from itertools import islice
from pathlib import Path

from eventwatch.model import Document
from eventwatch.pipeline import Pipeline

ROOT = Path(__file__).resolve().parents[1]
SHARED = next((p / "shared" for p in ROOT.parents if (p / "shared" / "corpora").is_dir()), ROOT.parent / "shared")
CORPUS = SHARED / "corpora" / "bbc_news_2004_2005.jsonl"


def spans(record) -> dict[str, list[tuple[int, int]]]:
    return {
        "event or quote": [tuple(e.sentence) for e in record.events]
        + [tuple(q.span) for q in record.quotes] + [tuple(q.cue) for q in record.quotes if q.cue],
        "actor or place": [tuple(m) for a in record.actors for m in a.mentions]
        + [tuple(m) for p in record.places for m in p.mentions],
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=300)
    ap.add_argument("--corpus", default=str(CORPUS))
    args = ap.parse_args()
    pipe = Pipeline()
    texts = [json.loads(line)["text"] for line in islice(open(args.corpus, encoding="utf-8"), args.n)]
    records = list(pipe.process(Document(text=t) for t in texts))
    total, used = 0, {"event or quote": 0, "actor or place": 0, "any of these": 0, "a spaCy entity": 0}
    for record, doc in zip(records, pipe.nlp.pipe([r.text for r in records], batch_size=32)):
        found = spans(record)
        for sent in doc.sents:
            hit = {k: any(a < sent.end_char and b > sent.start_char for a, b in v) for k, v in found.items()}
            total += len(sent)
            for key in ("event or quote", "actor or place"):
                used[key] += len(sent) * hit[key]
            used["any of these"] += len(sent) * any(hit.values())
            used["a spaCy entity"] += len(sent) * bool(sent.ents)
    print(f"{len(records)} articles, {total} tokens; share of tokens in sentences with")
    for key, n in used.items():
        print(f"  {key:16s} {n / total:6.1%}")


if __name__ == "__main__":
    main()
