"""Literal or figurative: is a word of violence in a sentence an act of violence?

News uses the vocabulary of force for sport, markets and politics: a team *beats* another, shares *shoot up*,
a firm wins a *takeover battle*, a senator *attacks* a policy, airlines *fight* a law, a *heart attack*. The
pattern lexicon lists violence verbs and nouns (CAMEO roots 18–20); this module vetoes a match when the words
around it say the use is figurative, and turns a figurative attack into the speech it is (CAMEO 111, criticise).
The word lists are data (``data/literal.tsv``). The rules are about the grammar, not about any one sentence:

* a trigger inside a name (an organisation, a work, a product: "The Clash", "Desert Storm") is no event;
* a violence verb with a score ("beaten 5-0") is a result; one with no object but a word of effort ("fought
  back", "battled hard") or a result ("battled to a 6-3 win", "stormed to gold") is a contest;
* an event noun modified by a common noun that is not military ("takeover battle", "price war", "heart
  attack") or by an adjective of another domain ("legal battle", "verbal attack") is figurative;
* a violence verb whose direct object (or "against", "at", "on" object) is neither someone, nor somewhere,
  nor a military target or weapon ("attacked the legislation", "fight rising prices", "resisted pressure") is
  figurative, unless its subject is armed ("troops", "police"); so is a passive one whose "by" agent is no
  such thing ("websites bombarded by requests", "killed by floods");
* coercion (CAMEO 17) by a subject or agent that is no one ("the energy crisis forced the president to ...")
  is circumstance;
* control taken "of" something that is not a place, a territory or a government ("took control of the club",
  "of Fiat's car business") is no occupation.

Verbs of cooperation and appeal have ordinary senses too (the ``sense`` rows name the verb and its rule):

* "meet" a thing ("meet the target", "meet its needs", "met with criticism") satisfies or receives it: no meeting;
* "ask" without a request's complement (an infinitive, "for", "that", a thing asked for) asks a question
  ("asked why ministers ...", "asked about the damages, he said");
* "seek" with an infinitive is an attempt ("sought to reassure backbenchers"), not an appeal;
* "help" with a verb ("help protect", "helped him win") makes something easier: no aid; but help given to armed
  forces ("helped Iraqi forces retake the city") is military assistance (CAMEO 072) whatever they did with it;
* "plead guilty", "plead not guilty" is a plea in court, not an appeal;
* "insist" on a fact ("insisted he was on course") asserts; a demand has "on", "must", "should" or a bare verb;
* "be expected to" predicts; no one is asked;
* a noun of a standing relation ("cooperation", "ties", "support") as the subject of a verb of degree or state
  ("cooperation between the two countries has grown", "support for the army remains strong") describes a state
  of affairs: no act is reported (the guide, section 1: an event is an act);
* an adjective of condemnation with nothing to constrain it ("unacceptable", "barbaric") is criticism only when a
  verb of saying or describing reports it of a party ("the minister said the raid by Ruritanian troops was barbaric"),
  not as the article's own word ("the decision is unacceptable") or of no party ("the traffic was appalling");
* "charge" with a weapon ("charged the protesters with batons") or into people is force (CAMEO 175), not a legal
  charge ("charged him with murder", "with smuggling guns into Libya", 173); a body of sport's charge is sport;
* "warn" of a peril no one wields ("warned of famine", "warned that cholera was spreading", "that growth would
  slow") forecasts it: no threat (CAMEO 13x needs the speaker to be the one who would act against the target);
* a figurative "attack" is criticism (111) only of a party's act or word ("attacked the legislation", "his record"),
  not of a thing ("attacked the net"); one by a disease ("bird flu attacked farms") is none;
* "support" given to armed forces is military assistance (CAMEO 072), not an endorsement (this rule is the one owner
  of that reading: the pattern lexicon codes "support" + a party as 051 and leaves the armed ones to it).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Token

from eventwatch.events.lexicon import load_lexicon

VIOLENCE_ROOTS = frozenset({"18", "19", "20"})
COERCION_ROOT = "17"
NAME_LABELS = frozenset({"ORG", "WORK_OF_ART", "PRODUCT", "FAC", "LAW", "EVENT", "PERSON"})
PARTICIPANT_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})
PERSONAL_PRONOUNS = frozenset({"he", "she", "they", "we", "i", "you", "him", "her", "them", "us", "me", "who", "whom",
                               "himself", "herself", "themselves", "ourselves", "myself", "yourself", "itself"})
AIMED_PREPS = ("at", "on")
NAMED_CONTESTS = frozenset({"EVENT", "WORK_OF_ART", "PRODUCT", "LAW"})
NAMED_WARS = frozenset({"war", "conflict", "invasion", "uprising", "insurgency"})   # "the Gulf war" is named and real
DROP = "drop"
MEETING_ROOT = "04"
NOMINAL_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "obj", "pobj", "appos"})   # a verb form heading a noun phrase
SCORE = re.compile(r"^\d{1,3}[-–]\d{1,3}$")   # "beaten 5-0", "beat him 6-3": a result, not a beating


@dataclass(frozen=True)
class Words:
    human: frozenset[str]
    armed: frozenset[str]
    authority: frozenset[str]
    target: frozenset[str]
    weapon: frozenset[str]
    modifier: frozenset[str]
    adjective: frozenset[str]
    effort: frozenset[str]
    mishap: frozenset[str]
    abstract: frozenset[str]
    intransitive: frozenset[str]
    verbal: dict[str, str]
    cause: dict[str, str]
    plea: frozenset[str] = frozenset()
    sense: dict[str, str] | None = None
    obligation: frozenset[str] = frozenset()
    requirement: frozenset[str] = frozenset()
    contest: frozenset[str] = frozenset()
    victory: frozenset[str] = frozenset()
    military: frozenset[str] = frozenset()
    standing: frozenset[str] = frozenset()
    describe: frozenset[str] = frozenset()
    degree: frozenset[str] = frozenset()
    forcemod: frozenset[str] = frozenset()
    bygone: frozenset[str] = frozenset()
    hazard: frozenset[str] = frozenset()
    labour: frozenset[str] = frozenset()
    retort: frozenset[str] = frozenset()
    hostile: frozenset[str] = frozenset()
    fining: frozenset[str] = frozenset()
    unmeant: frozenset[str] = frozenset()
    peril: frozenset[str] = frozenset()
    consequence: frozenset[str] = frozenset()
    stance: frozenset[str] = frozenset()
    sportbody: frozenset[str] = frozenset()
    sport: frozenset[str] = frozenset()
    sportname: frozenset[str] = frozenset()
    venue: frozenset[str] = frozenset()
    speaking: frozenset[str] = frozenset()
    drift: frozenset[str] = frozenset()
    manned: frozenset[str] = frozenset()
    topic: frozenset[str] = frozenset()
    reversal: frozenset[str] = frozenset()
    foiling: frozenset[str] = frozenset()
    success: frozenset[str] = frozenset()
    ownside: frozenset[str] = frozenset()
    doubt: frozenset[str] = frozenset()
    barring: frozenset[str] = frozenset()
    political: frozenset[str] = frozenset()
    civiluse: frozenset[str] = frozenset()
    craft: frozenset[str] = frozenset()
    onset: frozenset[str] = frozenset()

    @property
    def participants(self) -> frozenset[str]:
        return self.human | self.armed | self.target


@lru_cache(maxsize=1)
def load_words(path: str | None = None) -> Words:
    kinds = ("human", "armed", "authority", "target", "weapon", "modifier", "adjective", "effort", "mishap", "abstract",
             "intransitive", "plea", "obligation", "requirement", "contest", "victory", "military", "standing", "degree", "describe",
             "forcemod", "bygone", "hazard", "labour", "retort", "hostile", "fining", "unmeant", "peril", "consequence",
             "stance", "sportbody", "sport", "sportname", "venue", "speaking", "drift", "manned", "topic", "reversal", "foiling",
             "success", "ownside", "doubt", "barring", "political", "civiluse", "craft", "onset")
    sets: dict[str, set[str]] = {k: set() for k in kinds}
    verbal: dict[str, str] = {}
    cause: dict[str, str] = {}
    sense: dict[str, str] = {}
    from eventwatch.resources import read_rows

    src = Path(path) if path else Path(__file__).parent / "data" / "literal.tsv"
    for n, cols in read_rows(src, columns=(2, 3)):
        if cols[0] in ("verbal", "cause", "sense") and len(cols) == 3:
            {"verbal": verbal, "cause": cause, "sense": sense}[cols[0]][cols[1]] = cols[2]
        elif cols[0] in sets and len(cols) == 2:
            sets[cols[0]].add(cols[1])
        else:
            raise ValueError(f"{src.name} line {n}: expected 'kind<TAB>word' (or 'verbal<TAB>word<TAB>code'): {cols!r}")
    unknown = set(sense.values()) - set(SENSES)
    if unknown:
        raise ValueError(f"{src.name}: unknown sense rule(s) {sorted(unknown)}; known: {sorted(SENSES)}")
    obligation = frozenset(sets.pop("obligation"))
    return Words(**{k: frozenset(v) for k, v in sets.items()}, verbal=verbal, cause=cause, sense=sense,
                 obligation=obligation)


def figurative(tok: Token, code: str, noun: bool, constrained: bool, lemma: str,
               known: set[int], agents: frozenset[str] = frozenset(), places: set[int] | frozenset = frozenset()) -> str | None:
    """None when TOK may be read literally; DROP, or the code of its verbal reading, when it is figurative.

    CODE is the matched pattern's code, NOUN whether TOK is an event noun, CONSTRAINED whether the pattern
    already names the object or modifier it needs (then the lexicon has decided); KNOWN holds the token
    positions of actor, place and person mentions, PLACES those of place mentions only; AGENTS the generic
    agent nouns of the actor dictionary.
    """
    if tok.ent_type_ in NAME_LABELS and tok.pos_ == "PROPN" or tok.ent_type_ in ("WORK_OF_ART", "PRODUCT", "LAW"):
        return DROP
    if tok.ent_type_ in ("DATE", "TIME") and tok.pos_ == "PROPN":
        return DROP  # a month, not a march: "elections will be held in MARCH", "to hold a referendum in March"
    if not noun and tok.dep_ in NOMINAL_DEPS and any(c.dep_ == "det" for c in tok.children):
        return DROP  # a participle used as a noun names people, not an act: "the accused", "the wounded"
    words = load_words()
    if not noun and lemma in (words.sense or {}):
        reading = SENSES[words.sense[lemma]](tok, lemma, words, known, agents)
        if reading is not None:
            return reading  # else the act's own tests below ("charged" 173: a coercion needs a coercer)
    if not noun and code[:3] in OTHER_SENSES:
        return OTHER_SENSES[code[:3]](tok, lemma, words, known, agents)
    if code[:2] == COERCION_ROOT and not noun:
        return _coercer_missing(tok, known, agents, institution_act=code[:3] != "170")
    if not noun and tok.pos_ == "ADJ" and code[:2] == CRITICISM_ROOT and not constrained \
            and not any(c.dep_ == "prep" for c in tok.children) and verdict(tok, known, agents) is None:
        # (an adjective of emotion about something, "furious OVER the decision", is its own pattern's +prep)
        return DROP  # "the government's decision is unacceptable" (the article's own words), "the traffic was appalling"
    if noun and _described(tok, words):
        return DROP  # "cooperation between the two countries has grown", "support for the army remains strong"
    if noun and code[:2] == MEETING_ROOT and _venue(tok, words):
        return DROP  # "told reporters AT the bank's annual meeting", "in a speech TO the summit": where it was said
    if noun and code[:2] == THREAT_ROOT and _of_hazard(tok, words):
        return DROP  # "a flood warning", "a warning of landslides": a forecast of a hazard, not a threat
    if code[:2] in UNTOLD_ROOTS and _not_told(tok, noun, words, known):
        return DROP  # "analysts doubt talks can resume", "described the talks as constructive", "banned from protesting"
    if code[:2] not in VIOLENCE_ROOTS:
        return None
    if constrained and not noun and _no_war_use(tok, words, known, agents):
        return DROP  # "a rocket launched by a university team hit its target", "a police drone struck a power line"
    if any(SCORE.match(c.text) for c in tok.children) or _mishap(tok, words) or _won_contest(tok, lemma, words):
        return DROP
    caused = _cause_code(tok, words)
    if caused is not None and not noun:
        return caused if caused != code else None
    if code[:3] == "192":
        # "took control OF the club", "gained control of the pension scheme": a company or a game, not territory
        owned = [o for c in tok.children if c.dep_ in ("dobj", "obj") for o in _pobjs(c, ("of", "over"))]
        owned += _pobjs(tok, ("of", "over"))
        if owned and not any(o.i in places or o.ent_type_ in ("GPE", "LOC", "FAC") or o.lemma_.lower() in words.target
                             for o in owned):
            return DROP
    if noun and lemma in WAR_NOUNS and _war_as_topic(tok, words):
        return DROP  # "anger OVER the Iraq war", "the legality OF the war": what is argued about, not an act told
    if constrained:
        return None
    if noun:
        return _figurative_noun(tok, lemma, words, known)
    return _figurative_verb(tok, lemma, words, known, agents)


WAR_NOUNS = frozenset({"war"})  # a war is a state of affairs that lasts; its acts (invasion, strikes) are told apart
TOPIC_PREPS = frozenset({"over", "about", "on"})


def _war_as_topic(tok: Token, words: "Words") -> bool:
    """The war is what a dispute, a view or a paper is about: the object of "over", "about" or "on" ("resigned OVER
    the Iraq war", "his stance ON the war") or of an "of" after a ``topic`` noun ("the legality OF the war"). A war
    ended, started or fought, or one that something happened "in" or "because of", is not a topic."""
    if tok.dep_ != "pobj":
        return False
    prep = tok.head
    if prep.lower_ in TOPIC_PREPS:
        return True
    return prep.lower_ == "of" and prep.head.lemma_.lower() in words.topic


def _figurative_noun(tok: Token, lemma: str, words: "Words", known: set[int]) -> str | None:
    """An event noun's modifiers: "takeover battle", "heart attack", "the Six Nations clash", "legal battle"."""
    for c in tok.children:
        if c.dep_ == "compound" and c.pos_ == "NOUN" and c.lemma_.lower() not in words.modifier \
                and c.i not in known and c.ent_type_ not in PARTICIPANT_LABELS:
            return DROP
        if c.dep_ == "compound" and c.ent_type_ in NAMED_CONTESTS and c.i not in known and lemma not in NAMED_WARS:
            return DROP  # "the Six Nations clash", "a Champions League battle": a match
        if c.dep_ == "amod" and c.lemma_.lower() in words.adjective:
            return words.verbal.get(lemma, DROP)
    return None


def _figurative_verb(tok: Token, lemma: str, words: "Words", known: set[int], agents: frozenset[str]) -> str | None:
    """A violence verb's subject, agent, objects and results."""
    if any(c.dep_ == "nsubj" and _lemmas(c) & words.armed for c in tok.children):
        return None  # troops, rebels, police: whatever they 'capture' or 'hit' is meant literally
    doers = [o for c in tok.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"]
    if doers and not any(_participant(o, words, known, agents) or _lemmas(o) & words.armed for o in doers):
        return DROP  # "websites bombarded by requests", "sales hit by the popularity of a diet", "killed by floods"
    if any(_lemmas(o) & words.armed for o in doers):
        return None  # "attacked by rebels": whatever they attacked is meant literally
    subjects = [_antecedent(tok, c) for c in tok.children if c.dep_ == "nsubj"]
    subjects += [o for c in subjects for o in _pobjs(c, ("of",))]   # "a series OF airstrikes killed ..."
    if subjects and not any(_participant(o, words, known, agents) or o.pos_ == "PRON" for o in subjects):
        if any(_lemmas(o) & (words.mishap | words.hazard | words.peril) or _of_peril(o, words) for o in subjects):
            return DROP  # "a strain of bird flu attacked poultry farms", "the storm destroyed ...": no one's act
        return words.verbal.get(lemma, DROP)  # "the film attacks ...", "hunger killed ..."
    objs = [c for c in tok.children if c.dep_ in ("dobj", "obj")] + _pobjs(tok, ("against",)) + _patients(tok)
    if not objs:
        # "fought back", "battled hard", "battled to a 6-3 win", "stormed to gold": effort and results, not force
        if any(c.dep_ in ("prt", "advmod") and c.lower_ in words.effort for c in tok.children):
            return DROP
        results = _pobjs(tok, ("to", "into"))
        if results and not any(_participant(o, words, known, agents) for o in results):
            return DROP
        return None  # nothing it is done to: no evidence either way
    aimed = objs + _pobjs(tok, AIMED_PREPS)  # "fired shells AT the town": where it was aimed counts too
    aimed += [cc for o in aimed for cc in o.conjuncts]
    # "scores OF refugees", "part OF a stronghold": a quantity or part stands for what it is of
    aimed += [o for obj in aimed for p in obj.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children
              if o.dep_ == "pobj"]
    if _political_quarrel(tok, words, known):
        return words.verbal.get(lemma, DROP)  # "Labour attacked the Conservatives OVER waiting lists": criticism
    if any(_participant(o, words, known, agents) for o in aimed):
        return None
    if any(_criticisable(o, words, known, agents) for o in aimed):
        return words.verbal.get(lemma, DROP)  # "attacked the legislation", "attacked Bush's record": criticism
    return DROP  # "attacked the net", "attacked their old hits": neither a party nor a party's act or word


def _criticisable(o: Token, words: "Words", known: set[int], agents: frozenset[str]) -> bool:
    """A thing a party said, decided or did (``stance`` rows: "the legislation", "his record"), or one owned by a named
    party ("the government's handling", "Labour's figures"): what a figurative attack criticises (111)."""
    if _lemmas(o) & words.stance or o.pos_ == "PRON" or o.tag_ in ("DT", "WDT"):
        return True  # ... or what a pronoun stands for ("THAT has been attacked by the Tories as too little")
    from eventwatch.actors.lexicon import relation_nouns

    if o.lemma_.lower() in relation_nouns():
        return True  # "attacked his WIFE": a person
    return any(c.dep_ in ("poss", "compound", "amod") and (c.i in known or c.ent_type_ in PARTICIPANT_LABELS)
               for c in o.children)


def _of_peril(o: Token, words: "Words") -> bool:
    """"A new strain OF bird flu", "an outbreak of cholera": the noun's of-object is a peril."""
    perils = words.mishap | words.hazard | words.peril
    return any(_lemmas(p) & perils or p.lower_ in perils for p in _pobjs(o, ("of",)))


def _patients(tok: Token) -> list[Token]:
    """The subject of a passive verb: what the act was done to ("the policy, which was attacked by the Greens":
    the policy; a relative pronoun stands for the noun its clause modifies)."""
    return [_antecedent(tok, c) for c in tok.children if c.dep_ == "nsubjpass"]


def _antecedent(verb: Token, subj: Token) -> Token:
    """A relative pronoun subject stands for the noun its clause modifies ("the raid, WHICH killed ...")."""
    return verb.head if subj.tag_ in ("WDT", "WP") and verb.dep_ == "relcl" else subj


def _cause_code(tok: Token, words: "Words") -> str | None:
    """A killing or a destruction whose subject is an act of force is that act ("air strikes KILLED twenty
    fighters": an air strike, 195; "the shelling killed": 194), the code of its ``cause`` row."""
    verb = tok.head if tok.dep_ == "conj" and not any(c.dep_ == "nsubj" for c in tok.children) else tok
    subjects = [_antecedent(verb, c) for c in verb.children if c.dep_ == "nsubj"]   # "... killed 20 and DESTROYED"
    subjects += [o for c in subjects for o in _pobjs(c, ("of",))]   # "a series OF airstrikes"
    for s in subjects:
        for word in sorted(_lemmas(s)):
            if word in words.cause:
                return words.cause[word]
    return None


def _mishap(tok: Token, words: "Words") -> bool:
    """An accident or a disaster as the cause: "killed IN a helicopter crash", "a stampede killed three pilgrims",
    "died after the avalanche hit the village" (the subject or an in/during/after object names the mishap)."""
    causes = [c for c in tok.children if c.dep_ == "nsubj"] + _pobjs(tok, ("in", "during", "after"))
    if any(_lemmas(c) & words.mishap for c in causes):
        return True
    # done by accident: "shot dead BY MISTAKE", "ACCIDENTALLY shot" (the guide: accidents are not attacks)
    if any(c.dep_ == "advmod" and c.lower_ in words.unmeant for c in tok.children) \
            or any(o.dep_ == "pobj" and o.lemma_.lower() in words.unmeant for p in tok.children
                   if p.dep_ in ("prep", "agent") and p.lower_ in ("by", "in", "through") for o in p.children):
        return True
    if tok.lemma_.lower() not in FOUGHT_VERBS:
        return False  # "opened FIRE on the post", "set fire to": the fire is the act
    # what is fought is a disaster or a hazard, no party: "firefighters BATTLED the blaze", "fighting two fires"
    fought = [c for c in tok.children if c.dep_ in ("dobj", "obj")] + _pobjs(tok, ("against",))
    return bool(fought) and all(_lemmas(c) & (words.mishap | words.hazard) for c in fought)


FOUGHT_VERBS = frozenset({"fight", "battle", "combat", "tackle", "contain"})  # verbs whose object is what is fought


THREAT_ROOT = "13"


def _won_contest(tok: Token, lemma: str, words: "Words") -> bool:
    """A win in a contest ("defeated Uganda IN THE FINAL", "beat the Conservatives in the by-election"): a verb of
    victory (``victory`` rows) with an in/at object that is a match or a vote (``contest`` rows)."""
    if lemma not in words.victory:
        return False
    where = _pobjs(tok, ("in", "at")) + [o for d in tok.children if d.dep_ in ("dobj", "obj") for o in _pobjs(d, ("in", "at"))]
    return any(o.lemma_.lower() in words.contest for o in where)


CRITICISM_ROOT = "11"


def verdict(tok: Token, known: set[int], agents: frozenset[str]) -> tuple[Token, Token] | None:
    """(the verb of saying or describing, the word judged) when a word of condemnation is said of a party, else None.

    An adjective ("unacceptable", "barbaric") is criticism (111) only when someone says it of a party: its clause is
    reported by a verb of saying or describing ("the minister SAID the RAID BY RURITANIAN TROOPS was barbaric", "CALLED
    the RAID barbaric"), and what it judges is a party or a party's act ("THE GOVERNMENT'S decision"). A verb of
    describing with a complement of condemnation ("CALLED the Ugandan raid barbaric", "called him a traitor") is
    that criticism itself. The guide, section 1: criticism needs a target party; the article's own judgments are no
    events. The one test of both the literal reading (``figurative``) and the coder's source and target."""
    words = load_words()
    found = _described_as(tok, words) if tok.pos_ in ("VERB", "AUX") else _verdict_clause(tok)
    if found is None:
        return None
    verb, judged = found
    if verb.lemma_.lower() not in load_lexicon().frames.speech | words.describe:
        return None
    if judged.lower_ == "it":  # "said it was unacceptable THAT THE UN had no access": the extraposed clause is judged
        party = any(t.i in known for c in judged.head.children if c.dep_ in ("ccomp", "xcomp") and c.i > tok.i
                    for t in c.subtree)
    elif judged.dep_ in COMPLEMENT_DEPS:  # "called [the Ugandan raid barbaric]": the parser put the object inside
        party = any(t.i in known and t.pos_ != "PRON" for t in judged.subtree)
    else:
        party = _party_phrase(judged, words, known, agents)
    return found if party else None


COMPLEMENT_DEPS = ("oprd", "xcomp", "ccomp")


def _verdict_clause(adj: Token) -> tuple[Token, Token] | None:
    """(the verb that reports it, the word judged) for an adjective: "SAID the RAID was barbaric" (the copula's clause
    reported), "CALLED the RAID barbaric" (its complement)."""
    clause = adj.head if adj.dep_ in ("acomp", "attr") else adj
    if clause.dep_ in ("ccomp", "parataxis") and clause.head.i != clause.i:
        judged = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
        return (clause.head, judged[0]) if judged else None
    if adj.dep_ in COMPLEMENT_DEPS and adj.head.i != adj.i:
        judged = [c for c in adj.head.children if c.dep_ in ("dobj", "obj")]
        if judged:
            return adj.head, judged[0]
        # "called [the Ugandan decision unacceptable]": the parser put the object inside the complement
        return (adj.head, adj) if adj.dep_ == "oprd" else None
    return None


def _described_as(verb: Token, words: "Words") -> tuple[Token, Token] | None:
    """(VERB, the word judged) for a verb of describing whose complement is a word of condemnation: "called the raid
    barbaric", "called him a traitor" (the object, or the complement when the parser put the object inside it)."""
    if verb.lemma_.lower() not in words.describe:
        return None
    for c in verb.children:
        if c.dep_ in COMPLEMENT_DEPS and c.pos_ != "AUX" and _condemning(c):
            objs = [o for o in verb.children if o.dep_ in ("dobj", "obj")]
            return verb, objs[0] if objs else c
    return None


def _condemning(tok: Token) -> bool:
    """A word of condemnation: an adjective the lexicon codes as criticism with nothing to constrain it
    ("barbaric", "unacceptable"), or a noun it names as what one is called in criticism ("a traitor", "an outrage")."""
    lex = load_lexicon()
    forms = {tok.lemma_.lower(), tok.lower_}
    if any(p.code[:2] == CRITICISM_ROOT and not p.preps and not p.dobj
           for w in forms for p in lex.by_trigger.get(("a", w), ())):
        return True
    return any(p.code[:2] == CRITICISM_ROOT and forms & p.dobj for p in lex.by_trigger.get((False, "call"), ()))


def _description(tok: Token, lemma: str, words: "Words", known: set[int], agents: frozenset[str]) -> str | None:
    """"Call" with a complement names or judges; it is no call to anyone: criticism (111) when the complement condemns
    a party ("called the Ugandan raid barbaric"), else no event ("called the talks constructive", "called the weather
    appalling"); "call" with no complement is left to its patterns ("called the minister": 041, "called for": 020)."""
    complements = [c for c in tok.children if c.dep_ == "oprd" and not _infinitive(c)
                   or c.dep_ in COMPLEMENT_DEPS and c.pos_ in ("ADJ", "NOUN", "PROPN")]   # not "called on X to ..., he moaned"
    if not complements:
        return None
    if any(c.pos_ == "ADJ" for c in complements):
        return DROP  # the adjective is its own trigger and carries the criticism ("called the decision UNACCEPTABLE")
    return CRITICISM if verdict(tok, known, agents) is not None else DROP


CRITICISM = "111"


def _infinitive(verb: Token) -> bool:
    """"called the ambassador TO EXPLAIN": a summons with an infinitive, not a description."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _party_phrase(o: Token, words: "Words", known: set[int], agents: frozenset[str]) -> bool:
    """O names a party, or its phrase does: "the government's decision", "the raid by troops", "Israeli strikes"."""
    if (o.i in known and o.pos_ != "PRON") or o.lemma_.lower() in agents or _lemmas(o) & words.military:
        return True
    for c in o.children:
        if c.dep_ in ("poss", "compound", "amod", "nmod") and (c.i in known or c.lemma_.lower() in agents):
            return True
        if c.dep_ == "prep" and c.lower_ in ("by", "of", "from") and any(
                p.dep_ == "pobj" and _party_phrase(p, words, known, agents) for p in c.children):
            return True
    return False


def _described(tok: Token, words: "Words") -> bool:
    """A noun of a standing relation ("cooperation", "support", "ties") as the subject of a verb of degree or state
    ("has grown", "deepened", "remains strong", "is close"): a state of affairs described, no act reported."""
    if tok.lemma_.lower() not in words.standing or tok.dep_ != "nsubj":
        return False  # a passive subject was acted on: "cooperation WAS EXPANDED by a treaty" reports the act
    verb = tok.head
    return verb.lemma_.lower() in words.degree and not any(c.dep_ in ("dobj", "obj") for c in verb.children)


def _venue(tok: Token, words: "Words") -> bool:
    """A gathering named as the place of a statement ("speaking to reporters AT the annual meeting", "told a council
    MEETING", "said DURING the summit", "in a speech TO the conference"), with no one met in its own phrase ("a
    meeting WITH the envoy"): the sentence reports what was said there, not the gathering (no 04 event)."""
    if tok.lemma_.lower() not in words.venue or any(c.dep_ == "prep" and c.lower_ in ("with", "between")
                                                    for c in tok.children):
        return False
    if tok.dep_ == "dobj":
        return tok.head.lemma_.lower() in words.speaking
    if tok.dep_ != "pobj" or tok.head.lower_ not in ("at", "during", "to"):
        return False
    word = tok.head.head
    for _ in range(2):  # "speaking to reporters AT the meeting": the phrase may hang on the addressees
        if word.lemma_.lower() in words.speaking:
            return True
        if word.dep_ != "pobj":
            return False
        word = word.head.head
    return False


def _of_hazard(tok: Token, words: "Words") -> bool:
    """The noun's compound or its of/about object is a mishap or a peril no one wields ("flood warning", "the threat
    of an earthquake", "a warning of famine")."""
    perils = words.mishap | words.hazard | words.peril
    return bool(_lemmas(tok) & words.mishap) or any(_lemmas(o) & perils for o in _pobjs(tok, ("of", "about")))


def _pobjs(tok: Token, preps: tuple[str, ...]) -> list[Token]:
    return [o for p in tok.children if p.dep_ == "prep" and p.lower_ in preps for o in p.children if o.dep_ == "pobj"]


def _coercer_missing(tok: Token, known: set[int], agents: frozenset[str], institution_act: bool = False) -> str | None:
    """Coercion (CAMEO 17) needs a coercer: a subject or "by" agent that is someone. "The energy crisis
    forced the president to ...", "falling sales forced the firm to ..." are circumstances, not coercion."""
    words = load_words()
    doers = [c for c in tok.children if c.dep_ == "nsubj"]
    doers += [o for c in tok.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"]
    if not doers and tok.dep_ == "advcl" and tok.tag_ == "VBG":
        # "the yen's rise hit exporters, FORCING them to cut jobs": the participle's doer is its clause's subject
        doers = [c for c in tok.head.children if c.dep_ == "nsubj"]
    if not doers and tok.dep_ == "conj" and not any(c.dep_ == "nsubjpass" for c in tok.children):
        # "heavy snow cut the power and FORCED the council to close schools": the verb shares its first conjunct's
        # subject (a relative pronoun there is left alone: its antecedent may be anyone)
        doers = [c for c in tok.head.children if c.dep_ == "nsubj" and c.tag_ not in ("WDT", "WP", "WP$")]
    if not doers and tok.dep_ == "acl" and tok.tag_ == "VBG":
        # "rising rents FORCING families out of the city": the noun the participle describes is its doer
        doers = [tok.head]
    if doers and not any(_participant(o, words, known, agents) or _lemmas(o) & (words.armed | words.authority)
                         or institution_act and o.lower_ == "it" for o in doers):
        # INSTITUTION_ACT: an act only a body does (arrest, deport, seize: not the generic "force", 170) makes its
        # "it" such a body ("in 2021 IT arrested the prime minister"), where "it forced the president out" may be a crisis
        return DROP
    return None


IDEA_DEPS = frozenset({"pcomp", "ccomp", "csubj", "pobj", "dobj", "nsubj"})  # a non-finite verb named as an idea (not
# "an attempt by the government TO FORCE them to close" (acl): an attempt is the act)


def _doers(tok: Token) -> list[Token]:
    return [c for c in tok.children if c.dep_ in ("nsubj", "agent")]


def _passive_without_agent(tok: Token) -> bool:
    return any(c.dep_ == "nsubjpass" for c in tok.children) and not any(c.dep_ == "agent" for c in tok.children)


def _coerced(tok: Token, lemma: str, words: "Words", known: set[int], agents: frozenset[str]) -> str | None:
    """"Force" (CAMEO 170) with no one forcing ("the firm was forced into bankruptcy", "they were forced to cancel")
    is circumstance; forcing a thing ("forced a vote", "force an amendment") is no coercion of anyone. People
    forced from their homes ("villagers were forced to flee") were forced by someone: kept."""
    if _coercer_missing(tok, known, agents) == DROP:
        return DROP
    if tok.tag_ in ("VB", "VBG") and tok.dep_ in IDEA_DEPS and not _doers(tok):
        return DROP  # "the benefit OF FORCING a woman to ...", "makes little sense TO FORCE firms to ...": an idea, no act
    patients = _patients(tok)
    patients += [o for p in patients for o in _pobjs(p, ("of",))]  # "thousands OF villagers"
    if _passive_without_agent(tok) and not any(_lemmas(p) & words.human for p in patients):
        return DROP
    objs = [c for c in tok.children if c.dep_ in ("dobj", "obj")]
    if objs and all(_lemmas(o) & words.abstract for o in objs):
        return DROP
    return None


def _seized(tok: Token, lemma: str, words: "Words", known: set[int], agents: frozenset[str]) -> str | None:
    """"Seize" (CAMEO 171) of an opportunity or an advantage, or "seize on" a report, takes nothing from anyone."""
    objs = [c for c in tok.children if c.dep_ in ("dobj", "obj")]
    if objs and all(_lemmas(o) & words.abstract for o in objs):
        return DROP
    seized_on = _pobjs(tok, ("on", "upon"))
    if not objs and seized_on and not any(_participant(o, words, known, agents) for o in seized_on):
        return DROP
    return None


def _withdrawn(tok: Token, lemma: str, words: "Words", known: set[int], agents: frozenset[str]) -> str | None:
    """"Withdraw" (CAMEO 166: people, missions) of a thing ("withdrew the regulations", "withdrew its objections")
    gives in: CAMEO 080 (yield); from a territory with no object ("withdrew from Syria") it is a military
    withdrawal (0874). "Expel" is always of people."""
    if lemma not in WITHDRAW_VERBS:
        return None
    objs = [c for c in tok.children if c.dep_ in ("dobj", "obj")]
    if objs and not any(_participant(o, words, known, agents) or _lemmas(o) & words.armed for o in objs):
        return "080"
    places = _pobjs(tok, ("from", "out"))
    if not objs and any(o.ent_type_ in TERRITORY_LABELS for o in places) and not _doer_is_body(tok):
        return MILITARY_RETREAT  # "withdrew from Syria", "pull out of Iraq": a withdrawal from territory (CAMEO 0874)
    if not objs and any(o.lemma_.lower() in words.target for o in places) \
            and any(c.dep_ == "nsubj" and _lemmas(c) & words.armed for c in tok.children):
        return MILITARY_RETREAT  # "troops withdrew from the town": armed forces leaving a place (not "from the talks")
    return None


def _doer_is_body(tok: Token, steps: int = 4) -> bool:
    """The nearest subject up the verb's chain is an organisation ("the UN has no plans to withdraw from
    Afghanistan": a mission withdrawn, CAMEO 166, not an army's retreat)."""
    t = tok
    for _ in range(steps):
        subj = [c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subj:
            return subj[0].ent_type_ == "ORG"
        if t.head.i == t.i:
            return False
        t = t.head
    return False


TERRITORY_LABELS = frozenset({"GPE", "LOC"})
MILITARY_RETREAT = "0874"


def _shown(tok: Token, lemma: str, words: "Words", known: set[int], agents: frozenset[str]) -> str | None:
    """"Demonstrate", "rally", "march" with a direct object or a clause are no protest ("demonstrated his support",
    "must demonstrate WHY the deal adds value", "to demonstrate to X THAT there are consequences"): they show."""
    if lemma in words.intransitive and any(c.dep_ in ("dobj", "obj", "ccomp") and not _misparsed_place(c)
                                           for c in tok.children):
        return DROP
    return None


PLACE_PREPS_AS_ADJ = frozenset({"outside", "inside", "near"})


def _misparsed_place(obj: Token) -> bool:
    """"Rallied OUTSIDE parliament": the tagger reads the preposition as an adjective of a direct object; the
    phrase is where the protest was, not what was shown."""
    first = obj.doc[obj.left_edge.i]
    return first.lower_ in PLACE_PREPS_AS_ADJ and first.head.i == obj.i and first.i == obj.head.i + 1


WITHDRAW_VERBS = frozenset({"withdraw", "pull"})
OTHER_SENSES = {"170": _coerced, "171": _seized, "166": _withdrawn, "141": _shown}


def _satisfied(tok: Token, lemma: str, words: "Words", known: set[int], agents: frozenset[str]) -> str | None:
    """"Meet" a requirement ("meet the target", "meet its needs", "meet U.S. complaints") or be "met with" a
    reaction ("was met with opposition") is no meeting (the ``requirement`` rows)."""
    tools = _pobjs(tok, ("with",))
    tools += [cc for o in tools for cc in o.conjuncts]
    if any(c.dep_ == "nsubj" for c in tok.children) and any(_lemmas(o) & words.weapon for o in tools):
        return REPRESSION  # "police met the protesters WITH TEAR GAS": force used on them (CAMEO 175)
    objs = [c for c in tok.children if c.dep_ in ("dobj", "obj", "nsubjpass")] + tools
    objs += [cc for o in objs for cc in o.conjuncts]
    # the head noun decides ("met opposition LEADERS" is a meeting), and a party met by a party is a meeting
    # ("the president met with the opposition"; "the plan met with opposition" is a reaction)
    return DROP if any(o.lemma_.lower() in words.requirement and not _party_met(tok, o, words, known, agents)
                       for o in objs) else None


REPRESSION = "175"


def _party_met(tok: Token, obj: Token, words: "Words", known: set[int], agents: frozenset[str]) -> bool:
    """OBJ is a party mentioned as such and TOK's active subject is someone ("the king met the opposition")."""
    subj = [c for c in tok.children if c.dep_ == "nsubj"]
    return obj.i in known and any(_participant(s, words, known, agents) for s in subj)


REQUEST_MARKS = frozenset({"that"})


def _question(tok: Token, lemma: str, words: "Words", known: set[int], agents: frozenset[str]) -> str | None:
    """"Ask" is a request with an infinitive ("asked them to leave"), "for" ("asked for help"), a "that" clause or a
    thing asked for ("asked permission"); otherwise it asks a question ("asked why ...", "asked about ...")."""
    for c in tok.children:
        if c.dep_ == "xcomp" or c.dep_ == "prep" and c.lower_ == "for":
            return None
        if c.dep_ == "ccomp" and any(m.dep_ == "mark" and m.lower_ in REQUEST_MARKS for m in c.children):
            return None
        if c.dep_ in ("dobj", "obj") and c.pos_ == "NOUN" and c.lemma_.lower() != "question" \
                and not _participant(c, words, known, agents):
            return None
    return DROP


def _attempt(tok: Token, lemma: str, words: "Words", known: set[int], agents: frozenset[str]) -> str | None:
    """"Seek to" do something is trying to do it ("sought to reassure"), not asking anyone."""
    return DROP if any(c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX") for c in tok.children) else None


def _facilitate(tok: Token, lemma: str, words: "Words", known: set[int], agents: frozenset[str]) -> str | None:
    """"Help" with a verb ("help protect", "helped Mr Howard win", "helped to precipitate") makes something easier;
    but help given by someone to armed forces ("helped Iraqi forces retake the city", "assisted the rebels") is
    military assistance (CAMEO 072), with a verb or without one."""
    verbs = [c for c in tok.children if c.dep_ in ("xcomp", "ccomp") and c.pos_ in ("VERB", "AUX")]
    verbs += [v for o in tok.children if o.dep_ in ("dobj", "obj") for v in o.children
              if v.dep_ in ("acl", "relcl") and v.pos_ == "VERB" and not v.tag_.startswith("VBN")]
    helped = [c for c in tok.children if c.dep_ in ("dobj", "obj")]
    clauses = verbs + [c for c in tok.children if c.dep_ in ("xcomp", "ccomp") and c not in verbs]   # "push": a NOUN
    helped += [s for v in clauses for s in v.children if s.dep_ == "nsubj"]   # "helped [Iraqi forces retake] the city"
    helped += [cc for o in helped for cc in o.conjuncts]
    helpers = [_antecedent(tok, c) for c in tok.children if c.dep_ == "nsubj"]
    by_someone = not helpers or any(_participant(h, words, known, agents) for h in helpers)   # not "the rain helped"
    if by_someone and any(_military(o, words) for o in helped):
        return MILITARY_AID
    return DROP if verbs else None


def _plea(tok: Token, lemma: str, words: "Words", known: set[int], agents: frozenset[str]) -> str | None:
    """"Pleaded guilty", "plead not guilty": a plea in court, not an appeal."""
    return DROP if any(c.lemma_.lower() in words.plea or c.lower_ in words.plea for c in tok.children) else None


def _assertion(tok: Token, lemma: str, words: "Words", known: set[int], agents: frozenset[str]) -> str | None:
    """"Insisted he was on course": an assertion. A demand has "on" ("insisted on a vote") or an obligation in its
    clause ("insisted the talks must resume", "insisted that he resign": a modal of obligation or a bare verb)."""
    if _pobjs(tok, ("on", "upon")) or any(c.dep_ == "xcomp" for c in tok.children):
        return None
    clauses = [c for c in tok.children if c.dep_ == "ccomp"]
    if not clauses and tok.dep_ in ("ccomp", "parataxis") and tok.head.pos_ in ("VERB", "AUX"):
        clauses = [tok.head]  # "'He did not say it,' she insisted"
    if not clauses:
        return None
    for v in clauses:
        aux = {c.lower_ for c in v.children if c.dep_ in ("aux", "auxpass")}
        if aux & words.obligation or v.tag_ == "VB" and not aux:
            return None
    return DROP


def _prediction(tok: Token, lemma: str, words: "Words", known: set[int], agents: frozenset[str]) -> str | None:
    """"X is expected to ...": a forecast; no one is asked."""
    return DROP if _passive_without_agent(tok) else None


def _backing(tok: Token, lemma: str, words: "Words", known: set[int], agents: frozenset[str]) -> str | None:
    """"Support" given to armed forces ("support Iraqi security forces", "supported the rebels") is military
    assistance (CAMEO 072), not an endorsement (051)."""
    objs = [c for c in tok.children if c.dep_ in ("dobj", "obj")]
    objs += [cc for o in objs for cc in o.conjuncts]
    return MILITARY_AID if any(_military(o, words) for o in objs) else None


def _charge(tok: Token, lemma: str, words: "Words", known: set[int], agents: frozenset[str]) -> str | None:
    """"Charged the protesters WITH BATONS", "charged INTO the crowd": force against people (CAMEO 175, violent
    repression), not a legal charge ("charged him with murder", "with smuggling weapons": 173), which the patterns
    code; a charge by a body of sport ("charged by the Premier League") is sport, no event."""
    withs = _pobjs(tok, ("with",))
    withs += [cc for o in withs for cc in o.conjuncts]
    # the weapon itself, not a crime named with it: "with weapons OFFENCES", "with SMUGGLING weapons" (a gerund the
    # parser hangs on the noun) are legal charges
    if any(o.lemma_.lower() in words.weapon and not any(c.tag_ == "VBG" or c.lower_.endswith("ing") for c in o.children)
           for o in withs):
        return REPRESSION
    if any(c.dep_ == "ccomp" for c in tok.children):
        return None  # "charged at the meeting that ...": an accusation
    into = [o for o in _pobjs(tok, ("into",)) if o.ent_type_ not in ("GPE", "LOC", "FAC")]  # not "guns into Libya"
    if into or any(_participant(o, words, known, agents) for o in _pobjs(tok, ("at",))):
        return REPRESSION  # a charge INTO a crowd, AT the police: a physical one (no legal charge takes these)
    doers = [c for c in tok.children if c.dep_ == "nsubj"]
    doers += [o for c in tok.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"]
    if any(sport_body(o) for o in doers):
        return DROP  # "were charged by the Premier League", "the FA charged the club": sport (guide §1), no event
    return None


def sport_body(o: Token) -> bool:
    """A body of sport: "the Premier League", "the Football Association", "Argentina's football federation", "FIFA"
    (``sportbody`` rows named by a ``sport`` word, or a ``sportname``); not "the Bar Association", not ASEAN."""
    words = load_words()
    near = {o.lower_, o.lemma_.lower()} | {c.lower_ for c in o.children if c.dep_ in ("compound", "amod", "nmod")}
    if near & words.sportname:
        return True
    return o.lemma_.lower() in words.sportbody and bool(near & words.sport)


PARTY_PRONOUNS = frozenset({"it", "they", "we", "he", "she", "i"})


def _forecast(tok: Token, lemma: str, words: "Words", known: set[int], agents: frozenset[str]) -> str | None:
    """A warning of a peril no one wields ("warned OF famine in Gaza", "of floods") or that something no party does will
    happen ("warned THAT cholera was spreading", "that growth would slow"): a forecast, no threat. CAMEO 13x needs the
    speaker to be the one who would act against the target; "warned of retaliation", "warned Iran of consequences",
    "warned that it would respond", "warned that sanctions would follow" stay what the patterns say."""
    perils = words.mishap | words.hazard | words.peril
    ofs = _pobjs(tok, ("of", "about", "against"))
    # "warned on Tuesday OF famine": the parser hangs the of-phrase on the date
    ofs += [o for d in _pobjs(tok, ("on", "in")) if d.ent_type_ in ("DATE", "TIME") for o in _pobjs(d, ("of",))]
    ofs += [cc for o in ofs for cc in o.conjuncts]
    if ofs and all(_lemmas(o) & perils or _of_peril(o, words) for o in ofs):
        return DROP
    for clause in (c for c in tok.children if c.dep_ == "ccomp"):
        subjects = [s for s in clause.children if s.dep_ in ("nsubj", "nsubjpass")]
        if any(s.dep_ == "expl" for s in clause.children):  # "warned that there would be famine / consequences"
            subjects += [a for a in clause.children if a.dep_ in ("attr", "dobj")]
        subjects += [o for c in subjects for o in _pobjs(c, ("of",))]  # "MILLIONS of workers could strike"
        if not subjects:
            continue
        if any(_participant(s, words, known, agents) or _lemmas(s) & words.consequence for s in subjects):
            return None
        if any(s.lower_ in PARTY_PRONOUNS for s in subjects) and clause.lemma_.lower() not in words.drift:
            return None  # "warned that IT would respond", "that THEY would strike back": a party's act, a threat
        if any(_lemmas(o) & words.consequence for o in clause.children if o.dep_ in ("dobj", "obj")):
            return None  # "warned that it would face a merciless RESPONSE"
        return DROP  # the clause's subject is no party and nothing the warner would bring on
    return None


REPRESSION = "175"
MILITARY_AID = "072"
def _on_strike(tok: Token, lemma: str, words: "Words", known: set[int], agents: frozenset[str]) -> str | None:
    """"Striking" right before a bare noun of working people is the adjective "on strike" ("met striking farmers",
    "talks with striking garment workers"), not an attack on them; "soldiers opened fire, striking two civilians" and
    "the missile struck the workers" are attacks (a number, determiner or non-labour noun, or another form)."""
    if tok.lower_ != "striking" or any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
        return None
    objs = [c for c in tok.children if c.dep_ in ("dobj", "obj")]
    if len(objs) != 1 or objs[0].i < tok.i + 1 or objs[0].lemma_.lower() not in words.labour:
        return None
    obj = objs[0]
    between = tok.doc[tok.i + 1:obj.i]
    if any(t.dep_ not in ("compound", "amod") for t in between):
        return None
    if any(c.dep_ in ("det", "poss", "nummod", "quantmod") for c in obj.children):
        return None
    return DROP


THREAT = "130"


def _retort(tok: Token, lemma: str, words: "Words", known: set[int], agents: frozenset[str]) -> str | None:
    """A vow or pledge to answer an act ("vowed to retaliate", "vowed to respond", "promised to hit back", "vowed to
    respond to the attack") is a threat (130), not an intent to cooperate; "pledged to respond to the farmers'
    demands" answers a request and stays what the pattern says."""
    for verb in (c for c in tok.children if c.dep_ == "xcomp" and c.pos_ == "VERB"):
        vl = verb.lemma_.lower()
        hit_back = vl == "hit" and any(c.dep_ == "prt" and c.lower_ == "back" for c in verb.children)
        if vl not in words.retort and not hit_back:
            continue
        answered = _pobjs(verb, ("to",))
        if not answered or any(_lemmas(o) & words.hostile for o in answered):
            return THREAT
    return None


def _penalty(tok: Token, lemma: str, words: "Words", known: set[int], agents: frozenset[str]) -> str | None:
    """A fine is a state act only when a state authority (the ``fining`` rows: no league, federation or club) or a
    political actor imposes it ("the regulator fined the bank",
    "the European Commission fined Google"); "the club fined its striker" is sport (guide §1), no event."""
    doers = [c for c in tok.children if c.dep_ == "nsubj"]
    doers += [o for c in tok.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"]
    if any(_lemmas(o) & words.fining or (o.i in known and o.ent_type_ not in ("GPE", "LOC", "PERSON")
                                          and not _lemmas(o) & words.contest) for o in doers):
        return None
    return DROP


def _own_claim(tok: Token, lemma: str, words: "Words", known: set[int], agents: frozenset[str]) -> str | None:
    """"X claimed (that) ..." is criticism (111) only of another party's conduct. A side's claim about itself or its
    own forces ("the army claimed IT had killed 40 militants", "the ministry claimed ITS troops had repelled five
    attacks", "Russian forces took the village, the RUSSIAN defence ministry claimed") or about a military success
    over an enemy ("claimed the brigade had repelled an assault") is its own statement: no event (guide: a claim of
    success is no criticism). A passive clause ("claimed THEY had been tortured") is about what others did."""
    clauses = [c for c in tok.children if c.dep_ == "ccomp"]
    if not clauses:
        return None
    claimants = [c for c in tok.children if c.dep_ == "nsubj"]
    sides = {m.lower_ for h in claimants for m in h.children if m.dep_ in ("amod", "compound") and
             m.ent_type_ in ("NORP", "GPE", "ORG")}
    for clause in clauses:
        if any(c.dep_ in ("nsubjpass", "auxpass") for c in clause.children):
            continue
        subjects = [c for c in clause.children if c.dep_ == "nsubj"]
        foretold = any(a.dep_ == "aux" and a.lower_ in FORETELLING for a in clause.children)
        for subj in subjects:
            # "it" or "they" is the claimant when it agrees in number and tells a deed, not a forecast ("Labour and
            # the Liberal Democrats claim IT WOULD cut services": the other party)
            pron = subj if subj.lower_ in words.ownside else next(
                (c for c in subj.children if c.dep_ == "poss" and c.lower_ in words.ownside), None)
            if pron is not None and not foretold and _same_number(pron, claimants):
                return DROP
            if sides & {m.lower_ for m in subj.children if m.dep_ in ("amod", "compound")}:
                return DROP
        objs = [c for c in clause.children if c.dep_ in ("dobj", "obj")]
        if clause.lemma_.lower() in words.success and any(
                _lemmas(o) & (words.armed | words.weapon | words.military | words.success) for o in objs):
            return DROP
    return None


FORETELLING = frozenset({"will", "would", "'ll", "shall"})
SINGULAR_OWN = frozenset({"it", "its"})


def _same_number(pron: Token, claimants: list[Token]) -> bool:
    """"it"/"its" for one claimant ("the army"), "they"/"their" for several ("the rebels", "Labour and the Greens")."""
    if not claimants:
        return False
    plural = any(c.tag_ in ("NNS", "NNPS") or c.conjuncts for c in claimants)
    return (pron.lower_ in SINGULAR_OWN) != plural or pron.lower_ in ("we", "our", "i")


MODALS = frozenset({"will", "would", "shall", "should", "must", "'ll", "can", "could"})
SHARED_VIEW = "019"


def _joint_act(tok: Token, lemma: str, words: "Words", known: set[int], agents: frozenset[str]) -> str | None:
    """"Agreed WITH X THAT ..." is an agreement (057) only when the clause is something the two will do ("agreed with
    the government that the refugees WILL stay", "that they WOULD share intelligence"); an opinion ("agreed with the
    opposition that the reform HAD GONE too far", "that he WAS right") is a shared view (019)."""
    if not _pobjs(tok, ("with",)) or _pobjs(tok, ("on", "for", "to", "upon")) or any(
            c.dep_ in ("dobj", "obj", "xcomp") for c in tok.children):
        return None
    clauses = [c for c in tok.children if c.dep_ == "ccomp"]
    if not clauses:
        return None
    if any(a.lower_ in MODALS or a.tag_ == "MD" for c in clauses for a in c.children if a.dep_ == "aux") \
            or any(c.tag_ == "VB" for c in clauses):
        return None
    return SHARED_VIEW


UNTOLD_ROOTS = frozenset({"04", "05", "14"})
GUESS_MODALS = frozenset({"can", "could", "may", "might"})
PARTY_PREPS = frozenset({"with", "between", "by", "among", "of"})


def _no_party(tok: Token, known: set[int]) -> bool:
    """The noun names no party of its own: no possessive, modifier of a party or party phrase ("talks WITH Y")."""
    return not any(c.dep_ == "poss" or (c.dep_ in ("amod", "compound", "nmod") and (
        c.i in known or c.ent_type_ in PARTICIPANT_LABELS)) or (c.dep_ == "prep" and c.lower_ in PARTY_PREPS)
        for c in tok.children)


def _not_told(tok: Token, noun: bool, words: "Words", known: set[int]) -> bool:
    """A talk, agreement or protest word that tells no act: one that is barred ("banned FROM protesting", "barred from
    the rally"), one that is only doubted or thought possible ("analysts DOUBT talks CAN resume", "said talks WERE
    POSSIBLE"), or a partyless one that is judged ("DESCRIBED the talks AS constructive": the talks are told elsewhere)."""
    if tok.dep_ in ("pcomp", "pobj") and tok.head.lower_ == "from" and tok.head.head.lemma_.lower() in words.barring:
        return True
    if not noun or not _no_party(tok, known):
        return False
    if tok.dep_ in ("dobj", "obj") and tok.head.lemma_.lower() in words.describe and (
            any(c.dep_ == "prep" and c.lower_ == "as" for c in tok.head.children)
            or any(c.dep_ in COMPLEMENT_DEPS for c in tok.head.children)):
        return True
    if tok.dep_ not in ("nsubj", "nsubjpass"):
        return False
    verb = tok.head
    if verb.lemma_.lower() in words.onset and any(c.dep_ == "aux" and c.lower_ in GUESS_MODALS for c in verb.children):
        return True  # "talks COULD BEGIN in the autumn"; not "the negotiations could be quickly resolved" (they are on)
    if any(c.dep_ in ("acomp", "attr") and c.lemma_.lower() in words.doubt and not any(
            x.dep_ in ("xcomp", "ccomp") for x in c.children) for c in verb.children):
        return True  # "talks WERE POSSIBLE"; not "the boycott is likely TO BE overshadowed" (it is on)
    gov = verb.head if verb.dep_ in ("ccomp", "xcomp") else None
    return gov is not None and gov.lemma_.lower() in words.doubt


# verbs by whose agent a weapon or craft is used ("a rocket LAUNCHED by a university team"); one that reports, sees or
# confirms the act ("the attack, CONFIRMED by Israeli police") names no owner
LAUNCHING = frozenset({"launch", "fire", "fly", "pilot", "operate", "build", "make", "own", "use", "send", "deploy"})


def _no_war_use(tok: Token, words: "Words", known: set[int], agents: frozenset[str]) -> bool:
    """A weapon or craft that hits or strikes with no war in it, one with a civil owner ("a POLICE drone", "a rocket
    launched by a UNIVERSITY TEAM", "a WEATHER drone": ``civiluse`` rows, on its modifiers or the agent of the
    participle on it). (What it strikes is the pattern's: patterns_extra.tsv names the attackable objects.)"""
    subjects = [c for c in tok.children if c.dep_ == "nsubj" and _lemmas(c) & (words.weapon | words.craft)]
    if not subjects:
        return False
    owners = [m for s in subjects for m in s.children if m.dep_ in ("amod", "compound", "poss")]
    owners += [o for s in subjects for v in s.children if v.dep_ == "acl" and v.lemma_.lower() in LAUNCHING
               for a in v.children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"]
    if any(_lemmas(o) & words.civiluse for o in owners):
        return True
    return False


POLICY_REASON_LABELS = frozenset({"DATE", "TIME"})
POLITICAL_LABELS = frozenset({"ORG", "NORP"})
PLACE_OR_PERSON = frozenset({"GPE", "LOC", "PERSON"})  # "members OF the AfD" names a party; "of Kenya" does not


def _political_quarrel(tok: Token, words: "Words", known: set[int]) -> bool:
    """A party or politician that attacks someone OVER or FOR a policy or an act, named or told ("Labour attacked the Conservatives
    over hospital waiting lists", "members of the AfD attacked the chancellor over migration policy"): criticism.
    Not an attack with a weapon ("attacked him WITH knives") and not "over the weekend"; armed subjects never get here."""
    reasons = [o for o in _pobjs(tok, ("over", "for")) if o.ent_type_ not in POLICY_REASON_LABELS]
    reasons += [c for p in tok.children if p.dep_ == "prep" and p.lower_ in ("over", "for") for c in p.children
                if c.dep_ == "pcomp"]  # "attacked the coalition FOR APPROVING new coal mines"
    reasons += [o for d in tok.children if d.dep_ in ("dobj", "obj") for o in _pobjs(d, ("over",))
                if o.ent_type_ not in POLICY_REASON_LABELS]  # the parser may hang "over X" on the person attacked
    if not reasons or _pobjs(tok, ("with",)):
        return False
    subjects = [_antecedent(tok, c) for c in tok.children if c.dep_ == "nsubj"]
    heads = subjects + [o for s in subjects for o in _pobjs(s, ("of",))]
    return any(_lemmas(h) & words.political or h.ent_type_ in POLITICAL_LABELS for h in heads) or any(
        o.pos_ == "PROPN" and o.i in known and o.ent_type_ not in PLACE_OR_PERSON for s in subjects for o in _pobjs(s, ("of",)))


SENSES = {"ownclaim": _own_claim, "jointact": _joint_act, "charge": _charge, "forecast": _forecast, "onstrike": _on_strike, "retort": _retort, "penalty": _penalty, "backing": _backing, "satisfy": _satisfied, "question": _question, "attempt": _attempt, "facilitate": _facilitate,
          "plea": _plea, "assertion": _assertion, "prediction": _prediction,
          "description": _description}


FORCE = "force"
STATE_LABELS = frozenset({"NORP", "GPE"})


def _military(o: Token, words: "Words") -> bool:
    """Armed forces or an armed group: "Iraqi forces", "the rebels", "armed groups", "the air force". Not "the police
    force" or "a task force" ("force" needs an armed modifier, or is the plural of a state's: "Kenyan forces"), not
    people no longer under arms ("demobilised rebels", "former soldiers"), not a service named bare as a team
    ("helped Navy beat Army": no article, owner or country)."""
    mods = [c for c in o.children if c.dep_ in ("amod", "compound", "nmod", "poss", "det")]
    if any(c.lower_ in words.bygone or c.lemma_.lower() in words.bygone for c in mods):
        return False
    if o.pos_ == "PROPN" and not mods:
        return False
    head = o.lemma_.lower()
    if head == FORCE:
        return any(c.lower_ in words.forcemod or c.lemma_.lower() in words.forcemod for c in mods) \
            or o.tag_ == "NNS" and any(c.ent_type_ in STATE_LABELS for c in mods)
    return bool(_lemmas(o) & words.military - {FORCE}) or any(c.dep_ == "amod" and c.lower_ == "armed" for c in o.children)


def _lemmas(tok: Token) -> set[str]:
    return {tok.lemma_.lower()} | {c.lemma_.lower() for c in tok.children if c.dep_ == "compound"}


def _participant(o: Token, words: Words, known: set[int], agents: frozenset[str]) -> bool:
    """Someone, somewhere, or a military target: a mention, a named entity, a personal pronoun or such a noun."""
    if o.i in known or o.ent_type_ in PARTICIPANT_LABELS:
        return True
    if o.pos_ == "PRON":
        return o.lower_ in PERSONAL_PRONOUNS
    # the head decides: a named owner is not enough ("attacked Bush's record"), nor a modifier ("falling car sales")
    return o.lemma_.lower() in (words.participants | words.weapon | agents)


def constrained(pat) -> bool:
    """The pattern itself names the object, modifier, subject or particle that makes it literal. A preposition
    whose object is only a place or a party ("the war IN Syria") does not: "the price war in Britain" is still a
    figurative war."""
    return bool(pat.dobj or pat.amod or pat.subj or pat.prt or any(objs - ARGUMENT_CLASSES for _, objs in pat.preps))


ARGUMENT_CLASSES = frozenset({"*place", "*actor", "*person"})
