"""export/: `wirewatch export` as CSV (ACLED-like columns), JSON Lines and GeoJSON, and the Python API's records,
each read back with pandas or checked as GeoJSON, on the demo corpus in examples/demo."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

import wirewatch
from wirewatch.cli import app

pytestmark = pytest.mark.model

DEMO = Path(__file__).resolve().parents[2] / "examples" / "demo"
ACLED_COLUMNS = ["event_id", "event_date", "time_precision", "event_type", "sub_event_type", "actor1", "actor2",
                 "civilian_targeting", "country", "admin1", "location", "latitude", "longitude", "geo_precision",
                 "sources", "source_groups", "fatalities", "notes", "checked"]


@pytest.fixture(scope="module")
def demo_db(env, stored_corpus) -> Path:
    return stored_corpus("demo", [DEMO])


@pytest.fixture(scope="module")
def demo(demo_db):
    with wirewatch.open(demo_db) as handle:
        yield handle


@pytest.fixture(scope="module")
def export(env, demo_db):
    cache: dict[str, str] = {}

    def run(fmt: str) -> str:
        if fmt not in cache:
            result = CliRunner().invoke(app, ["export", "--format", fmt, "--db", str(demo_db)], env=env)
            assert result.exit_code == 0, result.output
            cache[fmt] = result.stdout
        return cache[fmt]
    return run


# --- CSV -------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def csv_frame(export) -> pd.DataFrame:
    return pd.read_csv(io.StringIO(export("csv")), encoding="utf-8")


def test_export_csv_has_acled_columns(csv_frame):
    assert list(csv_frame.columns) == ACLED_COLUMNS  # the BOM must not stick to the first name


def test_export_csv_one_row_per_incident(csv_frame, demo):
    incidents = demo.incidents()
    assert len(csv_frame) == len(incidents) > 0
    assert sorted(csv_frame["event_id"]) == sorted(i["id"] for i in incidents)
    assert csv_frame["event_id"].is_unique


def test_export_csv_values(csv_frame):
    placed = csv_frame.dropna(subset=["latitude", "longitude"])
    assert len(placed) > 0
    assert placed["latitude"].between(-90, 90).all() and placed["longitude"].between(-180, 180).all()
    dates = pd.to_datetime(csv_frame["event_date"].dropna(), format="%Y-%m-%d")
    assert dates.between("2020-09-01", "2020-12-31").all()
    assert set(csv_frame["time_precision"]) <= {1, 2, 3}
    assert set(csv_frame["geo_precision"].dropna()) <= {1, 2, 3}
    assert (csv_frame["fatalities"].dropna() >= 0).all()  # blank: no figure tied to the incident
    assert (csv_frame["source_groups"] >= 1).all()
    assert csv_frame["notes"].str.contains("status: ").all()


def test_export_csv_file_written_with_out(env, demo_db, tmp_path):
    out = tmp_path / "incidents.csv"
    result = CliRunner().invoke(app, ["export", "--format", "csv", "--db", str(demo_db), "--out", str(out)], env=env)
    assert result.exit_code == 0, result.output
    frame = pd.read_csv(out, encoding="utf-8-sig")
    assert list(frame.columns) == ACLED_COLUMNS


# --- JSON Lines ------------------------------------------------------------------------------------


def test_export_jsonl_reads_with_pandas(export, demo):
    frame = pd.read_json(io.StringIO(export("jsonl")), lines=True)
    assert {"id", "figures", "claims", "agreements", "places"} <= set(frame.columns)
    assert len(frame) == demo.store.count_articles()
    assert frame["id"].is_unique
    for column in ("figures", "claims", "agreements", "places"):
        assert frame[column].map(lambda v: isinstance(v, list)).all(), column


def test_export_jsonl_every_line_is_one_article(export, demo):
    lines = [line for line in export("jsonl").splitlines() if line.strip()]
    records = [json.loads(line) for line in lines]
    assert sorted(r["id"] for r in records) == sorted(a.name for a in demo.store.articles())
    for record in records:
        assert {"id", "figures", "claims", "agreements", "places"} <= set(record)


# --- GeoJSON ---------------------------------------------------------------------------------------


def test_export_geojson_is_a_feature_collection_of_points(export, csv_frame):
    collection = json.loads(export("geojson"))
    assert collection["type"] == "FeatureCollection"
    features = collection["features"]
    assert features
    by_id = csv_frame.set_index("event_id")
    for feature in features:
        assert feature["type"] == "Feature"
        assert feature["geometry"]["type"] == "Point"
        lon, lat = feature["geometry"]["coordinates"]
        assert isinstance(lon, (int, float)) and isinstance(lat, (int, float))
        assert -180 <= lon <= 180 and -90 <= lat <= 90
        assert isinstance(feature["properties"], dict) and feature["properties"]
        row = by_id.loc[feature["id"]]
        assert (lon, lat) == pytest.approx((row["longitude"], row["latitude"]))  # longitude first (RFC 7946)
        assert feature["properties"]["location"] == row["location"]
    assert {f["id"] for f in features} == set(by_id.dropna(subset=["latitude"]).index)


def test_export_geojson_points_are_in_the_caucasus(export):
    """Longitude first: the demo's towns lie near 40N 47E, so swapped coordinates would land elsewhere."""
    for feature in json.loads(export("geojson"))["features"]:
        lon, lat = feature["geometry"]["coordinates"]
        assert 43 <= lon <= 51 and 38 <= lat <= 42, feature["properties"]["location"]


# --- Python API ------------------------------------------------------------------------------------


def test_export_api_incidents_frame(demo):
    frame = pd.DataFrame(demo.incidents())
    assert len(frame) > 0
    assert {"id", "date", "status", "claims", "reports", "place"} <= set(frame.columns)
    assert frame["id"].is_unique
    json.dumps(demo.incidents())  # plain data all the way down


def test_export_api_figures_frame(demo):
    frame = pd.DataFrame(demo.figures())
    assert len(frame) > 0
    assert {"claimant", "kind", "value", "qualifier", "as_of", "reports"} <= set(frame.columns)
    assert pd.api.types.is_integer_dtype(frame["value"])
    assert (frame["reports"] >= 1).all()


def test_export_api_agreements_frame(demo):
    frame = pd.DataFrame(demo.agreements())
    assert len(frame) > 0
    assert {"id", "kind", "date", "violations", "mentions"} <= set(frame.columns)
    assert set(frame["kind"]) <= {"ceasefire", "truce", "talks", "pledge", "request"}
    json.dumps(demo.agreements())


def test_export_api_incidents_since_until(demo):
    import datetime as dt

    part = demo.incidents(since=dt.date(2020, 10, 10), until=dt.date(2020, 10, 26))
    assert part and len(part) < len(demo.incidents())
    assert all("2020-10-10" <= i["date"] <= "2020-10-26" for i in part)


# --- the ledger export (SCHEMA.md, "Ledger export") ----------------------------------------------


@pytest.fixture(scope="module")
def ledger_json(env, demo_db) -> dict:
    result = CliRunner().invoke(app, ["ledger", "--format", "json", "--db", str(demo_db)], env=env)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_export_ledger_json_has_the_schema_parts(ledger_json):
    assert set(ledger_json) >= {"incidents", "figure_series", "agreements", "source_groups"}
    statuses = {"single_party", "disputed", "corroborated", "confirmed", "unattributed"}
    assert ledger_json["incidents"] and {i["status"] for i in ledger_json["incidents"]} <= statuses
    for incident in ledger_json["incidents"]:
        assert incident["fatalities"] is None or incident["fatalities"] >= 0
        assert incident["articles"] and all(not a.startswith(("/", ".")) for a in incident["articles"])
    for series in ledger_json["figure_series"]:
        assert series["scope"] in ("conflict", "incident") and series["group"]
        assert not series["incident"] or series["scope"] == "incident"
    for agreement in ledger_json["agreements"]:
        assert not set(agreement["parties"]) & set(agreement["mediators"])
        assert all(not (len(p) == 2 and p.isupper()) for p in agreement["parties"])  # names, never ISO codes


def test_export_csv_fatalities_are_the_ledgers(export, ledger_json):
    frame = pd.read_csv(io.StringIO(export("csv").lstrip("\ufeff")))
    by_id = {i["id"]: i["fatalities"] for i in ledger_json["incidents"]}
    for _, row in frame.iterrows():
        expected = by_id[row["event_id"]]
        assert (pd.isna(row["fatalities"]) and expected is None) or row["fatalities"] == expected
