"""The gazetteer's place index on disk: a read-only SQLite file of places and their name keys.

Kept in `store/` so that only the store speaks SQL; `nlp/gazetteer.py` decides which places and
names go in and how a name is keyed, this module only writes the rows and answers lookups. It
uses the standard library's sqlite3, not the ledger's SQLAlchemy engine: the index is a local,
read-only cache file opened by every worker process, never a user's database.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterable
from pathlib import Path

# (id, name, lat, lon, country, admin1, feature, population)
PlaceRow = tuple[int, str, float, float, str, str, str, int]
# (name key, place id, 1 when the key is the place's primary name)
NameRow = tuple[str, int, int]


def write_index(path: Path, places: Iterable[PlaceRow], names: Iterable[NameRow]) -> None:
    """Write the index to `path` atomically (a temporary file renamed over it), so that a process
    reading an older file, or a second process building the same one, never sees half a file."""
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
    conn.executemany("INSERT OR REPLACE INTO places VALUES (?,?,?,?,?,?,?,?)", places)
    conn.executemany("INSERT OR IGNORE INTO names VALUES (?,?,?)", names)
    conn.execute("CREATE INDEX names_key ON names(key)")
    conn.commit()
    conn.close()
    os.replace(tmp, path)


class PlaceIndex:
    """Read-only lookups in one index file, shareable across threads."""

    def __init__(self, path: Path):
        self._conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)

    def places_named(self, key: str) -> list[PlaceRow]:
        """Every place that has this name key (primary or alias), most populous first."""
        return self._conn.execute(
            "SELECT p.id, p.name, p.lat, p.lon, p.country, p.admin1, p.feature, p.population "
            "FROM names n JOIN places p ON p.id = n.place_id WHERE n.key = ? ORDER BY p.population DESC",
            (key,),
        ).fetchall()
