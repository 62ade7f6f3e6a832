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


def test_a_pipeline_with_other_settings_gets_its_own_model_and_leaves_others_unchanged():
    """Pipeline.__init__ once sped up the one cached model in place: a pipeline built later with other
    settings changed (or inherited) the model of every pipeline built before it."""
    from eventwatch.nlp.fast import AttributeLookup
    from eventwatch.nlp.matmul import uses_numpy_matmul
    from eventwatch.pipeline import Pipeline
    from eventwatch.settings import Settings

    default = Pipeline(Settings())
    thinc = Pipeline(Settings(matmul="thinc"))
    plain = Pipeline(Settings(fast_nlp=False, matmul="thinc"))
    assert uses_numpy_matmul(default.nlp)  # untouched by the thinc pipelines built after it
    assert not uses_numpy_matmul(thinc.nlp) and not uses_numpy_matmul(plain.nlp)
    assert isinstance(thinc.nlp.get_pipe("attribute_ruler"), AttributeLookup)
    assert not isinstance(plain.nlp.get_pipe("attribute_ruler"), AttributeLookup)  # fast_nlp=False: spaCy's own
    assert Pipeline(Settings()).nlp is default.nlp  # the same settings share one cached model
    text = "Rebels attacked an army convoy near the capital on Monday, the defence ministry said."
    assert [t.tag_ for t in thinc.nlp(text)] == [t.tag_ for t in plain.nlp(text)] == [t.tag_ for t in default.nlp(text)]
