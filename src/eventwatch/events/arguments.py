"""Source and target: which actors of ``record.actors`` did the action, and to whom.

Actors come from the document's people table (``actors/mentions.py``), which maps them to token positions. The
finders follow the dependency parse: subjects and objects with their conjuncts (compound actors), the
passive "by" agent, possessives and "of" phrases ("the governor of Balkh"), subjects shared by
coordinated or controlled verbs ("have made progress and TAKEN control"; "vowed to RESIST"), relative
pronouns ("who fought"), and pronoun subjects of reported clauses ("X announced that THEY will resist").
Acts named in another clause's phrase ("retook the town AFTER fighting WITH Y", "ANNOUNCED the expulsion of Y",
"won the backing OF Y"), participles of asking after a letter or call ("wrote to Y DEMANDING"), the doer's own group
as the means ("withdrew ITS troops FROM Y") and complaints lodged with a third party ("complained TO the UN OVER Y's
raids") are read here too; the verbs that decide them are data (data/argument_verbs.tsv).
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Callable

from spacy.tokens import Doc, Token

from eventwatch.actors.lexicon import entourage, relation_nouns  # the people table's roles (actors/data/entourage.tsv)
from eventwatch.actors.people import PeopleTable
from eventwatch.nlp.marks import same_quote

PRONOUNS = {"he", "she", "they", "it", "we", "i", "who", "which", "that"}
PERSONAL = {"he", "she"}  # one person: never a plural noun's
PLURAL_TAGS = ("NNS", "NNPS")
TARGET_PREPS = {"against", "on", "with", "to", "at", "from", "toward", "towards", "upon", "into", "over", "between",
                "of", "for"}
SUBJ = ("nsubj", "csubj", "expl")
RELATIVES = {"who", "which", "that"}
CLAUSE_PREPS = {"after", "before", "by", "while", "since", "upon", "on", "without", "despite", "through", "when"}
# "X spoke BEFORE meeting Y": a gerund after these is done by the clause's subject (not after "accused Y OF
# doing", "thanked Y FOR helping", "warned Y AGAINST attacking", whose doer is the object)
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "LEG", "JUD", "SPY"})  # a state's own bodies
GROUP_WORDS = {"two", "both", "pair", "three", "trio", "sides", "them"}


class ActorIndex:
    """Token index → actor id, as the document's people table gives it, and the last compound subject."""

    def __init__(self, table: PeopleTable, pronoun_of: Callable[[Token], str | None] | None = None):
        self.by_token: dict[int, str] = table.token_actors()
        self.kind: dict[str, str] = table.kinds()
        self.last_group: list[str] = []   # the last compound subject ("X and Y"), for "the two"
        self.place: dict[int, str] = {}     # place token → the actor standing for that place's country
        self.place_span: dict[int, tuple[str, list[int]]] = {}  # place token → (its country, the place's words)
        self.table = table
        self._pronoun_of = pronoun_of       # the actor stage's reading of a pronoun, asked only when needed
        self._pronouns: dict[int, str | None] = {}
        self._sides: dict[str, tuple[str | None, set[str]]] | None = None  # actor id -> (country, sectors)

    def pronoun(self, tok: Token) -> str | None:
        """"he", "they", "its": the actor the actor stage reads the pronoun as ("They were detained" → who)."""
        if self._pronoun_of is None or tok.lower_ in RELATIVES or tok.pos_ != "PRON":
            return None
        if tok.i not in self._pronouns:
            aid = self._pronoun_of(tok)
            self._pronouns[tok.i] = aid if aid in self.kind else None
        return self._pronouns[tok.i]

    def own_country(self, source: str, target: str) -> bool:
        """TARGET is the country SOURCE is a state body, official or force of ("China may impose tariffs on Australian
        wine, the commerce ministry warned": not a threat to China). A rebel, party or people of a country acts on it
        ("Syrian rebels attacked Syria" is a dyad)."""
        if self.kind.get(target) != "country" or source == target or self.kind.get(source) not in ("organization", "group"):
            return False  # (a person's country is read from the words around them, often the very country acted on)
        if self._sides is None:
            from eventwatch.actors.codes import parse_code

            self._sides = {}
            for a in self.table.actors:
                parsed = parse_code(a.code) if a.code else None
                sectors = set(parsed.sectors) if parsed else set(a.sector or ())
                self._sides[a.id] = (a.country or (parsed.country if parsed else None), sectors)
        src, tgt = self._sides.get(source), self._sides.get(target)
        if src is None or tgt is None or not src[0] or src[0] != tgt[0]:
            return False
        return bool(src[1]) and src[1] <= STATE_SECTORS

    def others(self, targets: list[str], sources: list[str]) -> list[str]:
        """TARGETS without the sources and their own countries."""
        return [t for t in targets if t not in sources and not any(self.own_country(s, t) for s in sources)]

    def tokens(self, kinds: tuple[str, ...] | None = None) -> set[int]:
        return {i for i, a in self.by_token.items() if kinds is None or self.kind.get(a) in kinds}

    def at(self, tok: Token) -> str | None:
        return self.by_token.get(tok.i)


def _head_actor(tok: Token, index: ActorIndex, depth: int = 0) -> str | None:
    """The actor a noun phrase headed by TOK stands for (itself, a compound/possessive modifier, an 'of' phrase).
    A noun of a relation ("her adviser", "the minister's son") stands for no owner: only for its own actor."""
    aid = index.at(tok)
    if aid or depth > 3:
        return aid
    if tok.lemma_.lower() in relation_nouns() and any(c.dep_ == "poss" for c in tok.children):
        owner = next((index.at(c) for c in tok.children if c.dep_ == "poss" and index.at(c)), None)
        if owner and (entourage().get(tok.lemma_.lower()) == "for" or index.kind.get(owner) != "person"):
            return owner  # "the ministry's SPOKESMAN, X, condemned", "the administration's LAWYERS asked": for the body
        return next((index.at(c) for c in tok.children if c.dep_ == "appos" and index.at(c)), None)
    # a possessive is the thing's owner before any other modifier naming an actor: "PALLISTER's Costa Rica travels",
    # "the EU's Russia sanctions" (the compound names what the thing is about)
    owner = next((index.at(p) for c in (tok, *(c for c in tok.children if c.dep_ in ("compound", "amod")))
                  for p in c.children if p.dep_ == "poss" and index.at(p)), None)
    if owner:  # (the owner's word hung on a compound: "WASHINGTON's Taiwan arms sales")
        return owner
    for child in tok.children:
        if child.dep_ in ("compound", "amod", "nmod", "npadvmod") and index.at(child):
            return index.at(child)
    for child in tok.children:  # "a Conservative compromise offer", "the Tory tax plans": the owner's word deeper in
        if child.dep_ in ("compound", "amod"):
            hit = next((index.at(g) for g in child.children
                        if g.dep_ in ("compound", "amod", "poss") and index.at(g)), None)
            if hit:
                return hit
    for child in tok.children:
        if child.dep_ == "appos":
            hit = index.at(child)
            if hit:
                return hit
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ in ("of", "from"):
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    hit = _head_actor(pobj, index, depth + 1)
                    if hit:
                        return hit
    found = nominal_agents(tok, index)
    return found[0] if found else _other_owner(tok, index)


def _other_owner(tok: Token, index: ActorIndex) -> str | None:
    """The actor a possessive pronoun on an object stands for, when it is not the clause's own subject ("fans
    criticised HIS performances": him; not "X kept to THEIR pledge", "X praised HIS deputy": X's own)."""
    if tok.dep_ not in ("dobj", "obj", "pobj", "nsubjpass"):
        return None
    poss = next((c for c in tok.children if c.dep_ == "poss" and c.pos_ == "PRON" and c.lower_ not in RELATIVES), None)
    aid = index.pronoun(poss) if poss is not None else None
    if aid is None:
        return None
    verb = tok.head.head if tok.dep_ == "pobj" and tok.head.dep_ == "prep" else tok.head
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    doers = agent_actors(verb, index) if is_passive(verb) else subject_actors(verb, index)
    return aid if doers and aid not in doers else None


def nominal_agents(noun: Token, index: ActorIndex) -> list[str]:
    """Who is behind a thing or act named by a noun that is not an actor: "a bombing BY the rebels", "an offer
    SUBMITTED BY a Dutch firm" (a participle's by-agent)."""
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ == "by":
            return own_agents(noun, index)
        if c.dep_ == "acl" and c.tag_ == "VBN" and (not _set_off(c) or _making(c)):
            # a participle names the maker ("an offer submitted by X"); set off by a comma, only a making verb does
            # ("the attack, CARRIED OUT BY X,"), not one that comments on, reports or witnesses the act ("the
            # bombing, CONDEMNED / CONFIRMED / REPORTED BY X, killed ...": X did not bomb)
            found = agent_actors(c, index)
            if found:
                return found
    return []


def between_actors(verb: Token, index: ActorIndex) -> list[str]:
    """The actors of VERB's "between" phrase ("was reached BETWEEN X and Y")."""
    return [a for c in verb.children if c.dep_ == "prep" and c.lower_ == "between"
            for o in c.children if o.dep_ == "pobj" for a in np_actors(o, index)]


GRIEVANCE_PREPS = ("over", "about", "against", "at")


def grievance_actors(verb: Token, index: ActorIndex) -> list[str]:
    """Whom a complaint lodged WITH a third party is about: the party of its "over"/"about"/"against" phrase, or the
    doer of the act that phrase names ("complained TO the UN OVER Israeli air raids" -> Israel, "protested to X about
    Y's decision" -> Y). [] when the verb names no addressee ("to") or the phrase names no one."""
    if not any(c.dep_ in ("prep", "dative") and c.lower_ == "to" for c in verb.children):
        return []
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ in GRIEVANCE_PREPS:
            for o in c.children:
                if o.dep_ != "pobj":
                    continue
                found = np_actors(o, index)
                if not found and o.pos_ == "NOUN":  # the act's doer: "Israeli RAIDS", "India's DECISION"
                    found = [a for m in o.children if m.dep_ in ("amod", "compound", "nmod", "poss")
                             for a in np_actors(m, index)]
                if found:
                    return found
    return []


def frame_noun_owner(frame: Token, index: ActorIndex) -> list[str]:
    """Whose intent, threat or refusal a frame NOUN names: its possessive ("BEIJING's threat to invade X", "the
    union's refusal to negotiate") or its own by-phrase ("a pledge BY X to"); [] for a frame verb."""
    if frame.pos_ not in ("NOUN", "PROPN"):
        return []
    for c in frame.children:
        if c.dep_ == "poss":
            found = np_actors(c, index)
            if found:
                return found
    return own_agents(frame, index)


def received_from(noun: Token, index: ActorIndex, given: bool) -> tuple[list[str], list[str]] | None:
    """(givers, receivers) of an act noun that is the object of a verb of getting (data/argument_verbs.tsv "receive":
    "X WON the backing of Y", "X RECEIVED aid FROM Y", "the plan HAS the support of Y"): the "from" object gives, and
    so does the "of" object of a noun of support or aid (GIVEN; not "X won the release OF Y", where Y is released);
    the verb's subject gets it. None when the noun is no such object or names no giver."""
    verb = noun.head
    if noun.dep_ not in ("dobj", "obj") or verb.pos_ not in ("VERB", "AUX") \
            or verb.lemma_.lower() not in argument_verbs("receive") or is_passive(verb):
        return None
    preps = ("from", "of") if given else ("from",)
    givers = [a for c in (*noun.children, *verb.children) if c.dep_ == "prep" and c.lower_ in preps
              and (c.head.i == noun.i or c.lower_ == "from")
              for o in c.children if o.dep_ == "pobj" for a in np_actors(o, index)]
    if not givers:
        return None
    return givers, [a for a in subject_actors(verb, index) if a not in givers]


def own_agents(noun: Token, index: ActorIndex) -> list[str]:
    """The actors of an act noun's own by-phrase ("the arrest BY police"), not of a participle's ("backed by X")."""
    return [a for c in noun.children if c.dep_ == "prep" and c.lower_ == "by"
            for p in c.children if p.dep_ == "pobj" for a in np_actors(p, index)]


def _making(verb: Token) -> bool:
    """VERB makes the act its noun names ("carried out by", "launched by", "brokered by"): data/argument_verbs.tsv."""
    return verb.lemma_.lower() in argument_verbs("making")


def _set_off_before(prep: Token, verb: Token) -> bool:
    """A phrase set off by a comma before its verb describes the subject, names no patient ("X, FOR the Liberal
    Party, called on Y")."""
    return prep.i < verb.i and prep.i > 0 and prep.doc[prep.i - 1].text == ","


def _set_off(tok: Token) -> bool:
    """A clause set off by a comma from the noun it hangs on (non-restrictive): "the raid, criticised by X,"."""
    return tok.i > 0 and tok.doc[tok.i - 1].text == "," and tok.head.i < tok.i


INSTRUMENT_PREPS = ("in", "during", "by", "from", "under")


def instrument_agents(verb: Token, index: ActorIndex) -> list[str]:
    """The doer behind the act a victim verb names in a prepositional phrase: "died IN Turkish mortar fire",
    "were killed IN an air strike BY X", "wounded DURING Syria's bombardment"."""
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ in INSTRUMENT_PREPS:
            for p in c.children:
                if p.dep_ == "pobj" and index.at(p) is None:
                    # the act's own modifiers and by-agent, not an "of" phrase ("imposed in the aftermath OF
                    # X's crackdown": X did not impose it)
                    found = [index.at(m) for m in p.children
                             if m.dep_ in ("compound", "amod", "poss", "nmod") and index.at(m)]
                    found = found or nominal_agents(p, index)
                    if found:
                        return found
    return []


def np_actors(tok: Token, index: ActorIndex) -> list[str]:
    """Actors of a noun phrase and its conjuncts ("NATO, UN and Britain" → three; a list parsed as
    apposition counts when the appositive is itself a named actor). "The two" → the last pair named."""
    out: list[str] = []
    heads = [tok, *tok.conjuncts]
    for c in tok.children:
        if c.dep_ == "appos" and c.pos_ == "PROPN" and index.at(c) and index.at(c) != index.at(tok):
            heads += [c, *c.conjuncts]
    for t in heads:
        aid = _head_actor(t, index)
        for a in _paired_groups(t, aid, index) or [aid]:
            if a and a not in out:
                out.append(a)
    for t in heads:  # "the presidents of Sudan AND CHAD": one president each
        if t.tag_ in ("NNS", "NNPS"):
            for p in t.children:  # "negotiators FROM Ethiopia and Egypt": one side each
                if p.dep_ == "prep" and p.lower_ in ("of", "from"):
                    for o in p.children:
                        out += [a for c in o.conjuncts if o.dep_ == "pobj" and (a := _head_actor(c, index))
                                and a not in out]
    if not out and tok.lower_ in GROUP_WORDS and index.last_group:
        return list(index.last_group)
    if not out and not (tok.dep_ in SUBJ and tok.lower_ in PRONOUNS) and index.pronoun(tok):
        return [index.pronoun(tok)]  # "they were detained", "arrested him": the actor stage's reading
    return out


GENERIC_GROUP = re.compile(r"[A-Z]{3}-[A-Z]{3}")  # the actor stage's id of a country's unnamed group ("CHN-MIL")


def _paired_groups(noun: Token, aid: str | None, index: ActorIndex) -> list[str]:
    """One group of a country per coordinated country adjective on a plural group noun, in the order named: "Indian
    and Chinese TROOPS" -> India's and China's armed forces, "Israeli and Palestinian NEGOTIATORS" -> both governments
    (the actor stage reads the phrase as the group of the last adjective, the first as its country's name). Empty
    when the noun names one group only."""
    if aid is None or not GENERIC_GROUP.fullmatch(aid) or noun.tag_ not in PLURAL_TAGS:
        return []
    country, sector = aid.split("-", 1)
    words = sorted({w for c in noun.children if c.dep_ in ("amod", "compound") and c.i < noun.i
                    for w in (c, *c.conjuncts) if w.i < noun.i}, key=lambda w: w.i)
    if len(words) < 2:
        return []
    out: list[str] = []
    for w in words:
        other = index.at(w)
        if other == aid or other == f"country:{country}":
            out.append(aid)
        elif other and other.startswith("country:") and index.kind.get(other) == "country":
            group = index.table.sector_actor(other.split(":", 1)[1], sector, [w.idx, w.idx + len(w)])
            index.kind.setdefault(group, "group")
            out.append(group)
    return out if len(set(out)) >= 2 else []


def _subjects(verb: Token) -> list[Token]:
    return [c for c in verb.children if c.dep_ in SUBJ]


def _resolve_pronoun(pron: Token, index: ActorIndex) -> list[str]:
    """'who' → the noun the relative clause hangs on; he/they in a reported clause → the reporter."""
    low = pron.lower_
    clause = pron.head
    if low in ("who", "which", "that") and clause.dep_ == "relcl":
        return np_actors(clause.head, index)
    if low in PRONOUNS and clause.dep_ == "advcl":
        # "the Taliban will be isolated if THEY continue": the subject of the clause it conditions
        head = clause.head
        subj = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
        for s in subj:
            if s.lower_ not in PRONOUNS and not (low in PERSONAL and s.tag_ in PLURAL_TAGS):
                # not "soldiers arrested the mayor after HE criticised them": "he" is not the soldiers
                found = np_actors(s, index)
                if found:
                    return found
        if not subj and head.dep_ == "ccomp":
            # "warned the Taliban [] will be isolated if they ...": the warned object is that clause's subject
            for o in head.head.children:
                if o.dep_ in ("dobj", "obj"):
                    return np_actors(o, index)
            return []
        if not subj:
            return []
        clause = head  # a named but unknown subject: read the pronoun as the reporter's ("if IT seizes ...")
    if low in PRONOUNS:
        t = clause
        while t.dep_ in ("conj", "xcomp") and t.head.i != t.i:
            t = t.head
        if t.dep_ == "ccomp" and t.head.i != t.i:
            if low not in SPEAKER_PRONOUNS and _quoted_apart(pron, t.head):
                return []  # '"... and then IT invaded Ukraine," Stubb said': in a direct quote "it" is not the speaker
            for s in _subjects(t.head):
                if low in PERSONAL | {"they"} and any(c.dep_ == "poss" and c.lower_ in OWNER_PRONOUNS for c in s.children):
                    return []  # "HE will stand trial, HIS lawyer said": he is the one the reporter speaks for
                return np_actors(s, index)
    return []


OWNER_PRONOUNS = {"his", "her", "their"}


SPEAKER_PRONOUNS = {"i", "we"}  # the only pronouns of a direct quote that name its speaker


def _quoted_apart(pron: Token, verb: Token) -> bool:
    """The pronoun and the verb of saying stand apart across a quotation mark: the pronoun is inside a direct
    quote (straight, curly or single marks, as the quotes stage reads them) that the verb is outside of."""
    return not same_quote(pron.doc, pron.idx, verb.idx)


def subject_actors(verb: Token, index: ActorIndex, depth: int = 0) -> list[str]:
    """Who does VERB: its subject, else the subject it shares with a governing verb or noun."""
    for s in _subjects(verb):
        found = np_actors(s, index)
        if not found and s.lower_ in PRONOUNS:
            found = _resolve_pronoun(s, index)
            if not found and index.pronoun(s):
                found = [index.pronoun(s)]
        return found
    if depth > 4:
        return []
    head = verb.head
    if head.i == verb.i:
        return []
    if verb.dep_ == "xcomp" and head.pos_ in ("VERB", "AUX") and not _subjects(head) and is_passive(head) \
            and not any(c.dep_ == "agent" for c in head.children):
        # "X was forced / is expected to withdraw": the passive subject controls the complement
        found = passive_subject_actors(head, index)
        if found:
            return found
    if verb.dep_ in ("conj", "xcomp", "advcl", "pcomp") and head.pos_ in ("VERB", "AUX"):
        return subject_actors(head, index, depth + 1)
    if verb.dep_ == "ccomp" and head.pos_ in ("VERB", "AUX") and any(c.tag_ == "TO" for c in verb.children) \
            and not any(c.dep_ in ("dobj", "obj", "dative") for c in head.children):
        return subject_actors(head, index, depth + 1)  # "X will decide WHETHER TO BEGIN talks": X begins them
    if verb.dep_ == "pcomp" and head.lower_ in CLAUSE_PREPS and head.head.pos_ in ("VERB", "AUX"):
        # "X spoke BEFORE MEETING Y", "X was arrested AFTER ATTACKING Y": the governing clause's subject
        gov = head.head
        found = passive_subject_actors(gov, index) if is_passive(gov) else []
        return found or subject_actors(gov, index, depth + 1)
    if verb.dep_ == "xcomp" and head.pos_ == "ADJ":
        return subject_actors(head, index, depth + 1)  # "X, who is DUE / READY / WILLING to meet Y": X meets
    if verb.dep_ in ("acomp", "attr") and verb.pos_ == "ADJ" and head.pos_ in ("VERB", "AUX"):
        return subject_actors(head, index, depth + 1)  # "X was SKEPTICAL": the copula's subject
    addressed = addressed_participle(verb)
    if addressed is not None:  # "X wrote to Y DEMANDING an apology": X demands, of Y
        return subject_actors(addressed[0], index, depth + 1)
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and head.pos_ in ("NOUN", "PROPN"):
        found = np_actors(head, index)  # "troops FIRING on protesters": the noun does what its participle says
        if found:
            return found
        gov = head.head.head if head.dep_ == "pobj" else None
        if gov is not None and gov.pos_ in ("VERB", "AUX") and head.head.dep_ == "prep":
            return subject_actors(gov, index, depth + 1)  # "X marched in a protest CALLING for ...": X calls
    if verb.dep_ == "acl" and verb.tag_ in ("VBN", "VBD") and not _passive_participle(verb):
        found = _misparsed_subject(head, index)
        if found:
            return found
    if verb.dep_ == "acl" and head.pos_ in ("NOUN", "PROPN") and not _passive_participle(verb):
        # (a passive participle's doer is not the noun's owner nor the clause's subject: "police arrested two men
        # ACCUSED of ...": the police accused no one)
        poss = [c for c in head.children if c.dep_ == "poss"]
        if poss:
            return np_actors(poss[0], index)
        gov = head.head
        if head.dep_ in ("dobj", "obj") and gov.pos_ in ("VERB", "AUX"):
            return subject_actors(gov, index, depth + 1)
    return []


def _addressee_of(gov: Token) -> Token | None:
    """Whom a verb of contact reaches: its "to" object ("wrote TO Y", "sent a letter TO Y") or, for a verb that
    takes its addressee as object ("CALLED Y", "PHONED Y"), its direct object."""
    for c in gov.children:
        if c.dep_ in ("prep", "dative") and c.lower_ == "to":
            obj = next((o for o in c.children if o.dep_ == "pobj"), None)
            if obj is not None:
                return obj
        if c.dep_ == "dative" and c.pos_ in ("NOUN", "PROPN", "PRON"):
            return c
    if gov.lemma_.lower() in argument_verbs("reach"):
        return next((c for c in gov.children if c.dep_ in ("dobj", "obj")), None)
    return None


def addressed_participle(verb: Token) -> tuple[Token, Token] | None:
    """(verb of contact, addressee) for a participle of asking or urging that says what a letter, call or visit was
    for ("X WROTE TO Y DEMANDING an apology", "X CALLED Y on Monday URGING a ceasefire", "X sent a letter to Y ASKING
    for help"; data/argument_verbs.tsv "contact" and "address"); the parser hangs it on the addressee or the letter,
    whose subject it is not. None for any other participle ("troops FIRING on protesters")."""
    if verb.tag_ != "VBG" or verb.dep_ not in ("acl", "advcl") or verb.lemma_.lower() not in argument_verbs("address"):
        return None
    head = verb.head
    if verb.dep_ == "advcl":
        gov = head
    elif head.dep_ == "pobj" and head.head.lower_ == "to" and head.head.dep_ in ("prep", "dative"):
        gov = head.head.head  # "wrote to Y DEMANDING"
    elif head.dep_ in ("dobj", "obj"):
        gov = head.head       # "called Y DEMANDING", "sent a letter (to Y) ASKING"
    else:
        return None
    if gov.pos_ not in ("VERB", "AUX") or gov.lemma_.lower() not in argument_verbs("contact"):
        return None
    addressee = _addressee_of(gov)
    return (gov, addressee) if addressee is not None else None


def addressee_actors(verb: Token, index: ActorIndex) -> list[str]:
    """The actors a participle of asking or urging is addressed to: the addressee of its verb of contact."""
    found = addressed_participle(verb)
    return np_actors(found[1], index) if found is not None else []


def mutual_object(verb: Token) -> bool:
    """VERB's object is "each other" / "one another": its coordinated subjects do it to one another ("X and Y ACCUSED
    EACH OTHER of ...")."""
    for c in verb.children:
        if c.dep_ in ("dobj", "obj", "pobj", "prep"):
            words = [t.lower_ for t in c.subtree]
            if words[-2:] in (["each", "other"], ["one", "another"]) and len(words) <= 3:
                return True
    return False


def _misparsed_subject(noun: Token, index: ActorIndex) -> list[str]:
    """A past verb with an object the parser hung on the last noun of a long subject ("Troops loyal to the junta
    KILLED 30 villagers, a group said"): the subject the noun's phrase belongs to, climbed through its "to"/"of"/
    "from" phrases."""
    t = noun
    for _ in range(4):
        if t.dep_ in ("nsubj", "nsubjpass") and t.pos_ in ("NOUN", "PROPN"):
            return np_actors(t, index)
        if t.dep_ not in ("pobj", "prep", "amod") or t.head.i == t.i:
            return []
        t = t.head
    return []


def _passive_participle(verb: Token) -> bool:
    """A past participle with no object of its own ("men ACCUSED of fraud"), not an active verb the parser hung on a
    noun ("flew 800 missions, CONDUCTED 200 raids")."""
    return verb.tag_ == "VBN" and not any(c.dep_ in ("dobj", "obj") for c in verb.children)


def agent_actors(verb: Token, index: ActorIndex) -> list[str]:
    """The 'by' agent of a passive verb."""
    for c in verb.children:
        if c.dep_ == "agent":
            for p in c.children:
                if p.dep_ == "pobj":
                    return np_actors(p, index)
    return []


UNDERGONE_PREPS = frozenset({"from", "by"})


def undergone_from(tok: Token, index: ActorIndex) -> list[str]:
    """Who does an act told from the side of the one it is done to (a pattern's +undergo): the actors of a "from"/"by"
    phrase (or by-agent) on TOK, or on a word TOK governs through an object or a preposition, nearest first: "X came
    under fire FROM Y", "X came under fire from Y" hung on "fire", "X drew sharp criticism FROM Y", "X faced a barrage
    of criticism FROM Y". No such phrase: no source ("he faces charges")."""
    level = [tok]
    for _ in range(3):
        nxt = []
        for t in level:
            for c in t.children:
                if c.dep_ == "agent" or c.dep_ == "prep" and c.lower_ in UNDERGONE_PREPS:
                    found = [a for p in c.children if p.dep_ == "pobj" for a in np_actors(p, index)]
                    if found:
                        return found
                elif c.dep_ in ("dobj", "obj", "pobj", "prep"):
                    nxt.append(c)
        level = nxt
    return []


OWNED_ACT_NOUNS = frozenset({"responsibility", "credit", "blame"})


def claimed_by(noun: Token, index: ActorIndex) -> list[str]:
    """Who owns an act noun named in the "for" phrase of "responsibility"/"credit"/"blame", object of a verb of
    claiming (argument_verbs "claim"): "X claimed responsibility FOR the bombing", "X took credit for the attack",
    "X, which claimed responsibility for the raid" -> X. "X denied responsibility for the attack" names no owner."""
    verb = claim_verb(noun)
    if verb is None:
        return []
    return agent_actors(verb, index) if is_passive(verb) else subject_actors(verb, index)


def claim_verb(noun: Token) -> Token | None:
    """The verb of claiming whose "responsibility"/"credit" object owns the act NOUN names ("CLAIMED responsibility
    for the attack"), or None (no such claim, or a denied one)."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ != "for":
        return None
    owned = prep.head
    if owned.pos_ in ("VERB", "AUX"):  # the phrase hung on the verb: "took credit [for the attack]"
        owned = next((c for c in owned.children if c.dep_ in ("dobj", "obj")), owned)
    verb = owned.head
    if owned.lemma_.lower() not in OWNED_ACT_NOUNS or owned.dep_ not in ("dobj", "obj", "nsubjpass") \
            or verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() not in argument_verbs("claim") \
            or any(c.dep_ == "neg" for c in verb.children):
        return None
    return verb


HYPHENS = frozenset({"-", "–", "—"})


def hyphen_pair(noun: Token, index: ActorIndex) -> tuple[str, str] | None:
    """The two parties of an act noun named as a hyphenated pair before it ("the Russia-Ukraine WAR", "US-China trade
    TALKS", "the North Korea-United States SUMMIT"): the one before the hyphen and the one after (the guide: a
    symmetric act is one event, the first named as source). None when the words before the noun hold no one hyphen
    with an actor on each side ("the US-backed government" names one)."""
    mods = [c for c in noun.children if c.dep_ in ("compound", "amod", "nmod") and c.i < noun.i]
    if not mods:
        return None
    words = noun.doc[min(m.left_edge.i for m in mods):noun.i]
    cuts = [t.i for t in words if t.text in HYPHENS]
    if len(cuts) != 1:
        return None
    left = [a for t in words if t.i < cuts[0] and (a := index.at(t))]
    right = [a for t in words if t.i > cuts[0] and (a := index.at(t))]
    if not left or not right or left[-1] == right[0]:
        return None
    return left[-1], right[0]


def _relative(tok: Token) -> bool:
    """A relative pronoun of a relative clause ("the men WHO were held"), not a complementiser."""
    return tok.lower_ in RELATIVES and tok.head.dep_ == "relcl"


def passive_subject_actors(verb: Token, index: ActorIndex) -> list[str]:
    """The passive subject; a relative one is the noun its clause hangs on ("X, WHO was arrested")."""
    for c in verb.children:
        if c.dep_ == "nsubjpass":
            return np_actors(c, index) or (_resolve_pronoun(c, index) if _relative(c) else [])
    return []


def is_passive(verb: Token) -> bool:
    """A passive verb; a bare participle of an adverbial clause with no subject or auxiliary of its own
    counts ("IF CONVICTED, he faces ...", "ONCE ARRESTED, they were held ...")."""
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
        return True
    return verb.tag_ == "VBN" and verb.dep_ == "advcl" and not any(c.dep_ in SUBJ + ("aux",) for c in verb.children)


def controller_patient(verb: Token, index: ActorIndex) -> list[str]:
    """Whom a passive with no subject of its own is done to: the subject of the clause it hangs on ("X faces
    prison IF CONVICTED", "AFTER BEING CHARGED, X was remanded")."""
    if not is_passive(verb) or any(c.dep_ in ("nsubjpass", "nsubj") for c in verb.children):
        return []
    gov = verb.head.head if verb.dep_ == "pcomp" and verb.head.dep_ == "prep" else verb.head
    if verb.dep_ not in ("advcl", "pcomp") or gov.i == verb.i or gov.pos_ not in ("VERB", "AUX"):
        return []
    return passive_subject_actors(gov, index) if is_passive(gov) else subject_actors(gov, index)


def object_actors(tok: Token, index: ActorIndex, preps: bool = True, skip: Token | None = None) -> list[str]:
    """Whom an action is done to: direct object (or passive subject), else a prepositional object. A thing
    object stands for whoever is behind it ("accepted an offer submitted by X", "rejected X's plan"). SKIP: a
    word that is not the patient (the act noun a light verb carries: "a Chinese OFFER was made")."""
    found = destination_actors(tok, index)
    if found:
        return found
    for c in tok.children:
        if c.dep_ in ("dobj", "obj", "nsubjpass", "dative", "iobj") and c != skip:
            found = np_actors(c, index)
            if not found and _relative(c):
                found = _resolve_pronoun(c, index)  # "journalists WHO were detained", "the men THAT police held"
            if found and preps and _own_means(c, found, index):
                # "withdrew ITS troops FROM X", "offered THEIR forces TO X": the doer's own body is the means, the
                # party of the "from"/"to" phrase is whom the act is done to
                via = _prep_object_actors(tok, MEANS_PREPS, index)
                if via:
                    return via
            if found:
                return found
    found = controller_patient(tok, index)
    if found or not preps:
        return found
    for c in tok.children:
        if c.dep_ in ("prep", "dative") and c.lower_ in TARGET_PREPS and not _set_off_before(c, tok):
            for p in c.children:
                if p.dep_ == "pobj":
                    # "called for sanctions AGAINST X", "pressed for the release OF X": the act named in the
                    # phrase is done to whom its own preposition names
                    found = np_actors(p, index) or (_nested_actors(p, index) if c.lower_ == "for" else [])
                    if found:
                        return found
    # prepositions hanging on the object: "took control OF Afghanistan's provinces", "handover of power FROM X"
    for c in tok.children:
        # the passive subject too: "the deal WITH Argentina was agreed by ..."
        if c.dep_ in ("dobj", "obj", "nsubjpass") and c != skip:
            for p in c.children:
                if p.dep_ == "prep" and p.lower_ in TARGET_PREPS:
                    for o in p.children:
                        if o.dep_ == "pobj":
                            found = np_actors(o, index) or _nested_actors(o, index)
                            if found:
                                return found
                if p.dep_ == "prep" and p.lower_ == "in" and is_amount(c):
                    # "pledged 500 million euros IN aid TO X": the amount is the act named in its "in" phrase,
                    # done to whom that act's own phrase names
                    found = [a for o in p.children if o.dep_ == "pobj" for a in _nested_actors(o, index)]
                    if found:
                        return found
    return []


OWN_POSSESSIVES = frozenset({"its", "their", "our", "his", "her"})
MEANS_PREPS = frozenset({"from", "to", "into", "against", "on", "toward", "towards"})


def _own_means(noun: Token, found: list[str], index: ActorIndex) -> bool:
    """NOUN is the doer's own group, named with a possessive pronoun ("its TROOPS", "their FORCES", "our
    DIPLOMATS"): a group, not a person ("his WIFE" is someone acted on)."""
    return any(c.dep_ == "poss" and c.lower_ in OWN_POSSESSIVES for c in noun.children) \
        and all(index.kind.get(a) not in ("person", "country") for a in found)


def is_amount(noun: Token) -> bool:
    """A sum or count ("500 million euros", "$40m", "billions"): a number word on the noun or the noun itself."""
    return noun.like_num or noun.tag_ == "CD" or any(c.dep_ == "nummod" or c.tag_ == "$" for c in noun.children)


DESTINATION_PREPS = ("to", "into", "toward", "towards")


def destination_actors(verb: Token, index: ActorIndex) -> list[str]:
    """A verb of sending names what is sent as its object and whom it is sent to in its "to" phrase: "will not SEND
    troops TO Venezuela", "deployed soldiers INTO Mali" (an actor named there; a place alone may be only where talks are held)."""
    if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() not in argument_verbs("convey"):
        return []
    return _prep_object_actors(verb, DESTINATION_PREPS, index)


@lru_cache(maxsize=32)  # one entry per kind of data/argument_verbs.tsv (twelve now)
def argument_verbs(kind: str) -> frozenset[str]:
    """The lemmas of one KIND of data/argument_verbs.tsv: "partake" (a passive subject takes part in the act of the
    verb's "in" phrase), "making" (a set-off participle whose by-agent made the act)."""
    from eventwatch.resources import read_rows

    src = Path(__file__).parent / "data" / "argument_verbs.tsv"
    return frozenset(cells[1] for _n, cells in read_rows(src, columns=2) if cells[0] == kind)


def light_passive_participants(verb: Token, noun: Token, index: ActorIndex) -> list[str]:
    """Who takes part in an act named in a prepositional phrase of a passive verb of participation with no by-agent:
    "X has been LOCKED IN talks with Y", "X was INVOLVED IN negotiations with Y" (the passive subject). Not a verb
    that makes X the topic ("X was DISCUSSED IN talks with Y"), nor an act whose parties are named ("talks BETWEEN
    Y and Z")."""
    if noun.dep_ != "pobj" or noun.head.lower_ not in ("in", "into") or noun.head.head != verb or not is_passive(verb) \
            or verb.lemma_.lower() not in argument_verbs("partake") or any(c.dep_ == "agent" for c in verb.children) \
            or any(c.dep_ == "prep" and c.lower_ == "between" for c in noun.children):
        return []
    return passive_subject_actors(verb, index)


ATTENDED_PREPS = frozenset({"during", "after", "following", "before", "at", "in", "from", "since", "ahead", "throughout",
                            "on", "into"})


def attendee_actors(noun: Token, index: ActorIndex) -> list[str]:
    """Who takes part in a meeting, talks or a visit named in a time or place phrase of a clause: the clause's subject
    ("X said AFTER talks with Y", "X left FOR talks with Y", "X, speaking BEFORE a meeting with Y",
    "X said FOLLOWING two days OF talks with Y"). Not a passive clause, whose subject may be the topic ("X was
    discussed at talks with Y"), nor a phrase that opposes or asks for the act ("protested AGAINST talks")."""
    if any(c.dep_ == "prep" and c.lower_ == "between" for c in noun.children):
        return []  # "talks BETWEEN X and Y": the parties are named
    t = noun
    for _ in range(2):
        prep = t.head
        if t.dep_ != "pobj" or prep.dep_ != "prep" or prep.i == t.i:
            return []
        gov = prep.head
        if gov.pos_ in ("VERB", "AUX"):
            going = prep.lower_ == "for" and gov.lemma_.lower() in argument_verbs("travel")  # "LEFT FOR talks with Y"
            if prep.lower_ not in ATTENDED_PREPS and not going:
                return []
            if is_passive(gov):  # "the plan was announced BY X after talks with Y": the by-agent took part
                return agent_actors(gov, index)
            return subject_actors(gov, index)
        if gov.pos_ != "NOUN" or prep.lower_ != "of":  # "two days OF talks": the span the talks took
            return []
        t = gov
    return []


def with_party(noun: Token) -> bool:
    """The act noun names its other party in a "with" phrase ("fighting WITH rebels", "clashes WITH police"): whoever
    does it is someone else, named in the clause around it."""
    return any(c.dep_ == "prep" and c.lower_ == "with" and any(o.dep_ == "pobj" for o in c.children)
               for c in noun.children)


def _phrase_governor(noun: Token) -> tuple[Token, Token] | None:
    """(preposition, verb) of the clause a noun's prepositional phrase hangs on, through "N of" ("in the fourth DAY
    OF a walkout"); None when the phrase hangs on no verb."""
    t = noun
    for _ in range(2):
        prep = t.head
        if t.dep_ != "pobj" or prep.dep_ != "prep" or prep.i == t.i:
            return None
        gov = prep.head
        if gov.pos_ in ("VERB", "AUX"):
            return prep, gov
        if gov.pos_ != "NOUN" or prep.lower_ != "of":
            return None
        t = gov
    return None


def held_in(noun: Token) -> bool:
    """The subject of a copula is held in the act noun: "X, who has BEEN IN DETENTION since January", "X REMAINS IN
    custody" (argument_verbs.tsv 'undergone'): X is the act's target, not its doer."""
    if noun.lemma_.lower() not in argument_verbs("undergone"):
        return False
    found = _phrase_governor(noun)
    return found is not None and found[0].lower_ == "in" and found[1].lemma_.lower() in ("be", "remain") \
        and any(c.dep_ == "nsubj" for c in found[1].children)


def in_act_of_being(noun: Token) -> bool:
    """The act noun is where the subject of a copula is: "teachers ARE ON strike", "nurses are IN the third week of
    a walkout", "the two sides are IN talks": the subject does it."""
    if noun.lemma_.lower() in argument_verbs("undergone"):
        return False  # "who has been IN DETENTION since January": a state the subject undergoes, not its act
    found = _phrase_governor(noun)
    return found is not None and found[0].lower_ in ("in", "on") and found[1].lemma_.lower() == "be" \
        and any(c.dep_ == "nsubj" for c in found[1].children)


def conducted_by_subject(noun: Token, index: ActorIndex) -> list[str]:
    """The subject of an active verb that announces, orders or carries out the act its object names ("X ANNOUNCED the
    expulsion of Y", "X ORDERED the arrest of Y", "X RESUMED talks with Y": data/argument_verbs.tsv "conduct"): X."""
    verb = noun.head
    if noun.dep_ not in ("dobj", "obj") or verb.pos_ != "VERB" or verb.lemma_.lower() not in argument_verbs("conduct") \
            or is_passive(verb):
        return []
    done_to = object_actors(noun, index)  # (a subject read as the very party acted on names no doer)
    return [a for a in subject_actors(verb, index) if a not in done_to]


REACTED_PREPS = frozenset({"against", "over", "at"})  # "PROTESTED AGAINST the arrest", "protested OVER the raid"
REACTION_NOUN_PREPS = frozenset({"of", "over", "about", "at", "against"})  # "CONCERN ABOUT the detention"


def reacting_verb(noun: Token) -> Token | None:
    """The word of reaction whose object names the act NOUN: a verb (data/argument_verbs.tsv "react": "X CONDEMNED
    the arrest of Y", "X welcomed the release AND RETURN of Y" (a conjunct of that object), "X PROTESTED AGAINST the
    expulsion", "the raid was CONDEMNED by X") or a noun ("reaction": "X's CONDEMNATION of the arrest", "voiced
    CONCERN about the detention"). None for any other noun (not "X ORDERED the arrest of Y")."""
    n = noun
    for _ in range(4):
        if n.dep_ != "conj" or n.head.i == n.i:
            break
        n = n.head
    if n.dep_ == "pobj" and n.head.dep_ == "prep" and n.head.lower_ in REACTION_NOUN_PREPS \
            and n.head.head.pos_ == "NOUN" and n.head.head.lemma_.lower() in argument_verbs("reaction"):
        return n.head.head
    if n.dep_ == "pobj" and n.head.dep_ == "prep" and n.head.lower_ in REACTION_NOUN_PREPS:
        # the phrase hung on the verb whose object the noun of reaction is: "voiced ALARM over the detention"
        said = next((c for c in n.head.head.children if c.dep_ in ("dobj", "obj") and c.pos_ == "NOUN"
                     and c.lemma_.lower() in argument_verbs("reaction")), None)
        if said is not None:
            return said
    if n.dep_ in ("dobj", "obj", "nsubjpass"):
        verb = n.head
    elif n.dep_ == "pobj" and n.head.dep_ == "prep" and n.head.lower_ in REACTED_PREPS:
        verb = n.head.head
    else:
        return None
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in argument_verbs("react"):
        return None
    if (n.dep_ == "nsubjpass") != is_passive(verb):
        return None
    return verb


def act_place_holders(noun: Token, index: ActorIndex) -> list[str]:
    """The countries (else the actors) holding the places named inside an act noun's phrases, in order: "the arrest
    of a French aid worker IN IRAN" -> Iran (not the aid worker, whose name the place is part of), "the expulsion of
    diplomats FROM VENEZUELA" -> Venezuela."""
    out = []
    for c in noun.children:
        if c.dep_ != "prep":
            continue
        for t in c.subtree:
            found = index.place_span.get(t.i)
            if found is None:
                continue
            aid = index.table.place_actor(*found) or index.at(t)
            if aid and aid not in out:
                index.kind.setdefault(aid, "country")
                out.append(aid)
    return out


def reactor_actors(word: Token, index: ActorIndex) -> list[str]:
    """Who reacts by WORD (see reacting_verb): a verb's subject, or its by-agent when passive ("the raid was condemned
    BY X"); a noun's possessive ("X's condemnation"), else the subject of the verb it is the object of ("X voiced
    concern")."""
    if word.pos_ == "NOUN":
        poss = [a for c in word.children if c.dep_ == "poss" for a in np_actors(c, index)]
        if poss or word.dep_ not in ("dobj", "obj") or word.head.pos_ not in ("VERB", "AUX"):
            return poss
        return subject_actors(word.head, index)
    return agent_actors(word, index) if is_passive(word) else subject_actors(word, index)


def object_agents(noun: Token, index: ActorIndex) -> list[str]:
    """A by-phrase the parser hung on the "of" object of an act noun: "the detention of a fisherman BY Russian border
    guards" (the guards detained him)."""
    return [a for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
            for o in c.children if o.dep_ == "pobj" for a in own_agents(o, index)]


def traveller_actors(noun: Token, index: ActorIndex) -> list[str]:
    """Who goes to a meeting named in the "for" phrase of a noun of travel ("the ARRIVAL of X FOR talks with Y",
    "X's VISIT to Paris FOR talks with Y", data/argument_verbs.tsv "trip"): the traveller, the noun's possessive or
    its "of" object."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ != "for" or prep.i == noun.i:
        return []
    trip = prep.head
    if trip.pos_ != "NOUN" or trip.lemma_.lower() not in argument_verbs("trip"):
        return []
    for c in trip.children:
        if c.dep_ == "poss":
            return np_actors(c, index)
    return trip_of_actors(trip, index)


def trip_of_actors(noun: Token, index: ActorIndex) -> list[str]:
    """The "of" object of a noun of travel is who travels ("the VISIT OF the German chancellor to Washington"), not
    the one visited; [] for any other noun."""
    if noun.lemma_.lower() not in argument_verbs("trip"):
        return []
    return [a for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
            for o in c.children if o.dep_ == "pobj" for a in np_actors(o, index)]


def reduced_passive_patient(tok: Token, index: ActorIndex) -> list[str]:
    """The noun a reduced passive relative modifies ("soldiers KILLED in the attack"): the one the action was done to."""
    if tok.dep_ == "acl" and tok.tag_ == "VBN" and tok.head.pos_ in ("NOUN", "PROPN"):
        return np_actors(tok.head, index)
    return []


def _nested_actors(tok: Token, index: ActorIndex) -> list[str]:
    return _prep_object_actors(tok, TARGET_PREPS, index)


def _prep_object_actors(tok: Token, preps, index: ActorIndex) -> list[str]:
    """The actors of the first object of one of TOK's prepositions PREPS that names any."""
    for p in tok.children:
        if p.dep_ == "prep" and p.lower_ in preps:
            for o in p.children:
                if o.dep_ == "pobj":
                    found = np_actors(o, index)
                    if found:
                        return found
    return []


def complement_subject_actors(verb: Token, index: ActorIndex) -> list[str]:
    """For speech/threat verbs: the subject of the reported clause ("warned [the Taliban] will be isolated")."""
    for c in verb.children:
        if c.dep_ == "ccomp":
            for s in c.children:
                if s.dep_ in ("nsubj", "nsubjpass"):
                    return np_actors(s, index)
    return []


def complement_object_actors(verb: Token, index: ActorIndex) -> list[str]:
    """Whom the act of an open or clausal complement, or of a purpose clause, is done to ("vowed to send troops TO X",
    "opened fire to disperse the protesters")."""
    for c in verb.children:
        purpose = c.dep_ == "advcl" and any(a.tag_ == "TO" for a in c.children)  # "fired tear gas TO DISPERSE X"
        if (c.dep_ in ("xcomp", "ccomp") or purpose) and c.pos_ in ("VERB", "AUX"):
            found = object_actors(c, index)
            if found:
                return found
    return []


def note_places(index: ActorIndex, doc: Doc, places) -> None:
    """Tell the index which tokens name a place, the place's country and words, and the country actor of
    the record that place lies in."""
    for place in places:
        if not place.country:
            continue
        aid = f"country:{place.country}"
        for start, end in place.mentions:
            span = doc.char_span(start, end, alignment_mode="expand")
            for t in span or ():
                index.place_span.setdefault(t.i, (place.country, [start, end]))
                if aid in index.kind:
                    index.place.setdefault(t.i, aid)


def place_actor(tok: Token, index: ActorIndex) -> str | None:
    """The actor an act done to the place named at TOK is done to: an actor named there, else the country
    actor of the place, its words made one of that actor's mentions (the people table adds the country
    when the article named it as a place only)."""
    hit = index.at(tok) if tok.i in index.place_span else None
    if hit:
        return hit
    found = index.place_span.get(tok.i)
    if found is None:
        return None
    aid = index.table.place_actor(*found)
    if aid is None:  # a country's name inside a longer name ("the Niger Delta")
        return None
    index.kind.setdefault(aid, "country")
    index.place.setdefault(tok.i, aid)
    return aid


PLACE_PREPS = ("in", "on", "at", "into", "near", "across")


def place_target(verb: Token, index: ActorIndex) -> list[str]:
    """An attack on a place is done to whoever holds it: "bombs exploded IN Kabul", "air strikes hit the
    rebel-held town of X", "X was shelled" (the place's actor, else its country's)."""
    spots = [verb] + [c for c in verb.children if c.dep_ in ("dobj", "obj", "nsubjpass")]
    for s in spots:
        for c in s.children:
            # an act named by a noun is done to the place of its "of" phrase ("the bombardment OF Aleppo")
            preps = PLACE_PREPS + (("of",) if s.pos_ == "NOUN" else ())
            # the place as object or passive subject: "shelled X", "X was shelled"
            if c.dep_ == "prep" and c.lower_ in preps or c.dep_ in ("dobj", "obj", "nsubjpass") and s is verb:
                nouns = [p for p in c.children if p.dep_ == "pobj"] if c.dep_ == "prep" else [c]
                for n in nouns:
                    for t in n.subtree:
                        hit = place_actor(t, index)
                        if hit:
                            return [hit]
    return []


YIELD_TO = {"fall": "to"}  # verbs whose place subject passes to the actor of their prep: "Mosul FELL TO the rebels"


def yielded_to(verb: Token, index: ActorIndex) -> tuple[list[str], list[str]] | None:
    """"Mosul fell to Islamic State": the actor after "to" takes the place (source); the place's holder or its
    country loses it (target). None when VERB is no such verb or names no taker."""
    prep = YIELD_TO.get(verb.lemma_.lower())
    if prep is None:
        return None
    takers = [a for c in verb.children if c.dep_ == "prep" and c.lower_ == prep
              for p in c.children if p.dep_ == "pobj" for a in np_actors(p, index)]
    if not takers:
        return None
    places = [place_actor(t, index) for s in _subjects(verb) for t in s.subtree]
    return takers[:1], [a for a in places if a and a not in takers][:1]


def first_actor_after(tok: Token, index: ActorIndex, exclude: list[str]) -> list[str]:
    """The first actor named in the words TOK governs after it (a statement's topic), other than EXCLUDE and other
    than its by-agent ("the attack, condemned BY X and Y": X and Y condemned it; it is not about them)."""
    agent = {t.i for c in tok.children if c.dep_ == "agent" for t in c.subtree}
    agent -= {t.i for i in list(agent) if tok.doc[i].dep_ in ("relcl", "acl") for t in tok.doc[i].subtree}
    # (but a clause on the agent may name the topic: "criticised by X, WHICH ACCUSED HIM of ...")
    # nor a clause joined to it with a subject of its own ("X condemned the move, AND spokeswoman Y SAID ...": Y is
    # another speaker, not what X condemned)
    agent |= {t.i for c in tok.children if c.dep_ == "conj" and _subjects(c) for t in c.subtree}
    for t in tok.subtree:
        if t.i <= tok.i or t.i in agent:
            continue
        aid = index.at(t)
        if aid and aid not in exclude:
            return [aid]
    return []


HELP_ROOTS = ("06", "07")   # material cooperation and aid: an act in the same sentence by the one helped is no reply
CARRY_SENTENCES = 2   # how far back (in sentences) a dyad carries to an event whose sentence names no target


def carry_dyads(events: list, sentence_starts: list[int], doc: Doc | None = None,
                kinds: dict[str, str] | None = None) -> None:
    """An act whose sentence names no target continues the dyad of the story: its source's latest target
    in the same or the CARRY_SENTENCES sentences before ("Unions warned ministers ... They threatened to
    strike": ministers), else, for a reply, the one who last acted on its source ("X accused Y ... Y
    rejected the claims": X; in its own sentence only when not hypothetical). An act with a target and
    no source ("the men were arrested") takes the latest source of an act on that target ("Police
    raided the flat of two men ... The men were arrested": police). The carried side's words are not in
    the sentence: its span stays None. From an earlier sentence a side is carried only into a slot the sentence
    leaves open or fills with a word that can refer to it: not past a subject or object the sentence names
    ("... The governor said he would meet the protest leaders": not the police of the sentence before; "The
    farmers blocked ROADS": not whom the previous sentence acted on)."""
    from bisect import bisect_right

    ordered = sorted(events, key=lambda e: e.trigger[0])
    sent_no = [bisect_right(sentence_starts, e.trigger[0]) for e in ordered]
    for i, ev in enumerate(ordered):
        if bool(ev.target) == bool(ev.source):
            continue
        if doc is not None and _reacted(ev, doc):
            continue  # "France condemned the raid by X": the reaction's parties are not the act's
        back = [j for j in reversed(range(i)) if sent_no[i] - sent_no[j] <= CARRY_SENTENCES]
        word = _slot_word(ev, doc, subject=not ev.source) if doc is not None else None
        if word is not None:  # only within the sentence, or an actor the word can describe
            back = [j for j in back if sent_no[j] == sent_no[i]
                    or _describes(word, (ordered[j].target if ev.source else ordered[j].source), kinds or {})]
        earlier = [ordered[j] for j in back]
        if ev.source:
            same = next((p.target for p in earlier
                         if p.source == ev.source and p.target and p.target != ev.source), None)
            # a reply answers an earlier act; in its own sentence only as a fact ("police shot men who began
            # shooting at them"), not as a condition ("X warned Y it will be isolated if it seizes towns"), and
            # not to help ("X helped Y retake the city": Y's act is what X helped, not an answer to X)
            # nor, in its own sentence, an act on a thing of its own or one told of the other act's target in a
            # clause hung on it ("police fired at protesters who GATHERED to OPPOSE a bill": the protesters' own
            # acts, not answers to the police; "men who began shooting at THEM" stays a reply)
            answers = not ev.hypothetical and (doc is None or _thing_object(ev, doc) is None)
            reply = next((ordered[j].source for j in back
                          if (sent_no[j] < sent_no[i] or answers and ordered[j].root not in HELP_ROOTS
                              and not (doc is not None and _told_of_its_target(ev, ordered[j], doc)))
                          and ordered[j].target == ev.source and ordered[j].source), None)
            ev.target = same or reply or (_author_of_act_named(ev, earlier, doc) if doc is not None else None)
        elif not (doc is not None and ev.root == "11" and _accusing_participle(ev, doc)):
            ev.source = next((p.source for p in earlier if p.target == ev.target and p.source
                              and p.source != ev.target), None)


def _reacted(ev, doc: Doc) -> bool:
    """The event is an act named by the object of a verb of reaction ("condemned the RAID by X": reacting_verb)."""
    span = doc.char_span(ev.trigger[0], ev.trigger[1], alignment_mode="expand")
    if span is None or span.root.pos_ not in ("NOUN", "PROPN"):
        return False
    word = reacting_verb(span.root)  # (with a reactor named: "the assistance of X is welcomed" names none)
    if word is not None and word.pos_ == "NOUN":  # "X's condemnation of", "X voiced concern about"
        return any(c.dep_ == "poss" for c in word.children) or word.dep_ in ("dobj", "obj") \
            and any(c.dep_ == "nsubj" for c in word.head.children)
    return word is not None and any(c.dep_ in ("nsubj", "agent") for c in word.children)


def _accusing_participle(ev, doc: Doc) -> bool:
    """The accusation is a participle on the accused ("police arrested three men ACCUSED of arson", "bail for a
    businessman accused of bribery"): the grammar leaves the accuser unnamed; whoever acted on the accused is not he."""
    span = doc.char_span(ev.trigger[0], ev.trigger[1], alignment_mode="expand")
    return span is not None and span.root.dep_ == "acl" and span.root.tag_ == "VBN"


def _thing_object(ev, doc: Doc) -> Token | None:
    """The common noun an event's verb is done to, when it names no person or pronoun ("oppose a BILL")."""
    span = doc.char_span(ev.trigger[0], ev.trigger[1], alignment_mode="expand")
    if span is None or span.root.pos_ not in ("VERB", "AUX"):
        return None
    return next((c for c in span.root.children if c.dep_ in ("dobj", "obj") and c.pos_ == "NOUN"
                 and c.lower_ not in PRONOUNS and c.ent_type_ not in ("PERSON", "NORP", "ORG", "GPE")), None)


BACK_PRONOUNS = frozenset({"them", "him", "her", "it", "us", "me"})


def _told_of_its_target(ev, other, doc: Doc) -> bool:
    """EV's trigger sits in a relative clause (or a clause under one) hung inside OTHER's clause: it tells what
    OTHER's target did ("arrested activists WHO RALLIED ... to OPPOSE ..."), unless it is done back to someone
    named by a pronoun ("men who began shooting at THEM")."""
    span = doc.char_span(ev.trigger[0], ev.trigger[1], alignment_mode="expand")
    head = doc.char_span(other.trigger[0], other.trigger[1], alignment_mode="expand")
    if span is None or head is None:
        return False
    tok = span.root
    if any(c.dep_ in ("dobj", "pobj") and c.lower_ in BACK_PRONOUNS for c in tok.subtree):
        return False
    relative = False
    while tok.head.i != tok.i:
        relative = relative or tok.dep_ in ("relcl", "acl")
        tok = tok.head
        if tok.i == head.root.i:
            return relative
    return False


COMMENT_ROOTS = ("05", "11", "12")   # praise, criticism, rejection: about an act, done to whoever did it
NAMING_DETERMINERS = frozenset({"the", "this", "these", "that", "those"})


def _author_of_act_named(ev, earlier: list, doc: Doc) -> str | None:
    """The one a comment on an act already told is addressed to: "X killed 18 people in air strikes ... Hamas
    condemned THE STRIKES" (X). The comment's object must be a definite noun naming no party, and the act one of
    EARLIER (latest first: the CARRY_SENTENCES sentences before) that noun names (its trigger, or the subject of its
    toll verb), with a source other than the commenter."""
    if not ev.cameo.startswith(COMMENT_ROOTS):
        return None
    span = doc.char_span(ev.trigger[0], ev.trigger[1], alignment_mode="expand")
    if span is None:
        return None
    verb = span.root
    noun = next((c for c in verb.children if c.dep_ in ("dobj", "obj") and c.pos_ == "NOUN"
                 and any(d.dep_ == "det" and d.lower_ in NAMING_DETERMINERS for d in c.children)), None)
    if noun is None:
        return None
    lemma = noun.lemma_.lower()
    here = doc[verb.i].sent.start
    for p in earlier:  # latest first
        if not p.source or p.source == ev.source:
            continue
        trig = doc.char_span(p.trigger[0], p.trigger[1], alignment_mode="expand")
        if trig is None or trig.root.i >= here:
            continue
        # the act named by that noun: the earlier trigger itself, or the act noun its toll verb reports ("air
        # STRIKES killed 18"), not any word of its sentence ("... the DEAL")
        named = [trig.root] + [c for c in trig.root.children if c.dep_ in ("nsubj", "nsubjpass")]
        if trig.root.dep_ in ("acl", "relcl"):  # "air strikes KILLED 18 ..., according to X", "strikes that killed"
            named.append(trig.root.head)
        if any(t.lemma_.lower() == lemma for t in named):
            return p.source
    return None


def _slot_word(ev, doc: Doc, subject: bool) -> Token | None:
    """The word by which the sentence fills the event's empty side itself: its subject (SUBJECT: a noun that is no
    actor, "The governor said ...", or "he"/"she") or, for a protest or force, its object ("blocked ROADS"). None
    when the slot is open: no such word, a passive with no agent ("the men were arrested"), "they"/"it"."""
    span = doc.char_span(ev.trigger[0], ev.trigger[1], alignment_mode="expand")
    if span is None:
        return None
    tok = span.root
    verb = tok if tok.pos_ in ("VERB", "AUX") else tok.head
    if subject:
        words = [c for c in verb.children if c.dep_ in ("nsubj", "agent")]
        words = [o for w in words for o in ([w] if w.dep_ == "nsubj" else [p for p in w.children if p.dep_ == "pobj"])]
        return next((w for w in words if w.lower_ in PERSONAL or w.pos_ in ("NOUN", "PROPN")), None)
    if ev.root < "14":
        return None  # a verbal act's object is what is said or threatened ("threatened a STRIKE"), not its party
    return next((c for c in verb.children if c.dep_ in ("dobj", "obj") and c.pos_ in ("NOUN", "PROPN")), None)


def _describes(word: Token, aid: str | None, kinds: dict[str, str]) -> bool:
    """A subject word that can refer back to actor AID named before: "he"/"she" or a singular role noun ("the MP",
    "the minister") to a person. Not a name, nor a role noun to a body or group ("the governor" is not the police)."""
    if aid is None or kinds.get(aid) != "person" or word.dep_ not in ("nsubj", "pobj"):
        return False
    return word.lower_ in PERSONAL or word.tag_ == "NN"


PLACE_ACT_CODES = ("08", "15", "16", "17", "042", "043", "054")  # easing, force, sanctions, coercion, visits,
# embassies: done to a place's holder ("lifted the curfew in X", "opened an embassy in X")


def _nearest_mention(index: ActorIndex, aid: str, tok: Token) -> list[int] | None:
    """The mention of actor AID in TOK's sentence nearest TOK (the words that made it the target)."""
    sent = tok.sent
    actor = next((a for a in index.table.actors if a.id == aid), None)
    inside = [m for m in (actor.mentions if actor else ()) if sent.start_char <= m[0] and m[1] <= sent.end_char]
    return list(min(inside, key=lambda m: abs(m[0] - tok.idx))) if inside else None


def place_targets(events: list, doc: Doc, index: ActorIndex) -> None:
    """Deployments, sanctions, curfews and raids, and visits, whose sentence names no party but a place:
    the act is done to whoever holds it ("imposed a curfew in Ruritania", "troops were sent into X",
    "arrived in X on a visit"). After the events are scored, so an event's confidence is unchanged."""
    for ev in events:
        if ev.target or not ev.cameo.startswith(PLACE_ACT_CODES):
            continue
        span = doc.char_span(ev.trigger[0], ev.trigger[1], alignment_mode="expand")
        if span is None:
            continue
        tok = span.root
        spots = [tok] + ([tok.head] if tok.dep_ in ("dobj", "obj", "pobj", "nsubjpass") else [])
        if tok.dep_ == "pobj" and tok.head.dep_ == "prep":
            spots.append(tok.head.head)  # "arrived in X on a VISIT": the verb the act's phrase hangs on
        found = next((hit for s in spots for hit in place_target(s, index) if hit != ev.source), None)
        ev.target = found
        if found:
            ev.target_span = _nearest_mention(index, found, tok)


MILITARY_ROOTS = ("19",)  # fighting, shelling, air strikes: acts a state does with its armed forces


def military_doers(events: list, index: ActorIndex) -> None:
    """A country named as the doer of a military act stands for its armed forces (the guide: the most specific
    sector the sentence supports): "Britain carried out air strikes on X" -> GBR-MIL. Other acts keep the country."""
    for ev in events:
        if ev.source and ev.source_span and ev.root in MILITARY_ROOTS and index.kind.get(ev.source) == "country" \
                and ev.source.startswith("country:"):
            aid = index.table.sector_actor(ev.source.split(":", 1)[1], "MIL", ev.source_span)
            index.kind.setdefault(aid, "group")
            ev.source = aid


@lru_cache(maxsize=1)
def crowd_words() -> frozenset[str]:
    from eventwatch.resources import read_rows

    return frozenset(cells[0] for _n, cells in read_rows(Path(__file__).parent / "data" / "crowd_words.txt", columns=1))


PROTEST_ROOT = "14"
PROTESTERS = "OPP"  # the guide's sector of protesters


def _sentence_country(sent, index: ActorIndex) -> str | None:
    """The one country of the places a sentence names; None when it names none or places of two countries."""
    found = {index.place_span[t.i][0] for t in sent if t.i in index.place_span}
    return next(iter(found)) if len(found) == 1 else None


def _people_as_protesters(ev, doc: Doc, index: ActorIndex) -> None:
    """A protest done by a country named by its people ("TURKS protested", "protests by PALESTINIANS"): done by that
    country's protesters (the guide: protesters are OPP), not by its state. A country named as a state ("Turkey
    protested") keeps its code."""
    if index.kind.get(ev.source) != "country" or not ev.source.startswith("country:") or not ev.source_span:
        return
    span = doc.char_span(ev.source_span[0], ev.source_span[1], alignment_mode="expand")
    if span is None or span.root.tag_ not in PLURAL_TAGS:
        return
    aid = index.table.sector_actor(ev.source.split(":", 1)[1], PROTESTERS, list(ev.source_span))
    index.kind.setdefault(aid, "group")
    ev.source = aid


def crowd_doers(events: list, doc: Doc, index: ActorIndex) -> None:
    """A protest whose doer the sentence names only by its size or as a crowd (data/crowd_words.txt: "THOUSANDS
    rallied outside the palace in X", "tens of thousands marched through Y", "a crowd gathered in Z") is done by the
    protesters of the one country of the places the sentence names (the guide: protesters are OPP); a protest in a
    clause with no subject of its own has the crowd of the clause it hangs on ("a crowd GATHERED ... to protest"). None is given
    when the sentence names no place, or places of two countries. After scoring: no confidence changes."""
    for ev in events:
        if ev.root == PROTEST_ROOT and ev.source:
            _people_as_protesters(ev, doc, index)
        if ev.source or ev.root != PROTEST_ROOT:
            continue
        span = doc.char_span(ev.trigger[0], ev.trigger[1], alignment_mode="expand")
        if span is None:
            continue
        tok = span.root
        verb = tok if tok.pos_ in ("VERB", "AUX") else tok.head
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        for _ in range(2):  # "a crowd gathered ... TO PROTEST", "thousands marched AND CHANTED": the governing verb's
            if subj is not None or verb.dep_ not in ("advcl", "xcomp", "conj") or verb.head.i == verb.i:
                break
            verb = verb.head
            subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subj is None and verb.dep_ == "acl" and verb.head.lower_ in crowd_words():
            subj = verb.head  # "Thousands ASSEMBLED in X to protest" read as a noun phrase
        if subj is None or subj.lower_ not in crowd_words() or index.at(subj):
            continue
        country = _sentence_country(tok.sent, index)
        if country is None:
            continue
        # the crowd's words: its own, with an "of" phrase of number ("tens OF THOUSANDS"), not a relative clause
        end = subj
        for c in subj.children:
            if c.dep_ == "prep" and c.lower_ == "of" and c.i > subj.i:
                obj = next((o for o in c.children if o.dep_ == "pobj" and o.lower_ in crowd_words()), None)
                end = obj or end
        mention = [subj.left_edge.idx if subj.left_edge.dep_ in ("det", "amod", "nummod", "quantmod") else subj.idx,
                   end.idx + len(end)]
        aid = index.table.sector_actor(country, PROTESTERS, mention)
        index.kind.setdefault(aid, "group")
        ev.source, ev.source_span = aid, mention

