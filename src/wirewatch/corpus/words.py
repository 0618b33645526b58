"""The ledger's word lists as patterns, built once from lexicon files (one place for every corpus rule)."""

from __future__ import annotations

import re
from functools import cache

from ..lexicon import load_lexicon

INFLECTIONS = r"(?:s|es|ed|ing|ied|ies)?"


@cache
def phrases(package: str, name: str, inflected: bool = False) -> re.Pattern:
    """Any entry of the lexicon as a whole word or phrase, case-insensitive, the longest first; with
    `inflected`, a lemma also matches its common inflections ("arm", "arms", "armed", "arming")."""
    entries = sorted(load_lexicon(package, name), key=len, reverse=True)
    tail = INFLECTIONS if inflected else ""
    return re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, entries)) + r")" + tail + r"(?![\w-])", re.I)
