"""The extract stage's word lists, loaded once from `extract/lexicon/` (one place for every rule)."""

from __future__ import annotations

from functools import cache

from ..lexicon import load_lexicon

PACKAGE = "wirewatch.extract"


@cache
def words(name: str) -> frozenset[str]:
    """A lexicon as a set of lower-cased entries."""
    return frozenset(w.lower() for w in load_lexicon(PACKAGE, name))


@cache
def mapping(name: str) -> dict[str, str]:
    """A lexicon of `word|value` lines as a dict from lower-cased word to value."""
    out: dict[str, str] = {}
    for entry in load_lexicon(PACKAGE, name):
        word, _, value = entry.partition("|")
        out[word.strip().lower()] = value.strip()
    return out
