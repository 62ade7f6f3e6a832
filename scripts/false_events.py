"""List the TUNE split's false events of the own event set (labels/events) to the terminal.

    PYTHONPATH=src python scripts/false_events.py [--quiet-only | --q4-only] [--save run.json] [--diff old.json]

For each predicted event that no gold event of its sentence matches by root (eval/event_set.match) it prints
the sentence, the trigger, the source and target (mention text and code), the CAMEO code and the method; the
kinds shown are "quiet" (BBC sport, entertainment, tech) and "q4" (a false material-conflict event). It also
lists the gold events the run finds (to see what a rule costs in recall). Reads the tune split only: the
test split is measure-only. The corpus text goes to the terminal, never into the repository; --save writes
a run's predictions (offsets and codes, with the text) to a file you keep outside the repository.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict

from eventwatch.eval.event_labels import load_docs, sentences
from eventwatch.eval.event_set import QUIET_SECTIONS, OFF_SCOPE_ROOTS, locate, match, _shared


def _mention(text: str, span) -> str:
    return text[span[0]:span[1]] if span else "-"


def predict_tune(limit: int | None = None) -> list[dict]:
    """Every tune sentence with gold events and predicted events (trigger, source, target text and codes)."""
    from eventwatch.model import Document
    from eventwatch.pipeline import Pipeline
    from eventwatch.settings import Settings

    items = list(sentences(split="tune"))
    by_doc = defaultdict(list)
    for it in items:
        by_doc[(it.corpus, it.doc)].append(it)
    keys = sorted(by_doc)[:limit] if limit else list(by_doc)
    docs = load_docs(_shared(), {c for c, _ in keys})
    documents = [Document(text=docs[k]["text"], id=f"{k[0]}:{k[1]}", kind="text") for k in keys]
    pipe = Pipeline(Settings(default_date="2000-01-01"))
    rows = []
    for key, record in zip(keys, pipe.process(documents)):
        sents = by_doc[key]
        actors = {a.id: a for a in record.actors}
        for s, span in zip(sents, locate(record.text, [x.text for x in sents])):
            preds = []
            for e in record.events if span else ():
                if not (span[0] <= e.trigger[0] < span[1]) or e.root in OFF_SCOPE_ROOTS:
                    continue
                preds.append({"root": e.root, "cameo": e.cameo, "quad_class": e.quad_class, "method": e.method,
                              "trigger": [e.trigger[0] - span[0], e.trigger[1] - span[0]],
                              "trigger_text": record.text[e.trigger[0]:e.trigger[1]],
                              "source": _actor(actors.get(e.source), record.text, e.source_span),
                              "target": _actor(actors.get(e.target), record.text, e.target_span),
                              "confidence": e.confidence})
            rows.append({"sid": s.sid, "doc": s.doc, "text": s.text, "gold": s.events, "pred": preds})
    return rows


def _actor(actor, text: str, span) -> str:
    if actor is None:
        return "-"
    return f"{_mention(text, span) if span else actor.name}[{actor.code or actor.country or '?'}|{actor.kind}]"


def false_events(row: dict) -> list[dict]:
    matched = {id(p) for _, p in match(row["gold"], row["pred"])}
    return [p for p in row["pred"] if id(p) not in matched]


def show(rows: list[dict], kind: str) -> None:
    n = 0
    for row in rows:
        quiet = row["doc"].startswith(QUIET_SECTIONS)
        for p in false_events(row):
            if kind == "quiet" and not quiet or kind == "q4" and p["quad_class"] != 4:
                continue
            n += 1
            gold = ",".join(g["cameo"] for g in row["gold"]) or "none"
            print(f"[{row['sid']}] {p['cameo']} q{p['quad_class']} {p['method']} trig={p['trigger_text']!r} "
                  f"src={p['source']} tgt={p['target']} gold={gold}\n    {' '.join(row['text'].split())}")
    print(f"{n} {kind} false events", file=sys.stderr)


def totals(rows: list[dict]) -> str:
    quiet = [r for r in rows if r["doc"].startswith(QUIET_SECTIONS)]
    qf = sum(len(false_events(r)) for r in quiet)
    tp = sum(len(match(r["gold"], r["pred"])) for r in rows)
    npred = sum(len(r["pred"]) for r in rows)
    q4 = [p for r in rows for p in r["pred"] if p["quad_class"] == 4]
    q4f = sum(1 for r in rows for p in false_events(r) if p["quad_class"] == 4)
    return (f"sentences {len(rows)} predicted {npred} matched {tp} quiet/100 {100 * qf / max(len(quiet), 1):.2f} "
            f"Q4 {len(q4)} false {q4f}")


def diff(old: list[dict], new: list[dict]) -> None:
    """Matched (right) events the new run lost, and false events it dropped."""
    before = {r["sid"]: r for r in old}
    for row in new:
        was = before.get(row["sid"])
        if was is None:
            continue
        lost = len(match(was["gold"], was["pred"])) - len(match(row["gold"], row["pred"]))
        dropped = len(false_events(was)) - len(false_events(row))
        if lost > 0:
            print(f"LOST {lost} [{row['sid']}] gold={[g['cameo'] for g in row['gold']]} "
                  f"old={[(p['cameo'], p['trigger_text']) for p in was['pred']]}\n    {' '.join(row['text'].split())}")
        elif lost < 0 or dropped < 0:
            print(f"NEW [{row['sid']}] gained {-lost} right, {-dropped} false: "
                  f"{[(p['cameo'], p['trigger_text']) for p in row['pred']]}")
    print(f"old: {totals(old)}\nnew: {totals(new)}")


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--kind", choices=("quiet", "q4", "all"), default="quiet")
    ap.add_argument("--load", help="a saved run instead of running the pipeline")
    ap.add_argument("--save", help="write this run's predictions here (outside the repository)")
    ap.add_argument("--diff", help="a saved earlier run: show what this run lost and dropped")
    ap.add_argument("--limit", type=int)
    a = ap.parse_args(argv)
    if a.load:
        with open(a.load, encoding="utf-8") as fh:
            rows = json.load(fh)
    else:
        rows = predict_tune(a.limit)
    if a.save:
        with open(a.save, "w", encoding="utf-8") as fh:
            json.dump(rows, fh)
    if a.diff:
        with open(a.diff, encoding="utf-8") as fh:
            diff(json.load(fh), rows)
        return
    show(rows, a.kind)
    print(totals(rows))


if __name__ == "__main__":
    main()
