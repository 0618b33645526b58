"""The dashboard's JSON API and pages through the test client: data, paging, validation, security."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from wirewatch.api import Wirewatch
from wirewatch.web.app import create_app

DEMO = Path(__file__).resolve().parents[2] / "examples" / "demo"
HOSTILE = {
    "id": "hostile",
    "outlet": "Prank Post <script>alert('o')</script>",
    "title": "Shelling of Dorvik <img src=x onerror=alert('t')>",
    "published": "2020-10-20",
    "text": ("Armenia's defence ministry said Azerbaijani forces had shelled the town of Martuni on Tuesday "
             "<script>alert('x')</script> and <img src=x onerror=alert('y')>. "
             "Residents posted a link, <a href=\"javascript:alert('z')\">see the video</a>, online.\n\n"
             "Azerbaijan's defence ministry denied shelling Martuni."),
}


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> str:
    db = tmp_path_factory.mktemp("web") / "demo.db"
    with Wirewatch(str(db)) as handle:
        handle.ingest([DEMO])
        jsonl = db.parent / "hostile.jsonl"
        import json

        jsonl.write_text(json.dumps(HOSTILE) + "\n", encoding="utf-8")
        handle.ingest([jsonl])
        handle.ledger()
    return str(db)


@pytest.fixture(scope="module")
def client(store) -> TestClient:
    return TestClient(create_app(store))


def test_api_incidents_pages_and_counts(client):
    everything = client.get("/api/incidents", params={"per_page": 200}).json()
    first = client.get("/api/incidents", params={"per_page": 3, "page": 1}).json()
    second = client.get("/api/incidents", params={"per_page": 3, "page": 2}).json()
    assert first["total"] == everything["total"] > 3
    assert len(first["items"]) == 3
    assert {i["id"] for i in first["items"]}.isdisjoint({i["id"] for i in second["items"]})


def test_api_incident_filters_narrow(client):
    everything = client.get("/api/incidents").json()["total"]
    disputed = client.get("/api/incidents", params={"status": "disputed"}).json()
    assert 0 < disputed["total"] < everything
    assert all(i["status"] == "accused and denied" for i in disputed["items"])
    tartar = client.get("/api/incidents", params={"place": "tartar"}).json()
    assert tartar["total"] and all("Tartar" in i["place"] for i in tartar["items"])


def test_api_incident_detail_has_both_sides(client):
    disputed = client.get("/api/incidents", params={"status": "disputed"}).json()["items"][0]
    detail = client.get(f"/api/incidents/{disputed['id']}").json()
    assert detail["sides"]["accusations"] and detail["sides"]["denials"]
    page = client.get(f"/incidents/{disputed['id']}")
    assert page.status_code == 200 and "Denials" in page.text


def test_api_figures_agreements_articles(client):
    assert client.get("/api/figures").json()["series"]
    agreements = client.get("/api/agreements").json()
    assert agreements["total"] >= 3
    article = client.get("/api/articles/03-meridian-daily-moscow-truce").json()
    assert article["title"] and article["agreements"]


@pytest.mark.parametrize("url", [
    "/api/incidents?page=0", "/api/incidents?per_page=0", "/api/incidents?per_page=100000",
    "/api/incidents?page=abc", "/api/incidents?since=yesterday", "/api/incidents?status=everything",
    "/api/incidents?since=2020-11-01&until=2020-10-01", "/incidents?page=-3", "/incidents?since=31/10/2020",
    "/api/agreements?per_page=-1", "/api/incidents?q=" + "x" * 500,
])
def test_invalid_parameters_get_a_4xx_with_a_message(client, url):
    response = client.get(url)
    assert 400 <= response.status_code < 500
    assert response.text.strip()
    if url.startswith("/api/"):
        assert response.json()["error"]


def test_unknown_ids_are_404(client):
    assert client.get("/api/incidents/inc-nothing").status_code == 404
    assert client.get("/articles/no-such-article").status_code == 404


def test_ingest_is_refused_without_a_token(store):
    read_only = TestClient(create_app(store))
    assert read_only.post("/api/articles", json={"id": "a", "text": "x " * 50}).status_code == 403
    guarded = TestClient(create_app(store, token="s3cret"))
    assert guarded.post("/api/articles", json={"id": "a", "text": "x " * 50}).status_code == 401
    wrong = guarded.post("/api/articles", json={"id": "a", "text": "x " * 50}, headers={"Authorization": "Bearer no"})
    assert wrong.status_code == 401


def test_ingest_with_the_token_stores_and_extracts(tmp_path):
    db = str(tmp_path / "w.db")
    client = TestClient(create_app(db, token="s3cret"))
    body = {"id": "posted", "outlet": "Kestrel", "published": "2020-10-05",
            "text": "Azerbaijan's defence ministry said Armenian forces shelled Tartar overnight, killing two civilians."}
    response = client.post("/api/articles", json=body, headers={"Authorization": "Bearer s3cret"})
    assert response.status_code == 201, response.text
    again = client.post("/api/articles", json=body, headers={"Authorization": "Bearer s3cret"})
    assert again.json()["outcome"] == "present"
    assert client.get("/api/articles/posted").json()["figures"]


@pytest.mark.parametrize("url", ["/articles/hostile", "/incidents", "/sources", "/"])
def test_hostile_article_renders_inert(client, url):
    html = client.get(url).text
    assert "<script>alert" not in html
    assert "<img src=x onerror" not in html
    assert 'href="javascript:' not in html and "href='javascript:" not in html


def test_hostile_article_text_is_shown_as_text(client):
    html = client.get("/articles/hostile").text
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in html or "&lt;script&gt;" in html
    detail = client.get("/api/articles/hostile").json()
    assert "<script>" not in detail["highlighted"]


def test_openapi_documents_the_api(client):
    spec = client.get("/openapi.json").json()
    assert {"/api/incidents", "/api/incidents/{incident_id}", "/api/figures", "/api/agreements",
            "/api/articles/{key}", "/api/articles"} <= set(spec["paths"])
    assert "per_page" in client.get("/docs").text
