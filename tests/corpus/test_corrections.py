"""corpus/corrections.py: each kind of correction applied to a built ledger, keyed so that it finds its item
again when the machine's ids change; undo and undo of undo; the store's log is append-only and old stores
gain it."""

from __future__ import annotations

import dataclasses
import sqlite3
from pathlib import Path

import pytest

import wirewatch
from wirewatch.corpus.corrections import (
    CorrectionError,
    apply_corrections,
    claim_key,
    figure_keys,
    fix_value,
    in_force,
    target_of,
    violation_key,
)
from wirewatch.model import IncidentStatus
from wirewatch.store import Store
from wirewatch.store.corrections import add_correction, list_corrections

pytestmark = pytest.mark.model

DEMO = Path(__file__).resolve().parents[2] / "examples" / "demo"


@pytest.fixture(scope="module")
def ledger(env, stored_corpus):
    with wirewatch.open(stored_corpus("demo", [DEMO])) as handle:
        return handle.ledger()


def _entry(number, action, kind, target, value=None, undoes=None):
    return {"id": number, "action": action, "kind": kind, "target": target, "value": value, "undoes": undoes,
            "author": "t", "reason": "", "made_at": None}


def test_reject_each_kind_of_item(ledger):
    incident = next(i for i in ledger.incidents if i.claims)
    claim = incident.claims[0]
    series = ledger.series[0]
    figure = figure_keys(ledger, series, series.points[0])[0]
    record = next(a for a in ledger.agreements if a.violations)
    other = next(a for a in ledger.agreements if a.id != record.id)
    log = [_entry(1, "reject", "claim", target_of(ledger, "claim", claim_key(claim))),
           _entry(2, "reject", "figure", target_of(ledger, "figure", figure)),
           _entry(3, "reject", "violation", target_of(ledger, "violation", violation_key(record.violations[0]))),
           _entry(4, "reject", "agreement", target_of(ledger, "agreement", other.id))]
    fixed = apply_corrections(ledger, log)
    after = next(i for i in fixed.incidents if i.id == incident.id)
    assert claim_key(claim) not in {claim_key(c) for c in after.claims}
    assert figure not in {k for s in fixed.series for p in s.points for k in figure_keys(fixed, s, p)}
    assert violation_key(record.violations[0]) not in {violation_key(v) for a in fixed.agreements for v in a.violations}
    assert other.id not in {a.id for a in fixed.agreements}
    assert len(fixed.corrections) == 4
    # the machine's ledger is untouched
    assert claim_key(claim) in {claim_key(c) for c in next(i for i in ledger.incidents if i.id == incident.id).claims}


def test_rejecting_the_only_denial_ends_the_dispute(ledger):
    disputed = next(i for i in ledger.incidents if i.status is IncidentStatus.ACCUSED_AND_DENIED
                    and sum(c.stance.value == "deny" for c in i.claims) == 1)
    denial = next(c for c in disputed.claims if c.stance.value == "deny")
    fixed = apply_corrections(ledger, [_entry(1, "reject", "claim", target_of(ledger, "claim", claim_key(denial)))])
    assert next(i for i in fixed.incidents if i.id == disputed.id).status is not IncidentStatus.ACCUSED_AND_DENIED


def test_an_incident_correction_follows_its_sentences_not_its_id(ledger):
    incident = ledger.incidents[0]
    fixes = fix_value("date", "2021-01-02") | fix_value("status", "disputed") | fix_value("type", "Air/drone strike")
    log = [_entry(1, "fix", "incident", target_of(ledger, "incident", incident.id), fixes),
           _entry(2, "check", "incident", target_of(ledger, "incident", incident.id))]
    # a newer pipeline numbers the same incidents differently
    renumbered = dataclasses.replace(ledger, incidents=tuple(dataclasses.replace(i, id=i.id + "x")
                                                             for i in ledger.incidents))
    fixed = apply_corrections(renumbered, log)
    after = fixed.incidents[0]
    assert (after.date.isoformat(), after.status, after.acled) == ("2021-01-02", IncidentStatus.ACCUSED_AND_DENIED,
                                                                  "Air/drone strike")
    assert fixed.checked == {incident.id + "x"}
    assert all(i.date.isoformat() != "2021-01-02" for i in fixed.incidents[1:] if i.date)


def test_merge_files_two_claimants_as_one_and_undo_splits_them(ledger):
    names = sorted({s.claimant for s in ledger.series})
    merged, into = names[0], names[1]
    merge = _entry(1, "merge", "actor", target_of(ledger, "actor", merged), {"into": into})
    fixed = apply_corrections(ledger, [merge])
    assert merged not in {s.claimant for s in fixed.series} and into in {s.claimant for s in fixed.series}
    points = sum(len(s.points) for s in ledger.series if s.claimant in (merged, into))
    assert sum(len(s.points) for s in fixed.series if s.claimant == into) == points
    undo = _entry(2, "undo", "actor", merge["target"], undoes=1)
    assert merged in {s.claimant for s in apply_corrections(ledger, [merge, undo]).series}
    redo = _entry(3, "undo", "actor", merge["target"], undoes=2)
    assert in_force([merge, undo, redo]) == [merge]


def test_what_names_nothing_is_refused(ledger):
    with pytest.raises(CorrectionError):
        target_of(ledger, "incident", "inc-0000000000")
    with pytest.raises(CorrectionError):
        target_of(ledger, "claim", "claim:nothing")
    with pytest.raises(CorrectionError):
        fix_value("status", "won")
    with pytest.raises(CorrectionError):
        fix_value("date", "last Tuesday")


def test_the_log_is_added_to_an_old_store_and_only_appended(tmp_path):
    path = tmp_path / "old.db"
    Store(str(path)).close()
    with sqlite3.connect(path) as conn:  # a store made before the corrections table
        conn.execute("DROP TABLE corrections")
    with Store(str(path)) as store:
        first = add_correction(store, "check", "incident", {"id": "inc-1", "mentions": ["a:b"]}, author="ana",
                               reason="seen the video")
        second = add_correction(store, "undo", "incident", {"id": "inc-1", "mentions": ["a:b"]}, undoes=first)
        log = list_corrections(store)
    assert [(e["id"], e["action"], e["undoes"]) for e in log] == [(first, "check", None), (second, "undo", first)]
    assert log[0]["author"] == "ana" and log[0]["reason"] == "seen the video" and log[0]["made_at"]


@pytest.mark.parametrize("speaker, renames, expected", [
    ("Russia and Ukraine", {"ukraine government": "Kyiv authorities"}, ["Russia government", "Kyiv authorities"]),
    ("India and Pakistan", {"india government": "New Delhi"}, ["New Delhi", "Pakistan government"]),
    ("Sudan and Chad", {}, ["Sudan government", "Chad government"]),
    ("Kyiv authorities", {"ukraine government": "Kyiv authorities"}, ["Kyiv authorities"]),
    ("Ukraine", {"ukraine government": "Kyiv authorities"}, ["Kyiv authorities"]),
])
def test_merged_actors_rename_each_actor_of_a_speaker_and_keep_a_chosen_name(speaker, renames, expected):
    from wirewatch.corpus.corrections import merged_actors

    assert merged_actors(speaker, renames) == expected


def test_a_merge_leaves_a_joint_speaker_whole_in_the_ledger(ledger):
    from wirewatch.resolve.actors import canonical_actors

    joint = [c for i in ledger.incidents for c in i.claims if len(canonical_actors(c.speaker)) > 1]
    if not joint:
        pytest.skip("the demo ledger has no joint speaker")
    first = canonical_actors(joint[0].speaker)[0]
    fixed = apply_corrections(ledger, [_entry(1, "merge", "actor", {"actor": first}, {"into": "Someone else"})])
    speakers = {c.speaker for i in fixed.incidents for c in i.claims}
    assert joint[0].speaker in speakers
