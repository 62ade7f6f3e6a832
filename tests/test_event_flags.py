"""Flags of an event (docs/annotation/events.md §4) and the time of background acts: sentences written for these
tests, one or more per class of construction (issue 17: planned and threatened acts are hypothetical, past acts
named as background are events with their own time)."""
from __future__ import annotations

import pytest

from eventwatch.eval.event_set import flag_scores

PUB = "2021-08-14"


def events_at(pipeline, sentence: str, trigger: str):
    r = pipeline.process_text(sentence, published=PUB)
    found = [e for e in r.events if r.text[e.trigger[0]:e.trigger[1]] == trigger]
    assert found, [(e.cameo, r.text[e.trigger[0]:e.trigger[1]]) for e in r.events]
    return found


# (sentence, trigger, hypothetical): future, planned, expected and possible acts are flagged; an act the coder
# already reads as an intent ("said they would back": 03) and plain past acts are not
HYPOTHETICAL = [
    ("The opposition party will urge the government to free the prisoners.", "urge", True),     # future, not an intent code
    ("Talks between the two governments will take place next week.", "Talks", True),          # act noun, subject of "take place"
    ("The foreign minister will travel to Baghdad and hold talks with Iraqi officials.", "talks", True),  # shared "will"
    ("The possible strike by teachers worries the government.", "strike", True),               # prospective modifier
    ("The army could attack the rebels.", "attack", True),                                     # modal
    ("The envoy will travel to Ruritania to discuss the ceasefire with rebel leaders.", "travel", True),  # visit (its
    # purpose, the same act, is no second event: frames.tsv 'compose future 04 =')
    ("We need to talk to the rebels.", "talk", True),                                          # called-for act
    ("The minister suggested talks with the rebels.", "talks", True),                          # proposed act
    ("The government will seek new sanctions against Ruritania.", "seek", False),              # the intent is the act
    ("Union leaders said they would back the government.", "back", False),                     # reported future read as intent
    ("Police arrested the opposition leader.", "arrested", False),
]


@pytest.mark.parametrize("sentence,trigger,hypothetical", HYPOTHETICAL)
def test_planned_expected_and_possible_acts_are_hypothetical(pipeline, sentence, trigger, hypothetical):
    assert {e.hypothetical for e in events_at(pipeline, sentence, trigger)} == {hypothetical}


NEGATED = [
    ("The rebels denied attacking the army convoy.", "attacking", True),   # denial governs the act
    ("The army denied that soldiers had shelled the village.", "shelled", True),
    ("Police never arrested the suspects.", "arrested", True),
    ("Police did not arrest the protesters.", "arrest", True),
    ("The rebels attacked the army convoy.", "attacked", False),
    # an act that is cancelled or postponed did not happen (§4); cancelling is itself an act, not negated
    ("The foreign minister's visit to Kenya was cancelled after the riots.", "visit", True),
    ("Talks between the two governments were postponed until the spring.", "Talks", True),
    ("The meeting between the two presidents was called off.", "meeting", True),
    ("The governor cancelled the ban on opposition rallies.", "cancelled", False),
    # the doer is no one: the act did not happen
    ("No armed group claimed responsibility for the raid on the army base.", "claimed", True),
    ("No group claimed responsibility for the attack on the police station.", "attack", False),  # it happened
    ("Neither army shelled the villages during the truce.", "shelled", True),
    ("An armed group claimed responsibility for the raid on the army base.", "claimed", False),
]


@pytest.mark.parametrize("sentence,trigger,negated", NEGATED)
def test_denied_and_negated_acts(pipeline, sentence, trigger, negated):
    assert {e.negated for e in events_at(pipeline, sentence, trigger)} == {negated}


# (sentence, trigger, background, date): history gets its own time or none, never the article's day
BACKGROUND = [
    ("The rebels have attacked army posts in the past.", "attacked", True, None),
    ("The rebels have attacked army posts over three decades.", "attacked", True, None),
    ("The general was previously convicted by a military court.", "convicted", True, None),
    ("The union has been fighting the government for years.", "fighting", True, None),
    ("The court jailed the rebel commander for 18 years.", "jailed", False, PUB),               # a length, not a time
    ("The dissident was originally detained by the army.", "detained", True, None),
    ("Back then, police arrested hundreds of students in the capital.", "arrested", True, None),  # adverb phrase
    ("The chancellor met the Ruritanian president on his first visit since the war.", "met", False, PUB),  # the visit's time
    ("Ruritanian troops have detained 400 civilians during the war, the UN said.", "detained", False, PUB),  # a war of today
    ("Police arrested the opposition leader last year.", "arrested", True, "2020-01-01"),
    ("The rebels seized the town in 2003.", "seized", True, "2003-01-01"),
    ("The minister met the Ruritanian envoy in July.", "met", False, "2021-07-01"),   # the story's own recent past
    ("The minister met the Ruritanian envoy in January.", "met", True, "2021-01-01"),  # half a year before
    ("The minister met the Ruritanian envoy in December 2019.", "met", True, "2019-12-01"),
]


@pytest.mark.parametrize("sentence,trigger,background,date", BACKGROUND)
def test_background_acts_get_their_own_time(pipeline, sentence, trigger, background, date):
    assert {(e.background, e.date) for e in events_at(pipeline, sentence, trigger)} == {(background, date)}


def test_a_future_day_of_a_coordinated_clause_is_the_next_one(pipeline):
    evs = events_at(pipeline, "The foreign minister will travel to Baghdad on 16 March and hold talks with Iraqi officials.",
                    "talks")
    assert {(e.date, e.background) for e in evs} == {("2022-03-16", False)}


def test_flag_scores_count_matched_events():
    gold = [{"hypothetical": True, "negated": False, "background": False},
            {"hypothetical": False, "negated": False, "background": True},
            {"hypothetical": False, "negated": True, "background": False}]
    pred = [{"hypothetical": True, "negated": False, "background": False, "date": PUB, "article_date": PUB},
            {"hypothetical": True, "negated": False, "background": False, "date": PUB, "article_date": PUB},
            {"hypothetical": False, "negated": False, "background": False, "date": None, "article_date": PUB}]
    f = flag_scores(list(zip(gold, pred)))
    assert (f["h"]["tp"], f["h"]["predicted"], f["h"]["gold"]) == (1, 2, 1)
    assert f["h"]["precision"] == 0.5 and f["h"]["recall"] == 1.0
    assert (f["n"]["tp"], f["n"]["gold"]) == (0, 1) and f["b"]["recall"] == 0.0
    assert f["b_today"] == {"today": 1, "dated": 1, "undated": 0, "in_undated_articles": 0, "share": 1.0}


def test_background_in_an_undated_article_is_counted_apart_not_as_dated():
    gold = [{"background": True}] * 4
    pred = [{"background": False, "date": PUB, "article_date": PUB},            # history dated as today's news
            {"background": True, "date": "2019-01-01", "article_date": PUB},
            {"background": True, "date": None, "article_date": PUB},            # history with no time of its own
            {"background": True, "date": "2019-01-01", "article_date": None}]   # an undated article: no "today"
    assert flag_scores(list(zip(gold, pred)))["b_today"] == {
        "today": 1, "dated": 2, "undated": 1, "in_undated_articles": 1, "share": 0.5}


def test_a_time_counted_from_another_event_is_not_the_articles_day(pipeline):
    for sentence in ("A month later, the army arrested the rebel commander.",
                     "The army arrested the rebel commander two days before the election."):
        assert {e.date for e in events_at(pipeline, sentence, "arrested")} == {None}
    evs = events_at(pipeline, "Police arrested three protesters earlier this week.", "arrested")
    assert all(e.date is not None for e in evs)


def test_history_told_by_the_reporting_verb(pipeline):
    evs = events_at(pipeline, "The minister has said in the past that he will not negotiate with the rebels.", "negotiate")
    assert {(e.background, e.date) for e in evs} == {(True, None)}


def test_a_weekday_of_a_future_clause_is_the_next_one(pipeline):
    # PUB is a Saturday: "will visit on Friday" is six days later, not the day before
    evs = events_at(pipeline, "The foreign minister will visit the Ruritanian capital on Friday.", "visit")
    assert {e.date for e in evs} == {"2021-08-20"}
    evs = events_at(pipeline, "Police arrested three protesters on Friday.", "arrested")
    assert {e.date for e in evs} == {"2021-08-13"}


def test_a_duration_phrase_of_a_future_act_is_no_history(pipeline):
    evs = events_at(pipeline, "The government will impose sanctions on Ruritania for years to come.", "impose")
    assert {(e.background, e.date) for e in evs} == {(False, PUB)}
