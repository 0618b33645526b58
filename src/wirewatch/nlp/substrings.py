"""Which of many fixed strings a text contains, without searching for each of them.

Event typing first asks which of its nine hundred cue literals occur in a sentence before it runs
a cue's regex. Searching the text once per string costs that many substring searches a sentence.
A string the text contains starts with one of the text's own character triples, so only the
strings that start like some position of the text are searched for: usually a tenth of them.
Making the set of triples costs about as much as searching for eighty strings one by one, so
shorter lists (actor aliases, event word stems) are better searched directly.
"""

from __future__ import annotations

from collections.abc import Iterable

START = 3


class SubstringIndex:
    """The strings of a list, by their first three characters; strings shorter than that are
    kept aside and always searched for."""

    __slots__ = ("_by_start", "_short")

    def __init__(self, strings: Iterable[str]):
        by_start: dict[str, list[str]] = {}
        short: list[str] = []
        for string in dict.fromkeys(strings):
            if len(string) >= START:
                by_start.setdefault(string[:START], []).append(string)
            else:
                short.append(string)
        self._by_start = {start: tuple(group) for start, group in by_start.items()}
        self._short = tuple(short)

    def present(self, text: str) -> set[str]:
        """The strings of the list that occur in the text (case as given)."""
        starts = {text[i:i + START] for i in range(len(text) - START + 1)}
        found = {s for start in starts & self._by_start.keys() for s in self._by_start[start] if s in text}
        found.update(s for s in self._short if s in text)
        return found
