"""Reader for JSON Lines: one article per line with `id, url, outlet, title, published, text|html`."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from ..errors import BadInput
from ..model import InputFormat, RawDocument, Skipped
from .sniff import binary_kind


def read_jsonl(path: Path, max_bytes: int) -> Iterator[RawDocument | Skipped]:
    """A RawDocument per good line and a Skipped per bad one; the file is streamed line by line.

    The size limit applies to each line, since a JSON Lines file is a container of articles.
    """
    if path.stat().st_size == 0:
        raise BadInput(str(path), "empty file")
    with path.open("rb") as handle:
        head = handle.read(8192)
        kind = binary_kind(head)
        if kind:
            raise BadInput(str(path), f"binary file ({kind}), not JSON Lines")
        handle.seek(0)
        for number, raw in enumerate(handle, 1):
            source = f"{path}:{number}"
            if not raw.strip():
                continue
            if len(raw) > max_bytes:
                yield Skipped(source, f"line of {len(raw):,} bytes is over the {max_bytes:,}-byte limit")
                continue
            try:
                # numbers stay as written: an id of 5,000 digits is a name, not an integer to convert
                record = json.loads(raw.decode("utf-8-sig"), parse_int=str)
            except UnicodeDecodeError as exc:
                yield Skipped(source, f"not valid UTF-8 (byte {exc.start})")
                continue
            except json.JSONDecodeError as exc:
                yield Skipped(source, f"invalid JSON ({exc.msg} at column {exc.colno})")
                continue
            except (ValueError, RecursionError) as exc:
                yield Skipped(source, f"invalid JSON ({type(exc).__name__}: {str(exc)[:200]})")
                continue
            yield document(record, source, f"{path.stem}-{number}")


def document(record, source: str, fallback_name: str) -> RawDocument | Skipped:
    """The RawDocument of one JSON Lines record (or one POSTed to the API), or a Skipped saying why not."""
    if not isinstance(record, dict):
        return Skipped(source, f"expected a JSON object, got {type(record).__name__}")
    text, html = record.get("text"), record.get("html")
    if not isinstance(text, str) and not isinstance(html, str):
        return Skipped(source, "no 'text' or 'html' string field")
    is_html = not (isinstance(text, str) and text.strip())
    body = html if is_html else text
    return RawDocument(
        source=source,
        name=_str(record.get("id")) or fallback_name,
        body=body,
        is_html=is_html,
        format=InputFormat.JSONL,
        outlet=_str(record.get("outlet")),
        url=_str(record.get("url")),
        title=_str(record.get("title")),
        published=_str(record.get("published")),
    )


def _str(value) -> str | None:
    if value is None:
        return None
    value = str(value).strip()
    return value or None
