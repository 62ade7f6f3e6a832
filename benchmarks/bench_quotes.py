"""Quote stage time as a share of the spaCy pass, measured in one run.

    python benchmarks/bench_quotes.py [--n 150] [--corpus ../shared/corpora/bbc_news_2004_2005.jsonl]

Parses N articles once with the pipeline's spaCy model (timed), runs the earlier stages
(places, actors, events) untimed, then the quote stage alone (timed) on the same Docs, and
prints both times, the ratio and the number of quotes found. Target: ratio <= 0.10.
"""
from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "bbc_news_2004_2005.jsonl"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=150)
    ap.add_argument("--corpus", default=str(DEFAULT if DEFAULT.exists() else "/work/shared/corpora/bbc_news_2004_2005.jsonl"))
    args = ap.parse_args()

    from eventwatch.model import Record
    from eventwatch.nlp.cache import set_text
    from eventwatch.pipeline import Pipeline
    from eventwatch.settings import Settings

    texts = []
    with open(args.corpus, encoding="utf-8") as fh:
        for line in fh:
            texts.append(json.loads(line)["text"])
            if len(texts) >= args.n:
                break
    pipe = Pipeline(Settings())
    quotes_stage = next(s for s in pipe.stages if s.name == "quotes")
    earlier = [s for s in pipe.stages if s.name != "quotes"]

    t0 = time.perf_counter()
    docs = list(pipe.nlp.pipe(texts, batch_size=32))
    t_spacy = time.perf_counter() - t0

    records = [Record(id=str(i), text=t) for i, t in enumerate(texts)]
    for doc, rec in zip(docs, records):
        set_text(doc, rec.text)  # as the pipeline does (pipeline/core.py): the text is known, not rebuilt from tokens
        for stage in earlier:
            stage(doc, rec)

    t0 = time.perf_counter()
    for doc, rec in zip(docs, records):
        quotes_stage(doc, rec)
    t_quotes = time.perf_counter() - t0

    n_quotes = sum(len(r.quotes) for r in records)
    n_direct = sum(1 for r in records for q in r.quotes if q.kind == "direct")
    tokens = sum(len(d) for d in docs)
    print(f"articles {len(texts)}  tokens {tokens}")
    print(f"spaCy pass   {t_spacy:8.2f} s  ({tokens / t_spacy:,.0f} tokens/s)")
    print(f"quote stage  {t_quotes:8.2f} s  ({n_quotes} quotes, {n_direct} direct)")
    print(f"ratio quote/spaCy {t_quotes / t_spacy:.3f}  (target <= 0.10)")


if __name__ == "__main__":
    main()
