"""Running extraction on several processes or on a Dask cluster; results equal one process's.

Each worker builds its own Extractor once (the model and the gazetteer load per process) and
returns plain Extraction records; the caller keeps writing to the store, so the store has one
writer whatever runs the work.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor

from .errors import ConfigError
from .isolate import Failed, extract_each
from .model import Article, Extraction
from .settings import EXTRACT_BATCH

_EXTRACTOR = None


# Articles a worker parses together: as many as one process does, since smaller batches cost more
# per article; each worker gets one chunk per batch, and with two batches in flight none waits.
CHUNK = EXTRACT_BATCH


def _extract_chunk(articles: list[Article]) -> list[Extraction | Failed]:
    global _EXTRACTOR
    if _EXTRACTOR is None:
        from .extract.pipeline import Extractor

        _EXTRACTOR = Extractor()
    return extract_each(_EXTRACTOR.extract_many, articles)


def _lower_priority(nice: int) -> None:
    if nice and hasattr(os, "nice"):
        os.nice(nice)


def _chunks(articles: Iterable[Article]) -> list[list[Article]]:
    articles = list(articles)
    return [articles[i:i + CHUNK] for i in range(0, len(articles), CHUNK)]


class ProcessRunner:
    """Extraction on N local processes.

    nice: how much lower the workers' scheduling priority is (a server that extracts a posted
    article in the background keeps its readers first on a busy machine)."""

    def __init__(self, workers: int, nice: int = 0):
        self.workers = workers
        self._pool = ProcessPoolExecutor(max_workers=workers, initializer=_lower_priority, initargs=(nice,))

    def map(self, articles: Iterable[Article]) -> Iterator[Extraction | Failed]:
        done = self._pool.map(_extract_chunk, _chunks(articles))  # submitted now, so work starts at once
        return (extraction for chunk in done for extraction in chunk)

    def close(self) -> None:
        self._pool.shutdown()


def check_dask(spec: str) -> int | None:
    """The number of workers of a `local:N` spec, None for `tcp://host:port`; ConfigError for any other,
    so that a command can refuse a bad --dask before it does any work."""
    if spec.startswith("tcp://") and len(spec) > len("tcp://"):
        return None
    if spec.startswith("local:"):
        count = spec.split(":", 1)[1]
        if count.isdigit() and int(count) >= 1:
            return int(count)
        raise ConfigError("--dask", f"{spec!r}: expected local:N with N a number of workers (1 or more)")
    raise ConfigError("--dask", f"{spec!r}: expected local:N or tcp://host:port")


class DaskRunner:
    """Extraction on a Dask cluster: `local:N` starts one here, `tcp://host:8786` joins one."""

    def __init__(self, spec: str):
        try:
            from dask.distributed import Client, LocalCluster
        except ImportError:
            raise ConfigError("--dask", "dask.distributed is not installed", "pip install 'dask[distributed]'") from None
        self.cluster = None
        workers = check_dask(spec)
        if workers is not None:
            self.cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                        dashboard_address=None, host="127.0.0.1")
            self.client = Client(self.cluster)
        else:
            self.client = Client(spec, timeout=20)

    def map(self, articles: Iterable[Article]) -> Iterator[Extraction | Failed]:
        futures = self.client.map(_extract_chunk, _chunks(articles), pure=False)  # submitted now
        return (extraction for future in futures for extraction in future.result())

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()


def make_runner(workers: int = 1, dask: str | None = None):
    """A runner for the options given, or None for extraction in this process."""
    if dask:
        return DaskRunner(dask)
    if workers > 1:
        return ProcessRunner(workers)
    return None
