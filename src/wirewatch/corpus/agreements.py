"""Agreement records: mentions of one ceasefire, truce, talks, pledge or request merged into one
record, with the accusations of attacks made after it took effect linked as alleged violations."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Callable, Iterable

from ..model import Agreement, AgreementKind, AgreementRecord, Claim, Extraction, Stance, Violation
from ..resolve.sides import side_of

MERGE_DAYS = 2
_FAMILY = {AgreementKind.TRUCE: AgreementKind.CEASEFIRE}
_MUTUAL = re.compile(r"\b(agreed|agreeing|committed|both sides|the sides|two sides|the countries|mutual|each other|warring sides)\b", re.I)
_VIOLATION = re.compile(r"\b(violat\w*|breach\w*|broke|broken|breaking|frayed|did not comply|not respect\w*)\b", re.I)


def build_agreements(
    extractions: Iterable[Extraction],
    date_of: Callable[[Agreement, str], tuple[dt.date | None, bool]],
    claim_date: Callable[[Claim, str], dt.date | None],
) -> list[AgreementRecord]:
    """The agreement records of a corpus, by date; each binding one lists its alleged violations.

    date_of gives a mention's date and whether the sentence states it. A mention with a stated
    date, or one reporting a fresh agreement, founds or joins a record; a passing mention ("the
    truce frayed") joins the latest record of its kind on or before the article's date.
    """
    extractions = list(extractions)
    drafts: list[dict] = []
    passing: list[tuple[Agreement, AgreementKind, dt.date]] = []
    for extraction in extractions:
        for agreement in extraction.agreements:
            date, stated = date_of(agreement, extraction.article.id)
            if date is None:
                continue
            family = _FAMILY.get(agreement.kind, agreement.kind)
            if not stated and agreement.state.value not in ("agreed", "took_effect"):
                passing.append((agreement, family, date))
                continue
            home = next((d for d in drafts if d["kind"] is family and abs(d["date"] - date).days <= MERGE_DAYS
                         and _compatible(d, agreement)), None)
            if home is None:
                home = {"kind": family, "date": date, "mentions": [], "venue": None, "mediators": [], "parties": [],
                        "states": [], "terms": []}
                drafts.append(home)
            _absorb(home, agreement, date)
    for agreement, family, date in passing:
        earlier = [d for d in drafts if d["kind"] is family and d["date"] <= date]
        if earlier:
            _absorb(max(earlier, key=lambda d: d["date"]), agreement, None)
    accusations = [(claim, claim_date(claim, e.article.id)) for e in extractions for claim in e.claims
                   if claim.stance is Stance.ACCUSE]
    records = [_record(d) for d in drafts]
    records.sort(key=lambda r: (r.date, r.kind.value, r.id))
    return _link_violations(records, accusations)


def _compatible(draft: dict, agreement: Agreement) -> bool:
    if draft["venue"] and agreement.venue and draft["venue"] != agreement.venue:
        return False
    return True


def _absorb(draft: dict, agreement: Agreement, date: dt.date | None) -> None:
    draft["mentions"].append(agreement.provenance)
    if date is not None:
        draft["date"] = min(draft["date"], date)
    draft["venue"] = draft["venue"] or agreement.venue
    for key, values in (("mediators", agreement.mediators), ("parties", agreement.parties),
                        ("states", (agreement.state.value,)), ("terms", (agreement.sentence,))):
        for value in values:
            if value not in draft[key]:
                draft[key].append(value)


def _record(draft: dict) -> AgreementRecord:
    first = min(draft["mentions"], key=lambda p: (p.article_id, p.sentence_index, p.start))
    key = f"{draft['kind'].value}:{draft['date']}:{first.article_id}:{first.sentence_index}"
    return AgreementRecord(
        id="agr-" + hashlib.sha1(key.encode()).hexdigest()[:10],
        kind=draft["kind"],
        date=draft["date"],
        venue=draft["venue"],
        mediators=tuple(draft["mediators"]),
        parties=tuple(draft["parties"]),
        states=tuple(draft["states"]),
        terms=tuple(draft["terms"]),
        mentions=tuple(draft["mentions"]),
        violations=(),
    )


def _binding(record: AgreementRecord) -> bool:
    """Ceasefires, and pledges the warring sides made to each other (not one state's promise of aid)."""
    if record.kind is AgreementKind.CEASEFIRE:
        return True
    return record.kind is AgreementKind.PLEDGE and any(_MUTUAL.search(t) for t in record.terms)


def _link_violations(records: list[AgreementRecord], accusations) -> list[AgreementRecord]:
    """An accusation right after a mention of an agreement, in the same article, that speaks of a
    violation belongs to that agreement; any other is a violation of the binding agreement in force
    on its date (from the agreement's date until the next binding one)."""
    binding = [r for r in records if _binding(r)]
    found: dict[str, list[Violation]] = {r.id: [] for r in records}
    for claim, date in accusations:
        record = _by_proximity(claim, binding) or _in_force(date, binding)
        if record is not None:
            found[record.id].append(Violation(claim.speaker, claim.accused, date, claim.sentence, claim.provenance))
    return [AgreementRecord(r.id, r.kind, r.date, r.venue, r.mediators, r.parties, r.states, r.terms, r.mentions,
                            tuple(found[r.id])) for r in records]


def _by_proximity(claim: Claim, binding: list[AgreementRecord]) -> AgreementRecord | None:
    if not _VIOLATION.search(claim.sentence):
        return None
    here = claim.provenance
    for record in binding:
        for mention in record.mentions:
            if mention.article_id == here.article_id and 0 <= here.sentence_index - mention.sentence_index <= 2:
                return record
    return None


def _in_force(date: dt.date | None, binding: list[AgreementRecord]) -> AgreementRecord | None:
    if date is None:
        return None
    started = [r for r in binding if r.date <= date]
    return max(started, key=lambda r: r.date) if started else None


def accuser_side(violation: Violation) -> str | None:
    return side_of(violation.accuser)
