"""Throughput and peak memory: eventwatch vs a bare spaCy parse of the same articles.

One invocation runs, alternating within each round, ``eventwatch`` (the Pipeline API through
``eventwatch.runner.run`` as ``eventwatch process`` calls it, records serialised to JSON) and a
bare ``spacy.load(<same model>)`` + ``nlp.pipe`` over the same N articles, each in its own fresh
process, with the same number of processes; it prints both throughputs, their ratio and each
run's peak RSS (the largest process: the parent, or a worker with -j > 1).

Timing starts after the model is loaded in the parent and ends when the last result is out;
with -j > 1 both sides include starting their workers (which load the model).

    python benchmarks/bench_speed.py                      # 300 BBC articles, -j 1 and -j 2, 2 rounds
    python benchmarks/bench_speed.py --jobs 1 --rounds 3 --n 300
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from itertools import islice
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = next((p / "shared" for p in ROOT.parents if (p / "shared" / "corpora").is_dir()), ROOT.parent / "shared")
CORPUS = SHARED / "corpora" / "bbc_news_2004_2005.jsonl"


def _peak_mb() -> tuple[float, float]:
    self_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    kids_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return self_kb / 1024, kids_kb / 1024


def worker_eventwatch(path: str, jobs: int, model: str | None, extra: dict) -> dict:
    from eventwatch.ingest import read_inputs
    from eventwatch.pipeline import Pipeline
    from eventwatch.runner import run
    from eventwatch.settings import Settings

    settings = Settings(model=model, n_process=jobs, **extra)
    if jobs == 1:
        Pipeline(settings)  # load the model (cached per process) before the clock starts
    t0 = time.perf_counter()
    n = 0
    with open(os.devnull, "w") as out:
        for record in run(read_inputs([path], settings), settings):
            out.write(json.dumps(record.to_dict(), ensure_ascii=False) + "\n")
            n += 1
    return {"docs": n, "seconds": time.perf_counter() - t0}


def worker_spacy(path: str, jobs: int, model: str | None) -> dict:
    import spacy

    from eventwatch.nlp import available_models

    name = model or next(m for m in available_models() if m != "en_core_web_trf")
    nlp = spacy.load(name)
    texts = [json.loads(line)["text"] for line in open(path, encoding="utf-8")]
    t0 = time.perf_counter()
    n = sum(1 for _ in nlp.pipe(texts, n_process=jobs))
    return {"docs": n, "seconds": time.perf_counter() - t0}


def run_child(kind: str, path: str, jobs: int, model: str | None, extra: str) -> dict:
    cmd = [sys.executable, __file__, "--child", kind, "--input", path, "--jobs", str(jobs), "--extra", extra]
    if model:
        cmd += ["--model", model]
    out = subprocess.run(cmd, check=True, capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=300, help="articles (default 300)")
    ap.add_argument("--jobs", type=int, nargs="+", default=[1, 2], help="process counts to compare (default 1 2)")
    ap.add_argument("--rounds", type=int, default=2, help="alternating rounds (default 2)")
    ap.add_argument("--model", help="spaCy model (default: the one eventwatch picks)")
    ap.add_argument("--extra", default="{}", help="JSON of Settings fields for the eventwatch side")
    ap.add_argument("--corpus", default=str(CORPUS))
    ap.add_argument("--child", choices=["eventwatch", "spacy"], help=argparse.SUPPRESS)
    ap.add_argument("--input", help=argparse.SUPPRESS)
    args = ap.parse_args()

    if args.child:
        jobs = args.jobs[0]
        if args.child == "eventwatch":
            res = worker_eventwatch(args.input, jobs, args.model, json.loads(args.extra))
        else:
            res = worker_spacy(args.input, jobs, args.model)
        res["rss_self_mb"], res["rss_workers_mb"] = _peak_mb()
        print(json.dumps(res))
        return

    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "articles.jsonl")
        with open(args.corpus, encoding="utf-8") as src, open(path, "w", encoding="utf-8") as dst:
            dst.writelines(islice(src, args.n))
        results: dict[tuple[str, int], list[dict]] = {}
        for rnd in range(args.rounds):
            for jobs in args.jobs:
                order = ("eventwatch", "spacy") if rnd % 2 == 0 else ("spacy", "eventwatch")
                for kind in order:
                    res = run_child(kind, path, jobs, args.model, args.extra)
                    results.setdefault((kind, jobs), []).append(res)
                    print(f"round {rnd + 1} -j {jobs} {kind:10s} {res['docs'] / res['seconds']:6.2f} docs/s "
                          f"peak RSS {max(res['rss_self_mb'], res['rss_workers_mb']):6.0f} MB", file=sys.stderr)
    print(f"\n{args.n} articles of {Path(args.corpus).name}, {args.rounds} alternating rounds, extra={args.extra}")
    print(f"{'jobs':>4} {'eventwatch docs/s':>18} {'bare spaCy docs/s':>18} {'ratio':>6} {'ew peak RSS MB':>15} {'spaCy peak RSS MB':>18}")
    for jobs in args.jobs:
        ew, sp = results[("eventwatch", jobs)], results[("spacy", jobs)]
        ratios = [e["docs"] / e["seconds"] / (s["docs"] / s["seconds"]) for e, s in zip(ew, sp)]
        rate = lambda rs: statistics.median(r["docs"] / r["seconds"] for r in rs)  # noqa: E731
        rss = lambda rs: max(max(r["rss_self_mb"], r["rss_workers_mb"]) for r in rs)  # noqa: E731
        print(f"{jobs:>4} {rate(ew):>18.2f} {rate(sp):>18.2f} {statistics.median(ratios):>6.2f} {rss(ew):>15.0f} {rss(sp):>18.0f}"
              f"   (per-round ratios: {', '.join(f'{r:.2f}' for r in ratios)})")


if __name__ == "__main__":
    main()
