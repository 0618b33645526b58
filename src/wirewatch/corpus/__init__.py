"""The reconcile stage: corpus-level ledger objects built from per-sentence mentions."""
