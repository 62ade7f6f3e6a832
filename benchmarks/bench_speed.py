"""Throughput and peak memory: eventwatch vs a bare spaCy parse of the same articles.

One invocation runs, alternating within each round, ``eventwatch`` (the Pipeline API through
``eventwatch.scale.processes.run`` as ``eventwatch process`` calls it, records serialised to JSON) and a
bare ``spacy.load(<same model>)`` + ``nlp.pipe`` over the same N articles, each in its own fresh
process, with the same number of processes; it prints both throughputs, their ratio and each
run's peak RSS (the largest process: the parent, or a worker with -j > 1).

Timing starts after the model is loaded in the parent and ends when the last result is out;
with -j > 1 both sides include starting their workers (which load the model).

    python benchmarks/bench_speed.py                      # 300 BBC articles, -j 1 and -j 2, 2 rounds
    python benchmarks/bench_speed.py --jobs 1 --rounds 3 --n 300
    python benchmarks/bench_speed.py --jobs 1 --rounds 3 --bare-matmul numpy   # bare side with eventwatch's matmul
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


def _cpu() -> float:
    """CPU seconds of this process and its finished children (the workers)."""
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def _peak_mb() -> tuple[float, float]:
    self_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    kids_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return self_kb / 1024, kids_kb / 1024


def worker_eventwatch(path: str, jobs: int, model: str | None, extra: dict) -> dict:
    from eventwatch.ingest import read_inputs
    from eventwatch.pipeline import Pipeline
    from eventwatch.scale.processes import run
    from eventwatch.settings import Settings

    settings = Settings(model=model, n_process=jobs, **extra)
    if jobs == 1:
        Pipeline(settings)  # load the model (cached per process) before the clock starts
    t0, c0 = time.perf_counter(), _cpu()
    n = 0
    with open(os.devnull, "w") as out:
        for record in run(read_inputs([path], settings), settings):
            out.write(json.dumps(record.to_dict(), ensure_ascii=False) + "\n")
            n += 1
    return {"docs": n, "seconds": time.perf_counter() - t0, "cpu": _cpu() - c0}


def worker_spacy(path: str, jobs: int, model: str | None, batch_size: int | None, matmul: str = "thinc") -> dict:
    import contextlib

    import spacy

    from eventwatch.nlp import available_models

    name = model or next(m for m in available_models() if m != "en_core_web_trf")
    nlp = spacy.load(name)
    limit = contextlib.nullcontext()
    if matmul == "numpy":  # the same model with eventwatch's matrix products, nothing else of eventwatch
        from eventwatch.nlp.matmul import one_blas_thread, set_matmul

        set_matmul(nlp, "numpy")
        limit = one_blas_thread()
    texts = [json.loads(line)["text"] for line in open(path, encoding="utf-8")]
    t0, c0 = time.perf_counter(), _cpu()
    with limit:
        n = sum(1 for _ in nlp.pipe(texts, n_process=jobs, batch_size=batch_size))
    return {"docs": n, "seconds": time.perf_counter() - t0, "cpu": _cpu() - c0}


def run_child(kind: str, path: str, jobs: int, model: str | None, extra: str, spacy_batch: int,
              bare_matmul: str = "thinc") -> dict:
    cmd = [sys.executable, __file__, "--child", kind, "--input", path, "--jobs", str(jobs), "--extra", extra,
           "--spacy-batch-size", str(spacy_batch), "--bare-matmul", bare_matmul]
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
    ap.add_argument("--spacy-batch-size", type=int, default=32,
                    help="nlp.pipe batch size of the bare side (default 32, eventwatch's; 0 = spaCy's default, 1000, "
                         "which with -j 2 and 300 texts hands every text to one process)")
    ap.add_argument("--bare-matmul", choices=["thinc", "numpy"], default="thinc",
                    help="matrix products of the bare side: thinc's blis as spaCy ships (default), or numpy's BLAS on "
                         "one thread as eventwatch does (to see what eventwatch costs beyond that model speed-up)")
    ap.add_argument("--child", choices=["eventwatch", "spacy"], help=argparse.SUPPRESS)
    ap.add_argument("--input", help=argparse.SUPPRESS)
    args = ap.parse_args()

    if args.child:
        jobs = args.jobs[0]
        if args.child == "eventwatch":
            res = worker_eventwatch(args.input, jobs, args.model, json.loads(args.extra))
        else:
            res = worker_spacy(args.input, jobs, args.model, args.spacy_batch_size or None, args.bare_matmul)
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
                    res = run_child(kind, path, jobs, args.model, args.extra, args.spacy_batch_size, args.bare_matmul)
                    results.setdefault((kind, jobs), []).append(res)
                    print(f"round {rnd + 1} -j {jobs} {kind:10s} {res['docs'] / res['seconds']:6.2f} docs/s "
                          f"{res['docs'] / res['cpu']:6.2f} docs/CPU-s "
                          f"peak RSS {max(res['rss_self_mb'], res['rss_workers_mb']):6.0f} MB", file=sys.stderr)
    print(f"\n{args.n} articles of {Path(args.corpus).name}, {args.rounds} alternating rounds, eventwatch settings {args.extra}, "
          f"bare nlp.pipe batch_size={args.spacy_batch_size or 'default'}, matrix products {args.bare_matmul}")
    print("wall: documents per second of elapsed time; CPU: documents per CPU-second of all the run's processes "
          "(less sensitive to other load on the machine)")
    print(f"{'jobs':>4} {'ew docs/s':>10} {'spaCy docs/s':>13} {'ratio':>6} {'ew docs/CPU-s':>14} {'spaCy docs/CPU-s':>17} {'ratio':>6}"
          f" {'ew peak RSS MB':>15} {'spaCy peak RSS MB':>18}")
    for jobs in args.jobs:
        ew, sp = results[("eventwatch", jobs)], results[("spacy", jobs)]
        wall = [e["docs"] / e["seconds"] / (s["docs"] / s["seconds"]) for e, s in zip(ew, sp)]
        cpu = [e["docs"] / e["cpu"] / (s["docs"] / s["cpu"]) for e, s in zip(ew, sp) if "cpu" in e and "cpu" in s]
        rate = lambda rs, k: statistics.median(r["docs"] / r[k] for r in rs if k in r) if any(k in r for r in rs) else float("nan")  # noqa: E731
        rss = lambda rs: max(max(r["rss_self_mb"], r["rss_workers_mb"]) for r in rs)  # noqa: E731
        med = lambda xs: statistics.median(xs) if xs else float("nan")  # noqa: E731
        print(f"{jobs:>4} {rate(ew, 'seconds'):>10.2f} {rate(sp, 'seconds'):>13.2f} {med(wall):>6.2f} {rate(ew, 'cpu'):>14.2f} "
              f"{rate(sp, 'cpu'):>17.2f} {med(cpu):>6.2f} {rss(ew):>15.0f} {rss(sp):>18.0f}"
              f"   (per-round wall ratios: {', '.join(f'{r:.2f}' for r in wall)}; CPU: {', '.join(f'{r:.2f}' for r in cpu)})")


if __name__ == "__main__":
    main()
