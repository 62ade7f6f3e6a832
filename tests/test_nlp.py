"""Model loading and the paragraph-boundary component."""
from eventwatch.nlp import available_models, load_model


def test_a_model_is_installed_and_loaded_once():
    assert available_models()
    assert load_model() is load_model() is load_model(None)  # one model whichever way it is asked for


def test_paragraph_breaks_are_sentence_breaks(nlp):
    doc = nlp("The minister said: “We will not give up the fight\n\nOfficials in the capital then announced new talks with the rebels.")
    sents = [s.text.strip() for s in doc.sents]
    assert any(s.startswith("Officials in the capital") for s in sents)
    assert all("give up" not in s or "Officials" not in s for s in sents)
