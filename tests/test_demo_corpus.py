"""The demo corpus in examples/demo ingests whole, in every format, with the wire story kept twice."""

from __future__ import annotations

from pathlib import Path

import pytest

from wirewatch.model import InputFormat
from wirewatch.runner import ingest
from wirewatch.settings import Settings
from wirewatch.store import Store

DEMO = Path(__file__).resolve().parents[1] / "examples" / "demo"


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    db = tmp_path_factory.mktemp("demo") / "demo.db"
    with Store(str(db)) as store:
        report = ingest([DEMO], store, Settings(db=str(db)))
        articles = {article.name: article for article in store.articles()}
    return report, articles


def test_demo_corpus_stores_ten_to_twelve_articles(demo):
    report, articles = demo
    assert report.skipped == ()
    assert report.already_present == ()
    assert 10 <= len(articles) <= 12
    assert len(report.stored) == len(articles)


def test_demo_corpus_readme_is_not_an_article(demo):
    _, articles = demo
    assert "README" not in articles


def test_demo_corpus_wire_story_stored_twice_with_credit(demo):
    _, articles = demo
    full = articles["03-meridian-daily-moscow-truce"]
    short = articles["04-kestrel-news-truce-short"]
    assert full.id != short.id
    assert "NWS" in full.credits
    assert "NWS" in short.credits
    lead = "Armenia and Azerbaijan agreed to a humanitarian ceasefire in Nagorno-Karabakh from noon on Saturday"
    assert lead in full.text and lead in short.text


def test_demo_corpus_has_every_format(demo):
    _, articles = demo
    formats = {article.format for article in articles.values()}
    assert {InputFormat.TEXT, InputFormat.HTML, InputFormat.JSONL, InputFormat.FEED} <= formats
    assert articles["06-kestrel-news-barda"].format is InputFormat.HTML
    assert articles["06-kestrel-news-barda"].outlet == "Kestrel News"
    assert {a.name for a in articles.values() if a.format is InputFormat.JSONL} == {"nws-20201011-ganja", "cl-20201026-us-truce"}


def test_demo_corpus_every_article_has_a_title(demo):
    _, articles = demo
    assert all(article.title for article in articles.values())
