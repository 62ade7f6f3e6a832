"""Same output? Compare two commits' records and store query results on the same inputs.

    python benchmarks/compare_outputs.py REV_A REV_B [--n-bbc 1000] [--n-reuters 300] [-j 1]

Each commit is checked out into a temporary git worktree and run with its own ``src`` on PYTHONPATH
(the interpreter is this one, normally /work/main/.venv/bin/python), under ``nice -n 10``. Inputs:
the seed page (../shared/examples/000_dbc812d47cc6aa93.txt, --date 2021-08-14), the first N BBC
articles (../shared/corpora/bbc_news_2004_2005.jsonl, --date 2005-06-01 as they carry none) and the
first N Reuters articles (reuters21578_political_subset.jsonl). The subsets are written to one temporary
folder that both commits read, so ``location`` fields agree.

Per commit, one driver process (one spaCy load) runs ``eventwatch process`` on each input set, loads
the records (``Record.from_dict``) into a fresh DuckDB through ``Store.write`` (what ``eventwatch
ingest`` does after processing), and runs a fixed list of queries through the CLI (events with each
filter, trends by each key, exports gdelt/gdelt-mentions/plover/csv) and the Python API (top actors,
summary). Records are compared field by field with timing fields removed (the run's own stamps, such
as GDELT's DATEADDED, are masked); query outputs line by line. A result with the same lines in another
order (those queries have no total order), or equal but for the last digits of a decimal (DuckDB adds
floats in parallel, in no fixed order: two builds of the same records by the same commit differ there,
in other queries each time), is named but not counted as different.

Prints counts of identical and different records and queries and the first differences; exit 1 on any
difference, 2 when a commit fails to run. Progress goes to stderr.
"""
from __future__ import annotations

import argparse
import json
import math
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = (ROOT.parent / "shared") if (ROOT.parent / "shared").is_dir() else Path("/work/shared")
SEED = SHARED / "examples" / "000_dbc812d47cc6aa93.txt"
BBC = SHARED / "corpora" / "bbc_news_2004_2005.jsonl"
REUTERS = SHARED / "corpora" / "reuters21578_political_subset.jsonl"
TIMING_KEYS = {"timings", "timing", "elapsed", "elapsed_s", "elapsed_ms", "duration", "duration_ms",
               "seconds", "processed_at", "ingested_at", "created_at"}

# (name, CLI arguments after "--db DB"); the events filters each on their own, then combined.
QUERIES: list[tuple[str, list[str]]] = [
    ("events_all", ["events", "--format", "jsonl"]),
    ("events_unique", ["events", "--format", "jsonl", "--unique"]),
    ("events_country_GBR", ["events", "--format", "jsonl", "--country", "GBR"]),
    ("events_country_USA", ["events", "--format", "jsonl", "--country", "USA"]),
    ("events_country_AFG", ["events", "--format", "jsonl", "--country", "AFG"]),
    ("events_actor_taliban", ["events", "--format", "jsonl", "--actor", "taliban"]),
    ("events_actor_blair", ["events", "--format", "jsonl", "--actor", "blair"]),
    ("events_root_14_18_19", ["events", "--format", "jsonl", "--root", "14,18,19"]),
    ("events_cameo_04", ["events", "--format", "jsonl", "--cameo", "04"]),
    ("events_plover_ACCUSE", ["events", "--format", "jsonl", "--plover", "ACCUSE,THREATEN"]),
    ("events_quad_4", ["events", "--format", "jsonl", "--quad-class", "4"]),
    ("events_since_until", ["events", "--format", "jsonl", "--since", "1987-01-01", "--until", "1987-12-31"]),
    ("events_text_minister", ["events", "--format", "jsonl", "--text", "minister"]),
    ("events_outlet_AT", ["events", "--format", "jsonl", "--outlet", "AT News"]),
    ("events_combined", ["events", "--format", "jsonl", "--country", "USA", "--quad-class", "1,2",
                         "--since", "1987-01-01"]),
    ("events_limit_20", ["events", "--format", "jsonl", "--limit", "20"]),
    ("export_csv", ["events", "--format", "csv"]),
    ("export_gdelt", ["events", "--format", "gdelt"]),
    ("export_gdelt_mentions", ["events", "--format", "gdelt-mentions"]),
    ("export_plover", ["events", "--format", "plover"]),
] + [(f"trends_{by}", ["trends", "--format", "jsonl", "--by", by, "--interval", "month"])
     for by in ("all", "country", "source_country", "target_country", "dyad", "country_dyad", "root",
                "plover", "quad_class")] + [
    ("trends_country_week_top5", ["trends", "--format", "jsonl", "--by", "country", "--interval", "week",
                                  "--top", "5"]),
]

# Runs inside each commit's worktree (its src on PYTHONPATH). argv: spec.json
DRIVER = r'''
import json, sys, traceback
from pathlib import Path

spec = json.loads(Path(sys.argv[1]).read_text())
out = Path(spec["out"])
from eventwatch.cli import main


def cli(argv, path):
    old = sys.stdout
    with open(path, "w", encoding="utf-8") as fh:
        sys.stdout = fh
        try:
            rc = main(argv)
        except SystemExit as exc:
            rc = exc.code
        except Exception:
            fh.write("DRIVER EXCEPTION\n" + traceback.format_exc())
            rc = 99
        finally:
            sys.stdout = old
    return rc


for name, argv in spec["inputs"]:
    rc = cli(["process", "-q", *spec["jobs"], *argv], out / f"records_{name}.jsonl")
    print(f"driver: processed {name} (exit {rc})", file=sys.stderr)

from eventwatch.model import Record
from eventwatch.store import Store

db = str(out / "store.duckdb")
with Store(db) as store:
    for name, _ in spec["inputs"]:
        with open(out / f"records_{name}.jsonl", encoding="utf-8") as fh:
            store.write([Record.from_dict(json.loads(line)) for line in fh if line.startswith("{")])
print("driver: stored", file=sys.stderr)

for name, argv in spec["queries"]:
    cli([argv[0], "--db", db, "-q", *argv[1:]], out / f"query_{name}.txt")


def api(name, call):
    try:
        import eventwatch
        text = call(eventwatch.open(db))
    except Exception:
        text = "DRIVER EXCEPTION\n" + traceback.format_exc(limit=2)
    (out / f"query_{name}.txt").write_text(text, encoding="utf-8")


api("api_top_actors", lambda d: d.actors(limit=50).to_json(orient="records", lines=True, date_format="iso"))
api("api_dyads", lambda d: d.dyads(limit=50).to_json(orient="records", lines=True, date_format="iso"))
api("api_summary", lambda d: json.dumps(d.summary(), sort_keys=True, default=str))
print("driver: queried", file=sys.stderr)
'''


def git(*args: str) -> str:
    return subprocess.run(["git", *args], cwd=ROOT, check=True, capture_output=True, text=True).stdout.strip()


def head_lines(src: Path, n: int, dest: Path) -> Path:
    with open(src, encoding="utf-8") as fh, open(dest, "w", encoding="utf-8") as out:
        for i, line in enumerate(fh):
            if i >= n:
                break
            out.write(line)
    return dest


def make_inputs(tmp: Path, n_bbc: int, n_reuters: int) -> list[tuple[str, list[str]]]:
    inputs = [("seed", [str(SEED), "--date", "2021-08-14"])]
    if n_bbc:
        inputs.append(("bbc", [str(head_lines(BBC, n_bbc, tmp / "bbc.jsonl")), "--date", "2005-06-01"]))
    if n_reuters:
        inputs.append(("reuters", [str(head_lines(REUTERS, n_reuters, tmp / "reuters.jsonl"))]))
    return inputs


def run_commit(rev: str, tmp: Path, label: str, spec: dict) -> Path:
    wt, out = tmp / f"wt_{label}", tmp / f"out_{label}"
    out.mkdir()
    git("worktree", "add", "--detach", str(wt), rev)
    try:
        spec_path = out / "spec.json"
        spec_path.write_text(json.dumps({**spec, "out": str(out)}))
        env = {**os.environ, "PYTHONPATH": str(wt / "src")}
        print(f"compare: running {label} = {rev} ({git('rev-parse', '--short', rev)})", file=sys.stderr)
        done = subprocess.run(["nice", "-n", "10", sys.executable, str(tmp / "driver.py"), str(spec_path)],
                              cwd=tmp, env=env)
        if done.returncode != 0:
            print(f"compare: the driver failed for {rev} (exit {done.returncode})", file=sys.stderr)
            raise SystemExit(2)
    finally:
        git("worktree", "remove", "--force", str(wt))
    return out


def strip_timings(obj):
    if isinstance(obj, dict):
        return {k: strip_timings(v) for k, v in obj.items() if k not in TIMING_KEYS}
    if isinstance(obj, list):
        return [strip_timings(v) for v in obj]
    return obj


def first_difference(a, b, path: str = "") -> str:
    """The first path where two JSON values differ, with both values (shortened)."""
    if isinstance(a, dict) and isinstance(b, dict):
        for k in list(a) + [k for k in b if k not in a]:
            if a.get(k, "<missing>") != b.get(k, "<missing>"):
                return first_difference(a.get(k, "<missing>"), b.get(k, "<missing>"), f"{path}.{k}")
    if isinstance(a, list) and isinstance(b, list):
        for i, (x, y) in enumerate(zip(a, b)):
            if x != y:
                return first_difference(x, y, f"{path}[{i}]")
        if len(a) != len(b):
            return f"{path}: {len(a)} vs {len(b)} items"
    return f"{path}: {json.dumps(a, ensure_ascii=False)[:160]} vs {json.dumps(b, ensure_ascii=False)[:160]}"


def load_records(path: Path) -> dict[str, dict]:
    rows = {}
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh):
            d = json.loads(line) if line.startswith("{") else {"id": f"<line {n}>", "raw": line}
            rows[d.get("id") or f"<line {n}>"] = strip_timings(d)
    return rows


def compare_records(a_dir: Path, b_dir: Path, names: list[str]) -> tuple[int, list[str]]:
    same, diffs = 0, []
    for name in names:
        a, b = load_records(a_dir / f"records_{name}.jsonl"), load_records(b_dir / f"records_{name}.jsonl")
        for rid in list(a) + [r for r in b if r not in a]:
            if a.get(rid) == b.get(rid):
                same += 1
            elif rid not in a or rid not in b:
                diffs.append(f"{name}/{rid}: only in {'B' if rid not in a else 'A'}")
            else:
                diffs.append(f"{name}/{rid}{first_difference(a[rid], b[rid])}")
    return same, diffs


def run_stamps(days: set[str]) -> re.Pattern:
    """Stamps of the run itself (GDELT DATEADDED, ISO times) on the days the comparison ran: timings."""
    alt = "|".join(sorted(days))
    iso = "|".join(sorted(f"{d[:4]}-{d[4:6]}-{d[6:]}" for d in days))
    return re.compile(rf"\b(?:{alt})\d{{6}}\b|\b(?:{iso})[T ]\d\d:\d\d:\d\d(?:\.\d+)?")


def read_query(path: Path, stamps: re.Pattern) -> list[str]:
    return stamps.sub("<run time>", path.read_text(encoding="utf-8")).splitlines()


NUMBER = re.compile(r"-?\d+\.\d+(?:[eE][-+]?\d+)?")


def same_but_rounding(a: list[str], b: list[str]) -> bool:
    """Lines equal but for the last digits of decimals (DuckDB sums floats in parallel, in no fixed order)."""
    if len(a) != len(b):
        return False
    for x, y in zip(a, b):
        if NUMBER.sub("#", x) != NUMBER.sub("#", y):
            return False
        for u, v in zip(NUMBER.findall(x), NUMBER.findall(y)):
            if not math.isclose(float(u), float(v), rel_tol=1e-9, abs_tol=1e-12):
                return False
    return True


def compare_queries(a_dir: Path, b_dir: Path, names: list[str], stamps: re.Pattern) -> tuple[int, list[str], list[str]]:
    """(identical, differences, notes): a result with the same lines in another order, or equal but for
    float rounding in the last digits, counts as identical and is named in the notes."""
    same, diffs, notes = 0, [], []
    for name in names:
        a = read_query(a_dir / f"query_{name}.txt", stamps)
        b = read_query(b_dir / f"query_{name}.txt", stamps)
        if a == b:
            same += 1
        elif sorted(a) == sorted(b):
            same += 1
            notes.append(f"{name} (other order)")
        elif same_but_rounding(a, b) or same_but_rounding(sorted(a), sorted(b)):
            same += 1
            notes.append(f"{name} (float rounding)")
        else:
            i = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
            diffs.append(f"{name}: {len(a)} vs {len(b)} lines; first at line {i + 1}:\n"
                         f"    A: {(a[i] if i < len(a) else '<end>')[:240]}\n"
                         f"    B: {(b[i] if i < len(b) else '<end>')[:240]}")
    return same, diffs, notes


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("rev_a")
    ap.add_argument("rev_b")
    ap.add_argument("--n-bbc", type=int, default=1000, help="first N BBC articles (default 1000)")
    ap.add_argument("--n-reuters", type=int, default=300, help="first N Reuters articles (default 300)")
    ap.add_argument("-j", "--jobs", type=int, default=1, help="worker processes for process (default 1)")
    ap.add_argument("--show", type=int, default=10, help="differences to print (default 10)")
    ap.add_argument("--keep", action="store_true", help="keep the temporary folder (outputs, databases)")
    args = ap.parse_args(argv)

    days = {time.strftime("%Y%m%d", time.gmtime()), time.strftime("%Y%m%d")}
    tmp = Path(tempfile.mkdtemp(prefix="ew-compare-"))
    (tmp / "driver.py").write_text(DRIVER)
    inputs = make_inputs(tmp, args.n_bbc, args.n_reuters)
    spec = {"inputs": inputs, "queries": QUERIES, "jobs": ["-j", str(args.jobs)] if args.jobs > 1 else []}
    a_dir = run_commit(args.rev_a, tmp, "A", spec)
    b_dir = run_commit(args.rev_b, tmp, "B", spec)

    names = [n for n, _ in inputs]
    r_same, r_diff = compare_records(a_dir, b_dir, names)
    q_names = [n for n, _ in QUERIES] + ["api_top_actors", "api_dyads", "api_summary"]
    days |= {time.strftime("%Y%m%d", time.gmtime()), time.strftime("%Y%m%d")}
    q_same, q_diff, reordered = compare_queries(a_dir, b_dir, q_names, run_stamps(days))
    n_events = sum(1 for _ in open(a_dir / "query_events_all.txt", encoding="utf-8"))
    print(f"A = {args.rev_a}, B = {args.rev_b}; inputs: " + ", ".join(names) +
          f" (bbc {args.n_bbc}, reuters {args.n_reuters}); {n_events} stored events in A")
    print(f"records: {r_same} identical, {len(r_diff)} different")
    print(f"queries: {q_same} identical, {len(q_diff)} different" +
          (f" (of the identical, {len(reordered)} only up to row order or float rounding: {', '.join(reordered)})"
           if reordered else ""))
    empty = [n for n in q_names if not (a_dir / f"query_{n}.txt").read_text(encoding="utf-8").strip()]
    broken = [n for n in q_names if "DRIVER EXCEPTION" in (a_dir / f"query_{n}.txt").read_text(encoding="utf-8")]
    if empty:
        print(f"note: empty in A (the filter matched nothing): {', '.join(empty)}")
    if broken:
        print(f"WARNING: the query raised in A: {', '.join(broken)}")
    for line in (r_diff + q_diff)[: args.show]:
        print("  DIFF " + line)
    if args.keep:
        print(f"outputs kept in {tmp}", file=sys.stderr)
    else:
        subprocess.run(["rm", "-rf", str(tmp)], check=False)
    return 1 if (r_diff or q_diff) else 0


if __name__ == "__main__":
    sys.exit(main())
