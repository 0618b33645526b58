"""Where alerts go: JSON Lines to a stream (stdout or --alerts FILE), and optionally a webhook.

A webhook that is down is named in one line and the watch goes on; the alerts are in the store
and in the stream anyway.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import TextIO

import httpx

from ..corpus.changes import AlertFilter
from .fetch import USER_AGENT


class AlertSink:
    """Writes the alerts that pass the filter, one JSON object per line, and POSTs each to the webhook."""

    def __init__(self, stream: TextIO, keep: AlertFilter | None = None, webhook: str | None = None,
                 tell: Callable[[str], None] = lambda line: None, timeout: float = 10.0):
        self.stream = stream
        self.keep = keep or AlertFilter()
        self.webhook = webhook
        self.tell = tell
        self.timeout = timeout

    def __call__(self, alerts: list[dict]) -> list[dict]:
        """Send the alerts that pass the filter; returns them."""
        kept = [a for a in alerts if self.keep(a)]
        for alert in kept:
            self.stream.write(json.dumps(alert, ensure_ascii=False) + "\n")
        self.stream.flush()
        if self.webhook and kept:
            self._post(kept)
        return kept

    def _post(self, alerts: list[dict]) -> None:
        try:
            with httpx.Client(timeout=self.timeout, headers={"User-Agent": USER_AGENT}) as client:
                for alert in alerts:
                    client.post(self.webhook, json=alert).raise_for_status()
        except httpx.HTTPError as exc:
            self.tell(f"webhook {self.webhook}: {type(exc).__name__}: {' '.join(str(exc).split())[:200]}; "
                      f"the alerts are in the store and the alert stream")
