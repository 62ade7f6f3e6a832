"""Train the event stage's sentence classifier (PLOVER type) and write its weights + model card figures.

Training data (read where it lies, never copied): NGEC synthetic stories (lead sentence; LLM pseudo-labels,
MIT), CASE 2021 task 2 snippets (ACLED subtypes mapped to PLOVER where the mapping is unambiguous) and
IndiaPoliceEvents sentences (KILL → ASSAULT, ARREST/FORCE → COERCE). None of these is in the CAMEO/PLOVER/
ConfliBERT pool the eval command reports on. Held-out figures use a split grouped by NGEC headline template
/ CASE snippet / India article, so no group is on both sides.

    .venv/bin/python scripts/train_event_classifier.py [--max-india 600] [--c 0.5]
Needs scikit-learn (a development tool only: the package reads the weights with plain Python).
"""
from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = next((p / "shared" for p in ROOT.parents if (p / "shared" / "gold").is_dir()), ROOT.parent / "shared")
GOLD = SHARED / "gold" / "events"
OUT = ROOT / "src" / "eventwatch" / "events" / "data" / "event_classifier.json"

CASE_MAP = {"ARMED_CLASH": "ASSAULT", "GRENADE": "ASSAULT", "SUIC_BOMB": "ASSAULT", "AIR_STRIKE": "ASSAULT",
            "ART_MISS_ATTACK": "ASSAULT", "REM_EXPLOS": "ASSAULT", "ATTACK": "ASSAULT", "SEX_VIOL": "ASSAULT",
            "ABDUCT_DISSAP": "ASSAULT", "CHEM_WEAP": "ASSAULT", "GOV_REGAINS_TERIT": "ASSAULT",
            "NON_STATE_ACTOR_OVERTAKES_TER": "ASSAULT", "PEACE_PROTEST": "PROTEST", "VIOL_DEMONSTR": "PROTEST",
            "PROTEST_WITH_INTER": "PROTEST", "FORCE_AGAINST_PROTEST": "COERCE", "ARREST": "COERCE",
            "PROPERTY_DISTRUCT": "COERCE", "AGREEMENT": "AGREE", "NON_VIOL_TERRIT_TRANSFER": "RETREAT"}
INDIA_MAP = {"KILL": "ASSAULT", "ARREST": "COERCE", "FORCE": "COERCE"}
# the CAMEO code a classifier-only event gets for each PLOVER type (the type's generic CAMEO code)
DEFAULT_CODES = {"AGREE": "030", "CONSULT": "040", "SUPPORT": "050", "COOPERATE": "060", "AID": "070",
                 "CONCEDE": "080", "RETREAT": "087", "ACCUSE": "110", "REQUEST": "100", "REJECT": "120",
                 "THREATEN": "130", "PROTEST": "140", "MOBILIZE": "150", "SANCTION": "160", "COERCE": "170",
                 "ASSAULT": "190"}


def _jsonl(name):
    with (GOLD / name).open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


def _bucket(group: str) -> int:
    return int(hashlib.sha1(group.encode()).hexdigest(), 16) % 5


def load_examples(max_india: int):
    ex = []  # (text, label, group, source)
    for r in _jsonl("ngec_synthetic_plover_stories.jsonl"):
        lead = r["text"].strip().split("\n")[0][:700]
        ex.append((lead, r["plover_event_pseudolabel"], "ngec:" + r["title_template"], "ngec"))
    for r in _jsonl("case2021_task2_test.jsonl"):
        lab = CASE_MAP.get(r["event_subtype"])
        if lab:
            ex.append((r["text"][:700], lab, "case:" + r["id"], "case"))
    india = []
    for r in _jsonl("india_police_events_sentences.jsonl"):
        labs = [INDIA_MAP[l] for l in r.get("labels") or [] if l in INDIA_MAP]
        if labs and len(r["text"]) > 30:
            india.append((r["text"][:700], sorted(labs)[0], "india:" + str(r["doc_id"]), "india"))
    random.Random(13).shuffle(india)
    return ex + india[:max_india]


def featurize(texts):
    from eventwatch.events.classifier import features
    from eventwatch.nlp import load_model

    nlp = load_model()
    out = []
    for i, doc in enumerate(nlp.pipe(texts, batch_size=64)):
        sents = list(doc.sents)
        feats = {}
        for s in sents[:2]:  # the lead sentence carries the event; a second one helps with short leads
            feats.update(features(s))
        out.append(feats)
        if i % 1000 == 0:
            print(f"  parsed {i}/{len(texts)}", file=sys.stderr)
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--max-india", type=int, default=600)
    ap.add_argument("--c", type=float, default=0.5)
    ap.add_argument("--keep", type=int, default=6000, help="features kept in the shipped weights")
    opts = ap.parse_args()
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import accuracy_score, f1_score

    ex = load_examples(opts.max_india)
    print(f"examples: {len(ex)} {Counter(e[3] for e in ex)}", file=sys.stderr)
    X_dicts = featurize([e[0] for e in ex])
    y = [e[1] for e in ex]
    test = [_bucket(e[2]) == 0 for e in ex]
    vec = DictVectorizer()
    X = vec.fit_transform(X_dicts)
    tr = [i for i, t in enumerate(test) if not t]
    te = [i for i, t in enumerate(test) if t]
    clf = LogisticRegression(C=opts.c, max_iter=2000, class_weight="balanced")
    clf.fit(X[tr], [y[i] for i in tr])
    pred = clf.predict(X[te])
    gold = [y[i] for i in te]
    figures = {"heldout_n": len(te), "heldout_accuracy": round(accuracy_score(gold, pred), 4),
               "heldout_macro_f1": round(f1_score(gold, pred, average="macro"), 4)}
    for src in ("ngec", "case", "india"):
        idx = [k for k, i in enumerate(te) if ex[i][3] == src]
        if idx:
            figures[f"heldout_{src}_accuracy"] = round(accuracy_score([gold[k] for k in idx], [pred[k] for k in idx]), 4)
    print(json.dumps(figures), file=sys.stderr)
    # final model on everything
    clf.fit(X, y)
    names = vec.get_feature_names_out()
    coef = clf.coef_
    strength = abs(coef).max(axis=0)
    keep = sorted(range(len(names)), key=lambda j: -strength[j])[: opts.keep]
    weights = {str(names[j]): [round(float(coef[k, j]), 3) for k in range(coef.shape[0])] for j in keep}
    meta = {"trained_on": dict(Counter(e[3] for e in ex)), "label_counts": dict(Counter(y)), "C": opts.c,
            "features_kept": len(weights), "features_total": len(names), "figures": figures, "threshold": 0.55,
            "default_codes": DEFAULT_CODES,
            "licence": "weights MIT (eventwatch); trained on NGEC synthetic stories (MIT), CASE 2021 task 2 test "
                       "snippets (no licence file; research use) and IndiaPoliceEvents (no licence file; research use)"}
    OUT.write_text(json.dumps({"classes": [str(c) for c in clf.classes_], "bias": [round(float(b), 4) for b in clf.intercept_],
                               "weights": weights, "meta": meta}, separators=(",", ":")), encoding="utf-8")
    print(f"wrote {OUT} ({OUT.stat().st_size // 1024} KiB)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
