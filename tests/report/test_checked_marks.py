"""report/: items an analyst confirmed (`wirewatch correct check`) carry a ✓ checked mark in the Markdown and
HTML reports and `checked: true` in the JSON, and their mentions `checked: true` in the per-article JSON Lines
export; unchecked items carry neither."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

import wirewatch
from wirewatch.corpus.corrections import figure_keys, violation_key
from wirewatch.report.sitrep import CHECKED

pytestmark = pytest.mark.model

DEMO = Path(__file__).resolve().parents[2] / "examples" / "demo"


@pytest.fixture(scope="module")
def checked(env, stored_corpus, tmp_path_factory):
    """A copy of the demo store with one incident, one figure, one agreement and one violation checked."""
    db = tmp_path_factory.mktemp("checked") / "demo.db"
    shutil.copy(stored_corpus("demo", [DEMO]), db)
    with wirewatch.open(db) as handle:
        ledger = handle.ledger()
        incident = ledger.incidents[0]
        series = next(s for s in ledger.series if s.points)
        figure = figure_keys(ledger, series, series.points[-1])[0]
        record = next(a for a in ledger.agreements if a.violations)
        handle.correct("check", "incident", incident.id)
        handle.correct("check", "figure", figure)
        handle.correct("check", "agreement", record.id)
        handle.correct("check", "violation", violation_key(record.violations[0]))
        yield {"handle": handle, "incident": incident.id, "claimant": series.claimant, "agreement": record.id,
               "violation": record.violations[0].sentence,
               "json": handle.report(format="json"), "md": handle.report(format="md"),
               "html": handle.report(format="html")}


def test_report_json_says_which_items_were_checked(checked):
    report = checked["json"]
    assert [i["id"] for i in report["incidents"] if i["checked"]] == [checked["incident"]]
    assert [a["id"] for a in report["agreements"] if a["checked"]] == [checked["agreement"]]
    series = [s for s in report["figures"]["series"] if s["checked"]]
    assert series and {s["claimant"] for s in series} == {checked["claimant"]}
    assert any(s["latest"]["checked"] for s in series)
    # a violation is keyed by its sentence: where one accusation follows two agreements, both carry the check
    violations = [v for a in report["agreements"] for v in a["violations"] if v["checked"]]
    assert violations and {v["quote"] for v in violations} == {checked["violation"]}
    assert not all(v["checked"] for a in report["agreements"] for v in a["violations"])


def test_report_markdown_marks_checked_items_only(checked):
    md = checked["md"]
    report = checked["json"]
    incident = next(i for i in report["incidents"] if i["checked"])
    marked = [line for line in md.splitlines() if CHECKED in line][1:]  # after the legend line
    assert any(line.startswith("- ") and incident["headline"] in line for line in marked)
    assert any(re.match(r"^- \*\*\w+\*\* ", line) for line in marked)
    assert any(line.startswith("  - alleged violation") for line in marked)
    assert any(line.startswith(f"| {checked['claimant']} |") for line in marked)
    # nothing else is marked: each marked line is about one of the checked items
    about = [i["headline"] for i in report["incidents"] if i["checked"]]
    about += [f"{a['kind'].capitalize()}{' of ' + a['date'] if a['date'] else ''}" for a in report["agreements"]
              if a["checked"]]  # the agreement's headline
    about += [f"{a['kind'].capitalize()} in {a['venue']}" for a in report["agreements"] if a["checked"] and a["venue"]]
    for line in marked:
        assert (any(h in line for h in about) or line.startswith(("- **", "  - alleged violation"))
                or line.startswith(f"| {checked['claimant']} |")), line


def test_report_html_badges_checked_items(checked):
    page = checked["html"]
    badges = page.count("class='badge checked' title=")
    rows = re.findall(r"<tr><td>[^<]*</td><td>[^<]*<sup>.*?</tr>", page)
    marked_rows = [r for r in rows if "badge checked" in r]
    assert badges >= 4
    assert len(marked_rows) >= 2  # the incident's row in "All incidents" and the figure's row
    assert "confirmed by an analyst" in page


def test_report_without_checks_has_no_mark(env, stored_corpus):
    with wirewatch.open(stored_corpus("demo", [DEMO])) as handle:
        md = handle.report(format="md")
        page = handle.report(format="html")
    assert md.count(CHECKED) == 1  # the legend line only
    assert "class='badge checked' title=" not in page


def test_jsonl_export_marks_the_mentions_of_checked_items(checked):
    from wirewatch.corpus.corrections import checked_mentions
    from wirewatch.export.jsonl import extraction_record

    handle = checked["handle"]
    test = checked_mentions(handle.ledger())
    records = [extraction_record(e, test) for e in handle.extractions()]
    count = {key: sum(m["checked"] for r in records for m in r[key]) for key in ("figures", "claims", "agreements",
                                                                                 "events")}
    total = {key: sum(len(r[key]) for r in records) for key in count}
    assert count["figures"] >= 1 and count["agreements"] >= 1 and count["events"] >= 1
    assert count["claims"] == 0  # no claim was checked
    assert all(count[key] < total[key] for key in ("figures", "agreements", "events"))
    # without the test, the records are the extraction format alone
    assert "checked" not in extraction_record(next(iter(handle.extractions())))["figures"][0]
