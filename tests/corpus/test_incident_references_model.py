"""corpus/incidents.py through the real extractor: a statement on "the attack" joins the attack the article
narrates; a claim of responsibility beside another party's accusation confirms it; a statement sentence with no
date of its own is about the attack dated just before it at the same place, not a second one on the day of
publication. Every story is invented for the test."""

from __future__ import annotations

import datetime as dt

import pytest

from wirewatch.corpus.ledger import build_ledger
from wirewatch.model import IncidentStatus

pytestmark = pytest.mark.model

THURSDAY = dt.date(2024, 3, 7)

STORIES = {
    "somalia-owned": ("Harbour Wire", THURSDAY,
                      "A car bomb exploded outside a hotel in Mogadishu on Monday, killing 12 people, police said.\n\n"
                      "The Somali government accused al-Shabaab militants of attacking the hotel in Mogadishu.\n\n"
                      "Al-Shabaab claimed responsibility for the attack in a statement."),
    "mali-owned": ("Sahel Post", THURSDAY,
                   "The Malian army accused jihadists of attacking a military camp in Boulkessi on Sunday.\n\n"
                   "JNIM claimed responsibility for the assault on its propaganda channels."),
    "afghanistan-statement": ("Kabul Daily", THURSDAY,
                              "Two militants were killed when the bomb they were planting along a road in Nadir Shah "
                              "Kot district went off on Friday night.\n\n"
                              "\"The device exploded early,\" the provincial police said."),
    "myanmar-statement": ("Irrawaddy Wire", THURSDAY,
                          "Jets bombed a market in Lashio on Tuesday, killing nine people.\n\n"
                          "The junta said its aircraft had targeted rebel positions in Lashio."),
}


@pytest.fixture(scope="module")
def extractions(extract_stories) -> dict:
    return extract_stories(STORIES)


@pytest.mark.parametrize(("story", "town", "owner"), [
    ("somalia-owned", "Mogadishu", "Al-Shabaab"),
    ("mali-owned", "Boulkessi", "JNIM"),
])
def test_incidents_a_claim_of_responsibility_for_the_attack_confirms_the_attack_another_party_accuses(
        extractions, story, town, owner):
    (incident,) = build_ledger([extractions[story]]).incidents
    assert town in incident.place_names
    assert owner in {c.speaker for c in incident.claims}
    assert incident.status is IncidentStatus.CONFIRMED_BY_BOTH


@pytest.mark.parametrize(("story", "town", "day"), [
    ("afghanistan-statement", "Nadir Shah Kot", dt.date(2024, 3, 1)),
    ("myanmar-statement", "Lashio", dt.date(2024, 3, 5)),
])
def test_incidents_an_undated_statement_after_a_dated_attack_at_the_same_place_is_that_attack(
        extractions, story, town, day):
    (incident,) = build_ledger([extractions[story]]).incidents
    assert town in incident.place_names
    assert incident.date == day
    assert incident.claims and incident.status is IncidentStatus.ONE_PARTY
