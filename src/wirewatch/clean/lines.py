"""Line-level boilerplate removal for scraped article text: what stays is the article body."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from ..lexicon import load_lexicon
from ..nlp.sentences import ends_in_prefix_abbreviation

PACKAGE = "wirewatch.clean"

# A line that ends a sentence ends in one of these (after closing quotes and brackets).
_TERMINAL = tuple(".!?:;…")
_CLOSERS = "\"'”’»)]*_ "
# Lines longer than this without terminal punctuation are captions or teasers, shorter ones headings.
HEADING_MAX_WORDS = 10

_MD_HEADING = re.compile(r"^#{1,6}\s+")
_MD_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_MD_EMPHASIS = re.compile(r"(\*\*|__)(.+?)\1")
_BARE_URL = re.compile(r"^<?(https?://|www\.)\S+>?$", re.I)
_MENU_ITEM = re.compile(r"^\d{1,2}[.)]\s+\S+(\s+\S+){0,3}$")
_BULLET = re.compile(r"^([-•*–]|\d{1,2}[.)])\s+\S")
_PHOTO_CREDIT = re.compile(r"^\(?[A-Z][\w.'-]*(\s+[A-Z][\w.'-]*){0,3}\s*/\s*[A-Z][\w.&' -]{1,40}\)?$")
_TRAILING_CREDIT = re.compile(r"\((photo|image|credit|[A-Z][\w.'-]+(\s+[A-Z][\w.'-]+){0,3})\s*[/:][^()]{1,40}\)$", re.I)
_DATE_LINE = re.compile(
    r"^(published|updated|posted)?[:\s]*"
    r"((mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?"
    r"(\d{1,2}\s+[a-z]{3,9}\.?,?\s+\d{4}|[a-z]{3,9}\.?\s+\d{1,2},?\s+\d{4}|\d{4}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}[./]\d{4})"
    r"([\s,|–-]+\d{1,2}[:.]\d{2}(\s*[ap]\.?m\.?)?(\s+[a-z]{2,5})?)?$",
    re.I,
)
_BYLINE = re.compile(r"^by\s+\S.{0,120}$", re.I)
_CONTRIBUTOR = re.compile(r"\b(contributed to this report|contributed reporting|reporting by|writing by|editing by)\b", re.I)
_REPRINT = re.compile(r"\b(originally (published|appeared) (by|in|on)|reprinted with permission|republished with permission)\b", re.I)
_INITIALS_CREDIT = re.compile(r"^[a-z]{2,4}(/[a-z]{2,4})+\s*\([^)]{2,60}\)$")


@dataclass(frozen=True, slots=True)
class LineVerdict:
    """What the cleaner decided for one input line: kept (with its text) or dropped (with why)."""

    text: str
    keep: bool
    why: str = ""


@cache
def _widget_pattern() -> re.Pattern:
    return re.compile("^(" + "|".join(f"(?:{p})" for p in load_lexicon(PACKAGE, "widget_lines")) + ")", re.I)


@cache
def _connectives() -> frozenset[str]:
    return frozenset(w.lower() for w in load_lexicon(PACKAGE, "connectives"))


def is_widget(line: str) -> bool:
    """True for a line of page furniture named in the widget lexicon (video, teaser, ad, prompt)."""
    return bool(_widget_pattern().match(line.strip()))


def normalise_line(line: str) -> str:
    """A form of the line for comparisons: NFKC, straight quotes, folded case and spaces."""
    text = unicodedata.normalize("NFKC", line)
    text = text.translate(str.maketrans({"‘": "'", "’": "'", "′": "'", "“": '"', "”": '"', "«": '"', "»": '"'}))
    return " ".join(text.lower().split())


def line_hash(line: str) -> str:
    """A short stable fingerprint of a normalised line, for recurring-line detection."""
    return hashlib.sha1(normalise_line(line).encode("utf-8")).hexdigest()[:16]


def strip_markdown(line: str) -> str:
    """The line without Markdown heading marks, emphasis and link targets."""
    line = _MD_HEADING.sub("", line)
    line = _MD_LINK.sub(r"\1", line)
    for _ in range(2):
        line = _MD_EMPHASIS.sub(r"\2", line)
    return line.strip()


def is_terminated(line: str) -> bool:
    """True when the line ends like a sentence, closing quotes and brackets aside."""
    core = line.rstrip(_CLOSERS)
    return bool(core) and core.endswith(_TERMINAL)


def classify_lines(
    lines: list[str], title: str | None, recurring: frozenset[str] = frozenset(), layout_known: bool = False
) -> list[LineVerdict]:
    """A verdict for each non-empty line: body lines are kept, page furniture is dropped with a reason.

    recurring: fingerprints (`line_hash`) of lines known to repeat across this outlet's articles.
    layout_known: the lines come from an HTML extractor that already separated headings and
    captions from the body, so unterminated lines are kept as headings and list items.
    """
    stripped = [strip_markdown(line.strip()) for line in lines]
    stripped = [line for line in stripped if line]
    verdicts: list[LineVerdict] = []
    title_key = normalise_line(title) if title else None
    skip_next_if: str | None = None
    skip_next_unterminated = False
    for index, line in enumerate(stripped):
        key = normalise_line(line)
        follow = stripped[index + 1] if index + 1 < len(stripped) else ""
        if skip_next_if is not None and (key == skip_next_if or key.startswith(skip_next_if)):
            verdicts.append(LineVerdict(line, False, "video caption"))
            skip_next_if = None
            continue
        skip_next_if = None
        if skip_next_unterminated and not is_terminated(line):
            verdicts.append(LineVerdict(line, False, "video title"))
            skip_next_unterminated = False
            continue
        skip_next_unterminated = False
        why = _furniture(line, key, title_key, recurring, follow, layout_known)
        if why == "video widget":
            quoted = re.search(r":\s*['\"‘“](.+)['\"’”]\s*$", line)
            skip_next_if = normalise_line(quoted.group(1)) if quoted else None
            skip_next_unterminated = quoted is None
        if why:
            verdicts.append(LineVerdict(line, False, why))
        else:
            verdicts.append(LineVerdict(line, True))
    return _join_cut_lines(verdicts)


def _furniture(
    line: str, key: str, title_key: str | None, recurring: frozenset[str], follow: str, layout_known: bool
) -> str:
    """Why the line is page furniture, or '' when it belongs to the body."""
    if title_key and key == title_key:
        return "repeated title"
    if _widget_pattern().match(line):
        return "video widget" if re.match(r"^(click to play video|watch video)", key) else "widget"
    if _BARE_URL.match(line):
        return "bare link"
    if _MENU_ITEM.match(line) and not is_terminated(line):
        return "menu"
    if _DATE_LINE.match(line):
        return "date line"
    if _BYLINE.match(line) and not is_terminated(line):
        return "byline"
    if _CONTRIBUTOR.search(line) or _REPRINT.search(line) or _INITIALS_CREDIT.match(line):
        return "credit line"
    if _PHOTO_CREDIT.match(line) and len(line.split()) <= 8:
        return "photo credit"
    if _TRAILING_CREDIT.search(line):
        return "photo caption"
    if follow and _PHOTO_CREDIT.match(strip_markdown(follow)) and len(follow.split()) <= 8:
        return "photo caption"
    if recurring and line_hash(line) in recurring:
        return "recurring outlet line"
    if not layout_known and not is_terminated(line) and not _BULLET.match(line):
        if _ends_cut(line) or _runs_on(line):
            return ""
        return "heading" if len(line.split()) <= HEADING_MAX_WORDS else "caption or teaser"
    return ""


# A sentence ending inside the line, and the next one starting: "... were killed. Reports said ..."
_INNER_END = re.compile(r"[a-z0-9)][.!?][\"'”’]*\s+[\"“‘(]?[A-Z]")
RUN_ON_MIN_WORDS = 25


def _runs_on(line: str) -> bool:
    """A long paragraph of whole sentences whose last lacks its full stop (a page cut off at the end): body text,
    not a caption, which is a phrase or one short sentence."""
    return len(line.split()) > RUN_ON_MIN_WORDS and bool(_INNER_END.search(line))


def _ends_cut(line: str) -> bool:
    last = line.rstrip(_CLOSERS).rsplit(None, 1)[-1:]
    return bool(last) and last[0].lower() in _connectives()


def _join_cut_lines(verdicts: list[LineVerdict]) -> list[LineVerdict]:
    """Kept lines that the layout cut mid-sentence (after a connective, or after an abbreviation written
    before a name) are joined with the next kept line."""
    out: list[LineVerdict] = []
    pending: LineVerdict | None = None
    for verdict in verdicts:
        if not verdict.keep:
            out.append(verdict)
            continue
        if pending is not None:
            verdict = LineVerdict(f"{pending.text} {verdict.text}", True)
            pending = None
        if not is_terminated(verdict.text) and _ends_cut(verdict.text) or ends_in_prefix_abbreviation(verdict.text):
            pending = verdict  # "... with" / "... in a St." goes on on the next line
            continue
        out.append(verdict)
    if pending is not None:
        out.append(pending)
    return out
