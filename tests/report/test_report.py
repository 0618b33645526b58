"""report/: the situation report, checked through its JSON form (wirewatch.open(db).report(format="json")),
plus the self-contained HTML page and the `run` command.

The hostile article is invented for the test; the seed part reads ../shared and skips when it is absent.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

import wirewatch
from wirewatch.cli import app

pytestmark = pytest.mark.model

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "examples" / "demo"
SEED_ARTICLES = ROOT.parent / "shared" / "eval" / "seeds" / "articles"

HOSTILE = (
    "---\noutlet: Harbour Times <script>alert(1)</script>\ntitle: Barda shelled <img src=x onerror=alert(1)>\n"
    "published: 2020-10-14\n---\n"
    "Azerbaijan's defence ministry said Armenian forces shelled the city of Ganja on Tuesday, damaging several "
    "houses <script>alert(1)</script>.\n\n"
    "Armenia's defence ministry denied that its forces had shelled Ganja <img src=x onerror=alert(1)>, and pointed "
    "readers to <a href=\"javascript:alert(1)\">its statement</a>.\n\n"
    "Firefighters worked through the night.\n"
)


@pytest.fixture(scope="module")
def demo(env, stored_corpus):
    with wirewatch.open(stored_corpus("demo", [DEMO])) as handle:
        yield handle


@pytest.fixture(scope="module")
def demo_report(demo) -> dict:
    return demo.report(format="json")


@pytest.fixture(scope="module")
def seeds(env, stored_corpus):
    if not SEED_ARTICLES.is_dir():
        pytest.skip(f"{SEED_ARTICLES} is absent")
    with wirewatch.open(stored_corpus("seeds", [SEED_ARTICLES])) as handle:
        yield handle


@pytest.fixture(scope="module")
def hostile(env, tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    (folder / "corpus").mkdir()
    (folder / "corpus" / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    with wirewatch.open(folder / "h.db") as handle:
        handle.ingest([folder / "corpus"])
        yield handle


def norm(text: str | None) -> str:
    return (text or "").lower().replace("’", "'").replace("defense", "defence")


def used_refs(value) -> list[int]:
    """Every reference number used anywhere in the report outside the references list."""
    found = []
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "references":
                continue
            if key == "ref":
                found.append(item)
            elif key == "refs":
                found.extend(item)
            else:
                found.extend(used_refs(item))
    elif isinstance(value, list):
        for item in value:
            found.extend(used_refs(item))
    return found


# --- seeds ---------------------------------------------------------------------------------------


@pytest.mark.shared
def test_report_seeds_disputed_stepanakert_market(seeds):
    content = seeds.report(format="json")
    market = [i for i in content["disputed"] if i["place"] and i["place"]["name"] == "Stepanakert"
              and i["target"] == "market"]
    assert len(market) == 1, [i["headline"] for i in content["disputed"]]
    (item,) = market
    assert item["status"] == "accused and denied"
    assert any(re.search(r"nagorno-karabakh authorities|authorities in nagorno-karabakh", norm(c["speaker"]))
               for c in item["accusations"]), item["accusations"]
    assert any(re.search(r"azerbaijan'?s defence ministry", norm(c["speaker"])) for c in item["denials"]), item["denials"]
    assert {"001", "002", "003", "005"} <= {r["article"] for r in content["references"]
                                            if r["n"] in {c["ref"] for c in item["accusations"] + item["denials"]}}


@pytest.mark.shared
def test_report_seeds_figures_by_separate_claimants(seeds):
    series = seeds.report(format="json")["figures"]["series"]
    killed = {s["claimant"] for s in series if s["kind"] == "killed"}
    karabakh = {c for c in killed if "karabakh" in c.lower()}
    azerbaijani = {c for c in killed if c.lower().startswith("azerbaijan")}
    russian = {c for c in killed if c.lower().startswith("russia") or "putin" in c.lower()}
    assert karabakh and azerbaijani and russian, killed
    assert not (karabakh & azerbaijani) and not (karabakh & russian) and not (azerbaijani & russian)
    keys = [(s["claimant"], s["kind"], s["group"], s["scope"], s["incident"], s["voice"]) for s in series]
    assert len(keys) == len(set(keys))  # one series per claimant, kind, group and scope
    troops = {s["latest"]["value"] for s in series if "karabakh" in s["claimant"].lower() and s["group"] == "troops"}
    civilians = {s["latest"]["value"] for s in series if "karabakh" in s["claimant"].lower() and s["group"] == "civilians"}
    assert troops and civilians and not troops & civilians  # troops and civilians are never one series


# --- demo: references ------------------------------------------------------------------------------


def test_report_demo_every_used_reference_exists(demo_report):
    numbers = [r["n"] for r in demo_report["references"]]
    assert numbers == list(range(1, len(numbers) + 1))
    used = used_refs(demo_report)
    assert used, "the report cites nothing"
    assert set(used) <= set(numbers)
    assert set(numbers) <= set(used)  # and no reference is listed without being used


def test_report_demo_reference_sentence_is_the_clean_text_span(demo, demo_report):
    assert demo_report["references"]
    for ref in demo_report["references"]:
        article = demo.store.article(ref["article_id"])
        assert article is not None and article.name == ref["article"]
        assert ref["sentence"]
        assert article.text[ref["start"]:ref["end"]] == ref["sentence"], ref


def test_report_demo_sections_present(demo_report):
    for key in ("period", "counts", "headlines", "timeline", "disputed", "incidents", "figures", "agreements",
                "places", "sources", "method", "references"):
        assert key in demo_report
    assert demo_report["counts"]["incidents"] == len(demo_report["incidents"]) > 0
    assert demo_report["counts"]["disputed"] == len(demo_report["disputed"])
    assert all(i["status"] == "accused and denied" for i in demo_report["disputed"])


# --- demo: the HTML page ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def demo_html(demo) -> str:
    return demo.report(format="html")


def test_report_html_is_one_self_contained_page(demo_html):
    # Nothing is loaded from elsewhere; links a reader may follow (<a href> to an article) are no resource.
    attributes = re.findall(r"""\bsrc\s*=\s*["']?([^"'\s>]*)""", demo_html, re.I)
    assert not [a for a in attributes if a.lower().startswith(("http://", "https://", "//"))]
    hrefs = re.findall(r"""<(?!a\b)\w+[^>]*\bhref\s*=\s*["']?([^"'\s>]*)""", demo_html, re.I)
    assert not [a for a in hrefs if a.lower().startswith(("http://", "https://", "//"))]
    assert not re.search(r"<script\b", demo_html, re.I)
    assert not re.search(r"<link\b", demo_html, re.I)
    assert "<svg" in demo_html
    assert demo_html.lstrip().lower().startswith("<!doctype html>")
    assert demo_html.rstrip().endswith("</html>")


def test_report_html_links_every_reference(demo_html, demo_report):
    for ref in demo_report["references"]:
        assert f"id='ref-{ref['n']}'" in demo_html


def test_report_html_links_each_reference_to_its_article_url(demo_html, demo_report):
    with_url = [r for r in demo_report["references"] if r["url"]]
    assert with_url
    for ref in with_url:
        item = re.search(rf"<li id='ref-{ref['n']}'>.*?</li>", demo_html, re.S).group(0)
        assert f'href="{html.escape(ref["url"])}"' in item


def test_report_hostile_article_renders_inert(hostile):
    content = hostile.report(format="json")
    quoted = " ".join(r["sentence"] for r in content["references"])
    assert "<script>alert(1)</script>" in quoted  # the markup reached the report as text...
    html = hostile.report(format="html")
    assert not re.search(r"<script\b", html, re.I)  # ...and is escaped in the page
    assert not re.search(r"<img\b", html, re.I)
    assert not re.search(r"""href\s*=\s*["']?\s*javascript:""", html, re.I)
    assert not re.search(r"<a\s[^>]*javascript", html, re.I)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html


def test_report_hostile_markdown_keeps_markup_out_of_links(hostile):
    markdown = hostile.report(format="md")
    assert "](javascript:" not in markdown


# --- period ------------------------------------------------------------------------------------------


def test_report_since_until_restrict_the_period(demo, demo_report):
    since, until = dt.date(2020, 10, 10), dt.date(2020, 10, 26)
    part = demo.report(since, until, format="json")
    assert part["period"] == {"since": "2020-10-10", "until": "2020-10-26"}
    dates = [i["date"] for i in part["incidents"]] + [a["date"] for a in part["agreements"]]
    assert dates and all(d is not None and "2020-10-10" <= d <= "2020-10-26" for d in dates)
    assert all("2020-10-10" <= v["date"] <= "2020-10-26" for a in part["agreements"] for v in a["violations"])
    outside = [i for i in demo_report["incidents"] if i["date"] and not "2020-10-10" <= i["date"] <= "2020-10-26"]
    assert outside, "the demo should have incidents outside the period"
    assert part["counts"]["incidents"] == len(demo_report["incidents"]) - len(outside) - sum(
        1 for i in demo_report["incidents"] if i["date"] is None)
    assert set(used_refs(part)) <= {r["n"] for r in part["references"]}


def test_report_cli_since_until(env, demo):
    result = CliRunner().invoke(app, ["report", "--db", str(demo.settings.db), "--format", "json",
                                      "--since", "2020-10-27", "--until", "2020-11-30"], env=env)
    assert result.exit_code == 0, result.output
    import json

    content = json.loads(result.stdout)
    assert content["incidents"]
    assert all("2020-10-27" <= i["date"] <= "2020-11-30" for i in content["incidents"])


def test_report_cli_rejects_a_bad_date(env, demo):
    result = CliRunner().invoke(app, ["report", "--db", str(demo.settings.db), "--since", "10/27/2020"], env=env)
    assert result.exit_code == 2


# --- run ---------------------------------------------------------------------------------------------


def test_report_run_writes_the_report(env, tmp_path):
    db, out = tmp_path / "run.db", tmp_path / "x.html"
    result = CliRunner().invoke(app, ["run", str(DEMO), "--db", str(db), "--out", str(out), "-q"], env=env)
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert "<svg" in page and "Situation report" in page
    assert "report written to" in result.stdout
    with wirewatch.open(db) as handle:
        assert handle.store.count_articles() >= 10


def test_report_since_lists_only_figures_of_the_period(demo):
    since = dt.date(2020, 11, 1)
    every = demo.report(format="json")["figures"]["series"]
    content = demo.report(since, None, "json")
    points = [p for s in content["figures"]["series"] for p in s["points"]]
    assert any(p["as_of"] and p["as_of"] < since.isoformat() for s in every for p in s["points"])
    assert points and all(p["as_of"] and p["as_of"] >= since.isoformat() for p in points)


def test_report_reads_the_ledger_the_ledger_export_prints(demo, demo_report):
    """One ledger object: the report's incidents, series and agreements are the export's, with the same ids,
    statuses and values."""
    from wirewatch.export.ledger import ledger_record

    record = ledger_record(demo.ledger())
    assert [i["id"] for i in demo_report["incidents"]] == [i["id"] for i in record["incidents"]]
    assert [i["status"] for i in demo_report["incidents"]] == [i["status_label"] for i in record["incidents"]]
    assert [a["id"] for a in demo_report["agreements"]] == [a["id"] for a in record["agreements"]]
    assert sorted(s["latest"]["value"] for s in demo_report["figures"]["series"]) == sorted(
        s["latest"]["value"] for s in record["figure_series"])


def test_report_cites_an_article_without_outlet_as_unknown_outlet(env, tmp_path):
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "07-coast-wire-harbour.txt").write_text(HOSTILE.split("---\n", 2)[2], encoding="utf-8")
    with wirewatch.open(tmp_path / "w.db") as handle:
        handle.ingest([tmp_path / "corpus"])
        content = handle.report(format="json")
    assert [o["outlet"] for o in content["sources"]["outlets"]] == ["unknown outlet"]
    assert {r["outlet"] for r in content["references"]} <= {"unknown outlet"}
    assert {r["source"] for r in content["references"]} <= {"07-coast-wire-harbour.txt"}
