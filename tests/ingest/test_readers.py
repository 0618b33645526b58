"""Tests for the readers in wirewatch.ingest: one per input format, plus folder walking."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from wirewatch.clean import clean
from wirewatch.ingest import read_inputs
from wirewatch.model import InputFormat, RawDocument, Skipped

LIMIT = 10 * 1024 * 1024

LEAD = "Artillery fire struck the market district of Dorvik on Tuesday, killing at least four civilians, local officials said."
SECOND = "The Velmar defence ministry denied targeting civilians and said its forces had hit a fuel depot used by rebel fighters."
THIRD = "Residents of the river town spent the night in basements as the shelling continued until dawn."


def _read(*paths) -> list:
    return list(read_inputs(list(paths), LIMIT))


def _docs(*paths) -> list[RawDocument]:
    items = _read(*paths)
    assert all(isinstance(item, RawDocument) for item in items), [i for i in items if isinstance(i, Skipped)]
    return items


def _page(title: str, site: str, published: str, paragraphs: list[str]) -> str:
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{title} | {site}</title>
<meta property="og:site_name" content="{site}">
<meta property="og:title" content="{title}">
<meta property="article:published_time" content="{published}">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul></nav>
<main><article><h1>{title}</h1>
{body}
</article></main>
<footer><p>Copyright 2021 {site}. All rights reserved.</p></footer>
</body></html>"""


def write_warc(path: Path, records: list[tuple[str, str, bytes]], gz: bool) -> None:
    """A WARC at `path` with one response record per (url, content type, payload)."""
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=gz)
        for url, content_type, payload in records:
            headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
            record = writer.create_warc_record(url, "response", payload=io.BytesIO(payload), http_headers=headers)
            writer.write_record(record)


# plain text --------------------------------------------------------------------------------------


def test_text_title_from_first_non_empty_line(tmp_path):
    path = tmp_path / "dorvik-shelling.txt"
    path.write_text(f"\n\n   \nShelling hits Dorvik market\n\n{LEAD}\n\n{SECOND}\n", encoding="utf-8")
    (doc,) = _docs(path)
    assert doc.format is InputFormat.TEXT
    assert doc.name == "dorvik-shelling"
    assert doc.source == str(path)
    assert not doc.is_html
    article = clean(doc, "test")
    assert article.title == "Shelling hits Dorvik market"
    assert article.text == f"{LEAD}\n\n{SECOND}"


def test_text_front_matter_sets_metadata(tmp_path):
    path = tmp_path / "file-name.txt"
    path.write_text(
        "---\n"
        "outlet: Kestrel News\n"
        "url: https://kestrel.example/world/2021/03/02/dorvik\n"
        "title: Shelling hits Dorvik market\n"
        "published: 2021-03-02\n"
        "id: kestrel-dorvik-0302\n"
        "---\n"
        f"{LEAD}\n\n{SECOND}\n",
        encoding="utf-8",
    )
    (doc,) = _docs(path)
    assert (doc.outlet, doc.url, doc.title, doc.published, doc.name) == (
        "Kestrel News",
        "https://kestrel.example/world/2021/03/02/dorvik",
        "Shelling hits Dorvik market",
        "2021-03-02",
        "kestrel-dorvik-0302",
    )
    assert "---" not in doc.body and "outlet:" not in doc.body
    article = clean(doc, "test")
    assert article.published == dt.date(2021, 3, 2)
    assert article.text.startswith(LEAD)


def test_text_front_matter_with_extra_key_keeps_known_keys(tmp_path):
    path = tmp_path / "extra.txt"
    path.write_text(
        f"---\noutlet: Kestrel News\nauthor: A. Writer\ntitle: Truce frays\n---\n{LEAD}\n\n{SECOND}\n", encoding="utf-8"
    )
    article = clean(_docs(path)[0], "test")
    assert article.title == "Truce frays"
    assert article.outlet == "Kestrel News"


def test_text_file_that_is_html_is_read_as_html(tmp_path):
    path = tmp_path / "saved-page.txt"
    path.write_text(_page("Dorvik market shelled", "Kestrel News", "2021-03-02", [LEAD, SECOND, THIRD]), encoding="utf-8")
    (doc,) = _docs(path)
    assert doc.is_html
    assert doc.format is InputFormat.HTML


# HTML --------------------------------------------------------------------------------------------


def test_html_main_text_and_metadata(tmp_path):
    path = tmp_path / "dorvik.html"
    path.write_text(
        _page("Dorvik market shelled as talks stall", "Kestrel News", "2021-03-02T09:30:00Z", [LEAD, SECOND, THIRD]),
        encoding="utf-8",
    )
    (doc,) = _docs(path)
    assert doc.is_html and doc.format is InputFormat.HTML
    assert doc.name == "dorvik"
    article = clean(doc, "test")
    assert article.title == "Dorvik market shelled as talks stall"
    assert article.outlet == "Kestrel News"
    assert article.published == dt.date(2021, 3, 2)
    for sentence in (LEAD, SECOND, THIRD):
        assert sentence in article.text
    assert "Home" not in article.text.split("\n")
    assert "All rights reserved" not in article.text


# JSON Lines --------------------------------------------------------------------------------------


def test_jsonl_text_and_html_records_carry_metadata(tmp_path):
    path = tmp_path / "wire.jsonl"
    records = [
        {
            "id": "nws-0302-dorvik",
            "url": "https://nws.example/0302-dorvik",
            "outlet": "Northern Wire Service",
            "title": "Dorvik market shelled",
            "published": "2021-03-02T07:45:00Z",
            "text": f"{LEAD}\n\n{SECOND}",
        },
        {
            "id": "cl-0303-water",
            "url": "https://cl.example/0303-water",
            "outlet": "Caucasus Ledger",
            "title": "Water plant hit",
            "published": "2021-03-03",
            "html": f"<p>{THIRD}</p><p>{SECOND}</p>",
        },
    ]
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    first, second = _docs(path)
    for doc, record in ((first, records[0]), (second, records[1])):
        assert doc.format is InputFormat.JSONL
        assert (doc.name, doc.url, doc.outlet, doc.title, doc.published) == (
            record["id"],
            record["url"],
            record["outlet"],
            record["title"],
            record["published"],
        )
    assert not first.is_html and first.body == records[0]["text"]
    assert second.is_html and second.body == records[1]["html"]
    assert first.source == f"{path}:1" and second.source == f"{path}:2"
    assert THIRD in clean(second, "test").text
    assert clean(first, "test").published == dt.date(2021, 3, 2)


def test_jsonl_record_without_id_is_named_by_file_and_line(tmp_path):
    path = tmp_path / "wire.jsonl"
    path.write_text("\n" + json.dumps({"title": "Dorvik market shelled", "text": LEAD}) + "\n", encoding="utf-8")
    (doc,) = _docs(path)
    assert doc.name == "wire-2"


def test_jsonl_record_without_title_keeps_lead_sentence(tmp_path):
    path = tmp_path / "wire.jsonl"
    path.write_text(json.dumps({"id": "a", "text": f"{LEAD}\n\n{SECOND}"}) + "\n", encoding="utf-8")
    assert LEAD in clean(_docs(path)[0], "test").text


# WARC --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("suffix,gz", [(".warc", False), (".warc.gz", True)])
def test_warc_html_responses_become_documents(tmp_path, suffix, gz):
    path = tmp_path / f"crawl{suffix}"
    write_warc(
        path,
        [
            ("https://kestrel.example/a", "text/html; charset=utf-8", _page("Dorvik shelled", "Kestrel News", "2021-03-02", [LEAD, SECOND]).encode()),
            ("https://kestrel.example/logo.png", "image/png", b"\x89PNG\r\n\x1a\nnot really an image"),
            ("https://kestrel.example/data.json", "application/json", b'{"a": 1}'),
            ("https://kestrel.example/b", "text/html", _page("Water plant hit", "Kestrel News", "2021-03-03", [THIRD, SECOND]).encode()),
        ],
        gz=gz,
    )
    if gz:
        assert path.read_bytes()[:2] == b"\x1f\x8b"
    docs = _docs(path)
    assert [d.url for d in docs] == ["https://kestrel.example/a", "https://kestrel.example/b"]
    assert [d.name for d in docs] == ["crawl-1", "crawl-2"]
    assert [d.source for d in docs] == [f"{path}#1", f"{path}#2"]
    assert all(d.is_html and d.format is InputFormat.WARC for d in docs)
    assert LEAD in clean(docs[0], "test").text
    assert THIRD in clean(docs[1], "test").text


def test_warc_without_html_records_is_skipped(tmp_path):
    path = tmp_path / "images.warc"
    write_warc(path, [("https://kestrel.example/logo.png", "image/png", b"\x89PNG\r\n\x1a\nxx")], gz=False)
    (item,) = _read(path)
    assert isinstance(item, Skipped)
    assert item.source == str(path)
    assert "no HTML" in item.reason


# feeds -------------------------------------------------------------------------------------------

RSS = f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel>
  <title>Caucasus Ledger</title>
  <link>https://cl.example/</link>
  <description>Reporting on the Velmar conflict.</description>
  <item>
    <title>Dorvik market shelled</title>
    <link>https://cl.example/2021/03/02/dorvik</link>
    <pubDate>Tue, 02 Mar 2021 17:05:00 +0000</pubDate>
    <description>A short teaser that is not the article.</description>
    <content:encoded><![CDATA[<p>{LEAD}</p><p>{SECOND}</p>]]></content:encoded>
  </item>
  <item>
    <title>Water plant hit</title>
    <link>https://cl.example/2021/03/03/water</link>
    <pubDate>Wed, 03 Mar 2021 08:00:00 +0000</pubDate>
    <description><![CDATA[<p>{THIRD}</p><p>{SECOND}</p>]]></description>
  </item>
</channel>
</rss>
"""

ATOM = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Harbour Times World</title>
  <id>urn:uuid:feed</id>
  <updated>2021-03-04T10:00:00Z</updated>
  <entry>
    <title>Water plant hit again</title>
    <link href="https://harbour.example/water"/>
    <id>urn:uuid:entry-1</id>
    <updated>2021-03-04T09:00:00Z</updated>
    <summary>{THIRD}</summary>
  </entry>
  <entry>
    <title>Dorvik market shelled</title>
    <link href="https://harbour.example/dorvik"/>
    <id>urn:uuid:entry-2</id>
    <published>2021-03-02T09:00:00Z</published>
    <updated>2021-03-02T11:00:00Z</updated>
    <content type="html">&lt;p&gt;{LEAD}&lt;/p&gt;&lt;p&gt;{SECOND}&lt;/p&gt;</content>
  </entry>
</feed>
"""


def test_feed_rss_entries_with_content_encoded_or_summary(tmp_path):
    path = tmp_path / "ledger.rss"
    path.write_text(RSS, encoding="utf-8")
    first, second = _docs(path)
    assert all(d.format is InputFormat.FEED and d.outlet == "Caucasus Ledger" for d in (first, second))
    assert (first.title, first.url, first.published) == ("Dorvik market shelled", "https://cl.example/2021/03/02/dorvik", "2021-03-02")
    assert (second.title, second.published) == ("Water plant hit", "2021-03-03")
    assert [d.name for d in (first, second)] == ["ledger-1", "ledger-2"]
    first_text = clean(first, "test").text
    assert LEAD in first_text and SECOND in first_text
    assert "teaser" not in first_text
    assert THIRD in clean(second, "test").text


def test_feed_entry_with_one_paragraph_html_summary_is_kept(tmp_path):
    path = tmp_path / "short.rss"
    path.write_text(RSS.replace(f"<p>{THIRD}</p><p>{SECOND}</p>", f"<p>{THIRD} {SECOND}</p>"), encoding="utf-8")
    second = _docs(path)[1]
    assert second.body == f"<p>{THIRD} {SECOND}</p>"
    assert THIRD in clean(second, "test").text


def test_feed_atom_entries_with_summary_or_content(tmp_path):
    path = tmp_path / "harbour.atom"
    path.write_text(ATOM, encoding="utf-8")
    first, second = _docs(path)
    assert first.outlet == "Harbour Times World"
    assert (first.title, first.url, first.published) == ("Water plant hit again", "https://harbour.example/water", "2021-03-04")
    assert second.published == "2021-03-02"
    assert clean(first, "test").text == THIRD
    second_text = clean(second, "test").text
    assert LEAD in second_text and SECOND in second_text


def test_feed_entry_without_content_is_skipped_alone(tmp_path):
    path = tmp_path / "thin.xml"
    path.write_text(
        RSS.replace("</channel>", "<item><title>Empty</title><link>https://cl.example/e</link></item></channel>"),
        encoding="utf-8",
    )
    items = _read(path)
    assert [type(i) for i in items] == [RawDocument, RawDocument, Skipped]
    assert items[2].source == f"{path}#3"


# folders -----------------------------------------------------------------------------------------


def _article(title: str) -> str:
    return f"{title}\n\n{LEAD}\n"


def test_folder_is_read_recursively_in_sorted_order(tmp_path):
    root = tmp_path / "corpus"
    (root / "b-sub" / "deeper").mkdir(parents=True)
    (root / "a-sub").mkdir()
    files = {
        "c.txt": "Third",
        "a-sub/z.txt": "Second",
        "b-sub/deeper/m.txt": "Deep",
        "a.txt": "First",
        "b-sub/k.txt": "Kay",
    }
    for relative, title in files.items():
        (root / relative).write_text(_article(title), encoding="utf-8")
    names = [d.source for d in _docs(root)]
    expected = [str(root / r) for r in ["a-sub/z.txt", "a.txt", "b-sub/deeper/m.txt", "b-sub/k.txt", "c.txt"]]
    assert names == expected
    assert [d.source for d in _docs(root)] == names


def test_folder_skips_hidden_files_and_folders(tmp_path):
    root = tmp_path / "corpus"
    (root / ".cache").mkdir(parents=True)
    (root / ".cache" / "old.txt").write_text(_article("Old"), encoding="utf-8")
    (root / ".draft.txt").write_text(_article("Draft"), encoding="utf-8")
    (root / "kept.txt").write_text(_article("Kept"), encoding="utf-8")
    assert [d.name for d in _docs(root)] == ["kept"]


def test_folder_ignores_unknown_extensions(tmp_path):
    root = tmp_path / "corpus"
    root.mkdir()
    (root / "notes.md").write_text(_article("Notes"), encoding="utf-8")
    (root / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (root / "story.txt").write_text(_article("Story"), encoding="utf-8")
    (root / "page.htm").write_text(_page("Page", "Kestrel News", "2021-03-02", [LEAD, SECOND]), encoding="utf-8")
    items = _read(root)
    assert [Path(i.source).name for i in items] == ["page.htm", "story.txt"]


def test_folder_mixes_formats(tmp_path):
    root = tmp_path / "mixed"
    root.mkdir()
    (root / "a.txt").write_text(_article("Plain"), encoding="utf-8")
    (root / "b.html").write_text(_page("Page", "Kestrel News", "2021-03-02", [LEAD, SECOND]), encoding="utf-8")
    (root / "c.jsonl").write_text(json.dumps({"title": "J", "text": SECOND}) + "\n", encoding="utf-8")
    (root / "d.rss").write_text(RSS, encoding="utf-8")
    formats = [d.format for d in _docs(root)]
    assert formats == [InputFormat.TEXT, InputFormat.HTML, InputFormat.JSONL, InputFormat.FEED, InputFormat.FEED]


def test_explicit_file_with_unknown_extension_is_read_as_text(tmp_path):
    path = tmp_path / "story.md"
    path.write_text(_article("Markdown story"), encoding="utf-8")
    (doc,) = _docs(path)
    assert doc.format is InputFormat.TEXT
    assert clean(doc, "test").title == "Markdown story"
