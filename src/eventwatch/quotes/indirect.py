"""Indirect (reported) quotes: a cue verb with a content clause, and "according to X, …"."""
from __future__ import annotations

from functools import lru_cache
from itertools import compress

from spacy.tokens import Doc, Token

from eventwatch.actors.lexicon import description_heads
from eventwatch.quotes.cues import (according_to, child_ids, cue_class, cue_class_at, has_child, reduced_relative_subject,
                                   subject_of)
from eventwatch.nlp.cache import column
from eventwatch.quotes.found import Found, doc_text
from eventwatch.quotes.lexicon import cue_forms

CONTENT_DEPS = {"ccomp"}
INNER_SPEECH_DEPS = {"advcl", "xcomp"}  # "gave a talk noting …" (not a coordinated clause: "prices fell and X said …")
EDGE_PUNCT = set(".,;:!?\"'“”‘’«»—– \n")
MIN_CONTENT_WORDS = 3
DASHES = {"\u2014", "\u2013", "-", "--"}
TRAILING_JOINS = {"and", "but"}  # a coordinator a reported clause cannot end with
QUESTION_WORDS = {"whether", "if", "why", "what", "how", "when", "where", "who", "which", "whom"}


def find_indirect(doc: Doc) -> list[Found]:
    found: list[Found] = []
    lower = column(doc, "lower_")
    for i in compress(range(len(lower)), map(_scan_words().__contains__, lower)):  # found in C
        low = lower[i]
        if cue_class_at(doc, i) == "speech":  # a Token is made only for a cue or "according"
            found.extend(_reported(doc[i]))
        elif low == "according":
            q = _according(doc[i])
            if q is not None:
                found.append(q)
    return _outermost(found)


@lru_cache(maxsize=1)
def _scan_words() -> frozenset[str]:
    """The words ``find_indirect`` stops at: a cue verb's form or "according"."""
    return frozenset(cue_forms()) | {"according"}


def _reported(verb: Token) -> list[Found]:
    subj = subject_of(verb)
    doc = verb.doc
    if subj is None or _that_said(verb, subj):
        return []
    spans = [_trim(doc, c.left_edge.i, c.right_edge.i + 1) for c in _contents(verb)]
    if not spans and has_child(verb, ("dobj",)):
        # "told workers to install …", "urged residents to conserve water": what they were told to do
        spans = [_trim(doc, c.left_edge.i, c.right_edge.i + 1) for c in verb.children
                 if c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)]
    if not spans and has_child(verb, ("dobj",)):
        # "accused the mayor of hiding the cost": what they were accused of (a clause, not a noun)
        spans = [_trim(doc, g.left_edge.i, g.right_edge.i + 1) for c in _of_phrases(verb)
                 for g in c.children if g.dep_ == "pcomp" and g.pos_ == "VERB"]
    if not spans:
        # "said in a statement that …": the parser hung the content clause on the document
        spans = [_trim(doc, c.left_edge.i, c.right_edge.i + 1) for c in _document_clauses(verb)]
    if not spans and verb.dep_ == "parataxis" and verb.head.i < verb.i:
        # "The economy is slowing, he said, …": the reported clause is the sentence before the cue
        spans = [_trim(doc, verb.head.left_edge.i, verb.left_edge.i)]
    cue = (verb.idx, verb.idx + len(verb))
    return [Found(a, b, "indirect", cue=cue, subject=subj) for a, b in filter(None, spans)
            if _is_content(doc_text(doc), a, b, cue)]


def _that_said(verb: Token, subj: Token) -> bool:
    """«That said, voters want …», «This said, …»: the idiom is no one's speech."""
    return (subj.lower_ in ("that", "this") and subj.i == verb.i - 1 and verb.i + 1 < len(verb.doc)
            and verb.doc[verb.i + 1].text == ",")


def _contents(verb: Token) -> list[Token]:
    """The content clauses of a verb of saying; a clause before it that a dash cuts off from its subject
    is narration when another clause follows the verb («X took the stage — he said crime fell»)."""
    doc = verb.doc
    described = reduced_relative_subject(verb)
    clauses = [doc[c] for c in child_ids(verb, CONTENT_DEPS) if not _own_report(doc[c])
               and not (described is not None and described.head.i == c)]  # the speaker's description
    if not any(c.i > verb.i for c in clauses):
        return clauses
    return [c for c in clauses if c.i > verb.i
            or not any(t.text in DASHES for t in doc[c.right_edge.i + 1:verb.i])]


REPORT_JOINS = frozenset({"and", "but", "while", "whereas"})


def _own_report(clause: Token) -> bool:
    """«A said the talks were over, and B said a deal was near»: a clause the parser hung on the first verb
    of saying that is itself a verb of saying with its own subject, after "and", "but" or "while",
    is a second report by its own speaker, not part of the first one's content (the first one's clause
    stops before it). «He said Blair had said …» (nothing between) stays one report."""
    if cue_class(clause) != "speech":
        return False
    subj = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < clause.i), None)
    if subj is None or subj.left_edge.i == 0:
        return False
    doc = clause.doc
    k = subj.left_edge.i - 1
    while k > 0 and (doc[k].is_space or doc[k].text == ","):
        k -= 1
    return doc[k].lower_ in REPORT_JOINS


def _document_clauses(verb: Token) -> list[Token]:
    """«X said in a statement that …», «wrote in a letter that …»: a "that" clause the parser hung on the
    document a preposition of the verb names, which is what the verb says."""
    return [g for p in verb.children if p.dep_ == "prep" and p.lower_ in ("in", "on") and p.i > verb.i
            for o in p.children if o.dep_ == "pobj" and description_heads().get(o.lemma_.lower()) == "doc"
            for g in o.children if g.dep_ in ("acl", "ccomp") and g.i > o.i
            and any(m.dep_ == "mark" and m.lower_ == "that" for m in g.children)]


def _of_phrases(verb: Token) -> list[Token]:
    """The "of" after a verb or after its object ("accused the mayor of …", whichever the parser chose)."""
    objs = [c for c in verb.children if c.dep_ == "dobj"]
    return [c for h in (verb, *objs) for c in h.children if c.dep_ == "prep" and c.lower_ == "of" and c.i > verb.i]


def _is_content(text: str, a: int, b: int, cue: tuple[int, int]) -> bool:
    """A reported statement: a few words, not an embedded question, not across a paragraph break."""
    if len(text[a:b].split()) < MIN_CONTENT_WORDS:
        return False
    if text[a:b].split(None, 1)[0].lower() in QUESTION_WORDS:
        return False  # "declined to say whether …", "asked what …"
    return "\n" not in text[min(a, cue[0]):max(b, cue[1])]


def _according(tok: Token) -> Found | None:
    hit = according_to(tok)
    if hit is None:
        return None
    to, source = hit
    doc = tok.doc
    sent = tok.sent
    phrase_start, phrase_end = tok.i, max(to.right_edge.i, source.right_edge.i if source.i > to.i else 0) + 1
    leading = phrase_start - sent.start <= 1
    if leading:  # "According to X, CONTENT." (a survey's "51 percent said …" is still the survey's)
        span = _trim(doc, phrase_end, sent.end)
    else:  # "CONTENT, according to X."
        span = _trim(doc, sent.start, phrase_start)
    cue = (tok.idx, to.idx + len(to))
    if span is None or not _is_content(doc_text(doc), span[0], span[1], cue):
        return None
    speaker = None if leading else _speaker_within(tok, span)
    return Found(span[0], span[1], "indirect", cue=cue, subject=speaker or source)


def _speaker_within(tok: Token, span: tuple[int, int]) -> Token | None:
    """«X gave an interview noting …, according to the Herald»: when the clause "according to" hangs on
    is itself someone's speech (its verb, or a verb of saying on it or on its object), that someone is
    the speaker and the named source only reports it."""
    main = tok.head
    if main.left_edge.idx > span[0]:
        return None  # «A happened, and X complained, according to Y»: X's clause is not all of the content
    verbs = [main, *(c for c in main.children if c.dep_ in INNER_SPEECH_DEPS),
             *(g for c in main.children if c.dep_ == "dobj" for g in c.children if g.dep_ == "acl")]
    for verb in verbs:
        if verb is tok or cue_class(verb) != "speech":
            continue
        subj = subject_of(verb)
        if subj is not None and span[0] <= subj.idx < span[1]:
            return subj
    return None


def _trim(doc: Doc, i: int, j: int) -> tuple[int, int] | None:
    """Character span of tokens ``i:j`` without punctuation or spaces at either edge."""
    words, space, punct = column(doc, "text"), column(doc, "is_space"), column(doc, "is_punct")
    while i < j and (space[i] or words[i] in EDGE_PUNCT or punct[i]):
        i += 1
    while j > i and (space[j - 1] or words[j - 1] in EDGE_PUNCT or punct[j - 1]
                     or (words[j - 1].lower() in TRAILING_JOINS and j - 1 > i)):
        j -= 1  # «X said the line would reopen, and [Y said …]»: not the "and"
    if i >= j:
        return None
    return column(doc, "idx")[i], column(doc, "idx")[j - 1] + len(words[j - 1])


def _outermost(found: list[Found]) -> list[Found]:
    """Drop a reported clause that lies inside another one ("X said that Y told him that …")."""
    keep = []
    for q in found:
        if any(o is not q and o.start <= q.start and q.end <= o.end and (o.end - o.start) > (q.end - q.start)
               for o in found):
            continue
        if any(o.start == q.start and o.end == q.end for o in keep):
            continue
        keep.append(q)
    return keep
