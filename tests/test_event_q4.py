"""Material conflict (CAMEO roots 14-20) coded once and by the word that names the act, on sentences written for
these tests (issue 17: material-conflict precision). docs/annotation/events.md: the trigger is "the one word that
carries the act"; the same act mentioned twice in one sentence is one event.
"""
from __future__ import annotations

import pytest

from eventwatch.model import Document


def events(pipeline, text: str):
    record = next(pipeline.process([Document(text=text, published="2021-03-01", location="test")]))
    return [(e.cameo, record.text[e.trigger[0]:e.trigger[1]].lower(), e.hypothetical) for e in record.events]


def roots(pipeline, text: str) -> list[str]:
    return sorted(c[:2] for c, _, _ in events(pipeline, text))


@pytest.mark.parametrize("text, root", [
    # the toll of an act named by a noun: one event, of the noun's root
    ("Twelve soldiers were killed in a government air strike on an army post near Gao.", "19"),
    ("Four guards and a nurse were killed in Sunday's suicide bombing, officials said.", "18"),
    ("A wave of government air strikes killed nine fighters and destroyed two depots.", "19"),
    ("Separatists claimed the car bombings in Bilbao that killed six police officers.", "18"),
])
def test_toll_of_an_act_takes_the_act_nouns_root(pipeline, text, root):
    got = roots(pipeline, text)
    assert got and set(got) == {root}, got
    assert len(got) == len(set(e[1] for e in events(pipeline, text))), "one act, one event per dyad"


@pytest.mark.parametrize("text, root", [
    # an attack with an army's weapons, or by rebels, is military force (190), not a non-military bombing (183)
    ("A Russian missile attack killed seven people and wounded 20 in Kharkiv.", "190"),
    ("Five soldiers were killed in a rebel attack on a base in Borno.", "190"),
    ("Three farmers were killed in a mortar attack on a village near Kidal.", "190"),
    # a bombing keeps 183
    ("Six police officers were killed in a bomb attack in Diyarbakir.", "183"),
])
def test_the_toll_of_an_attack_takes_the_code_of_its_weapon(pipeline, text, root):
    got = [c for c, t, _ in events(pipeline, text) if t == "killed"]
    assert got and all(c[:3] == root for c in got), got


def test_a_verb_with_its_own_agent_keeps_its_reading(pipeline):
    got = events(pipeline, "Police killed two suspects in a raid on a farm near Nakuru.")
    assert any(t == "killed" for _, t, _ in got), got


@pytest.mark.parametrize("text, word", [
    # an act of force named only as an aim (a purpose clause, a noun of resolve or effort) is not reported as done
    ("The government deployed troops in order to force the rebels to negotiate.", "force"),
    ("The alliance has shown great determination to defeat the insurgents in the north.", "defeat"),
    ("The ministers stressed the need for unity in defeating the rebels.", "defeating"),
    ("To defeat the rebels, the army will need help from local militias.", "defeat"),
])
def test_an_aim_of_force_is_no_event(pipeline, text, word):
    assert word not in {t for _, t, _ in events(pipeline, text)}


def test_the_act_done_for_an_aim_stays(pipeline):
    got = events(pipeline, "Rebels attacked the town in a bid to seize its airport.")
    assert [t for _, t, _ in got] == ["attacked"], got


def test_the_need_to_attack_is_no_act_of_force(pipeline):
    got = events(pipeline, "The generals stressed the need to attack the rebel bases before the rains.")
    assert not [c for c, t, h in got if t == "attack" and c[:2] in ("18", "19") and not h], got


def test_an_act_done_before_an_aim_of_effort_is_kept(pipeline):
    got = events(pipeline, "The army killed 20 militants in a bid to retake the town.")
    assert any(t == "killed" and c[:2] in ("18", "19") for c, t, _ in got), got


@pytest.mark.parametrize("text, word, roots", [
    # praised the cooperation IN doing it: the act was done (a noun of joint action names an aim only with "to")
    ("Washington praised Pakistan's cooperation in arresting the al-Qaeda suspects in Karachi.", "arresting", ("17",)),
    ("The Iraqi army praised US coordination in bombing Islamic State positions near Mosul.", "bombing", ("18", "19")),
    ("Kenya praised Somalia's cooperation in capturing five al-Shabaab gunmen near Kismayo.", "capturing",
     ("17", "19")),
])
def test_an_act_in_a_gerund_of_cooperation_is_reported(pipeline, text, word, roots):
    got = events(pipeline, text)
    assert any(t == word and c[:2] in roots and not h for c, t, h in got), got


@pytest.mark.parametrize("text", [
    "The minister must demonstrate why the merger creates value for taxpayers.",
    "The senator said the vote would demonstrate to Iran that there are consequences.",
])
def test_demonstrate_with_a_clause_shows_and_is_no_protest(pipeline, text):
    assert not [c for c, _, _ in events(pipeline, text) if c.startswith("14")]


def test_a_demonstration_stays_a_protest(pipeline):
    got = events(pipeline, "Thousands of students demonstrated in the capital against the new fees.")
    assert [c[:2] for c, _, _ in got] == ["14"], got


def test_a_private_persons_rampage_is_ordinary_crime(pipeline):
    text = "John Miller, 41, went on a rampage at a care home on Sunday, killing four residents and a nurse."
    assert not [c for c, _, _ in events(pipeline, text) if c[:2] in ("18", "19", "20")]


def test_a_private_person_shooting_an_official_stays(pipeline):
    got = events(pipeline, "John Miller, 41, shot the mayor of Springfield outside the town hall.")
    assert [c[:2] for c, _, _ in got] == ["18"], got  # shooting a person: an assault (18), not combat (19)


@pytest.mark.parametrize("text", [
    # a private person's violence is political when the set-off description names them a militant or a member of
    # an armed group, or when the victims are attacked as a religious group
    "Ali Hassan, who had joined the Islamic State, killed four shoppers at a market in Kabul.",
    "Jan Novak, a far-right extremist, killed 12 people at a youth camp near Oslo.",
    "Omar Farouk stabbed two Jewish worshippers outside a synagogue in Paris on Monday.",
])
def test_politically_motivated_violence_by_a_private_person_is_an_event(pipeline, text):
    assert [c for c, _, _ in events(pipeline, text) if c[:2] in ("18", "19", "20")], events(pipeline, text)


@pytest.mark.parametrize("text", [
    "John Smith, 45, went on a rampage, killing four residents in Leeds.",
    "Peter Brown, a retired teacher, shot three neighbours in Leeds.",
])
def test_ordinary_crime_by_a_private_person_stays_out_of_scope(pipeline, text):
    assert not [c for c, _, _ in events(pipeline, text) if c[:2] in ("18", "19", "20")], events(pipeline, text)



@pytest.mark.parametrize("text, code", [
    # shooting a person is an assault on that person (CAMEO 18), to death 1823 (the guide: killing a person by a
    # party = 1823/186); not small-arms combat between forces (193)
    ("Gunmen shot dead a judge outside the court in Peshawar.", "1823"),
    ("Rebels gunned down a village chief near Goma.", "1823"),
    ("Police shot dead two suspects in Lagos on Friday.", "18"),
    ("A police officer was shot in the leg during the raid in Chicago.", "18"),
])
def test_shooting_a_person_is_an_assault_not_combat(pipeline, text, code):
    got = [c for c, t, _ in events(pipeline, text) if t in ("shot", "gunned")]
    assert got and all(c.startswith(code) for c in got), got


def test_an_aircraft_shot_down_stays_combat(pipeline):
    got = [c for c, t, _ in events(pipeline, "Soldiers shot down a drone over the border with Ruritania.") if t == "shot"]
    assert got and all(c[:2] == "19" for c in got), got


@pytest.mark.parametrize("text", [
    "Poland expelled five Russian diplomats on Friday.",
    "Kenya announced the expulsion of two Sudanese diplomats.",
])
def test_expelling_diplomats_reduces_relations(pipeline, text):
    # the CAMEO codebook: expulsion of diplomats is 161 (its notes to 166 and 174)
    got = [c for c, t, _ in events(pipeline, text) if t.startswith(("expel", "expul"))]
    assert got and all(c == "161" for c in got), got


@pytest.mark.parametrize("text", [
    "Firefighters battled the blaze for six hours.",
    "Crews spent the night fighting two fires in Kenora.",
])
def test_fighting_a_fire_is_no_violence(pipeline, text):
    assert not [c for c, _, _ in events(pipeline, text) if c[:2] in ("18", "19", "20")]


def test_opening_fire_stays_small_arms_fire(pipeline):
    got = events(pipeline, "Armed men opened fire on a police station in Karak, wounding two officers.")
    assert [c for c, _, _ in got if c[:2] == "19"], got


@pytest.mark.parametrize("text", [
    "What is the benefit of forcing a woman to have a baby?",
    "She spoke against forcing universities to raise their fees.",
])
def test_forcing_named_as_an_idea_is_no_coercion(pipeline, text):
    assert not [c for c, _, _ in events(pipeline, text) if c[:2] == "17"]


def test_forcing_people_out_stays_coercion(pipeline):
    got = events(pipeline, "The army forced villagers to leave their homes.")
    assert [c for c, _, _ in got if c[:2] == "17"], got
