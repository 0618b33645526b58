"""The speed-ups in the rule code (memories, prefilters, restated regexes) change no answer.

Each test compares a fast path with the plain computation it replaces. Every sentence here is
invented for the test.
"""

from __future__ import annotations

import datetime as dt
import random
import re
import unicodedata

import pytest
from spacy.tokens import Span

from wirewatch.extract import places
from wirewatch.nlp import dates, numbers
from wirewatch.nlp.gazetteer import PlaceEntry, name_key

PUBLISHED = dt.date(2020, 10, 4)


def plain_name_key(name: str) -> str:
    """name_key as first written: two regex substitutions, no memory, no ASCII shortcut."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.replace("ə", "a").replace("ı", "i").replace("Ə", "a")
    text = re.sub(r"['’ʼ`ʻ]", "", text.lower())
    text = re.sub(r"[-‐‑–—./]", " ", text)
    return " ".join(text.split())


def test_name_key_matches_the_plain_computation():
    alphabet = "aZ'’ʼ`ʻ-‐‑–—./ \t\nəıƏİŞşäé\u0301\u0307\u00a0ſK"
    rng = random.Random(3)
    for _ in range(5000):
        name = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 10)))
        assert name_key(name) == plain_name_key(name), name


@pytest.mark.parametrize("sentence", [
    "Shelling resumed yeſterday, officials said.",  # re.I matches the long s to "s"
    "Shelling was heard tonıght.",  # and the dotless i to "i"
    "Talks are planned for ſept 30.",
    "Nothing happened on Monday or on October 12 or last week, since May 3.",
    "Forty soldiers were killed near the river.",
])
def test_find_dates_prefilter_misses_no_match(sentence):
    plain = []
    taken = []
    for kind, pattern in dates._PATTERNS:  # every pattern over the whole sentence
        for match in pattern.finditer(sentence):
            if not any(s < match.end() and match.start() < e for s, e in taken):
                taken.append((match.start(), match.end()))
                plain.append(match.group(0))
    assert [d.text for d in dates.find_dates(sentence, PUBLISHED)] == sorted(plain, key=sentence.index)


def test_find_dates_memory_hands_out_a_new_list():
    first = dates.find_dates("Shelling resumed on Friday.", PUBLISHED)
    first.clear()
    assert [d.text for d in dates.find_dates("Shelling resumed on Friday.", PUBLISHED)] == ["on Friday"]


def test_number_regex_matches_the_plain_alternation():
    plain = re.compile(
        rf"(?<![\w.,])(?<![A-Za-z]-)(?:\d{{1,3}}(?:[,\u00a0 ]\d{{3}})+|\d+(?:\.\d+)?)(?:\s+(?:million|billion|thousand))?(?![\w]|[.,]\d)"
        rf"|\b(?:(?:{numbers._WORD})(?:[\s-]+(?:and\s+)?(?:{numbers._WORD}))*)\b",
        re.I,
    )
    pieces = [*numbers._WORDS, "and", "AND", "Six", "ſix", "sixty-seven", "1,000", "1 000", "2.5", "T-72", "Su25",
              "about", "an estimated", "soldiers", "x", "٣", " ", "-", "\n"]
    rng = random.Random(5)
    for _ in range(3000):
        text = "".join(rng.choice(pieces) + rng.choice(["", " ", "-", ", ", " and "]) for _ in range(rng.randint(0, 8)))
        assert [m.span() for m in numbers.NUMBER.finditer(text)] == [m.span() for m in plain.finditer(text)], text


@pytest.mark.parametrize("before", [
    "", "about ", "About  \n", "killed about", "xabout ", "some", " an estimated ", "approximately\t",
    "The ministry said that in excess of ", "The ministry said no more than  ", "-over ", "estimated\n",
])
def test_qualifier_search_from_the_end_matches_the_whole_search(before):
    for prefix in (before, "Officials reported on Monday that " + before):
        whole = numbers._QUALIFIER.search(prefix)
        tail = numbers._qualifier_before(prefix)
        assert (whole and (whole.span(), whole.span(1))) == (tail and (tail.span(), tail.span(1))), prefix


@pytest.mark.model
def test_find_toponyms_memory_follows_the_entities(nlp):
    doc = nlp("Shelling hit Martakert and Springfield Town overnight.")
    first = places.find_toponyms(doc)
    assert [h.span.text for h in places.find_toponyms(doc)] == [h.span.text for h in first]
    where = [t.text for t in doc].index("Martakert")
    doc.ents = [Span(doc, where, where + 1, label="PERSON")]  # relabelled: the memory must not answer
    fresh = places._find_toponyms(doc)
    assert [(h.span.text, h.literal) for h in places.find_toponyms(doc)] == [(h.span.text, h.literal) for h in fresh]


@pytest.mark.model
def test_find_candidates_matches_the_plain_spans(nlp, gazetteer):
    from wirewatch.nlp.pipeline import find_candidates

    doc = nlp("Rockets struck Nagorno-Karabakh, Ganja and the town of Ma'arrat al-Numan near Tel Aviv on Sunday.")
    for start, end, entries in find_candidates(doc, gazetteer):
        assert entries == gazetteer.lookup(doc[start:end].text)


def _entry(place_id: int, lat: float, lon: float) -> PlaceEntry:
    return PlaceEntry(place_id, f"P{place_id}", lat, lon, "AZ", "", "PPL", 1000)


def test_anchor_counts_match_the_plain_count():
    anchors = [_entry(1, 40.0, 47.0), _entry(1, 40.0, 47.0), _entry(2, 40.5, 46.5), _entry(3, 10.0, 10.0),
               _entry(4, 40.1, 47.1), _entry(2, 40.5, 46.5)]
    counts = places._AnchorCounts(anchors)
    for entry in [_entry(1, 40.0, 47.0), _entry(9, 40.2, 46.9), _entry(3, 10.0, 10.0), _entry(8, -30.0, 0.0)]:
        plain = min(len([a for a in anchors if a.id != entry.id and places._km(a, entry) < 250]), 3)
        assert counts.within(entry, 250, 3) == plain


def test_anchor_counts_skip_by_latitude_only_what_is_out_of_reach():
    # Due north of the entry: 2.2483 degrees of latitude are 250 km.
    entry = _entry(9, 40.0, 47.0)
    anchors = [_entry(1, 42.2480, 47.0), _entry(2, 42.2490, 47.0), _entry(3, 37.7520, 47.0), _entry(4, 60.0, 47.0),
               _entry(5, 40.0, 50.0), _entry(6, 40.0, 49.9)]
    plain = [a.id for a in anchors if places._km(a, entry) < 250]
    assert plain == [1, 3, 6]
    assert places._AnchorCounts(anchors).within(entry, 250, 9) == len(plain)
