"""List the dyad errors of matched events on the TUNE split of the own event set, by cause.

For every gold event matched to a predicted one (by root, as ``eval events labels/events`` does) whose
source or target code disagrees (country + first sector, the guide's form), each side is put in one class:
``missing`` (gold names a party, none predicted), ``extra`` (gold has none, one predicted), ``country``
(the country is wrong), ``sector`` (country right, sector wrong) or ``unknown`` (an actor with no code).
Prints counts by side and class, then the cases (stdout; never commit it: it holds corpus text). The test
split is never read here.

    PYTHONPATH=src /work/main/.venv/bin/python scripts/labels/dyad_errors.py --summary
    PYTHONPATH=src /work/main/.venv/bin/python scripts/labels/dyad_errors.py --side target --cause missing

``--gold FILE`` lists instead the (source, type, target) tuples of a gold file's TUNE half
(``eval events FILE --split both``; the measure half is never read) that the pipeline gets wrong.
"""
from __future__ import annotations

import argparse
from collections import Counter

from eventwatch.eval.event_labels import sentences
from eventwatch.eval.event_set import _side_right, canonical, match, predict


def side_cause(gold: dict, pred: dict, side: str) -> str:
    """ok | missing | extra | unknown | country | sector for one side of a matched pair."""
    if _side_right(gold, pred, side, 6):
        return "ok"
    g, p = gold[f"{side}_code"], pred[f"{side}_code"]
    if not p:
        return "missing"
    if not g:
        return "extra"
    if p == "?":
        return "unknown"
    return "sector" if _side_right(gold, pred, side, 3) else "country"


def _span(text: str, span) -> str:
    return text[span[0]:span[1]] if span else "-"


def gold_errors(path: str) -> None:
    """The tune half of a gold event file: sentences whose gold tuples are not all found, with what was found."""
    from eventwatch.eval.events import _actor_matches, _label, load_gold, run_variants, split_of

    items = [it for it in load_gold([path]) if it.tuples and split_of(it.id) == "tune"]
    preds = run_variants(items, {})["combined"]
    for it, pred in zip(items, preds):
        live = [(e, r) for e, r in pred if not e.negated]
        found = []
        for gs, lab, gt in it.tuples:
            hit = any(_label(e, it.tuple_label) == lab and _actor_matches(gs, e.source, r, it.text)
                      and _actor_matches(gt, e.target, r, it.text) for e, r in live)
            found.append(hit)
        if all(found) and len(live) <= len(it.tuples):
            continue
        names = {a.id: f"{a.name}={a.code}" for _, r in live for a in r.actors}
        gold = "; ".join(f"{'+' if ok else '-'}{gs.text if gs else '-'}={gs.code if gs else ''} {lab} "
                         f"{gt.text if gt else '-'}={gt.code if gt else ''}" for (gs, lab, gt), ok in zip(it.tuples, found))
        got = "; ".join(f"{names.get(e.source, '-')} {_label(e, it.tuple_label)}/{e.cameo} {names.get(e.target, '-')}"
                        for e, _ in live)
        print(f"{it.id}\tGOLD {gold}\tGOT {got}\t{' '.join(it.text.split())}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--summary", action="store_true", help="counts only")
    ap.add_argument("--side", choices=("source", "target"))
    ap.add_argument("--cause", choices=("missing", "extra", "unknown", "country", "sector"))
    ap.add_argument("--limit", type=int, help="the first N articles only")
    ap.add_argument("--gold", help="a gold event file: list its tune half's tuple errors instead")
    ap.add_argument("--waves", default="1,3",
                    help="sample waves of the tune split to read (default 1,3: wave 2 is measure-only and wave 4 "
                         "the held-out check of the seventh session; 'all' reads every tune wave)")
    opts = ap.parse_args()
    if opts.gold:
        gold_errors(opts.gold)
        return
    items = list(sentences(split="tune"))
    if opts.waves != "all":
        keep = {int(w) for w in opts.waves.split(",")}
        items = [s for s in items if s.wave in keep]
    if opts.limit:
        docs = sorted({(s.corpus, s.doc) for s in items})[: opts.limit]
        items = [s for s in items if (s.corpus, s.doc) in set(docs)]
    scored = predict(items, {})
    counts: Counter = Counter()
    rows = []
    total = 0
    for s in scored:
        for g, p in match(s.sentence.events, s.predicted):
            total += 1
            causes = {side: side_cause(g, p, side) for side in ("source", "target")}
            counts[(causes["source"], causes["target"])] += 1
            if all(c == "ok" for c in causes.values()):
                continue
            if opts.side and causes[opts.side] != (opts.cause or causes[opts.side]) or causes.get(opts.side) == "ok":
                continue
            if not opts.side and opts.cause and opts.cause not in causes.values():
                continue
            text = s.sentence.text
            rows.append(f"{s.sentence.sid}\t{g['cameo']}\t{_span(text, g['trigger'])}\t"
                        f"src {causes['source']}: {_span(text, g.get('source'))}={canonical(g['source_code'])} "
                        f"vs {p.get('source_name')}={canonical(p['source_code'])}\t"
                        f"tgt {causes['target']}: {_span(text, g.get('target'))}={canonical(g['target_code'])} "
                        f"vs {p.get('target_name')}={canonical(p['target_code'])}\t{' '.join(text.split())}")
    print(f"matched events {total}; right {counts[('ok', 'ok')]}")
    by_side = Counter()
    for (sc, tc), n in counts.items():
        by_side[("source", sc)] += n
        by_side[("target", tc)] += n
    for (side, cause), n in sorted(by_side.items()):
        print(f"{side}\t{cause}\t{n}")
    print("source/target pairs:", ", ".join(f"{a}/{b} {n}" for (a, b), n in counts.most_common()))
    if not opts.summary:
        print("\n".join(rows))


if __name__ == "__main__":
    main()
