"""The report stage: the situation report's content rendered as Markdown, HTML or JSON."""

from __future__ import annotations

import json


def render(content: dict, format: str) -> str:
    """The report in a format: 'md', 'html' or 'json'."""
    if format == "md":
        from .markdown import to_markdown

        return to_markdown(content)
    if format == "html":
        from .html import to_html

        return to_html(content)
    if format == "json":
        return json.dumps(content, ensure_ascii=False, indent=2)
    raise ValueError(f"unknown report format {format!r}; choose md, html or json")
