"""What a watch session remembers between polls, in the store: sources' validators and health,
items already taken, and the alerts each ledger update emitted (the dashboard reads the latest)."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable

from sqlalchemy import delete, insert, select, update

from .db import Store
from .schema import alerts, watch_items, watch_sources


def key(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8", "replace")).hexdigest()


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


class WatchState:
    """The watch tables of one store."""

    def __init__(self, store: Store):
        self.engine = store.engine

    def source(self, source: str) -> dict:
        """The source's stored state (etag, last_modified, failures, last_error...), empty when never polled."""
        with self.engine.connect() as conn:
            row = conn.execute(select(watch_sources).where(watch_sources.c.source_key == key(source))).mappings().first()
        return dict(row) if row else {}

    def record_poll(self, source: str, error: str | None = None, etag: str | None = None,
                    last_modified: str | None = None) -> None:
        """A poll's outcome: validators kept on success, failures counted in a row on error."""
        now = _now()
        old = self.source(source)
        values = {"last_poll": now, "source": source}
        if error is None:
            values.update(last_ok=now, failures=0, last_error=None, etag=etag or old.get("etag"),
                          last_modified=last_modified or old.get("last_modified"))
        else:
            values.update(failures=(old.get("failures") or 0) + 1, last_error=error[:1000])
        with self.engine.begin() as conn:
            if old:
                conn.execute(update(watch_sources).where(watch_sources.c.source_key == key(source)).values(**values))
            else:
                conn.execute(insert(watch_sources).values(source_key=key(source), **values))

    def unseen(self, source: str, items: Iterable[str]) -> list[str]:
        """The items (URLs, file keys) this source has not given before, in their order."""
        items = list(dict.fromkeys(items))
        if not items:
            return []
        with self.engine.connect() as conn:
            seen = set(conn.execute(select(watch_items.c.item_key).where(
                watch_items.c.source_key == key(source), watch_items.c.item_key.in_([key(i) for i in items]))).scalars())
        return [i for i in items if key(i) not in seen]

    def mark_seen(self, source: str, item: str, outcome: str, article_id: str | None = None) -> None:
        with self.engine.begin() as conn:
            conn.execute(delete(watch_items).where(watch_items.c.source_key == key(source),
                                                   watch_items.c.item_key == key(item)))
            conn.execute(insert(watch_items).values(source_key=key(source), item_key=key(item), item=item,
                                                    seen_at=_now(), outcome=outcome, article_id=article_id))

    def sources(self) -> list[dict]:
        with self.engine.connect() as conn:
            return [dict(r) for r in conn.execute(select(watch_sources).order_by(watch_sources.c.source)).mappings()]

    def add_alerts(self, found: Iterable[dict], since: dt.datetime | None = None) -> list[dict]:
        """Record the alerts; those recorded already since `since` (the same change, found by another
        watch on this store that saw the same articles arrive) are left out. The ones recorded, to emit.

        The check and the insert are one write transaction (a write first takes the store's write
        lock), so two watches that diff the same articles at once record and emit each alert once."""
        rows = {json.dumps(a, ensure_ascii=False): a for a in found}
        if not rows:
            return []
        with self.engine.begin() as conn:
            conn.execute(update(alerts).where(alerts.c.id < 0).values(kind=alerts.c.kind))
            if since is not None:
                # all since then (no IN list: a first poll's thousands of alerts would pass SQLite's variable limit)
                recorded = set(conn.execute(select(alerts.c.body).where(alerts.c.created_at >= since)).scalars())
                rows = {body: a for body, a in rows.items() if body not in recorded}
            if rows:
                now = _now()
                conn.execute(insert(alerts), [{"created_at": now, "kind": a["kind"], "subject": a["id"][:40],
                                               "body": body} for body, a in rows.items()])
        return list(rows.values())

    def latest_alerts(self, limit: int = 100) -> list[dict]:
        """The most recent alerts first."""
        with self.engine.connect() as conn:
            rows = conn.execute(select(alerts.c.body).order_by(alerts.c.id.desc()).limit(limit)).scalars()
            return [json.loads(body) for body in rows]
