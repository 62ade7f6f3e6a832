"""Server-side cost per API request, in-process: CPU ms per request (and optionally a cProfile).

Runs the JSON API app (eventwatch.api.create_app: no dashboard response cache) in this process
through FastAPI's TestClient, one request at a time, over the same URLs as bench_api.py, and prints
the process CPU time (user + system, all threads, so DuckDB's too) per request: it does not depend
on the machine's load. The TestClient's own work is included (the same for any server code).
``--profile N``: cProfile of the app's event-loop thread (endpoints run in FastAPI's thread pool,
so sync endpoint code shows only in the wall time there; use py-spy for a whole-process view).
Needs a database built by bench_api.py (``--db FILE`` there keeps it). Run:
  .venv/bin/python benchmarks/profile_api.py --db /tmp/bench.duckdb [--requests 40] [--profile 15]
"""
from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import random
import resource
import sys
import time
from datetime import date, timedelta

from fastapi.testclient import TestClient

from eventwatch.api import create_app

COUNTRIES = "AFG BRA CHN DEU IND NGA RUS SYR UKR USA".split()


def cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def suites(n: int) -> dict[str, list[str]]:
    rng = random.Random(7)
    ev = []
    for _ in range(n):
        since = date(2023, 1, 1) + timedelta(days=rng.randrange(0, 640))
        ev.append(f"/api/events?country={rng.choice(COUNTRIES)}&since={since}&until={since + timedelta(days=89)}"
                  "&limit=100")
    return {
        "/api/events country+90 days, page of 100, with total": ev,
        "/api/events same, without total": [u + "&total=false" for u in ev],
        "/api/trends one year, per day": ["/api/trends?since=2023-01-01&until=2023-12-31"] * n,
        "/api/trends one year, per day, one country": [
            f"/api/trends?since=2023-01-01&until=2023-12-31&country={rng.choice(COUNTRIES)}" for _ in range(n)],
        "/api/trends one year, by country per week, top 20": [
            "/api/trends?since=2023-01-01&until=2023-12-31&by=country&interval=week&top=20"] * n,
        "/api/alerts by country, last 35 days": ["/api/alerts?since=2024-11-27&until=2024-12-31"] * max(3, n // 8),
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", required=True)
    ap.add_argument("--requests", type=int, default=40)
    ap.add_argument("--profile", type=int, default=0, help="print the top N functions (cumulative) per endpoint")
    args = ap.parse_args()
    with TestClient(create_app(args.db)) as client:  # one event loop thread for all requests
        run(client, args)
    return 0


def run(client: TestClient, args) -> None:
    print(f"{'endpoint':52} {'CPU ms/req':>10} {'wall ms/req':>11}")
    for name, urls in suites(max(3, min(args.requests, 1000))).items():
        assert client.get(urls[0]).status_code == 200  # warm-up (and a check)
        prof = cProfile.Profile() if args.profile else None
        t0, c0 = time.perf_counter(), cpu()
        if prof:
            prof.enable()
        for url in urls:
            client.get(url)
        if prof:
            prof.disable()
        n = len(urls)
        print(f"{name:52} {1000 * (cpu() - c0) / n:10.1f} {1000 * (time.perf_counter() - t0) / n:11.1f}", flush=True)
        if prof:
            out = io.StringIO()
            pstats.Stats(prof, stream=out).sort_stats("cumulative").print_stats(args.profile)
            print("\n".join(out.getvalue().splitlines()[6:]))


if __name__ == "__main__":
    sys.exit(main())
