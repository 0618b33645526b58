"""Watching sources: poll feeds, sitemaps and folders, store what is new, update the ledger and say what changed.

fetch.py speaks HTTP (politely: validators, a per-host pace, retries, limits); sources.py turns a
source into the new documents it holds; state.py keeps what was seen in the store; poll.py runs
one poll over every source and the ledger update that follows it.
"""

from __future__ import annotations

import sys
from pathlib import Path


def run_watch(handle, sources: list[str], every: float, once: bool, alerts_file: Path | None,
              webhook: str | None, keep, timeout: float, tell) -> bool:
    """The `watch` command's session over an open handle; True when a source failed at the last poll.
    Sources and the webhook are checked before any poll (BadInput for a source that is neither a URL
    nor a folder, or a webhook that is no http(s) URL)."""
    from .alerts import AlertSink
    from .fetch import Fetcher, FetchPolicy
    from .poll import Watcher
    from ..errors import BadInput
    from .sources import check_source, is_url

    for source in sources:
        check_source(source)
    if webhook is not None and not is_url(webhook):  # else every alert's POST would fail, one line each
        raise BadInput(f"--webhook {webhook}", "not an http(s) URL", "give the URL that alerts are POSTed to")
    stream = alerts_file.open("a", encoding="utf-8") if alerts_file else sys.stdout
    fetcher = Fetcher(FetchPolicy(timeout=timeout, max_bytes=min(handle.settings.max_bytes, FetchPolicy().max_bytes)))
    try:
        watcher = Watcher(handle, sources, fetcher, AlertSink(stream, keep, webhook, tell), tell)
        return bool(watcher.run(every, once).failed)
    finally:
        fetcher.close()
        if alerts_file:
            stream.close()
