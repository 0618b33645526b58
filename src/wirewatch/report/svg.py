"""Charts and the map as inline SVG drawn from the data: nothing is fetched from anywhere."""

from __future__ import annotations

import datetime as dt
from html import escape

from . import divisions
from .borders import contains, within

PALETTE = ("#b2182b", "#2166ac", "#1b7837", "#762a83", "#e08214", "#35978f", "#8c510a", "#4d4d4d")


def series_chart(series: list[dict], width: int = 640, height: int = 260) -> str:
    """A line chart of each claimant's series of one kind over time."""
    points = [(dt.date.fromisoformat(p["as_of"]), p["value"]) for s in series for p in s["points"] if p["as_of"]]
    if not points:
        return "<p class='muted'>No dated figures to chart.</p>"
    # the legend goes under the plot, two names a row, so a long claimant's name is never cut off
    left, right, top, bottom = 70, 20, 16, 36
    rows = (len(series) + 1) // 2
    full = height + 18 * rows + 6
    days = [d for d, _ in points]
    lo, hi = min(days), max(days)
    span = max((hi - lo).days, 1)
    top_value = max(v for _, v in points) * 1.1 or 1
    def x(day):
        return left + (day - lo).days / span * (width - left - right)
    def y(value):
        return top + (1 - value / top_value) * (height - top - bottom)
    parts = [f"<svg role='img' aria-label='figures over time' viewBox='0 0 {width} {full}' class='chart'>"]
    for tick in range(5):
        value = top_value * tick / 4
        parts.append(f"<line x1='{left}' x2='{width - right}' y1='{y(value):.1f}' y2='{y(value):.1f}' class='grid'/>")
        parts.append(f"<text x='{left - 6}' y='{y(value) + 4:.1f}' text-anchor='end' class='tick'>{value:,.0f}</text>")
    parts.append(f"<text x='{left}' y='{height - 8}' class='tick'>{lo.isoformat()}</text>")
    parts.append(f"<text x='{width - right}' y='{height - 8}' text-anchor='end' class='tick'>{hi.isoformat()}</text>")
    for index, s in enumerate(series):
        color = PALETTE[index % len(PALETTE)]
        dated = [(dt.date.fromisoformat(p["as_of"]), p["value"]) for p in s["points"] if p["as_of"]]
        if not dated:
            continue
        path = " ".join(f"{'M' if i == 0 else 'L'}{x(d):.1f},{y(v):.1f}" for i, (d, v) in enumerate(dated))
        parts.append(f"<path d='{path}' stroke='{color}' fill='none' stroke-width='2'/>")
        for d, v in dated:
            parts.append(f"<circle cx='{x(d):.1f}' cy='{y(v):.1f}' r='3.5' fill='{color}'><title>"
                         f"{escape(s['claimant'])}: {v:,} as of {d.isoformat()}</title></circle>")
        lx, ly = left + (index % 2) * (width - left) / 2, height + 12 + 18 * (index // 2)
        name = s["claimant"] if len(s["claimant"]) <= 48 else s["claimant"][:47] + "…"
        parts.append(f"<rect x='{lx:.0f}' y='{ly - 9}' width='10' height='10' fill='{color}'/>"
                     f"<text x='{lx + 14:.0f}' y='{ly}' class='legend'>{escape(name)}<title>{escape(s['claimant'])}"
                     f"</title></text>")
    parts.append("</svg>")
    return "".join(parts)


def place_map(places: list[dict], width: int = 640, height: int = 380) -> str:
    """Incident places on an equirectangular frame around them, sized by incident count, over the country
    borders (report/borders.py, offline). Only towns are drawn: a region or country has no point, and
    drawing one would invent precision. The frame spans at least a degree, so that borders give context."""
    located = [p for p in places if p.get("lat") is not None and p.get("lon") is not None
               and p.get("precision") in ("city", "sub-city")]
    if not located:
        return "<p class='muted'>No located incidents.</p>"
    lats = [p["lat"] for p in located]
    lons = [p["lon"] for p in located]
    pad_lat = max(0.15, (1.0 - (max(lats) - min(lats))) / 2)
    pad_lon = max(0.15, (1.0 - (max(lons) - min(lons))) / 2)
    lat_lo, lat_hi = min(lats) - pad_lat, max(lats) + pad_lat
    lon_lo, lon_hi = min(lons) - pad_lon, max(lons) + pad_lon
    def x(lon):
        return 30 + (lon - lon_lo) / max(lon_hi - lon_lo, 1e-6) * (width - 60)
    def y(lat):
        return 20 + (1 - (lat - lat_lo) / max(lat_hi - lat_lo, 1e-6)) * (height - 50)
    clip = f"frame-{width}x{height}"
    parts = [f"<svg role='img' aria-label='map of incident places' viewBox='0 0 {width} {height}' class='map'>",
             f"<defs><clipPath id='{clip}'><rect x='30' y='20' width='{width - 60}' height='{height - 50}'/></clipPath>"
             f"</defs><rect x='30' y='20' width='{width - 60}' height='{height - 50}' class='sea'/>",
             f"<g clip-path='url(#{clip})' class='borders'>"]
    labels, outlines, homes = [], [], []
    for iso, name, _box, rings in within(lon_lo, lat_lo, lon_hi, lat_hi):
        path = " ".join("M" + " L".join(f"{x(lon):.1f},{y(lat):.1f}" for lon, lat in ring) + " Z" for ring in rings)
        parts.append(f"<path d='{path}' class='land' fill='#efeee6' stroke='none'/>")
        outlines.append(f"<path d='{path}' fill='none' stroke='#8a8a7a' stroke-width='1'>"
                        f"<title>{escape(name)}</title></path>")
        if any(contains(ring, p["lon"], p["lat"]) for ring in rings for p in located):
            homes.extend(rings)
        # the label goes on the most central of the frame's grid points that fall inside the country
        grid = [(lon_lo + (lon_hi - lon_lo) * (i + 0.5) / 8, lat_lo + (lat_hi - lat_lo) * (j + 0.5) / 8)
                for i in range(8) for j in range(8)]
        inside = [point for point in grid if any(contains(ring, *point) for ring in rings)]
        if inside:
            mid = (sum(p[0] for p in inside) / len(inside), sum(p[1] for p in inside) / len(inside))
            labels.append((*min(inside, key=lambda p: (p[0] - mid[0]) ** 2 + (p[1] - mid[1]) ** 2), name))
    # first-level divisions of the countries with incidents: thin, between the land and the country borders
    pixel = min((lon_hi - lon_lo) / (width - 60), (lat_hi - lat_lo) / (height - 50))
    lines = divisions.lines_within(lon_lo, lat_lo, lon_hi, lat_hi, pixel,
                                   inside=lambda lon, lat: any(contains(ring, lon, lat) for ring in homes))
    if lines:
        path = " ".join("M" + " L".join(f"{x(lon):.1f},{y(lat):.1f}" for lon, lat in line) for line in lines)
        parts.append(f"<path d='{path}' class='divisions' fill='none' stroke='#b5b3a3' stroke-width='0.6' "
                     f"stroke-dasharray='3 2'/>")
    parts.extend(outlines)
    parts.append("</g>")
    for lon, lat, name in labels:
        parts.append(f"<text x='{x(lon):.1f}' y='{y(lat):.1f}' text-anchor='middle' class='country' "
                     f"fill='#9a9a8a' letter-spacing='2'>"
                     f"{escape(name.upper())}</text>")
    for step in range(5):
        lat = lat_lo + (lat_hi - lat_lo) * step / 4
        lon = lon_lo + (lon_hi - lon_lo) * step / 4
        parts.append(f"<line x1='30' x2='{width - 30}' y1='{y(lat):.1f}' y2='{y(lat):.1f}' class='grid'/>")
        parts.append(f"<line y1='20' y2='{height - 30}' x1='{x(lon):.1f}' x2='{x(lon):.1f}' class='grid'/>")
        parts.append(f"<text x='2' y='{y(lat) + 4:.1f}' class='tick'>{lat:.2f}</text>")
        parts.append(f"<text x='{x(lon):.1f}' y='{height - 12}' text-anchor='middle' class='tick'>{lon:.2f}</text>")
    for p in located:
        radius = 5 + 3 * min(p["incidents"], 6)
        color = PALETTE[0] if p.get("disputed") else PALETTE[1]
        parts.append(f"<circle cx='{x(p['lon']):.1f}' cy='{y(p['lat']):.1f}' r='{radius}' fill='{color}' "
                     f"fill-opacity='0.55' stroke='{color}'><title>{escape(p['name'])}: {p['incidents']} incident(s)"
                     f"</title></circle>")
        parts.append(f"<text x='{x(p['lon']) + radius + 3:.1f}' y='{y(p['lat']) + 4:.1f}' class='label'>"
                     f"{escape(p['name'])}</text>")
    parts.append(f"<text x='{width - 32}' y='14' text-anchor='end' class='tick'>degrees; borders: countryinfo"
                 f"{'; divisions: Natural Earth' if lines else ''}; "
                 f"<tspan fill='{PALETTE[0]}'>●</tspan> disputed <tspan fill='{PALETTE[1]}'>●</tspan> other"
                 f"</text></svg>")
    return "".join(parts)


def timeline_chart(timeline: list[dict], width: int = 900, height: int = 220) -> str:
    """Incidents per day as stacked bars by event type on a time axis (days to scale, a tick per week or
    month) with a count axis; the legend's swatches are the bars' colours, one legend row per type."""
    if not timeline:
        return "<p class='muted'>No dated incidents.</p>"
    days = [dt.date.fromisoformat(d["date"]) for d in timeline]
    first, last = min(days), max(days)
    span = (last - first).days + 1
    kinds = sorted({k for day in timeline for k in day["by_type"]})
    top = max(sum(day["by_type"].values()) for day in timeline)
    left, right, plot_top = 44, 16, 10
    legend_rows = (len(kinds) + 2) // 3
    plot_bottom = height - 34
    full = height + 18 * legend_rows
    step = (width - left - right) / span

    def x(day):
        return left + (day - first).days * step

    def y(count):
        return plot_bottom - count / top * (plot_bottom - plot_top)

    parts = [f"<svg viewBox='0 0 {width} {full}' role='img' aria-label='incidents by day and type' class='chart'>"]
    for count in sorted({0, top, *range(0, top + 1, max(1, top // 4))}):
        parts.append(f"<line x1='{left}' x2='{width - right}' y1='{y(count):.1f}' y2='{y(count):.1f}' class='grid'/>")
        parts.append(f"<text x='{left - 6}' y='{y(count) + 4:.1f}' text-anchor='end' class='tick'>{count}</text>")
    parts.append(f"<text x='12' y='{(plot_top + plot_bottom) / 2:.0f}' class='tick' text-anchor='middle' "
                 f"transform='rotate(-90 12 {(plot_top + plot_bottom) / 2:.0f})'>incidents</text>")
    for tick in _date_ticks(first, last):
        parts.append(f"<line x1='{x(tick):.1f}' x2='{x(tick):.1f}' y1='{plot_bottom}' y2='{plot_bottom + 4}' "
                     f"stroke='#888'/><text x='{x(tick):.1f}' y='{plot_bottom + 16}' text-anchor='middle' "
                     f"class='tick'>{tick.isoformat()}</text>")
    for day, entry in zip(days, timeline):
        base = 0
        for kind in kinds:
            n = entry["by_type"].get(kind, 0)
            if not n:
                continue
            parts.append(f"<rect x='{x(day) + step * 0.1:.1f}' y='{y(base + n):.1f}' width='{max(step * 0.8, 1):.1f}' "
                         f"height='{y(base) - y(base + n):.1f}' fill='{PALETTE[kinds.index(kind) % len(PALETTE)]}'>"
                         f"<title>{escape(entry['date'])}: {n} {escape(kind)}</title></rect>")
            base += n
    for index, kind in enumerate(kinds):
        lx, ly = left + (index % 3) * ((width - left) / 3), height + 18 * (index // 3)
        parts.append(f"<rect x='{lx:.0f}' y='{ly - 9}' width='10' height='10' fill='{PALETTE[index % len(PALETTE)]}'/>"
                     f"<text x='{lx + 14:.0f}' y='{ly}' class='legend'>{escape(kind)}</text>")
    parts.append("</svg>")
    return "".join(parts)


def _date_ticks(first: dt.date, last: dt.date) -> list[dt.date]:
    """At most about eight dates: every day, every week (Mondays) or the first of each month."""
    span = (last - first).days
    if span <= 8:
        return [first + dt.timedelta(days=n) for n in range(span + 1)]
    if span <= 60:
        start = first + dt.timedelta(days=(7 - first.weekday()) % 7)
        every = 7 * max(1, span // 56 + 1)
        return [start + dt.timedelta(days=n) for n in range(0, span + 1, every) if start + dt.timedelta(days=n) <= last]
    ticks, month = [], dt.date(first.year, first.month, 1)
    while month <= last:
        if month >= first:
            ticks.append(month)
        month = dt.date(month.year + month.month // 12, month.month % 12 + 1, 1)
    stride = max(1, len(ticks) // 8 + (len(ticks) % 8 > 0))
    return ticks[::stride]
