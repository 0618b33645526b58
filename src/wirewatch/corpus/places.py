"""Place names of the ledger's mentions resolved to gazetteer entries, once per article."""

from __future__ import annotations

import math

from ..extract.places import resolve
from ..model import Extraction, GeoPrecision, Place
from ..nlp.gazetteer import Gazetteer, name_key
from ..resolve.sides import main_parties

_PRECISION = {"PCLI": GeoPrecision.COUNTRY, "RGN": GeoPrecision.REGION, "ADM1": GeoPrecision.REGION,
              "ADM2": GeoPrecision.DISTRICT, "CONT": GeoPrecision.COUNTRY}


class PlaceResolver:
    """Resolves a place name as one article wrote it: first from the article's own place mentions,
    then from the gazetteer ranked with the article's countries and places as context."""

    def __init__(self, gazetteer: Gazetteer | None = None):
        self._gazetteer = gazetteer
        self._known: dict[str, dict[str, Place]] = {}
        self._context: dict[str, tuple[set[str], list]] = {}

    @property
    def gazetteer(self) -> Gazetteer:
        if self._gazetteer is None:
            self._gazetteer = Gazetteer()
        return self._gazetteer

    def add(self, extraction: Extraction) -> None:
        known = {}
        for mention in extraction.places:
            if mention.place is not None:
                known[name_key(mention.name)] = mention.place
        self._known[extraction.article.id] = known
        countries = {c for c in main_parties(extraction.article.text)}
        self._context[extraction.article.id] = (countries, [])

    def place(self, article_id: str, name: str) -> Place | None:
        key = name_key(name)
        known = self._known.get(article_id, {})
        if key in known:
            return known[key]
        entries = self.gazetteer.lookup(name)
        if not entries:
            return None
        countries, _ = self._context.get(article_id, (set(), []))
        anchors = [self._entry_of(p) for p in known.values()]
        entry = resolve(name, entries, countries, anchors)
        if entry is None or entry.feature in ("PCLI", "CONT"):
            return None
        place = Place(entry.id, entry.name, entry.lat, entry.lon, entry.country, entry.admin1, entry.feature,
                      entry.population, _PRECISION.get(entry.feature, GeoPrecision.CITY))
        known[key] = place
        return place

    @staticmethod
    def _entry_of(place: Place):
        from ..nlp.gazetteer import PlaceEntry

        return PlaceEntry(place.geonameid, place.name, place.lat, place.lon, place.country, place.admin1,
                          place.feature, place.population)


def distance_km(a: Place, b: Place) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 6371 * 2 * math.asin(min(1.0, math.sqrt(h)))


def is_point(place: Place) -> bool:
    """A town or finer, as opposed to a region or country."""
    return place.precision in (GeoPrecision.CITY, GeoPrecision.SUB_CITY)
