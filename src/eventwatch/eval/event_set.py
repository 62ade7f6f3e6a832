"""Scoring the event coder on eventwatch's own hand-coded set (docs/annotation/events.md).

``eventwatch eval events labels/events`` runs the whole pipeline over every article that holds a
coded sentence (so the coder sees the same context as in production), gives each predicted event
to the coded sentence its trigger falls in, and reports per split (``tune``: may be looked at;
``test``: measure only):

- sentence detection: does the sentence report at least one event (precision, recall, F1);
- events by root: one-to-one matching by CAMEO root within a sentence (precision, recall, F1);
- material conflict (QuadClass 4) precision: predicted QuadClass-4 events matched by root;
- dyad accuracy of matched events: source and target codes agree on country and first sector
  (the first six characters), and on country alone (the first three). Codes are compared in the
  guide's form (:func:`canonical`): the state named as a country ("USA", CAMEO's code for the
  country acting as a whole) is its government ("USAGOV", the guide's "US = USAGOV"); Phoenix's
  "MNCUSA" (a US multinational) is "USABUS" and "IMG..." (an international militarized group) is
  "---REB"; legacy country prefixes take today's code; a coarse gold "IGO"/"NGO" (which the guide allows)
  agrees with any code of that kind. An empty gold side must be empty in the
  prediction, except a side the sentence does not name ("src: - = CODE"): the guide makes that code
  optional, so an empty prediction agrees and a given one must match it. ``dyad_strict`` is the
  first six characters as written, with every gold code required (the figure before these rules);
- false events per 100 sentences of BBC sport, entertainment and tech;
- flags of matched events (:func:`flag_scores`): precision and recall of h (hypothetical), n (negated) and b
  (background) against the guide's §4 flags, and how many gold-background events the pipeline dated on the
  article's own day (the complaint "background history dated as today's news"). Corpora without a date
  (GeoWebNews, TR-News, re3d) are run undated, as a user's undated input is: an event gets a date only from an
  absolute time its clause names, its background flag from told_as_history or a year before the article's
  newest (events/dates.py), and the rest count as "undated" (a placeholder day would make those figures
  meaningless and give the office-holders of that day).

Plain statements (root 01) are out of the set's scope: predicted 01 events are not scored.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from eventwatch.eval.event_labels import LabelledSentence, load_docs, sentences

OFF_SCOPE_ROOTS = {"01"}
QUIET_SECTIONS = ("bbc-sport-", "bbc-entertainment-", "bbc-tech-")


def is_label_folder(path: str | Path) -> bool:
    return (Path(path) / "sample.jsonl").is_file()


@dataclass
class Scored:
    """One labelled sentence with the events the pipeline gave it (dicts shaped like the gold)."""

    sentence: LabelledSentence
    predicted: list[dict] = field(default_factory=list)


# ------------------------------------------------------------------ aligning record text to corpus text
def _squeezed(text: str) -> tuple[str, list[int]]:
    """Text with every whitespace run made one space, and the index in ``text`` of each kept char."""
    out, where = [], []
    for m in re.finditer(r"\s+|\S+", text):
        if m.group().isspace():
            out.append(" ")
            where.append(m.start())
        else:
            out.append(m.group())
            where.extend(range(m.start(), m.end()))
    return "".join(out), where


SIGN_OFF = re.compile(r"\s+REUTER$")  # Reuters-21578 closes each story with this line


def locate(record_text: str, wanted: list[str]) -> list[tuple[int, int] | None]:
    """The ``[start, end)`` of each wanted sentence in ``record_text`` (in order; whitespace-insensitive)."""
    flat, where = _squeezed(record_text)
    spans, cursor = [], 0
    for text in wanted:
        needle = " ".join(text.split())
        i = flat.find(needle, cursor)
        if i < 0:
            i = flat.find(needle)
        if i < 0 and SIGN_OFF.search(needle):
            # the wire's sign-off the sentence splitter left on the last sentence: the cleaner drops it
            needle = SIGN_OFF.sub("", needle)
            i = flat.find(needle, cursor)
            i = flat.find(needle) if i < 0 else i
        if i < 0 or not needle:
            spans.append(None)
            continue
        spans.append((where[i], where[i + len(needle) - 1] + 1))
        cursor = i + len(needle)
    return spans


# ------------------------------------------------------------------ running the pipeline
def _actor_code(actor) -> str:
    if actor is None:
        return ""
    code = actor.code or ""
    if not code and (actor.country or actor.sector):
        code = (actor.country or "---") + (actor.sector[0] if actor.sector else "")
    if not code:
        return "?"  # an actor with nothing known: never agrees with a gold code, nor with no actor
    if len(code) == 3 and actor.kind != "country":
        return code + "???"  # a person or body with a country and no sector: the country only (not its GOV)
    return code


def _as_gold_shape(event, actors: dict) -> dict:
    return {"root": event.root, "cameo": event.cameo, "quad_class": event.quad_class,
            "trigger": list(event.trigger), "confidence": event.confidence, "method": event.method,
            "source_code": _actor_code(actors.get(event.source)),
            "target_code": _actor_code(actors.get(event.target)),
            "source_name": getattr(actors.get(event.source), "name", None),
            "target_name": getattr(actors.get(event.target), "name", None),
            "target_named": bool(event.target_span), "source_named": bool(event.source_span)}


def _with_flags(shape: dict, event, published: str | None) -> dict:
    """The event's flags and time beside its gold-shaped fields, with the article's date (see ``flag_scores``)."""
    shape.update({"hypothetical": event.hypothetical, "negated": event.negated, "background": event.background,
                  "date": event.date, "date_precision": event.date_precision, "article_date": (published or "")[:10] or None})
    return shape


def predict(items: list[LabelledSentence], options: dict, shared=None) -> list[Scored]:
    """Run the pipeline over each article with a labelled sentence; hand events to their sentences."""
    from eventwatch.model import Document
    from eventwatch.pipeline import Pipeline
    from eventwatch.settings import Settings

    by_doc: dict[tuple[str, str], list[LabelledSentence]] = defaultdict(list)
    for it in items:
        by_doc[(it.corpus, it.doc)].append(it)
    corpus_docs = load_docs(shared or _shared(), {c for c, _ in by_doc})
    documents = [Document(text=corpus_docs[key]["text"], id=f"{key[0]}:{key[1]}", kind="text",
                          published=_date(corpus_docs[key])) for key in by_doc]
    pipe = Pipeline(Settings(model=options.get("model"), extra=dict(options.get("extra") or {})))
    out: list[Scored] = []
    for key, record in zip(by_doc, pipe.process(documents)):
        sents = by_doc[key]
        spans = locate(record.text, [s.text for s in sents])
        actors = {a.id: a for a in record.actors}
        for s, span in zip(sents, spans):
            scored = Scored(s)
            if span is not None:
                scored.predicted = [_with_flags(_as_gold_shape(e, actors), e, record.published) for e in record.events
                                    if span[0] <= e.trigger[0] < span[1] and e.root not in OFF_SCOPE_ROOTS]
                for p in scored.predicted:
                    p["trigger"] = [p["trigger"][0] - span[0], p["trigger"][1] - span[0]]
            out.append(scored)
    return out


def _shared():
    from eventwatch.eval.event_labels import default_shared

    return default_shared()


def _date(rec: dict) -> str | None:
    """The record's publication date; a record dated only by its collection's years ("date_range":
    "2004/2005", the BBC set) gets the middle of that span, which is what a user would pass with --date
    (undated, "in 2003" would date an event but could not show it as history before the article); a
    record with neither is undated (None)."""
    for key in ("date", "publication_date", "published"):
        value = rec.get(key)
        if isinstance(value, str) and re.match(r"\d{4}-\d\d-\d\d", value):
            return value[:10]
    span = re.fullmatch(r"(\d{4})\s*[/-]\s*(\d{4})", str(rec.get("date_range") or "").strip())
    if span:
        first, last = int(span.group(1)), int(span.group(2))
        middle = date.fromordinal((date(first, 1, 1).toordinal() + date(last, 12, 31).toordinal()) // 2)
        return middle.isoformat()
    return None


# ------------------------------------------------------------------ scoring
def match(gold: list[dict], pred: list[dict]) -> list[tuple[dict, dict]]:
    """One-to-one by root; within a root, in order of trigger position."""
    sides: dict[str, list[list[dict]]] = defaultdict(lambda: [[], []])
    for i, evs in enumerate((gold, pred)):
        for ev in sorted(evs, key=lambda e: e["trigger"][0]):
            sides[ev["root"]][i].append(ev)
    return [p for g, q in sides.values() for p in zip(g, q)]


def _prf(tp: int, npred: int, ngold: int) -> dict:
    p = tp / npred if npred else 0.0
    r = tp / ngold if ngold else 0.0
    return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0,
            "tp": tp, "predicted": npred, "gold": ngold}


STATELESS = ("---", "IGO", "NGO")


def canonical(code: str) -> str:
    """A CAMEO/Phoenix actor code in the annotation guide's form (country + sectors): "USA" -> "USAGOV",
    "MNCUSA" -> "USABUS", "IMGMUSISI" -> "---REB", "YUGGOV" -> "SRBGOV"; "?" and "" stay as they are."""
    from eventwatch.actors.codes import legacy_codes

    code = (code or "").upper()
    if code.startswith("MNC") and len(code) >= 6:
        code = code[3:6] + "BUS" + code[6:]
    elif code.startswith("IMG"):
        code = "---REB"
    if len(code) >= 3:
        code = legacy_codes().get(code[:3], code[:3]) + code[3:]
    if len(code) == 3 and code.isalpha() and code not in STATELESS:
        code += "GOV"
    return code


def _side_agrees(gold_code: str, pred_code: str, width: int = 6, implicit: bool = False) -> bool:
    """Codes agree on their first ``width`` characters (6: country + first sector; 3: country) in the
    guide's form; a gold side without words in the sentence (``implicit``) also agrees with no actor."""
    if implicit and not pred_code:
        return True
    gold, pred = canonical(gold_code), canonical(pred_code)
    if gold in ("IGO", "NGO"):
        width = 3  # the guide: "a coarse IGO/NGO is fine"
    return gold[:width] == pred[:width]


def _side_right(gold: dict, pred: dict, side: str, width: int) -> bool:
    return _side_agrees(gold[f"{side}_code"], pred[f"{side}_code"], width, implicit=not gold.get(side))


def _dyads_right(pairs: list[tuple[dict, dict]], width: int) -> float | None:
    right = sum(_side_right(g, p, "source", width) and _side_right(g, p, "target", width) for g, p in pairs)
    return round(right / len(pairs), 3) if pairs else None


def _partyless(pred: dict) -> bool:
    """A predicted event that names no party at all (no source, no target)."""
    return not pred["source_code"] and not pred["target_code"]


def _dyads_with_parties(pairs: list[tuple[dict, dict]], width: int) -> float | None:
    """``dyad`` where an event naming no party at all earns nothing from sides the sentence leaves unnamed: it is
    right only when the gold event has no code on either side. (In ``dyad`` an empty prediction agrees with an unnamed
    gold side, so a partyless event matched to a gold event whose sides are both unnamed counts as a right dyad.)"""
    right = sum(not (g["source_code"] or g["target_code"]) if _partyless(p)
                else _side_right(g, p, "source", width) and _side_right(g, p, "target", width) for g, p in pairs)
    return round(right / len(pairs), 3) if pairs else None


def _partyless_share(pairs: list[tuple[dict, dict]]) -> float | None:
    """The share of matched events that name no party at all (in the dyad figure's denominator)."""
    return round(sum(_partyless(p) for _g, p in pairs) / len(pairs), 3) if pairs else None


def _dyads_strict(pairs: list[tuple[dict, dict]]) -> float | None:
    """The first six characters as written, every gold code required (no form rules)."""
    right = sum(all((g[k] or "")[:6] == (p[k] or "")[:6] for k in ("source_code", "target_code")) for g, p in pairs)
    return round(right / len(pairs), 3) if pairs else None


def _gold_quad4(event: dict) -> bool:
    """CAMEO roots 14-20 are material conflict (QuadClass 4, as events/codes.py has it)."""
    from eventwatch.events.codes import lookup

    info = lookup(str(event.get("root") or ""))
    return info is not None and info.quad_class == 4


def _quad4_by_class(scored: list[Scored], npred: int) -> float | None:
    """Material-conflict precision by class: a predicted QuadClass-4 event is right when its sentence holds a
    gold QuadClass-4 event not already taken by another (any root 14-20: "killed" read as 190 where the coder
    wrote the "attack" as 180 counts). The root-matched figure ("Q4 P") is the stricter one."""
    if not npred:
        return None
    ok = sum(min(sum(p["quad_class"] == 4 for p in s.predicted), sum(_gold_quad4(g) for g in s.sentence.events))
             for s in scored)
    return round(ok / npred, 3)


def score(scored: list[Scored]) -> dict:
    det_tp = sum(bool(s.sentence.events) and bool(s.predicted) for s in scored)
    pairs = [p for s in scored for p in match(s.sentence.events, s.predicted)]
    npred = sum(len(s.predicted) for s in scored)
    ngold = sum(len(s.sentence.events) for s in scored)
    q4_pred = [e for s in scored for e in s.predicted if e["quad_class"] == 4]
    q4_ok = sum(1 for g, p in pairs if p["quad_class"] == 4)
    quiet = [s for s in scored if s.sentence.doc.startswith(QUIET_SECTIONS)]
    quiet_false = sum(len(s.predicted) - len(match(s.sentence.events, s.predicted)) for s in quiet)
    return {
        "sentences": len(scored),
        "detection": _prf(det_tp, sum(bool(s.predicted) for s in scored), sum(bool(s.sentence.events) for s in scored)),
        "events_by_root": _prf(len(pairs), npred, ngold),
        "quad4_precision": round(q4_ok / len(q4_pred), 3) if q4_pred else None,
        "quad4_class_precision": _quad4_by_class(scored, len(q4_pred)),
        "quad4_predicted": len(q4_pred),
        "dyad_accuracy": _dyads_right(pairs, 6),
        "dyad_country": _dyads_right(pairs, 3),
        "dyad_strict": _dyads_strict(pairs),
        "dyad_parties": _dyads_with_parties(pairs, 6),
        "partyless_matched": _partyless_share(pairs),
        "no_target_share": round(sum(not e["target_code"] for e in (p for s in scored for p in s.predicted)) / npred, 3)
        if npred else None,
        "reliability": reliability(scored),
        "ece": calibration_error(scored),
        "quiet_sentences": len(quiet),
        "quiet_false_per_100": round(100 * quiet_false / len(quiet), 2) if quiet else None,
        "flags": flag_scores(pairs),
    }


FLAGS = {"h": "hypothetical", "n": "negated", "b": "background"}


def flag_scores(pairs: list[tuple[dict, dict]]) -> dict:
    """Among events matched by root: precision and recall of each flag (gold from the coded files, predicted
    from the event's fields), and how many gold-background events the pipeline dated on the article's own day
    ("dated as today's news") out of those it dated at all."""
    out: dict = {}
    for short, key in FLAGS.items():
        tp = sum(bool(g.get(key)) and bool(p.get(key)) for g, p in pairs)
        out[short] = _prf(tp, sum(bool(p.get(key)) for _, p in pairs), sum(bool(g.get(key)) for g, _ in pairs))
    gold_b = [p for g, p in pairs if g.get("background")]
    in_dated = [p for p in gold_b if p.get("article_date")]  # an undated article has no "today" to be dated on
    background = [p for p in in_dated if p.get("date")]
    today = sum(p["date"] == p["article_date"] for p in background)
    out["b_today"] = {"today": today, "dated": len(background), "undated": len(in_dated) - len(background),
                      "in_undated_articles": len(gold_b) - len(in_dated),
                      "share": round(today / len(background), 3) if background else None}
    return out


def _flag_line(split: str, f: dict) -> str:
    cells = " ".join(f"{k} {f[k]['precision']:.2f}/{f[k]['recall']:.2f} ({f[k]['tp']}/{f[k]['predicted']}/{f[k]['gold']})"
                     for k in FLAGS)
    t = f["b_today"]
    return (f"  {split:7} {cells}  b dated today {t['today']}/{t['dated']} ({_fmt(t['share'])}), "
            f"undated {t.get('undated', 0)}, in undated articles {t.get('in_undated_articles', 0)}")


RELIABILITY_BINS = (0.0, 0.2, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.01)


def reliability(scored: list[Scored]) -> list[dict]:
    """Predicted events by confidence bin: how many, and the share matched to a gold event by root."""
    rows = []
    right = {id(p) for s in scored for _, p in match(s.sentence.events, s.predicted)}
    preds = [p for s in scored for p in s.predicted]
    for lo, hi in zip(RELIABILITY_BINS, RELIABILITY_BINS[1:]):
        got = [p for p in preds if lo <= p.get("confidence", 0.0) < hi]
        if got:
            rows.append({"bin": [lo, min(hi, 1.0)], "n": len(got), "mean_conf": round(sum(p["confidence"] for p in got) / len(got), 3),
                         "right": round(sum(id(p) in right for p in got) / len(got), 3)})
    return rows


def calibration_error(scored: list[Scored]) -> float | None:
    right = {id(p) for s in scored for _, p in match(s.sentence.events, s.predicted)}
    return expected_calibration_error([(p.get("confidence", 0.0), id(p) in right) for s in scored for p in s.predicted])


def expected_calibration_error(preds: list[tuple[float, bool]], bins: int = 10) -> float | None:
    """|share right - mean confidence| per tenth of confidence, weighted by the events in it."""
    gap: dict[int, float] = defaultdict(float)
    for conf, ok in preds:
        gap[min(int(conf * bins), bins - 1)] += ok - conf
    return round(sum(abs(g) for g in gap.values()) / len(preds), 3) if preds else None


def evaluate(paths: list[str], options: dict) -> dict:
    folder = paths[0]
    items = list(sentences(labels=folder))
    if options.get("limit"):
        docs = sorted({(s.corpus, s.doc) for s in items})[: options["limit"]]
        items = [s for s in items if (s.corpus, s.doc) in set(docs)]
    scored = predict(items, options)
    result = {"set": str(folder), "coders": sorted({s.coder for s in items if s.coder})}
    for split in ("tune", "test"):
        part = [s for s in scored if s.sentence.split == split]
        if part:
            result[split] = score(part)
    waves = sorted({s.sentence.wave for s in scored if s.sentence.split == "tune"})
    if len(waves) > 1:  # later waves are unseen by rules written before they were coded: report them apart
        for wave in waves:
            result[f"tune.w{wave}"] = score([s for s in scored if s.sentence.split == "tune" and s.sentence.wave == wave])
    return result


def _rows(result: dict) -> list[str]:
    return ["tune", *sorted(k for k in result if k.startswith("tune.w")), "test"]


def report(result: dict) -> str:
    rows = [f"eventwatch's own event set ({result['set']}; coders {', '.join(result['coders'])})",
            f"{'split':6} {'sents':>6} {'det P':>6} {'det R':>6} {'root P':>7} {'root R':>7} {'root F1':>8} "
            f"{'Q4 P':>6} {'Q4 c':>6} {'dyad':>6} {'dyad c':>6} {'dyad s':>6} {'dyad p':>6} {'0 pty':>6} {'no tgt':>7} {'quiet/100':>10}"]
    for split in _rows(result):
        s = result.get(split)
        if not s:
            continue
        d, r = s["detection"], s["events_by_root"]
        rows.append(f"{split:7} {s['sentences']:>5} {d['precision']:>6} {d['recall']:>6} {r['precision']:>7} "
                    f"{r['recall']:>7} {r['f1']:>8} {_fmt(s['quad4_precision']):>6} "
                    f"{_fmt(s.get('quad4_class_precision')):>6} {_fmt(s['dyad_accuracy']):>6} "
                    f"{_fmt(s['dyad_country']):>6} {_fmt(s.get('dyad_strict')):>6} "
                    f"{_fmt(s.get('dyad_parties')):>6} {_fmt(s.get('partyless_matched')):>6} "
                    f"{_fmt(s['no_target_share']):>7} {_fmt(s['quiet_false_per_100']):>10}")
    for split in ("tune", "test"):
        s = result.get(split)
        if s and s.get("reliability"):
            rows.append(f"reliability ({split}): confidence bin, events, mean confidence, share right by root "
                        f"(expected calibration error {_fmt(s.get('ece'))})")
            rows += [f"  [{r['bin'][0]:.1f}, {r['bin'][1]:.1f})  {r['n']:>5}  {r['mean_conf']:.3f}  {r['right']:.3f}"
                     for r in s["reliability"]]
    rows.append("flags among root-matched events: P/R (tp/predicted/gold) of h hypothetical, n negated, b background; "
                "b dated today: gold-background events of dated articles dated on the article's day / those dated; "
                "undated: given no date there; in undated articles: gold-background events of articles with no date")
    rows += [_flag_line(split, result[split]["flags"]) for split in _rows(result) if result.get(split, {}).get("flags")]
    rows.append("det: sentence reports an event; root: events matched one-to-one by CAMEO root; Q4 P: material-"
                "conflict precision (root-matched); Q4 c: the same by class (a gold root 14-20 in the sentence); dyad: source and target right (country + sector) among matched; dyad c: the "
                "same on country only; dyad s: the same as written, gold codes of unnamed sides required; dyad p: "
                "as dyad, but an event naming no party at all is right only where the gold event codes no side; 0 pty: share "
                "of matched events naming no party (counted in dyad's denominator); quiet/100: "
                "false events per 100 BBC sport/entertainment/tech sentences. tune may be looked at; test is "
                "measure-only; tune.wN: the tune sentences of sample wave N.")
    return "\n".join(rows)


def _fmt(value) -> str:
    return "-" if value is None else str(value)
