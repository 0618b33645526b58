"""Main text and metadata out of an HTML page, with trafilatura (the public benchmarks' leader)."""

from __future__ import annotations

import logging
import re

import lxml.html
import trafilatura
from lxml import etree

from ..errors import BadInput

logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
logging.getLogger("htmldate").setLevel(logging.CRITICAL)


# Characters XML forbids (C0 controls but tab and line ends; noncharacters; lone surrogates): lxml
# refuses a whole document for one of them, so each becomes a space before parsing.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")

_BLOCKS = ("p", "div", "li", "h1", "h2", "h3", "h4", "blockquote", "br", "tr", "section", "article")


def _fragment_text(markup: str) -> str:
    """All text of a small HTML fragment (a feed summary, a JSON Lines `html` field), block by block.

    trafilatura is built for whole pages and drops a one-paragraph fragment as too short; a
    fragment has no page furniture to remove, so its whole text is the article.
    """
    if re.search(r"<(html|body|nav|header|footer)\b", markup[:5000], re.I):
        return ""
    try:
        root = lxml.html.fragment_fromstring(markup, create_parent="div")
    except (etree.ParserError, ValueError):
        return ""
    for bad in root.xpath(".//script|.//style|.//noscript"):
        bad.drop_tree()
    for block in root.iter(*_BLOCKS):
        block.tail = "\n" + (block.tail or "")
        if block.tag != "br":
            block.text = "\n" + (block.text or "")
    lines = [" ".join(line.split()) for line in root.text_content().splitlines()]
    return "\n".join(line for line in lines if line)


def html_main_text(markup: str, source: str, url: str | None = None) -> tuple[str, dict]:
    """The page's main text (one paragraph per line) and its metadata: title, sitename, date, url."""
    markup = NOT_XML.sub(" ", markup)
    try:
        doc = trafilatura.bare_extraction(
            markup, url=url, with_metadata=True, include_comments=False, include_tables=False
        )
    except Exception as exc:  # trafilatura and lxml raise many types on broken markup
        raise BadInput(source, f"malformed HTML ({type(exc).__name__}: {exc})") from None
    if doc is None or not (doc.text or "").strip():
        text = _fragment_text(markup)
        if text:
            return text, {"title": None, "outlet": None, "published": None, "url": url}
        raise BadInput(source, "no main text found in the HTML page")
    meta = {"title": doc.title, "outlet": doc.sitename, "published": doc.date, "url": doc.url or url}
    return doc.text, meta
