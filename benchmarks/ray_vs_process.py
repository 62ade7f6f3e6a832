"""Same records from `eventwatch run --engine ray` as from `eventwatch process` (order aside).

Runs both commands on the same input (default: the 2,225 BBC articles), then compares the
records by id: events, actors, quotes, places, text and metadata. Prints counts, wall times and
any difference.

    python benchmarks/ray_vs_process.py                       # BBC corpus, 2 Ray workers, -j 1
    python benchmarks/ray_vs_process.py --n 300 --workers 2 --jobs 2
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from itertools import islice
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = next((p / "shared" for p in ROOT.parents if (p / "shared" / "corpora").is_dir()), ROOT.parent / "shared")
CORPUS = SHARED / "corpora" / "bbc_news_2004_2005.jsonl"
EW = str(Path(sys.executable).with_name("eventwatch"))
PARTS = ("events", "actors", "quotes", "places")


def timed(cmd: list[str], **kw) -> float:
    t0 = time.perf_counter()
    subprocess.run(cmd, check=True, **kw)
    return time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", default=str(CORPUS))
    ap.add_argument("--n", type=int, help="only the first N articles")
    ap.add_argument("--workers", type=int, default=2, help="Ray actors (default 2)")
    ap.add_argument("--jobs", type=int, default=1, help="-j for eventwatch process (default 1)")
    args = ap.parse_args()

    sys.path.insert(0, str(ROOT / "src"))
    from eventwatch.scale.parquet import read_records

    with tempfile.TemporaryDirectory() as tmp:
        inp = args.corpus
        if args.n:
            inp = os.path.join(tmp, "input.jsonl")
            with open(args.corpus, encoding="utf-8") as src, open(inp, "w", encoding="utf-8") as dst:
                dst.writelines(islice(src, args.n))
        out_jsonl, out_dir = os.path.join(tmp, "process.jsonl"), os.path.join(tmp, "ray_out")
        with open(out_jsonl, "w") as fh:
            t_proc = timed([EW, "process", inp, "-q", "-j", str(args.jobs)], stdout=fh)
        t_ray = timed([EW, "run", "--engine", "ray", inp, "--out", out_dir, "--workers", str(args.workers), "-q"])
        proc = {d["id"]: d for d in map(json.loads, open(out_jsonl, encoding="utf-8"))}
        ray = {r.id: r.to_dict() for r in read_records(out_dir)}

    print(f"input: {inp if not args.n else f'first {args.n} of {args.corpus}'}")
    print(f"eventwatch process -j {args.jobs}: {len(proc)} records in {t_proc:.0f} s; "
          f"eventwatch run --engine ray --workers {args.workers}: {len(ray)} records in {t_ray:.0f} s")
    print("ids equal:", set(proc) == set(ray))
    for part in PARTS:
        a = sum(len(d[part]) for d in proc.values())
        b = sum(len(d[part]) for d in ray.values())
        same = sum(1 for k in proc if k in ray and proc[k][part] == ray[k][part])
        print(f"{part:7s} process {a:6d}  ray {b:6d}  articles with identical {part}: {same}/{len(proc)}")
    diff = [k for k in proc if k in ray and {**proc[k], "location": None} != {**ray[k], "location": None}]
    print(f"records differing (location aside): {len(diff)}" + (f" e.g. {diff[:5]}" if diff else ""))


if __name__ == "__main__":
    main()
