"""Lower-casing that agrees with `re.IGNORECASE`, for substring tests before a case-insensitive search.

A rule may skip a case-insensitive pattern when the lower-cased text lacks a word every match
contains. That is sound only where `str.lower()` folds letters as the regex engine does. A few
letters break this: the regex equates the dotted capital I, the dotless i, the long s and the
Kelvin sign with ASCII letters, which `str.lower()` leaves alone or lengthens. Text with one of them
gets no lower-cased form, and its caller searches in full.
"""

from __future__ import annotations

ODD_CASE = frozenset("\u0130\u0131\u017f\u212a")


def lowered_like_regex(text: str) -> str | None:
    """text.lower(), when its characters line up with the text's and fold as `re.I` folds them;
    otherwise None."""
    if not ODD_CASE.isdisjoint(text):
        return None
    lowered = text.lower()
    return lowered if len(lowered) == len(text) else None
