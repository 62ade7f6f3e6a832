"""Wrong speakers by canonical name on the parts whose errors may be read (own set tune, tune2, tune3; GGT tune half).

    PYTHONPATH=src EVENTWATCH_SHARED=/work/shared /work/main/.venv/bin/python scripts/labels/speaker_misses.py
    ... scripts/labels/speaker_misses.py --parts tune2 --context 300 --out /tmp/misses.jsonl

Only read parts are predicted at all: the measure, measure2 and GGT measure articles are dropped before
eventwatch runs, so their errors cannot be printed by mistake. Each miss shows the gold and predicted
name, the gold and predicted mention, the category (eval.quotes._error_category) and the text from a
little before the gold speaker mention to the quote's end.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

from eventwatch.eval.quote_halves import half_of
from eventwatch.eval.quotes import match, predict, read_gold, same_speaker, _error_category

READ_PARTS = ("tune", "tune2", "tune3", "ggt")  # never measure, measure2 or the GGT measure half
LABELS = Path(__file__).resolve().parents[2] / "labels" / "quotes"
GGT = "/work/shared/gold/quotes/ggt_dev.jsonl"


def read_articles(parts: list[str]) -> list[dict]:
    own = [p for p in parts if p != "ggt"]
    arts = [a for a in read_gold([str(LABELS)]) if a["format"].split("/")[-1] in own] if own else []
    if "ggt" in parts:
        arts += [a for a in read_gold([GGT]) if half_of(a["id"]) == "tune"]
    return arts


def misses(articles: list[dict], predictions: list[list[dict]], context: int) -> list[dict]:
    out = []
    for art, pred in zip(articles, predictions):
        text = art["text"]
        for gi, pi in match(art["quotes"], pred, 0.3):
            g, p = art["quotes"][gi], pred[pi]
            if g["speaker"] is None or same_speaker(p.get("speaker_name"), g["speaker"]):
                continue
            mention = " ".join(text[s:e] for s, e in g["speaker_spans"])
            said = text[p["speaker_span"][0]:p["speaker_span"][1]] if p.get("speaker_span") else None
            lo = min([p["span"][0], *(s for s, _ in g["speaker_spans"])])
            hi = max([p["span"][1], *(e for _, e in g["speaker_spans"])])
            out.append({"id": art["id"], "part": art["format"], "category": _error_category(mention, p),
                        "gold": g["speaker"], "gold_mention": mention, "predicted": p.get("speaker_name"),
                        "predicted_mention": said, "context": " ".join(text[max(0, lo - context):hi].split())})
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--parts", default=",".join(READ_PARTS), help=f"comma-separated, of {READ_PARTS}")
    ap.add_argument("--context", type=int, default=400, help="characters shown before the speaker mention")
    ap.add_argument("--out", help="also write the misses as JSON lines")
    opts = ap.parse_args(argv)
    parts = opts.parts.split(",")
    if any(p not in READ_PARTS for p in parts):
        ap.error(f"only {READ_PARTS} may be read")
    articles = read_articles(parts)
    found = misses(articles, predict(articles), opts.context)
    for m in found:
        print(f"== {m['id']} [{m['part']}] {m['category']}: gold {m['gold']!r} ({m['gold_mention']!r}) "
              f"predicted {m['predicted']!r} ({m['predicted_mention']!r})\n   {m['context']}\n")
    print(Counter(m["category"] for m in found), len(found), "misses")
    if opts.out:
        with open(opts.out, "w", encoding="utf-8") as fh:
            fh.writelines(json.dumps(m, ensure_ascii=False) + "\n" for m in found)
    return 0


if __name__ == "__main__":
    sys.exit(main())
