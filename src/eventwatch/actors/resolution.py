"""Within-document resolution: mentions -> one Actor per entity, with codes for the article's date.

Person mentions cluster by dictionary entry, else by full name; short forms ("Stoltenberg",
"President Ghani", "Marshal Dostum") join the full name they end with. Titles alone ("the
secretary-general") join the one person in the document holding that role. Unnamed agents become
country-sector actors ("AFG-GOV") or role holders ("AFG-GOV/governor-of-balkh"); a title with a
country or organisation and no name ("British Prime Minister") is the office holder on the
publication date when the dictionary knows one.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Doc

from eventwatch.actors.codes import TRANSNATIONAL, compose, generic_id, parse_code
from eventwatch.actors.dictionary import Dictionary, Entry, Role, fold, folded_words, slug
from eventwatch.actors.labels import actor_label
from eventwatch.actors.lexicon import first_names, org_heads, region_at, region_codes, sport_heads, sport_state_words
from eventwatch.actors.mentions import without_honorific
from eventwatch.actors.names import spelled_by
from eventwatch.actors.recognition import SURNAME_PARTICLES, Mention, folded_tokens, surname_forms
from eventwatch.actors.roles import TextRole, find_agents, role_of_mention, title_ending_at
from eventwatch.model import Actor
from eventwatch.nlp.cache import span_chars, span_text
from eventwatch.resources import read_words

COUNTRY_ADJ_DEPS = frozenset({"amod", "compound", "nmod", "poss"})
DATA = Path(__file__).parent / "data"


@lru_cache(maxsize=1)
def state_force_words() -> frozenset[str]:
    """Words a state's own armed forces may have in their name beside country words (data/state_force_words.txt)."""
    return folded_words(DATA / "state_force_words.txt")


@lru_cache(maxsize=1)
def armed_group_context() -> frozenset[str]:
    """Lemmas that make an unknown named army an armed group in their sentence (data/armed_group_context.txt)."""
    return frozenset(w.lower() for w in read_words(DATA / "armed_group_context.txt"))


DESCRIBED_BY = frozenset({"appos", "compound"})  # «the GMB union», «Unison, the union», «rail union RMT»



@dataclass
class Cluster:
    id: str
    kind: str
    entry: Entry | None
    name: str | None = None
    spans: list[tuple[int, int]] = field(default_factory=list)  # token spans
    infos: list[TextRole] = field(default_factory=list)
    first_token: int = 10**9
    fixed: dict = field(default_factory=dict)  # attributes set directly (agents)
    described: set = field(default_factory=set)  # token spans that describe the person ("the ECB chief"), no name


def pick_role(entry: Entry, date: str | None) -> Role | None:
    """The entry's role in force on ``date`` (latest start wins); former office holders are ELI."""
    if not entry.roles:
        return None
    if not date:
        return undated_role(entry.roles)
    covering = [r for r in entry.roles if r.covers(date)]
    if covering:
        return max(covering, key=lambda r: r.start or "")
    undated = [r for r in entry.roles if r.start is None and r.end is None]
    if undated:
        return undated[0]
    former = [r for r in entry.roles if r.end and date and r.end < date]
    if former:
        r = max(former, key=lambda r: r.end or "")
        return Role(code=f"{r.country}ELI" if r.country else r.code, country=r.country,
                    sector=("ELI",) if r.country else r.sector, affiliation=None if r.country else r.affiliation)
    return undated_role(entry.roles, NOT_YET)  # every role starts after the article: none is in force


LEADER_ROLES = frozenset({"leader", "party leader"})
OPPOSITION = "OPP"


def party_leader(role: str | None, party: Role) -> bool:
    """ROLE names the leader of a party (PARTY's role is PTY) whose own entry gives no office in force: the
    guide's "opposition leader OPP while his party is PTY" (a leader in government has his office's dated role,
    which is read before this)."""
    return bool(role) and role.lower() in LEADER_ROLES and "PTY" in party.sector


def party_body(entry: Entry) -> bool:
    """ENTRY is a political party (its roles are PTY)."""
    return any("PTY" in r.sector for r in entry.roles)


UNDATED = "undated article: no dated role applied"
NOT_YET = "no dated role in force on the article's date"


def undated_role(roles, note: str = UNDATED) -> Role | None:
    """An undated document supports no role bound to dates (issue 18): an undated role if the entry has one,
    else the one code all its roles share, else the one country they share, its role (NOTE) saying why.
    An article dated before every role of the entry is read the same way (NOTE: :data:`NOT_YET`)."""
    undated = [r for r in roles if r.start is None and r.end is None]
    if undated:
        return undated[0]
    if len({r.code for r in roles}) == 1:
        return roles[0]
    countries = {r.country for r in roles}
    if len(countries) == 1 and None not in countries:
        country = next(iter(countries))
        return Role(code=country, role=note, country=country, sector=(), affiliation=None)
    return Role(code=None, role=note)


def is_demonym_modifier(doc: Doc, m: Mention, dic: Dictionary) -> bool:
    """"Afghan" in "Afghan President": the country's adjective, not a mention of the country."""
    text = doc[m.start:m.end].text.lower()
    if text not in dic.demonyms:
        return False
    last = doc[m.end - 1]
    return last.dep_ in COUNTRY_ADJ_DEPS or last.pos_ == "ADJ" or last.tag_ in ("JJ", "NNP") and last.head.i > last.i


class Resolver:
    def __init__(self, doc: Doc, dic: Dictionary, mentions: list[Mention], date: str | None):
        self.doc, self.dic, self.date = doc, dic, date
        self.ft = folded_tokens(doc)
        self.mentions = mentions
        self.by_end = {m.end: m for m in mentions}
        self.by_token = {k: m for m in mentions for k in range(m.start, m.end)}
        self.clusters: dict[str, Cluster] = {}
        self.person_order: list[tuple[int, str]] = []  # (token, cluster id) of person mentions
        self.demonyms: list[Mention] = []   # "Afghan" before a noun: a country mention unless a role used it
        self.consumed: set[int] = set()     # tokens a role or an agent used
        self.person_names: dict[str, str] = {}  # folded full name, surname, family name -> person cluster id

    # -- clusters
    def cluster(self, cid: str, kind: str, entry: Entry | None, name: str | None = None) -> Cluster:
        c = self.clusters.get(cid)
        if c is None:
            c = self.clusters[cid] = Cluster(cid, kind, entry, name)
        return c

    def add(self, c: Cluster, start: int, end: int, info: TextRole | None = None) -> None:
        c.spans.append((start, end))
        c.first_token = min(c.first_token, start)
        if info is not None:
            c.infos.append(info)
        if c.kind == "person":
            self.person_order.append((start, c.id))

    def words(self, m: Mention) -> list[str]:
        return [x for x in self.ft[m.start:m.end] if x]

    def doc_countries(self) -> set[str]:
        """Countries the document names (countries, demonyms, places resolved by the places stage)."""
        from eventwatch.actors.roles import PLACES_KEY

        out = {m.entry.roles[0].country for m in self.mentions
               if m.entry is not None and m.entry.kind == "country" and m.entry.roles}
        out |= set(self.doc.user_data.get(PLACES_KEY, {}).values())
        return out

    def plausible(self, entry: Entry, countries: set[str]) -> bool:
        """A person from the large converted dictionary is taken only if in office on the date or from
        a country the document names ("Peter Smith" is not the Cayman Islands official in a UK story)."""
        if entry.curated:
            return True
        if self.date and any(r.covers(self.date) and (r.start or r.end) for r in entry.roles):
            return True
        return any(r.country in countries for r in entry.roles if r.country)

    def person_clusters(self) -> None:
        full: dict[str, str] = {}  # surname / full folded name -> cluster id
        people = [m for m in self.mentions if m.kind == "person"]
        countries = self.doc_countries()
        for m in people:
            if m.entry is not None and not self.plausible(m.entry, countries):
                m.entry = None
        for m in people:
            if m.entry is None and (len(self.words(m)) < 2 or self.words(m)[0] in SURNAME_PARTICLES):
                continue  # "Pen", "Le Pen", "Von der Leyen": a short form of a full name
            name = " ".join(self.words(m))
            if m.entry is None and len(self.words(m)) == 2:
                m.entry = self.by_surname(self.words(m))
            cid = m.entry.id if m.entry else f"person:{slug(name)}"
            self.cluster(cid, "person", m.entry, m.entry.name if m.entry else self.doc[m.start:m.end].text)
            if len(self.words(m)) >= 2:
                full[name] = cid
                for short in surname_forms(self.words(m)):
                    full.setdefault(short, cid)
            m.cluster = cid  # type: ignore[attr-defined]
        self.person_names = dict(full)
        for name, cid in full.items():  # "Wang Yi" ... "Wang said": a two-word name's first word (family name first)
            words = name.split(" ")
            if len(words) == 2 or len(words) == 3 and words[0] not in first_names() and not set(words) & SURNAME_PARTICLES:
                self.person_names.setdefault(words[0], cid)  # "Yoon Suk Yeol" ... "Yoon said"
        for m in people:
            if getattr(m, "cluster", None):
                continue
            w = self.words(m)
            cid = full.get(" ".join(w)) or full.get(w[-1] if w else "") or \
                (self.person_names.get(w[0]) if len(w) == 1 else None)  # "Premier Li Qiang ... Li said"
            if cid is None:
                titled = m.role is not None or title_ending_at(self.doc, self.ft, m.first, self.dic) is not None
                entry = self.by_surname(w) if titled or len(w) == 2 else None  # "President Mugabe", never a bare "Cohen"
                cid = entry.id if entry else f"person:{slug(' '.join(w))}"
                self.cluster(cid, "person", entry, entry.name if entry else self.doc[m.start:m.end].text)
            m.cluster = cid  # type: ignore[attr-defined]

    def by_surname(self, words: list[str]) -> Entry | None:
        """"President Mugabe": the one dictionary person with that surname in office on the date."""
        if not words or len(words) > 2:
            return None
        ids = self.dic.surnames.get(words[-1], [])
        cands = [self.dic.entries[i] for i in ids]
        if len(words) == 2:  # "Carlos Menem" for "Carlos Saul Menem": first and last name agree
            cands = [e for e in cands if words[0] in fold(e.name).split(" ")]
            ok = len(cands) == 1 and self.plausible(cands[0], self.doc_countries())
            return cands[0] if ok else None
        if self.date:
            cands = [e for e in cands if any(r.covers(self.date) for r in e.roles)]
        return cands[0] if len(cands) == 1 else None

    def ethnic_group(self, m: Mention, prev: Mention | None) -> bool:
        """"ethnic Albanians", "Bosnian Serbs": a people, not the country of that name."""
        if m.entry is None or m.entry.kind != "country" or self.doc[m.start:m.end].text.lower() not in self.dic.demonyms:
            return False
        if m.start > 0 and self.doc[m.start - 1].lower_ == "ethnic":
            return True
        return (prev is not None and prev.end == m.start and prev.entry is not None and prev.entry.kind == "country"
                and self.doc[m.end - 1].tag_ in ("NNS", "NNPS"))

    def other_clusters(self) -> None:
        prev = None
        for m in self.mentions:
            m_prev, prev = prev, m
            if m.kind == "person":
                continue
            if self.ethnic_group(m, m_prev):
                text = self.doc[m.start:m.end].text
                self.cluster(f"group:{slug(text)}", "group", None, text)
                m.cluster = f"group:{slug(text)}"  # type: ignore[attr-defined]
                if m_prev is not None and m_prev.end == m.start:  # "Bosnian Serbs": Bosnia's
                    m_prev.cluster = None  # type: ignore[attr-defined]
                    c = self.cluster(m_prev.entry.id, "country", m_prev.entry, m_prev.entry.name)
                    self.add(c, m_prev.start, m_prev.end)
                    self.consumed.update(range(m_prev.start, m.end))
                continue
            if m.entry is not None:
                if m.entry.kind == "country" and is_demonym_modifier(self.doc, m, self.dic):
                    m.cluster = None  # type: ignore[attr-defined]
                    self.demonyms.append(m)
                    continue
                self.cluster(m.entry.id, m.entry.kind, m.entry, m.entry.name)
                m.cluster = m.entry.id  # type: ignore[attr-defined]
            elif self._person_named(m):
                m.cluster = self._person_named(m)  # type: ignore[attr-defined]
            else:
                from eventwatch.actors.roles import unknown_org

                org = unknown_org(self.doc[m.start:m.end].text)
                self.cluster(org.id, "organization", None, org.name)
                m.cluster = org.id  # type: ignore[attr-defined]

    def _person_named(self, m: Mention) -> str | None:
        """A one-word name the tagger read as an organisation that is a word of a person's full name named before
        ("Foreign Minister Wang Yi ... WANG said"): that person's cluster."""
        if m.end - m.start != 1 or self.doc[m.start].pos_ != "PROPN":
            return None
        cid = self.person_names.get(fold(self.doc[m.start].text))
        return cid if cid in self.clusters else None

    def attach_mentions(self) -> set[int]:
        used: set[int] = set()
        for m in self.mentions:
            used.update(range(m.first, m.end))
            cid = getattr(m, "cluster", None)
            if cid is None:
                continue
            info = role_of_mention(self.doc, self.ft, m, self.dic, self.by_end, self.by_token)
            used |= info.tokens
            self.consumed |= info.tokens
            self.add(self.clusters[cid], m.first, m.end, info)  # "Marshal Dostum": the title is part of the mention
        return used

    # -- agents
    def previous_person(self, token: int, exclude: str | None = None) -> str | None:
        best = None
        for t, cid in self.person_order:
            if t < token and cid != exclude and (best is None or t > best[0]):
                best = (t, cid)
        return best[1] if best else None

    def named_before(self, token: int, role: str, body: Entry | None) -> Cluster | None:
        """The person a definite title of a party refers back to ("the Labour leader") when the dictionary knows no
        holder: the one person named before whom the text gives that role of that body, else the one person named
        before with no office at all (no dictionary entry, no role in the text); None when it is not one."""
        before = [c for c in self.clusters.values() if c.kind == "person" and c.spans and c.first_token < token
                  and not c.fixed]
        same = [c for c in before if any(i.role and fold(i.role) == fold(role) and i.affiliation is body
                                          for i in c.infos)]
        if same:
            return same[0] if len(same) == 1 else None
        bare = [c for c in before if c.entry is None and not any(i.role or i.sector or i.affiliation for i in c.infos)]
        return bare[0] if len(before) == 1 and len(bare) == 1 else None

    def people_with_role(self, role: str) -> list[str]:
        out = []
        for c in self.clusters.values():
            if c.kind == "person" and any(i.role and fold(i.role) == fold(role) for i in c.infos):
                out.append(c.id)
        return out

    def add_agents(self, used: set[int]) -> None:
        for a in find_agents(self.doc, self.ft, self.dic, used, self.by_end, self.by_token):
            info = a.info
            if info.country or info.affiliation:
                self.consumed.update(range(a.start, a.end))
            owner = info.affiliation.id if info.affiliation else info.country
            if a.person:
                if owner and a.role and not a.indefinite:
                    held = self.dic.office_holder(owner, a.role, self.date)
                    if held:
                        entry, _ = held
                        c = self.cluster(entry.id, "person", entry, entry.name)
                        self.add(c, a.start, a.end, TextRole(role=a.role, sector=a.sector, country=info.country, affiliation=info.affiliation))
                        continue
                holder = self.person_of_body(info.affiliation) if info.affiliation and not a.indefinite else None
                if holder is not None:  # "Christine Lagarde, president of the European Central Bank ... the ECB chief"
                    self.add(self.clusters[holder], a.start, a.end)
                    self.clusters[holder].described.add((a.start, a.end))
                    continue
                if info.affiliation is not None and a.role and not a.indefinite and party_body(info.affiliation):
                    named = self.named_before(a.start, a.role, info.affiliation)
                    if named is not None:  # "Charles Kennedy spoke in Bath. THE LIB DEM LEADER said": that person
                        self.add(named, a.start, a.end, TextRole(role=a.role, sector=a.sector, country=info.country,
                                                                  affiliation=info.affiliation))
                        named.described.add((a.start, a.end))  # a mention, not a name of the person
                        continue
                if owner:
                    base = info.affiliation.id if info.affiliation else generic_id(info.country, a.sector)
                    text = self.doc[a.head if not info.tokens else a.start:a.end].text
                    what = a.role or self.doc[a.head].lemma_ if info.affiliation else self.doc[a.head:a.end].text
                    cid = f"{base}/{slug(what)}"
                    c = self.cluster(cid, "person", None, text)
                    c.fixed.setdefault("agent", True)
                    self.add(c, a.start, a.end, TextRole(role=a.role, sector=a.sector, country=info.country, affiliation=info.affiliation))
                elif info.region:  # "a senior European diplomat": of the region, no country's
                    sector = a.sector or "GOV"
                    what = self.doc[a.head:a.end].text
                    c = self.cluster(f"{info.region}-{sector}/{slug(what)}", "person", None, self.doc[a.start:a.end].text)
                    c.fixed.update(country=None, sector=[sector], code=f"{info.region}{sector}")
                    self.add(c, a.start, a.end, TextRole(role=a.role, sector=sector))
                elif a.definite_bare and a.role:
                    holders = self.people_with_role(a.role)
                    if len(holders) == 1:
                        self.add(self.clusters[holders[0]], a.start, a.end)
                continue
            if info.region and not info.country and info.affiliation is None and a.sector:
                c = self.cluster(f"{info.region}-{a.sector}", "organization", None, self.doc[a.start:a.end].text)
                c.fixed.update(country=None, sector=[a.sector], code=f"{info.region}{a.sector}")
                self.add(c, a.start, a.end)
                continue
            if info.affiliation is not None or not info.country or not a.sector:
                continue  # "Taliban fighters" are the Taliban; "the government" alone is unknown
            cid = generic_id(info.country, a.sector)
            text = self.doc[a.start:a.end].text
            c = self.cluster(cid, "organization", None, text)
            c.fixed.update(country=info.country, sector=[a.sector])
            self.add(c, a.start, a.end)

    def person_of_body(self, body: Entry) -> str | None:
        """The one named person the article has given an office of BODY (by its name or the acronym it spells):
        a definite "the ECB chief" after "Christine Lagarde, president of the European Central Bank" is her."""
        found = set()
        for c in self.clusters.values():
            if c.kind != "person" or c.fixed:
                continue
            for i in c.infos:
                aff = i.affiliation
                if aff is not None and (aff.id == body.id or spelled_by(body.name, aff.name) or spelled_by(aff.name, body.name)):
                    found.add(c.id)
        return next(iter(found)) if len(found) == 1 else None

    # -- attributes
    def attributes(self, c: Cluster, done: dict[str, dict]) -> dict:
        if c.id in done:
            return done[c.id]
        done[c.id] = {}  # guards against cycles
        role_txt = next((i.role for i in c.infos if i.role), None)
        t_sector = next((i.sector for i in c.infos if i.sector), None)
        t_country = next((i.country for i in c.infos if i.country), None)
        t_aff = next((i.affiliation for i in c.infos if i.affiliation), None)
        d = {"role": role_txt, "country": None, "sector": [], "code": None, "affiliation": None, "role_note": None}
        r = pick_role(c.entry, self.date) if c.entry else None
        if r is not None:
            d.update(country=r.country, sector=list(r.sector), code=r.code, affiliation=r.affiliation)
            if r.role in (UNDATED, NOT_YET):
                d["role_note"] = r.role  # the reason no dated role applies: its own field, never the role
            else:
                d["role"] = d["role"] or r.role
            if c.kind == "person" and (r.sector == ("ELI",) or r.role in (UNDATED, NOT_YET)) and t_sector \
                    and t_country in (None, r.country):
                d.update(sector=[t_sector], code=compose(r.country or t_country, [t_sector]))  # the text says what he is now
        else:
            aff_role = pick_role(t_aff, self.date) if t_aff is not None and t_aff.roles else None
            country = t_country or (aff_role.country if aff_role else None)
            sector = [t_sector] if t_sector else (list(aff_role.sector) if aff_role else [])
            if aff_role and aff_role.code and parse_code(aff_role.code) and parse_code(aff_role.code).country is None:
                code = aff_role.code  # an IGO's person: the IGO code
                sector = list(dict.fromkeys(list(aff_role.sector) + sector))
            elif aff_role and not t_sector and c.kind == "person" and party_leader(role_txt, aff_role):
                sector = [OPPOSITION]  # "Tory leader Michael Howard": a party's leader out of office (guide §3)
                code = compose(country, sector)
            elif aff_role and not t_sector and aff_role.code:
                code = aff_role.code
            else:
                code = compose(country, sector)
            d.update(country=country, sector=sector, code=code)
            if c.entry is None and c.kind == "organization" and not c.fixed:
                n_country, n_sector = self.from_name(c.name or "", lambda: self.armed_context(c))
                n_sector = n_sector or self.described_sector(c)
                d["country"] = d["country"] or n_country
                if not d["sector"] and n_sector:
                    d["sector"] = [n_sector]
                    d["code"] = None  # the name's sector completes a code composed from the country alone
                region = name_region(c.name or "", self.dic) if set(d["sector"]) & STATE_SECTORS else None
                if region and not n_country and not t_country:  # "the European Central Bank": an international body
                    # (a state's kind of body named for a region; not "Western Union", "the Gulf Cartel")
                    d.update(country=None, sector=list(dict.fromkeys(["IGO"] + d["sector"])), code=f"IGO{region}")
                # a body of no known country still has its sector: "---REB" (the guide's "---" country)
                d["code"] = d["code"] or compose(d["country"] or ("---" if d["sector"] else None), d["sector"])
            if c.fixed:
                d["country"] = c.fixed.get("country", d["country"])
                d["sector"] = c.fixed.get("sector", d["sector"])
                d["code"] = compose(d["country"], d["sector"]) if "sector" in c.fixed else d["code"]
                d["code"] = c.fixed.get("code", d["code"])  # a region's group: "EURGOV"
        if t_aff is not None and not d["affiliation"]:
            d["affiliation"] = t_aff.id
        if any(i.inherit_from_previous for i in c.infos) and not d["country"]:
            first = min(s for s, _ in c.spans)
            prev = self.previous_person(first, exclude=c.id)
            if prev:
                p = self.attributes(self.clusters[prev], done)
                d.update(country=p["country"], sector=list(p["sector"]), code=p["code"])
                d["affiliation"] = d["affiliation"] or p["affiliation"]
        done[c.id] = d
        return d

    def actors(self) -> list[Actor]:
        self.person_clusters()
        self.other_clusters()
        used = self.attach_mentions()
        self.add_agents(used)
        for m in self.demonyms:
            if not any(k in self.consumed for k in range(m.start, m.end)):
                c = self.cluster(m.entry.id, "country", m.entry, m.entry.name)
                self.add(c, m.start, m.end)
        done: dict[str, dict] = {}
        out = []
        for c in sorted(self.clusters.values(), key=lambda c: c.first_token):
            if not c.spans:
                continue
            d = self.attributes(c, done)
            if c.kind == "country":
                d = {**d, "role": None, "affiliation": None}  # "Argentine official" describes a person, not the country
            spans = sorted({span_chars(self.doc, s, e) for s, e in c.spans})
            name = c.entry.name if c.entry else self.best_name(c)
            if c.id[:3] not in region_codes():  # a region's group keeps the article's words ("Arab diplomats")
                name = actor_label(c.id, name)  # "AFG-CVL": "civilians in Kandahar" -> "civilians (Afghanistan)"
            kind = c.kind if c.kind in ("person", "organization", "country", "group") else "organization"
            out.append(Actor(id=c.id, name=name, kind=kind, country=d["country"], sector=d["sector"],
                             code=d["code"], role=d["role"], mentions=[list(s) for s in spans],
                             affiliation=d["affiliation"], role_note=d.get("role_note"),
                             confidence=1.0 if c.entry else (0.6 if c.fixed else 0.8)))
        return out

    def armed_context(self, c: Cluster) -> bool:
        """The article that names C calls someone rebels, militia or fighters, or reports an armed act
        (data/armed_group_context.txt): "the Zomba Liberation Army AMBUSHED a convoy", "FIGHTERS loyal to ...". The
        article, not the sentence: "the Arakan Army said ..." is an armed group when the story is of its fighting."""
        words = armed_group_context()
        return any(t.lemma_.lower() in words or t.lower_ in words for t in self.doc)

    def from_name(self, name: str, armed: Callable[[], bool] = lambda: True) -> tuple[str | None, str | None]:
        """Country and sector read off an unknown organisation's name ("Afghan Border Police"): agent nouns
        first, then the words of ``data/org_heads.tsv`` ("Department of Motor Vehicles" → GOV). A named army
        with a word that is neither a country's nor one of a state's forces (``data/state_force_words.txt``:
        "Arakan Army", "Free Syrian Army", "Army of Terror") is a non-state armed group (REB) when ARMED (its sentences'
        words) says so, else of no sector ("the Salvation Army"); "the Army", "US Army", "Afghan National Army" stay the
        national army."""
        country = sector = None
        words = fold(name).replace(".", " ").split()
        for w in words:
            country = country or self.dic.demonyms.get(w) or self.dic.capitals.get(w) or _country_named(self.dic, w)
        for w in [f"{a} {b}" for a, b in zip(words, words[1:])] + words:  # "central bank" before "bank"
            codes = self.dic.agents.get(w)
            if codes and sector is None:
                sector = codes[0]
        heads = org_heads()
        named = [heads[w] for w in words if w in heads]
        sector = sector or ("PTY" if "PTY" in named else next(iter(named), None))  # "Workers' Party" is a party
        if (any(w in sport_heads() for w in words) or any(f"{a} {b}" in sport_heads() for a, b in zip(words, words[1:]))) \
                and not any(w in sport_state_words() for w in words):
            sector = None  # "the Premier League", "Chelsea FC", "the US Anti-Doping Agency": a sports body, no government
        if sector == "MIL" and any(w not in state_force_words() and not self.dic.demonyms.get(w)
                                   and not self.dic.capitals.get(w) and not _country_named(self.dic, w) for w in words):
            # a named army with a word no state's forces have ("Arakan Army", "Free Syrian Army") is an armed group
            # when ARMED says its sentences call it one or report its armed acts; else it is no army at all
            # ("the Salvation Army opened a shelter", "the Tartan Army travelled to Paris")
            sector = "REB" if armed() else None
        return country, sector

    def described_sector(self, c: Cluster) -> str | None:
        """The sector of a common noun the article writes beside an unknown organisation's name, when the
        name itself says none (``data/org_heads.tsv``): «the GMB union», «rail union RMT», «Unison, the
        health workers' union», «the Vesta agency» (a union named without the word "union" is still LAB)."""
        heads = org_heads()
        for s, e in c.spans:
            root = self.doc[s:e].root
            near = [root.head] if root.dep_ in DESCRIBED_BY and not s <= root.head.i < e else []
            near += [t for t in root.children if t.dep_ in DESCRIBED_BY | {"amod"} and not s <= t.i < e]
            # («shipping FIRM Maersk»: the model may read the noun before the name as its adjective)
            for t in near:
                if t.pos_ == "NOUN" and t.text.islower() and fold(t.lemma_) in heads:
                    return heads[fold(t.lemma_)]
        return None

    def best_name(self, c: Cluster) -> str:
        texts = [span_text(self.doc, s, e) for s, e in c.spans if (s, e) not in c.described] or \
            [span_text(self.doc, s, e) for s, e in c.spans]
        if c.kind == "person" and not c.fixed:
            name = without_honorific(max(texts, key=len)).split(" ")  # "Mr Banda" is Banda
            while len(name) > 1 and name[0].islower():
                name = name[1:]  # "leader To Lam" is To Lam
            return " ".join(name)
        name = c.name or texts[0]
        return name[4:] if name.lower().startswith("the ") else name


STATE_SECTORS = frozenset({"GOV", "JUD", "LEG", "MIL", "COP", "IGO"})


def name_region(name: str, dic: Dictionary) -> str | None:
    """The CAMEO region code of a regional adjective in an organisation's name ("the EUROPEAN Central Bank", "the
    AFRICAN Development Bank"; data/regional_words.tsv), None when the name has none."""
    words = fold(name).replace(".", " ").split()
    for i in range(len(words)):
        found = region_at(words, i, dic.demonyms)
        if found is not None:
            return found[0]
    return None


def _country_named(dic: Dictionary, word: str) -> str | None:
    """The country a word of a name is ("kenya" of "Kenya Wildlife Service" -> KEN)."""
    eid = dic.index.get(word, "")
    return eid[len("country:"):] if eid.startswith("country:") else None


def resolve(doc: Doc, dic: Dictionary, mentions: list[Mention], date: str | None) -> list[Actor]:
    return Resolver(doc, dic, mentions, date).actors()


__all__ = ["resolve", "pick_role", "TRANSNATIONAL"]
