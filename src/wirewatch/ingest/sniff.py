"""Checks every input passes before a reader parses it: it exists, fits, is not binary, decodes."""

from __future__ import annotations

import codecs
from pathlib import Path

from charset_normalizer import from_bytes

from ..errors import BadInput

# Magic numbers of formats that are never news text; the name tells the user what the file really is.
_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"\x7fELF", "executable"),
    (b"RIFF", "RIFF media file"),
    (b"\x1f\x8b", "gzip data"),
    (b"BZh", "bzip2 data"),
    (b"\xfd7zXZ\x00", "xz data"),
    (b"SQLite format 3\x00", "SQLite database"),
)


def read_checked(path: Path, max_bytes: int, allow_gzip: bool = False) -> bytes:
    """The file's bytes, or BadInput when it is missing, a folder, empty, too large or binary."""
    if not path.exists():
        raise BadInput(str(path), "no such file or folder", "check the path")
    if not path.is_file():
        raise BadInput(str(path), "not a regular file")
    size = path.stat().st_size
    if size == 0:
        raise BadInput(str(path), "empty file")
    if size > max_bytes:
        raise BadInput(
            str(path), f"{size:,} bytes is over the {max_bytes:,}-byte limit", "raise it with --max-bytes"
        )
    data = path.read_bytes()
    kind = binary_kind(data, allow_gzip=allow_gzip)
    if kind:
        raise BadInput(str(path), f"binary file ({kind}), not text")
    return data


def binary_kind(data: bytes, allow_gzip: bool = False) -> str | None:
    """What binary format the bytes are, or None when they may be text."""
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            if allow_gzip and kind == "gzip data":
                return None
            return kind
    head = data[:8192]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return None
    if b"\x00" in head:
        return "contains NUL bytes"
    return None


def decode(data: bytes, source: str) -> tuple[str, tuple[str, ...]]:
    """Text of the bytes and any note about the encoding; BadInput when no encoding fits.

    UTF-8 (with or without BOM) and UTF-16 with BOM are read as they are; anything else is
    handed to charset-normalizer, and the encoding it settles on is reported as a note so that
    the user knows the text was read as a legacy encoding.
    """
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), ()
        except UnicodeDecodeError:
            raise BadInput(source, "broken UTF-16 text") from None
    try:
        return data.decode("utf-8"), ()
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    western = _as_cp1252(data)
    if western is not None:
        return western, (f"{source}: not UTF-8, read as cp1252",)
    best = from_bytes(data).best()
    if best is None or best.encoding in ("utf_8", "utf-8"):
        raise BadInput(source, f"not valid UTF-8 (first bad byte at offset {first_bad}) and no other encoding fits")
    text = str(best)
    if _looks_garbled(text):
        raise BadInput(source, f"not valid UTF-8 (first bad byte at offset {first_bad}); text is unreadable")
    return text, (f"{source}: not UTF-8, read as {best.encoding}",)


def _as_cp1252(data: bytes) -> str | None:
    """The text as cp1252 (the web's usual legacy encoding) when that reads as mostly plain Latin.

    Another encoding read as cp1252 (Cyrillic cp1251, say) decodes without error but turns every
    letter into an accented one, so a high share of non-ASCII letters rules cp1252 out.
    """
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        return None
    foreign = sum(1 for ch in letters if ord(ch) > 127)
    return text if foreign / len(letters) < 0.08 else None


def _looks_garbled(text: str) -> bool:
    """True when too many characters are control or replacement characters for this to be prose."""
    if not text:
        return True
    bad = sum(1 for ch in text if ch == "\ufffd" or (ord(ch) < 32 and ch not in "\n\r\t\f"))
    return bad / len(text) > 0.01
