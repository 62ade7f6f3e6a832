"""``eventwatch eval events GOLD.jsonl``: score the event stage against event gold data.

Reads the gold where it lies (``../shared/gold/events``); understands four shapes, by their fields:
CAMEO example sentences (``cameo_event_code``), PETRARCH unit tests (``expected_events``), PLOVER
gold-standard records (``plover_event_current`` with source/target actors) and ConfliBERT five-class
sentences (``pentaclass_label`` with actor spans). Each sentence is parsed once and coded by three
variants of the stage: patterns alone, the classifier alone and the combination (the shipped default).

Figures: detection P/R (sentence has ≥1 non-negated event), root accuracy of the sentence's main event,
root P/R/F1 over event sets, (source, type, target) P/R/F1 where the gold names actors, PLOVER type
accuracy and macro-F1, five-class accuracy and macro-F1, a confusion summary, and confidence vs.
correctness (is a higher-confidence main event more often right?).
"""
from __future__ import annotations

import hashlib
import json
import logging
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from eventwatch.events.codes import five_class, lookup

log = logging.getLogger(__name__)

V05_TO_CURRENT = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}
VARIANTS = ("pattern", "classifier", "combined")


@dataclass
class GoldActor:
    text: str | None
    code: str | None = None


@dataclass
class GoldItem:
    id: str
    text: str
    kind: str                               # cameo | petrarch | plover | conflibert
    roots: set[str] = field(default_factory=set)
    plover: set[str] = field(default_factory=set)
    five: int | None = None
    tuples: list[tuple] = field(default_factory=list)   # (GoldActor|None, label, GoldActor|None)
    tuple_label: str = "root"               # what the middle of a tuple is: root | plover | five
    no_event: bool = False


# ------------------------------------------------------------------ gold readers
def _plover_of_code(code: str) -> str:
    info = lookup(code)
    return info.plover if info and info.plover else ""


def _item(rec: dict) -> GoldItem | None:
    text = rec.get("text") or ""
    rid = rec.get("id") or text[:40]
    if "plover_event_current" in rec:
        label = rec.get("plover_event_current") or V05_TO_CURRENT.get(rec.get("plover_event_v05"), rec.get("plover_event_v05"))
        item = GoldItem(rid, text, "plover", plover={label}, tuple_label="plover")
        srcs = [GoldActor(a.get("text"), a.get("code")) for a in rec.get("source_actors") or [] if a.get("text") or a.get("code")]
        tgts = [GoldActor(a.get("text"), a.get("code")) for a in rec.get("target_actors") or [] if a.get("text") or a.get("code")]
        if rec.get("reciprocal_source_target") and not tgts:
            item.tuples = [(a, label, b) for a in srcs for b in srcs if a is not b]
        else:
            item.tuples = [(a, label, b) for a in (srcs or [None]) for b in (tgts or [None])]
        return item
    if "plover_event_pseudolabel" in rec:
        # NGEC synthetic stories: LLM pseudo-labels for the story; we score its lead paragraph (a measure of
        # agreement with the pseudo-labels, not of accuracy)
        lead = text.strip().split("\n")[0]
        return GoldItem(rid, lead, "ngec", plover={rec["plover_event_pseudolabel"]})
    if "pentaclass_label" in rec:
        five = int(rec["pentaclass_label"])
        item = GoldItem(rid, text, "conflibert", five=five, tuple_label="five")
        srcs = [GoldActor(s) for s in rec.get("source_spans") or []]
        tgts = [GoldActor(s) for s in rec.get("target_spans") or []]
        rec_ = [GoldActor(s) for s in rec.get("reciprocal_spans") or []]
        if rec_ and not (srcs or tgts):
            item.tuples = [(a, five, b) for a in rec_ for b in rec_ if a is not b]
        else:
            item.tuples = [(a, five, b) for a in (srcs or rec_ or [None]) for b in (tgts or [None])]
        return item
    if "expected_events" in rec:
        if rec.get("expected_error"):
            return None
        item = GoldItem(rid, text, "petrarch", no_event=bool(rec.get("expect_no_events")))
        for ev in rec.get("expected_events") or []:
            code = str(ev.get("cameo_event_code") or "")
            if not code[:2].isdigit():
                continue
            item.roots.add(code[:2])
            if _plover_of_code(code):
                item.plover.add(_plover_of_code(code))
            item.tuples.append((GoldActor(None, ev.get("source_code")), code[:2], GoldActor(None, ev.get("target_code"))))
        return item
    if "cameo_event_code" in rec:
        code = str(rec["cameo_event_code"])
        item = GoldItem(rid, text, "cameo", roots={code[:2]}, five=five_class(code[:2]))
        if _plover_of_code(code):
            item.plover.add(_plover_of_code(code))
        return item
    return None


SPLITS = ("tune", "measure")


def split_of(item_id: str) -> str:
    """The fixed half an item belongs to, by a hash of its id: ``tune`` (errors may be looked at) or
    ``measure`` (figures only). Fixed before any error was looked at; never depends on the text."""
    return SPLITS[hashlib.sha1(item_id.encode("utf-8")).digest()[0] % 2]


def load_gold(paths: list[str], limit: int | None = None) -> list[GoldItem]:
    items: list[GoldItem] = []
    for p in paths:
        path = Path(p)
        files = sorted(path.glob("*.jsonl")) if path.is_dir() else [path]
        for f in files:
            with f.open(encoding="utf-8") as fh:
                for line in fh:
                    if line.strip():
                        item = _item(json.loads(line))
                        if item and item.text.strip():
                            items.append(item)
    return items[:limit] if limit else items


# ------------------------------------------------------------------ running the stage
def _pipeline(options: dict):
    from eventwatch.pipeline import Pipeline
    from eventwatch.settings import Settings

    # the gold files carry no date: run undated, as a user's undated input is (an event is dated only by a time its
    # text names; no office-holder of a made-up day, no "in 1999" made history by it). The report says so.
    settings = Settings(model=options.get("model"), default_date=None, extra=dict(options.get("extra") or {}))
    return Pipeline(settings)


def run_variants(items: list[GoldItem], options: dict) -> dict[str, list[list]]:
    """Parse each sentence once; code it with each variant of the event stage. → {variant: [events per item]}"""
    from eventwatch.events.stage import EventsStage
    from eventwatch.model import Record

    pipe = _pipeline(options)
    before = [s for s in pipe.stages if s.name in ("places", "actors")]
    base = next((s for s in pipe.stages if s.name == "events"), None) or EventsStage(pipe.settings)
    variants = {v: EventsStage.variant(base, v) for v in VARIANTS}
    out: dict[str, list[list]] = {v: [] for v in VARIANTS}
    texts = [it.text for it in items]
    for it, doc in zip(items, pipe.nlp.pipe(texts, batch_size=64)):
        record = Record(id=it.id, text=it.text, published=None)
        for stage in before:
            stage(doc, record)
        for v, stage in variants.items():
            record.events = []
            stage(doc, record)
            out[v].append([(e, record) for e in record.events])
    return out


# ------------------------------------------------------------------ scoring
def _norm(s: str) -> str:
    return re.sub(r"\s+", "", s or "").lower()


def _actor_matches(gold: GoldActor | None, actor_id: str | None, record, text: str) -> bool:
    if gold is None or actor_id is None:
        return gold is None and actor_id is None
    actor = next((a for a in record.actors if a.id == actor_id), None)
    if actor is None:
        return False
    if gold.code and gold.code not in ("***",):
        codes = {actor.country, (actor.code or "")[:3], actor.code}
        if "IGO" in (actor.sector or []) or (actor.code or "").startswith("IGO"):
            codes.add("IGO")
        if gold.code in codes:
            return True
    if gold.text:
        # whitespace-insensitive: the gold span and any mention of the actor overlap
        g = _norm(gold.text)
        flat, pos = [], []
        for i, ch in enumerate(text):
            if not ch.isspace():
                flat.append(ch.lower())
                pos.append(i)
        k = "".join(flat).find(g)
        if k >= 0 and g:
            gs, ge = pos[k], pos[k + len(g) - 1] + 1
            return any(s < ge and gs < e for s, e in actor.mentions)
    return False


def _label(ev, kind: str):
    if kind == "plover":
        return ev.plover
    if kind == "five":
        return five_class(ev.root)
    return ev.root


def _tuple_prf(gold_tuples, pred, kind, text) -> tuple[int, int, int]:
    """(true positives, predicted, gold) for one sentence, greedy one-to-one matching."""
    used: set[int] = set()
    tp = 0
    preds = [(e, r) for e, r in pred]
    for e, record in preds:
        for j, (gs, glab, gt) in enumerate(gold_tuples):
            if j in used or _label(e, kind) != glab:
                continue
            if _actor_matches(gs, e.source, record, text) and _actor_matches(gt, e.target, record, text):
                used.add(j)
                tp += 1
                break
    return tp, len(preds), len(gold_tuples)


def _prf(tp: int, npred: int, ngold: int) -> dict:
    p = tp / npred if npred else 0.0
    r = tp / ngold if ngold else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0,
            "tp": tp, "predicted": npred, "gold": ngold}


def _macro_f1(pairs: list[tuple], labels: set) -> float:
    f1s = []
    for lab in labels:
        tp = sum(1 for g, p in pairs if g == lab and p == lab)
        fp = sum(1 for g, p in pairs if g != lab and p == lab)
        fn = sum(1 for g, p in pairs if g == lab and p != lab)
        f1s.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return round(sum(f1s) / len(f1s), 4) if f1s else 0.0


def main_event(events: list):
    live = [(e, r) for e, r in events if not e.negated]
    if not live:
        return None
    return max(live, key=lambda er: er[0].confidence)[0]


def score(items: list[GoldItem], preds: list[list]) -> dict:
    res: dict = {"n": len(items)}
    live = [[(e, r) for e, r in p if not e.negated] for p in preds]
    gold_pos = [not it.no_event for it in items]
    has_pred = [bool(p) for p in live]
    tp = sum(1 for g, h in zip(gold_pos, has_pred) if g and h)
    res["detection"] = _prf(tp, sum(has_pred), sum(gold_pos))
    # main-event root accuracy and root set P/R/F1
    with_roots = [(it, p) for it, p in zip(items, preds) if it.roots]
    if with_roots:
        right = 0
        conf_bins: dict[str, list[int]] = defaultdict(list)
        confusion: Counter = Counter()
        rtp = rpred = rgold = 0
        for it, p in with_roots:
            m = main_event(p)
            ok = m is not None and m.root in it.roots
            right += ok
            gold_root = sorted(it.roots)[0]
            confusion[(gold_root, m.root if m else "--")] += 1
            if m is not None:
                conf_bins[f"{min(int(m.confidence * 5), 4) / 5:.1f}"].append(int(ok))
            roots = {e.root for e, _ in p if not e.negated}
            rtp += len(roots & it.roots)
            rpred += len(roots)
            rgold += len(it.roots)
        coded = [m for m in (main_event(p) for _, p in with_roots) if m is not None]
        res["root_accuracy"] = round(right / len(with_roots), 4)
        res["root_accuracy_when_coded"] = round(right / len(coded), 4) if coded else 0.0
        res["root_set"] = _prf(rtp, rpred, rgold)
        res["confusion_top"] = [[g, p, n] for (g, p), n in confusion.most_common() if g != p][:12]
        res["confidence_bins"] = {k: {"n": len(v), "root_correct": round(sum(v) / len(v), 3)}
                                  for k, v in sorted(conf_bins.items())}
    # PLOVER type of the main event
    with_plover = [(it, p) for it, p in zip(items, preds) if it.plover]
    if with_plover:
        pairs = []
        for it, p in with_plover:
            m = main_event(p)
            pred = (m.plover if m and m.plover else "NONE")
            gold = pred if pred in it.plover else sorted(it.plover)[0]
            pairs.append((gold, pred))
        labels = {g for g, _ in pairs}
        res["plover_accuracy"] = round(sum(g == p for g, p in pairs) / len(pairs), 4)
        res["plover_macro_f1"] = _macro_f1(pairs, labels)
        res["plover_micro_f1"] = res["plover_accuracy"]
    # five-class
    with_five = [(it, p) for it, p in zip(items, preds) if it.five is not None]
    if with_five:
        pairs = []
        for it, p in with_five:
            m = main_event(p)
            pairs.append((it.five, five_class(m.root) if m else None))
        res["five_class_accuracy"] = round(sum(g == p for g, p in pairs) / len(pairs), 4)
        res["five_class_macro_f1"] = _macro_f1(pairs, {0, 1, 2, 3, 4})
        fallback = [(g, 0 if p is None else p) for g, p in pairs]  # an uncoded sentence read as a statement (class 0)
        res["five_class_accuracy_uncoded_as_0"] = round(sum(g == p for g, p in fallback) / len(fallback), 4)
    # (source, type, target)
    with_tuples = [(it, p) for it, p in zip(items, preds) if it.tuples]
    if with_tuples:
        t = [_tuple_prf(it.tuples, [(e, r) for e, r in p if not e.negated], it.tuple_label, it.text) for it, p in with_tuples]
        res["tuple_label"] = with_tuples[0][0].tuple_label
        res["tuples"] = _prf(sum(a for a, _, _ in t), sum(b for _, b, _ in t), sum(c for _, _, c in t))
    return res


def evaluate(paths: list[str], options: dict) -> dict:
    from eventwatch.eval import event_set

    if paths and event_set.is_label_folder(paths[0]):
        return event_set.evaluate(paths, options)
    items = load_gold(paths, options.get("limit"))
    split = options.get("split")
    if split in SPLITS:
        items = [it for it in items if split_of(it.id) == split]
    if not items:
        return {"error": "no gold items read", "paths": paths}
    variants = run_variants(items, options)
    result = {"gold": paths, "kinds": dict(Counter(it.kind for it in items)), "split": split or "all",
              "variants": {v: score(items, preds) for v, preds in variants.items()}}
    if split == "both":
        halves = {h: [i for i, it in enumerate(items) if split_of(it.id) == h] for h in SPLITS}
        result["halves"] = {h: score([items[i] for i in idx], [variants["combined"][i] for i in idx])
                            for h, idx in halves.items()}
    return result


UNDATED_NOTE = ("run undated: the gold sentences carry no publication date, so events are dated only by a time their "
                "text names and office-holders bound to dates are not applied")


def report(result: dict) -> str:
    if "set" in result:
        from eventwatch.eval import event_set

        return event_set.report(result)
    if "error" in result:
        return f"events: {result['error']}"
    lines = [f"events eval on {', '.join(result['gold'])}  ({', '.join(f'{k}: {n}' for k, n in result['kinds'].items())})"
             f"  split: {result.get('split', 'all')}",
             UNDATED_NOTE]
    keys = [("detection P", lambda r: r["detection"]["precision"]), ("detection R", lambda r: r["detection"]["recall"]),
            ("root accuracy", lambda r: r.get("root_accuracy")), ("root acc. when coded", lambda r: r.get("root_accuracy_when_coded")),
            ("root set F1", lambda r: r.get("root_set", {}).get("f1")),
            ("PLOVER accuracy", lambda r: r.get("plover_accuracy")), ("PLOVER macro-F1", lambda r: r.get("plover_macro_f1")),
            ("five-class accuracy", lambda r: r.get("five_class_accuracy")),
            ("five-class macro-F1", lambda r: r.get("five_class_macro_f1")),
            ("five-class acc. (uncoded=0)", lambda r: r.get("five_class_accuracy_uncoded_as_0")),
            ("tuple P", lambda r: r.get("tuples", {}).get("precision")), ("tuple R", lambda r: r.get("tuples", {}).get("recall")),
            ("tuple F1", lambda r: r.get("tuples", {}).get("f1"))]
    vs = result["variants"]
    lines.append(f"{'':30}" + "".join(f"{v:>12}" for v in vs))
    for name, get in keys:
        vals = [get(r) for r in vs.values()]
        if all(v is None for v in vals):
            continue
        lines.append(f"{name:30}" + "".join(f"{'-' if v is None else f'{v:.3f}':>12}" for v in vals))
    for half, r in (result.get("halves") or {}).items():
        t = r.get("tuples") or {}
        lines.append(f"{half} half (combined): n={r['n']} tuple P {t.get('precision', '-')} R {t.get('recall', '-')} "
                     f"F1 {t.get('f1', '-')}; five-class acc. {r.get('five_class_accuracy', '-')}; "
                     f"PLOVER acc. {r.get('plover_accuracy', '-')}")
    comb = vs.get("combined") or next(iter(vs.values()))
    if comb.get("tuple_label"):
        lines.append(f"(tuples are (source, {comb['tuple_label']}, target) per sentence)")
    if comb.get("confusion_top"):
        lines.append("confusions (gold root → main predicted root, '--' = uncoded), combined: "
                     + ", ".join(f"{g}→{p} ×{n}" for g, p, n in comb["confusion_top"]))
    if comb.get("confidence_bins"):
        lines.append("confidence vs. correct root (combined): "
                     + ", ".join(f"[{k}) n={b['n']} ok={b['root_correct']:.2f}" for k, b in comb["confidence_bins"].items()))
    return "\n".join(lines)
