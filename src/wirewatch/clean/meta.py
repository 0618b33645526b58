"""Metadata found in the text itself: publication date, dateline, agency credits, title, language."""

from __future__ import annotations

import datetime as dt
import re
from functools import cache

from ..lexicon import load_lexicon
from ..model import DatePrecision
from .lines import PACKAGE

_MONTHS = {
    m: i
    for i, names in enumerate(
        [("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",), ("jun", "june"),
         ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"), ("oct", "october"),
         ("nov", "november"), ("dec", "december")],
        1,
    )
    for m in names
}
_MONTH_RE = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\.?"
# Years a news article can be published in. A date outside them ("0001-01-01", "9999-12-31") is a
# placeholder, not a date: taken as one it would put every relative date of the article at the
# edge of the calendar, where date arithmetic fails.
PUBLISHED_YEARS = range(1800, 2200)

_DATE_PATTERNS = (
    (re.compile(r"(\d{4})-(\d{2})-(\d{2})"), ("y", "m", "d")),
    (re.compile(rf"\b({_MONTH_RE})\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b", re.I), ("M", "d", "y")),
    (re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MONTH_RE}),?\s+(\d{{4}})\b", re.I), ("d", "M", "y")),
    (re.compile(r"\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b"), ("d", "m", "y")),
    (re.compile(r"\b(\d{4})/(\d{1,2})/(\d{1,2})\b"), ("y", "m", "d")),
    (re.compile(rf"^\s*({_MONTH_RE})\s+(\d{{4}})\s*$", re.I), ("M", "y")),
    (re.compile(r"^\s*(\d{4})-(\d{2})\s*$"), ("y", "m")),
    (re.compile(r"^\s*(\d{4})\s*$"), ("y",)),
)

# One word of a dateline's country or region ("Congo", "DR", "Dem.", "Côte"), and a city in capitals
# ("GOMA", "N'DJAMENA", "BOGOTÁ").
_NAME_WORD = r"[A-ZÀ-Ý][\w.'’-]*"
_CITY_WORD = r"[A-ZÀ-Ý][A-ZÀ-Ý'’.\-]+"


@cache
def _dateline() -> re.Pattern:
    """The dateline at the start of a body line: a city in capitals, then any country or region
    ("Democratic Republic of Congo", with the lower-case connectors of name_connectors.txt), a date,
    an agency in brackets or slashes, and a full stop or a hyphen, en or em dash. A dateline left
    unmatched stays in the first sentence, whose speaker then starts with the city."""
    connectors = load_lexicon(PACKAGE, "name_connectors")
    joined = "|".join(re.escape(c) for c in sorted((c for c in connectors if not c.endswith("'")), key=len, reverse=True))
    elided = "|".join(re.escape(c[:-1]) for c in connectors if c.endswith("'"))
    word = rf"(?:(?:{elided})['’])?{_NAME_WORD}"
    name = rf"{word}(?:\s+(?:(?:{joined})\s+)*{word}){{0,5}}"
    return re.compile(
        rf"""^(?P<place>{_CITY_WORD}(?:\s+{_CITY_WORD}){{0,3}})
        (?P<extra>(?:,\s*{name})*)
        (?P<date>,\s*(?:[A-Z][a-z]{{2,8}}\.?\s+\d{{1,2}}|\d{{1,2}}\s+[A-Z][a-z]{{2,8}})(?:,?\s+\d{{4}})?)?
        \.?\s*
        (?:\((?P<credit1>[^)]{{1,30}})\)|/(?P<credit2>[^/]{{1,20}})/)?
        \s*(?:\.\s*|-+\s+|[–—]+\s*)""",
        re.X,
    )


_CREDIT_CONTEXTS = (
    r"\(\s*(?P<list>{A}(?:\s*[,;/]\s*{A})*)\s*\)",
    r"/\s*(?P<one>{A})\s*/",
    r"\bfor\s+(?P<one>{A})\b",
    r"\b(?P<one>{A})\s+(?:writers?|reporters?|correspondents?|photographers?|journalists?|tally|contributed)\b",
    r"\b(?:told|reached by|according to|via)\s+(?P<one>{A})\b",
    r"\boriginally (?:published|appeared) (?:by|in|on)\s+(?P<one>{A})\b",
)

_EN_STOPWORDS = frozenset(
    "the of and to in a is that for on was with as by at from it said have has were be are this an not or".split()
)


def parse_date(text: str | None) -> tuple[dt.date | None, DatePrecision | None]:
    """A date and its precision from the common written forms, or (None, None)."""
    if not text:
        return None, None
    for pattern, order in _DATE_PATTERNS:
        match = pattern.search(text)
        if not match:
            continue
        parts = dict(zip(order, match.groups()))
        try:
            year = int(parts["y"])
            if year not in PUBLISHED_YEARS:
                continue
            if "M" in parts:
                month = _MONTHS.get(_month_key(parts["M"]))
            else:
                month = int(parts["m"]) if "m" in parts else None
            if "d" in parts and month:
                return dt.date(year, month, int(parts["d"])), DatePrecision.DAY
            if month:
                return dt.date(year, month, 1), DatePrecision.MONTH
            return dt.date(year, 1, 1), DatePrecision.YEAR
        except (ValueError, TypeError):
            continue
    return None, None


def _month_key(word: str) -> str:
    word = word.lower().rstrip(".")
    return word if word in _MONTHS else word[:3]


def find_dateline(first_line: str) -> tuple[str | None, str | None]:
    """The dateline at the start of the first body line, and the agency it credits, if any."""
    match = _dateline().match(first_line)
    if not match or not (match.group("extra") or match.group("date") or match.group("credit1") or match.group("credit2")):
        return None, None
    credit = match.group("credit1") or match.group("credit2")
    return match.group(0).strip(), credit


@cache
def _agency_table() -> tuple[dict[str, str], re.Pattern]:
    canonical: dict[str, str] = {}
    for entry in load_lexicon(PACKAGE, "agencies"):
        names = [n.strip() for n in entry.split("|")]
        for name in names:
            canonical[name.lower()] = names[0]
    alternation = "|".join(re.escape(n) for n in sorted({n for e in load_lexicon(PACKAGE, "agencies") for n in e.split("|")}, key=len, reverse=True))
    return canonical, re.compile(alternation)


def find_credits(lines: list[str]) -> tuple[str, ...]:
    """Agencies the article credits, canonical names in order of first mention.

    Only credit positions count: "(AFP)", "/TASS/", "for AFP", "AP writers", "told AFP",
    "originally published by RFE/RL"; an agency merely named in a sentence is not a credit.
    """
    canonical, names = _agency_table()
    agency = f"(?:{names.pattern})"
    found: list[str] = []
    for line in lines:
        for template in _CREDIT_CONTEXTS:
            for match in re.finditer(template.replace("{A}", agency), line):
                group = match.groupdict().get("list") or match.groupdict().get("one") or ""
                for name in re.findall(agency, group):
                    if name == name.lower() and name.lower() != "dpa":
                        continue
                    value = canonical.get(name.lower())
                    if value and value not in found:
                        found.append(value)
    return tuple(found)


def split_browser_title(line: str) -> tuple[str, str | None, str | None]:
    """A browser title "Headline | Section | Outlet | 31.10.2020" as (headline, outlet, date text)."""
    parts = [p.strip() for p in re.split(r"\s+[|]\s+", line) if p.strip()]
    if len(parts) < 2:
        return line.strip(), None, None
    date_text = None
    rest = []
    for part in parts[1:]:
        if date_text is None and parse_date(part)[0] is not None and len(part) <= 30:
            date_text = part
        else:
            rest.append(part)
    outlet = rest[-1] if rest and len(rest[-1]) <= 40 else None
    return parts[0], outlet, date_text


def guess_language(text: str) -> str:
    """'en' when English function words are common enough, else 'und' (undetermined)."""
    words = re.findall(r"[a-z]+", text.lower()[:20000])
    if len(words) < 5:
        return "und"
    share = sum(1 for w in words if w in _EN_STOPWORDS) / len(words)
    return "en" if share >= 0.12 else "und"
