"""A bounded load run on loopback against the dashboard's incidents page and API.

Starts the server on 127.0.0.1 over a store built from the demo corpus, sends a fixed number of
requests from a few client threads, and prints requests per second and latency percentiles; a
plain static file from the same server is the baseline measured in the same run.

    python benchmarks/load.py [--requests 400] [--clients 4]
    python benchmarks/load.py --while-ingest [--requests 2000] [--clients 8]

--while-ingest serves the store from a `wirewatch serve --token` process instead and measures the
reads twice: alone, then while another client POSTs articles to /api/articles one after another
(the first of --post-kb kilobytes, default 30); reads should keep their p95. Loopback only.
"""

from __future__ import annotations

import argparse
import os
import secrets
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.browser.server import Server, free_port  # noqa: E402
from wirewatch.api import Wirewatch  # noqa: E402
from wirewatch.web.app import create_app  # noqa: E402


def run(url: str, requests: int, clients: int) -> tuple[float, list[float], int]:
    local = threading.local()

    def one(_):
        if not hasattr(local, "client"):
            local.client = httpx.Client(timeout=30)  # keep-alive, as a browser would
        start = time.perf_counter()
        try:
            status = local.client.get(url).status_code
        except httpx.HTTPError as exc:  # a timeout is an error of the run, counted, not its end
            status = type(exc).__name__
        return time.perf_counter() - start, status
    start = time.perf_counter()
    with ThreadPoolExecutor(clients) as pool:
        results = list(pool.map(one, range(requests)))
    elapsed = time.perf_counter() - start
    return elapsed, [r[0] for r in results], sum(1 for r in results if r[1] != 200)


def _row(path: str, elapsed: float, latencies: list[float], errors: int) -> str:
    p95 = statistics.quantiles(latencies, n=20)[18] * 1000
    return (f"{path:<22}{len(latencies):>10}{errors:>8}{len(latencies) / elapsed:>10.1f}"
            f"{statistics.median(latencies) * 1000:>10.1f}{p95:>10.1f}")


def _article(n: int, size: int = 0) -> dict:
    text = (f"Artillery shelled the market of Orsa for the {n}th time on Monday, killing {n % 9 + 2} civilians, "
            f"the regional governor said. The defence ministry denied the report number {n}.")
    filler = " ".join(f"Residents of district {k} said the shelling went on through the night." for k in range(
        size // 70)) if size else ""
    return {"id": f"load-{n}", "outlet": "Kestrel News", "published": "2021-03-02", "title": f"Shelling {n}",
            "text": text + ("\n\n" + filler if filler else "")}


def while_ingest(requests: int, clients: int, post_kb: int = 30) -> int:
    """Reads alone, then reads while articles are POSTed: both tables, from a separate server process."""
    with tempfile.TemporaryDirectory() as folder:
        db = str(Path(folder) / "demo.db")
        with Wirewatch(db) as handle:
            handle.ingest([ROOT / "examples" / "demo"])
            handle.ledger()
        token, port = secrets.token_hex(16), free_port()
        env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
        server = subprocess.Popen([sys.executable, "-c", "from wirewatch.cli import main; main()", "serve", "--db", db,
                                   "--host", "127.0.0.1", "--port", str(port), "--token", token], env=env)
        base = f"http://127.0.0.1:{port}"
        try:
            deadline = time.time() + 60
            while time.time() < deadline:
                try:
                    httpx.get(base + "/api/overview", timeout=5)
                    break
                except httpx.HTTPError:
                    time.sleep(0.2)
            paths = ("/api/incidents", "/incidents")
            for path in paths:
                httpx.get(base + path, timeout=30)
            print(f"command: python benchmarks/load.py --while-ingest --requests {requests} --clients {clients} "
                  f"--post-kb {post_kb}")
            print(f"{'reads alone':<22}{'requests':>10}{'errors':>8}{'req/s':>10}{'p50 ms':>10}{'p95 ms':>10}")
            for path in paths:
                print(_row(path, *run(base + path, requests, clients)))
            stop, posted = threading.Event(), []

            def ingest():
                with httpx.Client(timeout=600, headers={"Authorization": f"Bearer {token}"}) as client:
                    n = 0
                    while not stop.is_set():
                        started = time.perf_counter()
                        try:
                            response = client.post(base + "/api/articles",
                                                   json=_article(n, post_kb * 1000 if n == 0 else 0))
                            status = response.status_code
                        except httpx.HTTPError as exc:
                            status = type(exc).__name__
                        posted.append((status, time.perf_counter() - started))
                        n += 1

            poster = threading.Thread(target=ingest, daemon=True)
            poster.start()
            try:
                print(f"{'reads during ingest':<22}{'requests':>10}{'errors':>8}{'req/s':>10}{'p50 ms':>10}{'p95 ms':>10}")
                for path in paths:
                    print(_row(path, *run(base + path, requests, clients)))
            finally:
                stop.set()
            poster.join(600)
            codes = sorted({str(code) for code, _ in posted})
            print(f"ingest POSTs during the reads: {len(posted)} (status {', '.join(codes)}), "
                  f"median {statistics.median(t for _, t in posted) * 1000:.0f} ms each" if posted else
                  "no ingest POST finished")
        finally:
            server.terminate()
            server.wait(30)
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=400)
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--while-ingest", action="store_true", help="reads alone, then while articles are POSTed")
    parser.add_argument("--post-kb", type=int, default=30, help="size of the first posted article (--while-ingest)")
    args = parser.parse_args()
    if args.while_ingest:
        return while_ingest(args.requests, args.clients, args.post_kb)
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
