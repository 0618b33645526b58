"""The pipeline `load_pipeline` returns is a stock spaCy pipeline: it saves and loads, pickles, runs
on several processes, trains one step, and lends its components to another pipeline (as `spacy
train` sources them). Sentences invented."""

from __future__ import annotations

import math
import pickle

import numpy
import pytest

from wirewatch.nlp.gazetteer import PlaceEntry
from wirewatch.nlp.pipeline import COMPONENT, load_pipeline, place_candidates

spacy = pytest.importorskip("spacy")
pytestmark = pytest.mark.model

TEXTS = [
    "Rockets struck Ganja and Barda on Sunday, the ministry in Baku said.",
    "Drones hit a fuel depot near Donetsk overnight; no one was hurt, officials said.",
    "Militia fighters shelled villages outside Goma, the UN mission reported on Friday.",
    "Nobody was hurt, a spokeswoman told reporters.",
]


def annotations(doc) -> tuple:
    """Everything the extraction rules read of a parse, the gazetteer's candidates included."""
    tokens = [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.is_sent_start,
               t.ent_iob_, t.ent_type_) for t in doc]
    return tokens, place_candidates(doc)


@pytest.fixture(scope="module")
def pipeline(gazetteer):
    """A pipeline of this module's own, since one test trains it."""
    return load_pipeline(gazetteer)


@pytest.fixture(scope="module")
def expected(pipeline):
    return [annotations(doc) for doc in pipeline.pipe(TEXTS)]


def test_the_gazetteer_finds_candidates_in_the_test_texts(expected):
    # Otherwise the comparisons below would not cover the component's output.
    candidates = [entries for _, found in expected for _, _, entries in found]
    assert candidates and all(isinstance(e, PlaceEntry) for entries in candidates for e in entries)


def test_a_pipeline_saved_to_disk_loads_and_annotates_the_same(pipeline, expected, tmp_path):
    pipeline.to_disk(tmp_path / "pipeline")
    loaded = spacy.load(tmp_path / "pipeline")
    assert loaded.pipe_names == pipeline.pipe_names
    assert loaded.get_pipe(COMPONENT).index == pipeline.get_pipe(COMPONENT).index
    assert [annotations(doc) for doc in loaded.pipe(TEXTS)] == expected


def test_a_pickled_pipeline_annotates_the_same(pipeline, expected):
    copy = pickle.loads(pickle.dumps(pipeline))
    assert [annotations(doc) for doc in copy.pipe(TEXTS)] == expected


def test_a_doc_with_place_candidates_serialises(pipeline, expected):
    doc = pipeline(TEXTS[0])
    again = spacy.tokens.Doc(pipeline.vocab).from_bytes(doc.to_bytes())
    assert annotations(again) == expected[0]


def test_two_processes_annotate_as_one(pipeline, expected):
    assert [annotations(doc) for doc in pipeline.pipe(TEXTS, n_process=2, batch_size=2)] == expected


def test_another_pipeline_can_source_its_components(pipeline, expected):
    blank = spacy.blank("en", vocab=pipeline.vocab)  # as `spacy train` does: one vocabulary for all
    for name in pipeline.pipe_names:
        blank.add_pipe(name, source=pipeline)
    assert blank.pipe_names == pipeline.pipe_names
    assert [annotations(doc) for doc in blank.pipe(TEXTS)] == expected


def test_one_update_step_trains_the_tagger_parser_and_ner(pipeline):
    from spacy.training import Example

    trained = pickle.loads(pickle.dumps(pipeline))  # the module's pipeline stays as loaded
    gold = trained("Artillery shelled Karsk on Monday, the army said.")
    tags = [t.tag_ for t in gold]
    tags[0] = "NNP" if tags[0] != "NNP" else "NN"  # one tag the model does not predict: a loss to learn from
    example = Example.from_dict(trained.make_doc(gold.text), {
        "tags": tags, "heads": [t.head.i for t in gold], "deps": [t.dep_ for t in gold],
        "entities": [(e.start_char, e.end_char, e.label_) for e in gold.ents],
    })
    before = weights(trained.get_pipe("tagger").model)
    optimizer = trained.resume_training()
    losses = trained.update([example], sgd=optimizer, drop=0.0, losses={})
    assert {"tagger", "parser", "ner"} <= set(losses)
    assert all(math.isfinite(value) for value in losses.values())
    assert losses["tagger"] > 0
    assert any(not numpy.array_equal(b, a) for b, a in zip(before, weights(trained.get_pipe("tagger").model)))


def weights(model) -> list:
    """Copies of every parameter of a thinc model and its layers."""
    return [layer.get_param(name).copy() for layer in model.walk() for name in layer.param_names
            if layer.has_param(name)]


def test_a_saved_pipeline_loads_in_a_process_that_never_imported_wirewatch(pipeline, tmp_path):
    """The gazetteer factory is registered as a spaCy entry point, so `spacy.load(path)` (and
    `spacy train` sourcing the component) finds it without `import wirewatch` first."""
    import subprocess
    import sys

    pipeline.to_disk(tmp_path / "nlp")
    code = ("import spacy, sys; nlp = spacy.load(sys.argv[1]); "
            "print(','.join(nlp.pipe_names)); print(len(nlp('Shelling hit Ganja.')))")
    done = subprocess.run([sys.executable, "-c", code, str(tmp_path / "nlp")], capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    names, tokens = done.stdout.split()
    assert COMPONENT in names.split(",") and int(tokens) == 4
