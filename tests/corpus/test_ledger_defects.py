"""The seven defect classes of issue 19, each pinned by hand-made mention records (no model, no gazetteer).

Every sentence is invented for these tests, about several conflicts; the towns are made up too (a
fictional coast with Harlow Point, Vessel Bay, Ostrin, Carrow, Dunmere and Leck), so no rule can lean
on a real place. The ledger is built from the records exactly as extraction would store them.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import re

import pytest

from wirewatch.corpus.ledger import build_ledger
from wirewatch.nlp.dates import stated_dates
from wirewatch.export.ledger import ledger_record
from wirewatch.model import (Agreement, AgreementKind, AgreementState, Article, Claim, EventMention, Extraction,
                             Figure, FigureKind, GeoPrecision, Place, PlaceMention, Provenance, Qualifier, Stance)

TOWNS = {
    "Harlow Point": (41.10, 32.10),
    "Vessel Bay": (41.40, 32.60),
    "Ostrin": (41.80, 33.20),
    "Carrow": (42.20, 33.90),
    "Dunmere": (42.60, 34.40),
    "Leck": (43.00, 35.00),
}
_ids = itertools.count(95_000_000)
_PLACES: dict[str, Place] = {}


def town(name: str) -> Place:
    if name not in _PLACES:
        lat, lon = TOWNS[name]
        _PLACES[name] = Place(next(_ids), name, lat, lon, "XX", "01", "PPL", 20_000, GeoPrecision.CITY)
    return _PLACES[name]


def prov(article: str, index: int, sentence: str, rule: str = "test") -> Provenance:
    return Provenance(f"id-{article}", index, 0, len(sentence), rule)


def event(article: str, index: int, sentence: str, places: tuple[str, ...], *, speaker: str | None = None,
          stance: Stance | None = None, actor: str | None = None, plover: str = "ASSAULT",
          date: dt.date | None = None) -> EventMention:
    return EventMention(plover=plover, mode="", label="ART_MISS_ATTACK" if plover == "ASSAULT" else "DENY",
                        acled_event="Explosions/Remote violence", acled="Shelling/artillery/missile attack",
                        actor=actor, recipient=None, target=None, weapon=None, places=places, date=date,
                        date_precision=None, negated=False, hypothetical=False, stance=stance, speaker=speaker,
                        sentence=sentence, provenance=prov(article, index, sentence, "events.test"))


def claim(article: str, index: int, sentence: str, speaker: str, accused: str | None, action: str,
          stance: Stance = Stance.ACCUSE, places: tuple[str, ...] = ()) -> Claim:
    return Claim(stance=stance, speaker=speaker, accused=accused, action=action, places=places, sentence=sentence,
                 provenance=prov(article, index, sentence, "claims.test"))


def figure(article: str, index: int, sentence: str, value: int, claimant: str, who: str | None,
           kind: FigureKind = FigureKind.KILLED, start: int = 0) -> Figure:
    return Figure(kind=kind, value=value, qualifier=Qualifier.EXACT, who=who, claimant=claimant, sentence=sentence,
                  provenance=Provenance(f"id-{article}", index, start, start + 1, "figures.test"))


def agreement(article: str, index: int, sentence: str, kind: AgreementKind, state: AgreementState,
              parties: tuple[str, ...], date_text: str | None = None, mediators: tuple[str, ...] = (),
              venue: str | None = None) -> Agreement:
    return Agreement(kind=kind, parties=parties, mediators=mediators, venue=venue, date_text=date_text, date=None,
                     date_precision=None, state=state, sentence=sentence,
                     provenance=prov(article, index, sentence, "agreements.test"))


def article(name: str, published: dt.date | None, *, events=(), claims=(), figures=(), agreements=(),
            outlet: str | None = None) -> Extraction:
    """An extraction whose text is its sentences in index order and whose place mentions are the towns its
    events name, resolved as extraction would store them."""
    items = [*events, *claims, *figures, *agreements]
    sentences = dict(sorted({i.provenance.sentence_index: i.sentence for i in items}.items()))
    text = " ".join(sentences.values())
    places = tuple(PlaceMention(n, town(n), e.sentence, e.provenance) for e in events for n in e.places if n in TOWNS)
    art = Article.from_text(text, name, id=f"id-{name}", outlet=outlet if outlet is not None else f"{name} News",
                            published=published)
    carried = [(index, text.index(sentence), sentence) for index, sentence in sentences.items()]
    return Extraction(article=art, figures=tuple(figures), places=places, claims=tuple(claims),
                      agreements=tuple(agreements), events=tuple(events), dates=stated_dates(carried, art.id))


D1, D2, D3, D4 = (dt.date(2023, 5, d) for d in (1, 2, 3, 4))


def plain(extractions) -> dict:
    return ledger_record(build_ledger(extractions))


# 1. Headline figures: one claimant, kind, group and scope per series; never summed or mixed ------------------


def test_figures_troops_and_civilians_of_one_sentence_are_two_series():
    s = "Officials in Dunmere said 812 of their soldiers and 47 civilians had been killed since the war began."
    ledger = build_ledger([article("a", D1, figures=[figure("a", 0, s, 812, "Ethiopian officials", "their soldiers"),
                                                     figure("a", 0, s, 47, "Ethiopian officials", "civilians", start=5)])])
    by_group = {x.group: x.latest.value for x in ledger.series}
    assert by_group == {"troops": 812, "civilians": 47}
    assert ledger.conservative() is None  # no claimant gives an all-groups toll: nothing is summed into one
    assert ledger.conservative(group="civilians") == 47


def test_figures_a_second_count_with_no_group_takes_the_group_just_named():
    s = "The Thai army said the clashes had killed 14 soldiers and wounded 30 since Friday."
    ledger = build_ledger([article("a", D1, figures=[
        figure("a", 0, s, 14, "Thai army", "soldiers"),
        figure("a", 0, s, 30, "Thai army", None, FigureKind.WOUNDED, start=9)])])
    assert {(x.kind.value, x.group) for x in ledger.series} == {("killed", "troops"), ("wounded", "troops")}


def test_figures_a_town_with_no_fatalities_is_not_the_conflicts_conservative_toll():
    strike = "A drone struck the harbour of Vessel Bay, and officials said there were no fatalities."
    toll = "More than 1,300 people have been killed since the fighting began, the Cambodian ministry said."
    ledger = build_ledger([
        article("a", D1, events=[event("a", 0, strike, ("Vessel Bay",))],
                figures=[figure("a", 0, strike, 0, "officials", None)]),
        article("b", D2, figures=[figure("b", 0, toll, 1300, "Cambodian ministry", "people")]),
    ])
    assert ledger.conservative() == 1300
    (local,) = [x for x in ledger.series if x.latest.value == 0]
    assert local.scope == "incident" and local.incident == ledger.incidents[0].id


@pytest.mark.parametrize("one,two,leader,capital,owner", [
    ("Erdogan said the clashes had so far cost some 1,200 lives.",
     "Ankara put the overall number of dead at about 1,200.", "Erdogan", "Ankara", "Turkey government"),
    ("Putin told reporters that close to 2,600 people had died in the war.",
     "Moscow estimated the total loss of life in the war at 2,600.", "Putin", "Moscow", "Russia government"),
])
def test_figures_same_claimant_different_phrasings_are_one_series(one, two, leader, capital, owner):
    value = int(re.search(r"\d[\d,]*", one).group().replace(",", ""))
    ledger = build_ledger([article("a", D1, figures=[figure("a", 0, one, value, leader, "people")]),
                           article("b", D2, figures=[figure("b", 0, two, value, capital, "dead")])])
    assert [(x.claimant, x.latest.value, len(x.points[-1].reports)) for x in ledger.series] == [
        (owner, value, 2)]


@pytest.mark.parametrize("text", [
    "The war has so far claimed at least {n} lives.",
    "Since the uprising began, no fewer than {n} people have died.",
])
def test_figures_each_outlets_own_count_is_its_own_voice_unless_they_agree(text):
    """b's sentence opens its own way: the same nine words but the number would share 60% of their shingles, the
    syndication bar, and make b a copy of a or not as the MinHash estimate falls."""
    high, low = f"In its evening bulletin, {text.format(n=900)}", f"According to our own count, {text.format(n=650)}"
    ledger = build_ledger([
        article("a", D1, figures=[figure("a", 0, high, 900, "the article itself", "people")]),
        article("b", D1, figures=[figure("b", 0, low, 650, "the article itself", "people")]),
        article("c", D2, figures=[figure("c", 0, high, 900, "the article itself", "people")]),
    ])
    assert sorted((x.latest.value, len(x.points[-1].reports)) for x in ledger.series) == [(650, 1), (900, 2)]


# 2. Incident fatalities only from figures tied to that incident -----------------------------------------------


def test_incident_fatalities_never_take_a_conflict_wide_toll():
    strike = "Shelling hit the market of Carrow on Tuesday, killing 6 people, the Eritrean ministry said."
    toll = "In Carrow, officials said 2,140 soldiers had been killed since the war began."
    ledger = build_ledger([article("a", D2, events=[event("a", 0, strike, ("Carrow",)), event("a", 1, toll, ("Carrow",))],
                                   figures=[figure("a", 0, strike, 6, "Eritrean ministry", "people"),
                                            figure("a", 1, toll, 2140, "officials", "soldiers")])])
    (incident,) = ledger.incidents
    assert incident.fatalities == 6
    assert plain([article("a", D2, events=[event("a", 1, toll, ("Carrow",))],
                          figures=[figure("a", 1, toll, 2140, "officials", "soldiers")])])["incidents"][0]["fatalities"] is None


# 3. Agreements and violations ---------------------------------------------------------------------------------


TRUCE = "India and Pakistan agreed to a ceasefire along the line on May 1."
SHELLED = "On May 3, the Indian army said Pakistani troops had shelled Leck."
BACKING = "On May 3, Indian officials said China was arming and backing Pakistan."
FELL_SHORT = "Talks between Ethiopia and Eritrea in Dunmere on May 2 fell short of a ceasefire."


def truce_corpus(*more):
    return [
        article("t", D1, agreements=[agreement("t", 0, TRUCE, AgreementKind.CEASEFIRE, AgreementState.AGREED,
                                               ("India", "Pakistan"), "May 1")]),
        article("s", D3, events=[event("s", 0, SHELLED, ("Leck",), speaker="the Indian army", stance=Stance.ACCUSE,
                                       actor="Pakistani troops")],
                claims=[claim("s", 0, SHELLED, "the Indian army", "Pakistani troops", "had shelled Leck", places=("Leck",))]),
        *more,
    ]


def test_violation_is_an_attack_alleged_after_the_agreement_tied_to_its_incident():
    record = plain(truce_corpus())
    (agreement_,) = record["agreements"]
    (violation,) = agreement_["violations_alleged"]
    assert violation["date"] == "2023-05-03" and violation["place"] == "Leck"
    assert violation["incident"] == record["incidents"][0]["id"]
    assert violation["alleged_by"] == "India military"


def test_backing_or_arming_is_no_violation():
    extra = article("b", D3, claims=[claim("b", 0, BACKING, "Indian officials", "China", "China was arming and backing Pakistan")])
    (agreement_,) = plain(truce_corpus(extra))["agreements"]
    assert [v["place"] for v in agreement_["violations_alleged"]] == ["Leck"]


def test_accusation_before_the_agreement_is_no_violation():
    early = "On April 28, the Indian army said Pakistani troops had shelled Leck."
    before = article("e", dt.date(2023, 4, 28), claims=[claim("e", 0, early, "the Indian army", "Pakistani troops", "shelled")])
    (agreement_,) = plain(truce_corpus(before))["agreements"]
    assert all(v["date"] >= agreement_["date"] for v in agreement_["violations_alleged"])
    assert len(agreement_["violations_alleged"]) == 1


def test_talks_that_fell_short_found_no_ceasefire():
    record = plain([article("f", D2, agreements=[
        agreement("f", 0, FELL_SHORT, AgreementKind.TALKS, AgreementState.COLLAPSED, ("Ethiopia", "Eritrea"), "May 2",
                  venue="Dunmere"),
        agreement("f", 0, FELL_SHORT, AgreementKind.CEASEFIRE, AgreementState.COLLAPSED, ("Ethiopia", "Eritrea"), "May 2",
                  venue="Dunmere")])])
    assert [a["kind"] for a in record["agreements"]] == ["talks"]


def test_agreement_parties_are_names_and_mediators_are_not_parties():
    s = "Pakistan and India agreed to a truce brokered by the United States on May 1."
    (record,) = plain([article("m", D1, agreements=[agreement("m", 0, s, AgreementKind.TRUCE, AgreementState.AGREED,
                                                              ("PK", "IN", "United States"), "May 1",
                                                              mediators=("United States",))])])["agreements"]
    assert record["parties"] == ["Pakistan", "India"]
    assert record["mediators"] == ["United States"]


# 4. Statuses from independent claimants and source groups ----------------------------------------------------


ALLEGED = "The Thai army said Cambodian artillery had hit Ostrin on Wednesday."


def test_one_partys_statement_carried_by_two_outlets_is_single_party():
    record = plain([article(n, D3, events=[event(n, 0, ALLEGED, ("Ostrin",), speaker="The Thai army",
                                                 stance=Stance.ACCUSE, actor="Cambodian artillery")])
                    for n in ("x", "y")])
    (incident,) = record["incidents"]
    assert incident["status"] == "single_party"
    assert incident["accused_by"] == ["Thailand military"]


def test_two_source_groups_narrating_it_corroborate():
    told = ["A shell landed in Ostrin's market on Wednesday.", "Residents of Ostrin said a shell fell near the school."]
    record = plain([article(n, D3, events=[event(n, 0, s, ("Ostrin",))]) for n, s in zip("xy", told)])
    assert [i["status"] for i in record["incidents"]] == ["corroborated"]


def test_a_denial_joins_the_incident_at_the_town_it_names_not_a_neighbouring_accusation():
    accused = "Eritrean officials said Ethiopian drones had struck Harlow Point."
    denied = "Ethiopia denied any strike on Dunmere."
    accused_dunmere = "Eritrean officials said Ethiopian drones had also hit Dunmere on Monday."
    record = plain([article("d", D1, events=[
        event("d", 0, accused, ("Harlow Point",), speaker="Eritrean officials", stance=Stance.ACCUSE, actor="Ethiopian drones"),
        event("d", 1, denied, ("Dunmere",), speaker="Ethiopia", plover="REJECT"),
    ]), article("e", D1, events=[event("e", 0, accused_dunmere, ("Dunmere",), speaker="Eritrean officials",
                                       stance=Stance.ACCUSE, actor="Ethiopian drones")])])
    status = {i["place"]: i["status"] for i in record["incidents"]}
    assert status == {"Harlow Point": "single_party", "Dunmere": "disputed"}


# 5. Lost incidents: a sentence listing towns reports an attack on each ----------------------------------------


@pytest.mark.parametrize("s", [
    "Shells struck Ostrin, Carrow and Dunmere overnight, the ministry said.",
    "According to the ministry, drones hit Ostrin, Carrow and Dunmere on Tuesday.",
])
def test_listed_towns_are_one_incident_each(s):
    record = plain([article("l", D2, events=[event("l", 0, s, ("Ostrin", "Carrow", "Dunmere"), speaker="the Thai ministry",
                                                   stance=Stance.ACCUSE, actor="Cambodian forces")])])
    assert sorted(i["place"] for i in record["incidents"]) == ["Carrow", "Dunmere", "Ostrin"]
    assert len({i["id"] for i in record["incidents"]}) == 3
    assert all(i["place_names"] == [i["place"]] for i in record["incidents"])


def test_a_town_named_as_context_is_not_a_second_incident():
    s = "Rockets hit Vessel Bay, 20 kilometres from Harlow Point, on Sunday."
    record = plain([article("c", D1, events=[event("c", 0, s, ("Vessel Bay", "Harlow Point"))])])
    assert [i["place"] for i in record["incidents"]] == ["Vessel Bay"]


# 6. Names: canonical claimants and perpetrators; what names no actor is no perpetrator ---------------------------


@pytest.mark.parametrize("written", ["forces", "the fighting", "The fighting for Ostrin", "both sides"])
def test_a_description_is_no_perpetrator(written):
    s = f"Officials said {written} had destroyed the bridge at Carrow."
    (incident,) = plain([article("p", D1, events=[event("p", 0, s, ("Carrow",), speaker="officials",
                                                         stance=Stance.ACCUSE, actor=written)])])["incidents"]
    assert incident["perpetrator_claimed"] is None


@pytest.mark.parametrize(("written", "canonical"), [("the Taliban", "Taliban"), ("Pakistani troops", "Pakistan military"),
                                                    ("Islamic State", "Islamic State")])
def test_a_named_group_or_state_is_the_perpetrator(written, canonical):
    s = f"Police said {written} had attacked the checkpoint at Leck."
    (incident,) = plain([article("p", D1, events=[event("p", 0, s, ("Leck",), speaker="police",
                                                         stance=Stance.ACCUSE, actor=written)])])["incidents"]
    assert incident["perpetrator_claimed"] == canonical


# 7. Sources: no outlet stated is "unknown outlet" -------------------------------------------------------------------


def test_an_article_without_outlet_is_an_unknown_outlet_not_its_file_name():
    a = "The port of Vessel Bay was shelled overnight."
    b = "The port of Vessel Bay was shelled overnight, residents said."
    both = [article("07-coast-wire", D1, events=[event("07-coast-wire", 0, a, ("Vessel Bay",))], outlet=""),
            article("08-coast-wire", D1, events=[event("08-coast-wire", 0, b, ("Vessel Bay",))], outlet="")]
    ledger = build_ledger(both)
    outlets = {c.outlet for i in ledger.incidents for c in i.claims} | {o for g in ledger.groups for o in g.outlets}
    assert outlets == {"unknown outlet"}


def tolls(*rows):
    """The ledger of one civilian toll per article: (article, day, claimant, value)."""
    sentence = "{claimant} said {value} civilians had been killed since the shelling began."
    return build_ledger([article(name, day, figures=[figure(name, 0, sentence.format(claimant=c, value=v), v, c, "civilians")])
                         for name, day, c, v in rows])


def test_an_office_owned_by_a_pronoun_is_the_office_the_corpus_names():
    ledger = tolls(("a", D1, "Pakistan's interior ministry", 58), ("b", D2, "its interior ministry", 61),
                   ("c", D3, "the country's interior ministry", 64))
    assert [(x.claimant, x.latest.value, len(x.points)) for x in ledger.series] == [("Pakistan government", 64, 3)]


def test_an_office_two_states_own_is_not_guessed():
    ledger = tolls(("a", D1, "India's home ministry", 20), ("b", D1, "Pakistan's home ministry", 30),
                   ("c", D2, "its home ministry", 25))
    assert len(ledger.series) == 3


def test_a_pledge_of_help_to_an_ally_is_its_own_record_and_collects_no_violations():
    mutual = "On May 1, India and Pakistan pledged to each other not to target civilians."
    aid = "On May 1, China pledged to give Pakistan all necessary assistance and committed to its defence."
    shelled = "On May 2, the Pakistani army said Indian troops had shelled Leck."
    record = plain([
        article("p", D1, agreements=[
            agreement("p", 0, mutual, AgreementKind.PLEDGE, AgreementState.AGREED, ("India", "Pakistan"), "May 1"),
            agreement("p", 1, aid, AgreementKind.PLEDGE, AgreementState.AGREED, ("China", "Pakistan"), "May 1")]),
        article("s", D2, events=[event("s", 0, shelled, ("Leck",), speaker="the Pakistani army", stance=Stance.ACCUSE,
                                       actor="Indian troops")],
                claims=[claim("s", 0, shelled, "the Pakistani army", "Indian troops", "had shelled Leck")]),
    ])
    by_parties = {tuple(a["parties"]): len(a["violations_alleged"]) for a in record["agreements"]}
    assert by_parties == {("India", "Pakistan"): 1, ("China", "Pakistan"): 0}


def test_a_violation_goes_to_the_truce_in_force_not_the_one_the_article_recalls():
    first = "Ethiopia and Eritrea agreed to a truce on May 1."
    second = "Ethiopia and Eritrea agreed to a new truce on May 5."
    recall = "The truce agreed on May 1 had been violated within hours."
    shelled = "On May 6, Eritrean officials said Ethiopian forces had violated the truce by shelling Carrow."
    record = plain([
        article("f", D1, agreements=[agreement("f", 0, first, AgreementKind.TRUCE, AgreementState.AGREED,
                                               ("Ethiopia", "Eritrea"), "May 1")]),
        article("n", dt.date(2023, 5, 5), agreements=[agreement("n", 0, second, AgreementKind.TRUCE,
                                                                AgreementState.AGREED, ("Ethiopia", "Eritrea"), "May 5")]),
        article("v", dt.date(2023, 5, 6), agreements=[agreement("v", 0, recall, AgreementKind.TRUCE, AgreementState.VIOLATED,
                                               ("Ethiopia", "Eritrea"), "May 1")],
                claims=[claim("v", 1, shelled, "Eritrean officials", "Ethiopian forces", "violated the truce by shelling")]),
    ])
    assert {a["date"]: len(a["violations_alleged"]) for a in record["agreements"]} == {"2023-05-01": 0, "2023-05-05": 1}


@pytest.mark.parametrize(("sentence", "cumulative"), [
    ("The deadliest strike on Carrow since 2019 killed 31 people, officials said.", False),
    ("The strike on Carrow killed 31 people, officials said.", False),
    ("Officials said 3,100 people have been killed since the war began.", True),
    ("So far 3,100 people have died in the fighting, the ministry said.", True),
])
def test_a_running_toll_is_told_by_its_words(sentence, cumulative):
    from wirewatch.corpus.series import is_cumulative

    assert is_cumulative(sentence) is cumulative


# 8. Violations: the day a truce broke, who "both sides" are, and region-wide summaries ----------------------

FRAYED = [
    # (parties, the sentence saying the arrangement broke on a stated day, the undated accusation after it)
    (("Ethiopia", "Eritrea"), "The truce between Ethiopia and Eritrea frayed within hours after it took effect on May 1.",
     "The two armies have since blamed each other for breaking it."),
    (("Sudan", "South Sudan"), "A ceasefire between Sudan and South Sudan was violated on May 1, the day it began.",
     "Both sides have since accused each other of breaches."),
    (("Thailand", "Cambodia"), "The truce Thailand and Cambodia signed frayed on May 1 within hours of taking effect.",
     "The two sides traded accusations, blaming each other for violating it."),
]


@pytest.mark.parametrize(("parties", "broke", "blamed"), FRAYED)
def test_an_undated_violation_takes_the_day_the_sentence_before_says_the_truce_broke(parties, broke, blamed):
    record = plain([
        article("v", D4, agreements=[agreement("v", 0, broke, AgreementKind.TRUCE, AgreementState.VIOLATED, parties, "May 1")],
                claims=[claim("v", 1, blamed, blamed.split(" have")[0].split(" traded")[0], "each other", "violations")]),
    ])
    (truce,) = record["agreements"]
    (violation,) = truce["violations_alleged"]
    assert violation["date"] == "2023-05-01"  # not the article's day (May 4): the sentence before dates it
    # "both sides" are the truce's parties, as the export names states
    assert set(violation["alleged_by"].split(" and ")) == {f"{p} government" for p in parties}


def test_an_undated_violation_after_a_mere_mention_of_the_truce_keeps_the_articles_day():
    mention = "The truce Ethiopia and Eritrea agreed on May 1 was meant to open the roads."
    blamed = "The two armies have since blamed each other for breaking it."
    record = plain([
        article("a", D1, agreements=[agreement("a", 0, mention, AgreementKind.TRUCE, AgreementState.AGREED,
                                               ("Ethiopia", "Eritrea"), "May 1")]),
        article("v", D4, agreements=[agreement("v", 0, mention, AgreementKind.TRUCE, AgreementState.MENTIONED,
                                               ("Ethiopia", "Eritrea"), "May 1")],
                claims=[claim("v", 1, blamed, "warring sides", "each other", "violations")]),
    ])
    (truce,) = record["agreements"]
    assert [v["date"] for v in truce["violations_alleged"]] == ["2023-05-04"]


def test_a_named_accuser_of_each_other_stays_as_named():
    broke = "The truce between Ethiopia and Eritrea frayed within hours after it took effect on May 1."
    blamed = "Eritrea and Ethiopia have blamed each other for violations."
    record = plain([article("v", D4, agreements=[agreement("v", 0, broke, AgreementKind.TRUCE, AgreementState.VIOLATED,
                                                           ("Ethiopia", "Eritrea"), "May 1")],
                            claims=[claim("v", 1, blamed, "Eritrea and Ethiopia", "each other", "violations")])])
    (violation,) = record["agreements"][0]["violations_alleged"]
    assert violation["alleged_by"].startswith("Eritrea")


REGION = Place(next(_ids), "Sennar Region", 42.0, 34.0, "XX", "02", "ADM1", 900_000, GeoPrecision.REGION)


def region_article(name: str, summary: str, summary_speaker: str, towns: list[tuple[str, str, str, str]]) -> Extraction:
    """An article whose lead sums up shelling across a region ("A and B accused each other of shelling the
    region") and whose next sentences name the towns each side says the other shelled."""
    events = [event(name, 0, summary, ("Sennar Region",), speaker=summary_speaker, stance=Stance.ACCUSE, actor="each other")]
    claims = [claim(name, 0, summary, summary_speaker, "each other", "shelling", places=("Sennar Region",))]
    for index, (sentence, speaker, accused, place) in enumerate(towns, start=1):
        events.append(event(name, index, sentence, (place,), speaker=speaker, stance=Stance.ACCUSE, actor=accused))
        claims.append(claim(name, index, sentence, speaker, accused, "shelled", places=(place,)))
    extraction = article(name, D3, events=events, claims=claims)
    region = PlaceMention("Sennar Region", REGION, summary, events[0].provenance)
    return dataclasses.replace(extraction, places=(*extraction.places, region))


def region_corpus(towns):
    truce = "India and Pakistan agreed to a ceasefire on May 1."
    summary = "On May 3, India and Pakistan accused each other of shelling villages across Sennar Region."
    return plain([
        article("t", D1, agreements=[agreement("t", 0, truce, AgreementKind.CEASEFIRE, AgreementState.AGREED,
                                               ("India", "Pakistan"), "May 1")]),
        region_article("r", summary, "India and Pakistan", towns),
    ])


BOTH_SIDES_TOWNS = [
    ("On May 3, the Indian army said Pakistani troops had shelled Leck.", "the Indian army", "Pakistani troops", "Leck"),
    ("On May 3, Pakistan's military said Indian forces had shelled Carrow.", "Pakistan's military", "Indian forces", "Carrow"),
]


def test_a_region_wide_accusation_summing_up_each_sides_towns_is_no_further_violation():
    record = region_corpus(BOTH_SIDES_TOWNS)
    (ceasefire,) = record["agreements"]
    assert sorted(v["place"] for v in ceasefire["violations_alleged"]) == ["Carrow", "Leck"]


def test_a_region_wide_accusation_stays_when_one_side_names_no_town():
    record = region_corpus(BOTH_SIDES_TOWNS[:1])
    (ceasefire,) = record["agreements"]
    assert sorted(v["place"] for v in ceasefire["violations_alleged"]) == ["Leck", "Sennar Region"]


def test_a_violation_carries_its_incidents_names_and_coordinates():
    record = region_corpus(BOTH_SIDES_TOWNS)
    leck = next(v for v in record["agreements"][0]["violations_alleged"] if v["place"] == "Leck")
    incident = next(i for i in record["incidents"] if i["id"] == leck["incident"])
    assert leck["place_names"] == incident["place_names"] == ["Leck"]
    assert (leck["lat"], leck["lon"]) == TOWNS["Leck"]


@pytest.mark.parametrize(("parties", "agreed", "accuser", "accused", "shelled"), [
    (("Hayat Tahrir al-Sham", "Syrian Democratic Forces"), "HTS and the SDF agreed to a truce on May 1.",
     "the SDF", "HTS fighters", "On May 3, the SDF said HTS fighters had shelled Carrow."),
    (("Rapid Support Forces", "Sudan Liberation Army"), "The RSF and the SLA agreed to a ceasefire on May 1.",
     "the Sudan Liberation Army", "RSF units", "On May 3, the Sudan Liberation Army said RSF units had shelled Carrow."),
])
def test_a_truce_between_two_armed_groups_collects_their_accusations(parties, agreed, accuser, accused, shelled):
    record = plain([
        article("t", D1, agreements=[agreement("t", 0, agreed, AgreementKind.TRUCE, AgreementState.AGREED, parties, "May 1")]),
        article("s", D3, claims=[claim("s", 0, shelled, accuser, accused, "had shelled Carrow")]),
    ])
    (truce,) = record["agreements"]
    assert [v["date"] for v in truce["violations_alleged"]] == ["2023-05-03"]


def test_an_accusation_between_groups_outside_the_truce_is_no_violation_of_it():
    agreed = "HTS and the SDF agreed to a truce on May 1."
    shelled = "On May 3, M23 said ADF fighters had shelled Carrow."
    record = plain([
        article("t", D1, agreements=[agreement("t", 0, agreed, AgreementKind.TRUCE, AgreementState.AGREED,
                                               ("Hayat Tahrir al-Sham", "Syrian Democratic Forces"), "May 1")]),
        article("s", D3, claims=[claim("s", 0, shelled, "M23", "ADF fighters", "had shelled Carrow")]),
    ])
    assert record["agreements"][0]["violations_alleged"] == []


@pytest.mark.parametrize(("parties", "accuser", "accused", "site"), [
    (("Thailand", "Cambodia"), "Thailand's army", "Cambodia", "Ta Muen Thom"),
    (("Israel", "Lebanon"), "Lebanon's army", "Israel", "Wadi Saluki"),
    (("Ukraine", "Russia"), "Ukraine's defence ministry", "Russia", "Huliaipole road"),
])
def test_a_state_named_by_its_name_is_a_side_and_its_violation_keeps_an_unknown_place(parties, accuser, accused, site):
    agreed = f"{parties[0]} and {parties[1]} agreed to a ceasefire on May 1."
    shelled = f"On May 3, {accuser} said {accused} had shelled {site}."
    record = plain([
        article("t", D1, agreements=[agreement("t", 0, agreed, AgreementKind.CEASEFIRE, AgreementState.AGREED, parties, "May 1")]),
        article("s", D3, events=[event("s", 0, shelled, (site,), speaker=accuser, stance=Stance.ACCUSE, actor=accused)],
                claims=[claim("s", 0, shelled, accuser, accused, f"had shelled {site}", places=(site,))]),
    ])
    (ceasefire,) = record["agreements"]
    (violation,) = ceasefire["violations_alleged"]
    assert violation["place"] == site and violation["place_names"] == [site]
    assert violation["incident"] == record["incidents"][0]["id"]


@pytest.mark.parametrize(("brokered", "mediators"), [
    ("The truce was brokered by the United States and France.", ("United States", "France")),
    ("Qatar and Egypt mediated the truce.", ("Qatar", "Egypt")),
])
def test_a_sentence_naming_only_the_brokers_gives_the_record_before_it_its_mediators(brokered, mediators):
    agreed = "A truce between Israel and Hamas took effect on May 1."
    record = plain([article("t", D1, agreements=[
        agreement("t", 0, agreed, AgreementKind.TRUCE, AgreementState.TOOK_EFFECT, ("Israel", "Hamas"), "May 1"),
        agreement("t", 1, brokered, AgreementKind.TRUCE, AgreementState.AGREED, mediators, mediators=mediators),
    ])])
    (truce,) = record["agreements"]
    assert set(truce["parties"]) == {"Israel", "Hamas"}
    assert set(truce["mediators"]) == set(mediators)


def test_a_sentence_naming_only_brokers_with_no_record_near_founds_none():
    brokered = "Talks were brokered by Qatar and Egypt."
    record = plain([article("t", D1, agreements=[
        agreement("t", 0, brokered, AgreementKind.TALKS, AgreementState.HELD, ("Qatar", "Egypt"), mediators=("Qatar", "Egypt"))])])
    assert record["agreements"] == []


@pytest.mark.parametrize(("first", "second", "person"), [
    ("regional governor Serhiy Lysak", "governor Serhiy Lysak", "Serhiy Lysak"),
    ("provincial health chief Adnan Turki", "health chief Adnan Turki", "Adnan Turki"),
    ("North Darfur governor Nimir Abdel Rahman", "the state governor Nimir Abdel Rahman", "Nimir Abdel Rahman"),
])
def test_figures_one_person_under_two_titles_is_one_series(first, second, person):
    one, two = f"{first} said 8 people were killed.", f"The toll rose to 12, {second} said."
    ledger = build_ledger([article("a", D1, figures=[figure("a", 0, one, 8, first, "people")]),
                           article("b", D2, figures=[figure("b", 0, two, 12, second, "people")])])
    assert [(x.claimant, x.latest.value) for x in ledger.series] == [(person, 12)]


def test_figures_a_joint_claimant_naming_a_person_is_not_that_person():
    one = "Police officers and surgeon Musa Keita said 11 people were killed."
    two = "Surgeon Musa Keita said 9 people were killed."
    ledger = build_ledger([article("a", D1, figures=[figure("a", 0, one, 11, "police officers and surgeon Musa Keita", "people")]),
                           article("b", D1, figures=[figure("b", 0, two, 9, "surgeon Musa Keita", "people")])])
    assert sorted(x.latest.value for x in ledger.series) == [9, 11]


@pytest.mark.parametrize(("named", "bare"), [
    ("Gaza's health ministry", "the health ministry"),
    ("Sudan's health ministry", "health ministry"),
    ("Tigray's regional administration", "the regional administration"),
])
def test_figures_an_office_with_no_owner_is_the_one_the_corpus_names(named, bare):
    one, two = f"{named} said 38,400 people had been killed so far.", f"{bare} said 38,584 people had been killed so far."
    ledger = build_ledger([article("a", D1, figures=[figure("a", 0, one, 38400, named, "people")]),
                           article("b", D2, figures=[figure("b", 0, two, 38584, bare, "people")])])
    assert [x.latest.value for x in ledger.series] == [38584]


def test_figures_an_office_two_owners_hold_stays_its_own_claimant():
    figures = [("a", "Russia's defence ministry", 120), ("b", "Ukraine's defence ministry", 95), ("c", "the defence ministry", 40)]
    ledger = build_ledger([article(n, D1, figures=[figure(n, 0, f"{c} said {v} soldiers were killed so far.", v, c, "soldiers")])
                           for n, c, v in figures])
    assert sorted(x.latest.value for x in ledger.series) == [40, 95, 120]


@pytest.mark.parametrize(("agreed", "blamed"), [
    ("India and Pakistan agreed to a ceasefire on May 1.", "Hours later, both sides accused each other of violating the truce."),
    ("Sudan and South Sudan agreed to a truce on May 1.", "Shortly after, the two sides blamed each other for breaches."),
    ("Thailand and Cambodia agreed to a ceasefire on May 1.", "The warring sides accused each other of violations within hours."),
])
def test_an_accusation_said_to_follow_the_agreement_is_of_its_day(agreed, blamed):
    parties = tuple(agreed.split(" agreed")[0].split(" and "))
    record = plain([article("v", D4, agreements=[agreement("v", 0, agreed, AgreementKind.CEASEFIRE, AgreementState.AGREED, parties, "May 1")],
                            claims=[claim("v", 1, blamed, "both sides", "each other", "violating the truce")])])
    (ceasefire,) = record["agreements"]
    assert [v["date"] for v in ceasefire["violations_alleged"]] == ["2023-05-01"]


@pytest.mark.parametrize(("issued", "speaker", "document", "canonical"), [
    ("The Houthis said in a statement that their drones had struck Carrow.", "The Houthis", "the statement", "Houthis"),
    ("Ethiopia's defence ministry issued a communique on the fighting in Carrow.", "Ethiopia's defence ministry",
     "the communique", "Ethiopia military"),
    ("Regional governor Oleh Syniehubov described the strike on Carrow in a statement.", "Regional governor Oleh Syniehubov",
     "a statement", "Oleh Syniehubov"),
])
def test_figures_a_document_speaks_for_the_party_that_issued_it(issued, speaker, document, canonical):
    toll = f"Twelve people were killed, {document} said."
    ledger = build_ledger([article("a", D1, claims=[claim("a", 0, issued, speaker, None, "struck", Stance.ASSERT)],
                                   figures=[figure("a", 1, toll, 12, document, "people")])])
    assert [(x.claimant, x.latest.value) for x in ledger.series] == [(canonical, 12)]


def test_figures_a_document_with_no_party_before_it_stays_as_written():
    toll = "Twelve people were killed, the statement said."
    ledger = build_ledger([article("a", D1, figures=[figure("a", 0, toll, 12, "the statement", "people")])])
    assert [x.claimant for x in ledger.series] == ["statement"]


@pytest.mark.parametrize(("agreed_name", "effect_name"), [("agreed", "effect"), ("z-agreed", "effect")])
@pytest.mark.parametrize(("parties", "kind"), [
    (("Ethiopia", "Eritrea"), AgreementKind.CEASEFIRE),
    (("Israel", "Hamas"), AgreementKind.CEASEFIRE),
    (("Sudan", "Rapid Support Forces"), AgreementKind.TRUCE),
])
def test_an_arrangement_agreed_one_day_and_taking_effect_days_later_is_one_record(agreed_name, effect_name, parties, kind):
    agreed = f"{parties[0]} and {parties[1]} agreed on May 1 to a ceasefire that takes effect on May 4."
    effect = f"The ceasefire between {parties[0]} and {parties[1]} took effect on May 4."
    early = f"On May 2, {parties[0]}'s officials said {parties[1]} had shelled Carrow."
    late = f"On May 5, {parties[0]}'s officials said {parties[1]} had shelled Leck."
    record = plain([
        article(agreed_name, D1, agreements=[agreement(agreed_name, 0, agreed, kind, AgreementState.AGREED, parties, "May 1")]),
        article(effect_name, D4, agreements=[agreement(effect_name, 0, effect, kind, AgreementState.TOOK_EFFECT, parties, "May 4")]),
        article("early", D2, claims=[claim("early", 0, early, f"{parties[0]}'s officials", parties[1], "had shelled Carrow")]),
        article("late", dt.date(2023, 5, 5), claims=[claim("late", 0, late, f"{parties[0]}'s officials", parties[1], "had shelled Leck")]),
    ])
    (arrangement,) = record["agreements"]
    assert arrangement["date"] == "2023-05-01"
    # nothing violates it before it takes effect
    assert [v["date"] for v in arrangement["violations_alleged"]] == ["2023-05-05"]


def test_an_arrangement_taking_effect_long_after_another_was_agreed_is_its_own_record():
    first = "Ethiopia and Eritrea agreed on May 1 to a ceasefire."
    later = "A new ceasefire between Ethiopia and Eritrea took effect on May 20."
    record = plain([
        article("a", D1, agreements=[agreement("a", 0, first, AgreementKind.CEASEFIRE, AgreementState.AGREED, ("Ethiopia", "Eritrea"), "May 1")]),
        article("b", dt.date(2023, 5, 20), agreements=[agreement("b", 0, later, AgreementKind.CEASEFIRE, AgreementState.TOOK_EFFECT,
                                                                 ("Ethiopia", "Eritrea"), "May 20")]),
    ])
    assert [a["date"] for a in record["agreements"]] == ["2023-05-01", "2023-05-20"]
