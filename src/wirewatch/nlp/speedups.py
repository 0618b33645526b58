"""Extraction speed-ups that change no annotation, all behind one setting (`Settings.fast_nlp`).

- **The model's backend.** Most of a parse is matrix products, which thinc sends to the BLIS it
  bundles. Built under thinc's `NumpyOps(use_blis=False)` (through the public `use_ops`), the same
  model sends them to numpy's BLAS instead, faster on the machines we measured. The pipeline is
  still spaCy's own: it saves, pickles and trains as ever.
- **One BLAS thread while a batch is extracted.** wirewatch runs in parallel by processes
  (`--workers`, Dask); one BLAS pool of a thread per core in each would make two workers on two
  cores fight over four threads. The limit holds inside the extraction block and is undone after.
- **Fewer cycle collections while a batch is extracted.** Parsing makes hundreds of thousands of
  short-lived objects; at CPython's default threshold (a collection every 700 new containers) the
  collector runs thousands of times a batch and walks the loaded model each time. Inside the block
  it runs every `YOUNG_THRESHOLD` new objects (`wirewatch/collector.py`); cycles are still collected,
  memory stays flat.

tests/nlp/test_speedups.py shows the annotations and the extraction output are identical on and off.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import ExitStack, contextmanager

from thinc.api import use_ops
from threadpoolctl import threadpool_limits

from ..collector import fewer_collections

BLAS_THREADS = 1


@contextmanager
def model_ops(fast: bool) -> Iterator[None]:
    """Inside the block, thinc layers are built on numpy's BLAS (fast) or on thinc's default ops."""
    if not fast:
        yield
        return
    with use_ops("numpy", use_blis=False):
        yield


@contextmanager
def extraction_scope(fast: bool) -> Iterator[None]:
    """Around one extraction batch: one BLAS thread and fewer cycle collections when fast; both
    undone when the block ends, however it ends."""
    with ExitStack() as stack:
        if fast:
            stack.enter_context(threadpool_limits(limits=BLAS_THREADS, user_api="blas"))
            stack.enter_context(fewer_collections())
        yield
