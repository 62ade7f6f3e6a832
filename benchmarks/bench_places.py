"""Benchmark the places stage: gazetteer index load time and memory, and the stage's time as a
share of the spaCy pass on BBC News articles (read from ../shared/corpora, never copied).

    python benchmarks/bench_places.py [--docs 150] [--corpus PATH]

Prints figures; measured in one run on one machine, so the ratio is what to compare.
"""
from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpora" / "bbc_news_2004_2005.jsonl"
for candidate in (CORPUS, Path("/work/shared/corpora/bbc_news_2004_2005.jsonl")):
    if candidate.exists():
        CORPUS = candidate
        break

LOAD_PROBE = """
import json, time

def rss_mb():
    with open("/proc/self/status") as fh:
        return next(int(l.split()[1]) for l in fh if l.startswith("VmRSS")) / 1024

t0 = time.perf_counter()
from eventwatch.places.gazetteer import ensure_index, load_gazetteer, demonyms
t1 = time.perf_counter()
before = rss_mb()
t2 = time.perf_counter()
path = ensure_index()
g = load_gazetteer()
g.lookup(["kabul", "london", "georgia", "paris", "springfield"])
demonyms()
t3 = time.perf_counter()
print(json.dumps({"import_s": t1 - t0, "load_s": t3 - t2, "rss_before_mb": before, "rss_after_mb": rss_mb(),
                  "index_mb": path.stat().st_size / 1e6, "index": str(path)}))
"""


def load_figures() -> dict:
    """Index load time and resident memory in a fresh process (no spaCy model loaded there)."""
    out = subprocess.run([sys.executable, "-c", LOAD_PROBE], capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def read_texts(path: Path, n: int) -> list[str]:
    texts = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            texts.append(json.loads(line)["text"])
            if len(texts) >= n:
                break
    return texts


def stage_figures(texts: list[str]) -> dict:
    from eventwatch.model import Record
    from eventwatch.nlp import load_model
    from eventwatch.places import find_places
    from eventwatch.places.gazetteer import load_gazetteer

    nlp = load_model()
    gazetteer = load_gazetteer()
    nlp("warm up the model in Kabul.")
    t0 = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=32))
    spacy_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    n_places = 0
    for text, doc in zip(texts, docs):
        n_places += len(find_places(doc, Record(id="b", text=text), gazetteer))
    places_s = time.perf_counter() - t0
    return {"docs": len(texts), "spacy_s": spacy_s, "places_s": places_s, "ratio": places_s / spacy_s,
            "places_found": n_places,
            "max_rss_mb_with_spacy": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=150)
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    args = ap.parse_args()
    load = load_figures()
    print(f"index: {load['index']} ({load['index_mb']:.1f} MB)")
    print(f"index load (existence check, open, first lookups, demonyms): {load['load_s'] * 1000:.1f} ms; "
          f"RSS {load['rss_before_mb']:.0f} -> {load['rss_after_mb']:.0f} MB "
          f"(the package import itself, with spaCy: {load['import_s']:.2f} s)")
    stage = stage_figures(read_texts(args.corpus, args.docs))
    print(f"{stage['docs']} BBC articles: spaCy pass {stage['spacy_s']:.2f} s, places stage {stage['places_s']:.2f} s "
          f"-> places/spaCy = {stage['ratio'] * 100:.1f}% ({stage['places_found']} places)")
    print(f"peak RSS with spaCy model + index: {stage['max_rss_mb_with_spacy']:.0f} MB")


if __name__ == "__main__":
    main()
