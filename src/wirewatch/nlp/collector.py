"""Python's cycle collector, kept out of the way of extraction.

Parsing a batch makes hundreds of thousands of short-lived objects (spaCy's Token and Span
objects, the rules' tuples). At CPython's default threshold (a collection every 700 new
container objects) the collector runs thousands of times a batch, and each of its full passes
walks every object of the loaded model too, which never becomes garbage. Two things stop that:

- the model's objects are moved out of the collector's sight once it is loaded (`gc.freeze`);
  they are still freed by reference counting, as every object is;
- while a batch is extracted, the collector runs every `YOUNG_THRESHOLD` new objects instead of
  every 700. Most of a batch's objects are freed by reference counting anyway (annotate.forget
  breaks the Token lists' cycles), so memory stays flat: benchmarks/run_all.py reports the peak.

Measured on war news (benchmarks/extract_speed.py): about 5% of extraction time.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

YOUNG_THRESHOLD = 20_000
OLDER_THRESHOLDS = (50, 100)


def freeze_loaded() -> None:
    """Moves every object alive now (the loaded model, the lexicons) out of the collector's passes."""
    gc.collect()
    gc.freeze()


@contextmanager
def fewer_collections() -> Iterator[None]:
    """Collects cycles less often inside the block, as before after it."""
    before = gc.get_threshold()
    gc.set_threshold(YOUNG_THRESHOLD, *OLDER_THRESHOLDS)
    try:
        yield
    finally:
        gc.set_threshold(*before)
