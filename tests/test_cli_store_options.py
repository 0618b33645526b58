"""Small defects of the command line and the dashboard, each as a user meets it: an in-memory --db, a
read-only --db URL, a period whose first day is after its last, HEAD on a page, a UTF-16 JSON Lines file,
duplicate ids in one JSON Lines file, and the reader of standard output going away."""

from __future__ import annotations

import codecs
import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from wirewatch.cli import EXIT_PIPE, app
from wirewatch.ingest.jsonl import read_jsonl
from wirewatch.model import RawDocument, Skipped
from wirewatch.store import Store
from wirewatch.store.db import in_memory, is_read_only, sqlite_path

DEMO = Path(__file__).resolve().parent.parent / "examples" / "demo"
SRC = Path(__file__).resolve().parent.parent / "src"
RECORDS = [
    {"id": "kh-1", "outlet": "Steppe Wire", "title": "Kharkiv shelled", "published": "2022-03-01",
     "text": "Ukrainian officials said Russian forces shelled Kharkiv on Monday, killing three civilians."},
    {"id": "kh-2", "outlet": "Steppe Wire", "title": "Moscow denies", "published": "2022-03-02",
     "text": "Russia’s defence ministry denied striking residential areas of Kharkiv — “a fabrication”, it said."},
    {"id": "kh-1", "outlet": "Delta Post", "title": "Another story", "published": "2022-03-03",
     "text": "Sudanese army officials said the paramilitary forces attacked El Fasher overnight."},
]


@pytest.fixture(autouse=True)
def _no_env_db(monkeypatch):
    monkeypatch.delenv("WIREWATCH_DB", raising=False)


def _invoke(*args, env=None):
    return CliRunner().invoke(app, [str(a) for a in args], env=env)


@pytest.mark.parametrize("db", [":memory:", "sqlite://", "sqlite:///:memory:", "sqlite:///file::memory:?uri=true",
                                "sqlite:///file:x?mode=memory&uri=true"])
def test_store_options_name_an_in_memory_store(db):
    assert in_memory(db) and sqlite_path(db) is None


@pytest.mark.parametrize("db", ["wirewatch.db", "sqlite:///w.db", "sqlite:////tmp/w.db?mode=ro",
                                "postgresql://u@127.0.0.1/w"])
def test_store_options_a_file_or_server_is_not_in_memory(db):
    assert not in_memory(db)


def test_store_options_a_plain_path_is_a_file_name_whatever_it_holds():
    assert not is_read_only("odd?mode=ro.db") and sqlite_path("odd?mode=ro.db") == Path("odd?mode=ro.db")
    assert sqlite_path("sqlite:///runs/w.db?mode=ro") == Path("runs/w.db")


@pytest.mark.parametrize("command", [["ingest", DEMO], ["run", DEMO], ["ledger"], ["report"], ["export", "-f", "csv"],
                                     ["correct", "check", "incident", "inc-1"], ["corrections"], ["articles"]])
@pytest.mark.parametrize("db", [":memory:", "sqlite://"])
def test_cli_refuses_an_in_memory_store_where_the_work_must_last(tmp_path, monkeypatch, command, db):
    monkeypatch.chdir(tmp_path)
    result = _invoke(*command, "--db", db)
    assert result.exit_code == 2
    assert "in-memory store keeps nothing" in result.output
    assert len(result.output.strip().splitlines()) == 1
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("command", [["report", "-f", "md"], ["run", DEMO]])
def test_cli_refuses_a_period_that_ends_before_it_starts(tmp_path, command):
    db = tmp_path / "w.db"
    Store(str(db)).close()
    result = _invoke(*command, "--db", db, "--since", "2022-03-10", "--until", "2022-03-01",
                     *(["--out", tmp_path / "r.html"] if command[0] == "run" else []))
    assert result.exit_code == 2
    assert "--since 2022-03-10 is after --until 2022-03-01" in result.output
    assert not (tmp_path / "r.html").exists()


def test_cli_takes_a_period_of_one_day(tmp_path):
    db = tmp_path / "w.db"
    Store(str(db)).close()
    result = _invoke("report", "-f", "json", "--db", db, "--since", "2022-03-01", "--until", "2022-03-01")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["period"] == {"since": "2022-03-01", "until": "2022-03-01"}


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def stored_demo(env, stored_corpus, tmp_path) -> Path:
    copy = tmp_path / "demo.db"
    shutil.copy(stored_corpus("demo", [DEMO]), copy)
    return copy


@pytest.mark.model
def test_cli_honours_a_read_only_url_and_writes_nothing(env, stored_demo):
    url = f"sqlite:///{stored_demo}?mode=ro"
    assert is_read_only(url) and sqlite_path(url) == stored_demo
    before = _digest(stored_demo)
    ledger = _invoke("ledger", "--db", url, "-f", "json", env=env)
    assert ledger.exit_code == 0, ledger.output
    assert json.loads(ledger.stdout)["incidents"]
    assert _invoke("report", "--db", url, "-f", "md", env=env).exit_code == 0
    assert _invoke("export", "--db", url, "-f", "acled", env=env).exit_code == 0
    assert _digest(stored_demo) == before
    assert not list(stored_demo.parent.glob("*mode=ro*"))  # no file named after the URL's query
    with Store(url) as store:
        assert store.read_only and store.count_articles() > 0


@pytest.mark.model
@pytest.mark.parametrize("command", [["ingest", DEMO], ["run", DEMO], ["correct", "check", "incident", "inc-1"],
                                     ["extract"]])
def test_cli_refuses_to_write_to_a_read_only_url(env, stored_demo, command):
    before = _digest(stored_demo)
    result = _invoke(*command, "--db", f"sqlite:///{stored_demo}?mode=ro", env=env)
    assert result.exit_code == 2
    assert "read-only (mode=ro)" in result.output and len(result.output.strip().splitlines()) == 1
    assert _digest(stored_demo) == before


def test_cli_read_only_url_of_a_missing_store_is_named(tmp_path):
    result = _invoke("ledger", "--db", f"sqlite:///{tmp_path / 'typo.db'}?mode=ro")
    assert result.exit_code == 2 and "no such store" in result.output
    assert list(tmp_path.iterdir()) == []


def _dashboard(db: Path):
    from fastapi.testclient import TestClient

    from wirewatch.web.app import create_app

    return TestClient(create_app(str(db)))


@pytest.mark.parametrize("path", ["/", "/incidents", "/map", "/articles", "/api/incidents", "/static/style.css"])
def test_dashboard_answers_head_as_get_without_body(tmp_path, path):
    db = tmp_path / "w.db"
    Store(str(db)).close()
    client = _dashboard(db)
    got, head = client.get(path), client.head(path)
    assert got.status_code == 200, path
    assert head.status_code == 200 and head.content == b""
    assert head.headers["content-type"] == got.headers["content-type"]
    assert head.headers.get("x-content-type-options") == "nosniff"


def test_dashboard_head_of_a_missing_page_is_404(tmp_path):
    db = tmp_path / "w.db"
    Store(str(db)).close()
    assert _dashboard(db).head("/no-such-page").status_code == 404


def _jsonl(records) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be"])
def test_ingest_reads_utf16_json_lines_with_a_byte_order_mark(tmp_path, codec):
    bom = {"utf-16": b"", "utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE}[codec]
    path = tmp_path / "windows.jsonl"
    path.write_bytes(bom + _jsonl(RECORDS[:2]).encode(codec))
    items = list(read_jsonl(path, 1_000_000))
    assert [type(i) for i in items] == [RawDocument, RawDocument]
    assert items[1].body == RECORDS[1]["text"] and items[1].name == "kh-2"


def test_ingest_names_a_broken_utf16_line_and_keeps_the_good_ones(tmp_path):
    path = tmp_path / "broken.jsonl"
    path.write_bytes(_jsonl(RECORDS[:1]).encode("utf-16") + b"\x00\xd8\x41\x00")  # a lone high surrogate
    items = list(read_jsonl(path, 1_000_000))
    assert isinstance(items[0], RawDocument)
    assert isinstance(items[-1], Skipped) and "not valid UTF-16" in items[-1].reason
    assert items[-1].source == f"{path}:2"


def test_ingest_skips_and_names_a_duplicate_id_within_one_file(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text(_jsonl(RECORDS), encoding="utf-8")
    items = list(read_jsonl(path, 1_000_000))
    assert [i.name for i in items if isinstance(i, RawDocument)] == ["kh-1", "kh-2"]
    [skipped] = [i for i in items if isinstance(i, Skipped)]
    assert skipped.line() == f"{path}:3: duplicate id kh-1 (first on line 1)"


def test_ingest_cli_says_which_line_repeated_an_id(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text(_jsonl(RECORDS), encoding="utf-8")
    other = tmp_path / "other.jsonl"
    other.write_text(_jsonl(RECORDS[:1]), encoding="utf-8")  # the same id in another file is no duplicate
    result = _invoke("ingest", path, other, "--db", tmp_path / "w.db", "-q")
    assert result.exit_code == 1
    assert [line for line in result.output.splitlines() if line.startswith("skipped:")] == [
        f"skipped: {path}:3: duplicate id kh-1 (first on line 1)"]


@pytest.mark.parametrize("command", [["ledger"], ["ledger", "-f", "json"], ["articles"], ["report", "-f", "md"]])
def test_cli_stops_quietly_when_the_reader_of_its_output_goes_away(tmp_path, command):
    db = tmp_path / "w.db"
    Store(str(db)).close()
    read, write = os.pipe()
    os.close(read)  # the reader has gone before anything is written: `wirewatch ledger | head -0`
    try:
        done = subprocess.run([sys.executable, "-c", "from wirewatch.cli import main; main()", *command,
                               "--db", str(db)], stdout=write, stderr=subprocess.PIPE, timeout=120,
                              env={**os.environ, "PYTHONPATH": str(SRC), "WIREWATCH_DB": ""})
    finally:
        os.close(write)
    assert done.returncode == EXIT_PIPE
    assert done.stderr.decode() == ""


@pytest.mark.model
@pytest.mark.parametrize("command, out", [
    (["report", "--out"], "{db}"),
    (["report", "-f", "md", "-o"], "{db}-wal"),
    (["export", "-f", "csv", "--out"], "{db}"),
    (["export", "-f", "geojson", "--out"], "{parent}/../{parent_name}/{name}"),
    (["ledger", "-f", "json", "--out"], "{db}-journal"),
    (["ledger", "--out"], "{db}"),
    (["watch", "{parent}/inbox", "--once", "--alerts"], "{db}"),
    (["run", "{parent}/inbox", "--quiet", "--out"], "{db}"),
])
def test_an_output_file_that_is_the_store_is_refused_and_the_store_kept(env, stored_demo, command, out):
    names = {"db": stored_demo, "parent": stored_demo.parent, "parent_name": stored_demo.parent.name,
             "name": stored_demo.name}
    (stored_demo.parent / "inbox").mkdir()
    before = _digest(stored_demo)
    result = _invoke(*[a.format(**names) for a in command], out.format(**names), "--db", str(stored_demo), env=env)
    assert result.exit_code == 2 and "is the store itself" in result.stderr
    assert _digest(stored_demo) == before
