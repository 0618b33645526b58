"""Figure series: each claimant's running count per kind. Figures are never summed across reports:
the same figure carried by five outlets is one point with five reports."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable

from ..model import Extraction, Figure, FigureKind, FigureSeries, SeriesPoint
from ..resolve.actors import resolve_actor

SAME_FIGURE_DAYS = 2


def claimant_key(claimant: str) -> str:
    """The canonical claimant: a known actor's name, or the phrase as written (lower-cased)."""
    actor = resolve_actor(claimant)
    if actor is not None and (actor.country or actor.sector in ("IGO", "NGO")):
        return actor.name
    return claimant.strip().lower().removeprefix("the ").strip() or claimant


def build_series(
    extractions: Iterable[Extraction], as_of: Callable[[Figure, str], dt.date | None]
) -> list[FigureSeries]:
    """Series per (claimant, kind), ordered by claimant then kind; historical figures are left out."""
    grouped: dict[tuple[str, FigureKind], list[tuple[Figure, dt.date | None]]] = {}
    written: dict[tuple[str, FigureKind], str] = {}
    for extraction in extractions:
        for figure in extraction.figures:
            if figure.historical:
                continue
            key = (claimant_key(figure.claimant), figure.kind)
            grouped.setdefault(key, []).append((figure, as_of(figure, extraction.article.id)))
            written.setdefault(key, figure.claimant)
    series = []
    for (claimant, kind), items in grouped.items():
        series.append(FigureSeries(claimant, written[(claimant, kind)], kind, tuple(_points(items))))
    return sorted(series, key=lambda s: (s.claimant, s.kind.value))


def _points(items: list[tuple[Figure, dt.date | None]]) -> list[SeriesPoint]:
    points: list[list] = []  # [figure, date, reports, sentences]
    by_value: dict[tuple, list[list]] = {}  # (value, qualifier) -> points, so a repeat is found at once
    for figure, date in sorted(items, key=lambda i: (i[1] is None, i[1] or dt.date.min, i[0].value)):
        same = next((p for p in by_value.get((figure.value, figure.qualifier), ())
                     if p[1] is None or date is None or abs(p[1] - date).days <= SAME_FIGURE_DAYS), None)
        if same is not None:
            same[2].append(figure.provenance)
            same[3].append(figure.sentence)
            same[1] = same[1] or date
        else:
            point = [figure, date, [figure.provenance], [figure.sentence]]
            points.append(point)
            by_value.setdefault((figure.value, figure.qualifier), []).append(point)
    points.sort(key=lambda p: (p[1] is None, p[1] or dt.date.min, p[0].value))
    return [SeriesPoint(p[0].value, p[0].qualifier, p[0].upper, p[1], p[0].who, tuple(p[2]), tuple(dict.fromkeys(p[3])))
            for p in points]


def claimant_range(series: list[FigureSeries], kind: FigureKind) -> tuple[int, int] | None:
    """Lowest and highest latest value across claimants for one kind."""
    values = [s.latest.value for s in series if s.kind is kind]
    return (min(values), max(values)) if values else None


def conservative(series: list[FigureSeries], kind: FigureKind = FigureKind.KILLED) -> int | None:
    """ACLED's rule: the lowest credible count, here the lowest latest value any claimant gives."""
    found = claimant_range(series, kind)
    return found[0] if found else None
