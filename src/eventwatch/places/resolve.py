"""Resolution: which gazetteer entry each detected name refers to.

Every distinct name (a "group" of mentions) gets a score per candidate:

- prior: log10 of the population, a bonus for countries, continents, seas and regions (a
  country's name means the country), national capitals ("Washington"), a malus for matches only
  on an alternate name; a name that is a country's own name never means a town listing it as an
  alternate name ("Mexico" is not Mexico City);
- document context, from the current choices of the *other* names (first a prior-only pass, then
  ``PASSES`` context passes): the countries the document names (country and division names,
  demonyms, the dateline, names with candidates in one country only), the country and division of
  the majority of its places, the divisions it names ("Paris" in a text naming Texas), divisions
  where other names also have a reading ("Paris" and "Henry County" both exist in Tennessee),
  nearness to the other places, and the "Town, State" / "Town, Country" pattern.

A name with readings in one country only counts as evidence of the article's country (and a pick counts in
the majority) only if the model tagged it or its reading is a town of ``MIN_POPULATION``: a hamlet the gazetteer
alone matched ("Law" in "Law Enforcement Center") says nothing. A sum with a bare dollar or pound sign is weak
country evidence, like a demonym; so are words of one country's local institutions ("Police Department",
"Sheriff's Office", "Interstate 64", a legislator's "D-Braxton": ``data/country_cues.tsv``).

A group's own choice is left out of its context, so "Georgia" is decided by "Tbilisi" or
"Atlanta", not by itself. The weights are plain constants below.

Famous referents: when a name's best reading by the prior is a national capital, a city of a million
or an airport (Moscow, Paris, Athens, Heathrow), another reading wins only if the article points to
it in particular: its division is named in the same sentence, it follows the "Town, State" pattern, a county of
its division is named ("Paris" and "Edgar County"), or another town of the article lies near it. Country-wide evidence alone (a US article, American demonyms) does not
move Moscow to Idaho. A local story that names one division, not the famous reading's own, points to that
division anywhere in the article if nothing else lies in the famous reading's country or if the division
lies in that same country ("Manhattan" in a Kansas story). Every famous reading of the name stays in the race
(Philadelphia, Pennsylvania beside Amman, once "Philadelphia", whose capital bonus makes it the top prior).

Lists: a name joined by "and"/"or" to a first-level division is that country's division of the name if it
has one ("Oregon and Washington").

Counties: a county named in full ("DeKalb County") makes the article's bare name of it a place of that county's
state (the town of that name there, else the county), not a namesake town of another state.

Pairs: "Town, Province" and "Town in Province" are resolved together. The town takes a reading inside
the container if it has one; a town the index does not know there ("Sarkh, Logar") takes the
container's place rather than a namesake abroad.
"""
from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from functools import lru_cache
from dataclasses import dataclass, field
from typing import NamedTuple

from eventwatch.places.detect import MIN_POPULATION, Mention
from eventwatch.places.gazetteer import DATA, NAME_ALIAS, NAME_ALT, NAME_MAIN, Candidate, read_tsv

FEATURE_PRIOR = {"country": 2.0, "other": 2.0, "admin1": 0.5, "city": 0.0}
ALT_NAME_MALUS = 1.0
CAPITAL_BONUS = 1.5  # "Washington" is the capital more often than the state
TOWN_NAMED_LIKE_DIVISION = 20_000  # a smaller town sharing a division's name is not what news means
CITY_IN_SAME_NAMED_ADMIN1 = 100_000  # "New York", "Kabul": the big city, not the province/state
CITY_SHARE_OF_DIVISION = 0.2  # ... if it holds this share of the division's people (not Quebec City)
W_NAMED_COUNTRY = 2.0
W_MAJORITY_COUNTRY = 1.5
W_NAMED_ADMIN1 = 2.5
W_MAJORITY_ADMIN1 = 1.0
PASSES = 2  # context passes after the prior-only one
W_NEAR = 1.5
W_SOMEWHAT_NEAR = 0.75
W_COMMA_PATTERN = 3.0
NEAR_KM, SOMEWHAT_NEAR_KM = 150.0, 400.0
W_SHARED_ADMIN1 = 1.0  # per other name with some reading in the same division (weighted by its ambiguity)
SHARED_ADMIN1_CAP = 2.0
CONTAINER_WORDS = ("in", "in the")  # "Town in Province"
SENTENCE_END = re.compile(r"[.!?]\s+[A-Z\"“]")
W_CLOSE, CLOSE_KM, CLOSE_CAP = 1.0, 40.0, 2  # per other name with a reading this close (see close_names)
FAMOUS_POPULATION = 1_000_000  # a city this big (or a capital, or an airport) keeps its reading by default
POSTAL_YIELDS_TO = 15_000
VILLAGE_EVIDENCE = 15_000  # a gazetteer-only town this small is no evidence of the article's country  # a postal place yields to a town this big (see without_overshadowed_postal)


@dataclass
class Group:
    key: str
    mentions: list[Mention]
    candidates: list[Candidate]
    choice: Candidate | None = None
    container: set = field(default_factory=set)  # keys of "X, Y" containers named right after
    name: str = ""  # the name as written (the key, without the "<division>" mark of a qualified group)
    division: bool = False  # every mention is followed by a word for a division: "the Donetsk region"

    def __post_init__(self):
        self.name = self.name or self.key


@dataclass
class Context:
    countries: Counter          # alpha-2 -> evidence count (named, unambiguous, demonyms, dateline)
    majority: Counter           # alpha-2 -> first-pass picks
    admin1: Counter             # (cc, admin1 name) -> named divisions
    admin1_picks: Counter       # (cc, admin1 name) -> first-pass picks inside the division
    points: list                # (group key, lat, lon) of first-pass city/division picks
    divisions_of: dict = field(default_factory=dict)  # group key -> (weight, {(cc, admin1) of its readings})
    division_at: dict = field(default_factory=dict)   # (cc, admin1) -> char offsets of the division's mentions
    towns: list = field(default_factory=list)         # (group key, lat, lon, {(cc, admin1) of its town readings})
    text: str = ""
    readings: dict = field(default_factory=dict)      # group key -> sorted [(lat, lon)] of its town and county readings
    close: dict = field(default_factory=dict)         # (group key, gid) -> close_names, the same in every pass


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p = math.pi / 180
    a = (math.sin((lat2 - lat1) * p / 2) ** 2
         + math.cos(lat1 * p) * math.cos(lat2 * p) * math.sin((lon2 - lon1) * p / 2) ** 2)
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


def prior(c: Candidate) -> float:
    score = math.log10(c.population + 10) + FEATURE_PRIOR.get(c.feature, 0.0)
    if c.name_kind == NAME_ALT:
        score -= ALT_NAME_MALUS
    if c.capital:
        score += CAPITAL_BONUS
    return score


def city_names_division(city: Candidate, division: Candidate) -> bool:
    """A big city named like its division is what the name means ("New York", "Kabul"), unless it
    holds only a small share of the division's people ("Quebec" is the province); a division known by
    that name only as a short form of its own ("Donetsk" for "Donetska oblast") yields to any big city."""
    if division.name_kind == NAME_ALIAS and city.name_kind == NAME_MAIN:
        return city.population >= CITY_IN_SAME_NAMED_ADMIN1
    return city.population >= max(CITY_IN_SAME_NAMED_ADMIN1, CITY_SHARE_OF_DIVISION * division.population)


def prior_choice(cands: list[Candidate]) -> Candidate:
    best = max(cands, key=prior)
    if best.feature == "admin1":
        # a big city of the same name inside the division is what news means ("New York", "Kabul")
        cities = [c for c in cands if c.feature == "city" and c.cc == best.cc and c.admin1 == best.admin1
                  and city_names_division(c, best)]
        if cities:
            return max(cities, key=prior)
    return best


def plausible(cands: list[Candidate]) -> list[Candidate]:
    """A name that is a country's own name (or alias) never means a town that merely lists it among
    its alternate names ("Mexico" is not Mexico City). A name that is a first-level division's own
    name never means a town of the same country that lists it as an alternate name ("Michigan" is
    not Michigan Center) or a small town of that country bearing it ("Kansas", Illinois; "Nevada",
    Iowa); big cities keep their chance ("New York"), and so do towns abroad ("Berlin",
    Connecticut), left to the context."""
    if any(c.feature == "country" and c.name_kind != NAME_ALT for c in cands):
        cands = [c for c in cands if c.name_kind != NAME_ALT]
    divisions = {c.cc for c in cands if c.feature == "admin1" and c.name_kind != NAME_ALT}
    if divisions:
        cands = [c for c in cands if c.feature != "city" or c.cc not in divisions
                 or c.population >= CITY_IN_SAME_NAMED_ADMIN1
                 or (c.name_kind != NAME_ALT and c.population >= TOWN_NAMED_LIKE_DIVISION)]
    return cands


# a word after a name that makes it a first-level division: "the Donetsk REGION", "Borno STATE", "Helmand province"
DIVISION_AFTER = re.compile(r"\s+(?:region|province|oblast|governorate|prefecture|state)\b", re.I)
DIVISION_MARK = " <division>"


def division_named(text: str, m: Mention) -> bool:
    """The mention is followed by a word for a first-level division ("the Donetsk region")."""
    return DIVISION_AFTER.match(text, m.end) is not None


def _group_key(text: str, m: Mention) -> str:
    """One group per name, except that "X region" (or province, state ...) is decided apart from a bare "X": the
    division, while "X" alone may be its capital city ("fighting in Donetsk", "the Donetsk region")."""
    return m.key + DIVISION_MARK if division_named(text, m) else m.key


def group_mentions(mentions: list[Mention], text: str) -> list[Group]:
    groups: dict[str, Group] = {}
    for m in mentions:
        key = _group_key(text, m)
        g = groups.get(key)
        if g is None:
            cands = plausible(m.candidates)
            division = key.endswith(DIVISION_MARK)
            if division:  # the division (or a region) of that name, if the index has one
                cands = [c for c in cands if c.feature == "admin1" or (c.feature == "other" and not c.cc)] or cands
            g = groups[key] = Group(key, [], cands, name=m.key, division=division)
        g.mentions.append(m)
    joined = merge_longer_names(groups)
    by_start = sorted(mentions, key=lambda m: m.start)
    for a, b in zip(by_start, by_start[1:]):
        between = text[a.end:b.start]
        if (between.strip() == "," and len(between) <= 3) or between.strip().lower() in CONTAINER_WORDS:
            ka, kb = _group_key(text, a), _group_key(text, b)
            groups[joined.get(ka, ka)].container.add(joined.get(kb, kb))
    return list(groups.values())


def merge_longer_names(groups: dict[str, Group]) -> dict[str, str]:
    """A longer name for the same place ("Dublin City" beside "Dublin", "New York City" beside "New York")
    joins the shorter name's group, so the two do not vote for each other as if they were two places
    ("Kansas City" and "Kansas" share no place and stay apart). Returns merged key -> kept key."""
    joined: dict[str, str] = {}
    for key in sorted(groups, key=len, reverse=True):
        if groups[key].division:
            continue  # "Donetsk region" is not a longer name of the town "Donetsk"
        words = key.split(" ")
        for n in range(len(words) - 1, 0, -1):
            base = groups.get(" ".join(words[:n]))
            if base is not None and {c.gid for c in base.candidates} & {c.gid for c in groups[key].candidates}:
                base.mentions.extend(groups.pop(key).mentions)
                joined[key] = base.key
                break
    return {k: joined.get(v, v) for k, v in joined.items()}


def country_evidence(g: Group) -> bool:
    """A name with readings in one country only tells the article's country if the model tagged it as a
    place or its reading is more than a village: a capitalised word the gazetteer alone matched to a hamlet
    ("The Law Enforcement Center": Law, Scotland) tells nothing."""
    return any(m.from_entity for m in g.mentions) or g.choice is None or g.choice.feature != "city" or (
        g.choice.population >= MIN_POPULATION)


def build_context(groups: list[Group], demonym_countries: set[str], dateline: Candidate | None,
                  text: str = "") -> Context:
    countries: Counter = Counter()
    majority: Counter = Counter()
    admin1: Counter = Counter()
    admin1_picks: Counter = Counter()
    points = []
    for cc in demonym_countries:
        countries[cc] += 1
    if dateline is not None:
        countries[dateline.cc] += 2
    for cc in currency_countries(text):
        countries[cc] += 1
    for cc in cue_countries(text):
        countries[cc] += 1
    for g in groups:
        pick = g.choice
        if pick is None:
            continue
        n = len(g.mentions)
        if pick.feature == "country":
            countries[pick.cc] += n
        elif len({c.cc for c in g.candidates}) == 1 and country_evidence(g):
            countries[pick.cc] += 1
        if pick.feature == "admin1":
            admin1[(pick.cc, pick.admin1)] += n
        if pick.cc and country_evidence(g):
            majority[pick.cc] += n
        if pick.admin1:
            admin1_picks[(pick.cc, pick.admin1)] += n
        if pick.feature in ("city", "admin1"):
            points.append((g.key, pick.lat, pick.lon))
    if dateline is not None and dateline.feature in ("city", "admin1"):
        points.append(("<dateline>", dateline.lat, dateline.lon))
    divisions_of = {}
    for g in groups:
        divs = {(c.cc, c.name if c.feature == "admin1" else c.admin1) for c in g.candidates
                if c.feature in ("city", "admin1", "other") and c.cc}
        if divs:
            divisions_of[g.key] = (1.0 / math.sqrt(len(g.candidates)), divs)
    ctx = Context(countries, majority, admin1, admin1_picks, points, divisions_of, text=text)
    ctx.readings = {g.key: sorted((c.lat, c.lon) for c in g.candidates if c.feature in ("city", "other") and c.cc)
                    for g in groups}
    for g in groups:
        if g.choice is not None and g.choice.feature == "admin1":
            ctx.division_at.setdefault((g.choice.cc, g.choice.admin1), []).extend(m.start for m in g.mentions)
        if g.choice is not None and g.choice.feature == "city" and not g.choice.capital:
            # a national capital named for its government places no story near it ("Washington" beside "Damascus")
            ctx.towns.append((g.key, g.choice.lat, g.choice.lon, set()))
        elif any(c.feature == "other" and c.cc for c in g.candidates):  # a county ("Edgar County")
            ctx.towns.append((g.key, None, None, {(c.cc, c.admin1) for c in g.candidates if c.feature == "other"}))
    return ctx


# sums of money written with a bare sign: the countries whose papers write their own currency so
DOLLAR = re.compile(r"(?<![A-Za-z])\$\s?\d")
POUND = re.compile(r"\u00a3\s?\d")
DOLLAR_COUNTRIES = ("US", "CA", "AU", "NZ")


def currency_countries(text: str) -> tuple[str, ...]:
    """Countries a bare currency sign points to: "$5 million" (the United States, Canada, Australia,
    New Zealand), "\u00a35 million" (the United Kingdom). Weak country evidence, like a demonym."""
    out: tuple[str, ...] = ()
    if DOLLAR.search(text):
        out += DOLLAR_COUNTRIES
    if POUND.search(text):
        out += ("GB",)
    return out


# a US legislator's party tag: "Delegate Brent Boggs, D-Braxton", "(R-Texas)"
PARTY_TAG = re.compile(r"(?:\(|, )[DR]-[A-Z][a-z]+")


@lru_cache(maxsize=1)
def _cue_patterns() -> tuple[tuple[str, re.Pattern], ...]:
    """One pattern per country of ``data/country_cues.tsv`` ("#" stands for a number)."""
    by_cc: dict[str, list[str]] = {}
    for cue, cc in read_tsv(DATA / "country_cues.tsv"):
        by_cc.setdefault(cc, []).append(re.escape(cue).replace("\\#", "#").replace("#", r"\d+"))
    return tuple((cc, re.compile(r"\b(?:" + "|".join(sorted(cues, key=len, reverse=True)) + r")(?!\w)"))
                 for cc, cues in sorted(by_cc.items()))


@lru_cache(maxsize=16)
def cue_countries(text: str) -> tuple[str, ...]:
    """Countries whose institutions the text names in words used of no other ("Charleston Police Department",
    "the county Sheriff's Office", "Interstate 64", "Brent Boggs, D-Braxton": the United States;
    ``data/country_cues.tsv``). Weak country evidence, like a demonym, counted once however often named."""
    out = tuple(cc for cc, pattern in _cue_patterns() if pattern.search(text))
    if "US" not in out and PARTY_TAG.search(text):
        out += ("US",)
    return out


def _without(counter: Counter, key, amount: int) -> Counter:
    out = Counter(counter)
    if key in out:
        out[key] -= amount
    return out


class GroupView(NamedTuple):
    """The context's counts as one group sees them: without its own current choice."""
    countries: Counter
    majority: Counter
    admin1: Counter
    picks_in: Counter


def group_view(g: Group, ctx: Context) -> GroupView:
    own = g.choice
    n = len(g.mentions)
    countries = ctx.countries
    majority = _without(ctx.majority, own.cc, n) if own and country_evidence(g) else ctx.majority
    if own is not None and own.feature == "country":
        countries = _without(countries, own.cc, n)
    elif own is not None and len({x.cc for x in g.candidates}) == 1 and country_evidence(g):
        countries = _without(countries, own.cc, 1)
    admin1 = _without(ctx.admin1, (own.cc, own.admin1), n) if own and own.feature == "admin1" else ctx.admin1
    picks_in = _without(ctx.admin1_picks, (own.cc, own.admin1), n) if own and own.admin1 else ctx.admin1_picks
    return GroupView(countries, majority, admin1, picks_in)


def famous(c: Candidate) -> bool:
    """A referent a reader assumes unless told otherwise: a capital, a world city, an airport, a sea or region."""
    return (c.capital or (c.feature == "city" and c.population >= FAMOUS_POPULATION) or c.ext_id.startswith("airport:")
            or (c.feature == "other" and not c.cc))  # seas, regions, continents: "Middle East" is not in Maryland


def inside(c: Candidate, container: Candidate) -> bool:
    """C lies in the country or first-level division ``container``."""
    return c.cc == container.cc and (container.feature == "country" or c.admin1 == container.admin1)


def in_container(c: Candidate, g: Group, picks: dict[str, Candidate]) -> bool:
    """C lies in the division or country named right after the group ("Town, State", "Town in State")."""
    return any((cont := picks.get(k)) is not None and cont.feature in ("admin1", "country") and inside(c, cont)
               for k in g.container)


def same_sentence(text: str, a: int, b: int) -> bool:
    """Offsets a and b lie in one sentence (no sentence end between them)."""
    lo, hi = min(a, b), max(a, b)
    return not SENTENCE_END.search(text, lo, hi)


def points_here(c: Candidate, g: Group, ctx: Context, picks: dict[str, Candidate], view: GroupView,
                anywhere: bool = False) -> bool:
    """The article points to C in particular (not just to its country): its division named in the same
    sentence (``anywhere``: in the article), a container it lies in, a county of its division named
    ("Paris" and "Edgar County"), a town near it that is not a national capital (news names
    Washington or Moscow for their governments, which places no story beside them)."""
    if c.name_kind == NAME_ALT:
        return False  # a famous name is not a town's alternate name (Dalton, Ohio, once "Moscow")
    starts = [m.start for m in g.mentions]
    if c.admin1 and any(anywhere or same_sentence(ctx.text, a, b) for a in ctx.division_at.get((c.cc, c.admin1), ())
                        for b in starts):
        return True
    if in_container(c, g, picks):
        return True
    for key, lat, lon, divisions in ctx.towns:
        if key == g.key:
            continue
        if (c.cc, c.admin1) in divisions or (lat is not None and km(c.lat, c.lon, lat, lon) < SOMEWHAT_NEAR_KM):
            return True
    return False


def one_other_division(top: Candidate, view: GroupView) -> bool:
    """The article names one first-level division, and it is not the famous reading's own: a local story
    there ("Alexandria police ..." and Virginia; "Manhattan" in a story naming Kansas). Its naming counts
    wherever it is, if nothing else of the article lies in the famous reading's country or if the division
    lies in that same country (a state's name beside a city of another state of it)."""
    named = [key for key, n in view.admin1.items() if n > 0]
    if len(named) != 1 or named[0] == (top.cc, top.admin1):
        return False
    return named[0][0] == top.cc or not (view.countries.get(top.cc, 0) > 0 or view.majority.get(top.cc, 0) > 0)


def close_names(c: Candidate, key: str, ctx: Context) -> int:
    """How many other names of the article have some reading (town or county) within ``CLOSE_KM`` of C:
    "Lebanon" beside "Boone County" is the Lebanon that lies in Boone County, Indiana, whichever readings
    the two names took so far."""
    if (key, c.gid) in ctx.close:
        return ctx.close[(key, c.gid)]
    lat_span = CLOSE_KM / 111.0
    lon_span = lat_span / max(math.cos(math.radians(c.lat)), 0.05)
    low, high = (c.lat - lat_span, -math.inf), (c.lat + lat_span, math.inf)
    n = 0
    for other, points in ctx.readings.items():  # each sorted by latitude: only the band around C is read
        if other != key and any(abs(lon - c.lon) < lon_span and km(c.lat, c.lon, lat, lon) < CLOSE_KM
                                for lat, lon in points[bisect_left(points, low):bisect_right(points, high)]):
            n += 1
    ctx.close[(key, c.gid)] = n
    return n


def context_score(c: Candidate, g: Group, ctx: Context, picks: dict[str, Candidate],
                  view: GroupView | None = None) -> float:
    """Context points for candidate C of group G (``view``: ``group_view(g, ctx)``, if already computed)."""
    countries, majority, admin1, picks_in = view if view is not None else group_view(g, ctx)
    score = 0.0
    if c.cc and countries.get(c.cc, 0) > 0:
        score += W_NAMED_COUNTRY
    if majority and c.cc:
        top = max(majority.values())
        if top > 0 and majority.get(c.cc, 0) == top:
            score += W_MAJORITY_COUNTRY
    if c.feature in ("city", "other") and c.admin1 and admin1.get((c.cc, c.admin1), 0) > 0:
        score += W_NAMED_ADMIN1
    if c.feature in ("city", "other", "admin1") and c.admin1 and picks_in:
        top = max(picks_in.values())
        if top > 0 and picks_in.get((c.cc, c.admin1), 0) == top:
            score += W_MAJORITY_ADMIN1
    if c.feature in ("city", "admin1"):
        dists = [km(c.lat, c.lon, lat, lon) for key, lat, lon in ctx.points if key != g.key]
        if dists:
            d = min(dists)
            score += W_NEAR if d < NEAR_KM else W_SOMEWHAT_NEAR if d < SOMEWHAT_NEAR_KM else 0.0
    if c.feature in ("city", "other", "admin1") and c.admin1:
        shared = sum(w for key, (w, divs) in ctx.divisions_of.items() if key != g.key and (c.cc, c.admin1) in divs)
        score += W_SHARED_ADMIN1 * min(shared, SHARED_ADMIN1_CAP)
    if c.feature in ("city", "other") and c.cc:
        score += W_CLOSE * min(close_names(c, g.key, ctx), CLOSE_CAP)
    for ckey in g.container:
        cont = picks.get(ckey)
        if cont is not None and cont.feature in ("admin1", "country") and c.cc == cont.cc and (
                cont.feature == "country" or c.admin1 == cont.admin1):
            score += W_COMMA_PATTERN
    return score


def resolve(mentions: list[Mention], text: str, demonym_countries: set[str],
            dateline: Candidate | None = None) -> list[Group]:
    """Groups of mentions with their chosen candidate (two passes: prior, then prior + context)."""
    groups = group_mentions(mentions, text)
    for g in groups:
        g.choice = max(g.candidates, key=prior) if g.division else prior_choice(g.candidates)
    close: dict = {}
    for _ in range(PASSES):
        context_pass(groups, demonym_countries, dateline, text, close)
    resolve_pairs(groups)
    coordinated_divisions(groups, text)
    bare_county_names(groups)
    return groups


COUNTY_SUFFIXES = (" county", " parish")


def bare_county_names(groups: list[Group]) -> None:
    """A county named in full ("DeKalb County") makes the article's bare name of it ("DeKalb's plan", "StandUp
    DeKalb") that county's: a town of that name in the county's state if there is one, else the county itself, not a
    namesake town of another state (DeKalb, Illinois, in an Atlanta story)."""
    counties = {}
    for g in groups:
        c = g.choice
        if c is not None and c.feature == "other" and c.cc and c.admin1 and g.key.endswith(COUNTY_SUFFIXES):
            counties[g.key.rsplit(" ", 1)[0]] = c
    if not counties:
        return
    for g in groups:
        county = counties.get(g.key)
        if county is None or g.choice is None or g.choice.feature != "city" or (
                g.choice.cc == county.cc and g.choice.admin1 == county.admin1):
            continue
        same = [c for c in g.candidates if c.feature == "city" and c.cc == county.cc and c.admin1 == county.admin1]
        g.choice = max(same, key=prior) if same else county


LIST_WORDS = ("and", "or", "&")


def coordinated_divisions(groups: list[Group], text: str) -> None:
    """A name joined by "and"/"or" to a first-level division is the division of that name in the same country
    when it has one ("Oregon and Washington laws": the state, not the capital; "New York and New Jersey")."""
    group_of = {id(m): g for g in groups for m in g.mentions}
    mentions = sorted((m for g in groups for m in g.mentions), key=lambda m: m.start)
    for a, b in zip(mentions, mentions[1:]):
        if text[a.end:b.start].strip().lower() not in LIST_WORDS:
            continue
        for this, other in ((group_of.get(id(a)), group_of.get(id(b))), (group_of.get(id(b)), group_of.get(id(a)))):
            if this is None or other is None or this.choice is None or other.choice is None:
                continue
            if this.choice.feature == "city" and other.choice.feature == "admin1":
                same = [c for c in this.candidates if c.feature == "admin1" and c.cc == other.choice.cc
                        and c.name_kind != NAME_ALT]
                if same:
                    this.choice = max(same, key=prior)


def context_pass(groups: list[Group], demonym_countries: set[str], dateline: Candidate | None,
                 text: str = "", close: dict | None = None) -> None:
    """Re-decide every group with the context of the others' current choices (``close``: the
    ``close_names`` counts, kept from pass to pass)."""
    ctx = build_context(groups, demonym_countries, dateline, text)
    if close is not None:
        ctx.close = close
    picks = {g.key: g.choice for g in groups}
    final = {}
    for g in groups:
        if len(g.candidates) == 1:
            final[g.key] = g.candidates[0]
            continue
        view = group_view(g, ctx)
        cands = g.candidates
        top = max(cands, key=prior)
        if famous(top):
            region = top.feature == "other" and not top.cc  # a sea or region yields only to "Town, State"
            # the article's one named division counts wherever it is named, if nothing else in the article
            # lies in the famous place's country (a local story: "Alexandria police ..." and Virginia)
            anywhere = one_other_division(top, view)
            cands = [c for c in cands if c is top or (famous(c) and not region) or (in_container(c, g, picks) if region
                                                      else points_here(c, g, ctx, picks, view, anywhere))]
        cands = without_overshadowed_postal(cands, g, picks)
        scored = [(prior(c) + context_score(c, g, ctx, picks, view), c) for c in cands]
        best_score = max(s for s, _ in scored)
        best = next(c for s, c in scored if s == best_score)
        if best.feature == "admin1" and not g.division:
            same = [(s, c) for s, c in scored if c.feature == "city" and c.cc == best.cc
                    and c.admin1 == best.admin1 and city_names_division(c, best)]
            if same:
                best = max(same, key=lambda sc: sc[0])[1]
        final[g.key] = best
    for g in groups:
        g.choice = final[g.key]


def without_overshadowed_postal(cands: list[Candidate], g: Group, picks: dict[str, Candidate]) -> list[Candidate]:
    """A US postal place (a village GeoNames' towns lack) is the name's reading of last resort: beside a town of
    ``POSTAL_YIELDS_TO`` people, a division or a country of that name it counts only in "Town, State" ("Oakland"
    in a story that names Texas is still Oakland, California)."""
    if not any(c.postal_only for c in cands) or not any(
            not c.postal_only and (c.feature != "city" or c.population >= POSTAL_YIELDS_TO) for c in cands):
        return cands
    return [c for c in cands if not c.postal_only or in_container(c, g, picks)]


def resolve_pairs(groups: list[Group]) -> None:
    """'Town, Province' / 'Town in Province': the town inside its container, else the container itself."""
    picks = {g.key: g.choice for g in groups}
    for g in groups:
        for ckey in g.container:
            cont = picks.get(ckey)
            if (cont is None or g.choice is None or g.choice.feature != "city" or cont.feature not in ("admin1", "country")
                    or inside(g.choice, cont)):
                continue  # "Alberta, Saskatchewan" is a list, not a pair
            within = [c for c in g.candidates if inside(c, cont)]
            if within or not famous(g.choice):
                g.choice = max(within, key=prior) if within else cont
            break


def resolve_dateline(candidates: list[Candidate]) -> Candidate | None:
    """A dateline names a city (or a country) in capitals: the prior alone decides."""
    if not candidates:
        return None
    return prior_choice(candidates)
