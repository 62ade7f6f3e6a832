"""The cleaner on several shapes of page furniture, not only the seed's."""
from pathlib import Path

import pytest

from eventwatch.clean import clean
from eventwatch.clean.scraped import clean_text, split_dateline
from eventwatch.ingest import read_inputs

FIX = Path(__file__).parent / "fixtures"


def cleaned(name):
    (doc,) = list(read_inputs([str(FIX / name)]))
    return clean(doc)


def test_seed_head_body_and_footer(seed_text):
    c = clean_text(seed_text)
    assert c.title == "World warns Taliban of isolation"
    assert c.source == "AT News"
    assert c.dateline == "KABUL"
    assert c.text.startswith("NATO, UN and Britain have warned")
    for furniture in ("Home / Latest Updates", "About admin", "Check Also", "UN edging closer", "AT News KABUL"):
        assert furniture not in c.text
    assert c.text.endswith("the decision has been made to resist.")


def test_wordpress_breadcrumb_byline_share_bar_related_and_copyright():
    c = cleaned("scraped_wordpress.txt")
    assert c.title == "Ministers agree on new border talks"
    assert c.dateline == "NAIROBI"
    assert c.source == "Harbor Wire"          # the agency in the dateline
    assert c.author == "Daniel Okafor"
    assert c.published == "2023-03-03"
    assert c.text.startswith("Foreign ministers from Kenya and Ethiopia agreed")
    assert c.text.rstrip().endswith("told reporters after the meeting.")
    for furniture in ("Skip to content", "Share this", "Facebook Twitter", "Related Articles", "Drought pushes", "All rights reserved"):
        assert furniture not in c.text


def test_cookie_banner_advert_read_more_tags_and_author_box():
    c = cleaned("scraped_cookie_tags.txt")
    assert c.title == "Port strike enters third week as talks stall"
    assert c.published == "2024-01-12"
    assert c.text.startswith("Dock workers at the country")
    assert "according to the shipping agents' association." in c.text
    for furniture in ("cookies", "Advertisement", "READ MORE", "Tags:", "About the author", "Maria Lindqvist"):
        assert furniture not in c.text


def test_plain_text_first_line_is_the_headline():
    c = cleaned("plain_article.txt")
    assert c.title == "Flood waters recede in river delta"
    assert c.text.startswith("Flood waters began to recede")
    assert c.dateline is None


def test_html_page_body_and_metadata():
    c = cleaned("article.html")
    assert c.title == "Council votes to expand night bus service"
    assert c.source == "City Ledger"
    assert c.published == "2022-05-17"
    assert c.text.startswith("The city council voted on Monday")
    assert "Tomas Herrera" in c.text
    for furniture in ("Most read", "Stadium plan", "All rights reserved", "Privacy policy", "By Priya Raman"):
        assert furniture not in c.text


@pytest.mark.parametrize("line,place,rest", [
    ("KABUL: NATO warned the Taliban.", "KABUL", "NATO warned"),
    ("NEW YORK (Reuters) - Stocks fell on Monday.", "NEW YORK", "Stocks fell"),
    ("LONDON, June 3 — The prime minister resigned.", "LONDON", "The prime minister"),
    ("Washington (AP) -- The Senate voted.", "Washington", "The Senate"),
])
def test_datelines(line, place, rest):
    got, _, cut = split_dateline(line)
    assert got == place
    assert line[cut:].startswith(rest)


@pytest.mark.parametrize("line", [
    "UN: The report was published today.",  # too short to be a place dateline
    "Sources said the talks would resume.",
    "US-CHINA TALKS resume as tariffs bite - with more to come",
])
def test_no_false_datelines(line):
    place, _, cut = split_dateline(line)
    assert place is None and cut == 0


def test_record_text_is_the_cleaned_body_and_offsets_point_into_it(seed_record, seed_text):
    t = seed_record.text
    assert t == clean_text(seed_text).text
    for a in seed_record.actors:
        for s, e in a.mentions:
            assert 0 <= s < e <= len(t) and t[s:e].strip() == t[s:e]


def test_hard_wrapped_newswire_text_keeps_its_first_paragraph():
    """Newswire copy wrapped every ~60 characters: the wrapped lines are prose, and the short lead-in line
    before them is the paragraph's first line (they were taken for page furniture and dropped)."""
    from eventwatch.clean.scraped import clean_text

    raw = ("The Valmora harbour commission, which\n"
           "    oversees the port, said on Tuesday that dock workers had\n"
           "rejected a new pay offer and would stay on strike until the\n"
           "end of the month, union officials told reporters.\n"
           "    \"We will not go back for less,\" a union leader said at a\n"
           "rally outside the port authority building on Tuesday.\n")
    text = clean_text(raw).text
    assert text.startswith("The Valmora harbour commission, which")
    assert "rejected a new pay offer" in text and "rally outside the port authority" in text


@pytest.mark.parametrize("raw, first", [
    # the lead's first line is short (its "PLACE, Month day -" dateline was cut), the lines after it are even
    ("Ruritania needs 90 mln dlrs to rebuild the\n"
     "bridges on its northern trunk road destroyed by the spring\n"
     "floods, which closed the route to trucks for three weeks,\n"
     "transport minister Anna Velk told parliament on Friday.\n"
     "    Velk said the repairs would be paid for by a loan from a\n"
     "regional development bank and a new levy on heavy goods.\n",
     "Ruritania needs 90 mln dlrs to rebuild the bridges"),
    ("The Valmoran senate voted on Tuesday to give\n"
     "the harbour commission the power to inspect foreign cargo ships\n"
     "and to fine their owners for breaches of the port safety code,\n"
     "the upper chamber's press office said in a written statement.\n"
     "    Shipping firms said the new rules would raise their costs.\n",
     "The Valmoran senate voted on Tuesday to give the harbour"),
])
def test_a_wrapped_lead_with_a_short_first_line_keeps_that_line(raw, first):
    """Newswire text whose dateline was cut leaves the lead paragraph's first line shorter than the rest: the
    block is still one wrapped paragraph (its first line was taken for a headline and the lead lost its head)."""
    from eventwatch.clean.scraped import clean_text

    assert clean_text(raw).text.startswith(first)


def test_a_headline_over_a_wrapped_paragraph_stays_the_title():
    from eventwatch.clean.scraped import clean_text

    raw = ("Valmora dock strike enters its third week\n\n"
           "Dock workers in Valmora rejected a new pay offer on Tuesday and\n"
           "said they would stay on strike until the end of the month, union\n"
           "officials told reporters outside the port authority building.\n")
    out = clean_text(raw)
    assert out.title == "Valmora dock strike enters its third week"
    assert out.text.startswith("Dock workers in Valmora rejected")


@pytest.mark.parametrize("raw, first", [
    ("Ruritanian Interior Minister Anna Velk\n"
     "arrived in Osk on Monday after a tour of the flooded north.\n"
     "    Velk, who is due to meet the regional governor, said the army\n"
     "would stay in the province until the roads were open again.\n",
     "Ruritanian Interior Minister Anna Velk arrived in Osk on Monday"),
    ("Valmora's finance minister said the\n"
     "2,000 teachers on strike would be paid for the days they missed.\n"
     "    The teachers' union welcomed the decision in a statement.\n",
     "Valmora's finance minister said the 2,000 teachers on strike"),
])
def test_a_short_line_that_runs_on_in_lower_case_is_the_first_line_of_its_sentence(raw, first):
    """A sentence broken after a few words ("... Anna Velk" / "arrived in Osk ...") is not a headline over a body:
    its head was lost with the line (the lead sentences of wrapped wire copy whose dateline was cut)."""
    from eventwatch.clean.scraped import clean_text

    out = clean_text(raw)
    assert out.text.startswith(first), out.text[:80]
    assert out.title is None


def test_a_short_headline_over_a_capitalised_first_line_stays_the_title():
    from eventwatch.clean.scraped import clean_text

    raw = ("Osk flood repairs to cost millions\n"
           "Ruritania will need 90 mln dlrs to rebuild the bridges on its northern trunk road, the transport\n"
           "minister told parliament on Friday, after the floods closed the route to trucks for three weeks.\n")
    out = clean_text(raw)
    assert out.title == "Osk flood repairs to cost millions"
    assert out.text.startswith("Ruritania will need 90 mln dlrs")
