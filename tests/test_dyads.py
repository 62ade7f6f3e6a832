"""Who did it to whom (issue 18): generic actors and arguments from every construction, on sentences of
our own written with the constructions of the issue's examples (not the examples themselves)."""
from __future__ import annotations

import pytest

from eventwatch.model import Document


def process(pipeline, text: str, published: str | None = "2021-08-14"):
    return next(pipeline.process([Document(text=text, published=published, location="test")]))


def actor(record, aid):
    return next((a for a in record.actors if a.id == aid), None)


def side(record, aid) -> tuple[str | None, str | None]:
    """(country, first sector) of an event side."""
    a = actor(record, aid)
    if a is None:
        return None, None
    return a.country, (a.sector[0] if a.sector else None)


def events(record, roots: tuple[str, ...]):
    return [e for e in record.events if e.root in roots]


@pytest.fixture(scope="module")
def police(pipeline):
    return process(pipeline, "Riot police detained 35 demonstrators in Tbilisi on Sunday.")


def test_police_arrest_protesters_both_sides_coded_from_the_clause_place(police):
    evs = events(police, ("17",))
    assert evs, police.events
    assert side(police, evs[0].source) == ("GEO", "COP")
    assert side(police, evs[0].target) == ("GEO", "OPP")


def test_event_keeps_the_words_of_its_source_and_target(police):
    e = events(police, ("17",))[0]
    assert police.text[e.source_span[0]:e.source_span[1]].lower().endswith("police")
    assert "demonstrators" in police.text[e.target_span[0]:e.target_span[1]]


def test_bomber_of_a_group_kills_recruits_has_a_target(pipeline):
    r = process(pipeline, "A suicide bomber from the insurgent group blew himself up and killed nine army cadets.")
    evs = [e for e in events(r, ("18", "19", "20")) if e.target]
    assert evs, r.events
    assert side(r, evs[0].target)[1] == "MIL"


def test_victims_died_in_a_countrys_fire_source_is_that_country(pipeline):
    r = process(pipeline, "Four villagers died in Turkish mortar fire near the border.")
    evs = events(r, ("18", "19", "20"))
    assert evs, r.events
    assert side(r, evs[0].source)[0] == "TUR"
    assert side(r, evs[0].target)[1] == "CVL"


def test_a_bombing_by_a_group_is_done_by_that_group(pipeline):
    r = process(pipeline, "A car bombing by the rebels killed scores of displaced people.")
    evs = events(r, ("18", "19", "20"))
    assert evs, r.events
    assert side(r, evs[0].source)[1] == "REB"
    assert side(r, evs[0].target)[1] == "REF"


def test_a_downed_aircraft_names_the_target_not_the_attacker(pipeline):
    r = process(pipeline, "A Syrian helicopter was shot down near the frontier.")
    evs = events(r, ("18", "19", "20"))
    assert evs, r.events
    assert all(side(r, e.source)[0] != "SYR" for e in evs)
    assert any(side(r, e.target)[0] == "SYR" for e in evs)


def test_offer_submitted_by_a_firm_makes_the_firm_the_target(pipeline):
    r = process(pipeline, "The Ghanaian cabinet accepted an offer submitted by a Dutch construction firm.")
    evs = [e for e in r.events if e.root in ("03", "05", "06", "08")]
    assert evs, r.events
    assert side(r, evs[0].source) == ("GHA", "GOV")
    assert side(r, evs[0].target) == ("NLD", "BUS")


def test_court_freed_former_ministers_has_them_as_target(pipeline):
    r = process(pipeline, "A Zambian court freed three former officials on bail.")
    evs = [e for e in r.events if e.target]
    assert evs, r.events
    assert side(r, evs[0].source) == ("ZMB", "JUD")
    assert side(r, evs[0].target)[1] == "GOV"


def test_one_actor_per_group_per_article(pipeline):
    r = process(pipeline, "Police in Nairobi fired tear gas at students on Monday. Police said 12 were held.")
    kenyan_police = [a for a in r.actors if a.sector == ["COP"]]
    assert len(kenyan_police) == 1 and len(kenyan_police[0].mentions) == 2
    assert kenyan_police[0].country == "KEN"


def test_generic_group_without_a_stated_country_gets_none(pipeline):
    r = process(pipeline, "Soldiers opened fire on villagers near the river.")
    groups = [a for a in r.actors if a.sector and a.sector[0] in ("MIL", "CVL")]
    assert groups and all(a.country is None for a in groups)
    assert any(e.source and e.target for e in events(r, ("18", "19", "20")))


def test_coordinated_generic_doers_give_one_event_per_pair(pipeline):
    r = process(pipeline, "Police and soldiers arrested dozens of students in Dhaka.")
    pairs = {(side(r, e.source)[1], side(r, e.target)[1]) for e in events(r, ("17",))}
    assert {("COP", "EDU"), ("MIL", "EDU")} <= pairs


def test_active_participle_modifier_names_the_doer(pipeline):
    r = process(pipeline, "Troops firing on protesters in Yangon killed two students.")
    firing = [e for e in events(r, ("18", "19", "20")) if r.text[e.trigger[0]:e.trigger[1]] == "firing"]
    assert firing, r.events
    assert side(r, firing[0].source) == ("MMR", "MIL")
    assert side(r, firing[0].target) == ("MMR", "OPP")


def test_possessive_agent_of_an_event_noun_is_the_source(pipeline):
    r = process(pipeline, "Syria's bombardment of the town killed dozens of civilians.")
    evs = events(r, ("18", "19", "20"))
    assert evs, r.events
    assert side(r, evs[0].source)[0] == "SYR"
    assert side(r, evs[0].target)[1] == "CVL"


def test_name_title_surname_and_possessive_are_one_actor(pipeline):
    r = process(pipeline, "Mr Brown met Angela Merkel in Berlin. Gordon Brown's aides said Gordon Brown was pleased.")
    browns = [a for a in r.actors if a.kind == "person" and "brown" in a.name.lower()]
    assert len(browns) == 1, [a.id for a in r.actors]


def test_undated_article_gets_no_date_bound_role_and_says_so(pipeline):
    # the Taliban are insurgents before 15 August 2021 and the government after it: undated, neither
    from eventwatch.pipeline import Pipeline
    from eventwatch.settings import Settings

    undated = Pipeline(Settings(), nlp=pipeline.nlp)  # no default date: the article stays undated
    r = process(undated, "The Taliban attacked a police post in Helmand.", published=None)
    taliban = next(a for a in r.actors if a.id == "group:taliban")
    assert taliban.code not in ("AFGGOV", "AFGINSTAL") and taliban.country == "AFG"
    assert "undated" in (taliban.role_note or "") and taliban.role is None  # the reason has its own field
    dated = process(pipeline, "The Taliban attacked a police post in Helmand.", published="2019-05-01")
    assert next(a for a in dated.actors if a.id == "group:taliban").code.startswith("AFGINS")


def test_person_before_every_dated_role_gets_no_role_from_the_future(pipeline):
    # Donald Trump's dictionary roles start in 2017: a 2010 article cannot make him president
    r = process(pipeline, "Donald Trump criticised the mayor of New York over a tax plan.", published="2010-05-01")
    trump = actor(r, "person:donald-trump")
    assert trump is not None and trump.country == "USA"
    assert trump.code != "USAGOV" and "no dated role" in (trump.role_note or "") and trump.role is None


def test_unions_and_their_leaders_are_labour(pipeline):
    r = process(pipeline, "In Cardiff, union leaders warned ministers that nurses would strike. "
                          "The unions will be consulted, the Welsh government said.")
    warned = events(r, ("13",))
    assert warned, r.events
    assert side(r, warned[0].source) == ("GBR", "LAB")
    assert side(r, warned[0].target) == ("GBR", "GOV")


def test_unknown_bodies_take_sector_from_name_and_country_from_article(pipeline):
    r = process(pipeline, "Kenyan officials in Nairobi said the Coastal Water Commission fined Baraka Holdings "
                          "on Monday. Police in Mombasa arrested two managers of Baraka Holdings.")
    commission = next(a for a in r.actors if "Commission" in a.name)
    firm = next(a for a in r.actors if "Baraka" in a.name)
    assert (commission.country, commission.sector[:1]) == ("KEN", ["GOV"])
    assert (firm.country, firm.sector[:1]) == ("KEN", ["BUS"])


def test_unknown_person_takes_the_article_country(pipeline):
    r = process(pipeline, "Police in Lagos detained three activists. Campaigner Ngozi Adebayo-Okafor condemned "
                          "the Nigerian police in Abuja on Friday.")
    person = next(a for a in r.actors if a.kind == "person" and "Adebayo" in a.name)
    assert person.country == "NGA"


def test_an_act_without_a_named_target_continues_the_storys_dyad(pipeline):
    r = process(pipeline, "Nurses' unions in Scotland warned the Scottish government over pay on Monday. "
                          "On Tuesday the unions threatened a national strike.")
    threat = [e for e in r.events if r.text[e.trigger[0]:e.trigger[1]] == "threatened"]
    assert threat, r.events
    assert side(r, threat[0].source)[1] == "LAB"
    assert side(r, threat[0].target) == ("GBR", "GOV")
    assert threat[0].target_span is None  # the target's words are not in that sentence


def test_an_act_without_a_named_source_takes_the_source_of_the_last_act_on_its_target(pipeline):
    r = process(pipeline, "Egyptian police raided the homes of three bloggers in Cairo on Monday. "
                          "The bloggers were detained overnight.")
    detained = [e for e in r.events if r.text[e.trigger[0]:e.trigger[1]] == "detained"]
    assert detained, r.events
    assert side(r, detained[0].source) == ("EGY", "COP")


def test_a_call_for_an_act_against_someone_targets_them(pipeline):
    r = process(pipeline, "The Nigerian cardinal called for sanctions against Zimbabwe on Sunday.")
    calls = events(r, ("02", "10", "16"))
    assert calls, r.events
    assert side(r, calls[0].target)[0] == "ZWE"


def test_a_participle_on_a_protest_noun_is_done_by_the_marchers(pipeline):
    r = process(pipeline, "Tunisian students marched in a protest demanding the release of President Kais Saied's critics.")
    demands = [e for e in r.events if r.text[e.trigger[0]:e.trigger[1]] == "demanding"]
    assert demands, r.events
    assert side(r, demands[0].source) == ("TUN", "EDU")


def test_a_known_person_without_a_role_on_the_date_does_not_take_the_article_country(pipeline):
    # undated: Guterres's roles (Portugal, then the UN) leave his country open; the article being about
    # Ethiopia does not make him Ethiopian
    from eventwatch.pipeline import Pipeline
    from eventwatch.settings import Settings

    undated = Pipeline(Settings(), nlp=pipeline.nlp)
    r = process(undated, "Ethiopian troops shelled Mekelle on Monday. Antonio Guterres condemned the shelling of "
                         "Mekelle and urged Ethiopia to stop.", published=None)
    guterres = next(a for a in r.actors if a.id == "person:antonio-guterres")
    assert guterres.country != "ETH"


def test_a_reply_answers_an_earlier_sentence_not_its_own(pipeline):
    r = process(pipeline, "Ethiopia and the African Union have warned the Tigrayan rebels will be isolated if they "
                          "continue to seize towns by force.")
    seized = [e for e in r.events if r.text[e.trigger[0]:e.trigger[1]] == "seize"]
    assert seized and all(e.target != "AU" for e in seized), [(e.source, e.target) for e in seized]


def test_a_title_in_the_text_gives_the_role_when_the_dictionary_has_none_for_the_date(pipeline):
    r = process(pipeline, "Republican nominee Donald Trump criticised the governor of Ohio.", published="2010-05-01")
    trump = actor(r, "person:donald-trump")
    assert trump.code == "USAPTY" and trump.role == "Nominee"


def test_the_government_after_a_named_countrys_government_is_that_government(pipeline):
    r = process(pipeline, "Dock workers blocked the port of Aarhus on Tuesday. The government accused the union of "
                          "blocking the port, a day after the Danish government rejected its demands.")
    accused = events(r, ("11",))
    assert accused, r.events
    assert side(r, accused[0].source) == ("DNK", "GOV")


def test_a_curfew_imposed_in_a_country_is_imposed_on_that_country(pipeline):
    r = process(pipeline, "Rwandan troops imposed a curfew in Burundi on Sunday.")
    curfew = events(r, ("17",))
    assert curfew, r.events
    assert side(r, curfew[0].source) == ("RWA", "MIL")
    assert side(r, curfew[0].target)[0] == "BDI"


# ---- session 6: article country, suspects, places as targets (sentences written for these tests)
def test_the_article_country_counts_its_people_not_only_its_places(pipeline):
    # one Dutch place and a Belgian one, but the article's people are Dutch: the unions are Dutch
    r = process(pipeline, "Prime Minister Mark Rutte met union leaders in Brussels on Monday. Mr Rutte said the "
                          "cabinet would talk to the unions again in The Hague. Finance Minister Wopke Hoekstra "
                          "agreed. The unions warned of strikes.", published="2020-03-01")
    last = r.text.rindex("unions")
    unions = [a for a in r.actors if any(s <= last < e for s, e in a.mentions)]
    assert unions and unions[0].country == "NLD", [(a.id, a.country) for a in r.actors]


def test_the_one_country_an_article_names_is_its_country(pipeline):
    # one mention only, but of a named person of that country: the unions are his country's
    r = process(pipeline, "Teachers' unions threatened a national strike on Monday. Treasurer Wayne Swan urged "
                          "the unions to talk.", published="2012-03-01")
    unions = [a for a in r.actors if a.sector[:1] == ["LAB"]]
    assert unions and all(a.country == "AUS" for a in unions), [(a.id, a.country) for a in unions]


def test_people_arrested_are_suspects_not_bystanders(pipeline):
    r = process(pipeline, "Police in Lagos arrested four men on Tuesday after the robbery.")
    arrest = events(r, ("17",))
    assert arrest, r.events
    assert side(r, arrest[0].target) == ("NGA", "CRM")


def test_a_person_charged_with_a_crime_is_a_suspect(pipeline):
    r = process(pipeline, "Jon Vail, 52, was charged with fraud in Toronto on Monday, Canadian police said.")
    vail = next(a for a in r.actors if a.kind == "person")
    assert vail.sector == ["CRM"] and vail.country == "CAN"


def test_residents_named_with_their_town_and_arrested_are_suspects(pipeline):
    r = process(pipeline, "Eleven residents of Homs were arrested after the raid.")
    arrest = events(r, ("17",))
    assert arrest, r.events
    assert side(r, arrest[0].target) == ("SYR", "CRM")


def test_a_visit_to_a_city_targets_its_country(pipeline):
    r = process(pipeline, "The Iraqi foreign minister arrived in Amman on a two-day visit on Wednesday.")
    visits = events(r, ("04",))
    assert visits, r.events
    assert side(r, visits[0].target)[0] == "JOR"
    assert r.text[visits[0].target_span[0]:visits[0].target_span[1]] == "Amman"


def test_lifting_a_curfew_in_a_province_is_done_to_it(pipeline):
    r = process(pipeline, "Israeli forces lifted the night curfew in Hebron on Sunday.")
    eased = events(r, ("08",))
    assert eased, r.events
    assert side(r, eased[0].target)[0] == "PSE"


def test_a_relative_clause_subject_due_to_act_is_the_noun_it_hangs_on(pipeline):
    r = process(pipeline, "The Ghanaian trade minister, who is due to meet President Buhari on Friday, said "
                          "little.", published="2017-03-01")
    meets = [e for e in r.events if r.text[e.trigger[0]:e.trigger[1]] == "meet"]
    assert meets, r.events
    assert side(r, meets[0].source)[0] == "GHA"


def test_a_by_agent_group_named_by_its_compound_is_the_source(pipeline):
    r = process(pipeline, "The ministry was accused of corruption by opposition groups in Nairobi.")
    accused = events(r, ("11",))
    assert accused, r.events
    assert side(r, accused[0].source) == ("KEN", "OPP")


def test_an_acronym_plural_agent_noun_is_a_group(pipeline):
    r = process(pipeline, "MPs criticised the plan on Monday.")
    crit = events(r, ("11",))
    assert crit, r.events
    assert side(r, crit[0].source)[1] == "LEG"


def test_a_relative_pronoun_patient_is_the_noun_it_hangs_on(pipeline):
    r = process(pipeline, "Police freed three journalists who were detained by the army in Gulu.")
    held = [e for e in r.events if r.text[e.trigger[0]:e.trigger[1]] == "detained"]
    assert held, r.events
    assert side(r, held[0].source)[1] == "MIL"
    assert side(r, held[0].target)[1] == "MED"


def test_a_bare_conditional_participle_is_done_to_the_main_subject(pipeline):
    r = process(pipeline, "Rafael Ortiz, the former mayor of Quito, could face ten years in jail if convicted "
                          "of bribery.")
    convicted = [e for e in r.events if r.text[e.trigger[0]:e.trigger[1]] == "convicted"]
    assert convicted, r.events
    assert convicted[0].target == "person:rafael-ortiz" and convicted[0].source is None


def test_unidentified_gunmen_take_no_country_from_the_place(pipeline):
    r = process(pipeline, "Gunmen killed four policemen in Karak on Sunday.")
    killed = events(r, ("18",))
    assert killed, r.events
    assert side(r, killed[0].source) == (None, "UAF")
    assert side(r, killed[0].target) == ("JOR", "COP")


def test_coalition_forces_are_of_no_one_country(pipeline):
    r = process(pipeline, "Coalition aircraft struck insurgents near Mosul on Friday.")
    strikes = events(r, ("18", "19"))
    assert strikes, r.events
    assert side(r, strikes[0].source) == (None, "MIL")
    assert side(r, strikes[0].target) == ("IRQ", "REB")


def test_a_gerund_after_a_preposition_is_done_by_the_clause_subject(pipeline):
    r = process(pipeline, "The Kenyan president spoke to reporters before meeting Ugandan officials in Kampala.")
    meets = [e for e in r.events if r.text[e.trigger[0]:e.trigger[1]] == "meeting"]
    assert meets, r.events
    assert side(r, meets[0].source) == ("KEN", "GOV")
    assert side(r, meets[0].target) == ("UGA", "GOV")


def test_a_gerund_after_a_passive_clause_is_done_by_its_passive_subject(pipeline):
    r = process(pipeline, "Two Somali men were arrested after attacking a Kenyan police post.")
    attacks = [e for e in r.events if r.text[e.trigger[0]:e.trigger[1]] == "attacking"]
    assert attacks, r.events
    assert side(r, attacks[0].source)[0] == "SOM"


def test_a_country_named_once_as_a_target_is_not_the_speakers(pipeline):
    r = process(pipeline, "Bishop Amos Okello called for sanctions against Nigeria on Sunday.")
    bishop = next(a for a in r.actors if "Okello" in a.name)
    assert bishop.country != "NGA"


def test_the_doer_of_an_accused_act_is_the_accused(pipeline):
    r = process(pipeline, "The Sudanese government accused Darfur rebels of violating the ceasefire.")
    violations = [e for e in r.events if r.text[e.trigger[0]:e.trigger[1]] == "violating"]
    assert all(side(r, e.source) != ("SDN", "GOV") for e in violations), [(e.source, e.target) for e in violations]


def test_a_complementiser_that_is_not_read_as_a_relative_target(pipeline):
    r = process(pipeline, "Asif Durrani, his first deputy, wrote on his Facebook page after a security meeting on "
                          "Friday at the Presidential Palace that the government stood against the “Army of Hate” "
                          "and supported the resistance.", published="2019-05-01")
    stood = [e for e in r.events if r.text[e.trigger[0]:e.trigger[1]] == "stood"]
    assert all(e.target != "person:asif-durrani" for e in stood), [(e.source, e.target) for e in stood]


def test_a_named_army_of_no_country_is_an_armed_group(pipeline):
    r = process(pipeline, "The Army of Liberation for Justice attacked a village on Tuesday, Chadian officials said.")
    army = next(a for a in r.actors if "Liberation" in a.name)
    assert army.sector[:1] == ["REB"]


def test_office_holders_of_coordinated_countries_are_both_parties(pipeline):
    r = process(pipeline, "The presidents of Sudan and Chad held talks in Khartoum.")
    talks = events(r, ("04",))
    assert talks, r.events
    assert {side(r, e.source)[0] for e in talks} | {side(r, e.target)[0] for e in talks} == {"SDN", "TCD"}


def test_a_nominal_attack_on_a_place_of_an_of_phrase_targets_its_country(pipeline):
    r = process(pipeline, "Russia's bombardment of Kharkiv drew condemnation from France.")
    bomb = events(r, ("19",))
    assert bomb, r.events
    assert side(r, bomb[0].source)[0] == "RUS" and side(r, bomb[0].target)[0] == "UKR"


def test_an_act_named_in_an_of_phrase_of_a_time_noun_is_not_the_instrument(pipeline):
    r = process(pipeline, "The ban was imposed in the aftermath of Kenya's crackdown on protesters.")
    imposed = [e for e in r.events if r.text[e.trigger[0]:e.trigger[1]] == "imposed"]
    assert all(e.source != "country:KEN" for e in imposed), [(e.source, e.target) for e in imposed]


def test_people_held_then_charged_keep_the_country_of_the_first_mention(pipeline):
    # review: the suspect reading must not cut the later mention off the group the article already placed
    r = process(pipeline, "Soldiers detained three men in Hebron. The men were later charged.")
    charged = [e for e in events(r, ("17",)) if r.text[e.trigger[0]:e.trigger[1]] == "charged"]
    assert charged, r.events
    assert side(r, charged[0].target) == ("PSE", "CRM")


def test_an_opposition_coalition_keeps_the_country_of_its_clause(pipeline):
    # review: "coalition" as the head of a national party's alliance is no stateless multinational force
    r = process(pipeline, "The opposition coalition called for protests in Harare on Monday.")
    coalition = [a for a in r.actors if a.sector[:1] == ["OPP"]]
    assert coalition and coalition[0].country == "ZWE", [(a.id, a.country) for a in r.actors]


def test_a_coalition_of_named_members_is_those_members(pipeline):
    # review: "a coalition of aid groups" is the aid groups (NGO), not an armed coalition
    r = process(pipeline, "A coalition of aid groups urged the government of Sudan to open the border.")
    urged = [e for e in r.events if r.text[e.trigger[0]:e.trigger[1]] == "urged"]
    assert urged, r.events
    assert side(r, urged[0].source)[1] == "NGO"
    assert not any(a.sector[:1] == ["MIL"] for a in r.actors), [a.id for a in r.actors]


def test_he_in_a_time_clause_is_not_the_plural_subject_of_the_main_clause(pipeline):
    # review: "he" cannot be the soldiers; the one person named is who criticised
    r = process(pipeline, "Soldiers arrested Ali Hassan in Basra after he criticised the army.")
    crit = events(r, ("11",))
    assert crit, r.events
    assert actor(r, crit[0].source) is not None and actor(r, crit[0].source).kind == "person"
    assert side(r, crit[0].target)[1] == "MIL"


def test_a_leaders_administration_is_of_the_leaders_country_not_the_clauses(pipeline):
    # review: "the Obama administration ... Iran" was coded as Iran's government
    r = process(pipeline, "The Obama administration criticised the nuclear deal with Iran on Monday.",
                published="2014-06-01")
    admin = [a for a in r.actors if any(r.text[s:e].endswith("administration") for s, e in a.mentions)]
    assert admin and admin[0].country == "USA", [(a.id, a.country) for a in r.actors]


def test_a_town_that_fell_to_a_group_was_taken_by_that_group_from_its_country(pipeline):
    r = process(pipeline, "Aleppo fell to Syrian rebels after weeks of fighting.")
    evs = events(r, ("19",))
    assert evs, r.events
    assert side(r, evs[0].source)[1] == "REB"
    assert side(r, evs[0].target)[0] == "SYR"


def test_opposition_from_a_union_is_done_by_the_union_not_by_the_word_opposition(pipeline):
    r = process(pipeline, "The pension reform met fierce opposition from the unions in Spain.")
    evs = events(r, ("12",))
    assert evs, r.events
    assert side(r, evs[0].source)[1] == "LAB"


# ---- argument constructions, seventh session (issue 18 item 2)

def _only(record, root: str):
    evs = events(record, (root,))
    assert evs, record.events
    return evs[0]


@pytest.mark.parametrize("text,country", [
    ("The ambush, condemned by the Dutch government, killed four farmers near Kisumu.", "NLD"),
    ("The shelling, denounced by the French government, killed nine villagers near Goma.", "FRA"),
    ("The air strike, welcomed by the Iraqi government, killed ten Islamic State fighters.", "IRQ"),
])
def test_comment_clause_set_off_by_commas_is_not_the_maker_of_the_act(pipeline, text, country):
    r = process(pipeline, text)
    evs = events(r, ("18", "19", "20"))
    assert evs, r.events  # the act is still found; only its commenter is not its maker
    for e in evs:
        assert side(r, e.source) != (country, "GOV")


@pytest.mark.parametrize("text,country,sector", [
    ("The attack, confirmed by Israeli police, killed two Palestinians in Hebron.", "ISR", "COP"),
    ("The raid, reported by Syrian state media, killed three Hezbollah fighters.", "SYR", None),
    ("The shelling, witnessed by UN monitors, killed four civilians in Donetsk.", "IGO", None),
    ("The bombardment, observed by Turkish drones, killed five fighters near Afrin.", "TUR", None),
])
def test_a_set_off_participle_that_does_not_make_the_act_gives_no_source(pipeline, text, country, sector):
    # only a making verb (carry out, launch, claim, broker ...) names the act's maker; one that reports, sees or
    # confirms it does not, whether or not it is on a list of reactions
    r = process(pipeline, text)
    evs = events(r, ("18", "19", "20"))
    assert evs, r.events
    for e in evs:
        c, s = side(r, e.source)
        assert not (c == country and (sector is None or s == sector)), (text, c, s)


@pytest.mark.parametrize("text,root,want", [
    ("The assault, carried out by Taliban gunmen, killed six Afghan policemen.", "18", ("AFG", None)),
    ("The raid, launched by Ethiopian troops at dawn, killed seven rebels.", "19", ("ETH", "MIL")),
    ("The offensive, mounted by Nigerian soldiers last week, killed twenty Boko Haram fighters.", "19", ("NGA", "MIL")),
    ("The truce, brokered by Qatar, ended a month of clashes.", "08", ("QAT", None)),
    ("The attack, carried out by Hamas fighters, killed three Israeli soldiers.", "19", ("PSE", None)),
    ("The ceasefire, brokered by Egypt, ended two weeks of fighting.", "08", ("EGY", None)),
])
def test_a_making_participle_set_off_by_commas_keeps_its_agent_as_the_source(pipeline, text, root, want):
    r = process(pipeline, text)
    e = _only(r, root)
    country, sector = side(r, e.source)
    assert country == want[0]
    assert want[1] is None or sector == want[1]


def test_a_participles_agent_does_not_make_the_possessive_a_target(pipeline):
    r = process(pipeline, "Ethiopia's invasion backed by Eritrea has killed thousands.")
    assert r.events
    for e in events(r, ("19",)):  # the invasion is Ethiopia's, not Eritrea's against Ethiopia
        assert side(r, e.source)[0] != "ERI" and side(r, e.target)[0] != "ETH"
    assert any(side(r, e.source)[0] == "ETH" for e in events(r, ("19",)))
    # the backing itself may be coded, Eritrea backing Ethiopia (the modified noun's owner)
    for e in events(r, ("05", "07")):
        assert side(r, e.source)[0] == "ERI"


@pytest.mark.parametrize("text", ["Cuba was discussed in talks between Mexico and Canada.",
                                  "Cuba was mentioned in talks with Mexico."])
def test_the_topic_of_talks_is_no_party_to_them(pipeline, text):
    r = process(pipeline, text)
    talks = events(r, ("04",))
    assert talks, r.events
    for e in talks:
        assert side(r, e.source)[0] != "CUB"


def test_act_nouns_own_by_agent_is_its_source_and_its_possessive_the_target(pipeline):
    r = process(pipeline, "The Kenyan minister's arrest by police in Nairobi angered his party.")
    e = _only(r, "17")
    assert side(r, e.source)[1] == "COP"
    assert side(r, e.target) == ("KEN", "GOV")


def test_partner_named_on_a_passive_subject_act_noun(pipeline):
    r = process(pipeline, "The accord with Chile was signed by the Peruvian government on Monday.")
    e = _only(r, "05")
    assert side(r, e.source) == ("PER", "GOV")
    assert side(r, e.target)[0] == "CHL"


def test_passive_light_verb_act_noun_modifier_is_the_source_not_the_target(pipeline):
    r = process(pipeline, "A Chilean offer had been made, Peruvian officials said.")
    e = _only(r, "03")
    assert side(r, e.source)[0] == "CHL"
    assert e.target is None or side(r, e.target)[0] != "CHL"


@pytest.mark.parametrize("text", ["The Chilean president was involved in negotiations with Peru.",
                                  "The Norwegian foreign minister was engaged in talks with Sweden on Monday."])
def test_passive_subject_of_a_verb_holding_talks_takes_part(pipeline, text):
    r = process(pipeline, text)
    e = _only(r, "04")
    assert side(r, e.source)[1] == "GOV"
    assert side(r, e.target)[0] in ("PER", "SWE")


@pytest.mark.parametrize("text,country", [("Britain carried out air strikes on rebel positions near Raqqa on Monday.", "GBR"),
                                          ("Russia shelled the town of Avdiivka overnight, Ukrainian officials said.", "RUS")])
def test_a_country_doing_a_military_act_is_its_armed_forces(pipeline, text, country):
    r = process(pipeline, text)
    e = _only(r, "19")
    assert side(r, e.source) == (country, "MIL")
    assert "forces" in actor(r, e.source).name


def test_a_country_doing_a_non_military_act_stays_the_country(pipeline):
    r = process(pipeline, "France criticised the decision of the Malian junta.")
    e = _only(r, "11")
    assert side(r, e.source)[0] == "FRA" and side(r, e.source)[1] != "MIL"


@pytest.mark.parametrize("text", [
    "The bombing, claimed by the Islamic State group, killed 30 people in Kabul.",
    "Fighters of the Islamic State group attacked a police post in Kirkuk.",
])
def test_a_word_of_a_named_group_is_no_generic_actor(pipeline, text):
    # "the Islamic State group": the group's name, not a state's government
    r = process(pipeline, text)
    assert not [a for a in r.actors if "GOV" in (a.sector or [])], [(a.id, a.mentions) for a in r.actors]



@pytest.mark.parametrize("open_, close", [('"', '"'), ("\u201c", "\u201d"), ("'", "'")])  # straight, curly, BBC single
def test_a_third_person_pronoun_in_a_direct_quote_is_not_the_speaker(pipeline, open_, close):
    r = process(pipeline, f'Estonian Prime Minister Kaja Kallas spoke in Tallinn. {open_}Moscow has promised peace '
                          f'before,{close} Kallas said, {open_}and then it attacked Georgia.{close}')
    evs = events(r, ("19",))
    assert evs, r.events
    assert all(actor(r, e.source) is None or actor(r, e.source).kind != "person" for e in evs)  # not Kallas
    assert {side(r, e.target)[0] for e in evs} == {"GEO"}


def test_we_in_a_direct_quote_is_the_speaker(pipeline):
    r = process(pipeline, '"We attacked the army base at dawn," a Taliban spokesman said.')
    evs = events(r, ("18", "19"))
    assert evs and all((actor(r, e.source).code or "").startswith("AFGINS") for e in evs), [(e.cameo, e.source) for e in r.events]


# ---- argument attachment, eighth session (issue 18)

@pytest.mark.parametrize("text,commenter,maker", [
    ("The bombing, condemned by the Kenyan government, was the third this year.", "KEN", None),
    ("The Hamas attack, denounced by the Egyptian government, killed three people.", "EGY", "PSE"),
])
def test_a_commenting_participle_makes_its_agent_the_source_never_the_target(pipeline, text, commenter, maker):
    r = process(pipeline, text)
    said = events(r, ("11",))
    assert said, r.events
    for e in said:
        assert side(r, e.source)[0] == commenter
        assert e.target is None or side(r, e.target)[0] != commenter
        assert maker is None or side(r, e.target)[0] == maker


def test_a_reduced_passive_with_a_by_agent_names_both_sides(pipeline):
    r = process(pipeline, "Four soldiers killed by the rebels were buried in Goma on Sunday.")
    e = _only(r, "19") if events(r, ("19",)) else _only(r, "18")
    assert side(r, e.source)[1] == "REB"
    assert side(r, e.target)[1] == "MIL"


@pytest.mark.parametrize("text,sector", [
    ("Ugandan troops shelled the rebel positions near the border.", "REB"),
    ("Gunmen attacked a police station in Kano on Friday.", "COP"),
    ("The militants raided an army base near the town of Gao.", "MIL"),
])
def test_an_attack_on_what_a_group_holds_is_done_to_the_group(pipeline, text, sector):
    r = process(pipeline, text)
    evs = [e for e in events(r, ("18", "19")) if e.target]
    assert evs, r.events
    assert side(r, evs[0].target)[1] == sector


@pytest.mark.parametrize("text,partner", [
    ("Raila Odinga said after talks with Sudan that the border would reopen.", "SDN"),
    ("Raila Odinga left for Khartoum on Monday for talks with Sudanese officials.", "SDN"),
    ("Raila Odinga, speaking before a meeting with Ugandan ministers, said trade would grow.", "UGA"),
])
def test_the_subject_of_a_clause_attends_the_talks_of_its_time_phrase(pipeline, text, partner):
    r = process(pipeline, text)
    e = _only(r, "04")
    assert side(r, e.source)[0] == "KEN"
    assert side(r, e.target)[0] == partner


@pytest.mark.parametrize("text", ["Kenyan students protested against talks with Uganda.",
                                  "Sudan was discussed at a meeting with Uganda."])
def test_no_attendee_from_a_phrase_that_opposes_or_a_passive_topic(pipeline, text):
    r = process(pipeline, text)
    for e in events(r, ("04",)):
        assert side(r, e.source)[0] not in ("KEN", "SDN")


@pytest.mark.parametrize("text,source,target", [
    ("Police arrested 20 protesters in Minsk.", ("BLR", "COP"), ("BLR", "OPP")),
    ("A truck bombing by the militants killed dozens of refugees.", (None, "UAF"), (None, "REF")),
    ("A Malawi court freed two former ministers on bail.", ("MWI", "JUD"), ("MWI", "GOV")),
])
def test_the_issues_constructions_still_come_out_right(pipeline, text, source, target):
    r = process(pipeline, text)
    evs = [e for e in r.events if e.root in ("17", "18", "08")]
    assert evs, r.events
    assert side(r, evs[0].source) == source
    assert side(r, evs[0].target) == target


def test_a_downed_jet_of_a_country_is_that_countrys(pipeline):
    r = process(pipeline, "A Russian jet was shot down over the border.")
    evs = events(r, ("19",))
    assert evs, r.events
    assert side(r, evs[0].target)[0] == "RUS" and evs[0].source is None


def test_a_phrase_set_off_before_the_verb_names_no_target(pipeline):
    r = process(pipeline, "Jane Wambui, for the Green Party, called on the Kenyan finance minister to publish the accounts.")
    e = _only(r, "02")
    assert actor(r, e.target) is None or "green" not in actor(r, e.target).name.lower()
    assert side(r, e.target) == ("KEN", "GOV")


def test_an_infinitive_after_whether_is_done_by_the_deciding_subject(pipeline):
    r = process(pipeline, "The African Union will decide next week whether to open talks with Eritrea.")
    evs = events(r, ("03", "04"))  # the talks, or the intent to hold them
    assert evs, r.events
    e = evs[0]
    assert e.source is not None and "african union" in actor(r, e.source).name.lower()
    assert side(r, e.target)[0] == "ERI"


@pytest.mark.parametrize("text", ["Ghanaian police opened fire to disperse opposition demonstrators in Accra.",
                                  "Ghanaian police fired tear gas to disperse the protesters in Kumasi."])
def test_a_purpose_clause_names_whom_the_force_was_used_on(pipeline, text):
    r = process(pipeline, text)
    evs = [e for e in events(r, ("17", "18", "19")) if side(r, e.source)[1] == "COP"]
    assert evs, r.events
    assert all(side(r, e.target) == ("GHA", "OPP") for e in evs)


def test_rebel_camps_are_the_rebels_but_a_bare_camp_is_no_party(pipeline):
    r = process(pipeline, "Malian forces launched rocket fire against rebel camps near the border.")
    e = _only(r, "19")
    assert side(r, e.target)[1] == "REB"
    r = process(pipeline, "Kenyan police raided the camp on Monday.")
    assert not [a for a in r.actors if a.sector and a.sector[0] in ("CVL", "REF")], [a.id for a in r.actors]


def test_a_possessive_on_the_object_names_the_target_unless_it_is_the_doers_own(pipeline):
    r = process(pipeline, "Zambian opposition leader Hakainde Hichilema gave a speech. "
                          "Zambian unions criticised his budget on Sunday.")
    e = _only(r, "11")
    assert e.target and "hichilema" in actor(r, e.target).name.lower()


def test_a_possessive_that_is_the_doers_own_leaves_the_other_paths_open(pipeline):
    # "his" is the minister's own: the target comes from the "to" phrase, as without the possessive
    r = process(pipeline, "The Zambian minister apologised for his remarks to Malawian officials.")
    e = _only(r, "05")
    assert side(r, e.target)[0] == "MWI"
