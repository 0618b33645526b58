"""Demonyms and their countries (nlp/lexicon/demonyms.txt), read once for every stage that needs them."""

from __future__ import annotations

from functools import cache

from ..lexicon import load_lexicon


@cache
def country_of_demonym() -> dict[str, str]:
    """Lower-cased demonym ("azerbaijani") to ISO alpha-2 country ("AZ")."""
    out = {}
    for entry in load_lexicon("wirewatch.nlp", "demonyms"):
        word, _, country = entry.partition("|")
        out[word.lower()] = country
    return out


@cache
def demonym_of_country() -> dict[str, str]:
    """ISO alpha-2 country to its first listed demonym ("AZ" -> "Azerbaijani")."""
    out: dict[str, str] = {}
    for entry in load_lexicon("wirewatch.nlp", "demonyms"):
        word, _, country = entry.partition("|")
        out.setdefault(country, word)
    return out
