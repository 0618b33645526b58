"""The Python API is the one orchestration: the CLI and the web app call `Wirewatch`, which runs the
stages and owns the runners (worker processes, Dask) it starts for them."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

import wirewatch.parallel
from wirewatch.api import Wirewatch
from wirewatch.cli import app
from wirewatch.errors import ConfigError
from wirewatch.isolate import extract_each

BODY = ("{place} was shelled on Tuesday, local officials said. The regional governor said {n} civilians "
        "were killed and dozens wounded in the attack on the market, which the defence ministry denied.")


def _corpus(folder: Path) -> Path:
    folder.mkdir()
    for i, place in enumerate(("Kherson", "Marib", "Gao")):
        (folder / f"{i}.txt").write_text(f"Report {i}\n\n{BODY.format(place=place, n=i + 3)}\n", encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    return folder


def test_ingest_tells_the_total_and_each_outcome(tmp_path):
    totals, outcomes = [], []
    with Wirewatch(tmp_path / "w.db") as handle:
        report = handle.ingest([_corpus(tmp_path / "in")], progress=lambda s, o: outcomes.append(o),
                               on_total=totals.append)
    assert totals == [4] and sorted(outcomes) == ["skipped", "stored", "stored", "stored"]
    assert len(report.stored) == 3 and len(report.skipped) == 1


class _Recording:
    """A runner as parallel.make_runner gives, extracting here, that remembers being closed."""

    workers = 2
    made: list = []

    def __init__(self):
        from wirewatch.extract.pipeline import Extractor

        self.extractor, self.closed = Extractor(), False
        _Recording.made.append(self)

    def map(self, articles):
        return iter(extract_each(self.extractor.extract_many, list(articles)))

    def close(self):
        self.closed = True


def test_the_api_starts_and_stops_the_runner_the_options_ask_for(tmp_path, monkeypatch):
    asked = []
    monkeypatch.setattr(wirewatch.parallel, "make_runner",
                        lambda workers=1, dask=None: asked.append((workers, dask)) or _Recording())
    with Wirewatch(tmp_path / "w.db") as handle:
        handle.ingest([_corpus(tmp_path / "in")])
        extractions = list(handle.extractions(workers=3))
    assert asked == [(3, None)] and _Recording.made[-1].closed
    assert len(extractions) == 3 and any(e.figures for e in extractions)


def test_a_bad_dask_spec_is_a_config_error_from_the_api_and_exit_2_from_the_cli(tmp_path):
    db = tmp_path / "w.db"
    with Wirewatch(db) as handle:
        handle.ingest([_corpus(tmp_path / "in")])
        with pytest.raises(ConfigError):
            list(handle.extractions(dask="udp://nowhere"))
    result = CliRunner().invoke(app, ["extract", "--quiet", "--db", str(db), "--dask", "udp://nowhere"])
    assert result.exit_code == 2 and "udp://nowhere" in result.output


def test_extraction_problems_name_the_failed_articles(tmp_path):
    with Wirewatch(tmp_path / "w.db") as handle:
        handle.ingest([_corpus(tmp_path / "in")])
        first = next(iter(handle.store.articles()))
        handle.store.save_extractions([], "v", failures=[(first, "the parser ran out of memory")])
        assert handle.extraction_problems([first.source, "elsewhere.txt"]) == [
            (first.source, "the parser ran out of memory")]
        assert handle.extraction_problems([]) == []
