"""corpus/incidents.py: an attack whose place the gazetteer does not know (a street, a road, a district) is
still an incident, with its names and no coordinates, and mentions of it cluster by the name as written
(case and accents folded), under the same date rules as placed ones.

Every story here is invented for the test (outlets, streets and roads are made up).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

import pytest

from wirewatch.corpus.ledger import build_ledger
from wirewatch.export.acled import acled_rows
from wirewatch.export.geojson import to_geojson
from wirewatch.export.tables import incident_rows

pytestmark = pytest.mark.model

MONDAY = dt.date(2024, 5, 6)
TUESDAY = dt.date(2024, 5, 7)

STORIES = {
    # (outlet, published, text)
    "lark-dovbusha": ("Lark Wire", TUESDAY,
                      "Shells hit Dovbusha Street in the early hours of Monday, wounding three civilians, the "
                      "governor said.\n\nWindows were blown out along the whole block."),
    "otter-dovbusha": ("Otter Post", TUESDAY,
                       "An artillery shell hit a pharmacy on Dovbusha street on Monday morning, a local official "
                       "said.\n\n"
                       "Two cars burned outside it."),
    "lark-dovbusha-later": ("Lark Wire", dt.date(2024, 5, 14),
                            "Shells hit Dovbusha Street again on Monday, damaging a school, the governor said."),
    "otter-kibati": ("Otter Post", TUESDAY,
                     "A roadside bomb exploded on Kibati Road on Monday, killing two soldiers, the army said."),
    "heron-kibati": ("Heron Daily", TUESDAY,
                     "A mine blast on Kibáti Road killed two soldiers on Monday, military sources said."),
    "heron-two-streets": ("Heron Daily", TUESDAY,
                          "Rockets struck Sorokina Street and Pivdenna Street on Monday, officials said."),
    "lark-ghalib": ("Lark Wire", TUESDAY,
                    "A car bomb exploded on Mirza Ghalib Road on Monday, wounding eleven people, police said."),
    "otter-port-sudan": ("Otter Post", TUESDAY,
                         "Drones struck Al-Qasr Street in Port Sudan on Monday, the army said."),
    "lark-own-denial": ("Lark Wire", TUESDAY,
                        "The militia said the first shootings did not involve its fighters, but that its posts on "
                        "Kibati Road came under heavy gunfire after midnight on Monday."),
    "heron-own-denial": ("Heron Daily", TUESDAY,
                         "The army said the early clashes did not involve soldiers, but that its checkpoints on "
                         "Mirza Ghalib Road came under intense fire on Monday."),
    "otter-nearby-town": ("Otter Post", TUESDAY,
                          "Shells hit Kharkiv and the nearby town of Chuhuiv on Monday, the governor said."),
    "lark-neighbouring-town": ("Lark Wire", TUESDAY,
                               "Artillery pounded Barda and the neighbouring town of Tartar on Monday, officials said."),
    "heron-nearby-city": ("Heron Daily", TUESDAY,
                          "Drones struck Port Sudan and the nearby city of Kassala on Monday, the army said."),
    "otter-apposition": ("Otter Post", TUESDAY,
                         "Rockets hit Kramatorsk, the largest city near Sloviansk, on Monday, the mayor said."),
}


@pytest.fixture(scope="module")
def extractions(extract_stories) -> dict:
    return extract_stories(STORIES)


def ledger_of(extractions, *names):
    return build_ledger([extractions[n] for n in names])


def named(ledger, word: str) -> list:
    return [i for i in ledger.incidents if any(word in n.lower() for n in i.place_names)]


def test_unplaced_an_attack_on_an_unknown_street_is_an_incident_without_coordinates(extractions):
    ledger = ledger_of(extractions, "lark-ghalib")
    found = named(ledger, "ghalib")
    assert len(found) == 1
    assert found[0].place is None and found[0].date == MONDAY
    assert found[0].mentions and found[0].mentions[0].article_id == extractions["lark-ghalib"].article.id


def test_unplaced_two_outlets_one_street_written_in_either_case_are_one_incident(extractions):
    ledger = ledger_of(extractions, "lark-dovbusha", "otter-dovbusha")
    found = named(ledger, "dovbusha")
    assert len(found) == 1
    assert set(found[0].reports) == {extractions[n].article.id for n in ("lark-dovbusha", "otter-dovbusha")}


def test_unplaced_accents_are_folded_when_matching_names(extractions):
    found = named(ledger_of(extractions, "otter-kibati", "heron-kibati"), "kib")
    assert len(found) == 1 and len(found[0].reports) == 2


def test_unplaced_one_street_a_week_apart_is_two_incidents(extractions):
    found = named(ledger_of(extractions, "lark-dovbusha", "lark-dovbusha-later"), "dovbusha")
    assert sorted(i.date for i in found) == [MONDAY, MONDAY + dt.timedelta(days=7)]


def test_unplaced_different_streets_on_one_day_stay_apart(extractions):
    ledger = ledger_of(extractions, "lark-dovbusha", "otter-kibati", "lark-ghalib")
    assert len(named(ledger, "dovbusha")) == len(named(ledger, "kibati")) == len(named(ledger, "ghalib")) == 1


def test_unplaced_listed_streets_are_one_incident_each(extractions):
    ledger = ledger_of(extractions, "heron-two-streets")
    assert [i.place_names for i in named(ledger, "sorokina")] == [("Sorokina Street",)]
    assert [i.place_names for i in named(ledger, "pivdenna")] == [("Pivdenna Street",)]
    assert len({i.id for i in ledger.incidents}) == len(ledger.incidents)


def test_unplaced_a_street_in_a_known_town_is_placed_at_the_town(extractions):
    found = named(ledger_of(extractions, "otter-port-sudan"), "port sudan")
    assert len(found) == 1 and found[0].place is not None and found[0].place.name == "Port Sudan"


def test_unplaced_incidents_export_with_empty_coordinates_and_no_map_point(extractions):
    ledger = ledger_of(extractions, "lark-ghalib", "otter-kibati", "otter-port-sudan")
    rows = acled_rows(ledger, lambda article_id: "outlet")
    unplaced = [r for r in rows if "Ghalib" in r["location"]]
    assert unplaced and unplaced[0]["latitude"] == "" and unplaced[0]["geo_precision"] == ""
    features = json.loads(to_geojson(incident_rows(ledger, lambda article_id: "outlet")))["features"]
    assert {f["id"] for f in features} == {i.id for i in ledger.incidents if i.place is not None}
    assert len(features) < len(ledger.incidents)


@pytest.mark.parametrize("story", ["lark-own-denial", "heron-own-denial"])
def test_unplaced_a_party_denying_its_own_part_does_not_dispute_its_own_accusation(extractions, story):
    """ "Not us at first, but our posts came under fire": one speaker, no side known; the denial is about
    something else, so the incident stays the speaker's one-party account."""
    incidents = ledger_of(extractions, story).incidents
    assert incidents and all(i.status.value != "accused_and_denied" for i in incidents), incidents
    assert all(c.stance.value != "deny" for i in incidents for c in i.claims)


@pytest.mark.parametrize("story, towns", [
    ("otter-nearby-town", {"Kharkiv", "Chuhuyiv"}),
    ("lark-neighbouring-town", {"Barda", "Tartar"}),
    ("heron-nearby-city", {"Port Sudan", "Kassala"}),
])
def test_unplaced_a_town_and_the_nearby_town_of_another_are_two_incidents(extractions, story, towns):
    incidents = ledger_of(extractions, story).incidents
    assert {i.place.name for i in incidents if i.place is not None} == towns
    assert len(incidents) == 2


def test_unplaced_a_town_described_after_a_comma_is_one_incident(extractions):
    incidents = ledger_of(extractions, "otter-apposition").incidents
    assert len(incidents) == 1 and incidents[0].place is not None and incidents[0].place.name == "Kramatorsk"


@pytest.mark.parametrize("name, actor, kept", [
    ("Kelmora", "the insurgents", True),
    ("Taliban", "the Taliban bombing", False),  # the doer, tagged as a place
    ("Hamas", None, False),  # a party of the actor tables
    ("St.", None, False),  # too short to be a name
])
def test_unplaced_a_name_that_is_a_party_or_no_name_makes_no_incident(extractions, name, actor, kept):
    """The event's place names replaced by one the gazetteer does not know (as extraction may tag them)."""
    extraction = extractions["lark-ghalib"]
    events = tuple(dataclasses.replace(e, places=(name,), actor=actor) if e.plover == "ASSAULT" else e
                   for e in extraction.events)
    incidents = build_ledger([dataclasses.replace(extraction, events=events)]).incidents
    assert bool([i for i in incidents if name in i.place_names]) is kept
