"""One declared settings object, shared by the library, the CLI, the API and the Ray runner."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Settings:
    model: str | None = None            # spaCy model name; None = best installed (see nlp.load_model)
    batch_size: int = 32                # documents per nlp.pipe batch and per store transaction
    n_process: int = 1                  # worker processes (-j)
    default_date: str | None = None     # --date: publication date when the input carries none
    date_order: str | None = None       # --date-order: DMY or MDY for numeric dates like 04/05/2019 (ingest/dates.py)
    stages: tuple[str, ...] = ("places", "actors", "events", "quotes")
    actors_file: Path | None = None     # user actor dictionary (--actors)
    max_chars: int = 200_000            # longest body analysed (~35,000 words); longer ones are cut, with an error
    max_bytes: int = 64 * 1024 * 1024   # largest single input document read
    doc_seconds: float = 60.0           # wall-clock limit per document for cleaning, and for parsing with the stages (pipeline/limits.py)
    max_symbol_run: int = 100           # a whitespace-free run this long, a third or more symbols, is cut before the tokenizer (pipeline/limits.py)
    lang: str = "en"
    fast_nlp: bool = True               # exact-output speed-ups of the spaCy pipeline (nlp/fast.py, nlp/greedy_ner.py)
    matmul: str = "numpy"               # the model's matrix products: "numpy" (its BLAS, one thread) or "thinc" (blis); nlp/matmul.py
    extra: dict = field(default_factory=dict)
