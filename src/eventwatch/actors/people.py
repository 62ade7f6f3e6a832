"""The people table of a document: the object the actor stage leaves on the Doc for later stages.

See ``actors/mentions.py`` for what it reads and how it resolves; this module holds the stored
object, :class:`PeopleTable`, and :func:`people_of`, which later stages call.
"""
from __future__ import annotations

from spacy.tokens import Doc

from eventwatch.actors.mentions import Inverted
from eventwatch.actors.referents import Referents
from eventwatch.model import Actor, Record
from eventwatch.nlp.cache import PREFIX

KEY = PREFIX + "people"


class PeopleTable:
    """The people and organisations of one document: the actor stage's actors and every reading of
    them the later stages ask for. Built by the actor stage (:func:`people_of` otherwise)."""

    def __init__(self, doc: Doc, record: Record):
        self.doc = doc
        self.record = record
        self._tokens: dict[int, str] | None = None

    @property
    def actors(self) -> list[Actor]:
        return self.record.actors

    def token_actors(self) -> dict[int, str]:
        """Token index -> id of the actor with a mention there (the first actor listed wins)."""
        if self._tokens is None:
            self._tokens = {}
            for actor in self.record.actors:
                for start, end in actor.mentions:
                    span = self.doc.char_span(start, end, alignment_mode="expand")
                    if span is None:
                        continue
                    for tok in span:
                        self._tokens.setdefault(tok.i, actor.id)
        return self._tokens

    def kinds(self) -> dict[str, str]:
        """Actor id -> kind (person, organization, group, country, …)."""
        return {actor.id: actor.kind for actor in self.record.actors}

    def place_actor(self, country: str, mention: list[int]) -> str | None:
        """The country actor standing for a place an act is done to ("troops were sent into Gorazde": Bosnia's):
        the place's words become one of its mentions; the country is added when the article named it as a
        place only. The token table is left as it is (a place is not a party in its own sentence). None when
        the words are a country's name inside a longer name ("the Niger Delta" is no act done to Niger)."""
        from eventwatch.actors.dictionary import load_dictionary
        from eventwatch.actors.recognition import folded_tokens, part_of_longer_name

        span = self.doc.char_span(mention[0], mention[1], alignment_mode="expand")
        if span is not None and part_of_longer_name(self.doc, span.start, span.end, load_dictionary(None),
                                                    folded_tokens(self.doc)):
            return None
        aid = f"country:{country}"
        actor = next((a for a in self.record.actors if a.id == aid), None)
        if actor is None:
            from eventwatch.actors.labels import country_name

            actor = Actor(id=aid, name=country_name(country) or country, kind="country", country=country,
                          code=country, confidence=0.6)
            self.record.actors.append(actor)
        if list(mention) not in actor.mentions:
            actor.mentions = sorted([*actor.mentions, list(mention)])
        return aid

    def sector_actor(self, country: str, sector: str, mention: list[int] | None) -> str:
        """The unnamed group of SECTOR in COUNTRY ("GBR-MIL", "armed forces (United Kingdom)") standing for a
        country named as the doer of an act only that sector does ("Britain carried out air strikes"); the
        country's words become one of its mentions. The token table is left as it is."""
        from eventwatch.actors.labels import generic_name

        aid = f"{country}-{sector}"
        actor = next((a for a in self.record.actors if a.id == aid), None)
        if actor is None:
            actor = Actor(id=aid, name=generic_name(country, sector, "forces"), kind="group",
                          country=country, sector=[sector], code=f"{country}{sector}", confidence=0.6)
            self.record.actors.append(actor)
        if mention and list(mention) not in actor.mentions:
            actor.mentions = sorted([*actor.mentions, list(mention)])
        return aid

    def referents(self, quoted: list[tuple[int, int]], inverted: Inverted | None = None):
        """A reading of the mentions for speakers: ``quoted`` regions (quotations) name no referent;
        ``inverted(token)`` says an object token is really the speaker of its verb ("…,” says X)."""
        return Referents(self.doc, self.record, quoted, inverted)


def people_of(doc: Doc, record: Record) -> PeopleTable:
    """The people table of ``doc``: the one the actor stage left, else a new one over ``record.actors``."""
    table = doc.user_data.get(KEY)
    if table is None or table.record is not record:
        table = doc.user_data[KEY] = PeopleTable(doc, record)
    return table
