"""The spaCy speed-ups change nothing in the annotation the stages read."""
from __future__ import annotations

import spacy
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, POS, SENT_START, TAG

from eventwatch.nlp.fast import AttributeLookup, speed_up

TEXTS = [
    "The finance minister of Estland met union leaders in the capital on Monday and promised a new offer.",
    "I ain't gonna sign it, y'all. She's done it before, he'd say. 'Cause we wanna go home. Lemme see the letter.",
    "Rebels attacked a convoy near Karsk, killing two soldiers; the army said it would respond.\n\n"
    "\"We will not accept these terms,\" the opposition leader told reporters. They're wrong, aren't they?",
]
ATTRS = [TAG, POS, MORPH, LEMMA, DEP, HEAD, ENT_IOB, ENT_TYPE, SENT_START]


def test_attribute_lookup_gives_the_same_annotation_as_the_attribute_ruler():
    plain = spacy.load(_package())
    fast = speed_up(spacy.load(_package()))
    assert isinstance(fast.get_pipe("attribute_ruler"), AttributeLookup)
    for a, b in zip(plain.pipe(TEXTS), fast.pipe(TEXTS)):
        assert (a.to_array(ATTRS) == b.to_array(ATTRS)).all()
        assert [t.lemma_ for t in a] == [t.lemma_ for t in b]
        assert [str(t.morph) for t in a] == [str(t.morph) for t in b]


def test_speed_up_is_idempotent(nlp):
    before = nlp.pipe_names
    assert speed_up(nlp).pipe_names == before


def _package() -> str:
    from eventwatch.nlp import available_models

    return next(m for m in available_models() if m != "en_core_web_trf")


def test_lemma_lookup_gives_the_rule_lemmatizer_lemmas():
    from eventwatch.nlp.fast import LemmaLookup, speed_up_lemmatizer

    plain = spacy.load(_package())
    fast = speed_up_lemmatizer(spacy.load(_package()))
    assert isinstance(fast.get_pipe("lemmatizer"), LemmaLookup)
    texts = TEXTS + TEXTS[::-1]  # the second pass reads lemmas from the table
    for a, b in zip(plain.pipe(texts), fast.pipe(texts)):
        assert [t.lemma_ for t in a] == [t.lemma_ for t in b]
        assert (a.to_array(ATTRS) == b.to_array(ATTRS)).all()
    assert any(t.lemma_ != t.text for t in b)


def test_lemma_lookup_emptied_when_full_gives_the_same_lemmas():
    from eventwatch.nlp.fast import speed_up_lemmatizer

    plain = spacy.load(_package())
    fast = speed_up_lemmatizer(spacy.load(_package()))
    fast.get_pipe("lemmatizer").MAX_ENTRIES = 5
    for a, b in zip(plain.pipe(TEXTS), fast.pipe(TEXTS)):
        assert [t.lemma_ for t in a] == [t.lemma_ for t in b]
    assert len(fast.get_pipe("lemmatizer").table) <= 5


def test_numpy_gemm_matches_thinc_gemm_in_every_transposition():
    import numpy
    from thinc.api import NumpyOps

    from eventwatch.nlp.matmul import MatmulOps

    rng = numpy.random.default_rng(7)
    x, y = rng.standard_normal((37, 19), dtype="float32"), rng.standard_normal((19, 23), dtype="float32")
    thinc, ours = NumpyOps(), MatmulOps()
    for a, b, t1, t2 in [(x, y, False, False), (x.T.copy(), y, True, False), (x, y.T.copy(), False, True),
                         (x.T.copy(), y.T.copy(), True, True)]:
        want = thinc.gemm(a, b, trans1=t1, trans2=t2)
        got = ours.gemm(a, b, trans1=t1, trans2=t2)
        assert got.shape == want.shape == (37, 23) and got.dtype == numpy.float32
        assert numpy.allclose(got, want, rtol=1e-5, atol=1e-5)
        out = numpy.zeros((37, 23), dtype="float32")
        assert ours.gemm(a, b, out=out, trans1=t1, trans2=t2) is out
        assert numpy.allclose(out, want, rtol=1e-5, atol=1e-5)


def test_numpy_matmul_model_annotates_as_the_thinc_one_and_switches_back():
    from eventwatch.nlp.matmul import set_matmul, uses_numpy_matmul

    thinc_model = spacy.load(_package())
    ours = set_matmul(speed_up(spacy.load(_package())), "numpy")
    assert uses_numpy_matmul(ours) and not uses_numpy_matmul(thinc_model)
    for a, b in zip(thinc_model.pipe(TEXTS), ours.pipe(TEXTS)):
        assert (a.to_array(ATTRS) == b.to_array(ATTRS)).all()
    assert not uses_numpy_matmul(set_matmul(ours, "thinc"))
    try:
        set_matmul(ours, "gpu")
    except ValueError as exc:
        assert "numpy" in str(exc)
    else:
        raise AssertionError("an unknown matmul was accepted")


def test_the_pipeline_multiplies_through_numpy_on_one_blas_thread_while_it_parses(pipeline, monkeypatch):
    import numpy  # noqa: F401 - its BLAS is the one limited
    from threadpoolctl import threadpool_info

    from eventwatch.nlp.matmul import uses_numpy_matmul

    def blas_threads():
        return [lib["num_threads"] for lib in threadpool_info() if lib["user_api"] == "blas"]

    assert uses_numpy_matmul(pipeline.nlp)
    seen = []
    real_pipe = pipeline.nlp.pipe

    def watched(texts, **kw):
        seen.append(blas_threads())
        return real_pipe(texts, **kw)

    outside = blas_threads()
    monkeypatch.setattr(pipeline.nlp, "pipe", watched)
    record = pipeline.process_text("Rebels attacked a convoy near Karsk, the army said on Monday.")
    assert record.events and seen and all(n == [1] for n in seen)
    assert blas_threads() == outside  # the caller's setting is back


NER_TEXTS = TEXTS + [
    "",
    "   \n\n  ",
    "Amina Okoro of the Lagos Chamber of Commerce flew to Geneva on 3 March 2004 with $2.5 million.\n\n"
    "Okoro said the World Health Organization would meet in New York. Then she left for Kenya",
    "The  Red Cross ,  UNICEF and the European Union sent 40 trucks to Darfur . Sudan 's government said no",
]


def _ents(doc) -> list[tuple[int, int, str, str]]:
    return [(e.start, e.end, e.label_, e.kb_id_) for e in doc.ents]


def test_greedy_ner_finds_the_entities_of_spacys_recogniser_in_batches_and_one_by_one():
    from eventwatch.nlp.greedy_ner import GreedyNER, speed_up_ner

    plain = spacy.load(_package())
    fast = speed_up_ner(spacy.load(_package()))
    assert isinstance(fast.get_pipe("ner"), GreedyNER) and fast.pipe_names == plain.pipe_names
    texts = NER_TEXTS * 3
    for size in (1, 2, 5, 32):
        for a, b in zip(plain.pipe(texts, batch_size=size), fast.pipe(texts, batch_size=size)):
            assert _ents(a) == _ents(b)
            assert (a.to_array(ATTRS) == b.to_array(ATTRS)).all()
    for text in NER_TEXTS:
        assert _ents(plain(text)) == _ents(fast(text))
    assert sum(len(fast(t).ents) for t in NER_TEXTS) > 10


def test_greedy_ner_leaves_documents_with_preset_entities_to_spacy():
    from eventwatch.nlp.greedy_ner import speed_up_ner

    models = []
    for nlp in (spacy.load(_package()), speed_up_ner(spacy.load(_package()))):
        ruler = nlp.add_pipe("entity_ruler", before="ner")
        ruler.add_patterns([{"label": "ORG", "pattern": "Lagos Chamber"}, {"label": "GPE", "pattern": "Darfur"}])
        models.append(nlp)
    for a, b in zip(models[0].pipe(NER_TEXTS), models[1].pipe(NER_TEXTS)):
        assert _ents(a) == _ents(b)
        assert (a.to_array(ATTRS) == b.to_array(ATTRS)).all()
    assert ("Lagos Chamber", "ORG") in [(e.text, e.label_) for e in models[1](NER_TEXTS[5]).ents]


def test_document_tables_give_what_spacy_gives(nlp):
    from eventwatch.events.dates import _sent_ents
    from eventwatch.nlp.cache import release, sentences

    doc = nlp(NER_TEXTS[5] + "\n\n" + TEXTS[2])
    assert sentences(doc) == [(s.start, s.end, s.start_char) for s in doc.sents] and len(sentences(doc)) >= 4
    got = [[(e.start, e.end, e.label_) for e in _sent_ents(s)] for s in doc.sents]
    assert got == [[(e.start, e.end, e.label_) for e in s.ents] for s in doc.sents] and sum(map(len, got)) >= 5
    release(doc)


def test_greedy_ner_decodes_long_batches_in_parts_with_the_same_entities(monkeypatch):
    from eventwatch.nlp import greedy_ner

    plain = spacy.load(_package())
    fast = greedy_ner.speed_up_ner(spacy.load(_package()))
    monkeypatch.setattr(greedy_ner, "JOINT_TOKENS", 40)  # every sub-batch of these texts on its own or in pairs
    texts = NER_TEXTS * 4
    for a, b in zip(plain.pipe(texts, batch_size=16), fast.pipe(texts, batch_size=16)):
        assert _ents(a) == _ents(b)
