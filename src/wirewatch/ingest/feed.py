"""Reader for RSS and Atom feed files: each entry with content or summary is one document."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import feedparser

from ..errors import BadInput
from ..model import InputFormat, RawDocument, Skipped
from .sniff import read_checked


def read_feed(path: Path, max_bytes: int) -> Iterator[RawDocument | Skipped]:
    """A RawDocument per entry; a file that is no feed at all is one BadInput."""
    data = read_checked(path, max_bytes)
    parsed = feedparser.parse(data)
    if not parsed.entries:
        why = getattr(parsed, "bozo_exception", None)
        detail = f" ({type(why).__name__}: {why})" if why else ""
        raise BadInput(str(path), f"not an RSS or Atom feed, or a feed with no entries{detail}")
    outlet = parsed.feed.get("title")
    for number, entry in enumerate(parsed.entries, 1):
        source = f"{path}#{number}"
        body, is_html = _entry_body(entry)
        if not body.strip():
            yield Skipped(source, "feed entry without content or summary")
            continue
        yield RawDocument(
            source=source,
            name=f"{path.stem}-{number}",
            body=body,
            is_html=is_html,
            format=InputFormat.FEED,
            outlet=outlet,
            url=entry.get("link"),
            title=entry.get("title"),
            published=_published(entry),
        )


def _entry_body(entry) -> tuple[str, bool]:
    for content in entry.get("content") or ():
        value = content.get("value") or ""
        if value.strip():
            return value, "html" in (content.get("type") or "text/html")
    summary = entry.get("summary") or ""
    detail = entry.get("summary_detail") or {}
    return summary, "html" in (detail.get("type") or "text/html")


def _published(entry) -> str | None:
    stamp = entry.get("published_parsed") or entry.get("updated_parsed")
    if stamp:
        return time.strftime("%Y-%m-%d", stamp)
    return entry.get("published") or entry.get("updated")
