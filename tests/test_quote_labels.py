"""The hand-coded quote set: notation -> offsets (scripts/labels/ingest_quotes.py), the label
folder joined to the shared corpus text (eval.quote_labels, read by eval quotes), the agreement of
two coders (scripts/labels/quote_agreement.py). Invented article, temporary shared folder."""
from __future__ import annotations

import hashlib
import importlib.util
import json
from pathlib import Path

import pytest

SCRIPTS = Path(__file__).resolve().parents[1] / "scripts" / "labels"

TEXT = ("The Riverton council will keep the old library open, its leader Joan Keller said on Monday.\n\n"
        "\"We heard the readers and we will not sell the building,\" Ms Keller told reporters. "
        "\"It belongs to the town.\"\n\n"
        "The Friends of Riverton Library said in a statement the decision was \"a victory for common sense\". "
        "The novel \"Winter Roads\" was the most borrowed book last year.")

NOTES = """# test-001
S1 i p | The Riverton council will keep...library open | said | Joan Keller | Joan Keller
S2 d p | "We heard the readers...the building," | told | Ms Keller | Joan Keller
S3 d p | "It belongs to the town." | - | - | Joan Keller
S4 m o | the decision was "a victory for common sense" | said | The Friends of Riverton Library | Friends of Riverton Library
"""


def _script(name: str):
    spec = importlib.util.spec_from_file_location(name, SCRIPTS / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture()
def folders(tmp_path: Path) -> tuple[Path, Path]:
    """tmp/shared/corpora/testcorpus.jsonl and tmp/repo/labels/quotes with its manifest."""
    shared = tmp_path / "shared"
    (shared / "corpora").mkdir(parents=True)
    (shared / "corpora" / "testcorpus.jsonl").write_text(json.dumps({"id": "test-001", "text": TEXT}) + "\n")
    labels = tmp_path / "repo" / "labels" / "quotes"
    (labels / "coded").mkdir(parents=True)
    row = {"doc": "test-001", "corpus": "testcorpus", "sha1": hashlib.sha1(TEXT.encode()).hexdigest(),
           "part": "measure", "double": True}
    (labels / "articles.jsonl").write_text(json.dumps(row) + "\n")
    return shared, labels


def _ingest(folders, notes: str, coder: str = "A") -> None:
    shared, labels = folders
    path = labels.parent.parent / f"notes.{coder}.txt"
    path.write_text(notes)
    _script("ingest_quotes").main([str(path), "--coder", coder, "--shared", str(shared), "--labels", str(labels)])


def test_ingest_turns_notation_into_offsets(folders):
    _ingest(folders, NOTES)
    rows = [json.loads(x) for x in (folders[1] / "coded" / "test-001.A.jsonl").read_text().splitlines()]
    cut = lambda span: TEXT[span[0]:span[1]]  # noqa: E731
    assert [cut(r["quote"]) for r in rows] == [
        "The Riverton council will keep the old library open",
        "\"We heard the readers and we will not sell the building,\"",
        "\"It belongs to the town.\"",
        "the decision was \"a victory for common sense\""]
    assert [cut(r["speaker"]) if r["speaker"] else None for r in rows] == [
        "Joan Keller", "Ms Keller", None, "The Friends of Riverton Library"]
    assert [r["kind"] for r in rows] == ["indirect", "direct", "direct", "mixed"]
    assert cut(rows[1]["cue"]) == "told" and rows[2]["cue"] is None
    assert all("text" not in r for r in rows)


def test_ingest_rejects_a_bad_line_and_writes_nothing(folders):
    bad = NOTES + "S4 d p | \"Winter Roads\" was borrowed | said | - | Joan Keller\n"
    with pytest.raises(SystemExit, match="not found"):
        _ingest(folders, bad)
    assert not (folders[1] / "coded" / "test-001.A.jsonl").exists()


def test_eval_quotes_reads_a_label_folder(folders):
    from eventwatch.eval.quotes import read_gold, score

    _ingest(folders, NOTES)
    (article,) = read_gold([str(folders[1])])  # the shared folder is found above the labels
    assert article["id"] == "test-001" and article["format"] == "labels/measure"
    assert [q["speaker"] for q in article["quotes"]] == ["Joan Keller"] * 3 + ["Friends of Riverton Library"]
    assert [q["marked"] for q in article["quotes"]] == [False, True, True, True]
    assert article["quotes"][0]["cue"] == "said"
    # a prediction finding the first two quotes, one speaker right and one wrong
    pred = [{"span": article["quotes"][0]["spans"][0], "speaker_name": "Keller", "speaker_span": None},
            {"span": article["quotes"][1]["spans"][0], "speaker_name": "Riverton council", "speaker_span": None}]
    s = score([article], [pred], 0.3)
    assert (s["tp"], s["fn"], s["fp"]) == (2, 2, 0)
    assert s["speaker_name_accuracy"] == 0.5


def test_changed_corpus_text_leaves_the_article_out(folders, monkeypatch):
    from eventwatch.eval.quote_labels import read_labels

    shared, labels = folders
    _ingest(folders, NOTES)
    (shared / "corpora" / "testcorpus.jsonl").write_text(json.dumps({"id": "test-001", "text": TEXT + " More."}) + "\n")
    monkeypatch.setenv("EVENTWATCH_SHARED", str(shared))
    assert read_labels(labels) == []


def test_agreement_of_two_coders(folders):
    # coder B misses the floating quote and names another speaker for the mixed one
    notes_b = "\n".join(NOTES.splitlines()[:3]) + "\nS4 m o | the decision...common sense\" | said | - | Riverton council\n"
    _ingest(folders, NOTES, "A")
    _ingest(folders, notes_b, "B")
    total = _script("quote_agreement").agreement(folders[1], folders[0])["total"]
    assert (total["a"], total["b"], total["matched"]) == (4, 3, 3)
    assert total["f1"] == pytest.approx(2 * 1.0 * 0.75 / 1.75)
    assert total["speaker_agreement"] == pytest.approx(2 / 3)


def test_scorer_reads_hard_wrapped_text_as_the_cleaner_joins_it(pipeline):
    """Plain text wrapped at a fixed width (as Reuters-21578 is): the scorer joins the wrapped lines
    as `eventwatch process` does, so a quote over a line break is found, its offsets into the raw text."""
    from eventwatch.clean import unwrap
    from eventwatch.eval.quotes import predict

    text = ("The harbour trust will close the old pier to boats next month,\n"
            "its chairwoman Maria Lopez told the town council on Tuesday.\n"
            "    \"We asked the council twice for money to repair the\n"
            "pier and nobody answered our letters,\" Lopez said.\n")
    assert len(unwrap(text)) == len(text) and unwrap(text).count("\n") == 2
    quotes = predict([{"id": "w", "text": text}], pipe=pipeline)[0]
    direct = [q for q in quotes if q["kind"] == "direct"]
    assert direct and text[direct[0]["span"][0]:direct[0]["span"][1]].startswith("We asked")
    assert direct[0]["span"][1] > text.index("nobody answered")
    assert (direct[0]["speaker_name"] or "").endswith("Lopez")

