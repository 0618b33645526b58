"""Reader for JSON Lines: one article per line with `id, url, outlet, title, published, text|html`."""

from __future__ import annotations

import codecs
import json
from collections.abc import Iterator
from pathlib import Path

from ..errors import BadInput
from ..model import InputFormat, RawDocument, Skipped
from .sniff import binary_kind


def read_jsonl(path: Path, max_bytes: int) -> Iterator[RawDocument | Skipped]:
    """A RawDocument per good line and a Skipped per bad one; the file is streamed line by line.

    The size limit applies to each line, since a JSON Lines file is a container of articles. A file
    with a UTF-16 byte order mark (what some Windows tools write) is read as UTF-16. A line whose id
    an earlier line of the file already gave is skipped and named: two articles under one name would
    make every reference to it ambiguous.
    """
    if path.stat().st_size == 0:
        raise BadInput(str(path), "empty file")
    seen: dict[str, int] = {}
    with path.open("rb") as handle:
        head = handle.read(8192)
        utf16 = head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
        kind = None if utf16 else binary_kind(head)
        if kind:
            raise BadInput(str(path), f"binary file ({kind}), not JSON Lines")
        handle.seek(0)
        for number, raw in _lines(handle, utf16):
            source = f"{path}:{number}"
            if isinstance(raw, UnicodeDecodeError):
                yield Skipped(source, f"not valid UTF-16 (byte {raw.start} of the line)")
                continue
            if not raw.strip():
                continue
            size = len(raw) if isinstance(raw, bytes) else len(raw.encode("utf-16-le"))
            if size > max_bytes:
                yield Skipped(source, f"line of {size:,} bytes is over the {max_bytes:,}-byte limit")
                continue
            try:
                # numbers stay as written: an id of 5,000 digits is a name, not an integer to convert
                record = json.loads(raw.decode("utf-8-sig") if isinstance(raw, bytes) else raw, parse_int=str)
            except UnicodeDecodeError as exc:
                yield Skipped(source, f"not valid UTF-8 (byte {exc.start})")
                continue
            except json.JSONDecodeError as exc:
                yield Skipped(source, f"invalid JSON ({exc.msg} at column {exc.colno})")
                continue
            except (ValueError, RecursionError) as exc:
                yield Skipped(source, f"invalid JSON ({type(exc).__name__}: {str(exc)[:200]})")
                continue
            given = _str(record.get("id")) if isinstance(record, dict) else None
            if given is not None and given in seen:
                yield Skipped(source, f"duplicate id {given[:200]} (first on line {seen[given]})")
                continue
            if given is not None:
                seen[given] = number
            yield document(record, source, f"{path.stem}-{number}")


def _lines(handle, utf16: bool):
    """(line number, line) of a binary file: bytes as they are, or text decoded from UTF-16 a line at a time
    (a line UTF-16 cannot decode comes as its UnicodeDecodeError, and the next line is read as usual)."""
    if not utf16:
        yield from enumerate(handle, 1)
        return
    little = handle.read(2) == codecs.BOM_UTF16_LE
    codec, newline = ("utf-16-le", b"\n\x00") if little else ("utf-16-be", b"\x00\n")
    number, buffer, at, ended = 0, b"", 0, False
    while not ended or buffer:
        found = buffer.find(newline, at)
        if found != -1 and found % 2:  # the two bytes straddle two characters: look on
            at = found + 1
            continue
        if found == -1 and not ended:
            chunk = handle.read(1 << 16)
            ended = not chunk
            buffer += chunk
            continue
        cut = len(buffer) if found == -1 else found + 2
        line, buffer, at = buffer[:cut], buffer[cut:], 0
        number += 1
        try:
            yield number, line.decode(codec)
        except UnicodeDecodeError as exc:
            yield number, exc


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
