"""The `wirewatch` command line, driven through typer's CliRunner."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

from wirewatch import __version__, cli
from wirewatch.cli import app
from wirewatch.store import Store

ARTICLES = {
    "dorvik": (
        "---\noutlet: Kestrel News\ntitle: Dorvik market shelled\npublished: 2021-03-02\n---\n"
        "DORVIK, Mar 2 (CL) \u2013 Artillery fire struck the market district of Dorvik on Tuesday, officials said.\n\n"
        "The Velmar defence ministry denied targeting civilians.\n"
    ),
    "orsa": (
        "Rebels claim two villages in Orsa valley\n\n"
        "Rebel commanders said on Wednesday they had retaken two villages north of Orsa after heavy fighting.\n\n"
        "The Velmar government said its troops had repelled the attack.\n"
    ),
}


@pytest.fixture(autouse=True)
def _no_env_db(monkeypatch):
    monkeypatch.delenv("WIREWATCH_DB", raising=False)
    monkeypatch.delenv("WIREWATCH_MAX_BYTES", raising=False)


@pytest.fixture
def corpus(tmp_path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    return folder


def _console_width(monkeypatch, width: int) -> None:
    """Fix the width rich renders at, whatever terminal pytest runs in."""
    monkeypatch.setattr(cli, "out", Console(width=width))
    monkeypatch.setattr(cli, "err", Console(stderr=True, width=width))


def _invoke(*args, env=None):
    return CliRunner().invoke(app, [str(a) for a in args], env=env)


def _summary(output: str) -> dict[str, int]:
    counts = {}
    for label in ("ingested", "already present", "skipped"):
        match = re.search(rf"{label}\s*\S\s*(\d+)", output)
        assert match, output
        counts[label] = int(match.group(1))
    return counts


def _names(db: Path) -> list[str]:
    with Store(str(db)) as store:
        return [a.name for a in store.articles()]


def test_cli_version():
    result = _invoke("--version")
    assert result.exit_code == 0
    assert result.output.strip() == f"wirewatch {__version__}"


def test_cli_no_arguments_shows_help():
    result = _invoke()
    assert "ingest" in result.output and "articles" in result.output
    assert result.exit_code in (0, 2)


@pytest.mark.parametrize(
    "command,expected",
    [
        ([], ["ingest", "articles", "--version"]),
        (["ingest"], ["paths", "--db", "--max-bytes", "--quiet", "WIREWATCH_DB"]),
        (["articles"], ["--db", "--format", "jsonl"]),
    ],
)
def test_cli_help_on_each_command(command, expected):
    result = _invoke(*command, "--help")
    assert result.exit_code == 0, result.output
    for word in expected:
        assert word in result.output


def test_cli_ingest_summary_counts(tmp_path, corpus):
    db = tmp_path / "w.db"
    (corpus / "empty.txt").write_bytes(b"")
    first = _invoke("ingest", "--quiet", "--db", db, corpus)
    assert first.exit_code == 1
    assert _summary(first.output) == {"ingested": 2, "already present": 0, "skipped": 1}
    (corpus / "empty.txt").unlink()
    second = _invoke("ingest", "-q", "--db", db, corpus)
    assert second.exit_code == 0
    assert _summary(second.output) == {"ingested": 0, "already present": 2, "skipped": 0}


def test_cli_ingest_max_bytes_option(tmp_path, corpus):
    db = tmp_path / "w.db"
    result = _invoke("ingest", "--quiet", "--db", db, "--max-bytes", 100, corpus)
    assert result.exit_code == 1
    assert _summary(result.output) == {"ingested": 0, "already present": 0, "skipped": 2}
    assert "over the 100-byte limit" in " ".join(result.output.split())


def test_cli_ingest_bad_max_bytes_is_usage_error(tmp_path, corpus):
    result = _invoke("ingest", "--quiet", "--db", tmp_path / "w.db", "--max-bytes", 0, corpus)
    assert result.exit_code == 2
    assert "max_bytes" in result.output


def test_cli_ingest_db_in_missing_folder_is_usage_error(tmp_path, corpus):
    result = _invoke("ingest", "--quiet", "--db", tmp_path / "nowhere" / "w.db", corpus)
    assert result.exit_code == 2
    assert "does not exist" in " ".join(result.output.split())


def test_cli_articles_table(tmp_path, corpus, monkeypatch):
    _console_width(monkeypatch, 200)
    db = tmp_path / "w.db"
    _invoke("ingest", "--quiet", "--db", db, corpus)
    result = _invoke("articles", "--db", db)
    assert result.exit_code == 0, result.output
    assert f"2 articles in {db}" in result.output
    rows = [line for line in result.output.splitlines() if "dorvik" in line or "orsa" in line]
    with Store(str(db)) as store:
        stored = list(store.articles())
    assert len(rows) == 2
    for row, article in zip(rows, stored):
        cells = [cell.strip() for cell in row.strip("│ ").split("│")]
        expected_date = article.published.isoformat() if article.published else ""
        assert cells == [article.id[:8], article.name, article.outlet or "", expected_date, article.title, str(article.words), "pending"]


def test_cli_articles_table_fits_80_columns(tmp_path, corpus, monkeypatch):
    _console_width(monkeypatch, 80)
    db = tmp_path / "w.db"
    _invoke("ingest", "--quiet", "--db", db, corpus)
    result = _invoke("articles", "--db", db)
    assert "words" in result.output
    assert "dorvik" in result.output


def test_cli_articles_jsonl(tmp_path, corpus):
    db = tmp_path / "w.db"
    _invoke("ingest", "--quiet", "--db", db, corpus)
    result = _invoke("articles", "--db", db, "--format", "jsonl")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert len(lines) == 2
    records = [json.loads(line) for line in lines]
    for record in records:
        assert {"id", "outlet", "title", "published", "text"} <= set(record)
    by_id = {r["id"]: r for r in records}
    assert set(by_id) == {"dorvik", "orsa"}
    assert by_id["dorvik"]["outlet"] == "Kestrel News"
    assert by_id["dorvik"]["title"] == "Dorvik market shelled"
    assert by_id["dorvik"]["published"] == "2021-03-02"
    assert by_id["dorvik"]["text"].startswith("DORVIK, Mar 2 (CL) \u2013 Artillery fire struck")
    assert by_id["dorvik"]["credits"] == ["CL"]
    assert by_id["orsa"]["published"] is None and by_id["orsa"]["outlet"] is None
    assert by_id["orsa"]["title"] == "Rebels claim two villages in Orsa valley"
    assert "The Velmar government said its troops had repelled the attack." in by_id["orsa"]["text"]


def test_cli_articles_jsonl_empty_store(tmp_path):
    Store(str(tmp_path / "w.db")).close()
    result = _invoke("articles", "--db", tmp_path / "w.db", "-f", "jsonl")
    assert result.exit_code == 0
    assert result.output == ""


@pytest.mark.parametrize("command", [("ledger",), ("report",), ("export", "-f", "csv"), ("articles",),
                                     ("corrections",), ("serve",)])
def test_cli_reading_a_missing_store_exits_2_and_creates_nothing(tmp_path, command):
    typo = tmp_path / "typo.db"
    result = _invoke(*command, "--db", typo)
    assert result.exit_code == 2, result.output
    assert "no such store" in result.output
    assert not typo.exists()


def test_cli_db_option_chooses_store(tmp_path, corpus):
    one, two = tmp_path / "one.db", tmp_path / "two.db"
    _invoke("ingest", "--quiet", "--db", one, corpus / "dorvik.txt")
    _invoke("ingest", "--quiet", "--db", two, corpus / "orsa.txt")
    assert _names(one) == ["dorvik"]
    assert _names(two) == ["orsa"]
    listed = _invoke("articles", "--db", two, "--format", "jsonl")
    assert [json.loads(line)["id"] for line in listed.output.splitlines()] == ["orsa"]


def test_cli_env_variable_chooses_store(tmp_path, corpus, monkeypatch):
    monkeypatch.chdir(tmp_path)
    env_db = tmp_path / "from-env.db"
    result = _invoke("ingest", "--quiet", corpus, env={"WIREWATCH_DB": str(env_db)})
    assert result.exit_code == 0, result.output
    assert _names(env_db) == ["dorvik", "orsa"]
    assert not (tmp_path / "wirewatch.db").exists()
    listed = _invoke("articles", "--format", "jsonl", env={"WIREWATCH_DB": str(env_db)})
    assert len(listed.output.splitlines()) == 2


def test_cli_db_option_wins_over_env_variable(tmp_path, corpus):
    env_db, option_db = tmp_path / "env.db", tmp_path / "option.db"
    _invoke("ingest", "--quiet", "--db", option_db, corpus, env={"WIREWATCH_DB": str(env_db)})
    assert _names(option_db) == ["dorvik", "orsa"]
    assert not env_db.exists()


def test_cli_default_store_in_working_directory(tmp_path, corpus, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = _invoke("ingest", "--quiet", corpus)
    assert result.exit_code == 0, result.output
    assert _names(tmp_path / "wirewatch.db") == ["dorvik", "orsa"]
