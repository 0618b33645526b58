"""Which states an article is about: the alias lookup finds what the alias pattern finds, and the
two main parties are the two states named most."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

import pytest

from wirewatch.resolve.sides import (_alias_pattern, _aliases_in, actor_kinds, main_parties, own_side, side_of,
                                     states_named)

ALIASES = sorted(_alias_pattern()[1])


def _by_pattern(text: str) -> list[str]:
    return [match.group(1).lower() for match in _alias_pattern()[0].finditer(text)]


def test_aliases_are_found_at_word_starts_only_and_longest_first():
    text = "Ankara's ally Azerbaijan; Azerbaijanis and pre-Armenia talk, then ARMENIA."
    assert list(_aliases_in(text)) == _by_pattern(text)
    assert "azerbaijan" in list(_aliases_in(text))


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(
    st.sampled_from(ALIASES),
    st.sampled_from(ALIASES).map(str.upper),
    st.sampled_from(ALIASES).map(str.title),
    st.text(alphabet="ab -'._,\u0130\u0131\u017f\u212a\u00e9\u00df", max_size=4),
), max_size=10))
def test_the_word_start_lookup_finds_exactly_what_the_pattern_finds(parts):
    text = "".join(parts)
    assert list(_aliases_in(text)) == _by_pattern(text)


def test_main_parties_are_the_two_states_named_most():
    text = ("Armenia said Azerbaijani forces shelled the town. Azerbaijan denied it. "
            "Armenian officials and Armenia's government asked Russia for help.")
    assert main_parties(text) == ("AM", "AZ")


def test_side_of_reads_an_alias_before_a_demonym():
    assert side_of("the defence ministry of Azerbaijan") == "AZ"
    assert side_of("an Armenian official") == "AM"
    assert side_of("a spokesman") is None


def test_states_named_are_governments_and_demonyms_not_the_rebels_they_back():
    assert states_named("Armenian Prime Minister Nikol Pashinyan") == {"AM"}
    assert states_named("Azerbaijan's defence ministry") == {"AZ"}
    # the separatists stand with Armenia, but they are not its government
    assert states_named("Nagorno-Karabakh's separatist leader") == set()
    assert states_named("a resident of the town") == set()


def test_actor_kinds_tell_people_from_bodies():
    assert actor_kinds("Presidential aide Hikmet Hajiyev") == {"person"}
    assert actor_kinds("Azerbaijan") == {"body"}
    assert actor_kinds("the shopkeeper") == set()


@pytest.mark.parametrize(("written", "side"), [
    ("RSF fighters", "group:Rapid Support Forces"),
    ("the Rapid Support Forces", "group:Rapid Support Forces"),
    ("M23 rebels", "group:M23"),
    ("Houthi spokesman", "group:Houthis"),
    ("the Azerbaijani defence ministry", "AZ"),  # a state's organ keeps its state
    ("Lebanon's army", "LB"),  # a state named by its name
    ("Israel", "IL"),
    ("Sudan Liberation Army", "group:Sudan Liberation Army"),  # a group named after a state is the group
    ("the United Nations", None),  # an organisation of no side
    ("the rebels", None),  # no named group: unknown, not a side of its own
    ("residents", None),
    (None, None),
])
def test_own_side_is_the_state_or_a_named_armed_group_of_its_own(written, side):
    assert own_side(written) == side
