"""The resolve stage: actors and places to canonical identities."""
