"""The ledger dates items from the date mentions extraction stored, never from the sentences again.

Extraction keeps the date expressions of the sentences that carry items (unresolved, as written);
the store keeps them in `date_mentions` (a store made before that table gains it); corpus/dating.py
resolves them against the article's date, stated or inferred from the corpus.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import sqlite3

import pytest

from wirewatch.corpus.dating import ArticleDates
from wirewatch.corpus.ledger import build_ledger
from wirewatch.model import Article, Extraction, Figure, FigureKind, Provenance, Qualifier
from wirewatch.nlp.dates import RULES, find_dates, resolve, stated_dates
from wirewatch.store import Store

PUBLISHED = dt.date(2022, 3, 16)  # a Wednesday


@pytest.mark.parametrize("sentence", [
    "Militia fighters shelled the market in Bunia on Monday, the governor said.",
    "The army said 14 soldiers died in an ambush near Timbuktu last Thursday.",
    "Rebels seized the border post on 4 March, a spokesman said.",
    "Officials said on March 12 that the convoy had been hit overnight.",
    "Fighting has continued since February 24, the ministry said yesterday.",
    "Aid workers reported heavy shelling of Kharkiv earlier this month.",
    "Houthi forces fired drones at the port last week, the coalition said.",
    "The truce signed on January 3, 2021 collapsed this morning.",
])
@pytest.mark.parametrize("published", [PUBLISHED, dt.date(2021, 1, 1), None])
def test_a_stored_mention_resolves_as_the_sentence_did(sentence, published):
    """resolve(kind, text) on what stated_dates stored gives find_dates' date for every anchor."""
    stored = stated_dates([(2, 100, sentence)], "a1")
    found = find_dates(sentence, published)
    assert [m.text for m in stored] == [m.text for m in found] and stored
    for mention, expected in zip(stored, found):
        assert resolve(mention.kind, mention.text, published) == (expected.date, expected.precision)
        assert mention.since == expected.since
        assert mention.provenance.rule in RULES
        assert mention.provenance.sentence_index == 2
        # offsets are into the article: the sentence starts at 100
        assert sentence[mention.provenance.start - 100:mention.provenance.end - 100] == mention.text


def _figure(sentence: str, index: int, value: int) -> Figure:
    return Figure(kind=FigureKind.KILLED, value=value, qualifier=Qualifier.EXACT, who=None, claimant="officials",
                  sentence=sentence, provenance=Provenance("id-x", index, 0, 2, "figures.test"))


def _extraction(published, *sentences: str, stored: bool = True) -> Extraction:
    text = " ".join(sentences)
    article = Article.from_text(text, "x", id="id-x", outlet="Plains Gazette", published=published)
    figures = tuple(_figure(s, i, 10 + i) for i, s in enumerate(sentences))
    dates = stated_dates([(i, text.index(s), s) for i, s in enumerate(sentences)], "id-x") if stored else ()
    return Extraction(article=article, figures=figures, dates=dates)


def test_items_are_dated_by_their_own_sentences_stored_mentions():
    extraction = _extraction(PUBLISHED, "Officials said on Monday that 10 people were killed in Goma.",
                             "Officials said yesterday that 11 people were killed in Beni.",
                             "Officials said 12 people were killed in Butembo.")
    dates = ArticleDates([extraction])
    assert [dates.in_sentence(f, "id-x") for f in extraction.figures] == [
        (dt.date(2022, 3, 14), True), (dt.date(2022, 3, 15), True), (PUBLISHED, False)]


def test_the_ledger_reads_the_stored_mentions_not_the_sentence():
    """A sentence that names a day, stored without its mentions (an older store read as it is), is
    dated by the article: the ledger never parses the sentence for dates again."""
    sentence = "Officials said on Monday that 10 people were killed in Goma."
    with_mentions = build_ledger([_extraction(PUBLISHED, sentence)])
    without = build_ledger([_extraction(PUBLISHED, sentence, stored=False)])
    assert with_mentions.series[0].points[0].as_of == dt.date(2022, 3, 14)
    assert without.series[0].points[0].as_of == PUBLISHED


def test_an_undated_article_reads_a_stated_day_in_the_corpus_year():
    undated = _extraction(None, "Officials said on 9 March that 10 people were killed in Goma.")
    dated = dataclasses.replace(_extraction(PUBLISHED, "Officials said 20 people were killed in Beni."),
                                article=Article.from_text("Officials said 20 people were killed in Beni.", "y",
                                                          id="id-y", outlet="Lakes Courier", published=PUBLISHED))
    dates = ArticleDates([undated, dated])
    assert dates.in_sentence(undated.figures[0], "id-x") == (dt.date(2022, 3, 9), True)


def test_date_mentions_round_trip_through_the_store(tmp_path):
    extraction = _extraction(PUBLISHED, "Officials said since Monday 10 people were killed in Goma.",
                             "Officials said on 2 March that 11 people were killed in Beni.")
    with Store(str(tmp_path / "w.db")) as store:
        store.add_article(extraction.article)
        store.save_extractions([extraction], "v1")
        back = store.extraction(extraction.article)
    assert back.dates == extraction.dates and len(back.dates) == 2 and back.dates[0].since


def test_a_store_made_before_date_mentions_gains_the_table(tmp_path):
    db = str(tmp_path / "old.db")
    Store(db).close()
    with sqlite3.connect(db) as conn:  # as a store made before the table existed
        conn.execute("DROP TABLE date_mentions")
    extraction = _extraction(PUBLISHED, "Officials said on Monday that 10 people were killed in Goma.")
    with Store(db) as store:
        store.add_article(extraction.article)
        store.save_extractions([extraction], "v1")
        assert store.extraction(extraction.article).dates == extraction.dates
