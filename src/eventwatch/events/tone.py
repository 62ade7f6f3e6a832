"""Article tone in the spirit of GDELT: (share of positive words − share of negative words) × 100.

The word polarities come from the VADER sentiment lexicon (Hutto & Gilbert 2014), shipped in the PyPI
package ``vaderSentiment`` (MIT licence) and read from the installed package at run time; eventwatch
keeps only the sign of each word's mean valence, and only words with |valence| ≥ 0.5.
"""
from __future__ import annotations

import logging
from functools import lru_cache
from importlib import resources

from eventwatch.nlp.cache import column, lemma_lower

log = logging.getLogger(__name__)
MIN_VALENCE = 0.5


@lru_cache(maxsize=1)
def valence_lexicon() -> dict[str, float]:
    """Word → VADER mean valence (−4 … +4), single words only."""
    try:
        text = resources.files("vaderSentiment").joinpath("vader_lexicon.txt").read_text("utf-8", errors="replace")
    except (ModuleNotFoundError, FileNotFoundError) as exc:
        log.warning("no sentiment lexicon (%s)", exc)
        return {}
    out: dict[str, float] = {}
    for line in text.splitlines():
        cols = line.split("\t")
        if len(cols) >= 2 and cols[0].isalpha():
            try:
                out[cols[0].lower()] = float(cols[1])
            except ValueError:
                continue
    return out


@lru_cache(maxsize=1)
def polarity_lexicon() -> dict[str, int]:
    return {w: (1 if v > 0 else -1) for w, v in valence_lexicon().items() if abs(v) >= MIN_VALENCE}


def tone(doc) -> float | None:
    """GDELT-style tone of a spaCy Doc (word forms and lemmas looked up); None without a lexicon or words."""
    lex = polarity_lexicon()
    if not lex:
        return None
    words = pos = neg = 0
    for alpha, lower, lemma in zip(column(doc, "is_alpha"), column(doc, "lower_"), lemma_lower(doc)):
        if not alpha:
            continue
        words += 1
        pol = lex.get(lower) or lex.get(lemma)
        if pol == 1:
            pos += 1
        elif pol == -1:
            neg += 1
    if not words:
        return None
    return round(100.0 * (pos - neg) / words, 2)
