"""Where the model time goes: CPU seconds per spaCy component over N articles, plain and with
eventwatch's exact speed-ups (``eventwatch.nlp.fast``).

    python benchmarks/profile_nlp.py --n 200
"""
from __future__ import annotations

import argparse
import json
import time
from itertools import islice
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = next((p / "shared" for p in ROOT.parents if (p / "shared" / "corpora").is_dir()), ROOT.parent / "shared")
CORPUS = SHARED / "corpora" / "bbc_news_2004_2005.jsonl"


def profile(nlp, texts: list[str], batch_size: int = 32) -> dict[str, float]:
    spent = {name: 0.0 for name in nlp.pipe_names}
    docs = [nlp.make_doc(t) for t in texts]
    for name, proc in nlp.pipeline:
        t0 = time.process_time()
        docs = list(proc.pipe(docs, batch_size=batch_size)) if hasattr(proc, "pipe") else [proc(d) for d in docs]
        spent[name] += time.process_time() - t0
    return spent


def main() -> None:
    import spacy

    from eventwatch.nlp import available_models
    from eventwatch.nlp.fast import speed_up

    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=200)
    ap.add_argument("--rounds", type=int, default=2)
    args = ap.parse_args()
    name = next(m for m in available_models() if m != "en_core_web_trf")
    texts = [json.loads(line)["text"] for line in islice(open(CORPUS, encoding="utf-8"), args.n)]
    plain, fast = spacy.load(name), speed_up(spacy.load(name))
    totals = {"plain": {}, "fast": {}}
    for _ in range(args.rounds):  # alternate, so other load on the machine hits both alike
        for label, nlp in (("plain", plain), ("fast", fast)):
            for k, v in profile(nlp, texts).items():
                totals[label][k] = totals[label].get(k, 0.0) + v
    print(f"{name}, {args.n} BBC articles x {args.rounds} rounds: CPU seconds per component (share of the model time)")
    whole = {k: sum(v.values()) for k, v in totals.items()}
    for comp in plain.pipe_names:
        p, f = totals["plain"][comp], totals["fast"][comp]
        print(f"  {comp:16s} plain {p:7.2f} ({p / whole['plain']:4.0%})   fast {f:7.2f} ({f / whole['fast']:4.0%})")
    print(f"  {'total':16s} plain {whole['plain']:7.2f}          fast {whole['fast']:7.2f}   "
          f"saving {1 - whole['fast'] / whole['plain']:.0%}")


if __name__ == "__main__":
    main()
