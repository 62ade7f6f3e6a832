"""Learned sentence classifier (placeholder until weights ship): no classifier, no votes."""
from __future__ import annotations


def load_classifier():
    return None
