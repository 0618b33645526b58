"""The claim rules' shortcuts give what the spaCy objects they avoid would give."""

import spacy

from wirewatch.extract.claims import _span_text


def test_span_text_matches_span_text_for_every_slice():
    nlp = spacy.blank("en")
    doc = nlp("Armenia's defence ministry said  Azerbaijani forces shelled Stepanakert, killing 3 — “lies”, Baku said.")
    n = len(doc)
    for start in range(n + 1):
        for end in range(start, n + 6):  # past the end too: a Span clamps its end
            assert _span_text(doc, start, end) == doc[start:end].text
