"""Event typing on the CASE 2021 task 2 test set: 1,019 snippets, 30 fine-grained labels.

wirewatch's labeller is a weighted cue lexicon written from the ACLED codebook; nothing was
trained, on this set or any other. Prints weighted and macro F1 over all 30 labels and over the
25 ACLED labels, beside a majority-class baseline measured in the same run.

    python benchmarks/case2021.py [--data ../shared/eval/external/case2021-task2/test_with_labels.tsv]
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from collections import Counter
from pathlib import Path

from wirewatch.extract.event_types import classify_snippet

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "eval" / "external" / "case2021-task2" / "test_with_labels.tsv"
NON_ACLED = {"ORG_CRIME", "NATURAL_DISASTER", "MAN_MADE_DISASTER", "DIPLO", "ATTRIB"}


def f1_scores(gold: list[str], pred: list[str], labels: set[str]) -> tuple[float, float]:
    """Weighted and macro F1 over the given labels (items whose gold label is outside are skipped)."""
    pairs = [(g, p) for g, p in zip(gold, pred) if g in labels]
    support = Counter(g for g, _ in pairs)
    f1s = {}
    for label in labels:
        tp = sum(1 for g, p in pairs if g == label and p == label)
        fp = sum(1 for g, p in pairs if g != label and p == label)
        fn = sum(1 for g, p in pairs if g == label and p != label)
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1s[label] = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    total = sum(support.values())
    weighted = sum(f1s[label] * support[label] for label in labels) / total if total else 0.0
    present = [label for label in labels if support[label]]
    macro = sum(f1s[label] for label in present) / len(present) if present else 0.0
    return weighted, macro


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT)
    parser.add_argument("--confusions", type=int, default=0, help="print the N most frequent confusions")
    args = parser.parse_args()
    if not args.data.exists():
        print(f"{args.data}: not found; pass --data", file=sys.stderr)
        return 2
    with args.data.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    gold = [row["SubType"] for row in rows]
    start = time.perf_counter()
    pred = [classify_snippet(row["EventSnippet"]) for row in rows]
    elapsed = time.perf_counter() - start
    majority = [Counter(gold).most_common(1)[0][0]] * len(gold)
    all_labels = set(gold)
    acled = all_labels - NON_ACLED
    print(f"command: python benchmarks/case2021.py --data {args.data}")
    print(f"snippets: {len(rows)}, labels: {len(all_labels)}, seconds: {elapsed:.2f}")
    print(f"{'system':<28}{'weighted F1 (30)':>18}{'macro F1 (30)':>15}{'weighted F1 (25 ACLED)':>24}")
    for name, labels_ in (("majority class (baseline)", majority), ("wirewatch cue lexicon", pred)):
        w30, m30 = f1_scores(gold, labels_, all_labels)
        w25, _ = f1_scores(gold, labels_, acled)
        print(f"{name:<28}{w30:>18.3f}{m30:>15.3f}{w25:>24.3f}")
    if args.confusions:
        print("most frequent confusions (gold -> predicted):")
        for (g, p), n in Counter((g, p) for g, p in zip(gold, pred) if g != p).most_common(args.confusions):
            print(f"  {n:4d}  {g} -> {p}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
