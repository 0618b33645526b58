"""Which language an article is in, offline, so that text wirewatch's English rules cannot read is
skipped at ingest with its reason ("not English (detected: ru)") instead of filling the ledger with
nothing or with noise.

langid.py (BSD licence, ~5 MB with its model, numpy only) is deterministic and needs no download. It
only judges texts long enough to judge: a short text, a list of place names or a headline is let
through, as is a text it is unsure about, since losing an English article costs more than keeping a
foreign one (whose extraction finds little).
"""

from __future__ import annotations

import re
from functools import lru_cache

MIN_LETTERS = 200  # below this many letters a text is not judged
MIN_CONFIDENCE = 0.95
_LETTER = re.compile(r"[^\W\d_]", re.UNICODE)


def foreign_language(text: str) -> str | None:
    """The ISO 639-1 code of the language the text is in when it is surely not English, else None."""
    sample = text[:5000]
    if len(_LETTER.findall(sample)) < MIN_LETTERS:
        return None
    identifier = _identifier()
    if identifier is None:
        return None
    language, confidence = identifier.classify(sample)
    return language if language != "en" and confidence >= MIN_CONFIDENCE else None


@lru_cache(maxsize=1)
def _identifier():
    try:
        from langid.langid import LanguageIdentifier, model
    except ImportError:  # an installation without it ingests every language, as before
        return None
    return LanguageIdentifier.from_modelstring(model, norm_probs=True)
