"""Scope: no event without a political party.

An event needs at least one political party as source or target: a state body, officials, legislators, parties,
military, police, courts, IGOs, NGOs, armed groups, protesters, unions (docs/annotation/events.md §1). Civilians
and firms count only as victims or objects of violence or state action. Two rules apply this with what the
actor stage knows (the data are ``data/scope.tsv``):

* **The article's subject.** In an article whose words are those of sport, entertainment or consumer
  technology (a share of its tokens at least ``THRESHOLD``), the people and organisations the actor stage
  cannot place are mostly players, clubs, stars and firms: there an event is kept only on positive evidence
  of a party, a side whose sector is a party's (``party`` rows: GOV, MIL, COP, ...). A country named alone
  does not count there (in sport it is a team: "England beat Wales"). So a minister's boycott of a match stays,
  and a federation's doping ban, a club's complaint or a studio's release do not.
* **The dyad.** Anywhere, an act done by a side known to be no party (civilians, firms, media, criminals: the
  ``private`` rows) to no party is no event ("the firm bought its rival", "a man stabbed his neighbour"),
  except a protest (CAMEO 14), which makes its doers protesters (for all their acts in the sentence); a demand,
  rejection or threat (10, 12, 13) with no target named (it is addressed to someone in authority); and
  violence by people named as using force ("a mob beat two journalists"). Violence by a private individual (a
  person with no office or sector) to no party is ordinary crime too ("John Smith went on a rampage, killing four").
* **One body.** Cooperation (CAMEO 03, 04, 06-08) between two sides with the same code of a state's hierarchy
  (``state`` rows: "GBRGOV" and "GBRGOV") is the body's own business, routine administration in the guide's
  words ("the chancellor discussed the campaign with the prime minister", "the three mayors agreed"). Praise and
  endorsement (05), criticism, demands and coercion between them stay events.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Doc

from eventwatch.actors.codes import parse_code
from eventwatch.model import Actor, Event
from eventwatch.nlp.cache import column, lemma_lower

THRESHOLD = 0.025        # share of an article's word tokens; BBC non-test articles: 91 % of sport, 92 % of
MIN_HITS = 4             # entertainment, 86 % of tech above it, 1 of 168 politics and 7 of 200 Reuters
TRANSNATIONAL_PARTIES = ("IGO", "NGO", "IMG", "NGM")
PROTEST_ROOT = "14"
VIOLENCE_ROOTS = frozenset({"18", "19", "20"})
ARMED_GROUP_SECTORS = frozenset({"REB", "INS", "UAF", "SEP", "RAD", "IMG"})  # CAMEO sectors of armed non-state groups
# demands, rejections, threats, protests: with no target named they are addressed to someone in authority
# ("residents threatened a general strike unless the decree is withdrawn"); criticism and lawsuits (11) need one
CONTESTING_ROOTS = frozenset({"10", "12", "13", "14"})
# cooperation inside one body; praise and endorsement (05) are public stances and stay events ("the prime minister
# backed the chancellor's report")
COOPERATION_ROOTS = frozenset({"03", "04", "06", "07", "08"})


@dataclass(frozen=True)
class ScopeWords:
    domains: dict[str, frozenset[str]]
    party: frozenset[str]
    private: frozenset[str]
    state: frozenset[str] = frozenset()
    targeted: frozenset[str] = frozenset()
    militant: frozenset[str] = frozenset()
    stateact: frozenset[str] = frozenset()


@lru_cache(maxsize=1)
def load_scope(path: str | None = None) -> ScopeWords:
    from eventwatch.resources import read_rows

    src = Path(path) if path else Path(__file__).parent / "data" / "scope.tsv"
    kinds: dict[str, set[str]] = {}
    for _, (kind, word) in read_rows(src, columns=2):
        kinds.setdefault(kind.strip(), set()).add(word.strip().lower())
    party = frozenset(w.upper() for w in kinds.pop("party", ()))
    private = frozenset(w.upper() for w in kinds.pop("private", ()))
    state = frozenset(w.upper() for w in kinds.pop("state", ()))
    targeted = frozenset(w.upper() for w in kinds.pop("targeted", ()))
    militant = frozenset(kinds.pop("militant", ()))
    stateact = frozenset(kinds.pop("stateact", ()))
    return ScopeWords({k: frozenset(v) for k, v in kinds.items()}, party, private, state, targeted, militant, stateact)


def article_domain(doc: Doc, words: ScopeWords | None = None) -> str | None:
    """'sport', 'entertainment' or 'tech' when that many of the article's word tokens are that kind's; else None."""
    words = words or load_scope()
    hits = dict.fromkeys(words.domains, 0)
    alpha, lower, lemma = column(doc, "is_alpha"), column(doc, "lower_"), lemma_lower(doc)
    n = 0
    for i, is_word in enumerate(alpha):
        if not is_word:
            continue
        n += 1
        for kind, ws in words.domains.items():
            if lemma[i] in ws or lower[i] in ws:
                hits[kind] += 1
    if not n:
        return None
    kind = max(hits, key=hits.get)
    return kind if hits[kind] >= MIN_HITS and hits[kind] / n >= THRESHOLD else None


def sectors(actor: Actor | None) -> set[str]:
    """The actor's sector codes, from its sectors and its CAMEO code ("GBRCOP" -> {"COP"})."""
    if actor is None:
        return set()
    parsed = parse_code(actor.code) if actor.code else None
    return set(actor.sector or ()) | set(parsed.sectors if parsed else ())


def is_party(actor: Actor | None, words: ScopeWords) -> bool:
    """A side whose sector (or transnational type, "IGO...", "NGO...") is a political party's."""
    return bool(sectors(actor) & words.party) or (actor is not None and (actor.code or "").startswith(TRANSNATIONAL_PARTIES))


def is_private(actor: Actor | None, words: ScopeWords) -> bool:
    """A side known to be no party: it has sectors and all are private ones (civilians, firms, media, criminals)."""
    secs = sectors(actor)
    return bool(secs) and secs <= words.private and not is_party(actor, words)


def protesters(events: list[Event]) -> set[str]:
    """The sources of a sentence's protests (CAMEO 14): protesters, a party for their other acts in the sentence
    ("thousands blocked streets to demand reforms", "prisoners rioted, setting fire to their mattresses")."""
    return {e.source for e in events if e.root == PROTEST_ROOT and e.source}


def in_scope(event: Event, actors: dict[str, Actor], domain: str | None, protesting: set[str] = frozenset(),
             words: ScopeWords | None = None, text: str = "") -> bool:
    """Whether EVENT has the political party the event set's scope asks for (see the module docstring);
    PROTESTING holds the ids of the sentence's protesters (:func:`protesters`)."""
    words = words or load_scope()
    src, tgt = actors.get(event.source or ""), actors.get(event.target or "")
    if domain is not None:
        return is_party(src, words) or is_party(tgt, words) or state_act(event, text, words)
    if event.source in protesting or tgt is None and event.root in CONTESTING_ROOTS:
        return True
    if event.root in COOPERATION_ROOTS and _one_body(src, tgt, words):
        return False
    if is_private(src, words) and (tgt is None or is_private(tgt, words)):
        return event.root in VIOLENCE_ROOTS and _armed(src, text)
    if event.root in VIOLENCE_ROOTS and _private_person(src) and not _armed(src, text) \
            and (tgt is None or is_private(tgt, words) or _private_person(tgt)) \
            and not sectors(tgt) & words.targeted and not _described_militant(src, actors, text, words):
        # "John Smith, 45, went on a rampage, killing four residents": ordinary crime (the guide, §1); not violence
        # against a religious or ethnic group, nor by a person described as an extremist or a member of an armed group
        return False
    return True


ARREST_CODE = "173"


def state_act(event: Event, text: str, words: ScopeWords) -> bool:
    """An arrest or detention (CAMEO 173) whose trigger word is one of the acts only the state does (``stateact``
    rows): the police or a court is its doer, named or not."""
    if event.cameo != ARREST_CODE or not text:
        return False
    word = text[event.trigger[0]:event.trigger[1]].lower()
    return word in words.stateact


DESCRIPTION_CHARS = 90  # the longest set-off description read after a person's name


def _described_militant(person: Actor, actors: dict[str, Actor], text: str, words: ScopeWords) -> bool:
    """PERSON's description set off by commas after a mention of the name (an appositive, a relative clause) names
    them a militant ("Jan Novak, a far-right EXTREMIST,") or names an armed group ("Ali Hassan, who had joined the
    ISLAMIC STATE,"): their violence is political."""
    for start, end in person.mentions:
        if not text.startswith(",", end):
            continue
        close = text.find(",", end + 1, end + 1 + DESCRIPTION_CHARS)
        if close < 0:
            continue
        said = text[end + 1:close].lower().replace("-", " ").split()
        if any(w in words.militant or w.rstrip("s") in words.militant for w in said):
            return True
        if any(a is not person and sectors(a) & ARMED_GROUP_SECTORS and any(end < s < close for s, _ in a.mentions)
               for a in actors.values()):
            return True
    return False


def _private_person(actor: Actor | None) -> bool:
    """One person the actor stage knows no office, sector or group of: a private individual ("John Smith, 45")."""
    return actor is not None and actor.kind == "person" and not sectors(actor) and not actor.affiliation


def _one_body(src: Actor | None, tgt: Actor | None, words: ScopeWords) -> bool:
    """Both sides carry the same code, and it names a sector of a state's hierarchy ("GBRGOV" and "GBRGOV")."""
    if src is None or tgt is None or not src.code or src.code != tgt.code:
        return False
    parsed = parse_code(src.code)
    return bool(parsed and parsed.country and set(parsed.sectors) & words.state)


def _armed(actor: Actor, text: str = "") -> bool:
    """A side named as people who use force ("a mob", "a gang of youths", "gunmen"): their violence is
    political violence, not a private quarrel (the word list is events/data/literal.tsv's "armed"). An
    unnamed group is judged by the words the article used (TEXT at its first mention), not by its
    canonical name ("civilians (Kenya)")."""
    from eventwatch.actors.labels import said_words
    from eventwatch.events.literal import load_words

    armed = load_words().armed
    return any(w in armed or w.rstrip("s") in armed for w in said_words(actor, text).lower().split())
