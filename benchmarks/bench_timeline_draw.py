"""Timeline first-draw time in Chromium on the small hand-built store of the browser tests.

Measures what the chart library costs, not the queries (65 events): the time from navigation start to
the moment the app marks the timeline "drawn" (``body[data-drawn-ms]``), loading /timeline
- "cold": a new browser context per load (nothing cached: echarts.min.js is fetched and compiled);
- "reload": the same context reloading the page (the file comes from the browser's cache, revalidated).
Run it once with this tree and once with another to compare (the store and the server are the same code):
  PYTHONPATH=src .venv/bin/python benchmarks/bench_timeline_draw.py [--runs 6]
  PYTHONPATH=/path/to/other/src .venv/bin/python benchmarks/bench_timeline_draw.py
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

TESTS = Path(__file__).resolve().parents[1] / "tests"
sys.path.insert(0, str(TESTS))


def draw_times(url: str, browser, runs: int, fresh: bool) -> list[float]:
    ctx, times = None, []
    for _ in range(runs):
        if fresh or ctx is None:
            if ctx is not None:
                ctx.close()
            ctx = browser.new_context(viewport={"width": 1280, "height": 800})
            page = ctx.new_page()
        page.goto(url + "/timeline")
        page.wait_for_selector("body[data-ready='timeline']", timeout=30000)
        times.append(float(page.evaluate("document.body.dataset.drawnMs")))
    ctx.close()
    return times


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=6)
    args = ap.parse_args()
    import web_records
    from playwright.sync_api import sync_playwright
    from test_browser import ARGS, CHROMIUM, ServerThread

    import eventwatch
    from eventwatch.store import Store

    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "timeline.duckdb")
        with Store(db) as store:
            store.write(web_records.records())
        with ServerThread(db) as url, sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
            draw_times(url, browser, 1, True)  # the browser's own first start
            result = {"cold": draw_times(url, browser, args.runs, True),
                      "reload": draw_times(url, browser, args.runs + 1, False)[1:]}
            browser.close()
    print(f"eventwatch from {Path(eventwatch.__file__).parent}")
    for name, times in result.items():
        print(f"timeline drawn, {name}: median {statistics.median(times):.0f} ms "
              f"(runs: {', '.join(f'{t:.0f}' for t in times)})")


if __name__ == "__main__":
    main()
