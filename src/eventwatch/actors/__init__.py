"""Actors: who — people, organisations, countries and armed groups, resolved to codes.

The stage (``actors``) runs after ``places`` and writes ``record.actors``: one :class:`Actor` per
entity of the document, with every mention (``[start, end)`` into ``record.text``), ``country``
(ISO alpha-3), ``sector`` (CAMEO role codes), CAMEO ``code``, ``role`` (the title found in the text
or the dated role from the dictionary) and ``affiliation`` (id of the organisation it speaks or acts
for). Ids are stable across documents: ``person:jens-stoltenberg``, ``NATO``, ``UN``,
``group:taliban``, ``country:AFG``, ``AFG-GOV`` (an unnamed country-sector actor),
``AFG-GOV/governor-of-balkh`` (an unnamed office holder), ``org:<slug>`` (an organisation the
dictionary does not know).

Modules: ``dictionary`` (data loader, once per process), ``recognition`` (dictionary matching +
spaCy entities, place filtering, document-level consistency), ``roles`` (titles, appositions,
unnamed agents), ``resolution`` (one actor per entity, dated codes), ``codes`` (CAMEO codes).
The publication date (``record.published``) selects among dated roles (e.g. the Taliban are
``AFGINSTAL`` before 2021-08-15 and ``AFGGOV`` after).

The stage also leaves the document's people table (``actors/people.py``, ``actors/mentions.py``): later stages ask it who a
token, a pronoun or a description stands for, and never resolve people themselves::

    from eventwatch.actors import people_of
    table = people_of(doc, record)   # token_actors(), kinds(), referents(quoted).resolve(token), adopt(actor)

Only this package writes ``record.actors``. Pronouns are not put into ``mentions``. Stages that need them (quotes: "he said"; events) call::

    from eventwatch.actors import resolve_pronoun, pronoun_map
    actor_id = resolve_pronoun(doc, record, token)   # token: a spaCy Token, e.g. the subject of "said"
    mapping = pronoun_map(doc, record)               # {(start, end): actor id} for every pronoun

A personal pronoun (he, him, his, she, her) resolves to the nearest preceding person actor mention
(within the three preceding sentences); it/its/they/them/their to the nearest preceding
organisation, group or country. Mentions inside a quotation are skipped when looking back.
"""
from __future__ import annotations

import logging
import re

from spacy.tokens import Doc, Token

from eventwatch.actors.dictionary import fold, load_dictionary
from eventwatch.actors.generic import article_country, evidence_country, generic_actors, mark_suspects, place_unplaced, sole_country
from eventwatch.actors.names import ACRONYM, acronym_owner, plain_name, spelled_by
from eventwatch.actors.people import KEY as PEOPLE_KEY
from eventwatch.actors.people import PeopleTable, people_of
from eventwatch.actors.recognition import folded_tokens, part_of_longer_name, recognize
from eventwatch.actors.resolution import resolve
from eventwatch.model import Actor, Record
from eventwatch.nlp.cache import sentences
from eventwatch.nlp.marks import quote_at

log = logging.getLogger(__name__)

PERSON_PRONOUNS = frozenset({"he", "him", "his", "himself", "she", "her", "hers", "herself"})
GROUP_PRONOUNS = frozenset({"it", "its", "itself", "they", "them", "their", "theirs", "themselves"})


class ActorStage:
    name = "actors"

    def __init__(self, settings):
        self.settings = settings
        user = str(settings.actors_file) if getattr(settings, "actors_file", None) else None
        self.dictionary = load_dictionary(user)

    def __call__(self, doc: Doc, record: Record) -> None:
        record.actors.extend(find_actors(doc, record, self.dictionary))
        record.actors[:] = defined_acronyms(record.actors, record.text)  # before the article's country is counted
        country = article_country(record)
        generic_actors(doc, record, self.dictionary)  # unnamed groups: police, protesters, villagers
        mark_suspects(doc, record)  # people with no office whom the article has arrested or charged
        sole = None if country else sole_country(record)
        place_unplaced(record, country, self.dictionary, sole)  # unknown people and bodies: the article's country
        # after every actor exists, generic bodies too ("the Nigerian Drug Police (NDP) ... the NDP")
        record.actors[:] = merge_acronyms(record.actors, record.text)
        doc.user_data[PEOPLE_KEY] = PeopleTable(doc, record)


def find_actors(doc: Doc, record: Record, dictionary=None) -> list[Actor]:
    """The actors of one parsed document (``doc`` is the spaCy Doc of ``record.text``)."""
    dic = dictionary or load_dictionary(None)
    note_places(doc, record, dic)
    mentions = recognize(doc, record, dic)
    return resolve(doc, dic, mentions, record.published)


def merge_acronyms(actors: list[Actor], text: str) -> list[Actor]:
    """One actor for a name and its acronym: "the Asian Development Bank (ADB) ... the ADB's policies", "the
    Securities and Exchange Commission ... the SEC" (the initials spell it). The acronym's mentions join the
    named actor; the named actor keeps its code, else takes the acronym's. An acronym the model took for a
    person ("… the Royal Institute of Chartered Surveyors … RICS added") joins the body its initials spell too."""
    out = list(actors)
    for short in actors:
        if not ACRONYM.match(short.name) or not (short.kind in ("organization", "group") or _capitals_person(short)):
            continue
        others = [a for a in out if a is not short and a.kind in ("organization", "group") and len(a.name.split()) > 1
                  and (short.code is None or a.code is None or a.code == short.code)]
        owner = acronym_owner(short.name, text, others)
        if owner is None:
            continue
        owner.mentions = sorted(owner.mentions + short.mentions)
        if not owner.code and short.code:
            owner.code, owner.country, owner.sector = short.code, short.country, short.sector
        out.remove(short)
        for a in out:  # a person of the acronym's body belongs to the named one ("a spokesman for the NDP")
            if a.affiliation == short.id:
                a.affiliation = owner.id
    return defined_acronyms(out, text)


def defined_acronyms(actors: list[Actor], text: str) -> list[Actor]:
    """An acronym the document defines, "the Federation of Small Businesses (FSB)", is that body's wherever the
    document writes it, even when the dictionary knows another body by the same letters (Russia's FSB): the
    acronym's mentions leave the other actor for the defined one; an actor left with no mention goes."""
    defined: dict[str, Actor] = {}
    for actor in actors:
        if actor.kind not in ("organization", "group") or len(actor.name.split()) < 2:
            continue
        for _, end in actor.mentions:
            found = re.match(r"\s*\(\s*([A-Z][A-Z&]{1,6})\s*\)", text[end:end + 12])
            if found and spelled_by(found.group(1), plain_name(actor.name)):
                defined.setdefault(found.group(1), actor)
    if not defined:
        return actors
    out = []
    for actor in actors:
        moved = [m for m in actor.mentions if text[m[0]:m[1]] in defined and defined[text[m[0]:m[1]]] is not actor]
        for m in moved:
            owner = defined[text[m[0]:m[1]]]
            if list(m) not in [list(x) for x in owner.mentions]:
                owner.mentions = sorted(owner.mentions + [m])
        actor.mentions = [m for m in actor.mentions if m not in moved]
        if actor.mentions or not moved:
            out.append(actor)
    return out


def _capitals_person(actor: Actor) -> bool:
    """A "person" whose name is three or more capitals and nothing else ("RICS", "NFU"): an acronym the
    model tagged as a person; it is merged only when a body named in the document spells it."""
    return actor.kind == "person" and len(actor.name) >= 3 and actor.name.isupper() and actor.name.isalpha()


def agent_words(actors_file=None) -> frozenset[str]:
    """The generic agent nouns and titles of the actor dictionary ("police", "students", "minister"), folded."""
    dic = load_dictionary(str(actors_file) if actors_file else None)
    return frozenset(dic.agents) | frozenset(dic.titles)


# sectors of parties to political events (CAMEO actor codebook: government, military, police, judiciary,
# legislature, opposition, parties, rebels, insurgents, spies, unidentified armed forces, IGOs; and, as the guide
# counts them (docs/annotation/events.md section 1), NGOs, human-rights groups and unions)
POLITICAL_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "OPP", "PTY", "REB", "INS", "SPY", "UAF", "IGO",
                               "RAD", "IMG", "NGO", "LAB", "HRI"})


def political_words(actors_file=None) -> frozenset[str]:
    """The agent nouns and titles of the actor dictionary whose sector is political ("police", "minister",
    "court", "opposition"), folded. Defence counsel ("lawyer", "attorney") act for a party, not as the state."""
    dic = load_dictionary(str(actors_file) if actors_file else None)
    words = {w for w, secs in dic.agents.items() if POLITICAL_SECTORS & set(secs)}
    words |= {w for w, (_, sec) in dic.titles.items() if sec in POLITICAL_SECTORS}
    return frozenset(words) - COUNSEL_WORDS


COUNSEL_WORDS = frozenset({"lawyer", "attorney", "barrister", "solicitor", "counsel", "advocate", "lawyers"})


def political_actor(actor) -> bool:
    """A country, or an actor whose sector is political (see POLITICAL_SECTORS)."""
    if actor.kind == "country":
        return True
    code = actor.code or ""
    secs = set(actor.sector or ()) | {code[i:i + 3] for i in range(0, len(code), 3)}
    return bool(POLITICAL_SECTORS & secs)


__all__ = ["ActorStage", "PeopleTable", "agent_words", "find_actors", "fold", "make_actor_stage", "people_of",
           "pronoun_map", "resolve_pronoun", "political_words", "political_actor"]


def note_places(doc: Doc, record: Record, dic) -> None:
    """Tell the role reader which tokens the places stage resolved, and to which country (not a country's name
    that is a word of a longer name: "the Niger Delta" is no place of Niger)."""
    from eventwatch.actors.roles import PLACES_KEY

    if not record.places:
        doc.user_data.pop(PLACES_KEY, None)
        return
    by_token = {}
    ft = folded_tokens(doc)
    for place in record.places:
        if not evidence_country(place):
            continue
        for s, e in place.mentions:
            span = doc.char_span(s, e, alignment_mode="expand")
            if span is not None and not part_of_longer_name(doc, span.start, span.end, dic, ft):  # "NIGER Delta"
                for t in span:
                    by_token[t.i] = place.country
    doc.user_data[PLACES_KEY] = by_token


def resolve_pronoun(doc: Doc, record: Record, token: Token) -> str | None:
    """The actor id a pronoun token most likely refers to, or None."""
    low = token.lower_
    if low == "it" and not _referential_it(token):
        return None
    if low in PERSON_PRONOUNS:
        want = {"person"}
    elif low in GROUP_PRONOUNS:
        want = {"organization", "group", "country"}
    else:
        return None
    sents = sentences(doc)  # (start, end, start_char), made once per document
    idx = next((i for i, (start, end, _) in enumerate(sents) if start <= token.i < end), 0)
    floor = sents[max(0, idx - 3)][2]
    gender = "m" if low in MALE_PRONOUNS else "f" if low in PERSON_PRONOUNS else None
    best = None
    for actor in record.actors:
        if actor.kind not in want:
            continue
        fits = _gender_fit(actor, gender, record.text)
        if fits < 0:
            continue  # "Baerbock met Wang Yi. SHE urged ...": not the man
        for s, e in actor.mentions:
            if (floor <= s and e <= token.idx and not _quoted_apart(doc, s, token.idx)
                    and record.text[e:token.idx].strip() != ","  # "Saleh, his deputy": his is not Saleh
                    and not (low in SINGULAR_GROUP_PRONOUNS and _plural_mention(doc, s, e))):
                # ("the army said Pakistani TROOPS fired on ITS posts": its is not the troops)
                if best is None or (fits, s) > best[:2]:
                    best = (fits, s, actor.id)  # a person known to have the pronoun's gender beats a nearer unknown
    return best[2] if best else None


SINGULAR_GROUP_PRONOUNS = frozenset({"it", "its", "itself"})


def _plural_mention(doc: Doc, start: int, end: int) -> bool:
    """The mention's head word is a plural common noun ("Pakistani troops", "the rebels")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and span.root.tag_ == "NNS"


MALE_PRONOUNS = frozenset({"he", "him", "his", "himself"})


def _gender_fit(actor: Actor, gender: str | None, text: str) -> int:
    """1: the person's given name or the title before a mention marks GENDER; -1: it marks the other one; 0: unknown
    (or no gender asked, or not a person)."""
    if gender is None or actor.kind != "person":
        return 0
    from eventwatch.actors.lexicon import first_names, person_words

    words = actor.name.split()
    known = first_names().get(words[0].lower()) if words else None
    if known is None:
        titles = person_words()
        for s, _e in actor.mentions:
            before = text[max(0, s - 40):s].split()
            if before and before[-1].lower().rstrip(".") in titles:
                known = titles[before[-1].lower().rstrip(".")]
                break
    return 0 if known is None else (1 if known == gender else -1)


def pronoun_map(doc: Doc, record: Record) -> dict[tuple[int, int], str]:
    """Every pronoun of the document that resolves: {(start, end): actor id}."""
    out = {}
    for t in doc:
        if t.lower_ in PERSON_PRONOUNS or t.lower_ in GROUP_PRONOUNS:
            aid = resolve_pronoun(doc, record, t)
            if aid:
                out[(t.idx, t.idx + len(t.text))] = aid
    return out


def _referential_it(token: Token) -> bool:
    """"It said"/"it seizes" refer; "it was decided", "it was worth it" do not."""
    head = token.head
    return token.dep_ == "nsubj" and head.pos_ == "VERB" and head.lemma_ not in ("be", "seem", "appear", "take", "open")


def _quoted_apart(doc: Doc, mention: int, pronoun: int) -> bool:
    """The mention stands inside a direct quote and the pronoun outside any: '"Lee will pay," said Kim. HE ...' is
    not Lee. A pronoun inside a quote may go back to a mention in it or in an earlier quote, as a speaker goes on
    ('"Russia has said this before," Stubb said, "and then IT invaded Ukraine."')."""
    return quote_at(doc, mention) is not None and quote_at(doc, pronoun) is None


def make_actor_stage(settings):
    return ActorStage(settings)
