"""The model's attribute rules and lemmatizer, their answer remembered per kind of token.

spaCy's AttributeRuler runs a Matcher with every one of its ~180 patterns over every token, and the
rule lemmatizer works each base form out again every time; on short sentence Docs the two cost
more than the tagger. Yet nearly every pattern looks at one token only, through attributes of the
token itself (tag, form, dependency), and the lemmatizer reads a token's form, part of speech and
morphology. So where no pattern over several tokens starts in a Doc, each token's finished row
(lemma, part of speech, tag, dependency, morphology) is a function of its row before the two
components. `RememberedRules` learns the row of each new kind of token by running spaCy's own
components over a Doc of the new tokens alone, and writes remembered rows in one `Doc.from_array`.
A Doc where a pattern over several tokens may start (found by a spaCy Matcher over those
patterns' first tokens) always goes through spaCy's components.

It is how wirewatch runs a stock pipeline (nlp/annotate.py), never part of it: the pipeline keeps
its own components, and saves, pickles and trains as spaCy's. Behind `Settings.fast_nlp`;
tests/nlp/test_speedups.py shows the annotations are the same.
"""

from __future__ import annotations

import numpy
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, ORTH, POS, TAG
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc

RULER, LEMMATIZER = "attribute_ruler", "lemmatizer"
# What a row before the rules is made of: the token's form, and whatever the tagger and parser
# set that the rules and the lemmatizer read or leave as it is.
_READ = [ORTH, TAG, DEP, LEMMA, POS, MORPH]
_WRITTEN = [LEMMA, POS, TAG, DEP, MORPH]
# Token attributes a one-token pattern may test, and attributes a rule may set, for the finished
# row to be a function of the row before: all of them are in _READ or follow from the form.
_PATTERN_READS = {"ORTH", "TEXT", "LOWER", "IS_SPACE", "TAG", "DEP", "POS", "MORPH", "LEMMA"}
_RULE_WRITES = {"LEMMA", "POS", "TAG", "DEP", "MORPH"}
_MAY_START = b""  # the remembered "row" of a token that may start a pattern over several tokens
CACHE_LIMIT = 200_000


class RememberedRules:
    """The pipeline's attribute ruler, then its lemmatizer, as one call over a Doc; same result."""

    def __init__(self, nlp: Language):
        self.ruler = nlp.get_pipe(RULER)
        self.lemmatizer = nlp.get_pipe(LEMMATIZER)
        patterns = [pattern for rule in self.ruler.patterns for pattern in rule["patterns"]]
        self.remembers = _rows_follow_from_tokens(self.ruler.patterns)
        self.starts = Matcher(nlp.vocab)
        longer = [pattern[:1] for pattern in patterns if len(pattern) > 1]
        if longer:
            self.starts.add("start of a longer pattern", longer)
        self._rows: dict[bytes, bytes] = {}

    @classmethod
    def fits(cls, nlp: Language) -> bool:
        """True when the pipeline has the two components, one right after the other."""
        names = nlp.pipe_names
        return RULER in names and LEMMATIZER in names and names.index(LEMMATIZER) == names.index(RULER) + 1

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc) or not self.remembers:
            return self._run(doc)
        read = doc.to_array(_READ)
        # Each token's row as bytes, a dictionary key: one C call for the whole Doc.
        keys = read.view(f"S{read.itemsize * len(_READ)}").ravel().tolist()
        rows = [self._rows.get(key) for key in keys]
        if None in rows:
            unseen = {key: i for i, (key, row) in reversed(list(enumerate(zip(keys, rows)))) if row is None}
            if not self._learn(doc.vocab, read, unseen):
                return self._run(doc)
            rows = [self._rows[key] if row is None else row for key, row in zip(keys, rows)]
        if _MAY_START in rows:
            return self._run(doc)
        doc.from_array(_WRITTEN, numpy.frombuffer(b"".join(rows), dtype="uint64").reshape(len(rows), len(_WRITTEN)))
        return doc

    def _run(self, doc: Doc) -> Doc:
        return self.lemmatizer(self.ruler(doc))

    def _learn(self, vocab, read: numpy.ndarray, unseen: dict[bytes, int]) -> bool:
        """Works out the finished rows of the kinds of token not seen before (key: a token of that
        kind), by spaCy's components over a Doc of those tokens alone, each its own head; False when
        one of them may start a pattern over several tokens (remembered as such)."""
        if len(self._rows) + len(unseen) > CACHE_LIMIT:
            self._rows.clear()
        values = read[list(unseen.values())]
        sample = Doc(vocab, words=[vocab.strings[orth] for orth in values[:, 0].tolist()])
        values[:, 0] = 0  # ORTH's column becomes HEAD's: every token is its own head
        sample.from_array([HEAD, *_READ[1:]], values)
        starts = {start for _, start, _ in self.starts(sample)}
        if starts:
            keys = list(unseen)
            self._rows.update((keys[i], _MAY_START) for i in starts)
            return False
        finished = self._run(sample).to_array(_WRITTEN)
        self._rows.update((key, row.tobytes()) for key, row in zip(unseen, finished))
        return True


def _rows_follow_from_tokens(rules: list[dict]) -> bool:
    """True when every pattern tests, and every rule sets, only attributes of a token's row."""
    for rule in rules:
        if not {attr.upper() for attr in rule["attrs"]} <= _RULE_WRITES:
            return False
        for pattern in rule["patterns"]:
            if not isinstance(pattern, list):
                return False  # a phrase pattern (a Doc): its attributes are not named
            if not all({attr.upper() for attr in spec} <= _PATTERN_READS for spec in pattern):
                return False
    return True
