"""corpus/series.py: each claimant's running count per kind; repeats of a figure are one point, never summed.

The figures are built by hand from invented sentences (no model needed); one test runs build_ledger on them.
"""

from __future__ import annotations

import datetime as dt

import pytest

from wirewatch.corpus.ledger import build_ledger
from wirewatch.nlp.dates import stated_dates
from wirewatch.corpus.series import build_series, claimant_range, conservative
from wirewatch.model import Article, Extraction, Figure, FigureKind, Provenance, Qualifier

OUTLETS = ("Harbour Times", "Kestrel News", "Meridian Daily", "Provincial Courier", "Gazette of the Plains")


def make_article(name: str, text: str, published: dt.date | None) -> Article:
    return Article.from_text(text, name, id=f"id-{name}", outlet=name, published=published)


def make_figure(article: str, sentence: str, value: int, claimant: str, kind: FigureKind = FigureKind.KILLED,
                qualifier: Qualifier = Qualifier.EXACT, historical: bool = False, index: int = 0) -> Figure:
    start = sentence.index(f"{value:,}") if f"{value:,}" in sentence else 0
    return Figure(kind=kind, value=value, qualifier=qualifier, who=None, claimant=claimant, sentence=sentence,
                  provenance=Provenance(f"id-{article}", index, start, start + len(f"{value:,}"), "figures.test"),
                  historical=historical)


def extraction(name: str, published: dt.date | None, *figures: Figure) -> Extraction:
    text = " ".join(dict.fromkeys(f.sentence for f in figures))
    carried = {(f.provenance.sentence_index, text.index(f.sentence), f.sentence) for f in figures}
    return Extraction(article=make_article(name, text, published), figures=figures,
                      dates=stated_dates(sorted(carried), f"id-{name}"))  # as extraction stores them


KARABAKH = "Nagorno-Karabakh officials said {n} of their fighters had been killed since the fighting began."
BAKU = "Azerbaijani officials said {n} civilians had been killed since the fighting began."
DAY = dt.date(2020, 10, 12)


def five_outlets_one_figure() -> list[Extraction]:
    sentence = KARABAKH.format(n=532)
    return [extraction(outlet, DAY, make_figure(outlet, sentence, 532, "Nagorno-Karabakh officials"))
            for outlet in OUTLETS]


def by_date(extractions):
    dates = {e.article.id: e.article.published for e in extractions}
    return lambda figure, article_id: dates[article_id]


def test_series_figure_repeated_by_five_outlets_is_one_point_with_five_reports():
    extractions = five_outlets_one_figure()
    series = build_series(extractions, by_date(extractions))
    assert len(series) == 1
    (only,) = series
    assert only.claimant == "Nagorno-Karabakh authorities"
    assert len(only.points) == 1
    point = only.points[0]
    assert point.value == 532  # never 5 x 532
    assert len(point.reports) == 5
    assert {p.article_id for p in point.reports} == {f"id-{o}" for o in OUTLETS}
    assert point.sentences == (KARABAKH.format(n=532),)


def test_series_repeats_through_the_ledger_are_one_point():
    extractions = five_outlets_one_figure()
    ledger = build_ledger(extractions)
    assert [(s.claimant, [(p.value, len(p.reports)) for p in s.points]) for s in ledger.series] == [
        ("Nagorno-Karabakh authorities", [(532, 5)])]
    assert ledger.conservative() == 532


def test_series_two_claimants_two_series_and_conservative_is_lowest_latest():
    extractions = [
        extraction("k1", dt.date(2020, 10, 5), make_figure("k1", KARABAKH.format(n=220), 220, "Nagorno-Karabakh officials")),
        extraction("k2", dt.date(2020, 10, 12), make_figure("k2", KARABAKH.format(n=532), 532, "Nagorno-Karabakh officials")),
        extraction("b1", dt.date(2020, 10, 5), make_figure("b1", BAKU.format(n=25), 25, "Azerbaijani officials")),
        extraction("b2", dt.date(2020, 10, 12), make_figure("b2", BAKU.format(n=41), 41, "Azerbaijani officials")),
        # a figure lower than every latest one, but not anyone's latest: it must not become the conservative figure
        extraction("b0", dt.date(2020, 10, 1), make_figure("b0", BAKU.format(n=9), 9, "Azerbaijani officials")),
    ]
    series = build_series(extractions, by_date(extractions))
    assert [s.claimant for s in series] == ["Azerbaijan government", "Nagorno-Karabakh authorities"]
    latest = {s.claimant: s.latest.value for s in series}
    assert latest == {"Azerbaijan government": 41, "Nagorno-Karabakh authorities": 532}
    assert claimant_range(series, FigureKind.KILLED) == (41, 532)
    assert conservative(series) == 41
    assert claimant_range(series, FigureKind.WOUNDED) is None
    ledger = build_ledger(extractions)
    assert ledger.range() == (41, 532)
    assert ledger.conservative() == 41


def test_series_kinds_are_separate_series():
    wounded = "Azerbaijani officials said 120 civilians had been wounded."
    extractions = [
        extraction("b1", DAY, make_figure("b1", BAKU.format(n=41), 41, "Azerbaijani officials"),
                   make_figure("b1", wounded, 120, "Azerbaijani officials", kind=FigureKind.WOUNDED, index=1)),
    ]
    series = build_series(extractions, by_date(extractions))
    assert [(s.claimant, s.kind, s.latest.value) for s in series] == [
        ("Azerbaijan government", FigureKind.KILLED, 41), ("Azerbaijan government", FigureKind.WOUNDED, 120)]
    assert conservative(series, FigureKind.WOUNDED) == 120


def test_series_historical_figures_are_left_out():
    history = "The war of the early 1990s killed 30,000 people and displaced hundreds of thousands."
    extractions = [
        extraction("k1", DAY, make_figure("k1", KARABAKH.format(n=532), 532, "Nagorno-Karabakh officials"),
                   make_figure("k1", history, 30000, "the article itself", historical=True, index=1)),
    ]
    series = build_series(extractions, by_date(extractions))
    assert [(s.claimant, [p.value for p in s.points]) for s in series] == [("Nagorno-Karabakh authorities", [532])]
    ledger = build_ledger(extractions)
    assert all(p.value != 30000 for s in ledger.series for p in s.points)
    assert ledger.conservative() == 532


def test_series_points_in_date_order_and_latest_is_last():
    dates = [dt.date(2020, 10, 20), dt.date(2020, 10, 2), dt.date(2020, 10, 11), dt.date(2020, 9, 28)]
    values = [710, 158, 404, 84]
    extractions = [extraction(f"k{i}", d, make_figure(f"k{i}", KARABAKH.format(n=v), v, "Nagorno-Karabakh officials"))
                   for i, (d, v) in enumerate(zip(dates, values))]
    (series,) = build_series(extractions, by_date(extractions))
    assert [p.as_of for p in series.points] == sorted(dates)
    assert [p.value for p in series.points] == [84, 158, 404, 710]
    assert series.latest is series.points[-1]
    assert series.latest.value == 710


def test_series_latest_is_the_newest_even_when_lower():
    """A corrected (lower) figure given later is the latest: the series is ordered by date, not by value."""
    extractions = [
        extraction("k1", dt.date(2020, 10, 10), make_figure("k1", KARABAKH.format(n=404), 404, "Nagorno-Karabakh officials")),
        extraction("k2", dt.date(2020, 10, 14), make_figure("k2", KARABAKH.format(n=390), 390, "Nagorno-Karabakh officials")),
    ]
    (series,) = build_series(extractions, by_date(extractions))
    assert [p.value for p in series.points] == [404, 390]
    assert series.latest.value == 390


def test_series_same_value_weeks_apart_is_two_points():
    extractions = [
        extraction("k1", dt.date(2020, 10, 1), make_figure("k1", KARABAKH.format(n=404), 404, "Nagorno-Karabakh officials")),
        extraction("k2", dt.date(2020, 10, 20), make_figure("k2", KARABAKH.format(n=404), 404, "Nagorno-Karabakh officials")),
    ]
    (series,) = build_series(extractions, by_date(extractions))
    assert [(p.value, len(p.reports)) for p in series.points] == [(404, 1), (404, 1)]


def test_series_ledger_dates_figures_from_the_sentence():
    """Through build_ledger, 'on October 3' in the sentence dates the point, not the publication date."""
    stated = "Nagorno-Karabakh officials said on October 3 that 158 of their fighters had been killed."
    extractions = [
        extraction("k1", dt.date(2020, 10, 14), make_figure("k1", stated, 158, "Nagorno-Karabakh officials")),
        extraction("k2", dt.date(2020, 10, 12), make_figure("k2", KARABAKH.format(n=532), 532, "Nagorno-Karabakh officials")),
    ]
    (series,) = build_ledger(extractions).series
    assert [(p.as_of, p.value) for p in series.points] == [(dt.date(2020, 10, 3), 158), (dt.date(2020, 10, 12), 532)]
    assert series.latest.value == 532


@pytest.mark.parametrize("claimant,key", [
    ("Nagorno-Karabakh officials", "Nagorno-Karabakh authorities"),
    ("the Kremlin", "Russia government"),
    ("regional health office", "regional health office"),
])
def test_series_claimant_key(claimant, key):
    from wirewatch.corpus.series import claimant_key

    assert claimant_key(claimant) == key


def test_series_toll_restated_daily_is_one_point_per_reach_from_its_first_day():
    """A toll restated every day for ten days: a repeat joins the point first given within two days before it
    (not the latest one), so the points start on days 1, 4, 7 and 10; an undated restatement joins the first.
    A long history of one value must give this, however many points came before."""
    start = dt.date(2023, 11, 1)
    extractions = [extraction(f"g{day}", start + dt.timedelta(days=day),
                              make_figure(f"g{day}", BAKU.format(n=1200), 1200, "Azerbaijani officials"))
                   for day in range(10)]
    extractions.append(extraction("undated", None, make_figure("undated", BAKU.format(n=1200), 1200,
                                                               "Azerbaijani officials")))
    (series,) = build_series(extractions, by_date(extractions))
    assert [(p.as_of.day, len(p.reports)) for p in series.points] == [(1, 4), (4, 3), (7, 3), (10, 1)]
