"""Seed articles in ../shared/eval/seeds: every gold sentence survives cleaning, boilerplate does not."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from wirewatch.runner import ingest
from wirewatch.settings import Settings
from wirewatch.store import Store

SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "seeds"

if not (SEEDS / "gold.jsonl").is_file() or not (SEEDS / "articles").is_dir():
    pytest.skip(f"seed articles not found at {SEEDS}", allow_module_level=True)

pytestmark = pytest.mark.shared

GOLD = [json.loads(line) for line in (SEEDS / "gold.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]


def _gold_sentences(entry: dict) -> list[str]:
    sentences = [item["sentence"] for key in ("figures", "claims", "agreements") for item in entry.get(key) or ()]
    sentences += list(entry.get("historical_figures_to_ignore") or ())
    return list(dict.fromkeys(sentences))


SENTENCE_CASES = [
    pytest.param(entry["id"], sentence, id=f"{entry['id']}-{number}")
    for entry in GOLD
    for number, sentence in enumerate(_gold_sentences(entry), 1)
]


@pytest.fixture(scope="module")
def seed_store(tmp_path_factory):
    db = tmp_path_factory.mktemp("seeds") / "seeds.db"
    with Store(str(db)) as store:
        report = ingest([SEEDS / "articles"], store, Settings(db=str(db)))
        texts = {article.name: article.text for article in store.articles()}
    return report, texts


def test_seeds_all_articles_stored(seed_store):
    report, texts = seed_store
    assert report.skipped == ()
    assert sorted(texts) == sorted(entry["id"] for entry in GOLD)


@pytest.mark.parametrize("article,sentence", SENTENCE_CASES)
def test_seeds_gold_sentence_kept_verbatim(seed_store, article, sentence):
    _, texts = seed_store
    assert sentence in texts[article]


def test_seeds_boilerplate_removed_overall(seed_store):
    _, texts = seed_store
    total, left = 0, []
    for entry in GOLD:
        lines = {line.strip() for line in texts[entry["id"]].splitlines()}
        for line in entry["boilerplate_lines"]:
            total += 1
            if line.strip() in lines:
                left.append((entry["id"], line))
    assert total > 0
    assert len(left) <= 0.1 * total, left
