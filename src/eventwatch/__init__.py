"""eventwatch: who did what to whom, when and where, and who said so — from news text."""
from __future__ import annotations

__version__ = "0.1.0"

from eventwatch.model import Actor, Document, Event, Place, Quote, Record  # noqa: E402,F401


def open(path="eventwatch.duckdb", read_only: bool = True):  # noqa: A001 - the documented entry point
    """Open a stored database for analysis: ``eventwatch.open(path).events(country="AFG")``
    (a Store with ``trends`` and ``alerts``: ``eventwatch.analytics.Analysis``)."""
    from eventwatch.analytics import Analysis

    return Analysis(path, read_only=read_only)
