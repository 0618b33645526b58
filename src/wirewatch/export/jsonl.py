"""The per-article JSON Lines export, in the format of shared/eval/SCHEMA.md plus provenance keys."""

from __future__ import annotations

from ..model import Agreement, Claim, EventMention, Extraction, Figure, PlaceMention, Provenance


def extraction_record(extraction: Extraction, checked=None) -> dict:
    """One JSON object for one article: figures, claims, agreements and places, each with provenance; with
    `checked` (corpus/corrections.py's checked_mentions), each mention but places says whether an analyst
    confirmed the ledger item it belongs to."""
    article = extraction.article
    record = {
        "id": article.name,
        "article_hash": article.id,
        "outlet": article.outlet,
        "title": article.title,
        "published": article.published.isoformat() if article.published else None,
        "figures": [figure_record(f) for f in extraction.figures],
        "claims": [claim_record(c) for c in extraction.claims],
        "agreements": [agreement_record(a) for a in extraction.agreements],
        "places": [place_record(p) for p in extraction.places],
        "events": [event_record(e) for e in extraction.events],
    }
    if checked is not None:
        for kind, key, mentions in (("figure", "figures", extraction.figures), ("claim", "claims", extraction.claims),
                                    ("agreement", "agreements", extraction.agreements),
                                    ("event", "events", extraction.events)):
            for out, mention in zip(record[key], mentions):
                out["checked"] = checked(kind, article.id, mention)
    return record


def provenance_record(provenance: Provenance) -> dict:
    return {
        "sentence_index": provenance.sentence_index,
        "start": provenance.start,
        "end": provenance.end,
        "rule": provenance.rule,
    }


def figure_record(figure: Figure) -> dict:
    return {
        "kind": figure.kind.value,
        "value": figure.value,
        "qualifier": figure.qualifier.value,
        "upper": figure.upper,
        "who": figure.who,
        "claimant": figure.claimant,
        "historical": figure.historical,
        "as_of": figure.as_of.isoformat() if figure.as_of else None,
        "as_of_precision": figure.as_of_precision.value if figure.as_of_precision else None,
        "sentence": figure.sentence,
        **provenance_record(figure.provenance),
    }


def place_record(mention: PlaceMention) -> dict:
    place = mention.place
    return {
        "name": mention.name,
        "canonical": place.name if place else None,
        "geonameid": place.geonameid if place else None,
        "lat": round(place.lat, 5) if place else None,
        "lon": round(place.lon, 5) if place else None,
        "country": place.country if place else None,
        "admin1": place.admin1 if place else None,
        "feature": place.feature if place else None,
        "precision": place.precision.value if place else None,
        "sentence": mention.sentence,
        **provenance_record(mention.provenance),
    }


def claim_record(claim: Claim) -> dict:
    return {
        "type": claim.stance.value,
        "speaker": claim.speaker,
        "accused_party": claim.accused,
        "action": claim.action,
        "places": list(claim.places),
        "sentence": claim.sentence,
        **provenance_record(claim.provenance),
    }


def agreement_record(agreement: Agreement) -> dict:
    return {
        "kind": agreement.kind.value,
        "parties": list(agreement.parties),
        "mediators": list(agreement.mediators),
        "venue": agreement.venue,
        "date_text": agreement.date_text,
        "date": agreement.date.isoformat() if agreement.date else None,
        "date_precision": agreement.date_precision.value if agreement.date_precision else None,
        "state": agreement.state.value,
        "sentence": agreement.sentence,
        **provenance_record(agreement.provenance),
    }


def event_record(event: EventMention) -> dict:
    return {
        "plover": event.plover,
        "mode": event.mode,
        "label": event.label,
        "acled_event": event.acled_event,
        "acled_sub_event": event.acled,
        "actor": event.actor,
        "recipient": event.recipient,
        "target": event.target,
        "weapon": event.weapon,
        "places": list(event.places),
        "date": event.date.isoformat() if event.date else None,
        "date_precision": event.date_precision.value if event.date_precision else None,
        "negated": event.negated,
        "hypothetical": event.hypothetical,
        "stance": event.stance.value if event.stance else None,
        "speaker": event.speaker,
        "sentence": event.sentence,
        **provenance_record(event.provenance),
    }
