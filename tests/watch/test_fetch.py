"""The watch's HTTP client against a local server: validators, retries, timeouts, size limits, User-Agent."""

from __future__ import annotations

import pytest

from wirewatch.watch.fetch import USER_AGENT, Fetcher, FetchError, FetchPolicy

from .server import LocalServer, Route, closed_port_url

FAST = FetchPolicy(timeout=0.5, max_bytes=10_000, retries=2, backoff=0.01, per_host=0.0)


@pytest.fixture()
def server():
    with LocalServer() as running:
        yield running


def test_fetch_sends_user_agent_and_uses_etag(server):
    server.routes["/feed"] = Route(b"<rss/>", etag='"v1"')
    fetcher = Fetcher(FAST)
    first = fetcher.get(server.url + "/feed")
    assert first.body == b"<rss/>" and first.etag == '"v1"'
    again = fetcher.get(server.url + "/feed", etag=first.etag)
    assert again.body is None  # 304: unchanged
    assert server.requests[-1][1].get("If-None-Match") == '"v1"'
    assert all(headers.get("User-Agent") == USER_AGENT for _, headers in server.requests)
    server.routes["/feed"] = Route(b"<rss>new</rss>", etag='"v2"')
    assert fetcher.get(server.url + "/feed", etag='"v1"').body == b"<rss>new</rss>"


def test_fetch_retries_a_server_error_then_names_it(server):
    server.routes["/broken"] = Route(b"oops", status=500)
    waits = []
    fetcher = Fetcher(FAST, sleep=waits.append)
    with pytest.raises(FetchError) as caught:
        fetcher.get(server.url + "/broken")
    assert server.hits("/broken") == 3
    assert "HTTP 500" in caught.value.line() and caught.value.transient
    assert waits == [0.01, 0.02]  # backoff doubles


def test_fetch_gives_up_on_a_slow_page(server):
    server.routes["/slow"] = Route(b"late", delay=1.5)
    with pytest.raises(FetchError) as caught:
        Fetcher(FetchPolicy(timeout=0.3, retries=0, per_host=0.0)).get(server.url + "/slow")
    assert "no answer within 0.3 s" in caught.value.line()


def test_fetch_refuses_an_oversized_page_without_retrying(server):
    server.routes["/huge"] = Route(b"x" * 50_000)
    with pytest.raises(FetchError) as caught:
        Fetcher(FAST).get(server.url + "/huge")
    assert "10,000-byte limit" in caught.value.line() and not caught.value.transient
    assert server.hits("/huge") == 1


def test_fetch_names_an_unreachable_host():
    url = closed_port_url()
    with pytest.raises(FetchError) as caught:
        Fetcher(FAST, sleep=lambda s: None).get(url)
    assert caught.value.subject == url and caught.value.transient


def test_fetch_paces_requests_to_one_host(server):
    server.routes["/a"] = Route(b"a")
    waits = []
    fetcher = Fetcher(FetchPolicy(per_host=30.0), sleep=waits.append)
    fetcher.get(server.url + "/a")
    fetcher.get(server.url + "/a")
    assert len(waits) == 1 and 29.0 < waits[0] <= 30.0
