"""A bounded load run on loopback against the dashboard's incidents page and API.

Starts the server on 127.0.0.1 over a store built from the demo corpus, sends a fixed number of
requests from a few client threads, and prints requests per second and latency percentiles; a
plain static file from the same server is the baseline measured in the same run.

    python benchmarks/load.py [--requests 400] [--clients 4]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.browser.server import Server  # noqa: E402
from wirewatch.api import Wirewatch  # noqa: E402
from wirewatch.web.app import create_app  # noqa: E402


def run(url: str, requests: int, clients: int) -> tuple[float, list[float], int]:
    local = threading.local()

    def one(_):
        if not hasattr(local, "client"):
            local.client = httpx.Client(timeout=30)  # keep-alive, as a browser would
        start = time.perf_counter()
        response = local.client.get(url)
        return time.perf_counter() - start, response.status_code
    start = time.perf_counter()
    with ThreadPoolExecutor(clients) as pool:
        results = list(pool.map(one, range(requests)))
    elapsed = time.perf_counter() - start
    return elapsed, [r[0] for r in results], sum(1 for r in results if r[1] != 200)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=400)
    parser.add_argument("--clients", type=int, default=4)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        db = str(Path(folder) / "demo.db")
        with Wirewatch(db) as handle:
            handle.ingest([ROOT / "examples" / "demo"])
            handle.ledger()
        with Server(create_app(db)) as base:
            for path in ("/static/style.css", "/incidents", "/api/incidents"):
                httpx.get(base + path)  # warm up
            print(f"command: python benchmarks/load.py --requests {args.requests} --clients {args.clients}")
            print(f"{'target':<22}{'requests':>10}{'errors':>8}{'req/s':>10}{'p50 ms':>10}{'p95 ms':>10}")
            for path in ("/static/style.css", "/incidents", "/api/incidents"):
                elapsed, latencies, errors = run(base + path, args.requests, args.clients)
                p95 = statistics.quantiles(latencies, n=20)[18] * 1000
                print(f"{path:<22}{len(latencies):>10}{errors:>8}{len(latencies) / elapsed:>10.1f}"
                      f"{statistics.median(latencies) * 1000:>10.1f}{p95:>10.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
