"""Sources to watch and the new documents each holds: feed and sitemap URLs, and folders.

A feed's items and a sitemap's URLs are pages fetched over HTTP; a folder's files are read by the
ingest readers. What was taken before is remembered in the store (`store/watch.py`), so a poll
yields only what is new, and a page that could not be fetched is tried again at the next poll.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import feedparser
from lxml import etree

from ..errors import BadInput
from ..ingest import _walk, read_inputs, storable
from ..ingest.feed import _published
from ..ingest.sniff import decode
from ..model import InputFormat, RawDocument, Skipped
from ..store.watch import WatchState
from .fetch import Fetcher, FetchError

_SITEMAP = re.compile(rb"<(?:\w+:)?(urlset|sitemapindex)\b")
# Sitemap indexes name other sitemaps; one level is followed, so that no index can make a poll endless.
MAX_CHILD_SITEMAPS = 50


@dataclass(slots=True)
class Item:
    """One new thing a source holds: its key in the watch state and the documents it gave."""

    key: str
    documents: list = field(default_factory=list)  # RawDocument | Skipped


@dataclass(slots=True)
class Poll:
    """What one poll of one source found: new items, and problems with single items (the source is up)."""

    items: list[Item] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    etag: str | None = None
    last_modified: str | None = None


def is_url(source: str) -> bool:
    return urlsplit(source).scheme in ("http", "https")


def check_source(source: str) -> None:
    """BadInput unless the source is an http(s) URL or an existing folder."""
    if is_url(source):
        return
    if not Path(source).is_dir():
        raise BadInput(source, "not an http(s) feed or sitemap URL, nor a folder", "give a URL or a folder")


def poll_source(source: str, state: WatchState, fetcher: Fetcher, max_bytes: int) -> Poll:
    """The new items of one source; FetchError (or BadInput) when the source itself cannot be read."""
    if is_url(source):
        return _poll_url(source, state, fetcher)
    return _poll_folder(source, state, max_bytes)


def _poll_folder(folder: str, state: WatchState, max_bytes: int) -> Poll:
    """Files not seen before, or changed since (a file is known by its path, size and modification time)."""
    if not Path(folder).is_dir():
        raise BadInput(folder, "folder is missing or cannot be read")
    poll = Poll()
    files: dict[str, Path] = {}
    for entry in _walk(Path(folder)):
        if isinstance(entry, Skipped):
            poll.problems.append(entry.line())
            continue
        try:
            info = entry.stat()
        except OSError:
            continue
        files[f"{entry}|{info.st_size}|{info.st_mtime_ns}"] = entry
    for item in state.unseen(folder, files):
        poll.items.append(Item(item, [storable(d) for d in read_inputs([files[item]], max_bytes)]))
    return poll


def _poll_url(source: str, state: WatchState, fetcher: Fetcher) -> Poll:
    known = state.source(source)
    fetched = fetcher.get(source, known.get("etag"), known.get("last_modified"))
    poll = Poll(etag=fetched.etag, last_modified=fetched.last_modified)
    if fetched.body is None:  # 304: nothing new
        return poll
    if _SITEMAP.search(fetched.body[:2000]):
        entries = [{"link": url} for url in _sitemap_urls(fetched.body, fetcher, poll, source)]
        outlet = urlsplit(source).netloc
    else:
        parsed = feedparser.parse(fetched.body)
        if not parsed.entries and (parsed.get("bozo") or not parsed.get("version")):
            raise BadInput(source, "neither an RSS or Atom feed nor a sitemap", "give the feed's or sitemap's URL")
        # a relative link ('/world/1.html') is the feed's own site's page
        entries = [{**e, "link": urljoin(source, e["link"].strip())} for e in parsed.entries if e.get("link")]
        outlet = parsed.feed.get("title") or urlsplit(source).netloc
    by_link = {e["link"]: e for e in entries}
    for link in state.unseen(source, by_link):
        entry = by_link[link]
        if not is_url(link):  # javascript:, mailto:, file: ... are no pages: named once, never fetched
            poll.items.append(Item(link, [Skipped(link, "not an http(s) link; not fetched")]))
            continue
        try:
            page = fetcher.get(link)
        except FetchError as exc:
            poll.problems.append(exc.line())
            if exc.transient:  # a passing failure: the page is tried again at the next poll
                continue
            poll.items.append(Item(link, [Skipped(link, exc.problem)]))
            continue
        poll.items.append(Item(link, [_page_document(link, page.body or b"", entry, outlet)]))
    return poll


def _page_document(url: str, body: bytes, entry, outlet: str | None) -> RawDocument | Skipped:
    """The fetched page as a document for the ingest path (trafilatura takes its main text there)."""
    try:
        text, notes = decode(body, url)
    except BadInput as exc:
        return Skipped(url, exc.problem)
    return storable(RawDocument(source=url, name=url, body=text, is_html=True, format=InputFormat.HTML,
                                outlet=outlet, url=url, title=entry.get("title"), published=_published(entry),
                                notes=notes))


def _sitemap_urls(body: bytes, fetcher: Fetcher, poll: Poll, base: str, depth: int = 0) -> Iterator[str]:
    """Page URLs of a sitemap (a relative one resolved against the sitemap's URL), following an
    index's sitemaps one level down; an index inside an index is named, not followed."""
    try:
        root = etree.fromstring(body, etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False))
    except etree.XMLSyntaxError as exc:
        poll.problems.append(f"{base}: sitemap is not XML ({exc})")
        return
    locs = [urljoin(base, el.text.strip()) for el in root.iter("{*}loc") if el.text and el.text.strip()]
    if etree.QName(root).localname != "sitemapindex":
        yield from locs
        return
    if depth:
        poll.problems.append(f"{base}: a sitemap index inside an index; not followed (watch it as a source itself)")
        return
    for child in locs[:MAX_CHILD_SITEMAPS]:
        if not is_url(child):
            poll.problems.append(f"{child}: not an http(s) link; not fetched")
            continue
        try:
            yield from _sitemap_urls(fetcher.get(child).body or b"", fetcher, poll, child, depth + 1)
        except FetchError as exc:
            poll.problems.append(exc.line())
