"""Places: the places an article names, resolved to GeoNames with coordinates (offline).

The stage runs first (before actors). It works from the spaCy entities, gazetteer matches and
``record.dateline``:

- ``gazetteer``: the GeoNames index (cities >= 500 inhabitants with alternate names, countries,
  first-level divisions of 162 countries, found by code, by name or by their seat in
  ``data/admin1_seats.tsv``, US counties and postal places, Great Britain's counties, continents, rivers,
  lakes, islands, mountains, parks, landmarks and regions from ``data/features.tsv``) built once into an
  SQLite file in ``$EVENTWATCH_CACHE``
  (default ``~/.cache/eventwatch``);
- ``detect``: which words name places (GPE/LOC/FAC entities, gazetteer matches the model missed,
  places inside modifiers such as "Kabul police", a dateline in the text: "GLENWOOD - A man ...");
  demonyms are context, never places;
- ``resolve``: which place each name means (population prior + document context; a famous referent,
  such as a capital, a city of a million or an airport, keeps its reading unless the article points
  elsewhere; "Town, Province" pairs resolved together);
- ``nonplaces``: a town's name that the sentence shows to be a thing or a person ("Brent crude",
  "Chelsea beat", "Mayor Mullins", "drove a Mustang") or that a data list names as one (Titan, Sterling)
  is dropped after resolution;
- ``attacked``: a town the sentence names as what an attack was done to ("shelled X", "strikes on X", "the
  town of X") is a place on that evidence alone, even where nothing else in the article points to its country;
- ``build``: the one-off build of the GeoNames index (``gazetteer`` is the lookup used on every document).

The index is built on first use (one to two minutes and ~330 MB peak, once) or ahead of time with
``python -m eventwatch.places.build``; set ``EVENTWATCH_CACHE`` to move it. Opening it takes
milliseconds and a few MB; lookups are SQLite queries.

It writes ``record.places``: one ``Place`` per distinct location with all its mentions. The
dateline's place is included (``dateline=True``), with no mentions if the body never names it.

For the event stage
-------------------
``place_for_span(record, start, end) -> str | None`` gives the place id (``Place.id``) for the
character range ``[start, end)`` of ``record.text`` (normally an event's sentence):

1. the most specific place (city, then division, then country, then other) with a mention inside
   the range; among equals, the first mentioned;
2. else the dateline's place, if the record has one;
3. else ``None``.
"""
from __future__ import annotations

import logging
from collections import Counter

from eventwatch.model import Place, Record
from eventwatch.nlp.cache import column
from eventwatch.nlp.cache import text as doc_text
from eventwatch.places.attacked import attacked_at
from eventwatch.places.detect import MIN_POPULATION_IN_PERSON, MIN_POPULATION_WEAK, detect
from eventwatch.places.gazetteer import NAME_ALT, Candidate, load_gazetteer, normalise
from eventwatch.places.nonplaces import PERSON_MAX_POPULATION, article_surnames, thing_not_place
from eventwatch.places.resolve import cue_countries, resolve, resolve_dateline

log = logging.getLogger(__name__)

SPECIFICITY = {"city": 0, "admin1": 1, "country": 2, "other": 3}


def dateline_candidate(gazetteer, dateline: str | None) -> Candidate | None:
    """The place of a dateline such as 'KABUL', 'PARIS, Texas' or 'WASHINGTON (Reuters)'."""
    if not dateline:
        return None
    parts = [normalise(p) for p in dateline.split("(")[0].split(",") if p.strip()]
    if not parts:
        return None
    found = gazetteer.lookup(parts)
    cands = found.get(parts[0], [])
    if len(parts) > 1 and parts[1] in found:
        within = {(c.cc, c.admin1 if c.feature == "admin1" else None) for c in found[parts[1]]}
        narrowed = [c for c in cands if (c.cc, None) in within or (c.cc, c.admin1) in within]
        cands = narrowed or cands
    return resolve_dateline(cands)


def follow_dateline(groups, dateline: str | None, place: Candidate | None) -> None:
    """The body's mentions of the dateline's name mean the dateline's place."""
    if not dateline or place is None:
        return
    key = normalise(dateline.split("(")[0].split(",")[0])
    for g in groups:
        same = [c for c in g.candidates if c.ext_id == place.ext_id]
        if g.name == key and same:
            g.choice = same[0]


def spelling_of(key: str, name: str) -> bool:
    """``key`` spells ``name`` another way: without its spaces ("Lashkargah") or one letter apart ("Douma")."""
    a, b = key.replace(" ", ""), normalise(name).replace(" ", "")
    if a == b:
        return True
    if min(len(a), len(b)) < 5 or abs(len(a) - len(b)) > 1:
        return False
    i = next((k for k, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
    return a[i + 1:] == b[i + 1:] or a[i:] == b[i + 1:] or a[i + 1:] == b[i:]


def supported(groups, demonym_countries: set[str], dateline: Candidate | None, doc=None):
    """Keep towns found by the gazetteer alone, or tagged by spaCy but known only by an alternate
    name and smaller than a city ("New York" is New York City's alternate name), only where the
    rest of the document supports them:
    a big town needs its country named elsewhere (by a tagged place, a country or division name, a
    demonym or the dateline); a small one needs its first-level division (named, or holding a
    tagged place); so does one known there only by an alternate name (an untagged "Julia" that
    Plovdiv was once called) unless the name only spells its own another way ("Lashkargah").
    This drops capitalised words that are also towns far away ("Officer", "Titan"). A US postal place that
    GeoNames' towns lack, however tagged, needs its state named or holding another place of the article.
    In an article that points
    to no country at all, a big town named more than once is the local story's place (``local_story_town``).
    A tagged one-word name read as a small town in a country nothing else of the article points to,
    in an article that points to other countries, is a given name or a word the model took for a
    place ("his girlfriend Olivia" in a London story is not Olivia, Mauritius), unless the sentence puts
    something there ("drones hit a refinery IN Tuapse" in a story told by Ukrainian officials): see ``lone_town``.
    A town the sentence shows to be a place ("shelled Kherson", "strikes on X", "the town of X": ``attacked_there``)
    needs no other support: such attacks are often told by the attacker's side only."""
    countries, divisions = Counter(demonym_countries), {}
    countries.update(cue_countries(doc_text(doc)) if doc is not None else ())
    if dateline is not None:
        countries[dateline.cc] += 1
        divisions.setdefault((dateline.cc, dateline.admin1), set()).add(None)
    for g in groups:
        c = g.choice
        if c is not None and evidence(g):
            countries[c.cc] += 1
            if c.feature in ("city", "admin1"):
                divisions.setdefault((c.cc, c.admin1 if c.feature == "city" else c.name), set()).add(g.key)
    kept = []
    for g in groups:
        c = g.choice
        if c is None:
            continue
        if attacked_there(doc, g):
            reading = attacked_reading(doc, g, groups, countries)
            if reading is not None:
                g.choice = reading
                kept.append(g)
            continue
        if c.postal_only:  # a village known only to the post: its state named or holding another place of the article
            if divisions.get((c.cc, c.admin1), set()) - {g.key}:
                kept.append(g)
            continue
        if c.feature != "city" or (any(m.from_entity for m in g.mentions) and (
                c.name_kind != NAME_ALT or c.population >= MIN_POPULATION_IN_PERSON)):
            if not lone_town(g, countries) or said_to_be_there(doc, g):
                kept.append(g)
        elif c.population >= max(m.support_pop for m in g.mentions) and (
                c.name_kind != NAME_ALT or spelling_of(g.name, c.name)):
            if c.cc in countries or any(m.org_head for m in g.mentions) or local_story_town(g, countries):
                kept.append(g)
        elif (c.cc, c.admin1) in divisions or local_story_village(g, countries, doc):
            kept.append(g)
    return kept


def local_story_village(g, countries: Counter, doc=None) -> bool:
    """G, a small town's own name found by the gazetteer alone, is the place of a local story: the gazetteer
    knows one town of that name, the article names it more than once, once at least as a name of its own, not
    inside a longer capitalised name ("Wapakoneta council approves budget ... Wapakoneta residents"; not "the state
    Supreme Court" twice), never tagged as a person (a surname: "Smith was hurt"), and points to no country but the
    town's own."""
    c = g.choice
    return (doc is not None and len(g.mentions) >= 2 and len(g.candidates) == 1 and c.name_kind != NAME_ALT
            and all(m.support_pop < MIN_POPULATION_IN_PERSON for m in g.mentions)  # never tagged as a person
            and any(stands_alone(doc, *m.tokens) for m in g.mentions)
            and all(cc == c.cc for cc, n in countries.items() if n > 0))


def stands_alone(doc, s: int, e: int) -> bool:
    """Tokens s..e are a name of their own: no capitalised word right after them, nor right before them unless
    it opens the sentence."""
    words = column(doc, "text")
    after = e < len(words) and words[e][:1].isupper()
    before = s > 0 and words[s - 1][:1].isupper() and not (s == 1 or words[s - 2] in (".", "!", "?", "\n"))
    return not after and not before


def local_story_town(g, countries: Counter) -> bool:
    """G, a town's name found by the gazetteer alone, is the place of a local story: the article points to no
    country at all (no place the model tagged, no division, demonym or dateline) and names G more than once
    ("Lufkin teacher retires ... Lufkin students gave her a quilt")."""
    return not countries and len(g.mentions) >= 2


def evidence(g) -> bool:
    """G's choice tells which country the article is about (a tagged town under its own name, or not a town)."""
    c = g.choice
    return (c.name_kind != NAME_ALT and any(m.from_entity for m in g.mentions)) or c.feature != "city"


LOCATIVES = {"in", "near", "at", "outside", "into", "around"}


def said_to_be_there(doc, g) -> bool:
    """A mention of G follows a locative preposition ("struck a refinery IN Tuapse"): a place, not a given name.
    Cross-border acts are told by the other side ("Ukrainian drones hit ... in Tuapse"), so the place's country is
    often named by nothing else."""
    return doc is not None and any(m.tokens[0] > 0 and doc[m.tokens[0] - 1].lower_ in LOCATIVES for m in g.mentions)


def attacked_there(doc, g) -> bool:
    """G is a populated place that a mention names as what an attack was done to, or as a settlement ("Russian
    drones struck X", "X was shelled", "raids on X", "the town of X": ``places.attacked``)."""
    c = g.choice
    if doc is None or c.feature != "city" or c.postal_only:
        return False
    if c.population < MIN_POPULATION_WEAK and not any(m.from_entity for m in g.mentions):
        return False
    return any(attacked_at(doc, *m.tokens) for m in g.mentions)


def attacked_reading(doc, g, groups, countries: Counter) -> Candidate | None:
    """The reading of G, a town named as attacked, or None for no place. A country its own phrase locates it in
    ("the town of X in eastern COUNTRY", "in COUNTRY's east") wins: G's biggest town there, else no place. With no
    such phrase, and an article that points to no country but G's own reading (no country, division, demonym or
    dateline), a name borne by towns of several countries is no place rather than the biggest far namesake
    ("militias burned the village of X"); a nation or other place the model tagged is a cue (``national_cue``).
    Else G's own-name reading (``own_name_reading``)."""
    located = located_countries(doc, g, groups)
    if located:
        if g.choice.cc in located:
            return g.choice
        there = [k for k in g.candidates if k.feature == "city" and k.cc in located]
        return max(there, key=lambda k: k.population) if there else None
    others = Counter(countries)
    if evidence(g):
        others[g.choice.cc] -= 1
    namesakes = len({k.cc for k in g.candidates if k.feature == "city"}) > 1
    if not +others and not national_cue(doc, g) and (namesakes or (
            g.choice.name_kind == NAME_ALT and not spelling_of(g.name, g.choice.name))):
        return None  # nothing points to a country: a far namesake, or a town once called so, is a guess
    return own_name_reading(g)


def national_cue(doc, g) -> bool:
    """The text names a nation or a place other than G that the model tagged ("Saudi-led jets bombed X"): the
    resolver's reading of G had something to go on."""
    own = {i for m in g.mentions for i in range(*m.tokens)}
    return any(ent.label_ in ("GPE", "NORP") and ent.start not in own for ent in doc.ents)


def located_countries(doc, g, groups) -> set[str]:
    """Countries named right after a mention of G in a locating phrase of its sentence: "X in (northern) COUNTRY",
    "X in COUNTRY's east", "X in the far north of COUNTRY" (no verb between)."""
    starts = {}
    for h in groups:
        if h is not g and h.choice is not None and h.choice.feature == "country":
            for m in h.mentions:
                starts[m.tokens[0]] = h.choice.cc
    out = set()
    for m in g.mentions:
        e = m.tokens[1]
        end = min(e + 7, doc[m.tokens[0]].sent.end)
        if e >= len(doc) or doc[e].lower_ != "in":
            continue
        for k in range(e + 1, end):
            if doc[k].pos_ in ("VERB", "AUX") or doc[k].text in (",", ";"):
                break
            if k in starts:
                out.add(starts[k])
                break
    return out


def own_name_reading(g) -> Candidate:
    """G's reading, or, when that is a town known by G's name only as a former or alternate name (Pokrovsk, the old
    name of Engels), the biggest town that bears the name as its own: the attacker's demonym that drew the
    reading to its country says nothing of where the attacked town is."""
    c = g.choice
    if c.name_kind != NAME_ALT or spelling_of(g.name, c.name):
        return c
    own = [k for k in g.candidates if k.feature == "city" and k.name_kind != NAME_ALT
           and k.population >= MIN_POPULATION_WEAK]
    return max(own, key=lambda k: k.population) if own else c


def lone_town(g, countries: Counter) -> bool:
    """G is a one-word tagged name read as a small town whose country only G itself points to, while the
    article points to other countries."""
    c = g.choice
    if c.feature != "city" or c.population >= MIN_POPULATION_IN_PERSON or c.capital:
        return False
    if any(m.tokens[1] - m.tokens[0] > 1 for m in g.mentions):
        return False
    own = countries[c.cc] - (1 if evidence(g) else 0)
    return own <= 0 and any(n > 0 for cc, n in countries.items() if cc != c.cc)


def without_things(doc, groups):
    """The groups with their mentions that name things, not places ("Brent crude", "Chelsea beat")."""
    kept, surnames = [], article_surnames(doc)
    for g in groups:
        if g.choice.feature == "city" and g.name in surnames and not (
                g.choice.capital or g.choice.population >= PERSON_MAX_POPULATION):
            continue  # the article's person of that name ("Mayor Mullins" ... "Mullins said"), not "Mr. Arlington"
        g.mentions = [m for m in g.mentions if thing_not_place(doc, *m.tokens, m.key, g.choice) is None]
        if g.mentions:
            kept.append(g)
    return kept


def to_place(c: Candidate, mentions: list[list[int]], dateline: bool = False) -> Place:
    geonameid = int(c.ext_id.split(":", 1)[1]) if c.ext_id.startswith("geonames:") else None
    admin1 = c.name if c.feature == "admin1" else c.admin1
    return Place(id=c.ext_id, name=c.name, lat=round(c.lat, 5), lon=round(c.lon, 5), geonameid=geonameid,
                 country=c.cc3, admin1=admin1, feature=c.feature, mentions=mentions, dateline=dateline)


def find_places(doc, record: Record, gazetteer=None) -> list[Place]:
    """The places of one document (the stage's work, callable without a pipeline)."""
    gazetteer = gazetteer or load_gazetteer()
    mentions, demonym_countries = detect(doc, gazetteer)
    dl = dateline_candidate(gazetteer, record.dateline)
    groups = resolve(mentions, record.text, demonym_countries, dl)
    follow_dateline(groups, record.dateline, dl)
    groups = supported(groups, demonym_countries, dl, doc)
    groups = without_things(doc, groups)
    by_id: dict[str, tuple[Candidate, list[list[int]]]] = {}
    for g in groups:
        if g.choice is None:
            continue
        entry = by_id.setdefault(g.choice.ext_id, (g.choice, []))
        entry[1].extend([m.start, m.end] for m in g.mentions)
    places = []
    for ext_id, (cand, spans) in by_id.items():
        places.append(to_place(cand, sorted(spans), dateline=dl is not None and dl.ext_id == ext_id))
    if dl is not None and dl.ext_id not in by_id:
        places.append(to_place(dl, [], dateline=True))
    places.sort(key=lambda p: (p.mentions[0][0] if p.mentions else -1, p.id))
    return places


def place_for_span(record: Record, start: int, end: int) -> str | None:
    """The place id for ``record.text[start:end]`` (see the module docstring for the rule)."""
    best = None
    for place in record.places:
        inside = [m[0] for m in place.mentions if start <= m[0] and m[1] <= end]
        if not inside:
            continue
        rank = (SPECIFICITY.get(place.feature, 9), min(inside))
        if best is None or rank < best[0]:
            best = (rank, place.id)
    if best is not None:
        return best[1]
    return next((p.id for p in record.places if p.dateline), None)


class PlacesStage:
    name = "places"

    def __init__(self, settings):
        self.settings = settings
        self.gazetteer = load_gazetteer()

    def __call__(self, doc, record: Record) -> None:
        record.places = find_places(doc, record, self.gazetteer)


def make_places_stage(settings):
    return PlacesStage(settings)
