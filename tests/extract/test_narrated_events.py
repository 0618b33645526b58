"""extract/events.py: attacks narrated in the article's own voice, one per clause with its own
place, from attack verbs whatever their subject and from nouns that name one attack.

Every sentence here is invented for the test, about several conflicts (Afghanistan, Nigeria,
Somalia, Iraq, the Sahel, Colombia, the Philippines, Syria, Libya, Ukraine)."""

from __future__ import annotations

import datetime as dt

import pytest

from wirewatch.extract.pipeline import Extractor
from wirewatch.model import Article

PUBLISHED = dt.date(2020, 10, 21)


def narrated(extractor: Extractor, text: str) -> list:
    article = Article.from_text(text, "test", id="test-article", published=PUBLISHED)
    return [e for e in extractor.extract(article).events
            if e.plover == "ASSAULT" and e.provenance.rule == "events.narrated"]


@pytest.mark.parametrize("sentence, places", [
    ("Two car bombs in Kandahar killed six people, while a roadside blast in Herat wounded four.",
     [("Kandahar",), ("Herat",)]),
    ("A suicide bombing in Maiduguri killed 12 worshippers, while a shooting in Kano wounded three.",
     [("Maiduguri",), ("Kano",)]),
    ("An explosion in Mogadishu killed five civilians, and an ambush near Baidoa left two soldiers dead.",
     [("Mogadishu",), ("Baidoa",)]),
    ("Two blasts in Kabul and a rocket attack on Jalalabad left 14 people dead.", [("Kabul",), ("Jalalabad",)]),
], ids=["while-afghanistan", "while-nigeria", "and-somalia", "subjects-afghanistan"])
def test_each_clause_with_its_own_place_is_its_own_attack(extractor, sentence, places):
    events = narrated(extractor, sentence)
    assert sorted(e.places for e in events) == sorted(places), [(e.label, e.places) for e in events]
    assert not any(e.negated or e.hypothetical for e in events)


@pytest.mark.parametrize("sentence, place", [
    ("Three attacks in Mosul and Kirkuk left eleven people dead.", ("Mosul", "Kirkuk")),
    ("An attack on a checkpoint near Gao left five soldiers dead.", ("Gao",)),
    ("The deadliest blast was at a market in Mogadishu, where nine people were killed.", ("Mogadishu",)),
    ("An air strike on a market in Idlib killed eight people.", ("Idlib",)),
], ids=["attacks-left-dead-iraq", "attack-left-dead-sahel", "blast-was-at-somalia", "air-strike-syria"])
def test_a_noun_naming_the_attack_reports_it(extractor, sentence, place):
    events = narrated(extractor, sentence)
    assert [e.places for e in events] == [place], [(e.label, e.places) for e in events]


@pytest.mark.parametrize("sentence, place, label", [
    ("In the town of Baidoa, a car bomb exploded near a hotel, killing four people.", "Baidoa", "REM_EXPLOS"),
    ("The car bomb that exploded outside a police station in Benghazi killed nine officers.", "Benghazi",
     "REM_EXPLOS"),
    ("A man stabbed three people at a bus stop in Kharkiv on Sunday.", "Kharkiv", "ATTACK"),
    ("Rebels ambushed an army convoy near Tumaco, killing seven soldiers.", "Tumaco", "ARMED_CLASH"),
], ids=["bomb-exploded-somalia", "bomb-that-exploded-libya", "stabbed-ukraine", "ambushed-colombia"])
def test_an_attack_verb_needs_no_armed_subject(extractor, sentence, place, label):
    events = narrated(extractor, sentence)
    assert [(e.places, e.label) for e in events] == [((place,), label)]


@pytest.mark.parametrize("sentence", [
    "Security was tightened in Kabul after the attack.",
    "Schools in Mogadishu stayed shut a day after the bombing.",
    "If the attacks on Mogadishu continue, the talks will end.",
    "Unless the raids near Marawi stop, the rebels will leave the talks.",
    "A bombing in Kabul in 2017 killed 90 people.",
    "An ambush near Tumaco in 2015 left eleven soldiers dead.",
    "A reporter in the town of Kramatorsk heard the sound of shelling through the night.",
    "Fighters crossed the river near Tumaco at dawn to attack an army post.",
    "Two militants hid explosives beside a road in Kandahar to target a police patrol.",
], ids=["aftermath-kabul", "aftermath-mogadishu", "if-somalia", "unless-philippines", "history-kabul",
        "history-colombia", "heard-ukraine",
        "purpose-colombia", "purpose-afghanistan"])
def test_no_attack_from_aftermath_condition_or_history(extractor, sentence):
    assert narrated(extractor, sentence) == []


@pytest.mark.parametrize("sentence, place", [
    ("Insurgents set off a truck bomb in Kabul, killing seven.", ("Kabul",)),
    ("Militants detonated explosives at a mosque in Kano, killing 15 worshippers.", ("Kano",)),
    ("Bomb blast in Kabul: seven dead.", ("Kabul",)),
    ("Car bomb attack near Mogadishu port, five killed", ("Mogadishu",)),
], ids=["set-off-killing-afghanistan", "detonated-killing-nigeria", "headline-afghanistan", "headline-somalia"])
def test_the_place_of_the_clause_an_attack_hangs_from(extractor, sentence, place):
    """The place sits beside the attack word, in the clause that governs it, or in a verbless headline."""
    assert [e.places for e in narrated(extractor, sentence)] == [place]


def test_one_place_named_twice_is_one_attack(extractor):
    events = narrated(extractor, "A car bomb in Kirkuk killed four people, wounding nine others in Kirkuk.")
    assert [e.places for e in events] == [("Kirkuk",)]


@pytest.mark.parametrize("sentence, place", [
    ("Air strikes have killed dozens of civilians in Helmand since troops left Kandahar.", ("Helmand",)),
    ("Shelling has killed six people in Donetsk since the rebels took Debaltseve.", ("Donetsk",)),
], ids=["since-afghanistan", "since-ukraine"])
def test_a_place_of_an_earlier_time_is_not_the_attack_s(extractor, sentence, place):
    assert [e.places for e in narrated(extractor, sentence)] == [place]
