"""Annotation: split articles into sentences and parse only those that some rule can use.

The statistical NER costs as much as the tagger and parser together, and only the place rules
read its labels, so it runs afterwards, on the parsed sentences where those rules say a label
could change their answer. Sentences of many articles go through the model together: one
`nlp.pipe` call per batch keeps the model's matrices full. A sentence whose text is already in
the batch is not parsed again: its parse is a function of its text (tests/nlp/test_annotate.py),
and a corpus repeats itself (a wire story in several outlets, an agency's standard lines), so
sentences of the same text share one Doc. The rules only remember on a Doc what follows from the
Doc itself (nlp.annotate.remembered), never what the article around it says.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from spacy.attrs import POS
from spacy.language import Language
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.tokens import Doc, Token

from .sentences import Sentence, split_sentences
from .token_rules import LEMMATIZER, RULER, RememberedRules

DEFERRED = "ner"
# The transition-based components (parser, NER) step through a batch's sentences together, and
# their per-step cost is shared by more sentences in a bigger batch: 128 sentences a batch.
TRANSITION_BATCH = 128
PARSE_BATCH = 128
# A "sentence" longer than this is no sentence a rule can read (news sentences run to a few hundred
# characters): a table, a run of boilerplate or hostile input. It stays in the stored text and is not
# parsed, so that the rules, several of them quadratic in a sentence's length, stay bounded.
MAX_PARSED_CHARS = 1_500
_TRANSITION_CFG = {"parser": {"batch_size": TRANSITION_BATCH}}
_TEXT = "wirewatch.text"
_TOKENS = "wirewatch.tokens"


@dataclass(frozen=True, slots=True)
class ParsedSentence:
    """A sentence and its spaCy Doc; Doc character offsets plus `sentence.start` give article offsets."""

    sentence: Sentence
    doc: Doc


def parse_wanted(
    text: str, nlp: Language, wants: Callable[[str], bool], batch_size: int = PARSE_BATCH, dateline: str | None = None,
    entities_when: Callable[[Doc], bool] | None = None, rules: RememberedRules | None = None,
) -> tuple[list[Sentence], list[ParsedSentence]]:
    """All sentences of the text, and a parse of each sentence that `wants` selects."""
    return parse_many([(text, dateline)], nlp, wants, batch_size, entities_when, rules)[0]


def parse_many(
    texts: Sequence[tuple[str, str | None]], nlp: Language, wants: Callable[[str], bool], batch_size: int = PARSE_BATCH,
    entities_when: Callable[[Doc], bool] | None = None, rules: RememberedRules | None = None,
) -> list[tuple[list[Sentence], list[ParsedSentence]]]:
    """For each (text, dateline): its sentences and the parses of those `wants` selects.

    entities_when: given a parse without entities, says whether the NER must label it; None runs
    the whole pipeline on every chosen sentence. rules: the pipeline's attribute rules and
    lemmatizer with remembered answers (nlp/token_rules.py), run in their place; None runs them as
    spaCy does.
    """
    split = [split_sentences(text, dateline) for text, dateline in texts]
    chosen = [[s for s in sentences if len(s.text) <= MAX_PARSED_CHARS and wants(s.text)] for sentences in split]
    flat = [s.text for group in chosen for s in group]
    docs = iter(_parse(flat, nlp, batch_size, entities_when, rules))
    return [(sentences, [ParsedSentence(s, next(docs)) for s in group]) for sentences, group in zip(split, chosen)]


def _parse(texts: list[str], nlp: Language, batch_size: int, entities_when, rules: RememberedRules | None) -> list[Doc]:
    """The Docs of the texts, in their order; a text given twice is parsed once, its Doc given for both."""
    unique = list(dict.fromkeys(texts))
    parsed = dict(zip(unique, _parse_unique(unique, nlp, batch_size, entities_when, rules)))
    return [parsed[text] for text in texts]


def _parse_unique(texts: list[str], nlp: Language, batch_size: int, entities_when,
                  rules: RememberedRules | None) -> list[Doc]:
    """The Docs of the texts, in their order, parsed shortest first.

    The parser and the NER step through a batch until its longest sentence is done, so batches of
    sentences of like length take fewer steps; each sentence's parse is its own, whatever else is
    in its batch (tests/nlp/test_annotate.py).
    """
    order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
    ordered = [texts[i] for i in order]
    deferred = entities_when is not None and DEFERRED in nlp.pipe_names
    config = _TRANSITION_CFG if deferred else {**_TRANSITION_CFG, DEFERRED: {"batch_size": TRANSITION_BATCH}}
    skipped = [DEFERRED] if deferred else []
    after: list[str] = []
    if rules is not None:
        # The components up to the rules as spaCy runs them, then the rules, then the rest in order.
        names = nlp.pipe_names
        after = [name for name in names[names.index(LEMMATIZER) + 1:] if name not in skipped]
        skipped = [*skipped, RULER, LEMMATIZER, *after]
    parsed = nlp.pipe(ordered, batch_size=batch_size, disable=skipped, component_cfg=config)
    if rules is not None:
        parsed = map(rules, parsed)
        for name in after:
            parsed = _through(nlp.get_pipe(name), parsed, config.get(name, {}))
    docs = list(map(_knowing_text, parsed, ordered))
    if deferred:
        wanted = [d for d in docs if entities_when(d)]
        if wanted:
            list(nlp.get_pipe(DEFERRED).pipe(wanted, batch_size=TRANSITION_BATCH))
    restored: list[Doc] = [None] * len(texts)  # type: ignore[list-item]
    for doc, i in zip(docs, order):
        restored[i] = doc
    return restored


def _through(component, docs: Iterable[Doc], config: dict) -> Iterable[Doc]:
    """The Docs through one pipeline component, in batches when it has them (as `Language.pipe` does)."""
    if hasattr(component, "pipe"):
        return component.pipe(docs, **config)
    return map(component, docs)


def _knowing_text(doc: Doc, text: str) -> Doc:
    """Remembers the text the Doc was made from, which is its text (the tokenizer loses nothing)."""
    doc.user_data[_TEXT] = text
    return doc


def text_of(doc: Doc) -> str:
    """The Doc's text, remembered: spaCy rebuilds `doc.text` from its tokens on every read, and the
    rules read it many times a sentence."""
    text = doc.user_data.get(_TEXT)
    if text is None:
        text = doc.user_data[_TEXT] = doc.text
    return text


def tokens_of(doc: Doc) -> list[Token]:
    """The Doc's tokens as one list, made once: spaCy builds a new Token object on every
    iteration and index, and the rules scan each sentence several times."""
    tokens = doc.user_data.get(_TOKENS)
    if tokens is None:
        tokens = doc.user_data[_TOKENS] = list(doc)
    return tokens


def tokens_with_pos(doc: Doc, *tags: str) -> list[Token]:
    """The tokens whose coarse part of speech is one of the tags."""
    pos = remembered(doc, "pos", lambda: doc.to_array(POS).tolist())
    wanted = {POS_IDS[tag] for tag in tags}
    tokens = tokens_of(doc)
    return [tokens[i] for i, p in enumerate(pos) if p in wanted]


def lower_lemmas(doc: Doc) -> list[str]:
    """Each token's lower-cased lemma, looked up once per Doc: the rules test lemmas of the same
    tokens many times, and each `lemma_` is a string-store look-up."""
    return remembered(doc, "lemmas", lambda: [t.lemma_.lower() for t in tokens_of(doc)])


def lower_forms(doc: Doc) -> list[str]:
    """Each token's lower-cased form, looked up once per Doc (as `lower_lemmas`)."""
    return remembered(doc, "lowers", lambda: [t.lower_ for t in tokens_of(doc)])


def remembered(doc: Doc, key: str, make: Callable[[], object]):
    """What `make` gives for this Doc, worked out on the first request only: for rules that
    several extractors ask about the same sentence. `make` must depend on the Doc alone, never on
    the article: sentences of the same text in several articles share one Doc (see `_parse`)."""
    key = "wirewatch." + key
    if key not in doc.user_data:
        doc.user_data[key] = make()
    return doc.user_data[key]


def forget(docs: Iterable[Doc]) -> None:
    """Drops what the rules remembered on each Doc; the token list refers back to its Doc, so
    dropping it lets the Doc go as soon as the article is done."""
    for doc in docs:
        doc.user_data.clear()


def any_of(*predicates: Callable[[str], bool]) -> Callable[[str], bool]:
    """A filter that selects a sentence when any extractor wants it."""
    return lambda text: any(p(text) for p in predicates)
