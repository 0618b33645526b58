"""The model's first layer read from tables projected once at load time, per distinct word.

A spaCy tok2vec (`MultiHashEmbed`) looks up each token's form, prefix, suffix and shape in
hashed tables (four rows per table), lays the sums side by side, and sends that wide vector
through one maxout layer: a matrix product of 576 inputs by 288 outputs for every token, about
a third of the tok2vec's arithmetic and more than any later layer. The product is linear, so the
product of the sum is the sum of the products: each table can be multiplied by its slice of the
maxout weights once, when the pipeline loads, leaving only look-ups and additions per token.
And a batch of sentences repeats its words, prefixes and shapes, so the look-ups are made once
per distinct value in the batch and then copied to the tokens that share it.

Only the order of additions changes, so the vectors agree to float precision and the tags and
parses are the same (tests/nlp/test_embed.py). A model of another shape is left as it is. This
is inference only: the fused layer cannot be trained.
"""

from __future__ import annotations

import numpy
from spacy.language import Language
from thinc.api import Model, NumpyOps, with_array

from .layers import component_models

_OPS = NumpyOps(use_blis=False)


def use_projected_embeddings(nlp: Language) -> Language:
    """Fuses the hashed embeddings and the maxout layer after them in every component's own
    tok2vec; components that listen to a shared tok2vec have none of their own."""
    for _name, model in component_models(nlp):
        for layer in list(model.walk()):
            _fuse_embedding(layer)
    return nlp


def _fuse_embedding(chain: Model) -> bool:
    """Replaces `with_array(concatenate(hashembed…)) >> with_array(maxout >> layernorm …)` inside
    the chain by one projected layer; False when the chain has no such pair."""
    layers = chain.layers
    for i in range(len(layers) - 1):
        embeds = _hash_embeds(layers[i])
        pieces = _maxout_and_norm(layers[i + 1])
        if embeds and pieces:
            fused = with_array(_projected_embed(embeds, *pieces))
            layers[i:i + 2] = [fused]
            return True
    return False


def _hash_embeds(layer: Model) -> list[tuple[int, Model]] | None:
    """(column, hashembed) of each part of `with_array(concatenate(ints-getitem >> hashembed, …))`."""
    if not layer.name.startswith("with_array(") or len(layer.layers) != 1:
        return None
    concatenated = layer.layers[0]
    parts = concatenated.layers if "|" in concatenated.name else []
    out = []
    for part in parts:
        names = [sub.name for sub in part.layers]
        column = part.attrs.get("column")
        if names != ["ints-getitem", "hashembed"] or column is None:
            return None
        out.append((column, part.layers[1]))
    return out or None


def _maxout_and_norm(layer: Model) -> tuple[Model, Model] | None:
    """The maxout and layer-norm of `with_array(maxout >> layernorm [>> dropout])`."""
    if not layer.name.startswith("with_array(") or len(layer.layers) != 1:
        return None
    leaves = _leaves(layer.layers[0])
    names = [sub.name for sub in leaves]
    if names not in (["maxout", "layernorm"], ["maxout", "layernorm", "dropout"]):
        return None
    return leaves[0], leaves[1]


def _leaves(layer: Model) -> list[Model]:
    """The layers without sublayers, in the order data flows through them (`walk` goes breadth-first)."""
    return [leaf for sub in layer.layers for leaf in _leaves(sub)] if layer.layers else [layer]


def _projected_embed(embeds: list[tuple[int, Model]], maxout: Model, norm: Model) -> Model:
    """The fused layer: hashed ids in, the layer-normed maxout of their embeddings out."""
    n_out, n_pieces, n_in = maxout.get_param("W").shape
    weights = maxout.get_param("W").reshape(n_out * n_pieces, n_in).astype(numpy.float64)
    tables, start, offset = [], 0, 0
    columns = []
    for column, embed in embeds:
        table = embed.get_param("E")
        width = table.shape[1]
        tables.append(table.astype(numpy.float64) @ weights[:, start:start + width].T)
        columns.append((column, embed.attrs["seed"], table.shape[0], offset))
        start += width
        offset += table.shape[0]
    if start != n_in:
        raise ValueError(f"embedding widths add up to {start}, the maxout reads {n_in}")
    projected = numpy.ascontiguousarray(numpy.concatenate(tables), dtype=numpy.float32)
    bias = maxout.get_param("b").reshape(n_out * n_pieces).copy()
    return Model("projected_embed", _forward, refs={"norm": norm},
                 attrs={"columns": tuple(columns), "shape": (n_out, n_pieces), "projected": projected, "bias": bias})


def _forward(model: Model, ids, is_train: bool):
    if is_train:
        raise NotImplementedError("the projected embedding is for inference only")
    n_out, n_pieces = model.attrs["shape"]
    projected, bias = model.attrs["projected"], model.attrs["bias"]
    if not len(ids):
        return model.get_ref("norm").predict(numpy.zeros((0, n_out), dtype=numpy.float32)), _no_backprop
    summed = numpy.empty((len(ids), n_out * n_pieces), dtype=numpy.float32)
    summed[:] = bias
    for column, seed, rows, offset in model.attrs["columns"]:
        distinct, where = numpy.unique(ids[:, column], return_inverse=True)
        keys = _OPS.hash(numpy.ascontiguousarray(distinct, dtype=numpy.uint64), seed) % rows
        vectors = _OPS.gather_add(projected, (keys + offset).astype(numpy.int32))
        summed += vectors[where.reshape(-1)]
    best, _which = _OPS.maxout(summed.reshape(-1, n_out, n_pieces))
    return model.get_ref("norm").predict(best), _no_backprop


def _no_backprop(_d):
    raise NotImplementedError("the projected embedding is for inference only")
