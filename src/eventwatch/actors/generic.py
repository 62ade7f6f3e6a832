"""Generic actors: unnamed groups and people the text names by an agent noun.

"Police", "protesters", "villagers", "army recruits", "a Lebanese man", "displaced people", "officials"
become actors with a sector (CAMEO agent codes from the Phoenix and NGEC agents dictionaries, data files
``phoenix_agents.tsv``, ``agents_extra.tsv``, ``ngec_agents.tsv``) and a country read, in this order, from

1. the noun phrase's own modifiers: a demonym or country actor among its adjectives, compounds or
   possessive ("Kenyan police", "Syria's army"), or an "of/from/in X" phrase ("villagers of X");
2. the place named in the clause ("police arrested 20 protesters in Minsk": BLR for both);
3. the article's country, when its places name one country only.

Otherwise the country is unknown (``---``, as the annotation guide codes "riot police" = ``---COP``).
One actor per (country, sector) per article, with every mention, named by its sector and country
(actors/labels.generic_name: "armed forces (Afghanistan)", not the "force" the article wrote, which stays in
its mentions; "Kenyan police", words that name the country, stay as written); phrases the actor stage already
covers (named actors, "Egyptian police" coded by the role reader) are left as they are.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Doc, Span, Token

from eventwatch.actors.codes import SECTORS, split_code
from eventwatch.actors.dictionary import Dictionary, fold, folded_words
from eventwatch.actors.labels import generic_name, is_generic_id
from eventwatch.actors.recognition import folded_tokens, part_of_longer_name
from eventwatch.actors.lexicon import region_at, region_codes
from eventwatch.model import Actor, Place, Record
from eventwatch.nlp.cache import column
from eventwatch.resources import read_table

DATA = Path(__file__).parent / "data"
PEOPLE_SECTOR = "CVL"           # Phoenix codes "people", "man" as PPL: ordinary people, the guide's CVL
NOT_GROUPS = frozenset({"it", "this", "that", "which", "what", "one", "some", "all", "both", "each"})
MODIFIER_DEPS = ("amod", "compound", "poss", "nmod", "npadvmod")
PLACE_PREPS = ("of", "from", "in")
TRANSNATIONAL_PREFIXES = frozenset({"IGO", "NGO", "IMG", "MNC"})
STANCE = frozenset({"anti", "pro"})  # "an anti-Syria journalist" is not Syrian
NOUN_POS = frozenset({"NOUN", "PROPN"})  # the only tokens that can have a sector
ACRONYM_PLURAL = re.compile(r"^[A-Z]{2,}s$")  # "MPs", "MEPs": tagged as singular proper nouns
# classes of the places stage's natural features (places/data/features.tsv; the class is the place id's prefix)
# that say nothing of the country of the people named near them: a river or a range crosses borders, and an
# island or a region may be named in any country's story ("protests on Ellis Island" make no police American)
NO_EVIDENCE_FEATURES = ("river:", "lake:", "island:", "mountain:", "region:")


def evidence_country(place: Place) -> str | None:
    """The country a place lends to the actors of its article and clause: its own, except for the natural
    features of ``NO_EVIDENCE_FEATURES`` (the event there keeps the place; the actors do not take its country)."""
    return None if place.id.startswith(NO_EVIDENCE_FEATURES) else place.country


def place_mentions(place: Place, record: Record) -> list[list[int]]:
    """The mentions of PLACE that are no words of a person's name ("Mr BANDA" is no town in India, "Mr KENYA" no
    country): only those lend their country to the article's actors."""
    people = [m for a in record.actors if a.kind == "person" for m in a.mentions]
    return [m for m in place.mentions if not any(s <= m[0] and m[1] <= e for s, e in people)]


@lru_cache(maxsize=1)
def ngec_agents() -> dict[str, tuple[str, ...]]:
    out: dict[str, tuple[str, ...]] = {}
    for phrase, code in read_table(DATA / "ngec_agents.tsv", columns=2):
        out.setdefault(fold(phrase), tuple(split_code(code)))
    return out


@lru_cache(maxsize=1)
def not_agents() -> frozenset[str]:
    return folded_words(DATA / "not_agents.txt")


@lru_cache(maxsize=1)
def mass_nouns() -> frozenset[str]:
    return folded_words(DATA / "mass_nouns.txt")


@lru_cache(maxsize=1)
def suspect_acts() -> frozenset[str]:
    return folded_words(DATA / "suspect_acts.txt")


SUSPECT_SECTOR = "CRM"
OPPOSITION = "OPP"
CROWD_WORDS = frozenset({"people", "person"})  # the plain words for a crowd's members
NEAR_SENTENCES = 2


def arrested_at_protest(tok: Token, actors) -> bool:
    """"At least 12 PEOPLE were arrested" right after the article named protesters (an OPP group in this or the
    NEAR_SENTENCES sentences before): the people held are of that crowd, not criminals. Only the plain crowd
    words (``CROWD_WORDS``): "three men were arrested" stay suspects."""
    if fold(tok.lemma_) not in CROWD_WORDS and fold(tok.text) not in CROWD_WORDS:
        return False
    doc = tok.doc
    sents = [s for s in doc.sents if s.start <= tok.i]
    window = sents[-(NEAR_SENTENCES + 1):]
    lo, hi = window[0].start_char, window[-1].end_char
    return any(a.sector[:1] == [OPPOSITION] and a.kind != "person" and any(lo <= s and e <= hi for s, e in a.mentions)
               for a in actors)


def is_suspect(tok: Token) -> bool:
    """TOK names whom an act of ``data/suspect_acts.txt`` is done to: "police arrested three MEN", "seven
    PEOPLE were charged", "a YOUTH charged with murder", "the trial of X", "X's conviction"."""
    head = tok.head
    acts = suspect_acts()
    if tok.dep_ in ("dobj", "nsubjpass") and head.pos_ in ("VERB", "AUX"):
        return fold(head.lemma_) in acts
    if tok.dep_ == "poss" and head.pos_ == "NOUN":
        return fold(head.lemma_) in acts
    if tok.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ == "NOUN":
        return fold(head.head.lemma_) in acts
    return any(c.dep_ == "acl" and c.tag_ == "VBN" and fold(c.lemma_) in acts for c in tok.children)


def mark_suspects(doc: Doc, record: Record) -> None:
    """People with no sector whom the article names as arrested, charged or convicted are suspects (CRM):
    "Jon Vail was charged with fraud" codes Jon Vail as a suspect, not an unknown."""
    ids = {a.id for a in record.actors}
    for actor in record.actors:
        roots = [span.root for span in _spans(doc, actor.mentions)]
        if actor.kind == "person" and not actor.sector and any(is_suspect(t) for t in roots):
            actor.sector = [SUSPECT_SECTOR]
            actor.code = f"{actor.country}{SUSPECT_SECTOR}" if actor.country else actor.code
        elif is_generic_id(actor.id) and actor.sector == [PEOPLE_SECTOR] and roots and all(map(is_suspect, roots)):
            # "residents of Homs were arrested", read by the role reader: the same suspects, one actor
            aid = f"{actor.country or '-'}-{SUSPECT_SECTOR}" if actor.country else f"---{SUSPECT_SECTOR}"
            if aid not in ids:
                actor.id, actor.sector, actor.code = aid, [SUSPECT_SECTOR], f"{actor.country or '---'}{SUSPECT_SECTOR}"
                start, end = actor.mentions[0]
                actor.name = generic_name(actor.country, SUSPECT_SECTOR, record.text[start:end])
                ids.add(aid)


@lru_cache(maxsize=1)
def stateless_words() -> frozenset[str]:
    return folded_words(DATA / "stateless_words.txt")


UNIDENTIFIED = "UAF"   # "gunmen", "armed men": the guide's ---UAF, whatever the place


def stateless(tok: Token, sector: str, dic: Dictionary) -> bool:
    """A group of no one country: unidentified attackers, or a noun named with a word of
    ``data/stateless_words.txt`` ("coalition forces", "the coalition", "a multinational force"); the head
    word counts only when the group's sector is its own ("the opposition coalition" is a national party's)."""
    if sector == UNIDENTIFIED or sector in TRANSNATIONAL_PREFIXES:
        return True  # "gunmen"; "aid workers": of an international body, no country's
    head = fold(tok.lemma_)
    words = [fold(t.text) for c in tok.lefts if c.dep_ in ("compound", "amod") for t in c.subtree]
    if head in stateless_words() and agent_sector([[head]], dic) == sector:
        return True
    return any(w in stateless_words() for w in words)


@lru_cache(maxsize=1)
def group_heads() -> frozenset[str]:
    return folded_words(DATA / "group_heads.txt")


def agent_sector(variants: list[list[str]], dic: Dictionary) -> str | None:
    """The sector of the longest agent phrase ending one of the folded word lists VARIANTS (text, lemma):
    Phoenix's agents first, then NGEC's ("army recruit" → MIL). Of several sectors the first that is not
    the catch-all CVL ("protester": CVL OPP → OPP); "people" (Phoenix PPL) are civilians."""
    for table in (dic.agents, ngec_agents()):
        for words in variants:
            for k in range(min(3, len(words)), 0, -1):
                codes = table.get(" ".join(words[-k:]))
                if not codes:
                    continue
                if "PPL" in codes:
                    return PEOPLE_SECTOR
                hit = [c for c in codes if c in SECTORS]
                if hit:
                    return next((c for c in hit if c != PEOPLE_SECTOR), hit[0])
    return None


def _head_words(tok: Token) -> list[list[str]]:
    """Folded word sequences ending at the noun: modifiers + text, modifiers + lemma ("displaced people")."""
    mods = [c for c in tok.lefts if c.dep_ in ("compound", "amod") and c.i >= tok.i - 3]
    pre = [fold(c.text) for c in mods]
    out = [pre + [fold(tok.text)], pre + [fold(tok.lemma_)]]
    if tok.tag_ == "NNPS" and tok.lower_.endswith("s") or ACRONYM_PLURAL.match(tok.text):
        out.append(pre + [fold(tok.text[:-1])])  # "Christians": proper plurals keep their s in the lemma
    return out


def noun_sector(tok: Token, dic: Dictionary) -> str | None:
    if tok.pos_ not in ("NOUN", "PROPN"):
        return participle_sector(tok)
    if tok.lower_ in NOT_GROUPS:
        return None
    return agent_sector(_head_words(tok), dic) or participle_sector(tok)


@lru_cache(maxsize=1)
def participle_groups() -> dict[str, str]:
    """Participles used as group nouns and their sectors (data/participle_groups.tsv)."""
    return {fold(r[0]): r[1].strip() for r in read_table(DATA / "participle_groups.tsv") if len(r) >= 2}


ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "dative", "conj"})


def participle_sector(tok: Token) -> str | None:
    """"The ACCUSED", "the WOUNDED": a participle or adjective the tagger leaves unnamed, standing alone after
    "the" as a party of a clause, names a group (``data/participle_groups.tsv``); the tagger may also read it as
    a name ("questioned the ACCUSED.")."""
    if tok.pos_ not in ("VERB", "ADJ", "NOUN", "PROPN") or tok.dep_ not in ARGUMENT_DEPS:
        return None
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
        return None
    return participle_groups().get(fold(tok.lower_))


class Context:
    """Per-document look-ups: which tokens are covered by actors (and their countries), which by places."""

    def __init__(self, doc: Doc, record: Record, dic: Dictionary):
        self.doc, self.dic = doc, dic
        self.actor_at: dict[int, Actor] = {}
        for actor in record.actors:
            for span in _spans(doc, actor.mentions):
                for t in span:
                    self.actor_at.setdefault(t.i, actor)
        self.place_at: dict[int, str] = {}
        for place in record.places:
            if evidence_country(place):
                for span in _spans(doc, place_mentions(place, record)):
                    if part_of_longer_name(doc, span.start, span.end, dic, folded_tokens(doc)):
                        continue  # "Niger" of "the Niger Delta": no place of Niger
                    for t in span:
                        self.place_at[t.i] = place.country
        self.article_country = article_country(record)
        self.placed = {p.country for p in record.places if evidence_country(p) and place_mentions(p, record)}
        self.named_words = {w for a in record.actors if a.kind in ("organization", "group") and not is_generic_id(a.id)
                            for w in fold(a.name).split()}  # "the ministry" after "the Foreign Ministry", not
        # "the government" after "the French government" (a country-sector actor, no name of its own)

    def country_of(self, tok: Token) -> str | None:
        actor = self.actor_at.get(tok.i)
        if actor is not None and actor.country and actor.kind in ("country", "organization", "group"):
            return actor.country
        return self.place_at.get(tok.i) or self.dic.demonyms.get(tok.lower_)

    def leader_country(self, tok: Token) -> str | None:
        """The country of a person named as a compound of the group ("the OBAMA administration", "ASSAD
        forces"): the people around a leader are of the leader's country, not of a place the clause names."""
        actor = self.actor_at.get(tok.i)
        return actor.country if actor is not None and actor.kind == "person" else None


ARTICLE_LEAD = 1.5   # the article's country is named this many times as often as the next one
ARTICLE_MARGIN = 2   # ... and at least this many times more: one mention more ("2 against 1") is no lead


def article_country(record: Record) -> str | None:
    """The country the article is about, when that is clear: the one named ARTICLE_LEAD times as often as any
    other and ARTICLE_MARGIN times more, counting the mentions of its places and of its named people and bodies
    (a country named as an actor is counted through its places, or by its own mentions when no place stands for
    it); the one country named at all when one of its people or bodies is named (a country named once as the
    target of an act is not the article's). The dateline's country is the article's when the text names it too,
    or names no country; a dateline the text never names again is only where the story was filed ("BRUSSELS —
    The EU imposed sanctions on Russia ...": not the country of its unnamed ministries and reporters).
    None when that is not clear."""
    counts: Counter = Counter()
    for p in record.places:
        if evidence_country(p):
            counts[p.country] += len(place_mentions(p, record))
    placed = {c for c, n in counts.items() if n}
    people: set[str] = set()
    spots = [m for p in record.places for m in p.mentions]
    for a in record.actors:  # countries named as actors, and the countries of named people and bodies
        mentions = a.mentions
        if is_generic_id(a.id):  # "union leaders in BRUSSELS": the place is counted already, not twice
            mentions = [(s, e) for s, e in mentions if not any(s < pe and ps < e for ps, pe in spots)]
        if a.country and a.kind != "country":
            people.add(a.country)  # "Rebels in the Ivory Coast": people of that country, counted or not
        if a.country and mentions and (a.kind != "country" or a.country not in placed):
            counts[a.country] += len(mentions)
    counts = +counts  # only countries the text names
    dateline = next((p.country for p in record.places if p.dateline and p.country), None)
    if dateline and (not counts or counts[dateline]):
        return dateline
    top = counts.most_common(2)
    if len(top) == 1:  # "Prime Minister X said ...": the one country whose people the article names
        return top[0][0] if top[0][0] in people or top[0][1] >= 2 else None
    if not top or top[0][1] < 2 or top[0][1] < max(ARTICLE_LEAD * top[1][1], top[1][1] + ARTICLE_MARGIN):
        return None
    return top[0][0]


def _spans(doc: Doc, mentions) -> list[Span]:
    out = []
    for s, e in mentions:
        span = doc.char_span(s, e, alignment_mode="expand")
        if span is not None:
            out.append(span)
    return out


def own_country(tok: Token, ctx: Context, skip=()) -> tuple[str | None, int]:
    """Country from the phrase itself, and the last token index the phrase takes with it (not from the tokens of
    SKIP: a place of stationing, :func:`stationing_place`)."""
    backers = backer_tokens(tok.lefts)
    for c in tok.lefts:
        if c.dep_ in MODIFIER_DEPS and not any(t.lower_ in STANCE for t in c.subtree) and not _after_stance(c) \
                and c.i not in backers:
            for t in c.subtree:
                country = ctx.country_of(t) or (ctx.leader_country(t) if c.dep_ == "compound" else None)
                if country:
                    return country, tok.i
    for p in tok.rights:
        if p.dep_ == "prep" and p.lower_ in PLACE_PREPS:
            for o in p.children:
                if o.dep_ == "pobj" and o.i not in skip:
                    country = ctx.country_of(o) or next((ctx.country_of(c) for c in o.children
                                                         if c.dep_ == "compound" and ctx.country_of(c)), None)
                    if country:
                        return country, o.i
    return None, tok.i


def phrase_region(tok: Token, dic: Dictionary) -> str | None:
    """The CAMEO region code of a regional adjective among TOK's modifiers ("an ARAB diplomat", "WESTERN officials",
    "SOUTH AMERICAN ministers"; ``data/regional_words.tsv``), None for a country's ("South African police")."""
    words = [fold(t.text) for t in tok.doc[phrase_start(tok):tok.i]]
    for i in range(len(words)):
        found = region_at(words, i, dic.demonyms)
        if found is not None:
            return found[0]
    return None


STATE_NOUNS = frozenset({"country", "state", "nation", "government", "member"})


def member_region(tok: Token, dic: Dictionary) -> str | None:
    """The region of the states an "of" phrase names as TOK's ("the governments OF TWENTY WESTERN COUNTRIES",
    "officials OF SEVERAL ARAB STATES"): a group of many countries' people is the region's, not of a country the
    clause names (the target's, the meeting place's)."""
    for p in tok.rights:
        if p.dep_ == "prep" and p.lower_ == "of":
            for o in p.children:
                if o.dep_ == "pobj" and fold(o.lemma_) in STATE_NOUNS:
                    found = phrase_region(o, dic)
                    if found:
                        return found
    return None


def _after_stance(tok: Token) -> bool:
    """"anti-Syria" parsed flat: the country word right after "anti-" or "pro-"."""
    doc = tok.doc
    return tok.i >= 2 and doc[tok.i - 1].text == "-" and doc[tok.i - 2].lower_ in STANCE


def clause_country(tok: Token, ctx: Context, skip=()) -> str | None:
    """The one country of the places named in the sentence of TOK (none when they name two), leaving out the
    places the group goes to or acts on and the venue where it meets (:func:`not_its_place`), the country that
    owns the doer of the group's clause when the group is not the doer and the sentence names another place
    (:func:`doer_owners`; "China's crackdown on protesters" names no other: they are China's) and the backers
    of a "US-backed" phrase (:func:`backer_tokens`)."""
    sent = tok.sent
    away = not_its_place(tok) | backer_tokens(sent) | backer_act_owners(tok) | set(skip)
    found = {c for i, c in ctx.place_at.items() if sent.start <= i < sent.end and i not in away}
    if len(found) > 1:  # "Russia's bombardment of ALEPPO killed civilians": the place of the act, not the doer's
        doer = doer_owners(tok)
        found = {c for i, c in ctx.place_at.items() if sent.start <= i < sent.end and i not in away | doer} or found
    return next(iter(found)) if len(found) == 1 else None


ARMED_DOER_SECTORS = frozenset({"MIL"})


def _doers(tok: Token) -> list[Token]:
    """The subject (or "by" agent) of TOK's clause, climbing from a participial clause without a subject to the
    clause it hangs on; empty when TOK is itself in the doer."""
    verb = governing_verb(tok)
    doers: list[Token] = []
    for _ in range(3):
        if verb is None:
            break
        doers = [c for c in verb.children if c.dep_ in ("nsubj", "csubj")]
        doers += [o for a in verb.children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"]
        if doers or verb.dep_ not in CARRY_DEPS or verb.head is verb:
            break
        verb = verb.head
    if any(tok.i in {t.i for t in d.subtree} for d in doers):
        return []
    return doers
CARRY_DEPS = frozenset({"advcl", "xcomp", "conj", "acl"})  # ", KILLING three civilians": the clause of "shelled"


def armed_doer_countries(tok: Token, ctx: Context) -> set[str]:
    """The countries of the doer of TOK's clause when TOK is not the doer and the doer is a state's armed force or
    the state itself ("RUSSIAN FORCES shelled the town, killing three civilians", "civilians were killed by ISRAELI
    strikes", "RUSSIA bombed the city, wounding residents"): the doer's nationality names the attacker, and lends no
    country to the victims when no place of that country is named. A participial clause without a subject
    ("..., killing ...") takes the subject of the clause it hangs on."""
    out: set[str] = set()
    for d in _doers(tok):
        actor = ctx.actor_at.get(d.i)
        if actor is not None and actor.country and (actor.kind == "country" or set(actor.sector or []) & ARMED_DOER_SECTORS):
            out.add(actor.country)
            continue
        if d.pos_ in NOUN_POS and noun_sector(d, ctx.dic) in ARMED_DOER_SECTORS:
            country = own_country(d, ctx)[0]
            if country:
                out.add(country)
    return out


@lru_cache(maxsize=1)
def backer_nouns() -> frozenset[str]:
    return folded_words(DATA / "backer_nouns.txt")


def backer_act_owners(tok: Token) -> set[int]:
    """The words naming who backs TOK when TOK is the object of an act of backing (``data/backer_nouns.txt``):
    "MOSCOW's support for the rebels", "TEHRAN's arming of the militias" (the backer is not the group's country;
    "China's crackdown ON protesters" is no backing: they stay China's)."""
    up = tok
    for _ in range(3):
        if up.dep_ not in ("pobj", "prep") or up.head is up:
            return set()
        up = up.head
        if up.pos_ == "NOUN":
            return _owners(up) if fold(up.lemma_) in backer_nouns() or fold(up.lower_) in backer_nouns() else set()
    return set()


def stationing_place(tok: Token, sector: str, ctx: Context) -> set[int]:
    """"Healey visited troops IN ESTONIA", "the French president met soldiers IN CHAD": an armed group named as the
    object of a clause whose doer is of another country is only stationed in the place of its "in" phrase; that
    place does not make the troops its country's. The tokens of that place (empty when the rule does not apply:
    "Troops in Estonia held an exercise", "Estonian officials visited troops in Estonia")."""
    if sector not in ARMED_DOER_SECTORS or tok.dep_ in SUBJECT_DEPS:
        return set()
    heads = [tok] + ([tok.head] if tok.dep_ == "dobj" else [])  # "visited troops [in Estonia]" hangs on the verb
    places = {k for h in heads for p in h.children if p.dep_ == "prep" and p.lower_ == "in" and p.i > tok.i
              for o in p.children if o.dep_ == "pobj" for k in _named(o) if k in ctx.place_at}
    if not places:
        return set()
    doers = {c for d in _doers(tok) for c in _doer_country(d, ctx)}
    return places if doers and not doers & {ctx.place_at[k] for k in places} else set()


def _doer_country(d: Token, ctx: Context) -> set[str]:
    actor = ctx.actor_at.get(d.i)
    if actor is not None and actor.country:
        return {actor.country}
    return {c for c in [own_country(d, ctx)[0]] if c} if d.pos_ in NOUN_POS else set()


OWNER_DEPS = frozenset({"poss", "compound", "amod", "nmod", "npadvmod"})
CLIMB_DEPS = frozenset({"pobj", "prep", "dobj", "dative", "conj", "appos", "nsubjpass", "attr", "agent"})


def governing_verb(tok: Token) -> Token | None:
    """The verb whose clause TOK is a participant of: up through objects, prepositions and conjuncts
    ("killed dozens OF CIVILIANS", "signed a deal WITH THE REBELS")."""
    cur = tok
    for _ in range(6):
        if cur.dep_ not in CLIMB_DEPS or cur.head is cur:
            return None
        cur = cur.head
        if cur.pos_ in ("VERB", "AUX"):
            return cur
    return None


def _owners(tok: Token) -> set[int]:
    """The words that say whose TOK is: its possessive, compounds and adjectives, with theirs ("RUSSIA's
    bombardment", "ISRAELI air strikes"); not its prepositional phrases ("shelling of Aleppo")."""
    out: set[int] = set()
    for c in tok.children:
        if c.dep_ in OWNER_DEPS:
            out |= {c.i} | _owners(c)
    return out


def doer_owners(tok: Token) -> set[int]:
    """When TOK is not the doer of its clause (the victims, the other party), the words naming the country of
    the doer: "RUSSIA's bombardment of Aleppo killed dozens of civilians" (the civilians are not Russian),
    "ISRAEL's strikes on Gaza wounded children", "MOSCOW's support for the rebels" (the owner of an act TOK
    is the object of); the place where the act happens still counts."""
    out: set[int] = set()
    up = tok
    for _ in range(4):  # "support FOR the rebels", "sales TO the island": the owner of the act is not TOK's
        if up.dep_ not in ("pobj", "prep") or up.head is up:
            break
        up = up.head
        if up.pos_ == "NOUN":
            out |= _owners(up)
    verb = governing_verb(tok)
    if verb is None:
        return out
    for c in verb.children:
        if c.dep_ in ("nsubj", "csubj") and tok.i not in {t.i for t in c.subtree}:
            out |= _owners(c)
    return out


@lru_cache(maxsize=1)
def backer_words() -> frozenset[str]:
    """Participles that make a modifier's country a backer, not the group's ("US-BACKED government")."""
    return folded_words(DATA / "backer_words.txt")


def backer_tokens(span) -> set[int]:
    """Tokens of SPAN that name who backs a group: the subtree of a backer participle used as a modifier
    ("the US-backed government", "Iranian-funded militias"), not the group's own country."""
    words = backer_words()
    return {t.i for b in span if b.dep_ in ("amod", "compound") and fold(b.lower_) in words for t in b.subtree}


TOWARD_PREPS = frozenset({"to", "into", "toward", "towards", "against", "on", "onto", "at"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
MOTION_PREPS = frozenset({"to", "into", "toward", "towards"})


@lru_cache(maxsize=1)
def venue_verbs() -> frozenset[str]:
    return folded_words(DATA / "venue_verbs.txt")


def _named(tok: Token) -> set[int]:
    """TOK and the words that name it with it ("northern ISRAEL", "Iran's central bank", "Kenya and UGANDA")."""
    out = {tok.i}
    for c in tok.children:
        if c.dep_ in ("compound", "amod", "poss", "nmod", "appos", "conj", "cc"):
            out |= _named(c)
    return out


def not_its_place(tok: Token) -> set[int]:
    """Tokens of the sentence that say where the doer TOK goes or what it acts on, not where it is from: the
    object of its verb and the objects of to/into/against/on/at ("troops were sent TO MALI", "the United States
    imposed sanctions ON IRAN"), and every place of its verb when the verb is one of meeting or travel
    (``data/venue_verbs.txt``: "the foreign ministers will meet IN GENEVA"). TOK is the subject of the verb, or
    the object of its "by"."""
    verb = tok.head
    if tok.dep_ == "dobj" and verb.pos_ == "VERB":  # "sent troops TO MYANMAR": where they go
        return {k for p in verb.children if p.dep_ == "prep" and p.lower_ in MOTION_PREPS
                for o in p.children if o.dep_ == "pobj" for k in _named(o)}
    if tok.dep_ == "pobj" and verb.lower_ == "by" and verb.head.pos_ in ("VERB", "AUX"):
        verb = verb.head  # "attacked by gunmen": the doer of "attacked"
    elif tok.dep_ not in SUBJECT_DEPS or verb.pos_ not in ("VERB", "AUX"):
        return set()
    venue = fold(verb.lemma_) in venue_verbs()
    out: set[int] = set()
    for c in verb.children:
        if c.i == tok.i or c.dep_ in SUBJECT_DEPS:
            continue
        if c.dep_ in ("dobj", "dative") and tok.dep_ != "nsubjpass":
            out |= _named(c)  # "struck KHARKIV", "sanctions ON IRAN"; not "protesters in Nairobi"
            out.update(k for p in c.children if p.dep_ == "prep" and p.lower_ in TOWARD_PREPS
                       for o in p.children if o.dep_ == "pobj" for k in _named(o))
        elif c.dep_ == "prep" and venue:
            out.update(t.i for t in c.subtree)
        elif c.dep_ == "prep" and c.lower_ in TOWARD_PREPS:
            out.update(k for o in c.children if o.dep_ == "pobj" for k in _named(o))
    return out


def phrase_start(tok: Token) -> int:
    """First token of the noun phrase without its determiner or number ("the 20 Kenyan police" → Kenyan)."""
    left = [c for c in tok.lefts if c.dep_ in MODIFIER_DEPS]
    start = tok.sent.start  # never the punctuation or the words of the sentence before (". Police in Atlanta")
    return min([t.i for c in left for t in c.subtree if t.i >= start and not t.is_punct] + [tok.i])


def is_group_head(tok: Token, ctx: Context) -> bool:
    if tok.i in ctx.actor_at:
        return False
    if tok.tag_ in ("NN", "NNP") and fold(tok.text) in ctx.dic.titles:
        return False  # "the spokesman", "a minister": one office holder, the actor stage's business
    if any(c.dep_ == "poss" and c.i in ctx.actor_at and ctx.actor_at[c.i].kind == "person" for c in tok.children):
        return False  # "Blair's aides" speak for Blair
    if tok.dep_ in ("compound", "amod") and tok.head.pos_ in ("NOUN", "PROPN") and tok.head.i > tok.i:
        return False  # "police cadets": the head noun decides
    if tok.dep_ in ("npadvmod", "amod", "advmod"):
        return False  # "rebel-held": not a party
    if fold(tok.lemma_) in not_agents() and _compound_sector(tok, ctx) is None:
        return False  # "the town", "the camp": not a party (but "REBEL camps" are the rebels')
    if tok.tag_ == "NN" and fold(tok.lemma_) in mass_nouns() and not any(
            c.dep_ in ("det", "poss", "nummod", "compound") for c in tok.children):
        return False  # "came into force", "used force": a mass noun, no group
    if tok.dep_ in ("appos", "attr") or tok.head.dep_ == "appos" and tok.dep_ == "conj":
        return False  # "Dario Vance, an engineer by training": a description of someone named
    if acts_for_someone(tok):
        return False  # "his lawyers", "defence lawyers", "lawyers for the general": counsel, no judiciary
    if tok.tag_ == "NN" and fold(tok.lemma_) in ctx.named_words and any(c.lower_ == "the" for c in tok.children):
        return False  # "the ministry" after "the Foreign Ministry": that body, the people table's business
    return not _members_named(tok, ctx.dic)


@lru_cache(maxsize=1)
def counsel_words() -> frozenset[str]:
    return folded_words(DATA / "counsel_words.txt")


DEFENCE = frozenset({"defence", "defense"})


def acts_for_someone(tok: Token) -> bool:
    """TOK is a party's counsel (``data/counsel_words.txt``) named as someone's: a possessive ("HIS lawyers",
    "the firm's attorneys"), "defence" ("DEFENCE lawyers") or "for" ("lawyers FOR the general")."""
    if fold(tok.lemma_) not in counsel_words():
        return False
    return any(c.dep_ == "poss" or c.lower_ in DEFENCE or c.dep_ == "prep" and c.lower_ in ("for", "representing")
               for c in tok.children)


def _members_named(tok: Token, dic: Dictionary) -> bool:
    """"a coalition OF AID GROUPS", "a crowd of protesters": one noun for a body whose members an "of" phrase
    names as a group of their own; the members are the party (not "families of soldiers": many, not one)."""
    return tok.tag_ == "NN" and any(o.dep_ == "pobj" and o.tag_ in ("NNS", "NNPS") and noun_sector(o, dic)
                                    for p in tok.children if p.dep_ == "prep" and p.lower_ == "of"
                                    for o in p.children)


def generic_actors(doc: Doc, record: Record, dic: Dictionary) -> None:
    """Add an actor (or a mention to the existing one) for every unnamed agent noun phrase of the document."""
    ctx = Context(doc, record, dic)
    known = {a.id: a for a in record.actors}
    # only nouns can have a sector (noun_sector, _compound_sector): the other tokens are not looked at
    lowers = column(doc, "lower_")
    groups = participle_groups()
    for i in [k for k, pos in enumerate(column(doc, "pos_")) if pos in NOUN_POS or lowers[k] in groups]:
        tok = doc[i]
        if not is_group_head(tok, ctx):
            continue
        own = None if fold(tok.lemma_) in not_agents() else noun_sector(tok, dic)  # "camp": only as "rebel camp"
        noun = sector = own or _compound_sector(tok, ctx)
        if sector is None:
            continue
        if sector == PEOPLE_SECTOR and is_suspect(tok):
            # "police arrested three men": suspects, not bystanders; "12 people were arrested" at a protest the
            # article reports: the protesters
            sector = OPPOSITION if arrested_at_protest(tok, known.values()) else SUSPECT_SECTOR
        group = armed_group_of(tok, sector, ctx)
        if group is not None:  # "Boko Haram militants", "rebels from the RSF": that group's mention
            span = [doc[phrase_start(tok)].idx, tok.idx + len(tok.text)]
            if tok.i < group.start:
                span = [tok.idx, group.end_char]
            mentions = [m for m in group.actor.mentions if not (span[0] <= m[0] and m[1] <= span[1])]
            group.actor.mentions = sorted(mentions + [span])  # the name's mention grows to the phrase
            continue
        firm = firm_named_before(tok, sector, known.values())
        if firm is not None:  # "shipping firm Maersk ... the company said": the firm, not a business of the story's place
            span = [doc[phrase_start(tok)].idx, tok.idx + len(tok.text)]
            if span not in firm.mentions:
                firm.mentions = sorted(firm.mentions + [span])
            continue
        stationed = stationing_place(tok, sector, ctx)
        country, end = own_country(tok, ctx, stationed)
        region = None if country else phrase_region(tok, dic) or member_region(tok, dic)  # "an Arab diplomat"
        if not country and not region and not stateless(tok, sector, dic):  # "… detained three men in X. The men were charged": X's
            country = clause_country(tok, ctx, stationed)
            if not country:
                country = (_same_group(known.values(), sector) or _same_group(known.values(), noun)
                           or ctx.article_country)
                if country and country in armed_doer_countries(tok, ctx) and country not in ctx.placed:
                    country = None  # "Russian forces shelled X, killing civilians": not Russian civilians
        start = phrase_start(tok)
        span = [doc[start].idx, doc[end].idx + len(doc[end].text)]
        aid = f"{country}-{sector}" if country else f"{region}-{sector}" if region else f"---{sector}"
        actor = known.get(aid)
        if actor is None:
            name = generic_name(country, sector, doc[start:end + 1].text) if not region else doc[start:end + 1].text
            actor = Actor(id=aid, name=name, kind="group", country=country, sector=[sector],
                          code=f"{country or region or '---'}{sector}", role=None, confidence=0.6 if country else 0.4)
            actor.affiliation = None
            known[aid] = actor
            record.actors.append(actor)
        if span not in actor.mentions:
            actor.mentions.append(span)
            actor.mentions.sort()


FIRM_WORDS = frozenset({"company", "firm"})  # with the trade nouns of data/firms.tsv ("the carmaker")


def firm_named_before(tok: Token, sector: str, actors) -> Actor | None:
    """The named firm a bare definite firm noun refers back to ("... shipping firm Maersk. The COMPANY said", "Norvik
    Steel ... the steelmaker"): the named organisation of a business sector (BUS, or a multinational's MNC code)
    mentioned last before TOK, when TOK is "the" + a singular firm noun with no other modifier ("the state company",
    "a company", "the Kenyan firm" stay as they are)."""
    from eventwatch.actors.lexicon import firm_nouns

    if sector != "BUS" or tok.tag_ != "NN" or tok.lemma_.lower() not in FIRM_WORDS | firm_nouns():
        return None
    lefts = list(tok.lefts)
    if [c.lower_ for c in lefts] != ["the"]:
        return None
    best, at = None, -1
    for a in actors:
        if a.kind != "organization" or is_generic_id(a.id):
            continue
        if a.sector[:1] != ["BUS"] and not (a.code or "").startswith("MNC"):
            continue
        last = max((e for s, e in a.mentions if e <= tok.idx), default=-1)
        if last > at:
            best, at = a, last
    return best


def sole_country(record: Record) -> str | None:
    """The one country the article names at all, by its places and by the countries of its actors (a
    transnational code is no country; a country named only as a party, "sanctions against Nigeria", is no
    place of the article): "The Federal Road Safety Corps in Abuja said …" is of Nigeria even when Abuja is
    named once. None when it names none or several."""
    acting = {tuple(m) for a in record.actors if a.kind == "country" for m in a.mentions}
    found = {p.country for p in record.places if evidence_country(p)
             and any(tuple(m) not in acting for m in place_mentions(p, record))}
    found |= {a.country for a in record.actors if a.country and a.kind != "country"
              and (a.code or "")[:3] not in TRANSNATIONAL_PREFIXES}
    return next(iter(found)) if len(found) == 1 else None


ARMED_SECTORS = frozenset({"REB", "INS", "UAF", "MIL"})  # fighters, militants, rebels, gunmen, troops
NON_STATE_ARMED = frozenset({"REB", "INS", "UAF"})


@dataclass
class GroupOf:
    actor: Actor
    start: int      # first token of the group's name
    end_char: int   # end of the group's name in the text


def armed_group_of(tok: Token, sector: str, ctx: Context) -> GroupOf | None:
    """The named armed group whose fighters TOK names: its name as a compound or possessive ("BOKO HARAM
    militants", "HEZBOLLAH's fighters") or after of/from ("rebels from the RAPID SUPPORT FORCES", "fighters of
    the BLA"). A named group is one the actor stage made (not a country, not an unnamed country-sector group)
    whose sector is a non-state armed one (rebels, insurgents); "NATO troops", "Kurdish fighters", "the Taliban
    government" stay as they are. The people of an international body are the body's the same way ("RED CROSS
    officials", "officials of the UN"): they take no country from the place or the dateline."""
    cands = [c for c in tok.lefts if c.dep_ in ("compound", "poss")]
    cands += [o for p in tok.rights if p.dep_ == "prep" and p.lower_ in ("of", "from") for o in p.children
              if o.dep_ == "pobj"]
    for c in cands:
        for t in [c] + [x for x in c.lefts if x.dep_ == "compound"]:
            actor = ctx.actor_at.get(t.i)
            if actor is None or actor.kind == "country" or is_generic_id(actor.id) or actor.kind == "person":
                continue
            armed = sector in ARMED_SECTORS and set(actor.sector) & NON_STATE_ARMED
            party = sector == "GOV" and actor.sector[:1] == ["PTY"] and tok.lemma_.lower() == "official"
            if armed or party or sector not in ARMED_SECTORS and international_body(actor):
                # ("United Russia OFFICIALS": the party's officials are the party, not the state's)
                # not "Kurdish fighters" (a people), not a government; "RED CROSS officials", "UN staff": the body's
                first = min(x.i for x in c.subtree if x.i in ctx.actor_at and ctx.actor_at[x.i] is actor)
                last = max(x.i for x in c.subtree if not x.is_punct)  # "from the Houthi MOVEMENT"
                return GroupOf(actor, first, ctx.doc[last].idx + len(ctx.doc[last].text))
    return None


def international_body(actor: Actor) -> bool:
    """A named body of no one country: an IGO or NGO code ("IGOUNO", "NGOHLHIRC") and no country."""
    return not actor.country and (actor.code or "")[:3] in TRANSNATIONAL_PREFIXES


def place_unplaced(record: Record, country: str | None, dic: Dictionary, sole: str | None = None) -> None:
    """People and organisations the dictionary does not place take the article's country (when it has one):
    "Director Shami Chakrabarti" in a British article is British; an unknown organisation only when its
    name gave it a sector ("Department of Motor Vehicles"), as an unknown body may be international.
    Actors coded as international (IGO/NGO codes), those who speak for an international body, those the
    dictionary knows (whose roles the article's date may leave open) and countries keep what they have.
    ``sole``: the one country the article names at all (``sole_country``), for an organisation whose name gave
    it a sector when the article's country is otherwise not clear (no "---GOV" in an article of one country)."""
    if not country and not sole:
        return
    by_id = {a.id: a for a in record.actors}
    for actor in record.actors:
        if actor.country or actor.kind not in ("person", "organization") or dic.lookup(actor.name) is not None:
            continue
        body = by_id.get(actor.affiliation or "")
        if body is not None and ((body.code or "")[:3] in TRANSNATIONAL_PREFIXES
                                 or not body.country and body.code and not body.code.startswith("---")):
            continue
        if (actor.code or "")[:3] in TRANSNATIONAL_PREFIXES or (actor.code or "")[:3] in region_codes():
            continue  # an international body's people; "a senior European diplomat" (EURGOV)
        if actor.kind == "organization" and not actor.sector:
            continue
        placed = country or (sole if actor.kind == "organization" else None)
        if not placed:
            continue
        actor.country = placed
        actor.code = f"{placed}{actor.sector[0] if actor.sector else ''}"
        actor.confidence = min(actor.confidence, 0.5)


def _same_group(actors, sector: str) -> str | None:
    """The country of the one group of this sector the article has already named ("Police in Nairobi ...
    Police said"): a later bare mention is the same group."""
    found = {a.country for a in actors if a.country and a.sector[:1] == [sector] and a.kind != "person"}
    return next(iter(found)) if len(found) == 1 else None


def _compound_sector(tok: Token, ctx: Context) -> str | None:
    """"Police cadets", "army recruits", "rebel positions": a head noun the agents lists lack takes its modifier's
    sector; not a word of a named actor's or a named entity's mention ("the Islamic STATE group" is no state)."""
    if tok.pos_ != "NOUN" or fold(tok.lemma_) not in group_heads():
        return None
    dic = ctx.dic
    for c in tok.lefts:
        if c.i in ctx.actor_at or c.pos_ == "PROPN" and (c.ent_type_ or _in_name(c)):
            continue
        if c.dep_ in ("compound", "amod") and c.pos_ in ("NOUN", "PROPN", "ADJ"):  # "REBEL positions", "MILITANT bases"
            found = agent_sector([[fold(c.text)], [fold(c.lemma_)]], dic)
            if found and found != PEOPLE_SECTOR:
                return found
    return None


def _in_name(tok: Token) -> bool:
    """A proper noun that ends a name of several words ("the Islamic STATE group", "the Red ARMY faction" at the
    start of a sentence, where the tagger may not mark the name): a word of that name, not an agent noun."""
    return any(c.dep_ in ("compound", "amod") and c.pos_ == "PROPN" or c.ent_type_ for c in tok.lefts)
