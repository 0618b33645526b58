"""The extract stage: rules over annotated sentences that find figures, places, claims and agreements."""
