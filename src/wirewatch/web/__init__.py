"""The serve stage: a dashboard and JSON API over the store."""
