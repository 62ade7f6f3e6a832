"""The calibration of every event's final confidence (events/confidence.py, data/confidence_calibration.tsv):
the file is validated when it loads, the mapping is monotone where it must be, and the pipeline applies it
(sentences written for these tests)."""
from __future__ import annotations

import copy
import itertools

import pytest

from eventwatch.events.confidence import (Calibration, CalibrationError, calibration_features,
                                          load_calibration)
from eventwatch.model import Document, Event

HEADER = "# test calibration\n# columns: feature, weight\n"


def write(tmp_path, body: str, header: str = HEADER):
    path = tmp_path / "cal.tsv"
    path.write_text(header + body, "utf-8")
    return path


@pytest.mark.parametrize("body,header,where", [
    ("bias\t-1\nraw\t0.5\n", "", "no provenance header"),
    ("bias\t-1\nraw\t0.5\nroot=99\t0.2\n", HEADER, "line 5"),           # unknown feature
    ("bias\t-1\nraw\t-0.5\n", HEADER, "must be >= 0"),                  # would make confidence fall with the coder's
    ("bias\t-1\nraw\t0.5\nlp\t-0.2\n", HEADER, "must be >= 0"),              # nor with the learned coder's
    ("bias\t-1\nraw\tlots\n", HEADER, "not a number"),
    ("bias\t-1\nraw\tnan\n", HEADER, "non-finite"),
    ("raw\t0.5\nsource\t0.3\n", HEADER, "no weight for bias"),
    ("bias\t-1\nraw\t0.5\nsource\t0.3\nsource\t0.4\n", HEADER, "repeated"),
    ("bias\t-1\traw\n", HEADER, "columns"),
])
def test_a_broken_file_is_a_coded_error(tmp_path, body, header, where):
    with pytest.raises(CalibrationError) as err:
        load_calibration(write(tmp_path, body, header))
    assert err.value.code == "E403"
    assert where in str(err.value)


def test_the_shipped_file_loads_with_a_nonnegative_raw_weight():
    cal = load_calibration()
    assert {"bias", "raw", "source", "target"} <= set(cal.weights)
    assert cal.weights["raw"] >= 0


def event(conf: float, start: int = 0, **kw) -> Event:
    base = dict(source=None, target=None, cameo="173", root="17", plover="ARREST", quad_class=4, goldstein=-5.0,
                sentence=[start, start + 60], trigger=[start + 10, start + 18], confidence=conf, method="pattern")
    base.update(kw)
    return Event(**base)


def test_monotone_in_the_coders_confidence_whatever_else_holds():
    cal = Calibration({"bias": -1.0, "raw": 0.8, "source": 0.7, "target": 0.6, "negated": -0.5, "quad=4": 0.4})
    for flags in itertools.product((False, True), repeat=3):
        src, tgt, neg = flags
        out = []
        for raw in (0.05, 0.2, 0.4, 0.5, 0.6, 0.8, 0.95):
            ev = event(raw, source="A" if src else None, target="B" if tgt else None, negated=neg)
            cal.apply([ev])
            out.append(ev.confidence)
        assert out == sorted(out) and out[0] < out[-1], (flags, out)


def test_monotone_in_the_learned_coders_probability_of_the_root():
    cal = load_calibration()
    out = []
    for p in (0.02, 0.1, 0.3, 0.5, 0.7, 0.9, 0.98):
        ev = event(0.6, source="A")
        cal.apply([ev], {id(ev): p})
        out.append(ev.confidence)
    assert out == sorted(out) and out[0] < out[-1], out


def test_found_source_and_target_raise_it_under_the_shipped_file():
    cal = load_calibration()
    bare, full = event(0.6), event(0.6, start=100, source="NGAPOL", target="NGAOPP")
    cal.apply([bare])
    cal.apply([full])
    assert full.confidence > bare.confidence


def test_a_sentence_keeps_the_coders_order():
    """A reading the coder ranked lower never overtakes the one above it (the main event stays the main event)."""
    cal = Calibration({"bias": -1.0, "raw": 0.1, "source": 1.5, "target": 1.5})
    first = event(0.8)                                      # no actors: low calibrated value on its own
    second = event(0.5, source="A", target="B", root="11", cameo="112", quad_class=3, trigger=[30, 36])
    other = event(0.5, start=100, source="A", target="B")  # the same reading alone in its sentence
    cal.apply([first, second, other])
    assert first.confidence >= second.confidence
    assert second.confidence < other.confidence             # capped at the first one's value


def test_features_name_only_what_the_validator_accepts(tmp_path):
    evs = [event(0.7, source="A", background=True), event(0.4, trigger=[30, 36], negated=True, method="both")]
    feats = calibration_features(evs)
    assert feats[0]["top"] == 1.0 and "top" not in feats[1]
    assert {"source", "background"} <= set(feats[0]) and {"negated", "method=both"} <= set(feats[1])
    names = sorted({n for f in feats for n in f} - {"bias", "raw"})
    cal = load_calibration(write(tmp_path, "bias\t-1\nraw\t0.5\n" + "".join(f"{n}\t0.1\n" for n in names)))
    assert set(names) <= set(cal.weights)


def run_with(pipeline, text: str, **attrs):
    """The events of TEXT with the event stage's attributes ATTRS set for this run only."""
    stage = next(s for s in pipeline.stages if s.name == "events")
    saved = {k: getattr(stage, k) for k in attrs}
    for k, v in attrs.items():
        setattr(stage, k, v)
    try:
        return next(pipeline.process([Document(text=text, published="2024-03-05")])).events
    finally:
        for k, v in saved.items():
            setattr(stage, k, v)


def test_the_pipeline_applies_it_to_a_sentence(pipeline):
    text = ("Kenyan police arrested two opposition leaders in Nairobi on Tuesday. "
            "The officers later released them without charge.")
    stage = next(s for s in pipeline.stages if s.name == "events")
    assert stage.calibration is not None and stage.root_model is not None, "calibration is on by default"
    raw = run_with(pipeline, text, calibration=None)
    no_model = run_with(pipeline, text, root_model=None)
    got = run_with(pipeline, text)
    expected = [copy.copy(e) for e in raw]
    load_calibration().apply(expected)          # no learned probabilities: what the stage does without the model
    assert [e.confidence for e in no_model] == [e.confidence for e in expected]
    assert [e.confidence for e in got] != [e.confidence for e in raw]
    arrest = [k for k, e in enumerate(got) if e.root == "17" and e.source and e.target]
    assert arrest, [(e.root, e.cameo, e.source, e.target) for e in got]
    # the learned coder reads "arrested" as an arrest too: that raises the arrest's calibrated confidence
    assert all(got[k].confidence > no_model[k].confidence for k in arrest)
    assert all(0.0 < e.confidence < 1.0 for e in got)


def test_eval_takes_pipeline_settings_as_a_json_object(capsys):
    from eventwatch.cli.main import main

    assert main(["eval", "events", "labels/events", "--extra", "[1"]) == 2
    assert main(["eval", "events", "labels/events", "--extra", "[1]"]) == 2
    assert "JSON object" in capsys.readouterr().err


def test_a_root_weight_moves_only_that_roots_events():
    """Per-root calibration (issue 17): a weight on root=13 lowers threats, not criticism of the same QuadClass."""
    from eventwatch.events.confidence import Calibration, calibration_features, feature_ok
    from eventwatch.model import Event

    assert feature_ok("root=13") and not feature_ok("root=01x")
    threat = Event(source="a", target="b", cameo="130", root="13", plover="THREATEN", goldstein=-4.0, quad_class=3, confidence=0.6,
                   sentence=[0, 10], trigger=[0, 4])
    blame = Event(source="a", target="b", cameo="111", root="11", plover="ACCUSE", goldstein=-2.0, quad_class=3, confidence=0.6,
                  sentence=[20, 30], trigger=[20, 24])
    cal = Calibration({"bias": 0.0, "raw": 1.0, "root=13": -1.0})
    f_threat, f_blame = calibration_features([threat])[0], calibration_features([blame])[0]
    assert cal.probability(f_threat) < cal.probability(f_blame)
