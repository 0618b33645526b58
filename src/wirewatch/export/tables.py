"""Incident rows with ACLED-like columns, for CSV and GeoJSON: one row per incident."""

from __future__ import annotations

from ..corpus.ledger import Ledger
from ..model import FigureKind, Stance
from ..resolve.actors import resolve_actor

COLUMNS = ("event_id", "event_date", "time_precision", "event_type", "sub_event_type", "actor1", "actor2",
           "civilian_targeting", "country", "admin1", "location", "latitude", "longitude", "geo_precision",
           "sources", "source_groups", "fatalities", "notes", "checked")


def incident_rows(ledger: Ledger, outlet_of) -> list[dict]:
    """A row per incident; fatalities is the ledger's (killed in this incident only, blank when unknown)."""
    return [{**_row(i, outlet_of), "checked": i.id in ledger.checked} for i in ledger.incidents]


def _row(incident, outlet_of) -> dict:
    place = incident.place
    accusers = [c for c in incident.claims if c.stance is Stance.ACCUSE]
    deniers = [c for c in incident.claims if c.stance is Stance.DENY]
    perpetrator = resolve_actor(incident.actor) if incident.actor else None
    victim = resolve_actor(accusers[0].speaker) if accusers else None
    notes = []
    for claim in accusers[:3]:
        notes.append(f"{claim.speaker} accuses {claim.accused or 'an unnamed party'} ({claim.outlet})")
    for claim in deniers[:3]:
        notes.append(f"{claim.speaker} denies ({claim.outlet})")
    return {
        "event_id": incident.id,
        "event_date": incident.date.isoformat() if incident.date else "",
        "time_precision": {"day": 1, "week": 2, "month": 3}.get(
            incident.date_precision.value if incident.date_precision else "", 3),
        "event_type": incident.acled_event,
        "sub_event_type": incident.acled,
        "actor1": (perpetrator.name if perpetrator else incident.actor) or "",
        "actor2": (victim.name if victim and incident.target in ("military",) else
                   ("Civilians" if incident.target in ("civilians", "residential", "market") else "")),
        "civilian_targeting": "Civilian targeting" if incident.target in ("civilians", "residential", "market") else "",
        "country": place.country if place else "",
        "admin1": place.admin1 if place else "",
        "location": place.name if place else "; ".join(incident.place_names),
        "latitude": round(place.lat, 5) if place else "",
        "longitude": round(place.lon, 5) if place else "",
        "geo_precision": {"sub-city": 1, "city": 1, "district": 2, "region": 3, "country": 3}.get(
            place.precision.value, 3) if place else "",
        "sources": "; ".join(sorted({outlet_of(a) for a in incident.reports})),
        "source_groups": len(incident.groups),
        "fatalities": "" if incident.fatalities is None else incident.fatalities,
        "notes": " | ".join(notes + [f"status: {incident.status.value}"]),
    }


def conservative_killed(ledger: Ledger) -> int | None:
    return ledger.conservative(FigureKind.KILLED)
