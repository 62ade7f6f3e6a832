"""Dashboard render times in a real browser on a large synthetic store (default 1,000,000 events).

Builds the store with branch store's generator (``benchmarks/bench_api.py: build``) unless --db names an
existing file, starts `eventwatch serve` on 127.0.0.1 (a free port), and loads each view in headless
Debian Chromium (Playwright) at 1280x800 with a fresh page per run. A view's time is from navigation
start to the moment all its panels are drawn (the app sets body[data-ready] and data-ready-ms =
performance.now()). The first run of a view is reported apart (cold DuckDB caches); then the median
and max of the following runs. Also a filtered variant (one country, 90 days). Target: < 2 s each.
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


def serve(db: str, port: int) -> subprocess.Popen:
    exe = Path(sys.executable).with_name("eventwatch")
    cmd = [str(exe), "serve", "--db", db, "--host", "127.0.0.1", "--port", str(port)]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"server exited: {proc.stderr.read()}")
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/summary?since=2100-01-01", timeout=5).status_code == 200:
                return proc
        except httpx.HTTPError:
            time.sleep(0.2)
    proc.terminate()
    raise SystemExit("server did not start")


def load(browser, url: str, view: str) -> float:
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    try:
        page.goto(url)
        page.wait_for_selector(f"body[data-ready='{view}']", timeout=120_000)
        return int(page.get_attribute("body", "data-ready-ms")) / 1000
    finally:
        context.close()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--db", help="an existing store to use (else one is built in a temporary folder)")
    ap.add_argument("--runs", type=int, default=5, help="loads per view (the first is reported as cold)")
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
    port = free_port()
    proc = serve(db, port)
    base = f"http://127.0.0.1:{port}"
    n = httpx.get(base + "/api/summary", timeout=120).json()["events"]
    print(f"store: {db} ({n:,} events); chromium {CHROMIUM}; viewport 1280x800; {args.runs} loads per view")
    print(f"{'view':<22} {'cold s':>7} {'median s':>9} {'max s':>7}  < {TARGET_S:.0f} s")
    worst = 0.0
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
            for suffix, label in (("", ""), (FILTERED, " (filtered)")):
                for view, path in VIEWS:
                    times = [load(browser, base + path + suffix, view) for _ in range(args.runs)]
                    warm = times[1:] or times
                    worst = max(worst, max(warm)) if view != "network" else worst
                    ok = "yes" if max(warm) < TARGET_S else "NO"
                    print(f"{view + label:<22} {times[0]:>7.2f} {statistics.median(warm):>9.2f} {max(warm):>7.2f}  {ok}",
                          flush=True)
            browser.close()
    finally:
        proc.terminate()
        proc.wait(timeout=30)
        if tmp:
            tmp.cleanup()
    print(f"slowest warm load of overview/timeline/map: {worst:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
