"""Roles and affiliation from the text around a mention, and generic (unnamed) agents.

- Titles and modifiers before a name: "NATO Secretary-General Jens Stoltenberg", "Afghan President
  Mohammad Ashraf Ghani", "Lebanon's new President Elias Hrawi".
- Appositions after a name: "Zabihullah Mujahid, a Taliban spokesman", "Amrullah Saleh, his first
  deputy" (``his`` -> the previous person's country, sector and affiliation), "Atta Mohammad Noor,
  the leader of the Jamiat Party branch".
- Unnamed agents: "the Afghan government" (AFG-GOV), "Rwandan rebels" (RWA-REB), "the governor of
  Balkh" (a person, AFG GOV), "the commander of the Shaheen Corps" (AFG MIL, via the corps), "British
  Prime Minister" (the office holder on the publication date, if the dictionary knows one).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc

from eventwatch.actors.codes import SECTORS, split_code
from eventwatch.actors.dictionary import Dictionary, Entry, fold, slug
from eventwatch.actors.lexicon import region_at
from eventwatch.actors.recognition import Mention
from eventwatch.nlp.cache import column, ents

POSSESSIVES = frozenset({"his", "her"})
CLAUSE_MARKS = frozenset({",", ";", ":", "—", "–", "(", ")", "\"", "“", "”"})
DETERMINERS = frozenset({"the", "a", "an", "his", "her", "its", "their", "our", "this", "that", "these", "those"})
# agent nouns that are groups of people or institutions (not one person)
COLLECTIVE_SECTORS = frozenset({"GOV", "MIL", "REB", "INS", "COP", "OPP", "JUD", "LEG", "SPY", "CVL", "REF", "MED", "BUS", "LAB", "EDU", "HLH", "UAF", "CRM"})


@dataclass
class TextRole:
    role: str | None = None
    sector: str | None = None            # from the title or agent noun
    country: str | None = None           # from a demonym, country name or place
    affiliation: Entry | None = None     # an organisation or group named with the title
    region: str | None = None            # a region's adjective ("a senior EUROPEAN diplomat"): CAMEO region code
    inherit_from_previous: bool = False  # "his first deputy"
    tokens: set[int] = field(default_factory=set)  # tokens used (not to be reused as agents)

    def merge(self, other: "TextRole") -> None:
        self.role = self.role or other.role
        self.sector = self.sector or other.sector
        self.country = self.country or other.country
        self.affiliation = self.affiliation or other.affiliation
        self.region = self.region or other.region
        self.inherit_from_previous = self.inherit_from_previous or other.inherit_from_previous
        self.tokens |= other.tokens


def unknown_org(name: str) -> Entry:
    """An organisation the dictionary does not know: its id is its slugged name."""
    name = name[4:] if name.lower().startswith("the ") else name
    return Entry(id=f"org:{slug(name)}", name=name, kind="organization")


def mention_ending_at(mentions_by_end: dict[int, Mention], k: int) -> Mention | None:
    return mentions_by_end.get(k)


def title_ending_at(doc: Doc, ft: list[str], end: int, dic: Dictionary) -> int | None:
    """Start of the longest title that ends just before token ``end``; a title starts on a word and does not
    reach back over a comma, a colon or a dash into the clause before ("... to Venezuela, Secretary of State X")."""
    best = None
    for s in range(max(0, end - 4), end):
        last = end
        while last > s and doc[last - 1].text == ",":  # "the health secretary, Wes Streeting"
            last -= 1
        if not ft[s] or any(doc[k].text in CLAUSE_MARKS for k in range(s, last)):
            continue
        key = " ".join(x for x in ft[s:end] if x)
        if key and key in dic.titles:
            best = s if best is None else min(best, s)
    return best


def absorb_modifier(info: TextRole, m: Mention, dic: Dictionary, doc: Doc) -> None:
    """A country, organisation or group named before/within a title or agent noun."""
    if m.entry is None:
        if m.kind == "organization" and info.affiliation is None:
            info.affiliation = unknown_org(m.text(doc))
        return
    if m.entry.kind == "country":
        info.country = info.country or (m.entry.roles[0].country if m.entry.roles else None)
    elif m.entry.kind in ("organization", "group"):
        info.affiliation = info.affiliation or m.entry


PLACES_KEY = "eventwatch.actors.place_country"  # doc.user_data: token index -> ISO3 from the places stage


def resolved_place(tok) -> str | None:
    """The country the places stage gave this token's place, if it ran and found one."""
    return tok.doc.user_data.get(PLACES_KEY, {}).get(tok.i)


def place_country(tok, folded: str, dic: Dictionary) -> str | None:
    """The country of a capitalised place name: the places stage's answer, else the gazetteer's for
    a name the model also sees as a place ("New York" as a whole)."""
    known = resolved_place(tok)
    if known:
        return known
    if not tok.text[:1].isupper() or tok.ent_type_ not in ("GPE", "LOC"):
        return None
    ent = next((e for e in ents(tok.doc) if e.start <= tok.i < e.end), None)
    if ent is not None and len(ent) > 1:
        folded = fold(ent.text)
        folded = folded[4:] if folded.startswith("the ") else folded
    return dic.capitals.get(folded) or dic.places.get(folded)


def place_start(tok) -> int:
    """First token of the place entity containing ``tok``."""
    ent = next((e for e in ents(tok.doc) if e.start <= tok.i < e.end), None)
    return ent.start if ent is not None else tok.i


POSTING_WORDS = frozenset({"to", "at", "in"})  # "ambassador TO Turkey", "envoy AT the UN", "consul IN Istanbul"


def _posting_before(doc: Doc, ft: list[str], k: int, dic: Dictionary, mentions_by_end: dict[int, Mention]) -> int | None:
    """The first token of "to|at|in PLACE[,]" right before token K when a title ends before it ("the US ambassador
    to Japan, Rahm Emanuel", "Russian ambassador to Turkey Andrei Karlov"): the title is the named person's, and
    the place is where the holder is posted, not the holder's country. None otherwise."""
    end = k - 1 if k > 0 and doc[k - 1].text == "," else k
    for j in range(max(0, end - 4), end - 1):
        if doc[j].lower_ not in POSTING_WORDS or title_ending_at(doc, ft, j, dic) is None:
            continue
        first = j + 1 + (doc[j + 1].lower_ == "the")
        m = mentions_by_end.get(end)
        name = " ".join(x for x in ft[first:end] if x)
        entry = dic.entries.get(dic.index.get(name, "")) if name in dic.index else None
        placed = m is not None and m.kind != "person" and m.first == first or \
            entry is not None and entry.kind in ("country", "organization") or \
            all(place_country(doc[x], ft[x], dic) for x in range(first, end)) and first < end
        if placed:
            return j
    return None


def before(doc: Doc, ft: list[str], start: int, dic: Dictionary, mentions_by_end: dict[int, Mention]) -> TextRole:
    """Titles and modifiers left of a name: [Country|Org|X's] [adj] Title* NAME."""
    info, k, adjectives = TextRole(), start, 0
    while k > 0:
        posting = _posting_before(doc, ft, k, dic, mentions_by_end) if info.role is None else None
        if posting is not None:  # "Russian ambassador TO TURKEY Andrei Karlov": the host is not his country
            info.tokens.update(range(posting, k))
            k = posting
        t_start = title_ending_at(doc, ft, k, dic)
        if t_start is not None:
            role, sector = dic.titles[" ".join(x for x in ft[t_start:k] if x)]
            if info.role is None:
                info.role = role
            info.sector = info.sector or sector
            info.tokens.update(range(t_start, k))
            k = t_start
            continue
        prev = doc[k - 1]
        if prev.tag_ == "POS" and k - 1 in mentions_by_end:  # "Lebanon's"
            k -= 1
        m = mention_ending_at(mentions_by_end, k)
        if m is not None and m.first >= 2 and doc[m.first - 1].text == "-" and doc[m.first - 2].lower_ in ("anti", "pro"):
            break  # "anti-Syria journalist": a stance, not a nationality
        if m is not None and m.kind != "person":
            absorb_modifier(info, m, dic, doc)
            info.tokens.update(range(m.first, m.end))
            k = m.first
            continue
        if prev.tag_ == "POS" and k > 1 and place_country(doc[k - 2], ft[k - 2], dic):  # "Ankara's"
            k -= 1
            prev = doc[k - 1]
        country = place_country(prev, ft[k - 1], dic)
        if country and not info.country:
            info.country = country  # "Khartoum government", "Darfur rebels", "New York Attorney General"
            first = place_start(prev)
            info.tokens.update(range(first, k))
            k = first
            continue
        if prev.dep_ == "compound" and prev.pos_ == "NOUN" and dic.agents.get(ft[k - 1]):  # "government leaders"
            info.sector = info.sector or dic.agents[ft[k - 1]][0]
            info.tokens.add(k - 1)
            k -= 1
            continue
        region = region_at(ft, k - 1, dic.demonyms) if not info.country else None
        if region is not None:  # "a senior EUROPEAN diplomat", "SOUTH AMERICAN ministers": no country's
            info.region = info.region or region[0]
            info.tokens.update(range(region[1], k))
            k = region[1]
            continue
        if prev.lower_ in dic.demonyms:
            info.country = info.country or dic.demonyms[prev.lower_]
            info.tokens.add(k - 1)
            k -= 1
            continue
        skippable = prev.pos_ == "ADJ" or (prev.pos_ == "NOUN" and prev.dep_ == "compound" and info.sector)
        if skippable and adjectives < 2 and prev.lower_ not in DETERMINERS and k - 1 > 0:  # "new President", "insurance firm"
            adjectives += 1
            k -= 1
            continue
        break
    return info


def apposition(doc: Doc, ft: list[str], m: Mention, dic: Dictionary, mentions_in: dict[int, Mention]) -> TextRole:
    """", a Taliban spokesman," / ", his first deputy," / ", the leader of the Jamiat Party branch,"."""
    info = TextRole()
    if m.end >= len(doc) or doc[m.end].text != ",":
        return info
    stop = m.end + 1
    while stop < len(doc) and stop < m.end + 14 and doc[stop].text not in (",", ".", ";", "“", "\"", "(") and doc[stop].pos_ not in ("VERB", "AUX"):
        stop += 1
    owner = _title_owner(doc, ft, m.end + 1, dic, mentions_in)
    if stop == m.end + 1 or doc[m.end + 1].lower_ not in DETERMINERS and not dic.titles.get(ft[m.end + 1]) and not owner:
        return info
    span_tokens = range(m.end + 1, stop)
    if doc[m.end + 1].lower_ in POSSESSIVES:
        info.inherit_from_previous = True
    title_found = False
    for k in span_tokens:
        mm = mentions_in.get(k)
        if mm is not None and mm.kind != "person":
            absorb_modifier(info, mm, dic, doc)
        if not title_found:
            for e in range(min(stop, k + 4), k, -1):
                key = " ".join(x for x in ft[k:e] if x)
                if key in dic.titles:
                    role, sector = dic.titles[key]
                    info.role, info.sector, title_found = role, sector, True
                    break
        if doc[k].lower_ in dic.demonyms and info.country is None:
            info.country = dic.demonyms[doc[k].lower_]
        country = place_country(doc[k], ft[k], dic)
        if country and info.country is None and mentions_in.get(k) is None:
            info.country = country
    if not (title_found or info.affiliation or info.country) or owner and not title_found:
        return TextRole()  # ("Lai, Taiwan, ..." is a list, not a role)
    info.tokens.update(span_tokens)
    return info


def _title_owner(doc: Doc, ft: list[str], k: int, dic: Dictionary, mentions_in: dict[int, Mention]) -> bool:
    """Whether the apposition at K opens with the owner of a title: a country or body in the possessive ("X,
    TAIWAN'S president,", "X, NATO's secretary-general,") or a country's adjective ("X, KENYAN president,")."""
    if k >= len(doc):
        return False
    mm = mentions_in.get(k)
    if mm is not None and mm.kind != "person":
        end = mm.end
    elif ft[k] in dic.demonyms or place_country(doc[k], ft[k], dic):
        end = k + 1
    else:
        return False
    return end < len(doc) and (doc[end].tag_ == "POS" or doc[end].lower_ in ("'s", "’s", "'")) or ft[k] in dic.demonyms


def located_in(doc: Doc, ft: list[str], m: Mention, dic: Dictionary, mentions_in,
               words: tuple[str, ...] = ("in", "of")) -> str | None:
    """"the National Movement in northern Afghanistan": the country right after an unknown organisation, in a phrase
    that hangs on its name (WORDS: the prepositions that may open it)."""
    if m.end >= len(doc) or doc[m.end].lower_ not in words:
        return None
    if not m.start <= doc[m.end].head.i < m.end:
        return None  # "attacked a vessel of shipping firm Maersk IN the Red Sea": the act's place, not the firm's
    for k in range(m.end + 1, min(len(doc), m.end + 4)):
        mm = mentions_in.get(k)
        if mm is not None and mm.entry is not None and mm.entry.kind == "country" and mm.entry.roles:
            return mm.entry.roles[0].country
        country = place_country(doc[k], ft[k], dic)
        if country:
            return country
        if doc[k].pos_ not in ("ADJ", "DET", "PROPN"):
            return None
    return None


def role_of_mention(doc, ft, m: Mention, dic, mentions_by_end, mentions_in) -> TextRole:
    info = TextRole(role=m.role, sector=m.role_sector)
    info.merge(before(doc, ft, m.first, dic, mentions_by_end))
    if m.kind == "person":
        info.merge(apposition(doc, ft, m, dic, mentions_in))
        if info.role and info.country is None and m.entry is None:  # "Rep. Hal Daub OF NEBRASKA", "Mayor X of Lyon"
            # only "of": "IN Washington" after a person is where he is ("met Minister S. Jaishankar in Washington")
            info.country = located_in(doc, ft, m, dic, mentions_in, words=("of",))
    elif m.entry is None and info.country is None:
        info.country = located_in(doc, ft, m, dic, mentions_in)
    return info


# ---- unnamed agents ---------------------------------------------------------------------------

@dataclass
class Agent:
    start: int
    end: int
    head: int
    role: str | None
    sector: str | None
    person: bool           # one person (a title: governor, spokesman) or a collective (government)
    info: TextRole
    definite_bare: bool    # "the president": no modifier at all
    indefinite: bool = False  # "a Taliban spokesman": one of several, never a named office holder


def agent_head(doc: Doc, ft: list[str], i: int, dic: Dictionary) -> tuple[int, str | None, str | None, bool] | None:
    """If token i ends an agent noun phrase: (start, role, sector, is_person)."""
    if not _may_end_agent_phrase(doc, ft, i, dic):
        return None
    lemma = _folded_lemma(doc, ft, i)
    tok = doc[i]
    for s in range(max(0, i - 3), i + 1):
        if s < i and (not ft[s] or any(doc[k].text in CLAUSE_MARKS or doc[k].is_sent_start for k in range(s + 1, i + 1))):
            continue  # a phrase starts on a word, in its own sentence and clause (not ". Police")
        words = [x for x in ft[s:i] if x]
        for last in (ft[i], lemma):
            key = " ".join(words + [last])
            if key in dic.titles:
                role, sector = dic.titles[key]
                if sector is None and tok.tag_ in ("NNS", "NNPS"):  # "officials": a collective of that sector
                    codes = dic.agents.get(key) or dic.agents.get(" ".join(words + [lemma]))
                    sector = codes[0] if codes else None
                return s, role, sector, True
            if key in dic.agents:
                codes = [c for c in dic.agents[key] if c in SECTORS]
                if not codes:
                    return None  # "people": no sector, the demonym alone names the country
                return s, None, codes[0], False
    return None


def _folded_lemma(doc: Doc, ft: list[str], i: int) -> str:
    lemma = column(doc, "lemma_")[i]
    return fold(lemma) if lemma else ft[i]


def _may_end_agent_phrase(doc: Doc, ft: list[str], i: int, dic: Dictionary) -> bool:
    """A quick test that token ``i`` may end an agent noun phrase (``agent_head`` gives the answer)."""
    return column(doc, "pos_")[i] in ("NOUN", "PROPN") and (
        _may_end_title_or_agent(ft[i], dic) or _may_end_title_or_agent(_folded_lemma(doc, ft, i), dic))


def _may_end_title_or_agent(word: str, dic: Dictionary) -> bool:
    """False when no title or agent noun ends with WORD (the last word of a key joined after it)."""
    return word.rsplit(" ", 1)[-1] in dic.title_agent_last_words


def _agent_end_candidates(doc: Doc, ft: list[str], dic: Dictionary) -> list[int]:
    """The tokens that pass ``_may_end_agent_phrase``, in one pass over the document."""
    pos, lemmas, tails = column(doc, "pos_"), column(doc, "lemma_"), dic.title_agent_last_words
    out = []
    for i, p in enumerate(pos):
        if p in ("NOUN", "PROPN") and (ft[i].rsplit(" ", 1)[-1] in tails
                                       or (fold(lemmas[i]) if lemmas[i] else ft[i]).rsplit(" ", 1)[-1] in tails):
            out.append(i)
    return out


def find_agents(doc: Doc, ft: list[str], dic: Dictionary, used: set[int], mentions_by_end, mentions_in) -> list[Agent]:
    out = []
    pos, dep, head = column(doc, "pos_"), column(doc, "dep_"), column(doc, "head_i")
    for i in _agent_end_candidates(doc, ft, dic):
        if i in used or dep[i] in ("compound", "amod") and head[i] > i and pos[head[i]] in ("NOUN", "PROPN"):
            continue
        hit = agent_head(doc, ft, i, dic)
        if hit is None:
            continue
        tok = doc[i]
        start, role, sector, person = hit
        if any(k in used for k in range(start, i + 1)):
            continue
        if person and tok.tag_ in ("NNS", "NNPS"):
            person = False  # "officials", "leaders": a collective
        info = before(doc, ft, start, dic, mentions_by_end)
        if info.role is None and role:
            info.role = role
        first = min(info.tokens) if info.tokens else start
        end = i + 1
        for child in tok.rights:  # "the governor of Balkh", "the commander of the Shaheen Corps"
            if child.dep_ == "prep" and child.lower_ in ("of", "in", "for") and child.i == i + 1:
                for pobj in child.children:
                    if pobj.dep_ != "pobj":
                        continue
                    m = mentions_in.get(pobj.i) or mentions_by_end.get(pobj.i + 1)
                    if m is not None and m.kind != "person":
                        absorb_modifier(info, m, dic, doc)
                        end = max(end, m.end)
                    else:  # "the governor of Balkh", "the government of Sindh province"
                        for t in [pobj] + [c for c in pobj.lefts if c.dep_ == "compound"]:
                            country = place_country(t, ft[t.i], dic) or (
                                dic.places.get(ft[t.i]) if t.text[:1].isupper() and PLACES_KEY not in doc.user_data else None)
                            if country:
                                info.country = info.country or country
                                end = max(end, pobj.i + 1)
                                break
        bare = not info.tokens and end == i + 1 and i > 0 and doc[start - 1].lower_ == "the" if start > 0 else False
        sector = sector or info.sector
        indefinite = first > 0 and doc[first - 1].lower_ in ("a", "an", "one", "another", "some")
        out.append(Agent(first, end, i, info.role or role, sector, person, info, bare, indefinite))
    return out


def code_sectors(code: str | None) -> list[str]:
    return split_code(code) if code else []
