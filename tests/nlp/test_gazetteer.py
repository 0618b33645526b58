"""nlp/gazetteer.py: name keys, and lookups of the index built from GeoNames plus the alias table."""

from __future__ import annotations

import pytest

from wirewatch.extract.places import resolve
from wirewatch.nlp.gazetteer import Gazetteer, name_key


# --- name_key ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name,key",
    [
        ("Stepanakert", "stepanakert"),
        ("Nagorno-Karabakh", "nagorno karabakh"),
        ("Ağdam", "agdam"),
        ("Xankəndi", "xankandi"),
        ("Bərdə", "barda"),
        ("Şuşa", "susa"),
        ("Gäncä", "ganca"),
        ("Ma'arrat al-Numan", "maarrat al numan"),
        ("Kyiv’s", "kyivs"),
        ("St. Petersburg", "st petersburg"),
        ("  Tel   Aviv ", "tel aviv"),
        ("KHANKENDI", "khankendi"),
        ("Nagorno–Karabakh", "nagorno karabakh"),
    ],
)
def test_gazetteer_name_key(name, key):
    assert name_key(name) == key


def test_gazetteer_name_key_is_idempotent():
    for name in ("Nagorno-Karabakh", "Ağcabədi", "Şuşa", "Ma'arrat"):
        assert name_key(name_key(name)) == name_key(name)


# --- lookups -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "variants,canonical",
    [
        (("Shushi", "Shusha"), "Shusha"),
        (("Tartar", "Terter"), "Tartar"),
        (("Agdam", "Aghdam", "Ağdam"), "Aghdam"),
        (("Stepanakert", "Khankendi", "Xankəndi", "Xankendi"), "Stepanakert"),
        (("Karabakh", "Nagorno-Karabakh", "Nagorno Karabakh", "Artsakh"), "Nagorno-Karabakh"),
    ],
)
def test_gazetteer_spelling_variants_find_one_place(gazetteer, variants, canonical):
    firsts = {gazetteer.lookup(name)[0] for name in variants}
    assert len(firsts) == 1
    [entry] = firsts
    assert entry.name == canonical
    assert entry.country == "AZ"


@pytest.mark.parametrize("name", ["Susa", "Şuşa"])
def test_gazetteer_susa_includes_shusha_and_resolves_to_it_in_azerbaijan(gazetteer, name):
    entries = gazetteer.lookup(name)
    shusha = gazetteer.lookup("Shusha")[0]
    assert shusha in entries
    assert len(entries) > 1  # other towns are called Susa (Italy) or Sousse (Tunisia)
    assert resolve(name, entries, {"AZ"}, []) == shusha


@pytest.mark.parametrize(
    "variants,canonical,feature",
    [
        (("Hadrut", "Hadrud"), "Hadrut", "PPL"),
        (("Aghjabedi", "Agjabedi", "Agcabadi", "Ağcabədi"), "Aghjabadi", "PPLA"),
        (("Gubadli", "Qubadli", "Kubatly", "Gubadly"), "Gubadli", "PPLA"),
        (("Aghjabedi", "Aghjabadi"), "Aghjabadi", "PPLA"),
    ],
)
def test_gazetteer_alias_table_variants_resolve_to_one_place(gazetteer, variants, canonical, feature):
    resolved = set()
    for name in variants:
        entries = gazetteer.lookup(name)
        assert entries, name
        resolved.add(resolve(name, entries, {"AZ"}, []))
    assert len(resolved) == 1, [(e.id, e.name) for e in resolved]
    [entry] = resolved
    assert (entry.name, entry.country, entry.feature) == (canonical, "AZ", feature)
    assert 38.5 < entry.lat < 41 and 45.5 < entry.lon < 48


def test_gazetteer_alias_entries_use_own_id_range(gazetteer):
    assert gazetteer.lookup("Hadrut")[0].id >= 90_000_000
    assert gazetteer.lookup("Nagorno-Karabakh")[0].id >= 90_000_000
    assert gazetteer.lookup("Karabakh")[0].feature == "RGN"


def test_gazetteer_lookup_orders_by_population(gazetteer):
    entries = gazetteer.lookup("Barda")
    assert [e.country for e in entries[:2]] == ["AZ", "RU"]
    populations = [e.population for e in entries]
    assert populations == sorted(populations, reverse=True)


def test_gazetteer_countries_and_capitals(gazetteer):
    country = gazetteer.lookup("Azerbaijan")[0]
    assert (country.feature, country.country) == ("PCLI", "AZ")
    baku = gazetteer.lookup("Baku")[0]
    assert (baku.feature, baku.country) == ("PPLC", "AZ")
    yerevan = gazetteer.lookup("Yerevan")[0]
    assert (yerevan.feature, yerevan.country) == ("PPLC", "AM")
    assert gazetteer.lookup("Gyumri")[0].feature == "PPL"


def test_gazetteer_lookup_is_case_and_diacritic_insensitive(gazetteer):
    assert gazetteer.lookup("GYUMRI") == gazetteer.lookup("gyumri") == gazetteer.lookup("Gyumri")
    assert gazetteer.lookup("Gəncə")[0].name == gazetteer.lookup("Ganja")[0].name


def test_gazetteer_unknown_name(gazetteer):
    assert gazetteer.lookup("Xyzzyvillegrad") == ()
    assert "Xyzzyvillegrad" not in gazetteer
    assert "Stepanakert" in gazetteer


def test_gazetteer_index_reopens_without_rebuilding(gazetteer):
    mtime = gazetteer.path.stat().st_mtime_ns
    again = Gazetteer(gazetteer.path)
    assert again.lookup("Terter") == gazetteer.lookup("Terter")
    assert again.lookup("Terter")[0] == gazetteer.lookup("Tartar")[0]
    assert gazetteer.path.stat().st_mtime_ns == mtime


# --- administrative divisions under the names news gives them ---------------------------------


@pytest.mark.parametrize(
    "name,country",
    [
        ("Kherson Oblast", "UA"),
        ("Donetsk Oblast", "UA"),
        ("Idlib Governorate", "SY"),
        ("Kirkuk province", "IQ"),
        ("Diyala Governorate", "IQ"),
        ("South Kordofan", "SD"),
        ("Southern Kordofan", "SD"),
        ("North Kivu", "CD"),
        ("Helmand province", "AF"),
    ],
)
def test_gazetteer_division_with_its_kind_word_finds_the_region(gazetteer, name, country):
    regions = [e for e in gazetteer.lookup(name) if e.feature in ("ADM1", "ADM2")]
    assert regions, name
    assert regions[0].country == country


def test_gazetteer_division_names_keep_a_one_word_bare_name_only_when_a_place_has_it():
    from wirewatch.nlp.gazetteer import division_names

    assert "kirkuk" in division_names("Muhafazat Kirkuk", lambda key: key == "kirkuk")
    assert "kirkuk province" in division_names("Muhafazat Kirkuk", lambda key: False)
    assert "orange" not in division_names("Orange County", lambda key: False)
    assert "salah ad din" in division_names("Salah ad Din Governorate", lambda key: False)
    assert "north" not in division_names("Northern District", lambda key: True)
    assert "north kivu" in division_names("Nord Kivu", lambda key: False)


def test_gazetteer_index_sql_lives_in_the_store():
    """Only store/ speaks SQL: the gazetteer reads its index through store.place_index."""
    import inspect

    import wirewatch.nlp.gazetteer as module

    source = inspect.getsource(module)
    assert "sqlite3" not in source and "SELECT" not in source
