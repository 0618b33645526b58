"""The ledger kept up to date as articles arrive, behind one interface: `LiveLedger.add(extractions)`.

An update runs `build_ledger` with what the live ledger keeps between updates, and so equals a full
rebuild by construction (tests/corpus/test_incremental.py compares them on batches of every size):

- the articles (corpus/memo.py `ArticleIndex`): ids, names, dates, years and the undated ones, given the
  new articles by the live ledger, so no update reads every article;
- source groups: `SourceGrouper` (signatures and a band index by group) costs only the new articles' queries,
  each meeting a group of a bucket once, however many outlets carry it; it keeps each article's group id;
- per-article work (corpus/memo.py): sentence dates, located and dated incident mentions, figure,
  agreement and accusation facts, sentence maps, each kept under the values it depends on (the
  article's date, stated or inferred; its group; the corpus's year when undated). A kind asks only the
  articles the index added since it last asked, and the suspects: the undated (whose date the corpus
  infers) and the regrouped;
- figure series (`SeriesBook`): only the articles asked again, moved, or whose incidents or office owners
  changed are keyed again, only the parts (one key, or the voices of one claimant, kind and group) whose
  figures changed are rebuilt, and the sorted series are kept by bisection;
- incident clustering (`ClusterBook`): greedy in one order (date, article, sentence), so the last state is
  taken back to the longest unchanged prefix of that order and the search goes on from the first new or
  changed mention (news of the last days: the last part of the order); only the denials new or near a
  changed cluster are matched again, and only changed clusters make their incidents again;
- agreement drafting (`DraftBook`): founding mentions go in date order, so the founding drafts are
  taken back to the unchanged prefix in the same way; fatalities are counted again only for incidents
  whose tied series changed.

Still global at each update, over kept data and with small steps: the order of mentions (a sort, and a
comparison with the last), passing and brokered agreement mentions, violation links (most accusations
are passed over at a dictionary lookup), group dates of undated articles, and the ledger's dictionaries
(copied, so an earlier ledger never changes under its reader).

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
        return build_ledger(None, self._grouper.groups(), self._memo, self._grouper.group_of(),
                            self._grouper.regrouped())

    def __len__(self) -> int:
        return len(self._extractions)

    def __contains__(self, article_id: str) -> bool:
        return article_id in self._extractions

