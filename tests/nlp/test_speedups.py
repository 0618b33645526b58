"""The speed switch (Settings.fast_nlp, nlp/speedups.py) changes no annotation and no extraction,
and what it changes for the process it undoes after each batch.

The corpus is the project's own: the demo articles (examples/demo, written for the project) split
into sentences, and the sentences below, invented for these tests.
"""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

from wirewatch.errors import ConfigError
from wirewatch.nlp.pipeline import load_pipeline, place_candidates
from wirewatch.collector import YOUNG_THRESHOLD
from wirewatch.nlp.speedups import BLAS_THREADS, extraction_scope
from wirewatch.nlp.token_rules import RememberedRules
from wirewatch.settings import Settings

threadpoolctl = pytest.importorskip("threadpoolctl")

DEMO = Path(__file__).resolve().parents[2] / "examples" / "demo"
SENTENCES = [
    "Artillery of the northern brigade shelled Velmora overnight, the defence ministry in Karsk said on Tuesday.",
    "\"We did not fire a single shot,\" a spokeswoman for the rebels told reporters, calling the report a lie.",
    "No fewer than 9 fishermen, two boys among them, died and 31 were hurt when shells struck the harbour at dawn.",
    "Both sides agreed to a humanitarian truce from midnight, but each accused the other of breaking it within hours.",
    "The UN envoy Maria Olsen asked Russia and Turkey to press their allies for talks in Geneva next week.",
    "Houthi forces said they downed a drone over Marib; the coalition denied losing any aircraft.",
    "Sudan's army and the RSF traded blame for shelling that killed 27 people in El Fasher, medics said.",
    "There were 12 rockets fired at the town; there is no sign of a truce. Y'all gonna wait? She ain't leaving.",
    "Let's see whether they're gonna hold the line, c'mon, we gotta go.",  # the model's rules over two tokens
    "Two  spaces\tand a tab: those shells and these drones, anybody could have fired them.",
]


def demo_sentences() -> list[str]:
    from wirewatch.clean import clean
    from wirewatch.ingest import read_inputs
    from wirewatch.model import Skipped
    from wirewatch.nlp.sentences import split_sentences
    from wirewatch.version import pipeline_version

    out = []
    for item in read_inputs([DEMO], Settings().max_bytes):
        if not isinstance(item, Skipped):
            article = clean(item, pipeline_version())
            out.extend(s.text for s in split_sentences(article.text, article.dateline))
    return out


def annotations(doc) -> tuple:
    """Tags, lemmas, morphology, dependencies, heads, sentence starts, entities and place candidates."""
    tokens = [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.is_sent_start,
               t.ent_iob_, t.ent_type_) for t in doc]
    return tokens, place_candidates(doc)


@pytest.mark.model
def test_the_model_annotates_the_project_corpus_the_same_with_the_speed_ups_on_and_off(gazetteer):
    texts = demo_sentences() + SENTENCES
    assert len(texts) > 100  # the demo is read, not skipped
    fast, stock = load_pipeline(gazetteer, fast=True), load_pipeline(gazetteer, fast=False)
    for batch_size in (1, 128):  # alone, and in batches as extraction parses
        with extraction_scope(True):
            got = [annotations(doc) for doc in fast.pipe(texts, batch_size=batch_size)]
        assert got == [annotations(doc) for doc in stock.pipe(texts, batch_size=batch_size)]


@pytest.mark.model
@pytest.mark.parametrize("deferred_ner", [False, True])
def test_remembered_rules_annotate_the_project_corpus_as_spacys_components(nlp, deferred_ner):
    from wirewatch.extract.places import needs_entities
    from wirewatch.nlp.annotate import parse_many

    texts = [(text, None) for text in demo_sentences() + SENTENCES]
    entities_when = needs_entities if deferred_ner else None

    def parses(rules):
        return [annotations(p.doc) for _, parsed in parse_many(texts, nlp, lambda _: True, entities_when=entities_when,
                                                               rules=rules) for p in parsed]

    expected = parses(None)
    rules = RememberedRules(nlp)
    counted = CountingRuler(rules.ruler)
    rules.ruler = counted
    assert parses(rules) == expected  # learning: spaCy's components run on every Doc with a new kind of token
    learned = counted.calls
    assert parses(rules) == expected  # from memory
    assert rules.remembers and counted.calls - learned < learned  # the memory answered for most Docs


class CountingRuler:
    def __init__(self, ruler):
        self.ruler, self.calls = ruler, 0

    def __call__(self, doc):
        self.calls += 1
        return self.ruler(doc)


@pytest.mark.parametrize(("rule", "remembers"), [
    ({"patterns": [[{"TAG": "VBZ", "LOWER": "is"}]], "attrs": {"POS": "AUX"}}, True),
    ({"patterns": [[{"DEP": "expl"}, {"LOWER": {"IN": ["is", "are"]}}]], "attrs": {"POS": "VERB"}, "index": 1}, True),
    ({"patterns": [[{"ENT_TYPE": "GPE"}]], "attrs": {"POS": "PROPN"}}, False),  # the NER's label: not in the row
    ({"patterns": [[{"LOWER": "the"}, {"OP": "?"}]], "attrs": {"LEMMA": "the"}}, False),  # an operator
    ({"patterns": [[{"LOWER": "nyc"}]], "attrs": {"NORM": "new york"}}, False),  # sets what no row holds
])
def test_rows_are_remembered_only_for_rules_over_a_tokens_own_row(rule, remembers):
    from wirewatch.nlp.token_rules import _rows_follow_from_tokens

    assert _rows_follow_from_tokens([{"patterns": [[{"TAG": "NN"}]], "attrs": {"POS": "NOUN"}}, rule]) is remembers


@pytest.mark.model
def test_the_tok2vec_is_built_on_numpys_blas_only_when_fast(gazetteer):
    # The tok2vec's window layers are most of the model's products. (spaCy builds the parser's and
    # the NER's small output layer on its own ops, so those stay on BLIS either way.)
    for fast in (True, False):
        model = load_pipeline(gazetteer, fast=fast).get_pipe("tok2vec").model
        assert {layer.ops.use_blis for layer in model.walk()} == {not fast}


def blas_threads() -> set[int]:
    return {pool["num_threads"] for pool in threadpoolctl.threadpool_info() if pool["user_api"] == "blas"}


def test_the_extraction_scope_limits_blas_and_collections_inside_and_restores_them_after():
    import numpy  # noqa: F401 (loads the BLAS the limits apply to)

    threads, threshold = blas_threads(), gc.get_threshold()
    with extraction_scope(True):
        assert blas_threads() <= {BLAS_THREADS}
        assert gc.get_threshold()[0] == YOUNG_THRESHOLD
    assert (blas_threads(), gc.get_threshold()) == (threads, threshold)


def test_the_extraction_scope_restores_the_process_when_a_batch_fails():
    threads, threshold = blas_threads(), gc.get_threshold()
    with pytest.raises(RuntimeError):
        with extraction_scope(True):
            raise RuntimeError("a rule failed")
    assert (blas_threads(), gc.get_threshold()) == (threads, threshold)


def test_the_extraction_scope_changes_nothing_when_the_speed_ups_are_off():
    threads, threshold = blas_threads(), gc.get_threshold()
    with extraction_scope(False):
        assert (blas_threads(), gc.get_threshold()) == (threads, threshold)


@pytest.mark.parametrize(("raw", "value"), [("0", False), ("off", False), ("No", False), ("1", True), ("true", True)])
def test_the_switch_reads_from_the_environment(raw, value):
    assert Settings.from_env({"WIREWATCH_FAST_NLP": raw}).fast_nlp is value


def test_the_switch_is_on_by_default_and_a_bad_value_is_named():
    assert Settings.from_env({}).fast_nlp is True
    with pytest.raises(ConfigError, match="WIREWATCH_FAST_NLP"):
        Settings.from_env({"WIREWATCH_FAST_NLP": "fast"})


@pytest.mark.model
def test_wirewatch_extract_writes_the_same_json_lines_on_the_demo_with_the_speed_ups_on_and_off(gazetteer, tmp_path):
    from typer.testing import CliRunner

    from wirewatch.cli import app

    outputs = {}
    for raw in ("1", "0"):
        env = {"WIREWATCH_CACHE": str(gazetteer.path.parent), "WIREWATCH_DB": None, "WIREWATCH_FAST_NLP": raw}
        result = CliRunner().invoke(app, ["extract", str(DEMO), "--format", "jsonl", "--db",
                                          str(tmp_path / f"fast-{raw}.db"), "-q"], env=env)
        assert result.exit_code == 0, result.output
        outputs[raw] = result.stdout
    assert outputs["1"].count("\n") >= 8 and '"figures": [{' in outputs["1"]  # the demo's articles, with findings
    assert outputs["1"] == outputs["0"]
