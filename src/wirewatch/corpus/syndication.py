"""Source groups: outlets carrying one origin text count as one source.

MinHash over word 5-gram shingles proposes pairs (LSH, by group: `_BandIndex`); a pair joins when the estimated Jaccard
or containment is high (a copy cut to its first 60% has low Jaccard but high containment), with
a lower bar when both credit the same agency. Groups are the connected components; a group's id
is derived from its earliest member, so the same corpus always yields the same ids.
"""

from __future__ import annotations

import hashlib
import re
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from operator import attrgetter

import numpy as np
from datasketch import MinHash, MinHashLSH

from ..model import Article

NUM_PERM = 128
SEED = 7
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


_WORD = re.compile(r"\w+")
_SHINGLE_STEP = np.uint64(0x01000193)  # odd (FNV's prime): a shingle's hash depends on its words' order


def shingle_hashes(text: str) -> np.ndarray:
    """The 32-bit hashes of the text's distinct word 5-grams (shingles; a text of fewer words is one shingle).

    Each word is hashed once (CRC-32) and a shingle's hash combines its words' in order, in arrays: hashing
    each shingle's string (SHA-1, datasketch's default) cost a signature 1 µs a shingle and a corpus of
    10,000 articles five seconds. MinHash mixes these values before its permutations (datasketch's
    scheme), so a plain combination is enough; two shingles share a value about once in four billion."""
    words = _WORD.findall(text.lower())
    codes = np.fromiter((zlib.crc32(w.encode("utf-8")) for w in words), dtype=np.uint64, count=len(words))
    count = max(len(words) - SHINGLE + 1, 1)
    combined = np.zeros(count, dtype=np.uint64)
    for k in range(min(SHINGLE, len(words))):
        combined = combined * _SHINGLE_STEP + codes[k:k + count]
    return np.unique((combined ^ (combined >> np.uint64(32))) & np.uint64(0xFFFFFFFF))


# The permutations a MinHash of this seed draws, drawn once: every signature uses the same ones, and
# drawing them again for each article cost a live update as much as hashing the article's shingles.
_DRAWN = MinHash(num_perm=NUM_PERM, seed=SEED)
_PERMUTATIONS, _SCHEME = _DRAWN.permutations, _DRAWN.scheme


def signature(text: str) -> tuple[MinHash, int]:
    """The article's MinHash (of its shingle hashes, which `int` passes on as they are) and its shingle count
    (for containment estimates)."""
    hashes = shingle_hashes(text)
    minhash = MinHash(num_perm=NUM_PERM, seed=SEED, hashfunc=int, permutations=_PERMUTATIONS, scheme=_SCHEME)
    minhash.update_batch(hashes.tolist())
    return minhash, len(hashes)


def containment(a: tuple[MinHash, int], b: tuple[MinHash, int]) -> tuple[float, float]:
    """Estimated Jaccard, and shared shingles over the smaller text's shingles."""
    jaccard = a[0].jaccard(b[0])
    shared = jaccard / (1 + jaccard) * (a[1] + b[1])
    return jaccard, shared / max(min(a[1], b[1]), 1)


def group_sources(articles: Iterable[Article]) -> list[SourceGroup]:
    """The source groups of the articles, singletons included, ordered by id."""
    grouper = SourceGrouper()
    grouper.add(articles)
    return grouper.groups()


class SourceGrouper:
    """Source groups kept up to date as articles arrive: the band index, the signatures and the
    components stay between additions, so an addition costs its own articles' signatures and
    queries. A group is a connected component of the pairs that join, and a pair is proposed
    whichever of its two articles came first, so any order and any split into batches gives the
    groups `group_sources` gives for all the articles at once."""

    def __init__(self):
        self._bands = _BandIndex()
        self._signatures: dict = {}
        self._by_id: dict[str, Article] = {}
        self._parent: dict[str, str] = {}
        self._members: dict[str, list[str]] = {}  # component root -> its article ids
        self._groups: dict[str, SourceGroup] = {}  # component root -> its group, while it is unchanged
        self._changed: set[str] = set()  # roots whose group is to be made again
        self._group_of: dict[str, str] = {}  # article id -> its group's id
        self._regrouped: set[str] = set()  # members of the groups made again since `regrouped` was last asked

    def add(self, articles: Iterable[Article]) -> None:
        """Add the articles not yet added (an article is known by its id, whose text never changes)."""
        fresh = sorted((a for a in {a.id: a for a in articles}.values() if a.id not in self._by_id), key=_order)
        parent = self._parent
        for article in fresh:
            self._signatures[article.id] = signature(article.text)
            self._by_id[article.id] = article
            parent[article.id] = article.id
            self._members[article.id] = [article.id]
            self._changed.add(article.id)
        for article in fresh:
            mine = self._signatures[article.id]
            refused: set[str] = set()  # proposed again by another band: the answer is the same
            for filed in self._bands.proposals(mine[0]):
                for other in filed:
                    a, b = _find(parent, article.id), _find(parent, other)
                    if a == b:
                        break  # the rest of the list is in one group with this one, which it just joined
                    if other in refused:
                        continue
                    if not _same_origin(article, self._by_id[other], mine, self._signatures[other]):
                        refused.add(other)
                        continue
                    _union(parent, a, b)
                    root, gone = min(a, b), max(a, b)
                    self._members[root].extend(self._members.pop(gone))
                    self._groups.pop(gone, None)
                    self._groups.pop(root, None)
                    self._changed.discard(gone)
                    self._changed.add(root)
                    break
            self._bands.insert(article.id, mine[0], lambda root: _find(parent, root))

    def groups(self) -> list[SourceGroup]:
        """The source groups of every article added, singletons included, ordered by id."""
        for root in sorted(self._changed):
            group = self._groups[root] = _group([self._by_id[i] for i in self._members[root]])
            self._group_of.update(dict.fromkeys(group.members, group.id))
            self._regrouped.update(group.members)
        self._changed.clear()
        return sorted(self._groups.values(), key=attrgetter("id"))

    def group_of(self) -> dict[str, str]:
        """Article id -> the id of its source group (a new dictionary: the grouper's own changes as articles come)."""
        self.groups()
        return dict(self._group_of)

    def regrouped(self) -> set[str]:
        """The articles whose group was made again since the last time this was asked (their group id may differ)."""
        self.groups()
        found, self._regrouped = self._regrouped, set()
        return found


# Bands and rows per band that datasketch's LSH chooses for the threshold (its optimum for equal weights
# of false positives and negatives): the index below proposes exactly the pairs that LSH would.
_LSH = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
BANDS, ROWS = _LSH.b, _LSH.r


class _BandIndex:
    """MinHash LSH whose buckets hold their articles by source group: two articles are proposed when one
    band of their signatures is equal, as in datasketch's `MinHashLSH`, but a query meets each group in a
    bucket once, as one list. Joining one member of a group joins the whole group, so the rest of its list
    needs no test: a story carried by a thousand outlets costs a query a few tests, not a thousand (a
    plain LSH hands back every member of every bucket, and its queries grew with the corpus).

    A bucket files articles under the root their group had when they came; groups only ever merge, so
    every article of a list is in the group of the list's root (`root_of` finds it now), and lists whose
    groups have merged since are joined when the bucket is next filled."""

    def __init__(self):
        self._tables: list[dict[bytes, dict[str, list[str]]]] = [{} for _ in range(BANDS)]

    @staticmethod
    def _keys(minhash: MinHash) -> list[bytes]:
        values = minhash.hashvalues
        return [values[i * ROWS:(i + 1) * ROWS].tobytes() for i in range(BANDS)]

    def proposals(self, minhash: MinHash) -> Iterator[list[str]]:
        """The lists of articles sharing a band with the signature, one per group per bucket."""
        for table, key in zip(self._tables, self._keys(minhash)):
            bucket = table.get(key)
            if bucket:
                yield from list(bucket.values())

    def insert(self, article_id: str, minhash: MinHash, root_of) -> None:
        root = root_of(article_id)
        for table, key in zip(self._tables, self._keys(minhash)):
            bucket = table.setdefault(key, {})
            for filed in [r for r in bucket if r != root_of(r)]:
                moved = bucket.pop(filed)
                bucket.setdefault(root_of(filed), []).extend(moved)
            bucket.setdefault(root, []).append(article_id)


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
