"""The one place that speaks SQL: the engine, one transaction per article, and record conversion."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from sqlalchemy import create_engine, delete, event, func, insert, select, update
from sqlalchemy.engine import Engine
from sqlalchemy.exc import ArgumentError, IntegrityError, OperationalError

from ..errors import ConfigError
from ..model import Article, DatePrecision, Extraction, InputFormat
from .records import (
    agreement_of,
    agreement_row,
    claim_of,
    claim_row,
    event_of,
    event_row,
    figure_of,
    figure_row,
    place_of,
    place_row,
)
from .schema import agreements, articles, claims, events, figures, metadata, outlet_lines, place_mentions, runs

# Each kind of mention: its table, the Extraction field holding it, and its row converters.
_MENTIONS = (
    (figures, "figures", figure_row, figure_of),
    (place_mentions, "places", place_row, place_of),
    (claims, "claims", claim_row, claim_of),
    (agreements, "agreements", agreement_row, agreement_of),
    (events, "events", event_row, event_of),
)


def database_url(db: str) -> str:
    """A SQLAlchemy URL for a path ('wirewatch.db') or a URL given as it is (postgresql://...)."""
    if "://" in db:
        if db.startswith("postgresql://"):
            return "postgresql+psycopg://" + db[len("postgresql://"):]
        return db
    return f"sqlite:///{Path(db).expanduser()}"


class Store:
    """The ledger's database; every write of an article happens in its own transaction."""

    def __init__(self, db: str):
        self.db = db
        url = database_url(db)
        if url.startswith("sqlite:///"):
            folder = Path(url[len("sqlite:///"):]).parent
            if not folder.exists():
                raise ConfigError(db, f"folder {folder} does not exist", "create it or choose another --db")
        try:
            self.engine: Engine = create_engine(url, future=True)
        except (ArgumentError, ImportError) as exc:
            raise ConfigError(db, f"not a usable database ({exc})") from None
        if url.startswith("sqlite"):
            event.listen(self.engine, "connect", _sqlite_pragmas)
        try:
            metadata.create_all(self.engine)
        except OperationalError as exc:
            raise ConfigError(db, f"cannot open the database ({exc.orig})") from None

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

    def add_article(self, article: Article, line_hashes: Iterable[str] = ()) -> bool:
        """Store the article and count its lines for its outlet; False when it was already there."""
        row = _article_row(article)
        try:
            with self.engine.begin() as conn:
                conn.execute(insert(articles).values(**row))
                if article.outlet:
                    self._count_lines(conn, article.outlet, line_hashes)
        except IntegrityError:
            if self.has_article(article.id):
                return False
            raise
        return True

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

    def save_extractions(self, extractions: Iterable[Extraction], version: str) -> None:
        """Replace the stored mentions of these articles with theirs, in one transaction: a batch is
        stored whole or not at all (a run that stops re-extracts only what it had not stored), and
        a few statements for the batch cost less than a dozen for each article. An article given
        twice keeps its last extraction."""
        latest = {x.article.id: x for x in extractions}
        if not latest:
            return
        ids = list(latest)
        with self.engine.begin() as conn:
            for table, field, to_row, _ in _MENTIONS:
                conn.execute(delete(table).where(table.c.article_id.in_(ids)))
                rows = [to_row(item, i) for x in latest.values() for i, item in enumerate(getattr(x, field))]
                if rows:
                    conn.execute(insert(table), rows)
            conn.execute(update(articles).where(articles.c.id.in_(ids)).values(extracted_version=version))

    def extracted_version(self, article_id: str) -> str | None:
        with self.engine.connect() as conn:
            return conn.execute(select(articles.c.extracted_version).where(articles.c.id == article_id)).scalar()

    def extraction(self, article: Article) -> Extraction:
        """The stored mentions of an article, as the extract stage produced them."""
        found = {}
        with self.engine.connect() as conn:
            for table, field, _, of_row in _MENTIONS:
                rows = conn.execute(select(table).where(table.c.article_id == article.id).order_by(table.c.seq))
                found[field] = tuple(of_row(r) for r in rows.mappings())
        return Extraction(article=article, **found)

    # recurring lines ----------------------------------------------------------------------------

    def recurring_lines(self, outlet: str, min_articles: int) -> frozenset[str]:
        """Fingerprints of lines that this outlet's stored articles carry at least `min_articles` times."""
        query = select(outlet_lines.c.line_hash).where(
            outlet_lines.c.outlet == outlet, outlet_lines.c.articles >= min_articles
        )
        with self.engine.connect() as conn:
            return frozenset(conn.execute(query).scalars())

    def line_counts(self, outlet: str) -> dict[str, int]:
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(outlet_lines.c.line_hash, outlet_lines.c.articles).where(outlet_lines.c.outlet == outlet)
            )
            return dict(rows.all())

    def _count_lines(self, conn, outlet: str, line_hashes: Iterable[str]) -> None:
        hashes = sorted(set(line_hashes))
        if not hashes:
            return
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


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


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
    return Article(
        id=row["id"],
        name=row["name"],
        source=row["source"],
        format=InputFormat(row["format"]),
        outlet=row["outlet"],
        url=row["url"],
        title=row["title"],
        published=row["published"],
        published_precision=DatePrecision(row["published_precision"]) if row["published_precision"] else None,
        language=row["language"],
        text=row["text"],
        dateline=row["dateline"],
        credits=tuple(c for c in (row["credits"] or "").split("|") if c),
        removed_lines=row["removed_lines"],
        pipeline_version=row["pipeline_version"],
    )
