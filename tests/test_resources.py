"""The headed data-file loader (eventwatch/resources.py): provenance header, columns, types, line numbers."""
from pathlib import Path

import pytest

from eventwatch.resources import DataFileError, read_rows, read_table, read_words

SRC = Path(__file__).resolve().parent.parent / "src" / "eventwatch"


def write(tmp_path, text: str) -> Path:
    path = tmp_path / "table.tsv"
    path.write_text(text, "utf-8")
    return path


def test_rows_skip_the_header_comments_and_blank_lines_and_keep_line_numbers(tmp_path):
    path = write(tmp_path, "# made up for this test (MIT)\n# Columns: name<TAB>code<TAB>weight\n"
                           "Marvale\tMRV\t2.5\n\n# a note\nKarsk\tKRS\t-1\n")
    assert read_rows(path, columns=3, types=(str, str, float)) == [(3, ["Marvale", "MRV", 2.5]), (6, ["Karsk", "KRS", -1.0])]
    assert read_table(path, columns=(2, 3)) == [["Marvale", "MRV", "2.5"], ["Karsk", "KRS", "-1"]]
    assert read_words(path) == ["Marvale", "Karsk"]


def test_a_file_without_provenance_is_refused(tmp_path):
    with pytest.raises(DataFileError, match="table.tsv: no provenance header"):
        read_table(write(tmp_path, "Marvale\tMRV\n"))


def test_a_wrong_row_names_its_line(tmp_path):
    path = write(tmp_path, "# made up (MIT)\nMarvale\tMRV\nKarsk\n")
    with pytest.raises(DataFileError, match=r"table.tsv line 3: expected 2 tab-separated columns, found 1"):
        read_table(path, columns=2)
    path = write(tmp_path, "# made up (MIT)\nMarvale\tMRV\t2.5\nKarsk\tKRS\tmany\n")
    with pytest.raises(DataFileError, match=r"table.tsv line 3, column 3: 'many' is not float"):
        read_table(path, types=(str, str, float))


def test_every_packaged_data_file_has_a_provenance_header():
    files = [p for p in SRC.glob("*/data/*") if p.suffix in (".tsv", ".jsonl", ".yaml", ".txt", ".csv")]
    assert len(files) >= 25
    missing = [str(p.relative_to(SRC)) for p in files if not p.read_text("utf-8").startswith("#")]
    assert missing == []


def test_the_stages_tables_load_through_it():
    """The readers moved onto the loader still read their files (counts of real rows)."""
    from eventwatch.actors.codes import legacy_codes
    from eventwatch.clean.scraped import patterns
    from eventwatch.events.codes import code_table
    from eventwatch.quotes.lexicon import cue_verbs

    assert legacy_codes()["KSV"] == "XKX"
    assert code_table()["190"].quad_class == 4 and len(code_table()) > 250
    assert cue_verbs()["say"] == "speech"
    assert patterns().stop and patterns().drop and patterns().nav_words
