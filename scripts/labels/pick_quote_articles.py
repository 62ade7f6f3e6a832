"""Pick the 30 articles of eventwatch's hand-coded quote set (deterministic).

    python scripts/labels/pick_quote_articles.py [--shared ../shared] > labels/quotes/articles.jsonl

20 BBC News 2004-2005 articles (weighted to politics and business) and 10 Reuters-21578
political articles, drawn with a fixed seed from those that report speech ("said" and, for BBC,
quotation marks) and are short enough to code by hand (BBC 900-2,000 characters, Reuters
500-1,500). Each manifest row: doc, corpus, sha1 of the text (the loader checks offsets index
the same text), part (tune or measure: fixed here, alternating in draw order) and double (the
five articles a second coder also codes: the first three BBC and first two Reuters drawn).
No article text is written.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
from pathlib import Path

SEED = 20
BBC_QUOTA = {"politics": 9, "business": 6, "tech": 2, "entertainment": 2, "sport": 1}
CORPORA = {"bbc": "bbc_news_2004_2005", "reuters": "reuters21578_political_subset"}
DOUBLE = {"bbc": 3, "reuters": 2}


def bbc_ok(rec: dict) -> bool:
    text = rec["text"]
    return 900 <= len(text) <= 2000 and text.count('"') >= 2 and " said" in text


def reuters_ok(rec: dict) -> bool:
    text = rec["text"]
    return 500 <= len(text) <= 1500 and text.count(" said") >= 2


def read(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def draw_bbc(records: list[dict], rng: random.Random) -> list[dict]:
    picked = []
    for section, n in BBC_QUOTA.items():
        pool = sorted((r for r in records if r["category"] == section and bbc_ok(r)), key=lambda r: r["id"])
        picked.extend(rng.sample(pool, n))
    return picked


def draw_reuters(records: list[dict], rng: random.Random) -> list[dict]:
    pool = sorted((r for r in records if reuters_ok(r)), key=lambda r: r["id"])
    return rng.sample(pool, 10)


def manifest(shared: Path) -> list[dict]:
    rng = random.Random(SEED)
    drawn = {"bbc": draw_bbc(read(shared / "corpora" / f"{CORPORA['bbc']}.jsonl"), rng),
             "reuters": draw_reuters(read(shared / "corpora" / f"{CORPORA['reuters']}.jsonl"), rng)}
    rows = []
    for key, recs in drawn.items():
        for i, rec in enumerate(recs):
            rows.append({"doc": rec["id"], "corpus": CORPORA[key],
                         "sha1": hashlib.sha1(rec["text"].encode("utf-8")).hexdigest(),
                         "part": ("tune", "measure")[len(rows) % 2], "double": i < DOUBLE[key]})
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default="../shared", help="the shared data folder (default ../shared)")
    args = ap.parse_args(argv)
    for row in manifest(Path(args.shared)):
        sys.stdout.write(json.dumps(row) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
