"""extract/agreements.py: ceasefires, truces, talks, pledges and requests with state, parties and dates.

Every sentence here is invented for the test, with real places and states of the Nagorno-Karabakh
war in new wording (parties resolve only for states that the actor table knows).
"""

from __future__ import annotations

import datetime as dt

import pytest

from wirewatch.extract.agreements import RULES, match_agreements
from wirewatch.extract.pipeline import Extractor
from wirewatch.model import AgreementKind, AgreementState, Article, DatePrecision

pytestmark = pytest.mark.model

PUBLISHED = dt.date(2020, 10, 21)  # a Wednesday


def make_article(text: str, published: dt.date | None = PUBLISHED) -> Article:
    return Article.from_text(text, "test", id="test-article", published=published)


def extracted(extractor: Extractor, text: str, published: dt.date | None = PUBLISHED):
    return list(extractor.extract(make_article(text, published)).agreements)


def kinds(agreements) -> list[str]:
    return [a.kind.value for a in agreements]


def only(agreements):
    assert len(agreements) == 1, [(a.kind.value, a.state.value, a.parties) for a in agreements]
    return agreements[0]


def test_agreements_rules_are_named():
    assert all(rule.startswith("agreements.") for rule in RULES)


# --- ceasefires and truces, by state -------------------------------------------------------------


@pytest.mark.parametrize(
    "text,kind,state",
    [
        ("Armenia and Azerbaijan agreed to a humanitarian ceasefire on Saturday.", "ceasefire", "agreed"),
        ("Armenia and Azerbaijan signed a ceasefire on October 10.", "ceasefire", "agreed"),
        ("A truce between Armenia and Azerbaijan took effect at noon on Monday.", "truce", "took_effect"),
        ("The ceasefire between Armenia and Azerbaijan had frayed by Tuesday evening.", "ceasefire", "frayed"),
        ("The truces have all fallen apart.", "truce", "collapsed"),
        ("Fighting resumed after the collapse of three ceasefires in October.", "ceasefire", "collapsed"),
        ("Armenia and Azerbaijan accused each other of violating the ceasefire on Sunday.", "ceasefire", "violated"),
        ("Russia proposed a ceasefire between Armenia and Azerbaijan on Monday.", "ceasefire", "proposed"),
        ("Moscow urged both sides to observe the ceasefire.", "ceasefire", "mentioned"),
    ],
)
def test_agreements_ceasefire_state(extractor, text, kind, state):
    agreement = only(extracted(extractor, text))
    assert (agreement.kind.value, agreement.state.value) == (kind, state)
    assert agreement.provenance.rule == "agreements.word"
    assert agreement.sentence == text


def test_agreements_ceasefire_parties_are_the_warring_sides(extractor):
    agreement = only(extracted(extractor, "Armenia and Azerbaijan agreed to a humanitarian ceasefire on Saturday."))
    assert agreement.parties == ("Armenia", "Azerbaijan")
    assert agreement.mediators == ()


def test_agreements_agreed_to_a_ceasefire_is_no_pledge(extractor):
    found = extracted(extractor, "Armenia and Azerbaijan agreed to a humanitarian ceasefire on Saturday.")
    assert kinds(found) == ["ceasefire"]


def test_agreements_cease_fire_with_hyphen(extractor):
    agreement = only(extracted(extractor, "The cease-fire between Armenia and Azerbaijan was violated within minutes."))
    assert (agreement.kind, agreement.state) == (AgreementKind.CEASEFIRE, AgreementState.VIOLATED)


def test_agreements_us_brokered_truce_names_mediator(extractor):
    agreement = only(extracted(extractor, "A U.S.-brokered truce between Armenia and Azerbaijan collapsed within minutes."))
    assert agreement.kind is AgreementKind.TRUCE
    assert agreement.mediators == ("United States",)
    assert agreement.parties == ("Armenia", "Azerbaijan", "United States")


# --- talks --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text,state,venue",
    [
        ("The foreign ministers of Armenia and Azerbaijan met in Vienna for talks on Thursday.", "held", "Vienna"),
        ("The talks in Minsk concluded late on Friday.", "held", "Minsk"),
        ("The Armenian foreign minister was due to meet the mediators in Moscow on Wednesday.", "scheduled", "Moscow"),
        ("Armenia and Azerbaijan will meet for talks in Geneva on October 30.", "scheduled", "Geneva"),
    ],
)
def test_agreements_talks_state_and_venue(extractor, text, state, venue):
    agreement = only(extracted(extractor, text))
    assert agreement.kind is AgreementKind.TALKS
    assert agreement.state.value == state
    assert agreement.venue == venue


def test_agreements_held_talks_state(extractor):
    agreement = only(extracted(extractor, "Armenia and Azerbaijan held talks in Geneva on Friday."))
    assert agreement.state is AgreementState.HELD


def test_agreements_talks_in_geneva_venue(extractor):
    agreement = only(extracted(extractor, "Armenia and Azerbaijan held talks in Geneva on Friday."))
    assert agreement.kind is AgreementKind.TALKS
    assert agreement.venue == "Geneva"
    assert agreement.parties == ("Armenia", "Azerbaijan")


def test_agreements_talks_brokered_by_named_mediators(extractor):
    agreement = only(extracted(extractor, "The foreign ministers held talks brokered by Russia, France and the United States."))
    assert agreement.kind is AgreementKind.TALKS
    assert agreement.mediators == ("Russia", "France", "United States")
    assert set(agreement.mediators) <= set(agreement.parties)


def test_agreements_talks_are_not_a_ceasefire_that_failed(extractor):
    agreement = only(extracted(extractor, "The two sides failed to agree a ceasefire at the talks in Geneva."))
    assert agreement.kind is AgreementKind.TALKS
    assert agreement.venue == "Geneva"


# --- pledges ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text,rule",
    [
        ("Both sides pledged not to target civilians.", "agreements.word"),
        ("Armenia and Azerbaijan agreed to exchange prisoners and bodies.", "agreements.agreed_to"),
        ("Russia will render Armenia all necessary assistance if the fighting spreads to Armenian territory.",
         "agreements.will_assist"),
    ],
)
def test_agreements_pledge(extractor, text, rule):
    agreement = only(extracted(extractor, text))
    assert agreement.kind is AgreementKind.PLEDGE
    assert agreement.provenance.rule == rule


def test_agreements_pledge_agreed_to_act_has_both_sides(extractor):
    agreement = only(extracted(extractor, "Armenia and Azerbaijan agreed to exchange prisoners and bodies."))
    assert agreement.parties == ("Armenia", "Azerbaijan")
    assert agreement.state is AgreementState.AGREED


def test_agreements_committed_to_is_a_pledge(extractor):
    found = extracted(extractor, "Armenia and Azerbaijan committed to a verification mechanism for the truce.")
    assert kinds(found) == ["pledge", "truce"]
    assert found[0].provenance.rule == "agreements.word"


def test_agreements_will_assist_parties_pledger_then_beneficiary(extractor):
    text = ("Fighting between Armenia and Azerbaijan went on for a fifth week. "
            "Azerbaijan said Armenia had shelled Terter. Armenia said Azerbaijan had shelled Martuni. "
            "Russia will render Armenia all necessary assistance if the fighting spreads to Armenian territory.")
    agreement = only(extracted(extractor, text))
    assert agreement.parties == ("Russia", "Armenia")


def test_agreements_would_provide_aid_parties_pledger_then_beneficiary(extractor):
    text = ("Armenia and Azerbaijan traded fire for a third day. Azerbaijan said Armenia had shelled Barda. "
            "Iran would provide Azerbaijan with humanitarian aid if civilians were forced from their homes.")
    agreement = only(extracted(extractor, text))
    assert agreement.parties == ("Iran", "Azerbaijan")


# --- requests -----------------------------------------------------------------------------------


def test_agreements_request_for_consultations(extractor):
    agreement = only(extracted(extractor, "Armenian Prime Minister Nikol Pashinyan asked Russia to begin urgent "
                                          "consultations on security assistance."))
    assert agreement.kind is AgreementKind.REQUEST
    assert agreement.parties == ("Armenia", "Russia")
    assert agreement.state is AgreementState.PROPOSED
    assert agreement.provenance.rule == "agreements.request"


def test_agreements_request_for_assistance_dated(extractor):
    agreement = only(extracted(extractor, "Armenia asked Russia for military assistance on Saturday."))
    assert agreement.kind is AgreementKind.REQUEST
    assert agreement.parties == ("Armenia", "Russia")
    assert agreement.date == dt.date(2020, 10, 17)


def test_agreements_plea_for_help_is_a_request(extractor):
    agreement = only(extracted(extractor, "The Kremlin said it had received Pashinyan's plea for help."))
    assert agreement.kind is AgreementKind.REQUEST
    assert agreement.parties[:1] == ("Armenia",)
    assert agreement.provenance.rule == "agreements.request"


def test_agreements_exhortation_is_no_request(extractor):
    found = extracted(extractor, "Moscow urged both sides to observe the ceasefire.")
    assert AgreementKind.REQUEST not in [a.kind for a in found]
    assert kinds(found) == ["ceasefire"]


# --- not agreements -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # standing treaties
        "Armenia has a 1997 mutual assistance treaty with Russia.",
        "Article 4 of the treaty states that members will provide assistance to an ally under attack.",
        # a past war's ceasefire
        "The fighting is the worst since the 1994 ceasefire.",
        # failed, sought, conditional, denied
        "The two sides failed to agree a ceasefire.",
        "Diplomats made new attempts to secure a ceasefire.",
        "Azerbaijan said an Armenian withdrawal was a condition for a lasting truce.",
        "\"There is no truce at all,\" said a resident of Stepanakert.",
        # an appeal to talk
        "Iran called on Armenia and Azerbaijan to show restraint, urging both sides to resume talks.",
    ],
)
def test_agreements_none(extractor, text):
    assert extracted(extractor, text) == []


# --- one item per kind --------------------------------------------------------------------------


def test_agreements_one_item_per_kind_per_sentence(extractor):
    text = "The Moscow ceasefire was violated within hours, and a second ceasefire agreed a week later also broke down."
    assert kinds(extracted(extractor, text)) == ["ceasefire"]


def test_agreements_the_truces_refer_back(extractor):
    text = "Armenia and Azerbaijan agreed to ceasefires three times, but the truces have all fallen apart within hours."
    agreement = only(extracted(extractor, text))
    assert agreement.kind is AgreementKind.CEASEFIRE


def test_agreements_match_gives_hits_without_records(nlp):
    hits = match_agreements(nlp("A truce between Armenia and Azerbaijan took effect at noon on Monday."))
    assert [(h.rule, h.kind) for h in hits] == [("agreements.word", AgreementKind.TRUCE)]


# --- dates --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text,date_text,date",
    [
        ("Armenia and Azerbaijan agreed to a humanitarian ceasefire on Saturday.", "on Saturday", dt.date(2020, 10, 17)),
        ("A truce between Armenia and Azerbaijan took effect at noon on Monday.", "on Monday", dt.date(2020, 10, 19)),
        ("Armenia and Azerbaijan will meet for talks in Geneva on October 30.", "October 30", dt.date(2020, 10, 30)),
    ],
)
def test_agreements_date_resolved_with_publication_date(extractor, text, date_text, date):
    agreement = only(extracted(extractor, text))
    assert date_text in agreement.date_text and agreement.date_text in text
    assert agreement.date == date
    assert agreement.date_precision is DatePrecision.DAY


def test_agreements_weekday_depends_on_publication_date(extractor):
    text = "Armenia and Azerbaijan agreed to a humanitarian ceasefire on Saturday."
    agreement = only(extracted(extractor, text, published=dt.date(2020, 10, 12)))
    assert agreement.date == dt.date(2020, 10, 10)


def test_agreements_no_date_text_no_date(extractor):
    agreement = only(extracted(extractor, "Both sides pledged not to target civilians."))
    assert (agreement.date_text, agreement.date, agreement.date_precision) == (None, None, None)


def test_agreements_provenance_points_at_cue(extractor):
    text = "Shelling went on overnight. A truce between Armenia and Azerbaijan took effect at noon on Monday."
    agreement = only(extracted(extractor, text))
    assert text[agreement.provenance.start:agreement.provenance.end] == "truce"
    assert agreement.provenance.sentence_index == 1
