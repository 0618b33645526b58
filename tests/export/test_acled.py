"""export/acled.py: `wirewatch export --format acled` read back with pandas: ACLED's columns in ACLED's order,
names not codes, numeric ISO codes, the ledger's fatalities, then wirewatch's own columns."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from wirewatch.cli import app
from wirewatch.export.acled import _country, to_acled_csv

DEMO = Path(__file__).resolve().parents[2] / "examples" / "demo"
# ACLED's export columns, in its order (ACLED Codebook; the API's field list).
ACLED = ["event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
         "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction",
         "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude",
         "longitude", "geo_precision", "source", "source_scale", "notes", "fatalities", "tags", "timestamp"]


@pytest.fixture(scope="module")
def exported(env, stored_corpus):
    db = stored_corpus("demo", [DEMO])
    runner = CliRunner()
    csv_text = runner.invoke(app, ["export", "--format", "acled", "--db", str(db)], env=env)
    assert csv_text.exit_code == 0, csv_text.output
    ledger = runner.invoke(app, ["ledger", "--format", "json", "--db", str(db)], env=env)
    return pd.read_csv(io.StringIO(csv_text.stdout)), json.loads(ledger.stdout)


@pytest.mark.model
def test_acled_columns_are_acleds_in_order_then_wirewatchs(exported):
    frame, _ = exported
    assert list(frame.columns)[:len(ACLED)] == ACLED
    assert list(frame.columns)[len(ACLED):] == ["status", "claimants", "references", "checked", "fatalities_reported"]


@pytest.mark.model
def test_acled_types_and_values(exported):
    frame, ledger = exported
    assert len(frame) == len(ledger["incidents"]) and frame["event_id_cnty"].is_unique
    for column in ("year", "time_precision", "iso", "fatalities", "timestamp", "geo_precision"):
        assert pd.api.types.is_integer_dtype(frame[column]), column
    assert pd.api.types.is_float_dtype(frame["latitude"]) and pd.api.types.is_bool_dtype(frame["checked"])
    dated = frame.dropna(subset=["event_date"])
    assert (pd.to_datetime(dated["event_date"]).dt.year == dated["year"]).all()
    assert set(frame["time_precision"]) <= {1, 2, 3}
    # names, not codes: no two-letter country, no numeric admin1
    assert (frame["country"].str.len() > 3).all()
    assert not frame["admin1"].dropna().astype(str).str.fullmatch(r"[\d.]+").any()
    assert frame["event_id_cnty"].str.fullmatch(r"[A-Z]{3}-[0-9a-f]{10}").all()
    # fatalities: the ledger's own count per incident, 0 where it has none (and flagged so)
    by_id = {i["id"]: i for i in ledger["incidents"]}
    for _, row in frame.iterrows():
        incident = by_id["inc-" + row["event_id_cnty"].split("-", 1)[1]]
        assert row["fatalities"] == (incident["fatalities"] or 0)
        assert row["fatalities_reported"] == (incident["fatalities"] is not None)
        assert row["status"] == incident["status"]
    assert set(frame["disorder_type"]) <= {"Political violence", "Demonstrations", "Strategic developments",
                                           "Political violence; Demonstrations"}


@pytest.mark.parametrize("code, name, numeric, region", [
    ("UA", "Ukraine", 804, "Europe"), ("SD", "Sudan", 729, "Northern Africa"), ("MM", "Myanmar", 104, "Southeast Asia"),
    ("AZ", "Azerbaijan", 31, "Caucasus and Central Asia"), ("YE", "Yemen", 887, "Middle East"),
    ("CO", "Colombia", 170, "South America"), ("CD", "Democratic Republic of the Congo", 180, "Middle Africa"),
])
def test_countries_are_named_with_numeric_iso_and_acled_region(code, name, numeric, region):
    country = _country(code)
    assert (country["name"], country["numeric"], country["region"]) == (name, numeric, region)


def test_acled_csv_keeps_formulas_inert():
    text = to_acled_csv([{"actor1": "=HYPERLINK(\"http://x\")", "notes": "+cmd|' /C calc'!A0", "fatalities": 3}])
    frame = pd.read_csv(io.StringIO(text))
    assert frame.loc[0, "actor1"].startswith("'=") and frame.loc[0, "notes"].startswith("'+")
    assert frame.loc[0, "fatalities"] == 3
