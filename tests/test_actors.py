"""Actor stage: recognition, resolution, roles and codes on the seed and on sentences written here."""
from __future__ import annotations

import pytest

from eventwatch.model import Document
from actor_helpers import actor_at


def by_id(record, aid):
    return next((a for a in record.actors if a.id == aid), None)


def mention_texts(record, actor):
    return [record.text[s:e] for s, e in actor.mentions]


@pytest.fixture(scope="module")
def run(pipeline):
    def _run(text, date="2021-08-14", **meta):
        return next(pipeline.process([Document(text=text, published=date, location="test", **meta)]))

    return _run


# ---- the seed (acceptance of issue 3)

def test_seed_igos_and_countries(seed_record):
    nato, un = by_id(seed_record, "NATO"), by_id(seed_record, "UN")
    assert nato and "IGO" in nato.sector and nato.code.startswith("IGO") and nato.kind == "organization"
    assert un and "IGO" in un.sector and un.code == "IGOUNO"
    gbr, afg = by_id(seed_record, "country:GBR"), by_id(seed_record, "country:AFG")
    assert gbr and gbr.country == "GBR" and gbr.kind == "country" and "Britain" in mention_texts(seed_record, gbr)
    assert afg and afg.country == "AFG"


def test_seed_taliban_insurgents_before_the_fall_of_kabul(seed_record):
    tal = by_id(seed_record, "group:taliban")
    assert tal.country == "AFG"
    assert {"INS", "REB"} & set(tal.sector) and tal.code.startswith("AFG") and tal.code[3:6] in ("INS", "REB")
    assert len(tal.mentions) >= 10


def test_seed_afghan_government(seed_record):
    gov = by_id(seed_record, "AFG-GOV")
    assert gov and gov.code == "AFGGOV" and gov.country == "AFG"
    assert any("Afghan government" in t for t in mention_texts(seed_record, gov))


def test_seed_stoltenberg(seed_record):
    a = by_id(seed_record, "person:jens-stoltenberg")
    assert a.kind == "person" and a.role == "Secretary-General" and a.affiliation == "NATO"
    assert a.code == "IGOWSTNAT"
    texts = mention_texts(seed_record, a)
    assert "Jens Stoltenberg" in texts and "Stoltenberg" in texts  # the short form spaCy tags ORG


def test_seed_guterres_and_johnson(seed_record):
    g = by_id(seed_record, "person:antonio-guterres")
    assert g.affiliation == "UN" and g.role == "Secretary-General" and g.code == "IGOUNO"
    j = by_id(seed_record, "person:boris-johnson")
    assert j.country == "GBR" and "GOV" in j.sector and j.code == "GBRGOV" and j.role == "Prime Minister"
    # "British Prime Minister also expressed concern": the office holder on 2021-08-14
    assert actor_at(seed_record, "British Prime Minister also").id == j.id


def test_seed_taliban_spokesman(seed_record):
    m = by_id(seed_record, "person:zabihullah-mujahid")
    assert m.affiliation == "group:taliban" and m.country == "AFG" and m.role == "Spokesman"


def test_seed_ghani_and_saleh_government(seed_record):
    ghani, saleh = by_id(seed_record, "person:ashraf-ghani"), by_id(seed_record, "person:amrullah-saleh")
    assert ghani.code == "AFGGOV" and ghani.role == "President"
    assert "Ghani" in mention_texts(seed_record, ghani)  # "President Ghani" later on
    assert saleh.country == "AFG" and "GOV" in saleh.sector  # "his first deputy" -> Ghani's government


def test_seed_noor_and_dostum_opposition(seed_record):
    for aid in ("person:atta-mohammad-noor", "person:abdul-rashid-dostum"):
        a = by_id(seed_record, aid)
        assert a.country == "AFG" and ("OPP" in a.sector or "MIL" in a.sector) and "GOV" not in a.sector
    dostum = by_id(seed_record, "person:abdul-rashid-dostum")
    texts = mention_texts(seed_record, dostum)
    assert any("Marshall Dostum" in t for t in texts) and any("Marshal Dostum" in t for t in texts)
    assert len(dostum.mentions) == 4


def test_seed_places_are_not_actors(seed_record):
    for a in seed_record.actors:
        for t in mention_texts(seed_record, a):
            assert t not in ("Balkh", "Lashkargah", "KABUL", "Kabul", "Kandahar", "New York", "London"), (a.id, t)
    assert all(not a.name.upper() == "KABUL" for a in seed_record.actors)


def test_seed_unnamed_office_holders(seed_record):
    gov = actor_at(seed_record, "governor of Balkh")
    assert gov.kind == "person" and gov.country == "AFG" and gov.code == "AFGGOV" and gov.role == "Governor"
    cmd = actor_at(seed_record, "commander of the Shaheen")
    assert cmd.country == "AFG" and "MIL" in cmd.sector and cmd.role == "Commander"


def test_seed_mentions_are_offsets_into_text(seed_record):
    for a in seed_record.actors:
        for s, e in a.mentions:
            assert 0 <= s < e <= len(seed_record.text)
            assert seed_record.text[s:e].strip() == seed_record.text[s:e]


def test_seed_records_validate_against_contract(seed_record):
    import json
    from pathlib import Path

    jsonschema = pytest.importorskip("jsonschema")
    root = Path(__file__).resolve().parents[1]
    found = [p / "contract" / "output.schema.json" for p in (root.parent / "shared", root.parent.parent / "shared")]
    found = [p for p in found if p.exists()]
    if not found:
        pytest.skip("the shared contract is not present")
    jsonschema.validate(seed_record.to_dict(), json.loads(found[0].read_text()))


# ---- sentences written for these tests

def test_dated_roles_follow_publication_date(run):
    text = "The Taliban said on Tuesday that they would form an inclusive government."
    before, after = run(text, "2021-06-01"), run(text, "2022-06-01")
    assert by_id(before, "group:taliban").code == "AFGINSTAL"
    assert by_id(after, "group:taliban").code == "AFGGOV"
    pm = "The British Prime Minister visited Kyiv."
    assert actor_at(run(pm, "2017-03-01"), "British Prime Minister").id == "person:theresa-may"
    assert actor_at(run(pm, "2023-03-01"), "British Prime Minister").id == "person:rishi-sunak"


def test_titles_apposition_and_short_forms(run):
    r = run("Kenyan Foreign Minister Wanjiru Kamau met reporters in Nairobi. Kamau said the talks went well. "
            "Peter Odhiambo, a spokesman for the African Union, declined to comment.")
    k = actor_at(r, "Wanjiru Kamau")
    assert k.kind == "person" and k.country == "KEN" and k.code == "KENGOV" and k.role == "Foreign Minister"
    assert "Kamau" in mention_texts(r, k)
    o = actor_at(r, "Peter Odhiambo")
    assert o.affiliation == "AU" and o.role == "Spokesman" and "IGO" in o.sector
    assert actor_at(r, "Nairobi") is None


def test_generic_agents_get_country_and_sector(run):
    r = run("Nigerian troops clashed with Boko Haram fighters near Maiduguri, and Chadian police arrested two suspects.")
    assert actor_at(r, "Nigerian troops").id == "NGA-MIL"
    assert actor_at(r, "Chadian police").code == "TCDCOP"
    bh = by_id(r, "group:boko-haram")
    assert bh.country == "NGA" and "REB" in bh.sector
    assert actor_at(r, "Maiduguri") is None


def test_capital_as_government(run):
    r = run("Moscow rejected the proposal, while talks in Geneva continued.", "2019-01-01")
    assert actor_at(r, "Moscow").id == "country:RUS"
    assert actor_at(r, "Geneva") is None


def test_lowercase_words_are_not_acronym_actors(run):
    r = run("Let us see who is right, he told us.")
    assert not any(a.id in ("country:USA", "WHO", "group:islamic-state") for a in r.actors)


def test_same_person_same_id_across_documents(run):
    a = run("NATO Secretary-General Jens Stoltenberg warned Moscow on Monday.", "2019-05-01")
    b = run("Stoltenberg, who leads the alliance, met Norwegian officials in Oslo.", "2019-06-01")
    ida = actor_at(a, "Jens Stoltenberg").id
    idb = actor_at(b, "Stoltenberg").id
    assert ida == idb == "person:jens-stoltenberg"
    assert actor_at(a, "NATO").id == "NATO"


def test_unknown_person_ids_are_stable(run):
    a = run("Opposition leader Miriam Tadesse called for new elections.")
    b = run("Miriam Tadesse, the opposition leader, said she would run again.")
    assert actor_at(a, "Miriam Tadesse").id == actor_at(b, "Miriam Tadesse").id == "person:miriam-tadesse"


def test_pronoun_helper(run, nlp):
    from eventwatch.actors import pronoun_map, resolve_pronoun

    r = run("Afghan President Mohammad Ashraf Ghani spoke to reporters. He said the army would fight on.", "2021-07-01")
    doc = nlp(r.text)
    he = next(t for t in doc if t.text == "He")
    assert resolve_pronoun(doc, r, he) == "person:ashraf-ghani"
    assert pronoun_map(doc, r)[(he.idx, he.idx + 2)] == "person:ashraf-ghani"
    assert all(r.text[s:e] != "He" for a in r.actors for s, e in a.mentions)  # not in mentions


# ---- the dictionary

def test_dictionary_files_have_provenance():
    from pathlib import Path

    import eventwatch.actors as pkg

    data = Path(pkg.__file__).parent / "data"
    files = sorted(p for p in data.iterdir() if p.suffix in (".tsv", ".jsonl", ".yaml"))
    assert len(files) >= 5
    for p in files:
        head = p.read_text("utf-8")[:3000]
        assert head.startswith("#") and ("Licence" in head or "License" in head), p.name
    phoenix = (data / "phoenix_actors.jsonl").read_text("utf-8")[:4000]
    assert "The MIT License" in phoenix and "Open Event Data" in phoenix


def test_dictionary_loads_and_selects_dated_roles():
    from eventwatch.actors.dictionary import load_dictionary
    from eventwatch.actors.resolution import pick_role

    d = load_dictionary()
    stoltenberg = d.lookup("Jens Stoltenberg")
    assert stoltenberg.id == "person:jens-stoltenberg"
    assert pick_role(stoltenberg, "2012-01-01").code == "NORGOV"
    assert pick_role(stoltenberg, "2020-01-01").code == "IGOWSTNAT"
    assert d.lookup("al-Qaeda").id == d.lookup("Al Qaida").id == "group:al-qaeda"
    assert d.lookup("Kabul") is None and d.lookup("Balkh") is None


def test_user_actor_file_yaml_and_csv(tmp_path, nlp):
    from eventwatch.actors import find_actors
    from eventwatch.actors.dictionary import build
    from eventwatch.model import Record

    y = tmp_path / "mine.yaml"
    y.write_text("- {id: org:river-watch, name: River Watch Collective, kind: organization, code: NGOENV, sector: [NGO, ENV], aliases: [RWC]}\n")
    c = tmp_path / "mine.csv"
    c.write_text("id,name,kind,aliases,country,sector,code,role,affiliation,from,to\n"
                 "person:ana-vidal,Ana Vidal,person,Vidal,CHL,GOV,CHLGOV,Interior Minister,,2020-01-01,\n")
    text = "The River Watch Collective and Vidal met in Santiago."
    rec = Record(id="t", text=text, published="2021-01-01")
    for path, aid in ((y, "org:river-watch"), (c, "person:ana-vidal")):
        actors = find_actors(nlp(text), rec, build(str(path)))
        hit = next(a for a in actors if a.id == aid)
        assert hit.code in ("NGOENV", "CHLGOV")


def test_codes():
    from eventwatch.actors.codes import compose, parse_code

    p = parse_code("AFGINSTAL")
    assert p.country == "AFG" and p.sectors[:2] == ("INS",) or p.sectors[0] == "INS"
    assert parse_code("IGOWSTNAT").country is None and "IGO" in parse_code("IGOWSTNAT").sectors
    assert parse_code("ANGREB").country == "AGO"
    assert compose("GBR", ["GOV"]) == "GBRGOV" and compose(None, ["GOV"]) is None


def test_ethnic_groups_are_not_their_namesake_country(run):
    r = run("Bosnian Serbs shelled the town while ethnic Albanians fled across the border.", "1995-06-01")
    serbs, albanians = actor_at(r, "Serbs"), actor_at(r, "Albanians")
    assert serbs.kind == "group" and serbs.country == "BIH"
    assert albanians.kind == "group" and albanians.country != "ALB"


def test_same_person_in_two_documents_is_one_actor_in_the_database(run, tmp_path):
    from eventwatch.store import Store

    a = run("UN Secretary-General Antonio Guterres urged restraint in Geneva.", "2022-03-01")
    b = run("Guterres, the UN chief, said aid must reach civilians. António Guterres spoke on Tuesday.", "2022-03-02")
    with Store(tmp_path / "t.duckdb") as store:
        store.write([a, b])
        rows = store.con.execute("SELECT id FROM actors WHERE id LIKE 'person:antonio-guterres'").fetchall()
        per_article = store.con.execute(
            "SELECT count(DISTINCT article_id) FROM actor_mentions WHERE actor_id = 'person:antonio-guterres'").fetchone()[0]
    assert len(rows) == 1 and per_article == 2


def test_titles_are_not_stripped_from_organisation_names(run):
    r = run("General Motors cut 900 jobs, and the Marshall Islands delegation walked out.")
    gm = actor_at(r, "General Motors")
    assert gm is not None and "Motors" in mention_texts(r, gm)[0] and gm.kind == "organization"
    assert actor_at(r, "Marshall Islands").country == "MHL"


def test_stance_prefix_is_not_nationality(run):
    r = run("A prominent anti-Syria journalist was wounded in Beirut.")
    j = actor_at(r, "journalist")
    assert j is None or j.country != "SYR"


def test_title_alone_joins_the_one_holder(run):
    r = run("NATO Secretary-General Jens Stoltenberg arrived in Kabul on Monday. The secretary-general said "
            "the alliance would stay. Afghan President Ashraf Ghani welcomed him, and the president thanked NATO.",
            "2019-03-01")
    s = by_id(r, "person:jens-stoltenberg")
    assert any(t.lower() == "secretary-general" for t in mention_texts(r, s))
    g = by_id(r, "person:ashraf-ghani")
    assert "president" in mention_texts(r, g) and g.code == "AFGGOV"


def test_an_unnamed_spokesman_speaks_for_the_group(run):
    r = run("A Taliban spokesman said the fighters had taken the district centre overnight.", "2019-09-01")
    s = actor_at(r, "spokesman")
    assert s.kind == "person" and s.affiliation == "group:taliban" and s.role == "Spokesman"
    assert s.country == "AFG" and s.code == "AFGINSTAL"
    assert s.id == "group:taliban/spokesman"


def test_a_generic_agent_phrase_opening_a_sentence_is_no_person(pipeline):
    # the tagger reads the capitalised first word of "Riot police" as a name
    record = pipeline.process_text("Riot police beat protesters with batons in the capital on Monday.")
    assert not [a for a in record.actors if a.kind == "person"]
    # police beating protesters: violent repression (CAMEO 175, the codebook's "police ... demonstrators")
    assert [e for e in record.events if e.cameo.startswith(("18", "175"))]


# ---- one owner of people (issue 16): the people table the actor stage leaves on the Doc

def test_actor_stage_leaves_the_people_table(pipeline, nlp):
    from eventwatch.actors import PeopleTable, people_of
    from eventwatch.model import Record

    text = "Miriam Tadesse met union leaders in Addis Ababa. She said the talks would go on."
    doc = nlp(text)
    record = Record(id="t", text=text, published="2021-08-14")
    actor_stage = next(s for s in pipeline.stages if s.name == "actors")
    actor_stage(doc, record)
    table = people_of(doc, record)
    assert isinstance(table, PeopleTable) and table.actors is record.actors
    miriam = next(t for t in doc if t.text == "Miriam")
    assert table.token_actors()[miriam.i] == "person:miriam-tadesse"
    she = next(t for t in doc if t.text == "She")
    actor, name, _ = table.referents([]).resolve(she)
    assert actor.id == "person:miriam-tadesse" and name == "Miriam Tadesse"


def test_only_the_actor_package_resolves_people():
    """Quotes and events ask the people table: they neither load the actor dictionary nor write record.actors."""
    import re
    from pathlib import Path

    import eventwatch

    root = Path(eventwatch.__file__).parent
    for path in list((root / "quotes").glob("*.py")) + list((root / "events").glob("*.py")):
        src = path.read_text("utf-8")
        assert not re.search(r"actors\.(dictionary|resolution|recognition|roles)\b", src), path.name
        assert not re.search(r"\.actors\.(append|extend|insert)\(", src), path.name


# ---- one actor, one identity: a name and its acronym (issue 18 item 3)

@pytest.mark.parametrize("text,name,short", [
    ("The Asian Development Bank (ADB) cut its forecast. Vietnam criticised the ADB's lending policies.",
     "Asian Development Bank", "ADB's"),
    ("The Open Society Institute (OSI) accused Kazakh officials of harassment. The OSI shut its office in May.",
     "Open Society Institute", "OSI shut"),
    ("The Securities and Exchange Commission has charged two bankers. The SEC said they had lied.",
     "Securities and Exchange Commission", "SEC said"),
])
def test_an_acronym_is_the_actor_it_abbreviates(run, text, name, short):
    r = run(text)
    assert actor_at(r, name) is not None
    assert actor_at(r, short) is actor_at(r, name)


@pytest.mark.parametrize("text,name,short", [
    ("The Ghanaian Border Police (GBP) detained six smugglers. The GBP said the men carried weapons.",
     "Border Police", "GBP said"),
    ("The Nigerian Drug Police (NDP) arrested ten traffickers. The NDP said the drugs came from abroad.",
     "Drug Police", "NDP said"),
])
def test_an_acronym_of_an_unnamed_body_is_that_body(run, text, name, short):
    r = run(text)
    assert actor_at(r, name) is not None
    assert actor_at(r, short) is actor_at(r, name)
    assert len([e for e in r.events if e.root == "17"]) == 1, r.events


def test_an_acronym_of_no_actor_in_the_article_stays_its_own(run):
    r = run("The Open Society Institute accused Kazakh officials of harassment. The IMF said nothing.")
    assert actor_at(r, "IMF") is not actor_at(r, "Open Society Institute")


# ---- named armies: a state's own forces or a non-state armed group (resolution.from_name)

@pytest.mark.parametrize("text, phrase", [
    ("The Zomba Liberation Army ambushed a convoy near the border on Monday.", "Zomba Liberation Army"),
    ("Fighters loyal to the Karsk Army seized two villages.", "Karsk Army"),
])
def test_a_named_army_that_is_no_states_is_an_armed_group_with_a_code(run, text, phrase):
    a = next((a for a in run(text).actors if a.name == phrase), None)
    assert a is not None and a.sector[:1] == ["REB"]
    assert a.code and a.code.endswith("REB")  # no country known: still coded, "---REB"


@pytest.mark.parametrize("text, phrase", [
    ("The Harbour Relief Army handed out blankets to homeless families in Leeds.", "Harbour Relief Army"),
    ("Thousands of fans of the Green Army sang outside the stadium in Lisbon.", "Green Army"),
])
def test_a_named_army_in_an_article_of_no_armed_acts_is_no_armed_group(run, text, phrase):
    # a charity or a supporters' club named "X Army": REB only when the article reports armed acts or armed groups
    a = next((a for a in run(text).actors if a.name == phrase), None)
    assert a is None or not ({"REB", "MIL"} & set(a.sector)), a


@pytest.mark.parametrize("text, phrase, country", [
    ("The Kenya Army deployed two battalions to the border.", "Kenya Army", "KEN"),
    ("The Afghan National Army retook the district on Monday.", "Afghan National Army", "AFG"),
])
def test_a_states_named_army_stays_its_military(run, text, phrase, country):
    a = next((a for a in run(text).actors if a.name == phrase), None)
    assert a is not None and a.country == country and a.sector[:1] == ["MIL"]


# ---- "coalition": a governing one is the government, a military one armed forces (agents_extra.tsv)

@pytest.mark.parametrize("text, phrase, sector", [
    ("The governing coalition in Nairobi pushed the budget through parliament.", "governing coalition", "GOV"),
    ("Italy's grand coalition rejected the plan on Tuesday.", "grand coalition", "GOV"),
    ("The Saudi-led coalition bombed the port of Hodeidah.", "coalition", "MIL"),
])
def test_a_coalition_takes_the_sector_its_modifier_says(run, text, phrase, sector):
    a = actor_at(run(text), phrase)
    assert a is not None and a.sector[:1] == [sector], (a and (a.id, a.sector))


@pytest.mark.parametrize("text", [
    "The Islamic State group said it carried out the attack on the checkpoint.",
    "The Islamic State group claimed the bombing in the market.",
])
def test_a_word_of_a_name_is_no_agent_noun(run, text):
    # "State" ends the name "Islamic State" (at a sentence start the tagger may not mark the name): no government
    actor = actor_at(run(text), "Islamic State group")
    assert actor is None or "GOV" not in (actor.code or ""), (actor.name, actor.code)


def test_a_state_government_stays_a_government(run):
    actor = actor_at(run("The state government arrested three activists in Lagos."), "state government")
    assert actor is not None and "GOV" in (actor.code or ""), actor
