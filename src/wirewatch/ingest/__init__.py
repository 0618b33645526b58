"""The ingest stage: readers that turn files and folders into RawDocuments, one format per module."""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import fields, replace
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

__all__ = ["read_inputs", "READERS", "storable"]

# Lone UTF-16 surrogates: what Python makes of a file name's non-UTF-8 bytes, or of a JSON "\ud800";
# no database encoding accepts them.
_SURROGATES = re.compile("[\ud800-\udfff]")
# The longest name or outlet the store's columns hold (schema: String(300)).
NAME_MAX = 300


def read_inputs(paths: Iterable[str | Path], max_bytes: int) -> Iterator[RawDocument | Skipped]:
    """Every document under the given files and folders, in a stable order, with a Skipped per bad input.

    Folders are walked recursively in sorted order and only files with a known extension are read
    (hidden files and folders are passed over); a file named explicitly is read whatever its
    extension, as plain text when the extension is unknown. A folder that cannot be read, and a
    link to a folder (not followed, so that no walk loops or leaves the tree), is a Skipped.
    """
    for given in paths:
        path = Path(given)
        if path.is_dir():
            for child in _walk(path):
                if isinstance(child, Skipped):
                    yield storable(child)
                    continue
                for item in _read_one(child, max_bytes):
                    yield storable(item)
        else:
            for item in _read_one(path, max_bytes):
                yield storable(item)


def storable(item):
    """The document (or Skipped) with every text field fit for the store and the terminal: lone
    surrogates become U+FFFD, and a name or outlet longer than the store holds is cut, keeping a
    fingerprint of the whole so that two long names stay two names."""
    changes = {}
    for f in fields(item):
        value = getattr(item, f.name)
        if isinstance(value, str) and _SURROGATES.search(value):
            changes[f.name] = value = _SURROGATES.sub("\ufffd", value)
        if f.name in ("name", "outlet") and isinstance(value, str) and len(value) > NAME_MAX:
            digest = hashlib.sha1(value.encode("utf-8")).hexdigest()[:12]
            changes[f.name] = f"{value[:NAME_MAX - 14]}~{digest}"
    return replace(item, **changes) if changes else item


def reader_for(path: Path):
    name = path.name.lower()
    for suffix in sorted(READERS, key=len, reverse=True):
        if name.endswith(suffix):
            return READERS[suffix]
    return None


def _walk(folder: Path) -> Iterator[Path | Skipped]:
    """The readable files under the folder, depth first in sorted order of their relative paths."""
    try:
        entries = sorted(os.scandir(folder), key=_walk_key)
    except OSError as exc:
        yield Skipped(str(folder), f"folder cannot be read ({exc.strerror or exc}); its files were not ingested")
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = Path(entry.path)
        try:
            if entry.is_dir(follow_symlinks=False):
                yield from _walk(path)
            elif entry.is_symlink() and entry.is_dir():
                yield Skipped(str(path), "link to a folder, not followed; name the folder itself to ingest it")
            elif reader_for(path) is not None:
                # a regular file, or one of a known kind that is no file (a broken link, a pipe, a
                # socket): _read_one names it, as nothing given is passed over in silence
                yield path
        except OSError as exc:
            yield Skipped(str(path), f"cannot be read ({exc.strerror or exc})")


def _walk_key(entry: os.DirEntry) -> str:
    """The order of relative paths: a folder sorts as its name and a slash, as its files' paths do."""
    try:
        return entry.name + "/" if entry.is_dir(follow_symlinks=False) else entry.name
    except OSError:
        return entry.name


def _read_one(path: Path, max_bytes: int) -> Iterator[RawDocument | Skipped]:
    reader = reader_for(path) or read_text
    try:
        if not path.exists():
            if path.is_symlink():
                raise BadInput(str(path), f"link to {os.readlink(path)}, which does not exist", "fix or remove the link")
            raise BadInput(str(path), "no such file or folder", "check the path")
        if not path.is_file():  # a pipe or a device: a reader would wait on it, or read it as empty
            raise BadInput(str(path), "not a regular file")
        yield from reader(path, max_bytes)
    except BadInput as exc:
        yield Skipped(exc.subject, exc.problem + (f"; {exc.hint}" if exc.hint else ""))
    except OSError as exc:
        yield Skipped(str(path), f"cannot be read ({exc.strerror or exc})")
