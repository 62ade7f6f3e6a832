"""False violence, measured without gold: events of CAMEO roots 18-20 (assault, fight, mass violence) per
BBC section. Sport, business, entertainment and tech articles of 2004-2005 report almost no violence, so nearly
every such event there is a figurative reading ("beat", "shot up", "takeover battle"); politics shows what a
rule costs where real violence is reported. Prints counts per section and the most frequent trigger words.

    python benchmarks/violence_by_section.py                       # process the 2,225 articles (-j 2)
    python benchmarks/violence_by_section.py --records out.jsonl   # count records made earlier
    python benchmarks/violence_by_section.py --roots 17            # coercion instead
"""
from __future__ import annotations

import argparse
import collections
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = next((p / "shared" for p in ROOT.parents if (p / "shared" / "corpora").is_dir()), ROOT.parent / "shared")
CORPUS = SHARED / "corpora" / "bbc_news_2004_2005.jsonl"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", default=str(CORPUS))
    ap.add_argument("--records", help="records (JSON Lines) of `eventwatch process` on the corpus; default: make them")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--top", type=int, default=15)
    ap.add_argument("--roots", nargs="+", default=["18", "19", "20"], help="CAMEO roots counted (default 18 19 20)")
    args = ap.parse_args()
    section = {json.loads(line)["id"]: json.loads(line).get("category", "?") for line in open(args.corpus, encoding="utf-8")}
    with tempfile.TemporaryDirectory() as tmp:
        path = args.records
        if not path:
            path = str(Path(tmp) / "records.jsonl")
            with open(path, "w", encoding="utf-8") as out:
                subprocess.run([str(Path(sys.executable).with_name("eventwatch")), "process", "-q", "-j", str(args.jobs),
                                args.corpus], stdout=out, check=True)
        violent, total, words = collections.Counter(), collections.Counter(), collections.Counter()
        for line in open(path, encoding="utf-8"):
            rec = json.loads(line)
            sec = section.get(rec["id"], "?")
            for ev in rec["events"]:
                total[sec] += 1
                if ev["root"] in args.roots:
                    violent[sec] += 1
                    if sec != "politics":
                        words[(ev["cameo"], rec["text"][ev["trigger"][0]:ev["trigger"][1]].lower())] += 1
    print(f"{'section':14s} {'events':>7s} {'roots ' + ','.join(args.roots):>23s}")
    for sec in sorted(total):
        print(f"{sec:14s} {total[sec]:7d} {violent[sec]:23d}")
    print(f"\nmost frequent triggers of those roots outside politics (top {args.top}):")
    for (code, word), n in words.most_common(args.top):
        print(f"  {n:4d}  {code:5s} {word}")


if __name__ == "__main__":
    main()
