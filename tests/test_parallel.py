"""Extraction on two processes and on a local Dask cluster gives exactly the single-process results."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from wirewatch.cli import app

DEMO = Path(__file__).resolve().parents[1] / "examples" / "demo"


def _extract(tmp_path: Path, name: str, *options: str) -> list[dict]:
    db = str(tmp_path / f"{name}.db")
    runner = CliRunner()
    assert runner.invoke(app, ["ingest", "--quiet", "--db", db, str(DEMO), *(
        ["--workers", "2"] if "--workers" in options else [])]).exit_code == 0
    result = runner.invoke(app, ["extract", "--quiet", "--db", db, *options])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


@pytest.fixture(scope="module")
def single(tmp_path_factory) -> list[dict]:
    return _extract(tmp_path_factory.mktemp("single"), "one")


def test_parallel_two_workers_equal_one(single, tmp_path):
    assert len(single) == 11
    assert _extract(tmp_path, "two", "--workers", "2") == single


def test_parallel_dask_local_equals_one(single, tmp_path):
    pytest.importorskip("dask.distributed")
    assert _extract(tmp_path, "dask", "--dask", "local:2") == single


def test_parallel_bad_dask_spec_is_a_usage_error(tmp_path):
    result = CliRunner().invoke(app, ["extract", "--db", str(tmp_path / "x.db"), "--dask", "cluster-please"])
    assert result.exit_code == 2
    assert "local:N or tcp://host:port" in result.output


class _RecordingRunner:
    """A runner that extracts nothing but records when each batch was handed to it."""

    workers = 1

    def __init__(self, log: list):
        self.log = log

    def map(self, articles):
        from wirewatch.model import Extraction

        self.log.append(("map", len(articles)))
        return iter([Extraction(article=a, sentences=len(a.text)) for a in articles])


def test_parallel_next_batch_is_under_way_while_the_last_is_stored(tmp_path):
    import wirewatch
    from wirewatch.runner import extract
    from wirewatch.settings import EXTRACT_BATCH

    log: list = []
    with wirewatch.open(tmp_path / "ahead.db") as handle:
        assert handle.ingest([DEMO]).ok
        store = handle.store
        base = store.article_ids()
        ids = base * (2 * EXTRACT_BATCH // len(base) + 1)  # a little over two batches: three batches
        save = store.save_extractions

        def logged_save(extractions, version, failures=()):
            log.extend(("save", x.article.id) for x in extractions)
            return save(extractions, version, failures)

        store.save_extractions = logged_save
        results = list(extract(ids, store, lambda: None, force=True, runner=_RecordingRunner(log)))
    assert [x.article.id for x in results] == ids
    assert all(x.sentences == len(x.article.text) for x in results)
    kinds = [kind for kind, _ in log]
    assert kinds[:2] == ["map", "map"]  # the second batch went out before the first was stored
    assert kinds.count("map") == -(-len(ids) // EXTRACT_BATCH) == 3 and kinds.count("save") == len(ids)


@pytest.mark.parametrize("command", ["run", "extract"])
@pytest.mark.parametrize("spec", ["cluster-please", "local:0", "local:four", "tcp://"])
def test_parallel_bad_dask_spec_is_refused_before_anything_is_ingested(tmp_path, command, spec):
    db = tmp_path / "x.db"
    result = CliRunner().invoke(app, [command, str(DEMO), "--quiet", "--db", str(db), "--dask", spec])
    assert result.exit_code == 2 and "--dask" in result.output
    assert not db.exists()
