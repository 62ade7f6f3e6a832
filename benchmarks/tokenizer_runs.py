"""The tokenizer's cost on runs of symbols without spaces (issue #23, item 1), and the guard's effect.

Prints spaCy's tokenizer time for runs of one character ("(", "'", "!"), of a random mix of symbols,
and of "'s" repeated, at growing lengths (stopping a series once one call takes over --cap seconds),
then the whole pipeline's time on 40 KB of "(" and one sentence with the guard (Settings.max_symbol_run,
default 100) and the worst case it leaves: 200,000 characters of distinct 100-symbol runs.

  .venv/bin/python benchmarks/tokenizer_runs.py [--cap 10]
"""
from __future__ import annotations

import argparse
import random
import time

SYMBOLS = "()[]{}'\"!?,;:"
SENTENCE = " Rebels attacked the army base in Kandahar on Monday."


def timed(fn, *a):
    t0 = time.perf_counter()
    out = fn(*a)
    return time.perf_counter() - t0, out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cap", type=float, default=10.0, help="stop a series after a call over this many seconds")
    args = ap.parse_args()
    from eventwatch.model import Document
    from eventwatch.pipeline import Pipeline
    from eventwatch.settings import Settings

    pipe = Pipeline(Settings(doc_seconds=60))
    tok = pipe.nlp.tokenizer
    rng = random.Random(1)
    series = {"'(' x n": lambda n: "(" * n, "\"'\" x n": lambda n: "'" * n, "'!' x n": lambda n: "!" * n,
              "random symbols": lambda n: "".join(rng.choice(SYMBOLS) for _ in range(n)),
              "x + \"'s\" x n/2": lambda n: "x" + "'s" * (n // 2)}
    print("tokenizer seconds by run length (one call, no guard):")
    for name, make in series.items():
        cells = []
        for n in (500, 1000, 2000, 4000, 8000):
            took, _ = timed(tok, make(n) + SENTENCE)
            cells.append(f"{n}: {took:.2f}")
            if took > args.cap:
                break
        print(f"  {name:16} " + ", ".join(cells))
    took, rec = timed(lambda: next(pipe.process([Document(text="(" * 40_000 + SENTENCE)])))
    print(f"pipeline on 40,000 '(' + a sentence, with the guard: {took:.2f} s; errors: {[e.message[:60] for e in rec.errors]}")
    runs = " ".join("".join(rng.choice(SYMBOLS) for _ in range(100)) for _ in range(200_000 // 101))
    took, _ = timed(tok, runs)
    print(f"tokenizer on {len(runs):,} characters of distinct 100-symbol runs (what the guard lets through): {took:.2f} s")


if __name__ == "__main__":
    main()
