"""Event stage time as a share of the spaCy pass, on ~150 BBC News articles (one run, one process).

    .venv/bin/python benchmarks/bench_events.py [--n 150] [--mode combined|pattern]

Prints: spaCy pass seconds, event stage seconds (patterns + classifier + dates/places/tone), the ratio
(target ≤ 0.20), events per article and the share of sentences the classifier scored. The places and
actors stages run first (untimed) so the event stage sees the actors it would see in the pipeline.
"""
from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = next((p / "shared" for p in ROOT.parents if (p / "shared" / "corpora").is_dir()), ROOT.parent / "shared")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=150)
    ap.add_argument("--mode", default="combined", choices=["combined", "pattern"])
    opts = ap.parse_args()
    from eventwatch.clean import clean
    from eventwatch.events.stage import EventsStage
    from eventwatch.model import Document, Record
    from eventwatch.pipeline import Pipeline
    from eventwatch.settings import Settings

    rows = []
    with (SHARED / "corpora" / "bbc_news_2004_2005.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            rows.append(json.loads(line))
            if len(rows) >= opts.n:
                break
    pipe = Pipeline(Settings(default_date="2005-01-01"))
    texts = []
    for r in rows:
        cleaned = clean(Document(text=r.get("text") or "", published="2005-01-01"))
        texts.append(cleaned.text or r.get("text") or "")
    t0 = time.perf_counter()
    docs = list(pipe.nlp.pipe(texts, batch_size=32))
    t_spacy = time.perf_counter() - t0
    before = [s for s in pipe.stages if s.name in ("places", "actors")]
    base = next(s for s in pipe.stages if s.name == "events")
    stage = EventsStage.variant(base, opts.mode)
    records = []
    for i, (doc, text) in enumerate(zip(docs, texts)):
        rec = Record(id=str(i), text=text, published="2005-01-01")
        for s in before:
            s(doc, rec)
        records.append(rec)
    t0 = time.perf_counter()
    for doc, rec in zip(docs, records):
        stage(doc, rec)
    t_events = time.perf_counter() - t0
    n_events = sum(len(r.events) for r in records)
    n_sents = sum(1 for d in docs for _ in d.sents)
    print(f"articles: {len(docs)}  sentences: {n_sents}  tokens: {sum(len(d) for d in docs)}")
    print(f"spaCy pass: {t_spacy:.2f} s   event stage ({opts.mode}): {t_events:.3f} s")
    print(f"ratio event stage / spaCy pass: {t_events / t_spacy:.3f}  (target <= 0.20)")
    print(f"events: {n_events} ({n_events / len(docs):.1f} per article; "
          f"{sum(not e.negated and not e.hypothetical for r in records for e in r.events)} asserted)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
