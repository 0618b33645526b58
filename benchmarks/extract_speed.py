"""Extraction speed on the demo corpus and the seed articles, against a plain spaCy parse of the same texts.

Reads and cleans every article in memory first, then times, single-process, over the corpus
repeated N times: wirewatch's `Extractor().extract_many` over batches of 32 articles, as `wirewatch
extract` runs it (after one warm-up article), a plain `nlp.pipe` of the same clean texts with the
small English model (the baseline, same run), a blank English tokenizer, and the floor of any
design that parses what wirewatch parses: the model's tok2vec, tagger and parser alone over the
sentences wirewatch chose. BLAS and OpenMP are held to one thread, and articles/s and the ratio use
the process's CPU seconds, so they are per core and hold on a busy machine (wall seconds shown too).

    python benchmarks/extract_speed.py [--demo examples/demo] [--seeds ../shared/eval/seeds/articles] [--repeat 5]
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

import spacy  # noqa: E402

from wirewatch.clean import clean  # noqa: E402
from wirewatch.errors import BadInput  # noqa: E402
from wirewatch.extract.pipeline import Extractor  # noqa: E402
from wirewatch.ingest import read_inputs  # noqa: E402
from wirewatch.model import Article, Skipped  # noqa: E402
from wirewatch.nlp.sentences import split_sentences  # noqa: E402
from wirewatch.nlp.pipeline import MODELS  # noqa: E402
from wirewatch.settings import Settings  # noqa: E402
from wirewatch.version import pipeline_version  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "examples" / "demo"
SEEDS = ROOT.parent / "shared" / "eval" / "seeds" / "articles"


def load_articles(folder: Path) -> tuple[list[Article], list[str]]:
    """The clean articles under the folder, and one line per input that was skipped."""
    articles, skipped = [], []
    version = pipeline_version()
    for item in read_inputs([folder], Settings().max_bytes):
        if isinstance(item, Skipped):
            skipped.append(item.line())
            continue
        try:
            articles.append(clean(item, version))
        except BadInput as exc:
            skipped.append(exc.line())
    return articles, skipped


def plain_model() -> spacy.language.Language:
    for name in MODELS:
        try:
            return spacy.load(name)
        except OSError:
            continue
    raise SystemExit(f"no spaCy model: neither {' nor '.join(MODELS)} is installed")


def timed(run) -> tuple[float, float]:
    """Wall and CPU seconds of one call."""
    wall, cpu = time.perf_counter(), time.process_time()
    run()
    return time.perf_counter() - wall, time.process_time() - cpu


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--demo", type=Path, default=DEMO)
    parser.add_argument("--seeds", type=Path, default=SEEDS)
    parser.add_argument("--repeat", type=int, default=5, help="times each corpus is run through (default 5)")
    parser.add_argument("--batch-size", type=int, default=64, help="nlp.pipe batch size of the baselines")
    args = parser.parse_args()
    if not args.demo.is_dir():
        print(f"{args.demo}: not found; pass --demo", file=sys.stderr)
        return 2
    print(f"command: python benchmarks/extract_speed.py --demo {args.demo} --seeds {args.seeds} "
          f"--repeat {args.repeat} --batch-size {args.batch_size}")

    corpora = {}
    for label, folder in (("demo", args.demo), ("seeds", args.seeds)):
        if not folder.is_dir():
            print(f"note: {folder}: not found, {label} skipped")
            continue
        articles, skipped = load_articles(folder)
        for line in skipped:
            print(f"note: {label}: skipped {line}")
        if articles:
            corpora[label] = articles
    if len(corpora) > 1:
        corpora["all"] = [a for articles in corpora.values() for a in articles]

    extractor = Extractor()
    plain = plain_model()
    blank = spacy.blank("en")
    first = next(iter(corpora.values()))[0]
    extractor.extract(first)
    list(plain.pipe([first.text]))
    list(blank.pipe([first.text]))
    print(f"model: {plain.meta['lang']}_{plain.meta['name']} {plain.meta['version']} (spaCy {spacy.__version__}); "
          f"wirewatch pipeline: {', '.join(extractor.nlp.pipe_names)}")
    print(f"threads: OMP_NUM_THREADS={os.environ['OMP_NUM_THREADS']}, single process; "
          f"articles/s and ratio from CPU seconds (per core)")

    for label, articles in corpora.items():
        texts = [a.text for a in articles] * args.repeat
        n = len(texts)
        chars = sum(len(a.text) for a in articles)
        extractions = []

        def run_wirewatch():
            for _ in range(args.repeat):
                extractions[:] = [x for i in range(0, len(articles), 32)
                                  for x in extractor.extract_many(articles[i:i + 32])]

        run_wirewatch()
        chosen = [s.text for a in articles for s in split_sentences(a.text, a.dateline)
                  if extractor.wants(s.text)] * args.repeat

        def run_floor():
            with plain.select_pipes(enable=["tok2vec", "tagger", "parser"]):
                list(plain.pipe(chosen, batch_size=256))

        rows = [
            ("wirewatch extract_many", timed(run_wirewatch)),
            ("plain nlp.pipe (baseline)", timed(lambda: list(plain.pipe(texts, batch_size=args.batch_size)))),
            ("blank('en') tokenizer", timed(lambda: list(blank.pipe(texts, batch_size=args.batch_size)))),
            ("floor: tok2vec+tagger+parser", timed(run_floor)),
        ]
        sentences = sum(x.sentences for x in extractions)
        parsed = sum(x.parsed_sentences for x in extractions)
        base = rows[1][1][1]
        print(f"\n{label}: {len(articles)} articles x {args.repeat} = {n}, {chars:,} characters per pass")
        print(f"{'system':<30}{'articles':>9}{'wall s':>8}{'cpu s':>8}{'articles/s':>12}{'time / nlp.pipe':>17}")
        for system, (wall, cpu) in rows:
            print(f"{system:<30}{n:>9}{wall:>8.2f}{cpu:>8.2f}{n / cpu:>12.1f}{cpu / base:>17.3f}")
        share = parsed / sentences if sentences else 0.0
        print(f"sentences parsed by wirewatch: {parsed} of {sentences} per pass ({share:.1%}); the floor row "
              f"parses those with no NER, attribute rules, lemmas or extraction rules")
    return 0


if __name__ == "__main__":
    sys.exit(main())
