"""Train the learned trigger-and-type coder (src/eventwatch/events/learned.py) and its combination with the
lexicon (events/combine.py); write data/event_coder.npz + data/event_coder.json.

Data: eventwatch's own hand-coded set (labels/events; text joined from ../shared at run time, never copied),
the ``tune`` split only, and of it only the sample waves given with ``--waves`` (wave 2 is held out as a
measure: fit on waves 1 and 3). The ``test`` split (chunks ev01-ev10) is filtered out before anything is computed.

The whole retraining, after the lexicon or the labels change (about 10 minutes on a shared 2-core machine:
extract ~1.5 min, train ~5 min, calibrate ~4 min), from the repository root:

    export EVENT_CODER_CACHE=/tmp/event_coder_$USER.pkl    # private feature cache, one per worktree
    .venv/bin/python scripts/train_event_coder.py extract --waves 1,3   # run the pipeline, cache candidate features
    .venv/bin/python scripts/train_event_coder.py train --waves 1,3     # 5-fold CV: calibration + thresholds; fit all
    .venv/bin/python scripts/calibrate_events.py --waves 1,3            # re-fit every event's confidence calibration

Measurements (write nothing): ``cv --waves 1,3`` (feature sets), ``curve --waves 1,3`` (wave-1 out-of-fold
token scores fit on half of wave 1, wave 1, waves 1+3: do more labels help?), ``cv-pipeline --waves 1,3
[--add A] [--veto V]`` (each fold's articles coded through the whole pipeline by a model fit on the other folds).

Everything is numpy (softmax regression with Adam); seeds are fixed, so the weights are reproducible.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import pickle
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from eventwatch.eval.event_labels import load_docs, training_sentences, waves_option  # noqa: E402
from eventwatch.eval.event_set import QUIET_SECTIONS, locate  # noqa: E402
from eventwatch.events.learned import CLASSES, HASH_BITS, dense_features, hashed, logit, sparse_features  # noqa: E402

CACHE = Path(os.environ.get("EVENT_CODER_CACHE", "/tmp/event_coder_features.pkl"))  # per worktree: set it
OUT = ROOT / "src" / "eventwatch" / "events" / "data"
COL = {c: k for k, c in enumerate(CLASSES)}
FOLDS = 5
MIN_RESCORE = 30  # a root with fewer training words is not re-scored by the model (the lexicon's reading stands)
ROOT_COUNTS: Counter = Counter()


# ------------------------------------------------------------------ extraction
def _collector(store: dict):
    from eventwatch.events.combine import sentence_views

    def collect(doc, record, index, ctx):
        actor_tokens = set(index.by_token)
        rows = []
        for v in sentence_views(doc, record, actor_tokens, ctx.agents):
            dense = dense_features(doc, v.idxs) if v.idxs else np.zeros((0, 0), np.float32)
            cands = [{"i": i, "char": doc[i].idx, "head_char": doc[i].head.idx, "lemma": doc[i].lemma_.lower(),
                      "names": sparse_features(doc, i, v.lex_roots, actor_tokens), "dense": dense[k]}
                     for k, i in enumerate(v.idxs)]
            lex = [{"root": e.root, "conf": e.confidence, "tok": t, "char": e.trigger[0]}
                   for e, t in zip(v.lex_events, v.lex_tokens)]
            rows.append({"span": (v.sent.start_char, v.sent.end_char), "cands": cands, "lex": lex})
        store[record.id] = {"text": record.text, "rows": rows}
    return collect


def extract(waves: str | None) -> None:
    from eventwatch.model import Document
    from eventwatch.pipeline import Pipeline
    from eventwatch.settings import Settings

    items = training_sentences(waves)  # the test split is never read here
    by_doc = defaultdict(list)
    for s in items:
        by_doc[(s.corpus, s.doc)].append(s)
    corpus = load_docs(_shared(), {c for c, _ in by_doc})
    pipe = Pipeline(Settings(default_date="2000-01-01", extra={"events_learned": False}))
    stage = next(s for s in pipe.stages if getattr(s, "name", "") == "events")
    store: dict = {}
    stage.collect = _collector(store)
    # the agent words of the stage decide which sentences have candidates, as in production
    docs = [Document(text=corpus[k]["text"], id=f"{k[0]}:{k[1]}", kind="text") for k in by_doc]
    t0 = time.time()
    for n, _ in enumerate(pipe.process(docs), 1):
        if n % 25 == 0:
            print(f"{n}/{len(docs)} articles, {time.time() - t0:.0f}s", file=sys.stderr)
    data = [_label_sentences(store[f"{k[0]}:{k[1]}"], sents) for k, sents in by_doc.items() if f"{k[0]}:{k[1]}" in store]
    CACHE.write_bytes(pickle.dumps([s for d in data for s in d]))
    print(f"cached {sum(map(len, data))} sentences to {CACHE}", file=sys.stderr)


def _shared():
    from eventwatch.eval.event_labels import default_shared

    return default_shared()


def _label_sentences(got: dict, sents) -> list[dict]:
    """Each labelled sentence with its candidates (gold root at the trigger word) and lexicon events."""
    spans = locate(got["text"], [s.text for s in sents])
    out = []
    for s, span in zip(sents, spans):
        if span is None:
            continue
        cands = [c for r in got["rows"] for c in r["cands"] if span[0] <= c["char"] < span[1]]
        lex = [e for r in got["rows"] for e in r["lex"] if span[0] <= e["char"] < span[1]]
        for c in cands:
            c["label"] = "NONE"
            c["rel"] = _nonspace(got["text"], span[0], c["char"])  # whitespace-proof place in the sentence
        for ev in s.events:
            if ev["root"] not in COL or not ev.get("trigger"):
                continue
            c = _trigger_candidate(got["text"], span, s.text, ev["trigger"], cands)
            if c is not None and c["label"] == "NONE":
                c["label"], c["cameo"] = ev["root"], ev.get("cameo") or ""
        out.append({"sid": s.sid, "doc": s.doc, "split": s.split, "wave": s.wave, "span": span, "gold": [e["root"] for e in s.events],
                    "quiet": s.doc.startswith(QUIET_SECTIONS), "cands": cands, "lex": lex})
    return out


def _nonspace(text: str, start: int, at: int) -> int:
    """How many non-space characters of TEXT lie in [start, at): a token's place in a sentence, whatever the
    whitespace (the pipeline's cleaned text and the corpus text differ in it)."""
    return sum(not ch.isspace() for ch in text[start:at])


def _trigger_candidate(text: str, span, sent_text: str, trig, cands):
    word = sent_text[trig[0]:trig[1]]
    at = text.find(word, span[0] + max(0, trig[0] - 20), span[1]) if word else -1
    start = at if at >= 0 else span[0] + trig[0]
    end = start + len(word)
    inside = [c for c in cands if start <= c["char"] < end]
    heads = [c for c in inside if not start <= c["head_char"] < end]
    return (heads or inside or [None])[0]


# ------------------------------------------------------------------ model
def design(rows: list[dict], use_dense: bool, use_sparse: bool):
    dense = np.stack([c["dense"] for c in rows]) if use_dense and rows else np.zeros((len(rows), 0), np.float32)
    cols = [hashed(c["names"]) if use_sparse else [] for c in rows]
    r = np.repeat(np.arange(len(rows)), [len(c) for c in cols])
    c = np.array([x for cc in cols for x in cc], dtype=np.int64)
    y = np.array([COL[c_["label"]] for c_ in rows])
    return dense.astype(np.float32), r, c, y


def fit(dense, r, c, y, epochs=20, lr=0.01, l2=1e-5, seed=0):
    n, d = dense.shape
    k, h = len(CLASSES), 1 << HASH_BITS
    mu, sd = (dense.mean(0), dense.std(0) + 1e-6) if d else (np.zeros(0), np.ones(0))
    xd = (dense - mu) / sd
    params = {"wd": np.zeros((d, k)), "ws": np.zeros((h, k)), "b": np.zeros(k)}
    m = {p: np.zeros_like(v) for p, v in params.items()}
    v2 = {p: np.zeros_like(v) for p, v in params.items()}
    rng = np.random.default_rng(seed)
    order_r = np.argsort(r, kind="stable")
    r, c = r[order_r], c[order_r]
    starts = np.searchsorted(r, np.arange(n + 1))
    step = 0
    for _ in range(epochs):
        for batch in np.array_split(rng.permutation(n), max(1, n // 256)):
            step += 1
            sel = np.concatenate([np.arange(starts[i], starts[i + 1]) for i in batch])
            pos = np.repeat(np.arange(len(batch)), starts[batch + 1] - starts[batch])
            z = xd[batch] @ params["wd"] + params["b"]
            np.add.at(z, pos, params["ws"][c[sel]])
            p = np.exp(z - z.max(1, keepdims=True))
            p /= p.sum(1, keepdims=True)
            p[np.arange(len(batch)), y[batch]] -= 1
            p /= len(batch)
            grads = {"wd": xd[batch].T @ p + l2 * params["wd"], "b": p.sum(0)}
            for name, g in grads.items():
                _adam(params[name], m[name], v2[name], g, lr, step)
            rows, inv = np.unique(c[sel], return_inverse=True)  # lazy update: only the hashed rows in the batch
            g = np.zeros((len(rows), k))
            np.add.at(g, inv, p[pos])
            g += l2 * params["ws"][rows]
            ws, ms, vs = params["ws"][rows], m["ws"][rows], v2["ws"][rows]
            _adam(ws, ms, vs, g, lr, step)
            params["ws"][rows], m["ws"][rows], v2["ws"][rows] = ws, ms, vs
    # fold the standardisation into the weights: x @ (wd / sd) + (b - mu / sd @ wd)
    wd = params["wd"] / sd[:, None] if d else params["wd"]
    b = params["b"] - ((mu / sd) @ params["wd"] if d else 0)
    return {"dense": wd.astype(np.float32), "sparse": params["ws"].astype(np.float32), "bias": b.astype(np.float32)}


def _adam(w, m, v, g, lr, step) -> None:
    m *= 0.9
    m += 0.1 * g
    v *= 0.999
    v += 0.001 * g * g
    w -= lr * (m / (1 - 0.9 ** step)) / (np.sqrt(v / (1 - 0.999 ** step)) + 1e-8)


def proba(model, dense, r, c):
    z = dense @ model["dense"] + model["bias"] if model["dense"].shape[0] else np.tile(model["bias"], (len(dense), 1))
    np.add.at(z, r, model["sparse"][c])
    p = np.exp(z - z.max(1, keepdims=True))
    return p / p.sum(1, keepdims=True)


# ------------------------------------------------------------------ cross-validation and simulation
def fold_of(doc: str) -> int:
    return int(hashlib.sha1(doc.encode()).hexdigest(), 16) % FOLDS


def oof(sents: list[dict], use_dense=True, use_sparse=True, epochs=20):
    """Out-of-fold class probabilities for every candidate (set on the candidate dicts as 'p')."""
    for f in range(FOLDS):
        train = [c for s in sents if fold_of(s["doc"]) != f for c in s["cands"]]
        test = [c for s in sents if fold_of(s["doc"]) == f for c in s["cands"]]
        model = fit(*design(train, use_dense, use_sparse), epochs=epochs)
        d, r, c, _ = design(test, use_dense, use_sparse)
        for cand, p in zip(test, proba(model, d, r, c)):
            cand["p"] = p


def token_scores(sents) -> dict:
    cands = [c for s in sents for c in s["cands"]]
    y = np.array([COL[c["label"]] for c in cands])
    pred = np.array([int(np.argmax(c["p"])) for c in cands])
    tp = int(((pred == y) & (y > 0)).sum())
    return {"trigger+root P": round(tp / max(1, (pred > 0).sum()), 3), "R": round(tp / max(1, (y > 0).sum()), 3),
            "F1": round(2 * tp / max(1, (pred > 0).sum() + (y > 0).sum()), 3)}


def lex_x(e, _cands_by_tok=None):
    return [logit(e["conf"])]  # see events/combine.py: a monotone calibration of the lexicon's confidence


def add_x(c):
    k = int(np.argmax(c["p"][1:])) + 1
    return CLASSES[k], [logit(float(c["p"][k])), logit(float(1 - c["p"][0]))]


def platt(x: np.ndarray, y: np.ndarray, iters=3000, lr=0.1):
    w, b = np.zeros(x.shape[1]), 0.0
    for _ in range(iters):
        p = 1 / (1 + np.exp(-(x @ w + b)))
        g = p - y
        w -= lr * (x.T @ g / len(y) + 1e-4 * w)
        b -= lr * g.mean()
    return {"weights": [round(float(v), 5) for v in w], "bias": round(float(b), 5)}


def apply_platt(cal, x):
    return 1 / (1 + np.exp(-(np.asarray(x) @ np.array(cal["weights"]) + cal["bias"])))


def calibrate(sents) -> dict:
    lx, ly, ax, ay = [], [], [], []
    for s in sents:
        by_tok = {c["i"]: c for c in s["cands"]}
        gold = Counter(g for g in s["gold"] if g != "01")
        for e in s["lex"]:
            if ROOT_COUNTS[e["root"]] < MIN_RESCORE:
                continue
            lx.append(lex_x(e, by_tok))
            ly.append(e["root"] in gold)
        for c in s["cands"]:
            root, x = add_x(c)
            ax.append(x)
            ay.append(root in gold)
    return {"lexicon": platt(np.array(lx), np.array(ly, float)), "added": platt(np.array(ax), np.array(ay, float))}


def lex_prob(e, by_tok) -> float | None:
    """The model's (out-of-fold) probability of a lexicon event's root at its trigger word; None where the model
    does not judge it (the word is no candidate, or the root is too rare in training: MIN_RESCORE)."""
    c = by_tok.get(e["tok"])
    if c is None or e["root"] not in COL or ROOT_COUNTS[e["root"]] < MIN_RESCORE:
        return None
    return float(c["p"][COL[e["root"]]])


def scored_items(sents, cal) -> list[tuple]:
    """Per sentence: (gold roots, [(root, calibrated conf, model prob)] of lexicon events, [(root, conf)] of new
    words, quiet)."""
    out = []
    for s in sents:
        by_tok = {c["i"]: c for c in s["cands"]}
        lex = [e for e in s["lex"] if e["root"] != "01"]
        lconf = apply_platt(cal["lexicon"], [lex_x(e, by_tok) for e in lex]) if lex else []
        lconf = [(p if ROOT_COUNTS[e["root"]] >= MIN_RESCORE else 1.0, lex_prob(e, by_tok)) for e, p in zip(lex, lconf)]
        taken = {(e["tok"], e["root"]) for e in s["lex"]}
        silent = not lex  # the model adds only where the lexicon coded nothing
        adds = [(c["i"], *add_x(c)) for c in s["cands"]] if silent else []
        adds = [(root, x) for i, root, x in adds if (i, root) not in taken]
        aconf = apply_platt(cal["added"], [x for _, x in adds]) if adds else []
        out.append(([g for g in s["gold"] if g != "01"], [(e["root"], *c) for e, c in zip(lex, lconf)],
                    list(zip([r for r, _ in adds], aconf)), s["quiet"]))
    return out


def simulate(items, keep: float, add: float, veto: float = 0.0) -> dict:
    """The combination's figures, approximately (no argument or party filter, no expansion to dyads). VETO: a
    lexicon event whose root the model gives less than this probability at its trigger word is dropped."""
    det_tp = det_p = det_g = tp = npred = ngold = qfalse = nquiet = 0
    for gold, lex, adds, quiet in items:
        pred = [r for r, p, lp in lex if p >= keep and (lp is None or lp >= veto)] + [r for r, p in adds if p >= add]
        m = sum((Counter(gold) & Counter(pred)).values())
        tp, npred, ngold = tp + m, npred + len(pred), ngold + len(gold)
        det_tp += bool(pred) and bool(gold)
        det_p, det_g = det_p + bool(pred), det_g + bool(gold)
        if quiet:
            nquiet += 1
            qfalse += len(pred) - m
    P, R = tp / max(1, npred), tp / max(1, ngold)
    return {"det P": round(det_tp / max(1, det_p), 3), "det R": round(det_tp / max(1, det_g), 3),
            "root P": round(P, 3), "root R": round(R, 3), "root F1": round(2 * P * R / max(1e-9, P + R), 3),
            "quiet/100": round(100 * qfalse / max(1, nquiet), 2)}


ADD_GRID = [round(x, 2) for x in np.arange(0.05, 0.95, 0.05)] + [1.01]   # 1.01: adds nothing
VETO_GRID = (0.0, 0.01, 0.02, 0.05, 0.1, 0.15, 0.2, 0.3)                 # 0.0: drops nothing


def choose_thresholds(sents, cal, vetoes=VETO_GRID, verbose=False) -> tuple[dict, dict]:
    """The thresholds (keep 0, add, veto) with the best root F1 among those that keep false events in BBC
    sport/entertainment/tech and sentence-detection precision no worse than the lexicon alone (out-of-fold on
    the waves fitted, simulated). Ties go to the setting that changes least (no veto, no additions)."""
    items = scored_items(sents, cal)
    base = simulate(items, 0.0, 1.01)
    best = None
    for veto in vetoes:
        for add in ADD_GRID:
            fig = simulate(items, 0.0, add, veto)  # keep 0: no drops by the lexicon's own confidence
            ok = fig["quiet/100"] <= base["quiet/100"] and fig["det P"] >= base["det P"]
            key = (ok, fig["root F1"], -veto, add)
            if verbose and (add in (0.2, 0.3, 0.5, 0.7, 1.01) or verbose == "all"):
                print(f"  veto {veto:4} add {add:4}: {fig}{'' if ok else '  (breaks the rule)'}", flush=True)
            if best is None or key > best[0]:
                best = (key, {"keep": 0.0, "add": add, "veto": veto}, fig)
    print(f"lexicon alone (simulated): {base}", flush=True)
    return best[1], best[2]


def load_cache(waves: str | None = None) -> list[dict]:
    """The cached tune sentences (of the sample WAVES only, e.g. "1,3", when given); sets ROOT_COUNTS."""
    sents = pickle.loads(CACHE.read_bytes())
    assert all(s["split"] == "tune" for s in sents)
    if waves:
        keep = {int(w) for w in waves.split(",")}
        assert all("wave" in s for s in sents), f"{CACHE} predates waves: re-run extract"
        sents = [s for s in sents if s["wave"] in keep]
    ROOT_COUNTS.clear()
    ROOT_COUNTS.update(c["label"] for s in sents for c in s["cands"] if c["label"] != "NONE")
    return sents


def cmd_cv(args) -> None:
    sents = load_cache(args.waves)
    for name, dense, sparse in (("sparse parse features", False, True), ("tok2vec (doc.tensor)", True, False),
                                ("tok2vec + sparse", True, True)):
        t0 = time.time()
        oof(sents, dense, sparse)
        cal = calibrate(sents)
        th, fig = choose_thresholds(sents, cal)
        print(f"{name:24} tokens {token_scores(sents)}  combined {th} {fig}  [{time.time() - t0:.0f}s]", flush=True)


def cmd_curve(args) -> None:
    """Do more labels help? Out-of-fold token scores on the wave-1 sentences, the model fit on the other folds'
    wave-1 articles only, on half of them, or on those plus the other waves asked for (--waves, e.g. 1,3)."""
    sents = load_cache(args.waves)
    w1 = [s for s in sents if s["wave"] == 1]
    half = {d for d in {s["doc"] for s in w1} if int(hashlib.sha1(d.encode()).hexdigest(), 16) % 2 == 0}
    for name, pool in (("half of wave 1", [s for s in w1 if s["doc"] in half]), ("wave 1", w1),
                       (f"waves {args.waves or 'all'}", sents)):
        for f in range(FOLDS):
            train = [c for s in pool if fold_of(s["doc"]) != f for c in s["cands"]]
            test = [c for s in w1 if fold_of(s["doc"]) == f for c in s["cands"]]
            model = fit(*design(train, True, True), epochs=args.epochs)
            d, r, c, _ = design(test, True, True)
            for cand, p in zip(test, proba(model, d, r, c)):
                cand["p"] = p
        n_pos = sum(c["label"] != "NONE" for s in pool for c in s["cands"])
        print(f"fit on {name:18} ({n_pos:4d} trigger words in all folds): wave-1 out-of-fold tokens "
              f"{token_scores(w1)}", flush=True)


def cmd_train(args) -> None:
    sents = load_cache(args.waves)
    oof(sents, not args.no_dense, True, epochs=args.epochs)
    cal = calibrate(sents)
    th, fig = choose_thresholds(sents, cal, verbose=True)
    print(f"5-fold CV: tokens {token_scores(sents)}; combined {th} {fig}", flush=True)
    reliability(sents, cal)
    cands = [c for s in sents for c in s["cands"]]
    model = fit(*design(cands, not args.no_dense, True), epochs=args.epochs)
    codes = code_table(cands)
    np.savez_compressed(OUT / "event_coder.npz", **model)
    meta = {"classes": CLASSES, "hash_bits": HASH_BITS, "calibration": cal,
            "thresholds": th, "codes": codes,
            "root_counts": dict(sorted(ROOT_COUNTS.items())), "min_rescore": MIN_RESCORE,
            "trained_on": f"labels/events tune split, waves {args.waves or 'all'}: {len(sents)} sentences, "
                          f"{len(cands)} candidate words, {sum(ROOT_COUNTS.values())} trigger words",
            "tune_cv": {"tokens": token_scores(sents), "combined": fig}}
    (OUT / "event_coder.json").write_text(json.dumps(meta, indent=1, sort_keys=True) + "\n", "utf-8")
    print(f"wrote {OUT / 'event_coder.npz'} and event_coder.json", file=sys.stderr)


def reliability(sents, cal) -> None:
    """Reliability of the added events' calibrated probability on the out-of-fold tune predictions."""
    bins = defaultdict(lambda: [0, 0])
    for s in sents:
        for c in s["cands"]:
            root, x = add_x(c)
            p = float(apply_platt(cal["added"], x))
            if p >= 0.1:
                b = min(int(p * 10), 9)
                bins[b][0] += 1
                bins[b][1] += root in s["gold"]
    for b in sorted(bins):
        n, ok = bins[b]
        print(f"  added p in [{b / 10:.1f},{(b + 1) / 10:.1f}): n={n:5d} right={ok / n:.2f}")


def cmd_cv_pipeline(args) -> None:
    """Honest tune figures: per fold, a model fit on the other folds codes the fold's articles through the
    whole pipeline (calibration and thresholds: the shipped ones, fit on all out-of-fold predictions)."""
    import eventwatch.events.learned as learned
    from eventwatch.eval import event_set as es

    sents = load_cache(args.waves)
    meta = json.loads((OUT / "event_coder.json").read_text("utf-8"))
    for name in ("keep", "add", "veto"):
        if getattr(args, name) is not None:
            meta["thresholds"][name] = getattr(args, name)
    items = training_sentences(args.waves)
    scored = []
    for f in range(FOLDS):
        train = [c for s in sents if fold_of(s["doc"]) != f for c in s["cands"]]
        model = fit(*design(train, not args.no_dense, True), epochs=args.epochs)
        coder = learned.LearnedCoder(model["dense"], model["sparse"], model["bias"], meta)
        learned.load_coder = lambda: coder  # noqa: B023 - the stage built inside predict() reads this fold's model
        scored += es.predict([s for s in items if fold_of(s.doc) == f], {"extra": {"events_learned": True}})
        print(f"fold {f} done", file=sys.stderr, flush=True)
    res = es.score(scored)
    print("tune, 5-fold by article, whole pipeline:", json.dumps({k: v for k, v in res.items() if k != "reliability"}))
    for r in res["reliability"]:
        print("  ", r)


def code_table(cands: list[dict]) -> dict[str, str]:
    """Commonest gold CAMEO code per (trigger lemma, root) in tune (two or more uses), and per root."""
    from eventwatch.events.codes import lookup

    per, per_root = defaultdict(Counter), defaultdict(Counter)
    for c in cands:
        code = c.get("cameo") or ""
        if c["label"] == "NONE" or lookup(code) is None:
            continue
        per[f"{c['lemma']}|{c['label']}"][code] += 1
        per_root[c["label"]][code] += 1
    out = {k: n.most_common(1)[0][0] for k, n in per.items() if sum(n.values()) >= 2}
    out.update({r: n.most_common(1)[0][0] for r, n in per_root.items()})
    return dict(sorted(out.items()))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("command", choices=("extract", "cv", "curve", "train", "cv-pipeline"))
    ap.add_argument("--no-dense", action="store_true", help="sparse parse features only")
    ap.add_argument("--epochs", type=int, default=20)
    ap.add_argument("--keep", type=float, help="cv-pipeline: try this keep threshold")
    ap.add_argument("--add", type=float, help="cv-pipeline: try this add threshold (1.01: add nothing)")
    ap.add_argument("--veto", type=float, help="cv-pipeline: try this veto threshold (0: drop nothing)")
    waves_option(ap)
    args = ap.parse_args()
    if args.command == "extract":
        extract(args.waves)
    elif args.command == "cv":
        cmd_cv(args)
    elif args.command == "curve":
        cmd_curve(args)
    elif args.command == "cv-pipeline":
        cmd_cv_pipeline(args)
    else:
        cmd_train(args)


if __name__ == "__main__":
    main()
