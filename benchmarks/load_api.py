"""Load test on loopback: sustained concurrent requests on /api/events and /api/trends.

Builds (or reuses, --db) the synthetic 1,000,000-event store of bench_api.py, starts `eventwatch serve`
(one uvicorn worker) on 127.0.0.1, and for --seconds per phase keeps --concurrency client threads
busy, each in a bounded loop (it stops at the phase's end or after --max-requests in all):
  events  /api/events filtered by a random country and 90-day range, page of 100, with the total count
  trends  /api/trends over a random 1-year window, per day, all events or one random country
          (random windows, so the dashboard's response cache rarely answers)
  mixed   (--phases mixed) the above with /api/summary, /api/alerts and full exports (GDELT, CSV,
          PLOVER: one request in six); the latencies are reported apart for exports and the rest
Prints per phase: requests, throughput, p50/p99/max latency, errors (non-200 or transport errors),
and the server's resident memory (VmRSS) before and after. Only 127.0.0.1 is contacted.

  .venv/bin/python benchmarks/load_api.py [--db /tmp/load1m.duckdb] [--seconds 60] [--concurrency 4]
"""
from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import threading
import time
from datetime import date, timedelta
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_api import COUNTRIES, build, free_port, wait_ready  # noqa: E402


def events_url(rng: random.Random) -> str:
    since = date(2023, 1, 1) + timedelta(days=rng.randrange(0, 640))
    return f"/api/events?country={rng.choice(COUNTRIES)}&since={since}&until={since + timedelta(days=89)}&limit=100"


def trends_url(rng: random.Random) -> str:
    since = date(2023, 1, 1) + timedelta(days=rng.randrange(0, 365))
    url = f"/api/trends?since={since}&until={since + timedelta(days=364)}"
    return url + (f"&country={rng.choice(COUNTRIES)}" if rng.random() < 0.5 else "")


def mixed_url(rng: random.Random) -> str:
    """The dashboard's mix with downloads (issue #23): events, trends, summary, alerts, and one request in
    six a full GDELT, CSV or PLOVER export of the store."""
    r = rng.random()
    if r < 1 / 6:
        return f"/api/export/{rng.choice(['gdelt', 'csv', 'plover'])}"
    if r < 0.4:
        return events_url(rng)
    if r < 0.6:
        return trends_url(rng)
    if r < 0.8:
        return f"/api/alerts?limit={rng.choice([50, 200, 1000])}"
    return f"/api/summary?country={rng.choice(COUNTRIES)}"


def rss_kb(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def phase(base: str, make_url, seconds: float, concurrency: int, max_requests: int, seed: int) -> dict:
    """Each thread: request, record, repeat until the deadline or the request budget is spent."""
    end = time.monotonic() + seconds
    lock = threading.Lock()
    times: list[float] = []
    export_times: list[float] = []
    errors: list[str] = []
    budget = [max_requests]

    def worker(k: int) -> None:
        rng = random.Random(seed * 1000 + k)
        with httpx.Client(base_url=base, timeout=30) as client:
            while time.monotonic() < end:
                with lock:
                    if budget[0] <= 0:
                        return
                    budget[0] -= 1
                url = make_url(rng)
                t0 = time.perf_counter()
                try:
                    status = client.get(url).status_code
                    err = None if status == 200 else f"HTTP {status}"
                except httpx.HTTPError as exc:
                    err = type(exc).__name__
                took = (time.perf_counter() - t0) * 1000
                with lock:
                    (export_times if url.startswith("/api/export") else times).append(took)
                    if err:
                        errors.append(err)

    t_start = time.monotonic()
    threads = [threading.Thread(target=worker, args=(k,)) for k in range(concurrency)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.monotonic() - t_start
    q = statistics.quantiles(times, n=100, method="inclusive") if len(times) > 1 else [times[0]] * 99
    xq = statistics.quantiles(export_times, n=100, method="inclusive") if len(export_times) > 1 else [0.0] * 99
    return {"requests": len(times), "seconds": wall, "rps": len(times) / wall, "p50": q[49], "p99": q[98],
            "max": max(times), "errors": len(errors), "error_kinds": sorted(set(errors)),
            "exports": len(export_times), "export_p50": xq[49], "export_p99": xq[98]}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", default=None, help="database to reuse or build (default: a temporary one)")
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--seconds", type=float, default=60.0, help="length of each phase")
    ap.add_argument("--concurrency", type=int, default=4)
    ap.add_argument("--max-requests", type=int, default=100_000, help="request budget per phase (bounded loops)")
    ap.add_argument("--phases", default="events,trends", help="comma-separated: events, trends, mixed (with exports and alerts)")
    args = ap.parse_args()
    import tempfile

    tmp = tempfile.TemporaryDirectory()
    path = Path(args.db) if args.db else Path(tmp.name) / "load.duckdb"
    if not path.exists():
        build(path, args.events)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    exe = Path(sys.executable).with_name("eventwatch")
    proc = subprocess.Popen([str(exe), "serve", "--db", str(path), "--host", "127.0.0.1", "--port", str(port)],
                            stderr=subprocess.DEVNULL, env={**os.environ})
    try:
        wait_ready(base, proc)
        warm = random.Random(0)
        with httpx.Client(base_url=base, timeout=60) as c:
            for _ in range(5):
                c.get(events_url(warm))
                c.get(trends_url(warm))
        print(f"load test: {path.name}, {args.concurrency} concurrent clients, {args.seconds:g} s per phase, "
              f"one uvicorn worker on 127.0.0.1, machine load average {os.getloadavg()[0]:.1f} at start")
        print(f"{'phase':8} {'requests':>8} {'req/s':>7} {'p50 ms':>8} {'p99 ms':>8} {'max ms':>8} {'errors':>6} "
              f"{'server RSS before':>18} {'after':>8}")
        phases = {"events": (events_url, 1), "trends": (trends_url, 2), "mixed": (mixed_url, 3)}
        for name in args.phases.split(","):
            make, seed = phases[name]
            before = rss_kb(proc.pid)
            r = phase(base, make, args.seconds, args.concurrency, args.max_requests, seed)
            after = rss_kb(proc.pid)
            print(f"{name:8} {r['requests']:8d} {r['rps']:7.1f} {r['p50']:8.1f} {r['p99']:8.1f} {r['max']:8.1f} "
                  f"{r['errors']:6d} {before / 1024:15.0f} MB {after / 1024:5.0f} MB"
                  + (f"  ({', '.join(r['error_kinds'])})" if r["errors"] else ""), flush=True)
            if r["exports"]:
                print(f"{'':8} (latencies above without exports; {r['exports']} exports: p50 {r['export_p50']:.0f} ms, "
                      f"p99 {r['export_p99']:.0f} ms)", flush=True)
        print(f"machine load average at the end: {os.getloadavg()[0]:.1f}")
    finally:
        proc.terminate()
        proc.wait(10)
        tmp.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
