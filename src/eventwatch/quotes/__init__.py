"""Quotes: not built yet — the stage runs and leaves its list empty, so records keep the contract shape."""
from __future__ import annotations

from eventwatch.model import Record
from eventwatch.stages import register


class QuotesStage:
    name = "quotes"

    def __init__(self, settings):
        self.settings = settings

    def __call__(self, doc, record: Record) -> None:
        return None


@register("quotes")
def make_quotes_stage(settings):
    return QuotesStage(settings)
