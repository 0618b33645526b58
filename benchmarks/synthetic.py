"""A synthetic corpus made from the demo corpus, for benchmarks that need thousands of articles.

Each synthetic article is a demo article with its paragraphs shuffled, its dates shifted by up to a
few weeks, its numbers perturbed and its town names swapped for other towns of the region, so that
the work grows as a real corpus's would (new incidents, new figures) instead of repeating itself.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
import re
from pathlib import Path

from wirewatch.clean import article_id, clean
from wirewatch.ingest import read_inputs
from wirewatch.model import Article, RawDocument

DEMO = Path(__file__).resolve().parents[1] / "examples" / "demo"
TOWNS = ("Stepanakert", "Shusha", "Hadrut", "Martuni", "Tartar", "Barda", "Ganja", "Agdam", "Fuzuli", "Jabrayil",
         "Gubadli", "Lachin", "Goris", "Aghjabadi", "Terter", "Martakert", "Kalbajar", "Zangilan", "Beylagan")
_TOWN = re.compile(r"\b(" + "|".join(TOWNS) + r")\b")
_NUMBER = re.compile(r"\b\d{1,3}(,\d{3})*\b")
_MONTH_DAY = re.compile(r"\b(September|October|November) (\d{1,2})\b")


def demo_articles() -> list[Article]:
    return [clean(raw, "bench") for raw in read_inputs([DEMO], 10**8) if isinstance(raw, RawDocument)]


def perturb(article: Article, index: int, rng: random.Random) -> Article:
    paragraphs = article.text.split("\n\n")
    head, rest = paragraphs[:1], paragraphs[1:]
    rng.shuffle(rest)
    text = "\n\n".join(head + rest)
    text = _TOWN.sub(lambda m: rng.choice(TOWNS), text)
    text = _NUMBER.sub(lambda m: _jitter(m.group(0), rng), text)
    shift = dt.timedelta(days=rng.randint(-20, 20))
    text = _MONTH_DAY.sub(lambda m: _shift_date(m, shift), text)
    published = article.published + shift if article.published else None
    text = f"{text}\n\n(Synthetic copy {index}.)"
    return dataclasses.replace(article, id=article_id(text), name=f"{article.name}-syn{index}", text=text,
                               published=published, source=f"synthetic:{index}")


def synthetic_corpus(size: int, seed: int = 7) -> list[Article]:
    rng = random.Random(seed)
    base = demo_articles()
    return [perturb(base[i % len(base)], i, rng) for i in range(size)]


def _jitter(text: str, rng: random.Random) -> str:
    value = int(text.replace(",", ""))
    if 1900 <= value <= 2100:
        return text
    return f"{max(1, int(value * rng.uniform(0.7, 1.4))):,}"


def _shift_date(match: re.Match, shift: dt.timedelta) -> str:
    month = {"September": 9, "October": 10, "November": 11}[match.group(1)]
    try:
        day = dt.date(2020, month, int(match.group(2))) + shift
    except ValueError:
        return match.group(0)
    return f"{day.strftime('%B')} {day.day}"
