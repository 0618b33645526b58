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
from ..nlp.demonyms import country_of_demonym, demonym_of_country

PACKAGE = "wirewatch.resolve"
_WORDISH = re.compile(r"[\w-]")
# Letters that re.IGNORECASE equates with a letter str.lower() does not give (dotless i, long s, ...).
_CASE_ODDITIES = frozenset("\u0131\u0130\u017f\u212a")


@cache
def _alias_pattern() -> tuple[re.Pattern, dict[str, dict]]:
    by_alias: dict[str, dict] = {}
    for actor in load_table(PACKAGE, "actors"):
        for alias in [actor["name"], *actor["aliases"]]:
            by_alias.setdefault(alias.lower(), actor)
    names = sorted(by_alias, key=len, reverse=True)
    pattern = re.compile(r"(?<![\w-])(" + "|".join(re.escape(n) for n in names) + r")(?![\w-])", re.I)
    return pattern, by_alias


@cache
def _aliases_by_opening() -> tuple[dict[str, tuple[str, ...]], re.Pattern]:
    """The aliases under their first two characters (a one-letter alias under its letter), longest
    first; and a pattern for the places where one could start: word starts (a simple pattern that
    `re` scans fast; the openings then rule out most of them by a lookup)."""
    by_opening: dict[str, list[str]] = {}
    for alias in sorted(_alias_pattern()[1], key=len, reverse=True):
        by_opening.setdefault(alias[:2], []).append(alias)
    odd_starts = sorted({o[0] for o in by_opening if not re.match(r"\w", o[0])})
    starts = re.compile(r"(?<![\w-])(?:\w" + "".join("|" + re.escape(ch) for ch in odd_starts) + ")")
    return {o: tuple(aliases) for o, aliases in by_opening.items()}, starts


def _aliases_in(text: str) -> Iterator[str]:
    """The actor aliases the text names, lower-cased and in order: what the alias pattern finds,
    found by looking up each word start rather than trying eighty alternatives at every character."""
    lowered = text.lower()
    if len(lowered) != len(text) or not _CASE_ODDITIES.isdisjoint(text):
        for match in _alias_pattern()[0].finditer(text):
            yield match.group(1).lower()
        return
    by_opening, starts = _aliases_by_opening()
    end = 0
    for start in starts.finditer(lowered):
        i = start.start()
        if i < end:
            continue
        for alias in by_opening.get(lowered[i:i + 2], ()) + by_opening.get(lowered[i], ()):
            stop = i + len(alias)
            if lowered.startswith(alias, i) and not _WORDISH.match(text, stop):
                yield alias
                end = stop
                break


def side_of(text: str | None) -> str | None:
    """The ISO alpha-2 code of the state the named actor stands with, or None when unknown."""
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


@lru_cache(maxsize=64)
def main_parties(text: str) -> tuple[str, ...]:
    """The two states the text names most (by actor aliases and demonyms), most named first.
    Remembered for the last few articles: claims and agreements both ask for each article."""
    by_alias = _alias_pattern()[1]
    aliases = _lowered_aliases()
    counts: Counter = Counter()
    for alias in _aliases_in(text):
        actor = by_alias[alias]
        if actor["sector"] == "GOV" and actor.get("side") and not actor.get("role"):
            counts[actor["side"]] += 1
    for word in re.findall(r"[A-Za-z]+", text):
        country = country_of_demonym().get(word.lower())
        if country and word.lower() not in aliases:
            counts[country] += 1
    return tuple(country for country, _ in counts.most_common(2))


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
