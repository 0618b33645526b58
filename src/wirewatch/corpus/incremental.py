"""The ledger kept up to date as articles arrive, behind one interface: `LiveLedger.add(extractions)`.

Today every update rebuilds the ledger from the extractions held in memory (`build_ledger`), so the
result is a full rebuild's by construction, and the store is read once, not at every update. An
update that recomputes only the incidents, series, agreements and source groups the new mentions
touch belongs here, guarded by the test that adds a corpus in random batches and compares.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..model import Extraction
from .ledger import Ledger, build_ledger


class LiveLedger:
    """The ledger of every extraction given so far; an article given again replaces its last extraction."""

    def __init__(self, extractions: Iterable[Extraction] = ()):
        self._extractions = {e.article.id: e for e in extractions}
        self.ledger: Ledger = build_ledger(self._extractions.values())

    def add(self, extractions: Iterable[Extraction]) -> Ledger:
        """The ledger with these extractions added (or replacing the ones of the same articles)."""
        changed = False
        for extraction in extractions:
            self._extractions[extraction.article.id] = extraction
            changed = True
        if changed:
            self.ledger = build_ledger(self._extractions.values())
        return self.ledger

    def __len__(self) -> int:
        return len(self._extractions)
