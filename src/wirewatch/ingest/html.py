"""Reader for saved HTML pages; the main text is taken out later by the clean stage."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ..model import InputFormat, RawDocument
from .sniff import decode, read_checked
from .text import _stem


def read_html(path: Path, max_bytes: int) -> Iterator[RawDocument]:
    """One RawDocument holding the page's markup."""
    text, notes = decode(read_checked(path, max_bytes), str(path))
    yield RawDocument(str(path), _stem(path), text, True, InputFormat.HTML, notes=notes)
