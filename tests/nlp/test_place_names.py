"""nlp/place_names.py: the place names written on a Doc, read back by token range, on hand-built Docs."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from wirewatch.nlp.place_names import place_names_in, set_place_names

WORDS = ["Shells", "hit", "Velmora", "and", "Port", "Kessel", ",", "then", "Velmora", "again", "."]


@pytest.fixture
def doc() -> Doc:
    doc = Doc(Vocab(), words=WORDS)
    set_place_names(doc, [(2, 3, "Velmora"), (4, 6, "Port Kessel"), (8, 9, "Velmora")])
    return doc


@pytest.mark.parametrize("start,end,names", [
    (0, None, ("Velmora", "Port Kessel")),  # each name once, in order
    (0, 4, ("Velmora",)),
    (3, 6, ("Port Kessel",)),
    (5, 11, ("Velmora",)),  # a name cut by the range's start is not in it
    (0, 5, ("Velmora",)),  # nor one cut by its end
    (9, 11, ()),
])
def test_place_names_in_a_token_range(doc, start, end, names):
    assert place_names_in(doc, start, end) == names


def test_place_names_a_doc_annotated_with_none_has_none():
    doc = Doc(Vocab(), words=WORDS)
    set_place_names(doc, [])
    assert place_names_in(doc) == ()


def test_place_names_unannotated_doc_is_an_error_not_an_empty_answer():
    with pytest.raises(ValueError, match="no place names"):
        place_names_in(Doc(Vocab(), words=WORDS))
