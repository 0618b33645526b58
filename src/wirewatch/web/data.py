"""What the dashboard shows, as plain data: every page and its JSON twin come from these functions."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from markupsafe import Markup, escape

from ..api import Wirewatch
from ..corpus.corrections import claim_key
from ..corpus.ledger import to_plain
from ..store.browse import last_updated
from ..model import Extraction, IncidentStatus, Stance
from ..report.sitrep import References

STATUS_FILTERS = {
    "disputed": {IncidentStatus.ACCUSED_AND_DENIED},
    "corroborated": {IncidentStatus.CORROBORATED, IncidentStatus.CONFIRMED_BY_BOTH},
    "single-party": {IncidentStatus.ONE_PARTY, IncidentStatus.UNATTRIBUTED},
}


@dataclass(frozen=True)
class IncidentFilter:
    """The incident list's filters; every field optional."""

    since: dt.date | None = None
    until: dt.date | None = None
    type: str | None = None
    place: str | None = None
    actor: str | None = None
    status: str | None = None
    q: str | None = None

    def matches(self, incident) -> bool:
        if self.since and (incident.date is None or incident.date < self.since):
            return False
        if self.until and (incident.date is None or incident.date > self.until):
            return False
        if self.type and self.type.lower() not in f"{incident.acled} {incident.label} {incident.acled_event}".lower():
            return False
        names = " ".join([incident.place.name if incident.place else "", *incident.place_names]).lower()
        if self.place and self.place.lower() not in names:
            return False
        people = " ".join([incident.actor or "", *(c.speaker for c in incident.claims),
                           *((c.accused or "") for c in incident.claims)]).lower()
        if self.actor and self.actor.lower() not in people:
            return False
        if self.status and incident.status not in STATUS_FILTERS[self.status]:
            return False
        if self.q:
            text = " ".join([names, people, incident.acled, *(c.sentence for c in incident.claims)]).lower()
            if self.q.lower() not in text:
                return False
        return True


def incident_summary(incident) -> dict:
    return {
        "id": incident.id,
        "date": incident.date.isoformat() if incident.date else None,
        "type": incident.acled or incident.label,
        "place": incident.place.name if incident.place else ", ".join(incident.place_names),
        "status": incident.status.value,
        "actor": incident.actor,
        "claims": len(incident.claims),
        "source_groups": len(incident.groups),
        "reports": len(incident.reports),
    }


def incidents(handle: Wirewatch, filters: IncidentFilter, page: int, per_page: int) -> dict:
    chosen = [i for i in handle.ledger().incidents if filters.matches(i)]
    start = (page - 1) * per_page
    return {"total": len(chosen), "page": page, "per_page": per_page,
            "items": [incident_summary(i) for i in chosen[start:start + per_page]]}


def incident(handle: Wirewatch, incident_id: str) -> dict | None:
    found = next((i for i in handle.ledger().incidents if i.id == incident_id), None)
    if found is None:
        return None
    refs = References(handle.store)
    record = to_plain(found)
    record["checked"] = found.id in handle.ledger().checked
    for claim, plain in zip(found.claims, record["claims"]):
        plain["key"] = claim_key(claim)
        plain["outlet"] = refs.outlet(claim.article_id)
        plain["article"] = _article_name(handle, claim.article_id)
    record["sides"] = {
        "accusations": [c for c in record["claims"] if c["stance"] == Stance.ACCUSE.value],
        "denials": [c for c in record["claims"] if c["stance"] == Stance.DENY.value],
        "assertions": [c for c in record["claims"] if c["stance"] in (Stance.ASSERT.value, Stance.CONFIRM.value)],
    }
    record["articles"] = [{"id": a, "name": _article_name(handle, a), "outlet": refs.outlet(a)} for a in found.reports]
    return record


def figures(handle: Wirewatch) -> dict:
    ledger = handle.ledger()
    series = [to_plain(s) for s in ledger.series]
    return {"series": series, "conservative_killed": ledger.conservative(),
            "range_killed": ledger.range(), "note": "figures are never summed; the conservative figure is the "
                                                    "lowest latest count any claimant gives"}


def agreements(handle: Wirewatch) -> dict:
    return {"items": [to_plain(a) for a in handle.ledger().agreements]}


def sources(handle: Wirewatch) -> dict:
    ledger = handle.ledger()
    refs = References(handle.store)
    groups = []
    for group in ledger.groups:
        groups.append({"id": group.id, "outlets": [refs.outlet(m) for m in group.members],
                       "articles": [_article_name(handle, m) for m in group.members], "agencies": list(group.agencies),
                       "incidents": sum(1 for i in ledger.incidents if group.id in i.groups)})
    outlets = Counter(o for g in groups for o in g["outlets"])
    return {"groups": groups, "outlets": [{"outlet": o, "articles": n} for o, n in outlets.most_common()]}


def overview(handle: Wirewatch) -> dict:
    ledger = handle.ledger()
    dates = [i.date for i in ledger.incidents if i.date]
    by_day: dict = {}
    for i in ledger.incidents:
        if i.date:
            by_day.setdefault(i.date.isoformat(), Counter())[i.acled_event or i.label] += 1
    latest = [{"claimant": s.claimant, "kind": s.kind.value, "group": s.group, "scope": s.scope, "value": s.latest.value,
               "qualifier": s.latest.qualifier.value,
               "as_of": s.latest.as_of.isoformat() if s.latest.as_of else None} for s in ledger.series]
    in_force, broken = [], []
    for record in ledger.agreements:
        row = {"id": record.id, "kind": record.kind.value, "date": record.date.isoformat() if record.date else None,
               "venue": record.venue,
               "violations": len(record.violations)}
        (broken if record.violations else in_force).append(row)
    return {
        "period": {"since": min(dates).isoformat() if dates else None, "until": max(dates).isoformat() if dates else None},
        "counts": {"articles": handle.store.count_articles(), "source_groups": len(ledger.groups),
                   "incidents": len(ledger.incidents), "agreements": len(ledger.agreements),
                   "disputed": sum(1 for i in ledger.incidents if i.status is IncidentStatus.ACCUSED_AND_DENIED)},
        "timeline": [{"date": d, "by_type": dict(c)} for d, c in sorted(by_day.items())],
        "latest_figures": latest,
        "updated": last_updated(handle.store),
        "agreements_in_force": in_force,
        "agreements_alleged_broken": broken,
    }


def places(handle: Wirewatch) -> list[dict]:
    found: dict = {}
    for incident in handle.ledger().incidents:
        if incident.place is None:
            continue
        entry = found.setdefault(incident.place.geonameid, {
            "name": incident.place.name, "lat": incident.place.lat, "lon": incident.place.lon,
            "country": incident.place.country, "precision": incident.place.precision.value, "incidents": 0,
            "disputed": 0})
        entry["incidents"] += 1
        entry["disputed"] += incident.status is IncidentStatus.ACCUSED_AND_DENIED
    return sorted(found.values(), key=lambda p: (-p["incidents"], p["name"]))


def article(handle: Wirewatch, key: str) -> dict | None:
    """An article with its extracted items; `key` is the article's hash or its name."""
    found = handle.store.article(key) or next(iter(handle.store.articles([key])), None)
    if found is None:
        return None
    # none yet when the server shows a store whose newest articles are not extracted
    extraction = next(iter(handle.extractions([found.id])), None) or Extraction(article=found)
    spans = []
    for kind, items in (("figure", extraction.figures), ("place", extraction.places), ("claim", extraction.claims),
                        ("agreement", extraction.agreements)):
        for item in items:
            spans.append((item.provenance.start, item.provenance.end, kind, item.provenance.rule))
    return {
        "id": found.id, "name": found.name, "outlet": found.outlet, "title": found.title, "url": found.url,
        "published": found.published.isoformat() if found.published else None, "credits": list(found.credits),
        "text": found.text,
        "figures": [to_plain(f) for f in extraction.figures], "claims": [to_plain(c) for c in extraction.claims],
        "agreements": [to_plain(a) for a in extraction.agreements], "places": [to_plain(p) for p in extraction.places],
        "incidents": [i.id for i in handle.ledger().incidents if found.id in i.reports],
        "highlighted": str(highlight(found.text, spans)),
    }


def highlight(text: str, spans: list[tuple[int, int, str, str]]) -> Markup:
    """The text, escaped, with each extracted item wrapped in a <mark>; overlapping items are skipped."""
    out, cursor = [], 0
    for start, end, kind, rule in sorted(spans):
        if start < cursor or end <= start or end > len(text):
            continue
        out.append(escape(text[cursor:start]))
        out.append(Markup('<mark class="{}" title="{}">').format(kind, rule))
        out.append(escape(text[start:end]))
        out.append(Markup("</mark>"))
        cursor = end
    out.append(escape(text[cursor:]))
    return Markup("").join(out).replace("\n\n", Markup("</p><p>"))


def _article_name(handle: Wirewatch, article_id: str) -> str:
    found = handle.store.article(article_id)
    return found.name if found else article_id
