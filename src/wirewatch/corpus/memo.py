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

from collections.abc import Callable, Collection, Iterable
from typing import Any

from .incidents import ClusterBook
from .series import SeriesBook

_MISSING = object()
KEEP = 2  # stamps kept per article and kind: an undated article is read with and without its inferred date


class ArticleMemo:
    """Per-article derived values by kind and stamp; `forget` drops an article given again. It also keeps
    the figure series by part (`SeriesBook`), which rebuilds only the parts whose figures changed, and the
    last incident clustering (`ClusterBook`), which the next one replays up to the first changed mention."""

    def __init__(self):
        self._entries: dict[str, dict[tuple, Any]] = {}
        self._gathered: dict[str, dict[str, Any]] = {}  # kind -> article id -> its value at the last gather
        self.series = SeriesBook()
        self.clusters = ClusterBook()
        self.fatalities: dict = {}  # the incidents last given their fatalities (`with_fatalities`)

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

    def gather(self, kind: str, article_ids: list[str], stamps: dict[str, Any] | None,
               compute: Callable[[str], Any]) -> list:
        """compute(a) for each article id in order, as `get` keeps it under stamps[a] (none: one stamp for all);
        asked only for the articles new to this kind's last gather or whose stamp differs from the one it used,
        so an update costs its changed articles and a list of the others' kept values."""
        kept = self._gathered.setdefault(kind, {"stamps": {}, "values": {}})
        values, last = kept["values"], kept["stamps"]
        todo = [a for a in article_ids if a not in values]
        if stamps is not None and stamps is not last:
            todo += [a for a, stamp in stamps.items() if a in values and last.get(a, _MISSING) != stamp]
        for article_id in todo:
            values[article_id] = self.get(kind, article_id, None if stamps is None else stamps[article_id],
                                          lambda a=article_id: compute(a))
        if len(values) != len(article_ids):  # articles left the corpus since the last gather
            wanted = set(article_ids)
            for gone in [a for a in values if a not in wanted]:
                del values[gone]
        kept["stamps"] = stamps
        return list(map(values.__getitem__, article_ids))

    def forget(self, article_ids: Iterable[str]) -> None:
        for article_id in article_ids:
            self._entries.pop(article_id, None)
            for kept in self._gathered.values():
                kept["values"].pop(article_id, None)
