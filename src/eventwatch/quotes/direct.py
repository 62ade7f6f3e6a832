"""Direct quotes: marked stretches of text, told apart from scare quotes, with their cue verbs.

The cue of a direct quote is looked for next to its marks, in the same sentence: after the closing
mark ("…,” she said) and before the opening one (he said, “…”). A quote with no cue in reach is
*floating*: its speaker is carried over from the quote or speaker just before it.
"""
from __future__ import annotations

import bisect

from spacy.tokens import Doc, Token

from eventwatch.nlp.cache import column
from eventwatch.quotes.cues import cue_class, cue_class_at, inverted_subject, is_verb_at, passive_agent, subject_of
from eventwatch.quotes.found import Found, doc_text
from eventwatch.quotes.lexicon import cue_forms
from eventwatch.nlp.marks import Marked, marked as marked_of

SENTENCE_END = {".", "!", "?"}
POST_WINDOW = 15
PRE_WINDOW = 40
NEAR_POST = 8
NEAR_PRE_GAP = 4
SCARE_MAX_WORDS = 6
SENTENCE_OPENERS = set(".!?:;\n\u2014\u2013-(\"\u201d\u201c'\u2019")
FRAGMENT_MAX_WORDS = 3  # a quoted fragment this short inside a sentence is not a quote on its own
FLOATING_MIN_WORDS = 4
FLOATING_BARE_WORDS = 8  # a floating quote without final punctuation must be at least this long
CHAIN_GAP = 60  # characters between two quoted fragments that form one partial quote
NAME_GLUE = {"of", "and", "the", "for", "in", "on", "a", "an", "to", "de", "&"}


def find_direct(doc: Doc) -> list[Found]:
    """Every direct quote of ``doc`` that is speech (scare quotes and quoted names left out)."""
    marked = marked_of(doc)
    starts = column(doc, "idx")
    inside = _quoted_ranges(marked)
    found: list[Found] = []
    group = 0
    for m in marked:
        if not m.continued:
            group += 1
        q = _attribute(doc, starts, m, inside)
        q.group = group
        if _is_speech(doc, starts, m, q):
            found.append(q)
    return _join_partial_chains(doc_text(doc), _share_group_cues(found))


def _join_partial_chains(text: str, found: list[Found]) -> list[Found]:
    """«called it “unfair” for the students “to be dragged through the mud”»: quoted fragments of one
    sentence with one cue (not standing between them) are one quote."""
    out: list[Found] = []
    for q in found:
        prev = out[-1] if out else None
        if (prev is not None and prev.cue is not None and q.cue == prev.cue and not (prev.end <= q.cue[0] < q.start)
                and q.start - prev.end <= CHAIN_GAP and not any(c in text[prev.end - 1:q.start] for c in ".!?\n")):
            prev.end = q.end
            continue
        out.append(q)
    return out


def _quoted_ranges(marked: list[Marked]) -> list[tuple[int, int]]:
    return [(m.open, (m.close + 1) if m.close is not None else m.end) for m in marked]


def _outer(m: Marked) -> tuple[int, int]:
    return m.open, (m.close + 1) if m.close is not None else m.end


def _in_any(pos: int, ranges: list[tuple[int, int]]) -> bool:
    return any(a <= pos < b for a, b in ranges)


def _attribute(doc: Doc, starts: list[int], m: Marked, inside: list[tuple[int, int]]) -> Found:
    qa, qb = _outer(m)
    post = _post_cue(doc, starts, qb, inside)
    pre = _pre_cue(doc, starts, qa, inside)
    cue = _choose(doc, m, qa, qb, pre, post)
    if cue is not None and cue.idx < qa:
        cue = _reporting_cue(doc, cue, qa, inside)
    found = Found(m.start, m.end, "direct")
    if cue is None:
        found.subject = _colon_subject(doc, starts, qa, inside)
        found.floating = found.subject is None
        return found
    found.cue = (cue.idx, cue.idx + len(cue))
    found.cue_class = cue_class(cue)
    if found.cue_class == "naming" and _names_only(cue):
        found.subject = passive_agent(cue)
        found.description = found.subject is None
        return found
    subj = subject_of(cue, outside=(qa, qb), quoted=inside)
    if subj is None and cue.idx >= qb:
        subj = inverted_subject(cue)
    if subj is not None:
        found.subject = subj
    return found


COLON_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
NO_ONE = frozenset({"it", "this", "that", "there", "what", "which"})
SPEAKER_CLASSES = frozenset({"org", "orgname", "agent", "trade"})
COLON_REACH = 40  # characters of space (a paragraph break) between the colon and the opening mark


def _colon_subject(doc: Doc, starts: list[int], qa: int, inside) -> Token | None:
    """«Opposition leader Tom Greer was blunt: “…”», «Kay Brown put it simply:¶“…”»: a quote with no verb of
    saying that a clause introduces with a colon is said by that clause's subject, when it is someone (a name,
    a personal pronoun, a person's or an organisation's noun), not «The rules are clear: “No entry.”»."""
    from eventwatch.actors.lexicon import description_heads
    from eventwatch.actors.referents import is_office

    lo = max(0, qa - COLON_REACH)
    before = doc_text(doc)[lo:qa].rstrip()
    if not before.endswith(":"):
        return None
    j = bisect.bisect_right(starts, lo + len(before) - 1) - 1
    if j < 0 or doc[j].text != ":":
        return None
    head = doc[j].head
    subj = next((c for c in head.children if c.dep_ in COLON_SUBJECT_DEPS and c.i < j), None)
    if subj is None or _in_any(subj.idx, inside) or subj.lower_ in NO_ONE:
        return None
    if subj.pos_ in ("PROPN", "PRON") or is_office(subj) or description_heads().get(subj.lemma_.lower()) in SPEAKER_CLASSES:
        return subj
    return None


def _choose(doc, m: Marked, qa: int, qb: int, pre: Token | None, post: Token | None) -> Token | None:
    text = doc_text(doc)
    content = text[m.start:m.end].rstrip()
    comma_end = content.endswith(",") or text[qb:qb + 1] == ","
    if pre is not None and _gap_words(doc, pre.i + 1, qa) == 0:
        return pre  # she said: “…”
    if post is not None and content[-1:] == "." and _new_sentence_after(doc, qb):
        post = None  # «“… held by many.” Critics had accused him …»: the next sentence is not its attribution
    if post is not None and post.lower_ == "according" and pre is not None and cue_class(pre) == "speech":
        return pre  # «X gave a talk noting “…,” according to the Gazette»: the paper reports X's words
    if post is not None and comma_end:
        return post
    if pre is not None and post is not None and content[-1:] in SENTENCE_END and _new_sentence_after(doc, qb):
        return pre  # “… like this.” But he said … — the quote ended its sentence
    if pre is not None and _gap_words(doc, pre.i + 1, qa) <= NEAR_PRE_GAP:
        return pre
    if post is not None and _gap_words(doc, None, post.idx, after=qb) <= NEAR_POST:
        return post
    return pre or post


def _reporting_cue(doc: Doc, cue: Token, qa: int, inside) -> Token:
    """«He said Blair had spoken with “such sincerity”»: a quoted fragment inside the reported clause of
    a verb of saying is that verb's speaker's, even when a cue word of the clause stands nearer
    ("spoken", "advise"); a cue that introduces the quote itself ("told him “…”", "said: “…”") stays."""
    between = [t for t in doc[cue.i + 1:bisect.bisect_left(column(doc, "idx"), qa)]
               if not (t.is_punct or t.is_space or _in_any(t.idx, inside))]  # "shout, “…” and “…”": one cue
    if len(between) <= 1 or doc_text(doc)[cue.idx:qa].rstrip().endswith(":"):
        return cue
    tok = cue
    for _ in range(6):
        head = tok.head
        if head is tok or tok.dep_ in ("relcl", "acl"):
            return cue
        if tok.dep_ == "ccomp" and cue_class(head) == "speech" and not _in_any(head.idx, inside):
            return head
        tok = head
    return cue


def _new_sentence_after(doc: Doc, qb: int) -> bool:
    nxt = doc_text(doc)[qb:qb + 40].lstrip()
    return nxt[:1].isupper()


def _gap_words(doc: Doc, first: int | None, end_char: int, after: int | None = None) -> int:
    """Words (not punctuation or space) from token ``first``, or from character ``after``, to ``end_char``."""
    idx = column(doc, "idx")
    if after is not None:
        first = bisect.bisect_left(idx, after)
    elif first is None:
        first = 0
    elif first < 0:
        first = max(0, len(idx) + first)
    stop = bisect.bisect_left(idx, end_char, lo=min(first, len(idx)))
    punct, space = column(doc, "is_punct"), column(doc, "is_space")
    return sum(1 for i in range(first, stop) if not punct[i] and not space[i])


def _post_cue(doc: Doc, starts: list[int], qb: int, inside) -> Token | None:
    i = bisect.bisect_left(starts, qb)
    words = column(doc, "text")
    for j in range(i, min(i + POST_WINDOW, len(words))):  # a Token is made only for the cue
        if "\n" in words[j] or _in_any(starts[j], inside):
            return None
        if cue_class_at(doc, j):
            return doc[j]
        if words[j] in SENTENCE_END:
            return None
    return None


def _pre_cue(doc: Doc, starts: list[int], qa: int, inside) -> Token | None:
    """The nearest cue before the opening mark in the same sentence; an earlier quoted fragment of
    the same sentence is stepped over (one that ends a sentence is not)."""
    text = doc_text(doc)
    i = bisect.bisect_left(starts, qa) - 1
    lo = max(0, i - PRE_WINDOW)
    j = i
    words_between = 0
    passive = None  # "his teammate was being yelled at “…”": its subject is no speaker; an earlier cue wins
    words, punct, space = column(doc, "text"), column(doc, "is_punct"), column(doc, "is_space")
    while j >= lo:
        word, at = words[j], starts[j]
        if "\n" in word and not words_between and text[max(0, at - 20):at].rstrip().endswith(":"):
            j -= 1  # «Reed continued:¶“We will not …”»: a paragraph that ends in a colon introduces the quote
            continue
        if "\n" in word or word in SENTENCE_END:
            return passive
        span = next(((a, b) for a, b in inside if a <= at < b), None)
        if span is not None:
            if not words_between and text[span[0]:span[1]].rstrip("”\"’'»« ")[-1:] in SENTENCE_END:
                return passive  # “Done.” “Next …”: the earlier quote ended the sentence
            j = bisect.bisect_left(starts, span[0]) - 1
            continue
        if cue_class_at(doc, j):
            tok = doc[j]
            if not _passive(tok):
                return tok
            passive = passive or tok
        words_between += not (punct[j] or space[j])
        j -= 1
    return passive


def _passive(verb: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)


def _names_only(verb: Token) -> bool:
    """A naming verb whose subject is what is named, not who names it: passive ("she is described
    as “…”"), or a participle modifying a noun ("a plan dubbed “…”", "the so-called “…”")."""
    return _passive(verb) or (verb.tag_ == "VBN" and verb.dep_ in ("acl", "amod"))


def _is_speech(doc: Doc, starts: list[int], m: Marked, q: Found) -> bool:
    """False for scare quotes and quoted names: short, no verb, or name-like (Title Case)."""
    if m.continued:
        return True
    if q.description:
        return False
    words = _words(doc, starts, m.start, m.end)
    if not words:
        return False
    has_verb = any(is_verb_at(doc, i, ("VERB", "AUX")) for i in words)
    if len(words) <= SCARE_MAX_WORDS and not has_verb and _name_like(doc, words):
        return False
    exclaims = doc_text(doc)[m.start:m.end].rstrip()[-1:] in "!?"
    if (len(words) <= FRAGMENT_MAX_WORDS and q.cue_class != "naming" and not exclaims
            and _embedded(doc_text(doc), m.open) and not _cue_just_before(doc_text(doc), m.open)):
        return False  # a fragment quoted inside someone else's sentence: “treated unfairly”
    if q.floating:  # no cue: speech only if it reads like a sentence (not a heading or a title)
        ends_sentence = doc_text(doc)[m.start:m.end].rstrip()[-1:] in ".!?,…"
        return len(words) >= FLOATING_MIN_WORDS and has_verb and (ends_sentence or len(words) >= FLOATING_BARE_WORDS)
    return True


def _embedded(text: str, open_at: int) -> bool:
    """The quote starts inside a sentence (a word before it, not a colon, dash or sentence end)."""
    before = text[max(0, open_at - 80):open_at].rstrip(" \t\u00a0")
    return bool(before) and before[-1] not in SENTENCE_OPENERS


def _cue_just_before(text: str, open_at: int) -> bool:
    """«finally said “no mas.”»: the cue verb stands right before the opening mark."""
    words = text[max(0, open_at - 30):open_at].rstrip(" :,\u00a0").split()
    return bool(words) and words[-1].lower() in cue_forms()


def _name_like(doc: Doc, words: list[int]) -> bool:
    lower, text, num = column(doc, "lower_"), column(doc, "text"), column(doc, "like_num")
    content = [i for i in words if lower[i] not in NAME_GLUE]
    return bool(content) and all(text[i][:1].isupper() or num[i] for i in content)


def _words(doc: Doc, starts: list[int], a: int, b: int) -> list[int]:
    """Indices of the tokens starting in ``[a, b)`` that are neither punctuation nor space."""
    punct, space = column(doc, "is_punct"), column(doc, "is_space")
    first, stop = bisect.bisect_left(starts, a), bisect.bisect_left(starts, b)
    return [i for i in range(first, stop) if not (punct[i] or space[i])]


def _share_group_cues(found: list[Found]) -> list[Found]:
    """Paragraphs of a multi-paragraph quote take the cue of whichever paragraph has one."""
    by_group: dict[int, Found] = {}
    for q in found:
        if q.cue is not None and q.group not in by_group:
            by_group[q.group] = q
    for q in found:
        src = by_group.get(q.group)
        if q.cue is None and src is not None:
            q.cue, q.subject, q.floating = src.cue, src.subject, False
    return found
