"""Cross-article event groups: which mentions in different articles report the same event.

Two mentions may be one event only when they share
- both actors (source and target), or for a one-sided event (only a source or only a target) that actor
  on the same side and the same place; an event with no actor, or a one-sided one with no place, is
  never grouped (it is its own group);
- the CAMEO root, the negated and the hypothetical flags (the ``dedup_key``);
- a date window: dates within ``DATE_TOLERANCE_DAYS`` of the group's latest mention; undated mentions
  (an undated article) are never grouped, since no window can be checked;
- similar sentences: the Jaccard overlap of their content words is at least ``MIN_SIMILARITY``
  with some mention already in the group.

Mentions are taken in date order; each joins the first open group it matches, else starts one. A
group's id is hashed from its key, its first date and its first mention, so it is stable across
re-ingests. The threshold was set on the tune part of the group sample and measured on the rest
(docs/evaluation.md, "Cross-article event groups").
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

DATE_TOLERANCE_DAYS = 1
MIN_SIMILARITY = 0.25
SOLO = "solo:"  # the key prefix of a mention that is never grouped

_WORD = re.compile(r"[a-z][a-z'\-]{2,}")
STOPWORDS = frozenset("""the and for that with from this have has had was were are been being its their his her
they them there then than but not who whom which what when where will would could should said says say also
into over about after before while more most some such only other very just said told our your you she him
one two three four five six seven eight nine ten year years month months week weeks day days mr mrs ms
monday tuesday wednesday thursday friday saturday sunday today yesterday""".split())


def dedup_key(source, target, root, place, negated, hypothetical, article_id: str, idx: int) -> str:
    """The key mentions of one event share; a unique ``solo:`` key for an event that must not be grouped."""
    flags = ("N" if negated else "") + "|" + ("H" if hypothetical else "")
    if source and target:
        return f"{source}|{target}|{root or ''}|{flags}"
    actor = f"S:{source}" if source else (f"T:{target}" if target else None)
    if actor and place:
        return f"{actor}@{place}|{root or ''}|{flags}"
    return f"{SOLO}{article_id}#{idx}"


def words(sentence: str | None) -> frozenset[str]:
    return frozenset(w for w in _WORD.findall((sentence or "").lower()) if w not in STOPWORDS)


def similarity(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


@dataclass
class _Group:
    first: tuple
    last_date: object
    members: list = field(default_factory=list)
    vocab: list = field(default_factory=list)


def _joins(group: _Group, date, vocab: frozenset[str], min_sim: float) -> bool:
    if date is None or group.last_date is None or (date - group.last_date).days > DATE_TOLERANCE_DAYS:
        return False
    return any(similarity(vocab, v) >= min_sim for v in group.vocab)


def _gid(key: str, date, article_id: str, idx: int) -> int:
    text = f"{key}#{date.isoformat() if date else 'undated'}#{article_id}#{idx}"
    return int(hashlib.md5(text.encode("utf-8")).hexdigest()[:15], 16)


def cluster(rows: list[tuple], min_sim: float = MIN_SIMILARITY) -> list[tuple]:
    """Rows of (article_id, event_idx, dedup_key, event_date, sentence, outlet), sorted by key, date NULLS LAST,
    article, index -> rows of (article_id, event_idx, group_id, is_first, n_mentions, n_articles, n_sources)."""
    out: list[tuple] = []
    key, groups = None, []
    for row in rows + [(None, None, object(), None, None, None)]:
        if row[2] != key:
            out.extend(_finish(groups))
            key, groups = row[2], []
        if row[0] is None:
            break
        article_id, idx, k, date, sentence, outlet = row
        vocab = words(sentence)
        home = None if k.startswith(SOLO) else next((g for g in groups if _joins(g, date, vocab, min_sim)), None)
        if home is None:
            home = _Group(first=(k, date, article_id, idx), last_date=date)
            groups.append(home)
        home.members.append((article_id, idx, outlet))
        home.vocab.append(vocab)
        home.last_date = max(home.last_date, date) if date and home.last_date else home.last_date
    return out


def _finish(groups: list[_Group]) -> list[tuple]:
    out = []
    for g in groups:
        gid = _gid(*g.first)
        n_articles = len({a for a, _, _ in g.members})
        n_sources = len({o or a for a, _, o in g.members})
        for j, (article_id, idx, _) in enumerate(g.members):
            out.append((article_id, idx, gid, j == 0, len(g.members), n_articles, n_sources))
    return out
