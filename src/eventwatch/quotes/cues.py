"""Cue verbs and their speakers in the dependency parse."""
from __future__ import annotations

from collections.abc import Collection

from spacy.tokens import Token

from eventwatch.actors.lexicon import description_heads
from eventwatch.actors.phrases import is_age, source_of
from eventwatch.nlp.cache import children, column
from eventwatch.quotes.found import doc_text
from eventwatch.quotes.lexicon import cue_forms, cue_verbs, speaker_nouns, stance_verbs

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
INHERIT_DEPS = frozenset({"conj", "xcomp", "advcl"})  # "… and added", "…, saying"
RELATIVE = frozenset({"who", "which", "that"})
TIME_ENTS = frozenset({"DATE", "TIME"})
EXPLETIVE = frozenset({"it", "there"})  # "It was …, saying", "There was …, saying": no one


def cue_lemma(tok: Token) -> str | None:
    """The cue lemma of a verb token (None if it is not a cue verb)."""
    if not (tok.pos_ == "VERB" or tok.tag_.startswith("VB")):
        return None
    return cue_forms().get(tok.lower_)


def cue_class(tok: Token) -> str | None:
    lemma = cue_lemma(tok)
    return cue_verbs().get(lemma) if lemma else None


def cue_class_at(doc, i: int) -> str | None:
    """``cue_class(doc[i])`` read from the Doc's shared columns, without making a Token (for scans)."""
    lemma = cue_forms().get(column(doc, "lower_")[i])
    if not lemma or not is_verb_at(doc, i, ("VERB",)):
        return None
    return cue_verbs().get(lemma)


def child_ids(verb: Token, deps: Collection[str]) -> list[int]:
    """Indices of ``verb``'s children whose dependency label is one of ``deps``, in text order, read from
    the Doc's shared columns (``[c.i for c in verb.children if c.dep_ in deps]`` without making Tokens)."""
    dep = column(verb.doc, "dep_")
    return [c for c in children(verb.doc, verb.i) if dep[c] in deps]


def has_child(verb: Token, deps: Collection[str]) -> bool:
    """``any(c.dep_ in deps for c in verb.children)``, from the shared columns."""
    return bool(child_ids(verb, deps))


def is_verb_at(doc, i: int, pos: tuple[str, ...]) -> bool:
    """Token ``i``'s part of speech is one of ``pos`` or its tag a verb's (VB…); the tag, which no
    earlier stage reads as a column, is looked up only when the part of speech does not settle it."""
    return column(doc, "pos_")[i] in pos or doc[i].tag_.startswith("VB")


def is_occasion(noun: Token) -> bool:
    """A noun for the occasion or means of speaking ("used her speech to warn", "took the opportunity to say")."""
    return speaker_nouns().get(noun.lemma_.lower()) == "occasion"


def subject_of(verb: Token, depth: int = 0, outside: tuple[int, int] | None = None,
               quoted: list[tuple[int, int]] = ()) -> Token | None:
    """The subject token of a cue verb, following coordination and participles up to the main verb
    (a subject inside the quote itself, ``outside``, does not count; nor one in another paragraph).
    A cue the parser hung on a verb inside another quote (``quoted``: «X said “…,” and added: “…”»)
    takes the subject of the verb that quote belongs to."""
    if quoted:
        verb = _out_of_quotes(verb, quoted)
    named_after = _inverted_name(verb) if depth == 0 else None
    if named_after is not None:
        return named_after
    if depth == 0 and cue_class(verb) == "speech" and has_child(verb, ("nsubjpass",)):
        return passive_agent(verb)  # "Holt was asked …", "was told by the minister …": the asker, the teller
    subj = _subject(verb, depth, outside)
    if subj is None and depth == 0:
        subj = _participle_after_clause(verb, outside) or _opening_inversion(verb)
    if subj is None or "\n" in doc_text(verb.doc)[min(subj.idx, verb.idx):max(subj.idx, verb.idx)]:
        subj = _adjacent_subject(verb, outside)
    if subj is not None and _inside(subj.idx, quoted):  # «“That, unfortunately,” he said, “is …”»: not "That"
        subj = _adjacent_subject(verb, outside)
        return None if subj is None or _inside(subj.idx, quoted) else subj
    return subj


def _out_of_parenthesis(subj: Token) -> Token:
    """«Gov. Ana Ruiz (R-OH), said»: a subject the parser found inside a short parenthesis after a name
    (a party and state, an age) stands for the name before the parenthesis."""
    doc = subj.doc
    words = column(doc, "text")  # no Token made for each word looked at
    opening = next((k for k in range(subj.i - 1, max(-1, subj.i - 5), -1) if words[k] in "()"), None)
    if opening is None or words[opening] != "(" or opening == 0:
        return subj
    closing = next((k for k in range(subj.i + 1, min(len(doc), subj.i + 4)) if words[k] in "()"), None)
    before = doc[opening - 1]
    return before if closing is not None and words[closing] == ")" and before.pos_ == "PROPN" else subj


def _participle_after_clause(verb: Token, outside: tuple[int, int] | None) -> Token | None:
    """«Flea shared the news last week, writing “…”»: a participle of saying after a comma that the
    parser hung nowhere useful (as the subject of the quote's verb) is said by the subject of the
    clause it follows, the sentence's main verb before it."""
    doc = verb.doc
    if verb.tag_ != "VBG" or verb.i == 0 or doc[verb.i - 1].text != ",":
        return None
    root = verb.sent.root
    if root.i >= verb.i or root.pos_ not in ("VERB", "AUX"):
        return None
    subj = next((c for c in root.children if c.dep_ in SUBJECT_DEPS and c.i < verb.i), None)
    if subj is None or subj.lower_ in EXPLETIVE or (outside and outside[0] <= subj.idx < outside[1]):
        return None
    return _unrelative(subj)


def _opening_inversion(verb: Token) -> Token | None:
    """«Continued Stone: “…”», «Added the minister: “…”»: a verb of saying that opens its sentence,
    followed by its speaker and a colon."""
    doc = verb.doc
    if cue_class(verb) != "speech" or not (verb.i == 0 or doc[verb.i - 1].is_space or doc[verb.i - 1].text in ".!?\n"):
        return None
    colon = next((t for t in doc[verb.i + 1:verb.i + 6] if t.text in (":", ",")), None)
    if colon is None or colon.text != ":":
        return None
    names = [t for t in doc[verb.i + 1:colon.i] if t.pos_ in ("PROPN", "NOUN")]
    return names[-1] if names else None


def inverted_subject(verb: Token) -> Token | None:
    """“…,” points out the resident: after a quote, the speaker the parser took for the object of a
    cue that opens its clause (nothing but the quote's marks and a comma before the verb)."""
    doc = verb.doc
    if verb.i == 0 or not doc[verb.i - 1].is_punct:
        return None
    for child in verb.rights:
        if child.dep_ in ("dobj", "attr") and child.pos_ in ("NOUN", "PROPN"):
            return child
        if (child.i == verb.i + 1 and child.dep_ in ("advmod", "npadvmod", "dep") and child.is_title
                and child.ent_type_ not in TIME_ENTS):  # «“…,” said Skelly»: a name the parser took for an adverb
            return child
    for child in verb.rights:  # «“…,” said the woman, who …»: the parser made her the subject of what follows
        subj = next((c for c in child.children if c.dep_ == "nsubj"), None) if child.dep_ == "ccomp" else None
        if subj is not None and subj.pos_ in ("NOUN", "PROPN") and subj.left_edge.i == verb.i + 1:
            return subj
    return None


INVERTED_AFTER = frozenset({",", "\u201d", '"', "\u2019", "'"})
NAME_CLOSERS = frozenset({",", ".", ";", "!", "?", "\u201d", "\u2019", ")", "\u2014", "\u2013"})  # not an opening mark
TITLE_REACH = 3  # title words ("Rep.", "Sen.", "Dr") before the name of an inverted speaker


def _inverted_name(verb: Token) -> Token | None:
    """«And Trump, said Sunshine, does not forgive», «…, said Rep. Ana Ruiz.»: a verb of saying right after
    a comma or a closing mark and right before a person's name that a comma or full stop closes is said
    by that name, whatever the parser made the subject (not «X, a founder of Y, said Clinton had …»)."""
    doc = verb.doc
    if verb.i == 0 or doc[verb.i - 1].text not in INVERTED_AFTER or cue_class(verb) != "speech":
        return None
    for j in range(verb.i + 1, min(len(doc), verb.i + 1 + TITLE_REACH)):
        tok = doc[j]
        if tok.ent_type_ == "PERSON" and tok.ent_iob_ == "B":
            end = j
            while end + 1 < len(doc) and doc[end + 1].ent_iob_ == "I" and doc[end + 1].ent_type_ == "PERSON":
                end += 1
            closes = end + 1 == len(doc) or doc[end + 1].text in NAME_CLOSERS or "\n" in doc[end + 1].text
            if closes and _reported_subject(verb, doc[end]):
                return None
            return doc[end] if closes else None  # not «X, a founder of Y, said Clinton had …»
        if tok.pos_ != "PROPN" or tok.ent_type_:
            return None
    return None


ASIDE_DEPS = frozenset({"appos", "prep", "amod", "acl"})  # «Ann Vance, its treasurer,», «Tom Adler, formerly of Elm,»


def _reported_subject(verb: Token, name: Token) -> bool:
    """«Arkon Corp, a unit of Delmont, said Ann Vance, its treasurer, has been named chief executive»: a name
    after the cue, described by an aside set off by a comma (an apposition, "formerly of X"), that is the
    subject of the clause the cue reports, when the cue has a subject of its own before it (or a name opening
    the sentence with a description, ``reduced_relative_subject``), is what was said about, not the speaker
    («And the mayor, said Dana Whitfield, who knew him, never forgives»: a relative clause, a parenthetical speaker)."""
    clause = name.head
    return (name.dep_ in ("nsubj", "nsubjpass") and clause.dep_ == "ccomp" and clause.head == verb
            and clause.i > name.i and any(c.dep_ in ASIDE_DEPS and c.i > name.i for c in name.children)
            and name.i + 1 < len(name.doc) and name.doc[name.i + 1].text == ","
            and (any(c.dep_ in SUBJECT_DEPS and c.i < verb.i for c in verb.children) or reduced_relative_subject(verb) is not None))


def reduced_relative_subject(verb: Token) -> Token | None:
    """«Norland Corp, recently formed from the merger of A with B, said …»: a name opening the sentence, then a
    bare past participle set off by a comma, which the parser read as a clause reported by the cue ("Norland
    Corp formed …") instead of the name's description; the name is the cue's subject."""
    doc = verb.doc
    for k in child_ids(verb, ("ccomp",)):
        part = doc[k]
        if k > verb.i or part.tag_ != "VBN" or has_child(part, ("aux", "auxpass")):
            continue
        subj = next((c for c in part.children if c.dep_ == "nsubj" and c.i < part.i), None)
        if (subj is not None and subj.pos_ == "PROPN" and subj.left_edge.i == part.sent.start
                and any(t.text == "," for t in doc[subj.i + 1:part.i])
                and "," in (doc[part.right_edge.i].text, doc[part.right_edge.i + 1].text)):
            return subj
    return None


def _out_of_quotes(verb: Token, quoted: list[tuple[int, int]]) -> Token:
    """``verb`` itself if it is coordinated with a verb outside quotes; if it is coordinated with a
    verb inside a quote, the verb that quote depends on ("added" in «said “nobody knows”, and added»)."""
    head = verb
    for _ in range(3):
        if head.dep_ != "conj" or not _inside(head.head.idx, quoted):
            break
        head = head.head
        while _inside(head.idx, quoted) and head.head.i != head.i:
            head = head.head
    return head if head is not verb and not _inside(head.idx, quoted) and cue_class(head) else verb


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= pos < b for a, b in spans)


def _adjacent_subject(verb: Token, outside: tuple[int, int] | None) -> Token | None:
    """When the parse gives no subject in the paragraph: the noun right before the verb, stepping
    over adverbs and one comma-enclosed stretch ("Fatkin, who played for …, said")."""
    doc = verb.doc
    j = verb.i - 1
    while j >= 0 and (doc[j].pos_ in ("ADV", "AUX", "PART") or doc[j].is_space and "\n" not in doc[j].text):
        j -= 1
    paren = _before_parenthesis(doc, j)
    if paren is not None:  # "Gov. Tom Fielding (R-OH), said": the name before the parenthesis
        j = paren
    for _ in range(PARENTHETICALS):  # "Sanders, meanwhile, who sits …, said": one or two asides
        if j < 0 or doc[j].text != ",":
            break
        j = _before_aside(doc, j)
        while j >= 0 and doc[j].pos_ == "ADV":
            j -= 1
    if j < 0 or doc[j].lower_ in RELATIVE:
        return None
    if not (doc[j].pos_ == "PRON" or doc[j].ent_type_ in ("PERSON", "ORG") or _definite_description(doc, j)):
        return None
    if outside and outside[0] <= doc[j].idx < outside[1]:
        return None
    return doc[j]


DESCRIPTION_DETS = frozenset({"the", "this", "that"})
DESCRIPTION_WORDS = frozenset({"NOUN", "PROPN", "ADJ", "NUM"})
DESCRIPTION_REACH = 6


def _definite_description(doc, j: int) -> bool:
    """«…, the Democratic presidential candidate stated», «“…?” the 43-year-old asked»: a definite noun
    phrase ending right before the verb, not the object of a preposition ("in the video")."""
    head = doc[j]
    if not (head.pos_ == "NOUN" or is_age(head)):
        return False
    k = j - 1
    while k >= max(0, j - DESCRIPTION_REACH) and (doc[k].pos_ in DESCRIPTION_WORDS or doc[k].tag_ == "HYPH"):
        k -= 1
    if k < 0 or doc[k].lower_ not in DESCRIPTION_DETS or doc[k].pos_ != "DET":
        return False
    return k == 0 or doc[k - 1].pos_ not in ("ADP", "VERB", "AUX")


def _is_time(tok: Token) -> bool:
    """«Saturday at the convention Sen. Ana Ruiz said»: a day or an hour the parser made the subject is
    no one (an age, "the 43-year-old", is someone)."""
    return tok.ent_type_ in TIME_ENTS and tok.pos_ in ("PROPN", "NOUN", "NUM") and not is_age(tok)


def speaks_or_takes_side(tok: Token | None) -> bool:
    """``tok`` heads the active subject of a verb of saying or of stance («Critic Paul Dube questioned the
    figures», «His rival, Dan Price, rejected it», «…,” said Ana Ruiz»), or of one coordinated with it;
    not one acted on («X was arrested») or described («X works as a cook»)."""
    if tok is None:
        return False
    if tok.dep_ == "appos":  # «His rival, Dan Price, rejected …»
        tok = tok.head
    if tok.dep_ != "nsubj":
        return tok.dep_ in ("dobj", "attr") and inverted_subject(tok.head) == tok
    verbs = [tok.head, *tok.head.conjuncts]
    return any(cue_class(v) is not None or (v.pos_ == "VERB" and v.lemma_.lower() in stance_verbs()) for v in verbs)


PARENTHETICALS = 2


def _before_aside(doc, j: int) -> int:
    """The token before a comma-enclosed stretch whose closing comma is ``j`` (-1 if it opens no clause)."""
    k = j - 1
    while k >= 0 and doc[k].text != "," and "\n" not in doc[k].text and doc[k].text not in ".!?":
        k -= 1
    return k - 1 if k >= 0 and doc[k].text == "," else -1


def _before_parenthesis(doc, j: int) -> int | None:
    """The token before a short parenthesis that ends at ``j`` (or at ``j - 1``, a comma after it)."""
    if j >= 1 and doc[j].text == "," and doc[j - 1].text == ")":
        j -= 1
    if j < 0 or doc[j].text != ")":
        return None
    k = next((k for k in range(j - 1, max(-1, j - 8), -1) if doc[k].text in "()\n"), None)
    return k - 1 if k is not None and doc[k].text == "(" and k >= 1 else None


def _subject(verb: Token, depth: int, outside: tuple[int, int] | None) -> Token | None:
    subjects = [child for child in verb.children
                if (child.dep_ in SUBJECT_DEPS and not child.is_punct  # a closing mark parsed as subject
                    and not (outside and outside[0] <= child.idx < outside[1]) and not is_dateline(child)
                    and not _is_time(child))]
    if subjects:
        return _unrelative(_out_of_parenthesis(_nearest_subject(subjects, verb)))
    if depth == 0 and (described := reduced_relative_subject(verb)) is not None:
        return described
    if verb.dep_ == "relcl":
        return verb.head
    if verb.dep_ == "xcomp":  # object control: "heard students shout" -> students
        obj = next((c for c in verb.head.children if c.dep_ == "dobj" and c.i < verb.i), None)
        if obj is not None and not is_occasion(obj):  # not "used her speech to warn": she warned
            return obj
    if depth < 3 and verb.dep_ in INHERIT_DEPS and verb.head is not verb:
        head = _main_clause(verb, _reporter(verb.head, outside))
        subj = _subject(head, depth + 1, outside)
        if subj is not None and verb.dep_ == "conj" and _disagrees(verb, subj):
            subj = _agreeing_subject(head, verb) or subj
        if subj is None and cue_class(head) is not None:  # «“…,” said Skelly, explaining …»
            subj = inverted_subject(head)
        if subj is None or (subj.lower_ in EXPLETIVE and cue_class(subj.head) is None):  # not "it said, adding"
            return _clause_before(verb) or subj
        return subj
    if depth < 3 and verb.dep_ == "acl" and verb.head.dep_ == "dobj" and verb.head.head.pos_ in ("VERB", "AUX"):
        return _subject(verb.head.head, depth + 1, outside)  # "X issued a statement saying …": X
    if depth < 3 and verb.dep_ == "acl" and verb.head.dep_ == "pobj" and _sends_document(verb.head.head.head):
        return _subject(verb.head.head.head, depth + 1, outside)  # "X sent a letter to members saying …": X
    if depth < 3 and verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.head.pos_ in ("VERB", "AUX"):
        quoted_as = _quoted_as(verb)
        if quoted_as is not None:
            return quoted_as
        return _subject(verb.head.head, depth + 1, outside)  # "X responded by accusing him of …": X
    return None


PLURAL_AUX = frozenset({"have", "are", "were", "do"})
SINGULAR_AUX = frozenset({"has", "is", "was", "does"})
PLURAL_TAGS = frozenset({"NNS", "NNPS"})
def _nearest_subject(subjects: list[Token], verb: Token) -> Token:
    """«Usdaw general secretary John Hannett added»: of two subjects the parser split one phrase into,
    the one next to the verb heads it (the first subject otherwise)."""
    before = [s for s in subjects if s.i < verb.i]
    if len(before) > 1 and all(not t.is_punct or _joining_hyphen(t) for t in verb.doc[before[0].i:verb.i]):
        return before[-1]  # «Tory co-chairman Liam Fox said»: a hyphen inside a word does not split the phrase
    return subjects[0]


def _joining_hyphen(tok: Token) -> bool:
    """A hyphen written inside a word ("co-chairman", "vice-president"): no space on either side."""
    return tok.text == "-" and tok.i > 0 and not tok.doc[tok.i - 1].whitespace_ and not tok.whitespace_



def _verb_number(verb: Token) -> str | None:
    """"pl" or "sg" by the verb's own finite form ("have said", "says"), None when the form does not tell."""
    for c in verb.children:
        if c.dep_ in ("aux", "auxpass") and c.lower_ in PLURAL_AUX | SINGULAR_AUX:
            return "pl" if c.lower_ in PLURAL_AUX else "sg"
    return {"VBZ": "sg", "VBP": "pl"}.get(verb.tag_)


def _disagrees(verb: Token, subj: Token) -> bool:
    """«backbenchers are said to be unhappy with the way campaigning has gone and have said …»: a common
    noun subject of the other number than the coordinated verb's own form ("campaigning … have said")
    is not its subject (names and collective nouns are left alone: "Labour have said")."""
    if subj.pos_ != "NOUN" or description_heads().get(subj.lemma_.lower()):
        return False
    number = _verb_number(verb)
    return number is not None and number != ("pl" if subj.tag_ in PLURAL_TAGS else "sg")


def _agreeing_subject(head: Token, verb: Token) -> Token | None:
    """Up the parse from ``head``: the first verb whose subject agrees with ``verb``'s number."""
    tok = head
    for _ in range(MAX_AGREE_CLIMB):
        if tok.head.i == tok.i:
            return None
        tok = tok.head
        if tok.pos_ not in ("VERB", "AUX"):
            continue
        subj = next((c for c in tok.children if c.dep_ in SUBJECT_DEPS), None)
        if subj is not None and not _disagrees(verb, subj) and subj.pos_ in ("NOUN", "PROPN", "PRON"):
            return _unrelative(subj)
    return None


MAX_AGREE_CLIMB = 8


def _quoted_as(verb: Token) -> Token | None:
    """«The news agency quoted Tamura as saying …», «cited an official as saying»: the object of the
    verb that "as saying" hangs on is the speaker; the reporter only relays it."""
    prep = verb.head
    if prep.lower_ != "as" or cue_class(verb) != "speech":
        return None
    return next((c for c in prep.head.children if c.dep_ == "dobj" and c.i < prep.i), None)


SUBORDINATORS = frozenset({"after", "before", "when", "while", "since", "because", "as", "once", "until"})


def _main_clause(verb: Token, head: Token) -> Token:
    """«Bennett denied the notion that a shakeup is coming, explaining …»: a participle after a clause
    that completes a noun ("the notion that …"), or after a time or reason clause ("after X won,
    remarking …"), goes with the verb the clause hangs on, not with the clause."""
    if (verb.dep_ == "advcl" and verb.tag_ == "VBG" and head.dep_ == "advcl" and head.head is not head
            and any(c.dep_ == "mark" and c.lower_ in SUBORDINATORS for c in head.children)):
        return head.head  # «Hannity said … after the senator won, remarking …»: not the senator
    if not (verb.dep_ == "advcl" and verb.tag_ == "VBG" and head.dep_ == "acl"
            and any(c.dep_ == "mark" and c.lower_ == "that" for c in head.children)):
        return head
    noun = head.head
    return noun.head if noun.dep_ in ("dobj", "nsubjpass", "attr") and noun.head.pos_ in ("VERB", "AUX") else head


def _sends_document(verb: Token) -> bool:
    """A verb with a document as its object ("sent a message", "posted a letter"): a participle of
    saying on a later noun of the clause ("… to supporters saying") is what the document says."""
    return verb.pos_ in ("VERB", "AUX") and any(
        c.dep_ == "dobj" and description_heads().get(c.lemma_.lower()) == "doc" for c in verb.children)


def _clause_before(verb: Token) -> Token | None:
    """«There was anger in the hall when Avery rose to speak, saying …»: a participle hung on a clause
    with no one as its subject is said by the subject of the clause just before it on the same verb."""
    for sib in sorted((c for c in verb.head.children if c.dep_ in ("advcl", "conj") and c.i < verb.i),
                      key=lambda c: -c.i):
        subj = next((c for c in sib.children if c.dep_ == "nsubj" and c.lower_ not in EXPLETIVE), None)
        if subj is not None:
            return _unrelative(subj)
    return None


def passive_agent(verb: Token) -> Token | None:
    """The "by" agent of a passive verb («was called “a disgrace” by the mayor»), if any."""
    return next((o for c in verb.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"), None)


def _reporter(verb: Token, outside: tuple[int, int] | None = None) -> Token:
    """«Grant told the BBC that Lane “had …,” adding …»: a participle hung on the verb of a reported
    clause shares the subject of the verb of saying that reports it, not of the clause (nor of a verb
    inside the quote itself: «X seemed unimpressed, telling reporters, “people said …”»)."""
    head = verb.head
    if outside and outside[0] <= head.idx < outside[1]:
        return verb
    return head if verb.dep_ == "ccomp" and head is not verb and cue_class(head) == "speech" else verb


DASH_TEXTS = frozenset({"-", "--", "\u2014", "\u2013", "("})
DATELINE_REACH = 8  # tokens from the place name to the dash or parenthesis of a dateline


def is_dateline(tok: Token) -> bool:
    """«LONDON (Reuters) - X said», «OTTAWA — X said»: a place in capitals opening a line and followed
    by a dash or a parenthesis (the news agency) is the dateline, never the speaker."""
    if not (tok.is_upper and len(tok.text) >= 3 and tok.ent_type_ in ("GPE", "LOC", "")):
        return False
    doc = tok.doc
    first = tok.left_edge.i
    if first > 0 and "\n" not in doc[first - 1].text and "\n" not in doc[first - 1].whitespace_:
        return False
    end = tok.i + 1
    while end < len(doc) and doc[end].is_upper and doc[end].is_alpha:  # «NEW YORK», «ST. JOHN'S»
        end += 1
    return any(t.text in DASH_TEXTS for t in doc[end:end + DATELINE_REACH] if not t.is_space) and not any(
        t.pos_ in ("VERB", "AUX") for t in doc[end:end + 1])


def _unrelative(tok: Token) -> Token:
    if tok.lower_ in RELATIVE and tok.head.dep_ == "relcl":
        return _named_before_comma(tok) or tok.head.head
    return tok


def _named_before_comma(rel: Token) -> Token | None:
    """«it has a rival in Orbix, which argues …»: after a comma, "which"/"who" goes with the name just
    before the comma, even when the parser hung the clause on the noun that name depends on ("rival")."""
    doc, antecedent = rel.doc, rel.head.head
    if rel.i < 2 or doc[rel.i - 1].text != "," or rel.lower_ == "that":
        return None
    name = doc[rel.i - 2]
    if name.pos_ != "PROPN" or not (antecedent.i < name.i <= antecedent.right_edge.i):
        return None
    return name if name.dep_ == "pobj" and name.head.head.i == antecedent.i else None


def according_to(tok: Token) -> tuple[Token, Token] | None:
    """For "according" in "according to X": (the "to" token, X's head token)."""
    if tok.lower_ != "according":
        return None
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    if nxt is None or nxt.lower_ != "to":
        return None
    objs = [c for c in nxt.children if c.dep_ == "pobj"]
    if not objs:
        named = _name_in_misparse(nxt)
        return (nxt, named) if named is not None else None
    return nxt, _named_after_description(objs[0]) or source_of(objs[0])


MISPARSE_REACH = 6  # words after "according to" within which its source ends (before a comma)


def _name_in_misparse(to: Token) -> Token | None:
    """«According to blog analysis firm Trendix, …»: the parser read a noun after "to" as a verb ("blog") and
    left "to" with no object; the source is the last word of the name that ends the phrase before the comma."""
    if not any(c.dep_ == "pcomp" for c in to.children):
        return None
    doc = to.doc
    stop = next((k for k in range(to.i + 1, min(len(doc), to.i + 2 + MISPARSE_REACH)) if doc[k].text == ","), None)
    if stop is None or stop == to.i + 1 or doc[stop - 1].pos_ != "PROPN":
        return None
    return doc[stop - 1]


DESCRIPTION_RUN = frozenset({"NOUN", "ADJ", "PROPN"})


def _named_after_description(obj: Token) -> Token | None:
    """«according to analysis firm Tallyo, …»: the parser took the common noun for the object and hung the name
    elsewhere; the name that ends the phrase of nouns right after "to" is the source."""
    doc = obj.doc
    if obj.pos_ != "NOUN" or obj.i != obj.head.i + 1:
        return None
    j = obj.i
    while j + 1 < len(doc) and j + 1 - obj.i < 5 and doc[j + 1].pos_ in DESCRIPTION_RUN and not doc[j + 1].is_punct:
        j += 1
    last = doc[j]
    return last if j > obj.i and last.pos_ == "PROPN" and obj.head not in last.ancestors else None
