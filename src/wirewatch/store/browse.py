"""Light reads for the dashboard's browsing pages: article metadata without texts, the last update."""

from __future__ import annotations

from sqlalchemy import func, select

from .db import Store
from .schema import articles, corrections


def article_index(store: Store) -> list[dict]:
    """Every stored article's metadata (no text), by publication date then name."""
    columns = (articles.c.id, articles.c.name, articles.c.outlet, articles.c.title, articles.c.published,
               articles.c.words, articles.c.extracted_version, articles.c.extract_error)
    query = select(*columns).order_by(articles.c.published.is_(None), articles.c.published, articles.c.name)
    with store.engine.connect() as conn:
        rows = conn.execute(query).mappings().all()
    return [{"id": r["id"], "name": r["name"], "outlet": r["outlet"], "title": r["title"],
             "published": r["published"].isoformat() if r["published"] else None, "words": r["words"],
             "extracted_by": r["extracted_version"], "extract_error": r["extract_error"]} for r in rows]


def last_updated(store: Store) -> str | None:
    """When the store last changed (an article ingested or a correction made), ISO 8601 UTC, or None."""
    with store.engine.connect() as conn:
        times = [conn.execute(select(func.max(articles.c.ingested_at))).scalar(),
                 conn.execute(select(func.max(corrections.c.made_at))).scalar()]
    times = [t for t in times if t is not None]
    return max(t.replace(tzinfo=None) for t in times).isoformat(timespec="seconds") + "Z" if times else None
