"""Metadata at the top of a plain-text article: a `---` block of `key: value` lines."""

from __future__ import annotations

KEYS = ("outlet", "url", "title", "published", "id")  # other keys (author, tags, ...) are allowed and ignored


def split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """The metadata keys found and the text after the block; no block gives ({}, text)."""
    stripped = text.lstrip("\ufeff\n\r\t ")
    if not stripped.startswith("---"):
        return {}, text
    lines = stripped.splitlines()
    if lines[0].strip() != "---":
        return {}, text
    meta: dict[str, str] = {}
    for index, line in enumerate(lines[1:], 1):
        if line.strip() == "---":
            return meta, "\n".join(lines[index + 1:])
        key, sep, value = line.partition(":")
        key = key.strip().lower()
        if not sep or not key.replace("_", "").replace("-", "").isalnum():
            return {}, text
        if key in KEYS:
            meta[key] = value.strip()
    return {}, text
