"""corpus/syndication.py: outlets carrying one origin text are one source group.

Every story here is invented for the test; the outlets and the agency (NWS) are made up.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import re

import pytest

from wirewatch.corpus.syndication import group_sources
from wirewatch.model import Article

WIRE = (
    "KORVANA, October 14 (NWS) - Artillery shells struck the centre of the Eritrean town of Korvana on Wednesday "
    "morning, damaging a row of shops near the bus station and setting two parked cars on fire, local officials said. "
    "Eritrea's defence ministry accused Ethiopian forces of firing on the town from positions in the hills to the "
    "west, and said four civilians had been taken to hospital with shrapnel wounds. Ethiopia's defence ministry "
    "rejected the accusation and said its units had held their positions throughout the night. Residents who spent "
    "the night in basements described a series of loud explosions shortly after dawn, followed by the sound of "
    "sirens across the market district. A shopkeeper who gave only his first name, Tesfay, said the blast shattered "
    "every window on his street and that he had swept glass for an hour before the police arrived. Emergency crews "
    "spent most of the morning clearing debris from the main road, which was reopened to traffic before noon. The "
    "regional governor said schools in the town would stay closed until the end of the week and urged families to "
    "keep children indoors. Officials from both sides have traded blame for attacks on towns well behind the front line "
    "since the fighting began, and international mediators have repeatedly called for a halt to the shelling of "
    "residential areas. Humanitarian groups said the strikes were making it harder to deliver food and medicine to "
    "villages along the road to the north."
)


def _edit(text: str, *pairs: tuple[str, str]) -> str:
    for old, new in pairs:
        assert old in text, old
        text = text.replace(old, new)
    return text


CARRIED = {
    # three outlets run the agency copy with small edits of their own and their own headlines
    "harbour": ("Harbour Times", "Shells hit Korvana market district", _edit(
        WIRE, ("KORVANA, October 14 (NWS) - ", ""), ("Wednesday morning", "Wednesday"),
        ("regional governor", "region's governor"))),
    "kestrel": ("Kestrel News", "Eritrea says Ethiopian artillery struck Korvana", _edit(
        WIRE, ("two parked cars", "several parked cars"), ("gave only his first name, Tesfay,", "gave his name as Tesfay"),
        ("Humanitarian groups", "Aid groups"))),
    "meridian": ("Meridian Daily", "Korvana shelled; Addis Ababa denies", _edit(
        WIRE, ("spent most of the morning", "worked through the morning"), ("before noon", "by midday"))),
}

OTHER_STORY = (
    "Korvana counted the damage on Wednesday after what residents called the heaviest bombardment the town has seen "
    "this month. Our correspondent walked through the market quarter, where the awnings of fruit stalls hung in "
    "shreds and a baker was boarding up the hole where his shop front had been. He said he had been asleep upstairs "
    "when the first shell landed and had carried his mother down to the cellar in the dark. Eritrea's defence "
    "ministry blamed Ethiopian artillery, while officials in Addis Ababa said the claim was invented to cover "
    "Eritrea's own offensive in the south. There was no way to verify either account independently. At the "
    "town hospital, a surgeon said the wards were full and that most of the wounded had cuts from flying glass "
    "rather than shrapnel. Volunteers were handing out blankets and bottled water outside the mosque, and a queue "
    "had formed at the only pharmacy still open. Many families said they were thinking of leaving for relatives in "
    "Baku or Ganja until the fighting stops, though others said they had nowhere to go and would stay to protect "
    "their homes. Local teachers organised lessons in a basement for children whose school had been closed."
)


def make_article(name: str, text: str, outlet: str | None = None, title: str | None = None,
                 published: dt.date | None = dt.date(2020, 10, 14), credits: tuple[str, ...] = ()) -> Article:
    return Article.from_text(text, name, id=hashlib.sha1(text.encode()).hexdigest(), outlet=outlet, title=title,
                             published=published, credits=credits)


def carried() -> list[Article]:
    return [make_article(name, text, outlet, title) for name, (outlet, title, text) in CARRIED.items()]


def cut(text: str, share: float) -> str:
    words = text.split()
    return " ".join(words[: int(len(words) * share)])


def shared_groups(groups) -> list:
    return [g for g in groups if len(g.members) > 1]


def test_syndication_stories_are_long_enough():
    for _, _, text in CARRIED.values():
        assert len(text.split()) >= 150
    assert len(OTHER_STORY.split()) >= 150


def test_syndication_agency_story_in_three_outlets_is_one_group():
    articles = carried()
    assert len({a.id for a in articles}) == 3  # the edits make three different texts
    groups = group_sources(articles)
    assert len(groups) == 1
    group = groups[0]
    assert set(group.members) == {a.id for a in articles}
    assert set(group.outlets) == {"Harbour Times", "Kestrel News", "Meridian Daily"}
    assert group.origin in group.members


def test_syndication_copy_cut_to_sixty_percent_joins():
    articles = carried()
    short = make_article("short", cut(WIRE, 0.6), "Gazette of the Plains", "Korvana shelled")
    groups = group_sources([*articles, short])
    assert len(groups) == 1
    assert short.id in groups[0].members


def test_syndication_cut_copy_alone_joins_its_original():
    full = make_article("full", WIRE, "Harbour Times")
    short = make_article("short", cut(WIRE, 0.6), "Gazette of the Plains")
    groups = group_sources([full, short])
    assert [set(g.members) for g in groups] == [{full.id, short.id}]
    # the origin is the longer text when both have the same date
    assert groups[0].origin == full.id


def test_syndication_different_stories_about_one_shelling_are_separate():
    wire = make_article("wire", CARRIED["harbour"][2], "Harbour Times")
    other = make_article("other", OTHER_STORY, "Kestrel News")
    groups = group_sources([wire, other])
    assert len(groups) == 2
    assert shared_groups(groups) == []


def test_syndication_different_story_stays_out_of_the_agency_group():
    articles = carried()
    other = make_article("other", OTHER_STORY, "Provincial Courier")
    groups = group_sources([*articles, other])
    assert len(groups) == 2
    (shared,) = shared_groups(groups)
    assert other.id not in shared.members
    assert len(shared.members) == 3


def test_syndication_group_ids_stable_across_runs_and_input_order():
    articles = [*carried(), make_article("short", cut(WIRE, 0.6), "Gazette of the Plains"),
                make_article("other", OTHER_STORY, "Provincial Courier")]
    first = group_sources(articles)
    expected = [(g.id, g.origin, set(g.members)) for g in first]
    for order in itertools.islice(itertools.permutations(articles), 0, None, 17):  # 8 orders of the 120
        again = group_sources(list(order))
        assert [(g.id, g.origin, set(g.members)) for g in again] == expected
    assert len({g.id for g in first}) == len(first)
    assert all(g.id.startswith("grp-") for g in first)


def test_syndication_every_article_in_exactly_one_group():
    articles = [*carried(), make_article("other", OTHER_STORY, "Provincial Courier")]
    members = [m for g in group_sources(articles) for m in g.members]
    assert sorted(members) == sorted(a.id for a in articles)


@pytest.mark.parametrize("share", [0.6, 0.75, 0.9])
def test_syndication_cut_copies_join(share):
    full = make_article("full", WIRE)
    short = make_article("short", cut(WIRE, share))
    assert len(group_sources([full, short])) == 1


@pytest.mark.parametrize("seed", [1, 2, 3, 4])
def test_syndication_grouper_fed_in_batches_gives_the_groups_of_all_at_once(seed):
    import random

    from wirewatch.corpus.syndication import SourceGrouper

    articles = [*carried(), make_article("short", cut(WIRE, 0.6), "Gazette of the Plains"),
                make_article("other", OTHER_STORY, "Provincial Courier"),
                make_article("late", cut(OTHER_STORY, 0.8), "Evening Post", published=dt.date(2020, 10, 20))]
    rng = random.Random(seed)
    rng.shuffle(articles)
    grouper, rest = SourceGrouper(), articles[:]
    while rest:
        take = rng.randint(1, 3)
        grouper.add(rest[:take])
        rest = rest[take:]
        grouper.groups()  # groups read between batches must not go stale
    assert grouper.groups() == group_sources(articles)
    assert len(shared_groups(grouper.groups())) == 2


def _shingles(text: str) -> set[str]:
    """Word 5-grams as strings: the definition the signatures' hashes stand for."""
    words = re.findall(r"\w+", text.lower())
    return {" ".join(words[i:i + 5]) for i in range(max(len(words) - 4, 1))}


def test_syndication_signature_with_shared_permutations_equals_a_fresh_minhash():
    """Signatures draw the seed's permutations once; each must equal a MinHash that draws them itself, and count
    the text's distinct shingles."""
    from datasketch import MinHash

    from wirewatch.corpus.syndication import NUM_PERM, SEED, shingle_hashes, signature

    for text in ("Shelling hit the port city of Odesa overnight, officials said on Tuesday.",
                 "Rebels said they had taken the airport of Goma after two days of fighting.",
                 "the same five words the same five words the same five words", "short", ""):
        fresh = MinHash(num_perm=NUM_PERM, seed=SEED, hashfunc=int)
        fresh.update_batch(shingle_hashes(text).tolist())
        mine, count = signature(text)
        assert list(mine.hashvalues) == list(fresh.hashvalues)
        assert count == len(_shingles(text))


def test_syndication_estimated_overlap_tracks_the_exact_overlap_of_shingles():
    """The shingle hashes stand for the shingles: texts sharing a known part of their shingles get estimates
    near the exact Jaccard and containment, and a shingle's words in another order make another shingle."""
    import random

    from wirewatch.corpus.syndication import containment, shingle_hashes, signature

    rng = random.Random(5)
    vocabulary = [f"w{i}" for i in range(3000)]
    for _ in range(30):
        body = [rng.choice(vocabulary) for _ in range(rng.randint(150, 600))]
        other = body[:rng.randint(20, len(body))] + [rng.choice(vocabulary) for _ in range(rng.randint(0, 300))]
        a, b = " ".join(body), " ".join(other)
        exact = len(_shingles(a) & _shingles(b)) / len(_shingles(a) | _shingles(b))
        jaccard, contained = containment(signature(a), signature(b))
        assert abs(jaccard - exact) < 0.15, (jaccard, exact)
        exact_contained = len(_shingles(a) & _shingles(b)) / min(len(_shingles(a)), len(_shingles(b)))
        assert abs(contained - exact_contained) < 0.2, (contained, exact_contained)
    assert set(shingle_hashes("one two three four five").tolist()) != set(
        shingle_hashes("five four three two one").tolist())


def _many_copies(count: int, seed: int) -> list[Article]:
    """Copies of the two stories, each with its own few edits (a word dropped, a word of its own, a cut end),
    some credited to the agency: groups joined by Jaccard, by containment and by the agency's lower bar."""
    import random

    rng = random.Random(seed)
    articles = []
    for n in range(count):
        words = (WIRE if n % 3 else OTHER_STORY).split()
        for _ in range(rng.randint(1, 12)):
            words.insert(rng.randrange(len(words)), f"edit{n}x{rng.randint(0, 99)}")  # ids differ
        if n % 5 == 0:
            words = words[: int(len(words) * rng.uniform(0.35, 0.9))]
        credits = ("NWS",) if n % 4 == 0 else ()
        articles.append(make_article(f"copy{n}", " ".join(words), outlet=f"Outlet {n % 7}",
                                     published=dt.date(2020, 10, 1 + n % 20), credits=credits))
    return articles


def _plain_lsh_groups(articles: list[Article]) -> list[tuple[str, tuple[str, ...]]]:
    """The groups that datasketch's MinHashLSH proposes and `_same_origin` joins, every candidate tested: what
    the band index must equal."""
    from datasketch import MinHashLSH

    from wirewatch.corpus import syndication as s

    lsh = s.MinHashLSH(threshold=s.LSH_THRESHOLD, num_perm=s.NUM_PERM)
    assert isinstance(lsh, MinHashLSH)
    signatures = {a.id: s.signature(a.text) for a in articles}
    by_id = {a.id: a for a in articles}
    parent = {a.id: a.id for a in articles}
    for article in sorted(articles, key=s._order):
        for other in lsh.query(signatures[article.id][0]):
            if s._same_origin(article, by_id[other], signatures[article.id], signatures[other]):
                s._union(parent, article.id, other)
        lsh.insert(article.id, signatures[article.id][0])
    members: dict[str, list[Article]] = {}
    for article in articles:
        members.setdefault(s._find(parent, article.id), []).append(article)
    return sorted((g.id, g.members) for g in (s._group(m) for m in members.values()))


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_syndication_band_index_groups_as_plain_lsh_does(seed):
    articles = _many_copies(60, seed)
    found = [(g.id, g.members) for g in group_sources(articles)]
    assert found == _plain_lsh_groups(articles)
    assert len(found) < 60  # copies did join


def test_syndication_query_meets_a_large_group_once(monkeypatch):
    """A new copy of a story carried 200 times meets each group of a bucket once: it looks at a few of the
    carriers, not at every one that shares a band with it (a plain LSH query hands back all of them)."""
    from wirewatch.corpus import syndication as s

    articles = _many_copies(301, seed=4)
    grouper = s.SourceGrouper()
    grouper.add(articles[:-1])
    looked = []
    real = s._find
    monkeypatch.setattr(s, "_find", lambda parent, item: looked.append(item) or real(parent, item))
    grouper.add(articles[-1:])
    assert len(set(looked)) <= 20
    assert [(g.id, g.members) for g in grouper.groups()] == _plain_lsh_groups(articles)
