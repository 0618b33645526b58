"""The Python API: `wirewatch.open(db)` gives a ledger handle whose methods return plain records."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path

from .corpus.ledger import Ledger, build_ledger, to_plain
from .errors import BadInput
from .model import Extraction, IngestReport
from .runner import extract as run_extract
from .runner import ingest as run_ingest
from .runner import stored_extractions
from .settings import Settings
from .store import Store


class Wirewatch:
    """A store and the ledger built from it. Records come back as dicts that pandas.DataFrame accepts."""

    def __init__(self, db: str | Path = "wirewatch.db", settings: Settings | None = None, read_only: bool = False):
        """read_only: never extract (nor write): the ledger holds what is already extracted, as a
        server that shows a store must neither block its readers on the model nor change the store."""
        self.settings = settings or Settings.from_env(db=str(db))
        self.read_only = read_only
        self.store = Store(self.settings.db, self.settings.lock_wait)
        self._extractor = None
        self._ledger: tuple[tuple, Ledger] | None = None
        self._rebuild_lock = threading.Lock()
        self._rebuilding: threading.Thread | None = None

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> "Wirewatch":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # stages -------------------------------------------------------------------------------------

    def ingest(self, paths: Iterable[str | Path], progress=None) -> IngestReport:
        """Read, clean and store the articles under the paths (a bad file is skipped and named)."""
        report = run_ingest(paths, self.store, self.settings, progress=progress)
        self._ledger = None
        return report

    def ingest_record(self, record: dict, source: str = "record", runner=None) -> tuple[str, str]:
        """Store and extract one article given as a JSON Lines record (id, url, outlet, title,
        published, text or html): its article id and outcome ("stored" or "present"); BadInput
        when it cannot be stored, with the reason."""
        from .ingest import storable
        from .ingest.jsonl import document
        from .model import Skipped
        from .runner import ingest_document

        raw = document(record, source, str(record.get("id") or "posted"))
        if isinstance(raw, Skipped):
            raise BadInput(source, raw.reason)
        outcome, report = ingest_document(storable(raw), self.store, self.settings)
        if outcome == "skipped":
            raise BadInput(source, report.skipped[0].reason)
        article_id = report.article_ids[0]
        self._ledger = None
        list(self.extractions([article_id], runner=runner))
        return article_id, outcome

    def extractions(self, article_ids: Iterable[str] | None = None, progress=None, runner=None) -> Iterator[Extraction]:
        """Each article's extraction, computed once per pipeline version and then read from the store.

        runner: extract on other processes or a Dask cluster (`wirewatch.parallel.make_runner`).
        """
        ids = list(article_ids) if article_ids is not None else self.store.article_ids()
        if self.read_only:
            yield from stored_extractions(ids, self.store)
            return
        yield from run_extract(ids, self.store, self._make_extractor, progress=progress, runner=runner,
                               max_chars=self.settings.max_text_chars)

    def ledger(self) -> Ledger:
        """The ledger of everything stored; rebuilt only when the store changed.

        Read-only (a server's readers): once there is a ledger, a change is rebuilt on a thread of
        its own while callers keep getting the last ledger, so no reader waits for a rebuild.
        """
        state = (self.store.count_articles(), self.store.last_change())
        cached = self._ledger
        if cached is not None and cached[0] == state:
            return cached[1]
        if self.read_only and cached is not None:
            with self._rebuild_lock:
                if self._rebuilding is None or not self._rebuilding.is_alive():
                    self._rebuilding = threading.Thread(target=self._rebuild, args=(state,), daemon=True)
                    self._rebuilding.start()
            return cached[1]
        self._ledger = (state, build_ledger(list(self.extractions())))
        return self._ledger[1]

    def _rebuild(self, state: tuple) -> None:
        self._ledger = (state, build_ledger(list(self.extractions())))

    # records ------------------------------------------------------------------------------------

    def incidents(self, since: dt.date | None = None, until: dt.date | None = None) -> list[dict]:
        return [to_plain(i) for i in self.ledger().incidents if _within(i.date, since, until)]

    def figures(self) -> list[dict]:
        rows = []
        for series in self.ledger().series:
            for point in series.points:
                rows.append({"claimant": series.claimant, "claimant_written": series.claimant_written,
                             "kind": series.kind.value, "value": point.value, "qualifier": point.qualifier.value,
                             "as_of": point.as_of.isoformat() if point.as_of else None, "reports": len(point.reports)})
        return rows

    def agreements(self) -> list[dict]:
        return [to_plain(a) for a in self.ledger().agreements]

    def report(self, since: dt.date | None = None, until: dt.date | None = None, format: str = "json"):
        """The situation report for the period: a dict ('json'), Markdown or a self-contained HTML page."""
        from .report import render
        from .report.sitrep import build_report

        content = build_report(self.ledger(), self.store, since, until)
        return content if format == "json" else render(content, format)

    def _make_extractor(self):
        if self._extractor is None:
            from .extract.pipeline import Extractor

            self._extractor = Extractor(settings=self.settings)
        return self._extractor


def open(db: str | Path = "wirewatch.db") -> Wirewatch:  # noqa: A001 - the documented entry point
    """Open (or create) a wirewatch store: `ledger = wirewatch.open("wirewatch.db")`."""
    return Wirewatch(db)


def _within(date: dt.date | None, since: dt.date | None, until: dt.date | None) -> bool:
    if date is None:
        return since is None and until is None
    return (since is None or date >= since) and (until is None or date <= until)
