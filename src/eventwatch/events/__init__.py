"""Events: what — CAMEO and PLOVER event coding with modality, dates, places, confidence and article tone.

The stage runs the pattern coder (``coder``) on every sentence that holds an actor, adds the learned
classifier's reading where it is available (``classifier``), and writes ``record.events`` and
``record.tone``. Heavy resources (lexicon, code table, classifier weights) load once per process.
"""
from __future__ import annotations

from eventwatch.events.stage import EventsStage


def make_events_stage(settings):
    return EventsStage(settings)


__all__ = ["EventsStage", "make_events_stage"]
