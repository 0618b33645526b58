"""The strings a cue cannot match without: what the parse tree guarantees, never more, and the event
labels come out the same whether cues are skipped on them or every cue is searched."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wirewatch.extract import event_types
from wirewatch.extract.literals import required_literals

DEV = Path(__file__).resolve().parents[2] / "benchmarks" / "data" / "event_snippets_dev.tsv"


def literals(pattern: str):
    return required_literals(re.compile(pattern))


def test_a_literal_run_is_required_as_written():
    assert literals(r"\bshelled\b") == {"shelled"}


def test_an_alternation_needs_one_of_its_branches():
    assert literals(r"\b(shell(ed|ing)|bomb\w*|air ?strikes?)\b") == {"shell", "bomb", "strike"}


def test_a_sequence_keeps_its_most_selective_part():
    assert literals(r"\b(killed|wounded) (\w+ ){0,3}by (a )?landmine") == {"landmine"}


@pytest.mark.parametrize("pattern", [
    r"(shelled)?\w+",  # optional: nothing is required
    r"\b(shelled|\w+s)\b",  # one branch requires nothing
    r"[a-z]+e",  # a run too short to be worth testing
    r"(?i:Shelled)",  # case-insensitive part
])
def test_no_set_when_nothing_safe_is_required(pattern):
    assert literals(pattern) is None


def test_a_short_alternative_keeps_a_set_with_two_letters():
    assert literals(r"\b(sarin|chlorine|vx)\b") == {"sarin", "chlorine", "vx"}
    assert literals(r"\b(shelled|\w+ed)\b") == {"shelled", "ed"}
    # Two letters only when nothing longer is required:
    assert literals(r"\b(un|eu) (\w+ )?envoys?") == {"envoy"}


def test_escaped_punctuation_is_literal_and_lookarounds_are_skipped():
    assert literals(r"\bu\.n\. envoy") == {"u.n. envoy"}
    assert literals(r"(?<!cease)fire(?! drill)") == {"fire"}


def test_syntax_the_reader_does_not_know_gives_no_set():
    assert literals(r"(?x)shelled") is None
    assert literals(r"(?#a comment)shelled") is None


def test_a_repetition_of_at_least_once_needs_its_content():
    assert literals(r"(?:drone )+strikes?") == {"drone "}


WORDS = ["shell", "shelled", "drone", "strike", "killed", "by", "fire", "air", "the", "landmine", "x"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=8).map(" ".join))
def test_whenever_a_cue_matches_one_of_its_required_strings_is_present(text):
    for *_, pattern, _weight, required in event_types._cues():
        if required is not None and pattern.search(text):
            assert any(r in text for r in required), pattern.pattern


def _all_cues_searched(lowered: str) -> dict[str, list[float]]:
    """The reference: every cue searched, none skipped."""
    matched: dict[str, list[float]] = {}
    for label, pattern, weight, _required in event_types._cues():
        if pattern.search(lowered):
            matched.setdefault(label, []).append(weight)
    return matched


def test_skipping_cues_changes_no_match_on_the_development_snippets():
    rows = [line.split("\t") for line in DEV.read_text(encoding="utf-8").splitlines()[1:] if line.strip()]
    texts = [row[-1] for row in rows]
    assert len(texts) > 500
    for text in texts:
        lowered = event_types._months_out(text).lower()
        assert event_types.matched_cues(lowered) == _all_cues_searched(lowered), text


def test_most_cues_have_a_required_string():
    cues = event_types._cues()
    assert sum(required is not None for *_, required in cues) > len(cues) * 0.6


FRAGMENTS = ["shel", "shelled ", " by ", "drone", " strike", "of", "ab", " the ", "mortar", "x", "-", ","]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(FRAGMENTS + list(event_types._cue_literals()[:40])), max_size=10).map("".join))
def test_the_literals_found_by_their_starts_are_those_the_text_contains(text):
    every = {literal for literal in event_types._cue_literals() if literal in text}
    assert event_types._literal_index().present(text) == every
