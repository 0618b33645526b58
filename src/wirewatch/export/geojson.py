"""Incident places as a GeoJSON FeatureCollection (RFC 7946: longitude first, WGS 84)."""

from __future__ import annotations

import json


def to_geojson(rows: list[dict]) -> str:
    features = []
    for row in rows:
        if row["latitude"] == "" or row["longitude"] == "":
            continue
        properties = {k: v for k, v in row.items() if k not in ("latitude", "longitude")}
        features.append({"type": "Feature", "id": row["event_id"],
                         "geometry": {"type": "Point", "coordinates": [row["longitude"], row["latitude"]]},
                         "properties": properties})
    return json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False, indent=1)
