"""The records that flow through the pipeline; each stage reads earlier records and never alters them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import Enum

from .errors import printable


class DatePrecision(str, Enum):
    """How exactly a date is known: an article dated only 'October 2020' has precision MONTH."""

    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    YEAR = "year"


class InputFormat(str, Enum):
    """The kind of file a raw document came from; decides how its text is cleaned."""

    TEXT = "text"
    HTML = "html"
    JSONL = "jsonl"
    WARC = "warc"
    FEED = "feed"


@dataclass(frozen=True, slots=True)
class RawDocument:
    """One document as a reader found it, before cleaning.

    source: where it came from, a path with an optional `#record` suffix, used in every message.
    name: the id a user knows it by: the file name without extension, or a JSON Lines `id`.
    body: the text or markup; `is_html` says which.
    meta: outlet, url, title, published as the input stated them (strings, possibly empty).
    notes: warnings met while reading (a legacy encoding, say) that do not stop the document.
    """

    source: str
    name: str
    body: str
    is_html: bool
    format: InputFormat
    outlet: str | None = None
    url: str | None = None
    title: str | None = None
    published: str | None = None
    notes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Skipped:
    """An input that was not stored, with the one-line reason shown to the user."""

    source: str
    reason: str

    def line(self) -> str:
        return printable(f"{self.source}: {self.reason}")


@dataclass(frozen=True, slots=True)
class Article:
    """An article as one outlet published it, after cleaning (the 'report' level of the ledger).

    id: hash of the normalised clean text, so one text is one article under any file name.
    name: the user's id for it (file stem or JSON Lines id); the per-article export is keyed by it.
    published / published_precision: the publication date when the input or the text states it.
    dateline: the opening place-and-date line ("STEPANAKERT, October 11. /TASS/."), as written.
    credits: news agencies the article credits (AFP, Reuters, RFE/RL, ...), in order of first mention.
    text: the clean body text that every offset in the ledger points into.
    """

    id: str
    name: str
    source: str
    format: InputFormat
    outlet: str | None
    url: str | None
    title: str | None
    published: dt.date | None
    published_precision: DatePrecision | None
    language: str
    text: str
    dateline: str | None = None
    credits: tuple[str, ...] = ()
    removed_lines: int = 0
    pipeline_version: str = ""

    @classmethod
    def from_text(cls, text: str, name: str = "text", *, id: str | None = None, outlet: str | None = None,
                  title: str | None = None, published: dt.date | None = None,
                  credits: tuple[str, ...] = ()) -> Article:
        """An article made in memory from plain text (a test sentence, a benchmark item), with no file
        and no cleaning; `wirewatch ingest` makes a corpus's articles."""
        return cls(id=id or name, name=name, source=f"{name}.txt", format=InputFormat.TEXT, outlet=outlet, url=None,
                   title=title, published=published, published_precision=None, language="en", text=text,
                   credits=credits)

    @property
    def words(self) -> int:
        return len(self.text.split())


@dataclass(frozen=True, slots=True)
class IngestReport:
    """What one ingestion did: counts per outcome and the lines to show for skipped inputs."""

    stored: tuple[str, ...] = ()
    already_present: tuple[str, ...] = ()
    skipped: tuple[Skipped, ...] = ()
    notes: tuple[str, ...] = ()
    article_ids: tuple[str, ...] = ()  # stored or already present, in input order

    @property
    def ok(self) -> bool:
        return not self.skipped


@dataclass(slots=True)
class IngestTally:
    """Mutable counter filled while a batch runs, frozen into an IngestReport at the end."""

    stored: list[str] = field(default_factory=list)
    already_present: list[str] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    article_ids: list[str] = field(default_factory=list)

    def freeze(self) -> IngestReport:
        return IngestReport(tuple(self.stored), tuple(self.already_present), tuple(self.skipped), tuple(self.notes),
                            tuple(dict.fromkeys(self.article_ids)))


# --- mentions: what one sentence of one article says ------------------------------------------


class FigureKind(str, Enum):
    """What a casualty figure counts."""

    KILLED = "killed"
    WOUNDED = "wounded"
    MISSING = "missing"
    DISPLACED = "displaced"
    CAPTURED = "captured"
    OTHER = "other"


class Qualifier(str, Enum):
    """How a figure's number is hedged in the text ("at least 5" is AT_LEAST with value 5)."""

    EXACT = "exact"
    AT_LEAST = "at_least"
    MORE_THAN = "more_than"
    ABOUT = "about"
    NEARLY = "nearly"
    UP_TO = "up_to"


class GeoPrecision(str, Enum):
    """How precisely a resolved place locates an event: never a country centroid passed off as a point."""

    SUB_CITY = "sub-city"
    CITY = "city"
    DISTRICT = "district"
    REGION = "region"
    COUNTRY = "country"


@dataclass(frozen=True, slots=True)
class Provenance:
    """Where a mention comes from: the article, the sentence, the characters and the rule that found it.

    start and end are offsets into the article's clean text (not into the sentence).
    """

    article_id: str
    sentence_index: int
    start: int
    end: int
    rule: str


@dataclass(frozen=True, slots=True)
class Place:
    """A gazetteer entry a place name resolved to (GeoNames id, or one of wirewatch's own above 90,000,000)."""

    geonameid: int
    name: str
    lat: float
    lon: float
    country: str
    admin1: str
    feature: str
    population: int
    precision: GeoPrecision


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A place name as written in a sentence, with what it resolved to (None when nothing fits)."""

    name: str
    place: Place | None
    sentence: str
    provenance: Provenance


@dataclass(frozen=True, slots=True)
class Figure:
    """A count of people affected, as one sentence states it.

    value: the stated number (the lower bound of a range, with `upper` its upper bound).
    who: the affected group as written, with its side when the text gives it ("Nagorno-Karabakh troops").
    claimant: who gives the figure, or "the article itself" when the text attributes it to no one.
    as_of: the date the figure refers to, when the text or the publication date gives it.
    historical: the figure is about another war or era and must not be read as a current toll.
    """

    kind: FigureKind
    value: int
    qualifier: Qualifier
    who: str | None
    claimant: str
    sentence: str
    provenance: Provenance
    upper: int | None = None
    as_of: dt.date | None = None
    as_of_precision: DatePrecision | None = None
    historical: bool = False


class Stance(str, Enum):
    """What a claim does: accuse another party, deny an allegation, assert something, confirm a report."""

    ACCUSE = "accuse"
    DENY = "deny"
    ASSERT = "assert"
    CONFIRM = "confirm"


@dataclass(frozen=True, slots=True)
class Claim:
    """A party's statement in one sentence: its stance, speaker, the party it accuses and what it says.

    speaker: as written, resolved from "he"/"the ministry" to the earlier named speaker.
    accused: the party accused (None for a denial unless the text names it; "each other" when mutual).
    action: what is alleged, denied or asserted, as a short phrase from the sentence.
    places: place names inside the claim's content, as written.
    """

    stance: Stance
    speaker: str
    accused: str | None
    action: str
    places: tuple[str, ...]
    sentence: str
    provenance: Provenance


class AgreementKind(str, Enum):
    """What kind of arrangement a mention is about."""

    CEASEFIRE = "ceasefire"
    TRUCE = "truce"
    TALKS = "talks"
    PLEDGE = "pledge"
    REQUEST = "request"


class AgreementState(str, Enum):
    """What the sentence says became of the arrangement."""

    AGREED = "agreed"
    TOOK_EFFECT = "took_effect"
    FRAYED = "frayed"
    COLLAPSED = "collapsed"
    VIOLATED = "violated"
    PROPOSED = "proposed"
    HELD = "held"
    SCHEDULED = "scheduled"
    MENTIONED = "mentioned"


@dataclass(frozen=True, slots=True)
class Agreement:
    """A ceasefire, truce, talks, pledge or request as one sentence mentions it.

    parties: countries or organisations, in the order the guideline gives (requester then
    addressee; pledger then beneficiary; warring sides then broker).
    mediators: who brokered, mediated or hosted it, when the sentence says.
    date_text: the time expression as written; date and date_precision: what it resolves to.
    """

    kind: AgreementKind
    parties: tuple[str, ...]
    mediators: tuple[str, ...]
    venue: str | None
    date_text: str | None
    date: dt.date | None
    date_precision: DatePrecision | None
    state: AgreementState
    sentence: str
    provenance: Provenance


@dataclass(frozen=True, slots=True)
class EventMention:
    """A happening as one sentence reports it, typed in PLOVER and (when violent) ACLED terms.

    actor: the perpetrator as claimed (for an accusation, the accused); recipient: who it was done to.
    target: civilians, residential, market, military or infrastructure, when the text says.
    negated: the sentence denies it happened; hypothetical: threatened, conditional or planned.
    stance and speaker: the claim the event comes from, or None when the article narrates it.
    """

    plover: str
    mode: str
    label: str
    acled_event: str
    acled: str
    actor: str | None
    recipient: str | None
    target: str | None
    weapon: str | None
    places: tuple[str, ...]
    date: dt.date | None
    date_precision: DatePrecision | None
    negated: bool
    hypothetical: bool
    stance: Stance | None
    speaker: str | None
    sentence: str
    provenance: Provenance


@dataclass(frozen=True, slots=True)
class StatedDate:
    """A date expression in a sentence that carries an item, as written and not yet resolved: the
    ledger resolves it against the article's date, stated or inferred from the corpus, without
    reading the sentence again. kind: the pattern of nlp/dates.py that found it."""

    text: str
    kind: str
    since: bool
    sentence: str
    provenance: Provenance


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything the extract stage found in one article."""

    article: Article
    figures: tuple[Figure, ...] = ()
    places: tuple[PlaceMention, ...] = ()
    claims: tuple = ()
    agreements: tuple = ()
    events: tuple = ()
    sentences: int = 0
    parsed_sentences: int = 0
    dates: tuple[StatedDate, ...] = ()  # the date expressions of the sentences that carry items


class IncidentStatus(str, Enum):
    """What the claims about an incident add up to."""

    ACCUSED_AND_DENIED = "accused and denied"
    CONFIRMED_BY_BOTH = "confirmed by both sides"
    CORROBORATED = "corroborated by independent groups"
    ONE_PARTY = "reported by one party"
    UNATTRIBUTED = "reported without attribution"


@dataclass(frozen=True, slots=True)
class IncidentClaim:
    """One party's word on an incident: who says it, how, against whom, where it was published."""

    stance: Stance
    speaker: str
    side: str | None
    accused: str | None
    article_id: str
    outlet: str | None
    group_id: str
    sentence: str
    provenance: Provenance


@dataclass(frozen=True, slots=True)
class Incident:
    """One real-world happening, with every claim and report about it.

    id: derived from its earliest mention, so the same corpus always gives the same id.
    place: the most precise place its mentions agree on; date: the best-attested day.
    reports: article ids; groups: their source groups (corroboration counts groups, not outlets).
    """

    id: str
    label: str
    acled: str
    acled_event: str
    plover: str
    date: dt.date | None
    date_precision: DatePrecision | None
    place: Place | None
    place_names: tuple[str, ...]
    actor: str | None
    target: str | None
    weapon: str | None
    status: IncidentStatus
    claims: tuple[IncidentClaim, ...]
    reports: tuple[str, ...]
    groups: tuple[str, ...]
    mentions: tuple[Provenance, ...]
    fatalities: int | None = None  # killed in this incident only, from figures tied to it; None when unknown


@dataclass(frozen=True, slots=True)
class SeriesPoint:
    """One figure as a claimant gave it, with every report that carried it (never summed)."""

    value: int
    qualifier: Qualifier
    upper: int | None
    as_of: dt.date | None
    who: str | None
    reports: tuple[Provenance, ...]
    sentences: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class FigureSeries:
    """One claimant's running count of one kind, in date order; `latest` is the last point."""

    claimant: str
    claimant_written: str
    kind: FigureKind
    points: tuple[SeriesPoint, ...]
    group: str = "all"  # whose dead: troops, civilians, militants, police or all; never mixed in one series
    scope: str = "conflict"  # a cumulative toll ("conflict") or the count of one incident ("incident")
    incident: str | None = None  # the incident's id when the scope is one incident
    voice: str | None = None  # the source group whose own words these are, when no one else is quoted

    @property
    def latest(self) -> SeriesPoint:
        return self.points[-1]


@dataclass(frozen=True, slots=True)
class Violation:
    """An attack alleged after an agreement took effect: by whom, against whom, where it was said."""

    accuser: str
    accused: str | None
    date: dt.date | None
    sentence: str
    provenance: Provenance
    place: str | None = None  # where the alleged attack happened, when it is tied to an incident
    incident: str | None = None  # that incident's id


@dataclass(frozen=True, slots=True)
class AgreementRecord:
    """One ceasefire, truce, talks, pledge or request, merged from its mentions, with the violations
    alleged after it took effect and before the next one of its kind."""

    id: str
    kind: AgreementKind
    date: dt.date | None
    venue: str | None
    mediators: tuple[str, ...]
    parties: tuple[str, ...]
    states: tuple[str, ...]
    terms: tuple[str, ...]
    mentions: tuple[Provenance, ...]
    violations: tuple[Violation, ...]
