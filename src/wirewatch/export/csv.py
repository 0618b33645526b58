"""The incident table as CSV with ACLED-like columns (UTF-8 with a BOM so spreadsheets read it right)."""

from __future__ import annotations

import csv
import io

from .tables import COLUMNS

# A cell that starts with one of these is a formula to a spreadsheet (=HYPERLINK(...), +cmd|...).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def neutralise(value):
    """Text a spreadsheet would run as a formula, shown as text (a leading apostrophe, OWASP's
    advice); numbers and other text unchanged."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def to_csv(rows: list[dict]) -> str:
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({key: neutralise(value) for key, value in row.items()})
    return buffer.getvalue()
