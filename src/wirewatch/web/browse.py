"""Browsing the ledger as a reader does: the article list, and a page per actor (what it claimed, what it
was accused of, its figures and agreements, in date order). Every page has a JSON twin under /api/.

Pages read the (corrected) ledger and the store's article metadata; nothing here parses text.
"""

from __future__ import annotations

from collections import Counter
from urllib.parse import quote

from fastapi import HTTPException, Request
from fastapi.responses import HTMLResponse

from ..model import Stance
from ..resolve.actors import canonical_actor, canonical_actors
from ..store.browse import article_index


def actor_link(name: str) -> str:
    """The address of an actor's page (the name, URL-quoted as one path segment)."""
    return "/actors/" + quote(name, safe="")


def articles(handle) -> dict:
    """Every stored article with its extraction state and the incidents it reports."""
    ledger = handle.ledger()
    incidents = Counter(a for i in ledger.incidents for a in i.reports)
    items = article_index(handle.store)
    for item in items:
        item["incidents"] = incidents.get(item["id"], 0)
        item["state"] = "failed" if item.pop("extract_error") and item["extracted_by"] else (
            "extracted" if item["extracted_by"] else "pending")
    return {"total": len(items), "items": items}


def actors(handle) -> dict:
    """Every actor the ledger names, with how often it speaks, is accused and gives figures."""
    counts: dict[str, Counter] = {}
    for record in _records(handle.ledger()):
        counts.setdefault(record["actor"], Counter())[record["role"]] += 1
    items = [{"name": name, "link": actor_link(name), **{role: c.get(role, 0) for role in _ROLES}}
             for name, c in counts.items()]
    return {"items": sorted(items, key=lambda a: (-sum(a[r] for r in _ROLES), a["name"]))}


def actor(handle, name: str) -> dict | None:
    """What one actor claimed, denied and was accused of, its figures and agreements, in date order."""
    wanted = _actor_name(name)
    records = [r for r in _records(handle.ledger()) if r["actor"].lower() == wanted.lower()]
    if not records:
        return None
    records.sort(key=lambda r: (r["date"] is None, r["date"] or ""))
    return {"name": records[0]["actor"], **{role: [r for r in records if r["role"] == role] for role in _ROLES}}


_ROLES = ("claimed", "denied", "accused_of", "figures", "agreements")


def _actor_name(text: str) -> str:
    return canonical_actor(text) or " ".join(text.split())


def _records(ledger):
    """One record per thing an actor did in the ledger: (actor, role, date, what, where to read it)."""
    name = lambda article_id: ledger.names.get(article_id, article_id)  # noqa: E731
    for incident in ledger.incidents:
        date = incident.date.isoformat() if incident.date else None
        where = incident.place.name if incident.place else ", ".join(incident.place_names)
        what = f"{incident.acled or incident.label} at {where}"
        base = {"date": date, "what": what, "incident": incident.id, "status": incident.status.value}
        for claim in incident.claims:
            role = {Stance.DENY: "denied"}.get(claim.stance, "claimed")
            for speaker in canonical_actors(claim.speaker):
                yield {**base, "actor": speaker, "role": role, "stance": claim.stance.value,
                       "against": claim.accused, "sentence": claim.sentence, "article": name(claim.article_id),
                       "article_id": claim.article_id}
            if claim.stance is Stance.ACCUSE and claim.accused:
                for accused in canonical_actors(claim.accused):
                    yield {**base, "actor": accused, "role": "accused_of", "stance": "accused",
                           "against": None, "by": claim.speaker, "sentence": claim.sentence,
                           "article": name(claim.article_id), "article_id": claim.article_id}
    for series in ledger.series:
        for point in series.points:
            yield {"actor": series.claimant, "role": "figures",
                   "date": point.as_of.isoformat() if point.as_of else None,
                   "what": f"{point.qualifier.value.replace('_', ' ')} {point.value:,} {series.kind.value} "
                           f"({series.group}, {series.scope})",
                   "sentence": point.sentences[0] if point.sentences else "",
                   "article": name(point.reports[0].article_id), "article_id": point.reports[0].article_id}
    for record in ledger.agreements:
        for party in record.parties:
            yield {"actor": _actor_name(party), "role": "agreements",
                   "date": record.date.isoformat() if record.date else None,
                   "what": f"{record.kind.value}{' in ' + record.venue if record.venue else ''}",
                   "agreement": record.id,
                   "article": name(record.mentions[0].article_id) if record.mentions else None,
                   "article_id": record.mentions[0].article_id if record.mentions else None}


def add_routes(app, locked, page) -> None:
    """Each list as a page and its JSON twin under /api/, from one function."""

    def twin(path: str, fn, template: str, summary: str) -> None:
        def as_page(request: Request):
            return page(request, template, result=locked(fn))

        def as_json():
            return locked(fn)

        app.get(path, response_class=HTMLResponse, include_in_schema=False)(as_page)
        app.get("/api" + path, summary=summary)(as_json)

    twin("/articles", articles, "articles.html", "Every stored article (no text) with its extraction state")
    twin("/actors", actors, "actors.html", "Every actor the ledger names, with counts of what it claimed, "
                                          "denied, was accused of and gave")

    def found(name: str) -> dict:
        content = locked(actor, name)
        if content is None:
            raise HTTPException(404, f"no actor {name}")
        return content

    @app.get("/actors/{name:path}", response_class=HTMLResponse, include_in_schema=False)
    def actor_page(request: Request, name: str):
        return page(request, "actor.html", a=found(name), roles=_ROLES)

    @app.get("/api/actors/{name:path}")
    def api_actor(name: str):
        """One actor: what it claimed, denied and was accused of, its figures and agreements, over time."""
        return found(name)
