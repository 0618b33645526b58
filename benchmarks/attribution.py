"""Speaker attribution on PolNeAR (84 real US-election news articles per split): who said what.

Gold: each PolNeAR attribution that has a Source span and whose cue is a speech verb (the last word of
the cue that lemmatises, by a suffix rule, into SPEECH_VERBS: "has denied", "also said", "called for"),
placed in the wirewatch sentence that holds the cue's first character. One annotator's file per
article (the first in sorted order). wirewatch: `split_sentences`, the sentences `claims.wants`
selects parsed in batches, then `match_claims` per sentence (every attribution construction, the
speaker as written) and `find_claims` per article (pronouns and "the ministry" resolved, observers'
remarks dropped). Scores, per level:

- coverage: share of gold attributions whose sentence holds at least one wirewatch claim;
- speaker recall: share of gold attributions with a claim in their sentence whose speaker shares a
  word token (lower-cased, function words left out) with the gold source; a gold pronoun also
  matches a find_claims speaker that wirewatch resolved from that same pronoun, and a gold relative
  pronoun ("an architect who said") a speaker that shares a token with the six words before it;
- speaker precision: share of claims, in sentences holding any sourced gold attribution (speech cue
  or not), whose speaker shares a token with some gold source of that sentence.

PolNeAR annotates far more than conflict claims: read recall as coverage of attribution constructions.

    python benchmarks/attribution.py [--split dev|test] [--data ../shared/eval/external/polnear] [--limit N]
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from wirewatch.extract.claims import ClaimHit, find_claims, match_claims, wants
from wirewatch.extract.figures import find_figures
from wirewatch.extract.stance import StanceModel
from wirewatch.extract.pipeline import annotate
from wirewatch.model import Article, Claim
from wirewatch.extract import places
from wirewatch.nlp.annotate import ParsedSentence, parse_many
from wirewatch.nlp.pipeline import load_pipeline
from wirewatch.nlp.sentences import Sentence

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "eval" / "external" / "polnear"
# Verbs of saying (and writing, asking, accusing, denying): the cues a claim extractor should cover.
SPEECH_VERBS = frozenset("""
    say tell claim add note accuse deny argue insist state announce report write tweet explain warn ask call
    reply respond declare stress reiterate repeat assert allege charge blame reject dismiss admit acknowledge
    confirm comment mention predict urge promise vow complain testify recall remark joke
""".split())
IRREGULAR = {"said": "say", "told": "tell", "wrote": "write", "written": "write", "writes": "write",
             "writing": "write", "saying": "say", "says": "say"}
PRONOUNS = frozenset({"he", "she", "it", "they", "we", "i", "you"})
RELATIVE = frozenset({"who", "which", "that"})
FUNCTION_WORDS = frozenset({"the", "a", "an", "of", "and", "in", "on", "for", "to", "at", "by", "with", "s", "'s", "’s"})
STANCES = ("accuse", "deny", "assert")


@dataclass(frozen=True, slots=True)
class Gold:
    """One sourced attribution: the cue's first character and text, the source's text, the cue lemma (or
    None), and for a relative-pronoun source ("who") the six words before it, where its antecedent is."""

    cue_start: int
    cue: str
    source: str
    lemma: str | None
    antecedent: str = ""


@dataclass
class Scored:
    """One article's sentences, gold attributions by sentence index, and wirewatch's claims by sentence index."""

    name: str
    sentences: list[Sentence]
    gold: dict[int, list[Gold]]
    hits: dict[int, list[ClaimHit]]
    claims: dict[int, list[tuple[Claim, ClaimHit | None]]]


def read_ann(path: Path, text: str) -> list[Gold]:
    """The attributions of one brat file that have a Source (discontinuous spans read as their fragments)."""
    spans: dict[str, tuple[str, int, str]] = {}
    events: list[dict[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        fields = line.split("\t")
        if line.startswith("T") and len(fields) >= 3:
            kind, _, offsets = fields[1].partition(" ")
            start = min(int(part.split()[0]) for part in offsets.split(";"))
            spans[fields[0]] = (kind, start, fields[2])
        elif line.startswith("E") and len(fields) >= 2:
            events.append(dict(arg.split(":", 1) for arg in fields[1].split() if ":" in arg))
    out = []
    for event in events:
        cue, source = spans.get(event.get("Cue", "")), spans.get(event.get("Source", ""))
        if cue is None or source is None:
            continue
        before = " ".join(re.findall(r"\w+", text[max(0, source[1] - 80):source[1]])[-6:])
        antecedent = before if source[2].strip().lower() in RELATIVE else ""
        out.append(Gold(cue[1], cue[2], source[2], cue_lemma(cue[2]), antecedent))
    return out


def lemma_candidates(word: str) -> list[str]:
    """Possible base forms of an English verb form, by suffix rule ("denied" -> deny, "noting" -> note)."""
    if word in IRREGULAR:
        return [IRREGULAR[word]]
    out = [word]
    if word.endswith("ied") or word.endswith("ies"):
        out.append(word[:-3] + "y")
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            stem = word[:-len(suffix)]
            out += [stem, stem + "e"]
            if len(stem) > 2 and stem[-1] == stem[-2]:
                out.append(stem[:-1])  # "admitted" -> admit
    return out


def cue_lemma(cue: str) -> str | None:
    """The speech verb a cue is built on (its last word that is one), else None."""
    for word in reversed(re.findall(r"[a-z]+", cue.lower())):
        for lemma in lemma_candidates(word):
            if lemma in SPEECH_VERBS:
                return lemma
    return None


def tokens(text: str) -> set[str]:
    return {t for t in re.findall(r"\w+", text.lower()) if t not in FUNCTION_WORDS}


def overlaps(speaker: str, source: str) -> bool:
    return bool(tokens(speaker) & tokens(source))


def is_pronoun(text: str) -> bool:
    return text.strip().lower() in PRONOUNS


def load_split(folder: Path, limit: int) -> list[tuple[str, str, list[Gold]]]:
    """(name, text, gold) per article, one annotator each: the first .ann file in sorted order."""
    chosen: dict[str, Path] = {}
    for path in sorted((folder / "attributions").glob("*.ann")):
        chosen.setdefault(path.stem.rsplit("_", 1)[0], path)
    articles = []
    for text_path in sorted((folder / "text").glob("*.txt")):
        ann = chosen.get(text_path.stem)
        if ann is None:
            continue
        with open(text_path, encoding="utf-8", newline="") as handle:
            text = handle.read()
        articles.append((text_path.stem, text, read_ann(ann, text)))
    return articles[:limit] if limit else articles


def sentence_of(sentences: list[Sentence], offset: int) -> int | None:
    for s in sentences:
        if s.start <= offset < s.end:
            return s.index
    before = [s for s in sentences if s.start <= offset]  # an offset in white space between sentences
    return before[-1].index if before else None


def article_of(name: str, text: str) -> Article:
    return Article.from_text(text, name)


def run(articles: list[tuple[str, str, list[Gold]]], nlp, batch_size: int, stance=None) -> list[Scored]:
    # Parsed as `wirewatch extract` parses: the NER only where the place rules can use it.
    parses = parse_many([(text, None) for _, text, _ in articles], nlp, wants, batch_size, places.needs_entities)
    annotate(p.doc for _, parsed in parses for p in parsed)  # the place names the claim rules read
    split = [(name, text, gold, sentences) for (name, text, gold), (sentences, _) in zip(articles, parses)]
    parsed: list[list[ParsedSentence]] = [items for _, items in parses]
    out = []
    for (name, text, gold, sentences), items in zip(split, parsed):
        by_sentence: dict[int, list[Gold]] = {}
        for g in gold:
            index = sentence_of(sentences, g.cue_start)
            if index is not None:
                by_sentence.setdefault(index, []).append(g)
        hits: dict[int, list[ClaimHit]] = {}
        by_cue: dict[tuple[int, int], ClaimHit] = {}
        article = article_of(name, text)
        figures = find_figures(items, article)  # as the extraction pipeline passes them to the claims
        starts: dict[int, set[int]] = {}
        for figure in figures:
            starts.setdefault(figure.provenance.sentence_index, set()).add(figure.provenance.start)
        for item in items:
            found = match_claims(item.doc, frozenset(c - item.sentence.start for c in starts.get(item.sentence.index, ())),
                                 stance)
            if found:
                hits[item.sentence.index] = found
            for hit in found:
                by_cue[(item.sentence.index, item.sentence.start + item.doc[hit.cue].idx)] = hit
        claims: dict[int, list[tuple[Claim, ClaimHit | None]]] = {}
        for claim in find_claims(items, article, figures, stance):
            p = claim.provenance
            claims.setdefault(p.sentence_index, []).append((claim, by_cue.get((p.sentence_index, p.start))))
        out.append(Scored(name, sentences, by_sentence, hits, claims))
    return out


def speaker_match(speaker: str, written: str | None, gold: Gold) -> bool:
    """The speaker shares a token with the gold source; or the gold source is a pronoun and wirewatch
    resolved the speaker from that pronoun (written: the speaker as written in the sentence); or the gold
    source is a relative pronoun and the speaker names its antecedent."""
    if overlaps(speaker, gold.source) or (gold.antecedent and overlaps(speaker, gold.antecedent)):
        return True
    return written is not None and is_pronoun(gold.source) and is_pronoun(written) and overlaps(written, gold.source)


def level_claims(article: Scored, level: str) -> dict[int, list[tuple[str, str | None, str]]]:
    """Per sentence, (speaker, speaker as written, stance) of each claim at one level."""
    if level == "match_claims":
        return {i: [(h.speaker, h.speaker, h.stance.value) for h in hits] for i, hits in article.hits.items()}
    return {i: [(c.speaker, h.speaker if h else None, c.stance.value) for c, h in pairs]
            for i, pairs in article.claims.items()}


def score(results: list[Scored], level: str) -> dict:
    c = Counter()
    missed: Counter[str] = Counter()
    for article in results:
        claims = level_claims(article, level)
        for sentence_claims in claims.values():
            c["claims"] += len(sentence_claims)
            for _, _, stance in sentence_claims:
                c[f"claims {stance}"] += 1
        for i, golds in article.gold.items():
            sentence_claims = claims.get(i, [])
            for g in golds:
                if g.lemma is None:
                    continue
                c["gold"] += 1
                c["covered"] += bool(sentence_claims)
                matched = [st for sp, wr, st in sentence_claims if speaker_match(sp, wr, g)]
                c["recalled"] += bool(matched)
                for stance in set(matched):
                    c[f"recalled {stance}"] += 1
                if not matched:
                    missed[g.lemma] += 1
            for sp, wr, stance in sentence_claims:
                c["judged"] += 1
                c[f"judged {stance}"] += 1
                if any(speaker_match(sp, wr, g) for g in golds):
                    c["right"] += 1
                    c[f"right {stance}"] += 1
    return {"counts": c, "missed": missed}


def ratio(a: int, b: int) -> float:
    return a / b if b else 0.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("dev", "test"), default="dev")
    parser.add_argument("--data", type=Path, default=DEFAULT)
    parser.add_argument("--limit", type=int, default=0, help="score only the first N articles (0: all)")
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--rules-only", action="store_true", help="without the trained stance classifier")
    args = parser.parse_args()
    folder = args.data / args.split
    if not (folder / "text").is_dir() or not (folder / "attributions").is_dir():
        print(f"{folder}: no text/ and attributions/ here; pass --data", file=sys.stderr)
        return 2
    started = time.perf_counter()
    articles = load_split(folder, args.limit)
    limit = f" --limit {args.limit}" if args.limit else ""
    limit += " --rules-only" if args.rules_only else ""
    print(f"command: python benchmarks/attribution.py --split {args.split} --data {args.data}{limit}")

    nlp = load_pipeline()
    start = time.perf_counter()
    results = run(articles, nlp, args.batch_size, None if args.rules_only else StanceModel.load())
    elapsed = time.perf_counter() - start
    sentences = sum(len(r.sentences) for r in results)
    sourced = sum(len(g) for _, _, g in articles)
    speech = sum(1 for r in results for gs in r.gold.values() for g in gs if g.lemma)
    selected = sum(1 for r in results for s in r.sentences if wants(s.text))
    gold_sentences = sum(1 for r in results for gs in r.gold.values() if any(g.lemma for g in gs))
    selected_gold = sum(1 for r in results for i, gs in r.gold.items()
                        if any(g.lemma for g in gs) and wants(r.sentences[i].text))
    print(f"articles: {len(results)}, sentences: {sentences} ({selected} selected by claims.wants and parsed), "
          f"sourced gold attributions: {sourced}, with a speech-verb cue: {speech} "
          f"in {gold_sentences} sentences ({selected_gold} of them selected by claims.wants)")
    print(f"extraction: {elapsed:.1f} s")

    scores = {level: score(results, level) for level in ("match_claims", "find_claims")}
    print(f"\n{'level':<14}{'claims':>8}{'gold':>7}{'coverage':>10}{'spk recall':>12}{'judged':>8}{'spk precision':>15}{'F1':>7}")
    for level, s in scores.items():
        c = s["counts"]
        p, r = ratio(c["right"], c["judged"]), ratio(c["recalled"], c["gold"])
        f = 2 * p * r / (p + r) if p + r else 0.0
        print(f"{level:<14}{c['claims']:>8}{c['gold']:>7}{ratio(c['covered'], c['gold']):>10.3f}{r:>12.3f}"
              f"{c['judged']:>8}{p:>15.3f}{f:>7.3f}")
    print("(judged: claims in sentences holding a sourced gold attribution; the rest have no gold to compare with)")

    print(f"\nby stance{'':<5}{'claims':>8}{'judged':>8}{'spk precision':>15}{'gold recalled':>15}")
    for level, s in scores.items():
        c = s["counts"]
        for stance in STANCES:
            print(f"{level + ' ' + stance:<22}{c['claims ' + stance]:>8}{c['judged ' + stance]:>8}"
                  f"{ratio(c['right ' + stance], c['judged ' + stance]):>15.3f}{c['recalled ' + stance]:>15}")

    for level, s in scores.items():
        c = s["counts"]
        shown = ", ".join(f"{lemma} {n}" for lemma, n in s["missed"].most_common(10))
        print(f"\nmissed by {level}: {c['gold'] - c['recalled']} of {c['gold']}; top cue lemmas: {shown}")
    print(f"\nruntime: {time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
