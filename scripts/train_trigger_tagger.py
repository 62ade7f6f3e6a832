"""Train and measure eventwatch's trigger tagger: a spaCy ``tagger`` that gives every token "O" or the CAMEO root
(02..20) of the event it triggers, with its own small tok2vec (config: scripts/trigger_tagger.cfg).

Data: eventwatch's own hand-coded set (labels/events), the ``tune`` split only (the test split is filtered out by
``training_sentences``); fit on the sample waves given with ``--waves`` (default 1,2,3,5). The wave given with
``--heldout-wave`` (default 4) is a held-out measure: ``heldout`` and ``train`` print its figures and nothing is
chosen on it. The gold trigger's head word (the word of the trigger span whose syntactic head lies outside it, as
in scripts/train_event_coder.py) gets the root. The corpus text is read from ../shared at run time; DocBins go to
/tmp (``TRIGGER_TAGGER_DIR``), never into the repository. Training and run time feed the tagger the same input
(``events.tagger.tagger_input``: the words in the tagger's own vocab, so NORM is the same in both).

Commands (from the repository root):

    .venv/bin/python scripts/train_trigger_tagger.py build                  # parse the labelled sentences -> DocBin
    .venv/bin/python scripts/train_trigger_tagger.py select                 # epochs, on the fixed fold 0 of the fit waves
    .venv/bin/python scripts/train_trigger_tagger.py cv --folds 3 [--fold-only F]  # by article, out-of-fold
    .venv/bin/python scripts/train_trigger_tagger.py heldout [--curve]      # learning curve, measured on wave 4
    .venv/bin/python scripts/train_trigger_tagger.py train                  # fit all; write events/data/trigger_tagger

Token scores: a token is right when it is a gold trigger word and the predicted root is the gold root; "all" counts
every token of the labelled sentences, "cand" only the linear coder's candidates (verbs and nouns of sentences
with an actor or agent; matched through EVENT_CODER_CACHE, made by ``train_event_coder.py extract``), the
linear coder's own definition. Seeded (spaCy/thinc seed 0, fixed shuffles): re-running gives the same figures.
"""
from __future__ import annotations

import argparse
import hashlib
import os
import pickle
import random
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "scripts"))

from eventwatch.events.tagger import tagger_input  # noqa: E402 - the one input of the tagger, trained and run

CONFIG = ROOT / "scripts" / "trigger_tagger.cfg"
WORK = Path(os.environ.get("TRIGGER_TAGGER_DIR", "/tmp/trigger_tagger_" + os.environ.get("USER", "x")))
OUT = ROOT / "src" / "eventwatch" / "events" / "data" / "trigger_tagger"
ROOTS = [f"{r:02d}" for r in range(2, 21)]
FOLDS = 5
HELD_OUT = 4           # --heldout-wave: the wave measured only (figures, nothing chosen on it)
FIT_WAVES = "1,2,3,5"  # --waves default: every tune wave but the held-out one


def fold_of(doc: str) -> int:
    return int(hashlib.sha1(doc.encode()).hexdigest(), 16) % FOLDS


def nonspace(text: str, start: int, at: int) -> int:
    return sum(not ch.isspace() for ch in text[start:at])


# ------------------------------------------------------------------ data
def build(args) -> None:
    """Parse every labelled tune sentence of waves 1, 2, 3, 5 (spaCy model of the pipeline) and keep its words,
    spaces, POS and gold tags in a DocBin under WORK (never in the repository)."""
    from spacy.tokens import Doc, DocBin

    from eventwatch.eval.event_labels import training_sentences
    from eventwatch.nlp import load_model

    nlp = load_model()
    items = training_sentences(args.build_waves)
    db = DocBin(store_user_data=True)
    n_trig = n_lost = 0
    t0 = time.time()
    for s, parsed in zip(items, nlp.pipe((s.text for s in items), batch_size=64)):
        tags = ["O"] * len(parsed)
        for ev in s.events:
            trig = ev.get("trigger")
            if ev.get("root") not in ROOTS or not trig:
                continue
            inside = [t for t in parsed if trig[0] <= t.idx < trig[1] and not t.is_space]
            heads = [t for t in inside if not trig[0] <= t.head.idx < trig[1]]
            tok = (heads or inside or [None])[0]
            if tok is None or tags[tok.i] != "O":
                n_lost += 1
                continue
            tags[tok.i] = ev["root"]
            n_trig += 1
        doc = Doc(parsed.vocab, words=[t.text for t in parsed], spaces=[bool(t.whitespace_) for t in parsed],
                  tags=tags, pos=[t.pos_ or "X" for t in parsed])
        doc.user_data.update({"sid": s.sid, "doc": s.doc, "wave": s.wave,
                              "rel": [nonspace(s.text, 0, t.idx) for t in parsed]})
        db.add(doc)
    WORK.mkdir(parents=True, exist_ok=True)
    db.to_disk(WORK / "sentences.spacy")
    print(f"{len(items)} sentences, {n_trig} trigger words ({n_lost} unplaced) -> {WORK / 'sentences.spacy'} "
          f"[{time.time() - t0:.0f}s]", file=sys.stderr)


def load_sentences(waves: set[int]):
    import spacy
    from spacy.tokens import DocBin

    vocab = spacy.blank("en").vocab
    docs = list(DocBin().from_disk(WORK / "sentences.spacy").get_docs(vocab))
    return [d for d in docs if d.user_data["wave"] in waves]


def waves_of(text: str | None) -> set[int]:
    return {int(w) for w in (text or FIT_WAVES).split(",")}


# ------------------------------------------------------------------ model
def make_nlp(cfg_overrides: dict | None = None):
    import spacy
    from spacy.util import fix_random_seed, load_config, load_model_from_config

    cfg = load_config(CONFIG, overrides=cfg_overrides or {}, interpolate=False)
    fix_random_seed(0)
    nlp = load_model_from_config(cfg, auto_fill=True, validate=True)
    return nlp, cfg.interpolate()["training"]


def fit(train_docs, epochs: int | None = None, dev_docs=None, overrides: dict | None = None, log=True):
    """Fit a fresh tagger on TRAIN_DOCS; with DEV_DOCS, print dev token scores after each epoch."""
    from spacy.training import Example
    from spacy.util import fix_random_seed

    nlp, tr = make_nlp(overrides)
    epochs = epochs or int(tr["max_epochs"])
    examples = [Example(tagger_input(nlp.vocab, d), _as_ref(nlp, d)) for d in train_docs]
    tagger = nlp.get_pipe("tagger")
    for label in ["O"] + ROOTS:
        tagger.add_label(label)
    fix_random_seed(0)
    opt = nlp.initialize(lambda: examples[:500])
    opt.learn_rate = float(tr["learn_rate"])
    rng = random.Random(int(tr["seed"]))
    bs = int(tr["batch_sentences"])
    history = []
    for ep in range(1, epochs + 1):
        t0 = time.time()
        order = examples[:]
        rng.shuffle(order)
        losses: dict = {}
        for k in range(0, len(order), bs):
            nlp.update(order[k:k + bs], drop=float(tr["dropout"]), sgd=opt, losses=losses)
        if dev_docs is not None:
            sc = scores(dev_docs, predict(nlp, dev_docs))
            history.append((ep, sc))
            if log:
                print(f"  epoch {ep}: loss {losses['tagger']:.1f} dev {sc} [{time.time() - t0:.0f}s]", file=sys.stderr,
                      flush=True)
        elif log:
            print(f"  epoch {ep}: loss {losses['tagger']:.1f} [{time.time() - t0:.0f}s]", file=sys.stderr, flush=True)
    return nlp, history


def _as_ref(nlp, d):
    from spacy.tokens import Doc

    return Doc(nlp.vocab, words=[t.text for t in d], spaces=[bool(t.whitespace_) for t in d], tags=[t.tag_ for t in d])


def predict(nlp, docs) -> list[np.ndarray]:
    """Per doc, the (tokens x labels) probabilities, columns in the order ["O"] + ROOTS."""
    tagger = nlp.get_pipe("tagger")
    order = [list(tagger.labels).index(label) for label in ["O"] + ROOTS]
    fresh = [tagger_input(nlp.vocab, d) for d in docs]
    out = []
    for k in range(0, len(fresh), 256):
        for z in tagger.model.predict(fresh[k:k + 256]):
            out.append(softmax(np.asarray(tagger.model.ops.to_numpy(z))[:, order]))
    return out


def softmax(z: np.ndarray) -> np.ndarray:
    """spacy.Tagger.v2 with normalize = false (the config) gives scores at inference: normalise them here."""
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


# ------------------------------------------------------------------ scores
def scores(docs, probs, only: dict | None = None, o_max: float | None = None) -> dict:
    """Token P/R/F1 (trigger word and root right). ONLY: sid -> set of rel offsets to count (the linear coder's
    candidates); O_MAX: predict a root where P(O) < O_MAX (default: the argmax)."""
    tp = npred = ngold = 0
    for d, p in zip(docs, probs):
        gold = np.array([0 if t.tag_ == "O" else ROOTS.index(t.tag_) + 1 for t in d])
        if o_max is None:
            pred = p.argmax(1)
        else:
            pred = np.where(p[:, 0] < o_max, p[:, 1:].argmax(1) + 1, 0)
        if only is not None:
            keep = only.get(d.user_data["sid"], set())
            mask = np.array([r in keep for r in d.user_data["rel"]], dtype=bool)
            gold, pred = gold[mask], pred[mask]
        tp += int(((pred == gold) & (gold > 0)).sum())
        npred += int((pred > 0).sum())
        ngold += int((gold > 0).sum())
    return {"P": round(tp / max(1, npred), 3), "R": round(tp / max(1, ngold), 3),
            "F1": round(2 * tp / max(1, npred + ngold), 3), "gold": ngold}


# ------------------------------------------------------------------ the linear coder on the same definition
def linear_cache(waves: set[int]):
    import train_event_coder as tec

    sents = tec.load_cache(",".join(map(str, sorted(waves))))
    return tec, sents


def cand_sets(sents) -> dict:
    return {s["sid"]: {c["rel"] for c in s["cands"]} for s in sents}


def linear_scores(sents, docs) -> dict:
    """The linear coder's out-of-sample predictions (c["p"] set) scored on both definitions."""
    by_sid = {s["sid"]: s for s in sents}
    own_probs = []
    for d in docs:
        s = by_sid.get(d.user_data["sid"])
        at = {c["rel"]: c for c in s["cands"]} if s else {}
        p = np.zeros((len(d), len(ROOTS) + 1))
        p[:, 0] = 1.0
        for k, r in enumerate(d.user_data["rel"]):
            c = at.get(r)
            if c is not None and "p" in c:
                p[k] = c["p"]
        own_probs.append(p)
    return {"all": scores(docs, own_probs), "cand": scores(docs, own_probs, cand_sets(sents))}


# ------------------------------------------------------------------ commands
def cmd_select(args) -> None:
    docs = load_sentences(waves_of(args.waves))
    train = [d for d in docs if fold_of(d.user_data["doc"]) != 0]
    dev = [d for d in docs if fold_of(d.user_data["doc"]) == 0]
    print(f"fold 0 of waves {args.waves}: {len(train)} train / {len(dev)} dev sentences", file=sys.stderr)
    _, hist = fit(train, args.epochs, dev, _overrides(args))
    best = max(hist, key=lambda h: h[1]["F1"])
    print(f"best epoch {best[0]}: {best[1]}")


def _overrides(args) -> dict:
    out = {}
    if args.width:
        out["components.tagger.model.tok2vec.encode.width"] = args.width
    if args.depth:
        out["components.tagger.model.tok2vec.encode.depth"] = args.depth
    return out


def cmd_cv(args) -> None:
    waves = waves_of(args.waves)
    docs = load_sentences(waves)
    probs: dict[int, np.ndarray] = {}
    for f in range(FOLDS):
        part = WORK / f"oof_{args.waves}_e{args.epochs}_fold{f}of{FOLDS}.pkl"   # one fold's out-of-fold rows: folds run apart
        if part.exists():
            probs.update(pickle.loads(part.read_bytes()))
            continue
        if args.fold_only is not None and f != args.fold_only:
            continue
        t0 = time.time()
        nlp, _ = fit([d for d in docs if fold_of(d.user_data["doc"]) != f], args.epochs, None, _overrides(args), log=False)
        nlp.to_disk(WORK / f"fold{f}_{args.waves}", exclude=["vocab"])  # for cv-pipeline
        test = [k for k, d in enumerate(docs) if fold_of(d.user_data["doc"]) == f]
        got = dict(zip(test, predict(nlp, [docs[k] for k in test])))
        part.write_bytes(pickle.dumps(got))
        probs.update(got)
        print(f"fold {f} [{time.time() - t0:.0f}s]", file=sys.stderr, flush=True)
    if len(probs) < len(docs):
        print(f"{len(probs)}/{len(docs)} sentences have out-of-fold rows: run the other folds", file=sys.stderr)
        return
    pr = [probs[k] for k in range(len(docs))]
    with open(WORK / f"oof_{args.waves}.pkl", "wb") as fh:
        pickle.dump({"probs": pr, "sids": [d.user_data["sid"] for d in docs]}, fh)
    tec, sents = linear_cache(waves)
    only = cand_sets(sents)
    print(f"tagger, {FOLDS}-fold by article, out-of-fold, waves {args.waves}: all {scores(docs, pr)} "
          f"cand {scores(docs, pr, only)}")
    for w in sorted(waves):
        sub = [k for k, d in enumerate(docs) if d.user_data["wave"] == w]
        print(f"  wave {w}: all {scores([docs[k] for k in sub], [pr[k] for k in sub])}")
    simulate(tec, sents, docs, pr, "tagger")
    if args.linear:
        tec.oof(sents)
        print(f"linear coder, same folds: {linear_scores(sents, docs)}")
        with open(WORK / f"oof_linear_{args.waves}.pkl", "wb") as fh:
            pickle.dump({s["sid"]: [c["p"] for c in s["cands"]] for s in sents}, fh)
        tec.choose_thresholds(sents, tec.calibrate(sents), verbose=True)


def with_tagger_probs(sents, docs, probs) -> None:
    """Set each linear-coder candidate's "p" to the tagger's out-of-fold row at the same word (else NONE)."""
    rows = {}
    for d, p in zip(docs, probs):
        for k, r in enumerate(d.user_data["rel"]):
            rows[(d.user_data["sid"], r)] = p[k]
    none = np.zeros(len(ROOTS) + 1)
    none[0] = 1.0
    for s in sents:
        for c in s["cands"]:
            c["p"] = rows.get((s["sid"], c["rel"]), none)


QUIET_BUDGET = 1.5   # simulated false events per 100 BBC sport/entertainment/tech sentences (eval's limit: 2)
DET_P_SLACK = 0.01   # sentence-detection precision may fall this much below the lexicon alone's
ADD_GRID = [round(0.2 + 0.01 * k, 2) for k in range(41)] + [1.01]   # 0.20 .. 0.60; 1.01 adds nothing


def choose_add(tec, sents, cal) -> tuple[dict, dict]:
    """The add threshold (keep 0, veto 0: the tagger only adds, in sentences where the lexicon coded nothing and
    an actor or agent is named) with the best simulated root F1 among those that keep false events in quiet
    sections within QUIET_BUDGET and detection precision within DET_P_SLACK of the lexicon alone. Out-of-fold on
    the fit waves only; ties go to the higher threshold (fewer additions)."""
    items = tec.scored_items(sents, cal)
    base = tec.simulate(items, 0.0, 1.01)
    print(f"lexicon alone (simulated): {base}", flush=True)
    best = None
    for add in ADD_GRID:
        fig = tec.simulate(items, 0.0, add, 0.0)
        ok = fig["quiet/100"] <= QUIET_BUDGET and fig["det P"] >= base["det P"] - DET_P_SLACK
        print(f"  add {add:4}: {fig}{'' if ok else '  (breaks the rule)'}", flush=True)
        key = (ok, fig["root F1"], add)
        if best is None or key > best[0]:
            best = (key, {"keep": 0.0, "add": float(add), "veto": 0.0}, fig)
    return best[1], {**best[2], "lexicon_alone": base}


def simulate(tec, sents, docs, probs, name: str) -> dict:
    """The linear trainer's offline simulation of the combination (calibration; the add threshold by
    ``choose_add``) with the tagger's out-of-fold probabilities at the candidate words."""
    with_tagger_probs(sents, docs, probs)
    cal = tec.calibrate(sents)
    th, fig = choose_add(tec, sents, cal)
    print(f"{name}: combination chosen {th} {fig}", flush=True)
    return {"calibration": cal, "thresholds": th, "simulated": fig}


def cmd_heldout(args) -> None:
    """Learning curve measured on the held-out wave (``--heldout-wave``): fit on the first fit wave, the first two,
    ... all of them (both models)."""
    waves = waves_of(args.waves)
    w2 = load_sentences({HELD_OUT})
    tec, sents_all = linear_cache(waves | {HELD_OUT})
    w2_sents = [s for s in sents_all if s["wave"] == HELD_OUT]
    pools = [set(sorted(waves)[:k]) for k in range(1, len(waves) + 1)]
    for pool in pools if args.curve else pools[-1:]:
        t0 = time.time()
        train = load_sentences(pool)
        nlp, _ = fit(train, args.epochs, None, _overrides(args), log=False)
        pr = predict(nlp, w2)
        n_trig = sum(t.tag_ != "O" for d in train for t in d)
        print(f"tagger fit on waves {sorted(pool)} ({n_trig} trigger words): wave {HELD_OUT} all {scores(w2, pr)} "
              f"cand {scores(w2, pr, cand_sets(w2_sents))} [{time.time() - t0:.0f}s]", flush=True)
        if args.linear:
            rows = [c for s in sents_all if s["wave"] in pool for c in s["cands"]]
            model = tec.fit(*tec.design(rows, True, True))
            test = [c for s in w2_sents for c in s["cands"]]
            d, r, c, _ = tec.design(test, True, True)
            for cand, p in zip(test, tec.proba(model, d, r, c)):
                cand["p"] = p
            print(f"linear fit on waves {sorted(pool)}: wave {HELD_OUT} {linear_scores(w2_sents, w2)}", flush=True)


def cmd_train(args) -> None:
    """The tagger fit on all the fit waves (data/trigger_tagger/), its word scores on the held-out wave, then its
    meta (``meta``, when ``cv`` has run)."""
    import json

    docs = load_sentences(waves_of(args.waves))
    t0 = time.time()
    nlp, _ = fit(docs, args.epochs, None, _overrides(args))
    minutes = round((time.time() - t0) / 60, 1)
    nlp.meta["name"] = "trigger_tagger"
    nlp.meta["description"] = f"eventwatch trigger tagger, labels/events tune waves {args.waves}"
    out = Path(args.out) if args.out else OUT
    out.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(out, exclude=["vocab"])  # no vocab: the strings of the training text stay out of the repository
    print(f"wrote {out} (fit {minutes} min)", file=sys.stderr)
    fig = {**heldout_scores(nlp), "fit_minutes": minutes}
    print(f"held-out wave {HELD_OUT}: {fig}", flush=True)
    (WORK / f"heldout_{args.waves}.json").write_text(json.dumps(fig) + "\n")
    if (WORK / f"oof_{args.waves}.pkl").exists() and out == OUT:
        cmd_meta(args)


def heldout_scores(nlp) -> dict:
    """NLP's word scores on the held-out wave ("all" tokens; "cand": the linear coder's candidates)."""
    held = load_sentences({HELD_OUT})
    if not held:
        return {"wave": HELD_OUT}
    pr = predict(nlp, held)
    fig = {"wave": HELD_OUT, "all": scores(held, pr)}
    if os.path.exists(os.environ.get("EVENT_CODER_CACHE", "")):
        _, sents = linear_cache({HELD_OUT})
        fig["cand"] = scores(held, pr, cand_sets(sents))
    return fig


def cmd_score(args) -> None:
    """A trained tagger (--out, default the shipped one) measured on the held-out wave."""
    import spacy

    print(f"{args.out or OUT}: held-out {heldout_scores(spacy.load(Path(args.out) if args.out else OUT))}")


def cmd_meta(args) -> None:
    """data/trigger_tagger.json: calibration and add/veto thresholds chosen by the linear trainer's rule on the
    out-of-fold probabilities of ``cv`` (same waves and epochs: run it first), code table, CV figures."""
    import json

    waves = waves_of(args.waves)
    docs = load_sentences(waves)
    with open(WORK / f"oof_{args.waves}.pkl", "rb") as fh:
        oof = pickle.load(fh)
    assert oof["sids"] == [d.user_data["sid"] for d in docs], "re-run cv: the sentences changed"
    probs = [p if np.allclose(p.sum(1), 1.0, atol=1e-3) else softmax(p) for p in oof["probs"]]
    tec, sents = linear_cache(waves)
    combo = simulate(tec, sents, docs, probs, "tagger")
    cands = [c for s in sents for c in s["cands"]]
    th = {k: float(v) for k, v in combo["thresholds"].items()}
    meta = {"classes": tec.CLASSES, "calibration": combo["calibration"], "thresholds": th,
            "codes": tec.code_table(cands), "root_counts": dict(sorted(tec.ROOT_COUNTS.items())),
            "min_rescore": tec.MIN_RESCORE, "epochs": args.epochs,
            "trained_on": f"labels/events tune split, waves {args.waves}: {len(docs)} sentences, "
                          f"{sum(t.tag_ != 'O' for d in docs for t in d)} trigger words",
            "tune_cv": {"tokens_all": scores(docs, probs), "tokens_cand": scores(docs, probs, cand_sets(sents)),
                        "combined": combo["simulated"]}}
    held = WORK / f"heldout_{args.waves}.json"
    if held.exists():
        meta["heldout"] = json.loads(held.read_text())
    (OUT.parent / "trigger_tagger.json").write_text(json.dumps(meta, indent=1, sort_keys=True) + "\n", "utf-8")
    print(f"wrote {OUT.parent / 'trigger_tagger.json'}", file=sys.stderr)


def cmd_cv_pipeline(args) -> None:
    """Whole pipeline, 5-fold by article on the fit waves: each fold's articles coded with the tagger that ``cv``
    fitted on the other folds (calibration and thresholds: the shipped trigger_tagger.json, or --add/--veto).
    --add 1.01 --veto 0 is the lexicon alone (the tagger then changes no event, only confidences)."""
    import json

    import spacy

    import eventwatch.events.tagger as tagger_mod
    from eventwatch.eval import event_set as es
    from eventwatch.eval.event_labels import training_sentences

    meta = json.loads((OUT.parent / "trigger_tagger.json").read_text("utf-8"))
    for name in ("add", "veto"):
        if getattr(args, name) is not None:
            meta["thresholds"][name] = getattr(args, name)
    items = training_sentences(args.waves)
    scored = []
    for f in range(FOLDS):
        coder = tagger_mod.TriggerTagger(spacy.load(WORK / f"fold{f}_{args.waves}"), meta)
        tagger_mod.load_tagger = lambda: coder  # noqa: B023 - the stage built inside predict() reads this fold's model
        scored += es.predict([s for s in items if fold_of(s.doc) == f], {"extra": {"events_tagger": True}})
        print(f"fold {f} done", file=sys.stderr, flush=True)
    res = es.score(scored)
    print(f"thresholds {meta['thresholds']}: whole pipeline, 5-fold, waves {args.waves}:",
          json.dumps({k: v for k, v in res.items() if k != "reliability"}), flush=True)


def main() -> None:
    global HELD_OUT, FOLDS
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("command", choices=("build", "select", "cv", "heldout", "train", "meta", "cv-pipeline", "score"))
    ap.add_argument("--waves", default=FIT_WAVES, help="fit waves of the tune split (never the held-out one)")
    ap.add_argument("--heldout-wave", type=int, default=HELD_OUT,
                    help="the tune wave measured only: figures, nothing chosen on it")
    ap.add_argument("--build-waves", default="1,2,3,4,5",
                    help="build: the waves to parse (the test split never; the held-out wave for its figures only)")
    ap.add_argument("--fold-only", type=int, help="cv: fit only this fold (run folds in parallel, then cv again)")
    ap.add_argument("--folds", type=int, default=FOLDS, help="cv, cv-pipeline: folds by article")
    ap.add_argument("--out", help="train: write the weights here instead of events/data/trigger_tagger")
    ap.add_argument("--epochs", type=int, help="epochs (default: the config's max_epochs)")
    ap.add_argument("--width", type=int)
    ap.add_argument("--depth", type=int)
    ap.add_argument("--linear", action="store_true", help="also score the linear coder (EVENT_CODER_CACHE)")
    ap.add_argument("--add", type=float, help="cv-pipeline: add threshold (1.01: add nothing)")
    ap.add_argument("--veto", type=float, help="cv-pipeline: veto threshold (0: drop nothing)")
    ap.add_argument("--curve", action="store_true", help="heldout: fit on wave 1, 1+3, 1+3+5")
    args = ap.parse_args()
    HELD_OUT, FOLDS = args.heldout_wave, args.folds
    assert HELD_OUT not in waves_of(args.waves), f"wave {HELD_OUT} is held out"
    {"build": build, "select": cmd_select, "cv": cmd_cv, "heldout": cmd_heldout, "train": cmd_train, "meta": cmd_meta,
     "cv-pipeline": cmd_cv_pipeline, "score": cmd_score}[args.command](args)


if __name__ == "__main__":
    main()
