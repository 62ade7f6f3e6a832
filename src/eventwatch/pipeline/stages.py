"""The stage registry: each stage is a component with one job, registered by name in ``STAGES``.

A stage is built once per process by its factory ``factory(settings) -> stage`` and then
called per document as ``stage(doc, record)``: it reads the spaCy ``Doc`` and what earlier
stages put on the ``Record``, and writes only its own part of the record. The pipeline runs
them in ``ORDER``; a stage's failure on one document becomes an error on that record.
"""
from __future__ import annotations

from typing import Callable, Protocol

from spacy.tokens import Doc

from eventwatch.model import Record
from eventwatch.settings import Settings

# places first (so the actor stage never makes an actor of a place name such as "Balkh" or a
# dateline), then actors, then events (source/target are actors, an event is placed by the places
# of its sentence), quotes last (speakers are actors). The issue text lists actors → events →
# quotes → places; places moved first because both actors and events read its output.
ORDER = ("places", "actors", "events", "quotes")


class Stage(Protocol):
    name: str

    def __call__(self, doc: Doc, record: Record) -> None: ...


# The registry, explicit: stage name -> "module:factory". A factory is ``factory(settings) -> stage``.
# The stage packages do not import the pipeline; the pipeline imports a stage only when it is built.
STAGES: dict[str, str] = {
    "places": "eventwatch.places:make_places_stage",
    "actors": "eventwatch.actors:make_actor_stage",
    "events": "eventwatch.events:make_events_stage",
    "quotes": "eventwatch.quotes:make_quotes_stage",
}


def factory(name: str) -> Callable[[Settings], Stage]:
    """The factory of a registered stage (imported on first use)."""
    import importlib

    module, _, attr = STAGES[name].partition(":")
    return getattr(importlib.import_module(module), attr)


def build(settings: Settings) -> list[Stage]:
    return [factory(name)(settings) for name in ORDER if name in settings.stages]
