"""Place names as a Doc annotation: the names a sentence uses as places, for every rule that asks.

The claim and event rules ask which places a clause names ("denied shelling Velmora"), and the
place rules are what know it. So that no extractor calls another, the answer is written once per
parsed Doc, before any rule runs (extract/pipeline.py, from extract/places.py's toponyms), and
every rule reads it here. A Doc that was never annotated is an error, not a sentence without
places: an empty answer would silently change what the rules find.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc

EXTENSION = "place_names"

if not Doc.has_extension(EXTENSION):
    # (start token, end token, name as written) of each place name, in the order they were found;
    # None until the Doc is annotated.
    Doc.set_extension(EXTENSION, default=None)


def set_place_names(doc: Doc, names: Iterable[tuple[int, int, str]]) -> None:
    """Writes the Doc's place names: (start token, end token, name as written) each."""
    doc._.place_names = tuple(names)


def place_names_in(doc: Doc, start: int = 0, end: int | None = None) -> tuple[str, ...]:
    """The place names between two token indices of the Doc, as written, each once, in order.

    Raises ValueError when the Doc carries no place names (see the module's docstring).
    """
    names = doc._.place_names
    if names is None:
        raise ValueError(f"{doc.text[:60]!r}: the Doc has no place names; parse it through "
                         "extract.pipeline (or call extract.pipeline.annotate on it) first")
    end = len(doc) if end is None else end
    return tuple(dict.fromkeys(text for s, e, text in names if start <= s and e <= end))
