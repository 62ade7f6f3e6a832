"""List the coder's errors on the TUNE split of the own event set: missed events and false events.

Prints to stdout (never commit the output: it holds corpus text). The test split is never read here.

    PYTHONPATH=src /work/main/.venv/bin/python scripts/labels/event_misses.py            # misses and false events
    PYTHONPATH=src /work/main/.venv/bin/python scripts/labels/event_misses.py --only miss --root 17
    PYTHONPATH=src /work/main/.venv/bin/python scripts/labels/event_misses.py --summary  # counts by gold root
"""
from __future__ import annotations

import argparse
from collections import Counter

from eventwatch.eval.event_labels import sentences
from eventwatch.eval.event_set import match, predict


def _trigger(text: str, ev: dict) -> str:
    span = ev.get("trigger")
    return text[span[0]:span[1]] if span else "?"


def _errors(scored) -> tuple[list, list]:
    """(missed gold events, false predicted events), each as (sentence, event)."""
    missed, false = [], []
    for s in scored:
        pairs = match(s.sentence.events, s.predicted)
        got_g = {id(g) for g, _ in pairs}
        got_p = {id(p) for _, p in pairs}
        missed += [(s, g) for g in s.sentence.events if id(g) not in got_g]
        false += [(s, p) for p in s.predicted if id(p) not in got_p]
    return missed, false


def _show(kind: str, s, ev: dict, other: list[dict]) -> None:
    text = s.sentence.text
    code = ev.get("cameo") or ev.get("code") or ev.get("root")
    others = ", ".join(f"{o.get('cameo') or o.get('root')}:{_trigger(text, o)}" for o in other) or "-"
    print(f"{kind}\t{s.sentence.sid}\t{code}\t{_trigger(text, ev)}\t[other side: {others}]\t{' '.join(text.split())}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--only", choices=("miss", "false"))
    ap.add_argument("--root", help="keep events of this CAMEO root (two digits)")
    ap.add_argument("--summary", action="store_true")
    ap.add_argument("--quiet-only", action="store_true", help="BBC sport/entertainment/tech sentences only")
    opts = ap.parse_args()
    items = list(sentences(split="tune"))
    scored = predict(items, {})
    if opts.quiet_only:
        scored = [s for s in scored if s.sentence.doc.startswith(("bbc-sport-", "bbc-entertainment-", "bbc-tech-"))]
    missed, false = _errors(scored)
    if opts.root:
        missed = [(s, g) for s, g in missed if g["root"] == opts.root]
        false = [(s, p) for s, p in false if p["root"] == opts.root]
    if opts.summary:
        print("root\tmissed\tfalse")
        mc, fc = Counter(g["root"] for _, g in missed), Counter(p["root"] for _, p in false)
        for root in sorted(set(mc) | set(fc)):
            print(f"{root}\t{mc[root]}\t{fc[root]}")
        return
    if opts.only != "false":
        for s, g in missed:
            _show("MISS", s, g, s.predicted)
    if opts.only != "miss":
        for s, p in false:
            _show("FALSE", s, p, s.sentence.events)


if __name__ == "__main__":
    main()
