"""Pick the 30 articles of eventwatch's hand-coded quote set (deterministic).

    python scripts/labels/pick_quote_articles.py [--shared ../shared] > labels/quotes/articles.jsonl

20 BBC News 2004-2005 articles (weighted to politics and business) and 10 Reuters-21578
political articles, drawn with a fixed seed from those that report speech ("said" and, for BBC,
quotation marks) and are short enough to code by hand (BBC 900-2,000 characters, Reuters
500-1,500). Each manifest row: doc, corpus, sha1 of the text (the loader checks offsets index
the same text), part (tune or measure: fixed here, alternating in draw order) and double (the
five articles a second coder also codes: the first three BBC and first two Reuters drawn).
No article text is written.

``--wave 2`` (2026-12-06, seventh session) prints 30 more articles drawn the same way after
wave 1's (the same pools, seed 21, wave 1's articles excluded), all of part ``measure2``: a
second measure part coded after the speaker rules of earlier sessions were written, never tuned
on. Append them: ``... --wave 2 >> labels/quotes/articles.jsonl``. ``--wave 3`` (seed 22, same day) draws
thirty more, part ``tune2``: material whose errors the speaker rules may be read on. ``--wave 4`` (seed 23,
ninth session) draws fifteen more, half the quotas (10 BBC: politics 5, business 3, tech 1, entertainment 1;
5 Reuters), part ``tune3``, coder F: fresh tune material, coded before eventwatch was run on it.
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
HALF_QUOTA = {"politics": 5, "business": 3, "tech": 1, "entertainment": 1}  # wave 4: fifteen articles
PRIMARY = {2: "C", 3: "E", 4: "F"}  # the coder of all of a wave's articles (wave 1: A, the loader's default)


def bbc_ok(rec: dict) -> bool:
    text = rec["text"]
    return 900 <= len(text) <= 2000 and text.count('"') >= 2 and " said" in text


def reuters_ok(rec: dict) -> bool:
    text = rec["text"]
    return 500 <= len(text) <= 1500 and text.count(" said") >= 2


def read(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def draw_bbc(records: list[dict], rng: random.Random, skip: frozenset = frozenset(),
             quota: dict[str, int] = BBC_QUOTA) -> list[dict]:
    picked = []
    for section, n in quota.items():
        pool = sorted((r for r in records if r["category"] == section and bbc_ok(r) and r["id"] not in skip),
                      key=lambda r: r["id"])
        picked.extend(rng.sample(pool, n))
    return picked


def draw_reuters(records: list[dict], rng: random.Random, skip: frozenset = frozenset(), n: int = 10) -> list[dict]:
    pool = sorted((r for r in records if reuters_ok(r) and r["id"] not in skip), key=lambda r: r["id"])
    return rng.sample(pool, n)


def manifest(shared: Path, wave: int = 1) -> list[dict]:
    bbc = read(shared / "corpora" / f"{CORPORA['bbc']}.jsonl")
    reuters = read(shared / "corpora" / f"{CORPORA['reuters']}.jsonl")
    skip: frozenset = frozenset()
    if wave >= 2:
        skip = frozenset(row["doc"] for w in range(1, wave) for row in manifest(shared, w))
    rng = random.Random(SEED + wave - 1)
    if wave == 4:
        drawn = {"bbc": draw_bbc(bbc, rng, skip, HALF_QUOTA), "reuters": draw_reuters(reuters, rng, skip, 5)}
    else:
        drawn = {"bbc": draw_bbc(bbc, rng, skip), "reuters": draw_reuters(reuters, rng, skip)}
    rows = []
    for key, recs in drawn.items():
        for i, rec in enumerate(recs):
            part = {1: ("tune", "measure")[len(rows) % 2], 2: "measure2", 3: "tune2", 4: "tune3"}[wave]
            row = {"doc": rec["id"], "corpus": CORPORA[key],
                   "sha1": hashlib.sha1(rec["text"].encode("utf-8")).hexdigest(),
                   "part": part, "double": wave != 4 and i < DOUBLE[key]}
            if wave in PRIMARY:  # wave 2: coder D also codes the five doubles; waves 3, 4 are single-coded
                row["primary"] = PRIMARY[wave]
            rows.append(row)
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default="../shared", help="the shared data folder (default ../shared)")
    ap.add_argument("--wave", type=int, default=1, choices=(1, 2, 3, 4),
                    help="2: thirty more articles after wave 1's, part measure2 (held out); "
                         "3: thirty more after wave 2's, part tune2 (speaker errors may be read on them); "
                         "4: fifteen more after wave 3's, part tune3 (fresh tune material)")
    args = ap.parse_args(argv)
    for row in manifest(Path(args.shared), args.wave):
        sys.stdout.write(json.dumps(row) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
