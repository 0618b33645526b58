"""Main text and metadata out of an HTML page, with trafilatura (the public benchmarks' leader)."""

from __future__ import annotations

import logging

import trafilatura

from ..errors import BadInput

logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
logging.getLogger("htmldate").setLevel(logging.CRITICAL)


def html_main_text(markup: str, source: str, url: str | None = None) -> tuple[str, dict]:
    """The page's main text (one paragraph per line) and its metadata: title, sitename, date, url."""
    try:
        doc = trafilatura.bare_extraction(
            markup, url=url, with_metadata=True, include_comments=False, include_tables=False
        )
    except Exception as exc:  # trafilatura and lxml raise many types on broken markup
        raise BadInput(source, f"malformed HTML ({type(exc).__name__}: {exc})") from None
    if doc is None or not (doc.text or "").strip():
        raise BadInput(source, "no main text found in the HTML page")
    meta = {"title": doc.title, "outlet": doc.sitename, "published": doc.date, "url": doc.url or url}
    return doc.text, meta
