"""The stage registry: each stage is a component with one job, registered by name.

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


STAGES: dict[str, Callable[[Settings], Stage]] = {}


def register(name: str):
    def deco(factory):
        STAGES[name] = factory
        return factory

    return deco


def build(settings: Settings) -> list[Stage]:
    import importlib

    built = []
    for name in ORDER:
        if name not in settings.stages:
            continue
        if name not in STAGES:
            importlib.import_module(f"eventwatch.{name}")
        built.append(STAGES[name](settings))
    return built
