"""Loaders for the quote stage's data files (``quotes/data``), read once per process."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).parent / "data"


def _rows(name: str) -> list[list[str]]:
    from eventwatch.resources import read_table

    return read_table(DATA / name, columns=(2, 3))


@lru_cache(maxsize=1)
def cue_verbs() -> dict[str, str]:
    """Cue verb lemma -> class ("speech" or "naming")."""
    return {row[0]: row[1] for row in _rows("cue_verbs.tsv")}


@lru_cache(maxsize=1)
def cue_forms() -> dict[str, str]:
    """Every inflected form of a cue verb (lower case) -> its lemma, so no lemmatizer is needed."""
    forms: dict[str, str] = {}
    for row in _rows("cue_verbs.tsv"):
        lemma = row[0]
        irregular = [f for f in (row[2].split(",") if len(row) > 2 else []) if f]
        for form in _regular_forms(lemma) + irregular:
            forms.setdefault(form, lemma)
    return forms


def _regular_forms(lemma: str) -> list[str]:
    if lemma.endswith("e"):
        return [lemma, lemma + "s", lemma + "d", lemma[:-1] + "ing"]
    if lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        return [lemma, lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"]
    if lemma.endswith(("s", "sh", "ch", "x", "z")):
        return [lemma, lemma + "es", lemma + "ed", lemma + "ing"]
    return [lemma, lemma + "s", lemma + "ed", lemma + "ing"]


@lru_cache(maxsize=1)
def speaker_nouns() -> dict[str, str]:
    """Lemma -> class of the nouns that stand between a verb of saying and its speaker
    (``data/speaker_nouns.tsv``: content, voice, occasion)."""
    from eventwatch.resources import read_table

    return {row[0]: row[1] for row in read_table(DATA / "speaker_nouns.tsv", columns=2)}


@lru_cache(maxsize=1)
def stance_verbs() -> frozenset[str]:
    """Lemmas of verbs by which a subject takes a public position (``data/stance_verbs.txt``)."""
    from eventwatch.resources import read_words

    return frozenset(read_words(DATA / "stance_verbs.txt"))
