"""Publication dates in: every common form, from every reader, and never a silent null (issue 19, item 1)."""
from __future__ import annotations

import json

import pytest

from eventwatch.clean.dates import parse_date
from eventwatch.ingest import read_inputs
from eventwatch.settings import Settings

FORMS = [
    ("2019-11-19", None, "2019-11-19"),
    ("2019-11-19T08:30:00+01:00", None, "2019-11-19"),
    ("Tue, 19 Nov 2019 08:30:00 GMT", None, "2019-11-19"),          # RFC 822 / 1123
    ("Tuesday, 19-Nov-19 08:30:00 GMT", None, "2019-11-19"),       # RFC 850
    ("November 19, 2019", None, "2019-11-19"),
    ("Nov. 19, 2019", None, "2019-11-19"),
    ("19 November 2019", None, "2019-11-19"),
    ("19/11/2019", None, "2019-11-19"),                            # the day over 12 settles the order
    ("11/19/2019", None, "2019-11-19"),
    ("04/05/2019", "DMY", "2019-05-04"),
    ("04/05/2019", "MDY", "2019-04-05"),
    ("04.05.2019", "DMY", "2019-05-04"),
    ("1574150400", None, "2019-11-19"),                            # epoch seconds as text
    (1574150400, None, "2019-11-19"),                              # ... as a number
    (1574150400000, None, "2019-11-19"),                           # epoch milliseconds
]


@pytest.mark.parametrize("value,order,expected", FORMS)
def test_every_common_form_is_read(value, order, expected):
    assert parse_date(value, order) == (expected, None)


@pytest.mark.parametrize("value", ["04/05/2019", "soon", "2019-02-30", "Monday", "99999999999999"])
def test_an_unreadable_or_ambiguous_date_gives_a_reason(value):
    day, why = parse_date(value)
    assert day is None and why


def _jsonl(tmp_path, rows):
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", "utf-8")
    return path


TEXT = "Ministers met in the capital on Tuesday to discuss the budget."


def test_jsonl_dates_in_many_forms_and_a_warning_for_a_bad_one(tmp_path):
    path = _jsonl(tmp_path, [{"text": TEXT, "published": "November 19, 2019"},
                             {"text": TEXT, "date": "Tue, 19 Nov 2019 08:30:00 GMT"},
                             {"text": TEXT, "published": 1574150400},
                             {"text": TEXT, "published": "some day"}])
    docs = list(read_inputs([str(path)], Settings()))
    assert [d.published for d in docs] == ["2019-11-19", "2019-11-19", "2019-11-19", None]
    assert not docs[0].problems
    warn = docs[3].problems
    assert len(warn) == 1 and warn[0].level == "warning" and "some day" in warn[0].message


def test_date_order_decides_ambiguous_numeric_dates(tmp_path):
    path = _jsonl(tmp_path, [{"text": TEXT, "published": "04/05/2019"}])
    assert next(read_inputs([str(path)], Settings(date_order="DMY"))).published == "2019-05-04"
    assert next(read_inputs([str(path)], Settings(date_order="MDY"))).published == "2019-04-05"
    undecided = next(read_inputs([str(path)], Settings()))
    assert undecided.published is None and "ambiguous" in undecided.problems[0].message


def test_csv_and_parquet_columns(tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    csv_path = tmp_path / "articles.csv"
    csv_path.write_text('id,published,text\na1,"19 November 2019","' + TEXT + '"\na2,20/11/2019,"' + TEXT + '"\n', "utf-8")
    docs = list(read_inputs([str(csv_path)], Settings()))
    assert [(d.id, d.published) for d in docs] == [("a1", "2019-11-19"), ("a2", "2019-11-20")]
    pq_path = tmp_path / "articles.parquet"
    pq.write_table(pa.table({"text": [TEXT], "published": ["Nov 21, 2019"]}), pq_path)
    assert next(read_inputs([str(pq_path)], Settings())).published == "2019-11-21"


RSS = """<?xml version="1.0"?><rss version="2.0"><channel><title>Desk</title>
<item><title>A</title><link>https://news.invalid/a</link><pubDate>Tue, 19 Nov 2019 08:30:00 GMT</pubDate>
<description>x</description><content:encoded xmlns:content="http://purl.org/rss/1.0/modules/content/">&lt;p&gt;{t}&lt;/p&gt;</content:encoded></item>
<item><title>B</title><link>https://news.invalid/b</link><pubDate>19/11/2019</pubDate>
<content:encoded xmlns:content="http://purl.org/rss/1.0/modules/content/">&lt;p&gt;{t}&lt;/p&gt;</content:encoded></item>
<item><title>C</title><link>https://news.invalid/c</link><pubDate>whenever</pubDate>
<content:encoded xmlns:content="http://purl.org/rss/1.0/modules/content/">&lt;p&gt;{t}&lt;/p&gt;</content:encoded></item>
</channel></rss>"""


def test_feed_item_dates_feedparser_cannot_read_are_read_or_reported(tmp_path):
    path = tmp_path / "feed.xml"
    path.write_text(RSS.format(t=TEXT), "utf-8")
    docs = list(read_inputs([str(path)], Settings()))
    assert [d.published for d in docs] == ["2019-11-19", "2019-11-19", None]
    assert any("whenever" in p.message and p.level == "warning" for p in docs[2].problems)


def test_html_metadata_date():
    from eventwatch.clean.html import clean_html

    body = "".join(f"<p>{TEXT} Paragraph {i} adds more words about the budget talks.</p>" for i in range(6))
    page = ('<html><head><title>Budget talks</title><meta property="article:published_time" '
            'content="2019-11-19T08:30:00Z"></head><body><article><h1>Budget talks</h1>' + body + "</article></body></html>")
    assert clean_html(page).published == "2019-11-19"


def test_process_reads_date_order_and_reports_undated_documents(tmp_path, capsys):
    from eventwatch.cli.main import main

    path = _jsonl(tmp_path, [{"text": TEXT, "published": "04/05/2019"}, {"text": TEXT + " Again."}])
    main(["process", str(path), "--date-order", "DMY"])
    out = capsys.readouterr()
    records = [json.loads(x) for x in out.out.splitlines()]
    assert [r["published"] for r in records] == ["2019-05-04", None]
    assert "1 of 2 documents have no publication date" in out.err


def test_an_undated_document_keeps_its_events_with_no_date_and_says_why(tmp_path, capsys):
    from eventwatch.cli.main import main

    text = ("Riot police arrested twelve protesters outside the parliament on Friday. "
            "In 2017 the army shelled the rebel town of Marra, residents said.")
    path = _jsonl(tmp_path, [{"text": text}, {"text": text, "published": "2021-03-06"}])
    main(["process", str(path)])
    undated, dated = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert undated["published"] is None and len(undated["events"]) == len(dated["events"]) >= 2
    assert None in {e["date"] for e in undated["events"]} and "2017-01-01" in {e["date"] for e in undated["events"]}
    notes = [p for p in undated["errors"] if p["stage"] == "events"]
    assert len(notes) == 1 and notes[0]["level"] == "warning" and "undated article" in notes[0]["message"]
    assert not [p for p in dated["errors"] if p["stage"] == "events"]
    assert None not in {e["date"] for e in dated["events"]}
