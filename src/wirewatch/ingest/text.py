"""Reader for plain-text articles (scraped pages saved as text), with optional front matter."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ..model import InputFormat, RawDocument
from .frontmatter import split_front_matter
from .sniff import decode, read_checked

_HTML_START = ("<!doctype html", "<html", "<?xml version")


def read_text(path: Path, max_bytes: int) -> Iterator[RawDocument]:
    """One RawDocument for the file; a text file that is really an HTML page is read as HTML."""
    text, notes = decode(read_checked(path, max_bytes), str(path))
    if text.lstrip()[:40].lower().startswith(_HTML_START[:2]):
        yield RawDocument(str(path), _stem(path), text, True, InputFormat.HTML, notes=notes)
        return
    meta, body = split_front_matter(text)
    yield RawDocument(
        source=str(path),
        name=meta.get("id") or _stem(path),
        body=body,
        is_html=False,
        format=InputFormat.TEXT,
        outlet=meta.get("outlet"),
        url=meta.get("url"),
        title=meta.get("title"),
        published=meta.get("published"),
        notes=notes,
    )


def _stem(path: Path) -> str:
    name = path.name
    for suffix in (".warc.gz", ".txt", ".text", ".html", ".htm", ".xhtml"):
        if name.lower().endswith(suffix):
            return name[: -len(suffix)]
    return path.stem
