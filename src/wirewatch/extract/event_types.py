"""Event typing: a snippet or sentence gets one of the 30 CASE 2021 labels (ACLED sub-event types
plus five others), with its ACLED and PLOVER equivalents.

The cues are data (`lexicon/event_cues.jsonl`), written from the ACLED codebook's definitions; a
text takes the label whose cues weigh most. Nothing here was learned from labelled data.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..lexicon import load_table

PACKAGE = "wirewatch.extract"
FALLBACK = "OTHER"


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
def _cues() -> tuple[tuple[str, re.Pattern, float], ...]:
    known = labels()
    out = []
    for row in load_table(PACKAGE, "event_cues"):
        if row["label"] not in known:
            raise ValueError(f"{PACKAGE}/lexicon/event_cues.jsonl: unknown label {row['label']!r}")
        out.append((row["label"], re.compile(row["pattern"]), float(row["weight"])))
    return tuple(out)


def label_scores(text: str) -> dict[str, float]:
    """Each label's total cue weight in the text (labels with no cue are absent)."""
    lowered = text.lower()
    scores: dict[str, float] = {}
    for label, pattern, weight in _cues():
        if pattern.search(lowered):
            scores[label] = scores.get(label, 0.0) + weight
    return scores


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
