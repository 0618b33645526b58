"""Place names of the ledger's mentions, resolved as extraction stored them (the ledger never re-enters
the gazetteer)."""

from __future__ import annotations

import math

from ..model import Extraction, GeoPrecision, Place
from ..nlp.gazetteer import name_key


class PlaceResolver:
    """Resolves a place name as one article wrote it, from the article's own stored place mentions only.

    Extraction resolved every place name it found against the gazetteer, with the article as context; the
    ledger reads those results and never looks a name up again (a name extraction left unresolved, such
    as a person's or a weekday's, is no place of the ledger either)."""

    def __init__(self, extractions: dict[str, Extraction] | None = None):
        """extractions: article id -> its extraction, read on first need (a live ledger asks only of new articles)."""
        self._known: dict[str, dict[str, Place]] = {}
        self._extractions: dict[str, Extraction] = extractions if extractions is not None else {}

    def add(self, extraction: Extraction) -> None:
        """Take the article's place mentions, read on first need (a live ledger asks only of new articles)."""
        self._extractions[extraction.article.id] = extraction
        self._known.pop(extraction.article.id, None)

    def place(self, article_id: str, name: str) -> Place | None:
        known = self._known.get(article_id)
        if known is None:
            known = self._known[article_id] = {}
            extraction = self._extractions.get(article_id)
            for mention in extraction.places if extraction else ():
                if mention.place is not None:
                    known.setdefault(name_key(mention.name), mention.place)
        return known.get(name_key(name))


def distance_km(a: Place, b: Place) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 6371 * 2 * math.asin(min(1.0, math.sqrt(h)))


def is_point(place: Place) -> bool:
    """A town or finer, as opposed to a region or country."""
    return place.precision in (GeoPrecision.CITY, GeoPrecision.SUB_CITY)
