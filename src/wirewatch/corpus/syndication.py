"""Source groups: outlets carrying one origin text count as one source.

MinHash over word 5-gram shingles proposes pairs (LSH); a pair joins when the estimated Jaccard
or containment is high (a copy cut to its first 60% has low Jaccard but high containment), with
a lower bar when both credit the same agency. Groups are the connected components; a group's id
is derived from its earliest member, so the same corpus always yields the same ids.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass

from datasketch import MinHash, MinHashLSH

from ..model import Article

NUM_PERM = 128
SHINGLE = 5
LSH_THRESHOLD = 0.2
JOIN_CONTAINMENT = 0.6
JOIN_CONTAINMENT_SAME_AGENCY = 0.4


@dataclass(frozen=True, slots=True)
class SourceGroup:
    """Articles that carry one origin text; `origin` is the earliest (then longest) member."""

    id: str
    origin: str
    members: tuple[str, ...]
    outlets: tuple[str, ...]
    agencies: tuple[str, ...]


UNKNOWN_OUTLET = "unknown outlet"


def outlet_label(article: Article) -> str:
    """The outlet a reader sees: the stated one, or "unknown outlet" (a bare .txt file names none; its file
    name is the article's source and name, never its outlet)."""
    return article.outlet or UNKNOWN_OUTLET


def shingles(text: str, size: int = SHINGLE) -> set[str]:
    words = re.findall(r"\w+", text.lower())
    return {" ".join(words[i:i + size]) for i in range(max(len(words) - size + 1, 1))}


def signature(text: str) -> tuple[MinHash, int]:
    """The article's MinHash and its shingle count (for containment estimates)."""
    grams = shingles(text)
    minhash = MinHash(num_perm=NUM_PERM, seed=7)
    minhash.update_batch([g.encode("utf-8") for g in grams])
    return minhash, len(grams)


def containment(a: tuple[MinHash, int], b: tuple[MinHash, int]) -> tuple[float, float]:
    """Estimated Jaccard, and shared shingles over the smaller text's shingles."""
    jaccard = a[0].jaccard(b[0])
    shared = jaccard / (1 + jaccard) * (a[1] + b[1])
    return jaccard, shared / max(min(a[1], b[1]), 1)


def group_sources(articles: Iterable[Article]) -> list[SourceGroup]:
    """The source groups of the articles, singletons included, ordered by id."""
    articles = sorted(articles, key=_order)
    signatures = {a.id: signature(a.text) for a in articles}
    by_id = {a.id: a for a in articles}
    lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
    parent = {a.id: a.id for a in articles}
    for article in articles:
        for other in lsh.query(signatures[article.id][0]):
            if _find(parent, article.id) == _find(parent, other):
                continue  # already one group through another member
            if _same_origin(article, by_id[other], signatures[article.id], signatures[other]):
                _union(parent, article.id, other)
        lsh.insert(article.id, signatures[article.id][0])
    components: dict[str, list[Article]] = {}
    for article in articles:
        components.setdefault(_find(parent, article.id), []).append(article)
    groups = [_group(members) for members in components.values()]
    return sorted(groups, key=lambda g: g.id)


def _same_origin(a: Article, b: Article, sa, sb) -> bool:
    jaccard, contained = containment(sa, sb)
    bar = JOIN_CONTAINMENT_SAME_AGENCY if set(a.credits) & set(b.credits) else JOIN_CONTAINMENT
    return jaccard >= 0.5 or contained >= bar


def _order(article: Article):
    return (article.published is None, article.published or 0, -len(article.text), article.id)


def _group(members: list[Article]) -> SourceGroup:
    members = sorted(members, key=_order)
    origin = members[0]
    group_id = "grp-" + hashlib.sha1(origin.id.encode()).hexdigest()[:10]
    outlets = tuple(dict.fromkeys(outlet_label(m) for m in members))
    agencies = tuple(dict.fromkeys(c for m in members for c in m.credits))
    return SourceGroup(group_id, origin.id, tuple(m.id for m in members), outlets, agencies)


def _find(parent: dict, item: str) -> str:
    while parent[item] != item:
        parent[item] = parent[parent[item]]
        item = parent[item]
    return item


def _union(parent: dict, a: str, b: str) -> None:
    ra, rb = _find(parent, a), _find(parent, b)
    if ra != rb:
        parent[max(ra, rb)] = min(ra, rb)
