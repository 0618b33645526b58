"""The ledger kept up to date as articles arrive, behind one interface: `LiveLedger.add(extractions)`.

Source groups are kept up to date (`SourceGrouper`: an addition costs only its own articles'
signatures and index queries, about half of a rebuild's time). Incidents, series and agreements are
still recomputed from every extraction held in memory (the store is read once, not at every update):
article dates, incident clusters and violation links depend on one another across the corpus, and an
update that recomputes only the components the new mentions touch belongs here, guarded by the test
that adds a corpus in random batches and compares with `build_ledger`.
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
        self.ledger: Ledger = build_ledger(self._extractions.values(), self._grouper.groups(), self._memo)

    def add(self, extractions: Iterable[Extraction]) -> Ledger:
        """The ledger with these extractions added (or replacing the ones of the same articles)."""
        given = {e.article.id: e for e in extractions}
        if given:
            recleaned = any(i in self._extractions and self._extractions[i].article != e.article
                            for i, e in given.items())
            self._memo.forget(i for i, e in given.items() if i in self._extractions and self._extractions[i] != e)
            self._extractions.update(given)
            if recleaned:  # an article cleaned again keeps its id: its groups are redone from scratch
                self._grouper = SourceGrouper()
                self._grouper.add(e.article for e in self._extractions.values())
            else:
                self._grouper.add(e.article for e in given.values())
            self.ledger = build_ledger(self._extractions.values(), self._grouper.groups(), self._memo)
        return self.ledger

    def __len__(self) -> int:
        return len(self._extractions)

    def __contains__(self, article_id: str) -> bool:
        return article_id in self._extractions
