"""Runs the stages in order over a batch: ingest -> clean -> store, reporting each input's outcome."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from pathlib import Path

from sqlalchemy.exc import SQLAlchemyError

from .clean import candidate_lines, clean
from .errors import BadInput
from .ingest import read_inputs
from .model import Extraction, IngestReport, IngestTally, RawDocument, Skipped
from .settings import Settings
from .store import Store
from .version import pipeline_version

Progress = Callable[[str, str], None]
"""Called once per input document with (source, outcome), outcome one of stored/present/skipped."""


def ingest(
    paths: Iterable[str | Path],
    store: Store,
    settings: Settings,
    progress: Progress | None = None,
    on_total: Callable[[int], None] | None = None,
) -> IngestReport:
    """Read, clean and store every document under `paths`; bad inputs are skipped and reported."""
    paths = [str(p) for p in paths]
    batch_lines, total = _count_batch_lines(paths, settings)
    if on_total:
        on_total(total)
    tally = IngestTally()
    recurring_cache: dict[str, frozenset[str]] = {}
    for item in read_inputs(paths, settings.max_bytes):
        if isinstance(item, Skipped):
            tally.skipped.append(item)
            _tell(progress, item.source, "skipped")
            continue
        tally.notes.extend(item.notes)
        outcome = _ingest_one(item, store, settings, batch_lines, recurring_cache, tally)
        _tell(progress, item.source, outcome)
    report = tally.freeze()
    store.record_run("ingest", pipeline_version(), len(report.stored), len(report.already_present), len(report.skipped))
    return report


def _ingest_one(raw: RawDocument, store: Store, settings: Settings, batch_lines, recurring_cache, tally) -> str:
    recurring = _recurring_for(raw.outlet, store, settings, batch_lines, recurring_cache)
    try:
        article = clean(raw, pipeline_version(), recurring, settings.min_text_chars)
    except BadInput as exc:
        tally.skipped.append(Skipped(exc.subject, exc.problem))
        return "skipped"
    lines = candidate_lines(raw, settings.recurring_line_max_words) if article.outlet else ()
    try:
        added = store.add_article(article, lines)
    except SQLAlchemyError as exc:
        reason = getattr(exc, "orig", None) or exc
        tally.skipped.append(Skipped(raw.source, f"not stored: database error ({reason}); the store is unchanged"))
        return "skipped"
    tally.article_ids.append(article.id)
    if added:
        tally.stored.append(article.name)
        return "stored"
    tally.already_present.append(article.name)
    return "present"


def _count_batch_lines(paths: list[str], settings: Settings) -> tuple[dict[str, Counter], int]:
    """Per outlet, how many documents of this batch carry each short line; and the document count."""
    counts: dict[str, Counter] = defaultdict(Counter)
    total = 0
    for item in read_inputs(paths, settings.max_bytes):
        total += 1
        if isinstance(item, RawDocument) and item.outlet:
            counts[item.outlet].update(candidate_lines(item, settings.recurring_line_max_words))
    return counts, total


def _recurring_for(outlet, store: Store, settings: Settings, batch_lines, cache) -> frozenset[str]:
    if not outlet:
        return frozenset()
    if outlet not in cache:
        stored = store.line_counts(outlet)
        batch = batch_lines.get(outlet, Counter())
        needed = settings.recurring_line_min_articles
        cache[outlet] = frozenset(h for h in set(stored) | set(batch) if stored.get(h, 0) + batch[h] >= needed)
    return cache[outlet]


def _tell(progress: Progress | None, source: str, outcome: str) -> None:
    if progress:
        progress(source, outcome)


def extract(
    article_ids: Iterable[str],
    store: Store,
    extractor_factory: Callable[[], object],
    force: bool = False,
    progress: Progress | None = None,
) -> Iterable[Extraction]:
    """The extraction of each article, from the store when this pipeline version made it, else fresh.

    Fresh extractions are stored (one transaction per article), so the next call reads them back.
    The extractor is built on first need: reading stored results never loads the language model.
    """
    version = pipeline_version()
    extractor = None
    for article_id in article_ids:
        article = store.article(article_id)
        if article is None:
            continue
        if not force and store.extracted_version(article_id) == version:
            extraction = store.extraction(article)
        else:
            if extractor is None:
                extractor = extractor_factory()
            extraction = extractor.extract(article)
            store.save_extraction(extraction, version)
        _tell(progress, article.source, "extracted")
        yield extraction
