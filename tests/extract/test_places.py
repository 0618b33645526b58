"""extract/places.py: event places, told apart from governments, countries and modifiers, and resolved.

Every sentence here is invented for the test.
"""

from __future__ import annotations

import datetime as dt

import pytest

from wirewatch.extract.pipeline import Extractor
from wirewatch.extract.places import RULES, find_places, find_toponyms
from wirewatch.model import Article, GeoPrecision
from wirewatch.nlp.annotate import parse_wanted

pytestmark = pytest.mark.model


def make_article(text: str) -> Article:
    return Article.from_text(text, "test", id="test-article", published=dt.date(2020, 10, 21))


def places_of(extractor: Extractor, text: str):
    return extractor.extract(make_article(text)).places


def names(extractor: Extractor, text: str) -> list[str]:
    return [p.name for p in places_of(extractor, text)]


# --- event places are found and resolved ---------------------------------------------------------


@pytest.mark.parametrize(
    "text,name,canonical,country,lat,lon",
    [
        ("Shelling hit the town of Gubadli overnight.", "Gubadli", "Gubadli", "AZ", 39.34, 46.58),
        ("Foreign ministers met for talks in Geneva on Friday.", "Geneva", "Geneva", "CH", 46.20, 6.15),
        ("Rockets struck Stepanakert before dawn.", "Stepanakert", "Stepanakert", "AZ", 39.82, 46.75),
        ("Drones attacked positions near Terter on Monday.", "Terter", "Tartar", "AZ", 40.34, 46.93),
    ],
)
def test_places_event_place_found_and_resolved(extractor, text, name, canonical, country, lat, lon):
    [mention] = places_of(extractor, text)
    assert mention.name == name
    place = mention.place
    assert place is not None
    assert (place.name, place.country) == (canonical, country)
    assert place.geonameid > 0
    assert place.lat == pytest.approx(lat, abs=0.05) and place.lon == pytest.approx(lon, abs=0.05)
    assert place.precision is GeoPrecision.CITY
    assert mention.sentence == text


def test_places_provenance_points_at_the_name(extractor):
    text = "Talks stalled. Shelling hit the town of Gubadli overnight, and a rocket fell in Aghjabedi."
    mentions = places_of(extractor, text)
    assert [m.name for m in mentions] == ["Gubadli", "Aghjabedi"]
    for mention in mentions:
        assert text[mention.provenance.start:mention.provenance.end] == mention.name
        assert mention.provenance.sentence_index == 1
        assert mention.provenance.rule in RULES
        assert mention.provenance.article_id == "test-article"


def test_places_region_has_region_precision(extractor):
    [mention] = places_of(extractor, "Heavy fighting was reported in Nagorno-Karabakh on Sunday.")
    assert mention.place.name == "Nagorno-Karabakh"
    assert mention.place.precision is GeoPrecision.REGION


def test_places_unknown_locative_place_is_listed_unresolved(extractor):
    [mention] = places_of(extractor, "A missile killed 8 people in Varenka on Monday, the ministry said.")
    assert mention.name == "Varenka"
    assert mention.place is None


# --- a capital standing for its government is no place ------------------------------------------


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Baku denied that its forces had shelled Martakert.", ["Martakert"]),
        ("Armenia asked for Moscow's help after the attack on Goris.", ["Goris"]),
        ("The ministry in Yerevan said the attack on Kapan was repelled.", ["Kapan"]),
        ("Russia sent humanitarian assistance to Yerevan after the shelling of Berdzor.", ["Berdzor"]),
    ],
)
def test_places_capital_for_government_is_not_a_place(extractor, text, expected):
    assert names(extractor, text) == expected


def test_places_capital_as_a_place_is_listed(extractor):
    mentions = places_of(extractor, "Explosions were heard in Baku and in Ganja on Sunday.")
    assert [(m.name, m.place.country) for m in mentions] == [("Baku", "AZ"), ("Ganja", "AZ")]


def test_places_toponym_for_government_is_marked_not_literal(nlp):
    hits = find_toponyms(nlp("Baku denied that its forces had shelled Martakert."))
    assert [(h.span.text, h.literal) for h in hits] == [("Baku", False), ("Martakert", True)]


# --- countries, events, modifiers, people --------------------------------------------------------


def test_places_countries_are_not_event_places(extractor):
    assert names(extractor, "Fighting continued in Azerbaijan and Armenia on Monday.") == []
    assert names(extractor, "Shelling hit Tartar in Azerbaijan on Monday.") == ["Tartar"]


def test_places_place_in_sentence_without_event_is_not_listed(extractor):
    assert names(extractor, "Russia keeps a base in the city of Gyumri.") == []
    assert names(extractor, "Russia keeps a base in the city of Gyumri. Shelling hit Tartar overnight.") == ["Tartar"]


def test_places_same_place_with_an_event_is_listed(extractor):
    assert names(extractor, "Shelling hit a base in the city of Gyumri.") == ["Gyumri"]


def test_places_person_named_like_a_village_is_not_a_place(extractor):
    text = "The attack on Martakert was confirmed by spokesperson Shushan Stepanian."
    assert names(extractor, text) == ["Martakert"]


def test_places_modifiers_and_regions_of_the_world_are_not_places(extractor):
    text = "Troops clashed near Hadrut, the worst fighting between the Caucasus rivals since the Soviet Union collapsed."
    assert names(extractor, text) == ["Hadrut"]


def test_places_sentence_initial_common_word_is_not_a_place(extractor):
    assert names(extractor, "Artillery shelling hit the town of Gubadli on Sunday.") == ["Gubadli"]


# --- one place per article ------------------------------------------------------------------------


def test_places_spelling_variant_and_parenthetical_alias_give_one_place(extractor):
    mentions = places_of(extractor, "Shelling continued in Shushi (known as Susa in Azeri) and in Shusha overnight.")
    assert len(mentions) == 1
    assert mentions[0].name == "Shushi"
    assert (mentions[0].place.name, mentions[0].place.country) == ("Shusha", "AZ")


def test_places_spelling_variants_across_sentences_give_one_place(extractor):
    text = "Rockets struck Shushi on Monday. The shelling of Shusha continued on Tuesday. Drones attacked Terter and Tartar."
    mentions = places_of(extractor, text)
    assert [(m.name, m.place.name) for m in mentions] == [("Shushi", "Shusha"), ("Terter", "Tartar")]


def test_places_karabakh_and_nagorno_karabakh_merge(extractor):
    mentions = places_of(extractor, "Fighting in Karabakh intensified as troops clashed across Nagorno-Karabakh.")
    assert len(mentions) == 1
    assert mentions[0].place.name == "Nagorno-Karabakh"


def test_places_stepanakert_and_khankendi_merge(extractor):
    text = "Rockets hit Stepanakert overnight. Azerbaijan said its drones struck targets near Khankendi."
    mentions = places_of(extractor, text)
    assert [m.place.name for m in mentions] == ["Stepanakert"]


# --- resolution uses the article's countries --------------------------------------------------------


@pytest.mark.parametrize(
    "text,country",
    [
        ("Azerbaijani officials said a drone hit Barda.", "AZ"),
        ("A drone hit Barda, a town in Azerbaijan, on Tuesday.", "AZ"),
        ("Russian officials said a drone hit Barda.", "RU"),
    ],
)
def test_places_resolution_prefers_the_article_country(extractor, text, country):
    [mention] = places_of(extractor, text)
    assert mention.name == "Barda"
    assert mention.place.country == country


def test_places_context_country_outweighs_a_more_populous_namesake(extractor):
    text = "Azerbaijan's defence ministry said rockets hit Susa overnight."
    [mention] = places_of(extractor, text)
    assert (mention.place.name, mention.place.country) == ("Shusha", "AZ")


def test_places_country_context_comes_from_other_sentences(extractor):
    text = "Azerbaijani troops advanced on Monday. Overnight, rockets hit Susa."
    assert [m.place.name for m in places_of(extractor, text)] == ["Shusha"]


def test_places_find_places_on_parsed_sentences(nlp):
    text = "Baku denied the report. Shelling hit the town of Gubadli overnight."
    _, parsed = parse_wanted(text, nlp, lambda _: True)
    mentions = find_places(parsed, make_article(text))
    assert [(m.name, m.provenance.sentence_index) for m in mentions] == [("Gubadli", 1)]
