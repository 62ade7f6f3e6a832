"""Quote scorer: ``eventwatch eval quotes GOLD.jsonl``.

The GenderGapTracker metric (Asr et al. 2021, ``evaluate_quotes.py`` in sfu-discourse-lab/
GenderGapTracker): gold quotes are taken in order; each matches the unused predicted quote with
the highest share of the gold quote's characters, if that share is strictly above the threshold
T (0.3 and 0.8). Matches are true positives, unmatched gold quotes false negatives, predicted
quotes left over false positives, summed over articles. Among matched quotes: speaker accuracy as
GGT defines it (the predicted speaker mention overlaps the gold one, or both are floating), the
accuracy of the canonical speaker name against ``speaker_canonical_name`` (full name or surname
agree), and cue accuracy (exact lower-cased match).

Two gold formats are read where they lie: GGT (``quotes[]`` with ``quote_char_span``) and
PolNeAR (``attributions[]`` with content/source/cue spans; primary annotations only), and
eventwatch's own hand-coded set given as its label folder (``labels/quotes``, read by
``eval.quote_labels``, one format per part: labels/tune, labels/measure). GGT counts
direct and indirect quotes alike, and so does this scorer.
"""
from __future__ import annotations

import json
import logging
import re
import unicodedata
from pathlib import Path

from eventwatch.eval import quote_labels
from eventwatch.model import Record

log = logging.getLogger(__name__)

THRESHOLDS = (0.3, 0.8)
HONORIFICS = {"mr", "mrs", "ms", "dr", "sir", "the", "a", "an", "prof", "president", "minister"}


# -- reading gold
def read_gold(paths: list[str], limit: int | None = None, skip: int = 0) -> list[dict]:
    """Articles as {id, text, format, quotes: [{span, speaker_span, speaker, cue, cue_span, marked}]}
    (the first ``skip`` articles left out, then at most ``limit``)."""
    articles = []
    for art in _gold_articles(paths):
        if skip:
            skip -= 1
            continue
        articles.append(art)
        if limit and len(articles) >= limit:
            break
    return articles


def _gold_articles(paths: list[str]):
    """GGT and PolNeAR records of the files, and the articles of a quote label folder (eval.quote_labels)."""
    for p in map(Path, paths):
        if quote_labels.is_label_folder(p):
            yield from quote_labels.read_labels(p)
            continue
        for path in _files([str(p)]):
            with open(path, encoding="utf-8") as fh:
                arts = (_article(json.loads(line)) for line in fh if line.strip())
                yield from (a for a in arts if a is not None)


def _files(paths: list[str]) -> list[Path]:
    out = []
    for p in map(Path, paths):
        out.extend(sorted(p.glob("*.jsonl")) if p.is_dir() else [p])
    return out


def _article(rec: dict) -> dict | None:
    if "attributions" in rec:
        if not rec.get("is_primary_annotation", True):
            return None
        return {"id": rec["doc_id"], "text": rec["text"], "format": "polnear",
                "quotes": [q for q in map(_polnear_quote, rec["attributions"]) if q]}
    return {"id": rec["doc_id"], "text": rec["text"], "format": "ggt",
            "quotes": [_ggt_quote(q) for q in rec.get("quotes", [])]}


def _ggt_quote(q: dict) -> dict:
    return {"spans": [tuple(q["quote_char_span"])], "speaker_spans": [tuple(q["speaker_char_span"])]
            if q.get("speaker_char_span") else [], "speaker": q.get("speaker_canonical_name"),
            "cue": (q.get("cue_verb_text") or "").lower() or None, "cue_spans": [], "marked": q.get("has_quotation_marks")}


def _polnear_quote(a: dict) -> dict | None:
    content = a.get("content")
    if not content:
        return None
    spans = lambda part: [tuple(s) for s in (part or {}).get("char_spans", [])]  # noqa: E731
    return {"spans": spans(content), "speaker_spans": spans(a.get("source")), "speaker": None,
            "cue": ((a.get("cue") or {}).get("text") or "").lower() or None, "cue_spans": spans(a.get("cue")),
            "marked": a.get("content_quote_type") != "indirect_no_quotation_marks"}


# -- running eventwatch on the gold texts (offsets must index the gold text: the cleaner's joining of
# wrapped lines, which keeps every offset, and nothing else of it)
def predict(articles: list[dict], model: str | None = None, pipe=None) -> list[list[dict]]:
    """The quotes eventwatch finds in each article's text (``pipe``: a loaded Pipeline, else one is built)."""
    from eventwatch.clean import unwrap
    from eventwatch.pipeline import Pipeline
    from eventwatch.settings import Settings

    pipe = pipe or Pipeline(Settings(model=model))
    out = []
    texts = [unwrap(a["text"]) for a in articles]
    docs = pipe.nlp.pipe(texts, batch_size=16)
    for art, text, doc in zip(articles, texts, docs):
        record = Record(id=art["id"], text=text)
        pipe.analyse(doc, record)
        out.append([q.to_dict() for q in record.quotes])
    return out


# -- the metric
def _chars(spans) -> set[int]:
    return {i for s, e in spans for i in range(s, e)}


def match(gold: list[dict], pred: list[dict], threshold: float) -> list[tuple[int, int]]:
    """Greedy one-to-one GGT matching: (gold index, predicted index) pairs."""
    pred_chars = [_chars([p["span"]]) for p in pred]
    used: set[int] = set()
    pairs = []
    for gi, g in enumerate(gold):
        gc = _chars(g["spans"])
        if not gc:
            continue
        best, best_score = None, threshold
        for pi, pc in enumerate(pred_chars):
            if pi in used:
                continue
            score = len(gc & pc) / len(gc)
            if score > best_score:
                best, best_score = pi, score
        if best is not None:
            used.add(best)
            pairs.append((gi, best))
    return pairs


def same_speaker(predicted: str | None, gold: str | None) -> bool:
    """Canonical names agree: equal, one's words inside the other's, the same surname with no
    conflicting given name ("Trudeau" = "Justin Trudeau", not "Margaret Trudeau"), or an acronym.
    Words are compared without case, diacritics, possessive or plural endings and titles."""
    p, g = _name_words(predicted), _name_words(gold)
    if not p or not g:
        return False
    if p == g or set(p) <= set(g) or set(g) <= set(p) or _acronym(p, g) or _acronym(g, p):
        return True
    return p[-1] == g[-1] and not _given_names_differ(p, g)


def _given_names_differ(p: list[str], g: list[str]) -> bool:
    """Both names have a given name and neither is a short form of the other ("Xander"/"Alexander")."""
    if len(p) < 2 or len(g) < 2:
        return False
    a, b = p[0], g[0]
    return not (a.startswith(b) or b.startswith(a) or a.endswith(b) or b.endswith(a))


def _acronym(short: list[str], long: list[str]) -> bool:
    """"ircc" for "immigration, refugees and citizenship canada"."""
    initials = "".join(w[0] for w in long if w not in ("and", "of", "for", "the"))
    return len(short) == 1 and len(short[0]) >= 2 and short[0] == initials


def _name_words(name: str | None) -> list[str]:
    plain = "".join(c for c in unicodedata.normalize("NFKD", (name or "").lower()) if not unicodedata.combining(c))
    words = [_stem(w) for w in re.findall(r"[\w’'-]+", plain)]
    return [w for w in words if w and w not in HONORIFICS]


def _stem(word: str) -> str:
    """Without a possessive or plural ending: "Rogers’s" -> "roger", "Conservatives" -> "conservative"."""
    word = re.sub(r"[’']s?$", "", word)
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def _bare(text: str, spans) -> str:
    """A quote's words without surrounding marks, punctuation or a leading "that" (for exact matching)."""
    words = " ".join(text[s:e] for s, e in spans).strip(" \n\"'“”‘’«».,;:")
    return words[5:] if words.lower().startswith("that ") else words


def _overlaps(span, spans) -> bool:
    return span is not None and any(span[0] < e and s < span[1] for s, e in spans)


def score(articles: list[dict], predictions: list[list[dict]], threshold: float) -> dict:
    tp = fp = fn = spk_ggt = spk_name = named = cue_ok = exact = 0
    gold_marked = matched_marked = 0
    for art, pred in zip(articles, predictions):
        gold = art["quotes"]
        pairs = match(gold, pred, threshold)
        tp += len(pairs)
        fn += len(gold) - len(pairs)
        fp += len(pred) - len(pairs)
        gold_marked += sum(1 for g in gold if g["marked"])
        for gi, pi in pairs:
            g, p = gold[gi], pred[pi]
            matched_marked += bool(g["marked"])
            exact += _bare(art["text"], g["spans"]) == _bare(art["text"], [p["span"]])
            if g["speaker_spans"]:
                spk_ggt += _overlaps(p.get("speaker_span"), g["speaker_spans"])
            else:
                spk_ggt += p.get("speaker_span") is None
            if g["speaker"] is not None:
                named += 1
                spk_name += same_speaker(p.get("speaker_name"), g["speaker"])
            cue_text = art["text"][p["cue"][0]:p["cue"][1]].lower() if p.get("cue") else None
            if g["cue_spans"]:
                cue_ok += _overlaps(p.get("cue"), g["cue_spans"])
            else:
                cue_ok += cue_text == g["cue"]
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return {"threshold": threshold, "tp": tp, "fp": fp, "fn": fn, "precision": prec, "recall": rec, "f1": f1,
            "speaker_accuracy_ggt": spk_ggt / tp if tp else 0.0,
            "speaker_name_accuracy": spk_name / named if named else None,
            "cue_accuracy": cue_ok / tp if tp else 0.0,
            "recall_marked": matched_marked / gold_marked if gold_marked else None,
            "exact_share": exact / tp if tp else 0.0}


# -- wrong speakers, for error analysis
PRONOUN_WORDS = {"he", "she", "they", "it", "i", "we", "his", "her", "their", "its", "him", "them"}


def speaker_errors(articles: list[dict], predictions: list[list[dict]],
                   threshold: float = THRESHOLDS[0]) -> list[dict]:
    """Matched quotes whose canonical speaker name is wrong, each with a category by the gold
    speaker mention (floating, pronoun, description, name) and what was predicted."""
    out = []
    for art, pred in zip(articles, predictions):
        gold, text = art["quotes"], art["text"]
        for gi, pi in match(gold, pred, threshold):
            g, p = gold[gi], pred[pi]
            if g["speaker"] is None or same_speaker(p.get("speaker_name"), g["speaker"]):
                continue
            mention = " ".join(text[s:e] for s, e in g["speaker_spans"])
            said = text[p["speaker_span"][0]:p["speaker_span"][1]] if p.get("speaker_span") else None
            out.append({"id": art["id"], "category": _error_category(mention, p), "gold": g["speaker"],
                        "gold_mention": mention, "predicted": p.get("speaker_name"), "predicted_mention": said,
                        "span": p["span"], "quote": text[p["span"][0]:p["span"][1]][:160]})
    return out


def speaker_span_errors(articles: list[dict], predictions: list[list[dict]],
                        threshold: float = THRESHOLDS[0]) -> list[dict]:
    """Matched quotes whose speaker mention misses the gold one (PolNeAR: no canonical names),
    each with the gold and predicted mentions as written and the sentence of the cue."""
    out = []
    for art, pred in zip(articles, predictions):
        gold, text = art["quotes"], art["text"]
        for gi, pi in match(gold, pred, threshold):
            g, p = gold[gi], pred[pi]
            ok = _overlaps(p.get("speaker_span"), g["speaker_spans"]) if g["speaker_spans"] else p.get("speaker_span") is None
            if ok:
                continue
            mention = " ".join(text[s:e] for s, e in g["speaker_spans"])
            said = text[p["speaker_span"][0]:p["speaker_span"][1]] if p.get("speaker_span") else None
            lo = min([p["span"][0], *(s for s, _ in g["speaker_spans"])])
            hi = max([p["span"][1], *(e for _, e in g["speaker_spans"])])
            out.append({"id": art["id"], "category": _error_category(mention, p), "gold_mention": mention,
                        "predicted": p.get("speaker_name"), "predicted_mention": said,
                        "cue": text[p["cue"][0]:p["cue"][1]] if p.get("cue") else None,
                        "context": text[max(0, lo - 80):hi + 40][:600]})
    return out


def _error_category(mention: str, pred: dict) -> str:
    first = mention.split()[0].lower() if mention.split() else ""
    if not mention:
        kind = "floating"
    elif first in PRONOUN_WORDS:
        kind = "pronoun"
    elif mention[:1].islower():
        kind = "description"
    else:
        kind = "name"
    return f"{kind}/{'none' if not pred.get('speaker_name') else 'wrong'}"


def write_speaker_errors(path: str, articles: list[dict], predictions: list[list[dict]]) -> None:
    """Wrong speakers by canonical name where the gold has names (GGT, own set), else by span (PolNeAR)."""
    named = any(q.get("speaker") for a in articles for q in a["quotes"])
    errors = speaker_errors if named else speaker_span_errors
    with open(path, "w", encoding="utf-8") as fh:
        for err in errors(articles, predictions):
            fh.write(json.dumps(err, ensure_ascii=False) + "\n")


def evaluate(paths: list[str], options: dict) -> dict:
    articles = read_gold(paths, options.get("limit"), options.get("skip") or 0)
    predictions = predict(articles, options.get("model"))
    if options.get("errors"):
        write_speaker_errors(options["errors"], articles, predictions)
    results = {}
    for fmt in sorted({a["format"] for a in articles}):
        idx = [i for i, a in enumerate(articles) if a["format"] == fmt]
        arts, preds = [articles[i] for i in idx], [predictions[i] for i in idx]
        results[fmt] = {"articles": len(arts), "gold_quotes": sum(len(a["quotes"]) for a in arts),
                        "predicted_quotes": sum(len(p) for p in preds),
                        "scores": [score(arts, preds, t) for t in THRESHOLDS]}
    return results


def report(result: dict) -> str:
    lines = []
    for fmt, res in result.items():
        lines.append(f"{fmt}: {res['articles']} articles, {res['gold_quotes']} gold quotes, "
                     f"{res['predicted_quotes']} predicted")
        lines.append("  T     P      R      F1     speaker(GGT span)  speaker(name)  cue    recall(marked)  exact")
        for s in res["scores"]:
            name = f"{s['speaker_name_accuracy']:.3f}" if s["speaker_name_accuracy"] is not None else "  -  "
            marked = f"{s['recall_marked']:.3f}" if s["recall_marked"] is not None else "-"
            lines.append(f"  {s['threshold']:.1f}  {s['precision']:.3f}  {s['recall']:.3f}  {s['f1']:.3f}  "
                         f"{s['speaker_accuracy_ggt']:.3f}              {name}          {s['cue_accuracy']:.3f}  {marked}          "
                         f"{s['exact_share']:.3f}")
    return "\n".join(lines)
