"""Bad inputs: each is named once with its reason, and the rest of the batch is still stored."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from wirewatch import cli
from wirewatch.cli import app
from wirewatch.model import IngestReport
from wirewatch.runner import ingest
from wirewatch.settings import Settings
from wirewatch.store import Store

BODY = [
    "Artillery fire struck the market district of Dorvik on Tuesday, killing at least four civilians, local officials said.",
    "The Velmar defence ministry denied targeting civilians and said its forces had hit a fuel depot used by rebel fighters.",
    "Residents of the river town spent the night in basements as the shelling continued until dawn.",
]


def _good_text(title: str, extra: str = "") -> str:
    return f"{title}\n\n" + "\n\n".join(BODY) + (f"\n\n{extra}" if extra else "") + "\n"


def _page(title: str, sentence: str) -> bytes:
    paragraphs = "".join(f"<p>{p}</p>" for p in [sentence, *BODY])
    return (
        f"<!DOCTYPE html><html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
        f"{paragraphs}</article></body></html>"
    ).encode()


def write_warc(path: Path, count: int, gz: bool) -> None:
    """A WARC of `count` HTML responses, each page with its own opening sentence."""
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=gz)
        for number in range(1, count + 1):
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            payload = _page(f"Story {number}", f"Report number {number} describes the shelling of village {number}.")
            record = writer.create_warc_record(
                f"https://kestrel.example/{number}", "response", payload=io.BytesIO(payload), http_headers=headers
            )
            writer.write_record(record)


def _run(paths, db: Path, **settings) -> IngestReport:
    with Store(str(db)) as store:
        return ingest(paths, store, Settings(db=str(db), **settings))


def _count(db: Path) -> int:
    with Store(str(db)) as store:
        return store.count_articles()


def _lines_naming(report: IngestReport, path: Path) -> list[str]:
    return [s.line() for s in report.skipped if s.source.startswith(str(path))]


# one bad input among good ones -------------------------------------------------------------------

CP1252_TEXT = "Front line holds near Dorvik\n\n" + "\n\n".join(
    [
        "The caf\u00e9 owner on Market Street said \u201cwe are staying\u201d as the shelling went on through the night near the river.",
        "Officials in Dorvik said the town\u2019s water plant had been hit twice since Monday, leaving thousands without clean water.",
        "\u201cThere is nowhere else to go,\u201d said a teacher, who gave her name as Ren\u00e9e, standing outside the school \u2013 now a shelter.",
        "The Velmar defence ministry said its troops had only returned fire and accused the rebels of using schools as cover.",
    ]
) + "\n"


def _bad_empty(path: Path) -> None:
    path.write_bytes(b"")


def _bad_png(path: Path) -> None:
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)


def _bad_garbage(path: Path) -> None:
    path.write_bytes(bytes(range(128, 256)) * 20)


def _bad_markup(path: Path) -> None:
    path.write_text("<<<>>><div", encoding="utf-8")


def _bad_empty_page(path: Path) -> None:
    path.write_text("<html><head><title>Menu</title></head><body><nav></nav><div></div></body></html>", encoding="utf-8")


def _bad_json(path: Path) -> None:
    path.write_text('{"id": "x", "text": ', encoding="utf-8")


def _dangling_link(path: Path) -> None:
    path.symlink_to(path.parent / "moved-away.txt")


def _pipe(path: Path) -> None:
    os.mkfifo(path)  # reading it would wait for a writer for ever


BAD_CASES = [
    pytest.param("report.txt", _dangling_link, "moved-away.txt, which does not exist", id="dangling-link"),
    pytest.param("feed.rss", _dangling_link, "which does not exist; fix or remove the link", id="dangling-link-feed"),
    pytest.param("inbox.jsonl", _pipe, "not a regular file", id="named-pipe"),
    pytest.param("empty.txt", _bad_empty, "empty file", id="empty"),
    pytest.param("picture.txt", _bad_png, "binary file (PNG image)", id="png-as-txt"),
    pytest.param("garbage.txt", _bad_garbage, "not valid UTF-8", id="invalid-utf8"),
    pytest.param("broken.html", _bad_markup, "text", id="malformed-html"),
    pytest.param("menu-only.html", _bad_empty_page, "no main text", id="html-without-text"),
    pytest.param("empty.jsonl", _bad_empty, "empty file", id="empty-jsonl"),
    pytest.param("picture.jsonl", _bad_png, "binary file (PNG image)", id="png-as-jsonl"),
    pytest.param("empty.warc", _bad_empty, "empty file", id="empty-warc"),
    pytest.param("empty.rss", _bad_empty, "empty file", id="empty-feed"),
]


@pytest.mark.parametrize("name,make,reason", BAD_CASES)
def test_bad_input_one_line_names_file_and_reason(tmp_path, name, make, reason):
    folder = tmp_path / "batch"
    folder.mkdir()
    (folder / "a-good.txt").write_text(_good_text("Dorvik market shelled"), encoding="utf-8")
    (folder / "z-good.txt").write_text(_good_text("Water plant hit", "A second report adds that the school was hit too."), encoding="utf-8")
    bad = folder / name
    make(bad)
    report = _run([folder], tmp_path / "w.db")
    assert len(report.skipped) == 1, [s.line() for s in report.skipped]
    (line,) = _lines_naming(report, bad)
    assert line.startswith(f"{bad}: ")
    assert reason in line
    assert sorted(report.stored) == ["a-good", "z-good"]
    assert _count(tmp_path / "w.db") == 2


def test_bad_input_missing_path_is_named(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(_good_text("Dorvik market shelled"), encoding="utf-8")
    missing = tmp_path / "nowhere" / "gone.txt"
    report = _run([missing, good], tmp_path / "w.db")
    assert [s.line() for s in report.skipped] == [f"{missing}: no such file or folder; check the path"]
    assert report.stored == ("good",)


def test_bad_input_over_size_limit_is_named(tmp_path):
    small = tmp_path / "small.txt"
    small.write_text(_good_text("Dorvik market shelled"), encoding="utf-8")
    large = tmp_path / "large.txt"
    large.write_text(_good_text("Long read", " ".join(BODY) * 20), encoding="utf-8")
    limit = small.stat().st_size + 100
    assert large.stat().st_size > limit
    report = _run([small, large], tmp_path / "w.db", max_bytes=limit)
    (line,) = [s.line() for s in report.skipped]
    assert line.startswith(f"{large}: ")
    assert f"over the {limit:,}-byte limit" in line
    assert report.stored == ("small",)


def test_bad_input_legacy_encoding_is_read_with_a_note(tmp_path):
    path = tmp_path / "legacy.txt"
    path.write_bytes(CP1252_TEXT.encode("cp1252"))
    db = tmp_path / "w.db"
    report = _run([path], db)
    assert report.skipped == ()
    assert report.stored == ("legacy",)
    (note,) = report.notes
    assert note.startswith(f"{path}: not UTF-8")
    with Store(str(db)) as store:
        (article,) = store.articles()
    assert "The caf\u00e9 owner on Market Street said \u201cwe are staying\u201d" in article.text
    assert "Ren\u00e9e" in article.text


def test_bad_input_short_legacy_text_is_not_garbled(tmp_path):
    path = tmp_path / "short.txt"
    text = "Front line holds\n\nThe caf\u00e9 owner said \u201cwe stay\u201d as the shelling went on through the night near the river.\n"
    path.write_bytes(text.encode("cp1252"))
    report = _run([path], tmp_path / "w.db")
    with Store(str(tmp_path / "w.db")) as store:
        (article,) = store.articles()
    assert report.stored == ("short",)
    assert "caf\u00e9 owner said \u201cwe stay\u201d" in article.text


def test_bad_input_jsonl_broken_line_named_with_its_number(tmp_path):
    path = tmp_path / "wire.jsonl"
    good = [
        {"id": "first", "title": "Dorvik market shelled", "text": "\n\n".join(BODY)},
        {"id": "third", "title": "Water plant hit", "text": "\n\n".join(reversed(BODY))},
        {"id": "fourth", "title": "School hit", "html": "".join(f"<p>{p}</p>" for p in BODY[1:])},
    ]
    lines = [json.dumps(good[0]), '{"id": "second", "title": "Broken", "text": "unterminated', json.dumps(good[1]), json.dumps(good[2])]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    db = tmp_path / "w.db"
    report = _run([path], db)
    (line,) = [s.line() for s in report.skipped]
    assert line.startswith(f"{path}:2: invalid JSON")
    assert report.stored == ("first", "third", "fourth")
    assert _count(db) == 3


def test_bad_input_jsonl_non_object_and_missing_text_lines(tmp_path):
    path = tmp_path / "wire.jsonl"
    lines = [json.dumps(["not", "an", "object"]), json.dumps({"id": "x", "title": "No body"}), json.dumps({"id": "ok", "title": "Fine", "text": "\n\n".join(BODY)})]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = _run([path], tmp_path / "w.db")
    assert [s.source for s in report.skipped] == [f"{path}:1", f"{path}:2"]
    assert "expected a JSON object" in report.skipped[0].reason
    assert "no 'text' or 'html'" in report.skipped[1].reason
    assert report.stored == ("ok",)


# truncated WARC ----------------------------------------------------------------------------------


def _cut_warc(tmp_path: Path, gz: bool) -> Path:
    suffix = ".warc.gz" if gz else ".warc"
    whole = tmp_path / f"whole{suffix}"
    write_warc(whole, 3, gz)
    data = whole.read_bytes()
    cut = tmp_path / f"cut{suffix}"
    cut.write_bytes(data[: int(len(data) * 0.6)])  # inside the second record
    return cut


@pytest.mark.parametrize("gz", [False, True], ids=["plain", "gzip"])
def test_bad_input_truncated_warc_keeps_records_before_the_cut(tmp_path, gz):
    cut = _cut_warc(tmp_path, gz)
    db = tmp_path / "w.db"
    report = _run([cut], db)
    assert report.stored[:1] == ("cut-1",)
    with Store(str(db)) as store:
        first = next(a for a in store.articles() if a.name == "cut-1")
    assert "Report number 1 describes the shelling of village 1." in first.text
    for sentence in BODY:
        assert sentence in first.text


@pytest.mark.parametrize("gz", [False, True], ids=["plain", "gzip"])
def test_bad_input_truncated_warc_named_once(tmp_path, gz):
    cut = _cut_warc(tmp_path, gz)
    report = _run([cut], tmp_path / "w.db")
    (line,) = _lines_naming(report, cut)
    assert "truncated" in line


# the store and the exit code ---------------------------------------------------------------------


def _bad_batch(folder: Path) -> list[Path]:
    folder.mkdir()
    makers = [("empty.txt", _bad_empty), ("picture.txt", _bad_png), ("garbage.txt", _bad_garbage), ("broken.html", _bad_markup), ("bad.jsonl", _bad_json)]
    paths = []
    for name, make in makers:
        make(folder / name)
        paths.append(folder / name)
    return paths


def test_bad_input_batch_loses_nothing_stored_before(tmp_path):
    good = tmp_path / "good"
    good.mkdir()
    for number, title in enumerate(["Dorvik market shelled", "Water plant hit", "Talks stall"], 1):
        (good / f"{number}.txt").write_text(_good_text(title, f"Detail {number} about the fighting was confirmed."), encoding="utf-8")
    db = tmp_path / "w.db"
    first = _run([good], db)
    assert len(first.stored) == 3
    bad_paths = _bad_batch(tmp_path / "bad")
    second = _run([tmp_path / "bad", tmp_path / "missing.txt"], db)
    assert second.stored == ()
    assert len(second.skipped) == len(bad_paths) + 1
    for path in [*bad_paths, tmp_path / "missing.txt"]:
        assert len(_lines_naming(second, path)) == 1, path
    assert _count(db) == 3


def test_cli_ingest_exit_code_one_when_something_skipped(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(_good_text("Dorvik market shelled"), encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    db = tmp_path / "w.db"
    result = CliRunner().invoke(app, ["ingest", "--quiet", "--db", str(db), str(good), str(empty)])
    assert result.exit_code == 1, result.output
    assert "empty.txt: empty file" in " ".join(result.output.split())
    assert _count(db) == 1


def test_cli_ingest_skipped_line_is_one_line(tmp_path, monkeypatch):
    monkeypatch.setattr(cli, "err", Console(stderr=True, width=80))
    empty = tmp_path / ("a-rather-long-file-name-from-a-scraper-" * 2 + "empty.txt")
    empty.write_bytes(b"")
    result = CliRunner().invoke(app, ["ingest", "--quiet", "--db", str(tmp_path / "w.db"), str(empty)])
    assert f"skipped: {empty}: empty file\n" in result.output


def test_cli_ingest_exit_code_zero_when_all_stored_or_present(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(_good_text("Dorvik market shelled"), encoding="utf-8")
    db = tmp_path / "w.db"
    runner = CliRunner()
    assert runner.invoke(app, ["ingest", "--quiet", "--db", str(db), str(good)]).exit_code == 0
    again = runner.invoke(app, ["ingest", "--quiet", "--db", str(db), str(good)])
    assert again.exit_code == 0, again.output
    assert _count(db) == 1


def test_cli_ingest_exit_code_one_for_missing_path(tmp_path):
    result = CliRunner().invoke(app, ["ingest", "--quiet", "--db", str(tmp_path / "w.db"), str(tmp_path / "gone.txt")])
    assert result.exit_code == 1
    assert "gone.txt: no such file or folder" in " ".join(result.output.split())
