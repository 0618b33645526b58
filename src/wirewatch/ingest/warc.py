"""Reader for WARC archives (plain or gzipped): each HTML response record is one document."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator

from ..errors import BadInput
from ..model import InputFormat, RawDocument, Skipped
from .sniff import decode
from .text import _stem


def read_warc(path: Path, max_bytes: int) -> Iterator[RawDocument | Skipped]:
    """A RawDocument per HTML response; a truncated archive keeps the records read before the break."""
    if path.stat().st_size == 0:
        raise BadInput(str(path), "empty file")
    count = 0
    with path.open("rb") as handle:
        try:
            for record in ArchiveIterator(handle):
                if record.rec_type != "response":
                    continue
                content_type = (record.http_headers.get_header("Content-Type") if record.http_headers else "") or ""
                if "html" not in content_type.lower():
                    continue
                count += 1
                url = record.rec_headers.get_header("WARC-Target-URI")
                source = f"{path}#{count}"
                payload = record.content_stream().read(max_bytes + 1)
                if len(payload) > max_bytes:
                    yield Skipped(source, f"record over the {max_bytes:,}-byte limit ({url})")
                    continue
                if getattr(record.raw_stream, "limit", 0):
                    yield Skipped(str(path), f"truncated WARC: record {count} ({url}) is cut short; "
                                             f"{count - 1} records before it were read")
                    return
                try:
                    text, notes = decode(payload, source)
                except BadInput as exc:
                    yield Skipped(source, exc.problem)
                    continue
                yield RawDocument(source, f"{_stem(path)}-{count}", text, True, InputFormat.WARC, url=url, notes=notes)
        except Exception as exc:  # warcio raises several types for a cut-off or corrupt archive
            yield Skipped(str(path), f"truncated or corrupt WARC after {count} records ({type(exc).__name__}: {exc})")
            return
    if count == 0:
        yield Skipped(str(path), "no HTML response records in this WARC")
