"""The ledger kept live and the alerts between two ledgers, on the demo corpus (in the repository)."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

import wirewatch
from wirewatch.corpus.changes import AlertFilter, diff_ledgers
from wirewatch.corpus.incremental import LiveLedger
from wirewatch.corpus.ledger import build_ledger

DEMO = Path(__file__).resolve().parents[2] / "examples" / "demo"


@pytest.fixture(scope="module")
def demo(stored_corpus, env):
    with wirewatch.open(stored_corpus("demo", [DEMO])) as handle:
        return list(handle.extractions())


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_live_ledger_in_random_batches_equals_a_full_rebuild(demo, seed):
    rng = random.Random(seed)
    shuffled = demo[:]
    rng.shuffle(shuffled)
    live = LiveLedger()
    while shuffled:
        take = rng.randint(1, 3)
        live.add(shuffled[:take])
        shuffled = shuffled[take:]
    assert live.ledger == build_ledger(demo)
    assert len(live) == len(demo)


def test_ids_do_not_depend_on_the_order_of_articles(demo):
    shuffled = demo[:]
    random.Random(5).shuffle(shuffled)
    assert [i.id for i in build_ledger(shuffled).incidents] == [i.id for i in build_ledger(demo).incidents]


def test_a_first_ledger_announces_every_incident_and_agreement(demo):
    ledger = build_ledger(demo)
    alerts = diff_ledgers(None, ledger)
    assert sorted(a["id"] for a in alerts if a["kind"] == "incident") == sorted(i.id for i in ledger.incidents)
    assert sorted(a["id"] for a in alerts if a["kind"] == "agreement") == sorted(a.id for a in ledger.agreements)
    assert sum(a["kind"] == "figure" for a in alerts) == len(ledger.series)
    assert all(a["provenance"] and a["articles"] for a in alerts)
    assert diff_ledgers(ledger, ledger) == []


def test_each_article_added_is_announced_only_through_what_it_changed(demo):
    """Adding the articles one at a time: each alert cites the article just added, or a record it changed."""
    live = LiveLedger()
    for extraction in demo:
        before = live.ledger
        after = live.add([extraction])
        alerts = diff_ledgers(before, after)
        new_id = extraction.article.id
        for alert in alerts:
            if alert["kind"] in ("incident", "agreement", "violation"):
                assert new_id in alert["articles"] or new_id in _reports_of(after, alert["id"]), alert
        again = diff_ledgers(after, live.add([extraction]))
        assert again == []


def test_a_status_change_is_announced_with_what_it_was(demo):
    ledger = build_ledger(demo)
    changed = [i for i in ledger.incidents if len(i.reports) > 1]
    if not changed:
        pytest.skip("no incident reported by more than one article in the demo corpus")
    incident = changed[0]
    without = build_ledger([e for e in demo if e.article.id != incident.reports[-1]])
    alerts = diff_ledgers(without, ledger)
    was = {i.id: i for i in without.incidents}
    for alert in alerts:
        if alert["kind"] == "status":
            assert alert["previous_status"] != alert["status"]
            assert alert["previous_id"] in was


def test_alert_filters():
    alert = {"kind": "incident", "place": "Kherson", "places": ["Kherson", "Antonivka"],
             "actors": ["Ukrainian army", "Russia"]}
    assert AlertFilter()(alert)
    assert AlertFilter(places=("kherson",))(alert) and AlertFilter(places=("antonivka",))(alert)
    assert not AlertFilter(places=("Gaza",))(alert)
    assert AlertFilter(actors=("ukrainian",))(alert) and not AlertFilter(actors=("Hamas",))(alert)
    assert AlertFilter(kinds=("incident", "figure"))(alert) and not AlertFilter(kinds=("violation",))(alert)
    assert not AlertFilter(places=("Kherson",), kinds=("figure",))(alert)


def _reports_of(ledger, record_id: str) -> set:
    for incident in ledger.incidents:
        if incident.id == record_id:
            return set(incident.reports)
    for agreement in ledger.agreements:
        if agreement.id == record_id:
            return {m.article_id for m in agreement.mentions}
    return set()


def test_live_ledger_takes_an_article_cleaned_again_under_its_id(demo):
    import dataclasses

    live = LiveLedger(demo)
    first = demo[0]
    moved = dataclasses.replace(first, article=dataclasses.replace(first.article, outlet="Another Outlet"))
    changed = [moved, *demo[1:]]
    assert live.add([moved]) == build_ledger(changed)
    assert "Another Outlet" in {o for g in live.ledger.groups for o in g.outlets}
