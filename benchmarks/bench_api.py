"""API latency on a large synthetic store: p50/p95 of /api/events and /api/trends under concurrency.

Builds (with DuckDB SQL, no Python loops) a store of --events synthetic events (default 1,000,000)
over two years, 60 countries, 400 actors, rebuilds the cross-article event groups, starts
`eventwatch serve --no-cache` (uvicorn, one process; no response cache, so every request runs its
queries) on 127.0.0.1, and sends a bounded number of concurrent requests:
  /api/events  filtered by country and a 90-day date range, page of 100 (with the total count)
  /api/trends  over one year (all events, per day) and by country per week (top 20)
Reports p50/p95/max latency, requests/s and the server's CPU time per request (user + system, from
/proc: it does not depend on how busy the machine is, latency does), with the load average.
Only loopback traffic. Run:
  .venv/bin/python benchmarks/bench_api.py [--events 1000000] [--requests 200] [--concurrency 4] [--db FILE]
"""
from __future__ import annotations

import argparse
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

from eventwatch.store import Store

COUNTRIES = ("AFG ARG AUS BGD BRA CAN CHN COD COL DEU EGY ESP ETH FRA GBR GHA IDN IND IRN IRQ ISR ITA JPN KEN "
             "KOR LBN LBY MEX MLI MMR NGA NLD PAK PER PHL POL PRK PSE QAT RUS SAU SDN SOM SSD SWE SYR THA TUR "
             "TZA UGA UKR USA VEN VNM YEM ZAF ZWE NER BFA HTI").split()
ROOTS = [("01", 1, 0.0, "AGREE"), ("02", 1, 3.0, "CONSULT"), ("03", 1, 4.0, "AGREE"), ("04", 1, 1.0, "CONSULT"),
         ("05", 1, 3.5, "COOPERATE"), ("06", 2, 6.0, "COOPERATE"), ("07", 2, 7.0, "AID"), ("08", 2, 5.0, "YIELD"),
         ("09", 3, -2.0, "INVESTIGATE"), ("10", 3, -5.0, "DEMAND"), ("11", 3, -2.0, "DISAPPROVE"),
         ("12", 3, -4.0, "REJECT"), ("13", 3, -6.0, "THREATEN"), ("14", 3, -6.5, "PROTEST"),
         ("15", 4, -7.2, "MOBILIZE"), ("16", 4, -4.0, "REDUCE"), ("17", 4, -7.0, "COERCE"),
         ("18", 4, -9.0, "ASSAULT"), ("19", 4, -10.0, "FIGHT"), ("20", 4, -10.0, "ASSAULT")]


def build(path: Path, n_events: int) -> float:
    t0 = time.perf_counter()
    store = Store(path)
    con = store.con
    con.execute("CREATE TEMP TABLE c AS SELECT unnest(?::VARCHAR[]) AS iso, generate_subscripts(?::VARCHAR[], 1) - 1 AS k",
                [COUNTRIES, COUNTRIES])
    con.execute("CREATE TEMP TABLE r AS SELECT * FROM (VALUES " + ",".join(
        f"({i}, '{root}', {q}, {g}, '{p}')" for i, (root, q, g, p) in enumerate(ROOTS)) + ") t(k, root, quad, gold, plover)")
    nc, nr = len(COUNTRIES), len(ROOTS)
    con.execute(f"""
        CREATE TEMP TABLE gen AS
        SELECT i, i // 4 AS art, i % 4 AS idx,
               hash(i, 1) % 400 AS sa, hash(i, 2) % 400 AS ta, hash(i, 3) % {nr} AS rk,
               hash(i, 4) % 2000 AS pl, (DATE '2023-01-01' + CAST(hash(i // 4, 5) % 730 AS INTEGER)) AS d,
               hash(i // 4, 6) % 40 AS outlet
        FROM range({int(n_events)}) t(i)""")
    con.execute(f"""
        INSERT INTO events
        SELECT 'art' || g.art, g.idx, 'actor:' || g.sa, 'actor:' || g.ta, r.root || '0', r.root, r.plover, r.quad, r.gold,
               g.d, CASE WHEN g.pl < 1500 THEN 'geonames:' || g.pl END, g.i % 97 = 0, g.i % 89 = 0,
               0, 60, 10, 16, 0.7, '{{}}',
               g.d, g.d, 'Outlet ' || g.outlet, 'https://example.org/' || g.art,
               'Actor ' || g.sa, cs.iso, upper(cs.iso) || 'GOV', ['GOV'],
               'Actor ' || g.ta, ct.iso, upper(ct.iso) || 'MIL', ['MIL'],
               CASE WHEN g.pl < 1500 THEN 'Place ' || g.pl END, CASE WHEN g.pl < 1500 THEN cp.iso END, NULL,
               CASE WHEN g.pl < 1500 THEN 'city' END, CASE WHEN g.pl < 1500 THEN g.pl END,
               CASE WHEN g.pl < 1500 THEN (g.pl % 140) - 70.0 END, CASE WHEN g.pl < 1500 THEN (g.pl % 340) - 170.0 END,
               coalesce(CASE WHEN g.pl < 1500 THEN cp.iso END, ct.iso),
               'Synthetic sentence number ' || g.i || ' about ' || r.plover || '.', NULL, g.idx = 0,
               concat_ws('|', 'actor:' || g.sa, 'actor:' || g.ta, r.root || '0',
                         coalesce(CASE WHEN g.pl < 1500 THEN 'geonames:' || g.pl END, ''),
                         CASE WHEN g.i % 97 = 0 THEN 'N' ELSE '' END, CASE WHEN g.i % 89 = 0 THEN 'H' ELSE '' END),
               NULL, NULL, NULL, NULL, NULL,
               false, 'day', NULL, NULL, NULL, NULL  -- background, date_precision (schema 4), evidence offsets (5)
        FROM gen g JOIN r ON r.k = g.rk
        JOIN c cs ON cs.k = g.sa % {nc} JOIN c ct ON ct.k = g.ta % {nc} JOIN c cp ON cp.k = g.pl % {nc}
        ORDER BY g.d, g.art, g.idx""")  # news arrive roughly in date order
    con.execute("""
        INSERT INTO articles
        SELECT 'art' || art, 'Synthetic article ' || art, 'Outlet ' || any_value(outlet), 'https://example.org/' || art,
               any_value(d), NULL, 'Synthetic text.', -1.5, NULL, '[]', 0, '{}', now(), count(*), 2, 0, 1
        FROM gen GROUP BY art""")
    con.execute("INSERT INTO actors SELECT 'actor:' || i, 'Actor ' || i, 'organization', NULL, ['GOV'], NULL, NULL, NULL "
                "FROM range(400) t(i)")
    con.execute("INSERT INTO places SELECT 'geonames:' || i, 'Place ' || i, i, (i % 140) - 70.0, (i % 340) - 170.0, "
                "NULL, NULL, 'city' FROM range(1500) t(i)")
    t1 = time.perf_counter()
    store.rebuild_groups()
    print(f"rebuilt event groups of {n_events:,} events in {time.perf_counter() - t1:.1f} s", flush=True)
    counts = store.counts()
    store.close()
    print(f"built {path}: {counts['events']:,} events, {counts['event_groups']:,} event groups, "
          f"{counts['articles']:,} articles in {time.perf_counter() - t0:.1f} s", flush=True)
    return time.perf_counter() - t0


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_ready(base: str, proc, timeout: float = 60) -> None:
    end = time.time() + timeout
    while time.time() < end:
        if proc.poll() is not None:
            raise RuntimeError("server exited")
        try:
            if httpx.get(base + "/api/summary", timeout=30).status_code == 200:
                return
        except httpx.HTTPError:
            time.sleep(0.3)
    raise RuntimeError("server did not start")


def measure(base: str, urls: list[str], concurrency: int) -> tuple[list[float], int]:
    errors = 0
    with httpx.Client(base_url=base, timeout=30, limits=httpx.Limits(max_connections=concurrency)) as client:
        def one(url):
            t = time.perf_counter()
            r = client.get(url)
            return time.perf_counter() - t, r.status_code

        with ThreadPoolExecutor(concurrency) as pool:
            results = list(pool.map(one, urls))
    times = [t * 1000 for t, status in results]
    errors = sum(1 for _, status in results if status != 200)
    return times, errors


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process (Linux /proc), to report CPU per request independent of load."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return float("nan")


def load() -> str:
    return " ".join(f"{x:.1f}" for x in os.getloadavg())


def pct(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100)[int(q) - 1]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--requests", type=int, default=200, help="requests per endpoint (bounded)")
    ap.add_argument("--concurrency", type=int, default=4)
    ap.add_argument("--db", help="reuse/build this database file (default: a temporary one)")
    args = ap.parse_args()
    n_req = max(20, min(args.requests, 5000))
    tmp = tempfile.TemporaryDirectory()
    path = Path(args.db) if args.db else Path(tmp.name) / "bench.duckdb"
    if not path.exists():
        build(path, args.events)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    exe = Path(sys.executable).with_name("eventwatch")
    proc = subprocess.Popen([str(exe), "serve", "--db", str(path), "--host", "127.0.0.1", "--port", str(port), "--no-cache"],
                            stderr=subprocess.DEVNULL, env={**os.environ})
    try:
        wait_ready(base, proc)
        rng = random.Random(7)
        suites = {}
        ev = []
        for _ in range(n_req):
            start = rng.randrange(0, 640)
            since = date(2023, 1, 1) + timedelta(days=start)
            until = since + timedelta(days=89)
            ev.append(f"/api/events?country={rng.choice(COUNTRIES)}&since={since}&until={until}&limit=100")
        suites["/api/events country+90 days, page of 100, with total"] = ev
        suites["/api/events same, without total"] = [u + "&total=false" for u in ev]
        suites["/api/trends one year, per day"] = [f"/api/trends?since=2023-01-01&until=2023-12-31&country={rng.choice(COUNTRIES)}"
                                                   if i % 2 else "/api/trends?since=2023-01-01&until=2023-12-31"
                                                   for i in range(n_req)]
        suites["/api/trends one year, by country per week, top 20"] = [
            "/api/trends?since=2023-01-01&until=2023-12-31&by=country&interval=week&top=20"] * n_req
        measure(base, ev[:10], 2)  # warm-up
        print(f"{n_req} requests per endpoint, {args.concurrency} concurrent, loopback, one uvicorn process, "
              f"no response cache; load average before (1/5/15 min): {load()} on {os.cpu_count()} CPUs")
        print(f"{'endpoint':58} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} {'req/s':>7} {'server CPU ms/req':>18} errors")
        for name, urls in suites.items():
            t0, c0 = time.perf_counter(), cpu_seconds(proc.pid)
            times, errors = measure(base, urls, args.concurrency)
            wall, cpu = time.perf_counter() - t0, cpu_seconds(proc.pid) - c0
            print(f"{name:58} {pct(times, 50):8.1f} {pct(times, 95):8.1f} {max(times):8.1f} "
                  f"{len(times) / wall:7.1f} {1000 * cpu / len(times):18.1f} {errors}")
        print(f"load average after: {load()}")
    finally:
        proc.terminate()
        proc.wait(10)
        tmp.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
