"""The model's layer normalisations, the same arithmetic in fewer passes over the activations.

Every tok2vec layer ends in a layer norm (thinc's `LayerNorm`), five per tok2vec. thinc computes
a row's mean with `X.mean`, then its variance with `X.var`, which works the mean out again and
subtracts it again, and then subtracts the mean a third time to normalise. Each numpy call also
goes through a Python wrapper that counts the reduced items and checks its arguments. Here the
mean and the deviations are worked out once, by the same numpy operations in the same order
(the same sums, the same division in double precision by the row length that numpy's wrappers
use), so every value is bit for bit the one thinc computes (tests/nlp/test_layernorm.py).
Training keeps thinc's own forward pass, which returns the gradient.
"""

from __future__ import annotations

import numpy
from spacy.language import Language
from thinc.api import Model

from .layers import component_models

_NAME = "layernorm"


def use_fast_layer_norms(nlp: Language) -> Language:
    """Gives every layer norm of the pipeline's models the fused forward pass at inference."""
    for _name, model in component_models(nlp):
        for layer in model.walk():
            if layer.name == _NAME and layer._func is not _forward:
                layer.attrs["thinc_forward"] = layer._func
                layer._func = _forward
    return nlp


def _forward(model: Model, X, is_train: bool):
    if is_train or X.ndim != 2 or X.dtype != numpy.float32:
        return model.attrs["thinc_forward"](model, X, is_train)
    width = numpy.intp(X.shape[1])
    mean = numpy.add.reduce(X, axis=1, keepdims=True)
    numpy.true_divide(mean, width, out=mean, casting="unsafe")
    deviation = numpy.subtract(X, mean)
    variance = numpy.add.reduce(numpy.square(deviation), axis=1, keepdims=True)
    numpy.true_divide(variance, width, out=variance, casting="unsafe")
    variance += 1e-08
    normed = deviation * variance ** (-1.0 / 2.0)
    out = normed * model.get_param("G")
    out += model.get_param("b")
    return out, _no_backprop


def _no_backprop(_d):
    raise NotImplementedError("the fused layer norm is for inference only")
