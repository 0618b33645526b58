"""nlp/numbers.py: digit and word numbers, their qualifiers, and ranges."""

from __future__ import annotations

import pytest

from wirewatch.nlp.numbers import find_numbers, parse_number, words_to_int


@pytest.mark.parametrize(
    "text,value",
    [
        ("7", 7),
        ("2,418", 2418),
        ("30,000", 30000),
        ("5 000", 5000),
        ("1.2 million", 1_200_000),
        ("3 thousand", 3000),
        ("five", 5),
        ("twenty-one", 21),
        ("one thousand", 1000),
        ("one hundred and five", 105),
        ("three thousand four hundred and twelve", 3412),
        ("a thousand", 1000),
    ],
)
def test_numbers_parse_number(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize("text", ["", "several", "dozens", "many hundreds of"])
def test_numbers_parse_number_rejects_non_numbers(text):
    assert parse_number(text) is None


def test_numbers_words_to_int_rejects_other_words():
    assert words_to_int("twenty soldiers") is None
    assert words_to_int("forty two") == 42


@pytest.mark.parametrize(
    "sentence,value,text",
    [
        ("Shelling killed 14 soldiers.", 14, "14"),
        ("Officials counted 2,418 dead.", 2418, "2,418"),
        ("One thousand people fled.", 1000, "One thousand"),
        ("Twenty-one villagers died.", 21, "Twenty-one"),
        ("Roughly 2.5 million people live there.", 2_500_000, "2.5 million"),
    ],
)
def test_numbers_find_one_number(sentence, value, text):
    found = find_numbers(sentence)
    assert [(n.value, n.text) for n in found] == [(value, text)]
    assert sentence[found[0].start:found[0].end] == text


@pytest.mark.parametrize(
    "phrase,qualifier",
    [
        ("", "exact"),
        ("at least", "at_least"),
        ("no fewer than", "at_least"),
        ("a minimum of", "at_least"),
        ("more than", "more_than"),
        ("over", "more_than"),
        ("in excess of", "more_than"),
        ("about", "about"),
        ("around", "about"),
        ("some", "about"),
        ("an estimated", "about"),
        ("nearly", "nearly"),
        ("almost", "nearly"),
        ("nearing", "nearly"),
        ("just under", "nearly"),
        ("up to", "up_to"),
        ("as many as", "up_to"),
        ("no more than", "up_to"),
    ],
)
def test_numbers_qualifier_before_number(phrase, qualifier):
    sentence = f"The clashes killed {phrase} 40 soldiers.".replace("  ", " ")
    [number] = find_numbers(sentence)
    assert number.value == 40
    assert number.qualifier == qualifier
    if phrase:
        assert sentence[number.qualifier_start:].startswith(phrase)
    else:
        assert number.qualifier_start is None


def test_numbers_qualifier_must_touch_the_number():
    # "about" governs the topic here, not the number
    [number] = find_numbers("They talked about the attack in which 40 soldiers died.")
    assert number.qualifier == "exact"


@pytest.mark.parametrize(
    "sentence,value,upper",
    [
        ("Between 26 and 30 people were killed.", 26, 30),
        ("from 10 to 15 people were hurt", 10, 15),
        ("10-15 people were hurt", 10, 15),
        ("between twenty and thirty fighters", 20, 30),
    ],
)
def test_numbers_range_gives_lower_value_and_upper(sentence, value, upper):
    [number] = find_numbers(sentence)
    assert (number.value, number.upper) == (value, upper)


def test_numbers_two_separate_numbers_are_no_range():
    found = find_numbers("Five soldiers died and 12 were wounded.")
    assert [(n.value, n.upper) for n in found] == [(5, None), (12, None)]


@pytest.mark.parametrize("sentence", ["A soldier died.", "An officer was hurt.", "One of the shells hit a school.",
                                      "No civilians were hurt."])
def test_numbers_bare_article_and_no_are_not_numbers(sentence):
    assert find_numbers(sentence) == []


def test_numbers_one_before_a_noun_is_a_number():
    assert [n.value for n in find_numbers("One soldier died.")] == [1]


def test_numbers_digits_inside_words_are_not_numbers():
    assert find_numbers("The Su25 and the BM21 were seen.") == []


def test_numbers_hyphenated_model_name_is_not_a_number():
    assert find_numbers("A T-72 was seen.") == []


@pytest.mark.parametrize(
    "sentence,expected",
    [
        ("More than two dozen militiamen were killed near Beni.", [(24, "two dozen", "more_than")]),
        ("A dozen aid workers were abducted in Darfur.", [(12, "A dozen", "exact")]),
        ("At least three dozen houses burned in Rakhine.", [(36, "three dozen", "at_least")]),
        ("Half a dozen soldiers died at the checkpoint in Gao.", [(6, "Half a dozen", "exact")]),
        ("Some half a million people have fled Khartoum.", [(500_000, "half a million", "about")]),
        # no number: vague, and no figure
        ("Dozens of people were wounded in Kharkiv.", []),
        ("Dozens were killed and hundreds fled Tigray.", []),
    ],
)
def test_numbers_dozens_and_halves(sentence, expected):
    assert [(m.value, sentence[m.start:m.end], m.qualifier) for m in find_numbers(sentence)] == expected
