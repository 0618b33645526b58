"""The one place that speaks SQL: the engine, one transaction per article, and record conversion."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path

from sqlalchemy import create_engine, delete, event, func, insert, inspect, select, text, update
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import ArgumentError, IntegrityError, OperationalError, ProgrammingError

from ..clean.meta import PUBLISHED_YEARS
from ..errors import ConfigError, StoreBusy
from ..model import Article, DatePrecision, Extraction, InputFormat
from .records import (
    agreement_of,
    agreement_row,
    claim_of,
    claim_row,
    date_of,
    date_row,
    event_of,
    event_row,
    figure_of,
    figure_row,
    place_of,
    place_row,
)
from .schema import (
    ADDED_COLUMNS,
    ADDED_INDEXES,
    agreements,
    article_lines,
    articles,
    claims,
    date_mentions,
    events,
    figures,
    metadata,
    outlet_lines,
    place_mentions,
    runs,
)

# The range of the store's integer columns (64 bits): a figure outside it is refused, not stored.
INT64 = (-(2**63), 2**63 - 1)
# How long a writer waits for another process's write to finish before giving up, in seconds.
LOCK_WAIT = 120.0
# Cleans an article again from its stored input with the outlet's recurring lines; None when nothing
# of an article would be left (the stored text is then kept).
Reclean = Callable[[bytes, frozenset], "Article | None"]

# Each kind of mention: its table, the Extraction field holding it, and its row converters.
_MENTIONS = (
    (figures, "figures", figure_row, figure_of),
    (place_mentions, "places", place_row, place_of),
    (claims, "claims", claim_row, claim_of),
    (agreements, "agreements", agreement_row, agreement_of),
    (events, "events", event_row, event_of),
    (date_mentions, "dates", date_row, date_of),
)


def database_url(db: str) -> str:
    """A SQLAlchemy URL for a path ('wirewatch.db') or a URL given as it is (postgresql://...). A SQLite URL
    asking for `?mode=ro` gets it: SQLite reads such options only from a `file:` URI, which SQLAlchemy
    passes on only with `uri=true` (without it the option is dropped with a warning and the file is written)."""
    if "://" in db:
        if db.startswith("postgresql://"):
            return "postgresql+psycopg://" + db[len("postgresql://"):]
        if is_read_only(db) and sqlite_path(db) is not None:
            return f"sqlite:///file:{sqlite_path(db)}?mode=ro&uri=true"
        return db
    return f"sqlite:///{Path(db).expanduser()}"


def _sqlite_url(db: str):
    """The parsed SQLAlchemy URL of a SQLite database URL, or None for a plain path or another database."""
    if "://" not in db:
        return None
    try:
        url = make_url(db)
    except ArgumentError:
        return None
    return url if url.get_backend_name() == "sqlite" else None


def in_memory(db: str) -> bool:
    """Whether a --db names an in-memory SQLite database, which is gone when the command ends."""
    if "://" not in db:
        return db.strip() == ":memory:"
    url = _sqlite_url(db)
    if url is None:
        return False
    name = url.database or ""
    return name in ("", ":memory:") or name.startswith("file::memory:") or url.query.get("mode") == "memory"


def is_read_only(db: str) -> bool:
    """Whether a --db asks for a read-only SQLite store (a URL with `?mode=ro`)."""
    url = _sqlite_url(db)
    return url is not None and url.query.get("mode") == "ro"


def sqlite_path(db: str) -> Path | None:
    """The file a SQLite --db names (None for an in-memory or another database)."""
    if in_memory(db):
        return None
    if "://" not in db:
        return Path(db).expanduser()
    url = _sqlite_url(db)
    return None if url is None else Path(url.database.removeprefix("file:")).expanduser()


class Store:
    """The ledger's database; every write of an article happens in its own transaction."""

    def __init__(self, db: str, lock_wait: float = LOCK_WAIT):
        self.db = db
        self.read_only = is_read_only(db)
        url = database_url(db)
        path = sqlite_path(db)
        if path is not None and not path.parent.exists():
            raise ConfigError(db, f"folder {path.parent} does not exist", "create it or choose another --db")
        if self.read_only and (path is None or not path.exists()):
            raise ConfigError(db, "no such store to read (mode=ro)", "check the name")
        try:
            # sqlite3 waits this long for a lock, where its default gives up after 5 s
            connect_args = {"timeout": lock_wait} if url.startswith("sqlite") else {}
            self.engine: Engine = create_engine(url, future=True, connect_args=connect_args)
        except (ArgumentError, ImportError) as exc:
            raise ConfigError(db, f"not a usable database ({exc})") from None
        if url.startswith("sqlite"):
            event.listen(self.engine, "connect", _sqlite_pragmas)
        if not self.read_only:  # a read-only store is read as it is
            self._create_tables(lock_wait)

    def _create_tables(self, lock_wait: float) -> None:
        """Create what is missing. Two processes opening a fresh store at once both see no table and
        both create it; the one that loses finds the table there on its next look and goes on. SQLite
        answers "locked" at once, without waiting, when two such readers both want to write (it would
        deadlock), so a locked answer is tried again until `lock_wait` has passed."""
        deadline = time.monotonic() + lock_wait
        raced, waits = 0, 0
        while True:
            try:
                metadata.create_all(self.engine)
                _add_missing_columns(self.engine)
                for index in ADDED_INDEXES:
                    index.create(self.engine, checkfirst=True)
                return
            except (OperationalError, ProgrammingError, IntegrityError) as exc:
                message = str(exc.orig).lower()
                if raced < 9 and ("already exists" in message or "duplicate" in message):
                    raced += 1
                    continue
                if "locked" in message:
                    if time.monotonic() < deadline:
                        waits += 1
                        time.sleep(min(0.05 * waits, 1.0))
                        continue
                    raise StoreBusy(self.db) from None
                raise ConfigError(self.db, f"cannot open the database ({exc.orig})") from None

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # articles -----------------------------------------------------------------------------------

    def has_article(self, article_id: str) -> bool:
        with self.engine.connect() as conn:
            return conn.execute(select(articles.c.id).where(articles.c.id == article_id)).first() is not None

    def add_article(self, article: Article, line_hashes: Iterable[str] = (), *, lines: Iterable[str] | None = None,
                    raw: bytes | None = None, cleaned_with: frozenset = frozenset(),
                    reclean: Reclean | None = None, min_articles: int = 3) -> bool:
        """Store the article and count its lines for its outlet; False when it was already there.

        line_hashes: the short lines counted towards the outlet's recurring lines; lines: every short
        line the cleaner looked at (default: the counted ones); raw: the input, kept to clean again.
        With `reclean`, in the same transaction: when this article makes a line recurring (carried
        by `min_articles` articles), every stored article of the outlet carrying it is cleaned again;
        and this article is, when the outlet's recurring lines it carries are not the ones it was
        cleaned with (`cleaned_with`). So the stored texts depend on which articles are stored, never
        on their order or on how they were split into batches, and an interrupted run leaves none
        half-updated.
        """
        row = _article_row(article)
        row["raw"] = raw
        counted = sorted(set(line_hashes))
        carried = sorted(set(lines if lines is not None else counted) | set(counted))
        try:
            with self.engine.begin() as conn:
                conn.execute(insert(articles).values(**row))
                if article.outlet:
                    if carried:
                        conn.execute(insert(article_lines), [{"article_id": article.id, "outlet": article.outlet,
                                                              "line_hash": h} for h in carried])
                    crossed = self._count_lines(conn, article.outlet, counted, min_articles)
                    if reclean is not None:
                        self._reclean(conn, article, set(carried), crossed, cleaned_with, reclean, min_articles)
        except IntegrityError:
            if self.has_article(article.id):
                return False
            raise
        return True

    def _reclean(self, conn, article: Article, carried: set, crossed: set, cleaned_with: frozenset,
                 reclean: Reclean, min_articles: int) -> None:
        recurring = _recurring(conn, article.outlet, min_articles)
        ids = set()
        if crossed:
            ids.update(conn.execute(select(article_lines.c.article_id).where(
                article_lines.c.outlet == article.outlet, article_lines.c.line_hash.in_(sorted(crossed)))).scalars())
        if carried & recurring != carried & cleaned_with:
            ids.add(article.id)
        for article_id in sorted(ids):
            row = conn.execute(select(articles.c.raw, articles.c.text).where(articles.c.id == article_id)).first()
            if row is None or row.raw is None:
                continue
            fresh = reclean(row.raw, recurring)
            if fresh is None or fresh.text == row.text:
                continue
            values = {k: v for k, v in _article_row(fresh).items() if k in _CLEANED_FIELDS}
            conn.execute(update(articles).where(articles.c.id == article_id)
                         .values(**values, extracted_version=None, extract_error=None))
            for table, _, _, _ in _MENTIONS:  # their offsets point into the old text
                conn.execute(delete(table).where(table.c.article_id == article_id))

    def articles(self, names: Iterable[str] | None = None) -> Iterator[Article]:
        """Stored articles by publication date then name; only those named when names are given."""
        query = select(articles).order_by(articles.c.published.is_(None), articles.c.published, articles.c.name)
        if names is not None:
            query = query.where(articles.c.name.in_(list(names)))
        with self.engine.connect() as conn:
            for row in conn.execute(query).mappings():
                yield _article_record(row)

    def last_change(self) -> str:
        """A token that changes whenever an article is added or extracted again."""
        with self.engine.connect() as conn:
            row = conn.execute(select(func.max(articles.c.ingested_at), func.count(articles.c.extracted_version),
                                      func.max(articles.c.extracted_version))).first()
        return "|".join(str(v) for v in row)

    def count_articles(self) -> int:
        with self.engine.connect() as conn:
            return conn.execute(select(func.count()).select_from(articles)).scalar_one()

    def article_ids(self, names: Iterable[str] | None = None) -> list[str]:
        """Ids of stored articles (all, or those with the given names), in the order `articles()` uses."""
        query = select(articles.c.id).order_by(articles.c.published.is_(None), articles.c.published, articles.c.name)
        if names is not None:
            query = query.where(articles.c.name.in_(list(names)))
        with self.engine.connect() as conn:
            return list(conn.execute(query).scalars())

    def stored_ids(self) -> set[str]:
        """The ids of every stored article, in no order: what a watch compares with its live ledger's
        after each poll, without the sort that `article_ids` makes."""
        with self.engine.connect() as conn:
            return set(conn.execute(select(articles.c.id)).scalars())

    def ids_ingested_since(self, when: dt.datetime) -> set[str]:
        """The ids of the articles stored at or after `when`: what a watch takes in after a poll, without
        listing a store of every article it already holds."""
        with self.engine.connect() as conn:
            return set(conn.execute(select(articles.c.id).where(articles.c.ingested_at >= when)).scalars())

    def article(self, article_id: str) -> Article | None:
        found = self.articles_for_extraction([article_id])
        return found[0][0] if found else None

    def articles_for_extraction(self, article_ids: Sequence[str]) -> list[tuple[Article, str | None]]:
        """The stored articles among these ids, in their order, each with the pipeline version that
        last extracted it: one query for an extraction batch rather than two for each article."""
        if not article_ids:
            return []
        with self.engine.connect() as conn:
            rows = conn.execute(select(articles).where(articles.c.id.in_(list(article_ids)))).mappings()
            found = {row["id"]: (_article_record(row), row["extracted_version"]) for row in rows}
        return [found[i] for i in article_ids if i in found]

    # extractions --------------------------------------------------------------------------------

    def save_extractions(self, extractions: Iterable[Extraction], version: str,
                         failures: Iterable[tuple[Article, str]] = ()) -> list[tuple[Article, str]]:
        """Replace the stored mentions of these articles with theirs, in one transaction: a batch is
        stored whole or not at all (a run that stops re-extracts only what it had not stored), and
        a few statements for the batch cost less than a dozen for each article. An article given
        twice keeps its last extraction.

        failures: articles whose extraction failed, with why; they are stored as extracted by this
        version with no mentions and the reason, so the next version tries them again. When the
        batch cannot be written, each article is written alone and those the database refuses are
        recorded the same way; returns those, with the database's reason.
        """
        latest = {x.article.id: x for x in extractions}
        failed = {a.id: reason for a, reason in failures}
        for article_id in failed:
            latest.pop(article_id, None)
        if not latest and not failed:
            return []
        try:
            with self.engine.begin() as conn:
                _write_extractions(conn, list(latest.values()), failed, version)
            return []
        except Exception as exc:  # noqa: BLE001 - any row may be the one refused; see below
            if isinstance(exc, OperationalError) or not latest:
                raise
        refused = []
        for extraction in latest.values():
            try:
                with self.engine.begin() as conn:
                    _write_extractions(conn, [extraction], {}, version)
            except Exception as exc:  # noqa: BLE001 - recorded as this article's failure
                if isinstance(exc, OperationalError):
                    raise
                reason = f"not stored: {type(exc).__name__}: {getattr(exc, 'orig', None) or exc}"[:500]
                refused.append((extraction.article, reason))
        with self.engine.begin() as conn:
            _write_extractions(conn, [], {**failed, **{a.id: r for a, r in refused}}, version)
        return refused

    def extraction_states(self) -> dict[str, tuple[str | None, str | None]]:
        """For each stored article id: the version that last extracted it, and why that failed (or None)."""
        with self.engine.connect() as conn:
            rows = conn.execute(select(articles.c.id, articles.c.extracted_version, articles.c.extract_error))
            return {row.id: (row.extracted_version, row.extract_error) for row in rows}

    def extracted_version(self, article_id: str) -> str | None:
        with self.engine.connect() as conn:
            return conn.execute(select(articles.c.extracted_version).where(articles.c.id == article_id)).scalar()

    def extraction(self, article: Article) -> Extraction:
        """The stored mentions of an article, as the extract stage produced them."""
        return self.extractions([article])[0]

    def extractions(self, articles: Sequence[Article]) -> list[Extraction]:
        """The stored mentions of each article, in their order: one query per kind of mention for the
        batch (six for a hundred articles, where one article at a time took six hundred)."""
        found: dict[str, dict[str, list]] = {a.id: {field: [] for _, field, _, _ in _MENTIONS} for a in articles}
        with self.engine.connect() as conn:
            for table, field, _, of_row in _MENTIONS:
                query = (select(table).where(table.c.article_id.in_(list(found)))
                         .order_by(table.c.article_id, table.c.seq))
                for row in conn.execute(query).mappings():
                    found[row["article_id"]][field].append(of_row(row))
        return [Extraction(article=a, **{field: tuple(items) for field, items in found[a.id].items()})
                for a in articles]

    # recurring lines ----------------------------------------------------------------------------

    def recurring_lines(self, outlet: str, min_articles: int) -> frozenset[str]:
        """Fingerprints of lines that this outlet's stored articles carry at least `min_articles` times."""
        with self.engine.connect() as conn:
            return _recurring(conn, outlet, min_articles)

    def _count_lines(self, conn, outlet: str, line_hashes: Iterable[str], min_articles: int = 3) -> set[str]:
        """Count one more article for each line; the lines this article made recurring."""
        hashes = sorted(set(line_hashes))
        if not hashes:
            return set()
        known = set(
            conn.execute(
                select(outlet_lines.c.line_hash).where(
                    outlet_lines.c.outlet == outlet, outlet_lines.c.line_hash.in_(hashes)
                )
            ).scalars()
        )
        if known:
            conn.execute(
                update(outlet_lines)
                .where(outlet_lines.c.outlet == outlet, outlet_lines.c.line_hash.in_(sorted(known)))
                .values(articles=outlet_lines.c.articles + 1)
            )
        fresh = [{"outlet": outlet, "line_hash": h, "articles": 1} for h in hashes if h not in known]
        if fresh:
            conn.execute(insert(outlet_lines), fresh)
        if not known:
            return {h for h in hashes if min_articles <= 1}
        return set(conn.execute(select(outlet_lines.c.line_hash).where(
            outlet_lines.c.outlet == outlet, outlet_lines.c.line_hash.in_(sorted(known)),
            outlet_lines.c.articles == min_articles)).scalars())

    # runs ---------------------------------------------------------------------------------------

    def record_run(self, command: str, version: str, stored: int, present: int, skipped: int) -> None:
        with self.engine.begin() as conn:
            conn.execute(
                insert(runs).values(
                    command=command,
                    started_at=dt.datetime.now(dt.timezone.utc),
                    pipeline_version=version,
                    stored=stored,
                    already_present=present,
                    skipped=skipped,
                )
            )


def _recurring(conn, outlet: str, min_articles: int) -> frozenset[str]:
    query = select(outlet_lines.c.line_hash).where(outlet_lines.c.outlet == outlet,
                                                   outlet_lines.c.articles >= min_articles)
    return frozenset(conn.execute(query).scalars())


def _write_extractions(conn, extractions: list[Extraction], failed: dict[str, str], version: str) -> None:
    ids = [x.article.id for x in extractions] + list(failed)
    notes: dict[str, str] = {}
    for table, field, to_row, _ in _MENTIONS:
        conn.execute(delete(table).where(table.c.article_id.in_(ids)))
        rows = []
        for x in extractions:
            items = getattr(x, field)
            if field == "figures":
                kept = tuple(f for f in items if _storable_figure(f))
                if len(kept) < len(items):
                    notes[x.article.id] = (f"note: {len(items) - len(kept)} figure(s) beyond the store's "
                                           f"64-bit range not stored")
                items = kept
            rows.extend(to_row(item, i) for i, item in enumerate(items))
        if rows:
            conn.execute(insert(table), rows)
    clean_ids = [x.article.id for x in extractions if x.article.id not in notes]
    if clean_ids:
        conn.execute(update(articles).where(articles.c.id.in_(clean_ids))
                     .values(extracted_version=version, extract_error=None))
    for article_id, reason in {**notes, **failed}.items():
        conn.execute(update(articles).where(articles.c.id == article_id)
                     .values(extracted_version=version, extract_error=reason))


def _storable_figure(figure) -> bool:
    low, high = INT64
    return all(v is None or (isinstance(v, int) and low <= v <= high) for v in (figure.value, figure.upper))


def _add_missing_columns(engine: Engine) -> None:
    """Add the columns a store made by an earlier release lacks (`ADDED_COLUMNS`)."""
    inspector = inspect(engine)
    for table_name, column_name in ADDED_COLUMNS:
        if column_name in {c["name"] for c in inspector.get_columns(table_name)}:
            continue
        column = metadata.tables[table_name].c[column_name]
        with engine.begin() as conn:
            conn.execute(text(f"ALTER TABLE {table_name} ADD COLUMN {column_name} "
                              f"{column.type.compile(engine.dialect)}"))


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


# The columns that cleaning an input again can change (the id never changes: see `clean`).
_CLEANED_FIELDS = ("outlet", "title", "published", "published_precision", "language", "text", "dateline",
                   "credits", "removed_lines", "words", "pipeline_version")


def _article_row(article: Article) -> dict:
    return {
        "id": article.id,
        "name": article.name,
        "source": article.source,
        "format": article.format.value,
        "outlet": article.outlet,
        "url": article.url,
        "title": article.title,
        "published": article.published,
        "published_precision": article.published_precision.value if article.published_precision else None,
        "language": article.language,
        "text": article.text,
        "dateline": article.dateline,
        "credits": "|".join(article.credits),
        "removed_lines": article.removed_lines,
        "words": article.words,
        "pipeline_version": article.pipeline_version,
        "ingested_at": dt.datetime.now(dt.timezone.utc),
    }


def _article_record(row) -> Article:
    # A store written before publication dates were checked may hold a placeholder (year 1, 9999):
    # read as no date, as ingest now reads it, so no later command computes at the calendar's edge.
    published = row["published"] if row["published"] and row["published"].year in PUBLISHED_YEARS else None
    return Article(
        id=row["id"],
        name=row["name"],
        source=row["source"],
        format=InputFormat(row["format"]),
        outlet=row["outlet"],
        url=row["url"],
        title=row["title"],
        published=published,
        published_precision=DatePrecision(row["published_precision"]) if published and row["published_precision"] else None,
        language=row["language"],
        text=row["text"],
        dateline=row["dateline"],
        credits=tuple(c for c in (row["credits"] or "").split("|") if c),
        removed_lines=row["removed_lines"],
        pipeline_version=row["pipeline_version"],
    )
