"""Line-level boilerplate removal (wirewatch.clean.lines) on invented war-news lines."""

from __future__ import annotations

import pytest

from wirewatch.clean import clean
from wirewatch.clean.lines import classify_lines, is_terminated, is_widget, line_hash, normalise_line
from wirewatch.model import InputFormat, RawDocument

BODY = "Artillery fire struck the market district of Dorvik on Tuesday, killing at least four civilians, local officials said."
AFTER = "The Velmar defence ministry denied targeting civilians and said its forces had hit a fuel depot."


def _verdicts(lines: list[str], title: str | None = None, **kwargs):
    return classify_lines(lines, title, **kwargs)


def _kept(lines: list[str], title: str | None = None, **kwargs) -> list[str]:
    return [v.text for v in _verdicts(lines, title, **kwargs) if v.keep]


@pytest.mark.parametrize(
    "line",
    [
        "Story continues below advertisement",
        "Read more: Who controls the Orsa valley?",
        "Read next: Ten days of fighting in maps",
        "Also read: The long road to the Varenza talks",
        "READ MORE: Velmar says rebels broke the truce",
        "Sponsored content",
        "Advertisement",
        "Sign up for our morning briefing",
        "Subscribe to the Kestrel Briefing for daily updates",
        "Join our Telegram channel for live updates from the front",
        "Follow us on Twitter",
        "Original url:",
        "Photo: Anna Petrova / Kestrel News",
        "Copyright 2021 Kestrel News. All rights reserved.",
        "Skip to main content",
    ],
)
def test_lines_widget_dropped(line):
    verdicts = _verdicts([BODY, line, AFTER])
    assert [v.keep for v in verdicts] == [True, False, True]
    assert verdicts[1].why
    assert is_widget(line)


@pytest.mark.parametrize(
    "line",
    [
        BODY,
        "Officials said they would read more of the intercepted messages before deciding.",
        "The advertisement for recruits appeared in three regional newspapers, the ministry said.",
        "Residents were told to sign up for evacuation buses at the town hall.",
    ],
)
def test_lines_body_sentence_not_a_widget(line):
    assert not is_widget(line)
    assert _kept([line]) == [line]


def test_lines_video_widget_and_repeated_caption_dropped():
    lines = [
        BODY,
        "Click to play video: 'Families flee Dorvik as shells land near market'",
        "Families flee Dorvik as shells land near market",
        AFTER,
    ]
    verdicts = _verdicts(lines)
    assert [v.keep for v in verdicts] == [True, False, False, True]
    assert [v.why for v in verdicts[1:3]] == ["video widget", "video caption"]


def test_lines_video_widget_with_curly_quotes_drops_caption():
    lines = [BODY, "Click to play video: \u2018Dorvik\u2019s market after the strike\u2019", "Dorvik's market after the strike", AFTER]
    assert _kept(lines) == [BODY, AFTER]


def test_lines_video_caption_only_dropped_when_it_repeats():
    lines = [BODY, "Click to play video: 'Families flee Dorvik'", AFTER]
    assert _kept(lines) == [BODY, AFTER]


def test_lines_numbered_menu_dropped():
    lines = ["  1. Home", "  2. World", "  3. Conflict", "  4. Opinion", BODY]
    verdicts = _verdicts(lines)
    assert [v.why for v in verdicts[:4]] == ["menu"] * 4
    assert _kept(lines) == [BODY]


def test_lines_numbered_sentence_kept_as_list_item():
    item = "1. The sides will stop firing from noon on Saturday."
    assert _kept([BODY, item]) == [BODY, item]


@pytest.mark.parametrize(
    "line",
    [
        "https://kestrel.example/world/2021/03/03/dorvik-market",
        "<https://kestrel.example/world/2021/03/03/dorvik-market>",
        "www.kestrel.example/dorvik",
    ],
)
def test_lines_bare_link_dropped(line):
    verdicts = _verdicts(["Original url:", line, BODY])
    assert [v.keep for v in verdicts] == [False, False, True]
    assert verdicts[1].why == "bare link"


def test_lines_photo_caption_and_credit_dropped():
    lines = [BODY, "Residents gather at a shelter on the edge of Dorvik.", "Anna Petrova / Kestrel News", AFTER]
    verdicts = _verdicts(lines)
    assert [(v.keep, v.why) for v in verdicts] == [
        (True, ""),
        (False, "photo caption"),
        (False, "photo credit"),
        (True, ""),
    ]


def test_lines_caption_with_trailing_credit_dropped():
    line = "A damaged apartment block in Dorvik on Tuesday. (Anna Petrova / Kestrel News)"
    assert _kept([BODY, line, AFTER]) == [BODY, AFTER]


@pytest.mark.parametrize("line", ["X. Credit: Reuters Photo", "Credit: Reuters Photo", "Photo credit: AFP"])
def test_lines_credit_line_dropped(line):
    assert _kept([BODY, line, AFTER]) == [BODY, AFTER]


@pytest.mark.parametrize(
    "line,why",
    [
        ("October 12, 2020", "date line"),
        ("12 Oct 2020", "date line"),
        ("2021-03-02 10:45", "date line"),
        ("Tuesday, 2 March 2021 10:45 GMT", "date line"),
        ("By Helen Marsh, Foreign Desk", "byline"),
        ("Associated Press writers Ana Lee in Velmar and Tom Berg in Dorvik contributed to this report.", "credit line"),
        ("ipj/sms (AFP, dpa, Reuters)", "credit line"),
    ],
)
def test_lines_header_and_credit_lines_dropped_with_reason(line, why):
    verdicts = _verdicts([line, BODY])
    assert (verdicts[0].keep, verdicts[0].why) == (False, why)
    assert verdicts[1].keep


def test_lines_repeated_title_dropped():
    title = "Shelling hits Dorvik market"
    verdicts = _verdicts(["Shelling  hits Dorvik MARKET", BODY], title)
    assert (verdicts[0].keep, verdicts[0].why) == (False, "repeated title")


def test_lines_short_heading_dropped_in_plain_text_but_kept_from_html():
    lines = [BODY, "Talks in Varenza", AFTER]
    assert _kept(lines) == [BODY, AFTER]
    assert _kept(lines, layout_known=True) == lines


@pytest.mark.parametrize(
    "cut,rest",
    [
        ("The mayor said the town had been drawn into a regional conflict with", "Turkey for the third time in a decade."),
        ("Officials in Dorvik blamed the shelling on forces loyal to", "the Velmar government, which denied it."),
        ("The ceasefire was agreed after eleven hours of talks and", "took effect at noon on Saturday."),
    ],
)
def test_lines_sentence_cut_after_connective_is_joined(cut, rest):
    kept = _kept([BODY, cut, rest, AFTER])
    assert kept == [BODY, f"{cut} {rest}", AFTER]


def test_lines_cut_sentence_joined_across_dropped_widget():
    kept = _kept(["The strike hit a school used as a shelter by families from", "Advertisement", "villages near the front line."])
    assert kept == ["The strike hit a school used as a shelter by families from villages near the front line."]


def test_lines_markdown_marks_stripped():
    line = "**Shelling** resumed near [Dorvik](https://kestrel.example/dorvik) on Tuesday, officials said."
    assert _kept([line]) == ["Shelling resumed near Dorvik on Tuesday, officials said."]


def test_lines_recurring_line_dropped_only_when_known():
    footer = "The Harbour Times is an independent newsroom funded by its readers."
    assert _kept([BODY, footer]) == [BODY, footer]
    verdicts = _verdicts([BODY, footer], recurring=frozenset({line_hash(footer)}))
    assert (verdicts[1].keep, verdicts[1].why) == (False, "recurring outlet line")


@pytest.mark.parametrize(
    "a,b",
    [
        ("\u201cWe stay,\u201d she said.", '"We stay," she said.'),
        ("Dorvik\u2019s  market   was hit.", "dorvik's market was hit."),
        ("\uff24orvik", "Dorvik"),
    ],
)
def test_lines_normalise_folds_quotes_case_and_spaces(a, b):
    assert normalise_line(a) == normalise_line(b)
    assert line_hash(a) == line_hash(b)


def test_lines_hash_differs_for_different_lines():
    assert line_hash(BODY) != line_hash(AFTER)


@pytest.mark.parametrize(
    "line,expected",
    [
        ("He said the town was hit.", True),
        ('"We have nothing left," she said.\u201d', True),
        ("What comes next?", True),
        ("Talks in Varenza", False),
        ("The sides met in Geneva and", False),
    ],
)
def test_lines_is_terminated(line, expected):
    assert is_terminated(line) is expected


@pytest.mark.parametrize(
    "cut,joined",
    [
        ("A man stabbed six shoppers in a St.\nCloud mall on Saturday, police said.",
         "A man stabbed six shoppers in a St. Cloud mall on Saturday, police said."),
        ("Troops loyal to Gen.\n\nAbdel Fattah al-Burhan retook the bridge, the army said.",
         "Troops loyal to Gen. Abdel Fattah al-Burhan retook the bridge, the army said."),
    ],
)
def test_lines_cut_after_an_abbreviation_before_a_name_are_joined(cut, joined):
    text = f"Fighting flares in the north\n\n{cut}\n\nResidents fled across the river overnight, aid workers said.\n"
    assert joined in clean(RawDocument("cut.txt", "cut", text, False, InputFormat.TEXT), "0").text


def test_lines_a_paragraph_of_sentences_cut_before_its_last_full_stop_is_body():
    """A page cut off at the end leaves its last paragraph without a full stop; whole sentences before the cut
    make it body text, where a caption (a phrase or one short sentence) is dropped."""
    paragraph = ("The deadliest blast hit the main bus depot in Maiduguri, where at least nine people were killed. "
                 "Witnesses said the bomb had been hidden in a rickshaw. As soldiers arrived, a second device went "
                 "off near the ticket office and tore through the crowd")
    caption = "Soldiers guard the bus depot in Maiduguri after the blast on Monday"
    verdicts = {v.text: v.keep for v in classify_lines([paragraph, caption, "Residents fled, police said."], None)}
    assert verdicts[paragraph] is True
    assert verdicts[caption] is False
