"""Reactions to an act (REVIEW12 #2): "X condemned / welcomed / protested the arrest of Y" is X's reaction, not X's
arrest. The act named by the reaction's object has a source only when its own phrase names its doer, and the
reaction is aimed at that doer, else at the state holding the place of an act of state. Sentences written for
these tests.
"""
from __future__ import annotations

import pytest

from eventwatch.model import Document


def coded(pipeline, text: str) -> list[tuple[str, str | None, str | None]]:
    """(CAMEO code, source country+sector code, target country+sector code) of every event."""
    record = next(pipeline.process([Document(text=text, published="2026-11-04", location="test")]))
    codes = {a.id: a.code for a in record.actors}
    return [(e.cameo, codes.get(e.source), codes.get(e.target)) for e in record.events]


# (sentence, reactor's code, root of the reaction, root of the act reacted to, code the reaction is aimed at)
REACTED_STATE_ACTS = [
    ("Canada condemned the arrest of a Canadian engineer in China on Monday.", "CAN", "11", "17", "CHN"),
    ("Sweden sharply condemned the detention of two Swedish teachers in Eritrea.", "SWE", "11", "17", "ERI"),
    ("Germany criticised the detention of a German reporter in Egypt last week.", "DEU", "11", "17", "EGY"),
    ("The United Nations welcomed the release of detained journalists in Myanmar.", "IGOUNO", "05", "08", "MMR"),
    ("Britain welcomed the release of three British sailors in Iran on Sunday.", "GBR", "05", "08", "IRN"),
    ("The EU deplored the expulsion of Dutch diplomats from Venezuela.", "IGOEUREEC", "11", "16", "VEN"),
    ("Poland protested against the expulsion of its consul from Belarus.", "POL", "14", "16", "BLR"),
]


@pytest.mark.parametrize("text,reactor,react_root,act_root,aimed", REACTED_STATE_ACTS)
def test_reaction_to_an_act_of_state_is_aimed_at_the_place_holder(pipeline, text, reactor, react_root, act_root, aimed):
    got = coded(pipeline, text)
    assert any(c[:2] == react_root and s == reactor and t == aimed for c, s, t in got), got
    # the act itself is not the reactor's: the sentence names no doer, so it has no source
    acts = [(c, s, t) for c, s, t in got if c[:2] == act_root]
    assert all(s is None and t != reactor for _, s, t in acts), got


@pytest.mark.parametrize("text,reactor,act_root", [
    ("India strongly denounced the bombing of a Hindu temple in Bangladesh.", "IND", "18"),
    ("Jordan denounced the shelling of a school in Gaza.", "JOR", "19"),
    ("Syria's president praised the assault on Israeli positions in the Golan.", "SYRGOV", "19"),
    ("Iran hailed the missile attack on Israel as a victory.", "IRN", "18"),
    ("Mexico mourned the killing of two journalists in Veracruz.", "MEX", "18"),
])
def test_violence_reacted_to_is_not_the_reactors(pipeline, text, reactor, act_root):
    got = coded(pipeline, text)
    assert got, "the reaction is coded"
    assert not any(reactor in (s, t) and c[:2] in ("18", "19", "20") for c, s, t in got), got


@pytest.mark.parametrize("text,doer,act_root", [
    ("Japan protested the detention of a Japanese fisherman by Russian border guards.", "RUSMIL", "17"),
    ("The White House condemned Russia's invasion of Ukraine.", "RUS", "19"),
    ("Turkey condemned the Israeli raid on the hospital.", "ISR", "17"),
])
def test_act_with_its_own_doer_is_kept_and_the_reaction_aims_at_the_doer(pipeline, text, doer, act_root):
    got = coded(pipeline, text)
    acts = [(c, s, t) for c, s, t in got if c[:2] == act_root]
    assert acts and all(s is not None and s.startswith(doer[:3]) for _, s, _ in acts), got
    assert any(c[:2] in ("11", "14") and t is not None and t.startswith(doer[:3]) for c, _, t in got), got


def test_reacted_act_takes_no_party_from_the_reaction(pipeline):
    # the raid's doer is named; its victim is not: the reactors do not become the raided
    got = coded(pipeline, "Britain and France condemned the raid by Ruritanian troops.")
    raids = [(c, s, t) for c, s, t in got if c[:2] == "17"]
    assert raids and all(t not in ("GBR", "FRA") for _, _, t in raids), got


@pytest.mark.parametrize("text,doer,act_root", [
    ("Russia ordered the arrest of a British journalist on Monday.", "RUS", "17"),
    ("Police ordered the arrest of the protest leaders in Minsk.", "BLRCOP", "17"),
    ("Egypt announced the release of 40 political prisoners on Monday.", "EGY", "08"),
    ("Kenya announced the expulsion of two Somali diplomats.", "KEN", "16"),
])
def test_ordering_or_announcing_an_act_is_doing_it(pipeline, text, doer, act_root):
    got = coded(pipeline, text)
    assert any(c[:2] == act_root and s == doer for c, s, _ in got), got


@pytest.mark.parametrize("text,reactor,aimed", [
    ("Spain's condemnation of the arrest of a Spanish journalist in Morocco angered Rabat.", "ESP", "MAR"),
    ("Britain voiced concern about the detention of a British lawyer in Egypt.", "GBR", "EGY"),
    ("Australia voiced alarm over the detention of an Australian writer in Beijing.", "AUS", "CHN"),
])
def test_noun_of_reaction_does_not_make_the_reactor_the_doer(pipeline, text, reactor, aimed):
    got = coded(pipeline, text)
    arrests = [(c, s, t) for c, s, t in got if c[:2] == "17"]
    assert all(s != reactor for _, s, _ in arrests), got
    assert any(c[:2] in ("01", "11") and s == reactor and t == aimed for c, s, t in got), got
