"""export/jsonl.py through `wirewatch extract --format jsonl`: one record per article, stored and reread.

The corpus articles here are invented for the test; the seed evaluation at the end reads ../shared.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from wirewatch.cli import app
from wirewatch.store import Store
from wirewatch.version import pipeline_version

pytestmark = pytest.mark.model

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
SEEDS = SHARED / "eval" / "seeds"

ARTICLES = {
    "gubadli": (
        "---\noutlet: Kestrel News\ntitle: Shelling hits Gubadli\npublished: 2020-10-12\n---\n"
        "Shelling hit the town of Gubadli overnight, local officials said.\n\n"
        "According to the regional health office, 23 civilians were killed in the town.\n\n"
        "The region was the site of a 1990s war that left 30,000 dead.\n"
    ),
    "geneva": (
        "Ministers meet for talks\n\n"
        "Foreign ministers met for talks in Geneva on Friday as fighting went on.\n\n"
        "Officials said at least 12 soldiers were killed near Terter on Thursday.\n"
    ),
}
LATE_ARTICLE = (
    "Rockets hit Stepanakert\n\n"
    "Rockets struck Stepanakert before dawn on Sunday, and two people were hurt, the mayor's office said.\n\n"
    "Residents spent the night in basements as sirens sounded across the city.\n"
)
FIGURE_KEYS = {"kind", "value", "qualifier", "claimant", "historical", "sentence", "sentence_index", "start", "end", "rule"}
PLACE_KEYS = {"name", "geonameid", "lat", "lon", "country"}


@pytest.fixture(scope="module")
def env(gazetteer) -> dict:
    """The CLI's environment: its default gazetteer is the session's index, no store comes from the environment."""
    return {"WIREWATCH_CACHE": str(gazetteer.path.parent), "WIREWATCH_DB": None}


def invoke(env: dict, *args):
    return CliRunner().invoke(app, [str(a) for a in args], env=env)


def records(result) -> list[dict]:
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


@pytest.fixture(scope="module")
def first_run(tmp_path_factory, env):
    """The corpus extracted once into a fresh store: (store path, corpus folder, records, raw output)."""
    folder = tmp_path_factory.mktemp("export")
    corpus = folder / "corpus"
    corpus.mkdir()
    for name, text in ARTICLES.items():
        (corpus / f"{name}.txt").write_text(text, encoding="utf-8")
    db = folder / "w.db"
    result = invoke(env, "extract", corpus, "--format", "jsonl", "--db", db, "-q")
    return db, corpus, records(result), result.stdout


def stored_texts(db: Path) -> dict[str, str]:
    with Store(str(db)) as store:
        return {article.name: article.text for article in store.articles()}


def test_export_one_line_per_article_keyed_by_file_stem(first_run):
    _, _, found, _ = first_run
    assert sorted(r["id"] for r in found) == sorted(ARTICLES)
    for record in found:
        assert {"id", "figures", "places", "claims", "agreements"} <= set(record)


def test_export_figures(first_run):
    _, _, found, _ = first_run
    by_id = {r["id"]: r for r in found}
    summary = {name: [(f["kind"], f["value"], f["qualifier"], f["claimant"], f["historical"]) for f in r["figures"]]
               for name, r in by_id.items()}
    assert summary == {
        "gubadli": [("killed", 23, "exact", "regional health office", False),
                    ("killed", 30000, "exact", "the article itself", True)],
        "geneva": [("killed", 12, "at_least", "Officials", False)],
    }
    for record in found:
        for figure in record["figures"]:
            assert FIGURE_KEYS <= set(figure)
            assert figure["rule"].startswith("figures.")


def test_export_figure_offsets_point_into_the_stored_text(first_run):
    db, _, found, _ = first_run
    texts = stored_texts(db)
    for record in found:
        text = texts[record["id"]]
        for figure in record["figures"]:
            assert figure["sentence"] in text
            quoted = text[figure["start"]:figure["end"]]
            assert quoted and quoted in figure["sentence"]
            assert quoted.replace(",", "") == str(figure["value"])


def test_export_places(first_run):
    db, _, found, _ = first_run
    texts = stored_texts(db)
    by_id = {r["id"]: r for r in found}
    summary = {name: [(p["name"], p["canonical"], p["country"]) for p in r["places"]] for name, r in by_id.items()}
    assert summary == {
        "gubadli": [("Gubadli", "Gubadli", "AZ")],
        "geneva": [("Geneva", "Geneva", "CH"), ("Terter", "Tartar", "AZ")],
    }
    for record in found:
        for place in record["places"]:
            assert PLACE_KEYS <= set(place)
            assert isinstance(place["geonameid"], int)
            assert -90 <= place["lat"] <= 90 and -180 <= place["lon"] <= 180
            assert texts[record["id"]][place["start"]:place["end"]] == place["name"]


@pytest.fixture
def second_run(first_run, env, monkeypatch):
    """The same extract command again, with building an extractor forbidden: it must read the store."""
    db, corpus, _, _ = first_run

    def no_model(*_args, **_kwargs):
        raise AssertionError("the second run built an extractor instead of reading the store")

    monkeypatch.setattr("wirewatch.extract.pipeline.Extractor.__init__", no_model)
    return invoke(env, "extract", corpus, "--format", "jsonl", "--db", db, "-q")


def test_export_first_run_stores_the_extraction_version(first_run):
    db = first_run[0]
    with Store(str(db)) as store:
        ids = store.article_ids()
        assert len(ids) == len(ARTICLES)
        assert all(store.extracted_version(i) == pipeline_version() for i in ids)


def test_export_second_run_reads_the_stored_figures_and_places(first_run, second_run):
    again = records(second_run)
    first = first_run[2]
    assert [r["id"] for r in again] == [r["id"] for r in first]
    for before, after in zip(first, again):
        assert after["figures"] == before["figures"]
        assert after["places"] == before["places"]
        assert after["figures"] or after["places"]


def test_export_second_run_output_is_identical(first_run, second_run):
    assert second_run.exit_code == 0, second_run.output
    assert second_run.stdout == first_run[3]


def test_export_without_paths_extracts_every_stored_article(tmp_path, env, first_run):
    db = tmp_path / "w.db"
    corpus = first_run[1]
    late = tmp_path / "late" / "stepanakert.txt"
    late.parent.mkdir()
    late.write_text(LATE_ARTICLE, encoding="utf-8")
    assert invoke(env, "ingest", "--quiet", "--db", db, corpus).exit_code == 0
    assert invoke(env, "ingest", "--quiet", "--db", db, late).exit_code == 0
    found = records(invoke(env, "extract", "--db", db, "-q"))
    assert sorted(r["id"] for r in found) == sorted([*ARTICLES, "stepanakert"])
    late_record = next(r for r in found if r["id"] == "stepanakert")
    assert [(f["kind"], f["value"]) for f in late_record["figures"]] == [("wounded", 2)]
    assert [p["canonical"] for p in late_record["places"]] == ["Stepanakert"]
    with Store(str(db)) as store:
        assert all(store.extracted_version(i) == pipeline_version() for i in store.article_ids())


# --- the seed evaluation ------------------------------------------------------------------------


@pytest.mark.shared
@pytest.mark.skipif(not (SEEDS / "gold.jsonl").is_file() or not (SEEDS / "articles").is_dir()
                    or not (SHARED / "eval" / "score.py").is_file(), reason=f"seed articles not found at {SEEDS}")
def test_export_seed_articles_meet_the_floors(tmp_path, env):
    spec = importlib.util.spec_from_file_location("wirewatch_shared_score", SHARED / "eval" / "score.py")
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)

    result = invoke(env, "extract", SEEDS / "articles", "--format", "jsonl", "--db", tmp_path / "seeds.db", "-q")
    assert result.exit_code == 0, result.output
    pred_path = tmp_path / "pred.jsonl"
    pred_path.write_text(result.stdout, encoding="utf-8")

    gold = scorer.load(str(SEEDS / "gold.jsonl"))
    pred = scorer.load(str(pred_path))
    assert set(pred) == set(gold)
    scores = scorer.score(gold, pred)
    assert scores["figures"]["f1"] >= 0.9, scores["figures"]
    assert scores["figures"]["claimant_accuracy"] >= 0.85, scores["figures"]
    assert scores["figures"]["qualifier_accuracy"] >= 0.95, scores["figures"]
    assert scores["places"]["f1"] >= 0.85, scores["places"]
    assert scores["historical_leaks"] == 0
