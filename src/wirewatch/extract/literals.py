"""The strings a regular expression cannot match without, for a cheap test before the search.

The event cues are ~130 expressions, most of them long alternations of words, and Python's `re`
tries every alternative at every character of a sentence. A substring test is a fast scan in C.
So each cue gets a set of strings of which every match must contain at least one, and a text
that contains none of them is not searched. The set is read from the expression's parse tree. It
is never wrong, only sometimes absent, and then the cue is always searched:

- a run of literal characters in sequence must appear as it is;
- a group, or a repetition of at least once, needs what its content needs;
- an alternation needs one of what its branches need, so it has a set only if every branch has;
- of the sets a sequence offers, the smallest (then the one with the longest strings) is kept;
- strings shorter than three characters are in many sentences, and are kept only when nothing
  longer is required (an alternation of words with one of two letters, "vx" or "eu").

Case-insensitive parts, optional parts and character classes give nothing; lookarounds are skipped.
"""

from __future__ import annotations

import re
from re import _constants as sre
from re import _parser

SHORTEST = 3
# A pair of letters is kept when nothing longer is required: in an alternation of long words, one
# short alternative ("vx", "eu") would otherwise leave the whole cue without a set.
SHORT_BRANCH = 2
_REPEATS = {sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT}


def required_literals(pattern: re.Pattern) -> frozenset[str] | None:
    """Strings one of which every match of the pattern contains, or None when none is known."""
    if pattern.flags & re.IGNORECASE:
        return None
    return _of_sequence(_parser.parse(pattern.pattern, pattern.flags))


def _of_sequence(items) -> frozenset[str] | None:
    options: list[frozenset[str]] = []
    run: list[str] = []
    for op, av in items:
        if op is sre.LITERAL:
            run.append(chr(av))
            continue
        if run:
            options.append(frozenset({"".join(run)}))
            run = []
        found = _of_item(op, av)
        if found is not None:
            options.append(found)
    if run:
        options.append(frozenset({"".join(run)}))
    useful = ([option for option in options if min(map(len, option)) >= SHORTEST]
              or [option for option in options if min(map(len, option)) >= SHORT_BRANCH])
    if not useful:
        return None
    return min(useful, key=lambda option: (len(option), -min(map(len, option))))


def _of_item(op, av) -> frozenset[str] | None:
    if op is sre.SUBPATTERN:
        _group, add_flags, _del_flags, content = av
        return None if add_flags & re.IGNORECASE else _of_sequence(content)
    if op is sre.ATOMIC_GROUP:
        return _of_sequence(av)
    if op in _REPEATS:
        low, _high, content = av
        return _of_sequence(content) if low >= 1 else None
    if op is sre.BRANCH:
        union: set[str] = set()
        for branch in av[1]:
            found = _of_sequence(branch)
            if found is None:
                return None
            union |= found
        return frozenset(union)
    return None
