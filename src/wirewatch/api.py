"""The Python API: `wirewatch.open(db)` gives a ledger handle whose methods return plain records."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path

from .corpus.corrections import CorrectionError, actor_key, apply_corrections, fix_value, in_force, target_of
from .corpus.ledger import Ledger, build_ledger, to_plain
from .errors import BadInput
from .model import Extraction, IngestReport
from .resolve.actors import canonical_actors
from .runner import extract as run_extract
from .runner import ingest as run_ingest
from .runner import stored_extractions
from .settings import Settings
from .store import Store
from .store.corrections import add_correction, corrections_state, list_corrections


class Wirewatch:
    """A store and the ledger built from it. Records come back as dicts that pandas.DataFrame accepts."""

    def __init__(self, db: str | Path = "wirewatch.db", settings: Settings | None = None, read_only: bool = False):
        """read_only: never extract (nor write): the ledger holds what is already extracted, as a
        server that shows a store must neither block its readers on the model nor change the store.
        An analyst's correction (`correct`, `undo`) is the one write it still makes: a row appended to
        the log, behind the server's token."""
        self.settings = settings or Settings.from_env(db=str(db))
        self.store = Store(self.settings.db, self.settings.lock_wait)
        self.read_only = read_only or self.store.read_only  # a store opened with ?mode=ro is only read
        self._extractor = None
        self._ledger: tuple[tuple, Ledger] | None = None  # the machine's ledger and the store state it is of
        self._fixed: tuple | None = None  # (that ledger, the log state, the corrected ledger)
        self._rebuild_lock = threading.Lock()
        self._rebuilding: threading.Thread | None = None
        self._apart = None  # the lower-priority worker process that `ingest_record(apart=True)` extracts on

    def close(self) -> None:
        if self._apart is not None:
            self._apart.close()
            self._apart = None
        self.store.close()

    def __enter__(self) -> "Wirewatch":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # stages -------------------------------------------------------------------------------------

    def ingest(self, paths: Iterable[str | Path], progress=None, on_total=None) -> IngestReport:
        """Read, clean and store the articles under the paths (a bad file is skipped and named).

        progress(source, outcome) is called per input; on_total(n) once with the number of inputs."""
        report = run_ingest(paths, self.store, self.settings, progress=progress, on_total=on_total)
        self._ledger = None
        return report

    def ingest_record(self, record: dict, source: str = "record", apart: bool = False) -> tuple[str, str]:
        """Store and extract one article given as a JSON Lines record (id, url, outlet, title,
        published, text or html): its article id and outcome ("stored" or "present"); BadInput
        when it cannot be stored, with the reason.

        apart: extract on a worker process of this handle's, at a lower scheduling priority, so a
        server's parse neither holds its interpreter lock nor slows its readers; `close` stops it."""
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
        runner = None
        if apart:
            if self._apart is None:
                from .parallel import ProcessRunner

                self._apart = ProcessRunner(1, nice=10)
            runner = self._apart
        list(self.extractions([article_id], runner=runner))
        return article_id, outcome

    def extractions(self, article_ids: Iterable[str] | None = None, progress=None, runner=None, force: bool = False,
                    workers: int = 1, dask: str | None = None) -> Iterator[Extraction]:
        """Each article's extraction, computed once per pipeline version and then read from the store.

        force: extract again even when this pipeline version already did. workers > 1 or dask
        ("local:N", "tcp://host:port"): extract on that many processes or on a Dask cluster, started
        on the first article and stopped when the iteration ends (ConfigError for a bad spec);
        runner: one the caller already has and closes (`wirewatch.parallel.make_runner`).
        """
        ids = list(article_ids) if article_ids is not None else self.store.article_ids()
        if self.read_only:
            yield from stored_extractions(ids, self.store)
            return
        owned = None
        if runner is None:
            from .parallel import make_runner

            runner = owned = make_runner(workers, dask)
        try:
            yield from run_extract(ids, self.store, self._make_extractor, force=force, progress=progress,
                                   runner=runner, max_chars=self.settings.max_text_chars)
        finally:
            if owned is not None:
                owned.close()

    def extraction_problems(self, sources: Iterable[str]) -> list[tuple[str, str]]:
        """(source, reason) for each stored article of `sources` whose extraction failed, in store order."""
        wanted = set(sources)
        if not wanted:
            return []
        states = self.store.extraction_states()
        return [(a.source, states.get(a.id, (None, None))[1] or "extraction failed")
                for a in self.store.articles() if a.source in wanted]

    def ledger(self) -> Ledger:
        """The ledger of everything stored, with the analyst's corrections applied; rebuilt only when
        the store changed, and corrected again (cheaply, without a rebuild) when only the log changed.

        Read-only (a server's readers): once there is a ledger, a change is rebuilt on a thread of
        its own while callers keep getting the last ledger, so no reader waits for a rebuild.
        """
        state = (self.store.count_articles(), self.store.last_change())
        cached = self._ledger
        if cached is not None and cached[0] == state:
            return self._corrected(cached[1])
        if self.read_only and cached is not None:
            with self._rebuild_lock:
                if self._rebuilding is None or not self._rebuilding.is_alive():
                    self._rebuilding = threading.Thread(target=self._rebuild, args=(state,), daemon=True)
                    self._rebuilding.start()
            return self._corrected(cached[1])
        self._ledger = (state, build_ledger(list(self.extractions())))
        return self._corrected(self._ledger[1])

    def _rebuild(self, state: tuple) -> None:
        self._ledger = (state, build_ledger(list(self.extractions())))

    def _corrected(self, machine: Ledger) -> Ledger:
        """The machine's ledger with the corrections log applied (corpus/corrections.py), remembered per log state."""
        log_state = corrections_state(self.store)
        fixed = self._fixed
        if fixed is None or fixed[0] is not machine or fixed[1] != log_state:
            fixed = self._fixed = (machine, log_state, apply_corrections(machine, list_corrections(self.store)))
        return fixed[2]

    # corrections --------------------------------------------------------------------------------

    def correct(self, action: str, kind: str, ref: str, value: dict | None = None, author: str = "analyst",
                reason: str = "") -> int:
        """Append a correction (reject, merge, fix, check) of the item `ref` names in the current ledger;
        its id. CorrectionError when the item or value is not usable. fix: value {"place"|"date"|"type"|
        "status": text}; merge: kind "actor", value {"into": name}."""
        if action not in ("reject", "merge", "fix", "check"):
            raise CorrectionError(f"unknown action {action!r}: reject, merge, fix or check")
        if action == "merge":
            kind = "actor"
            into = " ".join(str((value or {}).get("into") or "").split())
            if not into:
                raise CorrectionError("merge: name the actor to merge into")
            if " ".join(ref.split()).casefold() == into.casefold():
                raise CorrectionError(f"merge: {ref!r} and {into!r} are one actor already")
            if actor_key(ref) not in self._actor_keys():
                raise CorrectionError(f"no actor {ref!r} in the ledger (its speakers, claimants, perpetrators and "
                                      f"parties are in `wirewatch ledger --format json`)")
            value = {"into": into}
        elif kind == "actor":
            raise CorrectionError(f"{action} applies to an item, not an actor")
        elif action == "fix":
            if kind != "incident":
                raise CorrectionError("fix applies to an incident's place, date, type or status")
            fields = {k: v for k, v in (value or {}).items() if v not in (None, "")}
            if not fields:
                raise CorrectionError("fix: give a place, date, type or status")
            fixed: dict = {}
            for field, text in fields.items():
                fixed.update(fix_value(field, str(text), self._gazetteer() if field == "place" else None))
            value = fixed
        else:
            value = None
        target = target_of(self.ledger(), kind, ref)
        return add_correction(self.store, action, kind, target, value, author, reason)

    def undo(self, correction_id: int, author: str = "analyst", reason: str = "") -> int:
        """Append an undo of a correction (the log keeps both); its id."""
        entries = list_corrections(self.store)
        log = {e["id"]: e for e in entries}
        if correction_id not in log:
            raise CorrectionError(f"no correction {correction_id}")
        entry = log[correction_id]
        # an undo that would change nothing in force (its correction is undone already) is refused, as a
        # second undo of one correction would otherwise silently outvote the undo of the first undo
        trial = {**entry, "id": max(log) + 1, "action": "undo", "undoes": correction_id}
        if in_force(entries + [trial]) == in_force(entries):
            undoers = [e["id"] for e in entries if e["undoes"] == correction_id]
            if not undoers:
                raise CorrectionError(f"undoing correction {correction_id} would change nothing in force")
            raise CorrectionError(f"correction {correction_id} is undone already (by correction {undoers[-1]}); "
                                  f"undo {undoers[-1]} to restore it")
        return add_correction(self.store, "undo", entry["kind"], entry["target"], None, author, reason,
                              undoes=correction_id)

    def corrections(self) -> list[dict]:
        return list_corrections(self.store)

    def _actor_keys(self) -> set[str]:
        """The actors the ledger names (machine's and corrected), as merge keys: a merge of a name the
        ledger never gives would be recorded and change nothing, so a typo would go unseen."""
        corrected = self.ledger()
        names: set[str] = set()
        for ledger in {id(corrected): corrected, id(self._ledger[1]): self._ledger[1]}.values():
            for i in ledger.incidents:
                names.add(i.actor)
                names.update(n for c in i.claims for n in (c.speaker, c.accused))
            names.update(s.claimant for s in ledger.series)
            for a in ledger.agreements:
                names.update(a.parties)
                names.update(n for v in a.violations for n in (v.accuser, v.accused))
        keys = {actor_key(n) for n in names if n}
        keys.update(actor_key(part) for n in names if n for part in canonical_actors(n))
        return keys

    def _gazetteer(self):
        from .nlp.gazetteer import Gazetteer

        return Gazetteer()

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
