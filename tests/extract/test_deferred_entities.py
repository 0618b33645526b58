"""The NER runs only where the place rules can use its labels, and batches of articles parse
together; neither changes what is extracted. Every sentence here is invented for the test."""

from __future__ import annotations

import datetime as dt

import pytest

from wirewatch.extract import places
from wirewatch.model import Article

pytestmark = pytest.mark.model

ARTICLES = [
    "Rockets struck Ganja and Barda on Sunday, the defence ministry said.\n\n"
    "Residents of Springfield Town said shells fell near Blackwater Creek overnight.\n\n"
    "President Ilham Aliyev told reporters that the army would not stop.",
    "Officials in Yerevan accused Baku of shelling Stepanakert, the regional capital.\n\n"
    "Two civilians were killed in the village of Marwick Heath, local officials said.\n\n"
    "The ministry denied the report on Saturday.",
    "Talks in Geneva ended without a deal.\n\nNobody was hurt, the mayor's office said.",
    "President Vladimir Putin phoned both leaders on Friday after shelling in Barda.\n\n"
    "Envoys of the OSCE Minsk Group said the truce in Ganja had been broken.",
]


def article(index: int, text: str) -> Article:
    return Article.from_text(text, f"deferred-{index}", published=dt.date(2020, 10, 4))


def _doc(nlp, text: str):
    with nlp.select_pipes(disable=["ner"]):
        return nlp(text)


@pytest.mark.parametrize("text", [
    "Shells fell on Springfield Town overnight.",  # a name no gazetteer knows, in a locative phrase
    "Residents fled the district of Marwick Heath.",
])
def test_an_unknown_name_in_a_locative_phrase_needs_the_ner(nlp, text):
    assert places.needs_entities(_doc(nlp, text))


@pytest.mark.parametrize("text", [
    "The ministry said on Saturday that shelling continued.",  # a day is no place
    "Rockets struck Ganja and Barda, officials said.",  # both tagged by the gazetteer already
    "Armenian officials denied the report.",  # a demonym
])
def test_a_sentence_whose_places_are_settled_skips_the_ner(nlp, text):
    assert not places.needs_entities(_doc(nlp, text))


@pytest.mark.parametrize("text", [
    "Vladimir Putin spoke to reporters in the capital.",  # a city's name inside a person's name of the tables
    "The Minsk Group co-chairs met on Monday.",  # inside an organisation's name
    "Envoys of the OSCE Minsk Group arrived on Monday.",  # an organisation's name in a locative phrase
])
def test_a_place_word_inside_a_known_party_name_skips_the_ner(nlp, text):
    assert not places.needs_entities(_doc(nlp, text))


@pytest.mark.parametrize("text", [
    # the same shape, a person the tables lack, named by a city that is no common given name
    # ("Vladimir Kostenkov" needs no NER: nlp/pipeline._starts_a_personal_name settles it)
    "Aurora Kostenkova spoke to reporters in the capital.",
    "Envoys of the Halloway Group arrived on Monday.",  # an organisation the tables lack
])
def test_the_same_shape_with_a_name_the_tables_lack_still_needs_the_ner(nlp, text):
    assert places.needs_entities(_doc(nlp, text))


def test_deferred_ner_and_batching_extract_what_a_full_parse_extracts(extractor, monkeypatch):
    articles = [article(i, text) for i, text in enumerate(ARTICLES)]
    batched = extractor.extract_many(articles)
    one_by_one = [extractor.extract(a) for a in articles]
    monkeypatch.setattr(places, "needs_entities", lambda doc: True)
    full = extractor.extract_many(articles)
    assert batched == one_by_one == full
    found = {p.name for x in batched for p in x.places}
    assert any(n.startswith(("Springfield", "Marwick")) for n in found), found  # names the gazetteer lacks
    assert sum(len(x.claims) for x in batched) >= 4


def test_extract_many_keeps_article_order(extractor):
    articles = [article(i, text) for i, text in enumerate(ARTICLES)]
    results = extractor.extract_many(list(reversed(articles)))
    assert [x.article.id for x in results] == [a.id for a in reversed(articles)]
