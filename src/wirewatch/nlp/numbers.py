"""Numbers as news writes them: digits with separators, number words, and the qualifiers before them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

# The largest figure a number can stand for: the store's integer columns hold 64 bits, and no count
# of people or things in the news comes near it. A larger number is not a figure (never a float).
MAX_VALUE = 2**63 - 1
# More digits than this cannot be at most MAX_VALUE (19 digits); checked before any conversion so
# that a number thousands of digits long costs nothing.
_MAX_DIGITS = 19

_UNITS = {
    "zero": 0, "one": 1, "a": 1, "an": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
# "two dozen" is 24 and "a dozen" 12, as "two hundred" is 200; "dozens" (no number) is no match of the word.
_SCALES = {"dozen": 12, "hundred": 100, "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000}
_WORDS = sorted([*_UNITS, *_TENS, *_SCALES], key=len, reverse=True)  # longest first
_WORD = "|".join(_WORDS)


def _by_first_letter(words: list[str]) -> str:
    """The alternation of `words`, grouped by first letter and guarded by a lookahead on it.

    It matches exactly what "|".join(words) matches, in the same order of preference: alternatives
    with different first letters never match at the same place, and each group keeps the words'
    order. But the regex engine rejects a position with one character-class test instead of
    trying every word there (with re.I it cannot skip alternatives by their first letter itself).
    """
    groups: dict[str, list[str]] = {}
    for word in words:
        groups.setdefault(word[0], []).append(word[1:])
    alternatives = "|".join(f"{letter}(?:{'|'.join(rests)})" for letter, rests in groups.items())
    return f"(?=[{''.join(groups)}])(?:{alternatives})"


_WORD_FAST = _by_first_letter(_WORDS)
_FIRST_CHARS = "\\d" + "".join(sorted({w[0] for w in _WORDS}))

# A number in digits (1,166 / 5 000 / 1.2 million) or in words (one thousand / twenty-one / a hundred).
# The lookaheads (a digit or a number word's first letter; a digit) only restate what the
# alternatives require: they change no match, and spare the engine most positions of a sentence.
NUMBER = re.compile(
    rf"(?=[{_FIRST_CHARS}])(?:"
    rf"(?=\d)(?<![\w.,])(?<![A-Za-z]-)(?:\d{{1,3}}(?:[,\u00a0 ]\d{{3}})+|\d+(?:\.\d+)?)(?:\s+(?:million|billion|thousand))?(?![\w]|[.,]\d)"
    rf"|\b(?:(?:{_WORD_FAST})(?:[\s-]+(?:and\s+)?(?:{_WORD_FAST}))*)\b"
    rf")",
    re.I,
)

# Qualifier phrases, longest first, matched right before a number.
QUALIFIERS = (
    ("as many as", "up_to"), ("up to", "up_to"), ("no more than", "up_to"), ("fewer than", "up_to"),
    ("less than", "up_to"), ("at most", "up_to"),
    ("at least", "at_least"), ("no fewer than", "at_least"), ("no less than", "at_least"), ("a minimum of", "at_least"),
    ("more than", "more_than"), ("over", "more_than"), ("upwards of", "more_than"), ("in excess of", "more_than"),
    ("nearly", "nearly"), ("almost", "nearly"), ("close to", "nearly"), ("nearing", "nearly"), ("approaching", "nearly"),
    ("just under", "nearly"), ("about", "about"), ("around", "about"), ("approximately", "about"),
    ("roughly", "about"), ("some", "about"), ("an estimated", "about"), ("estimated", "about"), ("circa", "about"),
)
_QUALIFIER = re.compile(r"(?:^|\W)(" + "|".join(re.escape(q) for q, _ in QUALIFIERS) + r")\s*$", re.I)
_QUALIFIER_KIND = dict(QUALIFIERS)
# The longest qualifier plus the non-word character before it: how far before the end of the
# text (trailing whitespace aside) a `_QUALIFIER` match can start.
_QUALIFIER_REACH = max(len(q) for q, _ in QUALIFIERS) + 1

# The helpers' patterns, compiled once (they run for every number of every sentence).
_WORD_SEP = re.compile(r"[\s-]+")
_SCALED = {word: re.compile(r"^[\d.,\s\u00a0]+" + word + "$") for word in ("million", "billion", "thousand")}
_SEPARATORS = re.compile(r"[,\u00a0 ]")
_DIGITS = re.compile(r"\d+(\.\d+)?")
_NO_BEFORE = re.compile(r"\bno\s*-?\s*$", re.I)
_HALF_BEFORE = re.compile(r"\bhalf[\s-]+$", re.I)
_ONE_OF = re.compile(r"\s+(of|another|side|day|by|thing|way|time)\b")
_AND = re.compile(r"(\s+and\s+)")
_RANGE_JOIN = re.compile(r"\s*(and|to|-|–)\s*")
_RANGE_START = re.compile(r"\bbetween\s*$|\bfrom\s*$", re.I)
_RANGE_DASH = re.compile(r"\s*(-|–|to)\s*")


@dataclass(frozen=True, slots=True)
class NumberMention:
    """A number found in a sentence: its value, its span and the qualifier written before it."""

    value: int
    start: int
    end: int
    text: str
    qualifier: str = "exact"
    qualifier_start: int | None = None
    upper: int | None = None


def words_to_int(text: str) -> int | None:
    """The value of a number written in words ("one thousand two hundred"), or None."""
    total, current, seen = 0, 0, False
    for word in _WORD_SEP.split(text.lower()):
        if word == "and" or not word:
            continue
        if word in _UNITS:
            current += _UNITS[word]
        elif word in _TENS:
            current += _TENS[word]
        elif word in _SCALES:
            scale = _SCALES[word]
            current = max(current, 1) * scale
            if scale >= 1000:
                total += current
                current = 0
        else:
            return None
        seen = True
    return total + current if seen else None


def parse_number(text: str) -> int | None:
    """The integer value of a digit or word number; None for what is no whole number."""
    raw = text.strip().lower()
    scale = 1
    for word, factor in (("million", 1_000_000), ("billion", 1_000_000_000), ("thousand", 1000)):
        if raw.endswith(word) and _SCALED[word].match(raw):
            raw, scale = raw[: -len(word)].strip(), factor
            break
    digits = _SEPARATORS.sub("", raw)
    if _DIGITS.fullmatch(digits):
        if len(digits.split(".")[0].lstrip("0")) > _MAX_DIGITS:
            return None
        try:  # exact decimal arithmetic: a float would change a value beyond 2**53
            value = int((Decimal(digits) * scale).to_integral_value())
        except InvalidOperation:
            return None
        return value if value <= MAX_VALUE else None
    value = words_to_int(raw)
    return value if value is None or value <= MAX_VALUE else None


def find_numbers(sentence: str) -> list[NumberMention]:
    """Every number in the sentence with the qualifier before it; "between A and B" gives A with upper B.

    The bare articles "a"/"an" and the word "no" only count as numbers when they stand for a quantity
    of a following scale word ("a thousand"); alone they are left to the rules that need them.
    """
    found: list[NumberMention] = []
    for match in _split_coordinated(NUMBER.finditer(sentence)):
        text = match.group(0)
        if text.lower() in ("a", "an", "one") and not _standalone_one(text, sentence, match.end()):
            continue
        value = parse_number(text)
        if value is None:
            continue
        start = match.start()
        if half := _HALF_BEFORE.search(sentence, max(0, start - 8), start):
            if words_to_int(text) == value and value % 2 == 0 and text.lower().split()[-1] in _SCALES:
                value, start, text = value // 2, half.start(), sentence[half.start():match.end()]  # "half a dozen"
        qualifier, qstart = "exact", None
        q = _qualifier_before(sentence[:start])
        if q:
            qualifier, qstart = _QUALIFIER_KIND[q.group(1).lower()], q.start(1)
        found.append(NumberMention(value, start, match.end(), text, qualifier, qstart))
    return _ranges(found, sentence)


def _qualifier_before(before: str) -> re.Match | None:
    """`_QUALIFIER.search(before)`, scanning only the end of the text where a match can start.

    A match is a qualifier (ending in a letter) and then only whitespace up to the end, so it
    starts at most `_QUALIFIER_REACH` characters before the text with its trailing whitespace
    stripped. Searching from there (`pos`: "^" still means the real start) finds the same
    leftmost match without scanning the whole sentence before every number.
    """
    start = max(0, len(before.rstrip()) - _QUALIFIER_REACH - 1)
    return _QUALIFIER.search(before, start)


def _standalone_one(text: str, sentence: str, end: int) -> bool:
    start = end - len(text)
    if _NO_BEFORE.search(sentence[:start]):
        return False  # "no one": nobody
    return text.lower() == "one" and not _ONE_OF.match(sentence[end:])


class _Piece:
    """A part of a regex match, with the match interface `find_numbers` uses."""

    def __init__(self, text: str, start: int):
        self._text, self._start = text, start

    def group(self, _=0) -> str:
        return self._text

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._start + len(self._text)


def _split_coordinated(matches):
    """"twenty and thirty" is two numbers; "one hundred and five" is one (the "and" follows a scale)."""
    for match in matches:
        text = match.group(0)
        parts = _AND.split(text) if "and" in text else [text]
        if len(parts) == 1 or text[:1].isdigit():
            yield match
            continue
        offset, current = match.start(), ""
        for index in range(0, len(parts), 2):
            word = parts[index]
            joiner = parts[index - 1] if index else ""
            last = current.split()[-1].lower() if current.split() else ""
            if current and last not in _SCALES:
                yield _Piece(current, offset)
                offset += len(current) + len(joiner)
                current = word
            else:
                current = current + joiner + word if current else word
        if current:
            yield _Piece(current, offset)


def _ranges(found: list[NumberMention], sentence: str) -> list[NumberMention]:
    out: list[NumberMention] = []
    skip = set()
    for i, number in enumerate(found):
        if i in skip:
            continue
        if i + 1 < len(found):
            nxt = found[i + 1]
            between = sentence[number.end:nxt.start]
            before = sentence[: number.start]
            if _RANGE_JOIN.fullmatch(between) and _RANGE_START.search(before):
                out.append(NumberMention(number.value, number.start, nxt.end, sentence[number.start:nxt.end],
                                         "at_least", before.lower().rfind("between") if "between" in before.lower() else None,
                                         nxt.value))
                skip.add(i + 1)
                continue
            if _RANGE_DASH.fullmatch(between) and nxt.value > number.value and number.qualifier == "exact":
                out.append(NumberMention(number.value, number.start, nxt.end, sentence[number.start:nxt.end],
                                         "at_least", None, nxt.value))
                skip.add(i + 1)
                continue
        out.append(number)
    return out
