"""Scorers against gold data: ``eventwatch eval STAGE GOLD...``.

One module per stage (``pages``, ``actors``, ``events``, ``quotes``, ``places``), each with
``evaluate(paths: list[str], options: dict) -> dict`` (the figures) and ``report(result) -> str``
(a readable table). The benchmarks and the CLI call the same functions. Gold data is read from
where it lies (e.g. ``../shared/gold``); nothing of it is copied into the package.
"""
from __future__ import annotations

import importlib

SCORERS = ("pages", "actors", "events", "quotes", "places")


def scorer(stage: str):
    if stage not in SCORERS:
        raise ValueError(f"no scorer for {stage!r}; choose one of {', '.join(SCORERS)}")
    return importlib.import_module(f"eventwatch.eval.{stage}")
