"""The live ledger equals a full rebuild, whatever arrives in whatever batches (corpus/incremental.py).

A wrong partition (an incident clustered without a mention it could join, an article kept with a date or
group it no longer has) shows as a difference from `build_ledger` of the same extractions. Besides the
demo corpus (in the repository), a corpus of perturbed copies of it: dates shifted, some undated (so
dates come from source groups and incidents), towns exchanged between sentences or unknown to the
gazetteer (so incidents cluster by name alone), copies of one text arriving earliest last (so a source
group's id changes), so that the batches cross every dependency between articles.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
from pathlib import Path

import pytest

import wirewatch
from wirewatch.corpus.incremental import LiveLedger
from wirewatch.corpus.ledger import build_ledger

DEMO = Path(__file__).resolve().parents[2] / "examples" / "demo"


@pytest.fixture(scope="module")
def demo(stored_corpus, env):
    with wirewatch.open(stored_corpus("demo", [DEMO])) as handle:
        return list(handle.extractions())


def _variant(extraction, index: int, rng: random.Random, towns: dict):
    """A copy of an extraction under a new id: its date shifted or removed, its towns exchanged."""
    article = extraction.article
    new_id = f"{article.id[:20]}-v{index:04d}"
    shift = dt.timedelta(days=rng.randint(-6, 6))
    published = None if rng.random() < 0.2 or article.published is None else article.published + shift
    names = list(towns)
    swap = dict(zip(names, rng.sample(names, len(names)))) if rng.random() < 0.5 else {}
    unknown = rng.random() < 0.25  # its place names unknown to the gazetteer: clustered by name alone

    def moved(item):
        fields = {"provenance": dataclasses.replace(item.provenance, article_id=new_id)}
        if getattr(item, "places", None) and isinstance(item.places, tuple):
            fields["places"] = tuple(swap.get(n, n) for n in item.places)
        return dataclasses.replace(item, **fields)

    def place(mention):
        name = swap.get(mention.name, mention.name)
        return dataclasses.replace(mention, name=name, place=None if unknown else towns.get(name, mention.place),
                                   provenance=dataclasses.replace(mention.provenance, article_id=new_id))

    return dataclasses.replace(
        extraction,
        article=dataclasses.replace(article, id=new_id, name=f"{article.name}-v{index}", published=published,
                                    text=article.text + f"\n\nCopy {index % 4}."),
        figures=tuple(moved(f) for f in extraction.figures), claims=tuple(moved(c) for c in extraction.claims),
        agreements=tuple(moved(a) for a in extraction.agreements), events=tuple(moved(e) for e in extraction.events),
        places=tuple(place(p) for p in extraction.places),
        dates=tuple(dataclasses.replace(d, provenance=dataclasses.replace(d.provenance, article_id=new_id))
                    for d in extraction.dates))


@pytest.fixture(scope="module")
def perturbed(demo):
    rng = random.Random(11)
    towns = {m.name: m.place for e in demo for m in e.places if m.place is not None}
    return [_variant(demo[i % len(demo)], i, rng, towns) for i in range(60)]


def _in_batches(extractions, rng: random.Random, most: int) -> LiveLedger:
    live = LiveLedger()
    pending = extractions[:]
    rng.shuffle(pending)
    while pending:
        take = rng.randint(1, most)
        live.add(pending[:take])
        pending = pending[take:]
    return live


def test_incremental_the_perturbed_corpus_has_incidents_known_by_name_alone(perturbed):
    """The equality tests below cover clustering by name only if such incidents occur."""
    incidents = build_ledger(perturbed).incidents
    assert any(i.place is None for i in incidents) and any(i.place is not None for i in incidents)


@pytest.mark.parametrize("seed", [1, 2, 3, 4])
def test_incremental_perturbed_corpus_in_random_batches_equals_a_full_rebuild(perturbed, demo, seed):
    corpus = perturbed + demo
    live = _in_batches(corpus, random.Random(seed), 7)
    assert live.ledger == build_ledger(corpus)
    assert len(live) == len(corpus)


def test_incremental_one_article_at_a_time_equals_a_full_rebuild_at_every_step(perturbed):
    live = LiveLedger()
    order = perturbed[:30]
    random.Random(5).shuffle(order)
    for count, extraction in enumerate(order, 1):
        live.add([extraction])
        if count % 6 == 0 or count == len(order):
            assert live.ledger == build_ledger(order[:count]), count


def test_incremental_store_then_one_large_batch(perturbed, demo):
    live = LiveLedger(demo)
    assert live.add(perturbed) == build_ledger(demo + perturbed)


def test_incremental_an_article_given_again_changes_nothing(perturbed):
    live = LiveLedger(perturbed[:20])
    before = live.ledger
    assert live.add(perturbed[5:8]) == before
    assert live.add(perturbed[5:8]) is live.ledger


def test_incremental_an_article_given_again_with_another_extraction_replaces_it(perturbed):
    """A newer pipeline version extracts an article again: its mentions replace the old ones."""
    live = LiveLedger(perturbed[:20])
    target = perturbed[3]
    fewer = dataclasses.replace(target, events=target.events[: len(target.events) // 2], figures=())
    expected = [fewer if e.article.id == target.article.id else e for e in perturbed[:20]]
    assert live.add([fewer]) == build_ledger(expected)
    assert live.add([target]) == build_ledger(perturbed[:20])


def test_incremental_an_article_dated_again_is_redated(perturbed):
    """The same article id with another publication date (a page cleaned again): every derived date moves."""
    live = LiveLedger(perturbed[:25])
    target = next(e for e in perturbed[:25] if e.article.published is not None and e.events)
    later = dataclasses.replace(target, article=dataclasses.replace(
        target.article, published=target.article.published + dt.timedelta(days=9)))
    expected = [later if e.article.id == target.article.id else e for e in perturbed[:25]]
    assert live.add([later]) == build_ledger(expected)


@pytest.mark.parametrize("seed", [1, 2])
def test_incremental_a_memo_kept_across_any_corpora_builds_what_a_full_rebuild_builds(perturbed, demo, seed):
    """Articles come and go, earliest or latest in date: the clustering replayed from the last one's unchanged
    prefix (corpus/incidents.py ClusterBook) must match clustering from scratch at every step."""
    from wirewatch.corpus.memo import ArticleMemo

    rng = random.Random(seed)
    corpus = perturbed + demo
    by_date = sorted(corpus, key=lambda e: (e.article.published is None, e.article.published or dt.date.min))
    memo = ArticleMemo()
    steps = [by_date[len(by_date) // 2:], by_date, by_date[: len(by_date) // 2]]  # then earlier ones, then only them
    steps += [rng.sample(corpus, rng.randint(3, len(corpus))) for _ in range(4)]
    for subset in steps:
        assert build_ledger(subset, memo=memo) == build_ledger(subset)


def test_incremental_an_article_extracted_again_with_its_attacks_elsewhere_is_clustered_again(perturbed):
    """Same article, same dates, same order of mentions, other towns: its mentions are new, so the clustering
    replays no choice made for the old ones (a replay keyed by article and position would keep them)."""
    live = LiveLedger(perturbed[:30])
    towns = {m.name: m.place for e in perturbed for m in e.places if m.place is not None}
    names = sorted(towns)
    after = {n: names[(i + 1) % len(names)] for i, n in enumerate(names)}
    for target in [e for e in perturbed[:30] if any(set(ev.places) & set(towns) for ev in e.events)][:3]:
        moved = dataclasses.replace(
            target,
            events=tuple(dataclasses.replace(ev, places=tuple(after.get(n, n) for n in ev.places))
                         for ev in target.events),
            places=tuple(dataclasses.replace(m, name=after.get(m.name, m.name),
                                             place=towns.get(after.get(m.name), m.place)) for m in target.places))
        expected = [moved if e.article.id == target.article.id else e for e in live._extractions.values()]
        assert live.add([moved]) == build_ledger(expected)


def test_incremental_news_in_date_order_equals_a_full_rebuild_and_replays_nothing(demo, monkeypatch):
    """A feed brings the next days' news: an update whose mentions all sort after the last clustering's continues
    it where it ended (no replay of the earlier mentions), and the ledger equals a full rebuild after every
    article, denials included."""
    from wirewatch.corpus import incidents

    dated = sorted((e for e in demo if e.article.published), key=lambda e: (e.article.published, e.article.id))
    live = LiveLedger(dated[:1])
    joins = []
    real = incidents._join
    monkeypatch.setattr(incidents, "_join", lambda cluster, mention, *rest: joins.append(mention) or
                        real(cluster, mention, *rest))
    continued = 0
    for end in range(2, len(dated) + 1):
        joins.clear()
        updated = live.add(dated[end - 1:end])
        continued += bool(joins) and {m.article_id for m in joins} == {dated[end - 1].article.id}
        assert updated == build_ledger(dated[:end]), end
    assert continued >= 3  # updates that joined the new article's mentions alone


def test_incremental_news_of_an_earlier_day_is_searched_again_from_that_day_only(demo, monkeypatch):
    """Late news of an earlier day (an article that arrives after those of the days after it): the clustering is
    taken back to that article's first mention in date order and searched again from there; the mentions before
    it are not searched again, and the ledger equals a full rebuild."""
    from wirewatch.corpus import incidents

    dated = sorted((e for e in demo if e.article.published), key=lambda e: (e.article.published, e.article.id))
    late = dated[-2]  # the news of the day before the last arrives after the last day's
    live = LiveLedger([e for e in dated if e is not late])
    joins = []
    real = incidents._join
    monkeypatch.setattr(incidents, "_join", lambda cluster, mention, *rest: joins.append(mention) or
                        real(cluster, mention, *rest))
    before = live.ledger.group_of
    updated = live.add([late])
    searched = joins[:]  # (the full rebuild below joins every mention)
    assert updated == build_ledger(dated)
    # the late article, and those whose source group it changed (their mentions carry their group)
    changed = {late.article.id} | {a for a, group in updated.group_of.items() if before.get(a, group) != group}
    mine = [m for m in searched if m.article_id in changed]
    assert any(m.article_id == late.article.id for m in mine), "the late article's mentions were clustered"
    earliest = min((m.date is None, m.date or dt.date.min) for m in mine)
    assert all((m.date is None, m.date or dt.date.min) >= earliest for m in searched)
    assert len(searched) < sum(len(i.mentions) for i in updated.incidents)  # the earlier days' were not searched again
