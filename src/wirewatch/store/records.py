"""Conversion between the pipeline's records and the store's rows; nothing else knows both shapes."""

from __future__ import annotations

import json

from ..model import (
    Agreement,
    AgreementKind,
    AgreementState,
    Claim,
    DatePrecision,
    EventMention,
    Stance,
    Figure,
    FigureKind,
    GeoPrecision,
    Place,
    PlaceMention,
    Provenance,
    Qualifier,
    StatedDate,
)


def provenance_row(provenance: Provenance, sentence: str, seq: int) -> dict:
    return {
        "article_id": provenance.article_id,
        "seq": seq,
        "sentence_index": provenance.sentence_index,
        "start": provenance.start,
        "end": provenance.end,
        "rule": provenance.rule,
        "sentence": sentence,
    }


def provenance_of(row) -> Provenance:
    return Provenance(row["article_id"], row["sentence_index"], row["start"], row["end"], row["rule"])


def figure_row(figure: Figure, seq: int) -> dict:
    return {
        **provenance_row(figure.provenance, figure.sentence, seq),
        "kind": figure.kind.value,
        "value": figure.value,
        "qualifier": figure.qualifier.value,
        "upper": figure.upper,
        "who": figure.who,
        "claimant": figure.claimant,
        "as_of": figure.as_of,
        "as_of_precision": figure.as_of_precision.value if figure.as_of_precision else None,
        "historical": figure.historical,
    }


def _whole(value) -> int | None:
    """A stored count as an int, whatever a hand-edited or older store left there (a float, text)."""
    if value is None or isinstance(value, int):
        return value
    try:
        return int(value)
    except (TypeError, ValueError, OverflowError):
        return None


def figure_of(row) -> Figure:
    return Figure(
        kind=FigureKind(row["kind"]),
        value=_whole(row["value"]) or 0,
        qualifier=Qualifier(row["qualifier"]),
        who=row["who"],
        claimant=row["claimant"],
        sentence=row["sentence"],
        provenance=provenance_of(row),
        upper=_whole(row["upper"]),
        as_of=row["as_of"],
        as_of_precision=DatePrecision(row["as_of_precision"]) if row["as_of_precision"] else None,
        historical=bool(row["historical"]),
    )


def place_row(mention: PlaceMention, seq: int) -> dict:
    place = mention.place
    return {
        **provenance_row(mention.provenance, mention.sentence, seq),
        "name": mention.name,
        "geonameid": place.geonameid if place else None,
        "canonical": place.name if place else None,
        "lat": place.lat if place else None,
        "lon": place.lon if place else None,
        "country": place.country if place else None,
        "admin1": place.admin1 if place else None,
        "feature": place.feature if place else None,
        "population": place.population if place else None,
        "precision": place.precision.value if place else None,
    }


def place_of(row) -> PlaceMention:
    place = None
    if row["geonameid"] is not None:
        place = Place(row["geonameid"], row["canonical"], row["lat"], row["lon"], row["country"], row["admin1"],
                      row["feature"], row["population"] or 0, GeoPrecision(row["precision"]))
    return PlaceMention(row["name"], place, row["sentence"], provenance_of(row))


def claim_row(claim: Claim, seq: int) -> dict:
    return {
        **provenance_row(claim.provenance, claim.sentence, seq),
        "stance": claim.stance.value,
        "speaker": claim.speaker,
        "accused": claim.accused,
        "action": claim.action,
        "places": json.dumps(list(claim.places), ensure_ascii=False),
    }


def claim_of(row) -> Claim:
    return Claim(Stance(row["stance"]), row["speaker"], row["accused"], row["action"],
                 tuple(json.loads(row["places"])), row["sentence"], provenance_of(row))


def agreement_row(agreement: Agreement, seq: int) -> dict:
    return {
        **provenance_row(agreement.provenance, agreement.sentence, seq),
        "kind": agreement.kind.value,
        "parties": json.dumps(list(agreement.parties), ensure_ascii=False),
        "mediators": json.dumps(list(agreement.mediators), ensure_ascii=False),
        "venue": agreement.venue,
        "date_text": agreement.date_text,
        "date": agreement.date,
        "date_precision": agreement.date_precision.value if agreement.date_precision else None,
        "state": agreement.state.value,
    }


def agreement_of(row) -> Agreement:
    return Agreement(
        kind=AgreementKind(row["kind"]),
        parties=tuple(json.loads(row["parties"])),
        mediators=tuple(json.loads(row["mediators"])),
        venue=row["venue"],
        date_text=row["date_text"],
        date=row["date"],
        date_precision=DatePrecision(row["date_precision"]) if row["date_precision"] else None,
        state=AgreementState(row["state"]),
        sentence=row["sentence"],
        provenance=provenance_of(row),
    )


def event_row(event: EventMention, seq: int) -> dict:
    return {
        **provenance_row(event.provenance, event.sentence, seq),
        "plover": event.plover,
        "mode": event.mode,
        "label": event.label,
        "acled_event": event.acled_event,
        "acled": event.acled,
        "actor": event.actor,
        "recipient": event.recipient,
        "target": event.target,
        "weapon": event.weapon,
        "places": json.dumps(list(event.places), ensure_ascii=False),
        "date": event.date,
        "date_precision": event.date_precision.value if event.date_precision else None,
        "negated": event.negated,
        "hypothetical": event.hypothetical,
        "stance": event.stance.value if event.stance else None,
        "speaker": event.speaker,
    }


def event_of(row) -> EventMention:
    return EventMention(
        plover=row["plover"], mode=row["mode"], label=row["label"], acled_event=row["acled_event"],
        acled=row["acled"], actor=row["actor"], recipient=row["recipient"], target=row["target"],
        weapon=row["weapon"], places=tuple(json.loads(row["places"])), date=row["date"],
        date_precision=DatePrecision(row["date_precision"]) if row["date_precision"] else None,
        negated=bool(row["negated"]), hypothetical=bool(row["hypothetical"]),
        stance=Stance(row["stance"]) if row["stance"] else None, speaker=row["speaker"],
        sentence=row["sentence"], provenance=provenance_of(row),
    )


def date_row(mention: StatedDate, seq: int) -> dict:
    return {**provenance_row(mention.provenance, mention.sentence, seq),
            "text": mention.text, "kind": mention.kind, "since": mention.since}


def date_of(row) -> StatedDate:
    return StatedDate(row["text"], row["kind"], bool(row["since"]), row["sentence"], provenance_of(row))
