"""SubstringIndex finds the same strings as searching for each one, short strings included."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from wirewatch.nlp.substrings import SubstringIndex

STRINGS = ["shell", "shelled", "she", "he", "x", "drone strike", "strike", "of the", " of ", "ceasefire", "fire"]


def test_strings_in_the_text_are_found_and_others_are_not():
    index = SubstringIndex(STRINGS)
    assert index.present("a drone strike hit the shelled depot") == {
        "drone strike", "strike", "shell", "shelled", "she", "he"}
    assert index.present("quiet night") == set()
    assert index.present("") == set()


def test_a_string_shorter_than_a_triple_is_still_found():
    assert SubstringIndex(["x", "he"]).present("the box") == {"x", "he"}


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(STRINGS + ["a", "r", " ", "-", "sh", "fir"]), max_size=12).map("".join))
def test_the_index_agrees_with_searching_every_string(text):
    assert SubstringIndex(STRINGS).present(text) == {s for s in STRINGS if s in text}
