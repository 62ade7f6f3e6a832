"""Confidence of a coded event in [0, 1]: a logistic score of the evidence behind it.

The weights are set by hand from the development figures (see docs in the eval report: confidence bins vs.
correctness on the CAMEO manual examples); the evidence is what a coder's error analysis points at:
how specific the matched pattern was, whether source and target were found, whether a frame composed
the code, whether the learned classifier agrees on the root, and whether the event is hedged.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

from eventwatch.errors import Errors, EventwatchError
from eventwatch.resources import DataFileError, read_rows


@dataclass
class Evidence:
    specificity: int = 0          # constraints satisfied by the pattern (0 = bare lemma)
    has_source: bool = False
    has_target: bool = False
    composed: bool = False        # coded through a frame ("vowed to resist")
    noun_trigger: bool = False
    classifier_agrees: bool | None = None   # None = no classifier vote
    classifier_prob: float = 0.0
    classifier_only: bool = False
    hedged: bool = False          # negated or hypothetical
    subordinate: bool = False     # inside another event's clause or a condition


WEIGHTS = {"bias": -0.4, "specificity": 0.45, "source": 0.9, "target": 0.5, "composed": 0.2, "noun": -0.2,
           "agree": 0.3, "disagree": -0.3, "clf_only": -1.4, "clf_prob": 1.6, "hedged": -0.2,
           "subordinate": -1.5}


def confidence(ev: Evidence) -> float:
    w = WEIGHTS
    z = w["bias"] + w["specificity"] * min(ev.specificity, 3)
    z += w["source"] * ev.has_source + w["target"] * ev.has_target + w["composed"] * ev.composed
    z += w["noun"] * ev.noun_trigger + w["hedged"] * ev.hedged + w["subordinate"] * ev.subordinate
    if ev.classifier_agrees is True:
        z += w["agree"]
    elif ev.classifier_agrees is False:
        z += w["disagree"]
    if ev.classifier_only:
        z += w["clf_only"] + w["clf_prob"] * ev.classifier_prob
    return round(1.0 / (1.0 + math.exp(-z)), 3)


# ------------------------------------------------------------------ calibration of the final confidence
# The hand-weighted score above (and the learned coder's probability) ranks readings but is not a
# probability: on the own set's tune split events at 0.5-0.6 were right by root a quarter of the time.
# Every event's final confidence is therefore re-mapped by a small logistic model fit on the tune split
# (scripts/calibrate_events.py, out-of-fold by article) and stored in data/confidence_calibration.tsv.
# Features (every event has them): the logit of the coder's own confidence ("raw", weight >= 0, so the
# mapping is monotone in it), the coder that produced the event (method=...), its QuadClass and its CAMEO
# root (root=..., so that a root the coder usually gets wrong, such as intents (03) or threats (13), keeps its
# events at a lower confidence; on 481 tune events the root weights did not lower the out-of-fold log loss, on
# 417 events of the larger tune split they lower it a little, 0.642 -> 0.639, with the penalty chosen out of
# fold; a root seen on fewer than MIN_COUNT tune events gets no weight),
# whether source and target were found, modality, background, two sentence signals (how many events
# the sentence holds, whether the event is the sentence's most confident one), and the learned coder's
# probability of the event's root at its trigger ("lp", weight >= 0; events/learned.py scores only the
# events' trigger words, whether or not the learned coder adds events of its own). Within a sentence the
# calibrated values never reorder the coder's readings (a reading the coder ranked lower is capped just below
# the one above it, so no tie either): the dev scorers, like analysts, take a sentence's main event by confidence.

CALIBRATION_FILE = Path(__file__).parent / "data" / "confidence_calibration.tsv"
FLAGS = ("source", "target", "negated", "hypothetical", "background", "top", "lp_missing")
NUMERIC = ("bias", "raw", "sent_events", "lp")
PREFIXED = {"method": {"pattern", "both", "classifier", "learned"}, "quad": {"1", "2", "3", "4"},
            "root": {f"{r:02d}" for r in range(2, 21)}}
NONNEGATIVE = ("raw", "lp")


class CalibrationError(EventwatchError, DataFileError):
    """The confidence calibration file breaks its format (E403)."""

    default = Errors.E403


def feature_ok(name: str) -> bool:
    if name in FLAGS or name in NUMERIC:
        return True
    kind, _, value = name.partition("=")
    return value in PREFIXED.get(kind, ())


@dataclass
class Calibration:
    """weights: feature name -> logistic weight (see calibration_features)."""

    weights: dict[str, float]

    def probability(self, feats: dict[str, float]) -> float:
        z = sum(self.weights.get(k, 0.0) * v for k, v in feats.items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    @property
    def wants_root_probability(self) -> bool:
        return "lp" in self.weights

    def apply(self, events: list, root_prob: dict[int, float] | None = None) -> None:
        """Replace each event's confidence by its calibrated value (in place; order kept within a sentence).
        ROOT_PROB: the learned coder's probability of each event's root at its trigger, by id(event)."""
        for group in by_sentence(events).values():
            feats = calibration_features(group, root_prob)
            ranked = sorted(zip(group, feats, [e.confidence for e in group]), key=lambda x: -x[2])
            cap, level, level_min = 1.0, None, 1.001   # cap: just below the lowest value of the higher levels
            for ev, f, raw in ranked:
                if raw != level:
                    cap, level, level_min = max(0.001, min(cap, level_min - 0.001)), raw, 1.0
                p = min(self.probability(f), cap)
                level_min = min(level_min, p)
                ev.confidence = round(p, 3)


def by_sentence(events: list) -> dict[int, list]:
    out: dict[int, list] = {}
    for ev in events:
        out.setdefault(ev.sentence[0], []).append(ev)
    return out


def _logit(p: float) -> float:
    p = min(max(p, 0.01), 0.99)
    return math.log(p / (1 - p))


def calibration_features(group: list, root_prob: dict[int, float] | None = None) -> list[dict[str, float]]:
    """The features of each event of one sentence's events (their raw confidences still in place)."""
    root_prob = root_prob or {}
    top = max(e.confidence for e in group)
    n = math.log(len(group))
    out = []
    for ev in group:
        f = {"bias": 1.0, "raw": _logit(ev.confidence), "sent_events": n, f"method={ev.method}": 1.0,
             f"quad={ev.quad_class}": 1.0, f"root={ev.root}": 1.0}
        flags = (ev.source is not None, ev.target is not None, ev.negated, ev.hypothetical, bool(ev.background),
                 ev.confidence >= top)
        f.update({name: 1.0 for name, on in zip(FLAGS, flags) if on})
        if id(ev) in root_prob:
            f["lp"] = _logit(root_prob[id(ev)])
        else:
            f["lp_missing"] = 1.0
        out.append(f)
    return out


def parse_calibration(rows: list[tuple[int, list]], name: str) -> Calibration:
    weights: dict[str, float] = {}
    for n, (feat, value) in rows:
        try:
            w = float(value)
        except ValueError:
            raise CalibrationError(f"{name} line {n}: weight {value!r} is not a number") from None
        if not feature_ok(feat) or feat in weights or not math.isfinite(w):
            raise CalibrationError(f"{name} line {n}: unknown, repeated or non-finite feature {feat!r}")
        if feat in NONNEGATIVE and w < 0:
            raise CalibrationError(f"{name} line {n}: {feat} must be >= 0 (confidence stays monotone in it)")
        weights[feat] = w
    missing = [k for k in ("bias", "raw") if k not in weights]
    if missing:
        raise CalibrationError(f"{name}: no weight for {', '.join(missing)}")
    return Calibration(weights)


def load_calibration(path: Path | None = None) -> Calibration:
    """The calibration table, validated: a broken file is a CalibrationError (E403) naming file and line."""
    path = path or CALIBRATION_FILE
    try:
        rows = read_rows(path, columns=2)
    except (DataFileError, OSError, UnicodeDecodeError) as exc:
        raise CalibrationError(f"confidence calibration {path}: {exc}") from None
    return parse_calibration(rows, Path(path).name)
