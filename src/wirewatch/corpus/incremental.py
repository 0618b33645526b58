"""The ledger kept up to date as articles arrive, behind one interface: `LiveLedger.add(extractions)`.

An update runs `build_ledger` with what the live ledger keeps between updates, and so equals a full
rebuild by construction (tests/corpus/test_incremental.py compares them on batches of every size):

- source groups: `SourceGrouper` (signatures and a band index by group) costs only the new articles' queries,
  each meeting a group of a bucket once, however many outlets carry it;
- per-article work (corpus/memo.py): sentence dates, located and dated incident mentions, figure,
  agreement and accusation facts, sentence maps, each kept under the values it depends on (the
  article's date, stated or inferred; its group; the corpus's year when undated), so an article whose
  date or group changed is read again and the others cost a lookup;
- figure series (`SeriesBook`): only the parts (one key, or the voices of one claimant, kind and
  group) whose figures changed are rebuilt;
- incident clustering (`ClusterBook`): greedy in one order (date, article, sentence), so the choices
  made for the longest unchanged prefix of that order are replayed without a search, and the search
  runs from the first new or changed mention on (news of the last days: the last part of the order);
  an incident whose mentions and denials are unchanged is not made again.

Still global at each update, over the kept per-article data: article dates inferred from groups and
incidents (a dictionary pass), the replay itself (a few dictionary steps per mention), denials matched
to incidents, agreement drafting and violation links. Drafting goes in article order, not date order,
so a prefix replay would not localise it; kind and date chains would, when mentions of a kind do not
fall on every day.

The process's cycle collector is left alone: freezing what an update keeps (`gc.freeze`) saved a
full collection's walk when one fell inside an update, but it acts on the whole process's heap (a watch
session's, an application's that embeds the API), and a frozen cycle that later became garbage would never
be freed. Memory that a long-running `watch` cannot give back costs more than the occasional 0.3 s.

An article given again with another extraction (a newer pipeline) or another text or date (cleaned
again) drops what was kept of it; an article cleaned again also rebuilds the source groups.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..model import Extraction
from .ledger import Ledger, build_ledger
from .memo import ArticleMemo
from .syndication import SourceGrouper


class LiveLedger:
    """The ledger of every extraction given so far; an article given again replaces its last extraction."""

    def __init__(self, extractions: Iterable[Extraction] = ()):
        self._extractions = {e.article.id: e for e in extractions}
        self._grouper = SourceGrouper()
        self._grouper.add(e.article for e in self._extractions.values())
        self._memo = ArticleMemo()
        self._fresh = list(self._extractions.values())  # given since the last build
        self.ledger: Ledger = self._build()

    def add(self, extractions: Iterable[Extraction]) -> Ledger:
        """The ledger with these extractions added (or replacing the ones of the same articles)."""
        given = {e.article.id: e for e in extractions}
        if given:
            recleaned = any(i in self._extractions and self._extractions[i].article != e.article
                            for i, e in given.items())
            self._memo.forget(i for i, e in given.items() if i in self._extractions and self._extractions[i] != e)
            self._extractions.update(given)
            self._fresh = list(given.values())
            if recleaned:  # an article cleaned again keeps its id: its groups are redone from scratch
                self._grouper = SourceGrouper()
                self._grouper.add(e.article for e in self._extractions.values())
            else:
                self._grouper.add(e.article for e in given.values())
            self.ledger = self._build()
        return self.ledger

    def _build(self) -> Ledger:
        self._memo.take(self._fresh)
        self._fresh = []
        return build_ledger(None, self._grouper.groups(), self._memo, self._grouper.group_of())

    def __len__(self) -> int:
        return len(self._extractions)

    def __contains__(self, article_id: str) -> bool:
        return article_id in self._extractions

