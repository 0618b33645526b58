"""The store's tables, in SQLAlchemy Core so that SQLite and PostgreSQL share one schema."""

from __future__ import annotations

from sqlalchemy import Column, Date, DateTime, Integer, MetaData, String, Table, Text, UniqueConstraint

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
)

outlet_lines = Table(
    "outlet_lines",
    metadata,
    Column("outlet", String(300), primary_key=True),
    Column("line_hash", String(16), primary_key=True),
    Column("articles", Integer, nullable=False, doc="how many articles of the outlet carried the line"),
)

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
