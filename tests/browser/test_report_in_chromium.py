"""The HTML report opens in a real browser, offline: no console error, no request to any host."""

from __future__ import annotations

from pathlib import Path

import pytest

from wirewatch.report import render

from . import chromium

pytestmark = pytest.mark.skipif(not chromium.available(), reason="Debian chromium and chromium-driver are not installed")

REPORT = {
    "title": "Situation report",
    "generated_by": "wirewatch test",
    "period": {"since": "2020-10-01", "until": "2020-10-02"},
    "counts": {"articles": 2, "source_groups": 2, "incidents": 1, "agreements": 0, "disputed": 1},
    "headlines": [{"text": "Shelling at Dorvik <script>alert(1)</script>", "refs": [1]}],
    "timeline": [{"date": "2020-10-01", "items": [{"text": "Shelling at Dorvik", "refs": [1]}]}],
    "disputed": [{"headline": "Shelling at Dorvik", "date": "2020-10-01", "status": "accused and denied",
                  "accusations": [{"stance": "accuse", "speaker": "Velmar <img src=x onerror=alert(1)>",
                                   "accused": "Ostravan forces", "outlet": "Kestrel", "quote": "javascript:alert(1)",
                                   "ref": 1}],
                  "denials": [{"stance": "deny", "speaker": "Ostrava", "accused": None, "outlet": "Ledger",
                               "quote": "We did not fire.", "ref": 2}], "assertions": []}],
    "incidents": [{"headline": "Shelling at Dorvik", "date": "2020-10-01", "status": "accused and denied",
                   "perpetrator_claimed": "Ostravan forces", "source_groups": 2, "refs": [1, 2]}],
    "figures": {"series": [{"claimant": "Velmar", "kind": "killed", "group": "civilians <b>x</b>", "scope": "conflict",
                            "latest": {"value": 5, "qualifier": "at_least", "as_of": "2020-10-02", "refs": [1]},
                            "points": [{"value": 3, "as_of": "2020-10-01"}, {"value": 5, "as_of": "2020-10-02"}]}],
                "ranges": {}, "ranges_by_group": {"killed": {"civilians <b>x</b>": {"lowest": 5, "highest": 5,
                                                                                    "claimants": 1}}},
                "conservative_killed": None, "conservative_by_group": {"civilians <b>x</b>": 5},
                "conservative_note": "lowest"},
    "agreements": [],
    "places": [{"name": "Dorvik", "lat": 40.1, "lon": 46.2, "country": "AZ", "precision": "city", "incidents": 1,
                "disputed": 1}],
    "sources": {"outlets": [{"outlet": "Kestrel", "articles": 1}], "shared_groups": [], "groups": 2},
    "method": "Method text.",
    "references": [{"n": 1, "article": "a", "outlet": "Kestrel", "title": "T", "published": None,
                    "sentence_index": 0, "start": 0, "end": 10, "sentence": "<script>alert(2)</script>"},
                   {"n": 2, "article": "b", "outlet": "Ledger", "title": "U", "published": None,
                    "sentence_index": 0, "start": 0, "end": 10, "sentence": "We did not fire."}],
}


@pytest.fixture(scope="module")
def browser():
    driver = chromium.start()
    yield driver
    driver.quit()


def test_report_html_loads_without_console_error_or_outside_request(tmp_path: Path, browser):
    page = tmp_path / "report.html"
    page.write_text(render(REPORT, "html"), encoding="utf-8")
    browser.get(page.as_uri())
    assert browser.find_element("tag name", "h1").text == "Situation report"
    assert chromium.console_errors(browser) == []
    outside = [u for u in chromium.requested_urls(browser) if not u.startswith(("file://", "data:"))]
    assert outside == []


def test_report_html_article_markup_stays_text(tmp_path: Path, browser):
    page = tmp_path / "report.html"
    page.write_text(render(REPORT, "html"), encoding="utf-8")
    browser.get(page.as_uri())
    assert browser.find_elements("css selector", "img") == []
    assert len(browser.find_elements("css selector", "script")) == 0
    assert "<script>alert(1)</script>" in browser.find_element("id", "headlines").find_element(
        "xpath", "following-sibling::ul").text
    links = [a.get_attribute("href") for a in browser.find_elements("css selector", "a")]
    assert all(not (h or "").startswith("javascript:") for h in links)
