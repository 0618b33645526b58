"""The model's rule components (attribute rules, lemmatizer), applied fast with the same result.

spaCy's AttributeRuler runs a Matcher with every one of its ~180 patterns over every token; on
short sentence Docs that costs more than the tagger. Nearly all the patterns look at one token
only (its tag, lower-case form, dependency label), so their verdict is a function of those four
values and is looked up once per distinct token. The few patterns over two tokens are checked
where their first token fits. Same patterns, same order, same result as the ruler it replaces.

The rule lemmatizer's answer is a function of a word, its part of speech and its morphology, but
it remembers only the words its rules change; every base form is worked out again each time. Its
answers are remembered here for all. tests/nlp/test_attributes.py compares both with spaCy's own.

Reading and writing a Doc's columns costs more than the rules themselves, so `FastRules` does both
jobs in one read and one write: the finished row of a token (lemma, part of speech, tag,
dependency, morphology) is a function of what both components read and may keep.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import numpy
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.language import Language
from spacy.tokens import Doc, Token
from spacy.tokens._retokenize import set_token_attrs

_Predicate = Callable[[Token], bool]
_KEY_CACHE_LIMIT = 200_000
_KEY_ATTRS = [TAG, LOWER, DEP, IS_SPACE]
# What the attribute rules and the lemmatizer read of a token, and what they may leave as it is.
_READ = [ORTH, TAG, DEP, IS_SPACE, LEMMA, POS, MORPH]
# What they may write.
_WRITTEN = [LEMMA, POS, TAG, DEP, MORPH]
# Marks a key whose token may start a rule over several tokens: no finished row is empty.
_LONGER = b""


class FastAttributes:
    """Applies an AttributeRuler's rules: all matches against the Doc as parsed, then the
    attributes of each in rule order, later rules overriding earlier ones, as the ruler does."""

    def __init__(self, ruler):
        self.attrs = list(ruler.attrs)
        self.indices = list(ruler.indices)
        self._single: list[tuple[int, _Predicate, set[str] | None]] = []
        self._multi: list[tuple[int, list[_Predicate]]] = []
        for rule_id, rule in enumerate(ruler.patterns):
            for pattern in rule["patterns"]:
                tests = [_token_test(spec) for spec in pattern]
                if len(tests) == 1 and self.indices[rule_id] == 0:
                    self._single.append((rule_id, tests[0], _tags_of(pattern[0])))
                else:
                    self._multi.append((rule_id, tests))
        self._by_key: dict[tuple, tuple] = {}
        self._by_tag: dict[str, list[tuple[int, _Predicate]]] = {}

    def __call__(self, doc: Doc) -> Doc:
        matches: list[tuple[int, int, int]] = []  # (rule, start, target token)
        # The key of each token from the Doc's arrays: a Token object is made only on a new key.
        for i, key in enumerate(map(tuple, doc.to_array(_KEY_ATTRS).tolist())):
            single, multi = self.rules_at(doc, i, key)
            for rule_id in single:
                matches.append((rule_id, i, i))
            for rule_id, tests in multi:
                start, width = i, len(tests)
                if start + width <= len(doc) and all(test(doc[start + k]) for k, test in enumerate(tests[1:], 1)):
                    index = self.indices[rule_id]
                    matches.append((rule_id, start, start + index if index >= 0 else start + width + index))
        matches.sort()
        for rule_id, _, target in matches:
            set_token_attrs(doc[target], self.attrs[rule_id])
        return doc

    def _single_for_tag(self, tag: str) -> list[tuple[int, _Predicate]]:
        """The one-token rules a token of this tag can fit (most name one tag), in rule order."""
        rules = self._by_tag.get(tag)
        if rules is None:
            rules = [(rule_id, test) for rule_id, test, tags in self._single if tags is None or tag in tags]
            self._by_tag[tag] = rules
        return rules

    def rules_at(self, doc: Doc, i: int, key: tuple) -> tuple[tuple[int, ...], tuple]:
        """The one-token rules token i fits, and the longer rules whose first token it fits; the
        answer is a function of the key (tag, lower-case form, dependency, is-space)."""
        found = self._by_key.get(key)
        if found is None:
            token = doc[i]
            found = (tuple(rule_id for rule_id, test in self._single_for_tag(token.tag_) if test(token)),
                     tuple((rule_id, tests) for rule_id, tests in self._multi if tests[0](token)))
            if len(self._by_key) >= _KEY_CACHE_LIMIT:
                self._by_key.clear()
            self._by_key[key] = found
        return found


def _tags_of(spec: dict) -> set[str] | None:
    """The tags a one-token pattern requires, or None when it names no tag."""
    wanted = spec.get("TAG")
    if wanted is None:
        return None
    if isinstance(wanted, str):
        return {wanted}
    return set(wanted["IN"]) if set(wanted) == {"IN"} else None


def _token_test(spec: dict) -> _Predicate:
    """A predicate for one Matcher token pattern over the attributes the model's rules use."""
    getters = {"TAG": lambda t: t.tag_, "LOWER": lambda t: t.lower_, "DEP": lambda t: t.dep_,
               "IS_SPACE": lambda t: t.is_space}
    checks: list[_Predicate] = []
    for attr, wanted in spec.items():
        if attr not in getters:
            raise ValueError(f"attribute rule on {attr!r}: not supported by the fast attribute rules")
        checks.append(_value_test(getters[attr], wanted))
    return lambda token: all(check(token) for check in checks)


def _value_test(get: Callable[[Token], object], wanted) -> _Predicate:
    if not isinstance(wanted, dict):
        return lambda token: get(token) == wanted
    tests: list[_Predicate] = []
    for operator, value in wanted.items():
        if operator == "IN":
            options = set(value)
            tests.append(lambda token, options=options: get(token) in options)
        elif operator == "NOT_IN":
            options = set(value)
            tests.append(lambda token, options=options: get(token) not in options)
        elif operator == "REGEX":
            pattern = re.compile(value)
            tests.append(lambda token, pattern=pattern: bool(pattern.search(str(get(token)))))
        else:
            raise ValueError(f"attribute rule operator {operator!r}: not supported by the fast attribute rules")
    return lambda token: all(test(token) for test in tests)


class CachedLemmas:
    """The model's lemmatizer, its answer remembered per (word, part of speech, morphology).

    The Doc's columns are read and written as arrays, so that a token becomes a Python object only
    when its lemma is worked out for the first time."""

    def __init__(self, lemmatizer):
        self.lemmatizer = lemmatizer
        self._by_key: dict[tuple, int] = {}

    def __call__(self, doc: Doc) -> Doc:
        overwrite = self.lemmatizer.overwrite
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA]).tolist()
        lemmas = [row[3] for row in rows]
        for i, (orth, pos, morph, lemma) in enumerate(rows):
            if overwrite or lemma == 0:
                found = self._by_key.get((orth, pos, morph))
                lemmas[i] = found if found is not None else self.lemma_of(doc[i])
        if lemmas:
            doc.from_array([LEMMA], numpy.array(lemmas, dtype="uint64").reshape(-1, 1))
        return doc

    def lemma_of(self, token: Token) -> int:
        """The lemmatizer's answer for the token as it stands (its form, part of speech and
        morphology), worked out on the first request for that key."""
        key = (token.orth, token.pos, token.morph.key)
        found = self._by_key.get(key)
        if found is None:
            found = token.doc.vocab.strings.add(self.lemmatizer.lemmatize(token)[0])
            if len(self._by_key) >= _KEY_CACHE_LIMIT:
                self._by_key.clear()
            self._by_key[key] = found
        return found


class FastRules:
    """The attribute rules, then the lemmatizer, in one read and one write of the Doc's columns.

    A token's finished row is remembered per key: its form, tag, dependency, whether it is space,
    and its lemma, part of speech and morphology as they stand. A Doc with a token that may start a
    rule over several tokens goes through the two components one after the other instead."""

    def __init__(self, ruler, lemmatizer):
        self.attributes = FastAttributes(ruler)
        self.lemmas = CachedLemmas(lemmatizer)
        self._rows: dict[bytes, bytes] = {}

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        read = doc.to_array(_READ)
        # Each token's key and finished row as bytes: one C call makes the keys, one join the rows.
        keys = read.view(f"S{read.itemsize * len(_READ)}").ravel().tolist()
        known = self._rows.get
        rows = [known(key) for key in keys]
        if None in rows:
            values = read.tolist()
            rows = [self._longer_at(doc, i, values[i], key) if row is None else row
                    for i, (key, row) in enumerate(zip(keys, rows))]
            if _LONGER in rows:
                return self.lemmas(self.attributes(doc))
            rows = [self._row_at(doc, i, values[i], key) if row is None else row
                    for i, (key, row) in enumerate(zip(keys, rows))]
        elif _LONGER in rows:
            return self.lemmas(self.attributes(doc))
        doc.from_array(_WRITTEN, numpy.frombuffer(b"".join(rows), dtype="uint64").reshape(len(rows), len(_WRITTEN)))
        return doc

    def _longer_at(self, doc: Doc, i: int, value: list[int], key: bytes) -> bytes | None:
        """_LONGER when token i may start a rule over several tokens; None when its row is still
        to be worked out."""
        orth, tag, dep, space = value[:4]
        if self.attributes.rules_at(doc, i, (tag, doc.vocab[orth].lower, dep, space))[1]:
            self._remember(key, _LONGER)
            return _LONGER
        return None

    def _row_at(self, doc: Doc, i: int, value: list[int], key: bytes) -> bytes:
        """Token i's finished row, set on the token by the one-token rules and the lemmatizer."""
        orth, tag, dep, space = value[:4]
        token = doc[i]
        for rule_id in self.attributes.rules_at(doc, i, (tag, token.lower, dep, space))[0]:
            set_token_attrs(token, self.attributes.attrs[rule_id])
        if self.lemmas.lemmatizer.overwrite or token.lemma == 0:
            token.lemma = self.lemmas.lemma_of(token)
        row = numpy.array([token.lemma, token.pos, token.tag, token.dep, token.morph.key], dtype="uint64").tobytes()
        self._remember(key, row)
        return row

    def _remember(self, key: bytes, row: bytes) -> None:
        if len(self._rows) >= _KEY_CACHE_LIMIT:
            self._rows.clear()
        self._rows[key] = row


def use_fast_rules(nlp: Language) -> None:
    """Puts FastRules in place of the model's AttributeRuler and lemmatizer (or FastAttributes and
    CachedLemmas in place of whichever the model has): same rules, same place in the pipeline."""
    if "attribute_ruler" in nlp.pipe_names and "lemmatizer" in nlp.pipe_names:
        rules = FastRules(nlp.get_pipe("attribute_ruler"), nlp.get_pipe("lemmatizer"))
        nlp.replace_pipe("attribute_ruler", "wirewatch_rules")
        nlp.get_pipe("attribute_ruler").rules = rules
        nlp.remove_pipe("lemmatizer")
        return
    for name, fast in (("attribute_ruler", FastAttributes), ("lemmatizer", CachedLemmas)):
        if name in nlp.pipe_names:
            rules = fast(nlp.get_pipe(name))
            nlp.replace_pipe(name, "wirewatch_rules")
            nlp.get_pipe(name).rules = rules


@Language.factory("wirewatch_rules")
def make_fast_rules(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    return _Slot()


class _Slot:
    """The pipeline component; its rules are set by `use_fast_rules` from the model's component."""

    rules: Callable[[Doc], Doc] | None = None

    def __call__(self, doc: Doc) -> Doc:
        return self.rules(doc) if self.rules is not None else doc
