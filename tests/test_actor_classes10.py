"""Actor stage, tenth session (issue #18): classes of wrong actor codes, each with sentences written here."""
from __future__ import annotations

import pytest

from eventwatch.model import Document
from actor_helpers import actor_at


@pytest.fixture(scope="module")
def run(pipeline):
    def _run(text, date="2024-06-01", **meta):
        return next(pipeline.process([Document(text=text, published=date, location="test", **meta)]))

    return _run


# ---- national sport and anti-doping bodies are no government

@pytest.mark.parametrize("text, name", [
    ("The US Anti-Doping Agency banned the sprinter for four years after a failed test.", "Anti-Doping Agency"),
    ("The Chinese Anti-Doping Agency suspended two swimmers on Tuesday.", "Anti-Doping Agency"),
    ("The Kenyan Olympic Committee expelled the coach from the team.", "Olympic Committee"),
])
def test_a_national_sport_body_is_not_the_government(run, text, name):
    r = run(text)
    assert not any("GOV" in (x.code or "") for x in r.actors)
    a = actor_at(r, name)
    assert a is None or "GOV" not in (a.sector or [])


def test_a_ministry_of_sport_stays_the_government(run):
    a = actor_at(run("The Department for Culture, Media and Sport fined the broadcaster."), "Department")
    assert a is not None and "GOV" in (a.sector or [])


# ---- "X, COUNTRY's TITLE,": the possessive country gives the person the title and the country

@pytest.mark.parametrize("text, name, country", [
    ("Lai Ching-te, Taiwan's president, criticised the drills near the island.", "Lai Ching-te", "TWN"),
    ("Andrei Popescu, Romania's prime minister, rejected the budget on Friday.", "Andrei Popescu", "ROU"),
    ("Amira Haddad, Tunisia's foreign minister, condemned the raid.", "Amira Haddad", "TUN"),
])
def test_an_apposition_with_a_possessive_country_gives_its_role(run, text, name, country):
    r = run(text)
    a = actor_at(r, name)
    assert a is not None and a.kind == "person" and a.country == country and a.code == f"{country}GOV"
    assert not any(x.kind == "person" and x is not a and x.country == country for x in r.actors)


def test_a_list_of_a_name_and_a_country_is_no_role(run):
    a = actor_at(run("Andrei Popescu, Romania's best-known chess player, and his brother won."), "Andrei Popescu")
    assert a is not None and (a.code or "")[3:] != "GOV"


# ---- Reuters' <Name> brackets name a company

def test_reuters_brackets_name_a_company(run):
    r = run("Shares of <Norvik Steel Corp> fell after <Tallis Widget Holdings Ltd> said it would buy them.")
    a, b = actor_at(r, "Norvik Steel Corp"), actor_at(r, "Tallis Widget")
    assert a is not None and a.kind == "organization" and "BUS" in a.sector and a.name == "Norvik Steel Corp"
    assert b is not None and b is not a and "BUS" in b.sector
    assert all(">" not in r.text[s:e] and "<" not in r.text[s:e] for x in r.actors for s, e in x.mentions)


def test_a_stock_code_in_brackets_is_no_second_company(run):
    r = run("Regulators fined Peugeot SA <PEUP.P> on Monday.")
    assert not any("PEUP" in r.text[s:e] for x in r.actors for s, e in x.mentions)


# ---- an acronym the document defines is that body's

@pytest.mark.parametrize("text", [
    "The Federation of Small Businesses (FSB) urged ministers to cut taxes. The FSB said rates were too high.",
    "The Financial Stability Board (FSB) warned banks on Monday. Later the FSB criticised the regulators.",
])
def test_a_defined_acronym_is_not_the_dictionarys_other_body(run, text):
    r = run(text)
    last = text.rindex("FSB")
    owner = next(a for a in r.actors for s, e in a.mentions if s <= last < e)
    assert owner.name.startswith(("Federation", "Financial")) and "RUS" not in (owner.code or "")
    assert not any(a.country == "RUS" for a in r.actors)


def test_an_undefined_acronym_keeps_the_dictionarys_body(run):
    r = run("Officers of the FSB arrested a journalist in Yekaterinburg, Russian media said. The FSB accused him of spying.")
    assert any(a.country == "RUS" and "FSB" in [r.text[s:e] for s, e in a.mentions] for a in r.actors)


# ---- sports people tagged as organisations

@pytest.mark.parametrize("text, name", [
    ("Real Madrid striker Endrik Sovanto criticised the referee after the match.", "Endrik Sovanto"),
    ("Dario Kostelnik, the Hajduk manager, criticised the league's fixture list.", "Dario Kostelnik"),
    ("Kylian Mbappe criticised the French football federation. The striker said he would not play.", "Kylian Mbappe"),
])
def test_a_sports_person_is_a_person(run, text, name):
    a = actor_at(run(text), name)
    assert a is not None and a.kind == "person"


# ---- a firm is its own actor, not a business of the story's place

@pytest.mark.parametrize("text, name", [
    ("Rebels seized a tanker operated by shipping firm Morvane in the gulf, the company said.", "Morvane"),
    ("Police raided the offices of mining firm Kestrel Ore on Monday, the company said.", "Kestrel Ore"),
])
def test_the_company_refers_back_to_the_named_firm(run, text, name):
    r = run(text)
    firm = actor_at(r, name)
    assert firm is not None and firm.kind == "organization" and "BUS" in firm.sector
    assert actor_at(r, "the company") is firm


def test_a_firm_is_not_placed_by_an_act_in_a_sea(run):
    r = run("Rebels attacked a vessel operated by shipping firm Morvane in the Red Sea, the company said.")
    assert actor_at(r, "Morvane").country is None


# ---- one table of a person's relations and staff (actors/data/entourage.tsv)

def test_relation_nouns_and_speaking_roles_come_from_one_table():
    from eventwatch.actors.lexicon import entourage, relation_nouns

    roles, relations = entourage(), relation_nouns()
    assert {"driver", "son", "adviser", "spokesman"} <= relations  # every class
    assert "driver" not in roles and roles["spokesman"] == "for" and roles["lawyer"] == "own"
    assert "chief of staff" in roles and "chief of staff" not in relations  # one word a lemma
    assert set(roles.values()) == {"for", "own"}


# ---- abbreviated and local legislative titles (AP style) give the sector; "of PLACE" the country

@pytest.mark.parametrize("text, name, code", [
    ("Rep. Hal Daub of Nebraska criticised the trade bill on Tuesday.", "Hal Daub", "USALEG"),
    ("Gov. Martin Reese of Ohio vetoed the spending bill.", "Martin Reese", "USAGOV"),
    ("State Sen. Laura Whitcomb of Texas accused the agency of hiding the report.", "Laura Whitcomb", "USALEG"),
])
def test_an_abbreviated_title_and_a_place_code_the_person(run, text, name, code):
    a = actor_at(run(text), name)
    assert a is not None and a.kind == "person" and a.code == code


@pytest.mark.parametrize("text, name", [
    ("Senator Ortiz met Minister R. Bhandari in Washington on Monday.", "R. Bhandari"),
    ("The envoy received Minister T. Okonkwo in Paris on Friday.", "T. Okonkwo"),
])
def test_in_place_after_a_titled_person_is_where_he_is_not_his_country(run, text, name):
    a = actor_at(run(text), name)  # only "of PLACE" codes the person ("Rep. X of Nebraska")
    assert a is not None and a.kind == "person" and (a.code or "")[:3] not in ("USA", "FRA")


def test_a_councillor_is_local_government(run):
    a = actor_at(run("Councillor Janet Ogden criticised the police over the raid in Leeds, England."), "Janet Ogden")
    assert a is not None and a.sector[:1] == ["GOV"]


# ---- "TITLE to HOST NAME": the title is the named person's, the host is not their country

@pytest.mark.parametrize("text, name, code", [
    ("Russian ambassador to Turkey Andrei Karlov was shot dead in Ankara.", "Andrei Karlov", "RUSGOV"),
    ("The Indian ambassador to Nepal, Rakesh Menon, protested against the new map.", "Rakesh Menon", "INDGOV"),
    ("The German ambassador to Iran, Markus Potzel, was summoned over the verdict.", "Markus Potzel", "DEUGOV"),
])
def test_an_envoys_host_is_not_their_country(run, text, name, code):
    r = run(text)
    a = actor_at(r, name)
    assert a is not None and a.kind == "person" and a.code == code
    assert not any(x.kind == "person" and x is not a and x.role for x in r.actors)  # one identity, not a title apart


@pytest.mark.parametrize("text, name, role", [
    ("US Undersecretary of State Carla Menzer met British officials in London.", "Carla Menzer", "Undersecretary of State"),
    ("Assistant Secretary of State Mary Ellison criticised the junta in Niamey.", "Mary Ellison", "Assistant Secretary of State"),
])
def test_a_junior_ministers_title_is_a_government_role(run, text, name, role):
    a = actor_at(run(text), name)
    assert a is not None and a.role == role and "GOV" in a.sector


# ---- parties known by their own names; a party's officials are the party

@pytest.mark.parametrize("text, name, code", [
    ("Fidesz won a two-thirds majority, and the opposition accused it of fraud.", "Fidesz", "HUNPTY"),
    ("The Scottish National Party demanded a second referendum.", "Scottish National Party", "GBRPTY"),
    ("Kuomintang legislators walked out of the chamber in Taipei.", "Kuomintang", "TWNPTY"),
])
def test_a_party_known_by_its_own_name(run, text, name, code):
    a = actor_at(run(text), name)
    assert a is not None and a.code == code


def test_a_partys_officials_are_the_party_not_the_state(run):
    r = run("Senior United Russia officials accused the opposition of fraud in the regional vote.")
    a = actor_at(r, "officials")
    assert a is not None and a.code == "RUSPTY"
    assert not any(x.code == "RUSGOV" for x in r.actors)


def test_a_states_sports_commission_stays_the_government(run):
    a = actor_at(run("The Philippine Sports Commission suspended the boxing association's funding."), "Sports Commission")
    assert a is not None and "GOV" in (a.sector or [])
