"""A session as an analyst runs it: merge two claimants, fix a wrong status and confirm an incident in the
dashboard's forms, extract everything again with a changed pipeline version, and find all three corrections
still applied in the ledger, the reports (JSON, Markdown, HTML) and every export (CSV, ACLED, GeoJSON, JSON
Lines); then undo the merge and see the claimants split again."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pandas as pd
import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

import wirewatch
from wirewatch import runner
from wirewatch.cli import app as cli_app
from wirewatch.web.app import create_app

pytestmark = pytest.mark.model

DEMO = Path(__file__).resolve().parents[2] / "examples" / "demo"
TOKEN = "correct-horse"


@pytest.fixture()
def db(env, stored_corpus, tmp_path) -> Path:
    copy = tmp_path / "session.db"
    shutil.copy(stored_corpus("demo", [DEMO]), copy)
    return copy


def _cli(env, *args) -> str:
    result = CliRunner().invoke(cli_app, [str(a) for a in args], env=env)
    assert result.exit_code == 0, result.output
    return result.stdout


def _ledger(env, db) -> dict:
    return json.loads(_cli(env, "ledger", "--db", db, "-f", "json"))


def _claimants(record: dict) -> set[str]:
    return {s["claimant"].split(" (")[0] for s in record["figure_series"]}


def test_corrections_made_in_the_dashboard_survive_reextraction(env, db, monkeypatch):
    before = _ledger(env, db)
    claimants = sorted(_claimants(before) - {"the article itself"})
    merged, into = claimants[0], claimants[1]
    wrong = next(i for i in before["incidents"] if i["status"] != "unattributed")
    new_status = "unattributed"

    client = TestClient(create_app(str(db), token=TOKEN))
    # without the token nothing is written
    refused = client.post("/corrections", data={"action": "merge", "kind": "actor", "ref": merged, "into": into,
                                                "token": "guess"}, follow_redirects=False)
    assert refused.status_code == 401
    assert client.get("/api/corrections").json()["items"] == []

    page = client.get(f"/incidents/{wrong['id']}")
    assert 'id="form-fix"' in page.text
    answer = client.post("/corrections", data={"action": "merge", "kind": "actor", "ref": merged, "into": into,
                                               "reason": "one claimant", "author": "ana", "token": TOKEN},
                         follow_redirects=False)
    assert answer.status_code == 303
    answer = client.post("/corrections", data={"action": "fix", "kind": "incident", "ref": wrong["id"],
                                               "status": new_status, "token": TOKEN,
                                               "back": f"/incidents/{wrong['id']}"}, follow_redirects=False)
    assert answer.status_code == 303 and answer.headers["location"] == f"/incidents/{wrong['id']}"
    # the dashboard shows the corrected ledger at once
    assert client.get(f"/api/incidents/{wrong['id']}").json()["status"] == "reported without attribution"
    answer = client.post("/corrections", data={"action": "check", "kind": "incident", "ref": wrong["id"],
                                               "reason": "seen the footage", "token": TOKEN}, follow_redirects=False)
    assert answer.status_code == 303
    log = client.get("/api/corrections").json()["items"]
    assert [(e["action"], e["author"]) for e in log] == [("merge", "ana"), ("fix", "analyst"), ("check", "analyst")]

    # a newer pipeline extracts every article again
    monkeypatch.setattr(runner, "pipeline_version", lambda: "9.9.9+changed")
    with wirewatch.open(db) as handle:
        assert len(list(handle.extractions())) == handle.store.count_articles()
        assert {made_by for made_by, _ in handle.store.extraction_states().values()} == {"9.9.9+changed"}

    after = _ledger(env, db)
    assert merged not in _claimants(after) and into in _claimants(after)
    fixed = next(i for i in after["incidents"] if i["id"] == wrong["id"])
    assert fixed["status"] == new_status and fixed["checked"] is True
    assert [i["id"] for i in after["incidents"] if i["checked"]] == [wrong["id"]]
    assert [e["action"] for e in after["corrections"]] == ["merge", "fix", "check"]

    report = json.loads(_cli(env, "report", "--db", db, "-f", "json"))
    shown = next(i for i in report["incidents"] if i["id"] == wrong["id"])
    assert shown["status"] == "reported without attribution" and shown["checked"] is True
    assert merged not in {s["claimant"] for s in report["figures"]["series"]}
    markdown = _cli(env, "report", "--db", db, "-f", "md")
    assert any(shown["headline"] in line and "✓ checked" in line for line in markdown.splitlines())
    assert merged not in markdown.split("## Casualty figures")[1].split("## ")[0]
    page = _cli(env, "report", "--db", db, "-f", "html")
    assert "badge checked" in page and "reported without attribution" in page

    frame = pd.read_csv(io.StringIO(_cli(env, "export", "--db", db, "-f", "csv")))
    row = frame[frame["event_id"] == wrong["id"]].iloc[0]
    assert "status: reported without attribution" in row["notes"]
    assert bool(row["checked"]) and frame["checked"].sum() == 1
    acled = pd.read_csv(io.StringIO(_cli(env, "export", "--db", db, "-f", "acled")))
    row = acled[acled["event_id_cnty"].str.endswith(wrong["id"].removeprefix("inc-"))].iloc[0]
    assert row["status"] == "unattributed" and bool(row["checked"]) and acled["checked"].sum() == 1
    assert not any(merged in str(c).split("; ") for c in acled["claimants"]), [c for c in acled["claimants"] if merged in str(c)]
    features = json.loads(_cli(env, "export", "--db", db, "-f", "geojson"))["features"]
    assert {f["id"] for f in features if f["properties"]["checked"]} <= {wrong["id"]}
    lines = [json.loads(line) for line in _cli(env, "export", "--db", db, "-f", "jsonl").splitlines()]
    checked_events = [e for record in lines for e in record["events"] if e["checked"]]
    assert checked_events and len(checked_events) < sum(len(r["events"]) for r in lines)

    # undoing the merge splits the claimants again; the log keeps every entry
    _cli(env, "corrections", "--db", db, "--undo", "1")
    undone = _ledger(env, db)
    assert merged in _claimants(undone)
    assert [e["action"] for e in undone["corrections"]] == ["merge", "fix", "check", "undo"]


def test_correction_forms_need_a_token_and_escape_what_they_show(env, db):
    read_only = TestClient(create_app(str(db)))
    assert read_only.post("/corrections", data={"action": "check"}).status_code == 403
    assert "read-only" in read_only.get("/corrections").text

    client = TestClient(create_app(str(db), token=TOKEN))
    incident = client.get("/api/incidents").json()["items"][0]["id"]
    # an unknown item is refused with its reason, and nothing is logged
    assert client.post("/corrections", data={"action": "reject", "kind": "claim", "ref": "claim:nope",
                                             "token": TOKEN}).status_code == 422
    hostile = "<script>alert(1)</script>"
    client.post("/corrections", data={"action": "check", "kind": "incident", "ref": incident, "reason": hostile,
                                      "token": TOKEN, "back": "//evil.example/"}, follow_redirects=False)
    page = client.get("/corrections").text
    assert hostile not in page and "&lt;script&gt;" in page
    assert client.get(f"/api/incidents/{incident}").json()["checked"] is True
    # the JSON API takes the bearer token
    answer = client.post("/api/corrections", json={"action": "reject", "kind": "incident", "ref": incident},
                         headers={"Authorization": f"Bearer {TOKEN}"})
    assert answer.status_code == 201
    assert incident not in {i["id"] for i in client.get("/api/incidents").json()["items"]}
