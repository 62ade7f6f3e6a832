"""The event stage: sentences → coded events on ``record.events``; the article's tone on ``record.tone``."""
from __future__ import annotations

import logging
from pathlib import Path

from spacy.tokens import Doc, Span, Token

from eventwatch.actors import agent_words, fold, people_of, political_actor, political_words, resolve_pronoun
from eventwatch.events import arguments as args
from eventwatch.events import literal
from eventwatch.events import scope
from eventwatch.events.codes import lookup
from eventwatch.events.coder import HARM_PARTICIPLES, Candidate, code_sentence, expand, sport_doer
from eventwatch.events.confidence import Evidence, confidence, load_calibration
from eventwatch.events.dates import event_time
from eventwatch.events.modality import hypothetical_flag
from eventwatch.events.lexicon import load_lexicon
from eventwatch.events.location import dateline_place, event_place
from eventwatch.events.matcher import MatchContext
from eventwatch.events.statements import demand_candidates, statement_candidates
from eventwatch.events.tone import tone
from eventwatch.model import Event, Record
from eventwatch.nlp.cache import ents

log = logging.getLogger(__name__)


class EventsStage:
    name = "events"

    def __init__(self, settings):
        self.settings = settings
        cameo = bool((getattr(settings, "extra", None) or {}).get("events_cameo", False))
        self.lexicon = load_lexicon(True) if cameo else load_lexicon()   # one cached object per reading
        self.agent_words = _agent_words(settings)
        self.political_words = political_words(getattr(settings, "actors_file", None))
        self.shared_sanctions = _shared_sanctions()
        self.classifier = None
        self.mode = "combined"
        if (getattr(settings, "extra", None) or {}).get("events_classifier", True):
            from eventwatch.events.classifier import load_classifier
            self.classifier = load_classifier()
        self.learned = None
        self.collect = None  # scripts/train_event_coder.py: called with the lexicon's output, before combining
        # The learned coder (events/learned.py, model card events/data/event_coder.md) adds no events by default:
        # re-measured with calibrated confidence, what it adds is no more precise than the lexicon and it lowers
        # PLOVER F1 on plover_gsr_dev (0.750 -> 0.732 at add 0.3). Switch it on with
        # Settings(extra={"events_learned": True}) to measure it. It does score events' roots for the calibration.
        if (getattr(settings, "extra", None) or {}).get("events_learned", False):
            from eventwatch.events.learned import load_coder
            self.learned = load_coder()
        # The trigger tagger (events/tagger.py, model card events/data/trigger_tagger.md) can stand in for the
        # linear coder in the combination: Settings(extra={"events_tagger": True}). Opt-in: held out, it adds
        # recall on tune wave 4 but not root F1 on the test split (model card, "Decision").
        if (getattr(settings, "extra", None) or {}).get("events_tagger", False):
            from eventwatch.events.tagger import load_tagger
            self.learned = load_tagger()
        # every event's final confidence is calibrated (events/confidence.py; scripts/calibrate_events.py)
        self.calibration = load_calibration() if (getattr(settings, "extra", None) or {}).get(
            "events_calibrated", True) else None
        self.root_model = None  # the learned coder, scoring each event's root for the calibration only
        if self.calibration is not None and self.calibration.wants_root_probability:
            from eventwatch.events.learned import load_coder
            self.root_model = load_coder()

    MODES = ("pattern", "classifier", "combined")

    @classmethod
    def variant(cls, base: "EventsStage", mode: str) -> "EventsStage":
        """A copy of BASE that codes with patterns only, the classifier only, or both (the default)."""
        stage = cls.__new__(cls)
        stage.__dict__.update(base.__dict__)
        stage.mode = mode
        return stage

    def __call__(self, doc: Doc, record: Record) -> None:
        record.tone = tone(doc)
        index = args.ActorIndex(people_of(doc, record), lambda tok: resolve_pronoun(doc, record, tok))
        args.note_places(index, doc, record.places)
        place_tokens = _place_tokens(doc, record)
        ctx = MatchContext(self.lexicon, index.tokens(), place_tokens, index.tokens(("person",)), self.agent_words)
        fallback_place = dateline_place(record)
        domain = scope.article_domain(doc)
        actors = {a.id: a for a in record.actors}
        seen: set[tuple] = set()
        # events no actor is placed for, kept only when the calibrated confidence is high (see _settle_actorless)
        provisional: dict[int, Event] | None = {} if self.calibration is not None else None
        bare_intents: dict[int, Event] = {}  # intents (03) named by a noun or a verb with no act after it
        settings: set[int] = set()  # ids of actorless events whose noun only sets another thing's scene
        # acts hypothetical only because their own date lies after the article's day ("the talks begin tomorrow"):
        # flagged after calibration, whose 'hypothetical' feature was fit on hypotheticals read from the wording
        ahead: dict[int, Event] = {}
        for sent in doc.sents:
            cands = code_sentence(sent, self.lexicon, index, ctx) if self.mode != "classifier" else []
            if all(c.free for c in cands) and self.mode != "classifier":
                # a free event noun ("said the talks with Sudan were a success") leaves the statement its reading
                cands = cands + statement_candidates(sent, self.lexicon, index, ctx.vetoed)
            elif self.mode != "classifier":
                cands = _with_reported_demands(cands, demand_candidates(sent, self.lexicon, index))
            cands = _without_purposes(_without_results(cands, index))
            votes = None
            if self.classifier is not None and self.mode != "pattern":
                votes = self.classifier.vote(sent, cands, index, self.mode == "classifier")
                if any(sent.start <= i < sent.end for i in ctx.vetoed):
                    # the sentence's violence word was read as figurative: the classifier does not bring it back
                    # nor any word the lexicon read as no event ("warned OF FAMINE": a forecast, no threat)
                    votes = [(c, v) for c, v in votes
                             if not (v.only and (c.root in literal.VIOLENCE_ROOTS or c.trigger.i in ctx.vetoed
                                                 or c.root in literal.UNTOLD_ROOTS))]
            if votes:  # the classifier's own reading of a sport body's act is sport too (coder.sport_doer)
                votes = [(c, v) for c, v in votes if not (v.only and sport_doer(c.trigger))]
            for cand in cands:
                if len(cand.sources) >= 2:
                    index.last_group = cand.sources
            found = []
            for cand, clf in _with_votes(cands, votes):
                for e in self._events(cand, clf, sent, record, fallback_place, provisional, ahead):
                    if provisional is not None and id(e) in provisional and names_a_setting(cand.trigger):
                        settings.add(id(e))
                    found.append((e, cand.subordinate))
                    if e.root == INTENT_ROOT and _bare_intent(cand):
                        bare_intents[id(e)] = e
            if any((e.source or e.target) and not sub for e, sub in found):
                # actorless readings only when no main-clause event has actors
                found = [(e, sub) for e, sub in found if e.source or e.target]
            protesting = scope.protesters([e for e, _ in found])
            found = [(e, sub) for e, sub in found if scope.in_scope(e, actors, domain, protesting, text=record.text)]
            for event, _ in found:
                key = (_side_key(event.source, actors), _side_key(event.target, actors, patient=event.root in ONE_ACT_ON_MANY),
                       event.cameo,
                       event.sentence[0], event.trigger[0])
                if key not in seen:
                    seen.add(key)
                    record.events.append(event)
        if self.collect is not None:
            self.collect(doc, record, index, ctx)
        if self.learned is not None and self.mode == "combined":
            from eventwatch.events.combine import combine
            combine(self, doc, record, index, ctx, fallback_place)
        _state_force(record, _deadly(doc, record))
        if self.calibration is not None:
            self._calibrate(doc, record, index)
            _settle_actorless(record, provisional or {}, settings)
            _without_weak_intents(record, bare_intents)
        for event in record.events:
            if id(event) in ahead:
                event.hypothetical = True
        _without_apolitical_speech(doc, record, self.political_words, self.shared_sanctions, self.agent_words)
        # after scoring and calibration, so no event's confidence or rank changes:
        args.place_targets(record.events, doc, index)  # an act on a place: on whoever holds it
        args.crowd_doers(record.events, doc, index)  # "Thousands rallied in X": X's protesters
        args.military_doers(record.events, index)  # "Britain carried out air strikes": its armed forces
        args.carry_dyads(record.events, [s.start_char for s in doc.sents], doc, index.kind)  # the story's dyad, when unnamed
        _note_undated(record)


    def _calibrate(self, doc: Doc, record: Record, index) -> None:
        probs = None
        if self.root_model is not None and record.events:
            from eventwatch.events.combine import root_probabilities
            probs = root_probabilities(self.root_model, doc, record, index, self.agent_words)
        self.calibration.apply(record.events, probs)

    def _events(self, cand: Candidate, clf, sent: Span, record: Record, fallback_place,
                provisional: dict[int, Event] | None = None, ahead: dict[int, Event] | None = None):
        """The candidate's events, one per (source, target) pair. A pair with no placed actor on either side (and
        no agentive subject) is skipped, or, when PROVISIONAL is a dict, yielded and recorded there by id (the dict
        holds the event, so no later event can take over a dropped one's id): the
        stage keeps it only if its calibrated confidence is high enough (_settle_actorless)."""
        info = lookup(cand.code)
        if info is None:
            log.warning("unknown CAMEO code %s in lexicon", cand.code)
            return
        when = event_time(sent, cand.trigger, record.published)
        mentions = {a.id: a.mentions for a in record.actors}
        for source, target in expand(cand, self.lexicon.frames.reciprocal, {a.id: a.code for a in record.actors}):
            src_span = evidence_span(mentions.get(source), sent, cand.trigger.idx)
            tgt_span = evidence_span(mentions.get(target), sent, cand.trigger.idx)
            actorless = _unplaced(source, src_span) and _unplaced(target, tgt_span) \
                and not _generic_participant(cand, self.agent_words)
            if actorless and provisional is None:
                continue
            spans = [m for ms in mentions.values() for m in ms]
            place = event_place(record, sent, cand.trigger, fallback_place, spans)
            ev = Evidence(specificity=cand.specificity, has_source=source is not None, has_target=target is not None,
                          composed=cand.composed, noun_trigger=cand.noun, subordinate=cand.subordinate,
                          hedged=cand.modality.negated or cand.modality.hypothetical)
            if clf is not None:
                ev.classifier_agrees, ev.classifier_prob, ev.classifier_only = clf.agrees, clf.prob, clf.only
            event = Event(
                source=source, target=target, cameo=info.code, root=info.root, plover=info.plover or "",
                quad_class=info.quad_class, goldstein=info.goldstein,
                sentence=[sent.start_char, sent.end_char],
                trigger=[cand.trigger.idx, cand.trigger.idx + len(cand.trigger.text)],
                date=when.date, date_precision=when.precision, background=when.background, place=place, negated=cand.modality.negated, hypothetical=hypothetical_flag(cand.modality, cand.absorbed),
                confidence=confidence(ev), plover_mode=info.plover_mode, plover_context=list(info.plover_context),
                method="classifier" if clf is not None and clf.only else ("both" if clf and clf.agrees else "pattern"),
                source_span=src_span, target_span=tgt_span,
            )
            if actorless:
                provisional[id(event)] = event
            if when.ahead and not cand.absorbed and not event.hypothetical:
                if ahead is None:
                    event.hypothetical = True
                else:
                    ahead[id(event)] = event  # the dict holds the event, so no later event can take over its id
            yield event


# An event that names no placed party ("the talks resumed", "the strike closed the port", "he was remanded in
# custody"): the coders code it, but taken all together such readings are right by root only 3 times in 10 on the
# tune waves 1, 3 and 5 (201 of 664). Their calibrated confidence separates them: from 0.6 up, 74 of 102 were right
# (0.73, above the coder's precision by root, 0.45), below it 127 of 562. Measured with every actorless reading
# kept, then filtered; waves 2 and 4 and the test split were only scored.
ACTORLESS_MIN_CONFIDENCE = 0.6
# ... but meetings and talks (04), agreements and praise (05) and protests (14) named with no placed party ("the talks
# resumed", "the agreement was reached in Paris", "the strike closed the port") are right more often than their
# calibrated confidence says: between 0.45 and 0.6 on tune waves 1, 3 and 5, 33 such readings, 26 in a sentence with
# a gold event (0.79, above the detection precision, 0.72) and 25 right by root (tenth session, evrec10; from 0.40 to
# 0.45 only 11 of 17). The other roots keep the general bar: in the same band legal acts (17) were in a sentence with
# a gold event 0.66 of the time, fighting (19) 0.33, inquiries (09) 0.28, acts of yielding (08) 0.17. Waves 2, 4, 6,
# 7 and the test split were only scored.
ACTORLESS_ROOT_MIN = {"04": 0.45, "05": 0.45, "14": 0.45}


def actorless_bar(root: str, setting: bool = False) -> float:
    """The calibrated confidence an actorless event of ROOT needs to stay; SETTING: its noun only sets the scene of
    another thing (see ``names_a_setting``), which the lower bar of ACTORLESS_ROOT_MIN was not measured on."""
    return ACTORLESS_MIN_CONFIDENCE if setting else ACTORLESS_ROOT_MIN.get(root, ACTORLESS_MIN_CONFIDENCE)


def names_a_setting(trigger: Token) -> bool:
    """An act noun in a phrase hanging on another noun, which it only places or times: "the food AT THE SUMMIT was
    appalling", "the hotel FOR THE TALKS" -- a mention of the act, no report of it."""
    return trigger.pos_ == "NOUN" and trigger.dep_ == "pobj" and trigger.head.dep_ == "prep" \
        and trigger.head.head.pos_ in ("NOUN", "PROPN")


def _settle_actorless(record: Record, provisional: dict[int, Event], settings: frozenset[int] | set[int] = frozenset()) -> None:
    """Drop the actorless events (ids in PROVISIONAL) whose calibrated confidence is below their root's bar (ids in
    SETTINGS: triggers that only set the scene, ``names_a_setting``)."""
    if provisional:
        record.events = [e for e in record.events
                         if id(e) not in provisional or e.confidence >= actorless_bar(e.root, id(e) in settings)]


# Intents (root 03: offered, agreed, pledged, promised, plans) are the coder's weakest root: on the tune waves 1, 3
# and 5 only 33 of 192 were right by root. Those named by a noun ("his commitment", "a firm's offer", "plans") or by a
# verb with no act after it ("Hettmansberger agreed", "offered a 40 ct increase") and of a calibrated confidence
# below 0.3 were right 8 times in 80 (0.10, far below the coder's precision by root, so dropping them raises root
# F1). An intent with its act ("agreed to hold talks", "offered to mediate") keeps its reading whatever its
# confidence: the CAMEO manual's examples are of that kind (with every low intent dropped, root accuracy there fell
# from 0.785 to 0.759). Measured on waves 1, 3 and 5 only; waves 2, 4 and 6 and the test split were only scored.
INTENT_ROOT = "03"
INTENT_MIN_CONFIDENCE = 0.3


def _bare_intent(cand: Candidate) -> bool:
    """An intent read from its word alone: not composed with an act ("will release" -> 0353), matched by the bare
    lemma (no object or preposition the pattern asks for: "accepted a FORMULA", "agreed TO mediation" are specific),
    and a noun or a verb with no clausal complement."""
    tok = cand.trigger
    return not cand.composed and cand.specificity == 0 and (
        tok.pos_ in ("NOUN", "PROPN") or not any(c.dep_ in ("xcomp", "ccomp") for c in tok.children))


def _without_weak_intents(record: Record, bare: dict[int, Event]) -> None:
    """Drop the bare intents (ids in BARE, see _bare_intent) whose calibrated confidence is below the bar."""
    if bare:
        record.events = [e for e in record.events if id(e) not in bare or e.confidence >= INTENT_MIN_CONFIDENCE]


# Roots of words and verdicts (01/02 statements and appeals, 10-13 demands, disapproval, rejection, threats, and
# 16/17 sanctions and legal coercion) are said of anyone: "the coach questioned the call", "the striker was branded
# a cheat", "the airline was ordered to pay". The guide (docs/annotation/events.md section 1) wants a political
# party in the act: when neither side is one (no actor, or a coded actor of a non-political sector: a firm,
# civilians, media) such an event stays only if its sentence names a political party somewhere (a country or a
# government, police, court, opposition ... actor, or such an agent word). Named people and uncoded bodies are
# given the benefit of the doubt. Physical acts (protest, violence) keep the confidence rule alone.
SPEECH_ROOTS = frozenset({"01", "02", "10", "11", "12", "13", "16", "17"})
# ... and the words of root 05 (review 10): praise, thanks, tributes, verbal support, apologies, forgiveness ("the singer
# thanked fans", "the firm apologised"); not a signed agreement (057), an act
VERBAL_COOPERATION = frozenset({"050", "051", "052", "055", "056"})
# A plain statement (01: "Sinner said he was proud", "Musk said demand was strong") is not given a named person's
# benefit of the doubt: the statement stays (CAMEO codes it, the own set does not score it) only when a political
# party is its speaker or is named in its sentence.
STATEMENT_ROOT = "01"
# ... but arrests, charges, convictions and acquittals are the state's by nature (the guide: "he was charged: 173;
# convicted: 116"): of the legal codes only the verbs that sports bodies, firms and clubs use too (ordered to pay,
# barred, banned, revoked, suspended, fined: events/data/shared_sanctions.txt) need the political party
LEGAL_CODES = ("115", "116", "17")


def _shared_sanctions() -> frozenset[str]:
    from eventwatch.resources import read_words

    return frozenset(read_words(Path(__file__).parent / "data" / "shared_sanctions.txt"))


def _gated(e: Event, doc: Doc, shared: frozenset[str]) -> bool:
    """An event of SPEECH_ROOTS that needs a political party: not a legal act only the state does."""
    if e.root not in SPEECH_ROOTS and e.cameo not in VERBAL_COOPERATION:
        return False
    if not e.cameo.startswith(LEGAL_CODES):
        return True
    span = doc.char_span(e.trigger[0], e.trigger[1], alignment_mode="expand")
    return span is not None and any(fold(t.lemma_) in shared for t in span)


# Cooperation between firms is business, not politics (the guide, section 1: firms take part as victims or objects of
# violence or state action): a deal signed, an offer made, a meeting held or support given (roots 03-08) whose sides
# are a firm and another firm or no one ("the carmaker struck a deal to supply its rival", "the bank offered its
# clients ...") goes through the same test as speech: it stays only when its sentence names a political party.
# Ninth session (evprec9): such events were false in tune waves 1, 3 and 5 (business deals, bids, contracts).
COOPERATION_ROOTS = frozenset({"03", "04", "05", "06", "07", "08"})
FIRM_SECTORS = frozenset({"BUS", "MNC"})


def _firm_deal(e: Event, actors: dict) -> bool:
    """A cooperation event with a firm on one side and, on the other, a firm, a body of no known sector (a name the
    dictionary does not code: "Nissan", "Lenovo") or no one; never with a person or a political actor."""
    if e.root not in COOPERATION_ROOTS:
        return False
    sides = [actors.get(a) for a in (e.source, e.target) if a]
    if any(a is None or a.kind == "person" or political_actor(a) for a in sides):
        return False
    return any(_firm(a) for a in sides) and all(_firm(a) or not a.code for a in sides)


def _firm(actor) -> bool:
    code = actor.code or ""
    return actor.kind != "person" and (code.startswith("MNC") or bool(_sectors(actor) & FIRM_SECTORS))


def _without_apolitical_speech(doc: Doc, record: Record, words: frozenset[str],
                               shared: frozenset[str] = frozenset(), agents: frozenset[str] = frozenset()) -> None:
    """Drop the events of SPEECH_ROOTS with no political side whose sentence names no political party."""
    actors = {a.id: a for a in record.actors}

    def apolitical(actor_id: str | None, statement: bool = False) -> bool:
        actor = actors.get(actor_id) if actor_id else None
        if actor_id is None:
            return True
        if statement and actor is not None and actor.kind == "person" and not actor.code:
            return True
        return actor is not None and bool(actor.code) and actor.kind != "person" and not political_actor(actor)

    doubtful = [e for e in record.events if apolitical(e.source, e.root == STATEMENT_ROOT)
                and apolitical(e.target, e.root == STATEMENT_ROOT) and _gated(e, doc, shared) or _firm_deal(e, actors)]
    doubtful += [e for e in record.events if e.cameo == "116" and e.target is None and _ruling(e, doc, agents)]
    if not doubtful:
        return
    political = [m for a in record.actors if political_actor(a) for m in a.mentions]
    drop = {id(e) for e in doubtful if e.cameo == "116" and e.target is None and _ruling(e, doc, agents)
            or not _names_political(doc, e.sentence, political, words)}
    record.events = [e for e in record.events if id(e) not in drop]


# State forces shooting or beating people (CAMEO codebook, the PETRARCH-2 CAMEO 2.0 dictionary: police or troops
# shooting protesters, detaining demonstrators, quelling disturbances = 175 "use tactics of violent repression"): an
# 18x assault (180 unconventional violence, 182 physical assault) by police, troops, government or spies on
# protesters, the opposition, activists, journalists or unions is 175; a state force's shooting of anyone else (an
# armed suspect, a civilian or an unnamed person) is small-arms force, 193, as before; of an official it stays 18x (an
# assassination). Killings stay 1823 (the guide: "killing a person by a party").
STATE_FORCE_SECTORS = frozenset({"COP", "MIL", "GOV", "SPY"})
REPRESSED_SECTORS = frozenset({"OPP", "HRI", "MED", "LAB", "NGO", "PTY", "EDU"})


def _deadly(doc: Doc, record: Record) -> set[int]:
    """Ids of the events whose trigger has "dead" beside it ("shot two protesters DEAD"): killings, which stay 18x."""
    out = set()
    for e in record.events:
        span = doc.char_span(e.trigger[0], e.trigger[1], alignment_mode="expand")
        if span is not None and any(c.lower_ == "dead" for t in span for c in t.children):
            out.add(id(e))
    return out


def _sectors(actor) -> set[str]:
    code = actor.code or ""
    return set(actor.sector or ()) | {code[i:i + 3] for i in range(3, len(code), 3)}


def _state_force(record: Record, killed: set[int] | None = None) -> None:
    """Recode the 180/182 assaults of state forces (see STATE_FORCE_SECTORS)."""
    actors = {a.id: a for a in record.actors}
    killed = killed or set()
    for e in record.events:
        if e.cameo not in ("180", "182") or e.source not in actors or id(e) in killed:
            continue
        if not _sectors(actors[e.source]) & STATE_FORCE_SECTORS:
            continue
        target = actors.get(e.target) if e.target else None
        repressed = target is not None and bool(_sectors(target) & REPRESSED_SECTORS)
        civilian = target is None or "CVL" in _sectors(target)
        code = "175" if repressed else ("193" if e.cameo == "180" and civilian else None)
        info = lookup(code) if code else None
        if info is not None:
            e.cameo, e.root, e.plover, e.quad_class, e.goldstein = (info.code, info.root, info.plover or "",
                                                                   info.quad_class, info.goldstein)
            e.plover_mode, e.plover_context = info.plover_mode, list(info.plover_context)


def _ruling(e: Event, doc: Doc, agents: frozenset[str]) -> bool:
    """A 116 "ruled" with no party found against: a ruling on a law or on evidence, no finding (the codebook's 116
    finds a party guilty or liable)."""
    span = doc.char_span(e.trigger[0], e.trigger[1], alignment_mode="expand")
    rulings = [t for t in span or () if t.lemma_.lower() == "rule"]
    # "ruled that the former president was guilty", "that the opposition leader must pay": a party is found against
    found_on = [s for t in rulings for c in t.children if c.dep_ == "ccomp"
                for s in c.children if s.dep_ in ("nsubj", "nsubjpass")]
    return bool(rulings) and not any(_agentive(s, agents) for s in found_on)


def _names_political(doc: Doc, span: list[int], mentions, words: frozenset[str]) -> bool:
    start, end = span
    if any(start <= m[0] and m[1] <= end for m in mentions):
        return True
    sent = doc.char_span(start, end, alignment_mode="expand")
    return sent is not None and any(fold(t.lemma_) in words or fold(t.text) in words for t in sent)


# Coercion (17: arrested, charged, held, tried) of a list of people is one act of the state's on them all; a threat or
# a criticism of two named men stays two events (the seed: the Taliban spokesman threatened Noor and Dostum)
ONE_ACT_ON_MANY = frozenset({"17"})


def _side_key(actor_id: str | None, actors: dict, patient: bool = False) -> str | None:
    """What makes one side of an act distinct: for bodies and groups the actor's code when it has one (the
    guide: coordinated parties with the same code make one event, "the mayor and the council" -> one), else
    the actor itself. A named person who acts is always their own side: "Noor and Dostum vowed to resist" is two
    events even when both carry one code, so no one's act is lost from the record. Named people who undergo one
    act of coercion (PATIENT: the target side of a root in ONE_ACT_ON_MANY) with one code are one event, as the guide
    has it: "police charged Ann Lee, Bo Park and Cy Moss" is one arrest (on the tune waves 1, 3 and 5 such lists gave one false event a name)."""
    actor = actors.get(actor_id) if actor_id else None
    if actor is not None and actor.kind == "person" and patient:
        return f"person:{actor.code}"  # people of no known code alike: the coder gives them one code (---CRM ...)
    if actor is None or not actor.code or actor.kind == "person":
        return actor_id
    return f"code:{actor.code}"


def _unplaced(actor_id: str | None, span: list[int] | None) -> bool:
    """No actor, an actor the sentence names only by a pronoun, or ordinary people of unknown country ("---CVL":
    "fans", "people"): alone such sides do not make an event of a verb whose subject is not an agent (the same
    test as for no actor at all; on tune BBC sport/entertainment/tech sentences these made false events)."""
    return actor_id is None or span is None or actor_id == "---CVL"


def evidence_span(mentions, sent: Span, at: int) -> list[int] | None:
    """The actor's mention in this sentence nearest the trigger (the words that tied it to the event); None
    when the sentence does not name it (a pronoun or an implicit party)."""
    inside = [m for m in mentions or () if sent.start_char <= m[0] and m[1] <= sent.end_char]
    if not inside:
        return None
    best = min(inside, key=lambda m: min(abs(m[0] - at), abs(m[1] - at)))
    return [best[0], best[1]]


def _agent_words(settings) -> frozenset[str]:
    """Generic agent nouns and titles of the actor stage's dictionary (the same dictionary object it loaded)."""
    from eventwatch.resources import read_words

    extra = Path(__file__).parent / "data" / "agent_nouns.tsv"
    return agent_words(getattr(settings, "actors_file", None)) | frozenset(read_words(extra))


GENERIC_NOT_AGENTS = {"it", "this", "that", "which", "what"}


def _generic_participant(cand: Candidate, agent_words: frozenset[str]) -> bool:
    """An event whose doer is a generic noun phrase the actor stage does not name ("students marched", "police
    arrested dozens"): kept with source and target null. Only agentive subjects count (entity names, the actor
    dictionary's agent nouns and titles, counted groups of them); a pronoun, a missing subject or a thing
    ("the ban threatens", "the data allows") is not enough. On 40 BBC business articles this keeps 12
    actorless events of 99 (most real: "a spokesman refused to comment"), against 38 without the agent check."""
    verb = cand.trigger if cand.trigger.pos_ in ("VERB", "AUX") else cand.light
    if verb is None or cand.subordinate:
        return False
    subj = [c for c in verb.children if c.dep_ == "nsubj" or (c.dep_ == "nsubjpass" and not cand.noun)]
    subj += [o for c in verb.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"]
    return any(_agentive(s, agent_words) for s in subj)


QUANTITY_HEADS = {"thousand", "hundred", "dozen", "ten", "score", "million", "group", "number", "some", "many"}


def _agentive(tok, agent_words, depth: int = 0) -> bool:
    """A noun phrase that names people or an institution: a person/organisation/group entity, or a generic
    agent noun or title of the actor dictionary ("police", "students", "officials"), possibly counted
    ("thousands of workers"). Companies, budgets, bans and data are not agents of political events."""
    if tok.pos_ not in ("NOUN", "PROPN", "NUM", "PRON") or tok.lower_ in GENERIC_NOT_AGENTS:
        return False
    if tok.ent_type_ in ("PERSON", "NORP", "ORG", "GPE"):
        return True
    if fold(tok.lemma_) in agent_words or fold(tok.text) in agent_words:
        return True
    if depth == 0 and (tok.like_num or tok.lemma_.lower() in QUANTITY_HEADS):
        return any(_agentive(o, agent_words, 1) for p in tok.children if p.dep_ == "prep" and p.lower_ == "of"
                   for o in p.children if o.dep_ == "pobj")
    return False


def _with_reported_demands(cands: list[Candidate], demands: list[Candidate]) -> list[Candidate]:
    """Add 'X said Y must ...' demands whose reporting verb is not already a trigger; the coded actions inside the
    reported clause become subordinate to the demand ("said US forces must ensure security to ALLOW aid")."""
    used = {c.trigger.i for c in cands}
    out = list(cands)
    for d in demands:
        if d.trigger.i in used:
            continue
        inside = {t.i for t in d.action.subtree}
        if any(c.trigger.i not in inside and not c.subordinate for c in cands):
            continue  # another main-clause event: leave the sentence to it
        for c in cands:
            if c.trigger.i in inside:
                c.subordinate = True
        out.append(d)
    return out


def _without_results(cands: list[Candidate], index=None) -> list[Candidate]:
    """A violence participle that names the result of another violence act of its clause is the same act, one
    event ("rebels ATTACKED a convoy, KILLING two soldiers", "gunmen opened FIRE on a post, WOUNDING three"),
    unless that act was done to a place only (its target the place's country, or none) and a participle of harm
    (coder.HARM_PARTICIPLES) names victims of its own: then the killing is an act of the same doers on them ("shelled a market in X, KILLING nine
    traders": an attack on X and a killing of the traders). A thing held by armed people (literal.tsv 'manned':
    "ambushed a PATROL in X, killing four soldiers") is no place: one event, its victims that attack's target."""
    manned = literal.load_words().manned
    violent: dict[int, Candidate] = {c.action.i: c for c in cands if c.root in literal.VIOLENCE_ROOTS}
    violent |= {c.light.i: c for c in cands if c.light is not None and c.root in literal.VIOLENCE_ROOTS}

    def same_act(c: Candidate) -> bool:
        if not (c.root in literal.VIOLENCE_ROOTS and c.action.dep_ == "advcl" and c.action.tag_ == "VBG"):
            return False
        act = violent.get(c.action.head.i)
        if act is None:
            return False
        placed = index is not None and c.action.lemma_.lower() in HARM_PARTICIPLES \
            and all(index.kind.get(t) == "country" for t in act.targets)
        victims = [t for t in c.targets if t not in act.targets and t not in act.sources]
        if placed and victims and any(o.dep_ in ("dobj", "obj") and o.lemma_.lower() in manned
                                      for o in act.action.children):
            act.targets = victims  # "bombed Kurdish POSITIONS in Iraq, killing six fighters": one act on the fighters
            return True
        return not (placed and victims)
    return [c for c in cands if not same_act(c)]


def _without_purposes(cands: list[Candidate]) -> list[Candidate]:
    """An act named as the purpose of another act of the same root is that act, one event ("met the envoy TO
    DISCUSS the border", "travelled to Kabul TO HOLD talks"): the infinitive under the other trigger goes."""
    anchors = {c.trigger.i: c.root for c in cands} | {c.action.i: c.root for c in cands}
    return [c for c in cands if not (c.action.dep_ in ("advcl", "xcomp") and c.action.head.i != c.action.i
                                     and anchors.get(c.action.head.i) == c.root and c.trigger.i == c.action.i
                                     and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.action.children))]


def _with_votes(cands, votes):
    if votes is None:
        return [(c, None) for c in cands]
    return votes


def _place_tokens(doc: Doc, record: Record) -> set[int]:
    out: set[int] = set()
    for place in record.places:
        for start, end in place.mentions:
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is not None:
                out.update(t.i for t in span)
    out.update(t.i for ent in ents(doc) if ent.label_ in ("GPE", "LOC", "FAC") for t in ent)
    return out


def _note_undated(record: Record) -> None:
    """An article with no publication date keeps its events; those whose clause names no absolute time
    ("in 2019", "on 3 March 2016") have ``date`` null, and the record says why (docs/record.md), so they do
    not vanish from a timeline without a word."""
    if record.published is not None or not record.events:
        return
    undated = sum(e.date is None for e in record.events)
    if undated:
        record.add_error("events", f"undated article: {undated} of {len(record.events)} events have no date "
                         "(no publication date, and their clause names no absolute time); give a date field or --date",
                         "warning")
