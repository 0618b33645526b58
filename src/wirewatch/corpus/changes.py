"""What changed between two ledgers, as alerts: new incident, status change, new or changed figure
in a series, violation alleged against an agreement, new agreement.

Incidents and agreements are keyed by their ids, which the ledger derives from their earliest
mention; when a new report brings an earlier mention the id moves, so a record with no old id is
matched to the old record it shares most mentions with before it counts as new. Series are keyed
by claimant, kind, group and scope (and their incident, matched the same way). Alerts are plain
JSON-ready dicts carrying the provenance of what they announce.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from ..model import Provenance
from .ledger import Ledger, to_plain

KINDS = ("incident", "status", "figure", "violation", "agreement")


def diff_ledgers(old: Ledger | None, new: Ledger) -> list[dict]:
    """The alerts that take `old` to `new` (every record of `new` is new when `old` is None)."""
    old_incidents = {i.id: i for i in old.incidents} if old else {}
    old_agreements = {a.id: a for a in old.agreements} if old else {}
    incident_was = _match(old_incidents, new.incidents)
    agreement_was = _match(old_agreements, new.agreements)
    alerts: list[dict] = []
    for incident in new.incidents:
        before = incident_was.get(incident.id)
        if before is None:
            alerts.append(_incident_alert("incident", incident, f"new incident: {_incident_words(incident)}"))
        elif before.status != incident.status:
            alert = _incident_alert("status", incident, f"{_incident_words(incident)}: now {incident.status.value}, "
                                                        f"was {before.status.value}")
            alert.update(status=incident.status.value, previous_status=before.status.value, previous_id=before.id)
            alerts.append(alert)
    old_series = {_series_key(s, {}): s for s in old.series} if old else {}
    renamed = {new_id: was.id for new_id, was in incident_was.items()}
    for series in new.series:
        before = old_series.get(_series_key(series, renamed))
        if before is not None and _points(before) == _points(series):
            continue
        alerts.append(_figure_alert(series, before))
    for agreement in new.agreements:
        before = agreement_was.get(agreement.id)
        if before is None:
            alerts.append(_agreement_alert("agreement", agreement, f"new {agreement.kind.value}", agreement.mentions))
        known = {_violation_key(v) for v in before.violations} if before else set()
        for violation in agreement.violations:
            if _violation_key(violation) in known:
                continue
            against = f" against {violation.accused}" if violation.accused else ""
            alert = _agreement_alert("violation", agreement, f"violation of the {agreement.kind.value} alleged by "
                                                             f"{violation.accuser}{against}", (violation.provenance,))
            alert.update(accuser=violation.accuser, accused=violation.accused, sentence=violation.sentence,
                         date=_iso(violation.date), place=violation.place,
                         actors=[a for a in (violation.accuser, violation.accused) if a])
            alerts.append(alert)
    return alerts


@dataclass(frozen=True, slots=True)
class AlertFilter:
    """Keep alerts about one of the places, one of the actors, of one of the kinds (empty: any);
    places and actors match case-insensitively anywhere in the alert's names."""

    places: tuple[str, ...] = ()
    actors: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()

    def __call__(self, alert: dict) -> bool:
        if self.kinds and alert["kind"] not in self.kinds:
            return False
        if self.places and not _any_in(self.places, [alert.get("place") or "", *alert.get("places", ())]):
            return False
        return not self.actors or _any_in(self.actors, alert.get("actors", ()))


def _any_in(wanted: Iterable[str], names: Iterable[str]) -> bool:
    names = [n.casefold() for n in names if n]
    return any(w.casefold() in n for w in wanted for n in names)


def _match(old: dict, new: Iterable) -> dict:
    """For each new record, the old one it continues: the same id, else the one sharing most mentions."""
    by_mention: dict = {}
    for record in old.values():
        for mention in record.mentions:
            by_mention.setdefault(_at(mention), record.id)
    found = {}
    for record in new:
        if record.id in old:
            found[record.id] = old[record.id]
            continue
        shared = Counter(by_mention[_at(m)] for m in record.mentions if _at(m) in by_mention)
        if shared:
            found[record.id] = old[shared.most_common(1)[0][0]]
    return found


def _at(mention: Provenance) -> tuple:
    return mention.article_id, mention.sentence_index, mention.start


def _series_key(series, renamed: dict) -> tuple:
    """What a series is across two ledgers: its claimant, kind, group, scope, incident (as renamed) and voice;
    a series of one attack that no incident holds (an unplaced, undated one) is told apart by the sentence
    of its first report."""
    anchor = None
    if series.scope != "conflict" and series.incident is None and series.points and series.points[0].reports:
        first = series.points[0].reports[0]
        anchor = (first.article_id, first.sentence_index)
    return (series.claimant, series.kind, series.group, series.scope, renamed.get(series.incident, series.incident),
            series.voice, anchor)


def _points(series) -> tuple:
    return tuple((p.value, p.qualifier, p.upper, p.as_of) for p in series.points)


def _violation_key(violation) -> tuple:
    return violation.accuser, violation.accused, violation.date, _at(violation.provenance)


def _incident_alert(kind: str, incident, summary: str) -> dict:
    place = incident.place.name if incident.place else (incident.place_names[0] if incident.place_names else None)
    actors = [a for a in (incident.actor, *(c.speaker for c in incident.claims), *(c.accused for c in incident.claims))
              if a]
    return {"kind": kind, "id": incident.id, "summary": summary, "date": _iso(incident.date), "place": place,
            "places": list(incident.place_names), "actors": list(dict.fromkeys(actors)),
            "status": incident.status.value, "articles": list(incident.reports),
            "provenance": to_plain(list(incident.mentions))}


def _incident_words(incident) -> str:
    where = incident.place.name if incident.place else ", ".join(incident.place_names) or "place unknown"
    return f"{(incident.acled or incident.label).lower()} in {where} on {_iso(incident.date) or 'an unknown day'}"


def _figure_alert(series, before) -> dict:
    latest = series.latest
    was = before.latest if before else None
    qualifier = latest.qualifier.value.replace("_", " ")
    summary = (f"{series.claimant_written}: {series.kind.value} {qualifier} {latest.value:,}"
               f"{f' as of {latest.as_of}' if latest.as_of else ''}"
               + (f" (was {was.value:,})" if was is not None and was.value != latest.value else "")
               + ("" if before else " (new series)"))
    *_, voice, anchor = _series_key(series, {})
    told_apart = (f"|{voice}" if voice else "") + (f"|{anchor[0]}:{anchor[1]}" if anchor else "")
    return {"kind": "figure", "id": f"{series.claimant}|{series.kind.value}|{series.group}|{series.scope}"
                                    f"|{series.incident or ''}{told_apart}",
            "summary": summary, "date": _iso(latest.as_of), "place": None, "actors": [series.claimant],
            "claimant": series.claimant, "figure_kind": series.kind.value, "group": series.group,
            "scope": series.scope, "incident": series.incident, "value": latest.value,
            "qualifier": latest.qualifier.value, "previous_value": was.value if was is not None else None,
            "new_series": before is None, "articles": list(dict.fromkeys(p.article_id for p in latest.reports)),
            "provenance": to_plain(list(latest.reports))}


def _agreement_alert(kind: str, agreement, summary: str, provenance) -> dict:
    return {"kind": kind, "id": agreement.id, "summary": summary, "date": _iso(agreement.date),
            "place": agreement.venue, "actors": [*agreement.parties, *agreement.mediators],
            "agreement_kind": agreement.kind.value, "parties": list(agreement.parties),
            "articles": list(dict.fromkeys(p.article_id for p in provenance)), "provenance": to_plain(list(provenance))}


def _iso(day) -> str | None:
    return day.isoformat() if day else None
