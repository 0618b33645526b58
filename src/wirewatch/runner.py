"""Runs the stages in order over a batch: ingest -> clean -> store, reporting each input's outcome."""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from functools import partial
from pathlib import Path

from sqlalchemy.exc import OperationalError, SQLAlchemyError

from .clean import clean_document, pack_raw, unpack_raw
from .errors import BadInput, StoreBusy
from .isolate import Failed, extract_each
from .ingest import read_inputs
from .ingest.language import foreign_language
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
    """Read, clean and store every document under `paths`; bad inputs are skipped and reported.

    An outlet's recurring lines are learnt from what the store holds, never from the batch alone:
    the store cleans its articles again when a line becomes recurring (`Store.add_article`), so
    the same files give the same texts in any order and any split into batches.
    """
    paths = [str(p) for p in paths]
    if on_total:
        on_total(sum(1 for _ in read_inputs(paths, settings.max_bytes)))
    tally = IngestTally()
    items = ((item, _recurring_for(item, store, settings)) for item in read_inputs(paths, settings.max_bytes))
    pool = multiprocessing.get_context("spawn").Pool(settings.workers) if settings.workers > 1 else None
    try:
        jobs = ((i, r, *_limits(settings)) for i, r in items)
        cleaned = pool.imap(_clean_item, jobs, chunksize=4) if pool else map(_clean_item, jobs)
        for raw, result, used in cleaned:
            if isinstance(raw, Skipped):
                tally.skipped.append(raw)
                _tell(progress, raw.source, "skipped")
                continue
            tally.notes.extend(raw.notes)
            outcome = _store_one(raw, result, used, store, settings, tally)
            _tell(progress, raw.source, outcome)
    finally:
        if pool is not None:
            pool.close()
            pool.join()
    report = tally.freeze()
    store.record_run("ingest", pipeline_version(), len(report.stored), len(report.already_present), len(report.skipped))
    return report


def _clean_item(job):
    """Clean one document (in a worker process when there are several): (raw, (Article, its short
    lines) or Skipped, the recurring lines it was cleaned with). Whatever goes wrong with one
    document is that document's Skipped, never the batch's end."""
    raw, recurring, min_chars, max_words, max_chars = job
    if isinstance(raw, Skipped):
        return raw, None, recurring
    try:
        cleaned = clean_document(raw, pipeline_version(), recurring, min_chars, max_words, max_chars)
        language = foreign_language(cleaned[0].text)
        if language:
            return raw, Skipped(raw.source, f"not English (detected: {language})"), recurring
        return raw, cleaned, recurring
    except BadInput as exc:
        return raw, Skipped(exc.subject, exc.problem), recurring
    except (RecursionError, ValueError, TypeError, LookupError, ArithmeticError, AttributeError) as exc:
        return raw, Skipped(raw.source, f"not cleaned: {type(exc).__name__}: {_one_line(exc)}"), recurring


def ingest_document(raw: RawDocument, store: Store, settings: Settings) -> tuple[str, IngestReport]:
    """Clean and store one document here (the HTTP ingest path): its outcome and the report."""
    tally = IngestTally()
    job = (raw, _recurring_for(raw, store, settings), *_limits(settings))
    _, result, used = _clean_item(job)
    outcome = _store_one(raw, result, used, store, settings, tally)
    return outcome, tally.freeze()


def _store_one(raw: RawDocument, result, used: frozenset, store: Store, settings: Settings, tally) -> str:
    if isinstance(result, Skipped):
        tally.skipped.append(result)
        return "skipped"
    article, lines = result
    try:
        added = store.add_article(
            article, () if raw.is_html else lines, lines=lines, cleaned_with=used,
            raw=pack_raw(raw) if article.outlet else None,
            reclean=partial(_reclean, limits=_limits(settings)),
            min_articles=settings.recurring_line_min_articles)
    except (SQLAlchemyError, ValueError, OverflowError) as exc:
        if isinstance(exc, OperationalError) and "locked" in str(exc.orig).lower():
            raise StoreBusy(store.db) from None
        reason = getattr(exc, "orig", None) or exc
        tally.skipped.append(Skipped(raw.source, f"not stored: database error ({_one_line(reason)}); "
                                                 f"the store is unchanged"))
        return "skipped"
    tally.article_ids.append(article.id)
    if added:
        tally.stored.append(article.name)
        return "stored"
    tally.already_present.append(article.name)
    return "present"


def _limits(settings: Settings) -> tuple[int, int, int]:
    """The cleaning limits of `clean_document`: min_chars, max_words, max_chars."""
    return settings.min_text_chars, settings.recurring_line_max_words, settings.max_text_chars


def _reclean(blob: bytes, recurring: frozenset, limits: tuple[int, int, int]):
    """A stored input cleaned again with the outlet's recurring lines; None when no text would be left."""
    try:
        return clean_document(unpack_raw(blob), pipeline_version(), recurring, *limits)[0]
    except BadInput:
        return None


def _recurring_for(item, store: Store, settings: Settings) -> frozenset[str]:
    """The recurring lines of the document's outlet as the store knows them now."""
    if not isinstance(item, RawDocument) or not item.outlet:
        return frozenset()
    return store.recurring_lines(item.outlet, settings.recurring_line_min_articles)


def _one_line(exc) -> str:
    return " ".join(str(exc).split())[:300]


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
    max_chars: int | None = None,
) -> Iterable[Extraction]:
    """The extraction of each article in order, from the store when this pipeline version made it,
    else fresh; fresh ones are stored, one transaction per batch.

    An article whose extraction fails is stored as failed with its reason (`wirewatch articles`
    shows it), comes out with no mentions and is told to `progress` as "failed"; the batch goes on,
    and the next pipeline version tries it again. An article longer than `max_chars` (stored
    before that limit) fails without being parsed, so memory stays bounded.

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
            too_long = {a.id: Failed(a, f"text of {len(a.text):,} characters is over the {max_chars:,}-character "
                                        f"limit (WIREWATCH_MAX_TEXT_CHARS)")
                        for a in fresh if max_chars is not None and len(a.text) > max_chars}
            parsed = _run([a for a in fresh if a.id not in too_long], runner, extractor_factory, state)
            in_flight.append((articles, {a.id for a in fresh}, _merged(fresh, too_long, parsed)))
        if not in_flight:
            return
        if len(in_flight) >= ahead or not chunk:
            articles, fresh_ids, results = in_flight.popleft()
            done = [next(results) if article.id in fresh_ids else None for article in articles]
            failures = [(x.article, x.reason) for x in done if isinstance(x, Failed)]
            refused = store.save_extractions([x for x in done if isinstance(x, Extraction)], version, failures)
            failed = {a.id for a, _ in failures + refused}
            kept = iter(store.extractions([a for a, x in zip(articles, done) if x is None and a.id not in failed]))
            for article, extraction in zip(articles, done):
                if article.id in failed:
                    extraction = Extraction(article=article)
                elif extraction is None:
                    extraction = next(kept)
                _tell(progress, article.source, "failed" if article.id in failed else "extracted")
                yield extraction


def stored_extractions(article_ids: Iterable[str], store: Store, batch: int = EXTRACT_BATCH) -> Iterator[Extraction]:
    """The stored extraction of each article that has one (of any version), in order; nothing is
    extracted or written, and articles never extracted are left out."""
    ids = iter(article_ids)
    while chunk := [i for _, i in zip(range(batch), ids)]:
        yield from store.extractions([a for a, made_by in store.articles_for_extraction(chunk) if made_by is not None])


def _merged(fresh: list, refused: dict, parsed: Iterator) -> Iterator:
    """The results for `fresh` in order: a refused article's Failed, else the next parsed result."""
    for article in fresh:
        yield refused[article.id] if article.id in refused else next(parsed)


def _run(articles: list, runner, factory, state) -> Iterator[Extraction | Failed]:
    """The extractions of the articles, in order (a Failed for each that raised); a runner has them
    under way before this returns."""
    if not articles:
        return iter(())
    if runner is not None:
        return iter(runner.map(articles))
    if state["extractor"] is None:
        state["extractor"] = factory()
    return iter(extract_each(state["extractor"].extract_many, articles))
