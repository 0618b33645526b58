"""The ledger of the seed articles in ../shared/eval/seeds/articles (skipped when ../shared is absent).

Names are the seed article names (001 ... 005).
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from wirewatch.clean import clean
from wirewatch.corpus.ledger import build_ledger
from wirewatch.extract.pipeline import Extractor
from wirewatch.ingest import read_inputs
from wirewatch.model import AgreementKind, IncidentStatus, Skipped, Stance
from wirewatch.nlp.pipeline import load_pipeline
from wirewatch.settings import Settings
from wirewatch.version import pipeline_version

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
SEED_ARTICLES = SHARED / "eval" / "seeds" / "articles"

pytestmark = [
    pytest.mark.model,
    pytest.mark.shared,
    pytest.mark.skipif(not SEED_ARTICLES.is_dir(), reason=f"{SEED_ARTICLES} is absent"),
]


@pytest.fixture(scope="session")
def extractor(gazetteer) -> Extractor:
    return Extractor(load_pipeline(gazetteer))


@pytest.fixture(scope="module")
def seeds(extractor, gazetteer):
    """(ledger, article name by id) for the seed articles, extracted once."""
    settings = Settings()
    extractions = []
    for raw in read_inputs([SEED_ARTICLES], settings.max_bytes):
        assert not isinstance(raw, Skipped), raw.line()
        extractions.append(extractor.extract(clean(raw, pipeline_version(), min_chars=settings.min_text_chars)))
    names = {e.article.id: e.article.name for e in extractions}
    return build_ledger(extractions), names


def norm(text: str) -> str:
    return text.lower().replace("’", "'").replace("defense", "defence")


def is_nk_authorities(speaker: str) -> bool:
    return bool(re.search(r"(nagorno-karabakh authorities|authorities in nagorno-karabakh)", norm(speaker)))


def is_az_defence_ministry(speaker: str) -> bool:
    return bool(re.search(r"azerbaijan'?s defence ministry|azerbaijani defence ministry", norm(speaker)))


def named(names: dict, ids) -> set[str]:
    return {names[i] for i in ids}


def at(ledger, *towns: str) -> list:
    return [i for i in ledger.incidents if i.place is not None and i.place.name in towns]


def stepanakert_market(ledger) -> list:
    return [i for i in at(ledger, "Stepanakert") if i.target == "market"]


def test_seed_ledger_stepanakert_market_shelling_is_one_incident(seeds):
    ledger, names = seeds
    market = stepanakert_market(ledger)
    assert len(market) == 1
    (incident,) = market
    assert {"001", "002", "003", "005"} <= named(names, incident.reports)
    assert incident.date == dt.date(2020, 10, 31)


def test_seed_ledger_stepanakert_market_accused_by_karabakh_denied_by_azerbaijan(seeds):
    ledger, _ = seeds
    (incident,) = stepanakert_market(ledger)
    assert incident.status is IncidentStatus.ACCUSED_AND_DENIED
    accusers = [c for c in incident.claims if c.stance is Stance.ACCUSE]
    deniers = [c for c in incident.claims if c.stance is Stance.DENY]
    assert any(is_nk_authorities(c.speaker) for c in accusers), [c.speaker for c in accusers]
    assert any(is_az_defence_ministry(c.speaker) for c in deniers), [c.speaker for c in deniers]
    assert {c.side for c in accusers} == {"AM"}
    assert {c.side for c in deniers} == {"AZ"}


def test_seed_ledger_no_second_stepanakert_market_incident(seeds):
    """Every report of the market shelling lands in the one incident (none left as a stray incident)."""
    ledger, names = seeds
    (incident,) = stepanakert_market(ledger)
    for other in ledger.incidents:
        if other.id != incident.id:
            strays = [c.sentence for c in other.claims if c.stance is Stance.ACCUSE
                      and re.search(r"\bmarket\b", c.sentence) and "Stepanakert" in c.sentence]
            assert strays == [], (other.id, strays)


def test_seed_ledger_shushi_attacks_are_one_incident(seeds):
    ledger, names = seeds
    # attacks someone is accused of (the separatist leader's word on an advance near Shushi is not one)
    attacks = [i for i in at(ledger, "Shusha", "Shushi") if any(c.stance is Stance.ACCUSE for c in i.claims)]
    assert len(attacks) == 1, [(i.id, i.label, i.place_names) for i in attacks]
    (incident,) = attacks
    assert {"001", "002", "003", "005"} <= named(names, incident.reports)
    assert {"Shushi", "Shusha"} & set(incident.place_names)


def test_seed_ledger_azerbaijani_accusations_name_tartar_agdam_aghjabedi(seeds):
    ledger, _ = seeds
    found = [i for i in ledger.incidents
             if any(c.stance is Stance.ACCUSE and is_az_defence_ministry(c.speaker) for c in i.claims)]
    names = {norm(n) for i in found for n in (*i.place_names, i.place.name if i.place else "")}
    assert {"tartar", "terter"} & names
    assert {"agdam", "aghdam"} & names
    assert "aghjabedi" in names
    for incident in found:
        accused = [c.accused for c in incident.claims if c.stance is Stance.ACCUSE and is_az_defence_ministry(c.speaker)]
        assert all(a and "armenia" in a.lower() for a in accused), accused


SEED_AGREEMENTS = [
    (AgreementKind.CEASEFIRE, dt.date(2020, 10, 10)),  # Moscow humanitarian ceasefire
    (AgreementKind.CEASEFIRE, dt.date(2020, 10, 26)),  # US-brokered truce
    (AgreementKind.PLEDGE, dt.date(2020, 10, 30)),  # Geneva pledge not to target civilians
]


@pytest.mark.parametrize("kind,date", SEED_AGREEMENTS, ids=lambda v: str(getattr(v, "value", v)))
def test_seed_ledger_agreement_record_with_violations(seeds, kind, date):
    ledger, _ = seeds
    records = [r for r in ledger.agreements if r.kind is kind and r.date == date]
    assert len(records) == 1, [(r.kind.value, r.date) for r in ledger.agreements]
    (record,) = records
    assert len(record.violations) >= 1
    for violation in record.violations:
        assert violation.accuser
        assert violation.date is None or violation.date >= record.date


def test_seed_ledger_three_agreements_are_distinct(seeds):
    ledger, _ = seeds
    ids = [r.id for r in ledger.agreements if (r.kind, r.date) in SEED_AGREEMENTS]
    assert len(ids) == len(set(ids)) == 3


def test_seed_ledger_moscow_ceasefire_is_in_moscow(seeds):
    ledger, names = seeds
    (record,) = [r for r in ledger.agreements if r.kind is AgreementKind.CEASEFIRE and r.date == dt.date(2020, 10, 10)]
    assert record.venue == "Moscow"
    assert {"Armenia", "Azerbaijan"} <= set(record.parties)


def test_seed_ledger_geneva_has_no_ceasefire_record(seeds):
    ledger, _ = seeds
    assert not [r for r in ledger.agreements if r.kind is AgreementKind.CEASEFIRE and r.date == dt.date(2020, 10, 30)]
