"""Quote scoring by halves: a GGT half to tune on and a half only measured; PolNeAR speech only.

    python -m eventwatch.eval.quote_halves ../shared/gold/quotes/ggt_dev.jsonl --half measure
    python -m eventwatch.eval.quote_halves ../shared/gold/quotes/polnear_dev.jsonl --speech
    python -m eventwatch.eval.quote_halves ../shared/gold/quotes/polnear_train.jsonl --speech --errors E.jsonl

The split is fixed by the article id alone, before any tuning: an article whose id's SHA-1 is even
is in the ``tune`` half, odd in the ``measure`` half (GGT dev: 15 articles / 168 quotes to tune on,
14 articles / 193 quotes to measure). Errors of the measure half are not to be looked at.

``--speech`` keeps, of PolNeAR's attributions (which also mark beliefs, thoughts and intentions),
those whose cue contains a verb of saying of the quote stage's cue list (class "speech"), e.g.
"said", "told", "according to"; a prediction that matches (T = 0.3) an attribution left out (a belief)
is dropped, not counted as a false positive; the rest are scored against the speech attributions.
The scoring is
``eval/quotes.py``'s (GGT's metric). ``--errors`` writes the wrong speakers (by canonical name, or by span
for PolNeAR) of a tune half or of a training file (PolNeAR train: for error classes, never measured on).
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

from eventwatch.eval.quotes import THRESHOLDS, match, predict, read_gold, report, score, write_speaker_errors

HALVES = ("tune", "measure")


def half_of(doc_id: str) -> str:
    """``tune`` or ``measure``, from the SHA-1 of the article id (fixed; never chosen by results)."""
    return HALVES[int(hashlib.sha1(doc_id.encode("utf-8")).hexdigest(), 16) % 2]


def is_speech(quote: dict) -> bool:
    """A gold attribution whose cue holds a verb of saying ("said", "told reporters", "according to")."""
    from eventwatch.quotes.lexicon import cue_forms, cue_verbs

    words = (quote.get("cue") or "").replace("\n", " ").split()
    if "according" in words:
        return True
    return any(cue_verbs().get(cue_forms().get(w.strip(".,;:").lower(), ""), "") == "speech" for w in words)


def select(articles: list[dict], half: str | None) -> list[dict]:
    return [a for a in articles if half in (None, "all") or half_of(a["id"]) == half]


def speech_only(articles: list[dict], predictions: list[list[dict]]) -> tuple[list[dict], list[list[dict]]]:
    """The speech attributions of each article, and the predictions that match no other attribution."""
    arts, preds = [], []
    for art, pred in zip(articles, predictions):
        other = [q for q in art["quotes"] if not is_speech(q)]
        taken = {pi for _, pi in match(other, pred, THRESHOLDS[0])}
        arts.append(dict(art, quotes=[q for q in art["quotes"] if is_speech(q)]))
        preds.append([p for i, p in enumerate(pred) if i not in taken])
    return arts, preds


def evaluate(path: str, half: str | None, speech: bool, model: str | None = None, errors: str | None = None) -> dict:
    articles = select(read_gold([path]), half)
    predictions = predict(articles, model)
    if speech:
        articles, predictions = speech_only(articles, predictions)
    if errors:
        write_speaker_errors(errors, articles, predictions)
    return {"articles": len(articles), "gold_quotes": sum(len(a["quotes"]) for a in articles),
            "predicted_quotes": sum(len(p) for p in predictions),
            "scores": [score(articles, predictions, t) for t in THRESHOLDS]}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m eventwatch.eval.quote_halves", description=__doc__.split("\n")[0])
    ap.add_argument("gold")
    ap.add_argument("--half", choices=("tune", "measure", "all"), default="all")
    ap.add_argument("--speech", action="store_true", help="PolNeAR: score speech attributions only")
    ap.add_argument("--model")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--errors", metavar="FILE", help="the wrong-speaker cases (not for the measure half)")
    opts = ap.parse_args(argv)
    if opts.errors and opts.half != "tune" and not Path(opts.gold).stem.endswith("_train"):
        ap.error("--errors only with --half tune or a training file (polnear_train): the measure half is not looked at")
    result = evaluate(opts.gold, opts.half, opts.speech, opts.model, opts.errors)
    label = f"{opts.half}{' speech' if opts.speech else ''}"
    print(json.dumps(result) if opts.json else report({label: result}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
