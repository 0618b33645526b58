"""Sentence splitting with character offsets, cheap enough to run on every article."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from ..lexicon import load_lexicon

PACKAGE = "wirewatch.nlp"

# A candidate boundary: terminal punctuation, optional closing quotes/brackets, then white space.
_BOUNDARY = re.compile(r"[.!?…]+[\"'”’»)\]]*(?=\s+)")
_NEXT_START = re.compile(r"\s+[\"'“‘«(\[]?[A-Z0-9\u00C0-\u024F]")
_PARAGRAPH = re.compile(r"[^\n]+")


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of an article's clean text: its index in the article and its character span."""

    index: int
    start: int
    end: int
    text: str


@cache
def _prefix_abbreviations() -> frozenset[str]:
    return frozenset(a.lower() for a in load_lexicon(PACKAGE, "prefix_abbreviations"))


@cache
def _abbreviations() -> frozenset[str]:
    return frozenset(a.lower() for a in load_lexicon(PACKAGE, "abbreviations")) | _prefix_abbreviations()


def split_sentences(text: str, dateline: str | None = None) -> list[Sentence]:
    """The sentences of the text in order; a line break ends a sentence, unless the line ends in an abbreviation
    written before a name ("St.", "Gen.") and the next line opens with a capital: a page wrapped inside
    "St. Cloud" goes on (prefix_abbreviations.txt, `_paragraphs`).

    dateline: the article's dateline ("STEPANAKERT, Oct 4 (CL) –"); it becomes a sentence of its
    own, so that the first sentence's subject is not read as "STEPANAKERT".
    """
    sentences: list[Sentence] = []
    for offset, chunk in _paragraphs(text):
        start = 0
        if dateline and not sentences and chunk.startswith(dateline):
            _append(sentences, text, offset, offset + len(dateline))
            start = len(dateline)
        for match in _BOUNDARY.finditer(chunk):
            end = match.end()
            if not _NEXT_START.match(chunk, end) or _is_abbreviation(chunk, match.start()):
                continue
            _append(sentences, text, offset + start, offset + end)
            start = end
        _append(sentences, text, offset + start, offset + len(chunk))
    return sentences


def _paragraphs(text: str) -> Iterator[tuple[int, str]]:
    """(offset, text) of each run of lines that belong together: a line, with the next ones while a line ends
    in a name prefix ("Gen.") and the next opens with a capital. A blank line between does not part them:
    cleaning makes each line of a page a paragraph, and a sentence hardly ever ends in "Gen." or "St."."""
    start = end = last = None
    for line in _PARAGRAPH.finditer(text):
        if start is not None and not (ends_in_prefix_abbreviation(last) and _NEXT_START.match(text, end)):
            yield start, text[start:end]
            start = None
        start = line.start() if start is None else start
        end, last = line.end(), line.group(0)  # only the last line's end can go on into the next
    if start is not None:
        yield start, text[start:end]


def ends_in_prefix_abbreviation(chunk: str) -> bool:
    """True when the text ends in an abbreviation written before a name ("... in a St.", "Gen."): what follows
    goes on its sentence, whatever line it is on (the cleaner joins such cut lines too)."""
    word = re.search(r"(\w+)\.\s*$", chunk)
    return bool(word) and word.group(1).lower() in _prefix_abbreviations()


def _is_abbreviation(chunk: str, dot: int) -> bool:
    if chunk[dot] != ".":
        return False
    word = re.search(r"([\w.]+)$", chunk[:dot])
    if not word:
        return False
    token = word.group(1).lower()
    if token in _abbreviations():
        return True
    return len(token) == 1 and token.isalpha()  # an initial: "J. Smith"


def _append(sentences: list[Sentence], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        sentences.append(Sentence(len(sentences), start, end, text[start:end]))
