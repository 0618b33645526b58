"""Which side a speaker stands on, and who its opponent is, for claims that leave the accused unnamed.

A statement that "the market came under fire" accuses someone: the other party of the conflict
that the article reports. The conflict's two main parties are the two states the article names
most; a speaker's side comes from the actor table (Nagorno-Karabakh's authorities stand with
Armenia) or from a demonym in its description.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from functools import cache, lru_cache

from ..lexicon import load_table
from ..nlp.casefold import lowered_like_regex
from ..nlp.demonyms import country_of_demonym, demonym_of_country

PACKAGE = "wirewatch.resolve"


@cache
def _actors_by_alias() -> dict[str, dict]:
    by_alias: dict[str, dict] = {}
    for actor in load_table(PACKAGE, "actors"):
        for alias in [actor["name"], *actor["aliases"]]:
            by_alias.setdefault(alias.lower(), actor)
    return by_alias


@cache
def _aliases_longest_first() -> tuple[str, ...]:
    return tuple(sorted(_actors_by_alias(), key=len, reverse=True))


@cache
def _alias_pattern() -> tuple[re.Pattern, dict[str, dict]]:
    """Every alias as a whole word, and the actor of each (lower-cased) alias."""
    return _pattern_of(_aliases_longest_first()), _actors_by_alias()


@lru_cache(maxsize=1024)
def _pattern_of(names: tuple[str, ...]) -> re.Pattern:
    """Any of the names as a whole word, case-insensitive, the longest first."""
    return re.compile(r"(?<![\w-])(" + "|".join(re.escape(n) for n in names) + r")(?![\w-])", re.I)


def _aliases_in(text: str) -> Iterator[str]:
    """The actor aliases the text names, lower-cased and in order: the alias pattern's matches.

    An article names a handful of the eighty aliases, and the regex engine tries every alternative
    at every character; so the search uses a pattern of only those aliases the lower-cased text
    contains (the same matches: an alias not in the text cannot match)."""
    lowered = lowered_like_regex(text)
    if lowered is None:
        pattern = _alias_pattern()[0]
    else:
        present = tuple(alias for alias in _aliases_longest_first() if alias in lowered)
        if not present:
            return
        pattern = _pattern_of(present)
    for match in pattern.finditer(text):
        yield match.group(1).lower()


@lru_cache(maxsize=4096)
def side_of(text: str | None) -> str | None:
    """The ISO alpha-2 code of the state the named actor stands with, or None when unknown.
    Remembered: the same speakers and parties are asked about in article after article."""
    if not text:
        return None
    alias = next(_aliases_in(text), None)
    if alias is not None:
        side = _alias_pattern()[1][alias]["side"]
        return side or None
    for word in re.findall(r"[A-Za-z]+", text):
        country = country_of_demonym().get(word.lower())
        if country:
            return country
    return None


@lru_cache(maxsize=4096)
def own_side(text: str | None) -> str | None:
    """The side a party stands on: the state `side_of` finds (by the actor tables or a demonym); else, for a
    named armed group that stands with no state ("RSF fighters", "M23", "the Houthis"), the group itself
    ("group:M23"), a side of its own war; else the state the phrase names by its name ("Lebanon's army",
    "Israel"). None for unnamed ones ("the rebels", "residents"), whose side is unknown. The ledger reads
    sides through this; extraction keeps `side_of`. Remembered, as `side_of` is: clustering asks it of the
    same speakers again and again."""
    side = side_of(text)
    if side or not text:
        return side
    from .actors import canonical_actor, is_organisation, resolve_actor, state_named_side  # actors asks us too

    name = canonical_actor(text)
    if name is None:
        return None
    actor = resolve_actor(text)
    if actor is not None and actor.sector == "REB" and not actor.country:
        return f"group:{actor.name}"
    return None if is_organisation(name) else state_named_side(text)


def states_named(text: str) -> set[str]:
    """The states whose government, officials or people the text names ("Armenia's", "Armenian",
    "Pashinyan"); not those that rebels or militias named in it stand with."""
    by_alias = _alias_pattern()[1]
    states = {by_alias[alias]["side"] for alias in _aliases_in(text)
              if by_alias[alias]["sector"] == "GOV" and by_alias[alias].get("side")}
    demonyms = country_of_demonym()
    states.update(demonyms[w.lower()] for w in re.findall(r"[A-Za-z]+", text) if w.lower() in demonyms)
    return states


def actor_kinds(text: str) -> set[str]:
    """"person" for each actor of the tables the text names with a role, "body" for each without
    (a state, an army, an organisation)."""
    by_alias = _alias_pattern()[1]
    return {"person" if by_alias[alias].get("role") else "body" for alias in _aliases_in(text)}


@lru_cache(maxsize=64)
def main_parties(text: str, count: int = 2) -> tuple[str, ...]:
    """The `count` states the text names most (by actor aliases and demonyms), most named first:
    the two warring ones by default (agreements ask for a third, in case one of the two is a
    sentence's mediator). Remembered for the last few articles: claims and agreements both ask."""
    by_alias = _alias_pattern()[1]
    aliases = _lowered_aliases()
    counts: Counter = Counter()
    for alias in _aliases_in(text):
        actor = by_alias[alias]
        if actor["sector"] == "GOV" and actor.get("side") and not actor.get("role"):
            counts[actor["side"]] += 1
    # Each distinct word once, with its count, in order of first use: the same tally, and the same
    # order among equal counts, as word by word.
    demonyms = country_of_demonym()
    for word, times in Counter(re.findall(r"[A-Za-z]+", text)).items():
        lowered = word.lower()
        country = demonyms.get(lowered)
        if country and lowered not in aliases:
            counts[country] += times
    return tuple(country for country, _ in counts.most_common(count))


def opponent(side: str | None, parties: tuple[str, ...]) -> str | None:
    """The other main party, when the side is one of the two."""
    if side in parties and len(parties) == 2:
        return parties[1] if parties[0] == side else parties[0]
    return None


def forces_of(country: str | None) -> str | None:
    """'Azerbaijani forces' for AZ: how an unnamed perpetrator on that side is written."""
    if not country:
        return None
    demonym = demonym_of_country().get(country)
    return f"{demonym} forces" if demonym else None


def demonym_country(word: str) -> str | None:
    return country_of_demonym().get(word.lower())


@cache
def _lowered_aliases() -> frozenset[str]:
    return frozenset(alias.lower() for alias in _alias_pattern()[1])
