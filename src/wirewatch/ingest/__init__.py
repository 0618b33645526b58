"""The ingest stage: readers that turn files and folders into RawDocuments, one format per module."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from ..errors import BadInput
from ..model import RawDocument, Skipped
from .feed import read_feed
from .html import read_html
from .jsonl import read_jsonl
from .text import read_text
from .warc import read_warc

READERS = {
    ".txt": read_text,
    ".text": read_text,
    ".html": read_html,
    ".htm": read_html,
    ".xhtml": read_html,
    ".jsonl": read_jsonl,
    ".ndjson": read_jsonl,
    ".warc": read_warc,
    ".warc.gz": read_warc,
    ".rss": read_feed,
    ".atom": read_feed,
    ".xml": read_feed,
}

__all__ = ["read_inputs", "READERS"]


def read_inputs(paths: Iterable[str | Path], max_bytes: int) -> Iterator[RawDocument | Skipped]:
    """Every document under the given files and folders, in a stable order, with a Skipped per bad input.

    Folders are walked recursively in sorted order and only files with a known extension are read
    (hidden files and folders are passed over); a file named explicitly is read whatever its
    extension, as plain text when the extension is unknown.
    """
    for given in paths:
        path = Path(given)
        if path.is_dir():
            for child in _walk(path):
                yield from _read_one(child, max_bytes)
        else:
            yield from _read_one(path, max_bytes)


def reader_for(path: Path):
    name = path.name.lower()
    for suffix in sorted(READERS, key=len, reverse=True):
        if name.endswith(suffix):
            return READERS[suffix]
    return None


def _walk(folder: Path) -> Iterator[Path]:
    for child in sorted(folder.rglob("*"), key=lambda p: p.relative_to(folder).as_posix()):
        relative = child.relative_to(folder).parts
        if any(part.startswith(".") for part in relative):
            continue
        if child.is_file() and reader_for(child) is not None:
            yield child


def _read_one(path: Path, max_bytes: int) -> Iterator[RawDocument | Skipped]:
    reader = reader_for(path) or read_text
    try:
        if not path.exists():
            raise BadInput(str(path), "no such file or folder", "check the path")
        yield from reader(path, max_bytes)
    except BadInput as exc:
        yield Skipped(exc.subject, exc.problem + (f"; {exc.hint}" if exc.hint else ""))
    except OSError as exc:
        yield Skipped(str(path), f"cannot be read ({exc.strerror or exc})")
