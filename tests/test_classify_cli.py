"""`wirewatch classify`: snippets from a TSV (id, EventSnippet) or a one-per-line file become id<TAB>label lines.

Every snippet here is written for the test.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from wirewatch.cli import app
from wirewatch.extract.event_types import labels

SNIPPETS = {
    "s1": ("Rebels shot down a government helicopter near the airport.", "DISR_WEAP"),
    "s2": ("Flash floods swept through three villages after heavy rain.", "NATURAL_DISASTER"),
    "s3": ("Police arrested five suspects and took them into custody.", "ARREST"),
    "s4": ("Mortar shells landed in the old quarter as artillery pounded the city.", "ART_MISS_ATTACK"),
    "s5": ("The weather in the capital was pleasant on Thursday.", "OTHER"),
}


def run(*args: str):
    return CliRunner().invoke(app, ["classify", *args])


def parse(stdout: str) -> list[tuple[str, str]]:
    rows = []
    for line in stdout.splitlines():
        ident, tab, label = line.partition("\t")
        assert tab, f"not an id<TAB>label line: {line!r}"
        rows.append((ident, label))
    return rows


@pytest.fixture
def tsv(tmp_path) -> Path:
    path = tmp_path / "snippets.tsv"
    lines = ["id\tEventSnippet"] + [f"{ident}\t{text}" for ident, (text, _) in SNIPPETS.items()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_classify_cli_tsv_prints_id_and_label(tsv):
    result = run(str(tsv))
    assert result.exit_code == 0, result.output
    rows = parse(result.stdout)
    assert rows == [(ident, label) for ident, (_, label) in SNIPPETS.items()]
    assert all(label in labels() for _, label in rows)


def test_classify_cli_tsv_columns_in_any_order(tmp_path):
    path = tmp_path / "reordered.tsv"
    path.write_text("EventSnippet\tsource\tid\n"
                    "Police arrested five suspects and took them into custody.\twire\tq17\n"
                    "Grad rockets slammed into the town centre.\twire\tq18\n", encoding="utf-8")
    result = run(str(path))
    assert result.exit_code == 0, result.output
    assert parse(result.stdout) == [("q17", "ARREST"), ("q18", "ART_MISS_ATTACK")]


def test_classify_cli_tsv_row_without_id_numbered(tmp_path):
    path = tmp_path / "noid.tsv"
    path.write_text("id\tEventSnippet\n\tPolice arrested five suspects and took them into custody.\n",
                    encoding="utf-8")
    result = run(str(path))
    assert result.exit_code == 0, result.output
    assert parse(result.stdout) == [("1", "ARREST")]


def test_classify_cli_plain_file_one_snippet_per_line(tmp_path):
    path = tmp_path / "snippets.txt"
    path.write_text("\n".join(text for text, _ in SNIPPETS.values()) + "\n", encoding="utf-8")
    result = run(str(path))
    assert result.exit_code == 0, result.output
    rows = parse(result.stdout)
    assert rows == [(str(n), label) for n, (_, label) in enumerate(SNIPPETS.values(), 1)]
    assert all(label in labels() for _, label in rows)


def test_classify_cli_plain_file_skips_blank_lines_keeps_line_numbers(tmp_path):
    path = tmp_path / "gappy.txt"
    path.write_text("Police arrested five suspects and took them into custody.\n\n   \n"
                    "Flash floods swept through three villages after heavy rain.\n", encoding="utf-8")
    result = run(str(path))
    assert result.exit_code == 0, result.output
    assert parse(result.stdout) == [("1", "ARREST"), ("4", "NATURAL_DISASTER")]


def test_classify_cli_empty_file_prints_nothing(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_text("", encoding="utf-8")
    result = run(str(path))
    assert result.exit_code == 0
    assert result.stdout == ""


def test_classify_cli_tsv_snippet_with_leading_quote(tmp_path):
    path = tmp_path / "quoted.tsv"
    path.write_text('id\tEventSnippet\n'
                    'q1\t"Stop the shelling, a resident shouted as rockets fell.\n'
                    'q2\tPolice arrested five suspects and took them into custody.\n'
                    'q3\tFlash floods swept through three villages after heavy rain.\n', encoding="utf-8")
    result = run(str(path))
    assert [ident for ident, _ in parse(result.stdout)] == ["q1", "q2", "q3"]


@pytest.mark.parametrize("name", ["missing.tsv", "no-such-folder/snippets.txt"])
def test_classify_cli_missing_file_exits_2_naming_it(tmp_path, name):
    path = tmp_path / name
    result = run(str(path))
    assert result.exit_code == 2
    assert result.stdout == ""
    assert str(path) in result.stderr
    assert "no such file" in result.stderr


def test_classify_cli_missing_file_through_the_entry_point(tmp_path):
    path = tmp_path / "absent.tsv"
    done = subprocess.run([sys.executable, "-m", "wirewatch.cli", "classify", str(path)],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert done.stdout == ""
    assert str(path) in done.stderr
    assert "Traceback" not in done.stderr


def test_classify_cli_folder_exits_2_naming_it(tmp_path):
    result = run(str(tmp_path))
    assert result.exit_code == 2
    assert str(tmp_path) in result.stderr


@pytest.mark.parametrize("name, content", [
    ("photo.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4),
    ("archive.tsv", b"PK\x03\x04" + b"\x00" * 64),
    ("dump.txt", b"Shelling hit the port.\x00\x00\x01\x02 rockets"),
])
def test_classify_cli_binary_file_exits_2_naming_it_and_labels_nothing(tmp_path, name, content):
    path = tmp_path / name
    path.write_bytes(content)
    result = run(str(path))
    assert result.exit_code == 2
    assert result.stdout == ""
    assert str(path) in result.stderr and "binary file" in result.stderr


def test_classify_cli_reads_a_utf16_file_as_text(tmp_path):
    path = tmp_path / "windows.txt"
    path.write_bytes("Police arrested five suspects and took them into custody.\n".encode("utf-16"))
    result = run(str(path))
    assert result.exit_code == 0 and parse(result.stdout) == [("1", "ARREST")]
