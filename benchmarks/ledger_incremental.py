"""Ledger update when 100 articles arrive in a corpus of N: the live (incremental) update against a full rebuild.

The corpus is synthetic, made as ledger_speed.py makes it (perturbed copies of the demo corpus's
extractions), stored in a SQLite store in a temporary folder. The live ledger (`corpus/incremental.py`,
what `wirewatch watch` keeps) is built over the first N articles untimed; then 100 new articles are
stored and the update is timed both ways, each reading from the store what it needs, and so on for
--rounds polls (the medians are shown):

- live: what `wirewatch watch` does after a poll (watch/poll.py): ask the store for the articles stored since the
  last update (less watch/poll.py's margin; the first N are stamped a day old, as a store filled over weeks
  is), keep those the live ledger lacks, read their extractions from the store and add them to the live ledger;
- full: read every extraction from the store and `build_ledger` them all (what a command that opens
  the store does), also shown without the store read ("full ledger only").

The two ledgers are compared: they must be equal.

    python benchmarks/ledger_incremental.py --sizes 1000            # about a minute
    python benchmarks/ledger_incremental.py --sizes 1000,10000      # the 10,000 run takes much longer
    (--cache FILE keeps the demo extractions between runs, so the model loads once)

Two synthetic corpora (--corpus):

- copies (the default, and the first measured): a hard case for a live update: a hundred copies of each
  demo article (source groups of a thousand members at 10,000), nineteen towns and two months, one
  undated article in eleven whose dates come from incidents, and the new articles spread over the whole
  period and every town.
- feed: what a watched feed brings. A story is carried by up to three outlets (source groups of three,
  not a thousand), the store covers one day per twenty articles (fifty days at 1,000, five hundred at
  10,000), and the new articles are the next days' news, as a poll brings them. Towns, undated articles
  and the demo's own dates within each article are as in copies.

Besides wall time (the machine may be shared), the CPU time of each side and their ratio are shown.
The ratio measures how much of a rebuild is each article's own work: the store read, the source
groups' signatures and each article's facts. Each of those made faster (batched reads, signatures
from word hashes in arrays) lowers the ratio while every command that opens the store gets faster;
the update's own time, and how it grows with the store, are the figures that matter to a watch.
The ratio at 1,000 stays near 11: the rebuild does each of 1,100 articles' own work, the update at
least the 100 new ones'. What shows that an update does not grow with the store is its time across sizes.
"""

from __future__ import annotations

import argparse
import datetime as dt
import pickle
import statistics
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
from wirewatch.store.schema import articles  # noqa: E402
from wirewatch.watch.poll import COMMIT_MARGIN  # noqa: E402

NEW = 100
PER_DAY = 20  # feed corpus: articles a day
OUTLETS = 3  # feed corpus: copies of one story


def feed_extractions(base, size: int):
    """The feed corpus (module docstring): article i is about day i // PER_DAY; each story (one demo article's
    text, made distinct from the demo article's other copies by a word of its own every four words, so that
    every 5-word shingle is the story's alone) is carried by OUTLETS consecutive copies of that article."""
    start = min(e.article.published for e in base if e.article.published)

    def shift_of(index, source):
        return start + dt.timedelta(days=index // PER_DAY) - (source.article.published or start)

    def text_of(index, text):
        story = f"story{index // (len(base) * OUTLETS)}x{index % len(base)}"
        words = text.split()
        return " ".join(w for i in range(0, len(words), 4) for w in (*words[i:i + 4], story))

    return perturbed_extractions(base, size, shift_of=shift_of, text_of=text_of)


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


def _backdate(store: Store, days: int) -> None:
    """Stamp every stored article as stored that many days ago: a store of 10,000 articles was filled over weeks."""
    with store.engine.begin() as conn:
        conn.execute(articles.update().values(
            ingested_at=dt.datetime.now(dt.timezone.utc) - dt.timedelta(days=days)))


def _round(store: Store, live: LiveLedger, since: dt.datetime) -> tuple:
    """One poll's update, timed both ways: (full s, full ledger only s, live s, full CPU s, live CPU s, equal)."""
    start, cpu = time.perf_counter(), time.process_time()
    fresh = sorted(i for i in store.ids_ingested_since(since - COMMIT_MARGIN) if i not in live)
    updated = live.add(stored_extractions(fresh, store))
    live_seconds, live_cpu = time.perf_counter() - start, time.process_time() - cpu
    start, cpu = time.perf_counter(), time.process_time()
    read = list(stored_extractions(store.article_ids(), store))
    ledger_start = time.perf_counter()
    full = build_ledger(read)
    end, full_cpu = time.perf_counter(), time.process_time() - cpu
    return end - start, end - ledger_start, live_seconds, full_cpu, live_cpu, updated == full


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000")
    parser.add_argument("--corpus", choices=("copies", "feed"), default="copies", help="module docstring")
    parser.add_argument("--rounds", type=int, default=3, help="polls of 100 new articles, one after another; "
                        "each is timed both ways and the medians shown (the machine may be shared)")
    parser.add_argument("--cache", type=Path, default=None, help="pickle of the demo extractions, to skip the model")
    args = parser.parse_args()
    base = demo_extractions(args.cache)
    print(f"command: python benchmarks/ledger_incremental.py --sizes {args.sizes} --corpus {args.corpus} "
          f"--rounds {args.rounds}")
    print(f"{'stored':>8}{'new':>6}{'full s':>9}{'full ledger only s':>20}{'live s':>9}{'ratio':>8}"
          f"{'ratio ledger only':>19}{'full cpu s':>12}{'live cpu s':>12}{'cpu ratio':>11}{'equal':>7}")
    make = feed_extractions if args.corpus == "feed" else perturbed_extractions
    for size in (int(s) for s in args.sizes.split(",")):
        everything = make(base, size + NEW * args.rounds)
        rounds = []
        with tempfile.TemporaryDirectory() as folder, Store(str(Path(folder) / "bench.db")) as store:
            _store(store, everything[:size])
            _backdate(store, days=1)
            live = LiveLedger(stored_extractions([x.article.id for x in everything[:size]], store))
            for done in range(size, size + NEW * args.rounds, NEW):
                since = dt.datetime.now(dt.timezone.utc)
                _store(store, everything[done:done + NEW])
                rounds.append(_round(store, live, since))
        full_seconds, ledger_seconds, live_seconds, full_cpu, live_cpu = (
            statistics.median(r[i] for r in rounds) for i in range(5))
        print(f"{size:>8}{NEW:>6}{full_seconds:>9.2f}{ledger_seconds:>20.2f}{live_seconds:>9.2f}"
              f"{full_seconds / live_seconds:>8.1f}{ledger_seconds / live_seconds:>19.1f}"
              f"{full_cpu:>12.2f}{live_cpu:>12.2f}{full_cpu / live_cpu:>11.1f}{str(all(r[5] for r in rounds)):>7}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
