"""`wirewatch watch`: one poll for cron, alerts to a file with filters, bad options refused."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from wirewatch.cli import app

from .server import closed_port_url
from .test_watch import SAHEL, write_story


def test_watch_once_on_a_folder_writes_filtered_alerts_and_names_a_down_source(tmp_path, env):
    folder = tmp_path / "inbox"
    write_story(folder, "sahel", SAHEL)
    alerts, down = tmp_path / "alerts.jsonl", closed_port_url()
    result = CliRunner().invoke(app, ["watch", str(folder), down, "--once", "--db", str(tmp_path / "w.db"),
                                      "--alerts", str(alerts), "--kind", "figure", "--timeout", "0.5"], env=env)
    assert result.exit_code == 1, result.output  # a source failed
    assert down in result.stderr
    written = [json.loads(line) for line in alerts.read_text().splitlines()]
    assert written and all(a["kind"] == "figure" for a in written)
    again = CliRunner().invoke(app, ["watch", str(folder), "--once", "--db", str(tmp_path / "w.db"),
                                     "--alerts", str(alerts)], env=env)
    assert again.exit_code == 0 and len(alerts.read_text().splitlines()) == len(written)


def test_watch_refuses_bad_options(tmp_path, env):
    for args in (["--every", "soon"], ["--kind", "weather"], ["--webhook", "hooks.example.org/alerts"],
                 ["--webhook", "ftp://example.org/alerts"], ["--webhook", "alerts.jsonl"]):
        result = CliRunner().invoke(app, ["watch", str(tmp_path), "--once", "--db", str(tmp_path / "w.db"), *args],
                                    env=env)
        assert result.exit_code == 2 and args[1] in result.stderr
    missing = CliRunner().invoke(app, ["watch", str(tmp_path / "nowhere"), "--once", "--db", str(tmp_path / "w.db")],
                                 env=env)
    assert missing.exit_code == 2 and "nowhere" in missing.stderr


def test_watch_runs_until_stopped_and_ctrl_c_exits_cleanly(tmp_path, env, monkeypatch):
    import wirewatch.watch.poll as poll

    folder = tmp_path / "inbox"
    write_story(folder, "sahel", SAHEL)
    naps = []

    def sleep(seconds):
        naps.append(seconds)
        if len(naps) == 2:
            raise KeyboardInterrupt

    run = poll.Watcher.run
    monkeypatch.setattr(poll.Watcher, "run", lambda self, every, once=False: run(self, every, once, sleep=sleep))
    result = CliRunner().invoke(app, ["watch", str(folder), "--every", "2m", "--db", str(tmp_path / "w.db")], env=env)
    assert result.exit_code == 0, result.output
    assert "stopped" in result.stderr and result.stderr.count("poll:") == 2
    assert all(0 < nap <= 120 for nap in naps)
    assert [json.loads(line) for line in result.stdout.splitlines()]  # the first poll's alerts, on stdout
