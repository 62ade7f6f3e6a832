"""Event time: a time the event's clause names gives the event its date, precision and background flag (issue 19, item 2)."""
from __future__ import annotations

import datetime as dt

import pytest

from eventwatch.events.dates import is_background, resolve_time

PUB = "2021-08-14"

# (sentence, trigger word, date, precision, background): own sentences, each naming its event's time
CASES = [
    ("Israel seized the territories in the 1967 war.", "seized", "1967-01-01", "year", True),
    ("Israel captured the Golan Heights in 1967.", "captured", "1967-01-01", "year", True),
    ("The Taliban returned to power 18 years after Washington invaded Afghanistan.", "invaded", "2003-01-01", "year", True),
    ("Police arrested three protesters last month.", "arrested", "2021-07-01", "month", False),
    ("Police arrested three protesters in July 2019.", "arrested", "2019-07-01", "month", True),
    ("The minister met the Chinese envoy on July 25.", "met", "2021-07-25", "day", False),
    ("Turkey has attacked Kurdish fighters since 2016.", "attacked", "2016-01-01", "year", True),
    ("Rebels killed 12 soldiers two years ago.", "killed", "2019-01-01", "year", True),
    ("Police arrested three protesters on Friday.", "arrested", "2021-08-13", "day", False),
    ("The court jailed the men for 18 years.", "jailed", PUB, "day", False),
    ("Police arrested three protesters.", "arrested", PUB, "day", False),
]


@pytest.mark.parametrize("sentence,trigger,date,precision,background", CASES)
def test_event_time_of_its_own_clause(pipeline, sentence, trigger, date, precision, background):
    r = pipeline.process_text(sentence, published=PUB)
    events = [e for e in r.events if r.text[e.trigger[0]:e.trigger[1]] == trigger]
    assert events, [(e.cameo, r.text[e.trigger[0]:e.trigger[1]]) for e in r.events]
    assert {(e.date, e.date_precision, e.background) for e in events} == {(date, precision, background)}


def test_the_main_clause_of_an_after_span_stays_news(pipeline):
    r = pipeline.process_text("Israel attacked Gaza 18 years after Washington invaded Afghanistan.", published=PUB)
    attacked = [e for e in r.events if r.text[e.trigger[0]:e.trigger[1]] == "attacked"]
    invaded = [e for e in r.events if r.text[e.trigger[0]:e.trigger[1]] == "invaded"]
    assert attacked and all(e.date == PUB and not e.background for e in attacked)
    assert invaded and all(e.background for e in invaded)


def test_undated_article_events_are_not_given_a_day(pipeline, monkeypatch):
    from dataclasses import replace

    monkeypatch.setattr(pipeline, "settings", replace(pipeline.settings, default_date=None))
    r = pipeline.process_text("Police arrested three protesters on Friday.")
    assert r.published is None
    assert r.events and all(e.date is None and e.date_precision is None for e in r.events)


def test_precision_and_background_rules():
    pub = dt.date(2021, 8, 14)
    assert resolve_time("last year", pub) == (dt.date(2020, 1, 1), "year")
    assert resolve_time("July 2019", pub) == (dt.date(2019, 7, 1), "month")
    assert resolve_time("the 1990s", pub) == (dt.date(1990, 1, 1), "decade")
    assert resolve_time("for 18 years", pub) is None and resolve_time("18 years", pub) is None
    assert not is_background(dt.date(2021, 8, 1), "day", pub) and is_background(dt.date(2021, 1, 1), "day", pub)
    assert not is_background(dt.date(2021, 1, 1), "year", pub) and is_background(dt.date(2020, 1, 1), "year", pub)
    assert not is_background(dt.date(2021, 7, 1), "month", pub) and is_background(dt.date(2020, 12, 1), "month", pub)


def test_a_future_clause_names_the_next_such_day_not_the_last(pipeline):
    r = pipeline.process_text("The minister will meet the Chinese envoy on 16 March.", published="2021-12-20")
    met = [e for e in r.events if r.text[e.trigger[0]:e.trigger[1]] == "meet"]
    assert met and all(e.date == "2022-03-16" and not e.background for e in met)


def _time_of(nlp, text: str, lemma: str, published):
    from eventwatch.events.dates import event_time

    doc = nlp(text)
    tok = next(t for t in doc if t.lemma_ == lemma)
    return event_time(tok.sent, tok, published)


def test_a_weekday_is_read_in_the_tense_of_the_verb_it_modifies(nlp):
    # the act is future, the saying past: "on Thursday" is the Thursday before a Friday article, not the next one
    text = "Brazil will not send ships to the strait, the defence minister said on Thursday."
    assert _time_of(nlp, text, "say", "2026-02-20").date == "2026-02-19"
    assert _time_of(nlp, text, "send", "2026-02-20").date == "2026-02-19"
    assert _time_of(nlp, "The ministers will meet in Oslo on Thursday.", "meet", "2026-02-20").date == "2026-02-26"


def test_an_undated_article_still_tells_history_from_its_newest_year(nlp):
    text = ("Egypt has detained hundreds of bloggers since 2015, when the authorities cracked down on dissent. "
            "In 2020 the police raided the offices of two newspapers.")
    detained = _time_of(nlp, text, "detain", None)
    raided = _time_of(nlp, text, "raid", None)
    assert detained.date == "2015-01-01" and detained.background  # five years before the newest year named
    assert raided.date == "2020-01-01" and not raided.background   # the newest: as far as the text says, the news
    lone = _time_of(nlp, "In 2020 the police raided the offices of two newspapers.", "raid", None)
    assert lone.date == "2020-01-01" and not lone.background


def test_a_dateline_with_its_year_dates_an_article_that_came_without_a_date():
    from eventwatch.clean import clean
    from eventwatch.model import Document

    body = "LAGOS, June 3, 2025 (AFP) - Nigerian police arrested 12 traders at a market on Monday."
    cleaned = clean(Document(text=body))
    assert (cleaned.dateline, cleaned.published) == ("LAGOS", "2025-06-03")
    assert cleaned.text.startswith("Nigerian police")
    assert clean(Document(text=body, published="2025-06-04")).published == "2025-06-04"  # the input's own date wins
    no_year = clean(Document(text="LAGOS, June 3 (AFP) - Nigerian police arrested 12 traders."))
    assert no_year.dateline == "LAGOS" and no_year.published is None  # no year: no guess


# seasons (own sentences): the first month of the season, background when three months or more before the article
SEASON_CASES = [
    ("Negotiators from both countries opened talks last summer.", "talks", "2020-06-01", True),
    ("The rebels seized the town in the spring of 2019, officials said.", "seized", "2019-03-01", True),
    ("The army shelled the village in the autumn, residents said.", "shelled", "2020-09-01", True),
    ("Police arrested dozens of protesters this summer.", "arrested", "2021-06-01", False),
]


@pytest.mark.parametrize("sentence,trigger,date,background", SEASON_CASES)
def test_a_season_dates_the_event_to_its_first_month(pipeline, sentence, trigger, date, background):
    r = pipeline.process_text(sentence, published=PUB)
    events = [e for e in r.events if r.text[e.trigger[0]:e.trigger[1]] == trigger]
    assert events, [(e.cameo, r.text[e.trigger[0]:e.trigger[1]]) for e in r.events]
    assert {(e.date, e.date_precision, e.background) for e in events} == {(date, "month", background)}


def test_season_words_that_name_no_season():
    pub = dt.date(2021, 8, 14)
    assert resolve_time("last winter", pub) == (dt.date(2020, 12, 1), "month")
    assert resolve_time("next spring", pub) == (dt.date(2022, 3, 1), "month")
    assert resolve_time("this winter", pub, future=True) == (dt.date(2021, 12, 1), "month")
    assert resolve_time("the fall of Kabul", pub) is None  # the event, not the season


def test_fall_as_a_verb_or_an_event_is_no_time(nlp):
    assert _time_of(nlp, "Troops killed four protesters after the fall of the capital.", "kill", PUB).date == PUB
    assert _time_of(nlp, "Police arrested traders as prices began to fall.", "arrest", PUB).date == PUB


# a time of a clause done at the act's own time: the infinitive of an implicative verb, the means of "by"
SAME_TIME_CASES = [
    ("The senator pointedly refused to endorse the nominee during a speech at the party congress in July 2016.",
     "refuse", "2016-07-01"),
    ("The union declined to join the strike in the spring of 2018, its leaders said.", "decline", "2018-03-01"),
    ("Analysts say Iraq started the war by invading Kuwait in 1990.", "start", "1990-01-01"),
    ("The regime answered the revolt by arresting its leaders in 1956.", "answer", "1956-01-01"),
    # a conjunct shares its head's time, and the head has it from its implicative infinitive
    ("The previous government tried to cut fuel subsidies in 2003, but was forced to back down after protests.",
     "back", "2003-01-01"),
    ("The council attempted to ban the march in 2012 and was made to lift the ban by a court.", "lift", "2012-01-01"),
]


@pytest.mark.parametrize("text,lemma,date", SAME_TIME_CASES)
def test_a_time_of_the_complement_or_means_dates_the_act(nlp, text, lemma, date):
    when = _time_of(nlp, text, lemma, PUB)
    assert (when.date, when.background) == (date, True)


def test_a_promise_is_not_dated_by_the_time_of_what_it_promises(nlp):
    when = _time_of(nlp, "The army promised in June to withdraw its troops by 2019.", "promise", "2018-08-14")
    assert when.date == "2018-06-01" and not when.background
    when = _time_of(nlp, "Parliament voted to hold early elections in May.", "vote", "2018-08-14")
    assert when.date == "2018-08-14" and not when.background  # a decision: its infinitive is a later act


def test_a_time_of_the_object_comes_after_a_time_of_the_clause(nlp):
    when = _time_of(nlp, "Government forces seized the 1967 border town in 2019.", "seize", PUB)
    assert when.date == "2019-01-01"
    when = _time_of(nlp, "Rebels occupied the 2010 stadium last week.", "occupy", PUB)
    assert when.date == "2021-08-07" and not when.background


@pytest.mark.parametrize("text,lemma,background", [
    ("The governor once called the president a liar.", "call", True),
    ("The mayor once accused the police of racism, but the two are now allies.", "accuse", True),
    ("The ministers attacked the plan once again on Monday.", "attack", False),
    ("Police arrested the leaders at once.", "arrest", False),
    ("The rebels attack the base once a week.", "attack", False),
    ("During the apartheid era, police detained thousands of activists.", "detain", True),
    ("Soviet troops occupied the capital during the Cold War.", "occupy", True),
])
def test_once_and_a_past_era_tell_history_without_a_date(nlp, text, lemma, background):
    when = _time_of(nlp, text, lemma, PUB)
    assert when.background is background
    assert (when.date is None) is background  # history with no time of its own is not given the article's day


def test_an_undated_article_says_why_its_events_have_no_date(pipeline, monkeypatch):
    from dataclasses import replace

    monkeypatch.setattr(pipeline, "settings", replace(pipeline.settings, default_date=None))
    r = pipeline.process_text("Police arrested three protesters on Friday. In 2019 the army shelled the town.")
    assert r.published is None and r.events
    assert {e.date for e in r.events} == {None, "2019-01-01"}
    notes = [p for p in r.errors if p.stage == "events" and "undated article" in p.message]
    assert len(notes) == 1 and notes[0].level == "warning" and "1 of 2 events" in notes[0].message
    dated = pipeline.process_text("Police arrested three protesters on Friday.", published=PUB)
    assert not [p for p in dated.errors if "undated" in p.message]


@pytest.mark.parametrize("text,lemma,date,background", [
    ("Four Britons have been held by the US for almost three years.", "hold", "2018-01-01", True),
    ("The army has fought the rebels for two decades.", "fight", "2001-01-01", True),
    ("The court jailed the men for 18 years.", "jail", PUB, False),        # a sentence's length, not a time
    ("Police have detained the activist for three days.", "detain", PUB, False),  # the story's own days
])
def test_a_perfect_clause_that_has_lasted_years_began_before_the_story(nlp, text, lemma, date, background):
    when = _time_of(nlp, text, lemma, PUB)
    assert (when.date, when.background) == (date, background)
    undated = _time_of(nlp, text, lemma, None)
    assert undated.date is None and undated.background is background


def test_a_month_three_months_back_is_history_and_last_month_is_not():
    pub = dt.date(2016, 9, 12)
    assert is_background(dt.date(2016, 4, 1), "month", pub) and is_background(dt.date(2016, 6, 1), "day", pub)
    assert not is_background(dt.date(2016, 8, 1), "month", pub) and not is_background(dt.date(2016, 7, 1), "month", pub)


# --- tenth session (issue 17, time of events): own sentences, two wordings per rule

@pytest.mark.parametrize("text,lemma,date", [
    ("Police arrested dozens of activists in July and August 2019.", "arrest", "2019-07-01"),
    ("Rebels attacked army posts between March and April 2019, the army said.", "attack", "2019-03-01"),
])
def test_coordinated_months_share_the_year_of_the_last(nlp, text, lemma, date):
    when = _time_of(nlp, text, lemma, PUB)
    assert (when.date, when.precision, when.background) == (date, "month", True)


def test_coordinated_days_and_months_read_by_the_resolver():
    pub = dt.date(2021, 8, 14)
    assert resolve_time("in July and August 2024", pub) == (dt.date(2024, 7, 1), "month")
    assert resolve_time("June 3 and July 5, 2019", pub) == (dt.date(2019, 6, 3), "day")
    assert resolve_time("July 2023 and August 2024", pub)[0].year == 2023  # a month with its own year keeps it


@pytest.mark.parametrize("text,lemma,date", [
    ("Workers announced a 23 March walkout against the government.", "walkout", "2022-03-23"),
    ("Nurses are being balloted about a planned 2 February strike over the pay freeze.", "strike", "2022-02-02"),
])
def test_a_day_in_a_noun_phrase_of_an_act_ahead_is_the_next_one(nlp, text, lemma, date):
    when = _time_of(nlp, text, lemma, "2021-12-20")
    assert (when.date, when.background, when.ahead) == (date, False, True)


def test_a_day_of_an_act_noun_in_a_past_clause_stays_the_last_one(nlp):
    when = _time_of(nlp, "The leaders quarrelled at the 23 March summit in Brussels.", "summit", "2021-12-20")
    assert when.date == "2021-03-23" and not when.ahead


@pytest.mark.parametrize("text,lemma,date,precision", [
    ("The two presidents will hold talks next week.", "talk", "2021-08-16", "week"),
    ("Government troops will launch an offensive on the town next month.", "offensive", "2021-09-01", "month"),
    ("The envoy holds talks with rebel leaders on 2 September.", "talk", "2021-09-02", "day"),
])
def test_next_week_and_next_month_are_not_the_article_day(nlp, text, lemma, date, precision):
    when = _time_of(nlp, text, lemma, PUB)
    assert (when.date, when.precision, when.background, when.ahead) == (date, precision, False, True)


def test_a_past_act_is_not_dated_by_the_next_week_of_a_noun(nlp):
    when = _time_of(nlp, "The chancellor met the prime minister ahead of her visit to Moscow next week.", "meet", PUB)
    assert when.date == PUB and not when.ahead
    assert resolve_time("this week", dt.date(2021, 8, 14)) == (dt.date(2021, 8, 9), "week")


def test_an_act_dated_after_the_article_is_hypothetical(pipeline):
    r = pipeline.process_text("The envoy holds talks with rebel leaders on 2 September.", published=PUB)
    talks = [e for e in r.events if r.text[e.trigger[0]:e.trigger[1]] == "talks"]
    assert talks and all(e.hypothetical and e.date == "2021-09-02" for e in talks)
    r = pipeline.process_text("The envoy held talks with rebel leaders on 2 August.", published=PUB)
    talks = [e for e in r.events if r.text[e.trigger[0]:e.trigger[1]] == "talks"]
    assert talks and not any(e.hypothetical for e in talks)


@pytest.mark.parametrize("text,lemma", [
    ("The journalist remains in detention.", "detention"),
    ("The opposition leader is still under house arrest.", "arrest"),
])
def test_an_ongoing_state_is_not_a_new_act_of_the_article_day(nlp, text, lemma):
    when = _time_of(nlp, text, lemma, PUB)
    assert (when.date, when.precision, when.background) == (None, None, False)


def test_an_ongoing_state_with_a_time_of_its_own_keeps_it(nlp):
    when = _time_of(nlp, "The journalist has remained in detention since 2019.", "detention", PUB)
    assert when.date == "2019-01-01" and when.background


@pytest.mark.parametrize("text,lemma,date", [
    ("The European Union imposed an arms embargo on China after the Tiananmen Square massacre.", "impose", "1989-01-01"),
    ("Protesters have rallied outside the embassy every week since the Arab Spring.", "rally", "2011-01-01"),
    ("China's crackdown on students in Tiananmen Square drew sanctions from Washington.", "crackdown", "1989-01-01"),
])
def test_a_named_past_event_dates_its_act_and_acts_set_after_it(nlp, text, lemma, date):
    when = _time_of(nlp, text, lemma, PUB)
    assert (when.date, when.precision, when.background) == (date, "year", True)


def test_a_named_past_event_does_not_date_other_acts_or_a_place(nlp):
    text = "Police arrested activists ahead of the anniversary of the Tiananmen crackdown."
    assert _time_of(nlp, text, "arrest", PUB).date == PUB
    assert _time_of(nlp, "Police detained protesters in Tiananmen Square on Monday.", "detain", PUB).date == "2021-08-09"
    # an article older than the event cannot name it: "the invasion of Iraq" of 1987 is another one
    assert _time_of(nlp, "Relations soured after the invasion of Iraq by foreign troops.", "invasion", "1987-03-01").date \
        == "1987-03-01"
    assert _time_of(nlp, "Relations soured after the invasion of Iraq by foreign troops.", "invasion", PUB).date \
        == "2003-01-01"


@pytest.mark.parametrize("text,lemma,date", [
    ("Kenya expelled two foreign journalists on Monday after a court ruled their visas invalid.", "expel", "2026-11-02"),
    ("The ministry recalled its ambassador on Tuesday after a row over fishing rights.", "recall", "2026-11-03"),
])
def test_a_weekday_before_an_after_clause_dates_the_main_act(nlp, text, lemma, date):
    assert _time_of(nlp, text, lemma, "2026-11-04").date == date


def test_the_act_of_the_after_clause_is_not_dated_by_the_main_clause_day(nlp):
    when = _time_of(nlp, "The bloc expelled the country on Tuesday after the army seized power.", "seize", "2026-11-04")
    assert when.date != "2026-11-03"


@pytest.mark.parametrize("text,lemma,date", [
    ("The minister will raise the dispute when he meets the envoy on Friday.", "meet", "2021-08-20"),
    ("Officials said their main demand when the delegation arrives for talks on Thursday would be a ceasefire.",
     "talk", "2021-08-19"),
])
def test_a_present_time_clause_of_a_future_names_the_next_day(nlp, text, lemma, date):
    when = _time_of(nlp, text, lemma, PUB)
    assert when.date == date and when.ahead


def test_a_present_time_clause_of_a_past_keeps_the_last_day(nlp):
    when = _time_of(nlp, "Police say the men fled when officers arrive at the scene on Friday.", "flee", PUB)
    assert when.date != "2021-08-20"



def test_a_named_past_event_is_matched_as_a_whole_name(nlp):
    from eventwatch.events.dates import known_history

    doc = nlp("The minister resigned 11 days after the vote, and 7 officials were sacked on 9 September.")
    assert known_history(doc, dt.date(2021, 8, 14)) == []  # "11" or "7" alone is no 9/11 nor 7/7
    doc = nlp("Security laws were tightened after the 9/11 attacks and again after the 7/7 bombings.")
    assert [s.text for s in known_history(doc, dt.date(2021, 8, 14))] == ["9/11", "7/7"]


@pytest.mark.parametrize("text,lemma,date", [
    ("Three policemen were killed when their patrol hit a landmine near the border on Monday.", "kill", "2026-11-02"),
    ("The opposition walked out when the speaker suspended the debate on Tuesday.", "walk", "2026-11-03"),
])
def test_a_past_when_clause_tells_the_moment_of_its_main_clause(nlp, text, lemma, date):
    assert _time_of(nlp, text, lemma, "2026-11-04").date == date


@pytest.mark.parametrize("sentence, trigger, date, precision", [
    # a governing verb's own time weeks back: the clause's "next week" was counted from then (REVIEW13 #7)
    ("In an interview in May, the minister said he would travel to Kyiv next week.", "travel", "2026-05-01", "month"),
    ("Last year the Iranian foreign minister said talks with the EU would begin next week.", "talks", "2025-01-01", "year"),
    # said this week, or with no time of its own: "next week" is the article's next week
    ("On Monday the president said he would visit Brazil next week.", "visit", "2026-08-24", "week"),
    ("The Kenyan president will visit Uganda next week.", "visit", "2026-08-24", "week"),
])
def test_a_deictic_time_under_a_verb_told_weeks_ago_is_not_the_articles(pipeline, sentence, trigger, date, precision):
    r = pipeline.process_text(sentence, published="2026-08-19")
    got = [(e.date, e.date_precision) for e in r.events if r.text[e.trigger[0]:e.trigger[1]] == trigger]
    assert got == [(date, precision)], [(r.text[e.trigger[0]:e.trigger[1]], e.date) for e in r.events]
