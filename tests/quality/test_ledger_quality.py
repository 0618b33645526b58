"""Quality gate: the ledger of the seed and dev corpora keeps its scores (skipped when ../shared is absent).

The floors live in ledger_floors.json beside this file; a score more than the file's slack below its floor
fails, so a change that makes the ledger worse shows here, in the suite, and not only after landing.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

import wirewatch
from wirewatch.export.ledger import ledger_record

SHARED = Path(__file__).resolve().parents[2].parent / "shared" / "eval"
FLOORS = json.loads((Path(__file__).with_name("ledger_floors.json")).read_text(encoding="utf-8"))

pytestmark = [
    pytest.mark.model,
    pytest.mark.shared,
    pytest.mark.skipif(not (SHARED / "ledger_score.py").is_file(), reason=f"{SHARED} is absent"),
]


def scorer():
    spec = importlib.util.spec_from_file_location("ledger_score", SHARED / "ledger_score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("corpus", ["seeds", "dev"])
def test_ledger_scores_hold_their_floors(corpus, stored_corpus):
    db = stored_corpus(corpus, [SHARED / corpus / "articles"])
    with wirewatch.open(db) as handle:
        prediction = json.loads(json.dumps(ledger_record(handle.ledger())))  # exactly what the CLI prints
    gold = json.loads((SHARED / corpus / "ledger.json").read_text(encoding="utf-8"))
    result = scorer().score(gold, prediction)
    floors, slack = FLOORS[corpus], FLOORS["slack"]
    measured = {"macro_f1": result["macro_f1"], "status_accuracy": result["incidents"]["status_accuracy"],
                **{part: result[part]["f1"] for part in ("incidents", "agreements", "violations", "figure_series")}}
    below = {name: (measured[name], floor) for name, floor in floors.items()
             if name in measured and measured[name] is not None and measured[name] < floor - slack}
    assert not below, f"{corpus}: scores below their floors (measured, floor): {below}"
    assert result["forbidden_agreements"] <= floors["forbidden_max"], result["forbidden_agreements"]
