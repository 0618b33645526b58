"""The store (wirewatch.store.db): idempotent ingestion, round trips, versions, one transaction per article or batch."""

from __future__ import annotations

import datetime as dt
import os
import uuid
from pathlib import Path

import pytest
from sqlalchemy import create_engine, select, text

from wirewatch import __version__
from wirewatch.version import pipeline_version
from wirewatch.errors import ConfigError
from wirewatch.model import Article, DatePrecision, InputFormat
from wirewatch.runner import ingest
from wirewatch.settings import Settings
from wirewatch.store import Store, database_url
from wirewatch.store.schema import runs

STRAIGHT = (
    "---\noutlet: Kestrel News\ntitle: Dorvik market shelled\npublished: 2021-03-02\n---\n"
    "DORVIK, Mar 2 (CL) - Artillery fire struck the market district of Dorvik on Tuesday, officials said.\n\n"
    "\"We have nothing left to rebuild,\" the mayor said.\n\n"
    "The Velmar defence ministry denied targeting civilians.\n"
)
CURLY = (
    "---\noutlet: Kestrel News\ntitle: Dorvik market shelled\npublished: 2021-03-02\n---\n\n"
    "DORVIK, Mar 2 (CL) -  Artillery fire struck the market district of  Dorvik on Tuesday, officials said.\n\n\n"
    "\u201cWe have nothing left to rebuild,\u201d the mayor said.   \n"
    "   The Velmar defence ministry denied targeting civilians.\n"
)


PG = os.environ.get("WIREWATCH_TEST_PG")  # a PostgreSQL server URL; .ci/run starts a throwaway one


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request, tmp_path):
    """Each store test runs on SQLite, and on a fresh PostgreSQL database when WIREWATCH_TEST_PG is set."""
    if request.param == "sqlite":
        with Store(str(tmp_path / "w.db")) as opened:
            yield opened
        return
    if not PG:
        pytest.skip("set WIREWATCH_TEST_PG=postgresql://... to run the store tests on PostgreSQL")
    name = "ww_" + uuid.uuid4().hex[:12]
    admin = create_engine(database_url(PG), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f"CREATE DATABASE {name}"))
    try:
        with Store(PG.rsplit("/", 1)[0] + "/" + name) as opened:
            yield opened
    finally:
        with admin.connect() as conn:
            conn.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        admin.dispose()


def _ingest(store: Store, *paths: Path):
    return ingest(list(paths), store, Settings(db=store.db))


def _article(name: str, text: str, **fields) -> Article:
    values = dict(
        id=f"id-{name}",
        name=name,
        source=f"/data/{name}.txt",
        format=InputFormat.TEXT,
        outlet=None,
        url=None,
        title=None,
        published=None,
        published_precision=None,
        language="en",
        text=text,
    )
    values.update(fields)
    return Article(**values)


# idempotence -------------------------------------------------------------------------------------


def test_store_same_file_twice_adds_nothing(tmp_path, store):
    path = tmp_path / "dorvik.txt"
    path.write_text(STRAIGHT, encoding="utf-8")
    first = _ingest(store, path)
    second = _ingest(store, path)
    assert (first.stored, first.already_present) == (("dorvik",), ())
    assert (second.stored, second.already_present) == ((), ("dorvik",))
    assert store.count_articles() == 1


def test_store_same_article_under_another_name_adds_nothing(tmp_path, store):
    (tmp_path / "a.txt").write_text(STRAIGHT, encoding="utf-8")
    (tmp_path / "copy of a.txt").write_text(STRAIGHT, encoding="utf-8")
    report = _ingest(store, tmp_path / "a.txt", tmp_path / "copy of a.txt")
    assert report.stored == ("a",)
    assert report.already_present == ("copy of a",)
    assert [a.name for a in store.articles()] == ["a"]


def test_store_whitespace_and_quote_variants_add_nothing(tmp_path, store):
    (tmp_path / "straight.txt").write_text(STRAIGHT, encoding="utf-8")
    (tmp_path / "curly.txt").write_text(CURLY, encoding="utf-8")
    _ingest(store, tmp_path / "straight.txt")
    report = _ingest(store, tmp_path / "curly.txt")
    assert report.already_present == ("curly",)
    assert store.count_articles() == 1


def test_store_different_article_is_added(tmp_path, store):
    (tmp_path / "a.txt").write_text(STRAIGHT, encoding="utf-8")
    (tmp_path / "b.txt").write_text(STRAIGHT.replace("Tuesday", "Wednesday"), encoding="utf-8")
    report = _ingest(store, tmp_path / "a.txt", tmp_path / "b.txt")
    assert report.stored == ("a", "b")
    assert store.count_articles() == 2


def test_store_add_article_reports_duplicate(store):
    article = _article("a", "Shells fell on Dorvik overnight, officials said.")
    assert store.add_article(article) is True
    assert store.add_article(article) is False
    assert store.has_article(article.id)
    assert not store.has_article("id-unknown")


# round trip --------------------------------------------------------------------------------------


def test_store_articles_round_trip_every_field(store):
    full = _article(
        "nws-0302",
        "DORVIK, Mar 2 (NWS) - Shells fell on Dorvik overnight, officials said.\n\n\u201cWe stay,\u201d she said.",
        id="0123456789abcdef0123",
        source="/data/wire.jsonl:3",
        format=InputFormat.JSONL,
        outlet="Northern Wire Service",
        url="https://nws.example/0302",
        title="Dorvik shelled \u2013 again",
        published=dt.date(2021, 3, 2),
        published_precision=DatePrecision.DAY,
        dateline="DORVIK, Mar 2 (NWS) -",
        credits=("NWS", "AFP", "RFE/RL"),
        removed_lines=7,
        pipeline_version="1.2.3",
    )
    bare = _article("bare", "Aid convoys reached the river town for the first time in a week.", language="und")
    assert store.add_article(full)
    assert store.add_article(bare)
    assert list(store.articles()) == [full, bare]


def test_store_articles_ordered_by_date_then_name_undated_last(store):
    store.add_article(_article("c", "Third text.", published=dt.date(2021, 3, 1), published_precision=DatePrecision.DAY))
    store.add_article(_article("b", "Second text."))
    store.add_article(_article("a", "First text.", published=dt.date(2021, 3, 5), published_precision=DatePrecision.MONTH))
    store.add_article(_article("d", "Fourth text.", published=dt.date(2021, 3, 1), published_precision=DatePrecision.DAY))
    assert [a.name for a in store.articles()] == ["c", "d", "a", "b"]
    assert [a.name for a in store.articles(names=["a", "b"])] == ["a", "b"]


def test_store_persists_across_reopen(tmp_path):
    db = str(tmp_path / "w.db")
    article = _article("a", "Shells fell on Dorvik overnight, officials said.")
    with Store(db) as first:
        first.add_article(article)
    with Store(db) as second:
        assert list(second.articles()) == [article]


def test_store_ids_ingested_since_are_the_articles_stored_from_then_on(store):
    store.add_article(_article("old", "Shells fell on Dorvik overnight, officials said."))
    with store.engine.begin() as conn:  # stored a day ago
        conn.execute(text("UPDATE articles SET ingested_at = :when"),
                     {"when": dt.datetime.now(dt.timezone.utc) - dt.timedelta(days=1)})
    since = dt.datetime.now(dt.timezone.utc) - dt.timedelta(minutes=1)
    store.add_article(_article("new", "Rockets struck the port of Velmar at dawn, the navy said."))
    assert store.ids_ingested_since(since) == {"id-new"}
    assert store.ids_ingested_since(since - dt.timedelta(days=2)) == {"id-old", "id-new"}


def test_store_made_before_the_ingestion_index_gains_it_when_opened(tmp_path):
    db = str(tmp_path / "w.db")
    with Store(db) as first:
        first.add_article(_article("a", "Shells fell on Dorvik overnight, officials said."))
        with first.engine.begin() as conn:
            conn.execute(text("DROP INDEX articles_by_ingested_at"))
    with Store(db) as second:
        with second.engine.connect() as conn:
            names = {row[0] for row in conn.execute(text("SELECT name FROM sqlite_master WHERE type = 'index'"))}
        assert "articles_by_ingested_at" in names
        assert second.ids_ingested_since(dt.datetime.now(dt.timezone.utc) - dt.timedelta(hours=1)) == {"id-a"}


# version -----------------------------------------------------------------------------------------


def test_store_records_pipeline_version(tmp_path, store):
    (tmp_path / "a.txt").write_text(STRAIGHT, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    _ingest(store, tmp_path / "a.txt", tmp_path / "empty.txt")
    _ingest(store, tmp_path / "a.txt")
    (article,) = store.articles()
    assert article.pipeline_version == pipeline_version()
    assert article.pipeline_version.startswith(__version__ + "+")
    with store.engine.connect() as conn:
        rows = conn.execute(
            select(runs.c.command, runs.c.pipeline_version, runs.c.stored, runs.c.already_present, runs.c.skipped).order_by(runs.c.id)
        ).all()
    assert [tuple(r) for r in rows] == [("ingest", pipeline_version(), 1, 0, 1), ("ingest", pipeline_version(), 0, 1, 0)]


# transactions ------------------------------------------------------------------------------------


def _failing_outlet_trigger(store: Store, outlet: str) -> None:
    """Make the line-count insert of one outlet fail, after its article row went in."""
    with store.engine.begin() as conn:
        conn.execute(
            text(
                "CREATE TRIGGER fail_outlet BEFORE INSERT ON outlet_lines "
                f"WHEN NEW.outlet = '{outlet}' BEGIN SELECT RAISE(ABORT, 'disk on fire'); END"
            )
        )


def _write(folder: Path, name: str, outlet: str, sentence: str) -> None:
    (folder / f"{name}.txt").write_text(
        f"---\noutlet: {outlet}\ntitle: Report {name}\n---\n{sentence}\n\nThe toll from the shelling was still rising, officials said.\n",
        encoding="utf-8",
    )


@pytest.fixture
def batch_with_failing_middle(tmp_path, store):
    if not store.db.endswith(".db"):
        pytest.skip("the failing insert is made with a SQLite trigger")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    _write(corpus, "1-first", "Kestrel News", "Shelling resumed near Dorvik on Monday.")
    _write(corpus, "2-middle", "Failing Outlet", "Rebels said they had retaken two villages.")
    _write(corpus, "3-last", "Kestrel News", "Aid convoys reached the river town.")
    _failing_outlet_trigger(store, "Failing Outlet")
    return corpus


def test_store_failing_insert_keeps_other_articles(store, batch_with_failing_middle):
    report = _ingest(store, batch_with_failing_middle)
    names = [a.name for a in store.articles()]
    assert names == ["1-first", "3-last"]
    assert "2-middle" not in report.stored
    assert report.stored == ("1-first", "3-last")


def test_store_failing_insert_rolls_back_its_article_row(store, batch_with_failing_middle):
    _ingest(store, batch_with_failing_middle)
    with store.engine.connect() as conn:
        count = conn.execute(text("SELECT count(*) FROM articles WHERE name = '2-middle'")).scalar_one()
        kestrel = conn.execute(text("SELECT count(*) FROM outlet_lines WHERE outlet = 'Kestrel News'")).scalar_one()
    assert count == 0
    assert kestrel > 0


def test_store_failing_insert_not_reported_as_already_present(store, batch_with_failing_middle):
    report = _ingest(store, batch_with_failing_middle)
    assert "2-middle" not in report.already_present


# opening -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "db,url",
    [
        ("wirewatch.db", "sqlite:///wirewatch.db"),
        ("/data/w.db", "sqlite:////data/w.db"),
        ("postgresql://u@host/ww", "postgresql+psycopg://u@host/ww"),
        ("sqlite:///other.db", "sqlite:///other.db"),
    ],
)
def test_store_database_url(db, url):
    assert database_url(db) == url


def test_store_missing_folder_is_config_error(tmp_path):
    with pytest.raises(ConfigError) as caught:
        Store(str(tmp_path / "no-such-folder" / "w.db"))
    assert "does not exist" in caught.value.problem


# extractions -------------------------------------------------------------------------------------


def test_store_saves_a_batch_of_extractions_and_replaces_only_theirs(store, extractor):
    from wirewatch.model import Extraction

    shelled = _article("s", "Artillery shelled Dorvik on Tuesday, killing 4 civilians, the Velmar ministry said.")
    truce = _article("t", "Both sides agreed to a ceasefire in Dorvik from midnight, the envoy said on Monday.")
    for article in (shelled, truce):
        store.add_article(article)
    first = extractor.extract_many([shelled, truce])
    assert first[0].figures and first[1].agreements
    store.save_extractions(first, "v1")
    assert _mentions(store.extraction(shelled)) == _mentions(first[0])
    assert _mentions(store.extraction(truce)) == _mentions(first[1])
    assert store.extracted_version(truce.id) == "v1"

    emptied = Extraction(article=shelled)
    store.save_extractions([first[0], emptied], "v2")  # the same article twice: the last one counts
    assert _mentions(store.extraction(shelled)) == _mentions(emptied) == ((), (), (), (), ())
    assert _mentions(store.extraction(truce)) == _mentions(first[1])
    assert (store.extracted_version(shelled.id), store.extracted_version(truce.id)) == ("v2", "v1")


def test_store_reads_a_batch_of_extractions_as_one_at_a_time_does(store, extractor):
    """A batch read (one query per kind of mention) gives each article its own mentions, in their order, in the
    order asked, an article asked twice twice, and one never extracted nothing."""
    texts = {"k": "Drones struck Kessala market on Monday, killing 9 people, the Sudanese army said.",
             "m": "Rebels denied shelling Lashio; the junta accused them of killing 3 villagers on Friday.",
             "n": "Kyiv and Moscow agreed to a 30-day truce around the Zaporizhzhia plant, the IAEA said.",
             "q": "No one was hurt, residents of Hodeidah said."}
    articles = {name: _article(name, text) for name, text in texts.items()}
    for article in articles.values():
        store.add_article(article)
    made = extractor.extract_many([articles[n] for n in "kmn"])
    assert all(_mentions(x) != ((), (), (), (), ()) for x in made)
    store.save_extractions(made, "v1")
    asked = [articles[n] for n in "nqkmk"]

    batch = store.extractions(asked)

    assert [x.article.id for x in batch] == [a.id for a in asked]
    assert [_mentions(x) for x in batch] == [_mentions(store.extractions([a])[0]) for a in asked]
    assert [_mentions(x) for x in batch] == [_mentions(made[2]), ((), (), (), (), ()), _mentions(made[0]),
                                             _mentions(made[1]), _mentions(made[0])]
    assert [x.dates for x in batch[2:4]] == [made[0].dates, made[1].dates]
    assert store.extractions([]) == []


def test_store_gives_an_extraction_batch_in_the_asked_order_with_versions(store):
    first = _article("a", "Shelling hit Dorvik on Tuesday, the ministry said.")
    second = _article("b", "A truce held in Velmar overnight, officials said.")
    for article in (first, second):
        store.add_article(article)
    store.save_extractions([_empty_extraction(second)], "v7")

    batch = store.articles_for_extraction([second.id, "no-such-id", first.id, second.id])

    assert [(a.id, version) for a, version in batch] == [(second.id, "v7"), (first.id, None), (second.id, "v7")]
    assert batch[1][0].text == first.text
    assert store.articles_for_extraction([]) == []


def _empty_extraction(article):
    from wirewatch.model import Extraction

    return Extraction(article=article)


def _mentions(extraction) -> tuple:
    return (extraction.figures, extraction.places, extraction.claims, extraction.agreements, extraction.events)
