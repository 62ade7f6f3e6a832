"""Pattern coder: from one parsed sentence to coded candidate events (code, trigger, sources, targets, modality).

Ties the parts together: ``matcher`` finds triggers, ``lexicon.compose_code`` codes embedded actions under
frame verbs and future auxiliaries as intents/demands/refusals/threats, ``arguments`` finds source and
target actors, ``modality`` flags negation and hypotheticals. Pure functions of the sentence and the actor
index; the stage turns candidates into ``Event`` records.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace

from spacy.tokens import Span, Token

from eventwatch.actors.codes import parse_code
from eventwatch.events import arguments as args
from eventwatch.events import literal
from eventwatch.events.lexicon import Lexicon, compose_code
from eventwatch.events.matcher import MatchContext, Trigger, clause_head_object, find_triggers, governing_verb
from eventwatch.events.modality import Modality, aim, modality_of

SPEECH_ROOTS = {"01", "02", "09", "10", "11", "12", "13"}
ADDRESSEE_FRAMES = {"appeal", "demand"}
PATIENT_ROOTS = {"17", "18", "19", "20"}   # coercion and violence: a reduced passive's noun is the victim
GIVEN_ROOTS = frozenset({"05", "07"})  # support, praise, aid: "the backing OF X" is X's, when received ("won the backing of X")
MEETING_ROOTS = frozenset({"04"})  # meetings, talks, visits: a clause's subject attends one named in its time phrase
TOPIC_ROOTS = {"01", "10", "11", "12", "13"}   # said/demanded/criticised/rejected/threatened: whom it is about
AID_ROOTS = {"07"}   # "helped Iraqi forces retake the city": the one helped is the embedded clause's subject
PLACE_ROOTS = {"18", "19", "20"}  # force, sanctions, coercion, attacks: done to whoever holds the place
VIOLENCE_ROOTS = frozenset({"18", "19", "20"})
FORCE_ROOTS = frozenset({"15", "16", "17", "18", "19", "20"})  # material conflict but protest
VICTIM_SUBJECT = {"die", "perish"}           # verbs whose subject suffers the act named in their "in" phrase
# verbs that name the toll of a violent act rather than an act of their own ("KILLED in an attack", "strikes that
# KILLED six", "a shootout LEFT three DEAD"): the guide's trigger rule gives the act to the word naming it
RESULT_VERBS = frozenset({"kill", "wound", "injure", "die", "destroy", "damage", "maim", "hurt", "perish"})
COMPLEMENT_DEPS = ("ccomp", "xcomp", "oprd", "acomp", "advcl")
SERIES_HEADS = frozenset({"wave", "series", "string", "spate", "round", "barrage", "volley", "number", "couple", "pair"})


@dataclass
class Candidate:
    code: str
    trigger: Token                     # the word the event is anchored to (frame verb when composed)
    action: Token                      # the action word itself
    sources: list[str]
    targets: list[str]
    modality: Modality
    specificity: int
    composed: bool = False
    noun: bool = False
    subordinate: bool = False
    pattern_code: str = ""
    extra_tokens: list[Token] = field(default_factory=list)
    light: Token | None = None         # the light verb carrying a noun trigger ("STAGED a protest")
    free: bool = False                 # a noun naming an act by itself ("the talks with Sudan"): no clause of its own

    @property
    def root(self) -> str:
        return self.code[:2]

    @property
    def absorbed(self) -> bool:
        """The code reads the act's tense into it: "will withdraw" → intent 036 (no frame word), an intent or
        threat frame ("will seek sanctions" → 1312: the announced intent is the act), or a statement coded on its
        verb of saying from the tense of what was said ("said the outcome would be difficult" → 130): see
        ``modality.hypothetical_flag``."""
        if not self.composed:
            return self.trigger.i != self.action.i
        return self.trigger.i == self.action.i or self.root in ("03", "13")


def _direct_arguments(trig: Trigger, index: args.ActorIndex) -> tuple[list[str], list[str]]:
    """(sources, targets) of a trigger from its own syntax: a noun's (see ``_nominal_arguments``) or a verb's."""
    tok = trig.token
    if trig.pattern.noun:
        return _nominal_arguments(trig, index)
    if trig.pattern.undergo:  # "X came under fire FROM Y": X undergoes the act Y does
        targets = args.subject_actors(tok, index)
        return [a for a in args.undergone_from(tok, index) if a not in targets], targets
    if tok.lemma_.lower() in VICTIM_SUBJECT:  # "three villagers DIED in Turkish fire": subject is the victim
        return args.instrument_agents(tok, index), args.subject_actors(tok, index)
    yielded = args.yielded_to(tok, index)
    if yielded is not None:  # "Mosul fell to Islamic State": the taker is the source, the place's holder the target
        return yielded
    if args.is_passive(tok):
        sources = args.agent_actors(tok, index)
        if not sources and trig.pattern.code[:2] in PATIENT_ROOTS:
            sources = args.instrument_agents(tok, index)  # "were killed in an Israeli air strike"
        between = args.between_actors(tok, index) if not sources else []
        if len(between) >= 2:  # "an accord was reached BETWEEN X and Y": one event, X the source (as "X and Y met")
            return between[:1], between[1:2]
        return sources, args.object_actors(tok, index)
    reduced = _reduced_passive(trig, index)
    if reduced is not None:
        return reduced
    commented = _commented_act(tok, index)
    if commented is not None:
        return commented
    targets = args.object_actors(tok, index)
    if not targets and trig.pattern.code[:2] in PATIENT_ROOTS:
        targets = args.reduced_passive_patient(tok, index)  # "soldiers KILLED in the attack"
    return args.subject_actors(tok, index), targets


def _nominal_arguments(trig: Trigger, index: args.ActorIndex) -> tuple[list[str], list[str]]:
    """(sources, targets) of an act noun: its by-agent or possessive, a light verb's subject or agent, the
    clause it is named in ("after fighting WITH Y", "talks BETWEEN X and Y"), then its objects."""
    tok = trig.token
    poss = [c for c in tok.children if c.dep_ == "poss"]
    verb = trig.light
    # the act's own by-agent first ("the re-taking BY X of Y"), and a possessive beside it is the one it was done
    # to ("Karlov's assassination BY a gunman"); else a possessive is its doer ("Syria's bombardment", "Russia's
    # invasion backed by X": a participle's agent only backs it), else a participle's agent ("the attack carried
    # out BY X")
    sources = args.own_agents(tok, index) if poss else []
    patients = args.np_actors(poss[0], index) if sources else []
    if not sources and poss:
        sources = args.np_actors(poss[0], index)
    if not sources:
        sources = args.nominal_agents(tok, index)
    if trig.pattern.undergo:  # "the minister faces charges", "he will stand trial": the subject is charged
        # (by whom only when a "from"/"by" phrase names it: "drew criticism FROM the unions")
        targets = args.subject_actors(verb, index) if verb is not None else []
        doers = args.undergone_from(tok, index) or (args.undergone_from(verb, index) if verb is not None else [])
        return [a for a in doers if a not in targets], targets
    if not sources:  # "the visit OF X to Y": X goes
        sources = args.trip_of_actors(tok, index)
    received = args.received_from(tok, index, trig.pattern.code[:2] in GIVEN_ROOTS) if not sources else None
    if received is not None:  # "X won the backing OF Y", "X received aid FROM Y": Y gives, X gets
        return received
    pair = args.hyphen_pair(tok, index) if not sources else None
    if pair is not None:  # "the Russia-Ukraine war", "US-China talks": one event, the first named the source
        return [pair[0]], [pair[1]]
    if not sources and verb is not None:
        sources = args.agent_actors(verb, index) if args.is_passive(verb) else args.subject_actors(verb, index)
        if tok.dep_ == "nsubj":  # "fighting erupted between X and Y"
            sources = []
        if not sources and tok.dep_ == "nsubjpass":
            sources = _modifier_actors(tok, index)  # "a Chinese offer was made": the offer's own modifier
    if not sources and tok.dep_ == "pobj":  # "X was locked in talks with Y", "X was ENGAGED IN fighting with Y"
        sources = args.light_passive_participants(tok.head.head, tok, index)
    if not sources and verb is None and args.held_in(tok):
        return [], args.attendee_actors(tok, index)  # "X, who has been IN DETENTION since May": X is held
    if not sources and verb is None and (trig.pattern.code[:2] in MEETING_ROOTS or args.with_party(tok)
                                         or args.in_act_of_being(tok)):
        # "X said AFTER talks with Y": X took part; an act done WITH a party ("retook the town AFTER fighting
        # WITH Y", "FOLLOWING clashes WITH Y") is the clause subject's act with Y
        sources = args.attendee_actors(tok, index)
    if not sources and verb is None:  # "the arrival OF X FOR talks with Y", "X's visit for talks with Y"
        sources = args.traveller_actors(tok, index)
    if not sources and verb is None and trig.pattern.free:  # "PKK attack", "talks BY the two sides"
        sources = (_agent_phrase_actors(trig, index) or _modifier_actors(tok, index)
                   or args.nominal_agents(tok, index))
    if not sources and verb is None:  # "X ANNOUNCED the expulsion of Y", "X ORDERED the arrest of Y"
        sources = args.conducted_by_subject(tok, index)
    if not sources:  # "X claimed responsibility FOR the bombing": X made it
        sources = args.claimed_by(tok, index)
    targets = patients or args.object_actors(tok, index)
    if not sources and len(targets) < 2 and verb is not None and args.is_passive(verb):
        # "an accord was reached / signed BETWEEN X and Y": the parties hang on the passive light verb
        between = args.between_actors(verb, index)
        targets = between if len(between) >= 2 else targets
    if not sources and len(targets) >= 2 and any(c.dep_ == "prep" and c.lower_ == "between"
                                                 for t in (tok, verb) if t is not None for c in t.children):
        sources, targets = targets[:1], targets[1:2]  # "talks BETWEEN X and Y": X the source, Y the target (one
        # event, as for "X and Y met"; a longer list is one multilateral act, not one per member)
    if not targets and verb is not None:
        targets = [a for a in args.object_actors(verb, index, skip=tok) if a not in sources]
    if not targets and tok.dep_ == "nsubj":
        targets = [a for a in _harmed(tok.head, index) if a not in sources]
    return sources, targets


HARM_PARTICIPLES = frozenset({"kill", "wound", "injure", "maim", "hurt"})


def _harmed(verb: Token, index: args.ActorIndex) -> list[str]:
    """Whom the act named by VERB's subject harmed: "a bomb exploded near a checkpoint, WOUNDING two soldiers",
    "a roadside bomb went off, killing three policemen" (the participle clause's object)."""
    return [a for c in verb.children if c.dep_ == "advcl" and c.tag_ == "VBG" and c.lemma_.lower() in HARM_PARTICIPLES
            for a in args.object_actors(c, index)]


def _reduced_passive(trig: Trigger, index: args.ActorIndex) -> tuple[list[str], list[str]] | None:
    """A participle whose pattern names its object and found it in the noun the participle modifies ("activists
    RELEASED by Egyptian authorities", "assets FROZEN by the Swiss government": matcher.clause_head_object), a passive
    with no auxiliary: its by-agent is the source and that noun the target (before any prepositional object of its
    own: "men released FROM hospital"); with no by-agent, the subject the clause is read under stays the source. None
    for any other trigger: a pattern that takes any object, or none ("killed", "wounded"), keeps the arguments it had
    (read for every reduced passive, they placed more material-conflict events of state than acts: QuadClass-4
    precision fell 0.576 -> 0.543 on the own set's test split, 0.554 -> 0.545 on wave 2)."""
    tok = trig.token
    if tok.dep_ != "acl" or tok.tag_ != "VBN" or not (trig.pattern.dobj - {"*any"}) or clause_head_object(tok) is None:
        return None
    sources = args.agent_actors(tok, index)
    if not sources and trig.pattern.code[:2] in PATIENT_ROOTS:
        sources = args.instrument_agents(tok, index)
    if not sources and not any(c.dep_ == "agent" for c in tok.children):
        sources = args.subject_actors(tok, index)
    targets = args.np_actors(tok.head, index) or args.object_actors(tok, index)
    return sources, [t for t in targets if t not in sources]


def _commented_act(tok: Token, index: args.ActorIndex) -> tuple[list[str], list[str]] | None:
    """A participle hanging on a noun, with a by-agent of its own, that does not name the noun's maker ("the attack,
    CONDEMNED BY the White House, ..."; "the raid, welcomed by X"): the by-agent did the act of the participle (the
    source), done to the noun's actors, else to the maker of the act the noun names (its modifiers, its own
    by-phrase), else to no one named in the by-phrase. None for any other trigger."""
    if tok.dep_ != "acl" or tok.tag_ != "VBN" or tok.head.pos_ not in ("NOUN", "PROPN"):
        return None
    sources = args.agent_actors(tok, index)
    if not sources:
        return None
    noun = tok.head
    targets = args.np_actors(noun, index) or _modifier_actors(noun, index) or args.own_agents(noun, index)
    return sources, [t for t in targets if t not in sources]


AGENT_PREPS = frozenset({"by", "from"})  # a free act noun's pattern prep that names who does the act


def _agent_phrase_actors(trig: Trigger, index: args.ActorIndex) -> list[str]:
    """The actors of the by/from phrase the noun's own pattern asks for ("opposition FROM the unions",
    "criticism BY the party"): they, not a word of the act noun's own phrase ("strong opposition"), do the act."""
    wanted = {p for spec, objs in trig.pattern.preps if objs for p in spec.split("|")} & AGENT_PREPS
    return [a for c in trig.token.children if c.dep_ == "prep" and c.lower_ in wanted
            for p in c.children if p.dep_ == "pobj" for a in args.np_actors(p, index)]


def _modifier_actors(noun: Token, index: args.ActorIndex) -> list[str]:
    """Actors named in a free event noun's modifiers: "the PKK attack", "Israeli strikes", "police searches"."""
    return [a for c in noun.children if c.dep_ in ("compound", "amod", "nmod") for a in args.np_actors(c, index)]


def _framed_candidate(trig: Trigger, lex: Lexicon, index: args.ActorIndex, mod: Modality) -> Candidate:
    """The candidate of an act inside a frame ("threatened TO invade", "demanded that X withdraw"): the code
    composed from the frame, the frame's holder the source, the addressee or the act's own party the target."""
    tok, pat, frame = trig.token, trig.pattern, trig.frame
    code = compose_code(lex.frames, trig.frame_name or "intent", pat.code)
    fverb = frame if frame.pos_ in ("VERB", "AUX") else args_head_verb(frame)
    sources = args.frame_noun_owner(frame, index)  # "BEIJING's threat to invade X", "the refusal BY X to"
    if fverb is not None and not sources:
        sources = args.subject_actors(fverb, index)
        if args.is_passive(fverb):  # "X was committed to talks": the passive subject holds the intent
            sources = args.agent_actors(fverb, index) or args.passive_subject_actors(fverb, index)
    own_targets = args.object_actors(tok, index)
    if not own_targets and trig.light is not None:  # "promised to continue [military aid] TO Mozambique"
        own_targets = args.object_actors(trig.light, index)
    frame_targets = args.object_actors(fverb, index) if fverb is not None else []
    if trig.frame_name in ADDRESSEE_FRAMES:
        # "said Somalia must withdraw", "demanded that the US cancel": the embedded subject is the addressee
        embedded_subj = [a for c in tok.children if c.dep_ in ("nsubj",) for a in args.np_actors(c, index)]
        targets = embedded_subj or frame_targets or own_targets
        if not any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for t in (tok, frame) for c in t.children):
            mod.hypothetical = False  # the obligation is the demand itself, not a hedge
    else:
        targets = own_targets or frame_targets
    if not targets and fverb is not None:  # "X wrote to Y DEMANDING an apology": of Y
        targets = args.addressee_actors(fverb, index)
    return Candidate(code, frame, tok, sources, [t for t in targets if t not in sources], mod, pat.specificity,
                     composed=True, noun=pat.noun, pattern_code=pat.code)


def _code_trigger(trig: Trigger, lex: Lexicon, index: args.ActorIndex, ctx: MatchContext) -> Candidate:
    tok, pat = trig.token, trig.pattern
    frame = trig.frame
    mod = modality_of(tok, lex.frames, frame)
    if frame is not None:
        return _framed_candidate(trig, lex, index, mod)
    sources, targets = _direct_arguments(trig, index)
    accused = _accused_noun(tok, pat)
    if accused is not None:  # "a businessman ACCUSED of bribing police officials": the businessman is accused
        if accused.i == tok.head.i and tok.dep_ == "acl":
            sources = args.agent_actors(tok, index)
        targets = [a for a in args.np_actors(accused, index) if a not in sources]
    said = literal.verdict(tok, ctx.known, ctx.agents) if pat.code[:2] == "11" and not pat.noun else None
    if said is not None:  # "the minister said the raid by X was barbaric", "called the Ugandan raid barbaric"
        sources = args.subject_actors(said[0], index)
        judged = args.np_actors(said[1], index) or [index.at(t) for t in said[1].subtree if index.at(t)]
        targets = [a for a in dict.fromkeys(judged) if a not in sources]
    code = pat.code
    composed = False
    if mod.negated and (mod.future or mod.hypothetical) and code[:2] in {"03", "04", "05", "06", "07", "08"}:
        # "will not accept", "would not meet": a refusal, not a negated cooperation
        code, composed = compose_code(lex.frames, "refuse", code), True
        mod.negated = False
    elif mod.future and code[:2] not in {"01", "02", "03", "10", "12", "13"}:
        if pat.undergo:
            # "the detainees will face trial", "he will stand trial": what befalls them, announced; the act itself,
            # hypothetical (the guide, section 4), never a threat by whoever reports it
            mod.hypothetical = True
        elif _scheduled(trig.light or tok) and not _has_unless(tok):
            # "will visit Iraq on May 3", "will hold talks at the summit": a scheduled act, reported as news of the act
            # itself, hypothetical (the guide, section 4: "talks are due next week" 046 h)
            mod.hypothetical = True
        else:
            # "will withdraw ... unless X": an intent held over someone is a threat; "X will withdraw": an intent
            # (CAMEO 03: an undated "will" announces what the actor means to do), except where frames.tsv's "future"
            # table keeps the act itself, hypothetical: consultations ("will hold talks with Y": 046 h, as the guide)
            frame_name = "threaten" if _has_unless(tok) else "future"
            new_code = compose_code(lex.frames, frame_name, code)
            composed = new_code != code
            mod.hypothetical = mod.hypothetical or not composed
            code = new_code
    if accused is not None:
        pass  # no one else is the accused: not the object of the act he is accused of
    elif not targets and (code[:2] in SPEECH_ROOTS or code[:2] in AID_ROOTS):
        # a body reporting its own state's act ("China may impose tariffs on X, the commerce ministry warned") does
        # not address its own state: the act's own party is the target (below)
        targets = index.others(args.complement_subject_actors(tok, index), sources)
    if accused is None and code[:2] == "11" and not pat.noun:
        # "X complained TO the UN OVER Israeli raids": the complaint is against Israel, lodged with the UN
        about = [a for a in args.grievance_actors(tok, index) if a not in sources]
        targets = about or targets
    if accused is None and not targets and not pat.noun:  # "X wrote to Y DEMANDING an apology": Y is asked
        targets = [a for a in args.addressee_actors(tok, index) if a not in sources]
    if accused is None and not targets and code[:2] in PLACE_ROOTS and trig.pattern.code[:2] in PLACE_ROOTS:
        # not the doers' own country: "troops repelled an attack near X" is not an act on their own state
        targets = index.others(args.place_target(tok, index), sources)
    if accused is None and not targets and code[:2] in TOPIC_ROOTS:
        # "was pessimistic about talks WITH Syria", "hoped martial law in BEIJING would end": whom it is about
        targets = args.first_actor_after(tok, index, exclude=sources)
    if accused is None and not targets and code[:2] not in ("01", "02"):
        # "promised to continue aid TO X", "threatened to cut off power TO X": the embedded act's party
        targets = index.others(args.complement_object_actors(tok, index), sources)
        if not targets and trig.light is not None:  # "OPENED fire to disperse X": the light verb's purpose clause
            targets = index.others(args.complement_object_actors(trig.light, index), sources)
    return Candidate(code, tok, tok, sources, [t for t in targets if t not in sources], mod, pat.specificity,
                     composed=composed, noun=pat.noun, pattern_code=pat.code)


def _accused_noun(tok: Token, pat) -> Token | None:
    """The noun an accusation participle hangs on ("a businessman ACCUSED of bribing officials", "two men CHARGED with
    fraud"): the one accused. None for any other trigger."""
    if pat.noun or pat.code[:3] not in ("112", "115", "116", "173"):
        return None
    if tok.lemma_.lower() in LEGAL_OBJECT_VERBS and not args.is_passive(tok):
        # "prosecutors CHARGED the former minister with spying for Russia", "a jury FOUND an aide to the mayor
        # guilty": the charged is the object, not a party named in what he is charged with or beside him
        return next((c for c in tok.children if c.dep_ in ("dobj", "obj")), None)
    if tok.dep_ != "acl" or tok.tag_ != "VBN" or tok.lemma_.lower() not in ACCUSING_VERBS:
        return None  # (not "the suit, FILED in federal court": what is filed is no one accused)
    return tok.head if tok.head.pos_ in ("NOUN", "PROPN", "PRON") else None


# verbs whose direct object is the one charged or found guilty ("a jury FOUND a former aide to the mayor guilty")
LEGAL_OBJECT_VERBS = frozenset({"charge", "find", "convict"})
# participles whose noun is the one accused ("a businessman ACCUSED of bribery", "two men CHARGED with fraud")
ACCUSING_VERBS = frozenset({"accuse", "charge", "suspect", "indict", "convict", "allege"})


def args_head_verb(noun: Token) -> Token | None:
    t = noun
    for _ in range(3):
        if t.head.i == t.i:
            return None
        t = t.head
        if t.pos_ in ("VERB", "AUX"):
            return t
    return None


def code_sentence(sent: Span, lex: Lexicon, index: args.ActorIndex, ctx: MatchContext) -> list[Candidate]:
    triggers = find_triggers(sent, ctx)
    framed = {t.token.i: t for t in triggers if t.frame is not None}
    triggers = [_with_shared_frame(t, framed) for t in triggers]
    frames_used = {t.frame.i for t in triggers if t.frame is not None}
    verbs = {t.token.i for t in triggers if not t.pattern.noun}
    harm = {t.token.i for t in triggers if not t.pattern.noun and t.pattern.code[:2] in PATIENT_ROOTS}
    carriers = _carriers(triggers)
    carried = {n.token.i for n in carriers.values() if n is not None}
    out = []
    for trig in triggers:
        if trig.token.i in frames_used:
            continue  # the frame verb's own reading gives way to the composed event
        if trig.frame is None and trig.pattern.code[:2] in FORCE_ROOTS and aim(trig.token):
            continue  # "deployed troops in order to FORCE them to talk": an aim of force is not reported as done
        if trig.token.i in carried:
            continue  # the act noun lends its code to the verb naming its toll (below)
        if trig.token.i in carriers and carriers[trig.token.i] is None:
            continue  # a second toll verb of an act already coded ("strikes KILLED nine and DESTROYED two depots")
        if trig.frame is not None and trig.frame_name in ADDRESSEE_FRAMES and _asks_question(trig.token):
            continue  # "asked WHY the army was deployed": a question about the act, not a request for it
        if _opposed_plan(trig.frame if trig.frame_name in ("intent", "threat") else _planned_in(trig.token) if trig.frame is None
                         else None, triggers):
            continue  # "the court BLOCKED the government's plan TO DEPORT them": no act of the court's, nor done
        if trig.pattern.noun and trig.frame is None and trig.light is not None and trig.light.i in verbs:
            continue  # "fought battles", "took control": the verb already codes it
        if trig.pattern.free and trig.light is None and _governed_by(trig.token, harm):
            continue
        if trig.token.dep_ == "xcomp" and trig.token.head.lemma_.lower() in literal.load_words().foiling:
            continue  # "FOILED a plot to BOMB the embassy" (the parser hangs the act on the verb): prevented, not done
        if trig.pattern.free and trig.light is None and trig.pattern.code[:2] in MEASURE_ROOTS and _ended_measure(trig.token):
            continue  # "LIFTED sanctions on X", "SCRAPPED tariffs on Y": the measure is ended, not imposed (REVIEW12 #5)
        if _by_sport_body(trig):
            continue  # "Argentina's football federation paid tribute to him", "the FA fined the club": sport, guide §1
        if trig.pattern.free and trig.light is None and _amount_of_act(trig.token, verbs):
            continue  # "PLEDGED 500 million euros in AID to X": the verb codes the act, the noun names what is given
        cand = _code_trigger(trig, lex, index, ctx)
        if cand.code == literal.MILITARY_AID and not _armed_sides(cand, index):
            continue
        noun = carriers.get(trig.token.i)
        if noun is not None and not cand.composed:
            # "were KILLED in a rebel attack": one act, coded by the noun that names it, its victims the verb's
            cand.code, cand.pattern_code, cand.specificity = noun.pattern.code, noun.pattern.code, noun.pattern.specificity
            cand.sources = cand.sources or [a for a in _modifier_actors(noun.token, index) if a not in cand.targets]
        cand.light = trig.light if trig.pattern.noun and trig.frame is None else None
        cand.free = trig.pattern.free and trig.light is None and trig.frame is None
        out.append(cand)
    out = _reacted_acts(out, index)
    anchors = {c.trigger.i for c in out} | {c.light.i for c in out if c.light is not None}
    for c in out:
        own = anchors - {c.light.i} if c.light is not None else anchors
        c.subordinate = _under_other(c.trigger, own) or _in_condition(c.trigger)
    return out


# reject, block (12), reduce relations (16): not criticism ("moves to lift the ban were condemned": the moves are
# real and coded), not an appeal frame ("rejected calls for an inquiry": the calls were made by others)
OPPOSED_ROOTS = frozenset({"12", "16"})


# acts of state whose place names the doer ("the arrest of X IN IRAN", "the release of prisoners IN BELARUS", "the
# expulsion of diplomats FROM VENEZUELA"); the place of a violent act names its victim, not its unknown doer
STATE_ACT_ROOTS = frozenset({"08", "16", "17"})


def _reacted_acts(cands: list[Candidate], index: args.ActorIndex) -> list[Candidate]:
    """An act named by the object of a verb of reaction ("France CONDEMNED the arrest of a French aid worker in
    Iran", "the EU WELCOMED the release of prisoners in Belarus": args.reacting_verb) is not the reactor's (REVIEW12
    #2): its source is a doer its own phrase names ("the raid BY Ruritanian troops", "Russia's invasion", "the Israeli
    raid"), else none (the guide: an act of an unknown doer is coded with no source), and no reactor is its target.
    The reaction is aimed at the act's doer, else, for an act of state, at the state holding the place it was done
    in (Iran, Belarus), not at its victim; a violent act with no named doer leaves the reaction's target as it was."""
    out = []
    for c in cands:
        verb = args.reacting_verb(c.trigger) if c.noun and c.trigger.i == c.action.i and not c.composed else None
        if verb is None:
            out.append(c)
            continue
        reactors = args.reactor_actors(verb, index)
        if not reactors:  # "the assistance of X is welcomed": no reactor to take the act over
            out.append(c)
            continue
        own = [a for a in dict.fromkeys(c.sources + args.object_agents(c.trigger, index)) if a not in reactors]
        aim_at = own
        if not aim_at and c.root in STATE_ACT_ROOTS:
            aim_at = index.others(args.act_place_holders(c.trigger, index), reactors)[:1]
        for reaction in (r for r in cands if verb.i in (r.trigger.i, r.action.i) and not r.composed
                         or verb.pos_ == "NOUN" and r.trigger.i == verb.head.i and r is not c):
            if aim_at:
                reaction.targets = [a for a in aim_at if a not in reaction.sources]
        c.sources, c.targets = own, [t for t in c.targets if t not in own and t not in reactors]
        out.append(c)
    return out


def _by_sport_body(trig: Trigger) -> bool:
    """The act's doer (the subject or by-agent of its verb, of its light verb, or of its frame verb) is a body of sport
    (literal.sport_body: "the Premier League", "the football federation"), whose acts are sport (the guide, section 1)."""
    return sport_doer(trig.frame if trig.frame is not None else (trig.light if trig.light is not None else trig.token))


MEASURE_ROOTS = ("16", "17")  # sanctions, embargoes, tariffs (163), bans (172): measures that can be ended


def _ended_measure(noun: Token) -> bool:
    """NOUN (a sanction, a tariff) is the object of a verb that ends or eases it (literal.tsv ``reversal`` rows)."""
    return noun.dep_ in ("dobj", "obj", "nsubjpass") and noun.head.lemma_.lower() in literal.load_words().reversal


def sport_doer(verb: Token) -> bool:
    """VERB's subject or by-agent is a body of sport (literal.sport_body)."""
    doers = [c for c in verb.children if c.dep_ == "nsubj"]
    doers += [o for c in verb.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"]
    return any(literal.sport_body(d) for d in doers)


def _planned_in(tok: Token) -> Token | None:
    """The noun whose infinitive TOK is ("a proposal TO EXPEL them", "the bid to close"), else None."""
    if tok.dep_ == "acl" and tok.head.pos_ == "NOUN" and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
        return tok.head
    return None


MADE_ATTEMPTS = frozenset({"attempt", "bid"})


def _opposed_plan(frame: Token | None, triggers: list[Trigger]) -> bool:
    """FRAME is a noun of intent ("plan", "proposal", "decision") that is the object of another trigger verb of
    rejection or reduced relations in the sentence ("a judge BLOCKED the administration's plan to deport 500
    people", "the court SUSPENDED a government plan to deploy police", "rejected the proposal to close the border"):
    the act the plan names is neither the blocker's nor reported as done; the blocking is the event."""
    if frame is None or frame.pos_ not in ("NOUN", "PROPN") or frame.dep_ not in ("dobj", "obj", "nsubjpass", "pobj"):
        return False
    head = frame.head.head if frame.dep_ == "pobj" else frame.head
    if head.lemma_.lower() in literal.load_words().foiling and frame.lemma_.lower() not in MADE_ATTEMPTS:
        # "police FOILED a plot to bomb the embassy": the act was prevented (REVIEW12 #2); but a thwarted ATTEMPT was
        # made (the guide, section 4; CAMEO 185 "attempt to assassinate" is coded however it ended)
        return True
    return any(t.token.i == head.i and t.frame is None and not t.pattern.noun and t.pattern.code[:2] in OPPOSED_ROOTS
               for t in triggers)


def _carriers(triggers: list[Trigger]) -> dict[int, Trigger | None]:
    """Toll verbs (RESULT_VERBS, by token) and the free violence noun that names the act whose toll they report:
    its subject ("air strikes KILLED nine"), its instrument ("were KILLED IN the attack"), the noun a relative
    clause hangs from ("bombings that KILLED six") or the subject of the verb it completes ("a gunfight LEFT three
    DEAD"). A second toll verb of the same noun maps to None (one act, one event)."""
    nouns = {t.token.i: t for t in triggers
             if t.pattern.noun and t.pattern.free and t.light is None and t.frame is None
             and t.pattern.code[:2] in VIOLENCE_ROOTS}
    out: dict[int, Trigger | None] = {}
    if not nouns:
        return out
    used: set[int] = set()
    for t in triggers:
        tok = t.token
        if t.pattern.noun or t.frame is not None or tok.lemma_.lower() not in RESULT_VERBS:
            continue
        noun = next((nouns[c.i] for c in _act_words(tok) if c.i in nouns), None)
        if noun is None:
            continue
        out[tok.i] = None if noun.token.i in used else noun
        used.add(noun.token.i)
    return out


def _act_words(verb: Token) -> list[Token]:
    """Words that may name the act behind a toll verb: subjects and instrument objects of the verb (or of the verb
    it is conjoined to, sharing its subject), the noun of its relative clause, the subject of the verb it completes.
    An instrument counts only for a verb without a subject of its own ("police KILLED two IN a raid": their act)."""
    own = [verb]
    if verb.dep_ == "conj" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        own.append(verb.head)
    out: list[Token] = []
    subjects = [c for h in own for c in h.children if c.dep_ == "nsubj"]
    if verb.dep_ in COMPLEMENT_DEPS and verb.head.i != verb.i:  # "a gunfight LEFT three DEAD"
        subjects += [c for c in verb.head.children if c.dep_ == "nsubj"]
    for c in subjects:
        out += [c, *c.conjuncts]
        if c.lemma_.lower() in SERIES_HEADS:  # "a WAVE of air strikes killed"
            out += [p for pr in c.children if pr.dep_ == "prep" and pr.lower_ == "of"
                    for p in pr.children if p.dep_ == "pobj"]
    if not any(c.dep_ == "nsubj" for h in own for c in h.children):
        out += [p for h in own for c in h.children if c.dep_ == "prep" and c.lower_ in args.INSTRUMENT_PREPS
                for p in c.children if p.dep_ == "pobj"]
    if verb.dep_ == "relcl" or (verb.dep_ == "acl" and any(c.dep_ == "dobj" for c in verb.children)):
        out.append(verb.head)  # "bombings that KILLED six"; "air strikes KILLED six, ..." read as a reduced
        # relative (a participle with an object of its own is no passive: the noun is its subject)
    return out


ARMED_SECTORS = frozenset({"MIL", "REB", "INS", "SEP", "UAF"})
GIVER_SECTORS = frozenset({"GOV", "SPY", "IGO", "UNO"})   # besides armed ones: a state's government, a body of states


def _armed_sides(c: Candidate, index: args.ActorIndex) -> bool:
    """Military assistance (CAMEO 072) is given by a state, a body of states or an armed group to armed forces or an
    armed group: a side the arguments found must be such an actor ("Smith helped Navy beat Army": a person helps a
    team; "backed the police": police are not armed forces; "sent arms to Pakistan": a state). A side not found is
    not held against it."""
    codes = {a.id: parse_code(a.code) if a.code else None for a in index.table.actors}
    if c.targets and not any(_state_or_armed(codes.get(t)) for t in c.targets):
        return False  # "sent arms to Pakistan": a state is armed through its forces
    return not c.sources or any(_state_or_armed(codes.get(s)) for s in c.sources)


def _state_or_armed(code) -> bool:
    """A country, its government or forces, a body of states ('IGOUNO'), or an armed group ('---REB')."""
    if code is None:
        return False
    sectors = set(code.sectors)
    return bool(sectors & (ARMED_SECTORS | GIVER_SECTORS)) or bool(code.country) and not sectors


def _with_shared_frame(trig: Trigger, framed: dict[int, Trigger]) -> Trigger:
    """A verb conjoined to an act coded under a frame (FRAMED: those triggers by token) shares the frame: "threatened
    to bomb the port AND BLOCKADE the coast", "urged them to free AND COMPENSATE the prisoners" (the guide: the
    threat or appeal is the event; the embedded acts are not reported as done)."""
    if trig.frame is not None or trig.pattern.noun or trig.token.dep_ != "conj":
        return trig
    first, n = trig.token, 0
    while first.dep_ == "conj" and first.head.i != first.i and n < 6:
        first, n = first.head, n + 1
    lead = framed.get(first.i)
    if lead is not None and trig.token.tag_ != lead.token.tag_:
        return trig  # "threatened to attack the town AND KILLED three soldiers": a finite verb is an act of its own
    return replace(trig, frame=lead.frame, frame_name=lead.frame_name) if lead is not None else trig


QUESTION_WORDS = frozenset({"why", "what", "how", "whether", "who", "when", "where", "which"})


def _amount_of_act(noun: Token, verbs: set[int]) -> bool:
    """NOUN names what an amount is in, the amount being the object of a verb trigger ("pledged 500 million euros
    IN aid", "approved $300m IN loans")."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "in" or prep.dep_ != "prep":
        return False
    amount = prep.head
    return amount.dep_ in ("dobj", "obj") and amount.head.i in verbs and args.is_amount(amount)


def _asks_question(tok: Token) -> bool:
    """TOK heads an embedded question: a clausal complement opened by a wh-word or "whether" ("asked why ...")."""
    return tok.dep_ == "ccomp" and any(c.lower_ in QUESTION_WORDS and c.i < tok.i and c.dep_ in ("advmod", "mark", "dobj", "nsubj")
                                       for c in tok.children)


def _governed_by(noun: Token, verbs: set[int]) -> bool:
    """The noun is the subject, object or prepositional object of a trigger verb of VERBS (one that names harm:
    "a car bombing by the rebels KILLED scores" is one act, coded by the verb; the noun names its agent)."""
    gov = governing_verb(noun)
    if gov is None or gov.i not in verbs:
        return False
    return noun.dep_ != "pobj" or noun.head.lower_ in args.INSTRUMENT_PREPS  # not "arrested AFTER the protests"


WHEN_LABELS = frozenset({"DATE", "TIME", "EVENT"})


def _scheduled(verb: Token) -> bool:
    """The verb's own clause dates it ("on November 22", "next week", "in April", "at the spring conference")."""
    for c in verb.children:
        if c.dep_ in ("npadvmod", "tmod", "obl", "advmod") and c.ent_type_ in WHEN_LABELS:
            return True
        if c.dep_ == "prep" and any(o.dep_ == "pobj" and o.ent_type_ in WHEN_LABELS for o in c.children):
            return True
    return False


def _has_unless(tok: Token) -> bool:
    return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "unless" for m in c.children)
               for c in tok.children)


def _under_other(tok: Token, anchors: set[int]) -> bool:
    """TOK sits inside the clause of another event's trigger ("accused X of ATTACKING", "strike to DEMAND")."""
    t, n = tok, 0
    while t.head.i != t.i and n < 8:
        t, n = t.head, n + 1
        if t.i in anchors:
            return True
    return False


def _in_condition(tok: Token) -> bool:
    t, n = tok, 0
    while t.head.i != t.i and n < 8:
        if t.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in t.children):
            return True
        t, n = t.head, n + 1
    return False


def expand(c: Candidate, reciprocal: frozenset[str] = frozenset(),
           codes: dict[str, str | None] | None = None) -> list[tuple[str | None, str | None]]:
    """(source, target) pairs: compound actors give one event each; 'X and Y met' gives X→Y and Y→X; 'X, Y and Z
    met' gives X→Y and X→Z. CODES (actor id -> code): two subjects of one code are one side, not a pair acting on
    each other ("President X and other government leaders were committed to talks": with someone else)."""
    sources, targets = c.sources or [None], c.targets or [None]
    # the act is mutual by its word ("met", "clashed"), by the light verb carrying its noun ("SIGNED a truce"), or by
    # its object ("accused EACH OTHER", "blamed ONE ANOTHER")
    mutual = any(t is not None and t.lemma_.lower() in reciprocal for t in (c.trigger, c.action, c.light)) \
        or args.mutual_object(c.action) or args.mutual_object(c.trigger)
    if mutual and codes and len(c.sources) == 2 and codes.get(c.sources[0]) \
            and codes.get(c.sources[0]) == codes.get(c.sources[1]) and c.trigger.lemma_.lower() not in reciprocal:
        mutual = False  # one side named twice; a word mutual in itself ("the two ministers met") still pairs them
    if mutual and len(c.sources) == 2 and not c.targets:
        return [(a, b) for a in c.sources for b in c.sources if a != b]
    if mutual and len(c.sources) > 2 and not c.targets:
        # "the three mayors agreed", "A, B and C met": one multilateral act, the first named with each other
        # (the guide: one event per pair of parties, not every ordering of every pair)
        return [(c.sources[0], b) for b in c.sources[1:]]
    return [(s, t) for s in sources for t in targets if s != t or s is None]
