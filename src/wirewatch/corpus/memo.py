"""What the ledger derives from each article alone, kept between builds while the article's inputs are unchanged.

Most of a ledger build is per-article work: resolving each sentence's dates against the article's date,
turning event mentions into located, dated incident mentions, a figure's group and claimant, an
agreement's parties, an accusation's sides. None of it depends on other articles except through a few
values (the article's date, stated or inferred; its source group; the corpus's most common year). Each
entry is kept under a stamp made of exactly those values, so a changed date or group recomputes it and
an unchanged article costs a dictionary lookup. `build_ledger` with a fresh memo is the full rebuild;
`LiveLedger` keeps one memo across updates, which is what makes an update cost its new articles.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable
from typing import Any

from ..model import Extraction
from .agreements import DraftBook
from .incidents import ClusterBook
from .series import SeriesBook

_MISSING = object()
KEEP = 2  # stamps kept per article and kind: an undated article is read with and without its inferred date


class ArticleIndex:
    """The articles of a build by id, in the order of their ids, with what the ledger reads of every one (name,
    publication date and its precision, the years of those dates); kept by a memo and updated for the articles
    that differ from the last build's, so an update does not read every article again."""

    def __init__(self):
        self.by_id: dict[str, Extraction] = {}
        self.ids: list[str] = []
        self.names: dict[str, str] = {}
        self.published: dict[str, dt.date | None] = {}
        self.precision: dict = {}
        self.years: Counter = Counter()
        self.undated: set[str] = set()
        self.article_dates: dict[str, tuple] = {}  # id -> (date, precision, inferred) before any inference
        self.added: list[list[str]] = []  # the ids each `add` brought, in order: what a kind not yet told of lacks

    def update(self, extractions: list[Extraction]) -> bool:
        """Take the articles as given; False when some of the last build's are missing (a new index is needed)."""
        by_id = self.by_id
        fresh = [e for e in extractions if by_id.get(e.article.id) is not e]
        if len(by_id) + len({e.article.id for e in fresh if e.article.id not in by_id}) != len(extractions):
            return False  # some of the last build's articles are missing (or an id is given twice)
        self.add(fresh)
        return True

    def add(self, fresh: list[Extraction]) -> None:
        """Add these articles, or replace the ones of the same ids."""
        by_id = self.by_id
        for extraction in fresh:
            article = extraction.article
            old = by_id.get(article.id)
            if old is not None and old.article.published:
                self.years[old.article.published.year] -= 1
            by_id[article.id] = extraction
            self.names[article.id] = article.name
            self.published[article.id] = article.published
            self.precision[article.id] = article.published_precision
            self.article_dates[article.id] = (article.published, article.published_precision, False)
            if article.published:
                self.years[article.published.year] += 1
                self.undated.discard(article.id)
            else:
                self.undated.add(article.id)
        if fresh:
            self.ids = sorted(by_id)
            self.added.append([e.article.id for e in fresh])


class ArticleMemo:
    """Per-article derived values by kind and stamp; `forget` drops an article given again. It also keeps
    the figure series by part (`SeriesBook`), which rebuilds only the parts whose figures changed, and the
    last incident clustering (`ClusterBook`), which the next one replays up to the first changed mention."""

    def __init__(self):
        self._entries: dict[str, dict[tuple, Any]] = {}
        self._index = ArticleIndex()
        self._group_of: dict[str, str] = {}
        self._gathered: dict[str, dict[str, Any]] = {}  # kind -> article id -> its value at the last gather
        self._stamps: dict[str, dict[str, Any]] = {}  # kind -> article id -> the stamp of that value
        self._merged: dict[str, dict] = {}  # kind -> the union of its articles' dictionaries (`merged`)
        self.changed: dict[str, set[str]] = {}  # kind -> the articles its last `by_article` asked again or dropped
        self.dropped: dict[str, dict[str, Any]] = {}  # kind -> the values its last `by_article` dropped
        self._told: dict[str, tuple] = {}  # kind -> (the index, how many of its additions) its values have seen
        self.series = SeriesBook()
        self.clusters = ClusterBook()
        self.fatalities: dict = {}  # the incidents last given their fatalities (`with_fatalities`)
        self.drafts = DraftBook()

    def articles(self, extractions: Iterable[Extraction] | None) -> ArticleIndex:
        """The index of these articles (the last build's, updated for the ones that differ); None: the index as
        it stands (a live ledger gives it its articles as they come, `take`)."""
        if extractions is None:
            return self._index
        extractions = extractions if isinstance(extractions, list) else list(extractions)
        if not self._index.update(extractions):
            self._index = ArticleIndex()
            self._index.update(extractions)
        return self._index

    def take(self, extractions: Iterable[Extraction]) -> None:
        """Add these articles to the index, or replace the ones of the same ids (`LiveLedger.add`)."""
        self._index.add([e for e in extractions if self._index.by_id.get(e.article.id) is not e])

    def get(self, kind: str, article_id: str, stamp, compute: Callable[[], Any]):
        key = (kind, stamp)
        entries = self._entries.get(article_id)
        if entries is None:
            entries = self._entries[article_id] = {}
        elif (value := entries.get(key, _MISSING)) is not _MISSING:  # the common case: one lookup
            return value
        same_kind = [k for k in entries if k[0] == kind]
        if len(same_kind) >= KEEP:
            del entries[same_kind[0]]
        value = entries[key] = compute()
        return value

    def gather(self, kind: str, article_ids: list[str], stamp_of: Callable[[str], Any] | None,
               suspects: Iterable[str], compute: Callable[[str], Any]) -> list:
        """compute(a) for each article id in order, as `get` keeps it under stamp_of(a) (none: one stamp for all).
        Only the articles new to this kind's last gather, and the suspects (those whose stamp may have changed
        since: the undated, whose date the corpus infers; those whose group changed), are asked: an update
        costs its changed articles and a list of the others' kept values."""
        return list(map(self.by_article(kind, article_ids, stamp_of, suspects, compute).__getitem__, article_ids))

    def by_article(self, kind: str, article_ids: list[str], stamp_of: Callable[[str], Any] | None,
                   suspects: Iterable[str], compute: Callable[[str], Any]) -> dict[str, Any]:
        """What `gather` gives, as article id -> value (the memo's own: read it, do not change it). suspects may
        be a dictionary of their stamps now, when the caller made it once for several kinds."""
        values = self._gathered.setdefault(kind, {})
        stamps = self._stamps.setdefault(kind, {})
        todo = self._new_to(kind, article_ids, values)
        if stamp_of is not None:
            now = suspects if isinstance(suspects, dict) else {a: stamp_of(a) for a in suspects}
            todo += [a for a, stamp in now.items() if a in values and stamps[a] != stamp]
        for article_id in todo:
            stamp = stamps[article_id] = None if stamp_of is None else stamp_of(article_id)
            values[article_id] = self.get(kind, article_id, stamp, lambda a=article_id: compute(a))
        self.changed[kind] = set(todo)
        self.dropped[kind] = {}
        if len(values) != len(article_ids):  # articles left the corpus since the last gather
            wanted = set(article_ids)
            for gone in [a for a in values if a not in wanted]:
                self.dropped[kind][gone] = values.pop(gone)
                del stamps[gone]
                self.changed[kind].add(gone)
        return values

    def _new_to(self, kind: str, article_ids: list[str], values: dict) -> list[str]:
        """The articles whose value the kind lacks: when it was last asked of this index, only those the index
        added since can be (no scan of every article); else any."""
        index, told = self._told.get(kind, (None, 0))
        self._told[kind] = (self._index, len(self._index.added))
        if index is self._index and article_ids is index.ids:
            return sorted({a for added in index.added[told:] for a in added if a not in values})
        return sorted(set(article_ids).difference(values))

    def merged(self, kind: str, article_ids: list[str], compute: Callable[[str], dict]) -> dict:
        """The union of compute(a), a dictionary keyed by the article's own keys, over the articles; kept up to
        date as `by_article` asks articles again or drops them, and as they are forgotten (the caller copies
        it: it changes with the next build)."""
        union = self._merged.setdefault(kind, {})
        values = self.by_article(kind, article_ids, None, (), compute)
        for value in self.dropped[kind].values():
            for key in value:
                union.pop(key, None)
        for article_id in self.changed[kind]:
            union.update(values.get(article_id, ()))
        return union

    def regrouped(self, group_of: dict[str, str], hint: set[str] | None = None) -> set[str]:
        """The articles whose source group differs from the one the last build gave them (new ones included);
        hint: those whose group may differ, when the caller knows (a live ledger's grouper), else any."""
        last, self._group_of = self._group_of, group_of
        if last is group_of:
            return set()
        if hint is not None and len(last) <= len(group_of):
            return {a for a in hint if last.get(a) != group_of.get(a)}
        return {a for a, _ in group_of.items() - last.items()}

    def forget(self, article_ids: Iterable[str]) -> None:
        article_ids = list(article_ids)
        for article_id in article_ids:
            self._entries.pop(article_id, None)
            for kind, union in self._merged.items():
                for key in self._gathered.get(kind, {}).get(article_id, ()):
                    union.pop(key, None)
            for values in (*self._gathered.values(), *self._stamps.values()):
                values.pop(article_id, None)
        if article_ids:  # a forgotten article is new to every kind again, whether or not it is given again
            self._told.clear()
