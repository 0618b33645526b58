"""The model reads a sentence the same whether its matrix products go through BLIS (thinc's
default) or through numpy's BLAS, which wirewatch uses because it is faster."""

from __future__ import annotations

import pytest

from wirewatch.nlp.matmul import use_numpy_matmul

threadpoolctl = pytest.importorskip("threadpoolctl")

TEXTS = [
    "Artillery of the northern brigade shelled Velmora overnight, the defence ministry in Karsk said on Tuesday.",
    "\"We did not fire a single shot,\" a spokeswoman for the rebels told reporters, calling the report a lie.",
    "At least 14 civilians, including three children, were killed and 40 wounded when rockets hit the market.",
    "Both sides agreed to a humanitarian truce from midnight, but each accused the other of breaking it within hours.",
    "The UN envoy Maria Olsen asked Russia and Turkey to press their allies for talks in Geneva next week.",
]


def _annotations(doc):
    return ([(t.text, t.tag_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_) for t in doc],
            doc.tensor.shape)


@pytest.fixture(scope="module")
def pipelines(load_model):
    return load_model(), use_numpy_matmul(load_model())


def test_every_layer_uses_numpy_products_after_the_switch(pipelines):
    default, switched = pipelines
    for pipeline, blis in ((default, True), (switched, False)):
        for name, component in pipeline.pipeline:
            model = getattr(component, "model", None)
            if model is not None:
                assert {layer.ops.use_blis for layer in model.walk()} == {blis}, name


def test_parses_tags_and_entities_are_the_same_as_with_blis(pipelines):
    default, switched = pipelines
    for text in TEXTS:
        assert _annotations(switched(text)) == _annotations(default(text)), text


def test_the_tok2vec_vectors_agree_to_float_precision(pipelines):
    default, switched = pipelines
    for text in TEXTS:
        expected, got = default(text).tensor, switched(text).tensor
        assert got.shape == expected.shape
        assert abs(got - expected).max() < 1e-4, text


def test_the_process_keeps_to_one_blas_thread(pipelines):
    blas = [pool for pool in threadpoolctl.threadpool_info() if pool["user_api"] == "blas"]
    assert blas and all(pool["num_threads"] == 1 for pool in blas)
