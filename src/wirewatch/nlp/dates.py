"""Relative and partial dates in a sentence, resolved against the article's publication date."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from ..model import DatePrecision, Provenance, StatedDate
from .casefold import lowered_like_regex

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
           "october", "november", "december")
_MONTH_ABBR = {m[:3]: i for i, m in enumerate(_MONTHS, 1)} | {"sept": 9}
_MONTH_RE = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\.?"

_PATTERNS = (
    ("month_day", re.compile(rf"\b({_MONTH_RE})\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(\d{{4}}))?", re.I)),
    ("day_month", re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MONTH_RE})(?:\s+(\d{{4}}))?\b", re.I)),
    ("weekday", re.compile(r"\b(last\s+|next\s+|on\s+|early\s+|late\s+)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.I)),
    ("relative_day", re.compile(r"\b(today|yesterday|tonight|overnight|this morning|this afternoon|this evening|last night)\b", re.I)),
    ("week", re.compile(r"\b(last week|this week|earlier this week|past week)\b", re.I)),
    ("month", re.compile(r"\b(last month|this month|earlier this month|past month)\b", re.I)),
)
_BY_KIND = dict(_PATTERNS)
# The rule id a stored date mention carries: one per pattern.
RULES = tuple(f"date_{kind}" for kind, _ in _PATTERNS)
# A word that every match of each pattern contains, lower-cased; a sentence with none of them
# is not scanned with that pattern (the prefilter of `find_dates`).
_MONTH_STEMS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_NEEDLES = {
    "month_day": _MONTH_STEMS,
    "day_month": _MONTH_STEMS,
    "weekday": ("day",),
    "relative_day": ("day", "night", "this"),
    "week": ("week",),
    "month": ("month",),
}
_NEEDS_DIGIT = {"month_day", "day_month"}
_DIGIT = re.compile(r"\d")
# What makes a weekday after it one to come ("the truce will take effect on Friday", "talks are due to
# resume on Monday"): a marker of the future a few words before it in its clause (no stop, semicolon or
# comma between: "will investigate, the army said on Friday" is not).
_FUTURE = re.compile(r"\b(?:will|shall|won't|(?:is|are|was|were)\s+(?:due|set|scheduled|expected|planned)\s+to)\b"
                     r"[^.;:,]{0,50}$", re.I)
_OWNING = re.compile(r"(?:on\s+)?[a-z]+['’]s\b", re.I)  # "Sunday's attack": a day owning something
_SINCE = re.compile(r"\b(since|from|began|begin|started|start|broke out)\s+(on\s+|in\s+)?$", re.I)


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date expression as written, its span in the sentence, and what it resolves to."""

    text: str
    start: int
    end: int
    date: dt.date | None
    precision: DatePrecision | None
    since: bool = False  # "since September 27": the start of a period, not the date of the statement
    kind: str = ""  # the pattern that found it (a key of _PATTERNS), which `resolve` needs


def find_dates(sentence: str, published: dt.date | None) -> list[DateMention]:
    """Every date expression in the sentence, in order, resolved when the publication date allows."""
    return list(_find_dates(sentence, published))


@lru_cache(maxsize=4096)
def _find_dates(sentence: str, published: dt.date | None) -> tuple[DateMention, ...]:
    """find_dates, remembered: several rules ask for the dates of the same sentence.

    Most sentences hold no date, and six case-insensitive scans of each cost more than the rest of
    the function; a pattern runs only when the sentence contains a word all its matches contain.
    """
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    lowered = lowered_like_regex(sentence)  # None: a letter re.I folds otherwise, scanned in full
    has_digit = None
    for kind, pattern in _PATTERNS:
        if lowered is not None and not any(needle in lowered for needle in _NEEDLES[kind]):
            continue
        if kind in _NEEDS_DIGIT:
            if has_digit is None:
                has_digit = _DIGIT.search(sentence) is not None
            if not has_digit:
                continue
        for match in pattern.finditer(sentence):
            if any(s < match.end() and match.start() < e for s, e in taken):
                continue
            date, precision = _resolve(kind, match, published, kind == "weekday" and ahead(sentence, match.start()))
            since = bool(_SINCE.search(sentence[max(0, match.start() - 20):match.start()]))
            found.append(DateMention(match.group(0), match.start(), match.end(), date, precision, since, kind))
            taken.append((match.start(), match.end()))
    return tuple(sorted(found, key=lambda d: d.start))


def stated_dates(sentences: Iterable[tuple[int, int, str]], article_id: str) -> tuple[StatedDate, ...]:
    """The date expressions of the sentences given as (index, start in the article, text), unresolved,
    for the store: the ledger resolves them (`resolve`) against the article's date, which the corpus
    may only infer later, so it never reads the sentences again."""
    found = []
    for index, start, text in sentences:
        for mention in find_dates(text, None):
            provenance = Provenance(article_id, index, start + mention.start, start + mention.end,
                                    f"date_{mention.kind}")
            found.append(StatedDate(mention.text, mention.kind, mention.since, text, provenance))
    return tuple(found)


def ahead(sentence: str, start: int) -> bool:
    """Whether the sentence speaks of the day at this offset as one to come ("will take effect on Friday");
    a day owning something ("will investigate Friday's attack") is past."""
    if _OWNING.match(sentence, start):
        return False
    return bool(_FUTURE.search(sentence[max(0, start - 120):start]))


def resolve(kind: str, text: str, published: dt.date | None, future: bool = False
            ) -> tuple[dt.date | None, DatePrecision | None]:
    """A stored date expression (its pattern and text, as `stated_dates` found it) resolved against a
    publication date: the same date `find_dates` gives it in its sentence. future: its sentence speaks
    of it as a day to come (`resolve_stated` reads that from the stored sentence)."""
    pattern = _BY_KIND.get(kind)
    match = pattern.fullmatch(text) if pattern is not None else None
    if match is None:
        return None, None
    return _resolve(kind, match, published, future)


def resolve_stated(stated: StatedDate, published: dt.date | None) -> tuple[dt.date | None, DatePrecision | None]:
    """A stored date mention resolved as `find_dates` resolves it in its sentence, a day to come included."""
    start = stated.sentence.find(stated.text) if stated.kind == "weekday" else -1  # only a weekday looks ahead
    return resolve(stated.kind, stated.text, published, start >= 0 and ahead(stated.sentence, start))


def _resolve(kind: str, match: re.Match, published: dt.date | None, future: bool = False
             ) -> tuple[dt.date | None, DatePrecision | None]:
    """The date the expression stands for; none when it would fall outside the calendar Python
    counts (a publication date of year 1 or 9999 moved back or forward), rather than an error."""
    try:
        return _resolve_in_calendar(kind, match, published, future)
    except (ValueError, OverflowError):
        return None, None


def _resolve_in_calendar(kind: str, match: re.Match, published: dt.date | None, future: bool = False):
    if kind in ("month_day", "day_month"):
        if kind == "month_day":
            month_word, day, year = match.group(1), match.group(2), match.group(3)
        else:
            day, month_word, year = match.group(1), match.group(2), match.group(3)
        month = _MONTH_ABBR.get(month_word.lower()[:3])
        if not month:
            return None, None
        if year:
            base_year = int(year)
        elif published:
            base_year = published.year
        else:
            return None, DatePrecision.DAY
        try:
            date = dt.date(base_year, month, int(day))
        except ValueError:
            return None, None
        if not year and published and date > published + dt.timedelta(days=31):
            date = date.replace(year=base_year - 1)
        return date, DatePrecision.DAY
    if published is None:
        return None, {"weekday": DatePrecision.DAY, "relative_day": DatePrecision.DAY,
                      "week": DatePrecision.WEEK, "month": DatePrecision.MONTH}[kind]
    word = match.group(0).lower()
    if kind == "weekday":
        # As the pattern matched it: case-insensitively, where "FRİDAY" or a dotless "Frıday" is a
        # Friday that str.lower() would not turn into "friday".
        target = next(i for i, day in enumerate(_WEEKDAYS) if re.fullmatch(day, match.group(2), re.I))
        if "next" in word or (future and "last" not in word):  # "next Wednesday", "will resume on Monday"
            forward = (target - published.weekday()) % 7
            if "next" in word and forward == 0:
                forward = 7
            return published + dt.timedelta(days=forward), DatePrecision.DAY
        back = (published.weekday() - target) % 7
        if "last" in word and back == 0:
            back = 7
        return published - dt.timedelta(days=back), DatePrecision.DAY
    if kind == "relative_day":
        if word in ("yesterday", "last night", "overnight"):
            return published - dt.timedelta(days=1), DatePrecision.DAY
        return published, DatePrecision.DAY
    if kind == "week":
        if "last" in word or "past" in word:
            return published - dt.timedelta(days=7), DatePrecision.WEEK
        return published, DatePrecision.WEEK
    if "last" in word:
        first = published.replace(day=1) - dt.timedelta(days=1)
        return first.replace(day=1), DatePrecision.MONTH
    return published.replace(day=1), DatePrecision.MONTH
