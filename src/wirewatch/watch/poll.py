"""A watch session: poll every source, store and extract what is new, update the ledger, emit what changed.

One source failing never stops the others: it is named in one line, its failure is counted in the
store, and it is polled again next time. Alerts are computed as the difference of the ledger
before and after the poll's new articles (`corpus/changes.py`), stored, and handed to the sink.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from ..api import Wirewatch
from ..corpus.changes import diff_ledgers
from ..corpus.incremental import LiveLedger
from ..errors import BadInput
from ..model import Skipped
from ..runner import ingest_document
from ..store.watch import WatchState
from .fetch import Fetcher, FetchError
from .sources import poll_source

# How long before the last update an article stamped by another process may still be uncommitted: a watch
# asks the store for the articles stamped since then, which it checks against its ledger's.
COMMIT_MARGIN = dt.timedelta(minutes=10)


@dataclass(slots=True)
class PollReport:
    """One poll: the articles it stored, the sources that failed (with why), item problems, alerts."""

    stored: list[str] = field(default_factory=list)  # article ids
    failed: dict[str, str] = field(default_factory=dict)  # source -> one line
    problems: list[str] = field(default_factory=list)
    alerts: list[dict] = field(default_factory=list)


class Watcher:
    """Polls the sources into the handle's store; `sink` gets each poll's alerts, `tell` one-line notes."""

    def __init__(self, handle: Wirewatch, sources: list[str], fetcher: Fetcher,
                 sink: Callable[[list[dict]], object] = lambda alerts: None,
                 tell: Callable[[str], None] = lambda line: None):
        self.handle = handle
        self.sources = list(dict.fromkeys(sources))
        self.fetcher = fetcher
        self.sink = sink
        self.tell = tell
        self.state = WatchState(handle.store)
        self._live: LiveLedger | None = None
        self._since: dt.datetime | None = None  # when the live ledger last took in the store's articles

    @property
    def live(self) -> LiveLedger:
        """The ledger of what the store held when the session began, built on first need."""
        if self._live is None:
            self._since = dt.datetime.now(dt.timezone.utc)
            self._live = LiveLedger(self.handle.extractions())
        return self._live

    def poll(self) -> PollReport:
        """Poll every source once, then update the ledger and emit the alerts."""
        report = PollReport()
        self.live  # noqa: B018 - the ledger before this poll's articles, to diff against
        for source in self.sources:
            try:
                found = poll_source(source, self.state, self.fetcher, self.handle.settings.max_bytes)
            except (FetchError, BadInput) as exc:
                report.failed[source] = exc.line()
                self.state.record_poll(source, error=exc.line())
                failures = self.state.source(source).get("failures", 1)
                self.tell(f"source failed ({failures} in a row): {exc.line()}")
                continue
            for line in found.problems:
                report.problems.append(line)
                self.tell(f"skipped: {line}")
            for item in found.items:
                self._take(source, item, report)
            self.state.record_poll(source, etag=found.etag, last_modified=found.last_modified)
        # articles another process stored meanwhile (`wirewatch ingest` on the same store) join too: those
        # stamped since the last update (less a margin for a batch stamped before it was committed)
        asked = dt.datetime.now(dt.timezone.utc)
        stored = self.handle.store.ids_ingested_since(self._since - COMMIT_MARGIN)
        fresh = list(dict.fromkeys(report.stored + sorted(i for i in stored if i not in self.live)))
        if fresh:
            before, since, self._since = self.live.ledger, self._since, asked
            after = self.live.add(self.handle.extractions(fresh, progress=self._failed))
            # another watch on this store that saw these articles arrive has announced their changes
            report.alerts = self.state.add_alerts(diff_ledgers(before, after), since=since)
            self.sink(report.alerts)
        return report

    def _failed(self, source: str, outcome: str) -> None:
        if outcome == "failed":
            self.tell(f"extraction failed: {source} (stored as failed; `wirewatch articles` shows why)")

    def _take(self, source: str, item, report: PollReport) -> None:
        """Store the item's documents; the item is remembered as seen with its last outcome."""
        outcome, article_id = "skipped", None
        for document in item.documents:
            if isinstance(document, Skipped):
                report.problems.append(document.line())
                self.tell(f"skipped: {document.line()}")
                continue
            outcome, tally = ingest_document(document, self.handle.store, self.handle.settings)
            for skipped in tally.skipped:
                report.problems.append(skipped.line())
                self.tell(f"skipped: {skipped.line()}")
            if outcome == "stored":
                article_id = tally.article_ids[0]
                report.stored.append(article_id)
        self.state.mark_seen(source, item.key, outcome, article_id)

    def run(self, every: float, once: bool = False, sleep: Callable[[float], None] = time.sleep) -> PollReport:
        """Poll now, then every `every` seconds until stopped (KeyboardInterrupt reaches the caller);
        with `once`, the one poll's report."""
        while True:
            started = time.monotonic()
            report = self.poll()
            self.tell(f"poll: {len(report.stored)} new articles, {len(report.alerts)} alerts, "
                      f"{len(report.failed)} sources failed")
            if once:
                return report
            sleep(max(0.0, every - (time.monotonic() - started)))
