"""Runs the stages in order over a batch: ingest -> clean -> store, reporting each input's outcome."""

from __future__ import annotations

import multiprocessing
from collections import Counter, defaultdict, deque
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from sqlalchemy.exc import SQLAlchemyError

from .clean import candidate_lines, clean
from .errors import BadInput
from .ingest import read_inputs
from .model import Extraction, IngestReport, IngestTally, RawDocument, Skipped
from .settings import EXTRACT_BATCH, Settings
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
    items = ((item, _recurring_for(item.outlet, store, settings, batch_lines, recurring_cache)
              if isinstance(item, RawDocument) else frozenset())
             for item in read_inputs(paths, settings.max_bytes))
    pool = multiprocessing.get_context("spawn").Pool(settings.workers) if settings.workers > 1 else None
    try:
        cleaned = pool.imap(_clean_item, ((i, r, settings.min_text_chars) for i, r in items), chunksize=4) \
            if pool else (_clean_item((i, r, settings.min_text_chars)) for i, r in items)
        for raw, result in cleaned:
            if isinstance(raw, Skipped):
                tally.skipped.append(raw)
                _tell(progress, raw.source, "skipped")
                continue
            tally.notes.extend(raw.notes)
            outcome = _store_one(raw, result, store, settings, tally)
            _tell(progress, raw.source, outcome)
    finally:
        if pool is not None:
            pool.close()
            pool.join()
    report = tally.freeze()
    store.record_run("ingest", pipeline_version(), len(report.stored), len(report.already_present), len(report.skipped))
    return report


def _clean_item(job):
    """Clean one document (in a worker process when there are several): (raw, Article or Skipped)."""
    raw, recurring, min_chars = job
    if isinstance(raw, Skipped):
        return raw, None
    try:
        return raw, clean(raw, pipeline_version(), recurring, min_chars)
    except BadInput as exc:
        return raw, Skipped(exc.subject, exc.problem)


def _ingest_one(raw: RawDocument, store: Store, settings: Settings, batch_lines, recurring_cache, tally) -> str:
    """Clean and store one document here (the HTTP ingest path)."""
    recurring = _recurring_for(raw.outlet, store, settings, batch_lines, recurring_cache)
    return _store_one(raw, _clean_item((raw, recurring, settings.min_text_chars))[1], store, settings, tally)


def _store_one(raw: RawDocument, article, store: Store, settings: Settings, tally) -> str:
    if isinstance(article, Skipped):
        tally.skipped.append(article)
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
    runner=None,
    batch: int = EXTRACT_BATCH,
) -> Iterable[Extraction]:
    """The extraction of each article in order, from the store when this pipeline version made it,
    else fresh; fresh ones are stored, one transaction per batch.

    runner: a parallel runner (see `parallel.py`) that extracts a batch on other processes; without
    one the extractor is built here on first need, so reading stored results never loads the model.
    Articles go through in batches, so memory does not grow with the corpus. With a runner the next
    batch is already on the workers while this process stores the last one.
    """
    version = pipeline_version()
    state = {"extractor": None}
    ids = iter(article_ids)
    ahead = 1
    if runner is not None:
        batch = max(batch, EXTRACT_BATCH * getattr(runner, "workers", 2))
        ahead = 2
    in_flight: deque = deque()
    while True:
        chunk = [i for _, i in zip(range(batch), ids)]
        if chunk:
            stored = store.articles_for_extraction(chunk)
            articles = [a for a, _ in stored]
            fresh = [a for a, made_by in stored if force or made_by != version]
            in_flight.append((articles, {a.id for a in fresh}, _run(fresh, runner, extractor_factory, state)))
        if not in_flight:
            return
        if len(in_flight) >= ahead or not chunk:
            articles, fresh_ids, results = in_flight.popleft()
            done = [next(results) if article.id in fresh_ids else None for article in articles]
            store.save_extractions([x for x in done if x is not None], version)
            for article, extraction in zip(articles, done):
                if extraction is None:
                    extraction = store.extraction(article)
                _tell(progress, article.source, "extracted")
                yield extraction


def _run(articles: list, runner, factory, state) -> Iterator[Extraction]:
    """The extractions of the articles, in order; a runner has them under way before this returns."""
    if not articles:
        return iter(())
    if runner is not None:
        return iter(runner.map(articles))
    if state["extractor"] is None:
        state["extractor"] = factory()
    return iter(state["extractor"].extract_many(articles))
