"""The store stage: articles and ledger records in SQLite by default, PostgreSQL by URL."""

from .db import Store, database_url

__all__ = ["Store", "database_url"]
