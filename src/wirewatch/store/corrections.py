"""The corrections log in the store: append and read, never update or delete (an undo is appended)."""

from __future__ import annotations

import datetime as dt
import json

from sqlalchemy import func, insert, select

from .db import Store
from .schema import corrections


def add_correction(store: Store, action: str, kind: str, target: dict, value: dict | None = None,
                   author: str = "analyst", reason: str = "", undoes: int | None = None) -> int:
    """Append one correction; its id."""
    row = {"made_at": dt.datetime.now(dt.timezone.utc), "author": (author or "analyst")[:100], "action": action,
           "kind": kind, "target": json.dumps(target, ensure_ascii=False, sort_keys=True),
           "value": None if value is None else json.dumps(value, ensure_ascii=False, sort_keys=True),
           "reason": reason or "", "undoes": undoes}
    with store.engine.begin() as conn:
        return conn.execute(insert(corrections).values(**row)).inserted_primary_key[0]


def list_corrections(store: Store) -> list[dict]:
    """Every correction, oldest first, as plain data (made_at in ISO form)."""
    with store.engine.connect() as conn:
        rows = conn.execute(select(corrections).order_by(corrections.c.id)).mappings().all()
    return [{"id": r["id"], "made_at": r["made_at"].isoformat() if r["made_at"] else None, "author": r["author"],
             "action": r["action"], "kind": r["kind"], "target": json.loads(r["target"]),
             "value": json.loads(r["value"]) if r["value"] else None, "reason": r["reason"], "undoes": r["undoes"]}
            for r in rows]


def corrections_state(store: Store) -> tuple:
    """A token that changes whenever a correction is appended (the ledger cache's key)."""
    with store.engine.connect() as conn:
        return tuple(conn.execute(select(func.count(), func.max(corrections.c.id))).first())
