"""corpus/agreements.py through corpus/ledger.build_ledger: one record per ceasefire, with the violations
alleged after it took effect.

Agreement and claim mentions are built by hand from invented sentences (no model needed).
"""

from __future__ import annotations

import datetime as dt

from wirewatch.corpus.ledger import build_ledger
from wirewatch.nlp.dates import stated_dates
from wirewatch.model import (
    Agreement,
    AgreementKind,
    AgreementState,
    Article,
    Claim,
    Extraction,
    Provenance,
    Stance,
)

TRUCE_DAY = dt.date(2020, 10, 10)
SECOND_TRUCE_DAY = dt.date(2020, 10, 18)


def make_article(name: str, published: dt.date, text: str) -> Article:
    return Article.from_text(text, name, id=f"id-{name}", outlet=name, published=published)


def agreement(article: str, sentence: str, date_text: str | None, state: AgreementState, index: int = 0,
              kind: AgreementKind = AgreementKind.CEASEFIRE, venue: str | None = None) -> Agreement:
    return Agreement(kind=kind, parties=("Ethiopia", "Eritrea"), mediators=("Kenya",) if venue else (),
                     venue=venue, date_text=date_text, date=None, date_precision=None, state=state,
                     sentence=sentence, provenance=Provenance(f"id-{article}", index, 0, len(sentence), "agreements.test"))


def accusation(article: str, sentence: str, speaker: str, accused: str, index: int) -> Claim:
    return Claim(stance=Stance.ACCUSE, speaker=speaker, accused=accused, action="shelled", places=(),
                 sentence=sentence, provenance=Provenance(f"id-{article}", index, 0, len(sentence), "claims.test"))


def extraction(name: str, published: dt.date, agreements=(), claims=()) -> Extraction:
    text = " ".join(dict.fromkeys([*(a.sentence for a in agreements), *(c.sentence for c in claims)]))
    carried = {(x.provenance.sentence_index, text.index(x.sentence), x.sentence) for x in [*agreements, *claims]}
    return Extraction(article=make_article(name, published, text), agreements=tuple(agreements), claims=tuple(claims),
                      dates=stated_dates(sorted(carried), f"id-{name}"))  # as extraction stores them


NAIROBI = "Ethiopia and Eritrea agreed in Nairobi to a humanitarian ceasefire from noon on October 10."
NAIROBI_AGAIN = "The ceasefire agreed in Nairobi on October 10 was meant to let aid convoys through."
BEFORE = "On October 8, Eritrea's defence ministry said Ethiopian forces had shelled Zalambessa."
AFTER = "On October 12, Ethiopia's defence ministry said Eritrean forces had shelled Humera."
SECOND = "The two sides agreed to a new humanitarian ceasefire from midnight on October 18."
AFTER_SECOND = "On October 19, Eritrea's defence ministry said Ethiopian forces had shelled Badme."


def corpus() -> list[Extraction]:
    return [
        extraction("nairobi", dt.date(2020, 10, 10), [agreement("nairobi", NAIROBI, "October 10", AgreementState.AGREED,
                                                               venue="Nairobi")]),
        extraction("again", dt.date(2020, 10, 11), [agreement("again", NAIROBI_AGAIN, "October 10",
                                                              AgreementState.MENTIONED, venue="Nairobi")]),
        extraction("before", dt.date(2020, 10, 8), claims=[
            accusation("before", BEFORE, "Eritrea's defence ministry", "Ethiopian forces", 3)]),
        extraction("after", dt.date(2020, 10, 12), claims=[
            accusation("after", AFTER, "Ethiopia's defence ministry", "Eritrean forces", 3)]),
    ]


def ceasefires(ledger) -> list:
    return [r for r in ledger.agreements if r.kind is AgreementKind.CEASEFIRE]


def test_agreements_ceasefire_mentioned_in_two_articles_is_one_record():
    ledger = build_ledger(corpus())
    (record,) = ceasefires(ledger)
    assert record.date == TRUCE_DAY
    assert record.venue == "Nairobi"
    assert {m.article_id for m in record.mentions} == {"id-nairobi", "id-again"}
    assert set(record.states) == {"agreed", "mentioned"}
    assert record.id.startswith("agr-")


def test_agreements_later_accusation_is_a_violation_with_accuser_and_accused():
    (record,) = ceasefires(build_ledger(corpus()))
    assert [(v.accuser, v.accused, v.date) for v in record.violations] == [
        ("Ethiopia's defence ministry", "Eritrean forces", dt.date(2020, 10, 12))]
    assert record.violations[0].provenance.article_id == "id-after"
    assert record.violations[0].sentence == AFTER


def test_agreements_accusation_before_the_ceasefire_is_not_a_violation():
    (record,) = ceasefires(build_ledger(corpus()))
    assert all(v.provenance.article_id != "id-before" for v in record.violations)
    assert all(v.date >= record.date for v in record.violations)


def test_agreements_only_earlier_accusations_give_no_violations():
    extractions = [e for e in corpus() if e.article.name != "after"]
    (record,) = ceasefires(build_ledger(extractions))
    assert record.violations == ()


def test_agreements_later_ceasefire_takes_over_violations_after_its_date():
    extractions = [
        *corpus(),
        extraction("second", SECOND_TRUCE_DAY, [agreement("second", SECOND, "October 18", AgreementState.AGREED)]),
        extraction("after-second", dt.date(2020, 10, 19), claims=[
            accusation("after-second", AFTER_SECOND, "Eritrea's defence ministry", "Ethiopian forces", 2)]),
    ]
    first, second = ceasefires(build_ledger(extractions))
    assert (first.date, second.date) == (TRUCE_DAY, SECOND_TRUCE_DAY)
    assert [v.provenance.article_id for v in first.violations] == ["id-after"]
    assert [(v.accuser, v.accused, v.date) for v in second.violations] == [
        ("Eritrea's defence ministry", "Ethiopian forces", dt.date(2020, 10, 19))]


def test_agreements_records_in_date_order_with_stable_ids():
    extractions = [
        *corpus(),
        extraction("second", SECOND_TRUCE_DAY, [agreement("second", SECOND, "October 18", AgreementState.AGREED)]),
    ]
    forward = build_ledger(extractions).agreements
    backward = build_ledger(list(reversed(extractions))).agreements
    assert [r.date for r in forward] == sorted(r.date for r in forward)
    assert [r.id for r in forward] == [r.id for r in backward]
    assert len({r.id for r in forward}) == len(forward) == 2


def test_agreements_talks_are_not_violated():
    """Only binding arrangements collect violations: an accusation after talks is not a broken agreement."""
    talks = "Envoys of Serbia and Kosovo held talks in Brussels on October 9."
    extractions = [
        extraction("talks", dt.date(2020, 10, 9), [agreement("talks", talks, "October 9", AgreementState.HELD,
                                                             kind=AgreementKind.TALKS, venue="Brussels")]),
        extraction("after", dt.date(2020, 10, 12), claims=[
            accusation("after", AFTER, "Ethiopia's defence ministry", "Eritrean forces", 3)]),
    ]
    (record,) = build_ledger(extractions).agreements
    assert record.kind is AgreementKind.TALKS
    assert record.violations == ()


def test_agreements_truce_and_ceasefire_of_one_day_are_one_record():
    truce = "A truce between Ethiopia and Eritrea took effect at noon on October 10."
    extractions = [
        *corpus(),
        extraction("truce", dt.date(2020, 10, 10), [agreement("truce", truce, "October 10", AgreementState.TOOK_EFFECT,
                                                              kind=AgreementKind.TRUCE)]),
    ]
    (record,) = ceasefires(build_ledger(extractions))
    assert {m.article_id for m in record.mentions} == {"id-nairobi", "id-again", "id-truce"}


BROKEN_ON_FRIDAY = "Ethiopia accused Eritrea on October 15 of violating the Nairobi ceasefire."


def test_agreements_a_breach_stated_days_later_joins_the_ceasefire_not_a_new_record():
    """"accused Eritrea on October 15 of violating the ceasefire": October 15 is the day of the breach; the
    mention joins the ceasefire agreed on October 10 rather than founding a second one on the 15th."""
    extractions = [*corpus(), extraction("breach", dt.date(2020, 10, 15), [
        agreement("breach", BROKEN_ON_FRIDAY, "October 15", AgreementState.VIOLATED)])]
    (record,) = ceasefires(build_ledger(extractions))
    assert record.date == TRUCE_DAY
    assert "id-breach" in {m.article_id for m in record.mentions}
    assert "violated" in record.states


def test_agreements_a_breach_of_a_ceasefire_the_corpus_never_founds_still_makes_its_record():
    """With no record of it to join, the breached ceasefire is still recorded (dated by the breach, the best
    the corpus knows)."""
    (record,) = ceasefires(build_ledger([extraction("breach", dt.date(2020, 10, 15), [
        agreement("breach", BROKEN_ON_FRIDAY, "October 15", AgreementState.VIOLATED)])]))
    assert record.date == dt.date(2020, 10, 15)


def test_agreements_the_earliest_report_founds_the_record_whatever_the_order_of_the_articles():
    """Mentions found records in date order: the report of the day a truce was agreed founds it (its parties'
    order is the record's) though the article telling of it taking effect a day later sorts first; a live
    ledger given them in either order builds the same record."""
    import dataclasses

    from wirewatch.corpus.incremental import LiveLedger

    agreed = agreement("zulu", "Ethiopia and Eritrea agreed to a ceasefire on October 10.", "October 10",
                       AgreementState.AGREED)
    took = dataclasses.replace(
        agreement("alpha", "The ceasefire between Eritrea and Ethiopia took effect on October 11.", "October 11",
                  AgreementState.TOOK_EFFECT), parties=("Eritrea", "Ethiopia"))
    articles = [extraction("alpha", dt.date(2020, 10, 11), agreements=[took]),
                extraction("zulu", dt.date(2020, 10, 10), agreements=[agreed])]
    ledger = build_ledger(articles)
    [record] = [r for r in ledger.agreements if r.kind is AgreementKind.CEASEFIRE]
    assert record.parties == ("Ethiopia", "Eritrea") and record.date == TRUCE_DAY
    for order in (articles, articles[::-1]):
        live = LiveLedger()
        for one in order:
            live.add([one])
        assert live.ledger == ledger
