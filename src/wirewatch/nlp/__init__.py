"""Annotation: the spaCy pipeline, the gazetteer, dates and numbers."""
