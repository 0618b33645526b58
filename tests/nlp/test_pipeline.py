"""The gazetteer component's place candidates. Sentences invented."""

from __future__ import annotations

import pytest

from wirewatch.nlp.pipeline import place_candidates

pytestmark = pytest.mark.model


def test_place_candidates_of_a_doc_the_gazetteer_never_saw_are_empty(nlp):
    assert place_candidates(nlp.make_doc("Rockets struck Ganja.")) == ()


def test_place_candidates_follow_a_value_set_later(nlp):
    doc = nlp("Rockets struck Ganja.")
    doc._.place_candidates = ((0, 1, ()),)
    assert place_candidates(doc) == ((0, 1, ()),)


@pytest.mark.parametrize("text", [
    "Senator Adam Whitlock said the vote would wait.",
    "Michael Whitlock said the vote would wait.",
])
def test_a_given_name_before_a_surname_is_no_place_candidate(nlp, text):
    # "Adam" and "Michael" are names of villages somewhere; here they start a person's name.
    doc = nlp(text)
    assert place_candidates(doc) == ()
    assert not any(ent.label_ == "GPE" for ent in doc.ents)


@pytest.mark.parametrize("text", ["The convoy reached Adam, a hamlet on the river.", "Shelling hit Michael overnight."])
def test_a_given_name_standing_alone_stays_a_place_candidate(nlp, text):
    doc = nlp(text)
    assert [doc[s:e].text for s, e, _ in place_candidates(doc)] in (["Adam"], ["Michael"])


def test_a_person_named_by_given_name_and_surname_needs_no_ner(nlp):
    from wirewatch.extract.places import needs_entities

    with nlp.select_pipes(disable=["ner"]):
        doc = nlp("Michael Whitlock said the vote would wait.")
    assert not needs_entities(doc)
