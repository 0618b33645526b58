"""The stance classifier: its training statements, its reproducible training and the shipped weights.

Every sentence here is written for the test; none is in the training statements (checked).
"""

from __future__ import annotations

from collections import Counter

import pytest

from wirewatch.extract.stance import LABELS, StanceModel, default_model_dir
from wirewatch.extract.stance.train import HELD_OUT, evaluate, read_statements, split_by_conflict, train


@pytest.fixture(scope="module")
def statements():
    return read_statements()


@pytest.fixture(scope="module")
def model():
    return StanceModel.load()


def test_stance_statements_cover_every_label_many_conflicts_and_styles(statements):
    labels = Counter(s.label for s in statements)
    assert set(labels) == set(LABELS) and min(labels.values()) >= 60
    assert len(statements) >= 600
    assert len({s.conflict for s in statements}) >= 15
    assert len({s.style for s in statements}) >= 30
    assert len({s.text for s in statements}) == len(statements), "a statement is listed twice"


def test_stance_split_keeps_each_conflict_on_one_side(statements):
    training, held = split_by_conflict(statements)
    assert {s.conflict for s in held} == set(HELD_OUT)
    assert not {s.conflict for s in training} & set(HELD_OUT)
    assert len(training) + len(held) == len(statements)


def test_stance_training_is_reproducible_and_learns(statements):
    few = statements[::4]
    first, second = train(few, seed=3, epochs=4), train(few, seed=3, epochs=4)
    text = "The ministry said the militia had burned the granary."
    assert first(text).cats == second(text).cats
    scores = evaluate(first, few)
    assert sum(f for _, _, f, _ in scores.values()) / len(scores) > 0.5  # fits what it was trained on


def test_stance_model_ships_with_the_package(model):
    assert (default_model_dir() / "config.cfg").is_file()
    assert set(model.scores("Officials said the town was calm.")) == set(LABELS)


@pytest.mark.parametrize("text,label", [
    ("The coastguard said pirates loyal to the warlord had fired on a ferry near the cape.", "accuse"),
    ("Separatist gunmen shot at an ambulance on the bridge, the provincial administration said.", "accuse"),
    ("The cabinet spokesman said the raid on the village was the work of rebel fighters.", "accuse"),
    ("The navy denied that its frigate had sunk the fishing boat.", "deny"),
    ("Rebel commanders rejected the charge that their men had looted the clinic.", "deny"),
    ("The army said its units had retaken the ridge above the valley.", "assert"),
    ("No firing was recorded on the eastern front on Wednesday, the general staff said.", "assert"),
    ("A grocer who lives across the street said the blast woke the whole neighbourhood.", "none"),
    ("The foreign minister urged both parties to show restraint and return to dialogue.", "none"),
    ("The uprising began after the army dissolved parliament in 2017.", "none"),
])
def test_stance_model_reads_unseen_wordings(model, statements, text, label):
    assert text not in {s.text for s in statements}
    assert model.best(text)[0] == label


def test_stance_model_missing_directory_names_it(tmp_path):
    with pytest.raises(FileNotFoundError, match=str(tmp_path)):
        StanceModel.load(tmp_path)


# --- in claim typing ----------------------------------------------------------------------------


def _claims(nlp, text, model=None):
    import datetime as dt

    from wirewatch.extract.claims import find_claims
    from wirewatch.extract.figures import find_figures
    from wirewatch.extract.pipeline import annotate
    from wirewatch.model import Article
    from wirewatch.nlp.annotate import parse_wanted

    _, parsed = parse_wanted(text, nlp, lambda _: True)
    annotate(p.doc for p in parsed)
    article = Article.from_text(text, "test", id="stance-test", published=dt.date(2024, 5, 2))
    return find_claims(parsed, article, find_figures(parsed, article), stance=model)


class _Sure:
    """A stand-in classifier that is sure of one label for every sentence."""

    def __init__(self, label: str):
        self.label = label

    def best(self, text: str):
        return self.label, 0.95

    def scores(self, text: str):
        return {label: 0.95 if label == self.label else 0.05 / 3 for label in ("accuse", "deny", "assert", "none")}


@pytest.mark.model
@pytest.mark.parametrize("text,kept_when_none", [
    ("The governor of Lumo said the lorries had reached the camp by noon.", False),  # an assertion
    ("A spokesman said the fire had spread to three warehouses.", False),  # harm with no doer named
    ("The navy denied that its frigate had fired on the trawler.", True),  # a denial: exact cue
    ("The army said rebel fighters had shelled the depot at Dessa.", True),  # the doer is named
    ("The garrison came under mortar fire overnight, the commander said.", True),  # harm suffered
])
def test_stance_model_drops_only_what_the_rules_read_from_content(nlp, text, kept_when_none):
    rules = _claims(nlp, text)
    assert rules  # the rules alone find a claim
    assert _claims(nlp, text, _Sure("none")) == (rules if kept_when_none else [])
    assert _claims(nlp, text, _Sure("assert")) == rules == _claims(nlp, text, _Sure("accuse"))


@pytest.mark.model
@pytest.mark.parametrize("text", [
    # remarks on damage and on a hospital's state, which the rules' catch-all reads as claims
    "The mayor of Tarrow said the fire had spread to the roof of the covered market before dawn.",
    "The provincial health director said the wards were so full that patients lay in the corridors.",
    "The governor said the roof of the school had caved in and the classrooms were full of rubble.",
])
def test_stance_model_drops_remarks_the_rules_take_for_claims(nlp, model, text):
    assert _claims(nlp, text)  # the rules alone
    assert _claims(nlp, text, model) == []


@pytest.mark.model
@pytest.mark.parametrize("text,stance", [
    ("The army said its troops had retaken the airfield outside Dessa after two days of fighting.", "assert"),
    ("Rebel commanders said they now held every crossing on the Lumo river.", "assert"),
    ("The ministry of defence said enemy artillery had shelled the hospital in Dessa overnight.", "accuse"),
    ("The navy denied that its frigate had fired on the trawler.", "deny"),
])
def test_stance_model_keeps_party_claims(nlp, model, text, stance):
    found = _claims(nlp, text, model)
    assert [c.stance.value for c in found] == [c.stance.value for c in _claims(nlp, text)]
    assert stance in [c.stance.value for c in found]


@pytest.mark.model
@pytest.mark.parametrize("text", [
    # a threat told inside narration of what followed it: the statement is judged on its own words too
    "Fighting spread to three districts of Kadugli on Friday, two days after the SPLM-N warned it would shell "
    "any garrison that refused to surrender.",
    "Five villages were burned overnight, a week after the Arakan Army threatened to drive the junta's troops out "
    "of the township.",
])
def test_stance_model_keeps_a_statement_told_inside_narration(nlp, model, text):
    found = _claims(nlp, text, model)
    assert [c.stance.value for c in found] == ["assert"]


@pytest.mark.model
@pytest.mark.parametrize("text", [
    # remarks on what caused the injuries and on how the blast felt: no party's claim (C14)
    "The mayor of Bossaso said splinters from the shattered doors had caused most of the injuries.",
    "A district official said the blast near the bus park in Jos had been so strong that it rattled houses "
    "a mile away.",
])
def test_stance_model_drops_remarks_on_injuries_and_blasts(nlp, model, text):
    assert _claims(nlp, text)  # the rules alone
    assert _claims(nlp, text, model) == []
