"""Find event triggers in a parsed sentence: the lexicon's verb and noun patterns over lemmas and dependencies.

A ``Trigger`` is a token plus the most specific pattern it satisfies. Frame verbs ("vow", "demand",
"refuse") are kept apart: the matcher records, for each trigger, the frame verb that governs it (if any),
so the stage codes "vowed to resist" once, as an intent, instead of as a fight.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Span, Token

from eventwatch.events import literal
from eventwatch.events.lexicon import Lexicon, Pattern
from eventwatch.nlp.cache import column, lemma_lower

OBJ_DEPS = ("dobj", "obj", "nsubjpass", "attr", "oprd")
SUBJ_DEPS = ("nsubj", "nsubjpass", "csubj")
PARTICLE_DEPS = ("prt", "advmod", "acomp")   # the small model often parses "walked OUT", "stepped DOWN" as advmod,
# and "shot DEAD a councillor" as acomp


@dataclass
class Trigger:
    token: Token
    pattern: Pattern
    frame: Token | None = None       # governing frame verb/noun ("vowed" for "resist")
    frame_name: str | None = None
    light: Token | None = None       # the light verb carrying an event noun ("launched" for "attack")


def objects(tok: Token) -> list[Token]:
    """Direct objects (and the passive subject) of a verb, with their conjuncts."""
    out = [c for c in tok.children if c.dep_ in OBJ_DEPS]
    return out + [cc for c in out for cc in c.conjuncts]


def _lemma(tok: Token) -> str:
    return _lemma_of(tok.pos_, tok.lower_, tok.lemma_.lower())


def _lemma_of(pos: str, lower: str, lemma_lower: str) -> str:
    """The lemma the patterns use: the lexicon's fix for a verb form the tagger lemmatises wrongly."""
    if pos in ("VERB", "AUX"):
        fixed = _lemma_fixes().get(lower)
        if fixed:
            return fixed
    return lemma_lower


def _lemma_fixes() -> dict[str, str]:
    from eventwatch.events.lexicon import load_lexicon
    return load_lexicon().frames.lemma_fix


QUANTITY_PREPS = ("of",)


RELATIVE_TAGS = ("WDT", "WP")


def clause_head_object(tok: Token) -> Token | None:
    """The noun a participial or relative clause modifies, when it is the clause verb's logical object: "the
    agreement SIGNED by both sides", "assets FROZEN last year", "the accord THAT the rebels signed", "the men WHO
    were released". Not a relative clause whose pronoun is the subject ("the country that backed the plan")."""
    head = tok.head
    if head.pos_ not in ("NOUN", "PROPN") or tok.pos_ != "VERB" or any(c.dep_ in ("xcomp", "ccomp") for c in tok.children):
        return None   # "the party, EXPECTED to launch": raising, the noun is the subject of the complement
    if tok.dep_ == "acl" and tok.tag_ == "VBN" and not any(c.dep_ in OBJ_DEPS for c in tok.children):
        return head
    if tok.dep_ == "relcl" and any(c.dep_ in ("dobj", "obj", "nsubjpass") and c.tag_ in RELATIVE_TAGS
                                   for c in tok.children):
        return head
    return None


def object_heads(tok: Token) -> list[Token]:
    """Objects plus what a quantity or container noun holds ("tons OF aid", "a state OF emergency")."""
    objs = objects(tok)
    inner = [o for obj in objs for p in obj.children if p.dep_ == "prep" and p.lower_ in QUANTITY_PREPS
             for o in p.children if o.dep_ == "pobj"]
    return objs + inner


def _hyphen_word(o: Token) -> str | None:
    """The hyphenated word the tokenizer split and O ends ("sit-in" = sit - in, "walk-out"), else None."""
    doc = o.doc
    if o.i >= 2 and doc[o.i - 1].text == "-" and not doc[o.i - 1].whitespace_ and not doc[o.i - 2].whitespace_:
        return f"{doc[o.i - 2].lower_}-{o.lower_}"
    return None


def _obj_lemmas(o: Token) -> set[str]:
    """The object's lemma and its compounds', and a hyphenated word the tokenizer split ("sit-in")."""
    out = {_lemma(o)} | {_lemma(c) for c in o.children if c.dep_ in ("compound",)}
    hyphen = _hyphen_word(o)
    return out | {hyphen} if hyphen else out


def _obj_ok(tok: Token, pat: Pattern, actor_tokens: set[int], place_tokens: set[int], person_tokens: set[int]) -> bool:
    objs = object_heads(tok)
    head = clause_head_object(tok) if tok.dep_ in ("acl", "relcl") else None
    if head is not None:
        # the modified noun stands for the object, for a pattern that names its objects: "figures RELEASED by the
        # ministry" is no release of prisoners, so '*any' does not take it
        return _obj_ok_among([head, *head.conjuncts], pat.dobj - {"*any"}, actor_tokens, place_tokens, person_tokens) or (
            bool(objs) and _obj_ok_among(objs, pat.dobj, actor_tokens, place_tokens, person_tokens))
    return bool(objs) and _obj_ok_among(objs, pat.dobj, actor_tokens, place_tokens, person_tokens)


def _obj_ok_among(objs: list[Token], want: frozenset[str], actor_tokens: set[int], place_tokens: set[int],
                  person_tokens: set[int]) -> bool:
    for o in objs:
        if "*any" in want:
            return True
        if "*actor" in want and _covers(o, actor_tokens):
            return True
        if "*person" in want and _covers(o, person_tokens):
            return True
        if "*place" in want and _covers(o, place_tokens):
            return True
        if "*name" in want and o.pos_ == "PROPN":
            return True  # a name the gazetteer may not know ("drones struck Qamishli")
        if _obj_lemmas(o) & want:
            return True
    return False


def _covers(tok: Token, index: set[int]) -> bool:
    return tok.i in index or any(c.i in index for c in tok.children if c.dep_ in ("compound", "poss", "amod"))


def _prep_children(tok: Token) -> list[Token]:
    """Prepositions of the trigger and of its objects ("take control OF", "handover OF power")."""
    preps = [c for c in tok.children if c.dep_ in ("prep", "agent", "dative")]
    for o in objects(tok):
        preps.extend(c for c in o.children if c.dep_ == "prep")
    # "called FOR the embargo to be lifted": the parser makes "for" the marker of the infinitive clause
    preps.extend(m for c in tok.children if c.dep_ in CLAUSE_DEPS and c.i > tok.i
                 for m in c.children if m.dep_ == "mark" and m.lower_ in CLAUSE_PREPS and m.i == tok.i + 1)
    return preps


CLAUSE_DEPS = ("advcl", "ccomp", "xcomp")
CLAUSE_PREPS = ("for",)


def _prep_ok(tok: Token, names: str, objs: frozenset[str], ctx: "MatchContext | None" = None) -> bool:
    wanted = set(names.split("|"))
    for p in _prep_children(tok):
        if _lemma(p) not in wanted:
            continue
        if not objs:
            return True
        pobjs = [c for c in p.children if c.dep_ in ("pobj", "pcomp")]
        if ctx is not None and any(_covers(o, ctx.place_tokens) for o in pobjs if "*place" in objs) or (
                ctx is not None and any(_covers(o, ctx.actor_tokens) for o in pobjs if "*actor" in objs)):
            return True
        if any(_lemma(o) in objs or any(_lemma(c) in objs for c in o.children if c.dep_ == "prep" and False) for o in pobjs):
            return True
        # "threaten with military force": also look one compound deeper
        if any(_lemma(c) in objs for o in pobjs for c in o.subtree if c.dep_ in ("compound", "amod") or c is o):
            return True
    return False


def satisfies(tok: Token, pat: Pattern, ctx: "MatchContext") -> bool:
    if pat.dobj and not _obj_ok(tok, pat, ctx.actor_tokens, ctx.place_tokens, ctx.person_tokens):
        return False
    for names, objs in pat.preps:
        if not _prep_ok(tok, names, objs, ctx):
            return False
    if pat.prt and not any(c.dep_ in PARTICLE_DEPS and _lemma(c) in pat.prt for c in tok.children):
        return False
    if pat.xcomp and not any(c.dep_ in ("xcomp", "ccomp") and (_lemma(c) in pat.xcomp or "*" in pat.xcomp)
                              for c in tok.children):
        return False
    if pat.subj and not _subj_ok(tok, pat.subj, ctx.place_tokens):
        return False
    if pat.amod:
        mods = [c for c in tok.children if c.dep_ in ("amod", "compound", "nmod")]
        mods += [c for o in objects(tok) for c in o.children if c.dep_ in ("amod", "compound")]
        # an adjective after its noun inside the object is the object's predicate ("found a former aide to the mayor
        # GUILTY": the parser hangs it on the nearest noun); English attributive adjectives come first
        mods += [d for o in objects(tok) for d in o.subtree if d.dep_ == "amod" and d.i > d.head.i and d.pos_ == "ADJ"]
        if not any(_lemma(m) in pat.amod or m.lower_ in pat.amod for m in mods) and not (
                "*actor" in pat.amod and _actor_modifier(tok, ctx)):
            return False
    if pat.ccomp and not any(c.dep_ == "ccomp" for c in tok.children):
        return False
    if pat.form and tok.lower_ not in pat.form:
        return False
    if pat.head:
        gov = governing_verb(tok)
        if gov is None or _lemma(gov) not in pat.head:
            return False
    if pat.arg and not party_argument(tok, ctx):
        return False
    return True


ARG_PREPS = frozenset({"by", "of", "from", "against", "with", "between", "on", "to"})


def party_argument(tok: Token, ctx: "MatchContext") -> bool:
    """The noun's own phrase names a party: a possessive ("the EU's demand", "his visit"), a modifier that is an
    actor or an agent noun ("U.S. strikes", "police raids"), or a prepositional object that is one ("opposition
    BY Congress", "the visit OF the minister", "talks WITH the rebels", "sanctions AGAINST Iran")."""
    for c in tok.children:
        if c.dep_ == "poss" and (c.i in ctx.known or c.pos_ == "PRON"):
            return True
        if c.dep_ in ("amod", "compound", "nmod") and (
                (c.i in ctx.known and c.i not in ctx.person_tokens) or _lemma(c) in ctx.agents):
            return True
        if c.dep_ == "prep" and c.lower_ in ARG_PREPS and any(
                _covers(o, ctx.known) or _lemma(o) in ctx.agents for o in c.children if o.dep_ == "pobj"):
            return True
    return False


def _claimed_by_party(tok: Token, ctx: "MatchContext") -> bool:
    """A party claimed the act: "the Islamic State group CLAIMED RESPONSIBILITY FOR the attack on a checkpoint"."""
    from eventwatch.events.arguments import RELATIVES, claim_verb

    verb = claim_verb(tok)
    return verb is not None and any(
        c.dep_ in ("nsubj", "nsubjpass") and (_covers(c, ctx.known) or c.lower_ in RELATIVES)
        for c in verb.children)


def _actor_modifier(tok: Token, ctx: "MatchContext") -> bool:
    """A modifier of TOK names a group or a place ("the PKK attack", "Israeli strikes", "police searches"); not a
    possessive or a person ("Arsenal's attack", "Rooney's strike" are sport more often than not)."""
    return any((c.i in ctx.known and c.i not in ctx.person_tokens) or (c.dep_ == "compound" and _lemma(c) in ctx.agents)
               for c in tok.children if c.dep_ in ("amod", "compound", "nmod"))


def _subj_ok(tok: Token, want: frozenset[str], places: set[int] = frozenset()) -> bool:
    """The subject (or passive agent) head, or a compound of it, has one of these lemmas ("forces killed"); '*place':
    or it is a place mention, or names one through "of" ("the town OF Mandera")."""
    heads = [c for c in tok.children if c.dep_ == "nsubj"]
    heads += [o for c in tok.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"]
    if "*place" in want and any(_covers(h, places) or any(_covers(o, places) for o in _of_objects(h)) for h in heads):
        return True
    return any(_obj_lemmas(h) & want for h in heads)


def _of_objects(tok: Token) -> list[Token]:
    return [o for p in tok.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]


def governing_verb(tok: Token) -> Token | None:
    """The verb a noun hangs from: its head when it is an object/subject (through conjunctions)."""
    t = tok
    while t.dep_ == "conj" and t.head.i != t.i:
        t = t.head
    if t.dep_ in ("dobj", "obj", "nsubjpass", "nsubj", "attr") and t.head.pos_ in ("VERB", "AUX"):
        return t.head
    if t.dep_ == "pobj" and t.head.dep_ == "prep" and t.head.head.pos_ == "VERB":
        return t.head.head
    return None


@dataclass
class MatchContext:
    lexicon: Lexicon
    actor_tokens: set[int]
    place_tokens: set[int]
    person_tokens: set[int]
    agents: frozenset[str] = field(default_factory=frozenset)   # generic agent nouns ("police", "government")
    vetoed: set[int] = field(default_factory=set)     # triggers read as figurative (events/literal.py), by token
    known: set[int] = field(init=False)               # tokens of any actor, place or person mention

    def __post_init__(self) -> None:
        self.known = self.actor_tokens | self.place_tokens | self.person_tokens


def _key(tok: Token):
    return _key_of(tok.pos_)


def _key_of(pos: str):
    if pos in ("NOUN", "PROPN"):
        return True
    if pos == "ADJ":
        return "a"
    return False


def trigger_patterns(pos: str, dep: str, lower: str, lemma_lower: str, ctx: MatchContext) -> list[Pattern] | None:
    """The lexicon's patterns for a token as a trigger (by part of speech and lemma), before their tests."""
    key = _key_of(pos)
    if key is False and pos != "VERB":
        return None
    if key == "a" and dep not in ("acomp", "ROOT", "ccomp", "xcomp", "oprd"):   # oprd: "called the raid BARBARIC"
        return None
    return ctx.lexicon.by_trigger.get((key, _lemma_of(pos, lower, lemma_lower)))


def best_pattern(tok: Token, ctx: MatchContext) -> Pattern | None:
    pat = _first_satisfied(tok, trigger_patterns(tok.pos_, tok.dep_, tok.lower_, tok.lemma_.lower(), ctx), ctx)
    return None if pat is None or pat.null else pat


def _first_satisfied(tok: Token, pats: list[Pattern] | None, ctx: MatchContext) -> Pattern | None:
    if not pats:
        return None
    for pat in pats:  # sorted most specific first
        if satisfies(tok, pat, ctx):
            return pat
    return None


FUTURE_AUX = frozenset({"will", "would", "shall", "'ll", "may", "might", "could", "can", "must", "should"})


def _past(verb: Token) -> bool:
    """The verb reports what was done: "sought", "has sought", "had sought" (not "seeks", "is seeking", "will seek",
    "would seek")."""
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in FUTURE_AUX or a.tag_ == "MD" for a in aux):
        return False
    return verb.tag_ == "VBD" or verb.tag_ == "VBN" and any(a.lemma_.lower() == "have" for a in aux)


def frame_of(tok: Token, ctx: MatchContext) -> tuple[Token, str] | None:
    """The frame verb/noun governing TOK ("vowed TO RESIST", "demanded the HANDOVER", "no PLANS to withdraw")."""
    frames = ctx.lexicon.frames
    t = tok
    if t.dep_ in ("xcomp", "acl", "ccomp") or (t.dep_ in ("dobj", "obj") and t.pos_ in ("NOUN", "PROPN")) or (
            t.dep_ == "pobj" and t.head.dep_ == "prep" and _lemma(t.head) in ("for", "to")):
        head = t.head.head if t.dep_ == "pobj" else t.head
        name = frames.frame_of.get((_key(head), _lemma(head)))
        if name and t.dep_ == "ccomp" and name not in ("demand", "appeal"):
            name = None  # "decided that ..." is not an intent frame; "demanded that X do Y" is
        if name and t.dep_ == "xcomp" and (literal.load_words().sense or {}).get(_lemma(head)) == "attempt" \
                and _past(head):
            name = None  # "sought to arrest": an attempt (literal.py's 'attempt' sense) is the act; "seeks to expel",
            # "is seeking to", "will seek to" state an aim and stay the intent frame, as "seek sanctions" does
        if name:
            return head, name
        if t.dep_ == "ccomp" and _lemma(head) in frames.speech and _has_obligation(t, frames):
            return head, obligation_frame(t, frames)  # "X said Y must do Z": a demand on Y; "... should do Z": an appeal
    return None


def _has_obligation(verb: Token, frames) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in frames.obligation for c in verb.children)


def obligation_frame(verb: Token, frames) -> str:
    """The frame of a reported obligation by its modal: the advice modals of frames.tsv ("should", "ought to")
    advise, an appeal (CAMEO 02, the codebook's "urge", "call on"); "must" and the rest require, a demand (10)."""
    return "appeal" if any(c.dep_ == "aux" and c.lower_ in frames.advice for c in verb.children) else "demand"


def can_be_asked(verb: Token, lexicon: Lexicon) -> bool:
    """VERB names an act its subject can be asked to do, so that a reported "Y should VERB" is advice to Y, not a
    prediction ("said Uganda should WIN the match", "the delegation should ARRIVE on Monday"): a verb the lexicon
    codes as an act, or an agentive one: a passive, which names someone's act ("the troops should BE REPLACED", as
    the coders read it: an appeal), or an active verb acting on something (an object, a clause, a particle); never
    one of frames.tsv's outcome verbs, a perfect ("should HAVE ACTED sooner": a reproach of the past) or a copula
    ("there should BE a strike")."""
    if any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in verb.children):
        return False
    lemma = _lemma(verb)
    if lemma in lexicon.frames.outcome:
        return False
    if (False, lemma) in lexicon.by_trigger or any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
        return True
    if lemma == "be":
        return False
    return any(c.dep_ in ("dobj", "obj", "ccomp", "xcomp", "prt", "dative") or _party_complement(c)
               for c in verb.children)


PARTY_PREPS = ("with", "to", "from")  # "should ENGAGE WITH Kosovo", "TALK TO the rebels", "WITHDRAW FROM the town"
PLACE_TIME_ENTS = ("GPE", "LOC", "FAC", "DATE", "TIME")


def _party_complement(prep: Token) -> bool:
    """A prepositional complement that makes an intransitive verb an act on someone or something: "with", "to",
    "from" anything, "in" a thing that is no place or time ("should PARTICIPATE IN the talks"; not "should ARRIVE
    IN Nairobi", a prediction)."""
    if prep.dep_ != "prep":
        return False
    if prep.lower_ in PARTY_PREPS:
        return True
    return prep.lower_ == "in" and any(o.dep_ == "pobj" and o.ent_type_ not in PLACE_TIME_ENTS for o in prep.children)


def noun_licensed(tok: Token, pat: Pattern, ctx: MatchContext) -> Token | None | bool:
    """An event noun counts only when a light verb, a frame or an 'occur' verb carries it (or +head= said so)."""
    if pat.head:
        return governing_verb(tok) or True
    gov = governing_verb(tok)
    frames = ctx.lexicon.frames
    if gov is not None:
        lem = _lemma(gov)
        if tok.dep_ in ("nsubj",) and lem in frames.occur:
            return gov
        if tok.dep_ not in ("nsubj",) and lem in frames.light:
            return gov
    return True if pat.free and _common_noun(tok) else False


def _common_noun(tok: Token) -> bool:
    """A common noun in lower case (or opening the sentence): not part of a name ("Band Aid", "Star Wars")."""
    return tok.pos_ == "NOUN" and (tok.is_lower or tok.is_sent_start)


def _free_noun(tok: Token, pats, ctx: MatchContext) -> Pattern | None:
    """A pattern that reads the noun as an act by itself ("months of PROTESTS"), when its first wants a light verb."""
    free = [p for p in pats if p.free] if _common_noun(tok) else []
    pat = _first_satisfied(tok, free, ctx) if free else None
    return _literal(tok, pat, ctx) if pat is not None else None


def _literal(tok: Token, pat: Pattern, ctx: MatchContext) -> Pattern | None:
    """PAT, or its literal reading's code ("attacked the plan": criticism), or None for a figurative use."""
    verdict = literal.figurative(tok, pat.code, pat.noun, literal.constrained(pat), pat.lemma, ctx.known, ctx.agents,
                                 ctx.place_tokens)
    if verdict == literal.DROP:
        ctx.vetoed.add(tok.i)
        return None
    return replace(pat, code=verdict) if verdict is not None else pat


def find_triggers(sent: Span, ctx: MatchContext) -> list[Trigger]:
    found: list[Trigger] = []
    doc = sent.doc
    pos, dep, is_stop = column(doc, "pos_"), column(doc, "dep_"), column(doc, "is_stop")
    lower, lemma = column(doc, "lower_"), lemma_lower(doc)
    for i in range(sent.start, sent.end):
        if dep[i] in ("amod", "compound") or is_stop[i] and pos[i] != "VERB" and not (
                pos[i] == "NOUN" and lower[i - 1] == "-" and _hyphen_word(doc[i])):  # "sit-in": its "in" is a stop word
            continue
        pats = trigger_patterns(pos[i], dep[i], lower[i], lemma[i], ctx)
        if not pats and pos[i] == "NOUN" and _hyphen_word(doc[i]):
            pats = trigger_patterns(pos[i], dep[i], _hyphen_word(doc[i]), _hyphen_word(doc[i]), ctx)  # "sit-in"
        if not pats:
            continue
        tok = doc[i]
        pat = _first_satisfied(tok, pats, ctx)
        if pat is None or pat.null:
            continue
        first = pat
        pat = _literal(tok, pat, ctx)
        if pat is None:
            continue
        light = None
        fr = frame_of(tok, ctx)
        if pat.noun:
            lic = noun_licensed(tok, pat, ctx)
            if lic is False and fr is None:
                pat = _free_noun(tok, [p for p in pats if p is not first], ctx)
                if pat is None and _common_noun(tok) and _claimed_by_party(tok, ctx):
                    pat = first  # "X claimed responsibility for the ATTACK on a checkpoint": a real act, X's
                if pat is None:
                    continue
                lic = True
            light = lic if not isinstance(lic, bool) else None
            if pat.head:
                fr = None  # the pattern names its carrying verb: a direct event, not an embedded one
            if fr is None and light is not None:
                fr = frame_of(light, ctx)  # "threatened to LAUNCH an offensive"
        if pat.noun and pat.code[:2] in ATTACK_ROOTS and claims_responsibility(tok, light, ctx):
            pat, fr = replace(pat, code=CLAIM_CODE), None
        found.append(Trigger(tok, pat, fr[0] if fr else None, fr[1] if fr else None, light))
    return found


ATTACK_ROOTS = frozenset({"18", "19", "20"})
CLAIM_CODE = "015"
CLAIM_VERBS = frozenset({"claim", "admit", "acknowledge", "confirm"})
CLAIMED_DETS = frozenset({"the", "this", "that", "these", "those"})
CLAIMING_PRONOUNS = frozenset({"it", "they", "we", "i"})
CLAIM_CARRIERS = frozenset({"carry", "conduct", "perpetrate", "stage", "mount", "launch", "commit", "execute", "be",
                            "do", "orchestrate", "plan"})


def claims_responsibility(noun: Token, light: Token | None, ctx: MatchContext) -> bool:
    """"X said IT CARRIED OUT THE ATTACK", "X claimed it was behind the bombing": the group owns up to an attack the
    story has already reported (a definite noun), a claim of responsibility (CAMEO 015), not a second attack.
    "X said it had carried out AN attack on a base" reports the attack itself and stays one."""
    if not any(c.dep_ == "det" and c.lower_ in CLAIMED_DETS for c in noun.children):
        return False
    carrier = light
    if carrier is None and noun.dep_ == "pobj" and noun.head.lower_ == "behind":
        carrier = noun.head.head  # "was BEHIND the bombing"
    if carrier is None or carrier.dep_ not in ("ccomp", "parataxis") or _lemma(carrier) not in CLAIM_CARRIERS:
        return False
    if any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX for c in carrier.children):
        return False  # "confirmed it WOULD tighten the blockade": an intent, not owning up to a past act
    if not any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in CLAIMING_PRONOUNS for c in carrier.children):
        return False
    claim = carrier.head
    return _lemma(claim) in CLAIM_VERBS | ctx.lexicon.frames.speech
