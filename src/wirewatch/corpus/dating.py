"""Dates for undated articles, from the corpus: a reprint's original, or the incidents it reports.

A scraped page often carries no date. When it belongs to a source group with a dated member, it
takes that date; when the incidents it reports are dated by other articles, it takes theirs.
Either way the precision says the date was inferred ("week"), so nothing pretends to know more.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter

from ..model import DatePrecision, Extraction, Incident
from ..nlp.dates import find_dates
from .syndication import SourceGroup


class ArticleDates:
    """Publication dates by article id, stated or inferred, and sentence dates resolved against them."""

    def __init__(self, extractions: list[Extraction]):
        self.dates: dict[str, dt.date | None] = {e.article.id: e.article.published for e in extractions}
        self.precision: dict[str, DatePrecision | None] = {
            e.article.id: e.article.published_precision for e in extractions}
        self.inferred: set[str] = set()
        years = Counter(d.year for d in self.dates.values() if d)
        # A sentence's "October 31" in an undated article is read in the corpus's most common year.
        self.year = years.most_common(1)[0][0] if years else None

    def from_groups(self, groups: list[SourceGroup]) -> None:
        for group in groups:
            dated = sorted(d for m in group.members if (d := self.dates.get(m)))
            for member in group.members:
                if self.dates.get(member) is None and dated:
                    self._infer(member, dated[0])

    def from_incidents(self, incidents: list[Incident]) -> bool:
        """Date undated articles by the dates their incidents have in other articles; True if any changed."""
        votes: dict[str, Counter] = {}
        for incident in incidents:
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

    def in_sentence(self, sentence: str, article_id: str) -> tuple[dt.date | None, bool]:
        """The first date the sentence states, resolved against the article's date; else the article's
        date. The flag says whether the sentence stated it."""
        published = self.dates.get(article_id)
        for mention in find_dates(sentence, published):
            if mention.date is not None and not mention.since:
                return mention.date, True
        if published is None and self.year:
            for mention in find_dates(sentence, dt.date(self.year, 12, 31)):
                if mention.date is not None and not mention.since and mention.precision is DatePrecision.DAY \
                        and any(ch.isdigit() for ch in mention.text):
                    return mention.date, True
        return published, False

    def of_text(self, text: str | None, article_id: str) -> dt.date | None:
        if not text:
            return None
        # Only a day dates an agreement: "earlier this month" says when, but not which day.
        found = find_dates(text, self.dates.get(article_id))
        return next((m.date for m in found if m.date and m.precision is DatePrecision.DAY), None)
