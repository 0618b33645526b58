"""Rule identity and word lists of the claims layer (issue 20).

Every rule id a claim or event carries is declared in its module's RULES, and every entry of the
verb lexicons the claims prefilter is built from can fire: the sentence passes the prefilter and
gives the claim the verb stands for. The sentences are written for this test, about invented
states (Velmar, Ostrava) and real ones.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from wirewatch.extract import claims, events
from wirewatch.extract.words import mapping, words
from wirewatch.ingest import read_inputs
from wirewatch.clean import clean
from wirewatch.model import Article, Skipped, Stance
from wirewatch.settings import Settings
from wirewatch.version import pipeline_version

pytestmark = pytest.mark.model

DEMO = Path(__file__).resolve().parents[2] / "examples" / "demo"
SENTENCES = """\
Velmar accused Ostrava of shelling a hospital in the border town of Kessel.
Ostrava has been accused by Velmar of bombing the dam.
The Ostravan defence ministry denied the report.
The charge was dismissed as a fabrication by the Ostravan navy.
Armenia's defence ministry said Azerbaijani forces had shelled Martuni overnight.
"Azerbaijani drones also struck a bus depot in Stepanakert."
According to the Armenian defence ministry, Azerbaijani drones struck a bus depot in Stepanakert.
Velmari officials said the grain depot in Dresna had come under fire.
Ostrava's interior minister pointed to alleged raids on the port of Kessel.
The army condemned the rebels for shelling villages near Goma.
Officials called 'baseless' the reports that soldiers had crossed the border.
The president called the explosion at the station an attack.
The ministry rejected accusations from Kyiv that its troops had shelled the plant.
The Lerato Brigade took responsibility for the ambush on the convoy.
Russia's defence ministry claimed to have shot down 20 Ukrainian drones overnight.
Velmar held the Ostravan navy responsible for the sinking of the ferry.
"""


def _article(text: str, name: str) -> Article:
    return Article.from_text(text, "test", id=name)


def _demo_articles() -> list[Article]:
    settings = Settings()
    out = []
    for raw in read_inputs([DEMO], settings.max_bytes):
        if not isinstance(raw, Skipped):
            out.append(clean(raw, pipeline_version(), min_chars=settings.min_text_chars))
    return out


@pytest.fixture(scope="module")
def extractions(extractor):
    articles = [_article(SENTENCES, "rules"), *_demo_articles()]
    return [extractor.extract(article) for article in articles]


def test_every_claim_rule_emitted_is_declared(extractions):
    emitted = {c.provenance.rule for e in extractions for c in e.claims}
    assert emitted, "no claims at all"
    assert emitted <= set(claims.RULES), emitted - set(claims.RULES)


def test_the_claim_rules_of_the_rule_sentences_are_all_seen(extractions):
    # each base rule has a sentence above; a rule that no longer fires there fails here
    emitted = {c.provenance.rule.removesuffix(claims.INFERRED) for c in extractions[0].claims}
    assert emitted == {r for r in claims.RULES if not r.endswith(claims.INFERRED)}


def test_every_event_rule_emitted_is_declared(extractions):
    emitted = {e.provenance.rule for x in extractions for e in x.events}
    assert emitted, "no events at all"
    assert emitted <= set(events.RULES), emitted - set(events.RULES)


# --- every lexicon entry can fire ------------------------------------------------------------


def _past(lemma: str) -> str:
    irregular: dict[str, str] = {}
    for form, base in mapping("irregular_verbs").items():
        irregular.setdefault(base, form)  # the past tense is listed first
    if lemma in irregular:
        return irregular[lemma]
    if lemma.endswith("e"):
        return lemma + "d"
    if lemma.endswith("y") and lemma[-2] not in "aeiou":
        return lemma[:-1] + "ied"
    return lemma + "ed"


def _stances(extractor, text: str) -> list[Stance]:
    return [c.stance for c in extractor.extract(_article(text, "entry")).claims]


@pytest.mark.parametrize("lemma", sorted(claims._cue_lemmas()))
def test_every_cue_verb_passes_the_prefilter_in_every_form(lemma):
    past = _past(lemma)
    for form in (lemma, past, lemma + "s", lemma.removesuffix("e") + "ing"):
        assert claims.wants(f"The ministry {form} it."), form


@pytest.mark.parametrize("lemma", sorted(words("deny_verbs")))
def test_every_deny_verb_denies(extractor, lemma):
    assert _stances(extractor, f"The Ostravan ministry {_past(lemma)} the report on Monday.") == [Stance.DENY]


@pytest.mark.parametrize("lemma", sorted(words("accuse_verbs") | words("condemn_verbs")))
def test_every_accuse_and_condemn_verb_accuses(extractor, lemma):
    found = {tuple(_stances(extractor, f"Velmar {_past(lemma)} Ostrava {prep} shelling the port of Dresna."))
             for prep in ("of", "for", "with")}
    assert (Stance.ACCUSE,) in found, found


@pytest.mark.parametrize("lemma", sorted(words("claim_verbs")))
def test_every_claim_verb_reports_a_claim(extractor, lemma):
    listener = " reporters" if lemma == "tell" else ""
    text = f"Velmar's defence ministry {_past(lemma)}{listener} that Ostravan troops had shelled the port of Dresna."
    assert _stances(extractor, text) == [Stance.ACCUSE]


@pytest.mark.parametrize("lemma", sorted(words("calling_verbs")))
def test_every_calling_verb_denies_with_a_falsity_word(extractor, lemma):
    assert _stances(extractor, f"The government {_past(lemma)} the allegations as baseless.") == [Stance.DENY]


@pytest.mark.parametrize("lemma", sorted(words("responsibility_verbs")))
def test_every_responsibility_verb_asserts(extractor, lemma):
    assert _stances(extractor, f"The militia {_past(lemma)} responsibility for the attack.") == [Stance.ASSERT]


@pytest.mark.parametrize("lemma", sorted(words("own_act_verbs")))
def test_every_own_act_verb_asserts(extractor, lemma):
    assert _stances(extractor, f"The army {_past(lemma)} to have destroyed two rocket launchers.") == [Stance.ASSERT]
