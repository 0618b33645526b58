"""Issue 18: generated documents, hostile in every way we could think of, go through clean ->
store -> extract -> ledger -> report without an exception, and leave a consistent store.

Bounded (a few hundred documents in all, derandomized so CI sees the same ones every run); the
model loads once per session.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wirewatch import runner
from wirewatch.api import Wirewatch
from wirewatch.ingest import storable
from wirewatch.model import InputFormat, RawDocument
from wirewatch.settings import Settings
from wirewatch.store import Store
from wirewatch.version import pipeline_version

WORDS = ["shelling", "killed", "wounded", "civilians", "soldiers", "ceasefire", "truce", "denied", "accused",
         "said", "ministry", "officials", "Kharkiv", "Goma", "Aleppo", "Tigray", "Marib", "army", "rebels",
         "on", "Monday", "December", "20", "at", "least", "more", "than", "the", "in", "of", "and", "a",
         "drone", "strike", "hit", "village", "\u201c", "\u201d", '"', "'", "\u00ab", "\u00bb", "-", "\u2013",
         "(", ")", ",", ".", ":", ";", "?", "!", "\t", "\x0b", "\x0c", "\x1b", "\u200b", "\u202e", "\ufeff",
         "\ufffd", "\u0130", "\u0131", "\u00e9", "\u05d0", "\u0627", "\u4e2d", "\U0001f525", "<script>", "&amp;",
         "=HYPERLINK(\"x\")", "|", "[a](b)", "*", "_"]
NUMBERS = st.one_of(
    st.integers(min_value=0, max_value=10**30).map(lambda n: f"{n:,}"),
    st.integers(min_value=0, max_value=10**25).map(str),
    st.sampled_from(["one", "twenty-one", "a hundred", "two thousand", "1.5 million", "9 billion billion",
                     "between 3 and 4", "3-2", "0", "00000000000000000000001", "9" * 400, "1e308", "-5"]),
)
DATES = st.one_of(
    st.dates().map(lambda d: d.isoformat()),
    st.sampled_from(["0001-01-01T00:00:00Z", "9999-12-20", "0000-00-00", "2020-02-30", "December 20, 9999",
                     "yesterday", "", "not a date", "2021-13-01", "1 March 0001"]),
)
TOKENS = st.one_of(st.sampled_from(WORDS), NUMBERS, st.text(max_size=12))


@st.composite
def sentences(draw) -> str:
    words = draw(st.lists(TOKENS, min_size=1, max_size=draw(st.sampled_from([6, 20, 400]))))
    return " ".join(words) + draw(st.sampled_from([".", "", "!", " \u00bb", ".\u201d"]))


@st.composite
def documents(draw, number: int) -> RawDocument:
    paragraphs = draw(st.lists(sentences(), min_size=1, max_size=5))
    is_html = draw(st.booleans())
    body = "\n\n".join(paragraphs)
    if is_html:
        body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return RawDocument(
        source=f"fuzz-{number}", name=f"fuzz-{number}", body=body, is_html=is_html,
        format=InputFormat.JSONL,
        outlet=draw(st.one_of(st.none(), st.sampled_from(["Kestrel News", "=cmd|x", "<b>Post</b>"]))),
        title=draw(st.one_of(st.none(), st.text(max_size=40))),
        published=draw(st.one_of(st.none(), DATES)),
    )


@settings(max_examples=60, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture,
                                 HealthCheck.data_too_large])
@given(data=st.data())
def test_fuzz_documents_through_every_stage(extractor, gazetteer, monkeypatch, data):
    monkeypatch.setenv("WIREWATCH_CACHE", str(gazetteer.path.parent))
    count = data.draw(st.integers(min_value=1, max_value=8))
    docs = [data.draw(documents(n)) for n in range(count)]
    with tempfile.TemporaryDirectory() as folder:
        db = str(Path(folder) / "fuzz.db")
        store_settings = Settings(db=db, min_text_chars=1)
        with Store(db) as store:
            outcomes = [runner.ingest_document(storable(doc), store, store_settings)[0] for doc in docs]
            ids = store.article_ids()
            assert len(ids) == outcomes.count("stored")
            results = list(runner.extract(ids, store, lambda: extractor))
            assert [x.article.id for x in results] == ids
            states = store.extraction_states()
            assert {version for version, _ in states.values()} <= {pipeline_version()}
            for extraction in results:
                text = extraction.article.text
                for field in ("figures", "places", "claims", "agreements", "events"):
                    for item in getattr(extraction, field):
                        assert 0 <= item.provenance.start <= item.provenance.end <= len(text)
                        assert item.provenance.article_id == extraction.article.id
                stored = store.extraction(extraction.article)
                if not states[extraction.article.id][1]:
                    assert len(stored.figures) == len(extraction.figures)
        with Wirewatch(db, store_settings) as handle:
            handle.ledger()
            for fmt in ("md", "html", "json"):
                assert handle.report(format=fmt)
            handle.incidents(since=dt.date(2000, 1, 1))
            handle.figures()
