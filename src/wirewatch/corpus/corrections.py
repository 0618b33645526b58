"""The analyst's corrections applied to a built ledger: the machine proposes, the analyst disposes.

Corrections are an append-only log (store/corrections.py). Each names its item by what the item says,
never by a row id: a claim, figure or violation by article id + a hash of its sentence's text + kind +
normalised speaker or value; an incident or agreement by the keys of the sentences that support it. A
newer pipeline that extracts the article again finds the same sentences, so the correction still
applies; one whose item is gone is kept in the log and simply matches nothing.

`apply_corrections` takes the ledger and the log and returns the corrected ledger, which the report,
the dashboard and every export read. `target_of` turns what a user points at (an incident id, a key
shown in the ledger export) into the stable key that is stored.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib

from ..model import DatePrecision, FigureSeries, GeoPrecision, IncidentStatus, Place
from ..resolve.actors import canonical_actor, canonical_actors
from .incidents import _status
from .ledger import Ledger
from .series import with_fatalities

ACTIONS = ("reject", "merge", "fix", "check", "undo")
ITEM_KINDS = ("claim", "figure", "incident", "agreement", "violation")
FIELDS = ("place", "date", "type", "status")  # what `fix` may change on an incident
# The ledger export's status names (export/ledger.py) and the statuses they stand for.
STATUSES = {
    "disputed": IncidentStatus.ACCUSED_AND_DENIED,
    "confirmed": IncidentStatus.CONFIRMED_BY_BOTH,
    "corroborated": IncidentStatus.CORROBORATED,
    "single_party": IncidentStatus.ONE_PARTY,
    "unattributed": IncidentStatus.UNATTRIBUTED,
}


class CorrectionError(ValueError):
    """A correction that names nothing in the ledger or gives a value that cannot be used."""


# --- keys -----------------------------------------------------------------------------------------


def sentence_key(article_id: str, sentence: str | None) -> str:
    """An article's sentence, by the hash of its text with spaces folded (stable across pipelines)."""
    text = " ".join((sentence or "").split())
    return f"{article_id}:{hashlib.sha1(text.encode('utf-8')).hexdigest()[:12]}"


def actor_key(name: str | None) -> str:
    """An actor as the ledger files it, lower-cased: 'the Armenian defence ministry' and 'Armenia military'
    are one key when they resolve to one actor."""
    text = " ".join((name or "").split())
    return (canonical_actor(text) or text).lower()


def claim_key(claim, article_id: str | None = None) -> str:
    """A claim by its sentence, stance and speaker; a stored mention gives its article id apart."""
    where = sentence_key(article_id or claim.article_id, claim.sentence)
    return f"claim:{where}:{claim.stance.value}:{actor_key(claim.speaker)}"


def violation_key(violation) -> str:
    where = sentence_key(violation.provenance.article_id, violation.sentence)
    return f"violation:{where}:{actor_key(violation.accuser)}"


def figure_key(article_id: str, sentence: str | None, kind, value) -> str:
    """A figure by its sentence, kind and value."""
    return f"figure:{sentence_key(article_id, sentence)}:{kind.value}:{value}"


def figure_keys(ledger: Ledger, series: FigureSeries, point) -> list[str]:
    """One key per report of a figure point."""
    return [figure_key(r.article_id, ledger.sentences.get((r.article_id, r.sentence_index)), series.kind, point.value)
            for r in point.reports]


def checked_mentions(ledger: Ledger):
    """A test saying whether a stored mention (kind 'figure', 'claim', 'event' or 'agreement', with its
    article id) belongs to an item an analyst checked: per-article exports carry it as `checked`."""
    checked = ledger.checked
    incidents = {(p.article_id, p.sentence_index) for i in ledger.incidents if i.id in checked for p in i.mentions}
    agreements = {(p.article_id, p.sentence_index) for a in ledger.agreements if a.id in checked for p in a.mentions}

    def test(kind: str, article_id: str, mention) -> bool:
        if kind == "figure":
            return figure_key(article_id, mention.sentence, mention.kind, mention.value) in checked
        if kind == "claim":
            return claim_key(mention, article_id) in checked
        where = (article_id, mention.provenance.sentence_index)
        return where in (incidents if kind == "event" else agreements if kind == "agreement" else ())
    return test


def mention_keys(ledger: Ledger, mentions) -> list[str]:
    return sorted({sentence_key(m.article_id, ledger.sentences.get((m.article_id, m.sentence_index)))
                   for m in mentions})


def target_of(ledger: Ledger, kind: str, ref: str) -> dict:
    """The stable key of the item a user names: an incident or agreement by its id in this ledger, a
    claim, figure or violation by the key the ledger export shows, an actor by name."""
    if kind == "actor":
        if not ref.strip():
            raise CorrectionError("name the actor")
        return {"actor": " ".join(ref.split())}
    if kind == "incident":
        found = next((i for i in ledger.incidents if i.id == ref), None)
        if found is None:
            raise CorrectionError(f"no incident {ref}")
        return {"id": ref, "mentions": mention_keys(ledger, found.mentions), "place": _place_of(found)}
    if kind == "agreement":
        found = next((a for a in ledger.agreements if a.id == ref), None)
        if found is None:
            raise CorrectionError(f"no agreement {ref}")
        return {"id": ref, "mentions": mention_keys(ledger, found.mentions), "kind": found.kind.value}
    if kind in ("claim", "figure", "violation"):
        if ref not in _item_keys(ledger, kind):
            raise CorrectionError(f"no {kind} {ref} (the keys are in `wirewatch ledger --format json`)")
        return {"key": ref}
    raise CorrectionError(f"unknown kind {kind!r}: choose one of {', '.join(ITEM_KINDS + ('actor',))}")


def fix_value(field: str, value: str, gazetteer=None) -> dict:
    """A fix's value in stored form: a place resolved once, now, so that applying it needs no gazetteer."""
    value = " ".join((value or "").split())
    if field == "date":
        try:
            return {"date": dt.date.fromisoformat(value).isoformat()}
        except ValueError:
            raise CorrectionError(f"date {value!r}: expected YYYY-MM-DD") from None
    if field == "status":
        if value not in STATUSES:
            raise CorrectionError(f"status {value!r}: choose one of {', '.join(STATUSES)}")
        return {"status": value}
    if field == "type":
        if not value:
            raise CorrectionError("give the event type")
        return {"type": value}
    if field == "place":
        entries = gazetteer.lookup(value) if gazetteer is not None and value else ()
        if not entries:
            raise CorrectionError(f"place {value!r} is not in the gazetteer")
        e = entries[0]
        return {"place": {"geonameid": e.id, "name": e.name, "lat": e.lat, "lon": e.lon, "country": e.country,
                          "admin1": e.admin1, "feature": e.feature, "population": e.population}}
    raise CorrectionError(f"unknown field {field!r}: choose one of {', '.join(FIELDS)}")


def _place_of(incident) -> str | None:
    return incident.place.name if incident.place else (incident.place_names[0] if incident.place_names else None)


def _item_keys(ledger: Ledger, kind: str) -> set[str]:
    if kind == "claim":
        return {claim_key(c) for i in ledger.incidents for c in i.claims}
    if kind == "violation":
        return {violation_key(v) for a in ledger.agreements for v in a.violations}
    return {k for s in ledger.series for p in s.points for k in figure_keys(ledger, s, p)}


# --- applying the log -------------------------------------------------------------------------------


def merges(log) -> dict[str, str]:
    """The merges in force: the actor key of each merged actor, and the name an analyst filed it under."""
    return {actor_key(e["target"]["actor"]): e["value"]["into"] for e in in_force(sorted(log, key=lambda e: e["id"]))
            if e["action"] == "merge" and e.get("value") and e["value"].get("into")}


def merged_actors(speaker: str | None, chosen: dict[str, str]) -> list[str]:
    """The actors a speaker names, with the analyst's merges (`merges(ledger.corrections)`) applied to each: a
    name an analyst chose is kept as given (resolving it again could map it back onto the actor merged away),
    and one actor merged away inside a joint speaker ("Armenia and Azerbaijan") is renamed too."""
    if not chosen:
        return canonical_actors(speaker)
    if speaker in chosen.values():
        return [speaker]
    return list(dict.fromkeys(chosen.get(actor_key(name), name) for name in canonical_actors(speaker)))


def in_force(log: list[dict]) -> list[dict]:
    """The corrections that hold: not undone (an undo of an undo restores), undo entries themselves dropped."""
    undone: set[int] = set()
    for entry in sorted(log, key=lambda e: e["id"], reverse=True):
        if entry["action"] == "undo" and entry["id"] not in undone and entry.get("undoes") is not None:
            undone.add(entry["undoes"])
    return [e for e in log if e["action"] != "undo" and e["id"] not in undone]


def apply_corrections(ledger: Ledger, log: list[dict]) -> Ledger:
    """The ledger with the log's corrections in force applied, in the log's order, and the log attached."""
    active = in_force(sorted(log, key=lambda e: e["id"]))
    if not active:
        return dataclasses.replace(ledger, corrections=tuple(log))
    incidents = list(ledger.incidents)
    series = list(ledger.series)
    agreements = list(ledger.agreements)
    checked: set[str] = set()
    # incident and agreement keys are computed on the machine's ledger, before anything changes
    # (id, sentence keys, what else tells apart items of one sentence: an incident's place, an agreement's kind)
    incident_keys = [(i.id, set(mention_keys(ledger, i.mentions)), ("place", _place_of(i))) for i in incidents]
    agreement_keys = [(a.id, set(mention_keys(ledger, a.mentions)), ("kind", a.kind.value)) for a in agreements]

    def matching(target: dict, keys: list) -> str | None:
        """The item sharing most of the target's sentences (by overlap over union); among equals the one
        with the same place or kind, then the same id. An agreement must be of the same kind."""
        wanted = set(target.get("mentions") or ())
        scored = []
        for item_id, have, (field, value) in keys:
            if not wanted & have or (field == "kind" and target.get("kind") not in (None, value)):
                continue
            overlap = len(wanted & have) / len(wanted | have)
            scored.append((overlap, target.get(field) == value, target.get("id") == item_id, item_id))
        return max(scored)[3] if scored else None

    rejected = {e["target"].get("key") for e in active if e["action"] == "reject"}
    rejected_claims = {k for k in rejected if k and k.startswith("claim:")}
    rejected_figures = {k for k in rejected if k and k.startswith("figure:")}
    rejected_violations = {k for k in rejected if k and k.startswith("violation:")}
    dropped_incidents = {matching(e["target"], incident_keys) for e in active
                         if e["action"] == "reject" and e["kind"] == "incident"}
    dropped_agreements = {matching(e["target"], agreement_keys) for e in active
                          if e["action"] == "reject" and e["kind"] == "agreement"}

    if rejected_figures:
        series = [s for s in (_without_figures(ledger, s, rejected_figures) for s in series) if s is not None]
    incidents = [_without_claims(i, rejected_claims) for i in incidents if i.id not in dropped_incidents]
    incidents = with_fatalities(incidents, series)
    agreements = [dataclasses.replace(a, violations=tuple(v for v in a.violations
                                                          if violation_key(v) not in rejected_violations))
                  for a in agreements if a.id not in dropped_agreements]
    for entry in active:
        if entry["action"] == "fix" and entry["kind"] == "incident":
            found = matching(entry["target"], incident_keys)
            incidents = [_fixed(i, entry["value"] or {}) if i.id == found else i for i in incidents]
        elif entry["action"] == "check":
            if entry["kind"] == "incident":
                checked.add(matching(entry["target"], incident_keys))
            elif entry["kind"] == "agreement":
                checked.add(matching(entry["target"], agreement_keys))
            else:
                checked.add(entry["target"].get("key"))
    renames = merges(active)
    if renames:
        incidents, series, agreements = _merged(incidents, series, agreements, renames)
    checked.discard(None)
    return dataclasses.replace(ledger, incidents=tuple(incidents), series=tuple(series), agreements=tuple(agreements),
                               checked=frozenset(checked), corrections=tuple(log))


def _without_figures(ledger: Ledger, series: FigureSeries, rejected: set[str]) -> FigureSeries | None:
    points = []
    for point in series.points:
        keys = figure_keys(ledger, series, point)
        reports = tuple(r for r, k in zip(point.reports, keys) if k not in rejected)
        if reports:
            points.append(dataclasses.replace(point, reports=reports))
    return dataclasses.replace(series, points=tuple(points)) if points else None


def _without_claims(incident, rejected: set[str]):
    if not rejected:
        return incident
    claims = tuple(c for c in incident.claims if claim_key(c) not in rejected)
    if len(claims) == len(incident.claims):
        return incident
    # the groups that narrate it: those of its reports that carried no claim about it
    narrated = set(incident.groups) - {c.group_id for c in incident.claims}
    return dataclasses.replace(incident, claims=claims, status=_status(list(claims), narrated))


def _fixed(incident, value: dict):
    changes: dict = {}
    if "date" in value:
        changes.update(date=dt.date.fromisoformat(value["date"]), date_precision=DatePrecision("day"))
    if "status" in value:
        changes["status"] = STATUSES[value["status"]]
    if "type" in value:
        changes.update(acled=value["type"], label=value["type"])
    if "place" in value:
        p = value["place"]
        place = Place(p["geonameid"], p["name"], p["lat"], p["lon"], p["country"], p["admin1"], p["feature"],
                      p["population"], GeoPrecision.CITY)
        changes.update(place=place, place_names=(p["name"], *[n for n in incident.place_names if n != p["name"]]))
    return dataclasses.replace(incident, **changes)


def _merged(incidents, series, agreements, merges: dict[str, str]):
    """Actors filed under one name: every speaker, accused, perpetrator, claimant and party the analyst merged."""

    def renamed(name):
        # a joint speaker ("Russia and Ukraine") keeps its words: renaming it whole after one of its actors
        # would drop the other; the exports rename each actor of it (merged_actors)
        if not name or len(canonical_actors(name)) > 1:
            return name
        return merges.get(actor_key(name), name)

    incidents = [dataclasses.replace(
        i, actor=renamed(i.actor),
        claims=tuple(dataclasses.replace(c, speaker=renamed(c.speaker), accused=renamed(c.accused)) for c in i.claims))
        for i in incidents]
    combined: dict[tuple, FigureSeries] = {}
    for s in series:
        s = dataclasses.replace(s, claimant=renamed(s.claimant))
        key = (s.claimant, s.kind, s.group, s.scope, s.incident)
        if key in combined:  # two claimants now one: one series, points in date order
            points = sorted((*combined[key].points, *s.points),
                            key=lambda p: (p.as_of is not None, p.as_of or dt.date.min, p.value))
            s = dataclasses.replace(combined[key], points=tuple(points))
        combined[key] = s
    agreements = [dataclasses.replace(
        a, parties=tuple(dict.fromkeys(renamed(p) for p in a.parties)),
        violations=tuple(dataclasses.replace(v, accuser=renamed(v.accuser), accused=renamed(v.accused))
                         for v in a.violations)) for a in agreements]
    return incidents, list(combined.values()), agreements
