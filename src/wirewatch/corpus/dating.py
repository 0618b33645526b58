"""Dates for undated articles, from the corpus: a reprint's original, or the incidents it reports.

A scraped page often carries no date. When it belongs to a source group with a dated member, it
takes that date; when the incidents it reports are dated by other articles, it takes theirs.
Either way the precision says the date was inferred ("week"), so nothing pretends to know more.

A sentence's own dates come from the date mentions extraction stored for it (`Extraction.dates`),
resolved here against the article's date, which only the corpus may know; no sentence is read
again. An extraction stored without them (read-only, by an older version) dates its items by
the article's date.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter

from ..model import DatePrecision, Extraction, Incident
from ..nlp.dates import resolve_stated
from .memo import ArticleMemo
from .syndication import SourceGroup


class ArticleDates:
    """Publication dates by article id, stated or inferred, and sentence dates resolved against them."""

    def __init__(self, extractions: list[Extraction] | None, memo: ArticleMemo | None = None):
        """extractions None: the articles of the memo's index (the ledger has just brought it up to date)."""
        self._memo = memo or ArticleMemo()
        index = self._memo.articles(extractions)
        self._undated = index.undated
        self.dates: dict[str, dt.date | None] = dict(index.published)
        self.precision: dict[str, DatePrecision | None] = dict(index.precision)
        self.inferred: set[str] = set()
        # article id -> sentence index -> its date mentions, in order
        self.stated: dict[str, dict[int, list]] = self._memo.by_article(
            "stated", index.ids, None, (), lambda a: _stated(index.by_id[a]))
        # A sentence's "October 31" in an undated article is read in the corpus's most common year (the
        # earlier of two as common, so that the year does not depend on the order articles came in).
        self.year = min((-count, year) for year, count in index.years.items() if count > 0)[1] \
            if any(count > 0 for count in index.years.values()) else None

    def from_groups(self, groups: list[SourceGroup], group_of: dict[str, str] | None = None) -> None:
        """Date each undated article by the earliest date of its source group's members, if any has one.
        group_of: article id -> its group's id, when the caller has it (else found from the groups)."""
        if not self._undated:
            return
        if group_of is None:
            group_of = {member: g.id for g in groups for member in g.members}
        by_id = {g.id: g for g in groups}
        for article in sorted(self._undated):
            group = by_id.get(group_of.get(article))
            dated = [d for m in group.members if (d := self.dates.get(m))] if group else []
            if self.dates.get(article) is None and dated:
                self._infer(article, min(dated))

    def from_incidents(self, incidents: list[Incident]) -> bool:
        """Date undated articles by the dates their incidents have in other articles; True if any changed."""
        votes: dict[str, Counter] = {}
        undated = self._undated
        for incident in incidents:
            if undated.isdisjoint(incident.reports):
                continue  # (the common case) every article reporting it has a date of its own
            dated = [self.dates[a] for a in incident.reports if self.dates.get(a)]
            if not dated:
                continue
            latest = max(dated)
            for article in incident.reports:
                if self.dates.get(article) is None:
                    votes.setdefault(article, Counter())[latest] += 1
        for article, counter in votes.items():
            self._infer(article, counter.most_common(1)[0][0])
        return bool(votes)

    def _infer(self, article_id: str, date: dt.date) -> None:
        self.dates[article_id] = date
        self.precision[article_id] = DatePrecision.WEEK
        self.inferred.add(article_id)

    def of(self, article_id: str) -> dt.date | None:
        return self.dates.get(article_id)

    def stamp(self, article_id: str) -> tuple:
        """What the article's sentence dates depend on besides the article: its date (stated or inferred)
        and, when it has none, the corpus's year."""
        published = self.dates.get(article_id)
        return published, self.year if published is None else None

    def resolved(self, article_id: str) -> dict:
        """The article's sentence dates resolved so far (filled as asked), kept under `stamp`."""
        return self._memo.get("resolved", article_id, self.stamp(article_id), dict)

    def in_sentence(self, item, article_id: str) -> tuple[dt.date | None, bool]:
        """The first date the item's sentence states, resolved against the article's date; else the
        article's date. The flag says whether the sentence stated it."""
        resolved = self.resolved(article_id)
        index = item.provenance.sentence_index
        if index not in resolved:
            resolved[index] = self._in_sentence(article_id, index)
        return resolved[index]

    def of_event(self, event, article_id: str) -> tuple[dt.date | None, bool]:
        """An event's date as `in_sentence` gives it, but read from the expression extraction dated it by when
        its sentence has several: the one in the act's own words ("accused on Saturday the rebels of shelling
        the town on Friday" is Friday's shelling). Extraction resolved it against the article's own date, so
        it is found again by resolving each against that date (an undated article's events carry none)."""
        found = self.in_sentence(event, article_id)
        if event.date is None or found[0] == event.date or article_id in self.inferred:
            return found  # (the common case: the sentence's first day is the event's)
        stated = self.stated.get(article_id, {}).get(event.provenance.sentence_index, ())
        published = self.dates.get(article_id)
        if len(stated) < 2 or published is None:
            return found
        resolved = self.resolved(article_id)
        key = ("event", event.provenance.sentence_index, event.date)
        if key not in resolved:
            chosen = next((m for m in stated if not m.since and resolve_stated(m, published)[0] == event.date), None)
            resolved[key] = (event.date, True) if chosen is not None else found
        return resolved[key]

    def _in_sentence(self, article_id: str, index: int) -> tuple[dt.date | None, bool]:
        published = self.dates.get(article_id)
        stated = self.stated.get(article_id, {}).get(index, ())
        for mention in stated:
            date, _ = resolve_stated(mention, published)
            if date is not None and not mention.since:
                return date, True
        if published is None and self.year:
            for mention in stated:
                date, precision = resolve_stated(mention, dt.date(self.year, 12, 31))
                if date is not None and not mention.since and precision is DatePrecision.DAY \
                        and any(ch.isdigit() for ch in mention.text):
                    return date, True
        return published, False

    def of_agreement(self, agreement, article_id: str) -> dt.date | None:
        """The day the agreement's sentence names (its `date_text`, the first date of the sentence);
        only a day dates an agreement: "earlier this month" says when, but not which day."""
        if not agreement.date_text:
            return None
        resolved = self.resolved(article_id)
        key = (agreement.provenance.sentence_index, agreement.date_text)
        if key not in resolved:
            resolved[key] = self._of_agreement(agreement.date_text, article_id, key[0])
        return resolved[key]

    def _of_agreement(self, date_text: str, article_id: str, index: int) -> dt.date | None:
        for mention in self.stated.get(article_id, {}).get(index, ()):
            if mention.text == date_text:
                date, precision = resolve_stated(mention, self.dates.get(article_id))
                return date if precision is DatePrecision.DAY else None
        return None


def _stated(extraction: Extraction) -> dict[int, list]:
    out: dict[int, list] = {}
    for mention in extraction.dates:
        out.setdefault(mention.provenance.sentence_index, []).append(mention)
    return out
