"""The model's matrix products through numpy's BLAS instead of the BLIS that thinc bundles.

Most of a parse is matrix products: the tok2vec's four window layers and the parser's and NER's
input projections. thinc sends them to BLIS by default. The BLIS wheel's kernels run them at
about a third of the speed of numpy's OpenBLAS on the machines we measured (single core, AVX2:
20 against 69 GFLOPS for a tok2vec layer), so the same model reads a sentence in about half the
time through numpy. thinc has the switch itself (`NumpyOps(use_blis=False)`); this module only
puts it on every layer of a loaded pipeline. The parser's Cython state loop keeps its own small
BLIS calls. Annotations are identical: tests/nlp/test_matmul.py compares them with the default.

OpenBLAS would start one thread per core for each product. wirewatch runs in parallel by
processes (`--workers`, Dask), so each process keeps to one BLAS thread; otherwise two workers on
two cores would fight four threads.
"""

from __future__ import annotations

from spacy.language import Language
from thinc.api import NumpyOps
from threadpoolctl import threadpool_limits

from .layers import component_models

BLAS_THREADS = 1


def use_numpy_matmul(nlp: Language) -> Language:
    """Puts numpy-backed ops on every thinc layer of the pipeline's components."""
    threadpool_limits(limits=BLAS_THREADS, user_api="blas")
    ops = NumpyOps(use_blis=False)
    for _name, model in component_models(nlp):
        for layer in model.walk():
            layer.ops = ops
    return nlp
