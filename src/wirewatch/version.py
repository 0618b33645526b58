"""The pipeline version: the package version plus a digest of the rules and word lists that extract."""

from __future__ import annotations

import hashlib
from functools import cache
from importlib import resources

from . import __version__

_RULE_PACKAGES = ("wirewatch.extract", "wirewatch.nlp", "wirewatch.clean")


@cache
def pipeline_version() -> str:
    """'0.1.0+ab12cd34': changes whenever a rule or lexicon changes, so stored mentions can be redone."""
    digest = hashlib.sha1()
    for package in _RULE_PACKAGES:
        root = resources.files(package)
        for path in sorted(_walk(root), key=lambda p: str(p)):
            digest.update(str(path).rsplit("wirewatch", 1)[-1].encode())
            digest.update(path.read_bytes())
    return f"{__version__}+{digest.hexdigest()[:8]}"


def _walk(folder):
    for child in folder.iterdir():
        if child.is_dir():
            if child.name != "__pycache__":
                yield from _walk(child)
        elif child.name.endswith((".py", ".txt", ".jsonl")):
            yield child
