"""Actors: who — people, organisations, countries and armed groups, resolved to codes.

Baseline: spaCy PERSON/ORG/NORP/GPE entities grouped by surface name. (Issue 3 replaces this
with gazetteers, within-document resolution, roles and CAMEO actor codes.)
"""
from __future__ import annotations

import re

from eventwatch.model import Actor, Record
from eventwatch.stages import register

KINDS = {"PERSON": "person", "ORG": "organization", "NORP": "group", "GPE": "country"}


def slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


class ActorStage:
    name = "actors"

    def __init__(self, settings):
        self.settings = settings

    def __call__(self, doc, record: Record) -> None:
        by_id: dict[str, Actor] = {}
        for ent in doc.ents:
            kind = KINDS.get(ent.label_)
            if not kind:
                continue
            aid = f"{kind}:{slug(ent.text)}"
            actor = by_id.setdefault(aid, Actor(id=aid, name=ent.text, kind=kind))
            actor.mentions.append([ent.start_char, ent.end_char])
        record.actors.extend(by_id.values())


@register("actors")
def make_actor_stage(settings):
    return ActorStage(settings)
