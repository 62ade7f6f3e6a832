"""Speakers by canonical name across sentences (issue 20, eighth session): pronouns after a spokesperson,
"it" after a body that spoke, organisation descriptions, a name the model took for a person's that an
organisation noun introduces, and subjects of to-infinitives. Short articles written for these tests;
texts are analysed without the cleaner so that offsets are into these strings."""
from __future__ import annotations

import pytest

from eventwatch.eval.quotes import same_speaker

from quote_helpers import find_quote as _find


def test_he_added_after_a_spokesman_of_a_body_is_the_body(analyse):
    """«A Treasury spokesman said … He added …»: not the man named before the spokesman spoke."""
    rec = analyse("Mr Hollis said the Treasury should now review the scheme. A Treasury spokesman said the rules had "
                  "been tightened last year. He added \"that the new checks will be simpler and harder to abuse\".")
    assert same_speaker(_find(rec, "simpler and harder").speaker_name, "Treasury"), _find(rec, "simpler and harder").speaker_name


def test_she_after_a_spokeswoman_is_the_body_and_he_is_not(analyse):
    rec = analyse("Dan Porter criticised Velmar Foods on Monday. A Velmar Foods spokeswoman said the recall was complete. "
                  "\"No customer was harmed,\" she said.")
    assert same_speaker(_find(rec, "No customer was harmed").speaker_name, "Velmar Foods")
    rec = analyse("Dan Porter criticised Velmar Foods on Monday. A Velmar Foods spokeswoman said the recall was complete. "
                  "\"They are hiding the numbers,\" he said.")
    assert same_speaker(_find(rec, "hiding the numbers").speaker_name, "Dan Porter")


def test_it_after_a_body_that_spoke_by_a_name_in_lower_case(analyse):
    """«the Commons science and innovation committee said … it added»: the committee, though its name is not all capitals."""
    rec = analyse("A national fund should be set up, the Commons science and innovation committee said. Costs will "
                  "rise over the next decade, it added.")
    assert same_speaker(_find(rec, "Costs will rise").speaker_name, "Commons science and innovation committee")


def test_a_name_an_organisation_noun_introduces_is_an_organisation(analyse):
    """«pressure group Clean Streets 2020 said … said a spokesman»: the group (the model may call the name a person's)."""
    rec = analyse("Pressure group Clean Streets 2020 said the plan sends the wrong signal. \"We are disappointed "
                  "that the council has ignored residents,\" said a spokesman.")
    name = _find(rec, "ignored residents").speaker_name
    assert same_speaker(name, "Clean Streets 2020"), name
    assert not any(a.kind == "person" and "Clean Streets" in a.name for a in rec.actors)


def test_the_subject_of_a_to_infinitive_is_no_topic_subject(pipeline):
    """«… formed an Engine Group to serve carmakers»: with the parse the model gives some texts ("Group" the
    subject of "serve"), the name is no subject a later "the company" goes back to; of "serves" it is."""
    from spacy.tokens import Doc

    from eventwatch.actors.mentions import _is_subject

    def parsed(verb: str, tag: str, to: bool) -> Doc:
        words = ["an", "Engine", "Group"] + (["to"] if to else []) + [verb, "carmakers"]
        v = len(words) - 2
        heads = [2, 2, v] + ([v] if to else []) + [v, v]
        deps = ["det", "compound", "nsubj"] + (["aux"] if to else []) + ["ROOT", "dobj"]
        tags = ["DT", "NNP", "NNP"] + (["TO"] if to else []) + [tag, "NNS"]
        return Doc(pipeline.nlp.vocab, words=words, heads=heads, deps=deps, tags=tags)

    assert not _is_subject(parsed("serve", "VB", True)[2], None)
    assert _is_subject(parsed("serves", "VBZ", False)[2], None)


@pytest.mark.parametrize("text,fragment,speaker", [
    ("A Dutch bank has said it will repay customers hit by the fraud. Ostbank agreed the payments with "
     "regulators. The Ostmark Savings Bank said the sums would reach 3m euros.", "repay customers", "Ostmark Savings Bank"),
    ("Schools need more maths teachers, a committee of MPs has said. Pay is too low, the Commons science and "
     "innovation committee added.", "more maths teachers", "Commons science and innovation committee"),
])
def test_an_indefinite_body_that_opens_a_story_is_the_one_named_after_it(analyse, text, fragment, speaker):
    name = _find(analyse(text), fragment).speaker_name
    assert name == speaker, name  # not only the scorer's "same speaker" ("a committee" shares its one word)


def test_an_indefinite_body_stays_itself_when_two_could_be_meant(analyse):
    rec = analyse("A British bank has said it will close 40 branches. The Harbour Bank and the Crown Bank both "
                  "cut jobs last year.")
    assert _find(rec, "close 40 branches").speaker_name == "A British bank"


def test_members_of_a_committee_speak_for_the_committee_named_before(analyse):
    rec = analyse("The Public Transport Committee published its report on Monday. Committee members said the "
                  "ministry had ignored warnings from drivers.")
    assert same_speaker(_find(rec, "ignored warnings").speaker_name, "Public Transport Committee")


def test_a_short_name_with_a_description_of_a_firm_is_the_firm(analyse):
    """«Meridian, the nation's biggest carrier, said» after "Meridian Airlines": the airline's actor."""
    rec = analyse("Meridian Airlines reported a loss of 80m euros for the year. Meridian, the nation's biggest carrier, "
                  "said it expected another loss in the spring.")
    q = _find(rec, "another loss")
    assert q.speaker == "org:meridian-airlines" and q.speaker_name == "Meridian Airlines", (q.speaker, q.speaker_name)


def test_a_firms_trade_noun_after_a_person_named_between_is_still_the_firm(analyse):
    """The trade noun ("the carmaker") is the actor stage's: the firm named before, not the chief named since."""
    rec = analyse("Delmont Motors cut 900 jobs at its plant in Turin. Its chief executive, Paolo Neri, met unions. "
                  "The carmaker said demand in Europe had fallen.")
    assert same_speaker(_find(rec, "demand in Europe").speaker_name, "Delmont Motors")


def test_a_name_in_lower_case_wire_copy_is_a_person_a_pronoun_goes_back_to(analyse):
    """«…, mines minister ricardo ortega molina said. He gave few details, but said …»: the lower-case name the
    tagger calls a person's is one (and "He" is that person)."""
    rec = analyse("chile will sell copper to peru at a discount, mines minister ricardo ortega molina said.\n"
                  "    He gave few details, but said the first cargo would leave in june.")
    q = _find(rec, "first cargo would leave")
    assert same_speaker(q.speaker_name, "ricardo ortega molina"), q.speaker_name
    assert q.speaker == "person:ricardo-ortega-molina"
