"""Figure series: one claimant's running count of one kind of casualty, for one group and one scope.

A series is never a mix: "212 of its soldiers and 17 villagers" are two series (troops, civilians), and
a conflict-wide toll never shares a series with the count of one strike. Figures are never summed across
reports: the same figure carried by five outlets is one point with five reports.

Scope comes from stored mentions only: a figure stated in a sentence that reports an incident counts that
incident, unless the sentence marks it as a running toll ("since", "so far", ...); a figure in a sentence that
reports a violent event with no incident counts that event; any other figure is a conflict-wide toll.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import bisect
import re
from collections.abc import Callable, Iterable
from functools import cache
from operator import itemgetter

from ..lexicon import load_lexicon
from ..model import Extraction, Figure, FigureKind, FigureSeries, SeriesPoint
from ..resolve.actors import canonical_actor
from .incidents import definite_attack
from .words import phrases

PACKAGE = "wirewatch.corpus"
EXTRACT = "wirewatch.extract"  # extraction's word lists (documents that speak for a party)
SAME_FIGURE_DAYS = 2
ALL = "all"
CONFLICT, INCIDENT = "conflict", "incident"


ARTICLE_ITSELF = "the article itself"  # the extractor's claimant for a figure the text attributes to no one
TALLY = "tally of official tolls"


def claimant_key(claimant: str) -> str:
    """The canonical claimant: the actor it resolves to (Putin and Moscow are both Russia's government);
    a tally of the sides' tolls, however worded, is one claimant; else the phrase as written (lower-cased)
    when it names no actor ("two security officials")."""
    actor = canonical_actor(claimant)
    if actor:
        return actor
    if phrases(PACKAGE, "tally_words").search(claimant):
        return TALLY
    if person := _named_person(claimant):
        return person
    return claimant.strip().lower().removeprefix("the ").strip() or claimant


# A person's name after words of office: "regional governor Serhiy Lysak", "Kherson governor Oleksandr Prokudin".
_TITLED_NAME = re.compile(r"\b[a-z][\w'’.-]*\s+((?:[A-Z][\w'’-]+\s+)+[A-Z][\w'’-]+)$")


def _named_person(claimant: str) -> str | None:
    """The person a claimant names after their office, so that "regional governor Serhiy Lysak" and "governor
    Serhiy Lysak" are one claimant: a first and last name (capitalised words) closing a phrase whose words
    before them are not capitalised; not in a joint claimant ("officials and surgeon Musa Keita")."""
    if re.search(r"\band\b|,", claimant):
        return None
    match = _TITLED_NAME.search(claimant.strip())
    return match.group(1) if match else None



@cache
def _groups() -> tuple[tuple[re.Pattern, str], ...]:
    pairs = [tuple(entry.rsplit("|", 1)) for entry in load_lexicon(PACKAGE, "figure_groups")]
    return tuple((re.compile(r"(?<![\w-])" + re.escape(w) + r"(?![\w-])", re.I), g)
                 for w, g in sorted(pairs, key=lambda p: -len(p[0])))




def group_of(who: str | None) -> str | None:
    """The group a figure's "who" names (troops, civilians, militants, fighters, police, ...); None when
    it names none of them ("people", "deaths", nothing)."""
    if not who:
        return None
    for pattern, group in _groups():
        if pattern.search(who):
            return group
    return None


def figure_groups(figures: Iterable[Figure]) -> dict[int, str]:
    """The group of each figure (by id()): its own words, or, for "two others", the group counted just
    before it in the same sentence; else "all"."""
    out: dict[int, str] = {}
    previous: dict[tuple, str] = {}
    for figure in sorted(figures, key=lambda f: (f.provenance.article_id, f.provenance.sentence_index,
                                                 f.provenance.start)):
        where = (figure.provenance.article_id, figure.provenance.sentence_index)
        group = group_of(figure.who)
        # "killed six policemen and injured three others", "left 40 villagers dead and 250 hurt": the second
        # count is of the group just named.
        sequel = not figure.who or phrases(PACKAGE, "sequel_words").search(figure.who)
        if group is None and sequel and where in previous:
            group = previous[where]
        out[id(figure)] = group or ALL
        previous[where] = out[id(figure)]
    return out


def is_cumulative(sentence: str) -> bool:
    """Whether a sentence gives a running toll: a cue ("so far", "since the war began"), unless the only
    cue is a "since" that follows a superlative ("the deadliest attack since 2019")."""
    cues = [m.group(1).lower() for m in phrases(PACKAGE, "cumulative_cues").finditer(sentence)]
    if cues and set(cues) == {"since"}:
        superlative = phrases(PACKAGE, "superlatives").search(sentence)
        return not (superlative and superlative.start() < sentence.lower().index("since"))
    return bool(cues)


def figure_scope(figure: Figure, incident_at: dict, eventful: set, cumulative: bool | None = None,
                 follows: int | None = None) -> tuple[str, str | None]:
    """(scope, key): ("incident", incident id or the sentence's key) or ("conflict", None). cumulative:
    whether the sentence gives a running toll, when the caller knows it already; follows: the sentence of
    the attack whose toll it tells when it tells of none itself (`follow_on`)."""
    where = (figure.provenance.article_id, figure.provenance.sentence_index)
    if is_cumulative(figure.sentence) if cumulative is None else cumulative:
        return CONFLICT, None
    for at in (where, (where[0], follows)) if follows is not None else (where,):
        if at in incident_at:
            return INCIDENT, incident_at[at]
        if at in eventful:
            return INCIDENT, f"{at[0]}:{at[1]}"
    return CONFLICT, None


FOLLOW_ON = 2  # sentences after an attack's own whose toll is that attack's


def follow_on(figure: Figure, eventful: frozenset[int]) -> int | None:
    """The sentence of the attack whose toll the figure's sentence tells, when it tells of no attack itself:
    "A drone struck the market on Monday. At least 11 people were killed, a health worker said." The toll is
    the strike's, not a count of the whole war (a running toll says so: `is_cumulative` keeps that one
    conflict-wide), and it joins the strike's incident. "The toll from the strike rose to 19" refers back
    the same way; "gunmen also ambushed a patrol, leaving four dead" tells of an attack of its own and follows none. The
    nearest attack up to FOLLOW_ON sentences before it; eventful: the article's sentences that report one."""
    index = figure.provenance.sentence_index
    if index in eventful:
        return None
    attack = next((index - step for step in range(1, FOLLOW_ON + 1) if index - step in eventful), None)
    return None if attack is None or _tells_an_attack(figure.sentence) else attack


def _tells_an_attack(sentence: str) -> bool:
    """Whether the sentence names an attack of its own (extract's attack nouns and verbs), not one it refers
    back to ("the strike", "the attack")."""
    own = definite_attack().sub(" ", sentence)
    return bool(phrases(EXTRACT, "attack_nouns", inflected=True).search(own)
                or phrases(EXTRACT, "attack_verbs", inflected=True).search(own))


def eventful_sentences(extraction: Extraction) -> frozenset[int]:
    """The sentences of the article that report a violent event (asserted, not negated or hypothetical)."""
    return frozenset(ev.provenance.sentence_index for ev in extraction.events
                     if ev.plover == "ASSAULT" and not ev.negated and not ev.hypothetical)


@dataclasses.dataclass(frozen=True, slots=True)
class FigureFacts:
    """What a figure's series key needs that its article alone gives (see `article_figures`)."""

    figure: Figure
    article_id: str
    group: str
    cumulative: bool
    claimant: str  # claimant_key of the claimant as written
    office: str | None  # the office a pronoun-owned claimant names
    owner: tuple[str, str] | None  # (office, actor) when the claimant names an office and its owner
    follows: int | None = None  # the sentence of the attack whose toll it tells (`follow_on`)


def article_figures(extraction: Extraction) -> tuple[FigureFacts, ...]:
    """One article's current figures with their group, cumulative cue and claimant: a pure function of
    the article, kept by a live ledger (corpus/memo.py) so that an update reads only new articles."""
    figures = [f for f in extraction.figures if not f.historical]
    groups = figure_groups(figures)
    issuers = _issuers(extraction)
    eventful = eventful_sentences(extraction)
    return tuple(FigureFacts(f, extraction.article.id, groups[id(f)], is_cumulative(f.sentence),
                             claimant_key(_issuer(f, issuers)), _office(f.claimant), _owner(f.claimant),
                             follow_on(f, eventful)) for f in figures)


def _is_document(claimant: str | None) -> bool:
    """Whether a claimant is a document ("the statement", "a communique"), which speaks for whoever issued it."""
    words = (claimant or "").lower().split()
    return len(words) <= 2 and bool(words) and words[-1] in load_lexicon(EXTRACT, "document_nouns")


def _issuers(extraction: Extraction) -> list[tuple[int, str]]:
    """(sentence index, speaker) of the article's figures and claims whose speaker is a party, in order."""
    found = [(f.provenance.sentence_index, f.claimant) for f in extraction.figures]
    found += [(c.provenance.sentence_index, c.speaker) for c in extraction.claims]
    return sorted((i, who) for i, who in found if who and who != ARTICLE_ITSELF and not _is_document(who))


def _issuer(figure: Figure, issuers: list[tuple[int, str]]) -> str:
    """The figure's claimant; for a document ("..., the statement said"), the party named last before it (or in its
    sentence) in the article, who issued it ("the police said in a statement")."""
    if not _is_document(figure.claimant):
        return figure.claimant
    before = [who for i, who in issuers if i <= figure.provenance.sentence_index]
    return before[-1] if before else figure.claimant


def build_series(
    extractions: Iterable[Extraction], as_of: Callable[[Figure, str], dt.date | None],
    incident_at: dict | None = None, eventful: set | None = None, voice_of: Callable[[str], str] = str,
) -> list[FigureSeries]:
    """Series per (claimant, kind, group, scope), ordered by claimant, kind, group; historical figures left out.

    incident_at maps (article id, sentence index) to the id of the incident that sentence reports;
    eventful holds the sentences that report a violent event with no incident; voice_of gives an article's
    source group, whose own voice ("at least 1,000 people have been killed") is one claimant. Outlets'
    own conflict-wide counts that agree are one series, the figure carried by several outlets. A ledger
    keeps a `SeriesBook` between builds instead.
    """
    found = {e.article.id: article_figures(e) for e in sorted(extractions, key=lambda e: e.article.id)}
    return SeriesBook().update(found, as_of, incident_at or {}, eventful or set(),
                               {a: voice_of(a) for a in found}, lambda a: None, ())


class SeriesBook:
    """The series of a corpus kept between builds. A figure's series key is its own (claimant, kind, group)
    and a scope from its sentence (the incident it reports, the source group's voice). Only voices merge
    (outlets' own conflict-wide counts that agree), and only within one (claimant, kind, group): so a part
    is one key, or all the voice keys of one (claimant, kind, group), and its series depend on its figures
    alone. An update keys again only the articles whose inputs changed (new, or another date, source
    group, incident or office owner), found by comparing this update's inputs with the last one's, and
    rebuilds only the parts their figures leave or join; a part is built from its figures in the order of
    the article ids, as a full build meets them, and series that sort alike keep the order of their first
    figures, so the result equals the full build's. The sorted series are kept too: an update takes out
    the rebuilt parts' old series and merges their new ones in."""

    def __init__(self):
        # article id -> (stamp, facts, {part: [(key, figure, date)]}, its figures' sentences, their offices)
        self._articles: dict[str, tuple] = {}
        self._members: dict[tuple, set[str]] = {}  # part -> ids of the articles with figures in it
        self._parts: dict[tuple, list[tuple[FigureSeries, str, int]]] = {}  # with its first figure's place
        self._by_where: dict[str, set[tuple]] = {}  # incident-scope key -> parts that used it
        self._incident_at: dict = {}  # the last update's (it is not changed after)
        self._incident_ids: set = set()
        self._owned: dict[str, tuple] = {}  # article id -> the (office, actor) its claimants name
        self._with_office: dict[str, set[str]] = {}  # office -> ids of the articles with a claimant of it
        self._owners: dict[str, str] = {}
        self._sorted: list[tuple[tuple, FigureSeries]] = []  # (sort key, series), sorted
        self.tied: dict[str, list[FigureSeries]] = {}  # incident id -> the killed counts of that incident
        self.retied: set[str] = set()  # the incidents whose counts the last update changed

    def update(self, found: dict[str, tuple], as_of, incident_at: dict, eventful, voices: dict[str, str],
               stamp_of: Callable[[str], object], moved: Iterable[str], changed: Iterable[str] | None = None
               ) -> list[FigureSeries]:
        """The series of the articles' figures. found: article id -> its `article_figures`; voices: article
        id -> its source group; stamp_of: what as_of depends on besides the article; moved: the articles whose
        stamp or voice may differ from the last update's; changed: those whose figures may differ from the last
        update's, or that left (none: any)."""
        articles = self._articles
        if changed is None:
            suspects = {a for a in articles if a not in found}
            suspects.update(a for a, items in found.items() if (old := articles.get(a)) is None or old[1] is not items)
        else:
            suspects = set(changed)
        suspects.update(a for a in moved if a in articles)
        suspects.update(where[0] for where, _ in incident_at.items() ^ self._incident_at.items())
        for article_id in suspects:
            owned = tuple(i.owner for i in found.get(article_id, ()) if i.owner)
            if owned:
                self._owned[article_id] = owned
            else:
                self._owned.pop(article_id, None)
        owners = _office_owners(o for owned in self._owned.values() for o in owned)
        for office in {o for o, _ in owners.items() ^ self._owners.items()}:
            suspects |= self._with_office.get(office, set())
        dirty: set[tuple] = set()
        for article_id in sorted(suspects):
            items = found.get(article_id, ())
            old = articles.get(article_id)
            if not items:
                dirty |= self._leave(article_id)
                continue
            if old is not None and old[1] is items:
                wheres, offices = old[3], old[4]
            else:
                wheres = tuple(w for i in items for w in ((article_id, i.figure.provenance.sentence_index),
                                                          (article_id, i.follows)) if w[1] is not None)
                offices = tuple(i.office for i in items if i.office)
            stamp = (stamp_of(article_id), voices[article_id], tuple(map(incident_at.get, wheres)),
                     tuple(map(owners.get, offices)))
            if old is not None and old[0] == stamp and old[1] is items:
                continue
            dirty |= self._leave(article_id)
            keyed: dict[tuple, list] = {}
            for index, item in enumerate(items):
                figure = item.figure
                scope, where = figure_scope(figure, incident_at, eventful, item.cumulative, item.follows)
                claimant = owners.get(item.office) or item.claimant
                if scope == CONFLICT and figure.claimant == ARTICLE_ITSELF:
                    where = voices[article_id]  # each outlet's own voice is its own claimant
                key = (claimant, figure.kind, item.group, scope, where)
                part = (*key[:3], "voices") if scope == CONFLICT and where is not None else key
                keyed.setdefault(part, []).append((key, figure, as_of(figure, article_id), article_id, index))
                if scope == INCIDENT:
                    self._by_where.setdefault(where, set()).add(part)
            articles[article_id] = (stamp, items, keyed, wheres, offices)
            for office in offices:
                self._with_office.setdefault(office, set()).add(article_id)
            for part in keyed:
                self._members.setdefault(part, set()).add(article_id)
            dirty |= set(keyed)
        incident_ids = set(incident_at.values())
        for where in incident_ids ^ self._incident_ids:  # a series' incident is its key's, if one
            dirty |= self._by_where.get(where, set())
        self._incident_at, self._incident_ids, self._owners = incident_at, incident_ids, owners
        ordered = self._sorted
        self.retied = set()
        for part in dirty:
            for item in self._parts.pop(part, ()):
                del ordered[bisect.bisect_left(ordered, _sort_key(*item), key=itemgetter(0))]
                self._tie(item[0], present=False)
            members = self._members.get(part)
            if not members:
                self._members.pop(part, None)
                continue
            self._parts[part] = _series_of([x for a in sorted(members) for x in articles[a][2][part]], incident_ids)
            for item in self._parts[part]:
                bisect.insort(ordered, (_sort_key(*item), item[0]), key=itemgetter(0))
                self._tie(item[0])
        return list(map(itemgetter(1), ordered))

    def _tie(self, series: FigureSeries, present: bool = True) -> None:
        """Keep `tied` (incident id -> the killed counts of that incident) as series come and go; `retied` collects
        the incidents whose counts changed in this update."""
        if series.kind is FigureKind.KILLED and series.scope == INCIDENT and series.incident:
            counts = self.tied.setdefault(series.incident, [])
            if present:
                counts.append(series)
            else:
                counts[:] = [s for s in counts if s is not series]
            self.retied.add(series.incident)

    def _leave(self, article_id: str) -> set[tuple]:
        """Take an article's figures out; the parts they were in."""
        old = self._articles.pop(article_id, None)
        if old is None:
            return set()
        for part in old[2]:
            self._members[part].discard(article_id)
        for office in old[4]:
            self._with_office[office].discard(article_id)
        return set(old[2])


def _sort_key(series: FigureSeries, article_id: str, index: int) -> tuple:
    """Where a series goes in a ledger: by claimant, kind, group, scope, incident and voice, then by its first
    figure's article and place in it."""
    return (series.claimant, series.kind.value, series.group, series.scope, series.incident or "",
            series.voice or "", article_id, index)


def _series_of(keyed: list[tuple], incident_ids: set) -> list[tuple[FigureSeries, str, int]]:
    """The series of one part's figures ((key, figure, date, article id, index in the article), in the
    corpus's order), each with its first figure's article id and index."""
    grouped: dict[tuple, list[tuple[Figure, dt.date | None]]] = {}
    written: dict[tuple, str] = {}
    first: dict[tuple, tuple[str, int]] = {}
    for key, figure, date, article_id, index in keyed:
        grouped.setdefault(key, []).append((figure, date))
        written.setdefault(key, figure.claimant)
        first.setdefault(key, (article_id, index))
    merged: dict[tuple, tuple] = {}
    points: dict[tuple, list[SeriesPoint]] = {}  # a voice's points, made again only when another voice joins it
    for key, items in list(grouped.items()):
        claimant, kind, group, scope, where = key
        if scope == CONFLICT and where is not None:
            points[key] = _points(items)
            latest = points[key][-1]
            same = merged.setdefault((claimant, kind, group, latest.value), key)
            if same != key:
                grouped[same].extend(grouped.pop(key))
                points.pop(same, None)
    series = []
    for key, items in grouped.items():
        claimant, kind, group, scope, where = key
        incident = where if scope == INCIDENT and where in incident_ids else None
        voice = where if scope == CONFLICT else None
        made = points.get(key) or _points(items)
        series.append((FigureSeries(claimant, written[key], kind, tuple(made), group, scope, incident, voice),
                       *first[key]))
    return series


_OWNED = re.compile(r"^(?P<pronoun>its|their)\s+(?P<office2>.+)$"
                    r"|^(?:the\s+)?(?P<owner>.+?)['’]s?\s+(?P<office>.+)$", re.I)
_PRONOUN_OWNERS = {"country", "nation", "state", "its", "their"}


def _office(claimant: str) -> str | None:
    """The office a pronoun-owned or ownerless claimant names ("its prosecutor general's office", "the country's
    defence ministry", "the health ministry" give "prosecutor general's office", "defence ministry", "health
    ministry"); None for any other."""
    match = _OWNED.match(claimant.strip())
    if match is None:
        return _bare_office(claimant)
    if match.group("pronoun"):
        return match.group("office2").lower()
    return match.group("office").lower() if match.group("owner").lower() in _PRONOUN_OWNERS else None


def _owner(claimant: str) -> tuple[str, str] | None:
    """(office, claimant key) when the claimant names an office and an owner that is an actor ("Azerbaijan's
    prosecutor general's office") or a proper name the tables lack ("Gaza's health ministry")."""
    match = _OWNED.match(claimant.strip())
    if match and not match.group("pronoun") and match.group("owner").lower() not in _PRONOUN_OWNERS:
        actor = canonical_actor(claimant)
        if actor:
            return match.group("office").lower(), actor
        if match.group("owner")[:1].isupper():
            return match.group("office").lower(), claimant_key(claimant)
    return None


def _bare_office(claimant: str) -> str | None:
    """The office an ownerless claimant names: "the health ministry", "defence ministry" (lower-case words
    ending in an office head, lexicon office_heads); None for any other."""
    text = claimant.strip()
    if text != text.lower() or len(text.split()) > 4:
        return None
    words = text.removeprefix("the ").split()
    heads = load_lexicon(PACKAGE, "office_heads")
    return " ".join(words) if words and words[-1] in heads else None


def _office_owners(owned: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Offices whose owner the corpus names exactly once ("Azerbaijan's prosecutor general's office"): an
    unnamed owner ("its", "the country's") of that office is that one, so one office is one claimant.
    owned: the (office, actor) of each claimant that names both (`_owner`)."""
    owners: dict[str, set[str]] = {}
    for office, actor in owned:
        owners.setdefault(office, set()).add(actor)
    return {office: next(iter(found)) for office, found in owners.items() if len(found) == 1}


def _points(items: list[tuple[Figure, dt.date | None]]) -> list[SeriesPoint]:
    points: list[list] = []  # [figure, date, reports, sentences]
    by_value: dict[tuple, list[list]] = {}  # (value, qualifier) -> points, so a repeat is found at once
    for figure, date in sorted(items, key=lambda i: (i[1] is None, i[1] or dt.date.min, i[0].value)):
        same = _same_point(by_value.get((figure.value, figure.qualifier), ()), date)
        if same is not None:
            same[2].append(figure.provenance)
            same[3].append(figure.sentence)
            same[1] = same[1] or date
        else:
            point = [figure, date, [figure.provenance], [figure.sentence]]
            points.append(point)
            by_value.setdefault((figure.value, figure.qualifier), []).append(point)
    # The latest is the last dated point; among points of one date (or none), the highest count, since a
    # running toll only grows and a restatement is more often a rise than a fall.
    points.sort(key=lambda p: (p[1] is not None, p[1] or dt.date.min, p[0].value))
    return [SeriesPoint(p[0].value, p[0].qualifier, p[0].upper, p[1], p[0].who, tuple(p[2]), tuple(dict.fromkeys(p[3])))
            for p in points]


def _same_point(points: list[list], date: dt.date | None) -> list | None:
    """The first of the points (of one value, in the order made) that a figure of that value on this date
    repeats: any, when it is undated; else the first dated within SAME_FIGURE_DAYS of it (or undated).

    `_points` meets dated figures first, by ascending date, so while the figure is dated every point is dated
    no later than it, in ascending order: those within reach are the last ones, and a scan back from the end
    stops at the first out of reach, however long a running figure's history (a toll repeated for months)."""
    if not points:
        return None
    if date is None or points[-1][1] is None:
        return next((p for p in points if p[1] is None or date is None
                     or abs(p[1] - date).days <= SAME_FIGURE_DAYS), None)
    same = None
    for point in reversed(points):
        if point[1] is None or abs(point[1] - date).days > SAME_FIGURE_DAYS:
            break
        same = point
    return same


def claimant_range(series: list[FigureSeries], kind: FigureKind, group: str = ALL,
                   scope: str = CONFLICT) -> tuple[int, int] | None:
    """Lowest and highest latest value across claimants, for one kind, group and scope."""
    values = [s.latest.value for s in series if s.kind is kind and s.group == group and s.scope == scope]
    return (min(values), max(values)) if values else None


def conservative(series: list[FigureSeries], kind: FigureKind = FigureKind.KILLED, group: str = ALL,
                 scope: str = CONFLICT) -> int | None:
    """ACLED's rule, per group and scope: the lowest latest conflict-wide count any claimant gives for
    that group; groups and scopes are never summed or mixed, so a town's "no casualties" is no toll."""
    found = claimant_range(series, kind, group, scope)
    return found[0] if found else None


def with_fatalities(incidents, series: list[FigureSeries], kept: dict | None = None,
                    book: SeriesBook | None = None) -> list:
    """The incidents with their fatalities: the lowest latest "all" killed count among the claimants that
    give one for that incident; without one, the largest single-group count (a floor, never a sum of
    groups); None when no figure is tied to the incident. A conflict-wide toll never counts.

    kept and book: what a live ledger keeps between builds, id of an incident -> (it, it with its count), and
    the series book that made the series (its incidents' counts, and which of them changed), so that only the
    incidents the clustering made again or whose counts changed are counted and copied again."""
    if book is None:
        tied: dict[str, list[FigureSeries]] = {}
        for s in series:
            if s.kind is FigureKind.KILLED and s.scope == INCIDENT and s.incident:
                tied.setdefault(s.incident, []).append(s)
        return [_with_count(incident, tied.get(incident.id, [])) for incident in incidents]
    kept = kept if kept is not None else {}
    out = [None if (made := kept.get(id(incident))) is None or incident.id in book.retied else made
           for incident in incidents]
    for n in [n for n, made in enumerate(out) if made is None]:
        incident = incidents[n]
        out[n] = (incident, _with_count(incident, book.tied.get(incident.id, [])))
    kept.clear()
    kept.update(zip(map(id, incidents), out))
    return list(map(itemgetter(1), out))


def _with_count(incident, found: list[FigureSeries]):
    """The incident with its fatalities from the killed counts tied to it (itself when it carries them already)."""
    totals = [s.latest.value for s in found if s.group == ALL]
    value = min(totals) if totals else max((s.latest.value for s in found), default=None)
    return incident if incident.fatalities == value else dataclasses.replace(incident, fatalities=value)
