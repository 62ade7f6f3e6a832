"""Time of the actor stage against the spaCy pass it runs on (ratio measured in one run).

    python benchmarks/bench_actors.py [--n 150] [--corpus ../shared/corpora/bbc_news_2004_2005.jsonl]

Parses N articles once with ``nlp.pipe`` (timed), then runs only the actor stage over the parsed
docs (timed; the dictionary is loaded before timing, as the pipeline does once per process).
Articles are taken evenly across the corpus (all categories). Prints both times, the ratio and
actors per article. Target of issue 3: actor stage <= 15% of the spaCy time.
"""
from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "bbc_news_2004_2005.jsonl"
if not DEFAULT.exists():
    DEFAULT = Path("/work/shared/corpora/bbc_news_2004_2005.jsonl")


def sample(path: Path, n: int) -> list[dict]:
    rows = [json.loads(l) for l in path.open(encoding="utf-8") if l.strip()]
    step = max(1, len(rows) // n)
    return rows[::step][:n]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=150)
    ap.add_argument("--corpus", type=Path, default=DEFAULT)
    args = ap.parse_args()

    from eventwatch.actors import ActorStage
    from eventwatch.model import Record
    from eventwatch.nlp import load_model
    from eventwatch.settings import Settings

    rows = sample(args.corpus, args.n)
    texts = [r["text"] for r in rows]
    nlp = load_model(None)
    t0 = time.perf_counter()
    stage = ActorStage(Settings())
    t_load = time.perf_counter() - t0

    t0 = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=32))
    t_spacy = time.perf_counter() - t0

    records = [Record(id=r["id"], text=r["text"], published=r.get("date") or "2005-01-01") for r in rows]
    t0 = time.perf_counter()
    for doc, rec in zip(docs, records):
        stage(doc, rec)
    t_actors = time.perf_counter() - t0

    n_tokens = sum(len(d) for d in docs)
    n_actors = sum(len(r.actors) for r in records)
    print(f"articles {len(docs)}, tokens {n_tokens}")
    print(f"dictionary load (once per process)  {t_load:7.2f} s")
    print(f"spaCy pass (nlp.pipe)               {t_spacy:7.2f} s  ({n_tokens / t_spacy:,.0f} tokens/s)")
    print(f"actor stage                         {t_actors:7.2f} s  ({1000 * t_actors / len(docs):.1f} ms/article)")
    print(f"actor stage / spaCy pass            {t_actors / t_spacy:7.1%}  (target <= 15%)")
    print(f"actors per article                  {n_actors / len(docs):7.1f}")


if __name__ == "__main__":
    main()
