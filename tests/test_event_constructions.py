"""Constructions that carry a pattern verb's object or subject elsewhere than its own children (issue 17): the noun
a participial or relative clause modifies; a reported obligation read by its modal ("X said Y should ..." an appeal,
"... must ..." a demand); "agree" as an intent only with what is agreed to. Each checks the code and, where the
construction names them, the words of the source and the target. Sentences written for these tests.
"""
from __future__ import annotations

import pytest

from eventwatch.model import Document


def process(pipeline, text: str):
    return next(pipeline.process([Document(text=text, published="2021-08-14", location="test")]))


def codes(record) -> list[tuple[str, str]]:
    """(cameo, trigger text) of each event."""
    return [(e.cameo, record.text[e.trigger[0]:e.trigger[1]].lower()) for e in record.events]


def has(record, root: str, trigger: str) -> bool:
    return any(c.startswith(root) and t == trigger for c, t in codes(record))


def sides(record, root: str, trigger: str | None = None) -> list[tuple[str | None, str | None]]:
    """(source words, target words) of each event of ROOT (at TRIGGER): the words that tied each side to it."""
    def words(span):
        return record.text[span[0]:span[1]] if span else None
    return [(words(e.source_span), words(e.target_span)) for e in record.events if e.cameo.startswith(root)
            and (trigger is None or record.text[e.trigger[0]:e.trigger[1]].lower() == trigger)]


# ------------------------------------------------------------------ the modified noun is the clause verb's object
@pytest.mark.parametrize("text,root,trigger,source,target", [
    ("The pact that Ethiopia signed with Eritrea in 2018 ended the war.", "05", "signed", "Ethiopia", "Eritrea"),
    ("Assets frozen by the Swiss government belong to the former president of Tunisia.", "16", "frozen",
     "Swiss government", None),
    ("The deal struck by Ghana and the IMF will bring new loans.", "05", "struck", "Ghana", None),
])
def test_the_noun_a_participle_or_relative_clause_modifies_is_its_object(pipeline, text, root, trigger, source, target):
    r = process(pipeline, text)
    assert has(r, root, trigger), codes(r)
    assert (source, target) in sides(r, root, trigger), sides(r, root, trigger)


# a participle that modifies the people it releases: the by-agent releases them (source), they are released (target)
@pytest.mark.parametrize("text,source,target", [
    ("Ten activists released by Egyptian authorities on Monday returned home.", "Egyptian authorities", "activists"),
    ("Forty prisoners released by the Burmese junta last week have reached Yangon.", "Burmese junta", "prisoners"),
    ("Two British journalists released from prison in Tehran flew home on Sunday.", None, "British journalists"),
])
def test_people_released_by_a_participle_have_the_agent_as_source_and_themselves_as_target(pipeline, text, source,
                                                                                         target):
    r = process(pipeline, text)
    assert (source, target) in sides(r, "0841", "released"), (codes(r), sides(r, "08"))


# people released from a place that holds no one in custody, or by an employer, are not freed captives
@pytest.mark.parametrize("text", [
    "Ten men released from hospital on Monday thanked the doctors.",
    "Workers released by the carmaker in March are still looking for jobs.",
    "Two players released by the club last summer have signed for a rival.",
])
def test_people_released_outside_custody_are_no_release(pipeline, text):
    r = process(pipeline, text)
    assert not any(c.startswith("08") for c, _ in codes(r)), codes(r)


@pytest.mark.parametrize("text,trigger", [
    ("Figures released by the Kenyan health ministry show a rise in malaria.", "released"),
    ("The new party, expected to launch on Friday, has three members in the Senate.", "expected"),
    ("The country that backed the plan was Norway.", "backed"),
])
def test_a_modified_noun_that_is_not_the_object_codes_nothing(pipeline, text, trigger):
    r = process(pipeline, text)
    assert not any(t == trigger for _, t in codes(r)), codes(r)


# ------------------------------------------------------------------ reported obligation: "should" appeals, "must" demands
@pytest.mark.parametrize("text", [
    "Kenya's opposition leader said the government should rethink its tax plans.",
    "The European Union said Serbia should hand over the suspects to the tribunal.",
    "Ghana should reopen its border with Togo, the Nigerian foreign minister said on Monday.",
    # an intransitive verb with a prepositional complement of a party or a thing ("with", "to", "from", "in")
    "The EU said Serbia should engage with Kosovo in good faith.",
    "The Nigerian minister said Chad should talk to the rebels before the rains.",
    "The UN envoy said the rebels should take part in the peace talks.",
])
def test_a_reported_should_is_an_appeal(pipeline, text):
    r = process(pipeline, text)
    roots = [c[:2] for c, _ in codes(r)]
    assert "02" in roots and "10" not in roots, codes(r)


@pytest.mark.parametrize("text,source,target", [
    ("Kenya's opposition leader said the government must rethink its tax plans.", "Kenya's opposition leader",
     "government"),
    ("The European Union said Serbia must hand over the suspects to the tribunal.", "European Union", "Serbia"),
])
def test_a_reported_must_stays_a_demand(pipeline, text, source, target):
    r = process(pipeline, text)
    roots = [c[:2] for c, _ in codes(r)]
    assert "10" in roots and "02" not in roots, codes(r)
    assert (source, target) in sides(r, "10"), sides(r, "10")


# ------------------------------------------------------------------ agreeing: an intent needs what is agreed to
@pytest.mark.parametrize("text,source,target", [
    ("Kenya and Tanzania agreed to build a new railway across their border.", "Kenya", "Tanzania"),
    ("The African Union agreed to a one-year extension of its mission in Somalia.", "African Union", None),
    ("Chile and Peru have agreed upon a new fisheries pact.", "Chile", "Peru"),
])
def test_agreeing_to_act_is_an_intent(pipeline, text, source, target):
    r = process(pipeline, text)
    assert any(c.startswith("03") for c, _ in codes(r)), codes(r)
    assert (source, target) in sides(r, "03"), sides(r, "03")   # X and Y agree: each is the other's partner


@pytest.mark.parametrize("text", [
    "The Kenyan finance minister agreed, adding that taxes would rise next year.",
    "Members of the Senate committee did not agree on every point in the report.",
])
def test_agreeing_in_a_discussion_is_no_act(pipeline, text):
    r = process(pipeline, text)
    assert not any(t.startswith("agree") for _, t in codes(r)), codes(r)


# ------------------------------------------------------------------ an act whose result still holds, dated: background
def process_on(pipeline, text: str, published: str | None):
    return next(pipeline.process([Document(text=text, published=published, location="test")]))


@pytest.mark.parametrize("text,published,root", [
    ("Sanctions imposed on Iran in 2012 remain in place.", "2012-11-02", "16"),
    ("Tariffs imposed by the United States on Chinese steel in 2018 are still in force.", "2018-11-20", "16"),
    ("Troops deployed by Egypt to the Sinai in 2014 remain there.", "2014-12-01", "15"),
])
def test_a_dated_act_whose_result_still_holds_is_background(pipeline, text, published, root):
    r = process_on(pipeline, text, published)
    evs = [e for e in r.events if e.cameo.startswith(root)]
    assert evs and all(e.background for e in evs), [(e.cameo, e.background) for e in r.events]


@pytest.mark.parametrize("text,published,root", [
    ("Sanctions imposed on Iran last week remain in place.", "2012-11-02", "16"),   # the story's own recent past
    ("Sanctions imposed on Iran in 2012 were lifted on Monday.", "2012-11-02", "16"),  # no state that still holds
])
def test_a_recent_or_not_persisting_act_is_not_background(pipeline, text, published, root):
    r = process_on(pipeline, text, published)
    evs = [e for e in r.events if e.cameo.startswith(root) and r.text[e.trigger[0]:e.trigger[1]] == "imposed"]
    assert evs and not any(e.background for e in evs), [(e.cameo, e.background) for e in r.events]


# ------------------------------------------------------------------ a reported "should" that predicts is no appeal
@pytest.mark.parametrize("text", [
    "The Kenyan coach said Uganda should win the match comfortably.",
    "Kenyan officials said the Ugandan delegation should arrive in Nairobi on Monday.",
    "The Malian prime minister said there should be new elections next year.",
    "Ghana's opposition said the government should have acted sooner on the floods.",
    "Nigeria's football federation said Ghana should reach the final in Cairo.",
    "Nigeria's football federation said Ghana should lose to Egypt on Sunday.",
])
def test_a_reported_should_that_predicts_or_reproaches_is_no_appeal(pipeline, text):
    r = process(pipeline, text)
    assert not any(c.startswith(("02", "10")) for c, _ in codes(r)), codes(r)


@pytest.mark.parametrize("text,source,target", [
    ("The Liberian president said the rebels should lay down their arms.", "Liberian president", "rebels"),
    ("Kenya's opposition leader said the government should rethink its tax plans.", "Kenya's opposition leader",
     "government"),
    ("The European Union said Serbia should hand over the suspects to the tribunal.", "European Union", "Serbia"),
    ("Ghana should reopen its border with Togo, the Nigerian foreign minister said on Monday.",
     "Nigerian foreign minister", "Ghana"),
    # a passive names someone's act: advice all the same, to whoever the clause's subject stands for
    ("Kenya's opposition leader said the electoral commission should be disbanded.", "Kenya's opposition leader",
     "electoral commission"),
])
def test_a_reported_should_appeals_from_the_speaker_to_the_clause_subject(pipeline, text, source, target):
    r = process(pipeline, text)
    assert (source, target) in sides(r, "02"), (codes(r), sides(r, "02"))


@pytest.mark.parametrize("modal,root", [("should", "02"), ("must", "10")])
def test_should_not_is_read_as_must_not(pipeline, modal, root):
    r = process(pipeline, f"The EU said Serbia {modal} not deploy troops to the border.")
    evs = [e for e in r.events if e.root == root]
    assert evs and all(e.negated for e in evs), [(e.cameo, e.negated) for e in r.events]
    r = process(pipeline, f"The EU said Serbia {modal} not change its laws.")   # no coded act inside: no event
    assert not any(e.root in ("02", "10") for e in r.events), codes(r)


def test_the_advice_modals_are_data_validated_at_load(tmp_path):
    from eventwatch.events.lexicon import load_frames

    assert load_frames().advice == {"should"} and load_frames().advice <= load_frames().obligation
    bad = tmp_path / "frames.tsv"
    bad.write_text("# test frames, written for this test\nobligation\tmust\nadvice\tshould\n", encoding="utf-8")
    with pytest.raises(ValueError, match="advice"):
        load_frames(bad)
