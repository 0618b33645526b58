"""The correction forms and the map in a real browser: an analyst fixes an incident's status and merges two
claimants through the dashboard's forms (with the write token), and sees the corrected pages; the map draws
country borders with the incidents on them, all from 127.0.0.1."""

from __future__ import annotations


import pytest


from . import chromium
from .server import demo_site
from .test_dashboard_in_chromium import _wait_for, browser  # noqa: F401 - the browser fixture, shared

pytestmark = pytest.mark.skipif(not chromium.available(), reason="Debian chromium and chromium-driver are not installed")
TOKEN = "field-notes"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    with demo_site(tmp_path_factory.mktemp("corrections"), token=TOKEN) as url:
        yield url


def test_fix_form_changes_the_status_shown(site, browser, tmp_path):
    from selenium.webdriver.support.ui import Select

    browser.get(site + "/incidents?status=disputed")
    browser.find_element("css selector", "#incident-list a").click()
    _wait_for(browser, lambda d: d.find_elements("id", "form-fix"))
    page = browser.current_url
    assert "accused and denied" in browser.find_element("css selector", ".badge").text
    form = browser.find_element("id", "form-fix")
    Select(form.find_element("name", "status")).select_by_visible_text("single_party")
    form.find_element("name", "reason").send_keys("the denial is about another strike")
    form.find_element("name", "token").send_keys(TOKEN)
    form.find_element("tag name", "button").click()
    # the page source, not an element: an element of the page being left goes stale under the wait
    _wait_for(browser, lambda d: d.current_url == page and ">reported by one party</span>" in d.page_source)
    browser.save_screenshot(str(tmp_path / "fixed.png"))
    assert chromium.console_errors(browser) == []


def test_merge_form_files_two_claimants_as_one(site, browser, tmp_path):
    browser.get(site + "/actors")
    names = [a.text for a in browser.find_elements("css selector", "#actors td:first-child a")]
    merged, into = names[-1], names[0]
    browser.get(site + "/corrections")
    form = browser.find_element("id", "form-merge")
    form.find_element("name", "ref").send_keys(merged)
    form.find_element("name", "into").send_keys(into)
    form.find_element("name", "token").send_keys(TOKEN)
    form.find_element("tag name", "button").click()
    _wait_for(browser, lambda d: "<td>merge</td>" in d.page_source)
    browser.save_screenshot(str(tmp_path / "corrections.png"))
    browser.get(site + "/actors")
    after = [a.text for a in browser.find_elements("css selector", "#actors td:first-child a")]
    assert merged not in after and into in after


def test_a_wrong_token_changes_nothing(site, browser):
    browser.get(site + "/corrections")
    before = browser.find_element("id", "log").text
    form = browser.find_element("id", "form-undo")
    form.find_element("name", "undo").send_keys("1")
    form.find_element("name", "token").send_keys("not-the-token")
    form.find_element("tag name", "button").click()
    _wait_for(browser, lambda d: "wrong token" in d.page_source)
    assert all("401" in line for line in chromium.console_errors(browser))  # the refusal, and nothing else
    browser.get(site + "/corrections")
    assert browser.find_element("id", "log").text == before


def test_map_draws_borders_with_incidents_on_them(site, browser, tmp_path):
    browser.get(site + "/map")
    assert len(browser.find_elements("css selector", "svg.map path.land")) >= 2
    assert browser.find_elements("css selector", "svg.map text.country")
    circles = browser.find_elements("css selector", "svg.map circle")
    assert circles
    frame = browser.find_element("css selector", "svg.map").rect
    for circle in circles:
        box = circle.rect
        assert frame["x"] <= box["x"] + box["width"] / 2 <= frame["x"] + frame["width"]
    target = tmp_path / "map.png"
    browser.save_screenshot(str(target))
    assert target.stat().st_size > 10_000
    assert chromium.console_errors(browser) == []
