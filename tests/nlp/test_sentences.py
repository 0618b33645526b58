"""nlp/sentences.py: sentence splitting with character offsets into the article text."""

from __future__ import annotations

import pytest

from wirewatch.nlp.sentences import split_sentences


def _texts(text: str) -> list[str]:
    return [s.text for s in split_sentences(text)]


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Shelling hit Varenka. Two people died.", ["Shelling hit Varenka.", "Two people died."]),
        ("Was it a drone? Nobody knows! Talks resume today.", ["Was it a drone?", "Nobody knows!", "Talks resume today."]),
        # a number may open the next sentence
        ("The count stood at 2,418. 27 civilians died as well.", ["The count stood at 2,418.", "27 civilians died as well."]),
        # closing quotes and brackets stay with the sentence they close
        ('He said "enough." Then the guns fell silent.', ['He said "enough."', "Then the guns fell silent."]),
        ("Troops withdrew (for now.) Residents returned.", ["Troops withdrew (for now.)", "Residents returned."]),
    ],
)
def test_sentences_split_on_terminal_punctuation(text, expected):
    assert _texts(text) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Mr. Aliyev spoke to reporters. He left.", ["Mr. Aliyev spoke to reporters.", "He left."]),
        ("Gen. Harutyunyan arrived at 5 p.m. on Monday. Talks began.",
         ["Gen. Harutyunyan arrived at 5 p.m. on Monday.", "Talks began."]),
        ("A letter from J. Smith arrived. It was short.", ["A letter from J. Smith arrived.", "It was short."]),
        ("Shells hit the U.S. consulate. Nobody was hurt.", ["Shells hit the U.S. consulate.", "Nobody was hurt."]),
    ],
)
def test_sentences_abbreviations_and_initials_do_not_split(text, expected):
    assert _texts(text) == expected


def test_sentences_lowercase_after_full_stop_does_not_split():
    assert _texts("The shelling continued. residents hid in basements.") == [
        "The shelling continued. residents hid in basements."
    ]


def test_sentences_decimal_point_does_not_split():
    assert _texts("Damage reached 3.5 million drams. Repairs began.") == [
        "Damage reached 3.5 million drams.", "Repairs began."
    ]


def test_sentences_line_break_always_ends_a_sentence():
    text = "VARENKA, October 12\nRockets struck the market\n\nThe mayor said four people died."
    assert _texts(text) == ["VARENKA, October 12", "Rockets struck the market", "The mayor said four people died."]


def test_sentences_offsets_point_into_text_and_indices_count_up():
    text = "  Shelling resumed at dawn.   Two soldiers died.\n\n  Talks in Geneva went on.  "
    sentences = split_sentences(text)
    assert [s.index for s in sentences] == [0, 1, 2]
    for sentence in sentences:
        assert text[sentence.start:sentence.end] == sentence.text
        assert sentence.text == sentence.text.strip()
    assert [s.text for s in sentences] == ["Shelling resumed at dawn.", "Two soldiers died.", "Talks in Geneva went on."]


@pytest.mark.parametrize("text", ["", "   ", "\n\n\n"])
def test_sentences_empty_text_gives_none(text):
    assert split_sentences(text) == []


def test_sentences_text_without_terminal_punctuation_is_one_sentence():
    assert _texts("Fighting near the river continues") == ["Fighting near the river continues"]


@pytest.mark.parametrize(
    "text,expected",
    [
        # a page wrapped inside a name after a title, a saint's or a mountain's abbreviation
        ("Drones struck a depot near St.\nPetersburg overnight. Flights were halted.",
         ["Drones struck a depot near St.\nPetersburg overnight.", "Flights were halted."]),
        ("Forces loyal to Gen.\nHemedti shelled El Fasher on Sunday.\nThe UN condemned it.",
         ["Forces loyal to Gen.\nHemedti shelled El Fasher on Sunday.", "The UN condemned it."]),
        ("Rebels fled towards Mt.\nElgon after the raid.", ["Rebels fled towards Mt.\nElgon after the raid."]),
        # cleaning makes each line of a page a paragraph
        ("A gunman opened fire in a St.\n\nLouis church on Sunday.\n\nPolice arrived.",
         ["A gunman opened fire in a St.\n\nLouis church on Sunday.", "Police arrived."]),
        ("Col. Ibrahim Traore spoke in Ouagadougou. Troops near Mt. Nimba were told to hold.",
         ["Col. Ibrahim Traore spoke in Ouagadougou.", "Troops near Mt. Nimba were told to hold."]),
    ],
)
def test_sentences_a_line_ending_in_a_name_prefix_goes_on(text, expected):
    assert _texts(text) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        # a lower-case line is no name
        ("The road to St.\nnowhere was closed", ["The road to St.", "nowhere was closed"]),
        ("The road to St.\n\n(closed) Troops left.", ["The road to St.", "(closed) Troops left."]),
        # other abbreviations end a line's sentence as a line break always does
        ("Casualties rose, officials said, 40 vs.\nThe army denied it.", ["Casualties rose, officials said, 40 vs.",
                                                                         "The army denied it."]),
    ],
)
def test_sentences_a_line_break_still_ends_a_sentence_after_other_words(text, expected):
    assert _texts(text) == expected
    for sentence in split_sentences(text):
        assert text[sentence.start:sentence.end] == sentence.text
