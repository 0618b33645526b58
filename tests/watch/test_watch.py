"""A watch session on a local server: new pages reach the store, the ledger and the alerts within one poll;
a source that fails is named, counted and polled again while the others go on."""

from __future__ import annotations

import io
import json

import pytest

import wirewatch
from wirewatch.corpus.changes import AlertFilter
from wirewatch.store.watch import WatchState
from wirewatch.watch.alerts import AlertSink
from wirewatch.watch.fetch import Fetcher, FetchPolicy
from wirewatch.watch.poll import Watcher

from .server import LocalServer, Route, closed_port_url, page, rss, sitemap

FAST = FetchPolicy(timeout=0.5, max_bytes=20_000, retries=1, backoff=0.01, per_host=0.0)

# Written for these tests: two conflicts, figures and attacks in plain wire wording.
SAHEL = ("Gunmen attack army post near Menaka", [
    "BAMAKO, March 3 (Test Wire) - Gunmen attacked an army post near Menaka on Monday, killing 14 soldiers, "
    "the army said in a statement.",
    "The army said its troops repelled the assault and that the attackers fled towards the border.",
    "Residents said the fighting lasted for several hours and that many families had left the town.",
])
YEMEN = ("Drone strike hits fuel depot in Hodeidah", [
    "ADEN, March 5 (Test Wire) - A drone strike hit a fuel depot in Hodeidah on Wednesday, killing 6 civilians, "
    "the health ministry said.",
    "The Houthis accused the coalition of carrying out the strike. The coalition denied any involvement.",
    "Firefighters worked through the night to put out the blaze at the depot near the port.",
])


def write_story(folder, name: str, story) -> None:
    """The story as a text file in the folder (made when missing): headline, then its paragraphs."""
    folder.mkdir(exist_ok=True)
    (folder / f"{name}.txt").write_text(story[0] + "\n\n" + "\n\n".join(story[1]), encoding="utf-8")


@pytest.fixture()
def server():
    with LocalServer() as running:
        yield running


def _watcher(tmp_path, sources, sink=None):
    handle = wirewatch.open(tmp_path / "watch.db")
    lines: list[str] = []
    watcher = Watcher(handle, sources, Fetcher(FAST, sleep=lambda s: None), sink or (lambda alerts: None),
                      lines.append)
    return handle, watcher, lines


def test_watch_session_puts_new_pages_in_the_ledger_and_alerts_while_a_failing_source_is_retried(
        server, tmp_path, env):
    server.routes["/feed.xml"] = Route(rss("Test Wire", [(server.url + "/sahel", SAHEL[0], "Mon, 03 Mar 2025 10:00:00 GMT")]),
                                       content_type="application/rss+xml", etag='"1"')
    server.routes["/sahel"] = Route(page(*SAHEL))
    server.routes["/yemen"] = Route(page(*YEMEN))
    server.routes["/broken.xml"] = Route(b"down", status=500)
    down = closed_port_url()
    stream = io.StringIO()
    handle, watcher, lines = _watcher(tmp_path, [down, server.url + "/broken.xml", server.url + "/feed.xml"],
                                      AlertSink(stream))
    with handle:
        first = watcher.poll()
        assert len(first.stored) == 1
        assert set(first.failed) == {down, server.url + "/broken.xml"}
        assert any(down in line and "failed" in line for line in lines)
        ledger = watcher.live.ledger
        assert first.stored[0] in ledger.group_of
        assert handle.ledger() == ledger  # the live ledger is the store's
        emitted = [json.loads(line) for line in stream.getvalue().splitlines()]
        assert emitted and emitted == first.alerts
        assert any(a["kind"] in ("incident", "figure") and first.stored[0] in a["articles"] for a in emitted)

        # unchanged feed: a 304, nothing fetched again, no alerts; the failing sources are tried again
        again = watcher.poll()
        assert again.stored == [] and again.alerts == []
        assert server.hits("/sahel") == 1 and server.hits("/broken.xml") == 4
        state = WatchState(handle.store)
        assert state.source(down)["failures"] == 2 and state.source(server.url + "/feed.xml")["failures"] == 0

        # the feed changes and the broken source recovers
        server.routes["/feed.xml"] = Route(rss("Test Wire", [
            (server.url + "/yemen", YEMEN[0], "Wed, 05 Mar 2025 09:00:00 GMT"),
            (server.url + "/sahel", SAHEL[0], "Mon, 03 Mar 2025 10:00:00 GMT")]),
            content_type="application/rss+xml", etag='"2"')
        server.routes["/broken.xml"] = Route(rss("Recovered", []), content_type="application/rss+xml")
        third = watcher.poll()
        assert len(third.stored) == 1 and server.hits("/sahel") == 1
        assert set(third.failed) == {down}
        assert state.source(server.url + "/broken.xml")["failures"] == 0
        assert any(third.stored[0] in a["articles"] for a in third.alerts)
        assert all(first.stored[0] not in a["articles"] or a["kind"] != "incident" for a in third.alerts)
        assert state.latest_alerts(1000)[: len(third.alerts)] == list(reversed(third.alerts))


def test_watch_skips_oversized_and_slow_pages_and_goes_on(server, tmp_path, env):
    server.routes["/feed.xml"] = Route(rss("Test Wire", [
        (server.url + "/huge", "Huge", "Mon, 03 Mar 2025 10:00:00 GMT"),
        (server.url + "/slow", "Slow", "Mon, 03 Mar 2025 10:00:00 GMT"),
        (server.url + "/sahel", SAHEL[0], "Mon, 03 Mar 2025 10:00:00 GMT")]), content_type="application/rss+xml")
    server.routes["/huge"] = Route(page("Huge", ["word " * 10_000]))
    server.routes["/slow"] = Route(page(*YEMEN), delay=1.5)
    server.routes["/sahel"] = Route(page(*SAHEL))
    handle, watcher, lines = _watcher(tmp_path, [server.url + "/feed.xml"])
    with handle:
        report = watcher.poll()
        assert len(report.stored) == 1 and not report.failed
        assert any("/huge" in p and "limit" in p for p in report.problems)
        assert any("/slow" in p and "no answer" in p for p in report.problems)
        # the oversized page is settled (skipped); the slow one is fetched again next poll
        server.routes["/slow"] = Route(page(*YEMEN))
        again = watcher.poll()
        assert len(again.stored) == 1 and server.hits("/huge") == 1


def test_watch_folder_takes_only_new_files(tmp_path, env):
    folder = tmp_path / "inbox"
    write_story(folder, "sahel", SAHEL)
    handle, watcher, _ = _watcher(tmp_path, [str(folder)])
    with handle:
        assert len(watcher.poll().stored) == 1
        assert watcher.poll().stored == []
        write_story(folder, "yemen", YEMEN)
        third = watcher.poll()
        assert len(third.stored) == 1 and third.alerts
        assert len(watcher.live) == 2


def test_watch_reads_a_sitemap(server, tmp_path, env):
    server.routes["/sitemap.xml"] = sitemap([f"{server.url}/sahel", f"{server.url}/yemen"])
    server.routes["/sahel"] = Route(page(*SAHEL))
    server.routes["/yemen"] = Route(page(*YEMEN))
    handle, watcher, _ = _watcher(tmp_path, [server.url + "/sitemap.xml"])
    with handle:
        assert len(watcher.poll().stored) == 2
        assert watcher.poll().stored == []


@pytest.mark.parametrize("sahel, yemen", [("/news/sahel", "yemen"), ("sahel", "./yemen"), ("/news/sahel", "../news/yemen")])
def test_watch_resolves_relative_links_of_a_feed_and_a_sitemap(server, tmp_path, env, sahel, yemen):
    """Relative links (common in hand-made feeds and sitemaps) are pages of the source's own site."""
    server.routes["/news/feed.xml"] = Route(rss("Test Wire", [(sahel, SAHEL[0], "Mon, 03 Mar 2025 10:00:00 GMT")]),
                                            content_type="application/rss+xml")
    server.routes["/news/sitemap.xml"] = sitemap([yemen, "javascript:void(0)"])
    server.routes["/news/sahel"] = Route(page(*SAHEL))
    server.routes["/news/yemen"] = Route(page(*YEMEN))
    handle, watcher, _ = _watcher(tmp_path, [server.url + "/news/feed.xml", server.url + "/news/sitemap.xml"])
    with handle:
        report = watcher.poll()
        assert len(report.stored) == 2 and not report.failed
        assert report.problems == ["javascript:void(0): not an http(s) link; not fetched"]
        again = watcher.poll()  # named once, not tried again at every poll
        assert again.stored == [] and again.problems == []


@pytest.mark.parametrize("body, content_type", [
    (page(*SAHEL), "text/html"),
    (b"Shelling killed four people in the north, officials said.", "text/plain"),
    (b'{"items": []}', "application/json"),
])
def test_a_page_given_as_a_source_is_named_not_passed_over(server, tmp_path, env, body, content_type):
    server.routes["/story"] = Route(body, content_type=content_type)
    handle, watcher, _ = _watcher(tmp_path, [server.url + "/story"])
    with handle:
        report = watcher.poll()
        assert "neither an RSS or Atom feed nor a sitemap" in report.failed[server.url + "/story"]


def test_a_sitemap_index_naming_indexes_says_it_does_not_follow_them(server, tmp_path, env):
    server.routes["/index.xml"] = server.routes["/other.xml"] = sitemap(["/index.xml", "/other.xml"], index=True)
    handle, watcher, _ = _watcher(tmp_path, [server.url + "/index.xml"])
    with handle:
        report = watcher.poll()
        assert not report.failed and len(report.problems) == 2
        assert all("sitemap index inside an index; not followed" in line for line in report.problems)
        assert server.hits("/index.xml") == 2 and server.hits("/other.xml") == 1


def test_dashboard_shows_the_latest_changes_and_sources(tmp_path, env):
    from fastapi.testclient import TestClient

    from wirewatch.web.app import create_app

    folder = tmp_path / "inbox"
    write_story(folder, "yemen", YEMEN)
    handle, watcher, _ = _watcher(tmp_path, [str(folder)])
    with handle:
        alerts = watcher.poll().alerts
    assert alerts
    client = TestClient(create_app(str(tmp_path / "watch.db")))
    answer = client.get("/api/changes").json()
    assert answer["items"] == list(reversed(alerts))
    assert answer["sources"][0]["source"] == str(folder) and answer["sources"][0]["failures"] == 0
    html = client.get("/changes").text
    assert alerts[0]["kind"] in html and str(folder) in html
    assert client.get("/api/changes?limit=1").json()["items"] == [alerts[-1]]


def test_alert_sink_filters_posts_to_the_webhook_and_names_a_failing_one(server):
    server.routes["/hook"] = Route(status=200)
    alerts = [{"kind": "figure", "id": "a", "place": None, "actors": ["Health ministry"]},
              {"kind": "incident", "id": "b", "place": "Hodeidah", "places": ["Hodeidah"], "actors": []}]
    stream, lines = io.StringIO(), []
    sink = AlertSink(stream, AlertFilter(kinds=("incident",)), server.url + "/hook", lines.append)
    assert sink(alerts) == [alerts[1]]
    assert [json.loads(line) for line in stream.getvalue().splitlines()] == [alerts[1]]
    assert [json.loads(body) for _, body in server.posted] == [alerts[1]]
    down = AlertSink(io.StringIO(), webhook=closed_port_url(), tell=lines.append, timeout=0.5)
    assert down(alerts) == alerts and len(lines) == 1 and "webhook" in lines[0]


def test_watch_takes_in_articles_another_process_stored(tmp_path, env):
    folder = tmp_path / "inbox"
    write_story(folder, "sahel", SAHEL)
    handle, watcher, _ = _watcher(tmp_path, [str(folder)])
    with handle:
        watcher.poll()
        elsewhere = tmp_path / "elsewhere"
        write_story(elsewhere, "yemen", YEMEN)
        with wirewatch.open(tmp_path / "watch.db") as other:
            other.ingest([elsewhere])
        report = watcher.poll()
        assert report.stored == [] and report.alerts
        assert watcher.live.ledger == handle.ledger() and len(watcher.live) == 2


def test_two_watches_of_one_store_announce_each_change_once(tmp_path, env):
    """Two `watch --once` from cron on one store, both started before either took the new files in:
    the second finds the first's articles, and the alerts the first recorded are not emitted again."""
    folder = tmp_path / "inbox"
    write_story(folder, "sahel", SAHEL)
    write_story(folder, "yemen", YEMEN)
    emitted: list[list[dict]] = []
    first, first_watcher, _ = _watcher(tmp_path, [str(folder)], emitted.append)
    second, second_watcher, _ = _watcher(tmp_path, [str(folder)], emitted.append)
    with first, second:
        first_watcher.live, second_watcher.live  # noqa: B018 - both see the store as it was
        announced = first_watcher.poll().alerts
        again = second_watcher.poll()
        assert announced and again.alerts == [] and emitted == [announced, []]
        assert len(WatchState(first.store).latest_alerts()) == len(announced)
        # the second watch goes on from there: a later article is announced once, by whoever takes it
        write_story(folder, "later", (SAHEL[0] + " again", [p.replace("Menaka", "Gao") for p in SAHEL[1]]))
        assert second_watcher.poll().alerts and first_watcher.poll().alerts == []
