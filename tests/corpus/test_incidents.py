"""corpus/incidents.py through corpus/ledger.build_ledger: mentions of one happening across outlets are one incident.

Every story here is invented for the test (the outlets are made up; the towns are real so the gazetteer places them).
"""

from __future__ import annotations

import datetime as dt

import pytest

from wirewatch.corpus.ledger import build_ledger
from wirewatch.model import IncidentStatus, Stance

pytestmark = pytest.mark.model

WEDNESDAY = dt.date(2020, 10, 14)
TUESDAY = dt.date(2020, 10, 13)

STORIES = {
    # (outlet, published, text)
    "harbour-barda": ("Harbour Times", WEDNESDAY,
                      "Azerbaijan's defence ministry said Armenian forces shelled Barda on Tuesday, wounding four "
                      "civilians.\n\nThe shells struck a row of shops near the bus station, according to the ministry."
                      "\n\nResidents described a night spent in basements."),
    "kestrel-barda": ("Kestrel News", WEDNESDAY,
                      "Armenian forces shelled Barda on Tuesday, wounding several civilians, an Azerbaijani official "
                      "said.\n\nWitnesses said the shells landed close to the main bus station and set two shops on "
                      "fire."),
    "meridian-denial": ("Meridian Daily", WEDNESDAY,
                        "Armenia's defence ministry denied that its forces had shelled Barda, calling the report a "
                        "fabrication.\n\nA spokeswoman said Armenian units had held their positions all day."),
    "harbour-ganja": ("Harbour Times", WEDNESDAY,
                      "Azerbaijan's defence ministry said Armenian forces shelled the city of Ganja on Tuesday, "
                      "damaging several houses.\n\nFirefighters worked through the night."),
    "kestrel-barda-later": ("Kestrel News", dt.date(2020, 10, 21),
                            "Azerbaijan's defence ministry said Armenian forces shelled the town of Barda on Tuesday, "
                            "damaging several houses.\n\nThe town's schools stayed closed."),
}


@pytest.fixture(scope="module")
def extractions(extract_stories) -> dict:
    """Each story extracted once, by name."""
    return extract_stories(STORIES)


@pytest.fixture(scope="module")
def ledger_of(extractions, gazetteer):
    def build(*names):
        return build_ledger([extractions[n] for n in names])
    return build


def ids_of(extractions, *names) -> set[str]:
    return {extractions[n].article.id for n in names}


def at(ledger, town: str) -> list:
    return [i for i in ledger.incidents if i.place is not None and i.place.name == town]


def test_incidents_two_outlets_one_shelling_is_one_incident(ledger_of, extractions):
    ledger = ledger_of("harbour-barda", "kestrel-barda")
    assert len(ledger.incidents) == 1
    (incident,) = ledger.incidents
    assert incident.place is not None and incident.place.name == "Barda"
    assert incident.date == TUESDAY
    assert set(incident.reports) == ids_of(extractions, "harbour-barda", "kestrel-barda")
    assert len(incident.groups) == 2  # different texts: two independent source groups


def test_incidents_accusation_and_denial_in_two_outlets_are_one_disputed_incident(ledger_of, extractions):
    ledger = ledger_of("kestrel-barda", "meridian-denial")
    assert len(ledger.incidents) == 1
    (incident,) = ledger.incidents
    assert incident.status is IncidentStatus.ACCUSED_AND_DENIED
    assert incident.status.value == "accused and denied"
    stances = {(c.stance, c.article_id) for c in incident.claims}
    assert (Stance.ACCUSE, extractions["kestrel-barda"].article.id) in stances
    assert (Stance.DENY, extractions["meridian-denial"].article.id) in stances
    accusation = next(c for c in incident.claims if c.stance is Stance.ACCUSE)
    denial = next(c for c in incident.claims if c.stance is Stance.DENY)
    assert accusation.side == "AZ" and "Armenian" in (accusation.accused or "")
    assert denial.speaker == "Armenia's defence ministry" and denial.side == "AM"
    assert denial.outlet == "Meridian Daily"
    assert set(incident.reports) == ids_of(extractions, "kestrel-barda", "meridian-denial")


def test_incidents_every_accusation_is_listed_with_its_incident(ledger_of, extractions):
    ledger = ledger_of("harbour-barda", "kestrel-barda", "meridian-denial")
    (incident,) = at(ledger, "Barda")
    speakers = {c.speaker for c in incident.claims if c.stance is Stance.ACCUSE}
    assert "Azerbaijan's defence ministry" in speakers


def test_incidents_denial_alone_makes_no_incident(ledger_of):
    assert ledger_of("meridian-denial").incidents == ()


def test_incidents_two_towns_same_day_are_two_incidents(ledger_of, extractions):
    ledger = ledger_of("kestrel-barda", "harbour-ganja")
    assert len(ledger.incidents) == 2
    assert {i.place.name for i in ledger.incidents} == {"Barda", "Ganja"}
    for incident in ledger.incidents:
        assert incident.date == TUESDAY
        assert len(incident.reports) == 1


def test_incidents_one_town_a_week_apart_are_two_incidents(ledger_of, extractions):
    ledger = ledger_of("kestrel-barda", "kestrel-barda-later")
    barda = at(ledger, "Barda")
    assert len(barda) == 2
    assert sorted(i.date for i in barda) == [TUESDAY, dt.date(2020, 10, 20)]
    assert [i.date for i in ledger.incidents] == sorted(i.date for i in ledger.incidents)  # by date


def test_incidents_denial_joins_only_the_incident_on_its_day(ledger_of, extractions):
    ledger = ledger_of("kestrel-barda", "kestrel-barda-later", "meridian-denial")
    by_date = {i.date: i for i in at(ledger, "Barda")}
    assert by_date[TUESDAY].status is IncidentStatus.ACCUSED_AND_DENIED
    assert by_date[dt.date(2020, 10, 20)].status is IncidentStatus.ONE_PARTY
    assert not any(c.stance is Stance.DENY for c in by_date[dt.date(2020, 10, 20)].claims)


def test_incidents_full_corpus(ledger_of, extractions):
    ledger = ledger_of(*STORIES)
    summary = sorted((i.place.name, i.date.isoformat(), i.status.value, len(i.reports)) for i in ledger.incidents)
    assert summary == [
        ("Barda", "2020-10-13", "accused and denied", 3),
        ("Barda", "2020-10-20", "reported by one party", 1),
        ("Ganja", "2020-10-13", "reported by one party", 1),
    ]


def test_incidents_ids_stable_when_rebuilt(extractions, gazetteer):
    forward = build_ledger(list(extractions.values()))
    again = build_ledger(list(extractions.values()))
    backward = build_ledger(list(reversed(extractions.values())))
    ids = [i.id for i in forward.incidents]
    assert len(set(ids)) == len(ids) == 3
    assert [i.id for i in again.incidents] == ids
    assert [i.id for i in backward.incidents] == ids
    assert [(i.id, i.reports, i.status) for i in backward.incidents] == [
        (i.id, i.reports, i.status) for i in forward.incidents]
    assert all(i.id.startswith("inc-") for i in forward.incidents)


FOLLOW_ON_STORIES = {
    "market": ("Nile Wire", dt.date(2024, 6, 4),
               "Drone strike hits Sudan market\n\n"
               "A drone struck the central market in Wad Madani on Monday morning, witnesses said. "
               "At least 11 people were killed, a health worker at the city's hospital said. "
               "Residents said the market had been crowded with shoppers."),
    "kharkiv": ("Dnipro Daily", dt.date(2024, 5, 20),
                "Missile hits Kharkiv suburb\n\n"
                "A Russian missile hit a recreation centre near Kharkiv on Sunday, regional officials said. "
                "The death toll from the strike rose to 14 on Monday, the governor said. "
                "Rescue work went on through the night."),
    "other": ("Tigris Post", dt.date(2024, 3, 5),
              "Attacks across Iraq province\n\n"
              "Insurgents attacked an army base near Samarra on Monday, killing at least 9 soldiers, officials said. "
              "Separately, gunmen ambushed a police patrol and a roadside bomb went off elsewhere in Salahuddin, "
              "leaving four people dead. No group said it was behind the violence."),
}


def written_at(ledger, town: str) -> list:
    """The incidents whose sources write the town so (the gazetteer's own name may carry diacritics)."""
    return [i for i in ledger.incidents if town in i.place_names]


@pytest.fixture(scope="module")
def follow_on(extract_stories) -> dict:
    return extract_stories(FOLLOW_ON_STORIES)


@pytest.mark.parametrize("name,town,fatalities", [("market", "Wad Madani", 11), ("kharkiv", "Kharkiv", 14)])
def test_incidents_a_toll_in_the_sentence_after_an_attack_is_that_attacks(follow_on, name, town, fatalities):
    """"A drone struck the market on Monday. At least 11 people were killed, a health worker said.": the toll is
    the strike's (its incident's fatalities), not a count of the whole war that would stand as the ledger's
    headline; "the toll from the strike rose to 14" refers back to it the same way."""
    ledger = build_ledger([follow_on[name]])
    (incident,) = written_at(ledger, town)
    assert incident.fatalities == fatalities
    assert ledger.conservative() is None


def test_incidents_a_sentence_telling_of_other_attacks_follows_none(follow_on):
    """"Gunmen ambushed a patrol and a roadside bomb went off ..., leaving four people dead" tells of attacks of
    its own: its toll is not the base's."""
    ledger = build_ledger([follow_on["other"]])
    (base,) = written_at(ledger, "Samarra")
    assert base.fatalities == 9
