"""The fused layer norm gives, bit for bit, what thinc's LayerNorm gives, and the model's vectors
do not change when every layer norm of the pipeline uses it."""

from __future__ import annotations

import numpy
import pytest

from wirewatch.nlp.layernorm import _forward, use_fast_layer_norms

thinc_api = pytest.importorskip("thinc.api")

TEXTS = [
    "Rocket fire hit two villages north of Velmora overnight, the border guard service said on Sunday.",
    "\"There was no shelling from our side,\" the ministry's spokeswoman wrote, calling the video staged.",
    "Nine fighters and a nurse died; 31 people were taken to the hospital in Karsk.",
]


def _norm_layer(width: int = 96, seed: int = 0):
    layer = thinc_api.LayerNorm(width)
    rng = numpy.random.default_rng(seed)
    layer.initialize(X=numpy.zeros((2, width), dtype="f"))
    layer.set_param("G", rng.uniform(0.5, 1.5, width).astype("f"))
    layer.set_param("b", rng.normal(0, 0.1, width).astype("f"))
    return layer


@pytest.mark.parametrize("scale", [0.01, 1.0, 300.0])
def test_the_fused_norm_equals_thincs_bit_for_bit(scale):
    layer = _norm_layer()
    X = (numpy.random.default_rng(1).standard_normal((257, 96)) * scale).astype("f")
    expected = layer.predict(X)
    got, _ = _forward(layer, X, False)
    assert got.dtype == expected.dtype and numpy.array_equal(got, expected)


def test_rows_that_are_constant_come_out_as_thincs():
    layer = _norm_layer()
    X = numpy.full((3, 96), 2.5, dtype="f")
    assert numpy.array_equal(_forward(layer, X, False)[0], layer.predict(X))


def test_every_layer_norm_of_the_pipeline_is_switched_and_the_vectors_are_unchanged(load_model):
    plain, fused = load_model(), use_fast_layer_norms(load_model())
    norms = [layer for _, c in fused.pipeline if getattr(c, "model", None) is not None
             for layer in c.model.walk() if layer.name == "layernorm"]
    assert norms and all(layer._func is _forward for layer in norms)
    for text in TEXTS:
        assert numpy.array_equal(fused(text).tensor, plain(text).tensor), text


def test_training_keeps_thincs_forward_pass():
    layer = _norm_layer()
    layer.attrs["thinc_forward"] = layer._func
    layer._func = _forward
    X = numpy.random.default_rng(2).standard_normal((4, 96)).astype("f")
    Y, backprop = layer(X, is_train=True)
    assert backprop(numpy.ones_like(Y)).shape == X.shape
