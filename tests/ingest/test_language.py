"""ingest/language.py and the ingest stage: an article in another language is skipped at ingest with the
language named; English, short texts and lists of names are let through."""

from __future__ import annotations

import pytest

from wirewatch.ingest.language import foreign_language

# Test sentences written for these tests, on several conflicts, in several languages.
RUSSIAN = ("Вооружённые силы сообщили в понедельник, что артиллерийский обстрел пограничного села продолжался всю "
           "ночь. По словам местных властей, пострадали несколько жилых домов, а жителей эвакуировали в соседний район. "
           "Противоположная сторона отрицает свою причастность и обвиняет военных в провокации.")
FRENCH = ("Les autorités locales ont indiqué mardi que des tirs d'artillerie avaient visé un marché dans le nord du pays. "
          "Selon un porte-parole de l'armée, les rebelles ont rejeté toute responsabilité et accusé le gouvernement de "
          "mentir sur le nombre de victimes civiles de l'attaque.")
SPANISH = ("El ejército informó el miércoles de combates intensos en la frontera, mientras que el grupo armado negó "
           "haber atacado el puesto de control. Las autoridades locales dijeron que al menos doce civiles murieron y "
           "que cientos de familias huyeron hacia la capital de la provincia.")
ENGLISH = ("Shelling hit a market in the border town on Tuesday, local officials said, killing at least four civilians. "
           "The rebel command denied firing on the town and accused government troops of staging the attack to "
           "derail talks on a ceasefire that mediators had hoped to sign this week.")


@pytest.mark.parametrize("text, language", [(RUSSIAN, "ru"), (FRENCH, "fr"), (SPANISH, "es")])
def test_a_text_in_another_language_is_named(text, language):
    assert foreign_language(text) == language


@pytest.mark.parametrize("text", [ENGLISH, "Донецк", "Les Cayes, Jérémie, Port-Salut", ENGLISH + " Москва, Киев."])
def test_english_and_short_texts_pass(text):
    assert foreign_language(text) is None


def test_ingest_skips_a_foreign_article_and_goes_on(tmp_path, env):
    import wirewatch

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "ru.txt").write_text("Обстрел села\n\n" + RUSSIAN, encoding="utf-8")
    (folder / "en.txt").write_text("Market shelled\n\n" + ENGLISH, encoding="utf-8")
    with wirewatch.open(tmp_path / "w.db") as handle:
        report = handle.ingest([folder])
    assert [s.reason for s in report.skipped] == ["not English (detected: ru)"]
    assert list(report.stored) == ["en"]
