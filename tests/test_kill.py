"""Issue 18: a run killed with SIGKILL mid-ingest or mid-extract, then run again, leaves the same
store as a run never interrupted (texts, ids, outlet line counts, mentions)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import select

from wirewatch.store import Store
from wirewatch.store.schema import outlet_lines

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")

PLACES = ["Orsa", "Dorvik", "Velmar", "Kestrel Bay", "Harrow", "Linden", "Marsh Ford", "Tallin Creek"]
FOOTERS = ["Follow our live coverage of the war on our channels.", "Subscribe for the morning briefing."]
SHARED = "The ministry said the villages had been without power since the strike on the substation."


def _corpus(folder: Path, count: int) -> None:
    """Articles of three outlets: footers that become recurring, and a paragraph a few share."""
    for n in range(count):
        outlet = ["Kestrel News", "Harbour Times", "Dorvik Daily"][n % 3]
        place = PLACES[n % len(PLACES)]
        body = [f"Shelling hit {place} for the {n + 1}th time on Monday, killing {n % 9 + 2} civilians, "
                f"the regional governor said.",
                f"Report number {n} said {n % 5 + 1} houses in {place} were destroyed."]
        if n % 7 == 0:
            body.append(SHARED)
        if n % 3 != 2:
            body.append(FOOTERS[n % 2])
        (folder / f"a{n:04d}.txt").write_text(f"---\noutlet: {outlet}\ntitle: Report {n}\n---\n" + "\n\n".join(body)
                                              + "\n", encoding="utf-8")


def _wirewatch(*args: str) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in sys.path if p)}
    return subprocess.Popen([sys.executable, "-c", "from wirewatch.cli import main; main()", *args], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def _count(db: str, sql: str) -> int:
    import sqlite3

    try:
        with sqlite3.connect(db, timeout=30) as conn:
            return conn.execute(sql).fetchone()[0]
    except sqlite3.Error:
        return 0


def _kill_when(process: subprocess.Popen, db: str, sql: str, at_least: int, limit: float = 300) -> bool:
    """SIGKILL the process once the query counts at least `at_least`; False when it ended first."""
    deadline = time.monotonic() + limit
    while process.poll() is None and time.monotonic() < deadline:
        if _count(db, sql) >= at_least:
            process.send_signal(signal.SIGKILL)
            process.wait()
            return True
        time.sleep(0.02)
    process.wait()
    return False


def _snapshot(db: str) -> dict:
    with Store(db) as store:
        articles = {a.name: (a.id, a.text, a.removed_lines, a.published) for a in store.articles()}
        with store.engine.connect() as conn:
            lines = sorted(conn.execute(select(outlet_lines)).all())
        mentions = {}
        states = store.extraction_states()
        for article in store.articles():
            x = store.extraction(article)
            mentions[article.name] = (states[article.id][0] is not None,
                                      [(f.value, f.provenance.start) for f in x.figures],
                                      [(p.name, p.provenance.start) for p in x.places],
                                      [(e.label, e.provenance.start) for e in x.events])
    return {"articles": articles, "lines": lines, "mentions": mentions}


def test_kill_mid_ingest_then_rerun_gives_the_uninterrupted_store(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    _corpus(corpus, 240)
    reference, db = str(tmp_path / "ref.db"), str(tmp_path / "killed.db")
    assert _wirewatch("ingest", "-q", str(corpus), "--db", reference).wait() == 0
    assert _kill_when(_wirewatch("ingest", "-q", str(corpus), "--db", db), db, "SELECT COUNT(*) FROM articles", 60)
    assert 60 <= _count(db, "SELECT COUNT(*) FROM articles") < 240  # killed mid-way
    assert _wirewatch("ingest", "-q", str(corpus), "--db", db).wait() == 0
    assert _snapshot(db) == _snapshot(reference)


def test_kill_mid_extract_then_rerun_gives_the_uninterrupted_store(tmp_path, env):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    _corpus(corpus, 200)
    reference, db = str(tmp_path / "ref.db"), str(tmp_path / "killed.db")
    for target in (reference, db):
        assert _wirewatch("ingest", "-q", str(corpus), "--db", target).wait() == 0
    assert _wirewatch("extract", "-q", "--db", reference).wait() == 0
    _kill_when(_wirewatch("extract", "-q", "--db", db), db,
               "SELECT COUNT(*) FROM articles WHERE extracted_version IS NOT NULL", 1)
    assert 0 < _count(db, "SELECT COUNT(*) FROM articles WHERE extracted_version IS NOT NULL") < 200  # mid-way
    assert _wirewatch("extract", "-q", "--db", db).wait() == 0
    assert _snapshot(db) == _snapshot(reference)
