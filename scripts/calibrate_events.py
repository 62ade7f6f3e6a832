"""Fit the calibration of every event's final confidence (events/confidence.py) on the own set's tune split
and write src/eventwatch/events/data/confidence_calibration.tsv.

    .venv/bin/python scripts/calibrate_events.py            # run the pipeline on tune, fit, report, write
    .venv/bin/python scripts/calibrate_events.py --dry-run  # report only

Data: labels/events, the ``tune`` split only (the test split, chunks ev01-ev10, is filtered out before the
pipeline runs). The pipeline codes every tune article with the calibration switched off and the default
settings otherwise (re-run this after any change to the coders: it fits what the coders now output). An
event is right when it is matched one-to-one by root to a gold event of its sentence (the scorer's
``eval.event_set.match``); plain statements (01) are not scored and not fitted. The model is a logistic
regression with an L2 penalty (weight on the raw confidence kept >= 0) fit by Newton's method; the penalty
is chosen by out-of-fold log loss, 5 folds by article (SHA-1 of the article id), and the out-of-fold
predictions (through the production code, order cap included) give the reliability table printed and
written in the file's header. Deterministic: the same coder output gives the same file, byte for byte.
"""
from __future__ import annotations

import argparse
import copy
import hashlib
import math
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from eventwatch.eval.event_labels import default_shared, load_docs, training_sentences, waves_option  # noqa: E402
from eventwatch.eval.event_set import (OFF_SCOPE_ROOTS, RELIABILITY_BINS, expected_calibration_error,  # noqa: E402
                                      locate, match)
from eventwatch.events.confidence import (CALIBRATION_FILE, NONNEGATIVE, Calibration, by_sentence,  # noqa: E402
                                          calibration_features)
from eventwatch.events.learned import CLASSES  # noqa: E402
from train_event_coder import _collector, _label_sentences, design, fit as fit_coder, proba  # noqa: E402

FOLDS = 5
PENALTIES = (0.3, 1.0, 3.0, 10.0, 30.0)
MIN_COUNT = 5          # a feature seen on fewer tune events gets no weight (its effect cannot be measured)


def fold_of(doc_id: str) -> int:
    return int(hashlib.sha1(doc_id.encode()).hexdigest(), 16) % FOLDS


# ------------------------------------------------------------------ data: the coder's events on tune
def collect(learned: bool | None, waves: str | None = None) -> list[dict]:
    """One item per tune article: its events (raw confidences), and per scored event its label."""
    from eventwatch.model import Document
    from eventwatch.pipeline import Pipeline
    from eventwatch.settings import Settings

    items = training_sentences(waves)   # the test split is never read
    by_doc = defaultdict(list)
    for s in items:
        by_doc[(s.corpus, s.doc)].append(s)
    corpus = load_docs(default_shared(), {c for c, _ in by_doc})
    extra = {"events_calibrated": False}
    if learned is not None:
        extra["events_learned"] = learned
    pipe = Pipeline(Settings(default_date="2000-01-01", extra=extra))
    store: dict = {}
    next(s for s in pipe.stages if getattr(s, "name", "") == "events").collect = _collector(store)
    docs = [Document(text=corpus[k]["text"], id=f"{k[0]}:{k[1]}", kind="text") for k in by_doc]
    out, t0 = [], time.time()
    for n, (key, record) in enumerate(zip(by_doc, pipe.process(docs)), 1):
        art = _labelled(key, record, by_doc[key])
        # the learned coder's candidate words of the labelled sentences, gold root at the trigger word
        art["cands"] = [c for s in _label_sentences(store.pop(record.id), by_doc[key]) for c in s["cands"]]
        out.append(art)
        if n % 50 == 0:
            print(f"{n}/{len(docs)} articles, {time.time() - t0:.0f}s", file=sys.stderr, flush=True)
    return out


def _labelled(key, record, sents) -> dict:
    """The record's events; ``scored``: (index of event, right?) for in-scope events of labelled sentences."""
    scored = []
    for s, span in zip(sents, locate(record.text, [s.text for s in sents])):
        if span is None:
            continue
        inside = [(k, e) for k, e in enumerate(record.events)
                  if span[0] <= e.trigger[0] < span[1] and e.root not in OFF_SCOPE_ROOTS]
        pred = [{"root": e.root, "trigger": [e.trigger[0] - span[0], 0], "k": k} for k, e in inside]
        right = {p["k"] for _, p in match(s.events, pred)}
        scored += [(k, k in right) for k, _ in inside]
    return {"doc": f"{key[0]}:{key[1]}", "events": record.events, "scored": scored}


def root_probabilities(arts: list[dict]) -> None:
    """a["lp"]: the learned coder's out-of-fold probability of each event's root at its trigger word, by event
    index (a coder fit by scripts/train_event_coder.py's method on the other folds' articles, so that the
    calibration sees the probabilities the shipped coder gives on articles it was not trained on)."""
    for f in range(FOLDS):
        train = [c for a in arts if fold_of(a["doc"]) != f for c in a["cands"]]
        model = fit_coder(*design(train, True, True))
        for a in (a for a in arts if fold_of(a["doc"]) == f):
            a["lp"] = {}
            if not a["cands"]:
                continue
            d, r, c, _ = design(a["cands"], True, True)
            p = dict(zip((c_["char"] for c_ in a["cands"]), proba(model, d, r, c)))
            for k, ev in enumerate(a["events"]):
                if ev.trigger[0] in p and ev.root in CLASSES:
                    a["lp"][k] = float(p[ev.trigger[0]][CLASSES.index(ev.root)])
        print(f"learned coder, fold {f} fitted", file=sys.stderr, flush=True)


def by_id(events: list, lp: dict[int, float]) -> dict[int, float]:
    return {id(events[k]): p for k, p in lp.items()}


def feature_rows(arts: list[dict]) -> list[tuple[str, dict, bool, float]]:
    """(article, features, right, raw confidence) of every scored event."""
    rows = []
    for a in arts:
        feats = {}
        probs = by_id(a["events"], a["lp"])
        for group in by_sentence(a["events"]).values():
            for ev, f in zip(group, calibration_features(group, probs)):
                feats[id(ev)] = f
        for k, ok in a["scored"]:
            ev = a["events"][k]
            rows.append((a["doc"], feats[id(ev)], ok, ev.confidence))
    return rows


# ------------------------------------------------------------------ the model
def fit(rows, names: list[str], penalty: float) -> dict[str, float]:
    """L2-penalised logistic regression by Newton's method; the weights of NONNEGATIVE features held >= 0
    (a feature whose weight goes below is fixed at 0 and the rest refit)."""
    x = np.array([[f.get(n, 0.0) for n in names] for _, f, _, _ in rows])
    y = np.array([float(ok) for _, _, ok, _ in rows])
    free = np.ones(len(names), bool)
    while True:
        w = _newton(x[:, free], y, np.array([0.0 if n == "bias" else penalty for n in np.array(names)[free]]))
        full = np.zeros(len(names))
        full[free] = w
        below = [k for k, n in enumerate(names) if n in NONNEGATIVE and free[k] and full[k] < 0]
        if not below:
            return {n: round(float(v), 4) for n, v in zip(names, full)}
        free[below] = False


def _newton(x, y, lam, iters=50):
    w = np.zeros(x.shape[1])
    for _ in range(iters):
        p = 1 / (1 + np.exp(-np.clip(x @ w, -30, 30)))
        g = x.T @ (p - y) + lam * w
        h = (x * (p * (1 - p))[:, None]).T @ x + np.diag(lam + 1e-9)
        step = np.linalg.solve(h, g)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w


def feature_names(rows) -> list[str]:
    seen = Counter(n for _, f, _, _ in rows for n in f)
    return ["bias", "raw"] + sorted(n for n, c in seen.items() if c >= MIN_COUNT and n not in ("bias", "raw"))


def calibrated(arts: list[dict], weights: dict[str, float]) -> list[tuple[float, bool]]:
    """(calibrated confidence, right) of every scored event, through the production code (order cap too)."""
    out = []
    cal = Calibration(weights)
    for a in arts:
        events = [copy.copy(e) for e in a["events"]]
        cal.apply(events, by_id(events, a["lp"]))
        out += [(events[k].confidence, ok) for k, ok in a["scored"]]
    return out


def out_of_fold(arts, rows, penalty: float) -> list[tuple[float, bool]]:
    preds = []
    for f in range(FOLDS):
        train = [r for r in rows if fold_of(r[0]) != f]
        weights = fit(train, feature_names(train), penalty)
        preds += calibrated([a for a in arts if fold_of(a["doc"]) == f], weights)
    return preds


# ------------------------------------------------------------------ figures
def log_loss(preds) -> float:
    return -sum(math.log(max(1e-6, p if ok else 1 - p)) for p, ok in preds) / max(1, len(preds))


def ece(preds) -> float | None:
    return expected_calibration_error(preds)


def auc(preds) -> float:
    """Area under the ROC curve: how often a right event is more confident than a wrong one (ties half)."""
    pos = [p for p, ok in preds if ok]
    neg = [p for p, ok in preds if not ok]
    wins = sum((a > b) + 0.5 * (a == b) for a in pos for b in neg)
    return round(wins / max(1, len(pos) * len(neg)), 3)


def table(preds) -> list[str]:
    rows = []
    for lo, hi in zip(RELIABILITY_BINS, RELIABILITY_BINS[1:]):
        got = [(p, ok) for p, ok in preds if lo <= p < hi]
        if got:
            rows.append(f"[{lo:.1f}, {min(hi, 1.0):.1f})  {len(got):5d}  {sum(p for p, _ in got) / len(got):.3f}  "
                        f"{sum(ok for _, ok in got) / len(got):.3f}")
    return rows


def header(arts, rows, penalty, before, after) -> list[str]:
    n_art = len(arts)
    return ["# eventwatch: calibration of every event's final confidence (events/confidence.py, Calibration).",
            "# Made by scripts/calibrate_events.py (re-run it after changing a coder; deterministic) from eventwatch's",
            f"# own hand-coded set labels/events, tune split only: {n_art} articles, {len(rows)} coded events in labelled",
            f"# sentences, {sum(r[2] for r in rows)} right by root. Logistic regression, L2 penalty {penalty} chosen by",
            "# out-of-fold log loss (5 folds by SHA-1 of the article id); labels are eventwatch's own (CC BY 4.0 as the",
            "# set), no corpus text. Features: see events/confidence.py calibration_features.",
            f"# Out-of-fold on tune: ECE {ece(before)} before (the coder's own confidence), {ece(after)} after;",
            f"# log loss {log_loss(before):.3f} before, {log_loss(after):.3f} after; AUC {auc(before)} before, {auc(after)} after.",
            "# Reliability after, out-of-fold (confidence bin, events, mean confidence, share right by root):",
            *[f"#   {r}" for r in table(after)],
            "# columns: feature, logistic weight (p = 1 / (1 + exp(-sum of the weights of the event's features)))"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dry-run", action="store_true", help="report, write nothing")
    ap.add_argument("--learned", choices=("on", "off"), help="force the learned coder on or off (default: settings)")
    ap.add_argument("--out", type=Path, default=CALIBRATION_FILE)
    waves_option(ap)
    args = ap.parse_args()
    t0 = time.time()
    arts = collect(None if args.learned is None else args.learned == "on", args.waves)
    root_probabilities(arts)
    rows = feature_rows(arts)
    before = [(raw, ok) for _, _, ok, raw in rows]
    fits = {pen: out_of_fold(arts, rows, pen) for pen in PENALTIES}
    for pen, preds in fits.items():
        print(f"penalty {pen:5}: out-of-fold log loss {log_loss(preds):.4f}, ECE {ece(preds)}", file=sys.stderr)
    penalty = min(PENALTIES, key=lambda pen: (round(log_loss(fits[pen]), 6), pen))
    after = fits[penalty]
    print(f"tune, {len(rows)} events; before: ECE {ece(before)}, log loss {log_loss(before):.3f}, AUC {auc(before)}")
    print("\n".join(["  " + r for r in table(before)]))
    print(f"after (out-of-fold, penalty {penalty}): ECE {ece(after)}, log loss {log_loss(after):.3f}, AUC {auc(after)}")
    print("\n".join(["  " + r for r in table(after)]))
    weights = fit(rows, feature_names(rows), penalty)
    lines = header(arts, rows, penalty, before, after) + [f"{n}\t{w}" for n, w in weights.items()]
    if not args.dry_run:
        args.out.write_text("\n".join(lines) + "\n", "utf-8")
        print(f"wrote {args.out}", file=sys.stderr)
    print(f"[{time.time() - t0:.0f}s]", file=sys.stderr)


if __name__ == "__main__":
    main()
