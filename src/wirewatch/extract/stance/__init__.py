"""The stance of a reported statement (accuse, deny, assert, or no claim at all), by a trained classifier.

Why a model: the claim rules read stance from cue words, and a cue such as "said" says nothing
about it; what the statement says ("the enemy shelled the market", "our gunners hit the depot",
"it was the worst night of the war") decides, in wordings without end. The rules stay where
language is exact (a denial verb and its object, "no shelling was reported"); this model is asked
only where their cue is generic, and there it drops what it is sure is no claim at all (see
`claims._second_opinion`): on the development articles its accuse/assert flips were as often wrong
as right, so it makes none.

The model is a small spaCy text classifier (`train.py`) trained on `data/statements.jsonl`:
sentences the project wrote itself, about many wars (real and invented) in many outlets' styles,
none taken from an article. Its weights ship in `model/` and load once per Extractor.

Reproduce (7 s on the 2-core development machine; the same bytes each run):

    python -m wirewatch.extract.stance.train

which prints the per-label score on conflicts held out of training and then saves the model
trained on every statement. With the 840 statements of this version (190 accuse, 94 deny, 261
assert, 295 none; 22 conflicts, 6 of them held out), on the 159 held-out statements:
accuse F1 0.738, deny 0.833, assert 0.827, none 0.832, macro 0.808. (The previous 791 gave macro
0.789 on 141; the 49 added cover remarks on damage and injuries, warnings to the public, feelings
for the victims, statements on an incident's nature or links, threats told inside narration and
denials of one's own act.) The weights are 1 MB.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

PACKAGE = "wirewatch.extract.stance"
# The classes, in the order the classifier's outputs are declared. "none": narration, background,
# observers' remarks, hopes and appeals, descriptions of damage: no party's claim.
LABELS = ("accuse", "deny", "assert", "none")
# The name a claim's provenance carries when this model decided its stance.
MODEL_NAME = "stance_textcat"


def default_model_dir() -> Path:
    """Where the trained pipeline ships inside the package."""
    return Path(str(resources.files(PACKAGE).joinpath("model")))


class StanceModel:
    """The trained classifier, loaded once; `scores(text)` gives each label's probability."""

    def __init__(self, nlp):
        self._nlp = nlp
        self._seen: dict[str, dict[str, float]] = {}

    @classmethod
    def load(cls, path: Path | None = None) -> "StanceModel":
        """The shipped model (or the one saved at `path`); fails naming the directory it expected."""
        import spacy

        where = path or default_model_dir()
        if not (where / "config.cfg").is_file():
            raise FileNotFoundError(f"{where}: no trained stance model; run python -m wirewatch.extract.stance.train")
        return cls(spacy.load(where))

    def scores(self, text: str) -> dict[str, float]:
        """Each label's probability for one statement (remembered: a sentence is asked once per hit)."""
        found = self._seen.get(text)
        if found is None:
            if len(self._seen) > 4096:
                self._seen.clear()
            found = self._seen[text] = dict(self._nlp(text).cats)
        return found

    def best(self, text: str) -> tuple[str, float]:
        """The most probable label and its probability."""
        scores = self.scores(text)
        label = max(scores, key=scores.get)
        return label, scores[label]
