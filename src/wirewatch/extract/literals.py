"""The strings a regular expression cannot match without, for a cheap test before the search.

The event cues are ~130 expressions, most of them long alternations of words, and Python's `re`
tries every alternative at every character of a sentence. A substring test is a fast scan in C.
So each cue gets a set of strings of which every match must contain at least one, and a text
that contains none of them is not searched. The set is read from the cue's own text, by a small
reader of the regular-expression syntax the cue file uses (public `re` offers no parse tree, and
the private one changes between Python versions). It is never wrong, only sometimes absent, and
then the cue is always searched:

- a run of literal characters in sequence must appear as it is;
- a group, or a repetition of at least once, needs what its content needs;
- an alternation needs one of what its branches need, so it has a set only if every branch has;
- of the sets a sequence offers, the smallest (then the one with the longest strings) is kept;
- strings shorter than three characters are in many sentences, and are kept only when nothing
  longer is required (an alternation of words with one of two letters, "vx" or "eu").

Case-insensitive parts, optional parts, character classes, escapes of a class ("\\w") and anchors
give nothing; lookarounds are skipped. Syntax the reader does not know gives no set at all.
"""

from __future__ import annotations

import re

SHORTEST = 3
# A pair of letters is kept when nothing longer is required: in an alternation of long words, one
# short alternative ("vx", "eu") would otherwise leave the whole cue without a set.
SHORT_BRANCH = 2
# Escapes that stand for a class of characters or a position, not for the character itself.
_CLASS_ESCAPES = set("bBwWsSdDAZ")
_QUANTIFIER = re.compile(r"[?*+]|\{(\d*)(,?)(\d*)\}")

# What the reader makes of a pattern: ("lit", char), ("any",) for anything that requires nothing
# (a class, an anchor, a lookaround), ("alt", [sequence, ...]) for a group, and ("rep", low, item).
Item = tuple


class _Unknown(ValueError):
    """Syntax the reader does not know: the cue gets no set and is always searched."""


def required_literals(pattern: re.Pattern) -> frozenset[str] | None:
    """Strings one of which every match of the pattern contains, or None when none is known."""
    if pattern.flags & re.IGNORECASE:
        return None
    try:
        branches, end = _read_alternation(pattern.pattern, 0)
    except _Unknown:
        return None
    if end != len(pattern.pattern):
        return None
    return _of_branches(branches)


# --- reading ---------------------------------------------------------------------------------


def _read_alternation(text: str, i: int) -> tuple[list[list[Item]], int]:
    """Branches separated by "|" up to a closing parenthesis or the end."""
    branches = []
    while True:
        sequence, i = _read_sequence(text, i)
        branches.append(sequence)
        if i < len(text) and text[i] == "|":
            i += 1
            continue
        return branches, i


def _read_sequence(text: str, i: int) -> tuple[list[Item], int]:
    items: list[Item] = []
    while i < len(text) and text[i] not in "|)":
        item, i = _read_atom(text, i)
        quantifier = _QUANTIFIER.match(text, i)
        if quantifier:
            i = quantifier.end()
            if i < len(text) and text[i] in "?+":
                i += 1  # lazy or possessive: the same strings are needed
            item = ("rep", _lowest(quantifier), item)
        items.append(item)
    return items, i


def _lowest(quantifier: re.Match) -> int:
    if quantifier.group(0) in ("?", "*"):
        return 0
    if quantifier.group(0) == "+":
        return 1
    return int(quantifier.group(1) or 0)


def _read_atom(text: str, i: int) -> tuple[Item, int]:
    char = text[i]
    if char == "\\":
        if i + 1 >= len(text):
            raise _Unknown(text)
        escaped = text[i + 1]
        if escaped in _CLASS_ESCAPES or escaped.isdigit() or escaped.isalpha():
            return ("any",), i + 2  # a class, an anchor, a back-reference or a control character
        return ("lit", escaped), i + 2
    if char == "[":
        return ("any",), _class_end(text, i)
    if char in ".^$":
        return ("any",), i + 1
    if char == "(":
        return _read_group(text, i)
    if char in "*+?{":
        raise _Unknown(text)
    return ("lit", char), i + 1


def _class_end(text: str, i: int) -> int:
    """The index after the "]" that closes the class opened at i."""
    j = i + 1
    if j < len(text) and text[j] == "^":
        j += 1
    if j < len(text) and text[j] == "]":
        j += 1
    while j < len(text) and text[j] != "]":
        j += 2 if text[j] == "\\" else 1
    if j >= len(text):
        raise _Unknown(text)
    return j + 1


def _read_group(text: str, i: int) -> tuple[Item, int]:
    i += 1
    kind = "capture"
    if text.startswith("?", i):
        if text.startswith("?:", i):
            kind, i = "plain", i + 2
        elif text.startswith(("?=", "?!"), i):
            kind, i = "look", i + 2
        elif text.startswith(("?<=", "?<!"), i):
            kind, i = "look", i + 3
        elif text.startswith("?P<", i):
            kind, i = "plain", text.index(">", i) + 1
        else:
            colon = text.find(":", i)
            if colon < 0 or not text[i + 1:colon].isalpha():
                raise _Unknown(text)  # a global flag ("(?i)") or syntax the cues do not use
            kind, i = "flags", colon + 1
    branches, i = _read_alternation(text, i)
    if i >= len(text) or text[i] != ")":
        raise _Unknown(text)
    if kind in ("look", "flags"):
        return ("any",), i + 1  # lookarounds are skipped; a flagged part may be case-insensitive
    return ("alt", branches), i + 1


# --- what a match needs ----------------------------------------------------------------------


def _of_sequence(items: list[Item]) -> frozenset[str] | None:
    options: list[frozenset[str]] = []
    run: list[str] = []
    for item in items:
        if item[0] == "lit":
            run.append(item[1])
            continue
        if run:
            options.append(frozenset({"".join(run)}))
            run = []
        found = _of_item(item)
        if found is not None:
            options.append(found)
    if run:
        options.append(frozenset({"".join(run)}))
    useful = ([option for option in options if min(map(len, option)) >= SHORTEST]
              or [option for option in options if min(map(len, option)) >= SHORT_BRANCH])
    if not useful:
        return None
    return min(useful, key=lambda option: (len(option), -min(map(len, option))))


def _of_item(item: Item) -> frozenset[str] | None:
    if item[0] == "alt":
        return _of_branches(item[1])
    if item[0] == "rep":
        _, low, content = item
        return _of_item(content) if low >= 1 else None
    if item[0] == "lit":
        return frozenset({item[1]})
    return None


def _of_branches(branches: list[list[Item]]) -> frozenset[str] | None:
    if len(branches) == 1:
        return _of_sequence(branches[0])
    union: set[str] = set()
    for branch in branches:
        found = _of_sequence(branch)
        if found is None:
            return None
        union |= found
    return frozenset(union)
