"""Recognition: find the actor mentions of one document.

Sources: the known-actors dictionary (longest match over folded token text, checked for
capitalisation) and spaCy's PERSON/ORG/NORP/GPE entities. Titles at the start of an entity are
stripped ("Marshall Dostum" -> title "Marshal", name "Dostum"). Place names are not actors: the
places stage's non-country places, the dateline, and names in the place gazetteer that the
dictionary does not know as actors. Document consistency: once a full person name is seen, its
surname alone (whatever spaCy calls it) is a mention of that person.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Doc

from eventwatch.actors.dictionary import Dictionary, Entry, fold, folded_words
from eventwatch.actors.lexicon import description_heads, first_names, region_at
from eventwatch.actors.names import HONORIFICS
from eventwatch.model import Record
from eventwatch.nlp.cache import column, ents, per_doc


ENT_KINDS = {"PERSON": "person", "ORG": "organization", "NORP": "group", "GPE": "country"}
NAME_CONNECTORS = frozenset("al el bin ibn bint de del da di von van der den la le ul ud abu".split())
MAX_SPAN_TOKENS = 24


@dataclass
class Mention:
    start: int                 # token index of the name (after any title)
    end: int                   # token index, exclusive
    kind: str                  # person | organization | country | group
    entry: Entry | None        # dictionary entry, if known
    label: str                 # "DICT" or the spaCy label
    title_start: int | None = None  # first token of a title stripped from the front of an entity
    role: str | None = None    # the stripped title's canonical role
    role_sector: str | None = None

    def text(self, doc: Doc) -> str:
        return doc[self.start:self.end].text

    @property
    def first(self) -> int:
        return self.title_start if self.title_start is not None else self.start


def folded_tokens(doc: Doc) -> list[str]:
    """The folded text of every token, computed once per document (callers must not change it)."""
    return per_doc(doc, "actors.folded", lambda d: [fold(w) for w in column(d, "text")])


def blocked_tokens(doc: Doc, record: Record, dic: Dictionary, ft: list[str]) -> set[int]:
    """Tokens inside non-country places (places stage) or the dateline name."""
    out: set[int] = set()
    for place in record.places:
        if place.feature == "country":
            continue
        for s, e in place.mentions:
            span = doc.char_span(s, e, alignment_mode="expand")
            if span is not None:
                out.update(range(span.start, span.end))
    if record.dateline:
        dl = fold(record.dateline)
        for i, t in enumerate(doc):
            if ft[i] == dl and t.text.isupper() and dic.index.get(dl) is None:
                out.add(i)
    return out


def placed_abroad(doc: Doc, record: Record) -> dict[int, str]:
    """Token -> country of the places stage's non-country places that another place of the article backs (one
    more place in the same first-level division): a country's name there is a place of another country
    ("Voters in Georgia ... in Savannah": the US state). A reading no other place backs is not followed."""
    out: dict[int, str] = {}
    for place in record.places:
        if place.feature == "country" or not place.country or not place.admin1:
            continue
        if not any(q.id != place.id and q.country == place.country and q.admin1 == place.admin1 for q in record.places):
            continue
        for s, e in place.mentions:
            span = doc.char_span(s, e, alignment_mode="expand")
            if span is not None:
                out.update((k, place.country) for k in range(span.start, span.end))
    return out


def is_other_country_place(start: int, end: int, entry: Entry, abroad: dict[int, str]) -> bool:
    """The places stage resolved every word of this country name to a place in another country."""
    own = entry.roles[0].country if entry.roles else None
    return all(abroad.get(k) not in (None, own) for k in range(start, end))


PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
DIRECTIONS = frozenset("north south east west northern southern eastern western central northeast northwest southeast "
                       "southwest northeastern northwestern southeastern southwestern upper lower".split())


def inside_longer_place(doc: Doc, start: int, end: int) -> bool:
    """Tokens [start, end) are a strict part of a longer place name the model found ("NIGER Delta", "BRITISH
    Columbia", "Gulf of MEXICO"): a word of that name, not a mention of the country it spells."""
    ent = next((e for e in ents(doc) if e.start <= start and end <= e.end), None)
    return ent is not None and ent.label_ in PLACE_LABELS and (ent.end - ent.start) > (end - start) and any(
        doc[k].pos_ == "PROPN" and doc[k].text[:1].isupper() and doc[k].lower_ not in DIRECTIONS
        for k in range(ent.start, ent.end) if not start <= k < end)  # "Western Cambodia" is Cambodia


@lru_cache(maxsize=1)
def place_words() -> frozenset[str]:
    """Nouns that name places or things (data/not_agents.txt: "state", "province", "city")."""
    return folded_words(Path(__file__).parent / "data" / "not_agents.txt")


def title_case(sent) -> bool:
    """Most words of the sentence are capitalised (a headline), so capitals do not mark names."""
    words = [t for t in sent if t.is_alpha and len(t) > 3]
    upper = sum(t.text[:1].isupper() for t in words)
    # prose has lower-case words a headline has not: "Israel Adesanya, the fighter, arrived in Sydney on Friday"
    # capitalises most of its few long words and is still no headline
    return len(words) >= 3 and upper > 0.6 * len(words) and len(words) - upper < HEADLINE_LOWER


HEADLINE_LOWER = 2  # a sentence with this many lower-case words of four letters or more is no title-case headline


def part_of_longer_name(doc: Doc, start: int, end: int, dic: Dictionary, ft: list[str]) -> bool:
    """A country's name at [start, end) is a word of a longer name, not a mention of the country: a place name
    the model found ("BRITISH Columbia", "Gulf of MEXICO"), or a name it begins that goes on with a capitalised
    word that is no title, agent noun or known name ("the NIGER Delta", "the KENYA Human Rights Commission";
    not "US President", "Syrian Army", "Iran Israel talks")."""
    if inside_longer_place(doc, start, end):
        return True
    last = doc[end - 1]
    if end >= len(doc) or last.dep_ != "compound" or last.head.i < end or doc[start:end].text.lower() in dic.demonyms:
        return False  # "AMERICAN Federation of Teachers" still names the country
    nxt = doc[end]
    if nxt.pos_ != "PROPN" or not nxt.text[:1].isupper() or not ft[end] or title_case(doc[start].sent):
        return False  # a headline in title case ("U.S. Warships Shell Platforms") capitalises common nouns too
    if ft[end] in place_words():
        return False  # "Borno State", "Kandahar Province": the place itself
    for k in range(1, 4):
        key = " ".join(x for x in ft[end:end + k] if x)
        if key in dic.titles or key in dic.agents or key in dic.index or key in dic.demonyms:
            return False
    return True


LOCATIVE_PREPS = frozenset({"in", "near", "outside", "around", "across", "at"})


def in_place_name(doc: Doc, start: int, end: int, dic: Dictionary, ft: list[str]) -> bool:
    """A person's name at [start, end) is the end of a longer name that is a place: the object of in/near/at
    whose name goes on to the left with a capitalised word that is no title and no given name ("a checkpoint
    in DERA Ismail Khan"; not "confidence in Prime Minister X", "in Mohammad Ismail Khan's view")."""
    if start == 0 or end > len(doc):
        return False
    prev, root = doc[start - 1], doc[start:end].root
    if prev.pos_ != "PROPN" or not prev.text[:1].isupper() or prev.dep_ != "compound" or not start <= prev.head.i < end:
        return False
    if ft[start - 1] in dic.titles or ft[start - 1] in first_names() or prev.ent_type_ in ("PERSON", "ORG", "NORP"):
        return False
    return root.dep_ == "pobj" and root.head.lower_ in LOCATIVE_PREPS


def capitalised(tok) -> bool:
    return tok.text[:1].isupper() or not tok.is_alpha


def valid_name_span(doc: Doc, start: int, end: int, entry: Entry) -> bool:
    """A dictionary hit counts only when it looks like a name in the text."""
    toks = doc[start:end]
    if not any(t.text[:1].isupper() for t in toks):
        return False
    for t in toks:
        if t.is_alpha and len(t) > 2 and not t.is_stop and t.lower_ not in NAME_CONNECTORS and not capitalised(t):
            return False
    if end - start == 1:
        tok = doc[start]
        if len(tok.text) <= 3 and not tok.text.isupper() and entry.kind != "country" and not (
                entry.curated and tok.ent_type_ == "ORG"):
            return False  # "Us", "Is": acronyms must be written in capitals (not a curated "Fed" the model calls a name)
        if tok.is_stop and tok.ent_type_ not in ("ORG", "GPE", "NORP", "PERSON"):
            return False  # "US"/"WHO"/"IS" only when the model also sees a name
        if not entry.curated and entry.kind != "country" and tok.ent_type_ not in ("PERSON", "ORG", "GPE", "NORP"):
            return False  # one-word names from the large converted dictionary need the model's support
    return True


def dictionary_matches(doc: Doc, dic: Dictionary, ft: list[str], blocked: set[int],
                       abroad: dict[int, str] | None = None) -> list[Mention]:
    prefixes = dic.prefixes
    abroad = abroad or {}
    out, n, free = [], len(doc), 0  # free: the first token after the last name taken
    for i in _name_starts(ft, dic.first_words):
        if i < free:
            continue
        hits, key = [], ""
        for j in range(i, min(n, i + MAX_SPAN_TOKENS)):
            if ft[j]:
                key = f"{key} {ft[j]}" if key else ft[j]
            if key not in prefixes:
                break
            eid = dic.index.get(key)
            if eid and ft[j]:
                hits.append((j + 1, dic.entries[eid]))
        # the longest hit that looks like a name; else a shorter one: "the Islamic State group" (an alias with a
        # lower-case word, no name as written) is still "Islamic State"
        for end, entry in reversed(hits):
            if entry.kind == "person" and in_place_name(doc, i, end, dic, ft):
                break  # "a checkpoint in Dera Ismail Khan": a town named after someone
            span_blocked = all(k in blocked for k in range(i, end))  # a name that is only a place
            if span_blocked and entry.curated and doc[i].ent_type_ in ("ORG", "NORP"):
                span_blocked = False  # "Hamas" the movement, whatever a town of that name
            if entry.kind == "country" and (span_blocked and is_other_country_place(i, end, entry, abroad)
                                            or part_of_longer_name(doc, i, end, dic, ft)
                                            or in_regional_adjective(ft, i, end, dic)):
                free = end  # "Georgia" the US state: the places stage's place, no country actor
                break
            if (not span_blocked or entry.kind == "country") and valid_name_span(doc, i, end, entry):
                out.append(Mention(i, end, entry.kind, entry, "DICT"))
                free = end
                break
    return out


def _name_starts(ft: list[str], first_words: frozenset[str]) -> list[int]:
    """The tokens a dictionary name may start at (its first word is the first word of some name)."""
    return [i for i, w in enumerate(ft) if w and w != "the" and w.partition(" ")[0] in first_words]


def strip_title(doc: Doc, start: int, end: int, dic: Dictionary, ft: list[str]) -> tuple[int, str | None, str | None]:
    """Skip determiners and titles at the front of a name: returns (new start, role, sector)."""
    role = sector = None
    while start < end:
        if doc[start].lower_ in ("the", "a", "an") or not ft[start]:
            start += 1
            continue
        hit = None
        for j in range(min(end - 1, start + 4), start, -1):  # leave at least one token of name
            key = " ".join(x for x in ft[start:j] if x)
            if key in dic.titles:
                hit = j
                break
        if hit is None:
            break
        r, s = dic.titles[" ".join(x for x in ft[start:hit] if x)]
        role, sector = (r or role), (s or sector)
        start = hit
    return start, role, sector


def trim_end(doc: Doc, start: int, end: int) -> int:
    while end > start and (doc[end - 1].tag_ == "POS" or doc[end - 1].is_punct or doc[end - 1].text == ">"):
        end -= 1  # (">": Reuters' bracket round a company's name, bracketed_names)
    return end


def is_place_name(text_folded: str, dic: Dictionary) -> bool:
    return text_folded in dic.places and text_folded not in dic.index


def entity_mentions(doc: Doc, record: Record, dic: Dictionary, ft: list[str], taken: set[int],
                    blocked: set[int], named: dict[str, tuple[str, int]]) -> list[Mention]:
    """Mentions from spaCy entities that the dictionary did not cover."""
    out = []
    surnames = {k: full for k, (full, _) in named.items()}
    since = {k: first for k, (_, first) in named.items()}  # a short form refers back to a full name, never forward
    dateline = fold(record.dateline) if record.dateline else None
    for ent in ents(doc):
        if any(k in taken for k in range(ent.start, ent.end)):
            continue
        if ent.label_ in ("PRODUCT", "WORK_OF_ART") and named_by_org_noun(doc, ent.start, ent.end):
            out.append(Mention(ent.start, trim_end(doc, ent.start, ent.end), "organization", None, ent.label_))
            continue  # «shipping firm Maersk» tagged as a product: the firm's name
        if ent.label_ not in ENT_KINDS:
            continue
        if ent.label_ == "PERSON" and _inside_agent_phrase(ent, dic, ft):
            continue  # "Riot police ..." at the start of a sentence: a capitalised generic agent, not a person "Riot"
        if ent.label_ == "ORG" and (_ends_title(ent, dic, ft) or _begins_title(ent, dic, ft)):
            continue  # "State" of "Secretary of State Marco Rubio", "Defence" of "Defence Secretary X": an office
        start, role, sector = strip_title(doc, ent.start, ent.end, dic, ft)
        end = trim_end(doc, start, with_particle_surname(doc, ft, ent.end) if ent.label_ == "PERSON" else ent.end)
        if start >= end:
            continue
        name = " ".join(x for x in ft[start:end] if x)
        if role and ent.label_ != "PERSON" and name not in surnames:
            entry = dic.entries.get(dic.index.get(name, ""))
            if entry is None or entry.kind != "person":  # "General Motors", "Marshall Islands": no title
                start, role, sector = ent.start + (doc[ent.start].lower_ == "the"), None, None
                name = " ".join(x for x in ft[start:end] if x)
        if not name or not any(doc[k].text[:1].isupper() for k in range(start, end)):
            continue
        if ent.label_ == "PERSON" and in_place_name(doc, start, end, dic, ft):
            continue  # "in Dera Ismail Khan": a place
        title_start = ent.start if start > ent.start and role else None
        if name in surnames and start > since[name]:  # a known person's short form, whatever the model called it
            out.append(Mention(start, end, "person", None, ent.label_, title_start, role, sector))
            continue
        if ent.label_ in ("GPE", "PERSON", "ORG") and name in dic.capitals and capital_as_actor(doc[start:end]):
            entry = dic.entries.get(f"country:{dic.capitals[name]}")
            if entry is not None:  # "Baku said", "talks with Washington": the government by its capital
                out.append(Mention(start, end, "country", entry, "CAPITAL"))
                continue
        if all(k in blocked for k in range(start, end)) or name == dateline or is_place_name(name, dic):
            continue
        entry = dic.entries.get(dic.index.get(name, "")) if name in dic.index else None
        if entry is not None and entry.kind == "country" and (part_of_longer_name(doc, start, end, dic, ft)
                                                               or in_regional_adjective(ft, start, end, dic)):
            continue  # "ISRAEL Adesanya": a word of a longer name, as the dictionary's matches read it
        if entry is not None:
            out.append(Mention(start, end, entry.kind, entry, ent.label_, title_start, role, sector))
        elif end - start == 1 and doc[start].pos_ == "NOUN" and ent.label_ != "PERSON":
            continue  # "Viruses", "Islamophobia": a common noun the model took for a name
        elif ent.label_ == "PERSON" and named_by_org_noun(doc, start, end):
            out.append(Mention(start, end, "organization", None, ent.label_, title_start, role, sector))
        elif ent.label_ == "PERSON" or ent.label_ == "ORG" and (_titled_name(doc, start, end, dic, ft)
                                                             or _sports_person(doc, start, end, dic, ft)):
            out.append(Mention(start, end, "person", None, ent.label_, title_start, role, sector))
        elif ent.label_ == "ORG" and not doc[start:end].text.isupper() or ent.label_ == "ORG" and end - start > 1:
            out.append(Mention(start, end, "organization", None, ent.label_, title_start, role, sector))
        elif ent.label_ == "ORG" and len(doc[start].text) <= 6:  # an acronym
            out.append(Mention(start, end, "organization", None, ent.label_, title_start, role, sector))
    return out


ORG_NOUN_CLASSES = frozenset({"org", "orgname", "trade"})


def named_by_org_noun(doc: Doc, start: int, end: int) -> bool:
    """«environmental group Transport 2000», «his company Scott Free»: a name the model calls a person's,
    in apposition to (or compounded with) a noun for an organisation right before it
    (``data/description_heads.tsv``), is the organisation's ("company chairman Ann Lee" and "the firm's
    Ann Lee" put another word between)."""
    if start == 0:
        return False
    prev = doc[start - 1]
    if prev.pos_ != "NOUN" or not prev.text.islower() or description_heads().get(prev.lemma_.lower()) not in ORG_NOUN_CLASSES:
        return False
    return start <= prev.head.i < end or any(doc[k].dep_ == "appos" and doc[k].head.i == prev.i for k in range(start, end))


def capital_as_actor(span) -> bool:
    """A capital city that acts or is acted on (subject, object, agent), not a location."""
    root = span.root
    while root.dep_ == "conj" and root.head is not root:  # "asked Tehran and Damascus"
        root = root.head
    if root.dep_ in ("nsubj", "nsubjpass", "dobj"):
        return True
    if root.dep_ == "poss":
        return policy_of_capital(root.head)
    return root.dep_ == "pobj" and root.head.lower_ in ("by", "with", "against", "to", "from") and root.head.head.pos_ in ("VERB", "NOUN")


POLICY_DEPS = frozenset({"compound", "prep", "acl", "relcl"})


def policy_of_capital(noun) -> bool:
    """"WASHINGTON's Taiwan arms sales", "MOSCOW's support for the rebels": a capital's act or policy (a noun
    that says what of, for or to whom) is its government's; not "Kabul's residents", "London's mayor", "the
    city's streets" (people, office holders and places of the city: a noun with nothing of its own)."""
    if noun.pos_ != "NOUN" or fold(noun.lemma_) in place_words():
        return False
    return any(c.dep_ in POLICY_DEPS for c in noun.children)


def full_names_at(doc: Doc, dic: Dictionary, ft: list[str], mentions: list[Mention]) -> dict[str, tuple[str, int]]:
    """Short form (folded) -> (folded full name, first token of the first full name with that short form), for person
    names of two or more words: the surname ("pen" and, with its particles, "le pen"; "von der leyen")."""
    out: dict[str, tuple[str, int]] = {}
    candidates = [(m.start, m.end) for m in mentions if m.kind == "person"]
    for ent in ents(doc):
        if ent.label_ == "PERSON":
            s, _, _ = strip_title(doc, ent.start, ent.end, dic, ft)
            candidates.append((s, trim_end(doc, s, with_particle_surname(doc, ft, ent.end))))
    for s, e in candidates:
        while e > s + 1 and POSSESSIVE.fullmatch(doc[e - 1].text):
            e -= 1  # "Jeanine Durning’s": Durning
        words = [x for x in ft[s:e] if x]
        if len(words) >= 2 and all(doc[k].text[:1].isupper() or not doc[k].is_alpha or ft[k] in NAME_CONNECTORS for k in range(s, e)):
            full = " ".join(words)
            for short in surname_forms(words):
                if short not in out:
                    out[short] = (full, s)
                elif s < out[short][1]:  # the first full name of that surname, whoever's, opens its short form
                    out[short] = (out[short][0], s)
    return out


def in_regional_adjective(ft: list[str], start: int, end: int, dic: Dictionary) -> bool:
    """A country's adjective at [start, end) that ends a region's ("South AMERICAN countries", "Latin AMERICAN
    leaders"): the region, no mention of the country."""
    found = region_at(ft, end - 1, dic.demonyms)
    return found is not None and found[1] < start


def function_word_names(doc: Doc, ft: list[str], dic: Dictionary, taken: set[int]) -> list[Mention]:
    """Names that begin with an English function word ("Vietnamese leader To Lam", "To Lam said"): a capitalised stop
    word inside a sentence before a capitalised proper noun, where a title ends before it or the model finds a person's
    name in the second word; every occurrence of the two words (the start of a sentence too) is that person."""
    words, pos = column(doc, "text"), column(doc, "pos_")
    pairs = set()
    for i in range(1, len(doc) - 1):
        if (words[i].istitle() and len(words[i]) > 1 and pos[i + 1] == "PROPN" and words[i + 1].istitle()
                and not doc[i].is_sent_start and doc[i].is_stop and words[i - 1] not in ('"', "“", "(", ":", "-")
                and (doc[i + 1].ent_type_ == "PERSON" or _title_before(doc, ft, i, dic) is not None)):
            pairs.add((ft[i], ft[i + 1]))
    out = []
    for i in range(len(doc) - 1):
        if (ft[i], ft[i + 1]) in pairs and words[i].istitle() and i not in taken and i + 1 not in taken:
            title = _title_before(doc, ft, i, dic)  # "leader To Lam met": the parser may make the title the subject
            m = Mention(i, i + 2, "person", None, "NAME")
            if title is not None and title not in taken:
                m.title_start = title
                m.role, m.role_sector = dic.titles[" ".join(x for x in ft[title:i] if x)]
            out.append(m)
    return out


def _title_before(doc: Doc, ft: list[str], end: int, dic: Dictionary) -> int | None:
    """First token of a title of the dictionary that ends right before ``end`` ("Vietnamese LEADER To Lam")."""
    for s in range(max(0, end - 4), end):
        if " ".join(x for x in ft[s:end] if x) in dic.titles:
            return s
    return None


POSSESSIVE = re.compile(r"[’']s?")


def with_particle_surname(doc: Doc, ft: list[str], end: int) -> int:
    """The end of a person's name the model cut after a surname particle ("[Marine Le] Pen"): the capitalised words
    after the particle belong to the name."""
    while 0 < end < len(doc) and ft[end - 1] in SURNAME_PARTICLES and doc[end].pos_ == "PROPN" \
            and doc[end].text[:1].isupper():
        end += 1
    return end


SURNAME_PARTICLES = frozenset("de del della da di du dos das van von der den le la ter ten".split())


def surname_forms(words: list[str]) -> list[str]:
    """The short forms of a full name (folded words) a later mention may use: the last word, and the last word with
    the particles before it ("marine le pen" -> "pen", "le pen"; "ursula von der leyen" -> "leyen", "von der leyen")."""
    out = [words[-1]]
    k = len(words) - 1
    while k > 1 and words[k - 1] in SURNAME_PARTICLES:
        k -= 1
    if k < len(words) - 1:
        out.append(" ".join(words[k:]))
    return out


def surname_tokens(doc: Doc, ft: list[str], taken: set[int], named: dict[str, tuple[str, int]], dic: Dictionary) -> list[Mention]:
    """Bare surnames of known people that no entity covers ("Ghani said"), after the full name."""
    out = []
    text, ent_type = column(doc, "text"), column(doc, "ent_type_")
    for i, folded in enumerate(ft):
        if i in taken or folded not in named or i <= named[folded][1] or not text[i][:1].isupper() or ent_type[i]:
            continue
        out.append(Mention(i, i + 1, "person", None, "SURNAME"))  # titles before it are read by roles.before
    return out


def _inside_agent_phrase(ent, dic: Dictionary, ft: list[str]) -> bool:
    """ENT's words begin a longer generic agent phrase of the dictionary ("riot police", "border guard").
    Only PERSON entities are tested: an organisation ("the Treasury" of "Treasury Secretary") is one."""
    for extra in (1, 2):
        end = ent.end + extra
        if end <= len(ft) and " ".join(ft[ent.start:end]) in dic.agents:
            return True
    return False


def _begins_title(ent, dic: Dictionary, ft: list[str]) -> bool:
    """A one-word ENT that begins an office of the dictionary's titles with the words after it ("Defence Secretary",
    "Finance Minister"), and is no name the dictionary knows: the office's word, no organisation of that name."""
    if ent.end - ent.start != 1 or ft[ent.start] in dic.index:
        return False
    return any(" ".join(x for x in ft[ent.start:e] if x) in dic.titles for e in range(ent.end + 1, min(len(ft), ent.end + 3) + 1))


def _ends_title(ent, dic: Dictionary, ft: list[str]) -> bool:
    """ENT's words end an office of the dictionary's titles with the words before them ("Secretary of State",
    "Chief of Staff"): the office's own word, no organisation of that name."""
    for s in range(max(0, ent.start - 3), ent.start):
        if " ".join(x for x in ft[s:ent.end] if x) in dic.titles:
            return True
    return False


def recognize(doc: Doc, record: Record, dic: Dictionary) -> list[Mention]:
    ft = folded_tokens(doc)
    blocked = blocked_tokens(doc, record, dic, ft)
    mentions = dictionary_matches(doc, dic, ft, blocked, placed_abroad(doc, record))
    known = [m for m in mentions if m.kind == "person"]  # "Mr Tony Blair": the dictionary's person
    titled = [t for t in honorific_names(doc) if not any(t.start < m.end and m.start < t.end for m in known)]
    # "Mr Banda", "Mr Kenya, a shopkeeper": a person, never a town or a country
    mentions = [m for m in mentions if not any(t.start < m.end and m.start < t.end for t in titled)] + titled
    mentions.sort(key=lambda m: m.start)
    named = full_names_at(doc, dic, ft, mentions)
    # a dictionary person hit strictly inside a longer PERSON entity yields to the entity
    keep = []
    for m in mentions:
        ent = doc[m.start].ent_type_ == "PERSON" and _entity_of(doc, m.start)
        if m.kind == "person" and ent and (ent.end - ent.start) > (m.end - m.start) and m.entry is not None and not m.entry.curated:
            continue
        if m.kind == "country" and (_begins_longer_name(doc, m, dic, ft) or _ends_longer_name(doc, m, dic, ft)
                                    or _in_person_name(doc, m, dic, ft)):
            continue
        keep.append(m)
    mentions = keep
    follow_place_countries(doc, record, dic, mentions)
    for m in mentions:
        if m.kind == "person":
            attach_inner_title(doc, m, dic, ft)
    taken = {k for m in mentions for k in range(m.first, m.end)}
    mentions += function_word_names(doc, ft, dic, taken)
    taken = {k for m in mentions for k in range(m.first, m.end)}
    mentions += entity_mentions(doc, record, dic, ft, taken, blocked, named)
    taken = {k for m in mentions for k in range(m.first, m.end)}
    mentions += bracketed_names(doc, dic, ft, taken)
    taken = {k for m in mentions for k in range(m.first, m.end)}
    mentions += surname_tokens(doc, ft, taken, named, dic)
    mentions.sort(key=lambda m: m.start)
    return mentions


BRACKET_WIDTH = 8  # the most words between "<" and ">" read as one company's name


def bracketed_names(doc: Doc, dic: Dictionary, ft: list[str], taken: set[int]) -> list[Mention]:
    """Reuters' markup of company names, «shares of <Norvik Steel Corp> fell»: the capitalised words between angle
    brackets are an organisation's name (the dictionary's entry when it knows the name), whatever the model tagged
    them; a stock code in brackets after a name («Peugeot SA <PEUP.P>», one word) is no second name."""
    out = []
    words = column(doc, "text")
    for i, w in enumerate(words):
        if w != "<":
            continue
        close = next((k for k in range(i + 1, min(len(doc), i + BRACKET_WIDTH + 2)) if words[k] == ">"), None)
        if close is None or close == i + 1 or any(k in taken for k in range(i + 1, close)):
            continue
        inner = words[i + 1:close]
        if not inner[0][:1].isupper() or any(x[:1].islower() and x not in ("of", "and", "de", "du") for x in inner):
            continue
        if len(inner) == 1 and ("." in inner[0] or inner[0].isupper()):
            continue  # a stock code
        name = " ".join(x for x in ft[i + 1:close] if x)
        entry = dic.entries.get(dic.index.get(name, "")) if name in dic.index else None
        if entry is not None and entry.kind not in ("organization", "group"):
            continue
        out.append(Mention(i + 1, close, "organization", entry, "BRACKET" if entry is None else "DICT"))
    return out


def honorific_names(doc: Doc) -> list[Mention]:
    """The capitalised proper nouns right after an honorific ("Mr Banda", "Dr. Okafor", "Ms Ellen Barrow"): a person's
    name, whatever else the words name ("Mr Kenya, a shopkeeper" is no country; "Mr Banda" no town in India). The
    mention is the name without the honorific; a name the dictionary knows is read by its longer match as before."""
    out = []
    words, pos = column(doc, "text"), column(doc, "pos_")
    for i in range(len(doc) - 1):
        if words[i].lower().rstrip(".") not in HONORIFICS or not words[i][:1].isupper():
            continue
        start = i + 1 + (words[i + 1] == ".")
        end = start
        while end < len(doc) and end - start < 3 and pos[end] == "PROPN" and words[end].istitle() and words[end].isalpha():
            end += 1
        if end > start:
            out.append(Mention(start, end, "person", None, "HONORIFIC"))  # the name alone, as a tagged "Mr X" is
            if end - start == 1:
                out += _full_name_before(doc, start, out)  # "Sundar Katwala said ... Mr Katwala added"
    return out


def _full_name_before(doc: Doc, i: int, found: list[Mention]) -> list[Mention]:
    """The first earlier "Given SURNAME" of the surname at token I that an honorific names later: two capitalised
    proper nouns, the first no honorific and no sentence's first word (the model may have missed that full name)."""
    words, pos = column(doc, "text"), column(doc, "pos_")
    for k in range(1, i):
        if (words[k] == words[i] and pos[k] == pos[k - 1] == "PROPN" and words[k - 1].istitle()
                and words[k - 1].isalpha() and words[k - 1].lower() not in HONORIFICS and not doc[k - 1].is_sent_start
                and not any(m.start <= k < m.end for m in found)):
            return [Mention(k - 1, k + 1, "person", None, "HONORIFIC")]
    return []


def _titled_name(doc: Doc, start: int, end: int, dic: Dictionary, ft: list[str]) -> bool:
    """«NDLEA spokesman Femi Babafemi» tagged as an organisation: two or three capitalised words right after
    a person's office (a title of the dictionary with a role, not an honorific) and none of them a word
    that names a body ("Agency", "Council": ``data/org_heads.tsv``) is a person."""
    from eventwatch.actors.lexicon import org_heads

    if not 2 <= end - start <= 3 or not all(doc[k].pos_ == "PROPN" and doc[k].text.istitle() for k in range(start, end)):
        return False
    if any(ft[k] in org_heads() or ft[k] in dic.agents for k in range(start, end)):
        return False
    for s in range(max(0, start - 3), start):
        key = " ".join(x for x in ft[s:start] if x)
        if key in dic.titles and dic.titles[key][0]:
            return True
    return False


def _sports_person(doc: Doc, start: int, end: int, dic: Dictionary, ft: list[str]) -> bool:
    """«Real Madrid striker Kylian Mbappe», «X, the Arsenal manager,» tagged as an organisation: two or three
    capitalised words, none a word that names a body, right after a sports person's role noun
    (``data/sport_roles.txt``) or with one in apposition; in an article that uses such nouns, also a name that
    opens with a known given name ("Kylian Mbappe said" in a football story)."""
    from eventwatch.actors.lexicon import org_heads, sport_heads, sport_roles

    if not 2 <= end - start <= 3 or not all(doc[k].pos_ == "PROPN" and doc[k].text.istitle() for k in range(start, end)):
        return False
    if any(ft[k] in org_heads() or ft[k] in dic.agents or ft[k] in sport_heads() for k in range(start, end)):
        return False
    roles = sport_roles()
    if start > 0 and doc[start - 1].lower_ in roles:
        return True  # "striker Kylian Mbappe", "Manchester City manager Pep Guardiola"
    root = doc[start:end].root
    if any(c.dep_ == "appos" and c.lower_ in roles for c in root.children):
        return True  # "Mbappe, the France striker,"
    return ft[start] in first_names() and any(t.lower_ in roles for t in doc)


def follow_place_countries(doc: Doc, record: Record, dic: Dictionary, mentions: list[Mention]) -> None:
    """A country's name the places stage resolved to another country ("eastern Congo" beside Goma and Uvira: the
    DR Congo, not the Republic of the Congo) is that country's mention too, when another place of the article in
    that country backs the reading (a bare "Congo" keeps the dictionary's): the two stages agree."""
    spans = [(place.country, s, e) for place in record.places if place.feature == "country" and place.country
             and any(q.id != place.id and q.country == place.country for q in record.places)
             for s, e in place.mentions]
    if not spans:
        return
    for m in mentions:
        if m.kind != "country" or m.entry is None or not m.entry.roles:
            continue
        s, e = doc[m.start].idx, doc[m.end - 1].idx + len(doc[m.end - 1].text)
        other = next((c for c, ps, pe in spans if ps <= s and e <= pe), None)
        entry = dic.entries.get(f"country:{other}") if other and other != m.entry.roles[0].country else None
        if entry is not None:
            m.entry = entry


def _in_person_name(doc: Doc, m: Mention, dic: Dictionary, ft: list[str]) -> bool:
    """A country's name that is a word of a person's name the model found ("Michael JORDAN", "Lloyd CHAD"): the
    person's, not the country's. The other words of the name are capitalised proper nouns, none a title, a country's
    word or a possessive ("Jordan's King Abdullah" is the country's king)."""
    ent = _entity_of(doc, m.start)
    if ent is None or ent.label_ != "PERSON" or ent.end - ent.start <= m.end - m.start:
        return False
    rest = [k for k in range(ent.start, ent.end) if not m.start <= k < m.end]
    return all(doc[k].pos_ == "PROPN" and doc[k].text[:1].isupper() and ft[k] not in dic.titles
               and ft[k] not in dic.index and doc[k].tag_ != "POS" for k in rest)


NAME_MIN_TOKENS = 3  # "Kenya Wildlife Service": a country that begins a name of three words or more is the name's


def _begins_longer_name(doc: Doc, m: Mention, dic: Dictionary, ft: list[str]) -> bool:
    """A country that only begins a body's name the tagger read as one organisation ("the Kenya Wildlife
    Service", "Ghana Revenue Authority"): the name is the actor, its country read off the name; not "US Army"
    (two words: the country's own force), not the country and an agent noun ("Lebanon Central Bank": that
    country's central bank), nor a name the dictionary knows (its longer match wins before)."""
    ent = _entity_of(doc, m.start)
    if ent is None or ent.label_ != "ORG":
        return False
    start = ent.start + (doc[ent.start].lower_ == "the")
    rest = doc[m.end:ent.end]
    return (start == m.start and ent.end - start >= NAME_MIN_TOKENS and len(rest) >= 2
            and all(t.text[:1].isupper() or t.lower_ in NAME_CONNECTORS for t in rest)
            and " ".join(x for x in ft[m.end:ent.end] if x) not in dic.agents)


OF_NAME_MIN_WORDS = 2  # "Public Service Alliance of Canada": two words or more before "of <country>"


def _ends_longer_name(doc: Doc, m: Mention, dic: Dictionary, ft: list[str]) -> bool:
    """A country that only ends a body's name after "of", the whole read as one organisation ("the Public
    Service Alliance of Canada", "the Teachers Federation of Kenya"): the body is the actor, not the country
    (a union on strike is no state on strike); not a name the dictionary knows ("Government of Kenya",
    "Republic of Korea": its longer match wins before), nor one word or an agent noun before "of" ("Bank of
    Mexico", "Central Bank of Nigeria": that country's own institution)."""
    ent = _entity_of(doc, m.start)
    if ent is None or ent.label_ != "ORG" or m.end != ent.end or m.start < 1 or doc[m.start - 1].lower_ != "of":
        return False
    start = ent.start + (doc[ent.start].lower_ == "the")
    head = doc[start:m.start - 1]
    return (len(head) >= OF_NAME_MIN_WORDS and all(t.text[:1].isupper() or t.lower_ in NAME_CONNECTORS for t in head)
            and " ".join(x for x in ft[start:m.start - 1] if x) not in dic.agents)


def attach_inner_title(doc: Doc, m: Mention, dic: Dictionary, ft: list[str]) -> None:
    """"Marshal Dostum" tagged as one entity: the title joins the mention and gives its role."""
    ent = _entity_of(doc, m.start)
    if ent is None or ent.start >= m.start:
        return
    s, role, sector = strip_title(doc, ent.start, m.end, dic, ft)
    if s == m.start and role:
        m.title_start, m.role, m.role_sector = ent.start, role, sector


def _entity_of(doc: Doc, i: int):
    for ent in ents(doc):
        if ent.start <= i < ent.end:
            return ent
    return None
