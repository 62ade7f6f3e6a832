"""Shared fixtures: the spaCy model and the pipeline are loaded once per test session."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures"
SHARED = ROOT.parent / "shared"
SEED = SHARED / "examples" / "000_dbc812d47cc6aa93.txt"
PACKAGED_SEED = ROOT / "src" / "eventwatch" / "examples" / "seed_world_warns_taliban.txt"


@pytest.fixture(scope="session")
def seed_text() -> str:
    """The reference input (the package carries a copy as its example)."""
    path = SEED if SEED.exists() else PACKAGED_SEED
    return path.read_text("utf-8")


@pytest.fixture(scope="session")
def pipeline():
    from eventwatch.pipeline import Pipeline
    from eventwatch.settings import Settings

    return Pipeline(Settings(default_date="2021-08-14"))


@pytest.fixture(scope="session")
def nlp(pipeline):
    return pipeline.nlp


@pytest.fixture(scope="session")
def analyse(pipeline):
    """Text -> the Record the pipeline's stages make of it (no cleaning, no reader): for sentence-level tests."""
    from eventwatch.model import Record

    def run(text: str) -> Record:
        record = Record(id="t", text=text)
        pipeline.analyse(pipeline.nlp(text), record)
        return record

    return run


@pytest.fixture(scope="session")
def seed_record(pipeline, seed_text):
    from eventwatch.model import Document

    return next(pipeline.process([Document(text=seed_text, location="seed")]))


@pytest.fixture(scope="session")
def contract_schema():
    path = SHARED / "contract" / "output.schema.json"
    if not path.exists():
        pytest.skip("../shared/contract not present")
    return json.loads(path.read_text())
