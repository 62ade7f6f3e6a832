"""Quote stage time as a share of the spaCy pass, measured in one run.

    python benchmarks/bench_quotes.py [--n 150] [--corpus ../shared/corpora/bbc_news_2004_2005.jsonl]

Parses N articles once with the pipeline's spaCy model (timed), runs the earlier stages
(places, actors, events) untimed, then the quote stage alone (timed) on the same Docs, and
prints both times, the ratio and the number of quotes found. Target (issue 20): ratio < 0.05.

Both sides are measured as the pipeline runs them: the parse with numpy's BLAS held to one thread
(``nlp.matmul.one_blas_thread``, as ``Pipeline._parse`` does; with the library's default of one
thread per core the parse here would use the machine's other core, which the pipeline never
does), each Doc given its text (``nlp.cache.set_text``). Each time is given as wall-clock seconds
and as CPU seconds of this process; on a shared, loaded machine the CPU ratio is the steadier one.
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
    from eventwatch.nlp.matmul import one_blas_thread
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

    t0, c0 = time.perf_counter(), time.process_time()
    with one_blas_thread():  # as Pipeline._parse parses
        docs = list(pipe.nlp.pipe(texts, batch_size=32))
    t_spacy, c_spacy = time.perf_counter() - t0, time.process_time() - c0

    records = [Record(id=str(i), text=t) for i, t in enumerate(texts)]
    for doc, rec in zip(docs, records):
        set_text(doc, rec.text)  # as the pipeline does (pipeline/core.py): the text is known, not rebuilt from tokens
        for stage in earlier:
            stage(doc, rec)

    t0, c0 = time.perf_counter(), time.process_time()
    for doc, rec in zip(docs, records):
        quotes_stage(doc, rec)
    t_quotes, c_quotes = time.perf_counter() - t0, time.process_time() - c0

    n_quotes = sum(len(r.quotes) for r in records)
    n_direct = sum(1 for r in records for q in r.quotes if q.kind == "direct")
    tokens = sum(len(d) for d in docs)
    print(f"articles {len(texts)}  tokens {tokens}")
    print(f"spaCy pass   {t_spacy:8.2f} s wall {c_spacy:8.2f} s CPU  ({tokens / t_spacy:,.0f} tokens/s)")
    print(f"quote stage  {t_quotes:8.2f} s wall {c_quotes:8.2f} s CPU  ({n_quotes} quotes, {n_direct} direct)")
    print(f"ratio quote/spaCy {t_quotes / t_spacy:.3f} wall {c_quotes / c_spacy:.3f} CPU  (target < 0.05)")


if __name__ == "__main__":
    main()
