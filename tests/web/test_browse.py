"""web/browse.py: the article list, actor pages and the store's last update, each page with its JSON twin,
on the demo corpus."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from wirewatch.web.app import create_app
from wirewatch.web.browse import actor_link

pytestmark = pytest.mark.model

DEMO = Path(__file__).resolve().parents[2] / "examples" / "demo"


@pytest.fixture(scope="module")
def client(env, stored_corpus):
    return TestClient(create_app(str(stored_corpus("demo", [DEMO]))))


def test_article_list_links_every_stored_article(client):
    listed = client.get("/api/articles").json()
    assert listed["total"] == len(listed["items"]) == 11
    assert all("text" not in a for a in listed["items"])
    page = client.get("/articles").text
    for item in listed["items"]:
        assert f'href="/articles/{item["id"]}"' in page
        assert client.get(f"/api/articles/{item['id']}").status_code == 200
    assert sum(a["incidents"] for a in listed["items"]) >= len(client.get("/api/incidents").json()["items"])


def test_every_incident_claim_links_its_article_and_speaker(client):
    for summary in client.get("/api/incidents").json()["items"]:
        page = client.get(f"/incidents/{summary['id']}").text
        for href in re.findall(r'href="(/(?:articles|actors)/[^"]+)"', page):
            assert client.get(href).status_code == 200, href


def test_actor_page_lists_claims_accusations_and_figures_in_date_order(client):
    actors = client.get("/api/actors").json()["items"]
    busiest = actors[0]
    record = client.get("/api/actors/" + busiest["link"].removeprefix("/actors/")).json()
    assert record["name"] == busiest["name"]
    for role in ("claimed", "denied", "accused_of", "figures", "agreements"):
        assert len(record[role]) == busiest[role]
        dates = [r["date"] for r in record[role] if r["date"]]
        assert dates == sorted(dates)
    assert busiest["name"] in client.get(busiest["link"]).text
    assert client.get(actor_link("Nobody at all")).status_code == 404
    # an actor is found by any name that files under it
    accused = next(a for a in actors if a["accused_of"])
    assert client.get("/api/actors/" + actor_link(accused["name"].lower()).removeprefix("/actors/")).status_code == 200


def test_overview_says_when_the_store_was_last_updated(client):
    updated = client.get("/api/overview").json()["updated"]
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", updated)
    assert f"store last updated {updated}" in client.get("/").text
