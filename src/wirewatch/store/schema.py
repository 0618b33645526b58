"""The store's tables, in SQLAlchemy Core so that SQLite and PostgreSQL share one schema."""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    PrimaryKeyConstraint,
    String,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData()

articles = Table(
    "articles",
    metadata,
    Column("id", String(40), primary_key=True, doc="hash of the normalised clean text"),
    Column("name", String(300), nullable=False, index=True, doc="the user's id: file stem or JSON Lines id"),
    Column("source", Text, nullable=False),
    Column("format", String(16), nullable=False),
    Column("outlet", String(300)),
    Column("url", Text),
    Column("title", Text),
    Column("published", Date, index=True),
    Column("published_precision", String(8)),
    Column("language", String(8), nullable=False),
    Column("text", Text, nullable=False),
    Column("dateline", Text),
    Column("credits", Text, nullable=False, default="", doc="agency names joined by '|'"),
    Column("removed_lines", Integer, nullable=False, default=0),
    Column("words", Integer, nullable=False),
    Column("pipeline_version", String(32), nullable=False),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
    Column("extracted_version", String(32), doc="wirewatch version whose rules produced the stored mentions"),
    Column("extract_error", Text, doc="why that version's extraction failed; null when it succeeded"),
    Column("raw", LargeBinary, doc="the input as read (zlib JSON), to clean again when the outlet's "
                                   "recurring lines change; null for inputs no outlet line can touch"),
)

# Columns added after the first release: a store made before them gains them when opened.
ADDED_COLUMNS = (("articles", "extract_error"), ("articles", "raw"))
# A watch asks for the articles stored since its last update (`Store.ids_ingested_since`); a store made before
# this index gains it when opened (`metadata.create_all` makes a missing table's indexes, not an existing one's).
ARTICLES_BY_INGESTION = Index("articles_by_ingested_at", articles.c.ingested_at)
ADDED_INDEXES = (ARTICLES_BY_INGESTION,)


def _provenance_columns() -> list[Column]:
    return [
        Column("article_id", String(40), ForeignKey("articles.id", ondelete="CASCADE"), nullable=False, index=True),
        Column("seq", Integer, nullable=False, doc="order of the mention within its article"),
        Column("sentence_index", Integer, nullable=False),
        Column("start", Integer, nullable=False),
        Column("end", Integer, nullable=False),
        Column("rule", String(200), nullable=False),
        Column("sentence", Text, nullable=False),
    ]


figures = Table(
    "figures",
    metadata,
    *_provenance_columns(),
    Column("kind", String(16), nullable=False),
    Column("value", BigInteger, nullable=False),
    Column("qualifier", String(16), nullable=False),
    Column("upper", BigInteger),
    Column("who", Text),
    Column("claimant", Text, nullable=False),
    Column("as_of", Date),
    Column("as_of_precision", String(8)),
    Column("historical", Boolean, nullable=False),
    PrimaryKeyConstraint("article_id", "seq"),
)

claims = Table(
    "claims",
    metadata,
    *_provenance_columns(),
    Column("stance", String(10), nullable=False),
    Column("speaker", Text, nullable=False),
    Column("accused", Text),
    Column("action", Text, nullable=False),
    Column("places", Text, nullable=False, doc="JSON list of place names"),
    PrimaryKeyConstraint("article_id", "seq"),
)

agreements = Table(
    "agreements",
    metadata,
    *_provenance_columns(),
    Column("kind", String(10), nullable=False),
    Column("parties", Text, nullable=False, doc="JSON list"),
    Column("mediators", Text, nullable=False, doc="JSON list"),
    Column("venue", Text),
    Column("date_text", Text),
    Column("date", Date),
    Column("date_precision", String(8)),
    Column("state", String(12), nullable=False),
    PrimaryKeyConstraint("article_id", "seq"),
)

events = Table(
    "events",
    metadata,
    *_provenance_columns(),
    Column("plover", String(12), nullable=False),
    Column("mode", String(20), nullable=False),
    Column("label", String(40), nullable=False),
    Column("acled_event", String(40), nullable=False),
    Column("acled", String(60), nullable=False),
    Column("actor", Text),
    Column("recipient", Text),
    Column("target", String(20)),
    Column("weapon", String(40)),
    Column("places", Text, nullable=False, doc="JSON list of place names"),
    Column("date", Date),
    Column("date_precision", String(8)),
    Column("negated", Boolean, nullable=False),
    Column("hypothetical", Boolean, nullable=False),
    Column("stance", String(10)),
    Column("speaker", Text),
    PrimaryKeyConstraint("article_id", "seq"),
)

place_mentions = Table(
    "place_mentions",
    metadata,
    *_provenance_columns(),
    Column("name", Text, nullable=False),
    Column("geonameid", BigInteger, index=True),
    Column("canonical", Text),
    Column("lat", Float),
    Column("lon", Float),
    Column("country", String(3)),
    Column("admin1", String(20)),
    Column("feature", String(10)),
    Column("population", BigInteger),
    Column("precision", String(10)),
    PrimaryKeyConstraint("article_id", "seq"),
)

date_mentions = Table(
    "date_mentions",
    metadata,
    *_provenance_columns(),
    Column("text", Text, nullable=False, doc="the date expression as written"),
    Column("kind", String(16), nullable=False, doc="the pattern of nlp/dates.py that found it"),
    Column("since", Boolean, nullable=False, doc="the start of a period ('since May 2'), not the date of a statement"),
    PrimaryKeyConstraint("article_id", "seq"),
)
# (A new table, so a store made before it gains it when opened: `metadata.create_all` adds missing tables.)

outlet_lines = Table(
    "outlet_lines",
    metadata,
    Column("outlet", String(300), primary_key=True),
    Column("line_hash", String(16), primary_key=True),
    Column("articles", Integer, nullable=False, doc="how many articles of the outlet carried the line"),
)

# Which short lines each article of an outlet carries: the articles to clean again when one of them
# becomes a recurring line of the outlet.
article_lines = Table(
    "article_lines",
    metadata,
    Column("article_id", String(40), ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("outlet", String(300), nullable=False),
    Column("line_hash", String(16), primary_key=True),
)
Index("article_lines_by_line", article_lines.c.outlet, article_lines.c.line_hash)

runs = Table(
    "runs",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("command", String(32), nullable=False),
    Column("started_at", DateTime(timezone=True), nullable=False),
    Column("pipeline_version", String(32), nullable=False),
    Column("stored", Integer, nullable=False, default=0),
    Column("already_present", Integer, nullable=False, default=0),
    Column("skipped", Integer, nullable=False, default=0),
    UniqueConstraint("id"),
)

# The analyst's corrections: append-only (an undo is a new row naming the one it cancels), keyed by
# what an item says (article, sentence hash, kind, value), never by a row id, so they outlive re-extraction.
corrections = Table(
    "corrections",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("made_at", DateTime(timezone=True), nullable=False),
    Column("author", String(100), nullable=False),
    Column("action", String(12), nullable=False, doc="reject, merge, fix, check or undo"),
    Column("kind", String(12), nullable=False, doc="claim, figure, incident, agreement, violation or actor"),
    Column("target", Text, nullable=False, doc="JSON: the item's stable key"),
    Column("value", Text, doc="JSON: the new value (fix, merge)"),
    Column("reason", Text, nullable=False, default=""),
    Column("undoes", Integer, doc="the correction an undo cancels"),
)

# Watching (issue 23): each watched source's validators and health, the items it has given, and the
# changes each ledger update found. Keys are hashes so that long URLs and paths fit any database.
watch_sources = Table(
    "watch_sources",
    metadata,
    Column("source_key", String(40), primary_key=True, doc="sha1 of the source as the user gave it"),
    Column("source", Text, nullable=False),
    Column("etag", Text),
    Column("last_modified", Text),
    Column("last_poll", DateTime(timezone=True)),
    Column("last_ok", DateTime(timezone=True)),
    Column("failures", Integer, nullable=False, default=0, doc="failed polls in a row"),
    Column("last_error", Text),
)

watch_items = Table(
    "watch_items",
    metadata,
    Column("source_key", String(40), primary_key=True),
    Column("item_key", String(40), primary_key=True, doc="sha1 of the item's URL, or of a file's path, size and time"),
    Column("item", Text, nullable=False),
    Column("seen_at", DateTime(timezone=True), nullable=False),
    Column("outcome", String(16), nullable=False, doc="stored, present or skipped"),
    Column("article_id", String(40)),
)

alerts = Table(
    "alerts",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("created_at", DateTime(timezone=True), nullable=False, index=True),
    Column("kind", String(20), nullable=False),
    Column("subject", String(40), nullable=False, doc="the incident, series or agreement id"),
    Column("body", Text, nullable=False, doc="the alert as JSON"),
)
