"""Body extraction on the shared gold pages: eventwatch vs plain trafilatura on the same pages.

usage: .venv/bin/python benchmarks/bench_pages.py [GOLD_DIR ...]
(default: ../shared/gold/pages/readability_testpages_news ../shared/gold/pages/trafilatura_eval_en_news)
"""
import sys
from pathlib import Path

from eventwatch.eval.pages import evaluate, report

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = [ROOT.parent / "shared/gold/pages/readability_testpages_news", ROOT.parent / "shared/gold/pages/trafilatura_eval_en_news"]

if __name__ == "__main__":
    paths = sys.argv[1:] or [str(p) for p in DEFAULT]
    for p in paths:
        print(f"== {p}")
        print(report(evaluate([p])))
