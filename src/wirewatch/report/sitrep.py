"""The situation report's content, built once as plain data: Markdown, HTML and JSON all render it.

Every statement carries numbered references; each reference names the article, its outlet and
the sentence, with the character offsets into the article's clean text, so a reader can follow it.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path

from .. import __version__
from ..corpus.corrections import claim_key, figure_keys, violation_key
from ..corpus.ledger import Ledger
from ..corpus.series import ALL, CONFLICT
from ..corpus.syndication import outlet_label
from ..model import AgreementKind, FigureKind, IncidentStatus, Provenance, Stance
from ..store import Store

METHOD = (
    "A source is a source group: outlets that carry one origin text (agency copy, reprints) count once, "
    "so corroboration means independent groups, never outlets. Figures are never summed: each is given as "
    "'N, according to X, as of D', and repeats of one figure are one point with several reports. The "
    "conservative figure is the lowest latest conflict-wide count any claimant gives for one group (ACLED's "
    "rule); a series is one claimant, one kind, one group (troops, civilians, all) and one scope (the conflict "
    "or one incident). Incidents join mentions of one happening across outlets and claimants (same place, "
    "dates within a day); their status "
    "says whether one party reports them, both sides' claims conflict, or independent groups corroborate them. "
    "Date precision: day, week (inferred from the corpus or a relative expression), month. Place precision: "
    "city, district, region, country; a region or country is never shown as a point of attack."
)

#: What marks, in every rendering, an item an analyst confirmed in the corrections log (`wirewatch correct check`).
CHECKED = "✓ checked"


class References:
    """Numbered references to sentences, in order of first use."""

    def __init__(self, store: Store):
        self.store = store
        self.items: list[dict] = []
        self._index: dict[tuple, int] = {}
        self._articles: dict[str, object] = {}
        self._sentences: dict[str, list] = {}

    def cite(self, provenance: Provenance) -> int:
        key = (provenance.article_id, provenance.sentence_index)
        if key not in self._index:
            article = self._article(provenance.article_id)
            sentence = self._sentence(provenance)
            self.items.append({
                "n": len(self.items) + 1,
                "article": article.name if article else provenance.article_id,
                "article_id": provenance.article_id,
                "outlet": outlet_label(article) if article else None,
                "source": Path(article.source).name if article else None,
                "title": article.title if article else None,
                "url": article.url if article else None,
                "published": article.published.isoformat() if article and article.published else None,
                "sentence_index": provenance.sentence_index,
                "start": sentence[1],
                "end": sentence[2],
                "sentence": sentence[0],
                "rule": provenance.rule,
            })
            self._index[key] = len(self.items)
        return self._index[key]

    def outlet(self, article_id: str) -> str:
        article = self._article(article_id)
        return outlet_label(article) if article else article_id

    def _article(self, article_id: str):
        if article_id not in self._articles:
            self._articles[article_id] = self.store.article(article_id)
        return self._articles[article_id]

    def _sentence(self, provenance: Provenance) -> tuple[str, int, int]:
        """The cited sentence and its span in the article's clean text, from the stored mentions of that
        sentence (the report never splits text into sentences again)."""
        article = self._article(provenance.article_id)
        if article is None:
            return "", provenance.start, provenance.end
        if provenance.article_id not in self._sentences:
            self._sentences[provenance.article_id] = stored_sentences(self.store.extraction(article))
        sentence = self._sentences[provenance.article_id].get(provenance.sentence_index)
        if sentence:
            start = article.text.find(sentence, max(0, provenance.end - len(sentence)))
            if 0 <= start <= provenance.start:
                return sentence, start, start + len(sentence)
        return article.text[provenance.start:provenance.end], provenance.start, provenance.end


def stored_sentences(extraction) -> dict[int, str]:
    """Sentence text by index, as the stored mentions of an article carry it."""
    found: dict[int, str] = {}
    for items in (extraction.figures, extraction.places, extraction.claims, extraction.agreements, extraction.events):
        for item in items:
            found.setdefault(item.provenance.sentence_index, item.sentence)
    return found


def build_report(ledger: Ledger, store: Store, since: dt.date | None = None, until: dt.date | None = None) -> dict:
    """The report for a period as plain data (the JSON form)."""
    refs = References(store)
    incidents = [i for i in ledger.incidents if _within(i.date, since, until)]
    agreements = [a for a in ledger.agreements if _within(a.date, since, until)]
    dates = [d for d in [*(i.date for i in incidents), *(a.date for a in agreements)] if d]
    period = {"since": (since or (min(dates) if dates else None)), "until": (until or (max(dates) if dates else None))}
    checked = ledger.checked
    incident_items = [_incident(i, refs, checked) for i in incidents]
    agreement_items = [_agreement(a, refs, since, until, checked) for a in agreements]
    return _plain({
        "title": "Situation report",
        "generated_by": f"wirewatch {__version__}",
        "period": period,
        "counts": {"articles": store.count_articles(), "source_groups": len(ledger.groups),
                   "incidents": len(incidents), "agreements": len(agreements),
                   "disputed": sum(1 for i in incidents if i.status is IncidentStatus.ACCUSED_AND_DENIED)},
        "headlines": _headlines(incident_items, agreement_items),
        "timeline": _timeline(incident_items, agreement_items),
        "disputed": [i for i in incident_items if i["status"] == IncidentStatus.ACCUSED_AND_DENIED.value],
        "incidents": incident_items,
        "figures": _figures(ledger, refs, since, until),
        "agreements": agreement_items,
        "places": _places(incidents),
        "sources": _sources(ledger, refs),
        "method": METHOD,
        "references": refs.items,
    })


def _incident(incident, refs: References, checked: frozenset = frozenset()) -> dict:
    """An incident with its claims; `checked` says which of them an analyst confirmed (corrections log)."""
    claims = []
    for claim in incident.claims:
        claims.append({
            "stance": claim.stance.value,
            "speaker": claim.speaker,
            "accused": claim.accused,
            "outlet": claim.outlet,
            "quote": claim.sentence,
            "ref": refs.cite(claim.provenance),
            "checked": claim_key(claim) in checked,
        })
    place = incident.place
    headline = f"{incident.acled or incident.label.title()} at {place.name if place else ', '.join(incident.place_names)}"
    return {
        "id": incident.id,
        "headline": headline,
        "date": incident.date,
        "date_precision": incident.date_precision.value if incident.date_precision else None,
        "type": incident.acled or incident.label,
        "event_type": incident.acled_event,
        "status": incident.status.value,
        "checked": incident.id in checked,
        "place": {"name": place.name, "lat": place.lat, "lon": place.lon, "country": place.country,
                  "precision": place.precision.value, "geonameid": place.geonameid} if place else None,
        "place_names": list(incident.place_names),
        "perpetrator_claimed": incident.actor,
        "target": incident.target,
        "weapon": incident.weapon,
        "source_groups": len(incident.groups),
        "outlets": sorted({refs.outlet(a) for a in incident.reports}),
        "accusations": [c for c in claims if c["stance"] == Stance.ACCUSE.value],
        "denials": [c for c in claims if c["stance"] == Stance.DENY.value],
        "assertions": [c for c in claims if c["stance"] in (Stance.ASSERT.value, Stance.CONFIRM.value)],
        "refs": sorted({c["ref"] for c in claims} | {refs.cite(m) for m in incident.mentions[:3]}),
    }


def _agreement(record, refs: References, since, until, checked: frozenset = frozenset()) -> dict:
    violations = [{
        "accuser": v.accuser, "accused": v.accused, "date": v.date, "quote": v.sentence, "ref": refs.cite(v.provenance),
        "checked": violation_key(v) in checked,
    } for v in record.violations if _within(v.date, since, until)]
    return {
        "id": record.id,
        "kind": record.kind.value,
        "checked": record.id in checked,
        "date": record.date,
        "venue": record.venue,
        "mediators": list(record.mediators),
        "parties": list(record.parties),
        "states": list(record.states),
        "terms": list(record.terms[:3]),
        "violations": violations,
        "violations_by": dict(Counter(v["accuser"] for v in violations)),
        "refs": [refs.cite(m) for m in record.mentions[:4]],
    }


def _headlines(incidents: list[dict], agreements: list[dict]) -> list[dict]:
    ranked = sorted(incidents, key=lambda i: (-i["source_groups"], -len(i["accusations"]), str(i["date"])))
    lines = []
    for item in ranked[:5]:
        parties = sorted({c["speaker"] for c in item["accusations"]})
        text = f"{item['headline']} ({item['date'] or 'date unknown'}): {item['status']}"
        if parties:
            text += f"; alleged by {', '.join(parties[:3])}"
        text += f"; {item['source_groups']} independent source group(s)."
        lines.append({"text": text, "refs": item["refs"][:4], "incident": item["id"], "checked": item["checked"]})
    for item in agreements:
        if item["kind"] in (AgreementKind.CEASEFIRE.value, AgreementKind.PLEDGE.value) and item["violations"]:
            lines.append({"text": f"{item['kind'].capitalize()} of {item['date']}"
                                  f"{' in ' + item['venue'] if item['venue'] else ''}: "
                                  f"{len(item['violations'])} alleged violation(s) reported after it.",
                          "refs": item["refs"][:2], "agreement": item["id"], "checked": item["checked"]})
    return lines


def _timeline(incidents: list[dict], agreements: list[dict]) -> list[dict]:
    days: dict = {}
    for item in incidents:
        days.setdefault(item["date"], []).append({"text": f"{item['headline']} — {item['status']}", "refs": item["refs"][:3],
                                                  "checked": item["checked"]})
    for item in agreements:
        days.setdefault(item["date"], []).append({"text": f"{item['kind'].capitalize()}"
                                                          f"{' in ' + item['venue'] if item['venue'] else ''}"
                                                          f" ({', '.join(item['states'][:3])})", "refs": item["refs"][:2],
                                                  "checked": item["checked"]})
    return [{"date": day, "items": items} for day, items in sorted(days.items(), key=lambda kv: (kv[0] is None, str(kv[0])))]


def _figures(ledger: Ledger, refs: References, since, until) -> dict:
    """The ledger's series with the points of the period; the conservative figure per group of the
    conflict-wide tolls (a town's toll, or one group's count, is never a conflict's total)."""
    series = []
    for s in ledger.series:
        points = [p for p in s.points if _within(p.as_of, since, until)]
        if not points:
            continue
        confirmed = [any(k in ledger.checked for k in figure_keys(ledger, s, p)) for p in points]
        series.append({
            "claimant": s.claimant,
            "claimant_written": s.claimant_written,
            "kind": s.kind.value,
            "group": s.group,
            "scope": s.scope,
            "incident": s.incident,
            "voice": s.voice,
            "checked": any(confirmed),
            "latest": {"value": points[-1].value, "qualifier": points[-1].qualifier.value, "as_of": points[-1].as_of,
                       "refs": [refs.cite(r) for r in points[-1].reports[:3]], "checked": confirmed[-1]},
            "points": [{"value": p.value, "qualifier": p.qualifier.value, "as_of": p.as_of, "who": p.who,
                        "reports": len(p.reports), "refs": [refs.cite(r) for r in p.reports[:3]], "checked": c}
                       for p, c in zip(points, confirmed)],
        })
    by_group: dict = {}
    for item in series:
        if item["scope"] == CONFLICT:
            by_group.setdefault(item["kind"], {}).setdefault(item["group"], []).append(item["latest"]["value"])
    by_group = {kind: {group: {"lowest": min(v), "highest": max(v), "claimants": len(v)} for group, v in groups.items()}
                for kind, groups in by_group.items()}
    killed = by_group.get(FigureKind.KILLED.value, {})
    return {"series": series,
            "ranges": {kind: groups[ALL] for kind, groups in by_group.items() if ALL in groups},
            "ranges_by_group": by_group,
            "conservative_killed": killed.get(ALL, {}).get("lowest"),
            "conservative_by_group": {group: r["lowest"] for group, r in sorted(killed.items())},
            "conservative_note": "lowest latest conflict-wide count of all killed that any claimant gives (ACLED's "
                                 "rule), per group; figures are never summed, and one incident's toll or one "
                                 "group's count is never taken for the conflict's"}


def _places(incidents) -> list[dict]:
    places: dict = {}
    for incident in incidents:
        if incident.place is None:
            continue
        entry = places.setdefault(incident.place.geonameid, {
            "name": incident.place.name, "lat": incident.place.lat, "lon": incident.place.lon,
            "country": incident.place.country, "precision": incident.place.precision.value,
            "incidents": 0, "disputed": 0})
        entry["incidents"] += 1
        entry["disputed"] += incident.status is IncidentStatus.ACCUSED_AND_DENIED
    return sorted(places.values(), key=lambda p: (-p["incidents"], p["name"]))


def _sources(ledger: Ledger, refs: References) -> dict:
    outlets: Counter = Counter()
    for group in ledger.groups:
        for member in group.members:
            outlets[refs.outlet(member)] += 1
    groups = [{"id": g.id, "outlets": list(g.outlets), "articles": len(g.members), "agencies": list(g.agencies)}
              for g in ledger.groups if len(g.members) > 1]
    return {"outlets": [{"outlet": o, "articles": n} for o, n in outlets.most_common()],
            "shared_groups": groups, "groups": len(ledger.groups)}


def _within(date, since, until) -> bool:
    if date is None:
        return since is None and until is None
    return (since is None or date >= since) and (until is None or date <= until)


def _plain(value):
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value
