"""Constructions that carry a pattern verb's object or subject elsewhere than its own children (issue 17): the noun
a participial or relative clause modifies; a reported obligation read by its modal ("X said Y should ..." an appeal,
"... must ..." a demand); "agree" as an intent only with what is agreed to. Sentences written for these tests.
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


# ------------------------------------------------------------------ the modified noun is the clause verb's object
@pytest.mark.parametrize("text,root,trigger", [
    ("The pact that Ethiopia signed with Eritrea in 2018 ended the war.", "05", "signed"),
    ("Assets frozen by the Swiss government belong to the former president of Tunisia.", "16", "frozen"),
    ("Ten activists released by Egyptian authorities on Monday returned home.", "08", "released"),
    ("The deal struck by Ghana and the IMF will bring new loans.", "05", "struck"),
])
def test_the_noun_a_participle_or_relative_clause_modifies_is_its_object(pipeline, text, root, trigger):
    r = process(pipeline, text)
    assert has(r, root, trigger), codes(r)


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
])
def test_a_reported_should_is_an_appeal(pipeline, text):
    r = process(pipeline, text)
    roots = [c[:2] for c, _ in codes(r)]
    assert "02" in roots and "10" not in roots, codes(r)


@pytest.mark.parametrize("text", [
    "Kenya's opposition leader said the government must rethink its tax plans.",
    "The European Union said Serbia must hand over the suspects to the tribunal.",
])
def test_a_reported_must_stays_a_demand(pipeline, text):
    r = process(pipeline, text)
    roots = [c[:2] for c, _ in codes(r)]
    assert "10" in roots and "02" not in roots, codes(r)


# ------------------------------------------------------------------ agreeing: an intent needs what is agreed to
@pytest.mark.parametrize("text", [
    "Kenya and Tanzania agreed to build a new railway across their border.",
    "The African Union agreed to a one-year extension of its mission in Somalia.",
    "Chile and Peru have agreed upon a new fisheries pact.",
])
def test_agreeing_to_act_is_an_intent(pipeline, text):
    r = process(pipeline, text)
    assert any(c.startswith("03") for c, _ in codes(r)), codes(r)


@pytest.mark.parametrize("text", [
    "The Kenyan finance minister agreed, adding that taxes would rise next year.",
    "Members of the Senate committee did not agree on every point in the report.",
])
def test_agreeing_in_a_discussion_is_no_act(pipeline, text):
    r = process(pipeline, text)
    assert not any(t.startswith("agree") for _, t in codes(r)), codes(r)
