"""Extraction one article at a time when a batch fails, so that one bad article stops nothing.

The extractor parses articles in batches for speed. An exception anywhere in a batch would lose
the whole batch, so the batch is run again article by article: the good ones get their
extraction, each bad one a `Failed` record with the reason, which the store keeps (see
`Store.save_extractions`) until a new pipeline version tries it again.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from .model import Article, Extraction


@dataclass(frozen=True, slots=True)
class Failed:
    """An article whose extraction raised: the article and why, in one line."""

    article: Article
    reason: str


def failure_reason(exc: BaseException) -> str:
    """One line naming the error, for the store and the user (the traceback is for --debug)."""
    text = " ".join(str(exc).split())[:300]
    return f"extraction failed: {type(exc).__name__}{': ' + text if text else ''}"


def extract_each(extract_many: Callable[[Sequence[Article]], list[Extraction]],
                 articles: Sequence[Article]) -> list[Extraction | Failed]:
    """`extract_many(articles)`, or when it raises, each article alone: one result per article, in order."""
    try:
        return list(extract_many(articles))
    except (KeyboardInterrupt, SystemExit, MemoryError):
        raise
    except Exception as exc:
        if len(articles) == 1:
            return [Failed(articles[0], failure_reason(exc))]
    out: list[Extraction | Failed] = []
    for article in articles:
        try:
            out.extend(extract_many([article]))
        except (KeyboardInterrupt, SystemExit, MemoryError):
            raise
        except Exception as exc:
            out.append(Failed(article, failure_reason(exc)))
    return out
