"""The quote stage on the seed and on sentences written for these tests (one per mark style and
attribution case). Texts are analysed without the cleaner so that offsets are into these strings."""
from __future__ import annotations

import pytest

from eventwatch.model import Record

from quote_helpers import find_quote as _find


def _surname(q) -> str:
    return (q.speaker_name or "").split()[-1] if q.speaker_name else ""


# -- the seed: acceptance
@pytest.mark.parametrize("fragment,speaker", [
    ("NATO is committed", "Stoltenberg"),
    ("The war in Afghanistan", "Guterres"),
    ("Now you can imagine", "Guterres"),
    ("What we did was right", "Johnson"),
    ("We must work with our partners", "Johnson"),
    ("It will not be arbitrary", "Mujahid"),
])
def test_seed_direct_quotes_and_speakers(seed_record, fragment, speaker):
    q = _find(seed_record, fragment, "direct")
    assert _surname(q) == speaker
    assert q.speaker is not None
    assert seed_record.text[q.span[0]:q.span[1]] == q.text
    assert q.text[0] not in "“\"" and q.text[-1] not in "”\""


def test_seed_has_exactly_six_direct_quotes(seed_record):
    assert len([q for q in seed_record.quotes if q.kind == "direct"]) == 6


def test_seed_second_guterres_quote_through_he_said(seed_record):
    q = _find(seed_record, "Now you can imagine")
    assert seed_record.text[q.speaker_span[0]:q.speaker_span[1]].lower() == "he"
    assert seed_record.text[q.cue[0]:q.cue[1]] == "said"


@pytest.mark.parametrize("fragment,speaker", [
    ("NATO would continue its diplomatic presence", "Stoltenberg"),
    ("no plans to withdraw", "Guterres"),
])
def test_seed_indirect_quotes(seed_record, fragment, speaker):
    q = _find(seed_record, fragment, "indirect")
    assert _surname(q) == speaker


def test_seed_scare_quote_is_not_speech(seed_record):
    assert not [q for q in seed_record.quotes if q.text.strip("“”\" ") == "Army of Terror and Ignorance"]
    assert not [q for q in seed_record.quotes if q.kind == "direct" and "Army of Terror" in q.text]


def test_seed_speakers_are_actors(seed_record):
    ids = {a.id for a in seed_record.actors}
    assert all(q.speaker in ids for q in seed_record.quotes if q.speaker)


# -- mark styles
def test_straight_double_quotes(analyse):
    r = analyse('Maria Lopez, the mayor, said: "We will rebuild the bridge before winter." Officials agreed.')
    q = _find(r, "We will rebuild the bridge", "direct")
    assert q.speaker_name == "Maria Lopez"


def test_single_quotes_are_told_from_apostrophes(analyse):
    r = analyse("\u2018We won\u2019t leave the city,\u2019 said John Carter, who didn\u2019t elaborate.")
    q = _find(r, "We won\u2019t leave the city", "direct")
    assert _surname(q) == "Carter"
    r = analyse("The farmers' union and the workers' council met on Tuesday. It's late, and they're tired.")
    assert r.quotes == []


def test_straight_single_quotes(analyse):
    r = analyse("'We can't stop now, the harvest is waiting,' said Peter Hall.")
    q = _find(r, "We can't stop now", "direct")
    assert _surname(q) == "Hall"


def test_guillemets(analyse):
    r = analyse("\u00abThe talks are over and we are going home\u00bb, said Ahmed Karimi on Sunday.")
    q = _find(r, "The talks are over", "direct")
    assert _surname(q) == "Karimi"


def test_multi_paragraph_quote(analyse):
    text = ("Jane Doe spoke to reporters in the capital on Monday.\n\n"
            "\u201cThe first thing we did was count the wounded and call for help.\n\n"
            "\u201cThen we waited for the army, which never came,\u201d she said.")
    r = analyse(text)
    first = _find(r, "count the wounded", "direct")
    second = _find(r, "waited for the army", "direct")
    assert _surname(first) == _surname(second) == "Doe"


@pytest.mark.parametrize("mark,close", [('"', '"'), ("\u201c", "\u201d")])
def test_paragraphs_of_one_quote_run_into_one_line(analyse, mark, close):
    """Each paragraph of a long quote opens with a mark and only the last closes; when the paragraph
    breaks are lost, every paragraph is still a quote of the same speaker."""
    text = (f"Maria Lopez, who chairs the harbour trust, said: {mark}We asked the council twice for the money. "
            f"{mark}Nobody answered our letters. I doubt anyone read them. "
            f"{mark}Now the pier is closed and the boats stay away.{close} The council has not commented.")
    r = analyse(text)
    for fragment in ("asked the council twice", "Nobody answered", "the pier is closed"):
        q = _find(r, fragment, "direct")
        assert _surname(q) == "Lopez"
        assert "council twice" not in q.text or "Nobody" not in q.text  # one paragraph each


def test_according_to_names_the_reporter_of_a_speakers_words(analyse):
    r = analyse("On Monday, Maria Lopez, the head of the harbour trust, gave a speech noting her fear that the "
                "closure could \u201cruin an otherwise busy summer,\u201d according to the Harbour Gazette.")
    assert _surname(_find(r, "ruin an otherwise busy summer", "direct")) == "Lopez"


@pytest.mark.parametrize("text,speaker", [
    ("On Monday Maria Lopez gave an interview noting her fear that the closure would ruin the summer, "
     "according to the Westport Herald.", "Lopez"),
    ("Maria Lopez told the council that the closure would ruin the summer, according to the Westport Herald.",
     "Lopez"),
    ("The closure of the pier will ruin the summer for the town, according to the Westport Herald.", "Herald"),
    ("According to a Westport Herald survey, most residents said the closure would ruin the summer.", "survey"),
    ("The pier closed in May and would ruin the summer, and Maria Lopez complained to the council, "
     "according to the Westport Herald.", "Herald"),
])
def test_according_to_a_paper_that_reports_someones_speech(analyse, text, speaker):
    assert _surname(_find(analyse(text), "would ruin the summer" if "would" in text else "ruin the summer")) == speaker


def test_what_someone_is_accused_of_is_reported_speech(analyse):
    r = analyse("Opposition councillors accused the mayor of hiding the true cost of the new stadium from voters.")
    q = _find(r, "hiding the true cost", "indirect")
    assert q.text.startswith("hiding") and "councillors" in (q.speaker_name or "").lower()
    assert not [x for x in analyse("The court convicted the man of stealing two cars from a garage.").quotes]


def test_a_party_and_state_in_brackets_after_the_speakers_name(analyse):
    r = analyse("On Tuesday in Berea, Ohio, Gov. Tom Fielding (R-OH), said, \u201cI am getting ready to rent a "
                "covered wagon for the trip west.\u201d")
    assert _surname(_find(r, "covered wagon", "direct")) == "Fielding"


def test_a_statement_saying_is_its_issuers(analyse):
    r = analyse("Maria Lopez met the mayor on Monday. The next day Westport Council issued a statement saying "
                "the pier would stay closed until the spring.")
    assert _find(r, "the pier would stay closed").speaker_name == "Westport Council"


def test_split_quote_shares_its_speaker(analyse):
    r = analyse("\u201cWe are ready to sign,\u201d Robert Brown said, \u201cbut we need more time to read it.\u201d")
    a = _find(r, "We are ready to sign", "direct")
    b = _find(r, "but we need more time", "direct")
    assert _surname(a) == _surname(b) == "Brown"


def test_partial_quote_inside_reported_speech_is_one_quote(analyse):
    r = analyse("Helen Park said the plan was \u201cdeeply flawed\u201d and should be withdrawn at once.")
    q = _find(r, "deeply flawed", "indirect")
    assert "withdrawn" in q.text
    assert not [x for x in r.quotes if x.text == "deeply flawed"]


def test_scare_quotes_are_not_speech(analyse):
    r = analyse("The rebels call their unit the \u201cFree Mountain Brigade\u201d. Police arrested three members.")
    assert not [q for q in r.quotes if "Free Mountain Brigade" in q.text]


# -- attribution
def test_pronoun_resolves_by_gender(analyse):
    r = analyse("Anna Berg met Tom Walsh on Monday. Walsh left the meeting early. "
                "\u201cThe deal is dead and everyone knows it,\u201d she said.")
    assert _surname(_find(r, "The deal is dead")) == "Berg"


def test_pronoun_gender_learnt_from_earlier_pronoun(analyse):
    r = analyse("Darya Kessel runs the shelter. She opened it in 2019. Marco Ruiz, a volunteer, helps at weekends. "
                "\u201cWe have no beds left for anyone,\u201d she said.")
    assert _surname(_find(r, "We have no beds left")) == "Kessel"


def test_floating_quote_takes_the_previous_speaker(analyse):
    r = analyse("Tom Walsh said the deal was dead.\n\n\u201cNobody wants it any more. We will walk away from the table.\u201d")
    assert _surname(_find(r, "Nobody wants it", "direct")) == "Walsh"


def test_apposition_description_resolves_to_the_named_person(analyse):
    r = analyse("Karim Haddad, a ministry spokesman, said the border would reopen on Sunday.")
    q = _find(r, "the border would reopen", "indirect")
    assert _surname(q) == "Haddad"


def test_indefinite_description_is_kept_as_written(analyse):
    r = analyse("A rebel spokesman said the group would not negotiate with the government.")
    q = _find(r, "would not negotiate", "indirect")
    assert "spokesman" in (q.speaker_name or "")


def test_according_to(analyse):
    r = analyse("According to the health ministry, the clinic will reopen next week.")
    q = _find(r, "the clinic will reopen", "indirect")
    assert r.text[q.cue[0]:q.cue[1]] == "According to"


def test_wrote_on_facebook(analyse):
    r = analyse("Omar Reza wrote on his Facebook page that the election had been stolen by the ruling party.")
    q = _find(r, "the election had been stolen", "indirect")
    assert _surname(q) == "Reza"
    assert r.text[q.cue[0]:q.cue[1]] == "wrote"


def test_new_named_speaker_becomes_an_actor_once(analyse):
    r = analyse("\u201cThe water is rising again,\u201d said Lucy Fenwick. \u201cWe need boats,\u201d Fenwick added.")
    ids = [q.speaker for q in r.quotes if q.speaker]
    assert ids and all(i == ids[0] for i in ids)
    assert sum(1 for a in r.actors if a.id == ids[0]) == 1


def test_records_keep_the_contract_shape(seed_record):
    for q in seed_record.to_dict()["quotes"]:
        assert q["kind"] in ("direct", "indirect")
        assert q["text"] and len(q["span"]) == 2
        assert {"speaker", "speaker_name", "cue"} <= set(q)


def test_reported_clause_before_its_cue(analyse):
    r = analyse("There are people trying to spread fear about the vaccine, Nora Blake said, though she named nobody.")
    q = _find(r, "There are people trying to spread fear", "indirect")
    assert _surname(q) == "Blake"


def test_embedded_questions_are_not_quotes(analyse):
    r = analyse("Tom Walsh declined to say whether the company would sell the plant.")
    assert not [q for q in r.quotes if "would sell the plant" in q.text]


def test_chained_partial_quotes_are_one_quote(analyse):
    r = analyse("John Miller called it \u201ccompletely unfair\u201d for the workers \u201cto be blamed for this mess.\u201d")
    q = _find(r, "completely unfair", "direct")
    assert "blamed for this mess" in q.text


# -- the scorer (GGT metric)
def test_ggt_matching_is_greedy_one_to_one_above_threshold():
    from eventwatch.eval.quotes import match

    gold = [{"spans": [(0, 10)]}, {"spans": [(20, 30)]}]
    pred = [{"span": [1, 9]}, {"span": [20, 22]}]
    assert match(gold, pred, 0.3) == [(0, 0)]  # 2/10 of the second gold quote is not enough
    assert match(gold, pred, 0.1) == [(0, 0), (1, 1)]
    assert match([{"spans": [(0, 10)]}, {"spans": [(0, 10)]}], [{"span": [0, 10]}], 0.3) == [(0, 0)]


def test_speaker_names_compare_by_full_name_surname_or_acronym():
    from eventwatch.eval.quotes import same_speaker

    assert same_speaker("Lonechild", "Darian Lonechild")
    assert same_speaker("Mr. Jens Stoltenberg", "Jens Stoltenberg")
    assert same_speaker("IRCC", "Immigration, Refugees and Citizenship Canada")
    assert not same_speaker("Carolyn Bennett", "Darian Lonechild")
    assert not same_speaker(None, "Darian Lonechild")


def test_speaker_ids_always_name_actors_of_the_record(analyse):
    r = analyse("\u201cWe will not pay,\u201d said The Lib Dems spokesman. Lucy Fenwick said the tax was unfair. "
                "\u201cIt is theft,\u201d she added. A union official said members would strike on Monday.")
    ids = {a.id for a in r.actors}
    assert r.quotes
    assert all(q.speaker in ids for q in r.quotes if q.speaker)


def test_short_fragment_inside_a_sentence_is_not_a_quote_but_a_called_phrase_is(analyse):
    r = analyse("The senator said on Friday that he was \u201ctreated unfairly\u201d by the committee, then left.")
    assert not [q for q in r.quotes if q.kind == "direct" and q.text == "treated unfairly"]
    r = analyse("Maria Lopez called the report \u201cdeeply dishonest\u201d on Friday.")
    assert _find(r, "deeply dishonest", "direct").speaker_name == "Maria Lopez"


def test_the_ministry_resolves_to_the_named_ministry(analyse):
    r = analyse("The Ministry of Health opened a clinic in the north on Monday. "
                "The ministry said the clinic would treat two hundred patients a day.")
    q = _find(r, "the clinic would treat", "indirect")
    assert "Ministry of Health" in (q.speaker_name or "")
    assert q.speaker is not None


def test_it_said_resolves_to_an_organisation(analyse):
    r = analyse("Shares in Vodafone rose sharply in London on Tuesday. It said sales in Asia had doubled since March.")
    q = _find(r, "sales in Asia had doubled", "indirect")
    assert q.speaker_name == "Vodafone"


def test_reported_instruction_told_someone_to(analyse):
    r = analyse("The water company told residents to boil their tap water until further notice.")
    q = _find(r, "to boil their tap water", "indirect")
    assert r.text[q.cue[0]:q.cue[1]] == "told"


def test_shouted_slogans_stay_separate_and_short_speech_after_its_cue_is_kept(analyse):
    r = analyse("Witnesses said they heard protesters shout, \u201cNo more war!\u201d and \u201cGo home now!\u201d outside.")
    assert _find(r, "No more war!", "direct").text == "No more war!"
    assert _find(r, "Go home now!", "direct").text == "Go home now!"
    r = analyse("Asked about a third term, the tired coach Pedro Alves finally said \u201cno more.\u201d")
    assert _find(r, "no more.", "direct")


def test_plural_nouns_are_not_read_as_a_persons_title(analyse):
    r = analyse("College student Ben Ortiz joined the march. Students said the fees were far too high this year.")
    q = _find(r, "the fees were far too high", "indirect")
    assert q.speaker_name == "Students"


# -- speaker resolution: organisations, captions, unlabelled names, doubled marks
def test_the_company_is_the_organisation_that_just_spoke(analyse):
    r = analyse("Microsoft and Oracle compete for cloud contracts. Oracle won two of them last year. "
                "Microsoft said on Monday that it had signed a new deal with the army.\n\n"
                "The company said the contract would run for five years.")
    assert _find(r, "would run for five years", "indirect").speaker_name == "Microsoft"


def test_photo_caption_names_no_pronoun_referent(analyse):
    r = analyse("Helen Marsh has run the archive since 2004. She said the money ran out in May.\n\n"
                "Peter Olsen, a visitor, reads a file in the archive. ( Jane Roe / The Daily Record )\n\n"
                "\u201cWe cannot keep the doors open without help,\u201d he said.")
    q = _find(r, "We cannot keep the doors open", "direct")
    assert q.speaker_name != "Peter Olsen"


def test_two_single_marks_close_a_double_quote(analyse):
    r = analyse("\u201cThe river has never been this low,\u2019\u2019 said Tom Walsh, who farms near the bank. "
                "The town will ration water from Monday.")
    q = _find(r, "The river has never been this low", "direct")
    assert "ration" not in q.text and _surname(q) == "Walsh"


def test_scorer_surname_needs_compatible_given_names():
    from eventwatch.eval.quotes import same_speaker
    assert same_speaker("Trudeau", "Justin Trudeau")
    assert same_speaker("Rogers\u2019s", "Ted Rogers")
    assert same_speaker("Conservative Party", "The Conservatives")
    assert not same_speaker("Margaret Trudeau", "Justin Trudeau")


# -- speaker resolution: names the tagger or the actor stage got half right
def test_document_follows_an_organisation_named_around_a_country_word(analyse):
    r = analyse("The Canadian Dental Association said in a letter to members that cleaning fees would rise next year. "
                "The letter also noted that the rise would be the first in six years.")
    q = _find(r, "the first in six years", "indirect")
    assert q.speaker_name == "Canadian Dental Association" and q.speaker == "org:canadian-dental-association"


def test_person_named_by_a_role_keeps_a_pronoun_referent(analyse):
    r = analyse("Health minister Ana Ruiz and her advisers thought the new contract was a good one.\n\n"
                "The health minister defended it in parliament on Monday.\n\n"
                "Ruiz looked tired when she told reporters the cost was reasonable.")
    q = _find(r, "the cost was reasonable", "indirect")
    assert _surname(q) == "Ruiz" and q.speaker is not None


def test_it_said_needs_a_named_organisation_not_a_description(analyse):
    r = analyse("The tribunal's ruling said the firm had broken no rules. Some of its Canadian customers complained "
                "to the tribunal last year. It also said the fines would be refunded.")
    q = _find(r, "the fines would be refunded", "indirect")
    assert "customers" not in (q.speaker_name or "")


def test_it_said_after_an_organisation_the_tagger_also_took_for_a_person(analyse):
    r = analyse("Oracle cut off a service used by Tendril on Monday. The outage hit Tendril staff. In a memo, Tendril "
                "told its staff it hoped to restore the service soon. Spotify was not affected. It also asked its "
                "staff to work from home.")
    assert _find(r, "to work from home", "indirect").speaker_name == "Tendril"


# -- speakers after the verb, appositions, descriptions
def test_speaker_after_a_cue_read_as_its_object(analyse):
    r = analyse("Maria Lopez runs the small bakery on King Street. \u201cBread is the easy part of the job,\u201d "
                "points out the cheerful baker, who opened the shop in 2010.")
    assert _surname(_find(r, "Bread is the easy part", "direct")) == "Lopez"


def test_apposition_beyond_a_relative_clause_names_no_speaker(nlp):
    from spacy.tokens import Doc

    from eventwatch.actors.phrases import appositive_name
    words = ["the", "painter", ",", "who", "sold", "prints", "of", "Max", "Hale"]
    heads = [1, 1, 1, 4, 1, 4, 5, 8, 1]  # the parser's mistake: "Hale" in apposition to "painter"
    deps = ["det", "ROOT", "punct", "nsubj", "relcl", "dobj", "prep", "compound", "appos"]
    pos = ["DET", "NOUN", "PUNCT", "PRON", "VERB", "NOUN", "ADP", "PROPN", "PROPN"]
    ents = ["O"] * 7 + ["B-PERSON", "I-PERSON"]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos, ents=ents)
    assert appositive_name(doc[1]) is None
    words = ["the", "painter", ",", "Max", "Hale", ","]
    doc = Doc(nlp.vocab, words=words, heads=[1, 1, 1, 4, 1, 1], deps=["det", "ROOT", "punct", "compound", "appos", "punct"],
              pos=["DET", "NOUN", "PUNCT", "PROPN", "PROPN", "PUNCT"], ents=["O", "O", "O", "B-PERSON", "I-PERSON", "O"])
    assert appositive_name(doc[1]).text == "Hale"


def test_name_in_apposition_to_the_subject_is_the_topic(analyse):
    r = analyse("Maria Lopez founded the puzzle club in 2015. \u201cIt is a lot of work,\u201d says her partner, Leo Grant. "
                "\u201cWe meet on Fridays,\u201d says the keen puzzler.")
    assert _surname(_find(r, "We meet on Fridays", "direct")) == "Grant"


def test_bare_surname_shared_by_two_names_is_the_one_named_last(analyse):
    r = analyse("Studio Lindqvist drew the plans for the lakeside cabin. Studio Lindqvist also won a prize for them "
                "last year. Anna Lindqvist, who leads the design team, says the timber came from the island. "
                "\u201cThe roof collects rain for the garden,\u201d says Lindqvist.")
    assert _find(r, "The roof collects rain", "direct").speaker_name == "Anna Lindqvist"


def test_he_said_after_a_newly_introduced_subject_is_the_newcomer(analyse):
    r = analyse("Tom Reed, the mayor, spoke first. \u201cWe will rebuild the bridge,\u201d he said.\n\n"
                "Councillor Dario Vance \u2014 an engineer by training, and for ten years the chair of the transport "
                "committee \u2014 gave a radio interview that evening to defend the plan.\n\n"
                "\u201cThe bridge is safe for now,\u201d he said.")
    assert _surname(_find(r, "The bridge is safe", "direct")) == "Vance"


def test_role_description_with_no_one_named_in_that_role_stays_itself(analyse):
    r = analyse("District Attorney Helen Marsh spoke to reporters on Monday about the case.\n\n"
                "Reading out his sentence, the Ontario judge said the offender showed no remorse at all.")
    q = _find(r, "the offender showed no remorse", "indirect")
    assert "Marsh" not in (q.speaker_name or "") and "judge" in (q.speaker_name or "")


def test_name_inside_a_relative_clause_is_less_salient_than_its_head(analyse):
    r = analyse("Nobody remembers Peter Hale, who played the captain in the old film. I mean Luis Ortega, who like Hale "
                "grew up in Lisbon and moved to Toronto in 2001. \u201cWe print everything local artists bring us,\u201d "
                "says the 41-year-old owner of the shop.")
    assert _surname(_find(r, "We print everything", "direct")) == "Ortega"


def test_the_department_is_the_organisation_that_just_spoke(analyse):
    r = analyse("The provincial department of fisheries has a new head. Asked about the ferry, Transport Canada gave "
                "no timetable but said it had asked the operator for a full report. The department added that the "
                "ferry would stay in port until the report was ready.")
    assert _find(r, "the ferry would stay in port", "indirect").speaker_name == "Transport Canada"


def test_and_added_after_a_quote_keeps_the_speaker_not_the_quotes_subject(analyse):
    r = analyse("Ann Keller, who has taught at the school for twenty years, defended her pupils. Keller said "
                "\u201cnobody saw the whole video,\u201d and added: \u201cTrust me, the boys were punished.\u201d")
    assert _surname(_find(r, "Trust me", "direct")) == "Keller"


def test_passive_cue_before_a_quote_yields_to_the_speakers_cue(analyse):
    r = analyse("Liam Ford, the visiting goalkeeper, told reporters that the home fans had been friendly. He said his "
                "brother was being shouted at \u201conly because he was wearing the away shirt.\u201d")
    assert _surname(_find(r, "only because he was wearing", "direct")) == "Ford"


def test_pronoun_prefers_a_person_named_earlier_in_its_own_sentence(analyse):
    r = analyse("Tom Ross runs the market stall next door and sells fruit. For Peter Lang, who has sold fish here "
                "since 1990, he is just doing what his father did. \u201cWe will cope somehow,\u201d he says.")
    assert _surname(_find(r, "We will cope somehow", "direct")) == "Lang"


def test_floating_first_person_quote_after_a_new_subject_is_theirs(analyse):
    r = analyse("\u201cWe open at six every morning,\u201d says Tom Reed, the owner of the bakery. Anna Vale joined "
                "him as a baker last spring. \u201cI love the early starts more than I expected.\u201d")
    assert _surname(_find(r, "I love the early starts", "direct")) == "Vale"
    r = analyse("\u201cWe open at six every morning,\u201d says Tom Reed, the owner of the bakery. Anna Vale bakes the "
                "bread for him. \u201cShe is the best baker in town.\u201d")
    assert _surname(_find(r, "the best baker in town", "direct")) == "Reed"


def test_paragraph_ending_in_a_colon_introduces_the_quote(analyse):
    r = analyse("Anna Vale runs the library in the village.\n\nTom Reed, the mayor, spoke after the vote on Monday. "
                "Reed continued:\n\n\u201cWe will not close the library, whatever the budget says.\u201d")
    q = _find(r, "We will not close the library", "direct")
    assert _surname(q) == "Reed" and r.text[q.cue[0]:q.cue[1]] == "continued"


def test_caption_search_from_candidate_lines_finds_what_a_full_scan_finds():
    import random

    from eventwatch.actors.names import CAPTION, captions

    pieces = ["(", ")", "\n", " ", "\t", "PHOTO", "photo", "word", "Name", "/", "x y", "( Jane Roe / The Star )"]
    rng = random.Random(7)
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 25))) for _ in range(20_000)]
    texts.append("A caption line ( Jane Roe / The Star )\nBody text.\n( THE CANADIAN PRESS FILE PHOTO )")
    assert captions(texts[-1]) != []
    assert all(captions(t) == [(m.start(), m.end()) for m in CAPTION.finditer(t)] for t in texts)


# -- speakers of every kind and the syntax of attribution (issue 20); sentences written for these tests
def _speaker_actor(record: Record, q):
    return next((a for a in record.actors if a.id == q.speaker), None)


def test_a_named_organisation_speaks_through_a_statement_from_it(analyse):
    r = analyse("Talks collapsed on Monday, according to a statement from the Harbour Workers Union.")
    q = _find(r, "Talks collapsed")
    assert q.speaker == "org:harbour-workers-union" and q.speaker_name == "Harbour Workers Union"


def test_a_report_by_an_organisation_is_the_organisations_and_it_becomes_an_actor(analyse):
    r = analyse("The economy grew by 2 per cent last year, a report by the Bank of England said on Tuesday.")
    q = _find(r, "The economy grew")
    actor = _speaker_actor(r, q)
    assert actor is not None and actor.kind == "organization" and actor.name == "Bank of England"


def test_the_findings_of_a_report_are_its_authors(analyse):
    r = analyse("The National Audit Office examined the scheme for a year. The report's preliminary findings say "
                "the scheme \"wasted millions of pounds on consultants\".")
    q = _find(r, "wasted millions")
    assert q.speaker is not None and "National Audit Office" in _speaker_actor(r, q).name


def test_the_union_said_in_a_release_is_the_union(analyse):
    r = analyse("The Harbour Workers Union voted to strike. \"This is the only way left to us,\" "
                "the union said in a release.")
    q = _find(r, "the only way left")
    assert q.speaker == "org:harbour-workers-union"


def test_the_ministrys_spokesman_speaks_for_the_ministry(analyse):
    r = analyse("The Foreign Ministry summoned the ambassador on Monday. \"We will not accept these terms from "
                "anyone,\" the ministry's spokesman said.")
    q = _find(r, "We will not accept")
    assert _speaker_actor(r, q) is not None and _speaker_actor(r, q).name == "Foreign Ministry"
    assert q.speaker_name == "Foreign Ministry"


def test_he_said_is_the_subject_of_said_not_the_person_spoken_about(analyse):
    r = analyse("Mr Grant, the party leader, spoke to reporters in Leeds. He said Mr Blair had spoken with "
                "\"such sincerity\" about the plan.")
    q = _find(r, "had spoken with")
    assert q.speaker_name == "Grant" and r.text[q.speaker_span[0]:q.speaker_span[1]] == "He"


def test_speech_inside_another_verb_is_its_subjects(analyse):
    r = analyse("Liam Fox was asked about the minister's absence. Mr Fox responded by accusing him of "
                "\"hiding away from the people who elected him\".")
    q = _find(r, "hiding away")
    assert q.speaker == "person:liam-fox"


def test_went_on_to_say_is_the_subjects(analyse):
    r = analyse("The mayor, Carla Benn, opened the bridge. She went on to say that \"the city will never "
                "forget this day\".")
    assert _find(r, "never forget").speaker_name == "Carla Benn"


@pytest.mark.parametrize("text,fragment", [
    ("Anna Holt met voters in Derby on Monday. She is described as \"a proud grandmother who loves her garden\".",
     "proud grandmother"),
    ("Ministers unveiled a plan dubbed \"the great leap into the unknown\" on Monday.", "great leap"),
    ("The so-called \"peace dividend that everyone was promised\" never arrived, economists argue.", "peace dividend"),
])
def test_a_description_or_a_scare_quote_is_no_quote(analyse, text, fragment):
    r = analyse(text)
    assert not any(q.text.startswith(fragment) or q.text.startswith("a " + fragment) or q.text.startswith("the " + fragment)
                   for q in r.quotes), [q.text for q in r.quotes]


def test_a_passive_naming_verb_with_an_agent_is_the_agents_speech(analyse):
    r = analyse("The budget was called \"a disgrace to this country\" by the mayor, Carla Benn.")
    assert _find(r, "a disgrace").speaker_name == "Carla Benn"


def test_titles_of_works_are_no_quotes(analyse):
    r = analyse("Lena Park wrote a novel called \"The Silent River\" last year.")
    assert r.quotes == []


def test_according_to_names_the_source(analyse):
    r = analyse("The strike will cost the company millions, according to the Confederation of British Industry.")
    assert _find(r, "The strike will cost").speaker_name == "Confederation of British Industry"


def test_a_fragment_in_a_reported_clause_is_the_reporters_not_the_clauses_subject(analyse):
    r = analyse("Mr Grant, the party leader, spoke to reporters in Leeds. He said Mr Blair had spoken with \"such "
                "sincerity and warmth about the people of this town\" on Friday.")
    q = _find(r, "such sincerity")
    assert q.speaker_name == "Grant"


def test_a_cue_that_introduces_the_quote_inside_a_reported_clause_keeps_its_subject(analyse):
    r = analyse("Grant said Blair had told him: \"We will win this seat in the spring.\"")
    assert "Blair" in _find(r, "We will win").speaker_name


def test_adding_after_a_reported_clause_is_the_reporters(analyse):
    r = analyse("Peter Grant told the BBC that Mary Lane \"had a foolish policy which was doomed from the start,\" "
                "adding, \"She lost every single vote in the north.\"")
    assert _find(r, "She lost every").speaker_name == "Peter Grant"
    assert _find(r, "foolish policy").speaker_name == "Peter Grant"


def test_a_cue_before_two_quotes_keeps_both(analyse):
    r = analyse("But Lane said he heard students shout, \"Build that wall right now!\" and \"Go back to where you came "
                "from!\"")
    assert _find(r, "Go back to").speaker_name == "students"


def test_the_person_asked_is_not_the_speaker_of_the_question(analyse):
    r = analyse("\"Will the plan work before the winter comes?\" Anna Holt was asked on Monday.")
    assert _find(r, "Will the plan work").speaker is None


def test_a_document_filed_by_someone_is_theirs(analyse):
    r = analyse("The prices rose sharply, according to a court document filed by state attorney Dave Aronberg.")
    assert _find(r, "The prices rose").speaker_name == "Dave Aronberg"


def test_a_description_is_not_the_person_its_verb_speaks_to(analyse):
    r = analyse("Anna Holt met Tom Reeve on Monday. \"Business has never been this slow in twenty years,\" "
                "the shopkeeper told her.")
    assert _find(r, "Business has never").speaker_name == "Tom Reeve"


@pytest.mark.parametrize("text,fragment,speaker", [
    ("Car production fell in March. \"We will have to halt some production lines next week,\" a spokesman for "
     "Hartwell Motors said.", "halt some production", "Hartwell Motors"),
    ("Optimism is at its highest since 1997, say researchers at Lindqvist Partners.", "Optimism is", "Lindqvist Partners"),
    ("Mr Brown will take charge of the campaign, a report in the Sunday Courier said.", "Mr Brown will", "Courier"),
    ("Anna Holt said the plan was sound. A report in the Weekend Ledger claimed Mr Brown would take charge of the "
     "campaign.", "Mr Brown would", "Weekend Ledger"),
    ("A Central Bank spokesman said the governor would return on Monday. The governor cancelled a speech, the "
     "spokesman said.", "The governor cancelled", "Central Bank"),
])
def test_people_and_papers_that_speak_for_an_organisation_are_it(analyse, text, fragment, speaker):
    r = analyse(text)
    q = _find(r, fragment)
    assert speaker in (q.speaker_name or "") and _speaker_actor(r, q) is not None


def test_a_quote_that_ends_its_sentence_is_not_attributed_by_the_next_sentence(analyse):
    r = analyse("\"Prices should be higher but because of this disaster they are falling,\" said one trader. \"If prices "
                "drop much lower I would consider it a buying opportunity.\" Critics had accused the firm of using the "
                "crisis for its own gain.")
    assert _find(r, "If prices drop").speaker_name == "one trader"


# -- who stands behind the subject of a cue (quotes/speakers.py): sentences written for these tests
@pytest.mark.parametrize("text,fragment,speaker", [
    # a "who" clause the parser hangs on a place inside a person's description
    ("Alan Berger, a dentist from Englewood, New Jersey, who said he knew the family well, "
     "disagreed with the decision.", "he knew the family", "Berger"),
    ("The fire was put out by midnight, said Rosa Ventura, a teacher from Tulsa, Oklahoma, who said "
     "the smoke had reached the school.", "the smoke had reached", "Ventura"),
    # what a document found speaks for who wrote it
    ("The results of a survey by Gallup indicate that most voters want the fuel tax to be cut.",
     "most voters want", "Gallup"),
    ("The findings of a study by Oxfam suggest that food prices will keep rising across the region.",
     "food prices will keep rising", "Oxfam"),
    # officials and sources of a named body speak for the body
    ("Trade and Industry sources said the builders would need more cement this year.",
     "the builders would need", "Trade and Industry"),
    ("A Bank of Japan official said the central bank would not cut its rates this spring.",
     "would not cut its rates", "Bank of Japan"),
    ("Officials of the Finance Ministry said the budget would be cut by a tenth.", "the budget would be cut",
     "Finance Ministry"),
    ("Economists at Barclays said the pound would fall against the dollar.", "the pound would fall", "Barclays"),
])
def test_speaker_behind_the_subject(analyse, text, fragment, speaker):
    q = _find(analyse(text), fragment)
    assert q.speaker_name == speaker or _surname(q) == speaker, q.speaker_name


def test_narration_before_a_dash_is_not_what_was_said(analyse):
    r = analyse("Maria Lopez opened the meeting. Then Ed Crane took the microphone \u2014 he said crime had "
                "fallen by ten percent.")
    assert [q.text for q in r.quotes] == ["crime had fallen by ten percent"]
    assert _surname(r.quotes[0]) == "Crane"


@pytest.mark.parametrize("text,fragment,speaker", [
    ("Anna Reyes used her speech at the rally to warn that the clinic would close in the spring.",
     "the clinic would close", "Reyes"),
    ("Tom Garcia used an interview with a local paper to claim that the mine was safe.", "the mine was safe", "Garcia"),
])
def test_the_occasion_of_speaking_is_not_the_speaker(analyse, text, fragment, speaker):
    q = _find(analyse(text), fragment)
    assert _surname(q) == speaker, q.speaker_name


@pytest.mark.parametrize("text,fragment,speaker", [
    # «“…,” said X, …»: the parser hung X on the clause after the name
    ("\u201cOne man came in and said we should close the border,\u201d said the woman, who like many in the "
     "town did not give her name.", "One man came in", "the woman"),
    ("\u201cI am not going to say it was a mistake,\u201d said retired surgeon Ben Morrow, asked about his claims.",
     "say it was a mistake", "Ben Morrow"),
    # a participle of saying on the addressee of a document: what the document (its sender) says
    ("His campaign sent out a text message to supporters saying: \u201cWe have won the state and we need your "
     "help now.\u201d", "We have won the state", "His campaign"),
])
def test_inverted_and_document_speakers(analyse, text, fragment, speaker):
    q = _find(analyse(text), fragment)
    assert q.speaker_name == speaker, q.speaker_name


def test_participle_after_a_clause_with_no_one_as_subject(analyse):
    r = analyse("There was anger in the hall when Tom Avery rose to speak, saying that the mine would close in June.")
    q = _find(r, "the mine would close")
    assert _surname(q) == "Avery"


def test_an_unsigned_report_is_its_authors_who_speak_next(analyse):
    r = analyse("Shops will have a strong year, according to a report.\n\nOptimism is at its highest since 1997, "
                "say researchers at the Harbour Institute. Sales rose in May.")
    q = _find(r, "Shops will have a strong year")
    assert q.speaker_name == "Harbour Institute"
    assert q.speaker == _find(r, "Optimism is at its highest").speaker is not None


def test_an_unsigned_report_is_not_a_persons(analyse):
    r = analyse("Prices will fall, according to a report. Tom Avery, a builder, said prices had already fallen.")
    assert _find(r, "Prices will fall").speaker_name == "a report"


def test_the_officials_are_the_body_they_spoke_for_before(analyse):
    r = analyse("Treasury officials said the dollar had fallen enough. The officials also said that talks with "
                "Japan would go on next month.")
    assert _find(r, "talks with Japan would go on").speaker_name == "Treasury"


def test_an_unnamed_group_speaks_by_the_words_of_the_article(analyse):
    """Issue 18: an unnamed group's actor is named by its sector ("workers and unions"); the quote that a
    pronoun gives it keeps the article's words as speaker name ("Workers"), as for a person or a body."""
    r = analyse("Workers at a Ghanaian gold mine walked out on Monday. They said wages had not been paid for months.")
    q = _find(r, "wages had not been paid")
    speaker = next(a for a in r.actors if a.id == q.speaker)
    assert speaker.name == "workers and unions" and q.speaker_name == "Workers"
