"""Incidents: event mentions that describe one happening, across articles and claimants.

Two violent mentions are one incident when their places agree (the same gazetteer entry, or
towns within a few kilometres) and their dates are within a day (an unknown date never rules a
match out). A mention whose place names the gazetteer does not know (a district, a street, a
village) is kept: it joins others that write one of its names alike (case and accents folded),
and its incident has names but no coordinates. Denials join the incidents they answer: those
accused in the sentences just before in the same article, or any incident at a place the denial
names. Status follows from the claims.
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import hashlib
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache
from itertools import chain
from operator import itemgetter

from ..lexicon import load_lexicon
from ..model import (
    EventMention,
    Extraction,
    Incident,
    IncidentClaim,
    IncidentStatus,
    Place,
    Stance,
)
from ..nlp.gazetteer import name_key
from ..resolve.actors import canonical_actor, party_name_spans
from ..resolve.sides import own_side
from .places import PlaceResolver, distance_km, is_point
from .syndication import outlet_label

PACKAGE = "wirewatch.corpus"
EXTRACT = "wirewatch.extract"  # where places are written: locative prepositions, place heads
NEAR_KM = 2.0  # two names for one town (a district and its centre), not two neighbouring towns
DAY = dt.timedelta(days=1)
DENIAL_REACH = 3  # sentences before a denial whose accusations it answers
DATE_REACH = 2  # sentences before an undated mention whose stated date it takes, at the same place
REGION_REACH = 2  # sentences either side of an unknown region's mention where its one town may stand
_WORD = re.compile(r"[^\W\d_]{3}")  # three letters in a row: a name, not an abbreviation ("St.")


@dataclass
class _Mention:
    event: EventMention
    article_id: str
    outlet: str | None
    group_id: str
    places: list[Place]
    date: dt.date | None
    named: dict = field(default_factory=dict)  # place name as written -> the place it resolved to
    names: tuple[str, ...] | None = None  # the names this mention stands for, when not all the event's

    def place_names(self) -> tuple[str, ...]:
        return self.event.places if self.names is None else self.names


@dataclass
class _Cluster:
    """Mentions of one happening; `anchor` is its first known date and `keys` its places by id,
    kept up to date as mentions join so that matching never rescans the members."""

    mentions: list[_Mention] = field(default_factory=list)
    denials: list[_Mention] = field(default_factory=list)
    anchor: dt.date | None = None
    keys: dict = field(default_factory=dict)
    all_places: dict = field(default_factory=dict)
    accusers: set = field(default_factory=set)  # their sides
    accusing: set = field(default_factory=set)  # the accusing parties themselves, as `_party` keys them
    names: set = field(default_factory=set)  # folded names of its unplaced mentions
    by_article: dict = field(default_factory=dict)
    number: int = 0  # its place among the clusters in the order they were made

    def add(self, mention: _Mention) -> None:
        self.mentions.append(mention)
        if self.anchor is None and mention.date:
            self.anchor = mention.date
        for place in _key_places(mention):
            self.keys.setdefault(place.geonameid, place)
        for place in mention.places:
            self.all_places.setdefault(place.geonameid, place)
        if not mention.places:
            self.names.update(_name_keys(mention))
        if mention.event.stance is Stance.ACCUSE:
            self.accusers.add(own_side(mention.event.speaker))
            self.accusing.add(_party(mention.event.speaker))
        self.by_article.setdefault(mention.article_id, []).append(mention)

    def remake(self, mentions: list[_Mention]) -> None:
        """Become the cluster of these mentions alone, as if they had been its only ones (in place: the index
        holds it)."""
        fresh = _Cluster(number=self.number, denials=self.denials)
        for f in dataclasses.fields(self):
            setattr(self, f.name, getattr(fresh, f.name))
        for mention in mentions:
            self.add(mention)

    def dates(self) -> list[dt.date]:
        return [m.date for m in self.mentions if m.date]

    def places(self) -> list[Place]:
        return [p for m in self.mentions for p in m.places]


def build_incidents(
    extractions: Iterable[Extraction],
    group_of: Callable[[str], str],
    resolver: PlaceResolver,
    date_of: Callable[[EventMention, str], tuple[dt.date | None, bool]],
) -> list[Incident]:
    """The incidents of a corpus, ordered by date then id. date_of: a mention's date and whether its sentence
    states it (else it is the article's)."""
    return cluster_incidents(article_mentions(e, group_of(e.article.id), resolver, date_of) for e in extractions)


def article_mentions(
    extraction: Extraction,
    group_id: str,
    resolver: PlaceResolver,
    date_of: Callable[[EventMention, str], tuple[dt.date | None, bool]],
) -> tuple[tuple[_Mention, ...], tuple[_Mention, ...]]:
    """One article's violent mentions (those naming a place, known to the gazetteer or not) and denials: what
    clustering reads of it. A pure function of the article, its source group and its dates, so a live ledger
    keeps it while they hold."""
    violent: list[_Mention] = []
    denials: list[_Mention] = []
    article = extraction.article
    sites = _sentence_sites(extraction)
    parties = _article_parties(extraction)
    referring: list[_Mention] = []  # statements on "the attack" that name no place
    dated: set[int] = set()  # the sentences that state their date
    anchors: list[_Mention] = []  # the other placed mentions whose sentence states their date ("accused X of ...")
    for event in extraction.events:
        violent_event = event.plover == "ASSAULT" and not event.negated and not event.hypothetical
        if (violent_event and event.stance is not None and not event.places
                and (site := sites.get(event.provenance.sentence_index))):
            event = dataclasses.replace(event, places=site)
        named = {n: p for n in event.places if (p := resolver.place(article.id, n))}
        date, stated = date_of(event, article.id)
        if stated:
            dated.add(event.provenance.sentence_index)
        mention = _Mention(event, article.id, outlet_label(article), group_id, list(named.values()), date, named)
        if violent_event:
            if named:
                violent.extend(_one_per_listed_town(mention))
            elif unknown := tuple(n for n in event.places if _may_be_place(n, event, parties)):
                violent.extend(_one_per_listed_name(dataclasses.replace(mention, names=unknown)))
            elif event.stance is not None and _refers_back(event.sentence):
                referring.append(mention)
        elif event.plover == "REJECT":
            denials.append(mention)
        elif stated and event.places:
            anchors.append(mention)
    violent = _dated_by_neighbours(_regions_at_their_town(violent), dated, anchors)
    if referring and (main := _main_mention(violent)) is not None:
        violent.extend(dataclasses.replace(m, places=main.places, named=main.named, names=main.place_names(),
                                           date=main.date) for m in referring)
    return tuple(violent), tuple(denials)


def _regions_at_their_town(violent: list[_Mention]) -> list[_Mention]:
    """A mention placed only at a region the gazetteer does not know ("in the remote northern province of Kunar")
    is at the one town the article names for an attack up to REGION_REACH sentences from it ("the bombing
    targeted a convoy in Mohammad Agha district"): a higher-level name for that incident, not another one.
    With no town near, several, or one whose mentions another side tells (`_same_telling`), it stays a
    region of its own."""
    out = []
    for mention in violent:
        if not mention.places and all(_is_region_name(n, mention.event.sentence) for n in mention.place_names()):
            here = mention.event.provenance.sentence_index
            towns = {_site_key(m): m for m in violent if m.places and is_point(m.places[0])
                     and abs(m.event.provenance.sentence_index - here) <= REGION_REACH}
            if len(towns) == 1 and all(_same_telling(mention, m) for m in violent
                                       if m.places and _site_key(m) in towns):
                (town,) = towns.values()
                mention = dataclasses.replace(mention, places=town.places, named=town.named,
                                              names=(*town.place_names(), *mention.place_names()))
        out.append(mention)
    return out


def _same_telling(one: _Mention, other: _Mention) -> bool:
    """Whether two mentions may tell of one attack as far as their parties go: no two different known sides
    speak for them, and none accuses two different sides ("the army said rebels shelled the town; the rebels
    said jets bombed the province" are two attacks)."""
    def differ(a: str | None, b: str | None) -> bool:
        return bool(a and b) and own_side(a) is not None and own_side(b) is not None and own_side(a) != own_side(b)
    return not differ(one.event.speaker, other.event.speaker) and not differ(one.event.actor, other.event.actor)


def _is_region_name(name: str, sentence: str) -> bool:
    """Whether the sentence writes the name as a region's ("Logar province", "the province of Logar")."""
    heads = _region_heads()
    pattern = rf"(?<!\w){re.escape(name)}\s+(?:{heads})\b|\b(?:{heads})\s+of\s+{re.escape(name)}(?!\w)"
    return bool(re.search(pattern, sentence, re.I))


@cache
def _region_heads() -> str:
    return "|".join(re.escape(h) for h in sorted(load_lexicon(PACKAGE, "region_heads"), key=len, reverse=True))


def _dated_by_neighbours(violent: list[_Mention], dated: set[int], anchors: list[_Mention] = ()) -> list[_Mention]:
    """A mention whose sentence states no date (it has the article's) takes the date of the nearest mention
    of the same place up to DATE_REACH sentences before it that states one: "A bomb went off in Foo district
    on Friday night. 'The device exploded early,' police said." is one attack, on Friday, not a second one
    on the day of publication. anchors: the article's other placed mentions that state their date (an
    accusation: "X accused Y on Tuesday of firing on civilians in Foo")."""
    out = []
    dated_ones = [m for m in violent if m.event.provenance.sentence_index in dated]
    dated_ones += [m for a in anchors for m in _one_per_listed_town(a) if m.places or m.place_names()]
    for mention in violent:
        here = mention.event.provenance.sentence_index
        if here not in dated:
            before = [m for m in dated_ones
                      if 0 < here - m.event.provenance.sentence_index <= DATE_REACH and _site_key(m) == _site_key(mention)]
            if before:
                nearest = max(before, key=lambda m: m.event.provenance.sentence_index)
                mention = dataclasses.replace(mention, date=nearest.date)
        out.append(mention)
    return out


def _refers_back(sentence: str) -> bool:
    """Whether the sentence speaks of an attack as one already told ("claimed responsibility for the attack",
    "said the bombing was meant to ..."): "the" and an attack noun (extract's lexicon), up to two words apart."""
    return bool(definite_attack().search(sentence))


@cache
def definite_attack() -> re.Pattern:
    nouns = sorted(load_lexicon(EXTRACT, "attack_nouns"), key=len, reverse=True)
    return re.compile(r"\bthe\s+(?:[\w-]+\s+){0,2}?(?:" + "|".join(map(re.escape, nouns)) + r")(?:s|es)?(?![\w-])", re.I)


def _main_mention(violent: list[_Mention]) -> _Mention | None:
    """The article's main attack, which a statement about "the attack" that names no place is about: the
    place its violent mentions name most often, the first named among equals; none when it names none."""
    if not violent:
        return None
    counts = Counter(_site_key(m) for m in violent)
    top = max(counts.values())
    return next(m for m in violent if counts[_site_key(m)] == top)


def _site_key(mention: _Mention):
    return mention.places[0].geonameid if mention.places else name_key(mention.place_names()[0])


class IncidentMap:
    """(article id, sentence index) -> the id of the incident its mentions went to, the last in ledger order
    (date, id) when they went to several (a sentence listing towns): what a full pass over the incidents in
    that order gives, kept as incidents come and go (take the old out before putting the new in)."""

    def __init__(self):
        self.at: dict[tuple, str] = {}
        self._holders: dict[tuple, dict[str, tuple]] = {}  # sentence -> ids of its incidents -> their order

    def add(self, incident: Incident) -> None:
        order = _incident_order(incident)
        for mention in incident.mentions:
            key = (mention.article_id, mention.sentence_index)
            holders = self._holders.setdefault(key, {})
            holders[incident.id] = order
            self.at[key] = max(holders, key=holders.__getitem__)

    def remove(self, incident: Incident) -> None:
        for mention in incident.mentions:
            key = (mention.article_id, mention.sentence_index)
            holders = self._holders.get(key, {})
            holders.pop(incident.id, None)
            if holders:
                self.at[key] = max(holders, key=holders.__getitem__)
            else:
                self._holders.pop(key, None)
                self.at.pop(key, None)


class ClusterBook:
    """What the last clustering did, kept by a live ledger so that the next one redoes only what changed.

    Clustering is greedy over the mentions in one order (date, article, sentence; undated last): the state
    after the first k mentions depends on those k alone. So the book keeps the last order, the clusters and
    index it ended with, and for each mention the cluster it went to and the index cells it entered; the next
    clustering takes that state back to the longest unchanged prefix of the order (the same mention objects,
    which the article memo hands back while an article's inputs hold) and searches only from the first
    difference on (`_cluster`): news of the last days costs those days. It also keeps each incident under the
    mentions and denials it was made of, what each denial answered, and the indexes that find the denials a
    changed cluster may concern (`_answered_again`), so that only those are asked again."""

    def __init__(self):
        self.ordered: list[_Mention] = []
        self.mentions_of: dict[str, list[_Mention]] | None = None  # article id -> its mentions last clustered
        self.choices: list[tuple[int, list[tuple]]] = []  # per mention: its cluster's number, the cells it entered
        self.state: tuple[list[_Cluster], _CellIndex] | None = None  # the clusters and index after `ordered`
        self.incidents: dict[tuple, tuple] = {}  # ids of mentions and denials -> (them, the incident)
        self.answers: dict[int, tuple] = {}  # id of a denial -> (it, its candidates, their sizes, those it answers)
        self.by_article: dict[str, list[_Cluster]] | None = None  # article id -> its clusters, in cluster order
        self.denials_by_article: dict[str, dict[int, _Mention]] = {}
        self.denials_by_cell: dict[tuple, dict[int, _Mention]] = {}  # a denial's towns' cells -> it
        self.answering: dict[int, dict[int, _Mention]] = {}  # id of a cluster -> the denials answering it
        self.made_of: dict[int, tuple] = {}  # id of a cluster -> the key of its incident in `incidents`
        self.ordered_incidents: list[Incident] = []
        self.where = IncidentMap()  # the sentences of the incidents in `ordered_incidents`

    def incident(self, cluster: _Cluster, made: dict) -> Incident:
        """The cluster's incident, made again only when its mentions or denials differ from last time;
        made collects the ones of this clustering (held with their mentions, so that no id is reused)."""
        key = (tuple(map(id, cluster.mentions)), tuple(map(id, cluster.denials)))
        kept = self.incidents.get(key)
        made[key] = kept if kept is not None else ((cluster.mentions[:], cluster.denials[:]), _incident(cluster))
        return made[key][1]

    def answered(self, denial: _Mention, candidates: list[_Cluster], made: dict) -> list[_Cluster]:
        """The candidates the denial answers (`_answered_by`), asked again only when the candidates are other
        clusters, in another order, or have gained mentions since last time (a cluster only ever gains them,
        and what a denial answers depends on its mentions alone); made collects this clustering's answers,
        held with their objects so that no id is reused."""
        sizes = tuple(len(c.mentions) for c in candidates)
        kept = self.answers.get(id(denial))
        if (kept is not None and kept[0] is denial and kept[2] == sizes
                and all(a is b for a, b in zip(kept[1], candidates))):
            answered = kept[3]
        else:
            answered = _answered_by(denial, candidates)
        made[id(denial)] = (denial, candidates, sizes, answered)
        return answered


def cluster_incidents(per_article: Iterable[tuple[tuple[_Mention, ...], tuple[_Mention, ...]]],
                      book: ClusterBook | None = None, changed: dict[str, tuple] | None = None) -> list[Incident]:
    """The incidents of the articles' mentions (`article_mentions`, in the order of the articles). book: what a
    live ledger kept of the last clustering (none: cluster from scratch; the result is the same); changed: the
    articles whose mentions may differ from those the book last clustered, with their mentions now (none:
    any), so that the order of the mentions is the last one with theirs taken out and put in, not a sort of
    every mention."""
    per_article = list(per_article)
    denials: list[_Mention] = list(chain.from_iterable(map(itemgetter(1), per_article)))
    clusters, index, change = _cluster(per_article, book, changed)
    if book is not None and change is not None and book.by_article is not None:
        return _answered_again(index, change, denials, book)
    by_article: dict[str, list[_Cluster]] = {}
    answers: dict[int, tuple] = {}
    for cluster in clusters:
        cluster.denials = []  # a kept cluster held the last clustering's denials
        for article_id in {m.article_id for m in cluster.mentions}:
            by_article.setdefault(article_id, []).append(cluster)
    for denial in denials:
        candidates = _candidates(denial, by_article, index)
        for cluster in book.answered(denial, candidates, answers) if book else _answered_by(denial, candidates):
            cluster.denials.append(denial)
    if book is None:
        return sorted((_incident(c) for c in clusters), key=_incident_order)
    book.answers = answers
    book.by_article, book.denials_by_article, book.denials_by_cell = by_article, {}, {}
    for denial in denials:
        _file_denial(denial, book)
    book.answering = {id(c): {id(d): d for d in c.denials} for c in clusters if c.denials}
    made: dict[tuple, tuple] = {}
    incidents = [book.incident(c, made) for c in clusters]
    book.incidents = made
    book.made_of = {id(c): key for c, key in zip(clusters, made)}
    book.ordered_incidents = sorted(incidents, key=_incident_order)
    book.where = IncidentMap()
    for incident in book.ordered_incidents:
        book.where.add(incident)
    return list(book.ordered_incidents)


def _candidates(denial: _Mention, by_article: dict, index: _CellIndex) -> list[_Cluster]:
    """The clusters a denial may answer: its article's, and those at or next to a town it names within a day."""
    nearby = {id(c): c for c in by_article.get(denial.article_id, ())}
    for place in denial.places:
        if is_point(place):
            nearby.update({id(c): c for c in index.near(_place_cells(place), denial.date)})
    return list(nearby.values())


def _file_denial(denial: _Mention, book: ClusterBook, present: bool = True) -> None:
    """Enter a denial in (or, not present, take it out of) the book's indexes by article and by town cell."""
    cells = [cell for place in denial.places if is_point(place) for cell in _place_cells(place)]
    for table, keys in ((book.denials_by_article, (denial.article_id,)), (book.denials_by_cell, cells)):
        for key in keys:
            if present:
                table.setdefault(key, {})[id(denial)] = denial
            else:
                table.get(key, {}).pop(id(denial), None)


def _answered_again(index: _CellIndex, change: _Change, denials: list[_Mention], book: ClusterBook) -> list[Incident]:
    """The incidents after a clustering that went on from the last one's state (`_cluster`): a denial is asked
    again only when it is new or may have met a changed or dropped cluster (one of its article's, before or
    now, or one in a cell of its towns within a day, before or now), since any other denial's candidates and
    their mentions are the last clustering's; only the clusters whose mentions or denials changed make their
    incidents again. The result is what `cluster_incidents` makes from scratch."""
    current = {id(d): d for d in denials}
    vanished = [book.answers[i][0] for i in book.answers.keys() - current.keys()]
    affected = {i for i in current if i not in book.answers}
    for denial in vanished:
        _file_denial(denial, book, present=False)
    for i in affected:
        _file_denial(current[i], book)
    dropped = {id(c) for c in change.dropped}
    for cluster in [*change.changed.values(), *change.dropped]:
        before = change.articles_before.get(id(cluster), set())
        now = set() if id(cluster) in dropped else set(cluster.by_article)
        for article_id in before - now:
            book.by_article[article_id] = [c for c in book.by_article.get(article_id, ()) if c is not cluster]
        for article_id in now - before:
            listed = book.by_article.setdefault(article_id, [])
            listed.append(cluster)
            listed.sort(key=_number)
        for article_id in before | now:
            affected.update(book.denials_by_article.get(article_id, ()))
    entries = [*change.left, *(entry for c in change.changed.values() for entry in index.entries_of.get(id(c), ()))]
    for cell, anchor in entries:
        affected.update(i for i, d in book.denials_by_cell.get(cell, {}).items()
                        if d.date is None or anchor is None or abs(d.date - anchor) <= DAY)
    touched: dict[int, _Cluster] = {}
    for denial in vanished + [current[i] for i in affected]:
        kept = book.answers.pop(id(denial), None) if id(denial) not in current else book.answers.get(id(denial))
        for cluster in kept[3] if kept else ():
            book.answering.get(id(cluster), {}).pop(id(denial), None)
            touched[id(cluster)] = cluster
    position = {id(d): n for n, d in enumerate(denials)}
    made: dict[int, tuple] = {}
    for denial in sorted((current[i] for i in affected), key=lambda d: position[id(d)]):
        for cluster in book.answered(denial, _candidates(denial, book.by_article, index), made):
            book.answering.setdefault(id(cluster), {})[id(denial)] = denial
            touched[id(cluster)] = cluster
    book.answers.update(made)
    for key in dropped:
        touched.pop(key, None)
        book.answering.pop(key, None)
    for cluster in touched.values():
        cluster.denials = sorted(book.answering.get(id(cluster), {}).values(), key=lambda d: position[id(d)])
    changed = dict(change.changed)
    changed.update(touched)
    now: dict[int, tuple] = {}  # cluster -> its key in `incidents`, its incident
    for cid, cluster in changed.items():  # a cluster made again with the same mentions finds its incident
        made_now: dict[tuple, tuple] = {}
        book.incident(cluster, made_now)
        now[cid] = (next(iter(made_now)), made_now)
    before = [book.made_of.pop(k) for k in [*dropped, *changed] if k in book.made_of]
    kept_keys = {key for key, _ in now.values()}
    left = [entry[1] for key in before if key not in kept_keys and (entry := book.incidents.pop(key, None))]
    for incident in left:
        book.where.remove(incident)
    gone = set(map(id, left))
    ordered = [i for i in book.ordered_incidents if id(i) not in gone]
    listed = {id(i) for i in ordered}
    for cid, (key, made_now) in now.items():
        book.made_of[cid] = key
        book.incidents.update(made_now)
        incident = made_now[key][1]
        if id(incident) not in listed:
            bisect.insort(ordered, incident, key=_incident_order)
            listed.add(id(incident))
            book.where.add(incident)
    book.ordered_incidents = ordered
    return list(ordered)


def _incident_order(incident: Incident) -> tuple:
    return (incident.date is None, incident.date or dt.date.min, incident.id)


def _number(cluster: _Cluster) -> int:
    return cluster.number


def _one_per_listed_town(mention: _Mention) -> list[_Mention]:
    """A mention whose sentence lists towns ("Tartar, Agdam and Aghjabedi came under fire") reports one
    attack on each: one mention per listed town. Other places stay context of the first ("Shusha, 10 km
    from Stepanakert" is one attack)."""
    listed = _listed(mention.event.places, mention.event.sentence)
    if len(listed) < 2:
        return [mention]
    towns = [(n, mention.named[n]) for n in listed if n in mention.named and is_point(mention.named[n])]
    if len(towns) < 2:
        return [mention]
    return [dataclasses.replace(mention, places=[town], names=(name,)) for name, town in towns]


def _one_per_listed_name(mention: _Mention) -> list[_Mention]:
    """An unplaced mention listing names ("Foo Street and the Bar district were shelled") reports one attack
    on each, as listed towns do."""
    listed = _listed(mention.place_names(), mention.event.sentence)
    if len(listed) < 2:
        return [mention]
    return [dataclasses.replace(mention, names=(name,)) for name in listed]


def _may_be_place(name: str, event: EventMention, parties: tuple[str, ...] = ()) -> bool:
    """A name the gazetteer does not know may still be a place, unless it names a party: one of the actor
    tables ("Hamas", "Wagner"), the event's own doer or speaker ("the Taliban bombing"), or a doer or
    speaker of another item of the article (parties: "the Taliban claimed it" two sentences on); or is too
    short to be a name ("St.")."""
    if not _WORD.search(name) or party_name_spans(name):
        return False
    parties = [p for p in (event.actor, event.speaker, *parties) if p]
    return not any(re.search(rf"(?<!\w){re.escape(name)}(?!\w)", p, re.I) for p in parties)


def _article_parties(extraction: Extraction) -> tuple[str, ...]:
    """The doers and speakers the article's events and claims name: parties, whatever the gazetteer says."""
    found = [p for e in extraction.events for p in (e.actor, e.speaker) if p]
    found += [p for c in extraction.claims for p in (c.speaker, c.accused) if p]
    return tuple(dict.fromkeys(found))


def _sentence_sites(extraction: Extraction) -> dict[int, tuple[str, ...]]:
    """Per sentence, the places extraction found in it that may be where its attack happened, for a party's
    statement on an attack whose own clause names none ("the device went off on a road in the Foo district,
    police said"): towns, streets and names the gazetteer does not know; not regions or countries, which in
    such a sentence are the war's setting ("fighting over the region") more often than the site. (A narrated
    sentence with no place for its attack more often names where the reporter stood.)"""
    sites: dict[int, list[str]] = {}
    for mention in extraction.places:
        if mention.place is None or is_point(mention.place):
            sites.setdefault(mention.provenance.sentence_index, []).append(mention.name)
    return {index: tuple(dict.fromkeys(names)) for index, names in sites.items()}


def _listed(names: tuple[str, ...], sentence: str) -> list[str]:
    """The names that the sentence writes as one list: "A, B and C", "A and B", "A or B", and after "and"
    or "or" also "A and the B", "A and in B", "A and the nearby town of B", "A city and the province's towns of
    B and C". A comma alone takes no such words: "A, the capital of B" names one place, not two."""
    if len(names) < 2:
        return []
    alternatives = "|".join(re.escape(n) for n in sorted(set(names), key=len, reverse=True))
    link = rf"(?:{_head_after()})?(?:\s*,\s*|(?:\s*,)?\s+(?:and|or)\s+{_list_filler()})"
    pattern = re.compile(rf"(?:{alternatives})(?:{link}(?:{alternatives}))+")
    match = pattern.search(sentence)
    if match is None:
        return []
    return [n for n in names if n in match.group(0)]


@cache
def _list_filler() -> str:
    """What may stand between "and" and the next listed name: a locative preposition, "the", a word of
    nearness and a place head with "of" ("and in the nearby village of"), each from its lexicon."""
    preps = [entry.split("|")[0] for entry in load_lexicon(EXTRACT, "locative_preps")]
    heads = load_lexicon(EXTRACT, "place_heads")
    near = load_lexicon(PACKAGE, "nearness_words")

    def any_of(words) -> str:
        return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))

    # up to two words before the head: "and the province's two towns of", "and the two border towns of"
    return (rf"(?:(?:{any_of(preps)})\s+)?(?:the\s+)?(?:(?:{any_of(near)})\s+)?"
            rf"(?:(?:[\w'’-]+\s+){{0,2}}?(?:{any_of(heads)})\s+of\s+)?")


@cache
def _head_after() -> str:
    """A place head written after a listed name ("Kirkuk city and the towns of ...", "Logar province or ..."),
    from the place heads lexicon."""
    heads = sorted(load_lexicon(EXTRACT, "place_heads"), key=len, reverse=True)
    return r"\s+(?:" + "|".join(re.escape(h) for h in heads) + r")\b"


class _CellIndex:
    """Clusters by place cell, in the order they entered each cell, and within a cell by anchor date: a
    dated mention can only fit a cluster anchored within a day of it, so it looks at those alone, in the
    order a scan of the whole cell would meet them (which decides ties), and the work per mention does not
    grow with the corpus's length."""

    def __init__(self):
        self.by_cell: dict[tuple, list[_Cluster]] = {}
        self._dated: dict[tuple, dict[dt.date | None, list[tuple[int, _Cluster]]]] = {}
        self._entered: set[tuple[int, tuple]] = set()
        self.entries_of: dict[int, list[tuple]] = {}  # id of a cluster -> (cell, its anchor then) of each entry

    def add(self, cluster: _Cluster, cell: tuple) -> bool:
        """Enter the cluster in the cell (under its anchor now); False when it is there already."""
        if (id(cluster), cell) in self._entered:
            return False
        self._entered.add((id(cluster), cell))
        self.entries_of.setdefault(id(cluster), []).append((cell, cluster.anchor))
        self.by_cell.setdefault(cell, []).append(cluster)
        self._dated.setdefault(cell, {}).setdefault(cluster.anchor, []).append((len(self._entered), cluster))
        return True

    def take_back(self, cluster: _Cluster, cell: tuple) -> tuple:
        """Undo the last entry, which is the cluster's in the cell (`_take_back` undoes them last first);
        its (cell, anchor)."""
        cell_, anchor = self.entries_of[id(cluster)].pop()
        if not self.entries_of[id(cluster)]:
            del self.entries_of[id(cluster)]
        assert cell_ == cell and self.by_cell[cell][-1] is cluster
        self.by_cell[cell].pop()
        self._dated[cell][anchor].pop()
        self._entered.discard((id(cluster), cell))
        return cell, anchor

    def near(self, cells: list[tuple], date: dt.date | None) -> list[_Cluster]:
        """The clusters in any of the cells, in scan order (cell by cell, each in the order clusters
        entered it), leaving out those anchored more than a day from the date (none when undated)."""
        found: dict[int, _Cluster] = {}
        for cell in cells:
            if date is None:
                for cluster in self.by_cell.get(cell, ()):
                    found.setdefault(id(cluster), cluster)
                continue
            anchors = self._dated.get(cell)
            if not anchors:
                continue
            lists = [items for day in (date - DAY, date, date + DAY, None) if (items := anchors.get(day))]
            entered = lists[0] if len(lists) == 1 else sorted((i for items in lists for i in items), key=_first)
            for _, cluster in entered:
                found.setdefault(id(cluster), cluster)
        return list(found.values())


@dataclass
class _Change:
    """What a clustering changed of the last one's clusters, which it took back to the unchanged prefix of
    the order and went on from (`_cluster`): the kept clusters that lost or gained mentions and the new ones
    (by id), the last ones it dropped, the index cells their entries left, and their articles before."""

    changed: dict[int, _Cluster] = field(default_factory=dict)
    dropped: list[_Cluster] = field(default_factory=list)
    left: list[tuple] = field(default_factory=list)  # (cell, anchor) of each index entry taken back
    articles_before: dict[int, set[str]] = field(default_factory=dict)


def _cluster(per_article: list[tuple], book: ClusterBook | None = None, changed: dict[str, tuple] | None = None
             ) -> tuple[list[_Cluster], _CellIndex, _Change | None]:
    """Greedy clustering; candidates come from an index by place cell and anchor date, so work grows with
    the corpus, not with its square. With a book that holds the last clustering's state, that state is taken
    back to the longest unchanged prefix of the order (each mention after it undone: its index entries taken
    out, the clusters it joined made again from their earlier mentions, those it founded dropped) and the
    search goes on from there: news of the last days costs those days, not the corpus. The state then is the
    one a clustering from scratch reaches after that prefix, so the result is the same; what changed comes
    third (none from scratch or on a book's first use)."""
    change: _Change | None = None
    if book is not None and book.state is not None and changed is not None and book.mentions_of is not None:
        ordered, same = _reordered(book, changed)
    else:
        ordered = sorted(chain.from_iterable(map(itemgetter(0), per_article)), key=_mention_order)
        same, limit = 0, min(len(ordered), len(book.ordered) if book is not None else 0)
        while same < limit and ordered[same] is book.ordered[same]:
            same += 1
        if book is not None:
            book.mentions_of = {}
            for mention in ordered:
                book.mentions_of.setdefault(mention.article_id, []).append(mention)
    if book is not None and book.state is not None:
        clusters, index = book.state
        choices = book.choices
        change = _take_back(clusters, index, choices, same)
    else:
        same, clusters, index, choices = 0, [], _CellIndex(), []
    for mention in ordered[same:]:
        cells = _cells(mention)
        fitting = [c for c in index.near(cells, mention.date) if _fits(mention, c)]
        home = max(fitting, key=lambda c: _affinity(mention, c)) if fitting else None
        if home is None:
            home = _Cluster(number=len(clusters))
            clusters.append(home)
        choices.append((home.number, _join(home, mention, cells, index)))
        if change is not None:
            change.changed.setdefault(id(home), home)
    if book is not None:
        book.ordered, book.choices, book.state = ordered, choices, (clusters, index)
    return clusters, index, change


def _mention_order(mention: _Mention) -> tuple:
    return (mention.date is None, mention.date or dt.date.min, mention.article_id, mention.event.provenance.sentence_index)


def _reordered(book: ClusterBook, changed: dict[str, tuple]) -> tuple[list[_Mention], int]:
    """The mentions in clustering order, and how long a prefix of the book's last order it keeps: the last order
    less the changed articles' last mentions, with their mentions now merged in (a sort of the part after the
    first change alone: the news of the last days)."""
    old = book.ordered
    gone = [m for a in changed for m in book.mentions_of.pop(a, ())]
    fresh = sorted(chain.from_iterable(changed[a][0] for a in sorted(changed)), key=_mention_order)
    for mention in fresh:
        book.mentions_of.setdefault(mention.article_id, []).append(mention)
    first = min((bisect.bisect_left(old, _mention_order(m), key=_mention_order) for m in [*gone, *fresh[:1]]),
                default=len(old))
    left = {id(m) for m in gone}
    tail = [m for m in old[first:] if id(m) not in left]
    return old[:first] + sorted(tail + fresh, key=_mention_order), first


def _take_back(clusters: list[_Cluster], index: _CellIndex, choices: list[tuple], same: int) -> _Change:
    """Undo the choices from the last to the `same`th (in place): the state after the first `same` mentions."""
    change = _Change()
    later: dict[int, int] = {}  # cluster number -> mentions it took after the prefix
    for number, entered in reversed(choices[same:]):
        cluster = clusters[number]
        if id(cluster) not in change.articles_before:
            change.articles_before[id(cluster)] = set(cluster.by_article)
        for cell in reversed(entered):
            change.left.append(index.take_back(cluster, cell))
        later[number] = later.get(number, 0) + 1
    del choices[same:]
    kept = len(clusters)
    for number in sorted(later):
        cluster = clusters[number]
        if later[number] == len(cluster.mentions):  # founded after the prefix
            kept = min(kept, number)
            continue
        cluster.remake(cluster.mentions[:len(cluster.mentions) - later[number]])
        change.changed[id(cluster)] = cluster
    change.dropped = clusters[kept:]
    del clusters[kept:]
    return change


def _join(cluster: _Cluster, mention: _Mention, cells: list[tuple], index: _CellIndex) -> list[tuple]:
    """Add the mention to the cluster and the cluster to the mention's cells; the cells it newly entered."""
    cluster.add(mention)
    return [cell for cell in cells if index.add(cluster, cell)]


def _first(item: tuple):
    return item[0]


def _cells(mention: _Mention) -> list[tuple]:
    """Index keys of a mention's key places: the gazetteer id, and the 0.1-degree cells around it; for
    a mention with no known place, its folded names."""
    if not mention.places:
        return [("name", key) for key in _name_keys(mention)]
    return [key for place in _key_places(mention) for key in _place_cells(place)]


def _name_keys(mention: _Mention) -> list[str]:
    return list(dict.fromkeys(name_key(n) for n in mention.place_names()))


def _place_cells(place: Place) -> list[tuple]:
    lat, lon = round(place.lat * 10), round(place.lon * 10)
    return [("id", place.geonameid)] + [("cell", lat + a, lon + b) for a in (-1, 0, 1) for b in (-1, 0, 1)]


def _fits(mention: _Mention, cluster: _Cluster) -> bool:
    # Within a day of the incident's first known date: daily shelling of one town for a month is
    # thirty incidents, not one that grew a day at a time.
    if mention.date and cluster.anchor and abs(mention.date - cluster.anchor) > DAY:
        return False
    if not mention.places:  # names alone: only clusters of unplaced mentions that write one of them alike
        return not cluster.keys and bool(cluster.names.intersection(_name_keys(mention)))
    points = [p for p in mention.places if is_point(p)][:1]  # the first town named is where it happened
    others = list(cluster.keys.values())
    if points:
        return any(_same_place(a, b) for a in points for b in others if is_point(b))
    # A mention placed only at region level joins only clusters placed at that region alone.
    return not any(is_point(b) for b in others) and any(_same_place(a, b) for a in mention.places for b in others)


def _key_places(mention: _Mention) -> list[Place]:
    points = [p for p in mention.places if is_point(p)]
    return points[:1] if points else mention.places


def _affinity(mention: _Mention, cluster: _Cluster) -> tuple:
    """How well a mention suits a cluster it fits: same target, same type, same accuser side, then
    nearest date; an undated mention goes where the details agree rather than to the first match."""
    event = mention.event
    members = cluster.mentions[:20]  # enough to judge; a big cluster is not rescanned in full
    target = any(event.target and m.event.target == event.target for m in members)
    label = any(m.event.label == event.label for m in members)
    side = own_side(event.speaker)
    sides = bool(side) and any(own_side(m.event.speaker) == side for m in members)
    gap = abs(mention.date - cluster.anchor).days if mention.date and cluster.anchor else 9
    return (target, sides, label, -gap, len(cluster.mentions))


def _same_place(a: Place, b: Place) -> bool:
    if a.geonameid == b.geonameid:
        return True
    return is_point(a) and is_point(b) and distance_km(a, b) <= NEAR_KM


def _answered_by(denial: _Mention, clusters: list[_Cluster]) -> list[_Cluster]:
    """Incidents a denial answers: accusations against the denier's side shortly before it in the
    same article, or incidents at a town the denial names."""
    answered = []
    speaker = denial.event.speaker
    denier = own_side(speaker)
    index = denial.event.provenance.sentence_index
    points = [p for p in denial.places if is_point(p)]
    for cluster in clusters:
        if cluster.accusers and (cluster.accusers <= {denier} if denier else
                                 bool(speaker) and cluster.accusing <= {_party(speaker)}):
            continue  # a party does not deny its own accusation (by side, or by name when its side is unknown)
        if points:  # a denial that names a town answers the incident at that town, not the one before it
            if any(_same_place(p, q) for p in points for q in cluster.all_places.values()) and (
                    not (denial.date and cluster.anchor) or abs(denial.date - cluster.anchor) <= DAY):
                answered.append(cluster)
            continue
        near = [m for m in cluster.by_article.get(denial.article_id, ())
                if 0 <= index - m.event.provenance.sentence_index <= DENIAL_REACH and m.event.stance is Stance.ACCUSE]
        if near and (denier is None or any(own_side(m.event.actor) in (denier, None) for m in near)):
            answered.append(cluster)
            continue
        if points and any(_same_place(p, q) for p in points for q in cluster.all_places.values()):
            if not (denial.date and cluster.anchor) or abs(denial.date - cluster.anchor) <= DAY:
                answered.append(cluster)
    return answered


def _party(speaker: str | None) -> str:
    return (canonical_actor(speaker) or speaker or "").lower()


def _incident(cluster: _Cluster) -> Incident:
    mentions = cluster.mentions
    first = min(mentions, key=lambda m: (m.article_id, m.event.provenance.sentence_index, m.event.provenance.start))
    # The place is part of the key: one sentence listing three towns founds three incidents.
    place_key = first.places[0].geonameid if first.places else name_key(first.place_names()[0])
    key = f"{first.article_id}:{first.event.provenance.sentence_index}:{first.event.provenance.start}:{place_key}"
    labels = Counter(m.event.label for m in mentions)
    label = _most_specific(labels)
    event = next(m.event for m in mentions if m.event.label == label)
    claims = [_claim(m, Stance.ACCUSE if m.event.stance is Stance.ACCUSE else (m.event.stance or None))
              for m in mentions if m.event.stance is not None]
    claims += [_claim(d, Stance.DENY) for d in cluster.denials]
    dates = Counter(m.date for m in mentions if m.date)
    date = dates.most_common(1)[0][0] if dates else None
    precision = next((m.event.date_precision for m in mentions if m.date == date), None) if date else None
    place = _best_place(cluster.places())
    # Only what resolves to an actor is a perpetrator: "forces" or "the fighting" are not.
    actors = Counter(a for m in mentions if (a := canonical_actor(m.event.actor)))
    return Incident(
        id="inc-" + hashlib.sha1(key.encode()).hexdigest()[:10],
        label=label,
        acled=event.acled,
        acled_event=event.acled_event,
        plover=event.plover,
        date=date,
        date_precision=precision,
        place=place,
        place_names=_own_names(cluster),
        actor=actors.most_common(1)[0][0] if actors else None,
        target=Counter(m.event.target for m in mentions if m.event.target).most_common(1)[0][0]
        if any(m.event.target for m in mentions) else None,
        weapon=next((m.event.weapon for m in mentions if m.event.weapon), None),
        status=_status(claims, {m.group_id for m in mentions if m.event.stance is None}),
        claims=tuple(claims),
        reports=tuple(dict.fromkeys(m.article_id for m in [*mentions, *cluster.denials])),
        groups=tuple(sorted({m.group_id for m in [*mentions, *cluster.denials]})),
        mentions=tuple(m.event.provenance for m in [*mentions, *cluster.denials]),
    )


def _own_names(cluster: _Cluster) -> tuple[str, ...]:
    """The names the sources wrote for the incident's place: each mention's names less those of other places it
    gives as context ("Shusha, 15 km from Stepanakert" names Shusha's incident, not Stepanakert's). A name that
    resolves to none of the incident's key places (or a place within a town's reach of one) is context; a
    name the gazetteer does not know is kept."""
    keys = list(cluster.keys.values())
    names = []
    for mention in cluster.mentions:
        for name in mention.place_names():
            place = mention.named.get(name)
            if place is None or any(_same_place(place, key) for key in keys):
                names.append(name)
    return tuple(dict.fromkeys(names or [n for m in cluster.mentions for n in m.place_names()]))


_SPECIFICITY = ("ART_MISS_ATTACK", "AIR_STRIKE", "REM_EXPLOS", "GRENADE", "SUIC_BOMB", "CHEM_WEAP",
                "NON_STATE_ACTOR_OVERTAKES_TER", "GOV_REGAINS_TERIT", "ABDUCT_DISSAP", "SEX_VIOL", "ATTACK",
                "ARMED_CLASH")


def _most_specific(labels: Counter) -> str:
    """The label most mentions agree on, preferring a specific weapon type over a generic attack."""
    ranked = sorted(labels, key=lambda l: (-labels[l], _SPECIFICITY.index(l) if l in _SPECIFICITY else 99))
    specific = [l for l in ranked if l in _SPECIFICITY[:10]]
    return specific[0] if specific else ranked[0]


def _best_place(places: list[Place]) -> Place | None:
    if not places:
        return None
    points = [p for p in places if is_point(p)] or places
    counts = Counter(p.geonameid for p in points)
    best = counts.most_common(1)[0][0]
    return next(p for p in points if p.geonameid == best)


def _claim(mention: _Mention, stance: Stance | None) -> IncidentClaim:
    event = mention.event
    return IncidentClaim(
        stance=stance or Stance.ASSERT,
        speaker=event.speaker or "",
        side=own_side(event.speaker),
        accused=event.actor if stance is Stance.ACCUSE else None,
        article_id=mention.article_id,
        outlet=mention.outlet,
        group_id=mention.group_id,
        sentence=event.sentence,
        provenance=event.provenance,
    )


def _status(claims: list[IncidentClaim], narrated_groups: set[str]) -> IncidentStatus:
    """What the claims add up to. Sides count, not speakers or outlets: one party's statement carried by
    two outlets corroborates nothing. Corroboration needs source groups that report the happening in their
    own voice (narration, not a quoted party)."""
    accusers = {_side(c) for c in claims if c.stance is Stance.ACCUSE}
    deniers = {_side(c) for c in claims if c.stance is Stance.DENY}
    asserters = {_side(c) for c in claims if c.stance in (Stance.ASSERT, Stance.CONFIRM)}
    if accusers and deniers and (deniers - accusers or None in deniers):
        return IncidentStatus.ACCUSED_AND_DENIED
    sides = {s for s in accusers | asserters if s}
    # Both sides: when someone is accused, its own side must be one of them; a third state that condemns the
    # strike confirms nothing the accused side has not said.
    accused = {own_side(c.accused) for c in claims if c.stance is Stance.ACCUSE and c.accused} - {None}
    if len(sides) >= 2 and (not accused or sides & accused) or _owned_and_accused(claims):
        return IncidentStatus.CONFIRMED_BY_BOTH
    if len(narrated_groups) >= 2:
        return IncidentStatus.CORROBORATED
    if claims:
        return IncidentStatus.ONE_PARTY
    return IncidentStatus.UNATTRIBUTED


def _side(claim: IncidentClaim) -> str | None:
    """The side a claim speaks for: the state its speaker stands with, or a named armed group that stands with
    no state ("RSF fighters", "M23", "the Houthis"): a side of its own war (`own_side`)."""
    return claim.side


def _owned_and_accused(claims: list[IncidentClaim]) -> bool:
    """Whether a party owns the act ("the group claimed responsibility for the attack") and another party
    accuses someone of it: both sides say it happened, even when the tables know neither party's side."""
    owners = [c for c in claims if c.stance in (Stance.ASSERT, Stance.CONFIRM) and _owns_act(c.sentence)]
    return any(a.stance is Stance.ACCUSE and _party(a.speaker) != _party(o.speaker) and not (a.side and a.side == o.side)
               for o in owners for a in claims)


@cache
def _owning() -> re.Pattern:
    """A verb by which a party owns an act (extract's lexicon, with its irregular forms), then "responsibility"
    or "credit" within three words: "claimed responsibility", "took full responsibility", "accepted credit";
    not "claims of responsibility" (`_owns_act` leaves out the negated ones)."""
    lemmas = load_lexicon(EXTRACT, "responsibility_verbs")
    irregular = [form for form, lemma in (e.split("|") for e in load_lexicon(EXTRACT, "irregular_verbs")) if lemma in lemmas]
    stems = [re.escape(l[:-1] if l.endswith("e") else l) + r"\w*" for l in lemmas] + [re.escape(f) for f in irregular]
    return re.compile(r"\b(?:" + "|".join(stems) + r")\s+(?:(?!of\b)[\w-]+\s+){0,3}?(?:responsibility|credit)\b", re.I)


_DISOWNED = re.compile(r"\b(?:not|never|no|nobody|none)\b|n't\b", re.I)


def _owns_act(sentence: str) -> bool:
    """Whether the sentence says a party owns an act (`_owning`), not that none has ("No group has yet claimed
    responsibility", "the rebels did not claim responsibility"): no negation in the four words before it."""
    return any(not _DISOWNED.search(" ".join(sentence[:m.start()].split()[-4:]))
               for m in _owning().finditer(sentence))
