"""extract/agreements.py: ceasefires, truces, talks, pledges and requests with state, parties and dates.

Every sentence here is invented for the test, with real places and states of several conflicts in
new wording (parties resolve only for states that the actor table knows).
"""

from __future__ import annotations

import datetime as dt

import pytest

from wirewatch.extract.agreements import match_agreements
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


# Templates in which each kind of arrangement word can stand; every entry of agreement_words.txt
# must fire as its kind in at least one (issue 20: one source of truth, and no dead entries).
_WORD_TEMPLATES = (
    "Serbia and Kosovo agreed to a {w} on Monday.",
    "The {w} between Sudan and South Sudan took place in Addis Ababa on Friday.",
    "The defence ministers of Ethiopia and Eritrea {w} in Nairobi on Thursday.",
    "The envoys of Israel and Lebanon will {w} in Naqoura next week.",
    "Russia {w} to send troops to help Armenia.",
    "Russia {w} military assistance to Armenia.",
    "Armenia {w} Russia for military assistance.",
    "Armenia {w} to Russia for military help.",
    "Armenia is {w} Russia for military assistance.",
    "Pashinyan sent a {w} for military help to Russia.",
    "Russia is {w} to send troops to help Armenia.",
    "Russia {w} Armenia to send troops to help.",
)


def test_agreements_every_lexicon_word_can_fire(nlp, dead_entries):
    from wirewatch.extract.agreements import wants
    from wirewatch.extract.words import mapping

    # the prefilter passes each word in every template, so the rules alone decide what fires
    assert [(w, t) for w in mapping("agreement_words") for t in _WORD_TEMPLATES if not wants(t.format(w=w))] == []
    assert dead_entries("agreement_words", _WORD_TEMPLATES,
                        lambda s, kind: any(h.kind.value == kind for h in match_agreements(nlp(s)))) == []


def test_agreements_prefilter_passes_every_cue_of_the_lexicons():
    from wirewatch.extract.agreements import wants
    from wirewatch.extract.words import mapping, words

    for name in ("help_words", "pledged_things", "ceasefire_phrases", "deal_words"):
        for word in words(name):
            assert wants(f"They spoke of the {word} yesterday."), (name, word)
    for word in mapping("pledge_verbs"):
        assert wants(f"They {word} it yesterday."), word


# --- ceasefires and truces, by state -------------------------------------------------------------


@pytest.mark.parametrize(
    "text,kind,state",
    [
        ("Sudan and South Sudan agreed to a ceasefire along the border on Saturday.", "ceasefire", "agreed"),
        ("Israel and Hamas signed a ceasefire on October 10.", "ceasefire", "agreed"),
        ("A truce between Thailand and Cambodia took effect at dawn on Monday.", "truce", "took_effect"),
        ("The truce in Tigray came into force at midnight.", "truce", "took_effect"),
        ("The ceasefire between Russia and Ukraine was fraying by Tuesday night.", "ceasefire", "frayed"),
        ("The ceasefire in Idlib had frayed within a week.", "ceasefire", "frayed"),
        ("Ethiopia and Eritrea agreed to a lasting truce on Friday.", "truce", "agreed"),
        ("The truces in Darfur have all collapsed.", "truce", "collapsed"),
        ("Fighting resumed after the collapse of three ceasefires in October.", "ceasefire", "collapsed"),
        ("Israel and Hezbollah accused each other of breaching the ceasefire on Sunday.", "ceasefire", "violated"),
        ("Turkey proposed a ceasefire between Russia and Ukraine on Monday.", "ceasefire", "proposed"),
        ("Washington urged both sides to respect the ceasefire.", "ceasefire", "mentioned"),
    ],
)
def test_agreements_ceasefire_state(extractor, text, kind, state):
    agreement = only(extracted(extractor, text))
    assert (agreement.kind.value, agreement.state.value) == (kind, state)
    assert agreement.provenance.rule == "agreements.word"
    assert agreement.sentence == text


@pytest.mark.parametrize(
    "text,parties",
    [
        ("Ethiopia and Eritrea agreed to a ceasefire on Saturday.", ("Ethiopia", "Eritrea")),
        ("Serbia and Kosovo reached a humanitarian ceasefire late on Thursday.", ("Serbia", "Kosovo")),
    ],
)
def test_agreements_ceasefire_parties_are_the_warring_sides(extractor, text, parties):
    agreement = only(extracted(extractor, text))
    assert agreement.parties == parties
    assert agreement.mediators == ()


@pytest.mark.parametrize(
    "text",
    [
        "India and Pakistan agreed to a humanitarian ceasefire on Saturday.",
        "Sudan and South Sudan agreed to a ceasefire along the border on Saturday.",
    ],
)
def test_agreements_agreed_to_a_ceasefire_is_no_pledge(extractor, text):
    assert kinds(extracted(extractor, text)) == ["ceasefire"]


def test_agreements_cease_fire_with_hyphen(extractor):
    agreement = only(extracted(extractor, "The cease-fire between Israel and Hamas was violated within hours."))
    assert (agreement.kind, agreement.state) == (AgreementKind.CEASEFIRE, AgreementState.VIOLATED)


@pytest.mark.parametrize(
    "text,mediators,parties",
    [
        ("A Turkish-brokered truce between Russia and Ukraine collapsed within hours.",
         ("Turkey",), ("Russia", "Ukraine", "Turkey")),
        ("Hezbollah and Israel accepted a U.S.-brokered truce that broke down within days.",
         ("United States",), ("Hezbollah", "Israel", "United States")),
    ],
)
def test_agreements_brokered_truce_names_mediator(extractor, text, mediators, parties):
    agreement = only(extracted(extractor, text))
    assert agreement.kind is AgreementKind.TRUCE
    assert agreement.mediators == mediators
    assert agreement.parties == parties


# --- talks --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text,state,venue",
    [
        ("The defence ministers of Ethiopia and Eritrea met in Nairobi for talks on Thursday.", "held", "Nairobi"),
        ("The talks in Minsk concluded late on Friday.", "held", "Minsk"),
        ("The Sudanese army chief is scheduled to meet the mediators in Jeddah on Wednesday.", "scheduled", "Jeddah"),
        ("The Ukrainian envoy was due to hold talks in Istanbul on Friday.", "scheduled", "Istanbul"),
        ("Serbia and Kosovo will meet for talks in Brussels on October 30.", "scheduled", "Brussels"),
    ],
)
def test_agreements_talks_state_and_venue(extractor, text, state, venue):
    agreement = only(extracted(extractor, text))
    assert agreement.kind is AgreementKind.TALKS
    assert agreement.state.value == state
    assert agreement.venue == venue


@pytest.mark.parametrize(
    "text,venue,parties",
    [
        ("Russia and Ukraine held talks in Istanbul on Friday.", "Istanbul", ("Russia", "Ukraine")),
        ("Ethiopia and Eritrea held talks in Nairobi on Tuesday.", "Nairobi", ("Ethiopia", "Eritrea")),
    ],
)
def test_agreements_held_talks_state_venue_and_parties(extractor, text, venue, parties):
    agreement = only(extracted(extractor, text))
    assert agreement.kind is AgreementKind.TALKS
    assert agreement.state is AgreementState.HELD
    assert agreement.venue == venue
    assert agreement.parties == parties


@pytest.mark.parametrize(
    "text,mediators",
    [
        ("The envoys held talks brokered by Norway, Kenya and the United Kingdom.", ("Norway", "Kenya", "United Kingdom")),
        ("The delegations met for talks mediated by Egypt and Qatar.", ("Egypt", "Qatar")),
    ],
)
def test_agreements_talks_brokered_by_named_mediators(extractor, text, mediators):
    agreement = only(extracted(extractor, text))
    assert agreement.kind is AgreementKind.TALKS
    assert agreement.mediators == mediators
    assert set(agreement.mediators) <= set(agreement.parties)


def test_agreements_talks_are_not_a_ceasefire_that_failed(extractor):
    agreement = only(extracted(extractor, "The delegations failed to reach a truce at the talks in Jeddah."))
    assert agreement.kind is AgreementKind.TALKS
    assert agreement.venue == "Jeddah"


# --- pledges ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text,rule",
    [
        ("The warring parties pledged not to shell hospitals.", "agreements.word"),
        ("Russia and Ukraine agreed to swap prisoners of war.", "agreements.agreed_to"),
        ("Uganda will render South Sudan every possible support if the war reaches Juba.", "agreements.will_assist"),
        ("China would provide Pakistan with weapons should India attack.", "agreements.will_assist"),
    ],
)
def test_agreements_pledge(extractor, text, rule):
    agreement = only(extracted(extractor, text))
    assert agreement.kind is AgreementKind.PLEDGE
    assert agreement.provenance.rule == rule


@pytest.mark.parametrize(
    "text,parties",
    [
        ("Russia and Ukraine agreed to swap prisoners of war.", ("Russia", "Ukraine")),
        ("Ethiopia and Eritrea agreed to reopen the border crossings.", ("Ethiopia", "Eritrea")),
    ],
)
def test_agreements_pledge_agreed_to_act_has_both_sides(extractor, text, parties):
    agreement = only(extracted(extractor, text))
    assert agreement.parties == parties
    assert agreement.state is AgreementState.AGREED


def test_agreements_committed_to_is_a_pledge(extractor):
    found = extracted(extractor, "Ethiopia and Eritrea committed to a monitoring mechanism for the truce.")
    assert kinds(found) == ["pledge", "truce"]
    assert found[0].provenance.rule == "agreements.word"


def test_agreements_will_assist_parties_pledger_then_beneficiary(extractor):
    text = ("Fighting between Sudan and South Sudan went on for a fifth week. "
            "Sudan said South Sudan had shelled Heglig. South Sudan said Sudan had bombed Bentiu. "
            "Uganda will render South Sudan every possible support if the war reaches Juba.")
    agreement = only(extracted(extractor, text))
    assert agreement.parties == ("Uganda", "South Sudan")


def test_agreements_would_provide_aid_parties_pledger_then_beneficiary(extractor):
    text = ("India and Pakistan traded fire for a third day. Pakistan said India had shelled Kotli. "
            "China would provide Pakistan with humanitarian aid if villagers were forced from their homes.")
    agreement = only(extracted(extractor, text))
    assert agreement.parties == ("China", "Pakistan")


# --- requests -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text,parties",
    [
        ("Turkish President Recep Tayyip Erdogan asked Russia to open urgent consultations on border security.",
         ("Turkey", "Russia")),
        ("Mali asked France to begin immediate consultations on security assistance.", ("Mali", "France")),
    ],
)
def test_agreements_request_for_consultations(extractor, text, parties):
    agreement = only(extracted(extractor, text))
    assert agreement.kind is AgreementKind.REQUEST
    assert agreement.parties == parties
    assert agreement.state is AgreementState.PROPOSED
    assert agreement.provenance.rule == "agreements.request"


def test_agreements_request_for_assistance_dated(extractor):
    agreement = only(extracted(extractor, "Niger asked Algeria for military assistance on Saturday."))
    assert agreement.kind is AgreementKind.REQUEST
    assert agreement.parties == ("Niger", "Algeria")
    assert agreement.date == dt.date(2020, 10, 17)


def test_agreements_plea_for_help_is_a_request(extractor):
    agreement = only(extracted(extractor, "Ankara said it had received Erdogan's plea for help."))
    assert agreement.kind is AgreementKind.REQUEST
    assert agreement.parties[:1] == ("Turkey",)
    assert agreement.provenance.rule == "agreements.request"


def test_agreements_exhortation_is_no_request(extractor):
    found = extracted(extractor, "Washington urged both sides to respect the ceasefire.")
    assert AgreementKind.REQUEST not in [a.kind for a in found]
    assert kinds(found) == ["ceasefire"]


# --- not agreements -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # standing treaties
        "Kazakhstan has a 1992 mutual security treaty with Russia.",
        "Article 4 of the treaty states that members will provide assistance to an ally under attack.",
        # a past war's ceasefire
        "The clashes are the deadliest since the 2003 ceasefire.",
        # failed, sought, conditional, denied
        "The delegations failed to reach a truce.",
        "Mediators renewed their push for a ceasefire.",
        "Kyiv said a Russian pullback was a condition for any truce.",
        "The rebels set three preconditions for talks with the junta.",
        "\"We have no ceasefire here,\" a man in Khartoum said.",
        # an appeal to talk
        "Egypt called on Israel and Hamas to show restraint, urging them to resume negotiations.",
    ],
)
def test_agreements_none(extractor, text):
    assert extracted(extractor, text) == []


# --- one item per kind --------------------------------------------------------------------------


def test_agreements_one_item_per_kind_per_sentence(extractor):
    text = "The Jeddah ceasefire was broken within hours, and a second ceasefire agreed days later also failed."
    assert kinds(extracted(extractor, text)) == ["ceasefire"]


def test_agreements_the_truces_refer_back(extractor):
    text = "Israel and Hamas have agreed to ceasefires four times, yet the truces have each broken down within days."
    agreement = only(extracted(extractor, text))
    assert agreement.kind is AgreementKind.CEASEFIRE


def test_agreements_match_gives_hits_without_records(nlp):
    hits = match_agreements(nlp("A truce between Thailand and Cambodia took effect at dawn on Monday."))
    assert [(h.rule, h.kind) for h in hits] == [("agreements.word", AgreementKind.TRUCE)]


# --- dates --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text,date_text,date",
    [
        ("India and Pakistan agreed to a humanitarian ceasefire on Saturday.", "on Saturday", dt.date(2020, 10, 17)),
        ("A truce between Thailand and Cambodia took effect at dawn on Monday.", "on Monday", dt.date(2020, 10, 19)),
        ("Serbia and Kosovo will meet for talks in Brussels on October 30.", "October 30", dt.date(2020, 10, 30)),
    ],
)
def test_agreements_date_resolved_with_publication_date(extractor, text, date_text, date):
    agreement = only(extracted(extractor, text))
    assert date_text in agreement.date_text and agreement.date_text in text
    assert agreement.date == date
    assert agreement.date_precision is DatePrecision.DAY


def test_agreements_weekday_depends_on_publication_date(extractor):
    text = "India and Pakistan agreed to a humanitarian ceasefire on Saturday."
    agreement = only(extracted(extractor, text, published=dt.date(2020, 10, 12)))
    assert agreement.date == dt.date(2020, 10, 10)


def test_agreements_no_date_text_no_date(extractor):
    agreement = only(extracted(extractor, "The warring parties pledged not to shell hospitals."))
    assert (agreement.date_text, agreement.date, agreement.date_precision) == (None, None, None)


def test_agreements_provenance_points_at_cue(extractor):
    text = "Shelling went on overnight. A truce between Thailand and Cambodia took effect at dawn on Monday."
    agreement = only(extracted(extractor, text))
    assert text[agreement.provenance.start:agreement.provenance.end] == "truce"
    assert agreement.provenance.sentence_index == 1


# --- issue 21: ceasefire mentions, requests and pledges in new wordings --------------------------


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Israel and Iran agreed to a ceasefire on Monday. The ceasefire was announced by the White House.",
         [("ceasefire", ("Israel", "Iran")), ("ceasefire", ("Israel", "Iran"))]),
        ("The deal includes a complete halt to fighting along the border.", [("ceasefire", ())]),
        ("The accord provides for a cessation of hostilities from midnight.", [("ceasefire", ())]),
        ("Thailand and Cambodia agreed to a truce on Monday. The prime minister confirmed the agreement.",
         [("truce", ("Thailand", "Cambodia")), ("truce", ("Thailand", "Cambodia"))]),
    ],
)
def test_agreements_ceasefire_mentions_in_new_wordings(extractor, text, expected):
    assert [(a.kind.value, a.parties) for a in extracted(extractor, text)] == expected


@pytest.mark.parametrize(
    "text,requester",
    [
        ("The African Union called for an immediate halt to hostilities in Tigray.", "African Union"),
        ("Qatar urged an immediate cessation of hostilities between the two armies.", "Qatar"),
        ("The European Union demanded an end to hostilities along the Thai-Cambodian border.", "European Union"),
        ("The Arab League appealed for a halt to the fighting around Marib.", "Arab League"),
        ("Russia, which keeps a base in Armenia, called for a halt to the fighting on Sunday.", "Russia"),
        ("The Arab League on Thursday demanded an immediate ceasefire across Khartoum.", "Arab League"),
        ("The European Union demanded a humanitarian truce around El Fasher.", "European Union"),
        ("Turkey appealed for a lasting cease-fire in eastern Ukraine on Friday.", "Turkey"),
        ("ASEAN pressed for a nationwide ceasefire in Myanmar ahead of the monsoon.", "ASEAN"),
    ],
)
def test_agreements_a_halt_called_for_is_a_request_not_a_ceasefire(extractor, text, requester):
    """"called for a halt to the fighting", "demanded an immediate ceasefire" ask for a ceasefire: a
    request by whoever calls, never an agreed or mentioned ceasefire (guideline A3)."""
    agreement = only(extracted(extractor, text))
    assert agreement.kind is AgreementKind.REQUEST
    assert agreement.state is AgreementState.PROPOSED
    assert agreement.parties[:1] == (requester,)


@pytest.mark.parametrize("text,kinds_found", [
    ("The regional bloc urged both sides to agree to an immediate ceasefire.", []),
    ("Ankara pressed the rival armies to accept a truce before the holiday.", []),
    ("Moscow urged both sides to start observing the ceasefire agreed on Saturday.", ["ceasefire"]),
    ("The envoy urged the militias to respect the truce that took effect at dawn.", ["truce"]),
])
def test_agreements_a_ceasefire_urged_on_the_sides_is_no_item_unless_it_exists(extractor, text, kinds_found):
    """A ceasefire the sides are urged to agree to is hoped for, not made (seeds guideline A3); one
    they are urged to observe or respect already exists and is mentioned."""
    assert kinds(extracted(extractor, text)) == kinds_found


@pytest.mark.parametrize("text,parties", [
    ("Germany said it would send two more air defence systems to Ukraine.", ("Germany", "Ukraine")),
    ("Britain said it had allocated 100 air defence missiles to Ukraine.", ("United Kingdom", "Ukraine")),
    ("Armenia said it had asked Russia for military assistance.", ("Armenia", "Russia")),
])
def test_agreements_it_of_the_speaker_is_the_pledger(extractor, text, parties):
    """"X said it would send ...": the pronoun is the speaker, who pledges (or asks)."""
    assert only(extracted(extractor, text)).parties == parties


@pytest.mark.parametrize("text", [
    "Leaders hoped for a halt to the fighting before the rainy season.",
    "Diplomats want an end to hostilities by the new year.",
])
def test_agreements_a_halt_only_hoped_for_is_no_item(extractor, text):
    assert extracted(extractor, text) == []


@pytest.mark.parametrize(
    "text,parties",
    [
        ("Peru has asked Bolivia to hand over the guerrilla leaders.", ("Peru", "Bolivia")),
        ("Turkey is asking Sweden to return the fugitives.", ("Turkey", "Sweden")),
        ("Kenya asked Uganda to arrest the militia commander.", ("Kenya", "Uganda")),
        ("Mali urged Algeria to extradite the militants.", ("Mali", "Algeria")),
        ("Kyiv appealed to Washington to invoke the treaty.", ("Ukraine", "United States")),
        ("The rebels appealed for the support of Tuareg clans in the north.", ("Tuareg clans",)),
        ("The junta appealed for the aid of Dozo hunters against the jihadists.", ("Dozo hunters",)),
    ],
)
def test_agreements_requests_for_acts(extractor, text, parties):
    agreement = only(extracted(extractor, text))
    assert agreement.kind is AgreementKind.REQUEST
    assert agreement.parties[-len(parties):] == parties


@pytest.mark.parametrize(
    "text,parties",
    [
        ("The United States will send air defence systems to Ukraine.", ("United States", "Ukraine")),
        ("Germany allocated three air defence systems to Ukraine.", ("Germany", "Ukraine")),
        ("France would supply more tanks to Kyiv, the minister said.", ("France", "Ukraine")),
    ],
)
def test_agreements_pledges_of_arms(extractor, text, parties):
    agreement = only(extracted(extractor, text))
    assert agreement.kind is AgreementKind.PLEDGE
    assert agreement.parties == parties


@pytest.mark.parametrize(
    "text,parties",
    [
        # the article names the brokers as often as the warring sides: the brokers are no side
        ("Sudanese jets bombed the market. Sudanese officials blamed the paramilitaries. The truce brokered by "
         "Saudi Arabia and the United States collapsed.", ("Sudan", "Saudi Arabia", "United States")),
        ("Israeli jets struck Tehran. Iranian missiles hit Haifa. The ceasefire, brokered by the United States, "
         "took effect on Tuesday.", ("Israel", "Iran", "United States")),
    ],
)
def test_agreements_a_broker_is_never_a_warring_side(extractor, text, parties):
    """Warring sides first (in the order the article names them most), the broker last."""
    agreement = only(extracted(extractor, text))
    warring = [p for p in parties if p not in agreement.mediators]
    assert sorted(agreement.parties[:len(warring)]) == sorted(warring)
    assert agreement.parties[len(warring):] == agreement.mediators


@pytest.mark.parametrize("text", [
    "The UN-brokered truce expired in October.",
    "The Qatari-mediated ceasefire held overnight.",
])
def test_agreements_the_arrangement_itself_is_no_party(extractor, text):
    agreement = only(extracted(extractor, text))
    assert not any("truce" in p.lower() or "ceasefire" in p.lower() for p in agreement.parties), agreement.parties


@pytest.mark.parametrize(
    "text,parties,mediators",
    [
        ("Sudan's army and the RSF signed a truce in Jeddah, mediated by Saudi Arabia and the United States.",
         ("Sudan", "RSF", "Saudi Arabia", "United States"), ("Saudi Arabia", "United States")),
        ("Hamas and Israel agreed to a truce brokered by Egypt and Qatar.",
         ("Hamas", "Israel", "Egypt", "Qatar"), ("Egypt", "Qatar")),
        ("The Houthis said they met with Saudi officials in Muscat last week.", ("Houthis", "Saudi Arabia"), ()),
        ("Hezbollah said it had held talks with French envoys in Beirut.", ("Hezbollah", "France"), ()),
        ("Hezbollah said it had held talks with Qatari envoys in Beirut.", ("Hezbollah", "Qatar"), ()),
        ("The Houthis said they had met Omani mediators in Muscat.", ("Houthis", "Oman"), ()),
        ("India and Pakistan agreed to a ceasefire along the Line of Control.", ("India", "Pakistan"), ()),
    ],
)
def test_agreements_parties_named_in_the_sentence_never_codes(extractor, text, parties, mediators):
    agreement = only(extracted(extractor, text))
    assert agreement.parties == parties
    assert agreement.mediators == mediators
    assert not any(len(p) == 2 and p.isupper() for p in agreement.parties)


@pytest.mark.parametrize(
    "text",
    [
        "The rebels have always declined to negotiate with the junta.",
        "Kosovo refuses to sign any accord that Belgrade drafts.",
        "The attacker had pledged allegiance to the group in a video.",
        "The generals were meeting behind closed doors on Tuesday.",
        "The party's congress convenes a short walk from where the bomb went off.",
        "Her weekly meetings take place in a school near the checkpoint.",
        "The cabinet held an emergency meeting after the bombing.",
    ],
)
def test_agreements_not_arrangements(extractor, text):
    assert extracted(extractor, text) == []


@pytest.mark.parametrize(
    "text,parties,mediators",
    [
        ("Pakistan and India agreed to a ceasefire on Saturday, brokered by the United States.",
         ("Pakistan", "India", "United States"), ("United States",)),
        ("The truce between Israel and Hamas, mediated by Qatar, took effect at dawn.",
         ("Israel", "Hamas", "Qatar"), ("Qatar",)),
        ("Iran and the United States held indirect talks in Muscat, mediated by Oman.",
         ("Iran", "United States", "Oman"), ("Oman",)),
    ],
)
def test_agreements_mediator_lists_end_where_the_names_end(extractor, text, parties, mediators):
    agreement = only(extracted(extractor, text))
    assert (agreement.parties, agreement.mediators) == (parties, mediators)


@pytest.mark.parametrize("text", [
    "He requested Washington's help in rebuilding the bridge.",
    "She asked Kenya for more peacekeepers.",
    "They appealed to Qatar to mediate a truce.",
])
def test_agreements_pronoun_subject_is_no_party(extractor, text):
    """A pronoun names no party: a request is filed under names, never under "He" or "They"."""
    for agreement in extracted(extractor, text):
        assert not {p.lower() for p in agreement.parties} & {"he", "she", "they", "it", "we"}, agreement.parties


@pytest.mark.parametrize("text, kind, venue", [
    ("Velmar asked Kenya on Tuesday for military assistance, a day after envoys met in Vienna.", "request", None),
    ("Sudan appealed to Egypt for help, hours after the two sides held talks in Jeddah.", "request", None),
    ("Talks in Vienna between Velmar and Ostrava ended without a deal on Friday.", "talks", "Vienna"),
    ("The foreign ministers of Thailand and Cambodia held talks in Kuala Lumpur on Monday.", "talks", "Kuala Lumpur"),
])
def test_agreements_venue_comes_from_the_arrangements_own_clause(extractor, text, kind, venue):
    """A place named in another clause of the sentence (where an earlier meeting happened) is not the
    venue of the request the sentence reports."""
    found = [a for a in extracted(extractor, text) if a.kind.value == kind]
    assert found, kinds(extracted(extractor, text))
    assert found[0].venue == venue


@pytest.mark.parametrize("text, not_date", [
    ("The envoys brokered the truce after the president called for a halt to the fighting, the first talks "
     "since the war broke out on October 3.", dt.date(2020, 10, 3)),
    ("Both sides agreed to a ceasefire, the first pause since the rebels seized the town on October 9.",
     dt.date(2020, 10, 9)),
])
def test_agreements_date_of_a_since_clause_is_not_the_arrangements(extractor, text, not_date):
    """A date inside a clause that opens with "since" dates the start of something else (the war, a
    seizure), never the arrangement the sentence reports."""
    found = extracted(extractor, text)
    assert found, text
    assert all(a.date != not_date for a in found), [(a.kind.value, a.date) for a in found]


@pytest.mark.parametrize(
    "text,expected,pledger",
    [
        ("Hamas said it would abide by the truce brokered by Egypt.", ["pledge", "truce"], "Hamas"),
        ("The M23 said it will respect the ceasefire agreed in Luanda.", ["ceasefire", "pledge"], "M23"),
        ("Norway said it would honour the rules of the talks it hosts in Oslo.", ["pledge", "talks"], "Norway"),
        ("Both armies will strictly uphold the ceasefire, the mediators said.", ["ceasefire", "pledge"], None),
    ],
)
def test_agreements_a_promise_to_keep_to_something_is_a_pledge(extractor, text, expected, pledger):
    """Committing to a behaviour is a pledge, beside the arrangement it keeps to."""
    found = extracted(extractor, text)
    assert sorted(kinds(found)) == expected
    pledge = next(a for a in found if a.kind.value == "pledge")
    assert pledge.provenance.rule == "agreements.will_respect"
    assert pledger is None or pledger in pledge.parties


@pytest.mark.parametrize(
    "text",
    [
        "The rebels said they would not respect the ceasefire.",
        "The army has respected the truce since Monday, officials said.",
    ],
)
def test_agreements_no_promise_to_keep_to_it_is_no_pledge(extractor, text):
    assert "pledge" not in kinds(extracted(extractor, text))


@pytest.mark.parametrize("text,pledger", [
    ("The United States on Tuesday urged both sides to let aid convoys reach Darfur and pledged $120 million "
     "in humanitarian aid for Sudan.", "United States"),
    ("Britain called on the warring parties to let convoys through and promised 40 million pounds in aid for "
     "Yemen.", "United Kingdom"),
    ("Japan urged the combatants to respect the truce around Goma and pledged emergency food aid.", "Japan"),
])
def test_agreements_an_appeal_to_the_sides_joined_to_a_pledge_is_the_pledge_alone(extractor, text, pledger):
    """An appeal to the fighters as a whole ("urged both sides to talk again") is no request
    (guideline A3), and the pledge coordinated with it ("... and pledged $120 million") is a pledge of its own,
    however the parser attaches it, with no request read from the aid it pledges."""
    found = [a for a in extracted(extractor, text) if a.kind is not AgreementKind.TRUCE]
    agreement = only(found)
    assert agreement.kind is AgreementKind.PLEDGE
    assert agreement.parties[:1] == (pledger,)


@pytest.mark.parametrize("text,parties", [
    ("Colombia urged Venezuela to extradite the guerrilla commander.", ("Colombia", "Venezuela")),
    ("Armenia's prime minister urged Russia to provide security assistance.", ("Armenia", "Russia")),
    ("Somalia asked Kenya to hand over the militants arrested near the border.", ("Somalia", "Kenya")),
])
def test_agreements_an_ask_to_one_party_stays_a_request(extractor, text, parties):
    """Asking one named party to act or help is a request; only the fighters as a whole are exhorted."""
    agreement = only(extracted(extractor, text))
    assert agreement.kind is AgreementKind.REQUEST
    assert agreement.parties[:2] == parties


@pytest.mark.parametrize("text,kind,parties", [
    ("Ethiopia and Eritrea agreed on Tuesday to observe a ceasefire along their border.", "ceasefire",
     ("Ethiopia", "Eritrea")),
    ("Sudan's army and the RSF agreed to respect a cease-fire around the port city.", "ceasefire", ("Sudan", "RSF")),
    ("Thailand and Cambodia agreed to honour the truce along the frontier temples.", "truce", ("Thailand", "Cambodia")),
])
def test_agreements_agreeing_to_observe_a_ceasefire_is_the_ceasefire_of_those_who_agreed(extractor, text, kind, parties):
    """"X and Y agreed to observe a ceasefire" is the ceasefire itself, not a pledge besides it, and its
    sides are the ones who agreed (the infinitive has no subject of its own)."""
    agreement = only(extracted(extractor, text))
    assert agreement.kind.value == kind
    assert set(parties) <= set(agreement.parties)


def test_agreements_agreeing_to_another_act_stays_a_pledge(extractor):
    """Agreeing to do anything but keep a ceasefire is a pledge."""
    assert kinds(extracted(extractor, "The two armies agreed to respect the rights of captured soldiers.")) == ["pledge"]


@pytest.mark.parametrize("text", [
    "M23 fighters shelled army positions near Rutshuru on Monday, hours before the truce took effect, the army said.",
    "Rebels ambushed a convoy outside Kidal on Tuesday, two days before the ceasefire.",
    "The RSF stormed the market in Omdurman on Sunday, after the truce collapsed.",
    "The two armies traded fire along the border on Monday until the ceasefire began.",
])
def test_agreements_a_day_outside_a_before_or_after_clause_dates_no_arrangement(extractor, text):
    """An arrangement in a clause or phrase opened by "before", "after" or "until" is not dated by the day of
    the rest of the sentence, which dates what happened before or after it (guideline A11): a truce dated
    to the attack "hours before the truce took effect" would make that attack a violation."""
    found = [a for a in extracted(extractor, text) if a.kind in (AgreementKind.TRUCE, AgreementKind.CEASEFIRE)]
    assert found and all(a.date_text is None for a in found)


def test_agreements_a_day_inside_the_after_clause_still_dates_it(extractor):
    """"the truce frayed after it took effect on Monday": the day is the arrangement's own clause's."""
    (agreement,) = extracted(extractor, "The truce in Sudan frayed soon after it took effect on Monday, residents said.")
    assert agreement.date_text == "on Monday"


@pytest.mark.parametrize("text,parties", [
    ("Congo and M23 rebels agreed to a truce in Luanda on Thursday.", ("Democratic Republic of the Congo", "M23 rebels")),
    ("Colombia and ELN guerrillas agreed to a bilateral ceasefire in Havana.", ("Colombia", "ELN guerrillas")),
    ("Mali and Tuareg rebels agreed to a ceasefire in Algiers on Monday.", ("Mali", "Tuareg rebels")),
])
def test_agreements_a_state_and_a_group_sharing_one_noun_are_two_parties(extractor, text, parties):
    """"Congo and M23 rebels agreed ...": the parser reads "(Congo and M23) rebels" as one noun with two
    modifiers; the sides are the state and the rebel group, not the state alone."""
    agreement = only(extracted(extractor, text))
    assert agreement.parties[:2] == parties


def test_agreements_a_humanitarian_pause_agreed_is_a_ceasefire_item(extractor):
    """"agreed to a humanitarian pause" (lexicon ceasefire_phrases) is a halt agreed, dated by its clause."""
    (agreement,) = extracted(extractor, "Israel and Hamas agreed to a humanitarian pause in northern Gaza on Friday, "
                                        "mediators said.")
    assert agreement.kind is AgreementKind.CEASEFIRE
    assert agreement.date_text == "on Friday"


@pytest.mark.parametrize("text,parties", [
    ("Mozambique asked Rwanda for more military instructors.", ("Mozambique", "Rwanda")),
    ("Niger asked Russia for ammunition and reinforcements.", ("Niger", "Russia")),
])
def test_agreements_an_ask_for_trainers_or_supplies_is_a_request(extractor, text, parties):
    """Help is not only "help": instructors, reinforcements, ammunition (lexicon help_words)."""
    agreement = only(extracted(extractor, text))
    assert agreement.kind is AgreementKind.REQUEST
    assert agreement.parties == parties
