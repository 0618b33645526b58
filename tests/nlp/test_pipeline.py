"""The pipeline's place candidates read fast give what spaCy's extension gives. Sentences invented."""

from __future__ import annotations

import pytest

from wirewatch.nlp.pipeline import place_candidates

pytestmark = pytest.mark.model


@pytest.mark.parametrize("text", [
    "Rockets struck Ganja and Barda on Sunday.",  # candidates the gazetteer knows
    "Nobody was hurt, officials said.",  # none
])
def test_place_candidates_read_fast_are_the_extensions_value(nlp, text):
    doc = nlp(text)
    assert place_candidates(doc) == doc._.place_candidates


def test_place_candidates_of_a_doc_the_gazetteer_never_saw_are_empty(nlp):
    doc = nlp.make_doc("Rockets struck Ganja.")
    assert place_candidates(doc) == doc._.place_candidates == ()


def test_place_candidates_follow_a_value_set_later(nlp):
    doc = nlp("Rockets struck Ganja.")
    doc._.place_candidates = ((0, 1, ()),)
    assert place_candidates(doc) == ((0, 1, ()),)
