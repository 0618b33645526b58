"""Wirewatch.correct and Wirewatch.undo refuse what would be recorded and change nothing: a second undo of
one correction, a merge of an actor into itself, a merge of a name the ledger never gives (a typo). The
command line and the dashboard's forms both go through these, so both say why and record nothing."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

import wirewatch
from wirewatch.cli import app
from wirewatch.corpus.corrections import CorrectionError

pytestmark = pytest.mark.model

DEMO = Path(__file__).resolve().parents[1] / "examples" / "demo"


@pytest.fixture()
def store(env, stored_corpus, tmp_path):
    copy = tmp_path / "demo.db"
    shutil.copy(stored_corpus("demo", [DEMO]), copy)
    return copy


def _claimants(handle) -> list[str]:
    return sorted({s.claimant for s in handle.ledger().series})


def test_a_correction_undone_already_is_not_undone_again(store):
    with wirewatch.open(store) as handle:
        merged, into = _claimants(handle)[:2]
        first = handle.correct("merge", "actor", merged, {"into": into})
        undo = handle.undo(first)
        with pytest.raises(CorrectionError, match=f"undone already .*undo {undo} to restore"):
            handle.undo(first)
        redo = handle.undo(undo)  # an undo of the undo restores the merge
        assert merged not in _claimants(handle)
        with pytest.raises(CorrectionError, match=f"by correction {redo}"):
            handle.undo(undo)
        assert len(handle.corrections()) == 3


@pytest.mark.parametrize("wording", [str.lower, str.upper, lambda name: f"  {name} "])
def test_an_actor_is_not_merged_into_itself(store, wording):
    with wirewatch.open(store) as handle:
        name = _claimants(handle)[0]
        with pytest.raises(CorrectionError, match="one actor already"):
            handle.correct("merge", "actor", name, {"into": wording(name)})
        assert handle.corrections() == []


@pytest.mark.parametrize("unknown", ["Martian high command", "Atlantis defence ministry", "Ruritanian army"])
def test_a_merge_of_a_name_the_ledger_never_gives_is_refused(store, unknown):
    with wirewatch.open(store) as handle:
        into = _claimants(handle)[0]
        with pytest.raises(CorrectionError, match="no actor"):
            handle.correct("merge", "actor", unknown, {"into": into})
        assert handle.corrections() == []


def test_a_party_of_an_agreement_can_be_merged(store):
    with wirewatch.open(store) as handle:
        party = next(p for a in handle.ledger().agreements for p in a.parties)
        assert handle.correct("merge", "actor", party, {"into": "Filed elsewhere"}) == 1


def test_the_command_line_says_why_and_exits_2(store, env):
    runner = CliRunner()
    with wirewatch.open(store) as handle:
        merged, into = _claimants(handle)[:2]
    assert runner.invoke(app, ["correct", "merge", merged, into, "--db", str(store)], env=env).exit_code == 0
    assert runner.invoke(app, ["corrections", "--undo", "1", "--db", str(store)], env=env).exit_code == 0
    again = runner.invoke(app, ["corrections", "--undo", "1", "--db", str(store)], env=env)
    assert again.exit_code == 2 and "undone already" in again.output and "Traceback" not in again.output
    itself = runner.invoke(app, ["correct", "merge", merged, merged, "--db", str(store)], env=env)
    assert itself.exit_code == 2 and "one actor already" in itself.output
