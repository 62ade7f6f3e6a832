"""Share of predicted quotes with a speaker name but no speaker actor id, per part of a quote label folder.

Counts only (no sentences), so held-out parts may be scored:
    PYTHONPATH=src EVENTWATCH_SHARED=/work/shared python scripts/labels/unlinked_speakers.py /work/main/labels/quotes
"""
from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from eventwatch.eval.quote_labels import read_labels
from eventwatch.eval.quotes import predict


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder")
    args = ap.parse_args()
    articles = read_labels(Path(args.folder))
    preds = predict(articles)
    named, unlinked = Counter(), Counter()
    for art, quotes in zip(articles, preds):
        for q in quotes:
            if q.get("speaker_name"):
                named[art["format"]] += 1
                unlinked[art["format"]] += q.get("speaker") is None
    for part in sorted(named):
        print(f"{part:18} named {named[part]:4}  no id {unlinked[part]:4}  share {unlinked[part] / named[part]:.3f}")


if __name__ == "__main__":
    main()
