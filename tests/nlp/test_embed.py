"""The model's first layer, read from projected tables, gives the vectors and the annotations of
the model as spaCy runs it; a network of another shape is left untouched."""

from __future__ import annotations

import numpy
import pytest

from wirewatch.nlp.embed import _fuse_embedding, use_projected_embeddings
from wirewatch.nlp.layers import component_models
from wirewatch.nlp.matmul import use_numpy_matmul

thinc_api = pytest.importorskip("thinc.api")

TEXTS = [
    "Drones struck a fuel depot outside Velmora before dawn, the regional governor wrote on Telegram.",
    "\"Not one of our units crossed the line,\" a spokesman for the northern command told a briefing.",
    "Eleven soldiers and two medics were killed, and 23 people were wounded in the shelling of Karsk.",
    "The envoys agreed to meet again in Vienna on Friday; neither side would comment on the prisoner swap.",
    "ARTILLERY FIRE resumed at 04:30 along the Dovra river — 3 km south of the old bridge.",
    "",
]


def _annotations(doc):
    return [(t.text, t.tag_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_) for t in doc]


def _layer_names(nlp) -> set[str]:
    return {layer.name for _, model in component_models(nlp) for layer in model.walk()}


@pytest.fixture(scope="module")
def pipelines(load_model):
    return use_numpy_matmul(load_model()), use_projected_embeddings(use_numpy_matmul(load_model()))


def test_every_own_tok2vec_reads_projected_tables_instead_of_hashed_embeddings(pipelines):
    plain, projected = pipelines
    assert "hashembed" in _layer_names(plain) and "projected_embed" not in _layer_names(plain)
    assert "hashembed" not in _layer_names(projected)
    # The shared tok2vec and the NER's own one are both fused.
    fused = [name for name, model in component_models(projected)
             if any(layer.name == "projected_embed" for layer in model.walk())]
    assert {"tok2vec", "ner"} <= set(fused)


def test_the_vectors_agree_to_float_precision(pipelines):
    plain, projected = pipelines
    for text in TEXTS:
        expected, got = plain(text).tensor, projected(text).tensor
        assert got.shape == expected.shape
        assert got.size == 0 or abs(got - expected).max() < 1e-4, text


def test_tags_parses_and_entities_are_the_same(pipelines):
    plain, projected = pipelines
    for expected, got in zip(plain.pipe(TEXTS, batch_size=4), projected.pipe(TEXTS, batch_size=4)):
        assert _annotations(got) == _annotations(expected), expected.text


def test_a_network_of_another_shape_is_left_as_it_is():
    Relu, chain = thinc_api.Relu, thinc_api.chain
    model = chain(Relu(4, 3), Relu(2, 4))
    model.initialize(X=numpy.zeros((2, 3), dtype="f"))
    before = [layer.name for layer in model.layers]
    assert _fuse_embedding(model) is False
    assert [layer.name for layer in model.layers] == before


def test_the_fused_layer_cannot_be_trained(pipelines):
    _, projected = pipelines
    fused = next(layer for layer in projected.get_pipe("tok2vec").model.walk() if layer.name == "projected_embed")
    with pytest.raises(NotImplementedError):
        fused(numpy.zeros((1, 6), dtype="uint64"), is_train=True)
