"""The clean stage (wirewatch.clean): body text, dateline, credits, date and outlet boilerplate.

Every article here is invented: an imagined war between Velmar and rebels in the Orsa valley.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from wirewatch.clean import article_id, clean
from wirewatch.clean.meta import find_credits, find_dateline, parse_date, split_browser_title
from wirewatch.errors import BadInput
from wirewatch.model import DatePrecision, InputFormat, RawDocument
from wirewatch.runner import ingest
from wirewatch.settings import Settings
from wirewatch.store import Store

BODY_SENTENCES = [
    "DORVIK, Mar 2 (CL) – Artillery fire struck the market district of Dorvik on Tuesday, killing at least four civilians, local officials said.",
    "The Velmar defence ministry denied targeting civilians and said its forces had hit a fuel depot used by rebel fighters.",
    "Rebel commanders accused government troops of shelling the road to Orsa as families tried to leave.",
    "The mayor of Dorvik said the town had been drawn into a regional conflict with Turkey and Velmar for the third time in a decade.",
    "\u201cWe have nothing left to rebuild,\u201d she said.",
    "According to the regional health office, 212 people have been killed since the fighting began on February 9.",
    "Neither side's figures could be verified independently.",
]

SCRAPED = f"""Shelling hits Dorvik market as Varenza talks stall
  1. Home
  2. World
  3. Conflict
  4. Opinion
By Helen Marsh, Foreign Desk
March 2, 2021

{BODY_SENTENCES[0]}

Click to play video: 'Families flee Dorvik as shells land near market'
Families flee Dorvik as shells land near market

{BODY_SENTENCES[1]}

Story continues below advertisement

{BODY_SENTENCES[2]}

Read more: Who controls the Orsa valley?
Read next: Ten days of fighting in maps
Also read: The long road to the Varenza talks

Residents gather at a shelter on the edge of Dorvik.
Anna Petrova / Kestrel News

X. Credit: Reuters Photo

The mayor of Dorvik said the town had been drawn into a regional conflict with
Turkey and Velmar for the third time in a decade.

{BODY_SENTENCES[4]}

Sponsored content
Compare energy tariffs before winter and save up to 20%

Sign up for our morning briefing

{BODY_SENTENCES[5]}

{BODY_SENTENCES[6]}

Original url:
https://kestrel.example/world/2021/03/02/dorvik-market
"""

BOILERPLATE = [
    "1. Home",
    "Click to play video: 'Families flee Dorvik as shells land near market'",
    "Families flee Dorvik as shells land near market",
    "Story continues below advertisement",
    "Read more: Who controls the Orsa valley?",
    "Read next: Ten days of fighting in maps",
    "Also read: The long road to the Varenza talks",
    "Residents gather at a shelter on the edge of Dorvik.",
    "Anna Petrova / Kestrel News",
    "X. Credit: Reuters Photo",
    "Sponsored content",
    "Sign up for our morning briefing",
    "Original url:",
    "https://kestrel.example/world/2021/03/02/dorvik-market",
    "By Helen Marsh, Foreign Desk",
    "March 2, 2021",
]


def _raw(body: str, name: str = "story", is_html: bool = False, **meta) -> RawDocument:
    fmt = InputFormat.HTML if is_html else InputFormat.TEXT
    return RawDocument(f"{name}.txt", name, body, is_html, fmt, **meta)


@pytest.fixture(scope="module")
def scraped():
    return clean(_raw(SCRAPED), "9.9.9")


# body text ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("sentence", BODY_SENTENCES)
def test_clean_keeps_body_sentence_verbatim(scraped, sentence):
    assert sentence in scraped.text


@pytest.mark.parametrize("line", BOILERPLATE)
def test_clean_drops_boilerplate_line(scraped, line):
    assert line not in [kept.strip() for kept in scraped.text.split("\n")]
    assert line.strip() not in scraped.text


def test_clean_joins_line_cut_after_connective(scraped):
    assert "a regional conflict with Turkey and Velmar" in scraped.text
    assert "a regional conflict with\n" not in scraped.text


def test_clean_text_is_body_paragraphs_only(scraped):
    assert scraped.text.split("\n\n") == BODY_SENTENCES


def test_clean_title_and_metadata_of_scraped_text(scraped):
    assert scraped.title == "Shelling hits Dorvik market as Varenza talks stall"
    assert scraped.dateline == "DORVIK, Mar 2 (CL) \u2013"
    assert scraped.credits == ("CL",)
    assert (scraped.published, scraped.published_precision) == (dt.date(2021, 3, 2), DatePrecision.DAY)
    assert scraped.pipeline_version == "9.9.9"
    assert scraped.language == "en"
    assert scraped.removed_lines >= len(BOILERPLATE) - 1


@pytest.mark.parametrize(
    "first,title",
    [
        # headlines: no full stop, or a short question
        ("Drones hit Kharkiv power plant as talks stall", "Drones hit Kharkiv power plant as talks stall"),
        ("Can the Tigray truce hold?", "Can the Tigray truce hold?"),
        # a lead sentence given first: body, not a headline
        ("Sudan accuses the RSF of shelling a camp after Khartoum talks collapse in Jeddah.", None),
        ("Gunmen killed at least 12 villagers in Zamfara state on Sunday, police said.", None),
    ],
)
def test_clean_first_line_of_plain_text_is_the_headline_unless_a_sentence(first, title):
    article = clean(_raw(f"{first}\n\n{BODY_SENTENCES[1]}\n\n{BODY_SENTENCES[2]}\n"), "0")
    assert article.title == title
    assert (first in article.text) is (title is None)
    assert BODY_SENTENCES[1] in article.text


def test_clean_drops_newsletter_inbox_prompt():
    prompt = "Get the Kestrel Briefing in your inbox every weekday at 7 a.m."
    text = f"Truce frays\n\n{BODY_SENTENCES[1]}\n\nSign up for our morning briefing\n{prompt}\n\n{BODY_SENTENCES[2]}\n"
    article = clean(_raw(text), "0")
    assert article.text == f"{BODY_SENTENCES[1]}\n\n{BODY_SENTENCES[2]}"


def test_clean_too_little_text_is_bad_input():
    with pytest.raises(BadInput) as caught:
        clean(_raw("Shelling hits Dorvik\n\nRead more: Maps\n\nAdvertisement\n", name="thin"), "0")
    assert caught.value.subject == "thin.txt"
    assert "no article text" in caught.value.problem


def test_clean_id_ignores_spacing_and_quote_style():
    straight = clean(_raw('Title\n\n"We stay," she said in Dorvik on Tuesday morning.\n\nShells fell all night.\n'), "0")
    curly = clean(_raw("Title\n\n\u201cWe  stay,\u201d she said in Dorvik on Tuesday morning.\n\n\n  Shells fell all night.  \n"), "0")
    other = clean(_raw('Title\n\n"We go," she said in Dorvik on Tuesday morning.\n\nShells fell all night.\n'), "0")
    assert straight.id == curly.id
    assert straight.id != other.id
    assert straight.id == article_id(straight.text)


# datelines ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line,dateline,credit",
    [
        ("STEPANAKERT, Oct 4 (CL) \u2013 Shells fell on the city overnight.", "STEPANAKERT, Oct 4 (CL) \u2013", "CL"),
        ("BAKU, Azerbaijan (AP) \u2014 Azerbaijan's president said troops had advanced.", "BAKU, Azerbaijan (AP) \u2014", "AP"),
        ("MOSCOW, October 11. /TASS/. Russia's foreign minister said the truce must hold.", "MOSCOW, October 11. /TASS/.", "TASS"),
        ("YEREVAN (AFP) - Armenia said it had shot down a drone.", "YEREVAN (AFP) -", "AFP"),
        ("DORVIK, Mar 2 (CL) \u2013 Artillery fire struck the market.", "DORVIK, Mar 2 (CL) \u2013", "CL"),
    ],
)
def test_dateline_found_with_its_credit(line, dateline, credit):
    assert find_dateline(line) == (dateline, credit)


@pytest.mark.parametrize(
    "line",
    [
        "Armenia and Azerbaijan traded fire on Monday, officials said.",
        "The OSCE Minsk Group co-chairs met in Geneva on Friday.",
        "In Baku, officials said the shelling had stopped.",
    ],
)
def test_dateline_absent_from_ordinary_sentence(line):
    assert find_dateline(line) == (None, None)


def test_dateline_with_country_and_date():
    line = "GANJA, Azerbaijan, Oct 11 (NWS) - A missile struck a residential district of Ganja."
    assert find_dateline(line) == ("GANJA, Azerbaijan, Oct 11 (NWS) -", "NWS")


def test_clean_dateline_from_first_body_line():
    article = clean(
        _raw(
            "Moscow urges calm\n\nMOSCOW, October 11. /TASS/. Russia's foreign minister said the truce in the Orsa valley must hold.\n"
        ),
        "0",
    )
    assert article.dateline == "MOSCOW, October 11. /TASS/."
    assert article.credits == ("TASS",)


# credits -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line,credits",
    [
        ("Shells hit the city overnight, officials said (AFP).", ("AFP",)),
        ("MOSCOW, October 11. /TASS/. The ministry said the truce must hold.", ("TASS",)),
        ("Associated Press writers Ana Lee in Velmar and Tom Berg in Dorvik contributed to this report.", ("AP",)),
        ("This story was originally published by Radio Free Europe/Radio Liberty.", ("RFE/RL",)),
        ("ipj/sms (AFP, dpa, Reuters)", ("AFP", "dpa", "Reuters")),
        ("A rebel commander told Reuters that the road was closed.", ("Reuters",)),
        ("Reporting for AFP from the front line, she saw the damage.", ("AFP",)),
    ],
)
def test_credits_found_in_credit_positions(line, credits):
    assert find_credits([line]) == credits


@pytest.mark.parametrize(
    "line",
    [
        "The ministry's statement was quoted by the Interfax news agency.",
        "Russia's RIA Novosti agency reported the strike on Tuesday.",
        "The claim, first reported by Reuters, could not be verified.",
        "Officials said the trend of daily shelling had worsened.",
    ],
)
def test_credits_not_found_for_agency_named_in_sentence(line):
    assert find_credits([line]) == ()


def test_credits_in_order_of_first_mention_without_repeats():
    lines = ["DORVIK (Reuters) - Shells fell.", "Officials told AFP the toll had risen.", "ap/rs (Reuters, AFP, dpa)"]
    assert find_credits(lines) == ("Reuters", "AFP", "dpa")


def test_clean_credit_from_dropped_credit_line():
    text = (
        "Talks stall in Varenza\n\n"
        "Velmar and the rebels accused each other of breaking the truce within hours of its start.\n\n"
        "The Interfax news agency quoted a ministry official as saying the talks would resume.\n\n"
        "ipj/sms (AFP, dpa, Reuters)\n"
    )
    article = clean(_raw(text), "0")
    assert article.credits == ("AFP", "dpa", "Reuters")
    assert "ipj/sms" not in article.text
    assert "The Interfax news agency quoted" in article.text


def test_clean_agency_named_only_is_no_credit():
    text = (
        "Talks stall in Varenza\n\n"
        "The ministry's statement was quoted by the Interfax news agency on Tuesday evening.\n\n"
        "Velmar and the rebels accused each other of breaking the truce within hours of its start.\n"
    )
    assert clean(_raw(text), "0").credits == ()


def test_clean_reprint_credit_line():
    text = (
        "Truce frays in Orsa valley\n\n"
        "Velmar and the rebels accused each other of breaking the truce within hours of its start.\n\n"
        "This story was originally published by Radio Free Europe/Radio Liberty.\n"
    )
    article = clean(_raw(text), "0")
    assert article.credits == ("RFE/RL",)
    assert "originally published" not in article.text


# publication date and outlet ---------------------------------------------------------------------

TWO_PARAGRAPHS = (
    "Velmar and the rebels accused each other of breaking the truce within hours of its start.\n\n"
    "The regional health office said 212 people had been killed since the fighting began.\n"
)


def test_clean_date_from_front_matter_value():
    article = clean(_raw(TWO_PARAGRAPHS, title="Truce frays", published="2021-03-04T08:00:00Z"), "0")
    assert (article.published, article.published_precision) == (dt.date(2021, 3, 4), DatePrecision.DAY)


def test_clean_date_from_standalone_date_line():
    article = clean(_raw("Truce frays in Orsa valley\nOctober 12, 2020\n\n" + TWO_PARAGRAPHS), "0")
    assert article.published == dt.date(2020, 10, 12)
    assert "October 12, 2020" not in article.text


def test_clean_date_and_outlet_from_browser_title():
    article = clean(_raw("Truce frays in Orsa valley | News | DW | 31.10.2020\n\n" + TWO_PARAGRAPHS), "0")
    assert article.title == "Truce frays in Orsa valley"
    assert article.outlet == "DW"
    assert article.published == dt.date(2020, 10, 31)


def test_clean_front_matter_outlet_wins_over_browser_title():
    article = clean(_raw(TWO_PARAGRAPHS, title="Truce frays | News | DW | 31.10.2020", outlet="Kestrel News"), "0")
    assert (article.title, article.outlet, article.published) == ("Truce frays", "Kestrel News", dt.date(2020, 10, 31))


def test_clean_no_date_when_none_stated():
    article = clean(_raw("Truce frays in Orsa valley\n\n" + TWO_PARAGRAPHS), "0")
    assert (article.published, article.published_precision, article.outlet) == (None, None, None)


@pytest.mark.parametrize(
    "text,date,precision",
    [
        ("October 12, 2020", dt.date(2020, 10, 12), DatePrecision.DAY),
        ("12 Oct. 2020", dt.date(2020, 10, 12), DatePrecision.DAY),
        ("31.10.2020", dt.date(2020, 10, 31), DatePrecision.DAY),
        ("2020-10-11T07:45:00Z", dt.date(2020, 10, 11), DatePrecision.DAY),
        ("Sun, 08 Nov 2020 17:05:00 +0000", dt.date(2020, 11, 8), DatePrecision.DAY),
        ("October 2020", dt.date(2020, 10, 1), DatePrecision.MONTH),
        ("2020", dt.date(2020, 1, 1), DatePrecision.YEAR),
        ("next Tuesday", None, None),
        ("31.02.2020", None, None),
    ],
)
def test_parse_date_forms(text, date, precision):
    assert parse_date(text) == (date, precision)


@pytest.mark.parametrize(
    "line,expected",
    [
        ("Headline | News | DW | 31.10.2020", ("Headline", "DW", "31.10.2020")),
        ("Truce frays | Kestrel News", ("Truce frays", "Kestrel News", None)),
        ("Truce frays in the Orsa valley", ("Truce frays in the Orsa valley", None, None)),
    ],
)
def test_split_browser_title(line, expected):
    assert split_browser_title(line) == expected


# recurring outlet lines --------------------------------------------------------------------------

FOOTER = "The Harbour Times is an independent newsroom funded by its readers."


def _write_article(folder: Path, name: str, outlet: str | None, sentence: str, footer: bool = True) -> None:
    front = f"---\noutlet: {outlet}\ntitle: Report {name}\n---\n" if outlet else f"Report {name}\n\n"
    text = front + f"{sentence}\n\nThe regional health office said the toll from the shelling was still rising.\n"
    if footer:
        text += f"\n{FOOTER}\n"
    (folder / f"{name}.txt").write_text(text, encoding="utf-8")


def _texts(db: Path) -> dict[str, str]:
    with Store(str(db)) as store:
        return {a.name: a.text for a in store.articles()}


SENTENCES = [
    "Shelling resumed near Dorvik on Monday, officials said.",
    "Rebels said they had retaken two villages north of Orsa.",
    "The Velmar government said its troops had repelled an attack.",
    "Aid convoys reached the river town for the first time in a week.",
]


def test_clean_recurring_outlet_line_dropped_in_one_batch(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for number in range(3):
        _write_article(corpus, f"ht-{number}", "The Harbour Times", SENTENCES[number])
    _write_article(corpus, "kn-0", "Kestrel News", SENTENCES[3])
    db = tmp_path / "w.db"
    with Store(str(db)) as store:
        report = ingest([corpus], store, Settings(db=str(db)))
    assert len(report.stored) == 4
    texts = _texts(db)
    for number in range(3):
        assert FOOTER not in texts[f"ht-{number}"]
        assert SENTENCES[number] in texts[f"ht-{number}"]
    assert FOOTER in texts["kn-0"]


def test_clean_line_in_one_article_of_outlet_kept(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    _write_article(corpus, "ht-0", "The Harbour Times", SENTENCES[0])
    _write_article(corpus, "ht-1", "The Harbour Times", SENTENCES[1], footer=False)
    _write_article(corpus, "ht-2", "The Harbour Times", SENTENCES[2], footer=False)
    db = tmp_path / "w.db"
    with Store(str(db)) as store:
        ingest([corpus], store, Settings(db=str(db)))
    assert FOOTER in _texts(db)["ht-0"]


def test_clean_articles_without_outlet_never_filtered(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for number in range(4):
        _write_article(corpus, f"anon-{number}", None, SENTENCES[number])
    db = tmp_path / "w.db"
    with Store(str(db)) as store:
        ingest([corpus], store, Settings(db=str(db)))
    texts = _texts(db)
    assert len(texts) == 4
    assert all(FOOTER in text for text in texts.values())


def test_clean_recurring_line_counted_across_batches(tmp_path):
    # The line becomes recurring with the third article: the two stored before lose it too.
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    _write_article(first, "ht-0", "The Harbour Times", SENTENCES[0])
    _write_article(first, "ht-1", "The Harbour Times", SENTENCES[1])
    _write_article(second, "ht-2", "The Harbour Times", SENTENCES[2])
    db = tmp_path / "w.db"
    with Store(str(db)) as store:
        ingest([first], store, Settings(db=str(db)))
        assert all(FOOTER in text for text in _texts(db).values())
        ingest([second], store, Settings(db=str(db)))
    texts = _texts(db)
    assert all(FOOTER not in texts[f"ht-{n}"] and SENTENCES[n] in texts[f"ht-{n}"] for n in range(3))


SHARED = "The ministry said the two villages had been without power since the strike on the substation."


def _write_three(folder: Path) -> list[Path]:
    """A and B share a body paragraph; C shares nothing with them; all of one outlet."""
    for name, sentence, shared in (("a", SENTENCES[0], True), ("b", SENTENCES[1], True), ("c", SENTENCES[2], False)):
        body = f"{sentence}\n\n{SHARED}\n" if shared else f"{sentence}\n"
        (folder / f"{name}.txt").write_text(f"---\noutlet: Kestrel News\ntitle: Report {name}\n---\n{body}",
                                           encoding="utf-8")
    return sorted(folder.iterdir())


def test_clean_reingest_keeps_a_paragraph_two_articles_share(tmp_path):
    # Issue 18, defect 4: ingesting A, then A, B and C counted A's lines twice and removed the
    # paragraph A and B share from B as a "recurring line".
    files = _write_three(tmp_path)
    db = tmp_path / "w.db"
    with Store(str(db)) as store:
        ingest([files[0]], store, Settings(db=str(db)))
        ingest(files, store, Settings(db=str(db)))
    texts = _texts(db)
    assert SHARED in texts["a"] and SHARED in texts["b"]


@pytest.mark.parametrize("order", [(0, 1, 2, 3), (3, 2, 1, 0), (2, 0, 3, 1)])
@pytest.mark.parametrize("split", [1, 2, 4])
def test_clean_same_texts_in_any_order_and_any_split(tmp_path, order, split):
    # The same files in any order and any split into batches give the same stored texts.
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for number in range(4):
        _write_article(corpus, f"ht-{number}", "The Harbour Times", SENTENCES[number], footer=number != 1)
    files = sorted(corpus.iterdir())
    ordered = [files[i] for i in order]
    reference_db, db = tmp_path / "ref.db", tmp_path / "w.db"
    with Store(str(reference_db)) as store:
        ingest([corpus], store, Settings(db=str(reference_db)))
    with Store(str(db)) as store:
        for start in range(0, len(ordered), split):
            ingest(ordered[start:start + split], store, Settings(db=str(db)))
    assert _texts(db) == _texts(reference_db)
    assert FOOTER not in _texts(db)["ht-0"] and FOOTER not in _texts(db)["ht-3"]


def test_clean_recurring_line_does_not_change_article_id(tmp_path):
    alone, batch = tmp_path / "alone", tmp_path / "batch"
    alone.mkdir()
    batch.mkdir()
    _write_article(alone, "ht-0", "The Harbour Times", SENTENCES[0])
    for number in range(3):
        _write_article(batch, f"ht-{number}", "The Harbour Times", SENTENCES[number])
    ids = {}
    for folder in (alone, batch):
        db = tmp_path / f"{folder.name}.db"
        with Store(str(db)) as store:
            ingest([folder], store, Settings(db=str(db)))
            ids[folder.name] = {a.name: (a.id, a.text) for a in store.articles()}
    assert ids["alone"]["ht-0"][1] != ids["batch"]["ht-0"][1]
    assert ids["alone"]["ht-0"][0] == ids["batch"]["ht-0"][0]


@pytest.mark.parametrize("control", ["\x00", "\x07", "\x1b", "\x0b"])
def test_clean_text_carries_no_control_characters(control):
    """A NUL or escape character in posted or JSON Lines text never reaches the stored text (and from
    there a report or a terminal)."""
    body = f"Shelling in Orsa\n\nArtillery shelled the market{control} in Orsa on Friday, killing three, the governor said."
    article = clean(_raw(body), "v1")
    assert not any(ch in article.text for ch in "\x00\x07\x1b\x0b")
    assert "market" in article.text and "Orsa on Friday" in article.text


@pytest.mark.parametrize("first,is_title", [
    # headlines carry no final full stop
    ("Drone strike kills commander of Sudan's paramilitary forces in Darfur", True),
    # a page that cuts a headline after an abbreviation: short, still the title
    ("Gunmen kill governor in Zamfara, says Gov.", True),
    # a full-sentence lede or standfirst as the first line is body text (dev guideline S10)
    ("Kyiv accuses Moscow of shelling a hospital in Kherson after the Kremlin blames Ukraine for the blast.", False),
    ("The army said on Monday that jihadists had ambushed a convoy near Djibo, killing twelve soldiers.", False),
])
def test_clean_a_long_first_line_ending_in_a_full_stop_is_body(first, is_title):
    article = clean(_raw(first + "\n\n" + TWO_PARAGRAPHS), "0")
    assert (article.title == first) is is_title
    assert (first in article.text) is not is_title


@pytest.mark.parametrize("line,dateline,credit", [
    ("GOMA, Democratic Republic of Congo, Feb 8 (NWS) - The army said M23 had shelled Sake.",
     "GOMA, Democratic Republic of Congo, Feb 8 (NWS) -", "NWS"),
    ("KHARTOUM, Sudan, March 3 (CL) \u2013 The army said the RSF had shelled Omdurman.",
     "KHARTOUM, Sudan, March 3 (CL) \u2013", "CL"),
    ("BOGOT\u00c1, Colombia (AP) \u2014 The ELN said it had freed two soldiers.", "BOGOT\u00c1, Colombia (AP) \u2014", "AP"),
    ("ABIDJAN, C\u00f4te d'Ivoire, Jan 4 (NWS) - Officials said the border post was attacked.",
     "ABIDJAN, C\u00f4te d'Ivoire, Jan 4 (NWS) -", "NWS"),
    ("BUNIA, DR Congo (CL) - Militiamen attacked a camp.", "BUNIA, DR Congo (CL) -", "CL"),
    ("KYIV (Reuters)\u2014Russian drones struck the capital overnight.", "KYIV (Reuters)\u2014", "Reuters"),
    ("NAYPYITAW, Myanmar, May 2, 2024 (NWS) - The junta said rebels had attacked a base.",
     "NAYPYITAW, Myanmar, May 2, 2024 (NWS) -", "NWS"),
])
def test_dateline_with_a_country_of_many_words_or_a_close_dash(line, dateline, credit):
    assert find_dateline(line) == (dateline, credit)


def test_a_dateline_with_a_country_is_no_speaker(extractor):
    article = clean(_raw("Shelling in North Kivu\n\nGOMA, Democratic Republic of Congo, Feb 8 (NWS) - Congo's army "
                         "said on Thursday that M23 rebels had shelled the town of Sake.\n"), "0")
    claims = extractor.extract(article).claims
    assert [(c.speaker, c.accused) for c in claims] == [("Congo's army", "M23 rebels")]
