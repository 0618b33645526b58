"""The extractor over the seed articles in ../shared/eval, scored by ../shared/eval/score.py against the floors."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from wirewatch.clean import clean
from wirewatch.export.jsonl import extraction_record
from wirewatch.ingest import read_inputs
from wirewatch.model import Skipped
from wirewatch.settings import Settings
from wirewatch.version import pipeline_version

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
EVAL = SHARED / "eval"
SEEDS = EVAL / "seeds"

if not (EVAL / "score.py").is_file() or not (SEEDS / "gold.jsonl").is_file() or not (SEEDS / "articles").is_dir():
    pytest.skip(f"seed evaluation not found at {EVAL}", allow_module_level=True)

pytestmark = [pytest.mark.model, pytest.mark.shared]

# floors: (section, key, minimum)
FLOORS = [
    ("claims", "f1", 0.75),
    ("claims", "speaker_accuracy", 0.85),
    ("claims", "accused_party_accuracy", 0.75),
    ("agreements", "f1", 0.70),
    ("figures", "f1", 0.90),
    ("places", "f1", 0.85),
]


def _scorer():
    spec = importlib.util.spec_from_file_location("wirewatch_seed_score", EVAL / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def result(extractor) -> dict:
    settings = Settings()
    predictions: dict[str, dict] = {}
    for raw in read_inputs([SEEDS / "articles"], settings.max_bytes):
        assert not isinstance(raw, Skipped), raw.line()
        article = clean(raw, pipeline_version(), min_chars=settings.min_text_chars)
        record = extraction_record(extractor.extract(article))
        predictions[record["id"]] = record
    scorer = _scorer()
    return scorer.score(scorer.load(str(SEEDS / "gold.jsonl")), predictions)


def test_seed_scores_every_article_predicted(result):
    assert result["missing_articles"] == []
    assert result["articles"] == 5


@pytest.mark.parametrize("section,key,floor", FLOORS, ids=[f"{s}-{k}" for s, k, _ in FLOORS])
def test_seed_scores_floor(result, section, key, floor):
    value = result[section][key]
    assert value is not None and value >= floor, result[section]


def test_seed_scores_no_historical_leaks(result):
    assert result["historical_leaks"] == 0
