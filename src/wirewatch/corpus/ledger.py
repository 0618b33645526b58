"""The ledger: source groups, incidents, figure series and agreement records of a corpus."""

from __future__ import annotations

import dataclasses
from itertools import chain
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum

from ..collector import fewer_collections
from ..model import AgreementRecord, Extraction, FigureKind, FigureSeries, Incident
from .agreements import article_accusations, article_agreements, build_agreements
from .dating import ArticleDates
from .incidents import article_mentions, cluster_incidents
from .memo import ArticleMemo
from .places import PlaceResolver
from .series import (ALL, CONFLICT, article_figures, claimant_range, conservative,
                     eventful_sentences, with_fatalities)
from .syndication import SourceGroup, group_sources


@dataclass(frozen=True, slots=True)
class Ledger:
    """Everything the corpus says, reconciled: read it, report it, export it."""

    groups: tuple[SourceGroup, ...]
    incidents: tuple[Incident, ...]
    series: tuple[FigureSeries, ...]
    agreements: tuple[AgreementRecord, ...]
    article_dates: dict
    group_of: dict
    names: dict = dataclasses.field(default_factory=dict)  # article id -> the user's name for it (export id)
    # (article id, sentence index) -> sentence, so corrections can key items by their sentence's text
    sentences: dict = dataclasses.field(default_factory=dict)
    checked: frozenset = frozenset()  # ids and keys of the items an analyst confirmed (corpus/corrections.py)
    corrections: tuple = ()  # the corrections log the ledger was built with

    def range(self, kind: FigureKind = FigureKind.KILLED, group: str = ALL,
              scope: str = CONFLICT) -> tuple[int, int] | None:
        return claimant_range(list(self.series), kind, group, scope)

    def conservative(self, kind: FigureKind = FigureKind.KILLED, group: str = ALL,
                     scope: str = CONFLICT) -> int | None:
        return conservative(list(self.series), kind, group, scope)


def build_ledger(extractions: Iterable[Extraction] | None, groups: list[SourceGroup] | None = None,
                 memo: ArticleMemo | None = None, group_of: dict[str, str] | None = None,
                 regrouped: set[str] | None = None) -> Ledger:
    """The ledger of the given extractions, from their stored mentions (places as extraction resolved them;
    dates from the stored date mentions, resolved by corpus/dating.py against publication dates the corpus may
    infer); the same extractions always give the same ids.

    groups: the articles' source groups when the caller keeps them up to date (corpus/incremental.py), with
    group_of each article's group id and regrouped the articles whose group may have changed since the last build;
    memo: what the caller kept of each article from earlier builds (corpus/memo.py); none is a full rebuild.
    extractions None: the articles the memo's index holds (a live ledger gives them to it as they come).

    The cycle collector runs less often while the ledger is built (wirewatch/collector.py): a build makes
    many objects and keeps most, and each full collection would walk every one, a live ledger's memo too."""
    with fewer_collections():
        return _build_ledger(extractions, groups, memo, group_of, regrouped)


def _build_ledger(extractions: Iterable[Extraction], groups: list[SourceGroup] | None,
                  memo: ArticleMemo | None, group_of: dict[str, str] | None, hint: set[str] | None) -> Ledger:
    memo = memo or ArticleMemo()
    index = memo.articles(extractions)
    ids, by_id = index.ids, index.by_id
    if groups is None:
        groups = group_sources(by_id[a].article for a in ids)
    if group_of is None:
        group_of = {member: g.id for g in groups for member in g.members}
    resolver = PlaceResolver(by_id)
    dates = ArticleDates(None, memo)
    dates.from_groups(groups, group_of)

    def event_date(event, article_id):
        return dates.of_event(event, article_id)

    def incident_mentions(article_id):
        return article_mentions(by_id[article_id], group_of[article_id], resolver, event_date)

    regrouped = memo.regrouped(group_of, hint)
    moved = index.undated | regrouped  # the articles whose stamp may differ from the last build's

    def incidents_now():
        kept = memo.by_article("incidents", ids, lambda a: (dates.stamp(a), group_of[a]),
                               {a: (dates.stamp(a), group_of[a]) for a in moved}, incident_mentions)
        changed = {a: kept.get(a, ((), ())) for a in memo.changed["incidents"]}
        return cluster_incidents(map(kept.__getitem__, ids), memo.clusters, changed)

    incidents = incidents_now()
    if dates.from_incidents(incidents):
        incidents = incidents_now()
    incident_at = dict(memo.clusters.where.at)  # (a copy: the series book compares it with the next one's)
    eventful = _Eventful(lambda a: memo.get("eventful", a, None, lambda: eventful_sentences(by_id[a])) if a in by_id else ())
    series = memo.series.update(
        memo.by_article("figures", ids, None, (), lambda a: article_figures(by_id[a])),
        lambda f, a: dates.in_sentence(f, a)[0], incident_at, eventful, group_of, dates.stamp, moved,
        memo.changed["figures"])
    incidents = with_fatalities(incidents, series, memo.fatalities, memo.series)

    def agreement_date(agreement, article_id):
        stated = dates.of_agreement(agreement, article_id)
        return (stated, True) if stated else (dates.of(article_id), False)

    def claim_date(claim, article_id):
        return dates.in_sentence(claim, article_id)

    undated = {a: dates.stamp(a) for a in index.undated}  # their stamps now, for both kinds below

    agreements = build_agreements(
        (), agreement_date, claim_date, incidents,
        facts=(chain.from_iterable(memo.gather("agreements", ids, dates.stamp, undated,
                                               lambda a: article_agreements(by_id[a], agreement_date))),
               chain.from_iterable(memo.gather("accusations", ids, dates.stamp, undated,
                                               lambda a: article_accusations(by_id[a], claim_date)))),
        book=memo.drafts)
    sentences = dict(memo.merged("sentences", ids, lambda a: _sentences(by_id[a])))
    return Ledger(
        groups=tuple(groups),
        incidents=tuple(incidents),
        series=tuple(series),
        agreements=tuple(agreements),
        article_dates={**index.article_dates, **{a: (dates.dates[a], dates.precision.get(a), True) for a in dates.inferred}},
        group_of=group_of,
        names=dict(index.names),
        sentences=sentences,
    )


class _Eventful:
    """(article id, sentence index) in it when the sentence reports a violent event; asks each article
    only when a figure's sentence is looked up (a set of every such sentence would cost every article)."""

    def __init__(self, sentences_of):
        self._sentences_of = sentences_of

    def __contains__(self, where: tuple) -> bool:
        return where[1] in self._sentences_of(where[0])


def _sentences(extraction: Extraction) -> dict:
    """(article id, sentence index) -> sentence, for the sentences the article's mentions come from."""
    return {(extraction.article.id, m.provenance.sentence_index): m.sentence
            for m in (*extraction.figures, *extraction.claims, *extraction.agreements, *extraction.events)}


def to_plain(value):
    """Records as JSON-ready plain data: dates as ISO strings, enums as values, tuples as lists."""
    if dataclasses.is_dataclass(value):
        out = {f.name: to_plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
        if isinstance(value, FigureSeries):
            out["latest"] = to_plain(value.latest)
        return out
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): to_plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set)):
        return [to_plain(v) for v in value]
    return value
