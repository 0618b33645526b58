"""Issue 18, defect 7: the server's front door (guard.py) and its read-only pages."""

from __future__ import annotations

import json
import threading

import pytest
from fastapi.testclient import TestClient

from wirewatch.api import Wirewatch
from wirewatch.cli import serve_warnings
from wirewatch.web.app import create_app
from wirewatch.web.guard import bearer_matches

ARTICLE = {"id": "posted-1", "outlet": "Kestrel News", "title": "Shelling in Orsa", "published": "2022-03-04",
           "text": "Artillery shelled the market in Orsa on Friday, killing three civilians, the governor said."}


@pytest.fixture
def db(tmp_path, env) -> str:
    path = tmp_path / "w.db"
    with Wirewatch(str(path)):
        pass
    return str(path)


def test_a_body_over_the_limit_is_refused_before_it_is_read(db, monkeypatch):
    monkeypatch.setenv("WIREWATCH_MAX_BYTES", "1000")
    client = TestClient(create_app(db, "s3cret"))
    big = json.dumps({**ARTICLE, "text": "x" * 5000})
    for headers in ({}, {"Authorization": "Bearer s3cret"}):
        response = client.post("/api/articles", content=big, headers={**headers, "Content-Type": "application/json"})
        assert response.status_code in (401, 413)
    response = client.post("/api/articles", content=big, headers={"Authorization": "Bearer s3cret"})
    assert response.status_code == 413 and "1,000-byte limit" in response.json()["error"]

    def chunks():  # no Content-Length: the limit holds on what is read
        for _ in range(10):
            yield b"x" * 500

    response = client.post("/api/articles", content=chunks(), headers={"Authorization": "Bearer s3cret"})
    assert response.status_code == 413


@pytest.mark.parametrize("path", ["/api/articles", "/api/corrections"])
@pytest.mark.parametrize("body", ["{not json", "[1, 2", "[]", json.dumps(ARTICLE)])
def test_authorisation_comes_before_parsing(db, body, path):
    client = TestClient(create_app(db, "s3cret"))
    response = client.post(path, content=body, headers={"Content-Type": "application/json"})
    assert response.status_code == 401 and response.headers["www-authenticate"] == "Bearer"
    read_only = TestClient(create_app(db))
    assert read_only.post(path, content=body).status_code == 403


@pytest.mark.parametrize("header", ["s3cret", "Basic s3cret", "Bearer", "Bearer s3cret2", "Bearers3cret",
                                    "Bearer s3cr\u00e9t", "Bearer \u00ff\u00fe"])
def test_wrong_or_odd_authorisation_is_401_never_500(db, header):
    client = TestClient(create_app(db, "s3cret"))
    encoded = header.encode("latin-1")
    response = client.post("/api/articles", json=ARTICLE, headers=[(b"authorization", encoded)])
    assert response.status_code == 401


def test_non_ascii_token_and_scheme_case(db):
    client = TestClient(create_app(db, "t\u00f6ken"))
    response = client.post("/api/articles", json=ARTICLE,
                           headers=[(b"authorization", "bearer t\u00f6ken".encode("utf-8"))])
    assert response.status_code == 201, response.text


def test_bearer_matches():
    assert bearer_matches(b"Bearer abc", "abc") and bearer_matches(b"BEARER  abc ", "abc")
    assert not bearer_matches(b"abc", "abc") and not bearer_matches(None, "abc") and not bearer_matches(b"Bearer abc", None)


@pytest.mark.parametrize("url", ["/", "/api/overview", "/incidents", "/no-such-page", "/static/style.css"])
def test_security_headers_on_every_answer(db, url):
    response = TestClient(create_app(db)).get(url)
    csp = response.headers["content-security-policy"]
    assert "frame-ancestors 'none'" in csp and "default-src 'none'" in csp and "script-src" not in csp
    assert response.headers["x-content-type-options"] == "nosniff"


def test_pages_never_extract_nor_write_a_store_served_read_only(tmp_path, env):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Shelling in Orsa\n\n" + ARTICLE["text"] + "\n", encoding="utf-8")
    db = str(tmp_path / "w.db")
    with Wirewatch(db) as handle:
        assert handle.ingest([folder]).ok  # stored, not extracted
    client = TestClient(create_app(db))
    for url in ("/", "/api/overview", "/api/incidents", "/api/articles/a", "/articles/a"):
        assert client.get(url).status_code == 200, url
    with Wirewatch(db) as handle:
        assert {v for v, _ in handle.store.extraction_states().values()} == {None}


def test_reads_do_not_wait_for_an_ingest(db, monkeypatch):
    from wirewatch.web import app as web

    started, finish = threading.Event(), threading.Event()
    real = web._ingest_record

    def slow_ingest(*args):  # an ingest that holds its lock until told to finish
        started.set()
        finish.wait(30)
        return real(*args)

    monkeypatch.setattr(web, "_ingest_record", slow_ingest)
    client = TestClient(create_app(db, "s3cret"))
    poster = threading.Thread(target=lambda: client.post("/api/articles", json=ARTICLE,
                                                         headers={"Authorization": "Bearer s3cret"}))
    poster.start()
    assert started.wait(30)
    try:
        assert client.get("/api/overview").status_code == 200  # answered while the ingest is held
        assert poster.is_alive()
    finally:
        finish.set()
        poster.join(60)
    # the posted article shows once it is stored and extracted
    assert client.get("/api/articles/posted-1").status_code == 200


@pytest.mark.parametrize("host, token, warned", [("127.0.0.1", None, 0), ("::1", "t", 0), ("localhost", None, 0),
                                                 ("0.0.0.0", None, 2), ("192.0.2.7", "t", 2), ("example.org", None, 2)])
def test_serve_warns_on_a_non_loopback_address(host, token, warned):
    warnings = serve_warnings(host, token)
    assert len(warnings) == warned
    if warned:
        assert "not a loopback address" in warnings[0]


def test_a_read_only_ledger_is_rebuilt_aside_while_readers_get_the_last_one(tmp_path, env, monkeypatch):
    import threading

    from wirewatch import api

    db = str(tmp_path / "w.db")
    with Wirewatch(db) as writer, Wirewatch(db, read_only=True) as reader:
        first = reader.ledger()  # of an empty store
        writer.ingest_record(ARTICLE)  # the store changes
        release, real = threading.Event(), api.build_ledger

        def slow_build(extractions):  # a rebuild that takes as long as the test says
            release.wait(30)
            return real(extractions)

        monkeypatch.setattr(api, "build_ledger", slow_build)
        assert reader.ledger() is first  # not waiting for the rebuild
        assert reader.ledger() is first
        release.set()
        reader._rebuilding.join(30)
        rebuilt = reader.ledger()
        assert rebuilt is not first and rebuilt.incidents and not first.incidents
