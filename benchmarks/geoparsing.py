"""Toponym recognition and resolution on GeoWebNews (200 real news articles), or LGL with --corpus lgl.

(a) Recognition: wirewatch's `find_toponyms` hits marked literal, run per sentence, scored on
character spans against the gold `Literal` toponyms (LGL has no types: every toponym is gold),
matching one to one on overlap and on exact spans. (b) Resolution given the gold spans: each gold
toponym with coordinates is looked up in the gazetteer and ranked by `resolve`, with the article's
country mentions and unambiguous co-mentioned places as context; right when within 161 km.
The "most populous entry" ranking is the baseline, same run.

    python benchmarks/geoparsing.py [--corpus gwn|lgl] [--data ../shared/eval/external/geowebnews] [--limit N]
"""

from __future__ import annotations

import argparse
import math
import sys
import time
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from wirewatch.extract.places import find_toponyms, resolve
from wirewatch.nlp.gazetteer import Gazetteer, PlaceEntry, name_key
from wirewatch.nlp.pipeline import load_pipeline
from wirewatch.nlp.sentences import split_sentences

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "eval" / "external" / "geowebnews"
FILES = {"gwn": "GWN.xml", "lgl": "lgl.xml"}
KM = 161.0
# GeoWebNews types that are not place names (descriptions, people, languages): never context.
NOT_PLACE_NAMES = {"Literal_Expression", "Non_Lit_Expression", "Non_Toponym", "Demonym", "Homonym", "Language"}


@dataclass(frozen=True, slots=True)
class Toponym:
    """One gold toponym: surface string, article offsets, GeoWebNews type ('' in LGL), coordinates if any."""

    name: str
    start: int
    end: int
    type: str
    lat: float | None
    lon: float | None


@dataclass(frozen=True, slots=True)
class GoldArticle:
    text: str
    toponyms: tuple[Toponym, ...]


def read_gwn(path: Path) -> list[GoldArticle]:
    articles = []
    for item in ET.parse(path).getroot().iter("article"):
        toponyms = []
        for t in item.find("toponyms"):
            lat, lon = t.findtext("latitude"), t.findtext("longitude")
            toponyms.append(Toponym(t.findtext("extractedName") or "", int(t.findtext("start")), int(t.findtext("end")),
                                    t.findtext("type") or "", float(lat) if lat else None, float(lon) if lon else None))
        articles.append(GoldArticle(item.findtext("text") or "", tuple(toponyms)))
    return articles


def read_lgl(path: Path) -> list[GoldArticle]:
    articles = []
    for item in ET.parse(path).getroot().iter("article"):
        toponyms = []
        for t in item.find("toponyms"):
            lat, lon = t.findtext("gaztag/lat"), t.findtext("gaztag/lon")
            toponyms.append(Toponym(t.findtext("phrase") or "", int(t.findtext("start")), int(t.findtext("end")), "",
                                    float(lat) if lat else None, float(lon) if lon else None))
        articles.append(GoldArticle(item.findtext("text") or "", tuple(toponyms)))
    return articles


def is_literal(t: Toponym) -> bool:
    return t.type in ("Literal", "")


def is_place_name(t: Toponym) -> bool:
    return t.type not in NOT_PLACE_NAMES


def predict(articles: list[GoldArticle], nlp, batch_size: int) -> list[list[tuple[int, int, bool]]]:
    """Per article, the (start, end, literal) of every toponym hit, in article offsets."""
    pairs = [(i, s) for i, a in enumerate(articles) for s in split_sentences(a.text)]
    out: list[list[tuple[int, int, bool]]] = [[] for _ in articles]
    docs = nlp.pipe((s.text for _, s in pairs), batch_size=batch_size)
    for (i, sentence), doc in zip(pairs, docs):
        for hit in find_toponyms(doc):
            out[i].append((sentence.start + hit.span.start_char, sentence.start + hit.span.end_char, hit.literal))
    return out


def match(pred: list[tuple[int, int]], gold: list[tuple[int, int]], exact: bool) -> int:
    """One-to-one matches, in text order: each gold span is claimed by at most one prediction."""
    used: set[int] = set()
    found = 0
    for ps, pe in sorted(pred):
        for j, (gs, ge) in enumerate(gold):
            if j in used:
                continue
            if (ps == gs and pe == ge) if exact else (ps < ge and gs < pe):
                used.add(j)
                found += 1
                break
    return found


def _other_type(span: tuple[int, int], article: GoldArticle) -> str | None:
    """The gold type a false-positive literal hit falls on (None when it falls on a Literal or on nothing)."""
    overlapping = [t for t in article.toponyms if span[0] < t.end and t.start < span[1]]
    if not overlapping or any(is_literal(t) for t in overlapping):
        return None
    return overlapping[0].type


def prf(hit: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = hit / n_pred if n_pred else 0.0
    r = hit / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (lat1, lon1, lat2, lon2))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 6371 * 2 * math.asin(min(1.0, math.sqrt(h)))


def context(article: GoldArticle, target: Toponym, gazetteer: Gazetteer) -> tuple[set[str], list[PlaceEntry]]:
    """Countries of the article's country mentions and its unambiguous places, the target's own name left out.

    As in `find_places`: a name whose most populous entry is a country counts as that country, and
    an anchor is a name with exactly one entry that is not a country (countries sit at their capital).
    """
    countries: set[str] = set()
    anchors: list[PlaceEntry] = []
    own = name_key(target.name)
    for other in article.toponyms:
        if not is_place_name(other) or name_key(other.name) == own:
            continue
        entries = gazetteer.lookup(other.name)
        if entries and entries[0].feature == "PCLI":
            countries.add(entries[0].country)
        if len(entries) == 1 and entries[0].feature != "PCLI":
            anchors.append(entries[0])
    return countries, anchors


def score_resolution(articles: list[GoldArticle], gazetteer: Gazetteer, keep=lambda t: True) -> dict[str, int]:
    counts = {"toponyms": 0, "no entry": 0, "populous": 0, "wirewatch": 0, "any entry": 0, "country misses": 0}
    for article in articles:
        for t in article.toponyms:
            if t.lat is None or t.lon is None or not keep(t):
                continue
            counts["toponyms"] += 1
            entries = gazetteer.lookup(t.name)
            if not entries:
                counts["no entry"] += 1
                continue
            near = lambda e: km(e.lat, e.lon, t.lat, t.lon) <= KM  # noqa: E731
            countries, anchors = context(article, t, gazetteer)
            counts["populous"] += near(entries[0])
            chosen = resolve(t.name, entries, countries, anchors)
            counts["wirewatch"] += near(chosen)
            counts["country misses"] += not near(chosen) and chosen.feature == "PCLI"
            counts["any entry"] += any(near(e) for e in entries)
    return counts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", choices=sorted(FILES), default="gwn")
    parser.add_argument("--data", type=Path, default=DEFAULT)
    parser.add_argument("--limit", type=int, default=0, help="score only the first N articles (0: all)")
    parser.add_argument("--batch-size", type=int, default=64)
    args = parser.parse_args()
    path = args.data / FILES[args.corpus]
    if not path.exists():
        print(f"{path}: not found; pass --data", file=sys.stderr)
        return 2
    articles = (read_gwn if args.corpus == "gwn" else read_lgl)(path)
    if args.limit:
        articles = articles[:args.limit]
    limit = f" --limit {args.limit}" if args.limit else ""
    print(f"command: python benchmarks/geoparsing.py --corpus {args.corpus} --data {args.data}{limit}")
    gold_kind = "Literal toponyms" if args.corpus == "gwn" else "toponyms (LGL has no types)"
    print(f"articles: {len(articles)}, toponyms: {sum(len(a.toponyms) for a in articles)}")

    gazetteer = Gazetteer()
    nlp = load_pipeline(gazetteer)
    start = time.perf_counter()
    predicted = predict(articles, nlp, args.batch_size)
    elapsed = time.perf_counter() - start
    literal_gold = [[(t.start, t.end) for t in a.toponyms if is_literal(t)] for a in articles]
    place_gold = [[(t.start, t.end) for t in a.toponyms if is_place_name(t)] for a in articles]
    literal_pred = [[(s, e) for s, e, lit in p if lit] for p in predicted]
    all_pred = [[(s, e) for s, e, _ in p] for p in predicted]

    print(f"\n(a) recognition: gold = {sum(map(len, literal_gold))} {gold_kind}; parse {elapsed:.1f} s")
    print(f"{'prediction vs gold':<44}{'match':>7}{'pred':>7}{'gold':>7}{'P':>8}{'R':>8}{'F1':>8}")
    short = "Literal" if args.corpus == "gwn" else "toponyms"
    rows = (
        (f"literal hits vs {short}, overlap", literal_pred, literal_gold, False),
        (f"literal hits vs {short}, exact span", literal_pred, literal_gold, True),
        ("all hits vs all place names, overlap", all_pred, place_gold, False),
    )
    for label, pred, gold, exact in rows:
        hit = sum(match(p, g, exact) for p, g in zip(pred, gold))
        n_pred, n_gold = sum(map(len, pred)), sum(map(len, gold))
        p, r, f = prf(hit, n_pred, n_gold)
        print(f"{label:<44}{hit:>7}{n_pred:>7}{n_gold:>7}{p:>8.3f}{r:>8.3f}{f:>8.3f}")
    if args.corpus == "gwn":
        counts = Counter(_other_type(p, a) for pred, a in zip(literal_pred, articles) for p in pred)
        counts.pop(None, None)
        shown = ", ".join(f"{k} {v}" for k, v in counts.most_common(4))
        print(f"literal hits on no Literal toponym but on another gold type: {sum(counts.values())} ({shown}, ...)")

    start = time.perf_counter()
    results = {"all with coordinates": score_resolution(articles, gazetteer)}
    if args.corpus == "gwn":
        results["Literal only"] = score_resolution(articles, gazetteer, is_literal)
    elapsed = time.perf_counter() - start
    print(f"\n(b) resolution given gold spans, within {KM:.0f} km; unresolvable names count as misses; {elapsed:.1f} s")
    print(f"{'subset':<22}{'toponyms':>9}{'no entry':>10}{'most populous (baseline)':>26}{'wirewatch resolve':>19}"
          f"{'any entry (ceiling)':>21}")
    for subset, c in results.items():
        n = c["toponyms"] or 1
        print(f"{subset:<22}{c['toponyms']:>9}{c['no entry']:>10}{c['populous'] / n:>26.3f}{c['wirewatch'] / n:>19.3f}"
              f"{c['any entry'] / n:>21.3f}")
    for subset, c in results.items():
        print(f"{subset}: {c['toponyms'] - c['no entry'] - c['wirewatch']} wirewatch misses with an entry, "
              f"{c['country misses']} of them a country entry (placed at its capital, gold usually at its centre)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
