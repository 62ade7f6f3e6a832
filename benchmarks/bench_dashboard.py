"""Dashboard render times in a real browser on a large synthetic store (default 1,000,000 events).

Builds the store with branch store's generator (``benchmarks/bench_api.py: build``) unless --db names an
existing file. Runs the dashboard app on 127.0.0.1 (a free port) in its own process twice: without the
response cache (every load runs every query), then as `eventwatch serve` runs it (aggregates cached,
the unfiltered views' aggregates computed at start; timing starts once that warm-up is done). Each view
is loaded in headless Debian Chromium (Playwright) at 1280x800 with a fresh page per run; a view's time
is measured from navigation start (performance.now() in the page) to two moments the app marks:
"drawn" (the main content: overview cards/tables, timeline chart, map circles and outlines, network)
and "complete" (also the slower extras: the overview's alerts, the timeline's alert markers). Also a
filtered variant (one country, 90 days; never warmed). Reported: the first load, medians of the
following ones, and the max. Target: < 2 s.
Run:
  .venv/bin/python benchmarks/bench_dashboard.py [--events 1000000] [--db FILE] [--runs 5]
"""
from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).parent))

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
VIEWS = [("overview", "/"), ("timeline", "/timeline"), ("map", "/map"), ("network", "/network")]
FILTERED = "?country=SYR&since=2024-06-01&until=2024-08-29"
TARGET_S = 2.0


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


SERVER = """
import sys, uvicorn
from eventwatch.web import create_app
db, port, cache = sys.argv[1], int(sys.argv[2]), sys.argv[3] == "cache"
uvicorn.run(create_app(db, warm=cache, cache=cache), host="127.0.0.1", port=port, log_level="warning")
"""


def serve(db: str, port: int, cache: bool) -> subprocess.Popen:
    """The dashboard app in its own process: as `eventwatch serve` (cache, warmed) or with no cache."""
    cmd = [sys.executable, "-c", SERVER, db, str(port), "cache" if cache else "nocache"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 300
    probe = f"http://127.0.0.1:{port}/api/alerts?limit=1000"  # the last query the warm-up makes
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"server exited: {proc.stderr.read()}")
        try:
            if not cache and httpx.get(f"http://127.0.0.1:{port}/static/app.js", timeout=5).status_code == 200:
                return proc
            if cache and httpx.get(probe, timeout=300).headers.get("x-eventwatch-cache") == "hit":
                return proc
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    proc.terminate()
    raise SystemExit("server did not start")


def load(browser, url: str, view: str, shot: Path | None = None) -> tuple[float, float]:
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    try:
        page.goto(url)
        page.wait_for_selector(f"body[data-ready='{view}']", timeout=120_000)
        if shot:
            shot.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(shot))
        drawn = int(page.get_attribute("body", "data-drawn-ms")) / 1000
        return drawn, int(page.get_attribute("body", "data-ready-ms")) / 1000
    finally:
        context.close()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--db", help="an existing store to use (else one is built in a temporary folder)")
    ap.add_argument("--runs", type=int, default=5, help="loads per view (the first is reported apart)")
    ap.add_argument("--shots", type=Path, help="save a screenshot of each view here (e.g. artifacts/screenshots/1m)")
    args = ap.parse_args()
    if not Path(CHROMIUM).exists():
        print(f"{CHROMIUM} is missing: run scripts/install-browser.sh", file=sys.stderr)
        return 2
    from playwright.sync_api import sync_playwright

    tmp = None
    db = args.db
    if not db or not Path(db).exists():
        from bench_api import build  # branch store's synthetic generator

        if not db:
            tmp = tempfile.TemporaryDirectory(prefix="ew-bench-dash-")
            db = os.path.join(tmp.name, "bench.duckdb")
        build(Path(db), args.events)
    worst = {}
    for cache in (False, True):
        port = free_port()
        started = time.perf_counter()
        proc = serve(db, port, cache)
        base = f"http://127.0.0.1:{port}"
        mode = "as `eventwatch serve` (aggregates cached, warmed at start)" if cache else "no response cache"
        try:
            n = httpx.get(base + "/api/summary", timeout=300).json()["events"]
            print(f"\n{mode}: server ready in {time.perf_counter() - started:.1f} s")
            print(f"store: {db} ({n:,} events); chromium; viewport 1280x800; {args.runs} loads per view; "
                  f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
            print(f"{'view':<22} {'first: drawn / complete s':>26} {'median drawn':>13} {'median complete':>16} "
                  f"{'max complete':>13}  < {TARGET_S:.0f} s")
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
                for suffix, label in (("", ""), (FILTERED, " (filtered)")):
                    for view, path in VIEWS:
                        shot = args.shots / f"{view}{'_filtered' if suffix else ''}.png" if args.shots and cache else None
                        times = [load(browser, base + path + suffix, view, shot if i == 0 else None)
                                 for i in range(args.runs)]
                        rest = times[1:] or times
                        worst_complete = max(t[1] for t in times)
                        if view != "network":
                            d, c = worst.get(cache, (0.0, 0.0))
                            worst[cache] = (max(d, max(t[0] for t in times)), max(c, worst_complete))
                        ok = "yes" if worst_complete < TARGET_S else "NO"
                        first = f"{times[0][0]:.2f} / {times[0][1]:.2f}"
                        print(f"{view + label:<22} {first:>26} {statistics.median(t[0] for t in rest):>13.2f} "
                              f"{statistics.median(t[1] for t in rest):>16.2f} {worst_complete:>13.2f}  {ok}", flush=True)
                browser.close()
        finally:
            proc.terminate()
            proc.wait(timeout=30)
    if tmp:
        tmp.cleanup()
    for cache, label in ((False, "without cache"), (True, "as served")):
        print(f"slowest overview/timeline/map load {label}: drawn {worst[cache][0]:.2f} s, "
              f"complete {worst[cache][1]:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
