"""Ledger building time as the corpus grows: the demo corpus, then 100, 1,000 and 10,000 synthetic articles.

Extraction is measured elsewhere (extract_speed.py); here the extractions of the demo articles are
computed once and each synthetic article gets a perturbed copy of its source article's extraction
(shifted dates, swapped towns, jittered numbers), so that the timing isolates the ledger.

    python benchmarks/ledger_speed.py [--sizes 100,1000,10000]
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import random
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import TOWNS, demo_articles  # noqa: E402

from wirewatch.corpus.ledger import build_ledger  # noqa: E402
from wirewatch.extract.pipeline import Extractor  # noqa: E402
from wirewatch.nlp.gazetteer import Gazetteer  # noqa: E402


def perturbed_extractions(base, size: int, seed: int = 7, shift_of=None, text_of=None):
    """shift_of(index, source) and text_of(index, source text), when given, replace the random date shift
    and the copy's text (ledger_incremental.py's feed corpus); by default every copy of a demo article
    carries its text, so the copies of one article make one source group."""
    rng = random.Random(seed)
    out = []
    for index in range(size):
        source = base[index % len(base)]
        shift = dt.timedelta(days=rng.randint(-20, 20))
        if shift_of is not None:
            shift = shift_of(index, source)
        town = {t: rng.choice(TOWNS) for t in TOWNS}
        article = dataclasses.replace(source.article, id=f"{source.article.id[:12]}{index:08d}",
                                      name=f"{source.article.name}-syn{index}",
                                      published=source.article.published + shift if source.article.published else None,
                                      text=(text_of(index, source.article.text) if text_of else
                                            source.article.text) + f"\n\n(Synthetic copy {index}.)")
        def move(item):
            fields = {}
            if hasattr(item, "provenance"):
                p = item.provenance
                fields["provenance"] = dataclasses.replace(p, article_id=article.id)
            if getattr(item, "date", None) is not None and hasattr(item, "date"):
                fields["date"] = item.date + shift
            if hasattr(item, "places") and isinstance(item.places, tuple):
                fields["places"] = tuple(town.get(n, n) for n in item.places)
            if hasattr(item, "value"):
                fields["value"] = max(1, int(item.value * rng.uniform(0.7, 1.4)))
            return dataclasses.replace(item, **fields)
        out.append(dataclasses.replace(
            source, article=article,
            figures=tuple(move(f) for f in source.figures), claims=tuple(move(c) for c in source.claims),
            agreements=tuple(move(a) for a in source.agreements), events=tuple(move(e) for e in source.events),
            places=tuple(dataclasses.replace(p, provenance=dataclasses.replace(p.provenance, article_id=article.id))
                         for p in source.places)))
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,1000,10000")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    gazetteer = Gazetteer()
    extractor = Extractor(gazetteer=gazetteer)
    base = [extractor.extract(a) for a in demo_articles()]
    print(f"command: python benchmarks/ledger_speed.py --sizes {args.sizes}")
    print(f"{'corpus':<14}{'articles':>10}{'seconds':>10}{'ms/article':>12}{'incidents':>11}{'peak MB':>10}")
    rows = [("demo", base)] + [("synthetic", perturbed_extractions(base, n)) for n in sizes]
    per_article = []
    for label, extractions in rows:
        tracemalloc.start()
        start = time.perf_counter()
        ledger = build_ledger(extractions)
        elapsed = time.perf_counter() - start
        peak = tracemalloc.get_traced_memory()[1] / 1e6
        tracemalloc.stop()
        per_article.append(elapsed / len(extractions))
        print(f"{label:<14}{len(extractions):>10}{elapsed:>10.2f}{1000 * elapsed / len(extractions):>12.2f}"
              f"{len(ledger.incidents):>11}{peak:>10.1f}")
    if len(per_article) > 2:
        print(f"growth: time per article at the largest size / at 100 = {per_article[-1] / per_article[1]:.2f} "
              "(1.0 is linear)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
