"""Which token names the speaker: the subject of a cue, read for who stands behind it.

The cue finders hand over the subject token of a verb of saying as the parser attached it; before the
people table resolves it (``Referents.resolve``), a few constructions point past that token to the
one that names the speaker:

- a relative pronoun the parser hung on a place inside a person's description («Alan Berger, a dentist
  from Leeds, Yorkshire, who said …»): the person, not Leeds;
- what a document found («the results of a survey by Gallup indicate», «figures from the Treasury
  show»): the document's author (the document itself when it names none);
- people speaking for a named body («Treasury officials said», «White House sources said»): the body;
- a group with one named example («critics such as Jane Moreau said»): the one named.

The word lists are data (``quotes/data/speaker_nouns.tsv``).
"""
from __future__ import annotations

from spacy.tokens import Token

from eventwatch.actors.lexicon import description_heads
from eventwatch.actors.phrases import entity_of, source_of
from eventwatch.nlp.cache import column
from eventwatch.quotes.found import doc_text
from eventwatch.quotes.lexicon import speaker_nouns

PLACE_ENTS = frozenset({"GPE", "LOC", "FAC", "DATE", "CARDINAL", "QUANTITY"})
CLIMB_DEPS = frozenset({"pobj", "appos", "conj", "compound", "npadvmod"})
BODY_ENTS = frozenset({"ORG", "FAC"})
VOICE_PREPS = frozenset({"of", "at", "from", "for", "in"})
MAX_CLIMB = 6


def speaker_token(subj: Token) -> Token:
    """The token that names who is speaking through the cue subject ``subj`` (``subj`` itself if none other does)."""
    for step in (_relative_antecedent, _content_source, _body_of_voice, _named_example, _issuer, _name_before_suffix,
                 _name_after_office):
        other = step(subj)
        if other is not None and other is not subj:
            return other
    return subj


def _name_before_suffix(subj: Token) -> Token | None:
    """«Tory frontbencher Andrew Tyrie MP said»: a proper noun the tagger names nothing ("MP", "QC") that
    the parser made head of a person's name: the person (the name's last word)."""
    if subj.pos_ != "PROPN" or subj.ent_type_ or subj.i == 0:
        return None
    prev = subj.doc[subj.i - 1]
    if prev.ent_type_ == "PERSON" and prev.dep_ == "compound" and prev.head.i == subj.i:
        return prev
    return None


OFFICE_PREPS = frozenset({"of", "at", "for"})


def _name_after_office(subj: Token) -> Token | None:
    """«The chairman of the Green Party, Maria Lopes, said», «the head of the nurses' union, Gail Porter, told»:
    a person's name set off by commas after an office and the body it is held in, which the parser hung on
    the body instead of on the office, names the holder of the office (the name's last word)."""
    from eventwatch.actors.referents import is_office

    if subj.pos_ != "NOUN" or subj.tag_ != "NN" or not is_office(subj):
        return None
    for prep in subj.children:
        if prep.dep_ != "prep" or prep.lower_ not in OFFICE_PREPS or prep.i < subj.i:
            continue
        for obj in prep.children:
            if obj.dep_ != "pobj":
                continue
            name = next((c for c in obj.children if c.dep_ == "appos" and _names_person(c)
                         and c.i > obj.i and subj.doc[c.left_edge.i - 1].text == ","), None)
            if name is not None and name.right_edge.i + 1 < len(subj.doc) and subj.doc[name.right_edge.i + 1].text == ",":
                return name
    return None


def _names_person(tok: Token) -> bool:
    """The tagger's PERSON, or a proper noun whose phrase opens with a given name («Ines Roth» tagged a place)."""
    from eventwatch.actors.lexicon import first_names

    return tok.ent_type_ == "PERSON" or (tok.pos_ == "PROPN" and tok.doc[tok.left_edge.i].lower_ in first_names())


def _relative_antecedent(subj: Token) -> Token | None:
    """«a dentist from Englewood, New Jersey, who said»: from a place the "who" clause hangs on, up
    to the person whose description holds the place."""
    if subj.pos_ == "PRON" or subj.ent_type_ not in PLACE_ENTS:
        return None
    verb = next((c for c in subj.children if c.dep_ == "relcl"
                 and any(g.dep_ == "nsubj" and g.lower_ == "who" for g in c.children)), None)
    if verb is None:
        return None
    tok = subj
    for _ in range(MAX_CLIMB):
        if tok.dep_ not in CLIMB_DEPS and tok.dep_ != "prep" or tok.head is tok:
            return None
        tok = tok.head
        if tok.pos_ in ("NOUN", "PROPN") and tok.ent_type_ not in PLACE_ENTS:
            return _person_of(tok)
    return None


def _person_of(tok: Token) -> Token:
    """A description in apposition to a name stands for that name («Berger, a dentist …»)."""
    if tok.dep_ == "appos" and tok.head.pos_ == "PROPN":
        return tok.head
    return tok


def _content_source(subj: Token) -> Token | None:
    """«the results of a survey by Gallup», «figures from the Treasury»: the document's author, else
    the document (which the people table resolves as one, "the survey" -> who issued it)."""
    if speaker_nouns().get(subj.lemma_.lower()) != "content":
        return None
    for prep in subj.children:
        if prep.dep_ == "prep" and prep.lower_ in ("of", "from", "by"):
            obj = next((o for o in prep.children if o.dep_ == "pobj"), None)
            if obj is not None:
                return source_of(obj)
    return None


def _body_of_voice(subj: Token) -> Token | None:
    """«Trade and Industry sources said», «a Bank of Japan official said», «officials of the Finance
    Ministry said»: the named body they speak for (a place is no body: "US officials" stay themselves)."""
    if speaker_nouns().get(subj.lemma_.lower()) != "voice":
        return None
    names = [c for c in subj.children if c.dep_ in ("compound", "nmod") and c.pos_ == "PROPN"
             and c.ent_type_ in BODY_ENTS | {""}]  # a body's name the tagger missed is still a name
    names += [o for p in subj.children if p.dep_ == "prep" and p.lower_ in VOICE_PREPS
              for o in p.children if o.dep_ == "pobj" and o.ent_type_ in BODY_ENTS]
    if not names:
        return None
    ent = entity_of(names[0])  # «Trade and Industry sources»: the name's last word, not a conjunct inside it
    return ent[-1] if ent is not None else names[0]


def _issuer(subj: Token) -> Token | None:
    """«Sanders released an ad that urges voters …», «the ministry posted a letter which says …»: a
    document with no author of its own, the object of a verb whose subject issued it, speaks for that
    subject (not "the report", which the people table traces to whoever wrote it)."""
    if subj.pos_ != "NOUN" or description_heads().get(subj.lemma_.lower()) != "doc" or subj.dep_ != "dobj":
        return None
    if any(c.dep_ in ("poss", "nmod") or (c.dep_ == "compound" and c.pos_ == "PROPN")
           or (c.dep_ == "det" and c.lower_ not in ("a", "an")) for c in subj.children) or source_of(subj) is not subj:
        return None  # "her letter", "the Acme report", "the statement": the people table's
    return next((c for c in subj.head.children if c.dep_ == "nsubj" and c.pos_ in ("PROPN", "NOUN", "PRON")
                 and c.lower_ not in ("it", "there", "that", "which", "who")), None)


EXAMPLE_PREPS = frozenset({"like", "including"})
NAME_ENTS = frozenset({"PERSON", "ORG"})


def _named_example(subj: Token) -> Token | None:
    """«Proponents like Mr. Eisenbrey urged», «critics such as Jane Moreau said»: the one named
    example of a plural group is who is quoted (not several: "rivals like X and Y" stay the group)."""
    if subj.tag_ != "NNS" or subj.pos_ != "NOUN":
        return None
    for prep in subj.children:
        is_such_as = prep.lower_ == "as" and any(c.lower_ == "such" for c in prep.children)
        if prep.dep_ != "prep" or not (prep.lower_ in EXAMPLE_PREPS or is_such_as):
            continue
        objs = [o for o in prep.children if o.dep_ == "pobj"]
        if len(objs) == 1 and objs[0].ent_type_ in NAME_ENTS and not any(c.dep_ == "conj" for c in objs[0].children):
            return objs[0]
    return None


ISSUING_PREPS = {"in", "with", "through"}


def document_issuer(tok: Token) -> Token | None:
    """«In a statement, the party said … “…,” said the statement»: "the statement" (a definite document
    with nothing of its own) is the earlier one of the same noun that someone spoke in, so that one's
    subject (the speaker of the verb the "in" hangs on) issued it."""
    if tok.pos_ != "NOUN" or description_heads().get(tok.lemma_.lower()) != "doc":
        return None
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children) or any(
            c.dep_ in ("poss", "compound", "nmod", "prep", "amod") for c in tok.children):
        return None
    prev = next(same_head_before(tok), None)
    if prev is None or prev.dep_ != "pobj" or prev.head.lower_ not in ISSUING_PREPS:
        return None
    verb = prev.head.head
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    return next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ in ("NOUN", "PROPN", "PRON")), None)


def is_unsigned_document(tok: Token) -> bool:
    """«according to a report», «a new study says»: an indefinite document that names no author."""
    if tok.pos_ != "NOUN" or description_heads().get(tok.lemma_.lower()) != "doc":
        return False
    if any(c.dep_ in ("poss", "compound", "nmod") or (c.dep_ == "det" and c.lower_ not in ("a", "an"))
           for c in tok.children):
        return False
    return source_of(tok) is tok


def is_anaphoric_voice(tok: Token) -> bool:
    """«the officials said», «the sources added»: officials named before, with nothing of their own."""
    if speaker_nouns().get(tok.lemma_.lower()) != "voice":
        return False
    deps = {c.dep_ for c in tok.children}
    return (any(c.dep_ == "det" and c.lower_ in ("the", "these", "those") for c in tok.children)
            and not deps & {"compound", "nmod", "poss", "prep", "amod", "appos"})


UNNAMED_REACH = 1500  # characters back "the official" looks for "a senior official", "the court" for "a Paris court"
INDEFINITE = frozenset({"a", "an", "one", "another"})


def same_head_before(tok: Token):
    """The earlier nouns with the same head lemma as ``tok`` within reach, nearest first: the backward
    scan of "the official" for "a senior official" and of "the court" for "a Paris court"."""
    doc = tok.doc  # read from the document's columns: no Token is made for the words passed over
    idx, lemma, pos = column(doc, "idx"), column(doc, "lemma_"), column(doc, "pos_")
    floor, target = tok.idx - UNNAMED_REACH, lemma[tok.i]
    for i in range(tok.i - 1, -1, -1):
        if idx[i] < floor:
            return
        if lemma[i] == target and pos[i] == "NOUN":
            yield doc[i]


def unnamed_speaker_before(subj: Token) -> bool:
    """"The official said" after "…, according to a senior police official", "the witness added" after
    "one witness said": the nearest earlier noun with the same head is an indefinite speaker or source
    who names no one and speaks for no named body (no name, possessor or "for X"); the description goes
    on with that unnamed one."""
    if subj.pos_ != "NOUN" or not any(c.dep_ == "det" and c.lower_ == "the" for c in subj.children):
        return False
    prev = next(same_head_before(subj), None)
    if prev is None:
        return False
    named = any(c.dep_ in ("appos", "poss", "prep") or c.ent_type_ or c.pos_ == "PROPN"
                for c in prev.children)  # "a Federal Reserve spokesman", "a spokesman for X": a body's
    indefinite = any(c.dep_ in ("det", "nummod") and c.lower_ in INDEFINITE for c in prev.children)
    return not named and indefinite and _is_source(prev)


NAMING_ENTS = frozenset({"ORG", "GPE", "NORP", "FAC", "LOC"})


def named_before(tok: Token) -> tuple[int, int] | None:
    """«A Paris court ordered … The court said»: the span of the nearest earlier phrase with the same head
    noun that a name makes specific ("Paris court"), for a definite description no actor stands for."""
    if not _definite_noun(tok):
        return None
    for prev in same_head_before(tok):
        mods = [c for c in prev.children if c.dep_ in ("compound", "amod", "nmod") and c.i < prev.i
                and (c.ent_type_ in NAMING_ENTS or c.pos_ == "PROPN")]
        if mods:
            return mods[0].left_edge.idx, prev.idx + len(prev)
    return None


def _is_source(tok: Token) -> bool:
    """The subject of a verb of saying, or the object of "according to"."""
    from eventwatch.quotes.cues import cue_class

    head = tok.head
    if tok.dep_ in ("nsubj", "nsubjpass") and cue_class(head) is not None:
        return True
    return tok.dep_ == "pobj" and head.lower_ == "to" and head.head.lower_ == "according"


def _definite_noun(tok: Token) -> bool:
    return tok.pos_ == "NOUN" and tok.tag_ == "NN" and any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children)


def is_following(tok: Token) -> bool:
    """«The Clinton campaign said»: the people around a named person speak as themselves, not as that
    person and not as whoever was named last (``speaker_nouns.tsv``, class following)."""
    return (_definite_noun(tok) and speaker_nouns().get(tok.lemma_.lower()) == "following"
            and any(c.dep_ == "compound" and c.ent_type_ == "PERSON" for c in tok.children))


def is_bare_agent(tok: Token) -> bool:
    """«Kestrel Airlines will cut jobs. A spokesman said …»: a spokesman who speaks for no one named with
    him (no possessor, no "for X", no name compounded), so for the organisation the article is about."""
    if tok.pos_ != "NOUN" or tok.tag_ != "NN" or description_heads().get(tok.lemma_.lower()) != "agent":
        return False
    return not any(c.dep_ in ("poss", "prep", "compound", "nmod", "appos", "amod") for c in tok.children)



GROUP_REACH = 800  # characters back "the papers" looks for the names it stands for
GROUP_DETS = frozenset({"the", "these", "those", "both"})
GROUP_BODY_CLASSES = frozenset({"org", "orgname", "doc", "trade"})
NAME_GLUE = frozenset({"of", "&"})  # inside a name: "Bank of Japan", "Marks & Spencer"
GAP_WORDS = frozenset({",", "and", "the"})  # between coordinated names
GAP_DESCRIPTION = frozenset({"ADJ", "NOUN", "PROPN"})  # "… and central bank governor Paul Egan", "Green leader"
MAX_GAP = 5


def group_named_before(tok: Token) -> tuple[int, int, bool] | None:
    """«… the stories in the Sunday Herald and the Sunday Mail. The papers suggest …», «a joint statement by
    Finance Minister Carl Dunne and Energy Minister Ruth Obi. The ministers said …»: a definite plural noun
    with nothing of its own ("the papers", "the two ministers") stands for the names listed nearest before
    it ("A, B and C"), of its kind: people whose titles hold the noun for a person's noun, names of bodies
    for an organisation's, an outlet's or a document's. The guide names the first of several speakers: the
    character span of the first name and whether the names are people's (None if no list is in reach)."""
    from eventwatch.actors.referents import is_office

    if tok.pos_ != "NOUN" or tok.tag_ != "NNS":
        return None
    if not any(c.dep_ in ("det", "predet") and c.lower_ in GROUP_DETS for c in tok.children) or any(
            c.dep_ not in ("det", "predet", "nummod") for c in tok.children if c.i < tok.i):
        return None
    if any(c.dep_ in ("prep", "appos", "acl", "relcl") for c in tok.children):
        return None  # "the papers in Rome", "the ministers who …": a group of their own
    lemma = tok.lemma_.lower()
    people = is_office(tok)
    if not people and description_heads().get(lemma) not in GROUP_BODY_CLASSES and speaker_nouns().get(lemma) != "press":
        return None
    doc = tok.doc
    runs = [r for r in _names_before(doc, tok.i, tok.idx - GROUP_REACH) if _is_person_name(doc, *r) == people]
    for chain in _listed(doc, runs):
        if people and lemma not in doc_text(doc)[doc[chain[0][0]].idx:doc[chain[-1][0]].idx].lower():
            continue  # «Police arrested Tom Bell and Sam Hood. The officers said»: not the men arrested
        a, b = chain[0]
        a += doc[a].lower_ == "the"
        return doc[a].idx, doc[b - 1].idx + len(doc[b - 1]), people
    return None


def _is_person_name(doc, a: int, b: int) -> bool:
    """A run of proper nouns names a person: it ends in the tagger's PERSON, which holds a given name or two
    words ("Sunday Herald", a paper the tagger may call a person by its last word, is none)."""
    from eventwatch.actors.lexicon import first_names

    if doc[b - 1].ent_type_ != "PERSON":
        return False
    person = [k for k in range(a, b) if doc[k].ent_type_ == "PERSON"]
    return len(person) > 1 or any(doc[k].lower_ in first_names() for k in person)


def _names_before(doc, end: int, floor: int) -> list[tuple[int, int]]:
    """Runs of proper nouns (token ranges, with a "the" before them) before token ``end`` back to character
    ``floor``, nearest first."""
    pos, low, idx = column(doc, "pos_"), column(doc, "lower_"), column(doc, "idx")
    runs: list[tuple[int, int]] = []
    i = end - 1
    while i >= 0 and idx[i] >= floor:
        if pos[i] != "PROPN":
            i -= 1
            continue
        b = i + 1
        while i - 1 >= 0 and (pos[i - 1] == "PROPN" or (low[i - 1] in NAME_GLUE and i - 2 >= 0 and pos[i - 2] == "PROPN")):
            i -= 1
        runs.append((i - (i > 0 and low[i - 1] == "the"), b))
        i -= 1
    return runs


def _listed(doc, runs: list[tuple[int, int]]):
    """The lists of two or more names ("A, B and C", "A and the B") among ``runs`` (nearest first), each in
    text order: names separated only by commas, "and", "the" or a few words of description."""
    pos, low = column(doc, "pos_"), column(doc, "lower_")
    k = 0
    while k < len(runs):
        chain = [runs[k]]
        while k + 1 < len(runs):
            gap = range(runs[k + 1][1], chain[-1][0])
            if not any(low[g] == "and" or low[g] == "," for g in gap) or len(gap) > MAX_GAP or not all(
                    low[g] in GAP_WORDS or pos[g] in GAP_DESCRIPTION for g in gap):
                break
            k += 1
            chain.append(runs[k])
        k += 1
        if len(chain) > 1:
            yield chain[::-1]


def first_of_shared_head(tok: Token) -> str | None:
    """«The State and Defense Departments said», «the health and finance ministries said»: two bodies sharing one
    plural head noun speak together; the guide names the first, so its modifier with the head in the singular
    ("State Department", "health ministry"); None for any other subject."""
    head = _singular(tok)
    if tok.tag_ not in ("NNS", "NNPS") or description_heads().get(head) not in ("org", "orgname"):
        return None
    first = next((c for c in tok.children if c.dep_ in ("nmod", "compound") and c.i < tok.i
                  and any(g.dep_ == "conj" for g in c.children)), None)
    if first is None or first.pos_ not in ("PROPN", "NOUN"):
        return None
    return f"{first.text} {head.capitalize() if tok.text[:1].isupper() else head}"


def _singular(tok: Token) -> str:
    """The lower-case singular of a plural noun, also of one the tagger took for a name ("Departments")."""
    lemma = tok.lemma_.lower()
    if lemma != tok.lower_ or not lemma.endswith("s"):
        return lemma
    return lemma[:-3] + "y" if lemma.endswith("ies") else lemma[:-1]


ONE_REACH = 400  # characters back "said one" looks for the group it is one of
NOT_PEOPLE_ENTS = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL"})


def one_of_group(tok: Token, quoted: list[tuple[int, int]], is_people) -> str | None:
    """«Workers on the picket line vowed to stay out. “…,” said one.», «one of the residents said»: "one" as the
    speaker is one member of a group of people, named by the group's noun in the singular ("worker"): the
    noun of its own "of" phrase, else the nearest plural subject before it outside quotes (``quoted``; a pronoun
    passed over) that ``is_people`` says is a group of people (the actor stage read it so), not «The talks failed»."""
    if tok.lower_ != "one" or tok.pos_ not in ("PRON", "NUM", "NOUN"):
        return None
    own = next((o for p in tok.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children
                if o.dep_ == "pobj"), None)
    if own is not None:
        return own.lemma_.lower() if own.tag_ == "NNS" and own.ent_type_ not in NOT_PEOPLE_ENTS else None
    if any(c.dep_ in ("amod", "compound", "det") for c in tok.children):
        return None  # "the one", "a young one": a description of its own
    doc = tok.doc
    idx, dep, tag, ent = column(doc, "idx"), column(doc, "dep_"), column(doc, "tag_"), column(doc, "ent_type_")
    for i in range(tok.i - 1, -1, -1):
        if idx[i] < tok.idx - ONE_REACH:
            return None
        if any(a <= idx[i] < b for a, b in quoted) or dep[i] not in ("nsubj", "nsubjpass") or tag[i] == "PRP":
            continue
        if tag[i] == "NNS" and ent[i] not in NOT_PEOPLE_ENTS and doc[i].pos_ == "NOUN" and is_people(doc[i]):
            return doc[i].lemma_.lower()
        return None  # the nearest subject is no group of people («The talks failed. “…,” said one.»)
    return None
