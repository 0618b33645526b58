"""Every rule id an extractor emits is declared in its module's RULES, and every declared rule can
still fire (issue 20): one sentence set per extractor that between them exercise all its rules.

The claim and event rules have their own, larger set (test_claim_rules.py); the figure rules are
checked hit by hit (test_figures.py). The sentences are written for this test.
"""

from __future__ import annotations

import datetime as dt

import pytest

from wirewatch.extract import agreements, places
from wirewatch.model import Article

pytestmark = pytest.mark.model

CASES = {
    "agreements": (agreements.RULES, (
        "Ethiopia and Eritrea signed a humanitarian truce on Thursday.",
        "Both armies agreed to stop shelling the border villages.",
        "Tehran will give Damascus every possible assistance.",
        "Armenia asked Russia for military assistance.",
        "Germany allocated three air defence systems to Ukraine.",
        "The rebels said they would abide by the terms agreed in Doha.",
        "The deal includes a complete halt to fighting along the border.",
        "Thailand and Cambodia agreed to a truce on Monday. The prime minister confirmed the agreement.",
    )),
    "places": (places.RULES, (
        "Shelling hit the town of Gubadli overnight.",
        "Rockets struck Stepanakert before dawn.",
        "A bomb exploded on Oxford Street, wounding six.",
        "A mine exploded in Zarkhan district, killing two soldiers.",
    )),
}


@pytest.mark.parametrize("kind", sorted(CASES))
def test_rules_emitted_are_declared_and_every_rule_fires(extractor, kind):
    declared, sentences = CASES[kind]
    emitted = {item.provenance.rule for text in sentences
               for item in getattr(extractor.extract(Article.from_text(
                   text, "test", id="test-article", published=dt.date(2020, 10, 21))), kind)}
    assert emitted <= set(declared), emitted - set(declared)
    assert emitted == set(declared), set(declared) - emitted
