"""One loader for every word list and pattern file shipped beside the code that reads it."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources


class LexiconError(ValueError):
    """A lexicon file is empty, missing or has a duplicate entry."""


@cache
def load_lexicon(package: str, name: str) -> tuple[str, ...]:
    """Entries of `<package>/lexicon/<name>.txt`, one per line, `#` comments and blank lines ignored."""
    text = _read(package, f"{name}.txt")
    entries: list[str] = []
    seen: dict[str, int] = {}
    for number, line in enumerate(text.splitlines(), 1):
        entry = line.split("#", 1)[0].strip()
        if not entry:
            continue
        key = entry.lower()
        if key in seen:
            raise LexiconError(f"{package}/lexicon/{name}.txt:{number}: duplicate of line {seen[key]} ({entry!r})")
        seen[key] = number
        entries.append(entry)
    if not entries:
        raise LexiconError(f"{package}/lexicon/{name}.txt: no entries")
    return tuple(entries)


@cache
def load_table(package: str, name: str) -> tuple[dict, ...]:
    """Records of `<package>/lexicon/<name>.jsonl`, one JSON object per line."""
    text = _read(package, f"{name}.jsonl")
    rows = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        try:
            rows.append(json.loads(line))
        except json.JSONDecodeError as exc:
            raise LexiconError(f"{package}/lexicon/{name}.jsonl:{number}: {exc.msg}") from None
    if not rows:
        raise LexiconError(f"{package}/lexicon/{name}.jsonl: no entries")
    return tuple(rows)


def _read(package: str, filename: str) -> str:
    try:
        return resources.files(package).joinpath("lexicon").joinpath(filename).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise LexiconError(f"{package}/lexicon/{filename}: missing") from None
