"""Ledger update when 100 articles arrive in a corpus of N: the live (incremental) update against a full rebuild.

The corpus is synthetic, made as ledger_speed.py makes it (perturbed copies of the demo corpus's
extractions), so that the timing isolates the ledger. The live ledger (`corpus/incremental.py`) is
built over the first N articles untimed; then the same 100 new articles go into it (timed) and into
a full `build_ledger` of all N + 100 (timed), and the two ledgers are compared: they must be equal.

    python benchmarks/ledger_incremental.py --sizes 1000            # about a minute
    python benchmarks/ledger_incremental.py --sizes 1000,10000      # the 10,000 run takes much longer
"""

from __future__ import annotations

import argparse
import pickle
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from ledger_speed import perturbed_extractions  # noqa: E402
from synthetic import demo_articles  # noqa: E402

from wirewatch.corpus.incremental import LiveLedger  # noqa: E402
from wirewatch.corpus.ledger import build_ledger  # noqa: E402

NEW = 100


def demo_extractions(cache: Path | None):
    """The demo corpus's extractions (the model runs once; --cache keeps them between runs)."""
    if cache and cache.exists():
        return pickle.loads(cache.read_bytes())
    from wirewatch.extract.pipeline import Extractor
    from wirewatch.nlp.gazetteer import Gazetteer

    extractor = Extractor(gazetteer=Gazetteer())
    base = [extractor.extract(a) for a in demo_articles()]
    if cache:
        cache.write_bytes(pickle.dumps(base))
    return base


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000")
    parser.add_argument("--cache", type=Path, default=None, help="pickle of the demo extractions, to skip the model")
    args = parser.parse_args()
    base = demo_extractions(args.cache)
    print(f"command: python benchmarks/ledger_incremental.py --sizes {args.sizes}")
    print(f"{'stored':>8}{'new':>6}{'full s':>10}{'live s':>10}{'ratio':>8}{'equal':>7}{'incidents':>11}")
    for size in (int(s) for s in args.sizes.split(",")):
        everything = perturbed_extractions(base, size + NEW)
        stored, new = everything[:size], everything[size:]
        live = LiveLedger(stored)
        start = time.perf_counter()
        updated = live.add(new)
        live_seconds = time.perf_counter() - start
        start = time.perf_counter()
        full = build_ledger(everything)
        full_seconds = time.perf_counter() - start
        print(f"{size:>8}{NEW:>6}{full_seconds:>10.3f}{live_seconds:>10.3f}{full_seconds / live_seconds:>8.1f}"
              f"{str(updated == full):>7}{len(full.incidents):>11}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
