"""Fewer cycle collections inside a block that makes many objects, undone when the block ends.

CPython runs its cycle collector every 700 new container objects, and every so often a full
collection walks every object alive, a loaded spaCy model or a live ledger's kept data among them.
Work that makes hundreds of thousands of objects (parsing a batch; building the ledger) would then
pay again and again for what it keeps. Inside the block the collector runs every `YOUNG_THRESHOLD`
new objects: cycles are still collected, memory stays flat, and the process's own setting comes back
after. Scoped on purpose: nothing is frozen, nothing outlives the block (see corpus/incremental.py).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

YOUNG_THRESHOLD = 20_000
OLDER_THRESHOLDS = (50, 100)


@contextmanager
def fewer_collections() -> Iterator[None]:
    """Collects cycles less often inside the block, as before after it."""
    before = gc.get_threshold()
    gc.set_threshold(YOUNG_THRESHOLD, *OLDER_THRESHOLDS)
    try:
        yield
    finally:
        gc.set_threshold(*before)
