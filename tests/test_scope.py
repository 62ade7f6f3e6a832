"""No event without a political party (events/scope.py) and the literal senses of events/literal.py, on
sentences and short articles written for these tests."""
from __future__ import annotations

from pathlib import Path

import pytest

from eventwatch.model import Document

SPORT = (
    "Chelsea crushed Arsenal 3-0 at Stamford Bridge on Saturday to go five points clear at the top of the league. "
    "The Football Association charged the Arsenal striker with misconduct after the match. "
    "Arsenal's manager accused the referee of bias after the match. "
    "The Chelsea captain praised his team-mates and thanked the fans. "
    "The striker threatened to leave the club if his wages were not raised. "
    "Police arrested two fans after the match in Karsk. "
    "Riot police fired tear gas at fans outside the stadium. "
    "Ruritanian Prime Minister Jan Novak condemned the Morvian government over the ban."
)
FILM = (
    "The film, a drama about a famous rock band, opened at cinemas on Friday. "
    "The studio released the soundtrack album a week before the premiere. "
    "The director thanked the cast and the actors praised the script at the award ceremony. "
    "Critics said the movie attacks the music industry with wit. "
    "Its star, a singer whose songs topped the charts last year, is nominated for an Oscar."
)


def process(pipeline, text: str):
    return next(pipeline.process([Document(text=text, published="2021-08-14", location="test")]))


def events_in(record, words: str):
    """(CAMEO code, trigger) of the events of the sentence that holds WORDS."""
    at = record.text.index(words)
    end = record.text.index(".", at)
    return [(e.cameo, record.text[e.trigger[0]:e.trigger[1]]) for e in record.events
            if at <= e.trigger[0] < end + 1 and e.root != "01"]


@pytest.fixture(scope="module")
def sport(pipeline):
    return process(pipeline, SPORT)


@pytest.mark.parametrize("words", [
    "The Football Association charged",   # a sport body's sanction of a player: sport, not politics
    "Arsenal's manager accused",
    "The Chelsea captain praised",
    "The striker threatened",
])
def test_sport_acts_without_a_party_are_no_events(sport, words):
    assert events_in(sport, words) == []


def test_metaphor_of_a_result_is_no_event(sport):
    assert events_in(sport, "Chelsea crushed Arsenal") == []


@pytest.mark.parametrize("words", [
    "Police arrested two fans",          # the state's acts in a sport article are events
    "Riot police fired tear gas",
    "Ruritanian Prime Minister Jan Novak condemned",
])
def test_a_party_in_a_sport_article_still_makes_an_event(sport, words):
    assert events_in(sport, words) != []


def test_an_entertainment_article_gives_no_events(pipeline):
    assert [(e.cameo, e.root) for e in process(pipeline, FILM).events if e.root != "01"] == []


def test_article_domain_from_its_vocabulary(pipeline):
    from eventwatch.events.scope import article_domain

    nlp = pipeline.nlp
    assert article_domain(nlp(SPORT)) == "sport"
    assert article_domain(nlp(FILM)) == "entertainment"
    assert article_domain(nlp("Troops loyal to the president shelled rebel positions near the capital on Monday, "
                              "and the opposition called for talks under United Nations auspices.")) is None


@pytest.mark.parametrize("text", [
    "A man stabbed his neighbour in Karsk after an argument on Sunday, residents said.",
    "The firm sued its rival over a patent.",
    "The company was forced into administration last year.",
    "The rise of the yen has hit Japan hard, forcing exporters to cut jobs.",   # circumstance, no coercer
])
def test_private_parties_alone_make_no_event(pipeline, text):
    assert [e.cameo for e in process(pipeline, text).events if e.root != "01"] == []


@pytest.mark.parametrize("text, root", [
    ("Police arrested the man in Karsk on Sunday.", "17"),
    ("A mob beat two journalists in Karsk on Sunday.", "18"),
    ("Thousands of students demonstrated in Karsk against the new law.", "14"),
    ("Thousands of villagers were forced to flee their homes after the fighting.", "17"),
    ("Morvian troops surrounded the village, forcing residents to leave.", "17"),
    ("Residents of Karsk threatened to hold a general strike unless the governor withdrew the decree.", "13"),
])
def test_a_party_or_political_violence_is_still_an_event(pipeline, text, root):
    assert root in [e.root for e in process(pipeline, text).events]


@pytest.mark.parametrize("text", [   # accidents are not attacks
    "Two Ruritanian soldiers were killed in a helicopter crash near the border on Tuesday.",
    "Three pilgrims were killed in a stampede at the shrine in Karsk, officials said.",
])
def test_accidents_are_not_attacks(pipeline, text):
    assert [e.cameo for e in process(pipeline, text).events if e.root in ("18", "19", "20")] == []


def test_threatening_to_kill_is_a_threat(pipeline):
    roots = [e.root for e in process(pipeline, "The rebels are threatening to kill the hostages in Karsk.").events]
    assert "13" in roots and not {"18", "19", "20"} & set(roots)


@pytest.mark.parametrize("text, gone", [
    ("The policy, which was attacked by the Greens, will be reviewed.", "19"),   # criticism (111), not force
    ("The opposition seized the initiative in the debate on Tuesday.", "17"),
    ("The Labour party has seized on the report, its spokesman said.", "17"),
    ("The president demonstrated his support for the army on Monday.", "14"),
    ("The government withdrew the regulations after protests by unions.", "16"),
    ("The report attacked the government over its handling of the crisis.", "19"),   # a thing does not attack
])
def test_figurative_senses_are_no_material_conflict(pipeline, text, gone):
    assert gone not in [e.root for e in process(pipeline, text).events]


@pytest.mark.parametrize("text", [
    "A series of air strikes on rebel positions near Karsk killed twenty fighters.",
    "It killed two soldiers and wounded five, the army said.",
])
def test_violence_by_an_act_or_a_pronoun_is_still_violence(pipeline, text):
    assert {"18", "19", "20"} & {e.root for e in process(pipeline, text).events}


def test_an_attacked_convoy_is_still_an_attack(pipeline):
    record = process(pipeline, "The convoy, which was attacked by rebels near Karsk, was carrying food.")
    assert "19" in [e.root for e in record.events]


def test_scope_words_are_data_with_a_header():
    from eventwatch.events.scope import load_scope

    words = load_scope()
    assert {"sport", "entertainment", "tech"} <= set(words.domains)
    assert {"GOV", "COP", "MIL"} <= words.party and "BUS" in words.private and not words.party & words.private
    head = (Path(__file__).resolve().parents[1] / "src/eventwatch/events/data/scope.tsv").read_text("utf-8").splitlines()[:3]
    assert all(line.startswith("#") for line in head) and "eventwatch" in head[0]


@pytest.mark.parametrize("text", [   # the participle names the result of the same act: one event
    "Rebels attacked a Morvian army convoy near Karsk, killing two soldiers.",
    "Armed men opened fire on a police station in Karsk, wounding three officers.",
])
def test_the_result_of_an_attack_is_the_same_event(pipeline, text):
    assert len([e for e in process(pipeline, text).events if e.root in ("18", "19", "20")]) == 1


@pytest.mark.parametrize("text, code", [   # a killing by an act of force is coded as that act
    ("Morvian airstrikes killed more than twenty militants near Karsk this week.", "195"),
    ("The operation killed 139 insurgents near Karsk, officials said.", "190"),
])
def test_a_killing_by_an_act_of_force_is_that_act(pipeline, text, code):
    assert code in [e.cameo for e in process(pipeline, text).events]


# An arrest or detention is the state's act whoever is arrested: in a sport (or film, or technology) article it stays
# an event even with no police named (scope.tsv "stateact"); a governing body's charge stays no event.
SPORT_ARRESTS = (
    "United beat City 2-1 in the cup final on Sunday, with a late goal from their striker deciding the match. "
    "The Brazilian winger Carlos Mendes was arrested at his home on Monday morning after a brawl outside a nightclub. "
    "Two Scottish supporters of the club were detained overnight for throwing bottles at the team coach. "
    "The league charged the goalkeeper with misconduct after the final whistle. "
    "The coach said the players would train on Tuesday before the next league game."
)


@pytest.fixture(scope="module")
def sport_arrests(pipeline):
    return process(pipeline, SPORT_ARRESTS)


def test_the_article_is_a_sport_article(pipeline):
    from eventwatch.events.scope import article_domain
    assert article_domain(pipeline.nlp(SPORT_ARRESTS)) == "sport"


@pytest.mark.parametrize("words", ["Carlos Mendes was arrested", "Two Scottish supporters of the club were detained"])
def test_an_arrest_in_a_sport_article_stays_an_event(sport_arrests, words):
    assert ("173", words.split()[-1]) in events_in(sport_arrests, words)


def test_a_governing_body_charge_in_a_sport_article_is_still_no_event(sport_arrests):
    assert events_in(sport_arrests, "The league charged") == []
