"""The fast attribute rules and the remembered lemmas give every token the part of speech,
morphology and lemma that spaCy's own components give it, on text that exercises the model's
exceptions."""

from __future__ import annotations

import pytest

from wirewatch.nlp.attributes import CachedLemmas, FastAttributes, FastRules

spacy = pytest.importorskip("spacy")

TEXTS = [
    "The ministry said that something had hit the depot, but nobody was hurt.",
    "There were 12 rockets fired at the town; there is no sign of a truce.",
    "Y'all gonna wait? Let's go, he gets it and she got it, gotta run.",
    "She ain't leaving, c'mon.  Two  spaces\tand a tab.\n\nA new paragraph follows.",
    "Whether or not the envoys meet, although talks could resume, everyone must stay.",
    "Those shells and these drones: anybody could have fired them, if anything.",
]


def _annotations(doc):
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_) for t in doc]


@pytest.fixture(scope="module")
def model():
    from wirewatch.nlp.pipeline import MODELS

    for name in MODELS:
        try:
            return spacy.load(name, exclude=["ner"])
        except OSError:
            continue
    pytest.skip("no spaCy model installed")


def test_fast_rules_match_the_attribute_ruler_token_for_token(model):
    rules = FastAttributes(model.get_pipe("attribute_ruler"))
    for text in TEXTS:
        expected = _annotations(model(text))
        with model.select_pipes(disable=["attribute_ruler", "lemmatizer"]):
            doc = model(text)
        doc = model.get_pipe("lemmatizer")(rules(doc))
        assert _annotations(doc) == expected, text


def test_remembered_lemmas_match_the_lemmatizer_on_first_and_later_sight(model):
    rules = FastAttributes(model.get_pipe("attribute_ruler"))
    lemmas = CachedLemmas(model.get_pipe("lemmatizer"))
    for text in TEXTS + TEXTS:  # the second pass answers from memory
        expected = _annotations(model(text))
        with model.select_pipes(disable=["attribute_ruler", "lemmatizer"]):
            doc = model(text)
        assert _annotations(lemmas(rules(doc))) == expected, text


def test_one_pass_rules_match_the_ruler_then_the_lemmatizer(model):
    rules = FastRules(model.get_pipe("attribute_ruler"), model.get_pipe("lemmatizer"))
    # Twice over: the second pass writes the rows remembered from the first.
    for text in TEXTS + TEXTS:
        expected = _annotations(model(text))
        with model.select_pipes(disable=["attribute_ruler", "lemmatizer"]):
            doc = model(text)
        assert _annotations(rules(doc)) == expected, text


def test_one_pass_rules_hand_sentences_with_rules_over_several_tokens_to_both_components(model):
    rules = FastRules(model.get_pipe("attribute_ruler"), model.get_pipe("lemmatizer"))
    calls = []

    class Counted(FastAttributes):
        def __call__(self, doc):
            calls.append(doc.text)
            return super().__call__(doc)

    rules.attributes.__class__ = Counted
    texts = ["There is no truce and there were no talks.", "The talks were held in the capital."]
    for text in texts + texts:
        expected = _annotations(model(text))
        with model.select_pipes(disable=["attribute_ruler", "lemmatizer"]):
            doc = model(text)
        assert _annotations(rules(doc)) == expected, text
    # "there" as an expletive may start a two-token rule ("there is" makes "is" a verb).
    assert calls == [texts[0], texts[0]]


def test_the_loaded_pipeline_uses_the_fast_rules(nlp):
    assert type(nlp.get_pipe("attribute_ruler")).__module__ == "wirewatch.nlp.attributes"
    assert "lemmatizer" not in nlp.pipe_names  # its work is done in the same pass
    doc = nlp("Nobody said there was a ceasefire.")
    assert [t.pos_ for t in doc][:3] == ["PRON", "VERB", "PRON"]
    assert doc[3].lemma_ == "be"


def test_an_unsupported_rule_is_refused_not_ignored():
    class Ruler:
        attrs = [{}]
        indices = [0]
        patterns = [{"patterns": [[{"SHAPE": "Xxxx"}]], "attrs": {"POS": "PROPN"}, "index": 0}]

    with pytest.raises(ValueError, match="SHAPE"):
        FastAttributes(Ruler())
