"""Ledger update when 100 articles arrive in a corpus of N: the live (incremental) update against a full rebuild.

The corpus is synthetic, made as ledger_speed.py makes it (perturbed copies of the demo corpus's
extractions), stored in a SQLite store in a temporary folder. The live ledger (`corpus/incremental.py`,
what `wirewatch watch` keeps) is built over the first N articles untimed; then 100 new articles are
stored and the update is timed both ways, each reading from the store what it needs:

- live: what `wirewatch watch` does after a poll (watch/poll.py): list the store's article ids, keep
  those the live ledger lacks, read their extractions from the store and add them to the live ledger;
- full: read every extraction from the store and `build_ledger` them all (what a command that opens
  the store does), also shown without the store read ("full ledger only").

The two ledgers are compared: they must be equal.

    python benchmarks/ledger_incremental.py --sizes 1000            # about a minute
    python benchmarks/ledger_incremental.py --sizes 1000,10000      # the 10,000 run takes much longer
    (--cache FILE keeps the demo extractions between runs, so the model loads once)

The synthetic corpus is a hard case for a live update: a hundred copies of each demo article (source
groups of a thousand members at 10,000), nineteen towns and two months, one undated article in eleven
whose dates come from incidents, and the new articles spread over the whole period and every town.
"""

from __future__ import annotations

import argparse
import pickle
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from ledger_speed import perturbed_extractions  # noqa: E402
from synthetic import demo_articles  # noqa: E402

from wirewatch.corpus.incremental import LiveLedger  # noqa: E402
from wirewatch.corpus.ledger import build_ledger  # noqa: E402
from wirewatch.runner import stored_extractions  # noqa: E402
from wirewatch.store import Store  # noqa: E402

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


def _store(store: Store, extractions) -> None:
    for extraction in extractions:
        store.add_article(extraction.article)
    store.save_extractions(extractions, "bench")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000")
    parser.add_argument("--cache", type=Path, default=None, help="pickle of the demo extractions, to skip the model")
    args = parser.parse_args()
    base = demo_extractions(args.cache)
    print(f"command: python benchmarks/ledger_incremental.py --sizes {args.sizes}")
    print(f"{'stored':>8}{'new':>6}{'full s':>9}{'full ledger only s':>20}{'live s':>9}{'ratio':>8}"
          f"{'ratio ledger only':>19}{'equal':>7}")
    for size in (int(s) for s in args.sizes.split(",")):
        everything = perturbed_extractions(base, size + NEW)
        with tempfile.TemporaryDirectory() as folder, Store(str(Path(folder) / "bench.db")) as store:
            _store(store, everything[:size])
            live = LiveLedger(stored_extractions([x.article.id for x in everything[:size]], store))
            _store(store, everything[size:])
            start = time.perf_counter()
            fresh = [i for i in store.article_ids() if i not in live]
            updated = live.add(stored_extractions(fresh, store))
            live_seconds = time.perf_counter() - start
            start = time.perf_counter()
            read = list(stored_extractions(store.article_ids(), store))
            ledger_start = time.perf_counter()
            full = build_ledger(read)
            end = time.perf_counter()
        full_seconds, ledger_seconds = end - start, end - ledger_start
        print(f"{size:>8}{NEW:>6}{full_seconds:>9.2f}{ledger_seconds:>20.2f}{live_seconds:>9.2f}"
              f"{full_seconds / live_seconds:>8.1f}{ledger_seconds / live_seconds:>19.1f}{str(updated == full):>7}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
