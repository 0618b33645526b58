"""Quality gate: extraction on ../shared/eval seeds and dev may not fall below the recorded floors.

The floors live in extraction_floors.json beside this test, so raising them is a data change that a
reviewer sees; a drop of more than the file's tolerance fails the suite. Skipped when ../shared is
absent (CI machines without the evaluation data).
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from wirewatch.clean import clean
from wirewatch.export.jsonl import extraction_record
from wirewatch.ingest import read_inputs
from wirewatch.model import Skipped
from wirewatch.settings import Settings
from wirewatch.version import pipeline_version

EVAL = Path(__file__).resolve().parents[2].parent / "shared" / "eval"
FLOORS = json.loads((Path(__file__).with_name("extraction_floors.json")).read_text(encoding="utf-8"))
SETS = ("seeds", "dev")

if not (EVAL / "score.py").is_file() or not all((EVAL / s / "gold.jsonl").is_file() for s in SETS):
    pytest.skip(f"evaluation sets not found at {EVAL}", allow_module_level=True)

pytestmark = [pytest.mark.model, pytest.mark.shared]


def _scorer():
    spec = importlib.util.spec_from_file_location("wirewatch_eval_score", EVAL / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def results(extractor) -> dict[str, dict]:
    """score.py's result per eval set, each article extracted as `wirewatch extract` would."""
    settings, scorer, out = Settings(), _scorer(), {}
    for name in SETS:
        predictions = {}
        for raw in read_inputs([EVAL / name / "articles"], settings.max_bytes):
            assert not isinstance(raw, Skipped), raw.line()
            article = clean(raw, pipeline_version(), min_chars=settings.min_text_chars)
            record = extraction_record(extractor.extract(article))
            predictions[record["id"]] = record
        out[name] = scorer.score(scorer.load(str(EVAL / name / "gold.jsonl")), predictions)
    return out


FLOORED = [(name, key) for name in SETS for key in FLOORS[name] if key != "historical_leaks"]


@pytest.mark.parametrize("name,key", FLOORED, ids=[f"{n}-{k}" for n, k in FLOORED])
def test_extraction_holds_its_floor(results, name, key):
    """`claims` is the section's F1, `claims.speaker_accuracy` one of its attribute accuracies."""
    section, _, attribute = key.partition(".")
    value = results[name][section][attribute or "f1"]
    floor = FLOORS[name][key]
    assert value is not None and value >= floor - FLOORS["tolerance"], (name, key, value, floor)


@pytest.mark.parametrize("name", SETS)
def test_every_article_is_predicted_and_no_more_historical_figures_leak(results, name):
    assert results[name]["missing_articles"] == []
    assert results[name]["historical_leaks"] <= FLOORS[name]["historical_leaks"]
