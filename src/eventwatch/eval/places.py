"""Score the places stage against geoparsing gold: ``eventwatch eval places GOLD.jsonl...``.

Gold files: ``../shared/gold/geo/*_dev.jsonl`` (GeoWebNews, TR-News, LGL; read in place, never
copied). In scope: gold toponyms with coordinates and valid offsets; for GeoWebNews only the
literal usage types (Literal, Mixed, Literal_Modifier, Coercion, Embedded_Literal).

Per set and pooled:

- ``recall@161``: share of gold toponyms with a predicted place mention overlapping the same
  words whose coordinates lie within 161 km of the gold point, or that carries the gold's GeoNames id
  (end to end: detected *and* resolved; the sets were annotated with GeoNames versions that put some
  countries' points 900 km apart, see ``distance``); ``recall@161_km_only``: by distance alone;
- ``detected``: share of gold toponyms overlapped by any predicted place mention;
- ``median_km`` / ``mean_km``: error of the detected ones;
- ``precision``: share of predicted mentions that overlap a gold toponym with coordinates (any
  type, since a GeoWebNews metonymic country is still that country) and lie within 161 km of it (or
  carry its GeoNames id), among the mentions the gold can judge: a mention overlapping only TR-News or
  LGL toponyms without coordinates is left out (``unjudged``); ``precision_all`` counts those as wrong;
  ``precision_detect``: share that overlap any annotated gold toponym row;
- ``top_errors``: the 20 most frequent errors by name: a gold toponym ``missed`` or put in the
  ``wrong place`` (over 161 km off), or a predicted mention that is ``not a place`` (overlaps no
  annotated row);
- ``recall@161_without_demonyms`` and ``demonym_share``: the gold sets annotate demonyms
  ("Turkish" -> Turkey) as toponyms; eventwatch by design makes no place of a demonym, so the
  recall over the other toponyms is reported beside the headline figure.

Tune and measure halves (fixed before any tuning, issue 21): every document belongs to one half by
a hash of its ``doc_id`` (``split_of``); ``--split tune`` scores only the half rules may be tuned
on, ``--split measure`` only the other. Errors are read on the tune half only.
"""
from __future__ import annotations

import hashlib
import json
import logging
import statistics
from collections import Counter
from pathlib import Path

from eventwatch.model import Record
from eventwatch.nlp import load_model
from eventwatch.places.gazetteer import demonyms, normalise
from eventwatch.places.resolve import km

log = logging.getLogger(__name__)

GWN_LITERAL = {"Literal", "Mixed", "Literal_Modifier", "Coercion", "Embedded_Literal"}
HIT_KM = 161.0
TOP_ERRORS = 20


def gold_files(paths: list[str]) -> list[Path]:
    out = []
    for p in map(Path, paths):
        out.extend(sorted(p.glob("*_dev.jsonl")) if p.is_dir() else [p])
    return out


SPLITS = ("tune", "measure")


def split_of(doc_id: str) -> str:
    """The half a document belongs to: 'tune' or 'measure', by the first byte of SHA-1(doc_id)
    (about half and half; fixed, independent of file order)."""
    return SPLITS[hashlib.sha1(doc_id.encode("utf-8")).digest()[0] & 1]


def in_scope(t: dict) -> bool:
    if not t.get("has_coordinates") or t.get("start", -1) < 0 or t.get("lat") is None:
        return False
    return t.get("gwn_type") is None or t["gwn_type"] in GWN_LITERAL


def read_docs(path: Path, limit: int | None, split: str | None = None) -> list[dict]:
    """The gold documents of one file (only those of ``split``, if given)."""
    docs = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                doc = json.loads(line)
                if split is None or split_of(doc["doc_id"]) == split:
                    docs.append(doc)
            if limit and len(docs) >= limit:
                break
    return docs


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def gold_id(t: dict) -> int | None:
    gid = t.get("geonameid")
    return int(gid) if gid and str(gid).isdigit() else None


def distance(t: dict, p) -> float:
    """Error in km of place ``p`` for gold toponym ``t``: 0 when both carry the same GeoNames id (the
    sets were annotated with different GeoNames versions, which moved some points: LGL puts Canada at
    60N 96W, GeoWebNews and TR-News at 60N 114W, 900 km apart; the same id is the same place)."""
    if p.geonameid is not None and gold_id(t) == p.geonameid:
        return 0.0
    return km(t["lat"], t["lon"], p.lat, p.lon)


def unjudged(rows: list[dict]) -> bool:
    """A predicted mention the gold cannot judge by distance: it overlaps only toponyms that TR-News or LGL
    annotate as places but without coordinates (no GeoNames id; the sets' README: "exclude them from
    geocoding scores"). GeoWebNews rows without coordinates are typed (Non_Toponym, Homonym...): there a
    prediction is judged wrong."""
    return bool(rows) and all(not t.get("has_coordinates") and "gwn_type" not in t for t in rows)


def _detail(doc_gold: dict, span: tuple[int, int], kind: str, t: dict | None, p) -> dict:
    """One error for the ``--errors`` listing: the words, the sentence around them, gold and prediction."""
    text = doc_gold.get("text", "")
    lo = max(text.rfind(". ", 0, span[0]) + 2, span[0] - 200, 0)
    hi = text.find(". ", span[1])
    hi = min(hi + 1 if hi >= 0 else len(text), span[1] + 200)
    row = {"doc_id": doc_gold.get("doc_id"), "kind": kind, "words": text[span[0]:span[1]], "start": span[0],
           "context": text[lo:hi]}
    if t is not None:
        row["gold"] = {k: t.get(k) for k in ("geonameid", "lat", "lon", "gazetteer_name", "admin1_name",
                                             "country_name", "feature_code", "gwn_type")}
    if p is not None:
        row["predicted"] = {"id": p.id, "name": p.name, "admin1": p.admin1, "country": p.country,
                            "feature": p.feature}
        if t is not None:
            row["km"] = round(distance(t, p))
    return row


def score_doc(doc_gold: dict, places) -> dict:
    """Counts for one document: predicted mentions vs gold toponyms."""
    preds = [((m[0], m[1]), p) for p in places for m in p.mentions]
    gold_all = [t for t in doc_gold["toponyms"] if t.get("start", -1) >= 0]
    gold = [t for t in gold_all if in_scope(t)]
    dem = demonyms()
    out = {"gold": len(gold), "hit": 0, "detected": 0, "errors": [], "pred": len(preds),
           "pred_ok": 0, "pred_detect": 0, "gold_demonym": 0, "hit_demonym": 0, "hit_km_only": 0, "pred_unjudged": 0,
           "error_names": Counter(), "details": []}
    for t in gold:
        span = (t["start"], t["end"])
        is_demonym = normalise(t["text"]) in dem
        out["gold_demonym"] += is_demonym
        dists = [distance(t, p) for s, p in preds if overlaps(s, span)]
        raw = [km(t["lat"], t["lon"], p.lat, p.lon) for s, p in preds if overlaps(s, span)]
        out["hit_km_only"] += bool(raw) and min(raw) <= HIT_KM
        if dists:
            out["detected"] += 1
            out["errors"].append(min(dists))
            out["hit"] += min(dists) <= HIT_KM
            out["hit_demonym"] += is_demonym and min(dists) <= HIT_KM
        if not dists or min(dists) > HIT_KM:
            out["error_names"]["wrong place: " + t["text"] if dists else "missed: " + t["text"]] += 1
            got = min(((distance(t, p), p) for s, p in preds if overlaps(s, span)), default=None, key=lambda x: x[0])
            out["details"].append(_detail(doc_gold, span, "wrong place" if dists else "missed", t, got and got[1]))
    for s, p in preds:
        over = [t for t in gold_all if overlaps(s, (t["start"], t["end"]))]
        out["pred_detect"] += bool(over)
        if not over:
            words = doc_gold["text"][s[0]:s[1]] if "text" in doc_gold else p.name
            out["error_names"]["not a place: " + words] += 1
            out["details"].append(_detail(doc_gold, s, "not a place", None, p))
        out["pred_ok"] += any(t.get("has_coordinates") and t.get("lat") is not None
                              and distance(t, p) <= HIT_KM for t in over)
        out["pred_unjudged"] += unjudged(over)
    return out


def summarise(counts: list[dict]) -> dict:
    gold = sum(c["gold"] for c in counts)
    pred = sum(c["pred"] for c in counts)
    judged = pred - sum(c["pred_unjudged"] for c in counts)
    errors = [e for c in counts for e in c["errors"]]
    return {
        "docs": len(counts),
        "gold_toponyms": gold,
        "recall@161": round(sum(c["hit"] for c in counts) / gold, 4) if gold else None,
        "recall@161_km_only": round(sum(c["hit_km_only"] for c in counts) / gold, 4) if gold else None,
        "detected": round(sum(c["detected"] for c in counts) / gold, 4) if gold else None,
        "median_km": round(statistics.median(errors), 1) if errors else None,
        "mean_km": round(statistics.fmean(errors), 1) if errors else None,
        "recall@161_without_demonyms": round(
            (sum(c["hit"] for c in counts) - sum(c["hit_demonym"] for c in counts))
            / (gold - sum(c["gold_demonym"] for c in counts)), 4) if gold else None,
        "demonym_share": round(sum(c["gold_demonym"] for c in counts) / gold, 4) if gold else None,
        "predicted_mentions": pred,
        "precision": round(sum(c["pred_ok"] for c in counts) / judged, 4) if judged else None,
        "precision_all": round(sum(c["pred_ok"] for c in counts) / pred, 4) if pred else None,
        "precision_detect": round(sum(c["pred_detect"] for c in counts) / pred, 4) if pred else None,
        "top_errors": sum((c["error_names"] for c in counts), Counter()).most_common(TOP_ERRORS),
    }


def evaluate(paths: list[str], options: dict) -> dict:
    from eventwatch.places import find_places
    from eventwatch.places.gazetteer import load_gazetteer

    nlp = load_model(options.get("model"))
    gazetteer = load_gazetteer()
    result, pooled = {"sets": {}}, []
    for path in gold_files(paths):
        docs = read_docs(path, options.get("limit"), options.get("split"))
        counts = []
        for gold_doc, doc in zip(docs, nlp.pipe((d["text"] for d in docs), batch_size=16)):
            record = Record(id=gold_doc["doc_id"], text=gold_doc["text"])
            counts.append(score_doc(gold_doc, find_places(doc, record, gazetteer)))
        result["sets"][path.stem] = summarise(counts)
        pooled.extend(counts)
        log.info("scored %s", path.name)
    result["pooled"] = summarise(pooled)
    write_errors(options.get("errors"), options.get("split"), pooled)
    result["split"] = options.get("split")
    result["scope"] = "toponyms with coordinates; GeoWebNews types " + ", ".join(sorted(GWN_LITERAL))
    return result


def write_errors(path: str | None, split: str | None, counts: list[dict]) -> None:
    """Every error of the run as JSON Lines (``--errors FILE``), for the tune half only: errors are read
    there, never on the measure half."""
    if not path:
        return
    if split != "tune":
        log.warning("--errors is written only with --split tune (the measure half is not read)")
        return
    with open(path, "w", encoding="utf-8") as fh:
        for c in counts:
            for row in c["details"]:
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    log.info("wrote %d errors to %s", sum(len(c["details"]) for c in counts), path)


def report(result: dict) -> str:
    cols = ("docs", "gold_toponyms", "recall@161", "recall@161_km_only", "detected", "median_km", "mean_km",
            "precision", "precision_all",
            "precision_detect", "demonym_share", "recall@161_without_demonyms")
    lines = ["set".ljust(16) + "".join(c.rjust(max(len(c), 8) + 2) for c in cols)]
    rows = list(result["sets"].items()) + [("pooled", result["pooled"])]
    for name, r in rows:
        lines.append(name.ljust(16) + "".join(str(r.get(c)).rjust(max(len(c), 8) + 2) for c in cols))
    lines.append(f"scope: {result['scope']}; a hit = predicted place on overlapping words within {HIT_KM:.0f} km")
    if result.get("split"):
        lines.append(f"documents: the {result['split']} half only (eval.places.split_of)")
    lines.append(f"\n{TOP_ERRORS} most frequent errors (pooled):")
    lines.extend(f"{n:6d}  {name}" for name, n in result["pooled"]["top_errors"])
    return "\n".join(lines)
