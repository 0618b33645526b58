"""Charts and the map as inline SVG drawn from the data: nothing is fetched from anywhere."""

from __future__ import annotations

import datetime as dt
from html import escape

PALETTE = ("#b2182b", "#2166ac", "#1b7837", "#762a83", "#e08214", "#35978f", "#8c510a", "#4d4d4d")


def series_chart(series: list[dict], width: int = 640, height: int = 260) -> str:
    """A line chart of each claimant's series of one kind over time."""
    points = [(dt.date.fromisoformat(p["as_of"]), p["value"]) for s in series for p in s["points"] if p["as_of"]]
    if not points:
        return "<p class='muted'>No dated figures to chart.</p>"
    left, right, top, bottom = 70, 180, 16, 36
    days = [d for d, _ in points]
    lo, hi = min(days), max(days)
    span = max((hi - lo).days, 1)
    top_value = max(v for _, v in points) * 1.1 or 1
    def x(day):
        return left + (day - lo).days / span * (width - left - right)
    def y(value):
        return top + (1 - value / top_value) * (height - top - bottom)
    parts = [f"<svg role='img' aria-label='figures over time' viewBox='0 0 {width} {height}' class='chart'>"]
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
        parts.append(f"<text x='{width - right + 8}' y='{top + 14 + index * 16}' fill='{color}' class='legend'>"
                     f"{escape(s['claimant'][:26])}</text>")
    parts.append("</svg>")
    return "".join(parts)


def place_map(places: list[dict], width: int = 640, height: int = 380) -> str:
    """Incident places on a plain equirectangular frame around them, sized by incident count.
    Only towns are drawn: a region or country has no point, and drawing one would invent precision."""
    located = [p for p in places if p.get("lat") is not None and p.get("lon") is not None
               and p.get("precision") in ("city", "sub-city")]
    if not located:
        return "<p class='muted'>No located incidents.</p>"
    lats = [p["lat"] for p in located]
    lons = [p["lon"] for p in located]
    pad = 0.15
    lat_lo, lat_hi = min(lats) - pad, max(lats) + pad
    lon_lo, lon_hi = min(lons) - pad, max(lons) + pad
    def x(lon):
        return 30 + (lon - lon_lo) / max(lon_hi - lon_lo, 1e-6) * (width - 60)
    def y(lat):
        return 20 + (1 - (lat - lat_lo) / max(lat_hi - lat_lo, 1e-6)) * (height - 50)
    parts = [f"<svg role='img' aria-label='map of incident places' viewBox='0 0 {width} {height}' class='map'>",
             f"<rect x='0' y='0' width='{width}' height='{height}' class='sea'/>"]
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
    parts.append(f"<text x='{width - 32}' y='14' text-anchor='end' class='tick'>degrees; red: disputed</text></svg>")
    return "".join(parts)
