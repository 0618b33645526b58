"""The clean stage: a RawDocument becomes an Article with body text, outlet, date, dateline and credits."""

from __future__ import annotations

import hashlib
import json
import re
import zlib
from dataclasses import asdict

from ..errors import BadInput
from ..model import Article, DatePrecision, InputFormat, RawDocument
from .html import NOT_XML, html_main_text
from .lines import classify_lines, is_terminated, is_widget, line_hash, normalise_line, strip_markdown
from .meta import find_credits, find_dateline, guess_language, parse_date, split_browser_title

__all__ = ["clean", "clean_document", "line_hash", "article_id", "pack_raw", "unpack_raw"]


# How much longer than the longest article an input may be before it is refused unread.
RAW_FACTOR = 20


def clean(raw: RawDocument, version: str, recurring: frozenset[str] = frozenset(), min_chars: int = 40) -> Article:
    """The Article for a raw document; BadInput when nothing of an article is left.

    recurring: fingerprints (`line_hash`) of lines that repeat across this outlet's articles.
    """
    return clean_document(raw, version, recurring, min_chars)[0]


def clean_document(raw: RawDocument, version: str, recurring: frozenset[str] = frozenset(), min_chars: int = 40,
                   max_words: int = 40, max_chars: int | None = None) -> tuple[Article, frozenset[str]]:
    """`clean`, and the fingerprints of the short lines (at most `max_words` words) it judged: the
    only lines a recurring fingerprint can remove, so the text depends on `recurring` only through
    these (the store cleans an article again when one of them becomes recurring).

    max_chars: the longest clean text accepted; memory in cleaning and extraction grows with the
    text, so a longer article is refused with a line saying so (before cleaning when even its
    input is far longer: markup and boilerplate shrink by a factor, never by a hundred).
    """
    if max_chars is not None and len(raw.body) > max_chars * RAW_FACTOR:
        raise BadInput(raw.source, f"{len(raw.body):,} characters of input, far over the {max_chars:,}-character "
                                   f"article limit", "raise WIREWATCH_MAX_TEXT_CHARS to read it")
    meta = {"title": raw.title, "outlet": raw.outlet, "published": raw.published, "url": raw.url}
    if raw.is_html:
        body, found = html_main_text(raw.body, raw.source, raw.url)
        meta = {key: meta[key] or found.get(key) for key in meta}
    else:
        body = NOT_XML.sub(" ", raw.body)  # a NUL or other control character posted in `text` is no text
    lines = [line for line in body.splitlines() if line.strip()]
    title, lines, title_meta = _take_title(meta["title"], lines, raw.format is not InputFormat.TEXT)
    meta["outlet"] = meta["outlet"] or title_meta.get("outlet")
    meta["published"] = meta["published"] or title_meta.get("published")

    short = frozenset(line_hash(key) for key in (strip_markdown(line.strip()) for line in lines)
                      if key and len(key.split()) <= max_words)
    verdicts = classify_lines(lines, title, recurring, layout_known=raw.is_html)
    kept = [v.text for v in verdicts if v.keep]
    # The id ignores what the outlet's recurring lines removed, so that what a later batch learns
    # about an outlet never changes the identity of an article stored before.
    plain = classify_lines(lines, title, layout_known=raw.is_html) if recurring else verdicts
    identity = [v.text for v in plain if v.keep]
    if not meta["published"]:
        meta["published"] = _header_date(verdicts[:15])
    text = "\n\n".join(kept)
    if len(text) < min_chars:
        raise BadInput(raw.source, f"no article text after cleaning ({len(text)} characters left)")
    if max_chars is not None and len(text) > max_chars:
        raise BadInput(raw.source, f"article text of {len(text):,} characters is over the {max_chars:,}-character "
                                   f"limit", "raise WIREWATCH_MAX_TEXT_CHARS to read it")

    dateline, dateline_credit = find_dateline(kept[0]) if kept else (None, None)
    credits = find_credits([v.text for v in verdicts if v.why in ("credit line", "byline")] + kept)
    if dateline_credit and not credits:
        credits = (dateline_credit.strip(),)
    published, precision = parse_date(meta["published"])
    return Article(
        id=article_id("\n".join(identity)),
        name=raw.name,
        source=raw.source,
        format=raw.format,
        outlet=meta["outlet"] or None,
        url=meta["url"] or None,
        title=title,
        published=published,
        published_precision=precision,
        language=guess_language(text),
        text=text,
        dateline=dateline,
        credits=credits,
        removed_lines=sum(1 for v in verdicts if not v.keep),
        pipeline_version=version,
    ), short


def pack_raw(raw: RawDocument) -> bytes:
    """The input as read, compressed, for the store to keep and clean again (`unpack_raw`)."""
    fields = asdict(raw)
    fields["format"] = raw.format.value
    fields.pop("notes")
    return zlib.compress(json.dumps(fields, ensure_ascii=False).encode("utf-8"), 6)


def unpack_raw(blob: bytes) -> RawDocument:
    fields = json.loads(zlib.decompress(blob).decode("utf-8"))
    return RawDocument(**{**fields, "format": InputFormat(fields["format"])})


def article_id(text: str) -> str:
    """Hash of the normalised text: the same article under any name, spacing or quote style is one id."""
    return hashlib.sha256(normalise_line(text).encode("utf-8")).hexdigest()[:20]


def _header_date(verdicts) -> str | None:
    """A full date from the page header: a date line, or a short header line that carries one."""
    for verdict in verdicts:
        if verdict.why == "date line":
            return verdict.text
    for verdict in verdicts:
        if not verdict.keep and len(verdict.text.split()) <= 12:
            date, precision = parse_date(verdict.text)
            if date and precision is DatePrecision.DAY:
                return date.isoformat()
    return None


# A first line this long that ends in a full stop is a lede or standfirst, not a headline: headlines
# carry no final full stop ("Roadside IED kills general in Syria"), and a short one that seems to
# is an abbreviation cut by the page ("New York Gov.").
_LEDE_WORDS = 12


def _is_lede(line: str) -> bool:
    """A first line that is a sentence of the body: a long line ending in a full stop, or any line
    over 25 words that ends like a sentence."""
    words_in = len(line.split())
    if is_terminated(line) and words_in > 25:
        return True
    return words_in >= _LEDE_WORDS and line.rstrip('"”’)').endswith(".")


def _take_title(given: str | None, lines: list[str], titled_elsewhere: bool) -> tuple[str | None, list[str], dict]:
    """The title and the remaining lines; a plain-text article's first line is its title.

    titled_elsewhere: the format carries its title as metadata (HTML, JSON Lines, feeds), so the
    first line is body text whenever no title was given.
    """
    found: dict = {}
    if given:
        title, outlet, date_text = split_browser_title(given)
        found = {"outlet": outlet, "published": date_text}
        if lines and normalise_line(lines[0]).startswith(normalise_line(title)[:40]):
            lines = lines[1:]
        return title, lines, found
    if not lines:
        return None, lines, found
    if titled_elsewhere:
        return None, lines, found
    while len(lines) > 1 and is_widget(lines[0]):
        lines = lines[1:]
    first = re.sub(r"^#{1,6}\s+", "", lines[0].strip())
    title, outlet, date_text = split_browser_title(first)
    if _is_lede(title):
        return None, lines, found
    return title, lines[1:], {"outlet": outlet, "published": date_text}
