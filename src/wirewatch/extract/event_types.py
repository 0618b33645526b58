"""Event typing: a snippet or sentence gets one of the 30 CASE 2021 labels (ACLED sub-event types
plus five others), with its ACLED and PLOVER equivalents.

The cues are data (`lexicon/event_cues.jsonl`), written by hand from the ACLED codebook's
definitions of each sub-event type, and checked against a development set of snippets the project
wrote itself (`benchmarks/data/event_snippets_dev.tsv`). Nothing was learned from labelled data:
no weight was fitted, and no item of the CASE 2021 test set was read to write or tune a cue.

A text takes the label with the highest score: its strongest matching cue, plus half the weight of
its other matching cues (so that many weak, overlapping cues for one label do not outvote one
specific cue for another). Each cue counts once, however often it matches. A cue may weigh less
than nothing: it then marks a context in which a label's other cues mislead (an arrest that is
only demanded, a "riot police" that is no riot), and a label whose score is not above zero is
dropped. Ties go to the label listed first in the label table. The month "March" is rewritten
before matching, so that a date is not read as a protest march. Shared vocabularies (the words
for state forces, for non-state armed groups, for protesters) are defined once in the cue file
as `{"define": NAME, "pattern": ...}` rows and written `%NAME%` inside patterns.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from ..lexicon import load_table
from ..nlp.substrings import SubstringIndex
from .literals import required_literals
from .words import words

PACKAGE = "wirewatch.extract"
FALLBACK = "OTHER"
SUPPORT = 0.5  # how much a label's further cues add to its strongest one


@dataclass(frozen=True, slots=True)
class EventLabel:
    """A label with the vocabularies analysts filter on."""

    label: str
    acled_event: str
    acled: str
    plover: str
    mode: str
    violent: bool


@cache
def labels() -> dict[str, EventLabel]:
    return {row["label"]: EventLabel(row["label"], row["acled_event"], row["acled"], row["plover"], row["mode"],
                                     row["violent"]) for row in load_table(PACKAGE, "event_labels")}


@cache
def _cues() -> tuple[tuple[str, re.Pattern, float, frozenset[str] | None], ...]:
    """(label, pattern, weight, strings one of which every match contains) per cue, in file order."""
    known = labels()
    rows = load_table(PACKAGE, "event_cues")
    defines: dict[str, str] = {}
    out = []
    for row in rows:
        if "define" in row:
            defines[row["define"]] = _expand(row["pattern"], defines)
            continue
        if row["label"] not in known:
            raise ValueError(f"{PACKAGE}/lexicon/event_cues.jsonl: unknown label {row['label']!r}")
        pattern = re.compile(_expand(row["pattern"], defines))
        out.append((row["label"], pattern, float(row["weight"]), required_literals(pattern)))
    return tuple(out)


@cache
def _cue_literals() -> tuple[str, ...]:
    return tuple(sorted({literal for *_, literals in _cues() if literals for literal in literals}))


@cache
def _literal_index() -> SubstringIndex:
    return SubstringIndex(_cue_literals())


_NAME = re.compile(r"%([A-Z_]+)%")


def _expand(pattern: str, defines: dict[str, str]) -> str:
    """The pattern with each `%NAME%` replaced by its definition (defined earlier in the file)."""
    def one(match: re.Match) -> str:
        name = match.group(1)
        if name not in defines:
            raise ValueError(f"{PACKAGE}/lexicon/event_cues.jsonl: %{name}% used before it is defined")
        return f"(?:{defines[name]})"
    return _NAME.sub(one, pattern)


# "March" the month is not a march: lower-casing would make it one. A capitalised March next to a
# day or year, or after a word that introduces a date, is rewritten before the cues are matched.
@cache
def _month_march() -> re.Pattern:
    """The month "March", built from the lexicons of date-introducing words (each word as written
    and capitalised)."""
    def forms(name: str) -> list[str]:
        return sorted({f for w in words(name) for f in (w, w.capitalize())})
    after = "|".join(rf"(?<={re.escape(w)} )" for w in forms("month_prepositions"))
    leads = "|".join(re.escape(w) for w in forms("month_lead_words"))
    return re.compile(rf"(?<=\d )March\b|\bMarch(?=,? \d)|(?:{after})March\b|\b(?:{leads})(?:-| )(?:of )?March\b")


def _months_out(text: str) -> str:
    return _month_march().sub(lambda m: m.group(0)[: -len("March")] + "Month-3", text) if "March" in text else text


def label_scores(text: str) -> dict[str, float]:
    """Each label's score in the text: its strongest matching cue, plus SUPPORT times the weight of
    its other positive cues, plus its negative cues. Labels with no cue, or a score not above zero,
    are absent."""
    return dict(_scores(text))


@lru_cache(maxsize=8192)
def _scores(text: str) -> tuple[tuple[str, float], ...]:
    """label_scores, remembered for texts seen recently (a sentence is typed more than once)."""
    scores = {}
    for label, weights in matched_cues(_months_out(text).lower()).items():
        positive = sorted((w for w in weights if w > 0), reverse=True)
        score = sum(w for w in weights if w < 0)
        if positive:
            score += positive[0] + SUPPORT * sum(positive[1:])
        if score > 0:
            scores[label] = score
    return tuple(scores.items())


def matched_cues(lowered: str) -> dict[str, list[float]]:
    """The weights of the cues that match, by label. A cue none of whose required strings is in
    the text cannot match and is not searched (see literals.py): most are skipped that way."""
    present = _literal_index().present(lowered)
    matched: dict[str, list[float]] = {}
    for label, pattern, weight, literals in _cues():
        if (literals is None or not literals.isdisjoint(present)) and pattern.search(lowered):
            matched.setdefault(label, []).append(weight)
    return matched


def classify_snippet(text: str, allowed: set[str] | None = None) -> str:
    """The best label for the text; ties go to the label listed first in the label table."""
    scores = label_scores(text)
    if allowed is not None:
        scores = {k: v for k, v in scores.items() if k in allowed}
    if not scores:
        return FALLBACK
    order = list(labels())
    return max(scores, key=lambda label: (scores[label], -order.index(label)))


def violent_labels() -> set[str]:
    return {name for name, label in labels().items() if label.violent and label.acled}
