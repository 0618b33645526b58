"""The latest changes a watch session found (stored alerts) and the health of its sources, for the
dashboard's /changes page and its JSON twin; read from the store, never recomputed."""

from __future__ import annotations

from ..store.watch import WatchState


def changes(handle, limit: int = 100) -> dict:
    state = WatchState(handle.store)
    sources = [{"source": s["source"], "last_poll": _iso(s["last_poll"]), "last_ok": _iso(s["last_ok"]),
                "failures": s["failures"], "last_error": s["last_error"]} for s in state.sources()]
    return {"items": state.latest_alerts(limit), "sources": sources}


def _iso(value) -> str | None:
    return value.isoformat() if value else None
