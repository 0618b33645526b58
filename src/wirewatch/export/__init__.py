"""The export stage: ledger records in the formats other tools read."""
