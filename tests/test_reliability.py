"""Issue 18: no input can break the store, lose a sentence or stop a batch.

Each defect of the issue has a test here built from its reproduction (with sentences of our own);
the store-wide properties (fuzzing, kill -9) are in test_fuzz.py and test_kill.py.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest
from typer.testing import CliRunner

import wirewatch
from wirewatch import runner
from wirewatch.cli import app
from wirewatch.clean.meta import parse_date
from wirewatch.model import Extraction, Figure, FigureKind, Provenance, Qualifier
from wirewatch.nlp.dates import find_dates
from wirewatch.nlp.numbers import MAX_VALUE, find_numbers, parse_number
from wirewatch.settings import Settings
from wirewatch.store import Store


def _write(folder, name: str, text: str):
    path = folder / name
    path.write_bytes(text.encode("utf-8"))
    return path


# 1. figures beyond 2**63 and float precision --------------------------------------------------------


@pytest.mark.parametrize("text", ["99,999,999,999,999,999,999", "12345678901234567890123", "9" * 5001,
                                  "90000000000 billion", "9,999,999,999 billion"])
def test_number_beyond_the_store_range_is_no_figure(text):
    assert parse_number(text) is None
    sentence = f"Officials said artillery fire killed {text} people near the river crossing."
    assert all(n.value <= MAX_VALUE for n in find_numbers(sentence))


@pytest.mark.parametrize("text, value", [
    ("9,007,199,254,740,993", 9_007_199_254_740_993),  # 2**53 + 1: a float makes it ...992
    ("9223372036854775807", MAX_VALUE),
    ("123456789.7 million", 123_456_789_700_000),
    ("1.5 million", 1_500_000),
    ("2.5", 2),  # half to even, as before
])
def test_number_values_are_exact(text, value):
    assert parse_number(text) == value


def _figure(article_id: str, value: int, upper: int | None = None) -> Figure:
    return Figure(kind=FigureKind.KILLED, value=value, qualifier=Qualifier.EXACT, who="civilians",
                  claimant="officials", sentence="Shelling killed many.", provenance=Provenance(article_id, 0, 0, 5, "test"),
                  upper=upper)


def test_store_refuses_a_figure_beyond_64_bits_and_keeps_the_rest(tmp_path):
    (tmp_path / "a.txt").write_text("Shelling in Orsa\n\nShelling killed many civilians in Orsa on Monday, "
                                    "the regional governor said.\n", encoding="utf-8")
    with Store(str(tmp_path / "w.db")) as store:
        runner.ingest([tmp_path / "a.txt"], store, Settings(db=str(tmp_path / "w.db")))
        article = next(store.articles())
        figures = (_figure(article.id, 10**22), _figure(article.id, 40, upper=2**64), _figure(article.id, 12))
        refused = store.save_extractions([Extraction(article=article, figures=figures)], "v1")
        assert refused == []
        assert [f.value for f in store.extraction(article).figures] == [12]
        version, problem = store.extraction_states()[article.id]
        assert version == "v1" and "2 figure(s)" in problem


def test_run_with_a_huge_figure_leaves_every_later_command_working(tmp_path, env):
    folder = tmp_path / "in"
    folder.mkdir()
    _write(folder, "huge.txt", "Shelling near Tovuz\n\nArtillery fire killed 88,888,888,888,888,888,888 civilians "
                               "in Tovuz on Sunday, officials said.\n")
    _write(folder, "plain.txt", "Clashes in Kharkiv\n\nShelling killed 12 civilians in Kharkiv on Monday, "
                                "the regional governor said.\n")
    db = str(tmp_path / "w.db")
    cli = CliRunner()
    result = cli.invoke(app, ["run", str(folder), "--db", db, "-q", "-o", str(tmp_path / "r.md")], env=env)
    assert result.exit_code == 0, result.output
    for command in (["ledger"], ["report", "-f", "md"], ["export", "-f", "csv"], ["articles"]):
        result = cli.invoke(app, [*command, "--db", db], env=env)
        assert result.exit_code == 0, (command, result.output)
    with wirewatch.open(db) as handle:
        values = [f["value"] for f in handle.figures()]
    assert 12 in values and all(v <= MAX_VALUE for v in values)


# 2. out-of-range dates ------------------------------------------------------------------------------


@pytest.mark.parametrize("published", [dt.date(1, 1, 1), dt.date(1, 1, 20), dt.date(9999, 12, 20),
                                       dt.date(9999, 12, 31), dt.date(1, 2, 3)])
@pytest.mark.parametrize("sentence", [
    "The shelling began on December 20 and went on overnight.",
    "Talks resumed on 3 January, a week after the truce.",
    "Troops withdrew last month, and again last week, officials said on Friday.",
    "The strike came yesterday, the ministry said this morning.",
])
def test_dates_at_the_calendar_edges_resolve_or_stay_open(published, sentence):
    for mention in find_dates(sentence, published):
        assert mention.date is None or dt.date.min <= mention.date <= dt.date.max


@pytest.mark.parametrize("text", ["0001-01-01T00:00:00Z", "9999-12-20", "0000-01-01", "December 20, 9999",
                                  "1 March 0001"])
def test_placeholder_publication_dates_are_no_dates(text):
    assert parse_date(text) == (None, None)


def test_parse_date_still_reads_real_dates():
    assert parse_date("2021-03-02T10:00:00Z") == (dt.date(2021, 3, 2), parse_date("2021-03-02")[1])


def test_jsonl_with_placeholder_dates_extracts(tmp_path):
    lines = [{"id": "edge-1", "published": "0001-01-01T00:00:00Z", "title": "Fighting in Mosul",
              "text": "Fighting resumed in Mosul on December 20, the army said. Twelve soldiers were killed."},
             {"id": "edge-2", "published": "9999-12-20", "title": "Truce talks in Juba",
              "text": "Negotiators met in Juba on December 20 and again last week, a spokesman said."}]
    path = tmp_path / "edge.jsonl"
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    with wirewatch.open(tmp_path / "w.db") as handle:
        assert handle.ingest([path]).ok
        results = list(handle.extractions())
        assert len(results) == 2
        assert set(handle.store.extraction_states()[x.article.id][1] for x in results) == {None}
        assert handle.report(format="md")


# 3. one sentence stops all extraction; per-article isolation -----------------------------------------


@pytest.mark.parametrize("place", ["Sanaa", "Damascus", "Bamako", "Mogadishu"])
def test_claims_with_an_empty_agent_do_not_raise(tmp_path, extractor, place):
    # Issue 18, defect 3: a harm whose agent is only whitespace raised IndexError in claims.py
    from wirewatch.clean import clean
    from wirewatch.model import InputFormat, RawDocument

    text = f'Headline\n\nkilled "\u201d" "{place} requested added shelled - on \u00bb \t shelled two.\n'
    article = clean(RawDocument("t.txt", "t", text, False, InputFormat.TEXT), "test", min_chars=10)
    assert extractor.extract_many([article])[0].article.id == article.id


class _Boom:
    """An extractor that raises on articles containing the word 'kaboom' (a stand-in for any bug)."""

    def __init__(self):
        self.calls = 0

    def extract_many(self, articles):
        self.calls += 1
        if any("kaboom" in a.text for a in articles):
            raise IndexError("list index out of range")
        return [Extraction(article=a, sentences=1) for a in articles]


def _corpus(folder, bad: int = 1, good: int = 3):
    for n in range(good):
        _write(folder, f"good{n}.txt", f"Report {n}\n\nShelling hit the village of Orsa {n + 2} times on Monday, "
                                      f"officials said.\n")
    for n in range(bad):
        _write(folder, f"bad{n}.txt", f"Bad {n}\n\nA kaboom sentence number {n} that breaks the rules, "
                                      f"a witness said.\n")


def test_one_failing_article_is_recorded_and_the_batch_goes_on(tmp_path, monkeypatch):
    _corpus(tmp_path, bad=2, good=3)
    outcomes = []
    with Store(str(tmp_path / "w.db")) as store:
        runner.ingest([tmp_path], store, Settings(db=str(tmp_path / "w.db")))
        ids = store.article_ids()
        boom = _Boom()
        results = list(runner.extract(ids, store, lambda: boom, progress=lambda s, o: outcomes.append(o)))
        assert [x.article.id for x in results] == ids
        assert sorted(outcomes) == ["extracted"] * 3 + ["failed"] * 2
        states = store.extraction_states()
        failed = {a.name for a in store.articles() if states[a.id][1]}
        assert failed == {"bad0", "bad1"}
        assert all("IndexError" in states[a.id][1] for a in store.articles() if a.name in failed)
        # the same version does not try again ...
        calls = boom.calls
        list(runner.extract(ids, store, lambda: boom))
        assert boom.calls == calls
        # ... a new pipeline version does
        monkeypatch.setattr(runner, "pipeline_version", lambda: "next-version")
        list(runner.extract(ids, store, lambda: boom))
        assert boom.calls > calls
        assert {v for v, _ in store.extraction_states().values()} == {"next-version"}


def test_articles_command_shows_failed_extractions(tmp_path, monkeypatch, env):
    _corpus(tmp_path, bad=1, good=1)
    db = str(tmp_path / "w.db")
    with Store(db) as store:
        runner.ingest([tmp_path], store, Settings(db=db))
        list(runner.extract(store.article_ids(), store, _Boom))
    result = CliRunner().invoke(app, ["articles", "--db", db], env={**env, "COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert "failed: bad0" in result.output and "IndexError" in result.output
    result = CliRunner().invoke(app, ["articles", "--db", db, "-f", "jsonl"], env=env)
    states = {r["id"]: r["extraction"] for r in map(json.loads, result.output.splitlines())}
    assert states == {"bad0": "failed", "good0": "ok"}


def test_a_batch_the_database_refuses_is_written_article_by_article(tmp_path):
    _corpus(tmp_path, bad=0, good=3)
    with Store(str(tmp_path / "w.db")) as store:
        runner.ingest([tmp_path], store, Settings(db=str(tmp_path / "w.db")))
        articles = list(store.articles())
        good = [Extraction(article=a, figures=(_figure(a.id, 7),)) for a in (articles[0], articles[2])]
        # a place mention that is no place stands for any row that cannot be written
        bad_row = Extraction(article=articles[1], figures=(_figure(articles[1].id, 5),),
                             places=(object(),))
        refused = store.save_extractions([good[0], bad_row, good[1]], "v1")
        assert [a.id for a, _ in refused] == [articles[1].id]
        assert [f.value for f in store.extraction(articles[0]).figures] == [7]
        assert [f.value for f in store.extraction(articles[2]).figures] == [7]
        assert store.extraction_states()[articles[1].id][1].startswith("not stored")


# 5. inputs that aborted the ingest ------------------------------------------------------------------

BODY = "Shelling hit the town of {place} on Monday and killed four people, officials said in a statement."


@pytest.mark.parametrize("control", ["\x0b", "\x0c", "\x00", "\x1b", "\ufffe"])
def test_html_with_a_control_character_is_stored_and_the_rest_goes_on(tmp_path, control):
    (tmp_path / "a.html").write_text(f"<p>{BODY.format(place='Izium')}{control} More followed.</p>", encoding="utf-8")
    (tmp_path / "b.jsonl").write_text(json.dumps({"id": "frag", "html": f"<div><p>{control}"
                                                  f"{BODY.format(place='Kherson')}</p></div>"}) + "\n",
                                      encoding="utf-8")
    _write(tmp_path, "c.txt", "Later\n\n" + BODY.format(place="Sumy") + "\n")
    with Store(str(tmp_path / "w.db")) as store:
        report = runner.ingest([tmp_path], store, Settings(db=str(tmp_path / "w.db")))
        texts = [a.text for a in store.articles()]
    binary = control == "\x00"  # a file with a NUL byte is binary, named and skipped; a JSON string is not
    assert len(report.stored) == 3 - binary, [s.line() for s in report.skipped]
    assert len(report.skipped) == binary
    assert any("Izium" in t for t in texts) != binary and any("Kherson" in t for t in texts)


def test_jsonl_with_a_5001_digit_id_stores_every_line(tmp_path):
    lines = ['{"id": ' + "7" * 5001 + ', "text": "' + BODY.format(place="Goma") + '"}',
             json.dumps({"id": "good", "text": BODY.format(place="Bunia")}),
             '{"id": "deep", "text": "x", "extra": ' + "[" * 100000 + "]" * 100000 + "}",
             json.dumps({"id": "x" * 5000, "outlet": "y" * 1000, "text": BODY.format(place="Beni")}),
             json.dumps({"id": "surrogate\ud800", "title": "T\udfff", "text": "\ud83d " + BODY.format(place="Uvira")})]
    path = tmp_path / "a.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8", errors="surrogatepass")
    with Store(str(tmp_path / "w.db")) as store:
        report = runner.ingest([path], store, Settings(db=str(tmp_path / "w.db")))
        names = sorted(a.name for a in store.articles())
    assert len(report.stored) == 4 and len(report.skipped) == 1
    assert "7" * 200 in names[0] and "good" in names
    assert all(len(n) <= 300 for n in names)
    assert any(n.startswith("surrogate") for n in names)


def test_file_name_with_non_utf8_bytes_is_stored_under_a_readable_name(tmp_path):
    import os

    folder = os.fsencode(tmp_path)
    with open(os.path.join(folder, b"bad-\xff\xfe-name.txt"), "wb") as handle:
        handle.write(("Heading\n\n" + BODY.format(place="Marib") + "\n").encode("utf-8"))
    _write(tmp_path, "z.txt", "Heading\n\n" + BODY.format(place="Taiz") + "\n")
    db = str(tmp_path / "w.db")
    result = CliRunner().invoke(app, ["ingest", "-q", str(tmp_path), "--db", db])
    assert result.exit_code == 0, result.output
    with Store(db) as store:
        names = sorted(a.name for a in store.articles())
    assert names == ["bad-\ufffd\ufffd-name", "z"]


def test_symlinked_and_unreadable_folders_are_named_not_skipped_silently(tmp_path, monkeypatch):
    import os

    inner, elsewhere = tmp_path / "corpus" / "inner", tmp_path / "elsewhere"
    inner.mkdir(parents=True)
    elsewhere.mkdir()
    _write(inner, "a.txt", "Heading\n\n" + BODY.format(place="Aden") + "\n")
    _write(elsewhere, "b.txt", "Heading\n\n" + BODY.format(place="Hodeidah") + "\n")
    (tmp_path / "corpus" / "linked").symlink_to(elsewhere, target_is_directory=True)
    locked = tmp_path / "corpus" / "locked"
    locked.mkdir()
    real_scandir = os.scandir

    def scandir(path):  # root reads any folder, so unreadability is played here
        if str(path) == str(locked):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    db = str(tmp_path / "w.db")
    result = CliRunner().invoke(app, ["ingest", "-q", str(tmp_path / "corpus"), "--db", db])
    output = " ".join(result.output.split())
    assert result.exit_code == 1
    assert "linked: link to a folder, not followed" in output
    assert "locked: folder cannot be read (Permission denied)" in output
    with Store(db) as store:
        assert [a.name for a in store.articles()] == ["a"]


# 6. exit codes --------------------------------------------------------------------------------------


def _main(monkeypatch, capsys, *args) -> tuple[int, str]:
    from wirewatch import cli

    monkeypatch.setattr("sys.argv", ["wirewatch", *args])
    with pytest.raises(SystemExit) as stop:
        cli.main()
    return stop.value.code, capsys.readouterr().err


def test_internal_error_has_its_own_exit_code_and_one_line(tmp_path, monkeypatch, capsys):
    from wirewatch import api

    def crash(*_a, **_k):
        raise RuntimeError("something inside broke")

    monkeypatch.setattr(api, "run_ingest", crash)
    _write(tmp_path, "a.txt", "Heading\n\n" + BODY.format(place="Idlib") + "\n")
    code, err = _main(monkeypatch, capsys, "ingest", "-q", str(tmp_path / "a.txt"), "--db", str(tmp_path / "w.db"))
    assert code == 3
    lines = [line for line in err.splitlines() if line.strip()]
    assert "RuntimeError: something inside broke" in " ".join(err.split())
    assert "a.txt" in " ".join(err.split()) and "Traceback" not in err
    assert len(lines) <= 3  # one logical line, wrapped at most by the terminal width
    code, err = _main(monkeypatch, capsys, "--debug", "ingest", "-q", str(tmp_path / "a.txt"),
                      "--db", str(tmp_path / "w.db"))
    assert code == 3 and "Traceback" in err


def test_skipped_inputs_exit_1_and_usage_errors_exit_2(tmp_path, monkeypatch, capsys):
    _write(tmp_path, "empty.txt", "")
    _write(tmp_path, "a.txt", "Heading\n\n" + BODY.format(place="Homs") + "\n")
    code, _ = _main(monkeypatch, capsys, "ingest", "-q", str(tmp_path), "--db", str(tmp_path / "w.db"))
    assert code == 1
    code, _ = _main(monkeypatch, capsys, "ingest", "-q", str(tmp_path), "--db", str(tmp_path / "no" / "w.db"))
    assert code == 2


def test_a_store_that_is_no_database_or_an_unwritable_output_is_exit_2_not_internal(tmp_path, monkeypatch, capsys):
    """What the user can fix (a --db that is some other file, an --out path in a missing folder or that is
    a folder) is a bad option: one line naming the path, exit 2, never 'internal error'."""
    (tmp_path / "notes.db").write_text("shopping list, not a database\n" * 50)
    code, err = _main(monkeypatch, capsys, "ledger", "--db", str(tmp_path / "notes.db"))
    assert code == 2 and "internal error" not in err and "notes.db" in " ".join(err.split())
    _write(tmp_path, "a.txt", "Heading\n\n" + BODY.format(place="Aleppo") + "\n")
    db = str(tmp_path / "w.db")
    code, _ = _main(monkeypatch, capsys, "ingest", "-q", str(tmp_path / "a.txt"), "--db", db)
    for out in (tmp_path / "missing" / "r.md", tmp_path):
        code, err = _main(monkeypatch, capsys, "report", "--format", "md", "--db", db, "--out", str(out))
        assert code == 2 and "internal error" not in err, err


# 8. output injection --------------------------------------------------------------------------------

HOSTILE = [
    ('=HYPERLINK("http://example.invalid","x")', "<script>alert(1)</script> Donetsk shelled",
     "Artillery shelled <script>alert(1)</script> the market in Donetsk on Monday, killing three civilians, "
     "the regional governor said."),
    ("+cmd|' /C calc'!A0", "Strike on [a](javascript:alert(1)) Kherson",
     "Russian forces shelled Kherson on Tuesday, killing five people <img src=x onerror=alert(1)>, "
     "the Ukrainian military said."),
    ("@SUM(1+1)", "Raid in Gaza <iframe src=//x>",
     "An air strike hit a house in Khan Younis on Wednesday, killing four people, | <b>health officials</b> said."),
]


def test_markdown_report_and_csv_export_carry_hostile_text_inert(tmp_path, env):
    import csv as csvlib
    import io

    folder = tmp_path / "in"
    folder.mkdir()
    for n, (outlet, title, sentence) in enumerate(HOSTILE):
        _write(folder, f"h{n}.txt", f"---\noutlet: {outlet}\ntitle: {title}\npublished: 2022-05-0{n + 2}\n---\n"
                                    f"{sentence}\n")
    db = str(tmp_path / "w.db")
    cli = CliRunner()
    assert cli.invoke(app, ["ingest", "-q", str(folder), "--db", db], env=env).exit_code == 0
    report = cli.invoke(app, ["report", "-f", "md", "--db", db], env=env)
    assert report.exit_code == 0, report.output
    lowered = report.output.lower()
    assert "<script" not in lowered and "<img" not in lowered and "<iframe" not in lowered and "<b>" not in lowered
    assert "[a](javascript:" not in lowered and "\\[a\\](javascript:" in lowered  # a link only as text
    assert "&lt;script&gt;" in lowered  # shown as text, not dropped
    exported = cli.invoke(app, ["export", "-f", "csv", "--db", db], env=env)
    assert exported.exit_code == 0, exported.output
    rows = list(csvlib.reader(io.StringIO(exported.output.lstrip("\ufeff"))))
    assert len(rows) > 1
    def number(cell: str) -> bool:
        try:
            float(cell)
            return True
        except ValueError:
            return False

    assert not [cell for row in rows[1:] for cell in row if cell[:1] in ("=", "+", "@", "-") and not number(cell)]
    assert any(cell.startswith("'=HYPERLINK") or cell.startswith("'+cmd") or cell.startswith("'@SUM")
               for row in rows[1:] for cell in row)


@pytest.mark.parametrize("value, shown", [("=1+1", "'=1+1"), ("-2+3", "'-2+3"), ("@x", "'@x"), ("\tx", "'\tx"),
                                          ("plain", "plain"), (-5, -5), (3.5, 3.5), (None, None)])
def test_csv_neutralise(value, shown):
    from wirewatch.export.csv import neutralise

    assert neutralise(value) == shown


# 9. concurrency -------------------------------------------------------------------------------------


def _ingest_in_process(args):
    db, folder = args
    with Store(db) as store:
        return len(runner.ingest([folder], store, Settings(db=db)).stored)


def test_two_ingests_on_a_fresh_database_both_succeed(tmp_path):
    import multiprocessing

    folders = []
    for n in range(2):
        folder = tmp_path / f"in{n}"
        folder.mkdir()
        for k in range(3):
            _write(folder, f"a{n}{k}.txt", f"Heading\n\n{BODY.format(place=f'Town{n}{k}')}\n")
        folders.append(folder)
    for attempt in range(3):  # the race needs both to open the fresh file at once: try a few times
        db = str(tmp_path / f"fresh{attempt}.db")
        with multiprocessing.get_context("spawn").Pool(2) as pool:
            stored = pool.map(_ingest_in_process, [(db, str(f)) for f in folders])
        assert stored == [3, 3]
        with Store(db) as store:
            assert store.count_articles() == 6


def test_a_writer_waits_for_a_lock_held_longer_than_five_seconds(tmp_path):
    import sqlite3
    import threading
    import time

    _corpus(tmp_path, bad=0, good=2)
    db = str(tmp_path / "w.db")
    with Store(db) as store:
        runner.ingest([tmp_path], store, Settings(db=db))
    holder = sqlite3.connect(db, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")  # another process's long write
    released = threading.Event()

    def release():
        time.sleep(6)
        holder.execute("COMMIT")
        released.set()

    threading.Thread(target=release, daemon=True).start()
    with Store(db) as store:
        results = list(runner.extract(store.article_ids(), store, _Boom))
    assert released.is_set() and len(results) == 2
    with Store(db) as store:
        assert {v for v, _ in store.extraction_states().values()} != {None}


def test_a_lock_held_beyond_the_wait_is_one_line_and_exit_2(tmp_path, monkeypatch, capsys):
    import sqlite3

    _corpus(tmp_path, bad=0, good=1)
    db = str(tmp_path / "w.db")
    with Store(db) as store:
        runner.ingest([tmp_path], store, Settings(db=db))
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    monkeypatch.setenv("WIREWATCH_LOCK_WAIT", "0")
    _write(tmp_path, "more.txt", "Heading\n\n" + BODY.format(place="Raqqa") + "\n")
    code, err = _main(monkeypatch, capsys, "ingest", "-q", str(tmp_path / "more.txt"), "--db", db)
    holder.execute("ROLLBACK")
    assert code == 2
    assert "locked by another wirewatch process" in " ".join(err.split()) and "Traceback" not in err


# 10. memory: huge articles --------------------------------------------------------------------------


def test_an_article_over_the_text_limit_is_refused_with_a_line(tmp_path):
    sentence = BODY.format(place="Mariupol") + "\n\n"
    _write(tmp_path, "long.txt", "Heading\n\n" + sentence * 40)  # about 4,000 characters
    _write(tmp_path, "huge.txt", "Heading\n\n" + sentence * 400)  # far over: refused unread
    _write(tmp_path, "short.txt", "Heading\n\n" + sentence)
    with Store(str(tmp_path / "w.db")) as store:
        report = runner.ingest([tmp_path], store, Settings(db=str(tmp_path / "w.db"), max_text_chars=2000))
    reasons = {s.source.rsplit("/", 1)[-1]: s.reason for s in report.skipped}
    assert report.stored == ("short",)
    assert "over the 2,000-character limit" in reasons["long.txt"]
    assert "far over the 2,000-character article limit" in reasons["huge.txt"]


def test_a_stored_article_over_the_limit_fails_extraction_unparsed(tmp_path):
    _write(tmp_path, "long.txt", "Heading\n\n" + (BODY.format(place="Avdiivka") + "\n\n") * 40)
    _corpus(tmp_path, bad=0, good=1)
    with Store(str(tmp_path / "w.db")) as store:
        runner.ingest([tmp_path], store, Settings(db=str(tmp_path / "w.db")))
        boom = _Boom()
        outcomes = []
        list(runner.extract(store.article_ids(), store, lambda: boom, max_chars=2000,
                            progress=lambda s, o: outcomes.append((s.rsplit("/", 1)[-1], o))))
        assert sorted(outcomes) == [("good0.txt", "extracted"), ("long.txt", "failed")]
        assert any("over the 2,000-character limit" in (p or "") for _, p in store.extraction_states().values())


def test_readers_survive_values_an_older_store_holds(tmp_path, env):
    """Placeholder dates stored before they were checked, and counts a hand edit left as text or
    beyond 64 bits (as a real), read without failing any later command."""
    from sqlalchemy import text

    _corpus(tmp_path, bad=0, good=2)
    db = str(tmp_path / "w.db")
    with wirewatch.open(db) as handle:
        handle.ingest([tmp_path])
        list(handle.extractions())
        first, second = handle.store.article_ids()
        figures = (_figure(first, 3),)
        handle.store.save_extractions([Extraction(article=handle.store.article(first), figures=figures)], "v-old")
        with handle.store.engine.begin() as conn:
            conn.execute(text("UPDATE articles SET published = '0001-01-01' WHERE id = :i"), {"i": first})
            conn.execute(text("UPDATE articles SET published = '9999-12-31' WHERE id = :i"), {"i": second})
            conn.execute(text("UPDATE figures SET value = 1e22, upper = 'many' WHERE article_id = :i"), {"i": first})
        assert {a.published for a in handle.store.articles()} == {None}
        assert handle.store.extraction(handle.store.article(first)).figures[0].upper is None
    cli = CliRunner()
    for command in (["ledger"], ["report", "-f", "md"], ["report", "-f", "html"], ["export", "-f", "csv"],
                    ["export", "-f", "jsonl"], ["articles"]):
        result = cli.invoke(app, [*command, "--db", db], env=env)
        assert result.exit_code == 0, (command, result.output)


def test_a_store_made_before_the_new_columns_gains_them(tmp_path):
    import sqlite3

    _corpus(tmp_path, bad=0, good=1)
    db = str(tmp_path / "w.db")
    with Store(db) as store:
        runner.ingest([tmp_path], store, Settings(db=db))
    with sqlite3.connect(db) as conn:  # the articles table as the previous release made it
        conn.execute("ALTER TABLE articles DROP COLUMN extract_error")
        conn.execute("ALTER TABLE articles DROP COLUMN raw")
    with Store(db) as store:
        list(runner.extract(store.article_ids(), store, _Boom))
        assert [v for v, _ in store.extraction_states().values()] != [None]
        _write(tmp_path, "more.txt", "Heading\n\n" + BODY.format(place="Sirte") + "\n")
        assert runner.ingest([tmp_path / "more.txt"], store, Settings(db=db)).stored == ("more",)


@pytest.mark.parametrize("name", ["x\x1b]0;PWNED\x07\x1b[2J.txt", "short\nskipped: FAKE.txt", "red\x1b[31m.txt"])
def test_a_file_name_with_control_characters_cannot_drive_the_terminal(tmp_path, monkeypatch, capsys, name):
    """A skipped file's name is printed with its control characters escaped: no escape sequence reaches
    the terminal and no newline forges a second line."""
    (tmp_path / name).write_text("too short\n")
    code, err = _main(monkeypatch, capsys, "ingest", "-q", str(tmp_path), "--db", str(tmp_path / "w.db"))
    assert code == 1
    assert "\x1b" not in err and "\x07" not in err
    assert not any(line.startswith("skipped: FAKE") for line in err.splitlines())


def test_ledger_tables_go_to_the_out_file_when_one_is_given(tmp_path, monkeypatch, capsys):
    """`ledger --out FILE` writes the tables to the file, as `--format json --out` writes the JSON."""
    _write(tmp_path, "a.txt", "Heading\n\n" + BODY.format(place="Kharkiv") + "\n")
    db = str(tmp_path / "w.db")
    _main(monkeypatch, capsys, "run", "-q", str(tmp_path / "a.txt"), "--db", db, "--out", str(tmp_path / "r.html"))
    code, _ = _main(monkeypatch, capsys, "ledger", "--db", db, "--out", str(tmp_path / "ledger.txt"))
    assert code == 0
    written = (tmp_path / "ledger.txt").read_text(encoding="utf-8")
    assert "incidents" in written and "figure series" in written
    assert "figure series" not in capsys.readouterr().out
