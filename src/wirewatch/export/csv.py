"""The incident table as CSV with ACLED-like columns (UTF-8 with a BOM so spreadsheets read it right)."""

from __future__ import annotations

import csv
import io

from .tables import COLUMNS


def to_csv(rows: list[dict]) -> str:
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow(row)
    return buffer.getvalue()
