"""Main-text extraction quality on the ScrapingHub article-extraction benchmark (181 real pages).

Scores word 4-gram shingles per page against the benchmark's `articleBody`, as the benchmark does,
and prints mean precision, recall and F1: once for trafilatura alone (the baseline, same run) and
once for wirewatch's clean stage (trafilatura plus the line cleaner).

    python benchmarks/article_extraction.py [--data ../shared/eval/external/article-extraction]
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
from pathlib import Path

import trafilatura

from wirewatch.clean import clean
from wirewatch.errors import BadInput
from wirewatch.model import InputFormat, RawDocument

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "eval" / "external" / "article-extraction"


def shingles(text: str, n: int = 4) -> set[tuple[str, ...]]:
    words = re.findall(r"\w+", text.lower())
    return {tuple(words[i:i + n]) for i in range(max(len(words) - n + 1, 0))}


def prf(predicted: str, gold: str) -> tuple[float, float, float]:
    pred, true = shingles(predicted), shingles(gold)
    if not pred and not true:
        return 1.0, 1.0, 1.0
    hit = len(pred & true)
    precision = hit / len(pred) if pred else 0.0
    recall = hit / len(true) if true else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def wirewatch_text(html: str, name: str) -> str:
    raw = RawDocument(name, name, html, True, InputFormat.HTML)
    try:
        return clean(raw, "bench", min_chars=1).text
    except BadInput:
        return ""


def trafilatura_text(html: str, name: str) -> str:
    return trafilatura.extract(html, include_comments=False, include_tables=False) or ""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT)
    args = parser.parse_args()
    truth_file = args.data / "ground-truth.json"
    if not truth_file.exists():
        print(f"{truth_file}: not found; pass --data", file=sys.stderr)
        return 2
    truth = json.loads(truth_file.read_text(encoding="utf-8"))
    pages = []
    for page_id, item in sorted(truth.items()):
        path = args.data / "html" / f"{page_id}.html.gz"
        pages.append((page_id, gzip.decompress(path.read_bytes()).decode("utf-8", errors="replace"), item.get("articleBody") or ""))
    print(f"command: python benchmarks/article_extraction.py --data {args.data}")
    print(f"pages: {len(pages)}")
    print(f"{'system':<26}{'precision':>10}{'recall':>10}{'F1':>10}{'seconds':>10}")
    results = {}
    for label, extract in (("trafilatura (baseline)", trafilatura_text), ("wirewatch clean", wirewatch_text)):
        start = time.perf_counter()
        scores = [prf(extract(html, page_id), gold) for page_id, html, gold in pages]
        elapsed = time.perf_counter() - start
        mean = [sum(s[i] for s in scores) / len(scores) for i in range(3)]
        results[label] = mean
        print(f"{label:<26}{mean[0]:>10.3f}{mean[1]:>10.3f}{mean[2]:>10.3f}{elapsed:>10.1f}")
    base, ours = results["trafilatura (baseline)"][2], results["wirewatch clean"][2]
    print(f"F1 ratio wirewatch/trafilatura: {ours / base:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
