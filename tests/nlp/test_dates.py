"""nlp/dates.py: date expressions in a sentence, resolved against the publication date."""

from __future__ import annotations

import datetime as dt

import pytest

from wirewatch.model import DatePrecision
from wirewatch.nlp.dates import find_dates

PUBLISHED = dt.date(2020, 10, 21)  # a Wednesday
DAY, WEEK, MONTH = DatePrecision.DAY, DatePrecision.WEEK, DatePrecision.MONTH


@pytest.mark.parametrize(
    "sentence,text,date,precision",
    [
        ("Shelling resumed on Monday.", "on Monday", dt.date(2020, 10, 19), DAY),
        ("Shelling resumed Wednesday.", "Wednesday", dt.date(2020, 10, 21), DAY),
        ("Shelling resumed last Wednesday.", "last Wednesday", dt.date(2020, 10, 14), DAY),
        ("Shelling resumed on Thursday.", "Thursday", dt.date(2020, 10, 15), DAY),
        ("Shelling resumed yesterday.", "yesterday", dt.date(2020, 10, 20), DAY),
        ("Shelling resumed overnight.", "overnight", dt.date(2020, 10, 20), DAY),
        ("Shelling resumed last night.", "last night", dt.date(2020, 10, 20), DAY),
        ("Shelling resumed today.", "today", PUBLISHED, DAY),
        ("Shelling resumed this morning.", "this morning", PUBLISHED, DAY),
        ("Shelling resumed last week.", "last week", dt.date(2020, 10, 14), WEEK),
        ("Shelling resumed this week.", "this week", PUBLISHED, WEEK),
        ("Shelling resumed earlier this month.", "earlier this month", dt.date(2020, 10, 1), MONTH),
        ("Shelling resumed last month.", "last month", dt.date(2020, 9, 1), MONTH),
        ("Shelling resumed on October 12.", "October 12", dt.date(2020, 10, 12), DAY),
        ("Shelling resumed on 12 October.", "12 October", dt.date(2020, 10, 12), DAY),
        ("Shelling resumed on Oct. 12th.", "Oct. 12th", dt.date(2020, 10, 12), DAY),
        ("Shelling resumed on Sept 3, 2019.", "Sept 3, 2019", dt.date(2019, 9, 3), DAY),
    ],
)
def test_dates_resolve_against_publication(sentence, text, date, precision):
    found = find_dates(sentence, PUBLISHED)
    assert len(found) == 1
    mention = found[0]
    assert (mention.date, mention.precision) == (date, precision)
    assert text in mention.text
    assert sentence[mention.start:mention.end] == mention.text


def test_dates_month_day_far_ahead_of_publication_is_last_year():
    [mention] = find_dates("The truce was signed on December 30.", PUBLISHED)
    assert mention.date == dt.date(2019, 12, 30)


def test_dates_month_day_shortly_after_publication_stays_this_year():
    [mention] = find_dates("Talks are planned for October 30.", PUBLISHED)
    assert mention.date == dt.date(2020, 10, 30)


def test_dates_without_publication_keep_precision_but_no_date():
    found = find_dates("Shelling resumed yesterday and last week.", None)
    assert [(d.text, d.date, d.precision) for d in found] == [("yesterday", None, DAY), ("last week", None, WEEK)]


def test_dates_explicit_year_resolves_without_publication():
    [mention] = find_dates("The ceasefire of May 12, 1994 held.", None)
    assert mention.date == dt.date(1994, 5, 12)


def test_dates_impossible_day_gives_no_date():
    [mention] = find_dates("Nothing happened on February 30.", PUBLISHED)
    assert mention.date is None


def test_dates_several_in_text_order_without_overlap():
    found = find_dates("Talks on Friday followed shelling on October 12 and yesterday.", PUBLISHED)
    assert [d.text.strip() for d in found] == ["on Friday", "October 12", "yesterday"]
    assert [d.start for d in found] == sorted(d.start for d in found)


def test_dates_sentence_without_dates():
    assert find_dates("Forty soldiers were killed near the river.", PUBLISHED) == []


@pytest.mark.parametrize("spelling", ["Friday", "FRIDAY", "Fr\u0131day", "FR\u0130DAY"])
def test_dates_a_weekday_in_any_case_the_pattern_accepts_resolves(spelling):
    published = dt.date(2020, 10, 12)  # a Monday
    dates = find_dates(f"The shelling began on {spelling}, officials said.", published)
    assert [(d.date, d.precision) for d in dates] == [(dt.date(2020, 10, 9), DatePrecision.DAY)]


@pytest.mark.parametrize("sentence,text,date", [
    # PUBLISHED is a Wednesday: a weekday spoken of as one to come is the next one, not the last
    ("The truce brokered in Luanda will take effect on Friday.", "on Friday", dt.date(2020, 10, 23)),
    ("The ceasefire will come into force at midnight on Monday.", "on Monday", dt.date(2020, 10, 26)),
    ("Talks between the army and the RSF are due to resume in Jeddah on Tuesday.", "on Tuesday", dt.date(2020, 10, 27)),
    ("Negotiators are scheduled to meet in Doha on Saturday.", "on Saturday", dt.date(2020, 10, 24)),
    ("The envoy travels to Kinshasa next Thursday.", "next Thursday", dt.date(2020, 10, 22)),
    ("The delegations meet again next Wednesday.", "next Wednesday", dt.date(2020, 10, 28)),
    # ... and only then
    ("The army said on Friday it will investigate the shelling.", "on Friday", dt.date(2020, 10, 16)),
    ("Investigators will examine Sunday's drone strike on the market.", "Sunday", dt.date(2020, 10, 18)),
    ("The rebels, who will face trial, attacked the convoy on Monday.", "on Monday", dt.date(2020, 10, 19)),
    ("The truce took effect on Friday, and both sides will meet again soon.", "on Friday", dt.date(2020, 10, 16)),
])
def test_dates_a_weekday_to_come_is_the_next_one(sentence, text, date):
    """"will take effect on Friday", "are due to resume on Tuesday", "next Thursday": a ceasefire dated to
    the last Friday would make every attack before it a violation."""
    (found,) = find_dates(sentence, PUBLISHED)
    assert (found.text, found.date) == (text, date)


def test_dates_a_stored_weekday_to_come_resolves_forward_in_the_ledger():
    """The ledger resolves stored date mentions (`resolve_stated`) as extraction found them in their sentence."""
    from wirewatch.model import Provenance, StatedDate
    from wirewatch.nlp.dates import resolve_stated

    sentence = "The truce brokered in Luanda will take effect on Friday."
    stated = StatedDate("on Friday", "weekday", False, sentence, Provenance("a", 0, 45, 54, "date_weekday"))
    assert resolve_stated(stated, PUBLISHED) == (dt.date(2020, 10, 23), DAY)
