"""Country outlines for the maps, from the GeoJSON that countryinfo ships on PyPI: drawn as inline SVG,
so a map needs no tile server, no CDN and no network.

countryinfo's outlines are coarse (hundreds of points a country): enough to say which side of a border
a town lies on at the scale of a conflict, never to place anything by them.
"""

from __future__ import annotations

import ast
import json
from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=1)
def outlines() -> tuple[tuple[str, str, tuple, tuple], ...]:
    """(ISO alpha-2, name, bounding box (lon_lo, lat_lo, lon_hi, lat_hi), rings of (lon, lat)) per country."""
    out = []
    try:
        folder = resources.files("countryinfo").joinpath("data")
    except ModuleNotFoundError:
        return ()
    for item in sorted(folder.iterdir(), key=lambda p: p.name):
        if not item.name.endswith(".json"):
            continue
        try:
            record = json.loads(item.read_text(encoding="utf-8"))
            shape = record.get("geoJSON")
            shape = ast.literal_eval(shape) if isinstance(shape, str) else shape
            geometry = shape["features"][0]["geometry"]
        except (ValueError, SyntaxError, KeyError, IndexError, TypeError, OSError):
            continue
        polygons = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
        rings = tuple(tuple((float(x), float(y)) for x, y in polygon[0]) for polygon in polygons if polygon)
        if not rings:
            continue
        xs = [x for ring in rings for x, _ in ring]
        ys = [y for ring in rings for _, y in ring]
        iso = (record.get("ISO") or {}).get("alpha2", "")
        out.append((iso, record.get("name", iso), (min(xs), min(ys), max(xs), max(ys)), rings))
    return tuple(out)


def within(lon_lo: float, lat_lo: float, lon_hi: float, lat_hi: float):
    """The outlines whose bounding box meets the frame."""
    return [o for o in outlines()
            if o[2][0] <= lon_hi and o[2][2] >= lon_lo and o[2][1] <= lat_hi and o[2][3] >= lat_lo]


def contains(ring, lon: float, lat: float) -> bool:
    """Whether the point lies inside the ring (even-odd rule)."""
    inside = False
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]):
        if (y1 > lat) != (y2 > lat) and lon < x1 + (lat - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
    return inside
