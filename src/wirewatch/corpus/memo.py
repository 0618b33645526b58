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

from collections.abc import Callable, Iterable
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
        self.series = SeriesBook()
        self.clusters = ClusterBook()

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

    def forget(self, article_ids: Iterable[str]) -> None:
        for article_id in article_ids:
            self._entries.pop(article_id, None)
