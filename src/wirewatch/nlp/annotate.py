"""Annotation: split an article into sentences and parse only those that some rule can use."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from .sentences import Sentence, split_sentences


@dataclass(frozen=True, slots=True)
class ParsedSentence:
    """A sentence and its spaCy Doc; Doc character offsets plus `sentence.start` give article offsets."""

    sentence: Sentence
    doc: Doc


def parse_wanted(
    text: str, nlp: Language, wants: Callable[[str], bool], batch_size: int = 64, dateline: str | None = None
) -> tuple[list[Sentence], list[ParsedSentence]]:
    """All sentences of the text, and a parse of each sentence that `wants` selects."""
    sentences = split_sentences(text, dateline)
    chosen = [s for s in sentences if wants(s.text)]
    docs = nlp.pipe((s.text for s in chosen), batch_size=batch_size)
    return sentences, [ParsedSentence(s, d) for s, d in zip(chosen, docs)]


def any_of(*predicates: Callable[[str], bool]) -> Callable[[str], bool]:
    """A filter that selects a sentence when any extractor wants it."""
    return lambda text: any(p(text) for p in predicates)


def iter_tokens_lower(texts: Iterable[str]) -> Iterable[str]:
    for text in texts:
        yield text.lower()
