"""corpus/incidents.py: where a statement that names no place is about, and what a claim of responsibility adds.

- An attack whose own clause names no place happened at the town or unknown name extraction found elsewhere in its
  sentence ("... along a road in the Foo district, police said"), not at a region the sentence gives as setting.
- A name the article uses for a doer or speaker is a party, not a place, even where an event lists it.
- A party's statement on "the attack" that names no place is about the article's main attack.
- A party owning an attack ("claimed responsibility") while another accuses someone of it: both sides say it
  happened, so the incident is confirmed, whatever the actor tables know of their sides.

Mention records are built by hand from invented sentences about several conflicts (no model, no gazetteer); the
towns are made up (Harlow Point, Carrow, Dunmere) so no rule can lean on a real place.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools

import pytest

from wirewatch.corpus.ledger import build_ledger
from wirewatch.model import (Article, EventMention, Extraction, GeoPrecision, IncidentStatus, Place, PlaceMention,
                             Provenance, Stance)
from wirewatch.nlp.dates import stated_dates

DAY = dt.date(2024, 3, 5)
_ids = itertools.count(96_000_000)
TOWNS = {name: Place(next(_ids), name, lat, lon, "XX", "01", "PPL", 30_000, GeoPrecision.CITY)
         for name, lat, lon in (("Harlow Point", 12.1, 30.1), ("Carrow", 12.9, 31.4), ("Dunmere", 13.8, 32.2))}
REGIONS = {"Kessel Province": Place(next(_ids), "Kessel Province", 13.0, 31.0, "XX", "02", "ADM1", 900_000,
                                    GeoPrecision.REGION)}


def event(index: int, sentence: str, places: tuple[str, ...] = (), *, speaker: str | None = None,
          stance: Stance | None = None, actor: str | None = None) -> EventMention:
    return EventMention(plover="ASSAULT", mode="", label="REM_EXPLOS", acled_event="Explosions/Remote violence",
                        acled="Remote explosive/landmine/IED", actor=actor, recipient=None, target=None, weapon=None,
                        places=places, date=None, date_precision=None, negated=False, hypothetical=False,
                        stance=stance, speaker=speaker, sentence=sentence,
                        provenance=Provenance("id-a", index, 0, len(sentence), "events.test"))


def article(events: list[EventMention], places: dict[int, list[str]] | None = None) -> Extraction:
    """One article of the events; places: sentence index -> names extraction found in that sentence (resolved
    when they are TOWNS or REGIONS), besides those the events list."""
    sentences = dict(sorted({e.provenance.sentence_index: e.sentence for e in events}.items()))
    text = " ".join(sentences.values())
    found = {(e.provenance.sentence_index, n) for e in events for n in e.places}
    found |= {(i, n) for i, names in (places or {}).items() for n in names}
    mentions = tuple(PlaceMention(n, TOWNS.get(n) or REGIONS.get(n), sentences[i],
                                  Provenance("id-a", i, 0, len(sentences[i]), "places.test")) for i, n in sorted(found))
    art = Article.from_text(text, "a", id="id-a", outlet="Test Wire", published=DAY)
    carried = [(i, text.index(s), s) for i, s in sentences.items()]
    return Extraction(article=art, places=mentions, events=tuple(events), dates=stated_dates(carried, art.id))


def incidents(*extractions):
    return build_ledger(list(extractions)).incidents


# An attack whose clause names no place ---------------------------------------------------------------------

@pytest.mark.parametrize(("sentence", "site"), [
    ("Two fighters died when the bomb they were planting on a road in the Kalabo district went off, police said.",
     "Kalabo"),
    ("Soldiers came under fire at a checkpoint near the village of Nam Hsan, the junta said.", "Nam Hsan"),
    ("A drone hit a fuel depot outside Carrow overnight, the regional governor said.", "Carrow"),
])
def test_incidents_an_attack_whose_clause_names_no_place_is_at_the_place_its_sentence_names(sentence, site):
    (incident,) = incidents(article([event(0, sentence, speaker="police", stance=Stance.ACCUSE)], {0: [site]}))
    assert incident.place_names == (site,)
    assert incident.status is IncidentStatus.ONE_PARTY


def test_incidents_a_region_given_as_setting_does_not_place_an_attack():
    sentence = "Both sides accused each other of attacks during a month of fighting over Kessel Province."
    assert incidents(article([event(0, sentence, speaker="both sides", stance=Stance.ACCUSE)],
                             {0: ["Kessel Province"]})) == ()


# A party is no place ----------------------------------------------------------------------------------------

@pytest.mark.parametrize(("party", "said"), [
    ("Fano", "Fano fighters said they had repelled the army."),
    ("Tatmadaw", "The Tatmadaw said the village had harboured rebels."),
    ("Wazalendo", "Wazalendo commanders said the shelling came from across the lake."),
])
def test_incidents_a_name_the_article_uses_for_a_party_is_no_place(party, said):
    listed = event(0, f"The {party} bombing targeted a convoy.", (party,))
    speaks = event(1, said, speaker=said.split(" said")[0], stance=Stance.ASSERT)
    assert not [i for i in incidents(article([listed, speaks])) if party in i.place_names]


def test_incidents_an_unknown_name_no_party_bears_is_still_a_place():
    listed = event(0, "A bombing targeted a convoy in Tulu Bolo.", ("Tulu Bolo",))
    speaks = event(1, "Fano fighters said they had repelled the army.", speaker="Fano fighters", stance=Stance.ASSERT)
    assert [i.place_names for i in incidents(article([listed, speaks]))] == [("Tulu Bolo",)]


# "The attack" --------------------------------------------------------------------------------------------------

MAIN = [
    event(0, "A car bomb exploded at an army base in Carrow on Monday.", ("Carrow",)),
    event(1, "Gunmen then stormed the Carrow base.", ("Carrow",)),
    event(2, "A day earlier a roadside bomb hit a patrol in Dunmere.", ("Dunmere",)),
]


@pytest.mark.parametrize(("sentence", "speaker"), [
    ("Al-Shabaab claimed responsibility for the attack in a statement.", "Al-Shabaab"),
    ("JNIM said the twin bombings were revenge for the army's raids.", "JNIM"),
    ("The ministry said the complex attack had been planned for weeks.", "the ministry"),
])
def test_incidents_a_statement_on_the_attack_naming_no_place_is_about_the_articles_main_attack(sentence, speaker):
    found = incidents(article([*MAIN, event(5, sentence, speaker=speaker, stance=Stance.ASSERT)]))
    carrow = next(i for i in found if "Carrow" in i.place_names)
    dunmere = next(i for i in found if "Dunmere" in i.place_names)
    assert [c.speaker for c in carrow.claims] == [speaker]
    assert dunmere.claims == ()


def test_incidents_a_statement_on_no_attack_already_told_stays_unplaced():
    sentence = "The rebels said they had seized two army posts."
    found = incidents(article([*MAIN, event(5, sentence, speaker="the rebels", stance=Stance.ASSERT)]))
    assert all(i.claims == () for i in found)


# Owned and accused: confirmed ------------------------------------------------------------------------------------

ACCUSED = event(0, "The governor said militants had bombed the market in Harlow Point.", ("Harlow Point",),
                speaker="the governor", stance=Stance.ACCUSE, actor="militants")


@pytest.mark.parametrize(("owning", "speaker"), [
    ("Al-Shabaab claimed responsibility for the bombing in Harlow Point.", "Al-Shabaab"),
    ("The Houthis took responsibility for the attack on Harlow Point.", "The Houthis"),
    ("ISWAP has accepted responsibility for the blast in Harlow Point.", "ISWAP"),
])
def test_status_a_party_owning_an_attack_another_accuses_someone_of_confirms_it(owning, speaker):
    owns = event(1, owning, ("Harlow Point",), speaker=speaker, stance=Stance.ASSERT)
    (incident,) = incidents(article([ACCUSED, owns]))
    assert incident.status is IncidentStatus.CONFIRMED_BY_BOTH


@pytest.mark.parametrize(("sentence", "speaker"), [
    ("No group has yet claimed responsibility for the bombing in Harlow Point, the governor said.", "the governor"),
    ("The rebels did not claim responsibility for the blast in Harlow Point.", "The rebels"),
    ("Residents said the bombing in Harlow Point destroyed thirty stalls.", "Residents"),
])
def test_status_no_ownership_leaves_one_partys_accusation_single_party(sentence, speaker):
    other = event(1, sentence, ("Harlow Point",), speaker=speaker, stance=Stance.ASSERT)
    (incident,) = incidents(article([ACCUSED, other]))
    assert incident.status is IncidentStatus.ONE_PARTY


def test_status_a_party_owning_an_act_it_alone_reports_is_single_party():
    owns = event(0, "Al-Shabaab claimed responsibility for the bombing in Harlow Point.", ("Harlow Point",),
                 speaker="Al-Shabaab", stance=Stance.ASSERT)
    (incident,) = incidents(article([owns]))
    assert incident.status is IncidentStatus.ONE_PARTY


# Lists of towns and the names of an incident's place -------------------------------------------------------------

@pytest.mark.parametrize(("sentence", "towns"), [
    ("Nine blasts hit Carrow city and the province's towns of Dunmere and Harlow Point.",
     ("Carrow", "Dunmere", "Harlow Point")),
    ("Drones struck Carrow and the vital market town of Dunmere overnight.", ("Carrow", "Dunmere")),
    ("Shells fell on Dunmere town or the two border villages of Harlow Point, officials said.", ("Dunmere", "Harlow Point")),
])
def test_incidents_each_town_of_a_list_with_words_between_is_one_incident(sentence, towns):
    found = incidents(article([event(0, sentence, towns)]))
    assert sorted(i.place_names for i in found) == sorted((t,) for t in towns)


def test_incidents_a_town_named_after_a_comma_is_still_context():
    found = incidents(article([event(0, "Shells hit Dunmere, the largest town of Carrow district.", ("Dunmere", "Carrow"))]))
    assert [i.place.name for i in found] == ["Dunmere"]


@pytest.mark.parametrize(("sentence", "places", "names"), [
    ("Shells hit Dunmere, 15 km from Carrow, on Monday.", ("Dunmere", "Carrow"), ("Dunmere",)),
    ("A drone struck Harlow Point, south of Carrow.", ("Harlow Point", "Carrow"), ("Harlow Point",)),
    ("A car bomb exploded on Kabaro Street in Carrow.", ("Kabaro Street", "Carrow"), ("Kabaro Street", "Carrow")),
])
def test_incidents_place_names_leave_out_the_towns_given_as_context(sentence, places, names):
    (incident,) = incidents(article([event(0, sentence, places)]))
    assert incident.place_names == names


# A named armed group is a side of its own ------------------------------------------------------------------------

@pytest.mark.parametrize(("accusation", "accuser", "assertion", "asserter"), [
    ("The Sudanese army said RSF fighters shelled the market in Harlow Point.", "the Sudanese army",
     "The RSF said its forces had struck army positions in Harlow Point.", "The RSF"),
    ("Congolese army officers said M23 rebels attacked Harlow Point.", "Congolese army officers",
     "M23 said it had taken Harlow Point after heavy fighting.", "M23"),
    ("Saudi officials said Houthi drones hit an oil depot in Harlow Point.", "Saudi officials",
     "The Houthis said their drones had struck the depot in Harlow Point.", "The Houthis"),
])
def test_status_a_state_and_a_named_armed_group_both_telling_it_confirm_it(accusation, accuser, assertion, asserter):
    accused = event(0, accusation, ("Harlow Point",), speaker=accuser, stance=Stance.ACCUSE)
    asserted = event(1, assertion, ("Harlow Point",), speaker=asserter, stance=Stance.ASSERT)
    (incident,) = incidents(article([accused, asserted]))
    assert incident.status is IncidentStatus.CONFIRMED_BY_BOTH


@pytest.mark.parametrize(("first", "second"), [
    ("RSF fighters", "the Rapid Support Forces"),  # one group, written two ways
    ("the rebels", "a rebel commander"),  # no named group: its side is unknown, not its own
])
def test_status_one_group_or_unnamed_rebels_telling_it_twice_stay_single_party(first, second):
    one = event(0, f"{first} said they had shelled Harlow Point.", ("Harlow Point",), speaker=first, stance=Stance.ASSERT)
    two = event(1, f"{second} said Harlow Point was hit at dawn.", ("Harlow Point",), speaker=second, stance=Stance.ASSERT)
    (incident,) = incidents(article([one, two]))
    assert incident.status is IncidentStatus.ONE_PARTY


# An undated statement after a dated attack ------------------------------------------------------------------------

@pytest.mark.parametrize(("gap", "town", "incidents_made"), [
    (1, "Carrow", 1),  # the next sentence, same town: that attack
    (2, "Carrow", 1),
    (4, "Carrow", 2),  # further on: the article's day, another attack
    (1, "Dunmere", 2),  # another town: another attack
])
def test_incidents_an_undated_statement_takes_the_date_of_the_attack_just_before_at_its_place(gap, town, incidents_made):
    dated = event(0, "Shells hit the market in Carrow on March 1, killing four.", ("Carrow",))
    said = event(gap, f"The governor said {town} had been shelled from the hills.", (town,), speaker="the governor",
                 stance=Stance.ACCUSE)
    found = incidents(article([dated, said]))
    assert len(found) == incidents_made
    assert dt.date(2024, 3, 1) in {i.date for i in found}


@pytest.mark.parametrize(("first", "second"), [
    ("Thailand's army", "Cambodia's defence ministry"),
    ("Ukraine's general staff", "Russia's defence ministry"),
    ("Ethiopia's government", "Eritrea's information minister"),
])
def test_status_two_states_named_by_their_names_telling_one_attack_confirm_it(first, second):
    one = event(0, f"{first} said its artillery had hit Harlow Point.", ("Harlow Point",), speaker=first, stance=Stance.ASSERT)
    two = event(1, f"{second} said Harlow Point was shelled overnight.", ("Harlow Point",), speaker=second,
                stance=Stance.ACCUSE)
    (incident,) = incidents(article([one, two]))
    assert incident.status is IncidentStatus.CONFIRMED_BY_BOTH


# A province the gazetteer does not know, beside the one town of its attack ------------------------------------------

@pytest.mark.parametrize(("lead", "region"), [
    ("On Sunday a suicide attack in the remote western province of Zarghun left eight policemen dead.", "Zarghun"),
    ("Militants stormed a base in central Wadi Amal governorate on Sunday.", "Wadi Amal"),
    ("Drones hit targets across Sumy oblast overnight, officials said.", "Sumy"),
])
def test_incidents_an_unknown_province_beside_one_town_is_that_towns_incident(lead, region):
    found = incidents(article([event(0, lead, (region,)),
                               event(1, "The attack targeted the governor's convoy in Carrow.", ("Carrow",))]))
    (incident,) = found
    assert incident.place.name == "Carrow" and region in incident.place_names


def test_incidents_an_unknown_province_beside_two_towns_stays_its_own():
    lead = "Bombings across the province of Zarghun killed 20 people on Sunday."
    found = incidents(article([event(0, lead, ("Zarghun",)),
                               event(1, "One car bomb hit Carrow.", ("Carrow",)),
                               event(2, "Another struck a market in Dunmere.", ("Dunmere",))]))
    assert sorted(i.place_names for i in found) == [("Carrow",), ("Dunmere",), ("Zarghun",)]


def test_incidents_an_unknown_name_not_written_as_a_province_stays_its_own():
    found = incidents(article([event(0, "Gunmen attacked the village of Zarghun on Sunday.", ("Zarghun",)),
                               event(1, "A day later a bomb hit a market in Carrow.", ("Carrow",))]))
    assert sorted(i.place_names for i in found) == [("Carrow",), ("Zarghun",)]


def test_incidents_an_unknown_province_the_other_side_names_stays_its_own():
    town = event(0, "Thailand's army said Cambodian troops fired rockets at a hospital in Carrow.", ("Carrow",),
                 speaker="Thailand's army", stance=Stance.ACCUSE, actor="Cambodian troops")
    region = event(1, "Cambodia's defence ministry said Thai jets had bombed a road in Zarghun province.", ("Zarghun",),
                   speaker="Cambodia's defence ministry", stance=Stance.ACCUSE, actor="Thai jets")
    assert sorted(i.place_names for i in incidents(article([town, region]))) == [("Carrow",), ("Zarghun",)]


@pytest.mark.parametrize("sentence", [
    "A reporter in Carrow heard heavy shelling through the night.",
    "From a hotel roof in Dunmere, correspondents watched flashes on the horizon.",
])
def test_incidents_a_narrated_attack_naming_only_where_the_reporter_stood_is_not_placed_there(sentence):
    place = "Carrow" if "Carrow" in sentence else "Dunmere"
    assert incidents(article([event(0, sentence)], {0: [place]})) == ()


@pytest.mark.parametrize(("accusation", "answer"), [
    ("Hamas accused Israel on March 1 of firing on civilians in Carrow.",
     "The Israeli military said its troops fired at suspects who approached them in Carrow."),
    ("On March 1, Kyiv accused Russia of a strike on a school in Carrow.",
     "Russia's defence ministry said it had hit an ammunition depot in Carrow."),
])
def test_incidents_an_undated_account_takes_the_date_an_accusation_just_before_states_for_its_place(accusation, answer):
    accused = dataclasses.replace(event(0, accusation, ("Carrow",), speaker="accuser", stance=Stance.ACCUSE),
                                  plover="ACCUSE", label="ATTRIB")
    told = event(1, answer, ("Carrow",), speaker="military", stance=Stance.ASSERT)
    (incident,) = incidents(article([accused, told]))
    assert incident.date == dt.date(2024, 3, 1)


@pytest.mark.parametrize(("accuser", "accused", "third"), [
    ("Ukraine's governor", "Russian forces", "France's foreign ministry"),
    ("Sudan's army", "Chadian troops", "Kenya's government"),
])
def test_status_a_third_state_commenting_does_not_confirm_what_the_accused_side_has_not_said(accuser, accused, third):
    one = event(0, f"{accuser} said {accused} shelled Harlow Point.", ("Harlow Point",), speaker=accuser,
                stance=Stance.ACCUSE, actor=accused)
    two = event(1, f"{third} condemned the shelling of Harlow Point.", ("Harlow Point",), speaker=third, stance=Stance.ASSERT)
    (incident,) = incidents(article([one, two]))
    assert incident.status is IncidentStatus.ONE_PARTY


def test_status_the_accused_side_telling_it_too_confirms_it():
    one = event(0, "Ukraine's governor said Russian forces shelled Harlow Point.", ("Harlow Point",),
                speaker="Ukraine's governor", stance=Stance.ACCUSE, actor="Russian forces")
    two = event(1, "Russia's defence ministry said it had struck an arms depot in Harlow Point.", ("Harlow Point",),
                speaker="Russia's defence ministry", stance=Stance.ASSERT)
    (incident,) = incidents(article([one, two]))
    assert incident.status is IncidentStatus.CONFIRMED_BY_BOTH
