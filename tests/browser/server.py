"""A dashboard served on 127.0.0.1 in a background thread, for browser and load tests."""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from pathlib import Path

import uvicorn

DEMO = Path(__file__).resolve().parents[2] / "examples" / "demo"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """Start with `with Server(app) as url:`; stops when the block ends."""

    def __init__(self, app):
        self.port = free_port()
        self.server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning"))
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> str:
        self.thread.start()
        deadline = time.time() + 20
        while not self.server.started and time.time() < deadline:
            time.sleep(0.05)
        return f"http://127.0.0.1:{self.port}"

    def __exit__(self, *exc) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


@contextlib.contextmanager
def demo_site(folder: Path, token: str | None = None):
    """The demo corpus stored under `folder`, its ledger built, served by the dashboard; yields the URL."""
    from wirewatch.api import Wirewatch
    from wirewatch.web.app import create_app

    db = folder / "demo.db"
    with Wirewatch(str(db)) as handle:
        handle.ingest([DEMO])
        handle.ledger()
    with Server(create_app(str(db), token=token)) as url:
        yield url
