"""The ledger as one JSON object (SCHEMA.md, "Ledger export"): what `wirewatch ledger --format json` prints.

It is a view of the Ledger object that the report, the dashboard and the CSV/GeoJSON exports also read;
nothing here decides a status, a figure or a violation, it only names them in the schema's terms.
"""

from __future__ import annotations

from ..corpus.corrections import claim_key, figure_keys, violation_key
from ..corpus.ledger import Ledger
from ..model import IncidentStatus, Stance
from ..resolve.actors import canonical_actors

STATUS_KEYS = {
    IncidentStatus.ACCUSED_AND_DENIED: "disputed",
    IncidentStatus.CONFIRMED_BY_BOTH: "confirmed",
    IncidentStatus.CORROBORATED: "corroborated",
    IncidentStatus.ONE_PARTY: "single_party",
    IncidentStatus.UNATTRIBUTED: "unattributed",
}


def ledger_record(ledger: Ledger) -> dict:
    """The whole ledger as plain JSON-ready data, in the schema's four parts."""
    name = lambda article_id: ledger.names.get(article_id, article_id)  # noqa: E731
    checked = ledger.checked
    incidents = []
    for i in ledger.incidents:
        record = _incident(i, name)
        record["checked"] = i.id in checked
        record["claims"] = [{"key": claim_key(c), "stance": c.stance.value, "speaker": c.speaker,
                             "article": name(c.article_id), "checked": claim_key(c) in checked} for c in i.claims]
        incidents.append(record)
    series = []
    for s in ledger.series:
        record = _series(s, name)
        record["figure_keys"] = [k for p in s.points for k in figure_keys(ledger, s, p)]
        record["checked"] = any(k in checked for k in record["figure_keys"])
        series.append(record)
    agreements = []
    incident_of = {i["id"]: i for i in incidents}
    for a in ledger.agreements:
        record = _agreement(a, name)
        record["checked"] = a.id in checked
        for violation, out in zip(a.violations, record["violations_alleged"]):
            out["key"] = violation_key(violation)
            out["checked"] = out["key"] in checked
            if (incident := incident_of.get(violation.incident)) is not None:
                # where its incident is: every name the sources wrote for it, and its coordinates
                out.update(place_names=incident["place_names"], lat=incident["lat"], lon=incident["lon"])
        agreements.append(record)
    return {
        "incidents": incidents,
        "figure_series": series,
        "agreements": agreements,
        "source_groups": [{"id": g.id, "articles": [name(m) for m in g.members], "outlets": list(g.outlets)}
                          for g in ledger.groups if len(g.members) > 1],
        "corrections": list(ledger.corrections),
    }


def _iso(date) -> str | None:
    return date.isoformat() if date else None


def _incident(incident, name) -> dict:
    place = incident.place
    def by(stance):
        return list(dict.fromkeys(name for c in incident.claims if c.stance is stance
                                  for name in canonical_actors(c.speaker)))

    return {
        "id": incident.id,
        "date": _iso(incident.date),
        "place": place.name if place else (incident.place_names[0] if incident.place_names else None),
        "place_names": list(incident.place_names),
        "lat": place.lat if place else None,
        "lon": place.lon if place else None,
        "type": incident.acled or incident.label,
        "status": STATUS_KEYS[incident.status],
        "status_label": incident.status.value,
        "accused_by": by(Stance.ACCUSE),
        "denied_by": by(Stance.DENY),
        "perpetrator_claimed": incident.actor,
        "fatalities": incident.fatalities,
        "articles": [name(a) for a in incident.reports],
    }


def _series(series, name) -> dict:
    latest = series.latest
    return {
        "claimant": _as_filed(series.claimant, series.claimant_written),
        "claimant_written": series.claimant_written,
        "kind": series.kind.value,
        "group": series.group,
        "scope": series.scope,
        "incident": series.incident,
        "voice": series.voice,
        "latest": {"value": latest.value, "qualifier": latest.qualifier.value, "as_of": _iso(latest.as_of)},
        "points": len(series.points),
        "articles": list(dict.fromkeys(name(r.article_id) for p in series.points for r in p.reports)),
    }


def _as_filed(canonical: str, written: str) -> str:
    """The canonical claimant, with the words the source used when they say more ("Russia government
    (Putin)", "Iraq military (an Iraqi army captain)"): grouped by the first, quotable by the second."""
    written = written.strip()
    if canonical.lower() == written.lower().removeprefix("the ").strip() or written.lower() == "the article itself":
        return written  # a phrase that names no actor is filed as written
    if written.lower() in canonical.lower():
        return canonical
    return f"{canonical} ({written})"


def _agreement(record, name) -> dict:
    return {
        "id": record.id,
        "kind": record.kind.value,
        "date": _iso(record.date),
        "venue": record.venue,
        "parties": list(record.parties),
        "mediators": list(record.mediators),
        "violations_alleged": [{"date": _iso(v.date), "alleged_by": " and ".join(canonical_actors(v.accuser)),
                                "against": " and ".join(canonical_actors(v.accused)) or None,
                                "place": v.place, "incident": v.incident} for v in record.violations],
        "articles": list(dict.fromkeys(name(m.article_id) for m in record.mentions)),
    }
