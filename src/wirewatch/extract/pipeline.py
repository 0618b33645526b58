"""Runs every extractor over articles: split, filter, parse what is wanted, annotate, apply the rules.

The extractors never call each other: what one knows and another needs (which names are places)
is written on the Docs here, once per sentence, and the others read it from `nlp/`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from spacy.language import Language
from spacy.tokens import Doc

from ..model import Article, Extraction
from ..nlp.annotate import ParsedSentence, any_of, forget, parse_many
from ..nlp.dates import stated_dates
from ..nlp.gazetteer import Gazetteer
from ..nlp.place_names import set_place_names
from ..nlp.pipeline import load_pipeline
from ..nlp.sentences import Sentence
from ..nlp.speedups import extraction_scope
from ..nlp.token_rules import RememberedRules
from ..settings import Settings
from . import agreements, claims, events, figures, places
from .stance import StanceModel


class Extractor:
    """Holds the loaded pipeline; build one per process and reuse it for every article."""

    def __init__(self, nlp: Language | None = None, gazetteer: Gazetteer | None = None,
                 settings: Settings | None = None):
        self.fast = (settings or Settings.from_env()).fast_nlp
        self.nlp = nlp or load_pipeline(gazetteer, fast=self.fast)
        self.rules = RememberedRules(self.nlp) if self.fast and RememberedRules.fits(self.nlp) else None
        self.stance = StanceModel.load()
        self.wants = any_of(figures.wants, places.wants, claims.wants, agreements.wants)

    def extract(self, article: Article) -> Extraction:
        """Figures, places, claims, agreements and events of one article, each with provenance."""
        return self.extract_many([article])[0]

    def extract_many(self, articles: Sequence[Article]) -> list[Extraction]:
        """The extraction of each article, in order; the same as one `extract` each, parsed together."""
        with extraction_scope(self.fast):
            parses = parse_many([(a.text, a.dateline) for a in articles], self.nlp, self.wants,
                                entities_when=places.needs_entities, rules=self.rules)
            annotate(p.doc for _, parsed in parses for p in parsed)
            out = [_apply_rules(article, sentences, parsed, self.stance)
                   for article, (sentences, parsed) in zip(articles, parses)]
            forget(p.doc for _, parsed in parses for p in parsed)
        return out


def annotate(docs: Iterable[Doc]) -> None:
    """Writes on each parsed Doc what the extractors share: the names it uses as places
    (nlp/place_names.py). Run after the parse (entities included) and before any rule."""
    for doc in docs:
        set_place_names(doc, places.place_names(doc))


def _apply_rules(article: Article, sentences: list[Sentence], parsed: list[ParsedSentence],
                 stance: StanceModel | None = None) -> Extraction:
    found_figures = tuple(figures.find_figures(parsed, article))
    found_claims = tuple(claims.find_claims(parsed, article, found_figures, stance))
    found_agreements = tuple(
        agreements.find_agreements([p for p in parsed if agreements.wants(p.sentence.text)], article)
    )
    found_events = tuple(events.find_events(parsed, article, found_claims, found_agreements))
    carriers = {m.provenance.sentence_index for m in (*found_figures, *found_claims, *found_agreements, *found_events)}
    return Extraction(
        article=article,
        figures=found_figures,
        places=tuple(places.find_places(parsed, article)),
        claims=found_claims,
        agreements=found_agreements,
        events=found_events,
        sentences=len(sentences),
        parsed_sentences=len(parsed),
        dates=stated_dates(((s.index, s.start, s.text) for s in sentences if s.index in carriers), article.id),
    )
