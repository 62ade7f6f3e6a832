"""Confidence of a coded event in [0, 1]: a logistic score of the evidence behind it.

The weights are set by hand from the development figures (see docs in the eval report: confidence bins vs.
correctness on the CAMEO manual examples); the evidence is what a coder's error analysis points at:
how specific the matched pattern was, whether source and target were found, whether a frame composed
the code, whether the learned classifier agrees on the root, and whether the event is hedged.
"""
from __future__ import annotations

import math
from dataclasses import dataclass


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
