"""Speakers on news not tuned on (issue 20, ninth session, tune3 review): a title joined by a hyphen, two reports
in one sentence, a name after the cue that the report is about, a quote whose closing mark the writer left out,
and an acronym the model took for a person. Short articles written for these tests."""
from __future__ import annotations

import pytest

from eventwatch.eval.quotes import same_speaker

from quote_helpers import find_quote as _find


@pytest.mark.parametrize("text, fragment, speaker", [
    ("Mr Howard will host a news conference every morning, Tory co-chairman Liam Fox said.",
     "host a news conference", "Liam Fox"),
    ("The ferry will stop running in winter, harbour co-owner Mia Lund said.", "stop running", "Mia Lund"),
])
def test_a_title_joined_by_a_hyphen_does_not_split_the_speaker(analyse, text, fragment, speaker):
    """«Tory co-chairman Liam Fox said»: the parser splits "co-chairman" into several subjects; the name heads them."""
    name = _find(analyse(text), fragment).speaker_name
    assert same_speaker(name, speaker), name


@pytest.mark.parametrize("text, first, first_by, second, second_by", [
    ("Transport Minister Ellen Roe said the line would reopen in May, and the Rail Safety Board said an urgent "
     "review was needed.", "line would reopen", "Ellen Roe", "urgent review", "Rail Safety Board"),
    ("A Portuguese envoy said no problems remained over the port, and China's Trade Ministry said an "
     "\"important announcement\" would follow the talks.", "no problems remained", "Portuguese envoy",
     "would follow the talks", "Trade Ministry"),
])
def test_two_reports_joined_by_and_each_have_their_own_speaker(analyse, text, first, first_by, second, second_by):
    rec = analyse(text)
    one, two = _find(rec, first), _find(rec, second)
    assert same_speaker(one.speaker_name, first_by), one.speaker_name
    assert same_speaker(two.speaker_name, second_by), two.speaker_name
    assert not one.text.rstrip().endswith(("and", ",")), one.text  # the first report stops before the second
    assert second_by.split()[-1] not in one.text


def test_a_report_inside_a_report_stays_the_outer_speakers(analyse):
    """«She said Mr Dunmore had said …»: nothing joins the two, so the inner report is her content."""
    rec = analyse("Sarah Colton praised the team. She said Mr Dunmore had said the rescue was the hardest of his life.")
    name = _find(rec, "hardest of his life").speaker_name
    assert same_speaker(name, "Sarah Colton"), name


@pytest.mark.parametrize("text, fragment, speaker", [
    ("Delmont Foods Inc, a unit of Arkon, said Peter Vance, formerly its treasurer, has been appointed chief "
     "executive.", "appointed chief executive", "Delmont Foods Inc"),
    ("Harwick Mining Corp, formed last year, said Olga Brandt, a former board member, has been named chairman.",
     "named chairman", "Harwick Mining Corp"),
])
def test_a_name_after_the_cue_that_the_report_is_about_is_not_the_speaker(analyse, text, fragment, speaker):
    name = _find(analyse(text), fragment).speaker_name
    assert same_speaker(name, speaker), name


def test_an_inverted_speaker_with_an_apposition_stays_the_speaker(analyse):
    name = _find(analyse("The budget is too small, said Ana Ruiz, a spokeswoman for the council."), "too small").speaker_name
    assert same_speaker(name, "Ana Ruiz"), name


@pytest.mark.parametrize("text, fragment, speaker", [
    ("Talks broke down on Friday.\n\"We will not pay the fine. If they insist we will go to court, Mr Lund said.",
     "go to court", "Lund"),
    ("Fishermen were angry.\n\"Nobody listens to us any more. We have been ignored for ten years, said Tom Reilly.",
     "ignored for ten years", "Tom Reilly"),
])
def test_a_quote_left_unclosed_before_its_attribution_ends_there(analyse, text, fragment, speaker):
    q = _find(analyse(text), fragment, "direct")
    assert same_speaker(q.speaker_name, speaker), q.speaker_name
    assert "said" not in q.text, q.text


def test_an_unclosed_quote_without_an_attribution_still_runs_on(analyse):
    """A paragraph of a longer quote (no attribution at its end) is not cut."""
    rec = analyse("\"This is the first paragraph of a long statement, said in full.\n\"And this is its second paragraph,\" "
                  "she said.")
    assert any(q.text.startswith("This is the first paragraph") and q.text.rstrip().endswith("in full.")
               for q in rec.quotes), [q.text for q in rec.quotes]


def test_an_acronym_the_model_took_for_a_person_is_the_body_it_spells(analyse):
    rec = analyse("House prices fell again in March, the Royal Institute of Chartered Surveyors found. \"Buyers are "
                  "cautious,\" RICS housing spokesman Ian Perry said. In Wales, where prices held up, falls were more "
                  "\"modest\", RICS added.")
    name = _find(rec, "prices held up").speaker_name
    assert same_speaker(name, "Royal Institute of Chartered Surveyors"), name


def test_merge_acronyms_joins_a_capitals_person_only_to_a_body_it_spells():
    from eventwatch.actors import merge_acronyms
    from eventwatch.model import Actor

    text = "The National Farmers Union met. NFU said prices fell. Ann Lee and JRT spoke."
    body = Actor(id="org:nfu-full", name="National Farmers Union", kind="organization", mentions=[[4, 26]])
    short = Actor(id="person:nfu", name="NFU", kind="person", mentions=[[32, 35]])
    other = Actor(id="person:jrt", name="JRT", kind="person", mentions=[[63, 66]])
    out = merge_acronyms([body, short, other], text)
    assert short not in out and [32, 35] in body.mentions
    assert other in out  # no body spells it: left alone


@pytest.mark.parametrize("text, fragment, speaker", [
    ("Software maker Lintel is joining rivals like Bramble. According to analysis firm Tallyo, the number of apps "
     "has doubled every year.", "number of apps", "Tallyo"),
    ("Pay talks stalled in May. According to payroll specialist Corbel, wages rose faster than prices last year.",
     "wages rose faster", "Corbel"),
])
def test_according_to_a_description_and_a_name_is_the_name(analyse, text, fragment, speaker):
    """«according to analysis firm Tallyo, …»: the parser takes "analysis" for the object; the name ends the phrase."""
    q = _find(analyse(text), fragment)
    assert same_speaker(q.speaker_name, speaker), q.speaker_name
    assert speaker not in q.text, q.text


@pytest.mark.parametrize("text, fragment", [
    ("Rumours of a reshuffle were dismissed by Downing Street on Monday. A spokesman said the prime minister was "
     "\"focused on the economy\".", "focused on the economy"),
    ("Reports that the chancellor would resign were denied by Downing Street. A Number 10 spokeswoman said: "
     "\"There is no truth in them.\"", "no truth in them"),
    ("Downing Street said the talks would go on. No 10 added that a deal was close.", "deal was close"),
])
def test_the_seat_of_government_speaks_for_it(analyse, text, fragment):
    """"Downing Street", "Number 10", "No 10": one body, the British government's seat (known_actors.yaml)."""
    q = _find(analyse(text), fragment)
    assert q.speaker_name == "Downing Street", q.speaker_name
    assert q.speaker == "org:gbr-downing-street", q.speaker


def test_a_named_persons_spokesman_stays_the_person(analyse):
    q = _find(analyse("Mr Blair's spokesman said the prime minister would not comment on the report."), "not comment")
    assert same_speaker(q.speaker_name, "Blair"), q.speaker_name


@pytest.mark.parametrize("text, fragment, body", [
    ("Reports that Tony Blair is planning a snap election have been described as \"idle speculation\" by Downing "
     "Street. A spokesman said he had \"no idea\" where the reports had come from.", "no idea", "Downing Street"),
    ("Claims that Ann Ruiz had been sacked were rejected by Velmar Foods on Tuesday. A spokeswoman said she "
     "remained \"a valued member of the team\".", "valued member", "Velmar Foods"),
])
def test_a_spokesman_after_a_body_that_acted_in_the_passive_speaks_for_it(analyse, text, fragment, body):
    """The person named in the reported claim does not stop "a spokesman" from being the body's: it was the agent."""
    name = _find(analyse(text), fragment).speaker_name
    assert same_speaker(name, body), name


def test_a_spokesman_after_a_body_and_a_person_it_acted_on_stays_unresolved(analyse):
    name = _find(analyse("Harlow Foods fired Peter Olsen on Monday. A spokesman said the decision was final."),
                 "decision was final").speaker_name
    assert not same_speaker(name, "Peter Olsen"), name
