"""Event typing scored on labelled snippets: by default the CASE 2021 task 2 test set (1,019 snippets,
30 fine-grained labels), or any file given with --data.

wirewatch's labeller is a weighted cue lexicon written from the ACLED codebook; nothing was
trained, on this set or any other. Prints weighted and macro F1 over all labels present and over
the ACLED labels, beside a majority-class baseline measured in the same run; --detail adds a
per-label precision/recall table and the most frequent confusions.

A data file is tab-separated with a header; the text is in `EventSnippet` and the gold label in
`SubType` (the CASE file) or `label` (wirewatch's own files). The project's development set,
written for tuning the cues, is benchmarks/data/event_snippets_dev.tsv; the test set is only for
a final figure. --errors prints the misclassified snippets, and refuses to do so for the test set.

    python benchmarks/case2021.py [--data FILE] [--detail] [--errors]
    python benchmarks/case2021.py --dev --detail --errors
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from collections import Counter
from pathlib import Path

from wirewatch.extract.event_types import classify_snippet

HERE = Path(__file__).resolve().parent
DEFAULT = HERE.parents[1] / "shared" / "eval" / "external" / "case2021-task2" / "test_with_labels.tsv"
DEV = HERE / "data" / "event_snippets_dev.tsv"
NON_ACLED = {"ORG_CRIME", "NATURAL_DISASTER", "MAN_MADE_DISASTER", "DIPLO", "ATTRIB"}
GOLD_COLUMNS = ("SubType", "label")
TEXT_COLUMN = "EventSnippet"


def per_label(gold: list[str], pred: list[str], labels: set[str]) -> dict[str, tuple[float, float, float, int]]:
    """Precision, recall, F1 and support of each label (items whose gold label is outside are skipped)."""
    pairs = [(g, p) for g, p in zip(gold, pred) if g in labels]
    out = {}
    for label in labels:
        tp = sum(1 for g, p in pairs if g == label and p == label)
        fp = sum(1 for g, p in pairs if g != label and p == label)
        fn = sum(1 for g, p in pairs if g == label and p != label)
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        out[label] = (precision, recall, f1, tp + fn)
    return out


def f1_scores(gold: list[str], pred: list[str], labels: set[str]) -> tuple[float, float]:
    """Weighted and macro F1 over the given labels (items whose gold label is outside are skipped)."""
    table = per_label(gold, pred, labels)
    total = sum(row[3] for row in table.values())
    weighted = sum(row[2] * row[3] for row in table.values()) / total if total else 0.0
    present = [row for row in table.values() if row[3]]
    macro = sum(row[2] for row in present) / len(present) if present else 0.0
    return weighted, macro


def read_rows(path: Path) -> tuple[list[str], list[str], list[str]]:
    """Ids, texts and gold labels of a labelled TSV file."""
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle, delimiter="\t")
        fields = reader.fieldnames or []
        gold_column = next((c for c in GOLD_COLUMNS if c in fields), None)
        if gold_column is None or TEXT_COLUMN not in fields:
            raise ValueError(f"{path}: needs columns {TEXT_COLUMN!r} and one of {GOLD_COLUMNS}")
        rows = list(reader)
    ids = [row.get("id") or row.get("ID") or str(n) for n, row in enumerate(rows, 1)]
    return ids, [row[TEXT_COLUMN] for row in rows], [row[gold_column].strip() for row in rows]


def is_test_file(path: Path) -> bool:
    return "case2021-task2" in path.resolve().parts or path.resolve() == DEFAULT.resolve()


def score(gold: list[str], pred: list[str]) -> dict[str, float]:
    """The headline figures, for callers (tests) that want numbers rather than a printout."""
    all_labels = set(gold)
    w30, m30 = f1_scores(gold, pred, all_labels)
    w25, _ = f1_scores(gold, pred, all_labels - NON_ACLED)
    return {"weighted_f1": w30, "macro_f1": m30, "weighted_f1_acled": w25}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT, help="labelled TSV file (default: the CASE test set)")
    parser.add_argument("--dev", action="store_true", help=f"score the project's development set ({DEV.name})")
    parser.add_argument("--detail", action="store_true", help="per-label table and the most frequent confusions")
    parser.add_argument("--confusions", type=int, default=0, help="print the N most frequent confusions")
    parser.add_argument("--errors", action="store_true", help="print misclassified snippets (not for the test set)")
    args = parser.parse_args()
    data = DEV if args.dev else args.data
    if not data.exists():
        print(f"{data}: not found; pass --data", file=sys.stderr)
        return 2
    if args.errors and is_test_file(data):
        print("--errors is refused for the CASE test set: its items are not to be read", file=sys.stderr)
        return 2
    ids, texts, gold = read_rows(data)
    start = time.perf_counter()
    pred = [classify_snippet(text) for text in texts]
    elapsed = time.perf_counter() - start
    majority = [Counter(gold).most_common(1)[0][0]] * len(gold)
    all_labels = set(gold)
    acled = all_labels - NON_ACLED
    kind = "CASE 2021 task 2 test set" if is_test_file(data) else "labelled file"
    print(f"data: {data} ({kind})")
    print(f"command: python benchmarks/case2021.py --data {data}")
    print(f"snippets: {len(texts)}, labels: {len(all_labels)}, seconds: {elapsed:.2f}")
    print(f"{'system':<28}{'weighted F1 (all)':>18}{'macro F1 (all)':>15}{'weighted F1 (ACLED)':>21}")
    for name, labels_ in (("majority class (baseline)", majority), ("wirewatch cue lexicon", pred)):
        w30, m30 = f1_scores(gold, labels_, all_labels)
        w25, _ = f1_scores(gold, labels_, acled)
        print(f"{name:<28}{w30:>18.3f}{m30:>15.3f}{w25:>21.3f}")
    n_confusions = args.confusions or (25 if args.detail else 0)
    if args.detail:
        table = per_label(gold, pred, all_labels | set(pred))
        print(f"\n{'label':<32}{'precision':>10}{'recall':>8}{'F1':>7}{'support':>9}{'predicted':>11}")
        predicted = Counter(pred)
        for label in sorted(table, key=lambda k: (table[k][2], k)):
            p, r, f, n = table[label]
            print(f"{label:<32}{p:>10.2f}{r:>8.2f}{f:>7.2f}{n:>9d}{predicted[label]:>11d}")
    if n_confusions:
        print("\nmost frequent confusions (gold -> predicted):")
        for (g, p), n in Counter((g, p) for g, p in zip(gold, pred) if g != p).most_common(n_confusions):
            print(f"  {n:4d}  {g} -> {p}")
    if args.errors:
        print("\nmisclassified (id, gold -> predicted, text):")
        for ident, text, g, p in zip(ids, texts, gold, pred):
            if g != p:
                print(f"  {ident}  {g} -> {p}  {text}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
