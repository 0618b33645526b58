"""Agreement records: mentions of one ceasefire, truce, talks, pledge or request merged into one
record, with the accusations of attacks made after it took effect linked as alleged violations."""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import hashlib
import re
from collections.abc import Callable, Iterable

from ..model import Agreement, AgreementKind, AgreementRecord, Claim, Extraction, Incident, Stance, Violation
from ..resolve.actors import canonical_actor, canonical_actors, party_name, party_side
from ..resolve.sides import own_side
from .places import is_point
from .words import phrases

MERGE_DAYS = 2
PACKAGE = "wirewatch.corpus"  # the ledger's own word lists
EXTRACT = "wirewatch.extract"  # the claims' own word lists: what harm and backing are
_FAMILY = {AgreementKind.TRUCE: AgreementKind.CEASEFIRE}
_MUTUAL = re.compile(r"\b(agreed|agreeing|committed|both sides|the sides|two sides|the countries|mutual|each other|warring sides)\b", re.I)
_VIOLATION = re.compile(r"\b(violat\w*|breach\w*|broke|broken|breaking|frayed|did not comply|not respect\w*)\b", re.I)


@dataclasses.dataclass(frozen=True, slots=True)
class AgreementFacts:
    """An agreement mention with what drafting reads of it, from its article alone (`article_agreements`)."""

    agreement: Agreement
    date: dt.date | None
    stated: bool
    family: AgreementKind
    parties: tuple[str, ...]  # the warring parties (`_warring`)
    mediators: tuple[str, ...]
    founds: bool


@dataclasses.dataclass(frozen=True, slots=True)
class Accusation:
    """An accusation with what violation linking reads of it, from its article alone (`article_accusations`)."""

    claim: Claim
    date: dt.date | None
    stated: bool
    speaker_side: str | None
    accused_side: str | None
    attack: bool  # speaks of an attack or a violation
    backing: bool  # of backing, arming or recruiting, which is no attack
    mutual: bool  # "each other"
    violation_words: bool  # its sentence speaks of a violation (`_by_proximity`)
    sides: frozenset  # the known sides of speaker and accused

    @property
    def traits(self) -> tuple:
        """What the agreements it may violate depend on (`_link_violations`)."""
        return (self.date, self.sides, self.mutual, self.backing and self.accused_side)


def article_agreements(extraction: Extraction, date_of: Callable[[Agreement, str], tuple[dt.date | None, bool]]
                       ) -> tuple[AgreementFacts, ...]:
    """One article's agreement mentions, dated; pure in the article and its dates (a live ledger keeps it)."""
    out = []
    for agreement in extraction.agreements:
        date, stated = date_of(agreement, extraction.article.id)
        family = _FAMILY.get(agreement.kind, agreement.kind)
        parties = _warring(agreement)
        mediators = tuple(party_name(m) for m in agreement.mediators)
        out.append(AgreementFacts(agreement, date, stated, family, parties, mediators,
                                  _founds(agreement, family, parties, mediators, stated)))
    return tuple(out)


def article_accusations(extraction: Extraction, claim_date: Callable[[Claim, str], tuple[dt.date | None, bool]]
                        ) -> tuple[Accusation, ...]:
    """One article's accusations, dated; pure in the article and its dates (a live ledger keeps it)."""
    out = []
    for claim in extraction.claims:
        if claim.stance is Stance.ACCUSE:
            speaker, accused = own_side(claim.speaker), own_side(claim.accused)
            out.append(Accusation(claim, *claim_date(claim, extraction.article.id), speaker, accused, _attack(claim),
                                  _backing(claim), _mutual(claim.accused), bool(_VIOLATION.search(claim.sentence)),
                                  frozenset({speaker, accused} - {None})))
    return tuple(out)


def build_agreements(
    extractions: Iterable[Extraction],
    date_of: Callable[[Agreement, str], tuple[dt.date | None, bool]],
    claim_date: Callable[[Claim, str], tuple[dt.date | None, bool]],
    incidents: Iterable[Incident] = (),
    facts: tuple[Iterable[AgreementFacts], Iterable[Accusation]] | None = None,
    book: DraftBook | None = None,
) -> list[AgreementRecord]:
    """The agreement records of a corpus, by date; each binding one lists its alleged violations.

    date_of and claim_date give a mention's date and whether the sentence states it. A mention founds or
    joins a record when it names enough parties and says the arrangement exists (a ceasefire agreed, in force, held,
    violated; talks held or scheduled; a pledge given; a request made): "the talks fell short of a
    ceasefire" founds no ceasefire. A passing mention ("the truce frayed") joins the latest record of its
    kind on or before the article's date. Mentions found records in the order of their dates (then of the
    articles), so the earliest report of an arrangement founds its record. Undated mentions (an undated
    article) found undated records, merged by kind and a party in common. book: the founding drafts a live
    ledger keeps between builds (`DraftBook`; none: drafted from scratch, with the same result). facts: the
    articles' mentions and accusations, in the order of the articles, as `article_agreements` and
    `article_accusations` give them (a live ledger passes the ones it keeps).
    """
    if facts is None:
        extractions = list(extractions)
        facts = ([f for e in extractions for f in article_agreements(e, date_of)],
                 [a for e in extractions for a in article_accusations(e, claim_date)])
    mentions, accusations = list(facts[0]), list(facts[1])
    passing: list[AgreementFacts] = []
    brokered: list[AgreementFacts] = []
    founding: list[AgreementFacts] = []
    for facts in mentions:
        (brokered if _brokers_only(facts) else founding if facts.founds else passing).append(facts)
    book = book or DraftBook()
    drafts = book.found(founding)
    # What follows changes copies: the book keeps the founding drafts for the next update.
    work = [_copy(d) for d in drafts.all]
    founded = len(work)
    for facts in passing:
        date, family, parties = facts.date, facts.family, set(facts.parties)
        home = drafts.latest(family, date, parties)
        if home is not None:
            _absorb(work[drafts.number(home)], facts, None, passing=True)
        elif (facts.agreement.state.value in ("agreed", "took_effect")
              or (facts.stated and facts.agreement.state.value in _BROKEN)) and len(facts.parties) >= 2:
            # An arrangement agreed on no stated day, with no record to join: the article's date is its best.
            home = drafts.new(family, date)
            _absorb(home, facts, date)
            drafts.moved(home)
            work.append(home)
    drafts.drop_from(founded)
    for facts in brokered:
        home = _named_just_before(work, facts)
        if home is not None:
            _absorb(home, facts, None)
    kept, effective = _taking_effect_joined(work)
    records = book.records(kept)
    in_force = {r.id: effective.get(id(d)) for r, d in zip(records, kept)}
    records.sort(key=lambda r: (r.date is None, r.date or dt.date.min, r.kind.value, r.id))
    stated_on: dict[tuple, tuple] = {}  # (article, sentence) -> (its first stated day, whether it says one broke)
    for f in mentions:
        if f.stated and f.date:
            where = (f.agreement.provenance.article_id, f.agreement.provenance.sentence_index)
            day, broke = stated_on.get(where, (f.date, False))
            stated_on[where] = (day, broke or f.agreement.state.value in _BROKEN)
    return _link_violations(records, accusations, list(incidents), stated_on, in_force, book)


TAKES_EFFECT_DAYS = 7  # how long after it was agreed an arrangement may take effect and stay one record


def _taking_effect_joined(drafts: list[dict]) -> tuple[list[dict], dict[int, dt.date]]:
    """The drafts with each record that only took effect ("the ceasefire took effect on Sunday") merged into the
    one of its kind and sides agreed up to TAKES_EFFECT_DAYS before it that had not yet taken effect ("agreed on
    Wednesday, to take effect on Sunday"): one arrangement, dated the day it was agreed. Also the day each merged
    record took effect (by id() of its draft), before which nothing violates it."""
    effective: dict[int, dt.date] = {}
    dropped: set[int] = set()
    for later in sorted((d for d in drafts if d["date"] and "took_effect" in d["states"] and "agreed" not in d["states"]),
                        key=lambda d: d["date"]):
        earlier = [d for d in drafts if id(d) not in dropped and d is not later and d["kind"] is later["kind"]
                   and d["date"] and 0 < (later["date"] - d["date"]).days <= TAKES_EFFECT_DAYS
                   and "took_effect" not in d["states"] and _same_sides(d, later)]
        if earlier:
            home = max(earlier, key=lambda d: d["date"])
            for key in ("mentions", "mediators", "parties", "states", "terms"):
                home[key].extend(v for v in later[key] if v not in home[key])
            home["venue"] = home["venue"] or later["venue"]
            effective[id(home)] = later["date"]
            dropped.add(id(later))
    return [d for d in drafts if id(d) not in dropped], effective


def _same_sides(one: dict, other: dict) -> bool:
    brokers = set(one["mediators"]) | set(other["mediators"])
    ours, theirs = set(one["parties"]) - brokers, set(other["parties"]) - brokers
    return len(ours & theirs) >= min(2, len(ours), len(theirs)) and bool(ours & theirs)


def _brokers_only(facts: AgreementFacts) -> bool:
    """Whether a mention names only the arrangement's brokers ("The truce was brokered by the United States and
    France"): it says who mediated a record named nearby, and founds none of its own."""
    return bool(facts.mediators) and set(facts.parties) <= set(facts.mediators)


def _named_just_before(drafts: list[dict], facts: AgreementFacts) -> dict | None:
    """The record of the mention's family that a sentence of its article up to two before it (or it) names."""
    here = facts.agreement.provenance
    for draft in reversed(drafts):
        if _FAMILY.get(draft["kind"], draft["kind"]) is facts.family and any(
                m.article_id == here.article_id and 0 <= here.sentence_index - m.sentence_index <= 2
                for m in draft["mentions"]):
            return draft
    return None


def _draft(kind: AgreementKind, date: dt.date | None) -> dict:
    return {"kind": kind, "date": date, "mentions": [], "venue": None, "mediators": [], "parties": [], "states": [],
            "terms": []}


class DraftBook:
    """The founding drafts of the last drafting, kept by a live ledger so that the next one redoes only what
    changed. Founding is greedy over the founding mentions in one order (date, then article; undated last), so
    the drafts after the first k mentions depend on those k alone: the book keeps the last order, the drafts
    and, per draft, the mentions it took; the next drafting takes the drafts back to the longest unchanged
    prefix of the order (drafts founded after it dropped, the others made again from their earlier mentions)
    and goes on from there. The result is the drafts a drafting from scratch makes."""

    def __init__(self):
        self.ordered: list[AgreementFacts] = []
        self.choices: list[int] = []  # per founding mention: its draft's number
        self.taken: list[list[AgreementFacts]] = []  # per draft: the founding mentions it took, in order
        self.drafts = _Drafts()
        self.binding: set[tuple] = set()  # (id, date, in force from, kind, sides) of the last binding agreements
        self.offered: dict[tuple, tuple] = {}  # accusation traits -> what they offered it (`_offered`)
        self._records: dict[tuple, AgreementRecord] = {}  # the last build's, by their drafts' content

    def records(self, drafts: list[dict]) -> list[AgreementRecord]:
        """The drafts' records; a draft of the same content as one of the last build's (its mentions the same
        objects, which the memo keeps) gives the same record, not made again."""
        made, records = {}, []
        for draft in drafts:
            key = (draft["kind"], draft["date"], draft["venue"], tuple(map(id, draft["mentions"])),
                   *map(tuple, (draft["mediators"], draft["parties"], draft["states"], draft["terms"])))
            records.append(made.setdefault(key, self._records.get(key) or _record(draft)))
        self._records = made  # (a kept record holds its mentions, so their ids are not reused)
        return records

    def found(self, founding: list[AgreementFacts]) -> _Drafts:
        """The drafts the founding mentions (in the order of the articles) make."""
        ordered = sorted(founding, key=_founding_order)
        same, limit = 0, min(len(ordered), len(self.ordered))
        while same < limit and ordered[same] is self.ordered[same]:
            same += 1
        self._take_back(same)
        drafts = self.drafts
        for facts in ordered[same:]:
            date, family = facts.date, facts.family
            home = next((d for d in drafts.near(family, date) if _compatible(d, facts)), None)
            if home is None:
                home = drafts.new(family, date)
                self.taken.append([])
            _absorb(home, facts, date)
            drafts.moved(home)
            self.taken[drafts.number(home)].append(facts)
            self.choices.append(drafts.number(home))
        self.ordered = ordered
        return drafts

    def _take_back(self, same: int) -> None:
        later: dict[int, int] = {}
        for number in self.choices[same:]:
            later[number] = later.get(number, 0) + 1
        del self.choices[same:]
        first = min((n for n, count in later.items() if count == len(self.taken[n])), default=len(self.taken))
        self.drafts.drop_from(first)
        del self.taken[first:]
        for number, count in sorted(later.items()):
            if number < first:
                taken = self.taken[number] = self.taken[number][:len(self.taken[number]) - count]
                draft = self.drafts.all[number]
                draft.update(_draft(draft["kind"], taken[0].date))
                for facts in taken:
                    _absorb(draft, facts, facts.date)
                self.drafts.moved(draft)


def _founding_order(facts: AgreementFacts) -> tuple:
    return (facts.date is None, facts.date or dt.date.min)


def _copy(draft: dict) -> dict:
    return {key: list(value) if isinstance(value, list) else value for key, value in draft.items()}


class _Drafts:
    """Draft records in the order they were made, indexed by kind and date, so that finding a mention's
    record looks at the drafts of its days only, in the order a scan of every draft would meet them."""

    def __init__(self):
        self.all: list[dict] = []
        self._order: dict[int, int] = {}  # id(draft) -> when it was made
        self._filed: dict[int, tuple] = {}  # id(draft) -> (kind, date) it is filed under
        self._by_day: dict[tuple, list[dict]] = {}  # (kind, date) -> drafts, in the order made
        self._days: dict[AgreementKind, list[dt.date]] = {}  # kind -> the dates of its drafts, ascending

    def new(self, kind: AgreementKind, date: dt.date | None) -> dict:
        draft = _draft(kind, date)
        self._order[id(draft)] = len(self.all)
        self.all.append(draft)
        self._file(draft)
        return draft

    def number(self, draft: dict) -> int:
        """Its place in the order the drafts were made."""
        return self._order[id(draft)]

    def drop_from(self, number: int) -> None:
        """Drop the drafts made from the given one on (a day left without drafts stays listed: it holds none)."""
        for draft in self.all[number:]:
            bucket = self._by_day[self._filed.pop(id(draft))]
            bucket[:] = [d for d in bucket if d is not draft]
            del self._order[id(draft)]
        del self.all[number:]

    def moved(self, draft: dict) -> None:
        """Refile a draft whose date changed (a record's date is its earliest mention's)."""
        if self._filed[id(draft)] != (draft["kind"], draft["date"]):
            bucket = self._by_day[self._filed[id(draft)]]
            bucket[:] = [d for d in bucket if d is not draft]
            self._file(draft)

    def _file(self, draft: dict) -> None:
        key = self._filed[id(draft)] = (draft["kind"], draft["date"])
        days = self._days.setdefault(draft["kind"], [])
        if draft["date"] is not None and key not in self._by_day:
            bisect.insort(days, draft["date"])
        bucket = self._by_day.setdefault(key, [])
        bucket.append(draft)
        bucket.sort(key=lambda d: self._order[id(d)])

    def near(self, kind: AgreementKind, date: dt.date | None) -> list[dict]:
        """The drafts of the kind within MERGE_DAYS of the date (undated: the undated ones), in the order made."""
        if date is None:
            return list(self._by_day.get((kind, None), ()))
        days = [date + dt.timedelta(days=n) for n in range(-MERGE_DAYS, MERGE_DAYS + 1)]
        return sorted((d for day in days for d in self._by_day.get((kind, day), ())), key=lambda d: self._order[id(d)])

    def latest(self, kind: AgreementKind, date: dt.date | None, parties: set[str]) -> dict | None:
        """The latest draft of the kind on or before the date (any, when undated; undated drafts last) that
        shares a party: among drafts of one date, the first made."""
        days = self._days.get(kind, [])
        dated = days[:bisect.bisect_right(days, date)] if date is not None else days
        for day in [*reversed(dated), None]:
            for draft in self._by_day.get((kind, day), ()):
                if set(draft["parties"]) & parties:
                    return draft
        return None


def _warring(agreement: Agreement) -> tuple[str, ...]:
    """The parties as names, without the mediators: a broker or host is not a warring party."""
    mediators = {party_name(m) for m in agreement.mediators}
    names = [party_name(p) for p in agreement.parties]
    parties = [p for p in names if p not in mediators]
    return tuple(dict.fromkeys(parties if len(parties) >= 1 else names))


_EXISTS = {
    AgreementKind.CEASEFIRE: {"agreed", "took_effect", "held", "violated", "frayed"},
    AgreementKind.TALKS: {"agreed", "took_effect", "held", "scheduled", "mentioned", "collapsed"},
    AgreementKind.PLEDGE: {"agreed", "took_effect", "held", "violated", "mentioned"},
    AgreementKind.REQUEST: {"proposed", "agreed", "mentioned"},
}


def _founds(agreement: Agreement, family: AgreementKind, parties: tuple[str, ...], mediators: tuple[str, ...],
            stated: bool) -> bool:
    """Whether a mention can found a record: the sentence says the arrangement exists, and it names who
    is bound (two sides; a request needs only its maker)."""
    if agreement.state.value not in _EXISTS.get(family, set()):
        return False
    named = set(parties) | set(mediators)
    if len(named) < (1 if family is AgreementKind.REQUEST else 2):
        return False
    if family is AgreementKind.CEASEFIRE:
        # "accused the RSF on Friday of violating the Jeddah ceasefire": Friday is the day of the breach, not
        # of the ceasefire, which the mention joins as a passing one (and founds only when there is none)
        return (stated and agreement.state.value not in _BROKEN) or agreement.state.value == "took_effect"
    return True


def _compatible(draft: dict, facts: AgreementFacts) -> bool:
    venue = facts.agreement.venue
    if draft["venue"] and venue and draft["venue"] != venue:
        return False
    if draft["venue"] and venue:
        return True  # same kind, same days, same venue: one arrangement
    # Otherwise the same sides: Russia's pledge of help to Armenia is not Armenia and Azerbaijan's pledge of
    # that day. A broker named as a party by one mention and as mediator by another does not count.
    brokers = set(draft["mediators"]) | set(facts.mediators)
    ours, theirs = set(draft["parties"]) - brokers, set(facts.parties) - brokers
    return not ours or not theirs or len(ours & theirs) >= min(2, len(ours), len(theirs))


def _absorb(draft: dict, facts: AgreementFacts, date: dt.date | None, passing: bool = False) -> None:
    """Add a mention to a record. A passing mention ("the truce frayed") adds its state and words, but
    not its venue, mediators or parties: "talks in Geneva fell short of a ceasefire" must not place an
    earlier ceasefire in Geneva."""
    agreement = facts.agreement
    draft["mentions"].append(agreement.provenance)
    if date is not None and draft["date"] is not None:
        draft["date"] = min(draft["date"], date)
    if not passing:
        draft["venue"] = draft["venue"] or agreement.venue
    mediators = () if passing else facts.mediators
    parties = () if passing else facts.parties
    for key, values in (("mediators", mediators), ("parties", parties),
                        ("states", (agreement.state.value,)), ("terms", (agreement.sentence,))):
        for value in values:
            if value not in draft[key]:
                draft[key].append(value)


def _record(draft: dict) -> AgreementRecord:
    first = min(draft["mentions"], key=lambda p: (p.article_id, p.sentence_index, p.start))
    key = f"{draft['kind'].value}:{draft['date']}:{first.article_id}:{first.sentence_index}"
    mediators = tuple(m for m in draft["mediators"])
    return AgreementRecord(
        id="agr-" + hashlib.sha1(key.encode()).hexdigest()[:10],
        kind=draft["kind"],
        date=draft["date"],
        venue=draft["venue"],
        mediators=mediators,
        parties=tuple(p for p in draft["parties"] if p not in mediators) or tuple(draft["parties"]),
        states=tuple(draft["states"]),
        terms=tuple(draft["terms"]),
        mentions=tuple(draft["mentions"]),
        violations=(),
    )


def _binding(record: AgreementRecord, warring: set[frozenset]) -> bool:
    """Ceasefires, and pledges the warring sides made to each other: not one state's promise of aid to an
    ally (warring holds the pairs of sides that accuse each other somewhere in the corpus)."""
    if record.date is None:
        return False
    if record.kind is AgreementKind.CEASEFIRE:
        return True
    sides = _sides(record)
    return (record.kind is AgreementKind.PLEDGE and any(_MUTUAL.search(t) for t in record.terms)
            and any(pair <= sides for pair in warring))


_BROKEN = {"violated", "frayed"}  # states of a mention that reports the arrangement broken


def _link_violations(records: list[AgreementRecord], accusations, incidents: list[Incident],
                     stated_on: dict | None = None, in_force: dict | None = None,
                     book: DraftBook | None = None) -> list[AgreementRecord]:
    """Each accusation of an attack by or against a binding agreement's parties (or by the sides against
    each other), made on or after the day it took effect, is a violation of the latest such agreement
    in force (or, for words of violations with no day of their own, of one a sentence just before names). Backing, arming or recruiting is no attack. An accusation
    tied to incidents (its sentence reports them) gives one violation per incident, with its place; the
    same party's untied words on a day it has tied ones add nothing, nor does "both sides accuse each
    other" on a day with either side's own accusation. Words of violations with no day of their own, linked
    to the record a sentence just before names, take that sentence's day when it says the arrangement broke
    on it ("The truce frayed as soon as it took effect on Monday. The sides blamed each other for violations.")
    or when they say they followed it ("Hours later, both sides accused each other of violating it"):
    stated_on maps (article id, sentence index) of the mentions that state their day to (day, whether one of
    them says the arrangement broke). book: a live ledger's, which keeps what the binding agreements offered
    each kind of accusation (`_offered`) while those in force by its day are the same."""
    stated_on = stated_on or {}
    in_force = in_force or {}  # record id -> the day it took effect, when later than the day it was agreed
    warring = {frozenset((a, b)) for acc in accusations
               if (a := acc.speaker_side) and (b := acc.accused_side) and a != b}
    binding = [r for r in records if _binding(r, warring)]
    sides_of = {id(r): _sides(r) for r in binding}
    tied: dict[tuple, list[tuple[Incident, str | None]]] | None = None  # made on first need
    found: dict[str, dict] = {r.id: {} for r in records}
    chosen = _offered(binding, sides_of, in_force, book)
    by_id = {r.id: r for r in binding}
    near_mentions: dict[int, dict[str, list[int]]] = {}  # record -> article -> sentences that name it
    for r in binding:
        for mention in r.mentions:
            near_mentions.setdefault(id(r), {}).setdefault(mention.article_id, []).append(mention.sentence_index)
    for acc in accusations:
        claim, date, stated = acc.claim, acc.date, acc.stated
        if date is None:
            continue
        traits = acc.traits
        offered = chosen.get(traits)
        if offered is None:
            sides = acc.sides
            fitting = [r for r in binding if (in_force.get(r.id) or r.date) <= date
                       and (sides & sides_of[id(r)] or acc.mutual)
                       and not (acc.backing and acc.accused_side not in sides_of[id(r)])]
            # The latest in force: an accusation of 26 October is no violation of a truce of 10 October that a
            # new truce of 18 October replaced, even when the article recalls the first one just before it. Only
            # words of violations with no day of their own ("each army accuses the other of breaches")
            # belong to the agreement the sentences just before name, if no later one of its kind replaced it.
            newest: dict[AgreementKind, dt.date] = {}
            for r in fitting:
                newest[r.kind] = max(newest.get(r.kind, r.date), r.date)
            current = [r for r in fitting if r.date == newest[r.kind]]  # none of its kind later: linear, not square
            offered = chosen[traits] = (tuple(r.id for r in current),
                                        max(fitting, key=lambda r: r.date).id if fitting else None)
        if offered[1] is None:
            continue  # no agreement binds its sides on its day (most accusations of a long corpus)
        current, latest = [by_id[i] for i in offered[0]], by_id[offered[1]]
        if tied is None:
            tied = _tied(incidents)
        about = _incidents_of(claim, acc.speaker_side, tied)
        if not about and not acc.attack:
            continue
        near = None if stated or about or not acc.violation_words else _by_proximity(claim, current, near_mentions)
        record = near[0] if near else latest
        if record is None:
            continue
        if near and (said := stated_on.get((claim.provenance.article_id, near[1]))) and (
                said[1] or _soon_after(claim.sentence)) and record.date <= said[0] <= date:
            date = said[0]
        side = acc.speaker_side or claim.speaker
        for incident in about or [None]:
            key = (side, incident.id if incident else None, None if incident else date)
            # an incident at a place the gazetteer does not know is where its sources say
            place = (incident.place.name if incident.place else next(iter(incident.place_names), None)) if incident else None
            found[record.id].setdefault(key, Violation(_accuser(acc, record), claim.accused, date, claim.sentence,
                                                       claim.provenance, place, incident.id if incident else None))
    wide = {i.id for i in incidents if i.place is not None and not is_point(i.place)} if any(found.values()) else set()
    out = []
    for r in records:
        items = found[r.id]
        if not items:
            out.append(r)  # (records are made with no violations)
            continue
        placed = {(k[0], v.date) for k, v in items.items() if v.incident}
        days = {v.date for v in items.values() if v.incident or not _mutual(v.accused)}
        kept = [v for k, v in items.items() if v.incident or not ((k[0], v.date) in placed or (
            _mutual(v.accused) and v.date in days))]
        out.append(dataclasses.replace(r, violations=_without_summaries(kept, wide)))
    return out


def _offered(binding: list[AgreementRecord], sides_of: dict, in_force: dict, book: DraftBook | None) -> dict:
    """What the binding agreements offer each kind of accusation (its traits): (ids of the latest of each kind in
    force by its day, id of the latest of all), as `_link_violations` fills it. A book keeps it between builds:
    an accusation's offer depends only on the agreements in force by its day, so when agreements came, went
    or changed their day, kind or sides, only the offers to accusations from the earliest such day on are dropped."""
    if book is None:
        return {}
    signature = {(r.id, r.date, in_force.get(r.id) or r.date, r.kind, frozenset(sides_of[id(r)])) for r in binding}
    if signature != book.binding:
        since = min(s[2] for s in signature ^ book.binding)
        book.offered = {traits: offer for traits, offer in book.offered.items() if traits[0] < since}
        book.binding = signature
    return book.offered


def _tied(incidents: list[Incident]) -> dict[tuple, list[tuple[Incident, str | None]]]:
    """(article id, sentence index) of each accusation an incident holds -> the incidents and the side accusing."""
    tied: dict[tuple, list[tuple[Incident, str | None]]] = {}
    for incident in incidents:
        for c in incident.claims:
            if c.stance is Stance.ACCUSE:
                tied.setdefault((c.provenance.article_id, c.provenance.sentence_index), []).append((incident, c.side))
    return tied


def _without_summaries(violations: list[Violation], wide: set[str]) -> tuple[Violation, ...]:
    """The violations less those tied to a region- or country-wide incident (ids in wide) on a day when every
    side alleging it also alleges town-level ones: "both sides accused each other of shelling the region"
    sums up the towns each names next, and is no further violation."""
    in_towns: dict[dt.date | None, set] = {}
    for v in violations:
        if v.incident and v.incident not in wide:
            in_towns.setdefault(v.date, set()).update(_accuser_sides(v))
    return tuple(v for v in violations if not (
        v.incident in wide and (sides := _accuser_sides(v)) and sides <= in_towns.get(v.date, set())))


def _accuser_sides(violation: Violation) -> set[str | None]:
    """The sides of the parties alleging a violation ("Armenia and Azerbaijan" is two; "Pakistan military"
    stands with Pakistan); None for one unknown."""
    return {party_side(a) or party_side(a.rsplit(" ", 1)[0]) for a in canonical_actors(violation.accuser)}


def _accuser(acc: Accusation, record: AgreementRecord) -> str:
    """Who alleges a violation: the speaker, or, when "the warring sides" or "both sides" accuse each other
    and name no party, the parties of the agreement they are said to break."""
    speaker = acc.claim.speaker
    if acc.mutual and len(record.parties) >= 2 and not any(map(canonical_actor, canonical_actors(speaker))):
        return " and ".join(record.parties)
    return speaker


def _incidents_of(claim: Claim, side: str | None, tied: dict) -> list[Incident]:
    """The incidents an accusation names: those whose accusations include this sentence's, by its side
    (the speaker's)."""
    where = (claim.provenance.article_id, claim.provenance.sentence_index)
    if where not in tied:
        return []
    # by identity: an incident hashes all its fields, and one incident is one object here
    return list({id(i): i for i, s in tied.get(where, ()) if s == side}.values())


def _soon_after(sentence: str) -> bool:
    """Whether the sentence places what it tells just after the day named before it ("hours later", "shortly
    after", lexicon soon_after_words)."""
    return bool(phrases(PACKAGE, "soon_after_words").search(sentence))


def _mutual(accused: str | None) -> bool:
    return bool(accused) and bool(re.search(r"\b(each other|one another)\b", accused, re.I))



_ARMED = re.compile(r"\barmed\s+(forces|groups?|men|units|formations|wings?|personnel)\b", re.I)


def _backing(claim: Claim) -> bool:
    """Backing, arming, sending or recruiting fighters: an accusation, but of no attack ("armed forces"
    names an army, not an act of arming)."""
    action = _ARMED.sub(" ", claim.action or "")
    return bool(phrases(EXTRACT, "backing_words", inflected=True).search(action))


def _attack(claim: Claim) -> bool:
    """An accusation with no incident counts when it speaks of an attack or a violation."""
    text = f"{claim.action} {claim.sentence}"
    return bool(_VIOLATION.search(text) or phrases(EXTRACT, "harm_words", inflected=True).search(text))



def _sides(record: AgreementRecord) -> set[str]:
    """The sides of an agreement's parties: states, and named armed groups that stand with none (`own_side`)."""
    return {s for p in record.parties if (s := party_side(p) or own_side(p))}


def _by_proximity(claim: Claim, binding: list[AgreementRecord], near_mentions: dict
                  ) -> tuple[AgreementRecord, int] | None:
    """The first of the records that a sentence of the claim's article up to two before it names, with that
    sentence's index (asked only when the claim speaks of a violation). near_mentions: record (by id()) ->
    article id -> its mentions' sentences."""
    here = claim.provenance
    for record in binding:
        for index in near_mentions.get(id(record), {}).get(here.article_id, ()):
            if 0 <= here.sentence_index - index <= 2:
                return record, index
    return None


def accuser_side(violation: Violation) -> str | None:
    return own_side(violation.accuser)
